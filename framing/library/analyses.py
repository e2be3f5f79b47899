"""Stored analyses: each article's hits, quotations with speakers, word count and term counts, kept in the
library's SQLite file and keyed by the versions that made them (lexicons, engine code, parser).

The library stores and reads rows; it does not analyse (``framing.corpus`` runs the analysis and hands the
rows here, in the parent process only). A stored analysis is *current* when its version key equals the key
of the analyzer in use, and *stale* otherwise: editing a lexicon, changing the code or the parser model
changes the key, so every article analysed before is shown as stale and analysed again on the next run.

The row layouts are the export's columns (README, "Corpus export"), so they are kept stable: append
columns, never rename them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

#: One row per article analysed (table ``analyses``).
ANALYSIS_COLUMNS: tuple[str, ...] = (
    "article_id",
    "version",
    "lexicons",
    "code",
    "parser",
    "word_count",
    "quotes",
    "analysed_at",
)
#: One row per hit (table ``analysis_hits``); ``explain`` and ``source`` are those of the lexicon entry.
HIT_COLUMNS: tuple[str, ...] = (
    "article_id",
    "family",
    "category",
    "entry_id",
    "text",
    "start",
    "end",
    "in_quote",
    "speaker",
    "agent",
    "position",
    "lexicon_version",
)
#: One row per quotation (table ``analysis_quotes``): offsets of the words inside the marks.
QUOTE_COLUMNS: tuple[str, ...] = ("article_id", "start", "end", "kind", "speaker", "verb", "stance", "words")
#: One row per distinct term of an article, with its count (table ``analysis_terms``).
TERM_COLUMNS: tuple[str, ...] = ("article_id", "term", "count")

TABLES: dict[str, tuple[str, ...]] = {
    "analyses": ANALYSIS_COLUMNS,
    "analysis_hits": HIT_COLUMNS,
    "analysis_quotes": QUOTE_COLUMNS,
    "analysis_terms": TERM_COLUMNS,
}


def migrate(con: sqlite3.Connection) -> None:
    """Schema version 2: the stored analyses."""
    for statement in (
        """CREATE TABLE analyses (
           article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
           version TEXT NOT NULL, lexicons TEXT NOT NULL, code TEXT NOT NULL, parser TEXT NOT NULL,
           word_count INTEGER NOT NULL, quotes INTEGER NOT NULL, analysed_at TEXT NOT NULL)""",
        "CREATE INDEX analyses_version ON analyses(version)",
        """CREATE TABLE analysis_hits (
           article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
           family TEXT NOT NULL, category TEXT NOT NULL, entry_id TEXT NOT NULL, text TEXT NOT NULL,
           start INTEGER NOT NULL, "end" INTEGER NOT NULL, in_quote INTEGER NOT NULL,
           speaker TEXT NOT NULL, agent TEXT NOT NULL, position TEXT NOT NULL, lexicon_version TEXT NOT NULL)""",
        "CREATE INDEX analysis_hits_article ON analysis_hits(article_id)",
        "CREATE INDEX analysis_hits_family ON analysis_hits(family, category)",
        """CREATE TABLE analysis_quotes (
           article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
           start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL, speaker TEXT NOT NULL,
           verb TEXT NOT NULL, stance TEXT NOT NULL, words INTEGER NOT NULL)""",
        "CREATE INDEX analysis_quotes_article ON analysis_quotes(article_id)",
        "CREATE INDEX analysis_quotes_speaker ON analysis_quotes(speaker)",
        """CREATE TABLE analysis_terms (
           article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
           term TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (article_id, term))""",
    ):
        con.execute(statement)


@dataclass(frozen=True)
class StoredAnalysis:
    """One article's stored analysis, as the rows of each table (tuples in the table's column order)."""

    analysis: tuple[Any, ...]
    hits: tuple[tuple[Any, ...], ...]
    quotes: tuple[tuple[Any, ...], ...]
    terms: tuple[tuple[Any, ...], ...]

    @property
    def article_id(self) -> str:
        return self.analysis[0]


def _quoted(column: str) -> str:
    return f'"{column}"'


class AnalysesMixin:
    """The stored-analysis methods of :class:`framing.library.Library` (which supplies ``_write`` and
    ``_read``, each one transaction)."""

    _write: Callable[[Callable[[sqlite3.Connection], Any]], Any]
    _read: Callable[..., list[tuple[Any, ...]]]

    def store_analyses(self, stored: Sequence[StoredAnalysis]) -> int:
        """Save these analyses in one transaction, each replacing what its article had; returns how many."""

        def tx(con: sqlite3.Connection) -> int:
            ids = [(s.article_id,) for s in stored]
            for table in TABLES:
                con.executemany(f"DELETE FROM {table} WHERE article_id = ?", ids)
            for table, rows in (
                ("analyses", [s.analysis for s in stored]),
                ("analysis_hits", [r for s in stored for r in s.hits]),
                ("analysis_quotes", [r for s in stored for r in s.quotes]),
                ("analysis_terms", [r for s in stored for r in s.terms]),
            ):
                columns = TABLES[table]
                marks = ", ".join("?" * len(columns))
                names = ", ".join(map(_quoted, columns))
                con.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            return len(stored)

        return self._write(tx)

    def analysis_versions(self) -> dict[str, str]:
        """Article id -> the version key of its stored analysis."""
        return dict(self._read("SELECT article_id, version FROM analyses"))

    def analysis_status(self, version: str) -> dict[str, int]:
        """How many articles have a current analysis, a stale one (another version) and none."""
        row = self._read(
            """SELECT count(*), sum(an.version = ?), sum(an.version IS NOT NULL AND an.version != ?)
               FROM articles a LEFT JOIN analyses an ON an.article_id = a.id""",
            (version, version),
        )[0]
        total, current, stale = row[0], row[1] or 0, row[2] or 0
        return {"articles": total, "current": current, "stale": stale, "missing": total - current - stale}

    def rows(self, table: str, article_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
        """Every row of one stored-analysis table (in its column order), optionally of some articles only."""
        columns = TABLES.get(table)
        if columns is None:
            raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
        names = ", ".join(map(_quoted, columns))
        order = "article_id, start" if "start" in columns else "article_id"
        if article_ids is None:
            return self._read(f"SELECT {names} FROM {table} ORDER BY {order}")
        ids = list(article_ids)
        out: list[tuple[Any, ...]] = []
        for k in range(0, len(ids), 500):  # SQLite's limit on bound parameters
            chunk = ids[k : k + 500]
            marks = ", ".join("?" * len(chunk))
            out += self._read(f"SELECT {names} FROM {table} WHERE article_id IN ({marks}) ORDER BY {order}", chunk)
        return out
