"""Lexicon matching: one linear pass over a document's tokens for every lexicon at once.

Whole words only, longest match first, each lexicon on its own: a word can open a label and a frame cue
at the same time, but within one lexicon matches never overlap. Every surface form is indexed by its
first case-folded token, so a token that opens no form costs one set look-up; a form of several words is
checked word by word (the words must be separated by spaces only, no punctuation or line break).
Case-sensitive forms ("US" the country, not "us") are compared with the text's own capitals; at equal
length a case-sensitive form wins over a case-folded one.
"""

from __future__ import annotations

from typing import NamedTuple

from .lexicons import Entry, Lexicon
from .text import Document, fold, tokens, unify


class Match(NamedTuple):
    """Tokens ``first..last`` (inclusive) matched one surface form; ``entries`` share that form."""

    first: int
    last: int
    start: int
    end: int
    entries: tuple[Entry, ...]


# One candidate form: (number of tokens, case-sensitive?, folded tokens, exact tokens, entries).
_Cand = tuple[int, bool, tuple[str, ...], tuple[str, ...], tuple[Entry, ...]]


def _key(form: str, case_sensitive: bool) -> tuple[str, ...]:
    toks = tokens(form)
    return tuple(unify(t.text) if case_sensitive else fold(t.text) for t in toks)


def _candidates(lexicon: Lexicon) -> list[_Cand]:
    """Every surface form of the lexicon once, with the entries that share it, in lexicon order."""
    tables: dict[tuple[bool, tuple[str, ...]], list[Entry]] = {}
    for entry in lexicon.entries:
        if entry.context == "rule":
            continue  # described in the lexicon, applied by its indicator's own rule
        for form in entry.surface:
            bucket = tables.setdefault((entry.case_sensitive, _key(form, entry.case_sensitive)), [])
            if entry not in bucket:
                bucket.append(entry)
    out: list[_Cand] = []
    for (exact, key), entries in tables.items():
        folded = tuple(fold(w) for w in key) if exact else key
        out.append((len(key), exact, folded, key, tuple(entries)))
    return out


class MultiMatcher:
    """Every lexicon's forms in one index by first folded token: ``find`` makes one pass for all of them."""

    def __init__(self, lexicons: dict[str, Lexicon]) -> None:
        self.lexicons = dict(lexicons)
        by_first: dict[str, dict[str, list[_Cand]]] = {}
        for name, lexicon in self.lexicons.items():
            for cand in _candidates(lexicon):
                by_first.setdefault(cand[2][0], {}).setdefault(name, []).append(cand)
        # first token -> ((lexicon, one-word forms, {second token: longer forms}), ...); candidates are
        # ordered longest first and, at equal length, case-sensitive first: the first that fits wins.
        self._index: dict[str, tuple[tuple[str, tuple[_Cand, ...], dict[str, tuple[_Cand, ...]]], ...]] = {}
        for first, by_name in by_first.items():
            groups = []
            for name, cands in by_name.items():
                cands.sort(key=lambda c: (-c[0], not c[1]))
                longer: dict[str, list[_Cand]] = {}
                for c in cands:
                    if c[0] > 1:
                        longer.setdefault(c[2][1], []).append(c)
                singles = tuple(c for c in cands if c[0] == 1)
                groups.append((name, singles, {w: tuple(cs) for w, cs in longer.items()}))
            self._index[first] = tuple(groups)

    def find(self, doc: Document) -> dict[str, list[Match]]:
        """Matches of every lexicon in ``doc``, by lexicon name (every name present, maybe empty)."""
        out: dict[str, list[Match]] = {name: [] for name in self.lexicons}
        lowers = doc.token_lowers
        index = self._index
        starts = [i for i, w in enumerate(lowers) if w in index]
        if not starts:
            return out
        t_starts, t_ends = doc._spans
        text = doc.text
        unified = doc.unified
        n = len(lowers)
        nxt: dict[str, int] = {}  # per lexicon, the first token not inside an earlier match
        for i in starts:
            second = lowers[i + 1] if i + 1 < n else None
            for name, singles, longer in index[lowers[i]]:
                if i < nxt.get(name, 0):
                    continue
                cands = longer.get(second, ()) + singles if longer and second in longer else singles
                for size, exact, folded, key, entries in cands:
                    last = i + size - 1
                    if size > 1:
                        if last >= n or (size > 2 and lowers[i + 2 : last + 1] != list(folded[2:])):
                            continue
                        if not _plain_run(text, t_starts, t_ends, i, last):
                            continue
                    if exact and any(unified[t_starts[k] : t_ends[k]] != key[k - i] for k in range(i, last + 1)):
                        continue
                    out[name].append(Match(i, last, t_starts[i], t_ends[last], entries))
                    nxt[name] = last + 1
                    break
        return out


def _plain_run(text: str, starts: list[int], ends: list[int], first: int, last: int) -> bool:
    """Tokens ``first..last`` are separated by spaces only: no punctuation, no line break."""
    for k in range(first, last):
        gap = text[ends[k] : starts[k + 1]]
        if not gap or not gap.isspace() or "\n" in gap:
            return False
    return True


class Matcher:
    """One lexicon's matcher (a :class:`MultiMatcher` over that lexicon alone)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._multi = MultiMatcher({lexicon.name: lexicon})

    def find(self, doc: Document) -> list[Match]:
        return self._multi.find(doc)[self.lexicon.name]
