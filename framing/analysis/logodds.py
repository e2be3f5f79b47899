"""Distinctive vocabulary by the log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words". For a term w, a group i and the rest j (every
other group pooled), with counts y, totals n, prior counts a_w and a0 = sum of a_w::

    d_w   = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w))
    var_w ~ 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
    z_w   = d_w / sqrt(var_w)

Positive z: the group uses w more than the rest does; negative: less. Terms are the unigrams and
bigrams of :func:`framing.analysis.terms.analyze_terms` (its news-fit stop list), so this view and the TF-IDF
view count the same things. With two groups the comparison is symmetric: z_A(w) == -z_B(w).

A pair of articles is a sample of two. The z-score is a standardised difference, not a test of an
outlet's habits: read it alongside the counts, and treat ``sparse`` terms (fewer than
:data:`SPARSE_BELOW` hits in all groups together) as too few to mean much.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain, repeat
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.analysis import collector
from framing.analysis.term_counts import TermCounts, count_matrix
from framing.analysis.term_words import analyze_terms
from framing.models import rebuild
from framing.text.document import Document, sentences, tokens

#: A term with fewer hits than this across all groups together is flagged ``sparse``: its score rests
#: on one or two occurrences, which the interface says is too few to mean much.
SPARSE_BELOW = 3

#: Default prior strength: a0 = PRIOR_SCALE * the mean number of terms per group (see :func:`log_odds`).
PRIOR_SCALE = 1.0

SCATTER_COLUMNS = ("group", "term", "count", "frequency", "z", "sparse")


class TermScore(NamedTuple):
    """One term's log-odds score for one group against the rest.

    ``count``: hits in the group; ``rest_count``: hits in all other groups; ``frequency``: hits per
    1,000 terms of the group (terms as counted by ``analyze_terms``, unigrams and bigrams together);
    ``delta``: the log-odds ratio d_w; ``z``: d_w over its standard error; ``sparse``: fewer than
    :data:`SPARSE_BELOW` hits in all groups together.
    """

    term: str
    group: str
    count: int
    rest_count: int
    frequency: float
    delta: float
    z: float
    sparse: bool


def count_terms(texts: Sequence[str]) -> Counter:
    """Counts of the unigrams and bigrams of ``analyze_terms`` over all ``texts``."""
    if isinstance(texts, str):  # a lone string would be read letter by letter
        texts = [texts]
    return Counter(chain.from_iterable(map(analyze_terms, texts)))


def _log_odds(y_i: float, n_i: float, y_j: float, n_j: float, a_w: float, a0: float) -> tuple[float, float]:
    """(d_w, z_w) exactly as in Monroe, Colaresi and Quinn (2008), eq. 16 and 18."""
    rest_i = n_i + a0 - y_i - a_w
    rest_j = n_j + a0 - y_j - a_w
    if rest_i <= 0 or rest_j <= 0:
        # Only when the prior's whole vocabulary is this one term: every group is all w, no difference.
        return 0.0, 0.0
    delta = math.log((y_i + a_w) / rest_i) - math.log((y_j + a_w) / rest_j)
    var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
    return delta, delta / math.sqrt(var)


def _check(groups: Mapping, prior_scale: float) -> None:
    if len(groups) < 2:
        raise ValueError(f"log-odds compares groups with each other: give at least 2 groups, got {len(groups)}")
    if not prior_scale > 0:
        raise ValueError(f"prior_scale must be positive, got {prior_scale!r}")


def log_odds(
    groups: Mapping[str, Sequence[str | Document]],
    *,
    background: Sequence[str | Document] = (),
    prior_scale: float = PRIOR_SCALE,
    min_count: int = 1,
) -> dict[str, list[TermScore]]:
    """Score every term of every group against the rest (one-vs-rest, any number of groups >= 2).

    ``groups`` maps a group name (an outlet, an article) to its texts (or their Documents, whose tokens
    are read rather than the text tokenised again). Returns, for each group in
    input order, one :class:`TermScore` per term that occurs at least ``min_count`` times in all
    groups together, sorted by z descending (ties: higher count first, then alphabetical).

    The prior. a_w is proportional to w's frequency in the ``background`` texts plus all group texts,
    so every scored term has a non-zero prior, and it is scaled so that
    ``a0 = prior_scale * mean number of terms per group``. Why this size: the prior then weighs as
    much as one typical group (with the default ``prior_scale=1``). The raw pooled counts of
    Monroe et al. would make a0 the size of all groups together, which with a handful of articles
    shrinks everything towards zero; a tiny a0 lets a term seen twice in one article and never in the
    other look as sure as a frequent one. One group's worth keeps the scores on the scale of the data
    at hand, whatever the size of the background (a big background changes the shape of the prior,
    not its strength). In practice z is not very sensitive to this for rare terms: a 4-to-0 split
    scores about 1.3-1.5 for any a_w between 0.2 and 2, which is as it should be for four hits.

    Raises ``ValueError`` for fewer than two groups, for groups whose texts hold no usable word
    at all, and for a non-positive ``prior_scale``.

    Every text is analysed once (equal texts once in all) into one count matrix; see
    :func:`log_odds_from_counts` to score counts made already (:mod:`framing.analysis.term_counts`).
    """
    _check(groups, prior_scale)
    row_of: dict[str, int] = {}
    items: list[str | Document] = []

    def row(item: str | Document) -> int:
        key = item.text if isinstance(item, Document) else item
        found = row_of.get(key)
        if found is None:
            found = row_of[key] = len(items)
            items.append(item)
        return found

    def rows(texts: Sequence[str | Document] | str | Document) -> list[int]:
        if isinstance(texts, str | Document):  # a lone string would be read letter by letter
            texts = [texts]
        return [row(t) for t in texts]

    group_rows = {name: rows(texts) for name, texts in groups.items()}
    background_rows = rows(background)
    counts = count_matrix(items)
    return log_odds_from_counts(
        counts, group_rows, background=background_rows, prior_scale=prior_scale, min_count=min_count
    )


def _indicator(row_lists: Sequence[Sequence[int]], n_rows: int) -> sp.csr_matrix:
    """One row per list, a 1 in each listed column (a column listed twice counts twice)."""
    cols = [np.asarray(r, dtype=np.int64).reshape(-1) for r in row_lists]
    indptr = np.zeros(len(cols) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(c) for c in cols])
    flat = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    if flat.size and (flat.min() < 0 or flat.max() >= n_rows):
        raise IndexError(f"row index out of range for a count matrix of {n_rows} rows")
    out = sp.csr_matrix((np.ones(flat.size, dtype=np.int64), flat, indptr), shape=(len(cols), n_rows))
    out.sum_duplicates()
    return out


def log_odds_from_counts(
    counts: TermCounts,
    groups: Mapping[str, Sequence[int]],
    *,
    background: Sequence[int] = (),
    prior_scale: float = PRIOR_SCALE,
    min_count: int = 1,
) -> dict[str, list[TermScore]]:
    """:func:`log_odds` from a :class:`~framing.analysis.term_counts.TermCounts`: the same scores, the same order.

    ``groups`` maps a group name to the rows of ``counts.matrix`` that hold its texts; ``background``
    lists the rows of the background texts. A row may serve several groups (and the background); a row
    listed twice counts twice, as a text given twice does.
    """
    _check(groups, prior_scale)
    matrix = counts.matrix
    n_rows = matrix.shape[0]
    names = list(groups)
    per_group = _indicator([groups[name] for name in names], n_rows) @ matrix  # groups x terms, sparse
    totals = np.asarray(per_group.sum(axis=1), dtype=np.int64).ravel().tolist()
    empty = [str(name) for name, n in zip(names, totals) if n == 0]
    if len(empty) == len(names):
        raise ValueError(
            "log-odds needs words to count: every group's texts are empty or hold only stop words and numbers"
        )
    if empty:
        raise ValueError(
            f"group(s) {', '.join(repr(e) for e in empty)} have no usable words (empty, or only stop words "
            "and numbers); remove them or give them text"
        )
    all_counts = np.asarray(per_group.sum(axis=0), dtype=np.int64).ravel()
    pooled = all_counts.copy()
    if len(background):
        pooled += np.asarray((_indicator([background], n_rows) @ matrix).sum(axis=0), dtype=np.int64).ravel()
    grand_total = sum(totals)
    pooled_total = int(pooled.sum())
    a0 = prior_scale * grand_total / len(names)
    scale = a0 / pooled_total

    # The scored vocabulary: terms of the groups (not of the background alone) with min_count hits.
    # Columns are in alphabetical order, so a column's position is the term's alphabetical rank.
    columns = np.flatnonzero((all_counts > 0) & (all_counts >= min_count))
    vocab = np.array(counts.vocabulary, dtype=object)[columns]
    y = per_group[:, columns].toarray().astype(np.int64, copy=False)
    y_all = all_counts[columns]
    a_w = pooled[columns].astype(np.float64) * scale
    sparse = y_all < SPARSE_BELOW
    rank = np.arange(len(columns))

    # The formula of _log_odds on arrays, one group at a time against the rest. The operations are done
    # in the same order, element by element, so the figures are those of the scalar version.
    ranked: list[tuple[np.ndarray, ...]] = []
    for g in range(len(names)):
        n_i = totals[g]
        n_j = grand_total - n_i
        y_i = y[g].astype(np.float64)
        rest_count = y_all - y[g]
        y_j = rest_count.astype(np.float64)
        rest_i = n_i + a0 - y_i - a_w
        rest_j = n_j + a0 - y_j - a_w
        ok = (rest_i > 0) & (rest_j > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((y_i + a_w) / rest_i) - np.log((y_j + a_w) / rest_j)
            var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
            z = delta / np.sqrt(var)
        delta = np.where(ok, delta, 0.0)
        z = np.where(ok, z, 0.0)
        frequency = 1000.0 * y_i / n_i
        order = np.lexsort((rank, -y[g], -z))  # z descending, then count descending, then term
        ranked.append((order, y[g][order], rest_count[order], frequency[order], delta[order], z[order]))

    # Every group's TermScores in one go (one C-level pass, the collector paused), then cut into groups.
    order, count, rest_count, frequency, delta, z = map(np.concatenate, zip(*ranked))
    group_names = [str(name) for name in names]
    with collector.paused():
        scores = rebuild(
            TermScore,
            zip(
                vocab[order].tolist(),
                chain.from_iterable(repeat(group, len(columns)) for group in group_names),
                count.tolist(),
                rest_count.tolist(),
                frequency.tolist(),
                delta.tolist(),
                z.tolist(),
                sparse[order].tolist(),
            ),
        )
    n = len(columns)
    return {group: list(scores[g * n : (g + 1) * n]) for g, group in enumerate(group_names)}


def _words(text: str) -> tuple[list[str], list]:
    toks = tokens(text)
    return [t.lower.replace("\u2019", "'") for t in toks], toks


def term_sentences(term: str, text: str) -> list[tuple[int, int]]:
    """Spans (start, end) in the original ``text`` of the sentences that contain ``term``.

    ``term`` is a unigram or bigram as ``analyze_terms`` makes them ("iran", "nuclear deal"); it is
    matched on the same word tokens, case-insensitively, so "Iran's" and "IRAN" match "iran", and a
    bigram matches two adjacent words separated only by white space, as ``analyze_terms`` requires
    (a hyphenated word such as "nuclear-deal" is one token and one term of its own). A match that
    straddles a sentence boundary gives every sentence it touches.
    """
    want, _ = _words(term)
    if not want:
        return []
    words, toks = _words(text)
    k = len(want)
    hits: list[tuple[int, int]] = []
    for i in range(len(words) - k + 1):
        if words[i : i + k] != want:
            continue
        gaps = (text[toks[j].end : toks[j + 1].start] for j in range(i, i + k - 1))
        if all(gap.isspace() or gap == "-" for gap in gaps):
            hits.append((toks[i].start, toks[i + k - 1].end))
    if not hits:
        return []
    out = []
    for span in sentences(text):
        if any(s < span.end and e > span.start for s, e in hits):
            out.append((span.start, span.end))
    return out


def scatter_frame(scores: Mapping[str, Sequence[TermScore]]) -> pd.DataFrame:
    """One row per (group, term) for a plotly scatter of frequency against z.

    Columns: group, term, count, frequency (per 1,000 terms of the group), z, sparse.
    """
    rows = [
        (s.group, s.term, s.count, s.frequency, s.z, s.sparse) for group_scores in scores.values() for s in group_scores
    ]
    frame = pd.DataFrame(rows, columns=list(SCATTER_COLUMNS))
    return frame.astype(
        {
            "group": "object",
            "term": "object",
            "count": "int64",
            "frequency": "float64",
            "z": "float64",
            "sparse": "bool",
        }
    )
