"""The article library: one SQLite file of articles, outlets, stories and settings, with versioned migrations.

With ingest, the only code that touches disk. ``Library()`` opens ``db_path()``: an explicit path, else
the ``FRAMING_DB`` environment variable, else ``data/library.db`` in the project. The database runs in
WAL mode with a 30-second busy timeout; every write is one ``BEGIN IMMEDIATE`` transaction, retried a
few times if SQLite still reports the database locked, so several processes can import at once.
Articles are keyed by the hash of their text, so importing the same article twice stores it once and
reports it as a duplicate. Text is never changed after it is stored; metadata can be.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

from framing.library import analyses, store_io
from framing.library.analyses import AnalysesMixin
from framing.library.store_io import LibraryError
from framing.models import Article

__all__ = ["DEFAULT_DB", "ImportResult", "Library", "LibraryError", "db_path"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = PROJECT_ROOT / "data" / "library.db"
CORPUS_DIR = PROJECT_ROOT / "data" / "corpus"
ENV_VAR = "FRAMING_DB"
BUSY_TIMEOUT_S = 30.0
LOCK_RETRIES = 10

METADATA_FIELDS = ("title", "outlet", "author", "published", "url", "language", "story")
_COLUMNS = ("id", "outlet", "title", "author", "published", "url", "language", "story", "text")
_COLUMNS += ("source_name", "original_format", "added_at", "illustrative", "meta")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM articles"

# name -> (default, what it does). Settings live in the `settings` table; unset ones read as the default.
SETTINGS: dict[str, tuple[str | None, str]] = {
    "seeded_at": (None, "when the seeds and bundled corpus were added (UTC); set once, so deleted ones stay deleted"),
}

T = TypeVar("T")


def db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Where the library lives: ``path`` if given, else ``$FRAMING_DB``, else ``data/library.db``."""
    chosen = path or os.environ.get(ENV_VAR) or DEFAULT_DB
    return Path(chosen).expanduser()


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ImportResult:
    """Ids added by an import, and ids that were already in the library (or twice in the import)."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"added {len(self.added)}, duplicates {len(self.duplicates)}"


# ------------------------------------------------------------------------------------- migrations


def _m001_initial(con: sqlite3.Connection) -> None:
    for statement in (
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
        """CREATE TABLE outlets (name TEXT PRIMARY KEY, country TEXT NOT NULL DEFAULT '',
           language TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '')""",
        """CREATE TABLE stories (name TEXT PRIMARY KEY, description TEXT NOT NULL DEFAULT '',
           created_at TEXT NOT NULL)""",
        """CREATE TABLE articles (
           id TEXT PRIMARY KEY,
           outlet TEXT REFERENCES outlets(name) ON UPDATE CASCADE,
           title TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
           published TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
           language TEXT NOT NULL DEFAULT '',
           story TEXT REFERENCES stories(name) ON UPDATE CASCADE ON DELETE SET NULL,
           text TEXT NOT NULL,
           source_name TEXT NOT NULL DEFAULT '', original_format TEXT NOT NULL DEFAULT '',
           added_at TEXT NOT NULL, illustrative INTEGER NOT NULL DEFAULT 0, meta TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_story ON articles(story)",
        "CREATE INDEX articles_published ON articles(published)",
        """CREATE TABLE lexicon_overlay (id INTEGER PRIMARY KEY, lexicon TEXT NOT NULL, entry_id TEXT NOT NULL,
           entry_yaml TEXT NOT NULL DEFAULT '', disabled INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL)""",
        "CREATE INDEX lexicon_overlay_entry ON lexicon_overlay(lexicon, entry_id)",
        "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT)",
    ):
        con.execute(statement)


# Applied in order, each in its own transaction; migration i brings the schema to version i. Append, never edit.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m001_initial,
    analyses.migrate,
    analyses.index_counts,
    analyses.snapshots,
]


def _schema_version(con: sqlite3.Connection) -> int:
    if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone():
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


# ---------------------------------------------------------------------------------------- helpers


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (5, 6) or "locked" in str(exc) or "busy" in str(exc)


def _contains(haystack: str | None, needle: str | None) -> bool:
    return bool(needle is not None and haystack is not None and needle.casefold() in haystack.casefold())


def _null(value: str | None) -> str | None:
    return value or None


def _row(article: Article, now: str) -> tuple[Any, ...]:
    a = article
    meta = json.dumps(a.meta, ensure_ascii=False, default=str, sort_keys=True)
    illustrative = 1 if a.meta.get("illustrative") else 0
    return (a.id, _null(a.outlet), a.title, a.author, a.published, a.url, a.language, _null(a.story), a.text,
            a.source_name, a.original_format, a.added_at or now, illustrative, meta)  # fmt: skip


def _article(row: tuple[Any, ...]) -> Article:
    values = dict(zip(_COLUMNS, row))
    values.pop("illustrative")
    meta = json.loads(values.pop("meta") or "{}")
    return Article(**{k: v or "" for k, v in values.items()}, meta=meta)


def _ensure_names(con: sqlite3.Connection, outlets: Iterable[str], stories: Iterable[str], now: str) -> None:
    con.executemany("INSERT OR IGNORE INTO outlets(name) VALUES (?)", [(o,) for o in set(outlets) if o])
    con.executemany(
        "INSERT OR IGNORE INTO stories(name, created_at) VALUES (?, ?)", [(s, now) for s in set(stories) if s]
    )


def _insert(con: sqlite3.Connection, rows: list[tuple[Any, ...]], now: str) -> ImportResult:
    _ensure_names(con, (r[1] for r in rows), (r[7] for r in rows), now)
    added, duplicates = [], []
    # ON CONFLICT(id) DO NOTHING, not INSERT OR IGNORE: only a stored id is skipped, a NULL text still fails.
    sql = f"INSERT INTO articles({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
    sql += " ON CONFLICT(id) DO NOTHING"
    for r in rows:
        (added if con.execute(sql, r).rowcount == 1 else duplicates).append(r[0])
    return ImportResult(added, duplicates)


def _fill_outlet(con: sqlite3.Connection, outlet: dict[str, Any]) -> None:
    """Create an outlet or fill in the fields it lacks; never overwrite what a teacher wrote."""
    con.execute(
        """INSERT INTO outlets(name, country, language, description) VALUES (?, ?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET
             country = CASE WHEN country = '' THEN excluded.country ELSE country END,
             language = CASE WHEN language = '' THEN excluded.language ELSE language END,
             description = CASE WHEN description = '' THEN excluded.description ELSE description END""",
        tuple(str(outlet.get(k) or "") for k in ("name", "country", "language", "description")),
    )


# ---------------------------------------------------------------------------------------- library


class Library(AnalysesMixin):
    """The article library in one SQLite file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = db_path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._con = sqlite3.connect(
            str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            self._con.create_function("contains_ci", 2, _contains, deterministic=True)
            self._con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._con.execute("PRAGMA foreign_keys = ON")
            self._retry(lambda: self._con.execute("PRAGMA journal_mode = WAL").fetchone())
            self._con.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except BaseException:
            self._con.close()
            raise

    # -- plumbing

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def _retry(self, fn: Callable[[], T]) -> T:
        for attempt in range(LOCK_RETRIES + 1):
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _is_locked(exc) or attempt == LOCK_RETRIES:
                    raise
                time.sleep(min(2.0, 0.05 * 2**attempt))
        raise AssertionError("unreachable")

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` in one BEGIN IMMEDIATE transaction: all of it is saved, or none of it."""

        def attempt() -> T:
            self._con.execute("BEGIN IMMEDIATE")
            try:
                result = fn(self._con)
                self._con.execute("COMMIT")
                return result
            except BaseException:
                if self._con.in_transaction:
                    self._con.execute("ROLLBACK")
                raise

        with self._lock:
            return self._retry(attempt)

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._retry(lambda: self._con.execute(sql, tuple(params)).fetchall())

    def _migrate(self) -> None:
        known = len(MIGRATIONS)
        for version, migration in enumerate(MIGRATIONS, 1):

            def step(con: sqlite3.Connection, version: int = version, migration=migration) -> None:
                if _schema_version(con) >= version:  # another process got there first
                    return
                migration(con)
                con.execute("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)", (version, utc_now()))

            if _schema_version(self._con) < version:
                self._write(step)
        found = _schema_version(self._con)
        if found > known:
            raise LibraryError(
                f"{self.path}: the library has schema version {found}, newer than this program knows ({known}); "
                "update the framing package, or point FRAMING_DB at another file"
            )

    @property
    def schema_version(self) -> int:
        with self._lock:
            return _schema_version(self._con)

    # -- articles

    def add_articles(self, articles: Iterable[Article]) -> ImportResult:
        """Store new articles in one transaction; an article already stored is reported as a duplicate."""
        now = utc_now()
        rows = [_row(a, now) for a in articles]
        return self._write(lambda con: _insert(con, rows, now))

    def articles(
        self,
        *,
        outlet: str | None = None,
        story: str | None = None,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Article]:
        """Articles in the order they were added. ``search``: case-insensitive, in title or text;
        ``since``/``until``: inclusive bounds on the ``published`` ISO date (undated articles left out)."""
        clauses: list[str] = []
        params: list[Any] = []
        if outlet is not None:
            clauses.append("coalesce(outlet, '') = ?")
            params.append(outlet)
        if story is not None:
            clauses.append("coalesce(story, '') = ?")
            params.append(story)
        if search:
            clauses.append("(contains_ci(title, ?) OR contains_ci(text, ?))")
            params += [search, search]
        if since:
            clauses.append("published != '' AND published >= ?")
            params.append(since)
        if until:
            clauses.append("published != '' AND substr(published, 1, ?) <= ?")
            params += [len(until), until]
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return [_article(r) for r in self._read(f"{_SELECT}{where} ORDER BY rowid", params)]

    def get(self, id: str) -> Article:
        rows = self._read(f"{_SELECT} WHERE id = ?", (id,))
        if not rows:
            raise KeyError(f"no article with id {id!r} in the library {self.path}")
        return _article(rows[0])

    def count(self) -> int:
        return self._read("SELECT count(*) FROM articles")[0][0]

    def metadata(self, *fields: str) -> list[tuple[Any, ...]]:
        """``(id, *fields)`` of every article in the order added, without reading their texts (for pages
        that count or list many articles). ``fields``: metadata field names; ``None`` reads as ""."""
        unknown = sorted(set(fields) - set(METADATA_FIELDS))
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(unknown)}; metadata fields are {', '.join(METADATA_FIELDS)}")
        columns = "".join(f", coalesce({f}, '')" for f in fields)
        return self._read(f"SELECT id{columns} FROM articles ORDER BY rowid")

    def update(self, id: str, **fields: str | None) -> Article:
        """Change an article's metadata (title, outlet, author, published, url, language, story); never its text."""
        if "text" in fields or "id" in fields:
            raise ValueError(
                "an article's text is never changed: its id is the hash of its text; "
                "add the edited text as a new article"
            )
        unknown = sorted(set(fields) - set(METADATA_FIELDS))
        if unknown:
            raise ValueError(f"cannot update {', '.join(unknown)}; metadata fields are {', '.join(METADATA_FIELDS)}")
        values = {k: v or "" for k, v in fields.items()}
        now = utc_now()

        def tx(con: sqlite3.Connection) -> None:
            if not con.execute("SELECT 1 FROM articles WHERE id = ?", (id,)).fetchone():
                raise KeyError(f"no article with id {id!r} in the library {self.path}")
            _ensure_names(con, [values.get("outlet", "")], [values.get("story", "")], now)
            if values:
                sets = ", ".join(f"{k} = ?" for k in values)
                params = [_null(v) if k in ("outlet", "story") else v for k, v in values.items()]
                con.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*params, id))

        self._write(tx)
        return self.get(id)

    def delete(self, ids: Iterable[str]) -> int:
        """Delete articles by id; returns how many were deleted (unknown ids are skipped)."""
        keys = [ids] if isinstance(ids, str) else list(ids)
        return self._write(
            lambda con: con.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in keys]).rowcount
        )

    # -- outlets and stories

    def outlets(self) -> list[dict[str, Any]]:
        """Every outlet with its country, language, description and number of articles."""
        rows = self._read(
            """SELECT o.name, o.country, o.language, o.description, count(a.id) FROM outlets o
               LEFT JOIN articles a ON a.outlet = o.name GROUP BY o.name ORDER BY o.name COLLATE NOCASE"""
        )
        return [dict(zip(("name", "country", "language", "description", "articles"), r)) for r in rows]

    def set_outlet(
        self, name: str, *, country: str | None = None, language: str | None = None, description: str | None = None
    ) -> None:
        """Create an outlet or change the fields given (None leaves a field as it is)."""
        if not name.strip():
            raise ValueError("an outlet needs a name")
        given = {"country": country, "language": language, "description": description}
        changes = {k: v for k, v in given.items() if v is not None}

        def tx(con: sqlite3.Connection) -> None:
            con.execute("INSERT OR IGNORE INTO outlets(name) VALUES (?)", (name,))
            if changes:
                sets = ", ".join(f"{k} = ?" for k in changes)
                con.execute(f"UPDATE outlets SET {sets} WHERE name = ?", (*changes.values(), name))

        self._write(tx)

    def stories(self) -> list[dict[str, Any]]:
        """Every story with its description, creation time and number of articles."""
        rows = self._read(
            """SELECT s.name, s.description, s.created_at, count(a.id) FROM stories s
               LEFT JOIN articles a ON a.story = s.name GROUP BY s.name ORDER BY s.name COLLATE NOCASE"""
        )
        return [dict(zip(("name", "description", "created_at", "articles"), r)) for r in rows]

    def set_story(self, ids: Iterable[str], name: str | None, *, description: str | None = None) -> int:
        """Put articles in a story (created if new; None or "" takes them out); returns how many changed."""
        keys = [ids] if isinstance(ids, str) else list(ids)
        now = utc_now()

        def tx(con: sqlite3.Connection) -> int:
            _ensure_names(con, [], [name or ""], now)
            if name and description is not None:
                con.execute("UPDATE stories SET description = ? WHERE name = ?", (description, name))
            sql = "UPDATE articles SET story = ? WHERE id = ?"
            return con.executemany(sql, [(_null(name), i) for i in keys]).rowcount

        return self._write(tx)

    # -- settings

    def get_setting(self, name: str, default: str | None = None) -> str | None:
        rows = self._read("SELECT value FROM settings WHERE name = ?", (name,))
        if rows:
            return rows[0][0]
        return default if default is not None else SETTINGS.get(name, (None, ""))[0]

    def set_setting(self, name: str, value: str | None) -> None:
        self._write(
            lambda con: con.execute(
                "INSERT INTO settings(name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (name, value),
            )
        )

    def settings(self) -> dict[str, str | None]:
        stored = dict(self._read("SELECT name, value FROM settings"))
        return {**{k: d for k, (d, _) in SETTINGS.items()}, **stored}

    # -- export and import (format in store_io)

    def export_jsonl(self, fp: IO[Any]) -> int:
        return store_io.write_jsonl(self.articles(), fp)

    def export_csv(self, fp: IO[Any]) -> int:
        return store_io.write_csv(self.articles(), fp)

    def import_jsonl(self, fp: IO[Any], name: str = "export.jsonl") -> ImportResult:
        """Read a JSONL export back; a bad line raises :class:`LibraryError` and nothing is imported."""
        return self.add_articles(store_io.read_jsonl(fp, name))

    def import_csv(self, fp: IO[Any], name: str = "export.csv") -> ImportResult:
        """Read a CSV export back; a bad row raises :class:`LibraryError` and nothing is imported."""
        return self.add_articles(store_io.read_csv(fp, name))

    # -- seeding

    def skip_seeding(self) -> None:
        """Keep a new library empty: :meth:`seed_if_new` will not add the starter set to it later."""
        sql = "INSERT OR IGNORE INTO settings(name, value) VALUES ('seeded_at', 'never: started empty')"
        self._write(lambda con: con.execute(sql))

    def seed_if_new(self, *, corpus_dir: str | os.PathLike[str] | None = None) -> ImportResult:
        """On a library never seeded: add the seed articles, the bundled corpus and their outlets, once."""
        if self.get_setting("seeded_at"):
            return ImportResult()
        articles, outlets, stories = store_io.starter_set(corpus_dir or CORPUS_DIR)
        now = utc_now()
        rows = [_row(a, now) for a in articles]

        def tx(con: sqlite3.Connection) -> ImportResult:
            if con.execute("SELECT value FROM settings WHERE name = 'seeded_at'").fetchone():
                return ImportResult()
            for outlet in outlets:
                _fill_outlet(con, outlet)
            _ensure_names(con, [], stories, now)
            for story, description in stories.items():
                con.execute(
                    "UPDATE stories SET description = ? WHERE name = ? AND description = ''", (description, story)
                )
            result = _insert(con, rows, now)
            con.execute("INSERT INTO settings(name, value) VALUES ('seeded_at', ?)", (now,))
            return result

        return self._write(tx)

    # -- lexicon overlay (the user's added, edited and disabled lexicon entries; see framing/lexicons/overlay.py)

    def overlay_entries(self) -> list[dict[str, Any]]:
        """Every overlay row in the order first saved: ``{lexicon, entry_id, entry, disabled, added_at}``,
        where ``entry`` is the entry dict, or None for a row that only disables a shipped entry."""
        import yaml

        rows = self._read("SELECT lexicon, entry_id, entry_yaml, disabled, added_at FROM lexicon_overlay ORDER BY id")
        return [
            {
                "lexicon": lexicon,
                "entry_id": entry_id,
                "entry": (yaml.safe_load(text) or None) if text else None,
                "disabled": bool(disabled),
                "added_at": added_at,
            }
            for lexicon, entry_id, text, disabled, added_at in rows
        ]

    def save_overlay_entry(self, lexicon: str, entry: dict[str, Any]) -> str:
        """Add an entry to a lexicon, or replace the entry with the same id (shipped or added before).

        The entry is validated like a shipped one; an invalid entry raises LexiconError and nothing is
        saved. A replaced entry keeps its first date and whether it is disabled. Returns the entry id.
        """
        from framing.lexicons.overlay import normalize_entry, shipped_lexicons, validate_entry

        shipped = shipped_lexicons()
        if lexicon not in shipped:
            from framing.lexicons import LexiconError

            raise LexiconError(f"unknown lexicon '{lexicon}' (known: {', '.join(sorted(shipped))})")
        checked = validate_entry(shipped[lexicon], entry)
        body = normalize_entry(entry)
        return self._write(lambda con: _upsert_overlay(con, lexicon, checked.id, body, None, utc_now()))

    def set_overlay_disabled(self, lexicon: str, entry_id: str, disabled: bool) -> None:
        """Disable or enable an entry (shipped or added); a shipped entry gets a disable-only row."""
        from framing.lexicons.overlay import shipped_lexicons

        lex = shipped_lexicons().get(lexicon)
        shipped_ids = {e.id for e in lex.entries} if lex else set()
        in_overlay = self._read("SELECT 1 FROM lexicon_overlay WHERE lexicon = ? AND entry_id = ?", (lexicon, entry_id))
        if entry_id not in shipped_ids and not in_overlay:
            raise KeyError(f"no entry {entry_id!r} in lexicon {lexicon!r}")
        self._write(lambda con: _upsert_overlay(con, lexicon, entry_id, None, bool(disabled), utc_now()))

    def delete_overlay_entry(self, lexicon: str, entry_id: str) -> int:
        """Forget the overlay row of an entry: an added entry is gone, an edited or disabled shipped entry is
        back as shipped. Returns how many rows were deleted."""
        sql = "DELETE FROM lexicon_overlay WHERE lexicon = ? AND entry_id = ?"
        return self._write(lambda con: con.execute(sql, (lexicon, entry_id)).rowcount)

    def export_overlay_yaml(self) -> str:
        """The overlay as YAML (a list of ``{lexicon, entry, disabled, added_at}``), for :meth:`import_overlay_yaml`."""
        from framing.lexicons.overlay import dump_overlay

        return dump_overlay(self.overlay_entries())

    def import_overlay_yaml(self, text: str) -> int:
        """Read an exported overlay; every entry is validated first and a bad one raises LexiconError naming it,
        with nothing imported. Rows replace overlay rows for the same entry. Returns how many were imported."""
        from framing.lexicons.overlay import parse_overlay

        rows = parse_overlay(text)
        now = utc_now()

        def tx(con: sqlite3.Connection) -> int:
            for r in rows:
                con.execute(
                    "DELETE FROM lexicon_overlay WHERE lexicon = ? AND entry_id = ?", (r["lexicon"], r["entry_id"])
                )
                con.execute(
                    "INSERT INTO lexicon_overlay(lexicon, entry_id, entry_yaml, disabled, added_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (r["lexicon"], r["entry_id"], _entry_yaml(r["entry"]), int(r["disabled"]), r["added_at"] or now),
                )
            return len(rows)

        return self._write(tx)


def _entry_yaml(entry: dict[str, Any] | None) -> str:
    import yaml

    return yaml.safe_dump(entry, sort_keys=False, allow_unicode=True) if entry else ""


def _upsert_overlay(
    con: sqlite3.Connection,
    lexicon: str,
    entry_id: str,
    entry: dict[str, Any] | None,
    disabled: bool | None,
    now: str,
) -> str:
    """Create or change the one overlay row of (lexicon, entry_id); None leaves a field as it is."""
    found = con.execute(
        "SELECT id FROM lexicon_overlay WHERE lexicon = ? AND entry_id = ? ORDER BY id", (lexicon, entry_id)
    ).fetchall()
    if not found:
        con.execute(
            "INSERT INTO lexicon_overlay(lexicon, entry_id, entry_yaml, disabled, added_at) VALUES (?, ?, ?, ?, ?)",
            (lexicon, entry_id, _entry_yaml(entry), int(bool(disabled)), now),
        )
    else:
        if entry is not None:
            con.execute("UPDATE lexicon_overlay SET entry_yaml = ? WHERE id = ?", (_entry_yaml(entry), found[0][0]))
        if disabled is not None:
            con.execute("UPDATE lexicon_overlay SET disabled = ? WHERE id = ?", (int(disabled), found[0][0]))
    # Enabling a shipped entry that was only disabled leaves nothing to remember.
    con.execute("DELETE FROM lexicon_overlay WHERE lexicon = ? AND entry_id = ? AND entry_yaml = '' AND disabled = 0",
                (lexicon, entry_id))  # fmt: skip
    return entry_id
