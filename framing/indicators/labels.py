"""Labels: the name an article picks for a contested referent (one category per concept)."""

from __future__ import annotations

from ..models import Hit
from .context import Context
from .lookup import lexicon_hits


def detect(ctx: Context) -> list[Hit]:
    return lexicon_hits(ctx, "labels")
