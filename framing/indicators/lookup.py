"""Plain lexicon look-up, shared by the families that need no grammar: labels, hedges, loaded language.

A match inside a proper name or an office title ("Martyrs" in "al-Aqsa Martyrs Brigades", "health" in
"health minister") is not a hit: see :mod:`.names`.
"""

from __future__ import annotations

from framing.indicators.context import Context, make_hit
from framing.models import Hit

# "May" with a capital inside a sentence is the month, not the hedge.
_MONTH_LIKE = {"may", "march"}


def lexicon_hits(ctx: Context, family: str) -> list[Hit]:
    lex = ctx.lexicons.get(family)
    if lex is None:
        return []
    doc = ctx.doc
    hits = []
    text, lowers = doc.text, doc.token_lowers
    hides = ctx.names.hides
    # Matches are unpacked, not read by field name: cheaper for the few hundred a corpus article has.
    for first, last, start, end, entries in ctx.matches(family):
        if lowers[first] in _MONTH_LIKE and first == last and text[start].isupper():
            sentence = doc.sentence_at(start)
            if sentence is None or sentence.start != start:
                continue
        if hides(first, last, entries[0]):
            continue
        hits.append(make_hit(family, lex, entries[0], doc, start, end))
    return hits
