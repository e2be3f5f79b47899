"""The stored analyses written out for other tools: one row per article, per hit and per quotation, as
Parquet (for DuckDB, Spark, pandas) or CSV. The columns are stable (README, "Corpus export"); a new
column is appended, never renamed."""

from __future__ import annotations

from pathlib import Path

from framing.library import Library
from framing.library.analyses import ANALYSIS_COLUMNS, HIT_COLUMNS, QUOTE_COLUMNS

#: The article's own fields written beside every row, so that each file stands alone.
ARTICLE_FIELDS: tuple[str, ...] = ("outlet", "published", "story")
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet",
    "published",
    "story",
    "title",
    "url",
    "language",
    *ANALYSIS_COLUMNS[1:],
    "hits",
)
FORMATS = ("parquet", "csv")


def export(lib: Library, out: str | Path, fmt: str = "parquet") -> dict[str, int]:
    """Write ``articles``, ``hits`` and ``quotes`` files into the folder ``out``; returns rows per file.

    Only articles with a stored analysis are written (run ``python -m framing corpus analyze`` first).
    """
    import pandas as pd

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use parquet or csv")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    meta = {a.id: a for a in lib.articles()}
    analysed = {r[0]: r for r in lib.rows("analyses")}
    hits = lib.rows("analysis_hits")
    per_article: dict[str, int] = {}
    for h in hits:
        per_article[h[0]] = per_article.get(h[0], 0) + 1

    def fields(aid: str) -> tuple[str, ...]:
        a = meta[aid]
        return tuple(getattr(a, f) or "" for f in ARTICLE_FIELDS)

    frames = {
        "articles": pd.DataFrame(
            [
                (aid, *fields(aid), meta[aid].title, meta[aid].url or "", meta[aid].language or "", *row[1:])
                + (per_article.get(aid, 0),)
                for aid, row in analysed.items()
                if aid in meta
            ],
            columns=list(ARTICLE_COLUMNS),
        ),
        "hits": pd.DataFrame(
            [(*h, *fields(h[0])) for h in hits if h[0] in meta], columns=[*HIT_COLUMNS, *ARTICLE_FIELDS]
        ),
        "quotes": pd.DataFrame(
            [(*q, *fields(q[0])) for q in lib.rows("analysis_quotes") if q[0] in meta],
            columns=[*QUOTE_COLUMNS, *ARTICLE_FIELDS],
        ),
    }
    frames["hits"]["in_quote"] = frames["hits"]["in_quote"].astype(bool)
    written = {}
    for name, frame in frames.items():
        path = folder / f"{name}.{fmt}"
        if fmt == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)
        written[name] = len(frame)
    return written
