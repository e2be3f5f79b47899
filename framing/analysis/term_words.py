"""The words a term is made of: kept words and the bigrams between them, read once per piece of text.

How ``analyze_terms`` is fast. A bigram never spans anything but white space (or a lone hyphen), so a
text is cut at white space with ``str.split`` and each piece ("Iran's", "deal,", "“not") is analysed
once and cached: its kept words, the word that may open a bigram with the next piece (its last word, if
nothing follows it in the piece) and the word that may close one (its first word, if nothing precedes
it). A text is then a run of cache look-ups, and its bigrams are the open/close pairs of neighbouring
pieces. Pieces not yet cached are analysed all together, joined by spaces, in one tokenising pass
(``_learn``); :func:`framing.analysis.term_counts.count_matrix` goes further and turns a whole corpus into
numbers this way. A piece is analysed as it stands in the text (``token_words`` folds its case), which
gives the words the whole text gives there: no word spans white space, and folding one character never
depends on another, except for a capital sigma, whose lower case depends on the letters around it. A
text with a capital sigma goes the plain way, token by token, as it always did.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, compress, islice
from operator import itemgetter

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.text.document import Document, token_words

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


def plain_terms(text: str) -> list[str]:
    """``analyze_terms`` token by token: the definition, and the way for texts the fast way can't take."""
    spans, words = token_words(text)
    return _terms(text, [s for s, _ in spans], [e for _, e in spans], [w.replace("\u2019", "'") for w in words])


def document_terms(doc: Document) -> list[str]:
    """:func:`plain_terms` read off a Document's own tokens (no second tokenising of its text): the same
    words (the Document folds apostrophes and hyphens in a word as ``token_words`` does), the same
    bigrams, in the same order."""
    found = doc.__dict__.get("_terms")
    if found is None:  # kept with the Document: TF-IDF and log-odds both read them
        found = doc.__dict__["_terms"] = _terms(doc.text, doc.token_starts, doc.token_ends, doc.token_lowers)
    return found


def _terms(text: str, starts: list[int], ends: list[int], words: list[str]) -> list[str]:
    """The kept words, then the bigrams of neighbouring words with nothing but a space or a hyphen between."""
    usable = _usable_cached
    keep = [usable(w) for w in words]
    out = [w for w, k in zip(words, keep) if k]
    negations = NEGATIONS
    for i in range(len(words) - 1):
        if keep[i + 1] and (keep[i] or words[i] in negations):
            gap = text[ends[i] : starts[i + 1]]
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
    for i in range(len(words) - 1):  # the rule of plain_terms; a gap inside a piece has no space
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
    """piece -> :func:`_piece`, filled by :func:`learn` or on first sight (a hit is one C-level look-up)."""

    __slots__ = ()
    LIMIT = 200_000

    def __missing__(self, piece: str):
        if len(self) >= self.LIMIT:  # a long-running app meets new pieces for ever; start afresh
            self.clear()
        value = self[piece] = _piece(piece)
        return value


PIECES = _Pieces()
# Pieces with a bigram inside them ("a-b" style gaps). The tokenizer never leaves a bigram-making gap
# inside a piece (a lone hyphen between words joins them into one word), so this stays empty; were it
# not, texts with such pieces go the plain way, which orders their bigrams as analyze_terms does.
_INNER: set[str] = set()
KEPT, CLOSES, OPENS = itemgetter(0), itemgetter(1), itemgetter(2)


def learn(pieces: list[str]) -> None:
    """Cache :func:`_piece` of every one of ``pieces`` (new and distinct) in one tokenising pass.

    The pieces are joined by spaces and tokenised together: no word spans a space, and a space before
    or after a piece looks to the word pattern just as the start or end of the text does, so each piece
    gets the words it gets alone. A piece with a capital sigma (whose folding depends on its neighbours;
    ``split_pieces`` never gives one) is done alone.
    """
    alone = [p for p in pieces if "\u03a3" in p]
    if alone:
        for piece in alone:
            PIECES[piece] = _piece(piece)
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
        if gap == " " or gap.isspace() or gap == "-":  # the rule of plain_terms; never, in practice
            k = int(piece_of[j])
            inner[k] = (*inner[k], f"{words[j]} {words[j + 1]}")
            _INNER.add(pieces[k])
    if len(PIECES) + len(pieces) > _Pieces.LIMIT:
        PIECES.clear()
    PIECES.update(zip(pieces, zip(kept, closes, opens, inner)))


def split_pieces(text: str) -> list[str] | None:
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
    pieces = split_pieces(text)
    if pieces is None:
        return plain_terms(text)
    entries = list(map(PIECES.get, pieces))
    if None in entries:
        learn(list(set(pieces).difference(PIECES)))
        entries = list(map(PIECES.__getitem__, pieces))
        if _INNER and any(e[3] for e in entries):  # a piece first seen just now
            return plain_terms(text)
    out = list(chain.from_iterable(map(KEPT, entries)))
    out += [o + " " + c for o, c in zip(map(OPENS, entries), map(CLOSES, entries[1:])) if o and c]
    return out
