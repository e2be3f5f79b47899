"""Hedges that lower a claim's commitment and boosters that raise it."""

from __future__ import annotations

from ..models import Hit
from .context import Context
from .lookup import lexicon_hits


def detect(ctx: Context) -> list[Hit]:
    return lexicon_hits(ctx, "hedges")
