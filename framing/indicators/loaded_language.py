"""Loaded language: emotionally charged or presupposing words, tagged with the persuasion technique.

A few words are loaded only in some company: "hostile" names an enemy, but "hostile targets" and "a
hostile takeover" are technical terms (found judging real coverage, docs/VALIDITY.md).
"""

from __future__ import annotations

from framing.indicators.context import Context
from framing.indicators.lookup import lexicon_hits
from framing.models import Hit

# entry id -> words right after it that make it a technical term, not a loaded word
TECHNICAL_AFTER = {
    "loaded.hostile": frozenset({"target", "targets", "aircraft", "drone", "drones", "takeover", "takeovers", "bid"}),
}


def detect(ctx: Context) -> list[Hit]:
    hits = lexicon_hits(ctx, "loaded_language")
    if not any(h.entry_id in TECHNICAL_AFTER for h in hits):
        return hits
    doc = ctx.doc
    out = []
    for h in hits:
        after = TECHNICAL_AFTER.get(h.entry_id)
        if after is not None:
            k = doc.token_index(h.end)
            if k < len(doc.token_lowers) and doc.token_lowers[k] in after:
                continue
        out.append(h)
    return out
