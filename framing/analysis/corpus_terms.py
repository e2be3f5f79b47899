"""TF-IDF terms of every text and log-odds of every group, from one count matrix
(:func:`framing.analysis.term_counts.count_matrix`) shared by :mod:`framing.analysis.terms` and
:mod:`framing.analysis.logodds`."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import NamedTuple

from framing.analysis.logodds import PRIOR_SCALE, TermScore, log_odds_from_counts
from framing.analysis.term_counts import count_matrix
from framing.analysis.terms import distinctive_terms_from_counts
from framing.models import Term


class CorpusTerms(NamedTuple):
    """What :func:`corpus_terms` returns: TF-IDF terms per text, log-odds scores per group."""

    terms: list[list[Term]]
    log_odds: dict[str, list[TermScore]]


def corpus_terms(
    texts: Sequence[str],
    groups: Sequence[Hashable] | None = None,
    *,
    top: int = 15,
    background: Sequence[str] = (),
    prior_scale: float = PRIOR_SCALE,
    min_count: int = 1,
) -> CorpusTerms:
    """Distinctive terms of every text and log-odds of every group, from one count matrix.

    ``groups``: one label per text (e.g. its outlet); the log-odds groups are the distinct labels in
    order of first appearance, named ``str(label)``. See the module docstring.
    """
    texts = list(texts)
    background = list(background)
    if groups is not None and len(groups) != len(texts):
        raise ValueError(f"groups gives {len(groups)} labels for {len(texts)} texts: give one label per text")
    counts = count_matrix(texts + background)
    terms = distinctive_terms_from_counts(counts, top=top, n_texts=len(texts))
    rows: dict[Hashable, list[int]] = {}
    for row, label in enumerate(groups or ()):
        rows.setdefault(label, []).append(row)
    if len(rows) < 2:
        return CorpusTerms(terms, {})
    scores = log_odds_from_counts(
        counts,
        rows,
        background=range(len(texts), len(texts) + len(background)),
        prior_scale=prior_scale,
        min_count=min_count,
    )
    return CorpusTerms(terms, scores)
