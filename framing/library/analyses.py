"""Stored analyses: each article's hits, quotations with speakers, word count and term counts, kept in the
library's SQLite file and keyed by the versions that made them (lexicons, engine code, parser).

The library stores and reads rows; it does not analyse (``framing.corpus`` runs the analysis and hands the
rows here, in the parent process only). A stored analysis is *current* when its version key equals the key
of the analyzer in use, and *stale* otherwise: editing a lexicon, changing the code or the parser model
changes the key. A change of code or parser makes every article analysed before stale; a lexicon edit only
those it can change (:mod:`framing.corpus.touched`), the others being marked current again.

The row layouts are the export's columns (README, "Corpus export"), so they are kept stable: append
columns, never rename them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

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


def index_counts(con: sqlite3.Connection) -> None:
    """Schema version 3: covering indexes for the Coverage page, which counts hits per article and key and
    sums term counts per outlet in SQL (reading the index alone, not every stored row)."""
    con.execute(
        "CREATE INDEX IF NOT EXISTS analysis_hits_counts "
        "ON analysis_hits(family, in_quote, article_id, category, position, speaker, text, start)"
    )
    con.execute("CREATE INDEX IF NOT EXISTS analysis_terms_counts ON analysis_terms(article_id, term, count)")


def snapshots(con: sqlite3.Connection) -> None:
    """Schema version 4: what each set of lexicons held (by its fingerprint), so that a lexicon edit marks
    stale only the stored analyses it can change (:mod:`framing.corpus.touched`)."""
    con.execute("CREATE TABLE IF NOT EXISTS lexicon_snapshots (fingerprint TEXT PRIMARY KEY, entries TEXT NOT NULL)")


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


def _narrowed(where: list[str], params: list[Any], category: str | None, not_position: str, table: str = "") -> None:
    """Add to a query's conditions: hits of one ``category`` only, none of one position (``not_position``)."""
    if category is not None:
        where.append(f"{table}category = ?")
        params.append(category)
    if not_position:
        where.append(f"{table}position != ?")
        params.append(not_position)


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

    def save_lexicon_snapshot(self, fingerprint: str, snapshot: dict[str, Any]) -> None:
        """Keep what the lexicons of ``fingerprint`` held (once per fingerprint)."""
        text = json.dumps(snapshot, sort_keys=True)
        self._write(
            lambda con: con.execute(
                "INSERT OR IGNORE INTO lexicon_snapshots (fingerprint, entries) VALUES (?, ?)", (fingerprint, text)
            )
        )

    def has_lexicon_snapshot(self, fingerprint: str) -> bool:
        return bool(self._read("SELECT 1 FROM lexicon_snapshots WHERE fingerprint = ?", (fingerprint,)))

    def lexicon_snapshot(self, fingerprint: str) -> dict[str, Any] | None:
        rows = self._read("SELECT entries FROM lexicon_snapshots WHERE fingerprint = ?", (fingerprint,))
        return json.loads(rows[0][0]) if rows else None

    def analysis_groups(self) -> list[tuple[str, str, str, int]]:
        """``(lexicons, code, parser, count)``: the stored analyses grouped by what made them."""
        return self._read("SELECT lexicons, code, parser, count(*) FROM analyses GROUP BY lexicons, code, parser")

    def analysed_with(self, lexicons: str, code: str, parser: str) -> list[str]:
        """Ids of the articles whose stored analysis these lexicons, code and parser made."""
        rows = self._read(
            "SELECT article_id FROM analyses WHERE lexicons = ? AND code = ? AND parser = ?", (lexicons, code, parser)
        )
        return [r[0] for r in rows]

    def with_entries(self, article_ids: Sequence[str], entry_ids: Iterable[str]) -> set[str]:
        """Of these articles, those with a stored hit of one of these lexicon entries."""
        wanted = sorted(set(entry_ids))
        if not wanted or not article_ids:
            return set()
        rows = self._read(
            "SELECT DISTINCT article_id FROM analysis_hits WHERE entry_id IN (SELECT value FROM json_each(?)) "
            "AND article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted), json.dumps(list(article_ids))),
        )
        return {r[0] for r in rows}

    def rekey(self, article_ids: Sequence[str], version: tuple[str, str], lexicon_versions: dict[str, str]) -> int:
        """Mark these stored analyses as made by ``version`` = (key, lexicons fingerprint), their hits' lexicon
        versions updated per family: for analyses a lexicon edit cannot change. One transaction."""
        ids = json.dumps(list(article_ids))
        chosen = "article_id IN (SELECT value FROM json_each(?))"

        def tx(con: sqlite3.Connection) -> int:
            con.execute(f"UPDATE analyses SET version = ?, lexicons = ? WHERE {chosen}", (*version, ids))
            for family, lexicon_version in sorted(lexicon_versions.items()):
                con.execute(
                    f"UPDATE analysis_hits SET lexicon_version = ? WHERE family = ? AND {chosen}",
                    (lexicon_version, family, ids),
                )
            return len(article_ids)

        return self._write(tx)

    def analysis_versions(self) -> dict[str, str]:
        """Article id -> the version key of its stored analysis."""
        return dict(self._read("SELECT article_id, version FROM analyses"))

    def analysed(self) -> list[tuple[str, int, str]]:
        """``(article_id, word_count, version)`` of every stored analysis."""
        return self._read("SELECT article_id, word_count, version FROM analyses")

    def analysis_status(self, version: str) -> dict[str, int]:
        """How many articles have a current analysis, a stale one (another version) and none."""
        row = self._read(
            """SELECT count(*), sum(an.version = ?), sum(an.version IS NOT NULL AND an.version != ?)
               FROM articles a LEFT JOIN analyses an ON an.article_id = a.id""",
            (version, version),
        )[0]
        total, current, stale = row[0], row[1] or 0, row[2] or 0
        return {"articles": total, "current": current, "stale": stale, "missing": total - current - stale}

    def hit_counts(
        self,
        article_ids: Sequence[str],
        family: str,
        key: str | Sequence[str],
        *,
        own_words: bool = True,
        category: str | None = None,
        not_position: str = "",
    ) -> list[tuple[Any, ...]]:
        """``(article_id, *key, hits, first start)`` of one family's hits in these articles, per article and
        value of ``key`` (``category``, ``text``, ``speaker``, ``position`` or a sequence of them), read from a
        covering index: only hits outside quotations (``own_words``), of one ``category``, not of one position
        (``not_position``)."""
        keys = (key,) if isinstance(key, str) else tuple(key)
        if not set(keys) <= {"category", "text", "speaker", "position"}:
            raise ValueError(f"cannot count hits by {keys!r}")
        where = ["family = ?", "in_quote IN (0)" if own_words else "in_quote IN (0, 1)"]
        where.append("article_id IN (SELECT value FROM json_each(?))")
        params = [family, json.dumps(list(article_ids))]
        _narrowed(where, params, category, not_position)
        columns = ", ".join(keys)
        return self._read(
            f"SELECT article_id, {columns}, count(*), min(start) FROM analysis_hits INDEXED BY analysis_hits_counts "
            f"WHERE {' AND '.join(where)} GROUP BY article_id, {columns}",
            params,
        )

    def hits_of(
        self,
        article_ids: Sequence[str],
        family: str,
        *,
        own_words: bool = True,
        category: str | None = None,
        not_position: str = "",
        limit: int | None = None,
    ) -> tuple[list[tuple[Any, ...]], int]:
        """One family's hits in these articles (the columns of ``HIT_COLUMNS``), the newest articles first
        (then by id and offset), the first ``limit`` of them; and how many there are in all."""
        where, params = ["h.family = ?"], [family]
        if own_words:
            where.append("h.in_quote = 0")
        _narrowed(where, params, category, not_position, "h.")
        body = (
            "FROM json_each(?) j CROSS JOIN analysis_hits h INDEXED BY analysis_hits_article ON h.article_id = j.value "
            f"JOIN articles a ON a.id = h.article_id WHERE {' AND '.join(where)}"
        )
        ids = json.dumps(list(article_ids))
        names = ", ".join(f"h.{_quoted(c)}" for c in HIT_COLUMNS)
        order = " ORDER BY coalesce(a.published, '') DESC, h.article_id, h.start"
        if limit is None:
            rows = self._read(f"SELECT {names} {body}{order}", [ids, *params])
            return rows, len(rows)
        total = self._read(f"SELECT count(*) {body}", [ids, *params])[0][0]
        return self._read(f"SELECT {names} {body}{order} LIMIT ?", [ids, *params, limit]), total

    def term_totals(self, article_ids: Sequence[str]) -> list[tuple[str, int]]:
        """``(term, count)`` summed over these articles' stored term counts (read from a covering index)."""
        return self._read(
            "SELECT t.term, sum(t.count) FROM json_each(?) j "
            "JOIN analysis_terms t INDEXED BY analysis_terms_counts ON t.article_id = j.value GROUP BY t.term",
            [json.dumps(list(article_ids))],
        )

    def using_term(self, article_ids: Sequence[str], term: str) -> list[str]:
        """Which of these articles have a stored count of ``term``."""
        return [
            r[0]
            for r in self._read(
                "SELECT t.article_id FROM json_each(?) j "
                "JOIN analysis_terms t ON t.article_id = j.value AND t.term = ?",
                [json.dumps(list(article_ids)), term],
            )
        ]

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
