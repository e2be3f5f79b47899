"""Loaded language: emotionally charged or presupposing words, tagged with the persuasion technique."""

from __future__ import annotations

from ..models import Hit
from .context import Context
from .lookup import lexicon_hits


def detect(ctx: Context) -> list[Hit]:
    return lexicon_hits(ctx, "loaded_language")
