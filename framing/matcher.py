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
    """Compiled lookup of every surface form of a lexicon, indexed by its first token."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        tables: dict[bool, dict[tuple[str, ...], list[Entry]]] = {False: {}, True: {}}
        for entry in lexicon.entries:
            if entry.context == "rule":
                continue  # described in the lexicon, applied by its indicator's own rule
            for form in entry.surface:
                key = _key(form, entry.case_sensitive)
                bucket = tables[entry.case_sensitive].setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
        # first token -> candidate forms, longest first
        self._folded = _index(tables[False])
        self._exact = _index(tables[True])

    def find(self, doc: Document) -> list[Match]:
        toks = doc.tokens
        plain = doc.plain_gaps
        lowers = doc.token_lowers
        exacts = doc.token_unified if self._exact else None
        folded_index, exact_index = self._folded, self._exact
        n = len(toks)
        out: list[Match] = []
        # Only the tokens that open some form need a look: found by set membership in one pass.
        if exacts is None:
            starts = [i for i, w in enumerate(lowers) if w in folded_index]
        else:
            starts = [i for i in range(n) if lowers[i] in folded_index or exacts[i] in exact_index]
        nxt = 0  # the first token not inside an earlier match
        for i in starts:
            if i < nxt:
                continue
            cands = folded_index.get(lowers[i])
            exact_cands = exact_index.get(exacts[i]) if exacts is not None else None
            best = -1
            entries: tuple[Entry, ...] = ()
            # Case-sensitive forms first: at equal length the more specific entry wins.
            for words, group in ((exacts, exact_cands), (lowers, cands)):
                for key, found in group or ():
                    size = len(key)
                    last = i + size - 1
                    if last <= best or last >= n:
                        continue
                    if size == 1 or all(plain[k] and words[k + 1] == key[k - i + 1] for k in range(i, last)):  # type: ignore[index]
                        best, entries = last, found
                        break
            if best >= 0:
                out.append(Match(i, best, toks[i].start, toks[best].end, entries))
                nxt = best + 1
        return out


def _index(
    table: dict[tuple[str, ...], list[Entry]],
) -> dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]]:
    index: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = {}
    for key, entries in table.items():
        index.setdefault(key[0], []).append((key, tuple(entries)))
    for cands in index.values():
        cands.sort(key=lambda c: -len(c[0]))
    return index
