"""Frame cues: words that point toward one of the 14 generic frames of the Policy Frames Codebook.

The frames are those of Boydstun, Card, Gross, Resnik and Smith (2014), as used in the Media Frames
Corpus and SemEval-2023 Task 3 (economic, legality, security and defense, ...). A hit here is a *cue*,
never a classification: "sanctions" points the reader toward the economic angle, but whether an article
uses the economic frame is a coder's judgement of the whole text, and a count of cue words is not that
judgement. :func:`frame_profile` therefore reports counts, rates and the words behind them for every
frame, and names no winner.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from framing.indicators.context import Context
from framing.indicators.lookup import lexicon_hits
from framing.models import Hit, rate

FAMILY = "frames"


def detect(ctx: Context) -> list[Hit]:
    return lexicon_hits(ctx, FAMILY)


def shipped_categories() -> tuple[str, ...]:
    """The frame ids in the order of the shipped ``frames.yaml``."""
    from framing.lexicons import load_shipped

    return tuple(load_shipped()[FAMILY].categories)


def frame_profile(hits: Sequence[Hit], word_count: int, categories: Iterable[str] | None = None) -> dict[str, dict]:
    """Cue counts per frame: ``{frame: {"hits": n, "per_1000_words": rate, "terms": [...]}}``.

    Every frame is present, in lexicon order, zeros included, so that two articles compare frame by
    frame. ``terms`` are the distinct cue words as they appeared, lower-cased and sorted. Hits of other
    families are ignored. ``categories`` defaults to the frames of the shipped lexicon; pass them when
    using another lexicon.
    """
    frames = tuple(categories) if categories is not None else shipped_categories()
    counts = {f: 0 for f in frames}
    terms: dict[str, set[str]] = {f: set() for f in frames}
    for h in hits:
        if h.family != FAMILY or h.category not in counts:
            continue
        counts[h.category] += 1
        terms[h.category].add(" ".join(h.text.lower().split()))
    return {
        f: {"hits": counts[f], "per_1000_words": rate(counts[f], word_count), "terms": sorted(terms[f])} for f in frames
    }
