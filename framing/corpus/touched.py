"""What a lexicon edit touches: the stored analyses it can change are stale, the others stay current.

A stored analysis is keyed by the fingerprints of the lexicons, the code and the parser that made it
(:mod:`framing.corpus.rows`). When only the lexicons changed, an article's analysis can change only if

- it has a hit of an entry that was changed or removed, or
- its text holds a word of an entry that was added, changed or removed (it may now match, or match
  otherwise: a reporting verb also decides what is a scare quote, a name who is a speaker).

Every other stored analysis is what the new lexicons would give, and is marked current again
(:meth:`framing.library.Library.rekey`, which also updates its hits' lexicon versions). The test on words
is deliberately wide (a word's stem anywhere in the text, in any case): an article marked stale for
nothing is analysed again, which costs time; one wrongly kept current would show an old result as new.
An entry without words to look for (a rule of the syntax) touches every article. The snapshots of the
lexicons that made the stored analyses are kept in the library; analyses made before snapshots were kept
stay stale, as before.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from framing.analysis import Analyzer
from framing.analysis.cache import lexicon_fingerprint
from framing.corpus.rows import version_of
from framing.library import Library

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def snapshot(analyzer: Analyzer) -> dict[str, Any]:
    """What the analyzer's lexicons hold: per family its version, and per entry a digest of every field and
    the words to look for in a text (the stems of its written forms; none for a rule)."""
    entries: dict[str, Any] = {}
    for family, lex in sorted(analyzer.lexicons.items()):
        for e in lex.entries:
            digest = hashlib.sha256(repr(e).encode("utf-8")).hexdigest()[:16]
            stems = [] if e.context == "rule" else sorted({_stem(form) for form in (e.term, *e.surface)} - {""})
            entries[f"{family}\0{e.id}"] = [digest, stems]
    versions = {family: f"{lex.name} {lex.version}" for family, lex in analyzer.lexicons.items()}  # (as in a hit)
    return {"versions": versions, "entries": entries}


def _stem(form: str) -> str:
    """The longest word of a written form, its last letters cut (so "claimed" finds "claims"), lowercased."""
    words = _WORD.findall(form.lower())
    if not words:
        return ""
    word = max(words, key=len)
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


@dataclass(frozen=True)
class Carried:
    """Of the analyses stored with other lexicons (same code and parser): kept current, and touched."""

    kept: int = 0
    touched: int = 0


def remember(lib: Library, analyzer: Analyzer, held: dict[str, Any] | None = None) -> None:
    """Keep in the library what the analyzer's lexicons hold (once per set of lexicons; ``held``: their
    :func:`snapshot`, if made already): called where analyses are stored or re-keyed, so that a later edit
    can be compared with what made them."""
    fingerprint = lexicon_fingerprint(analyzer)
    if not lib.has_lexicon_snapshot(fingerprint):
        lib.save_lexicon_snapshot(fingerprint, held if held is not None else snapshot(analyzer))


def carry_forward(lib: Library, analyzer: Analyzer) -> Carried:
    """Mark current again the stored analyses that differ from ``analyzer``'s only by lexicons the edit
    cannot have changed them through; the touched ones stay stale."""
    version = version_of(analyzer)
    groups = [
        (lexicons, code, parser)
        for lexicons, code, parser, _ in lib.analysis_groups()
        if lexicons != version.lexicons and code == version.code and parser == version.parser
    ]
    if not groups:
        return Carried()
    now = snapshot(analyzer)
    kept = touched = 0
    for lexicons, code, parser in groups:
        before = lib.lexicon_snapshot(lexicons)
        if before is None:
            continue  # (analysed before snapshots were kept: which entries changed is not known)
        ids = lib.analysed_with(lexicons, code, parser)
        changed = _changed(before["entries"], now["entries"])
        # The words of each changed entry, as it was and as it is (a word dropped may have mattered too).
        words = {key: {s for side in (before, now) for s in side["entries"].get(key, (None, []))[1]} for key in changed}
        if not all(words.values()):
            touched += len(ids)  # a rule changed: it may act anywhere
            continue
        stems = set().union(*words.values())
        hit = lib.with_entries(ids, {key.split("\0", 1)[1] for key in changed if key in before["entries"]})
        worded = _with_words(lib, [i for i in ids if i not in hit], stems)
        stale = hit | worded
        keep = [i for i in ids if i not in stale]
        if keep:
            remember(lib, analyzer, now)  # (what the kept analyses are now made with)
            lib.rekey(keep, (version.key, version.lexicons), now["versions"])
        kept += len(keep)
        touched += len(stale)
    return Carried(kept, touched)


def _changed(before: dict[str, Any], now: dict[str, Any]) -> set[str]:
    """Entries added, removed or changed in any field."""
    return {k for k in before.keys() | now.keys() if (before.get(k) or [None])[0] != (now.get(k) or [None])[0]}


def _with_words(lib: Library, ids: list[str], stems: set[str]) -> set[str]:
    """Of these articles, those whose title or text holds one of the stems (in any case)."""
    if not stems or not ids:
        return set()
    pattern = re.compile("|".join(sorted(map(re.escape, stems), key=len, reverse=True)), re.IGNORECASE)
    wanted = set(ids)
    return {a.id for a in lib.articles() if a.id in wanted and (pattern.search(a.text) or pattern.search(a.title))}
