"""One linear pass of a lexicon over a document's tokens: whole words, longest match first."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicons import Entry, Lexicon
from .text import Document, fold, tokens, unify


@dataclass(frozen=True)
class Match:
    """Tokens ``first..last`` (inclusive) matched one surface form; ``entries`` share that form."""

    first: int
    last: int
    start: int
    end: int
    entries: tuple[Entry, ...]


def _key(form: str, case_sensitive: bool) -> tuple[str, ...]:
    toks = tokens(form)
    return tuple(unify(t.text) if case_sensitive else fold(t.text) for t in toks)


class Matcher:
    """Compiled lookup of every surface form of a lexicon, keyed by token tuples."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        folded: dict[tuple[str, ...], list[Entry]] = {}
        exact: dict[tuple[str, ...], list[Entry]] = {}
        for entry in lexicon.entries:
            if entry.context == "rule":
                continue  # described in the lexicon, applied by its indicator's own rule
            table = exact if entry.case_sensitive else folded
            for form in entry.surface:
                key = _key(form, entry.case_sensitive)
                bucket = table.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
        self._folded = {k: tuple(v) for k, v in folded.items()}
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._first_folded = {k[0] for k in self._folded}
        self._first_exact = {k[0] for k in self._exact}
        self._max = max((len(k) for k in (*self._folded, *self._exact)), default=0)

    def find(self, doc: Document) -> list[Match]:
        toks = doc.tokens
        text = doc.text
        unified = doc.unified
        exact = bool(self._exact)
        n = len(toks)
        out: list[Match] = []
        i = 0
        while i < n:
            low = toks[i].lower
            if low not in self._first_folded and not (
                exact and unified[toks[i].start : toks[i].end] in self._first_exact
            ):
                i += 1
                continue
            # How far a phrase may run: tokens joined by plain spaces only (no punctuation, no line break).
            j = i
            while j + 1 < n and j - i + 1 < self._max and _plain_gap(text, toks[j].end, toks[j + 1].start):
                j += 1
            found = None
            for last in range(j, i - 1, -1):
                span = toks[i : last + 1]
                entries = (
                    exact and self._exact.get(tuple(unified[t.start : t.end] for t in span))
                ) or self._folded.get(tuple(t.lower for t in span))
                if entries:
                    found = Match(i, last, toks[i].start, toks[last].end, entries)
                    break
            if found:
                out.append(found)
                i = found.last + 1
            else:
                i += 1
        return out


def _plain_gap(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return bool(gap) and gap.isspace() and "\n" not in gap
