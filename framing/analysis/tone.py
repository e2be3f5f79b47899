"""Sentence tone with VADER (Hutto and Gilbert, 2014), overall and around each actor.

VADER is a rule-based sentiment lexicon shipped by the ``vaderSentiment`` package (MIT). Each sentence
of :func:`framing.text.document.sentences` gets its scores; ``compound`` runs from -1 (most negative) to +1,
and, as VADER's authors suggest, a sentence counts as negative at compound <= -0.05 and positive at
>= 0.05. Offsets index the original text. Read every number here with :data:`CAVEAT`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import fmean

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.text.document import Document, sentences, tokens, unify

CAVEAT = (
    "Tone comes from VADER, a word list built for social-media posts, which is rough on news writing: "
    "it scores the words in a sentence, not the writer's stance toward anyone, so read it as a hint, not a verdict."
)

#: VADER's usual cut-offs on the compound score.
NEGATIVE_AT = -0.05
POSITIVE_AT = 0.05

#: How many actors :func:`default_actors` picks.
DEFAULT_ACTORS = 8

MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow""".split()
)


@dataclass(frozen=True)
class SentenceTone:
    """VADER's scores for the sentence ``text[start:end]``."""

    start: int
    end: int
    compound: float
    pos: float
    neg: float
    neu: float


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    """One analyser per process: building it reads the lexicon file."""
    return SentimentIntensityAnalyzer()


def sentence_tones(text: str | Document) -> list[SentenceTone]:
    """VADER scores of every sentence, in order (a Document's own sentences when one is given).

    Curly quotes and apostrophes are unified first (offsets unchanged), so that "don’t" is read
    as VADER's negation "don't".
    """
    doc = text if isinstance(text, Document) else Document(text)
    analyzer = _analyzer()
    plain = doc.unified
    out = []
    for span in doc.sentences:
        s = analyzer.polarity_scores(plain[span.start : span.end])
        out.append(SentenceTone(span.start, span.end, s["compound"], s["pos"], s["neg"], s["neu"]))
    return out


def _summary(tones: Sequence[SentenceTone]) -> dict:
    n = len(tones)
    if not n:
        return {"mean": None, "negative_share": None, "positive_share": None, "count": 0}
    return {
        "mean": fmean(t.compound for t in tones),
        "negative_share": sum(t.compound <= NEGATIVE_AT for t in tones) / n,
        "positive_share": sum(t.compound >= POSITIVE_AT for t in tones) / n,
        "count": n,
    }


def article_tone(tones: Sequence[SentenceTone]) -> dict:
    """Mean compound, share of negative and of positive sentences, and sentence count.

    Keys: ``mean``, ``negative_share`` (compound <= -0.05), ``positive_share`` (>= 0.05), ``count``.
    With no sentences, ``count`` is 0 and the others are None.
    """
    return _summary(list(tones))


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """A whole-word pattern: exact case if the alias has a capital letter, any case otherwise."""
    words = unify(alias).split()
    body = r"\s+".join(re.escape(w) for w in words)
    flags = 0 if any(c.isupper() for c in alias) else re.IGNORECASE
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", flags)


def actor_tone(
    text: str | Document, tones: Sequence[SentenceTone], actors: Mapping[str, Sequence[str]]
) -> dict[str, dict]:
    """Tone of the sentences that mention each actor.

    ``actors`` maps a name to its aliases, e.g. ``{"Iran": ["Iran", "Tehran", "Iranian"]}``. An alias
    matches as a whole word ("Israel" does not match "Israeli"; "Iran's" does mention "Iran"), in
    exact case when it has a capital letter, in any case when it is all lower case ("the regime").
    For each actor: ``mean`` compound and ``count`` over the sentences that mention any alias, plus
    ``negative_share``, ``positive_share`` and ``spans`` (the sentences' (start, end)). An actor
    never mentioned has count 0 and mean None.
    """
    plain = text.unified if isinstance(text, Document) else unify(text)
    out: dict[str, dict] = {}
    for name, aliases in actors.items():
        if isinstance(aliases, str):
            aliases = [aliases]
        starts = sorted(m.start() for alias in aliases if alias.strip() for m in _alias_pattern(alias).finditer(plain))
        hit = [t for t in tones if _any_within(starts, t.start, t.end)]
        summary = _summary(hit)
        summary["spans"] = [(t.start, t.end) for t in hit]
        out[name] = summary
    return out


def _any_within(offsets: list[int], start: int, end: int) -> bool:
    """Some of the sorted ``offsets`` lies in ``start <= offset < end`` (a look-up, not a scan)."""
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _capitalised(word: str, stop_words: frozenset[str]) -> bool:
    return (
        len(word) > 1 and word[0].isupper() and word.lower() not in stop_words and word.lower() not in MONTHS_AND_DAYS
    )


def _plain_word(word: str, stop_words: frozenset[str]) -> bool:
    """A lower-case word that is not a stop word: the sign of running prose rather than a title."""
    return word[0].islower() and word.lower() not in stop_words


def default_actors(texts: Iterable[str], *, top: int = DEFAULT_ACTORS) -> dict[str, list[str]]:
    """The most frequent capitalised names across ``texts``, each its own one-alias list.

    A simple heuristic, not named-entity recognition:

    * a name is a run of capitalised words (first letter upper case, more than one letter, not a
      stop word, not a month or day) separated only by spaces, inside one sentence; a run of one or
      two words is the name, a longer run keeps its last two words ("Secretary of State Antony
      Blinken" gives "Antony Blinken", "Prime Minister Naftali Bennett" gives "Naftali Bennett");
    * a sentence of three or more words with no lower-case word outside the stop list is a title-case
      headline ("US Open to Other Options if Vienna Talks Reach Impasse") and is skipped;
    * a name seen only at the start of sentences is dropped ("Meanwhile", "Read");
    * a two-word name whose last word is also a name on its own is counted for that word
      ("Antony Blinken" counts for "Blinken", which matches it as a whole word anyway).

    Returns up to ``top`` names, most frequent first (ties alphabetical), each mapped to ``[name]``.
    """
    from framing.analysis.term_words import (
        STOP_WORDS,  # here, not at the top: term_words imports scikit-learn, which importing tone need not
    )

    counts: Counter = Counter()
    inner: set[str] = set()  # names seen at least once away from a sentence start
    for text in texts:
        all_toks = tokens(text)
        starts = [t.start for t in all_toks]
        for span in sentences(text):
            toks = all_toks[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
            if len(toks) > 2 and not any(_plain_word(t.text, STOP_WORDS) for t in toks):
                continue  # a title-case headline: every word looks like a name
            caps = [_capitalised(t.text, STOP_WORDS) for t in toks]
            i = 0
            while i < len(toks):
                if not caps[i]:
                    i += 1
                    continue
                j = i + 1
                while j < len(toks) and caps[j] and text[toks[j - 1].end : toks[j].start].isspace():
                    j += 1
                first = max(i, j - 2)
                name = " ".join(t.text for t in toks[first:j])
                counts[name] += 1
                if first > 0:
                    inner.add(name)
                i = j
    names = {n: c for n, c in counts.items() if n in inner}
    for n in [n for n in names if " " in n]:
        last = n.split()[-1]
        if last in names:
            names[last] += names.pop(n)
    ranked = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return {n: [n] for n, _ in ranked}
