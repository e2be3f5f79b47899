"""Lexicon matching: one linear pass over a document's tokens for every lexicon at once.

Whole words only, longest match first, each lexicon on its own: a word can open a label and a frame cue
at the same time, but within one lexicon matches never overlap. Every surface form is indexed by its
first case-folded token, so a token that opens no form costs one set look-up; a form of several words is
checked word by word (the words must be separated by spaces only, no punctuation or line break).
Case-sensitive forms ("US" the country, not "us") are compared with the text's own capitals; at equal
length a case-sensitive form wins over a case-folded one.
"""

from __future__ import annotations

from itertools import compress, count
from typing import NamedTuple

from framing.lexicons import Entry, Lexicon
from framing.text.document import Document, fold, tokens, unify


class Match(NamedTuple):
    """Tokens ``first..last`` (inclusive) matched one surface form; ``entries`` share that form."""

    first: int
    last: int
    start: int
    end: int
    entries: tuple[Entry, ...]


# One candidate form: (number of tokens, case-sensitive?, folded tokens from the third on as a list (what
# a slice of the token list is compared with), exact tokens, entries).
_Cand = tuple[int, bool, list[str], tuple[str, ...], tuple[Entry, ...]]
# Per first token, per lexicon: (lexicon number, one-word forms, {second token: longer forms, then the
# one-word forms}); candidates are ordered longest first and, at equal length, case-sensitive first: the
# first that fits wins.
_Group = tuple[int, tuple[_Cand, ...], dict[str, tuple[_Cand, ...]]]

# What a first token opens: (the second tokens worth a look, None for any; its groups).
_Opener = tuple[frozenset[str] | None, tuple[_Group, ...]]


def _key(form: str, case_sensitive: bool) -> tuple[str, ...]:
    toks = tokens(form)
    return tuple(unify(t.text) if case_sensitive else fold(t.text) for t in toks)


def _candidates(lexicon: Lexicon) -> list[tuple[tuple[str, ...], _Cand]]:
    """Every surface form of the lexicon once, with its folded tokens and the entries that share it, in
    lexicon order."""
    tables: dict[tuple[bool, tuple[str, ...]], list[Entry]] = {}
    for entry in lexicon.entries:
        if entry.context == "rule":
            continue  # described in the lexicon, applied by its indicator's own rule
        for form in entry.surface:
            bucket = tables.setdefault((entry.case_sensitive, _key(form, entry.case_sensitive)), [])
            if entry not in bucket:
                bucket.append(entry)
    out = []
    for (exact, key), entries in tables.items():
        folded = tuple(fold(w) for w in key) if exact else key
        out.append((folded, (len(key), exact, list(folded[2:]), key, tuple(entries))))
    return out


class MultiMatcher:
    """Every lexicon's forms in one index by first folded token: ``find`` makes one pass for all of them."""

    def __init__(self, lexicons: dict[str, Lexicon]) -> None:
        self.lexicons = dict(lexicons)
        by_first: dict[str, dict[int, list[tuple[tuple[str, ...], _Cand]]]] = {}
        for number, lexicon in enumerate(self.lexicons.values()):
            for folded, cand in _candidates(lexicon):
                by_first.setdefault(folded[0], {}).setdefault(number, []).append((folded, cand))
        # A token that opens forms of several words only ("the", "to", "of": most of the tokens that open
        # any form) needs a look at the next token before its groups are tried; its entry says which next
        # tokens are worth it (None for a token that opens a one-word form too).
        self._index: dict[str, _Opener] = {}
        for first, by_number in by_first.items():
            groups = []
            seconds: set[str] | None = set()
            for number, cands in by_number.items():
                cands.sort(key=lambda fc: (-fc[1][0], not fc[1][1]))
                longer: dict[str, list[_Cand]] = {}
                for folded, c in cands:
                    if c[0] > 1:
                        longer.setdefault(folded[1], []).append(c)
                singles = tuple(c for _, c in cands if c[0] == 1)
                groups.append((number, singles, {w: (*cs, *singles) for w, cs in longer.items()}))
                if singles:
                    seconds = None
                elif seconds is not None:
                    seconds.update(longer)
            self._index[first] = (None if seconds is None else frozenset(seconds), tuple(groups))

    def find(self, doc: Document) -> dict[str, list[Match]]:
        """Matches of every lexicon in ``doc``, by lexicon name (every name present, maybe empty)."""
        starts, ends = doc._spans
        outs = match_all(self._index, doc.token_lowers, starts, ends, doc.text, len(self.lexicons), Match)
        return dict(zip(self.lexicons, outs))


def match_all(
    index: dict[str, _Opener],
    lowers: list[str],
    t_starts: list[int],
    t_ends: list[int],
    text: str,
    n_lexicons: int,
    record: type[Match],
) -> list[list[Match]]:
    """The matches of every lexicon (by number) among tokens ``lowers`` (case-folded) at offsets
    ``t_starts``/``t_ends`` of ``text``, made as ``record``s. A case-sensitive form is compared with the
    token in ``unify(text)``."""
    outs: list[list[Match]] = [[] for _ in range(n_lexicons)]
    # Every token's index entry (None for a token that opens no form), then the tokens that open some
    # form, both found at C speed: a few hundred of an article's tokens.
    found = list(map(index.get, lowers))
    starts = list(compress(count(), found))
    if not starts:
        return outs
    seconds: list[str | None] = lowers[1:]  # the token after each token, None after the last
    seconds.append(None)
    n = len(lowers)
    nxt = [0] * n_lexicons  # per lexicon, the first token not inside an earlier match
    unified = ""  # unify(text), made when a case-sensitive form first needs it
    for i in starts:
        second = seconds[i]
        needed, groups = found[i]
        if needed is not None and second not in needed:
            continue
        for number, singles, longer in groups:
            if i < nxt[number]:
                continue
            for size, exact, rest, key, entries in longer.get(second, singles):
                if exact and not unified:
                    unified = unify(text)
                if size == 1:  # most forms: only a case-sensitive one has more to compare
                    if exact and unified[t_starts[i] : t_ends[i]] != key[0]:
                        continue
                    last = i
                else:
                    last = i + size - 1
                    if last >= n or (size > 2 and lowers[i + 2 : last + 1] != rest):
                        continue
                    if not _plain_run(text, t_starts, t_ends, i, last):
                        continue
                    if exact and any(unified[t_starts[k] : t_ends[k]] != key[k - i] for k in range(i, last + 1)):
                        continue
                outs[number].append(_new_match(record, (i, last, t_starts[i], t_ends[last], entries)))
                nxt[number] = last + 1
                break
    return outs


# Match(...) runs a Python-level __new__; the tuple constructor makes the same record without that frame.
_new_match = tuple.__new__


def _plain_run(text: str, starts: list[int], ends: list[int], first: int, last: int) -> bool:
    """Tokens ``first..last`` are separated by spaces only: no punctuation, no line break."""
    for k in range(first, last):
        gap = text[ends[k] : starts[k + 1]]
        # One space, the usual gap, is settled by the first test.
        if gap != " " and (not gap or not gap.isspace() or "\n" in gap):
            return False
    return True


class Matcher:
    """One lexicon's matcher (a :class:`MultiMatcher` over that lexicon alone)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._multi = MultiMatcher({lexicon.name: lexicon})

    def find(self, doc: Document) -> list[Match]:
        return self._multi.find(doc)[self.lexicon.name]
