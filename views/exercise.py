"""Spot the frame: a round of questions on one story, outlets hidden, evidence revealed after each answer."""

from __future__ import annotations

import random

import streamlit as st

from framing.render import KIND_LABELS, Question, css, make_questions, sentence_html, spans_html
from views import _state
from views._ui import md_escape

STYLE = f"<style>{css()}.ex-target{{background:#FFE08A;padding:0 2px;border-radius:3px;color:inherit;"
STYLE += "outline:2px solid #8A6D00;text-decoration:underline}</style>"
LARGE = """<style>
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] {
  font-size: 1.6rem !important; line-height: 1.5 !important; }
[data-testid="stMain"] h1 { font-size: 3rem !important; }
[data-testid="stMain"] h3 { font-size: 2.1rem !important; }
.fr-article, .fr-sentence { font-size: 1.9rem !important; line-height: 1.6 !important; }
[data-testid="stMain"] button p { font-size: 1.5rem !important; }
[data-testid="stMain"] [role="radiogroup"] label { padding: .3rem 0; }
</style>"""
ROUND = 10
K = "exercise_"  # every session_state key of this page starts with it


def _ss(name: str, default=None):
    return st.session_state.get(K + name, default)


def _set(name: str, value) -> None:
    st.session_state[K + name] = value


def _choice_key(seed: int, index: int) -> str:
    return f"{K}choice_{seed}_{index}"


def _start() -> None:
    _set("seed", random.randrange(1_000_000))
    _set("round_story", st.session_state[K + "story"])
    _set("index", 0)
    _set("checked", False)
    _set("answers", [])
    _set("need_choice", False)


def _check(question: Question) -> None:
    choice = st.session_state.get(_choice_key(_ss("seed"), _ss("index")))
    if choice is None:
        _set("need_choice", True)
        return
    right = question.is_right(choice)
    _set("answers", [*_ss("answers", []), (_ss("index"), choice, right)])
    _set("session_right", _ss("session_right", 0) + right)
    _set("session_total", _ss("session_total", 0) + 1)
    _set("checked", True)
    _set("need_choice", False)


def _next() -> None:
    _set("index", _ss("index", 0) + 1)
    _set("checked", False)


def _passage_html(question: Question, k: int, texts: dict[str, str], revealed: bool) -> str:
    p = question.passages[k]
    if revealed:  # the evidence: every cue of the sentence, explained on hover
        hits = [question.hit] if question.hit is not None and question.kind != "which_outlet" else p.hits
        families = None if question.kind != "aligned_pair" else [h.family for h in p.hits if h.family != "frames"]
        return sentence_html(texts[p.article_id], p.start, p.end, hits, families=families)
    if question.kind == "aligned_pair":
        return f'<div class="fr-sentence">{spans_html(p.text, [])}</div>'
    marked = [p.local(s) for s in p.spans]
    return f'<div class="fr-sentence">{spans_html(p.text, marked, css_class="ex-target")}</div>'


def _score_line() -> str:
    right = sum(1 for *_, ok in _ss("answers", []) if ok)
    return f"Score this round: {right} of {len(_ss('answers', []))}"


st.title("Spot the frame")
large = st.toggle("Large text for projecting", key=K + "large")
if large:
    st.html(LARGE)
st.caption(
    "Pick a story and start a round. Each question shows a sentence with the outlet's name hidden; choose an "
    "answer, press Check to see the evidence, then Next. Use Tab and the arrow keys to move between answers."
)

articles = _state.library().articles()
stories = [s["name"] for s in _state.library().stories() if s["articles"] >= 2]
if not stories:
    st.info("The exercise needs a story with at least two articles: add them on the Library page.")
    st.stop()
first = next((a.story for a in articles if a.story in stories), stories[0])
story = st.selectbox("Story", stories, index=stories.index(first), key=K + "story")
st.button("Start a round", key=K + "start", on_click=_start, type="primary")
if _ss("session_total"):
    st.markdown(f"Score this session: **{_ss('session_right', 0)} of {_ss('session_total')}**")

seed = _ss("seed")
if seed is None:
    st.stop()
round_story = _ss("round_story")
chosen = tuple(a for a in articles if a.story == round_story)
comparison = _state.comparison(chosen, tuple(a.text for a in articles))
questions = make_questions(comparison, seed=seed, n=ROUND)
texts = {an.article.id: an.article.text for an in comparison.analyses}
if round_story != story:
    st.caption(f"This round is on {md_escape(round_story)}: press Start a round for the story picked above.")
if not questions:
    st.warning("No questions could be made from this story's articles.")
    st.stop()

index = _ss("index", 0)
st.html(STYLE)
if index >= len(questions):
    right = sum(1 for *_, ok in _ss("answers", []) if ok)
    st.subheader(f"Round finished: {right} of {len(questions)} right")
    st.markdown(f"Round code {seed}. Press Start a round for new questions.")
    st.stop()

q = questions[index]
checked = bool(_ss("checked"))
st.subheader(f"Question {index + 1} of {len(questions)} · {KIND_LABELS[q.kind]}")
st.caption(_score_line())
st.markdown(md_escape(q.prompt))
if q.kind == "aligned_pair":
    cols = st.columns(2, gap="large")
    for k, col in enumerate(cols):
        with col:
            st.markdown(f"**Sentence {'AB'[k]}**" + (f" — {md_escape(q.passages[k].outlet)}" if checked else ""))
            st.html(STYLE + _passage_html(q, k, texts, checked))
else:
    st.html(STYLE + _passage_html(q, 0, texts, checked))
choice = st.radio(
    "Your answer",
    q.choices,
    index=None,
    key=_choice_key(seed, index),
    disabled=checked,
)
if not checked:
    st.button("Check", key=K + "check", on_click=_check, args=(q,), type="primary")
    if _ss("need_choice"):
        st.warning("Pick an answer first.")
else:
    _, given, ok = _ss("answers")[-1]
    if ok:
        st.success(f"Right: {md_escape(q.answer)}")
    else:
        st.error(f"Not quite. You said {md_escape(given)}; the answer is {md_escape(q.answer)}.")
    st.markdown("**Evidence:** " + md_escape(q.explanation))
    if q.kind == "which_outlet":
        st.caption(f"Written by {md_escape(q.passages[0].outlet)}.")
    st.button("Next" if index + 1 < len(questions) else "See the score", key=K + "next", on_click=_next, type="primary")
