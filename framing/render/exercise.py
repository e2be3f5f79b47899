"""Spot the frame: quiz questions generated from a comparison, every one traceable to its evidence.

Four kinds of question, all built from the engine's own hits and sentence alignments:

- ``which_outlet``: a sentence with a cue in it, outlet names hidden; which outlet wrote it?
- ``which_cue``: a marked word or phrase; which kind of cue is it (family label)?
- ``quote_or_own``: a marked cue; is it inside quoted speech or in the outlet's own words (``hit.in_quote``)?
- ``aligned_pair``: two sentences that report the same fact (a sentence pair of an alignment); which one
  is from outlet X?

Every passage carries its article id and its offsets, so ``article.text[start:end]`` is the sentence
and every revealed span is ``article.text[span.start:span.end]``. Generation is deterministic for a
seed: the same comparison and seed give the same questions. Sentences that name an outlet of the story
are skipped, so that the outlet cannot be read off the text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from framing.indicators import FAMILIES
from framing.models import ArticleAnalysis, Comparison, Hit, Span
from framing.render.highlight import STYLE, highlight_html

KINDS: tuple[str, ...] = ("which_outlet", "which_cue", "quote_or_own", "aligned_pair")
KIND_LABELS = {
    "which_outlet": "Which outlet?",
    "which_cue": "Which cue?",
    "quote_or_own": "Quote or own words?",
    "aligned_pair": "Same fact, two outlets",
}
QUOTED = "Quoted speech: someone else's words"
OWN = "The outlet's own words"
# Scare quotes sit inside quotation marks by definition, yet they are the writer's words: a trick question.
_QUOTE_FAMILIES = tuple(f for f in FAMILIES if f != "scare_quotes")
_MAX_SENTENCE = 600  # characters; longer "sentences" (run-on text, lists) make poor questions


def family_label(family: str) -> str:
    return STYLE.get(family, {}).get("label", family)


@dataclass(frozen=True)
class Passage:
    """``text`` is ``article.text[start:end]``; ``spans`` (offsets into the article) are revealed or marked."""

    article_id: str
    outlet: str
    start: int
    end: int
    text: str
    spans: tuple[Span, ...] = ()
    hits: tuple[Hit, ...] = ()  # every hit inside the passage, for the evidence view

    def local(self, span: Span) -> tuple[int, int]:
        """A span's offsets relative to the passage text."""
        return span.start - self.start, span.end - self.start


@dataclass(frozen=True)
class Question:
    kind: str
    prompt: str
    passages: tuple[Passage, ...]
    choices: tuple[str, ...]
    answer: str
    explanation: str
    family: str = ""
    category: str = ""
    entry_id: str = ""
    hit: Hit | None = None  # the hit the question is about (None for aligned pairs, which cite passage hits)

    def is_right(self, choice: str | None) -> bool:
        return choice == self.answer


def score(answers: Iterable[tuple[Question, str | None]]) -> tuple[int, int]:
    """(right answers, questions answered) for (question, chosen answer) pairs; None counts as wrong."""
    right = total = 0
    for question, choice in answers:
        total += 1
        right += question.is_right(choice)
    return right, total


def _outlet_names(comparison: Comparison) -> list[str]:
    names = []
    for k, an in enumerate(comparison.analyses):
        names.append(an.article.outlet.strip() or f"Article {k + 1}")
    return names


def _names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    words = sorted({n for n in names if n}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def _sentence_of(an: ArticleAnalysis, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around ``start:end``: offsets into the article text."""
    lo, hi = start, end
    for s in an.sentences:
        if s.start <= start < s.end:
            lo = min(lo, s.start)
        if s.start < end <= s.end:
            hi = max(hi, s.end)
    return lo, hi


def _passage(an: ArticleAnalysis, outlet: str, lo: int, hi: int, spans: Sequence[Span] = ()) -> Passage:
    text = an.article.text
    inside = tuple(h for h in an.hits if lo <= h.start and h.end <= hi)
    return Passage(an.article.id, outlet, lo, hi, text[lo:hi], tuple(spans), inside)


def _explain(hit: Hit) -> str:
    where = " It is inside quoted speech: the speaker's words, not the outlet's." if hit.in_quote else ""
    entry = f" (lexicon entry {hit.entry_id})" if hit.entry_id else ""
    return (
        f"“{hit.text}” is {family_label(hit.family).lower()}, {hit.category.replace('_', ' ')}: "
        f"{hit.explain}{entry}.{where}"
    )


def _usable(text: str, names: re.Pattern[str] | None) -> bool:
    if not text.strip() or len(text) > _MAX_SENTENCE:
        return False
    return names is None or not names.search(text)


def _hit_candidates(comparison: Comparison, outlets: Sequence[str], names: re.Pattern[str] | None):
    """(analysis index, hit, sentence lo, sentence hi) for every hit whose sentence is usable."""
    out = []
    for k, an in enumerate(comparison.analyses):
        text = an.article.text
        for h in an.hits:
            if not (0 <= h.start < h.end <= len(text)):
                continue
            lo, hi = _sentence_of(an, h.start, h.end)
            if _usable(text[lo:hi], names):
                out.append((k, h, lo, hi))
    return out


def _which_outlet(cands, comparison, outlets, rng) -> list[Question]:
    unique = [o for o in dict.fromkeys(outlets) if outlets.count(o) == 1]
    if len(unique) < 2:
        return []
    qs, seen = [], set()
    for k, h, lo, hi in cands:
        plain = h.family == "frames" or (h.family == "attribution" and h.category == "neutral")
        if outlets[k] not in unique or plain or (k, lo) in seen:
            continue
        seen.add((k, lo))
        an = comparison.analyses[k]
        choices = list(unique)
        rng.shuffle(choices)
        qs.append(
            Question(
                kind="which_outlet",
                prompt="Which outlet wrote this sentence? Look at the marked words: how is it told?",
                passages=(_passage(an, outlets[k], lo, hi, (Span(h.start, h.end),)),),
                choices=tuple(choices),
                answer=outlets[k],
                explanation=f"{outlets[k]} wrote it. " + _explain(h),
                family=h.family,
                category=h.category,
                entry_id=h.entry_id,
                hit=h,
            )
        )
    return qs


def _overlapping_families(an: ArticleAnalysis, h: Hit) -> set[str]:
    return {o.family for o in an.hits if o.start < h.end and h.start < o.end}


def _which_cue(cands, comparison, outlets, rng) -> list[Question]:
    qs, seen = [], set()
    for k, h, lo, hi in cands:
        if (k, h.start, h.end) in seen:
            continue
        seen.add((k, h.start, h.end))
        an = comparison.analyses[k]
        also = _overlapping_families(an, h)  # a span that is two kinds of cue at once: neither is wrong
        others = [f for f in FAMILIES if f not in also]
        rng.shuffle(others)
        choices = [family_label(f) for f in [h.family, *others[:3]]]
        rng.shuffle(choices)
        qs.append(
            Question(
                kind="which_cue",
                prompt=f"What kind of cue are the marked words “{h.text}”?",
                passages=(_passage(an, outlets[k], lo, hi, (Span(h.start, h.end),)),),
                choices=tuple(choices),
                answer=family_label(h.family),
                explanation=_explain(h),
                family=h.family,
                category=h.category,
                entry_id=h.entry_id,
                hit=h,
            )
        )
    return qs


def _quote_or_own(cands, comparison, outlets, rng) -> list[Question]:
    qs, seen = [], set()
    for k, h, lo, hi in cands:
        if h.family not in _QUOTE_FAMILIES or (k, h.start, h.end) in seen:
            continue
        seen.add((k, h.start, h.end))
        an = comparison.analyses[k]
        answer = QUOTED if h.in_quote else OWN
        why = (
            "It is inside quotation marks that report someone's speech, so the outlet is passing on the "
            "speaker's words."
            if h.in_quote
            else "It is outside any quoted speech, so these are the outlet's own words."
        )
        qs.append(
            Question(
                kind="quote_or_own",
                prompt=f"Are the marked words “{h.text}” quoted speech or the outlet's own words?",
                passages=(_passage(an, outlets[k], lo, hi, (Span(h.start, h.end),)),),
                choices=(QUOTED, OWN),
                answer=answer,
                explanation=f"{why} {_explain(h)}",
                family=h.family,
                category=h.category,
                entry_id=h.entry_id,
                hit=h,
            )
        )
    return qs


def _aligned_pairs(comparison, outlets, names, rng) -> list[Question]:
    qs = []
    for i, j, al in comparison.alignments:
        if outlets[i] == outlets[j]:
            continue
        ai, aj = comparison.analyses[i], comparison.analyses[j]
        for p in getattr(al, "pairs", ()):
            si, sj = ai.sentences[p.a], aj.sentences[p.b]
            pi = _passage(ai, outlets[i], si.start, si.end)
            pj = _passage(aj, outlets[j], sj.start, sj.end)
            if not (_usable(pi.text, names) and _usable(pj.text, names)):
                continue
            pi = replace(pi, spans=tuple(Span(h.start, h.end) for h in pi.hits if h.family != "frames"))
            pj = replace(pj, spans=tuple(Span(h.start, h.end) for h in pj.hits if h.family != "frames"))
            order = [pi, pj]
            rng.shuffle(order)
            target = order[rng.randrange(2)]
            answer = "Sentence A" if target is order[0] else "Sentence B"
            cues = [h for ps in order for h in ps.hits if h.family != "frames"]
            if not cues:  # nothing in either sentence to point at as evidence
                continue
            cue_text = " ".join(
                f"{label} ({ps.outlet}): "
                + (" ".join(_explain(h) for h in ps.hits if h.family != "frames") or "no word-choice cue found.")
                for label, ps in zip(("Sentence A", "Sentence B"), order)
            )
            qs.append(
                Question(
                    kind="aligned_pair",
                    prompt=f"Both sentences report the same fact (similarity {p.similarity:.2f}). "
                    f"Which one is from {target.outlet}?",
                    passages=tuple(order),
                    choices=("Sentence A", "Sentence B"),
                    answer=answer,
                    explanation=f"{answer} is from {target.outlet}. {cue_text}",
                    family=cues[0].family if cues else "",
                    category=cues[0].category if cues else "",
                    entry_id=cues[0].entry_id if cues else "",
                )
            )
    return qs


def make_questions(comparison: Comparison, *, seed: int, n: int = 10) -> list[Question]:
    """Up to ``n`` questions, the kinds taking turns; the same comparison and seed give the same list."""
    rng = random.Random(seed)
    outlets = _outlet_names(comparison)
    names = _names_pattern(outlets)
    cands = _hit_candidates(comparison, outlets, names)
    pools = {
        "which_outlet": _which_outlet(cands, comparison, outlets, rng),
        "which_cue": _which_cue(cands, comparison, outlets, rng),
        "quote_or_own": _quote_or_own(cands, comparison, outlets, rng),
        "aligned_pair": _aligned_pairs(comparison, outlets, names, rng),
    }
    for pool in pools.values():
        rng.shuffle(pool)
    order = list(KINDS)
    rng.shuffle(order)
    out: list[Question] = []
    used: set[tuple[str, int]] = set()  # (article, sentence start): each sentence at most once a round
    while len(out) < n and any(pools.values()):
        for kind in order:
            pool = pools[kind]
            while pool:
                q = pool.pop()
                keys = {(p.article_id, p.start) for p in q.passages}
                if keys & used:
                    continue
                used |= keys
                out.append(q)
                break
            if len(out) >= n:
                break
    return out


def sentence_html(
    text: str,
    start: int,
    end: int,
    hits: Sequence[Hit] = (),
    *,
    quotes: Sequence = (),
    families: Iterable[str] | None = None,
) -> str:
    """``text[start:end]`` escaped, with the hits inside it marked (via :func:`highlight_html`)."""
    # escape-first (highlight_html): the article text never becomes live HTML

    local = [h._replace(start=h.start - start, end=h.end - start) for h in hits if start <= h.start and h.end <= end]
    qs = [
        q._replace(
            start=q.start - start,
            end=q.end - start,
            inner_start=q.inner_start - start,
            inner_end=q.inner_end - start,
        )
        for q in quotes
        if start <= q.start and q.end <= end
    ]
    return highlight_html(text[start:end], local, families=families, quotes=qs)
