"""Corpus-level term counts: every text analysed once, one sparse document-term matrix for TF-IDF and log-odds.

The TF-IDF view (:mod:`framing.analysis.terms`) and the log-odds view (:mod:`framing.analysis.logodds`) count the same
terms, the unigrams and bigrams of :func:`framing.analysis.terms.analyze_terms`. Over a corpus, make the counts
once and hand them to both:

    from framing.analysis.corpus_terms import corpus_terms
    terms, scores = corpus_terms(texts, [a.outlet for a in articles], top=15)
    # terms[i]: the top TF-IDF terms of texts[i], as distinctive_terms(texts, top=15)
    # scores: log_odds({outlet: [its texts], ...}), groups in order of first appearance

or step by step:

    from framing.analysis.term_counts import count_matrix
    from framing.analysis.terms import distinctive_terms_from_counts
    from framing.analysis.logodds import log_odds_from_counts
    counts = count_matrix(texts + background)          # TermCounts: .matrix, .vocabulary
    terms = distinctive_terms_from_counts(counts, top=15, n_texts=len(texts))
    scores = log_odds_from_counts(counts, {"A": [0, 2], "B": [1, 3]}, background=range(len(texts), counts.n_docs))

The API (all results equal those of the text-taking functions: the same terms in the same order, the
same rounded TF-IDF scores, the same log-odds figures):

* ``count_matrix(texts: Sequence[str]) -> TermCounts``. ``TermCounts.matrix`` is a
  ``scipy.sparse.csr_matrix`` of int64 counts, one row per text in input order, one column per term;
  ``TermCounts.vocabulary`` is the list of terms, sorted, so column j is ``vocabulary[j]`` and column
  order is alphabetical order. Each row's entries are stored in the order ``CountVectorizer`` stores
  them (not sorted by column), so TF-IDF from this matrix is bit for bit that of ``TfidfVectorizer``;
  don't sort them in place if you need that. ``TermCounts.n_docs``; ``TermCounts.column`` maps a term
  to its column; ``TermCounts.counter(row)`` gives one row back as a ``Counter``.
* ``corpus_terms(texts, groups=None, *, top=15, background=(), prior_scale=PRIOR_SCALE, min_count=1)
  -> CorpusTerms(terms, log_odds)``: a named tuple of ``distinctive_terms(texts, top=top,
  background=background)`` and ``log_odds({label: [texts with that label]}, background=background,
  prior_scale=prior_scale, min_count=min_count)``, all from one count matrix. ``groups`` gives one
  label per text (an outlet, say); the groups are the distinct labels in order of first appearance,
  keyed ``str(label)`` in the result. ``log_odds`` is ``{}`` when ``groups`` is None or holds fewer
  than two distinct labels; otherwise the errors of :func:`framing.analysis.logodds.log_odds` (a group without
  usable words, a bad prior) are raised.
* :func:`framing.analysis.terms.distinctive_terms_from_counts` ``(counts, *, top=15, n_texts=None) ->
  list[list[Term]]``: IDF over all rows, terms for the first ``n_texts`` rows (background rows after).
* :func:`framing.analysis.terms.tfidf_matrix` ``(counts) -> csr_matrix``: the TF-IDF matrix itself.
* :func:`framing.analysis.logodds.log_odds_from_counts` ``(counts, groups: Mapping[name, Sequence[int]], *,
  background: Sequence[int] = (), prior_scale=PRIOR_SCALE, min_count=1) -> dict[str, list[TermScore]]``:
  groups and background given as row numbers of ``counts.matrix``.

How the counting is fast: see :func:`count_matrix` and the module docstring of :mod:`framing.analysis.terms`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

import numpy as np
import scipy.sparse as sp

from framing.analysis.term_words import CLOSES, KEPT, OPENS, PIECES, document_terms, learn, plain_terms, split_pieces
from framing.text.document import Document


@dataclass(frozen=True, eq=False)
class TermCounts:
    """A document-term count matrix and its vocabulary (see the module docstring)."""

    matrix: sp.csr_matrix
    vocabulary: list[str] = field(repr=False)

    @property
    def n_docs(self) -> int:
        return self.matrix.shape[0]

    @cached_property
    def column(self) -> dict[str, int]:
        return {term: j for j, term in enumerate(self.vocabulary)}

    def counter(self, row: int) -> Counter:
        """The counts of one row as a Counter (term -> count), in the row's stored order."""
        start, end = self.matrix.indptr[row], self.matrix.indptr[row + 1]
        vocab = self.vocabulary
        return Counter(
            {vocab[j]: c for j, c in zip(self.matrix.indices[start:end].tolist(), self.matrix.data[start:end].tolist())}
        )


def _synthetic(terms: list[str]) -> list[tuple[str, str]]:
    """A text's terms (from the plain way) as stand-in pieces that :func:`count_matrix` reads back into
    the same terms in the same order: a piece per unigram, then an (opening, closing) pair per bigram.
    A unigram piece neither opens nor closes and a closing piece does not open, so no other bigram forms."""
    out = [("u", t) for t in terms if " " not in t]
    for t in terms:
        if " " in t:
            a, b = t.split(" ", 1)
            out += [("o", a), ("c", b)]
    return out


def _synthetic_entry(key: tuple[str, str]) -> tuple:
    kind, word = key
    if kind == "u":
        return (word,), None, None, ()
    if kind == "o":
        return (), None, word, ()
    return (), word, None, ()


def count_matrix(texts: Sequence[str | Document]) -> TermCounts:
    """Count the terms of ``analyze_terms`` in every text: one row per text, columns in sorted term order.

    The same matrix as ``CountVectorizer(analyzer=analyze_terms).fit_transform(texts)``, with its
    entries stored in the same order. How: each text is cut at white space into pieces
    (:func:`framing.analysis.term_words.split_pieces`), each distinct piece is analysed once (its kept
    words, and the words that may open or close a bigram with its neighbours), and the pieces become
    numbers; from there on everything is numpy over the whole corpus, with no Python loop over words.

    A :class:`~framing.text.document.Document` in ``texts`` is not tokenised again: its terms are read
    off its tokens (:func:`~framing.analysis.term_words.document_terms`), the same terms.
    """
    if isinstance(texts, str | Document):  # a lone string would be read letter by letter
        texts = [texts]
    # 1. Every text as a run of piece ids (a piece id is its order of first sight in this corpus).
    piece_id: defaultdict[Hashable, int] = defaultdict()
    piece_id.default_factory = piece_id.__len__
    id_of = piece_id.__getitem__
    ids: list[int] = []
    text_ends: list[int] = []
    pieces_of = split_pieces
    for text in texts:
        if text.__class__ is Document:
            ids.extend(map(id_of, _synthetic(document_terms(text))))
            text_ends.append(len(ids))
            continue
        pieces = pieces_of(text)
        ids.extend(map(id_of, _synthetic(plain_terms(text)) if pieces is None else pieces))
        text_ends.append(len(ids))
    n_docs = len(text_ends)
    keys = list(piece_id)
    cache = PIECES
    learn([k for k in keys if k.__class__ is str and k not in cache])
    entries = [cache[k] if k.__class__ is str else _synthetic_entry(k) for k in keys]
    if any(e[3] for e in entries):  # a bigram inside a piece (see term_words._INNER): now known, so the texts
        return count_matrix(texts)  # that hold such a piece go the plain way

    # 2. Per piece: kept words (as word ids, flattened), opening and closing word ids (0: none).
    word_id: defaultdict[str | None, int] = defaultdict()
    word_id.default_factory = word_id.__len__
    word_id[None] = 0
    wid = word_id.__getitem__
    kept = list(map(KEPT, entries))
    kept_len = np.fromiter(map(len, kept), dtype=np.int64, count=len(kept))
    kept_words = np.fromiter(map(wid, chain.from_iterable(kept)), dtype=np.int64, count=int(kept_len.sum()))
    opens = np.fromiter(map(wid, map(OPENS, entries)), dtype=np.int64, count=len(entries))
    closes = np.fromiter(map(wid, map(CLOSES, entries)), dtype=np.int64, count=len(entries))
    words = list(word_id)
    n_words = len(words)
    kept_start = np.zeros(len(kept) + 1, dtype=np.int64)
    np.cumsum(kept_len, out=kept_start[1:])

    piece_seq = np.fromiter(ids, dtype=np.int64, count=len(ids))
    piece_doc = np.repeat(np.arange(n_docs), np.diff(np.array([0, *text_ends], dtype=np.int64)))

    # 3. Unigram occurrences, in text order: each piece's kept words in turn.
    lens = kept_len[piece_seq]
    n_uni = int(lens.sum())
    first_of_piece = np.cumsum(lens) - lens
    uni_term = kept_words[np.repeat(kept_start[piece_seq] - first_of_piece, lens) + np.arange(n_uni)]
    uni_doc = np.repeat(piece_doc, lens)

    # 4. Bigram occurrences: a piece that opens followed, in the same text, by a piece that closes.
    if len(piece_seq) > 1:
        a = opens[piece_seq[:-1]]
        b = closes[piece_seq[1:]]
        at = np.flatnonzero((a > 0) & (b > 0) & (piece_doc[:-1] == piece_doc[1:]))
        pair = a[at] * n_words + b[at]
        bi_doc = piece_doc[at]
    else:
        pair = bi_doc = np.zeros(0, dtype=np.int64)
    pairs, bi_term = np.unique(pair, return_inverse=True)
    bi_term = bi_term.reshape(-1) + n_words  # term ids: words first, then bigrams
    strings = words + [
        words[x] + " " + words[y] for x, y in zip((pairs // n_words).tolist(), (pairs % n_words).tolist())
    ]

    # 5. The terms of the corpus in analyze_terms order: per text, its unigrams, then its bigrams.
    n_uni_doc = np.bincount(uni_doc, minlength=n_docs)
    n_bi_doc = np.bincount(bi_doc, minlength=n_docs)
    doc_end = np.cumsum(n_uni_doc + n_bi_doc)
    doc_start = doc_end - n_uni_doc - n_bi_doc
    uni_before = np.cumsum(n_uni_doc) - n_uni_doc
    bi_before = np.cumsum(n_bi_doc) - n_bi_doc
    seq = np.empty(int(doc_end[-1]) if n_docs else 0, dtype=np.int64)
    seq[doc_start[uni_doc] + np.arange(n_uni) - uni_before[uni_doc]] = uni_term
    seq[doc_start[bi_doc] + n_uni_doc[bi_doc] + np.arange(len(bi_doc)) - bi_before[bi_doc]] = bi_term

    # 6. Columns as CountVectorizer numbers them first (order of first appearance in the corpus), the
    # matrix in that numbering with each row sorted (its layout), then columns renumbered alphabetically.
    first = np.full(len(strings), len(seq), dtype=np.int64)
    np.minimum.at(first, seq, np.arange(len(seq)))
    present = np.flatnonzero(first < len(seq))
    by_first = present[np.argsort(first[present], kind="stable")]
    n_terms = len(by_first)
    first_id = np.zeros(len(strings), dtype=np.int64)
    first_id[by_first] = np.arange(n_terms)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(n_uni_doc + n_bi_doc, out=indptr[1:])
    index_dtype = np.int32 if len(seq) <= np.iinfo(np.int32).max else np.int64
    matrix = sp.csr_matrix(
        (np.ones(len(seq), dtype=np.int64), first_id[seq].astype(index_dtype), indptr.astype(index_dtype)),
        shape=(n_docs, n_terms),
    )
    matrix.sum_duplicates()  # sorts each row by column and adds up repeats
    vocab_first = [strings[t] for t in by_first.tolist()]
    alphabetical = sorted(range(n_terms), key=vocab_first.__getitem__)
    new_id = np.empty(n_terms, dtype=index_dtype)
    new_id[alphabetical] = np.arange(n_terms, dtype=index_dtype)
    matrix.indices = new_id[matrix.indices]
    matrix.has_sorted_indices = False
    return TermCounts(matrix, [vocab_first[k] for k in alphabetical])
