"""Hedges that lower a claim's commitment and boosters that raise it."""

from __future__ import annotations

from framing.indicators.context import Context
from framing.indicators.lookup import lexicon_hits
from framing.models import Hit


def detect(ctx: Context) -> list[Hit]:
    return lexicon_hits(ctx, "hedges")
