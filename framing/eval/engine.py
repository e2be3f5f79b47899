"""Running the engine over many article files in one process (and its Dask workers), not one process a batch."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.corpus import analyze_many
from framing.library import read_path
from framing.models import ArticleAnalysis


def analyse_files(paths: Sequence[Path], *, processes: int | None = None) -> list[ArticleAnalysis]:
    """Each file read as the CLI reads it (``framing.read_path``) and analysed with the shipped lexicons,
    in order; exactly what ``python -m framing compare`` reports for the same files."""
    articles = [read_path(p) for p in paths]
    return analyze_many(articles, workers=processes)


def as_json(an: ArticleAnalysis) -> dict[str, Any]:
    """The parts of the CLI's JSON article that the scorers read: text, quotes (inner offsets), hits."""
    return {
        "text": an.article.text,
        "quotes": [q.to_dict() for q in an.quotes],
        "hits": [h.to_dict() for h in an.hits],
    }
