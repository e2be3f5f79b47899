"""Distinctive terms: the words and two-word phrases that set each article apart, by TF-IDF.

Stop words: scikit-learn's English list, minus the words on it that carry meaning in news
(``KEEP``: "serious", "fire", "bill", "interest", "system", ...). The list's own provenance is one
comment; stripping "serious" would hide exactly the word an outlet leans on ("Iran is not serious").
Numbers and one-letter tokens are left out. Bigrams are built from adjacent words that are both kept,
so "nuclear deal" survives but "deal would" does not; a negation may open a bigram ("not serious").

Two ways in, same results:

* ``distinctive_terms(texts, top=15, background=())`` -- texts in, top terms per text out.
* ``distinctive_terms_from_counts(counts, top=15, n_texts=None)`` -- from a
  :class:`framing.term_counts.TermCounts` made once with :func:`framing.term_counts.count_matrix`
  (and shared with :func:`framing.logodds.log_odds_from_counts`); :func:`framing.term_counts.corpus_terms`
  does both from one count matrix.

How ``analyze_terms`` is fast. A bigram never spans anything but white space (or a lone hyphen), so a
text is cut at white space with ``str.split`` and each piece ("Iran's", "deal,", "“not") is analysed
once and cached: its kept words, the word that may open a bigram with the next piece (its last word, if
nothing follows it in the piece) and the word that may close one (its first word, if nothing precedes
it). A text is then a run of cache look-ups, and its bigrams are the open/close pairs of neighbouring
pieces. Pieces not yet cached are analysed all together, joined by spaces, in one tokenising pass
(``_learn``); :func:`framing.term_counts.count_matrix` goes further and turns a whole corpus into
numbers this way. A piece is analysed as it stands in the text (``token_words`` folds its case), which
gives the words the whole text gives there: no word spans white space, and folding one character never
depends on another, except for a capital sigma, whose lower case depends on the letters around it. A
text with a capital sigma goes the plain way, token by token, as it always did.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, islice, repeat
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from . import collector
from .models import Term, rebuild
from .text import token_words

if TYPE_CHECKING:
    from .term_counts import TermCounts

KEEP = frozenset(
    """serious fire bill interest system call calls found find show describe detail full empty front back
    move name part put side top bottom give amount thick thin con cry fill mill sincere against
    become became becoming""".split()
)
# Negations are stop words alone but open a bigram: "not serious" is worth seeing, "not" is not.
NEGATIONS = frozenset({"not", "no", "never", "nothing", "cannot"})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) - KEEP | {"s", "t", "ve", "ll", "re", "d", "m"}
# Words that are grammatical in every article and never tell outlets apart.
STOP_WORDS = STOP_WORDS | {"said", "says", "told", "would", "could"}


def _usable(word: str) -> bool:
    return word not in STOP_WORDS and len(word) > 1 and not word.replace(",", "").replace(".", "").isdigit()


# The same answer for the same word: a corpus repeats its vocabulary, so most look-ups are cached.
_usable_cached = lru_cache(maxsize=200_000)(_usable)


def _plain_terms(text: str) -> list[str]:
    """``analyze_terms`` token by token: the definition, and the way for texts the fast way can't take."""
    spans, words = token_words(text)
    words = [w.replace("\u2019", "'") for w in words]
    usable = _usable_cached
    keep = [usable(w) for w in words]
    out = [w for w, k in zip(words, keep) if k]
    negations = NEGATIONS
    for i in range(len(words) - 1):
        if keep[i + 1] and (keep[i] or words[i] in negations):
            gap = text[spans[i][1] : spans[i + 1][0]]
            if gap == " " or gap.isspace() or gap == "-":
                out.append(f"{words[i]} {words[i + 1]}")
    return out


# ------------------------------------------------------------------------------ the pieces between spaces


def _piece(piece: str) -> tuple[tuple[str, ...], str | None, str | None, tuple[str, ...]]:
    """(kept words, closing word, opening word, bigrams inside) of one piece of white-space-free text.

    The closing word is the first word if it starts the piece and is kept: it may close a bigram with
    the piece before. The opening word is the last word if it ends the piece and is kept or a negation:
    it may open a bigram with the piece after. ``token_words`` folds the piece as it folds a whole text.
    """
    spans, words = token_words(piece)
    if not words:
        return (), None, None, ()
    words = [w.replace("\u2019", "'") for w in words]
    keep = [_usable(w) for w in words]
    kept = tuple(compress(words, keep))
    inner = []
    for i in range(len(words) - 1):  # the rule of _plain_terms; a gap inside a piece has no space
        if keep[i + 1] and (keep[i] or words[i] in NEGATIONS):
            gap = piece[spans[i][1] : spans[i + 1][0]]
            if gap == " " or gap.isspace() or gap == "-":
                inner.append(f"{words[i]} {words[i + 1]}")
    if inner:
        _INNER.add(piece)
    closes = words[0] if spans[0][0] == 0 and keep[0] else None
    opens = words[-1] if spans[-1][1] == len(piece) and (keep[-1] or words[-1] in NEGATIONS) else None
    return kept, closes, opens, tuple(inner)


class _Pieces(dict):
    """piece -> :func:`_piece`, filled by :func:`_learn` or on first sight (a hit is one C-level look-up)."""

    __slots__ = ()
    LIMIT = 200_000

    def __missing__(self, piece: str):
        if len(self) >= self.LIMIT:  # a long-running app meets new pieces for ever; start afresh
            self.clear()
        value = self[piece] = _piece(piece)
        return value


_PIECES = _Pieces()
# Pieces with a bigram inside them ("a-b" style gaps). The tokenizer never leaves a bigram-making gap
# inside a piece (a lone hyphen between words joins them into one word), so this stays empty; were it
# not, texts with such pieces go the plain way, which orders their bigrams as analyze_terms does.
_INNER: set[str] = set()
_KEPT, _CLOSES, _OPENS = itemgetter(0), itemgetter(1), itemgetter(2)


def _learn(pieces: list[str]) -> None:
    """Cache :func:`_piece` of every one of ``pieces`` (new and distinct) in one tokenising pass.

    The pieces are joined by spaces and tokenised together: no word spans a space, and a space before
    or after a piece looks to the word pattern just as the start or end of the text does, so each piece
    gets the words it gets alone. A piece with a capital sigma (whose folding depends on its neighbours;
    ``_pieces`` never gives one) is done alone.
    """
    alone = [p for p in pieces if "\u03a3" in p]
    if alone:
        for piece in alone:
            _PIECES[piece] = _piece(piece)
        pieces = [p for p in pieces if "\u03a3" not in p]
    if not pieces:
        return
    joined = " ".join(pieces)
    spans, words = token_words(joined)
    words = [w.replace("\u2019", "'") for w in words]
    n_tokens = len(words)
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    ends = np.cumsum(lengths + 1) - 1
    starts = ends - lengths
    if n_tokens:
        bounds = np.array(spans, dtype=np.int64).reshape(-1, 2)
    else:
        bounds = np.zeros((0, 2), dtype=np.int64)
    tok_start, tok_end = bounds[:, 0], bounds[:, 1]
    keep = np.fromiter(map(_usable_cached, words), dtype=bool, count=n_tokens)
    opener = keep | np.fromiter(map(NEGATIONS.__contains__, words), dtype=bool, count=n_tokens)
    # Tokens first..last-1 belong to a piece: the tokens starting inside it.
    first = np.searchsorted(tok_start, starts)
    last = np.searchsorted(tok_start, ends)
    has = first < last
    f = np.minimum(first, max(n_tokens - 1, 0))
    b = np.maximum(last - 1, 0)
    if n_tokens:
        closes_ok = has & (tok_start[f] == starts) & keep[f]
        opens_ok = has & (tok_end[b] == ends) & opener[b]
    else:
        closes_ok = opens_ok = has
    closes = [words[j] if ok else None for j, ok in zip(f.tolist(), closes_ok.tolist())]
    opens = [words[j] if ok else None for j, ok in zip(b.tolist(), opens_ok.tolist())]
    kept_before = np.zeros(n_tokens + 1, dtype=np.int64)
    np.cumsum(keep, out=kept_before[1:])
    kept_words = iter(list(compress(words, keep.tolist())))
    kept = [tuple(islice(kept_words, n)) for n in (kept_before[last] - kept_before[first]).tolist()]
    inner: list[tuple[str, ...]] = [()] * len(pieces)
    # Two neighbouring words of one piece that could make a bigram, if the gap between them allowed.
    piece_of = np.searchsorted(starts, tok_start, side="right") - 1
    pair = np.flatnonzero((piece_of[:-1] == piece_of[1:]) & keep[1:] & opener[:-1])
    for j in pair.tolist():
        gap = joined[spans[j][1] : spans[j + 1][0]]
        if gap == " " or gap.isspace() or gap == "-":  # the rule of _plain_terms; never, in practice
            k = int(piece_of[j])
            inner[k] = (*inner[k], f"{words[j]} {words[j + 1]}")
            _INNER.add(pieces[k])
    if len(_PIECES) + len(pieces) > _Pieces.LIMIT:
        _PIECES.clear()
    _PIECES.update(zip(pieces, zip(kept, closes, opens, inner)))


def _pieces(text: str) -> list[str] | None:
    """The white-space-separated pieces of ``text``, or None where the plain way is needed.

    Folding a piece on its own gives the letters that folding the whole text gives there, but for a
    capital sigma (the one letter whose lower case depends on its neighbours) and a dotted capital I
    (which lower-cases to two characters, so ``fold`` keeps it as it is: in a piece alone as in the
    whole text, and every other character of the text is then folded one by one, which is the same).
    """
    if not text.isascii() and "\u03a3" in text:
        return None
    pieces = text.split()
    if _INNER and not _INNER.isdisjoint(pieces):
        return None
    return pieces


def analyze_terms(text: str) -> list[str]:
    """Unigrams and bigrams of kept words, as TfidfVectorizer's analyzer."""
    pieces = _pieces(text)
    if pieces is None:
        return _plain_terms(text)
    entries = list(map(_PIECES.get, pieces))
    if None in entries:
        _learn(list(set(pieces).difference(_PIECES)))
        entries = list(map(_PIECES.__getitem__, pieces))
        if _INNER and any(e[3] for e in entries):  # a piece first seen just now
            return _plain_terms(text)
    out = list(chain.from_iterable(map(_KEPT, entries)))
    out += [o + " " + c for o, c in zip(map(_OPENS, entries), map(_CLOSES, entries[1:])) if o and c]
    return out


# ------------------------------------------------------------------------------------------ TF-IDF


def distinctive_terms(texts: Sequence[str], *, top: int = 15, background: Sequence[str] = ()) -> list[list[Term]]:
    """Top TF-IDF terms of each text, with IDF over the texts plus an optional background corpus."""
    if not texts:
        return []
    from .term_counts import count_matrix  # term_counts builds on this module

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
    """:func:`distinctive_terms` from a :class:`~framing.term_counts.TermCounts`.

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
