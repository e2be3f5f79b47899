"""Plain lexicon look-up, shared by the families that need no grammar: labels, hedges, loaded language."""

from __future__ import annotations

from ..models import Hit
from .context import Context, make_hit

# "May" with a capital inside a sentence is the month, not the hedge.
_MONTH_LIKE = {"may", "march"}


def lexicon_hits(ctx: Context, family: str) -> list[Hit]:
    lex = ctx.lexicons.get(family)
    if lex is None:
        return []
    doc = ctx.doc
    hits = []
    text, lowers = doc.text, doc.token_lowers
    for m in ctx.matches(family):
        entry = m.entries[0]
        if m.first == m.last and lowers[m.first] in _MONTH_LIKE and text[m.start].isupper():
            sentence = doc.sentence_at(m.start)
            if sentence is None or sentence.start != m.start:
                continue
        hits.append(make_hit(family, lex, entry, doc, m.start, m.end))
    return hits
