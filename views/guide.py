"""Guide page: what framing is and what each kind of cue means, with live examples from a chosen story."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from framing import FAMILIES, Comparison
from framing.analysis import article_tone
from framing.models import ArticleAnalysis, Hit
from framing.render import article_label, css, legend_html, sentence_html
from views import _state
from views._ui import family_label, md_escape

STYLE = f"<style>{css()}</style>"
PRINT_CSS = """<style>
@media print {
  header, footer, [data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarNav"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stSelectbox"], .guide-noprint { display: none !important; }
  [data-testid="stMain"], [data-testid="stMainBlockContainer"], .block-container {
    padding: 0 !important; margin: 0 !important; max-width: 100% !important; }
  mark, .fr-speech, .fr-key { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; }
  .fr-article { break-inside: avoid; }
}
</style>"""
MAX_EXAMPLES = 3

# Plain words for a 15-year-old: what the cue is, and why a reader should notice it.
FAMILY_TEXT = {
    "attribution": (
        "When a report passes on what someone said, it has to pick a verb. *Said* is plain. *Claimed* or "
        "*alleged* hints that the statement may not be true; *revealed* or *confirmed* treats it as fact; "
        "*warned* or *insisted* makes the speaker sound forceful. Same words spoken, different picture of the speaker."
    ),
    "scare_quotes": (
        "Quotation marks around a single word or short phrase that nobody is being quoted for — or the words "
        "*so-called* — tell you the writer does not accept that word. It is like making air quotes with your fingers."
    ),
    "labels": (
        "Many things have more than one name, and the names are not neutral: *fighters*, *militants* and "
        "*terrorists* can describe the same people. Which name a report uses often shows which side it takes."
    ),
    "hedges": (
        "Hedges (*may*, *reportedly*, *appears*) make a claim weaker: the writer does not fully vouch for it. "
        "Boosters (*clearly*, *in fact*) make it stronger. Watch which claims get hedged and which get boosted."
    ),
    "loaded_language": (
        "Words with strong feelings attached — *brutal*, *massacre*, *blackmail*, *aggression* — push the reader "
        "to feel something before they have weighed the facts."
    ),
    "agency": (
        "Grammar can hide who did something. *Police shot three men* names the doer; *three men were shot* does "
        "not; *three men died* does not even say that anyone did anything. Ask: who did it, and does the sentence say?"
    ),
    "frames": (
        "Some words point to a way of seeing the issue: as a matter of money, of security, of law, of morality, "
        "of health… These are *cues*, not a verdict: a word count is not a careful reading, so treat them as hints."
    ),
}
QUOTES_TEXT = (
    "Whose words are in the article? Quotation marks give someone a voice. Notice who is quoted, who is "
    "quoted first, and who only gets described. Words inside a quote are the speaker's, not the outlet's — "
    "in this tool they are shaded, and cues inside them are set in italics."
)
SELECTION_TEXT = (
    "Framing is also about what is left in and what is left out. Two reports of the same event share some "
    "facts; each also has sentences the other leaves out. What is missing can matter as much as what is there."
)
TONE_TEXT = (
    "Tone is how positive or negative the sentences sound, measured with VADER, a word list built for social "
    "media posts. On news it is rough — it cannot tell a report *about* a sad event from a report that takes "
    "sides — so use it as a starting point for reading, never as proof."
)


def _examples(analyses: tuple[ArticleAnalysis, ...], family: str) -> list[tuple[ArticleAnalysis, Hit]]:
    """Up to MAX_EXAMPLES hits of a family: the outlet's own words first, outlets and categories taking turns."""
    queues = []
    for an in analyses:
        hits = [h for h in an.hits if h.family == family]
        hits.sort(key=lambda h: (h.in_quote, h.category == "neutral", h.start))  # telling cues first
        queues.append([(an, h) for h in hits])
    out: list[tuple[ArticleAnalysis, Hit]] = []
    seen: set[tuple[str, str]] = set()
    picked: set[tuple[str, int, int]] = set()
    for strict in (True, False):  # first pass: a new category for each outlet; second: anything left
        for k in range(max((len(q) for q in queues), default=0)):
            for q in queues:
                if k < len(q) and len(out) < MAX_EXAMPLES:
                    an, h = q[k]
                    key = (an.article.id, h.category)
                    if (an.article.id, h.start, h.end) in picked or (strict and key in seen):
                        continue
                    seen.add(key)
                    picked.add((an.article.id, h.start, h.end))
                    out.append((an, h))
    return out


def _sentence_bounds(an: ArticleAnalysis, start: int, end: int) -> tuple[int, int]:
    lo, hi = start, end
    for s in an.sentences:
        if s.start <= start < s.end:
            lo = min(lo, s.start)
        if s.start < end <= s.end:
            hi = max(hi, s.end)
    return lo, hi


def _show_hit(an: ArticleAnalysis, h: Hit) -> None:
    lo, hi = _sentence_bounds(an, h.start, h.end)
    quoted = " · inside quoted speech (the speaker's words)" if h.in_quote else ""
    st.markdown(
        f"**{md_escape(article_label(an))}** · {md_escape(h.category.replace('_', ' '))}{quoted}: "
        f"“{md_escape(h.text)}” — {md_escape(h.explain)}"
    )
    st.html(STYLE + sentence_html(an.article.text, lo, hi, [h], quotes=an.quotes))


def _family_section(comparison: Comparison, family: str) -> None:
    st.subheader(family_label(family))
    lexicon = _state.analyzer().lexicons.get(family)
    # (a family added since this page was written is explained by its lexicon's own description)
    st.markdown(FAMILY_TEXT.get(family) or (md_escape(lexicon.description) if lexicon else ""))
    examples = _examples(comparison.analyses, family)
    if not examples:
        st.caption("No example of this kind of cue in this story's articles: try another story.")
    for an, h in examples:
        _show_hit(an, h)


def _voices(comparison: Comparison) -> None:
    st.subheader("Quotes and voice")
    st.markdown(QUOTES_TEXT)
    for an in comparison.analyses:
        speech = [q for q in an.quotes if q.is_speech and q.kind != "indirect"]
        speakers = sorted(an.speakers, key=lambda s: s.first_position)
        first = f" First to speak: {md_escape(speakers[0].name)}." if speakers else ""
        most = max(an.speakers, key=lambda s: s.words, default=None)
        longest = f" Most quoted words: {md_escape(most.name)} ({most.words})." if most and most.words else ""
        st.markdown(f"**{md_escape(article_label(an))}**: {len(speech)} quotations.{first}{longest}")
        direct = next((q for q in an.quotes if q.kind == "direct"), None)
        if direct is not None:
            lo, hi = _sentence_bounds(an, direct.start, direct.end)
            hits = [h for h in an.hits if h.family == "attribution" and lo <= h.start and h.end <= hi]
            st.html(STYLE + sentence_html(an.article.text, lo, hi, hits, quotes=an.quotes))


def _selection(comparison: Comparison) -> None:
    st.subheader("Selection: what is in, what is left out")
    st.markdown(SELECTION_TEXT)
    if not comparison.alignments:
        st.caption("This story has only one article: nothing to set it against.")
        return
    i, j, al = comparison.alignments[0]
    a, b = comparison.analyses[i], comparison.analyses[j]
    st.markdown(
        f"**{md_escape(article_label(a))}** and **{md_escape(article_label(b))}** report {len(al.pairs)} "
        f"facts in sentences that match; {len(al.only_a)} of {len(a.sentences)} sentences are only in the "
        f"first, {len(al.only_b)} of {len(b.sentences)} only in the second."
    )
    if al.pairs:
        p = al.pairs[0]
        sa, sb = a.sentences[p.a], b.sentences[p.b]
        left, right = st.columns(2, gap="large")
        with left:
            st.caption(md_escape(article_label(a)))
            st.html(STYLE + sentence_html(a.article.text, sa.start, sa.end, a.hits, quotes=a.quotes))
        with right:
            st.caption(md_escape(article_label(b)))
            st.html(STYLE + sentence_html(b.article.text, sb.start, sb.end, b.hits, quotes=b.quotes))
    for an, only in ((a, al.only_a), (b, al.only_b)):
        if only:
            s = an.sentences[only[0]]
            st.markdown(f"Only in **{md_escape(article_label(an))}**: “{md_escape(an.article.text[s.start : s.end])}”")


def _tone(comparison: Comparison) -> None:
    st.subheader("Tone")
    st.markdown(TONE_TEXT)
    for an in comparison.analyses:
        tones = comparison.tones.get(an.article.id, ())
        t = article_tone(tones)
        if not t["count"]:
            continue
        worst = min(tones, key=lambda x: x.compound)
        st.markdown(
            f"**{md_escape(article_label(an))}**: average tone {t['mean']:+.2f} (−1 very negative, +1 very "
            f"positive); {round(100 * t['negative_share'])}% of sentences sound negative. Most negative: "
            f"“{md_escape(an.article.text[worst.start : worst.end])}”"
        )


def _most_common(hits: list[Hit]) -> tuple[str, int]:
    ((text, n),) = Counter(h.text.lower() for h in hits).most_common(1)
    return text, n


def discussion_questions(comparison: Comparison) -> list[str]:
    """Questions for the class, each built from this story's numbers (plain text; escape before Markdown)."""
    ans = comparison.analyses
    names = [article_label(an) for an in ans]
    out: list[str] = []

    def of(an: ArticleAnalysis, family: str, category: str | None = None, own: bool = False) -> list[Hit]:
        return [
            h
            for h in an.hits
            if h.family == family and (category is None or h.category == category) and not (own and h.in_quote)
        ]

    for k, an in enumerate(ans):  # attribution: distancing in one, neutral in another
        dist = of(an, "attribution", "distancing")
        for m, other in enumerate(ans):
            neutral = of(other, "attribution", "neutral")
            if m != k and dist and neutral:
                d, nd = _most_common(dist)
                s, ns = _most_common(neutral)
                out.append(
                    f"{names[k]} uses “{d}” ({nd}×; {len(dist)} distancing verbs in all), while {names[m]} mostly "
                    f"writes “{s}” ({ns}×). Why might that matter to a reader deciding whom to believe?"
                )
                break
        if len(out) >= 1:
            break
    scare = [(k, of(an, "scare_quotes")) for k, an in enumerate(ans)]
    with_scare = [(k, hs) for k, hs in scare if hs]
    if with_scare and len(with_scare) < len(ans):
        k, hs = with_scare[0]
        without = ", ".join(names[m] for m, h in scare if not h)
        out.append(
            f"{names[k]} puts {hs[0].text} in quotation marks ({len(hs)} scare quotes); {without} does not. "
            "What is the writer telling you about that word?"
        )
    concepts: dict[str, dict[int, str]] = {}
    for k, an in enumerate(ans):
        for h in of(an, "labels", own=True):
            concepts.setdefault(h.category, {}).setdefault(k, h.text)
    for concept, used in concepts.items():
        if len(set(t.lower() for t in used.values())) > 1:
            pairs = "; ".join(f"{names[k]} writes “{t}”" for k, t in used.items())
            out.append(f"For {concept.replace('_', ' ')}: {pairs}. Do these names mean the same thing to you?")
            break
    loaded = [(an.rates(("loaded_language",))["loaded_language"], k) for k, an in enumerate(ans)]
    if len(ans) > 1 and max(loaded)[0] > 0:
        hi_rate, k = max(loaded)
        lo_rate, m = min(loaded)
        if hi_rate > lo_rate:
            words = ", ".join(dict.fromkeys(f"“{h.text}”" for h in of(ans[k], "loaded_language")))
            out.append(
                f"{names[k]} has {hi_rate:.1f} loaded words per 1,000 ({words}); {names[m]} has {lo_rate:.1f}. "
                "How do those words make you feel before you know the facts?"
            )
    agentless = [
        (len(of(an, "agency", "agentless_passive")) + len(of(an, "agency", "intransitive_outcome")), k)
        for k, an in enumerate(ans)
    ]
    if agentless and max(agentless)[0] > 0:
        n, k = max(agentless)
        out.append(
            f"{names[k]} has {n} sentence{'s' if n != 1 else ''} where something happens but no one is said to do "
            "it. Find one: who did it, and why might the report not say?"
        )
    if comparison.alignments:
        i, j, al = comparison.alignments[0]
        out.append(
            f"{names[i]} has {len(al.only_a)} sentences that {names[j]} leaves out, and {names[j]} has "
            f"{len(al.only_b)} that {names[i]} leaves out. Pick one left-out fact: would the story feel different "
            "without it?"
        )
    firsts = [
        (names[k], min(an.speakers, key=lambda s: s.first_position).name) for k, an in enumerate(ans) if an.speakers
    ]
    if len(firsts) > 1 and len({f for _, f in firsts}) > 1:
        out.append(
            "Who speaks first? " + "; ".join(f"{n}: {f}" for n, f in firsts) + ". Why might the first voice matter?"
        )
    out.append(
        "Both reports are about the same event. Without looking at the highlights, which one would you trust "
        "more — and is that because of the facts it gives, or the words it uses?"
    )
    return out


st.html(PRINT_CSS)
st.title("Guide: how to spot framing")
st.caption(
    "Print this guide: use your browser's Print command (Ctrl+P, or ⌘P on a Mac). The menus and controls "
    "are left off the printout."
)
st.markdown(
    "**What is framing?** Any report has to choose: which facts come first, which are left out, whose words are "
    "quoted, and which words describe what happened. Those choices make some parts of a story stand out and "
    "steer the reader toward one way of seeing it — what the problem is, who caused it, who is to blame and "
    "what should be done. The researcher Robert Entman (1993) called this *framing*. Two reports can share "
    "every fact and still frame them differently. This guide shows the cues to look for, with examples from "
    "real articles in the library. A cue is evidence to look at, not a verdict: one article does not tell "
    "you how an outlet always writes."
)

articles = _state.library().articles()
stories = [s["name"] for s in _state.library().stories() if s["articles"]]
first = next((a.story for a in articles if a.story), "")
if not stories:
    st.info("The library has no stories yet: add articles on the Library page and give them a story.")
    st.stop()
story = st.selectbox(
    "Story for the examples",
    stories,
    index=stories.index(first) if first in stories else 0,
    key="guide_story",
)
chosen = tuple(a for a in articles if a.story == story)
background = tuple(a.text for a in articles)
comparison = _state.comparison(chosen, background)
st.markdown(
    f"Examples below come from {len(chosen)} articles of **{md_escape(story)}**: "
    + ", ".join(md_escape(article_label(an)) for an in comparison.analyses)
    + "."
)
st.html(STYLE + legend_html(FAMILIES))

st.header("The cues, one by one")
for family in FAMILIES:
    _family_section(comparison, family)
_voices(comparison)
_selection(comparison)
_tone(comparison)

st.header("Questions for discussion")
for k, q in enumerate(discussion_questions(comparison), start=1):
    st.markdown(f"{k}\\. {md_escape(q)}")
