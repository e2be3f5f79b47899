"""Distinctive terms: the words and two-word phrases that set each article apart, by TF-IDF.

Stop words: scikit-learn's English list, minus the words on it that carry meaning in news
(``KEEP``: "serious", "fire", "bill", "interest", "system", ...). The list's own provenance is one
comment; stripping "serious" would hide exactly the word an outlet leans on ("Iran is not serious").
Numbers and one-letter tokens are left out. Bigrams are built from adjacent words that are both kept,
so "nuclear deal" survives but "deal would" does not; a negation may open a bigram ("not serious").

Two ways in, same results:

* ``distinctive_terms(texts, top=15, background=())`` -- texts in, top terms per text out.
* ``distinctive_terms_from_counts(counts, top=15, n_texts=None)`` -- from a
  :class:`framing.analysis.term_counts.TermCounts` made once with :func:`framing.analysis.term_counts.count_matrix`
  (and shared with :func:`framing.analysis.logodds.log_odds_from_counts`);
  :func:`framing.analysis.corpus_terms.corpus_terms` does both from one count matrix.

The words a term is made of, and how fast they are read: :mod:`framing.analysis.term_words`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice, repeat

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer

from framing.analysis import collector
from framing.analysis.term_counts import TermCounts, count_matrix
from framing.models import Term, rebuild

# ------------------------------------------------------------------------------------------ TF-IDF


def distinctive_terms(texts: Sequence[str], *, top: int = 15, background: Sequence[str] = ()) -> list[list[Term]]:
    """Top TF-IDF terms of each text, with IDF over the texts plus an optional background corpus."""
    if not texts:
        return []
    texts = list(texts)
    return distinctive_terms_from_counts(count_matrix(texts + list(background)), top=top, n_texts=len(texts))


def tfidf_matrix(counts: TermCounts):
    """TF-IDF of a count matrix exactly as ``TfidfVectorizer(analyzer=analyze_terms, sublinear_tf=True,
    norm="l2")`` makes it from the same texts: smooth IDF, 1 + log(tf), each row scaled to unit length."""
    counts_matrix = counts.matrix
    # Made from the parts, not with .astype, which would sort each row's entries: TfidfVectorizer keeps
    # CountVectorizer's order, and the order of a row is the order its squares are summed for the norm.
    matrix = sp.csr_matrix(
        (counts_matrix.data.astype(np.float64), counts_matrix.indices.copy(), counts_matrix.indptr.copy()),
        shape=counts_matrix.shape,
    )
    transformer = TfidfTransformer(sublinear_tf=True, norm="l2").fit(matrix)
    return transformer.transform(matrix, copy=False)


def distinctive_terms_from_counts(counts: TermCounts, *, top: int = 15, n_texts: int | None = None) -> list[list[Term]]:
    """:func:`distinctive_terms` from a :class:`~framing.analysis.term_counts.TermCounts`.

    IDF is taken over every row of ``counts``; terms are returned for the first ``n_texts`` rows (all
    rows by default), so background texts go in the rows after them. Sorted by score descending, ties
    alphabetically; scores rounded to 4 places.
    """
    n = counts.matrix.shape[0] if n_texts is None else n_texts
    if not 0 <= n <= counts.matrix.shape[0]:
        raise ValueError(f"n_texts={n_texts} for a count matrix of {counts.matrix.shape[0]} rows")
    if n == 0:
        return []
    if not counts.vocabulary:  # no usable word in any text
        return [[] for _ in range(n)]
    matrix = tfidf_matrix(counts)
    picked, sizes = _top_entries(matrix, n, top)
    # All rows' Terms in one go (one C-level pass, the collector paused), then cut into rows.
    with collector.paused():
        terms = rebuild(
            Term,
            zip(
                map(counts.vocabulary.__getitem__, matrix.indices[picked].tolist()),
                map(round, matrix.data[picked].tolist(), repeat(4)),
            ),
        )
    it = iter(terms)
    return [list(islice(it, k)) for k in sizes]


def _top_entries(matrix: sp.csr_matrix, n_rows: int, top: int) -> tuple[np.ndarray, list[int]]:
    """The entries (positions in ``matrix.data``) of the ``top`` best scores of each of the first
    ``n_rows`` rows, row after row, each row by score descending, ties by column (alphabetically); and
    how many each row has (``len(row[:top])``).

    Without a sort of every row: a row's cut-off (its ``top``-th best score, by a partition) leaves it a
    handful of candidates, and the candidates of all rows are sorted together.
    """
    indptr = matrix.indptr[: n_rows + 1]
    lengths = np.diff(indptr)
    sizes = [len(range(m)[:top]) for m in lengths.tolist()]  # what a slice [:top] of each row keeps
    data = matrix.data[: indptr[-1]]
    cutoff = np.full(n_rows, -np.inf)  # a row that keeps all its entries
    for row, (start, m, k) in enumerate(zip(indptr.tolist(), lengths.tolist(), sizes)):
        if k == 0:
            cutoff[row] = np.inf
        elif k < m:
            cutoff[row] = np.partition(data[start : start + m], m - k)[m - k]
    row_of = np.repeat(np.arange(n_rows), lengths)
    candidates = np.flatnonzero(data >= cutoff[row_of])
    ranked = candidates[np.lexsort((matrix.indices[candidates], -data[candidates], row_of[candidates]))]
    ranked_row = row_of[ranked]
    # A row may have more candidates than it keeps (ties at its cut-off): keep its first sizes[row].
    first_of_row = np.searchsorted(ranked_row, np.arange(n_rows))
    rank_in_row = np.arange(len(ranked)) - first_of_row[ranked_row]
    return ranked[rank_in_row < np.asarray(sizes, dtype=np.int64)[ranked_row]], sizes
