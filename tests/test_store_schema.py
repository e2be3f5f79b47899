"""The article library (framing.library.store): where the library lives, its schema and migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from library_samples import sample

from framing.library import store
from framing.library.store import Library, LibraryError, db_path

pytestmark = pytest.mark.usefixtures("no_default_db")
PROJECT_ROOT = Path(__file__).resolve().parents[1]
TABLES = {"schema_version", "articles", "outlets", "stories", "lexicon_overlay", "settings"}


def test_db_path_resolution(tmp_path, monkeypatch):
    assert db_path(tmp_path / "x.db") == tmp_path / "x.db"
    assert db_path() == tmp_path / "env.db"
    monkeypatch.delenv("FRAMING_DB")
    assert db_path() == store.DEFAULT_DB
    # the project's data/ folder, beside app.py (framing/library/store.py is two floors down)
    assert (store.PROJECT_ROOT / "app.py").is_file()
    assert store.PROJECT_ROOT == Path(__file__).resolve().parents[1]


def test_library_uses_env_var(tmp_path):
    with Library() as lib:
        assert lib.path == tmp_path / "env.db"
    assert (tmp_path / "env.db").exists()


def test_migrations_create_schema(tmp_path):
    path = tmp_path / "new" / "folder" / "lib.db"
    with Library(path) as lib:
        assert lib.schema_version == len(store.MIGRATIONS)
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert TABLES <= tables
    cols = {r[1] for r in con.execute("PRAGMA table_info(articles)")}
    assert {"id", "outlet", "title", "author", "published", "url", "language", "story", "text"} <= cols
    assert {"original_format", "added_at", "illustrative", "meta"} <= cols
    assert {r[1] for r in con.execute("PRAGMA table_info(outlets)")} >= {"name", "country", "language", "description"}
    assert {r[1] for r in con.execute("PRAGMA table_info(lexicon_overlay)")} >= {
        "id",
        "lexicon",
        "entry_id",
        "entry_yaml",
        "disabled",
        "added_at",
    }
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_connection_settings(lib):
    con = lib._con
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] >= 30_000


def test_open_twice_is_idempotent(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add_articles(sample())
    with Library(path) as lib:
        assert lib.schema_version == len(store.MIGRATIONS)
        assert lib.count() == len(sample())
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(store.MIGRATIONS)
    con.close()


def test_a_new_migration_runs_once_on_an_existing_library(tmp_path, monkeypatch):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add_articles(sample()[:1])
    calls = []

    def m_next(con):
        calls.append(1)
        con.execute("ALTER TABLE articles ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    known = len(store.MIGRATIONS)
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, m_next])
    with Library(path) as lib:
        assert lib.schema_version == known + 1
        assert lib.count() == 1
    with Library(path) as lib:
        assert lib.schema_version == known + 1
    assert calls == [1]


def test_a_failing_migration_leaves_the_old_schema(tmp_path, monkeypatch):
    path = tmp_path / "lib.db"
    Library(path).close()

    def broken(con):
        con.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, broken])  # (the file is at the version before)
    with pytest.raises(RuntimeError):
        Library(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == len(store.MIGRATIONS) - 1
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name='half_done'").fetchone()
    con.close()


def test_a_newer_library_is_refused(tmp_path):
    path = tmp_path / "lib.db"
    Library(path).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_version VALUES (99, 'future')")
    con.commit()
    con.close()
    with pytest.raises(LibraryError, match="newer"):
        Library(path)


def test_a_library_of_schema_1_gains_the_stored_analyses_and_keeps_its_articles(tmp_path, monkeypatch):
    path = tmp_path / "lib.db"
    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS[:1])
    with Library(path) as lib:
        lib.add_articles(sample()[:2])
        assert lib.schema_version == 1
    monkeypatch.undo()
    with Library(path) as lib:
        assert lib.schema_version == len(store.MIGRATIONS) >= 2
        assert lib.count() == 2 and lib.analysis_versions() == {}
        assert lib.analysis_status("any") == {"articles": 2, "current": 0, "stale": 0, "missing": 2}


def test_a_library_of_schema_2_gains_the_coverage_indexes_and_keeps_its_analyses(tmp_path, monkeypatch):
    from framing.library.analyses import StoredAnalysis

    path = tmp_path / "lib.db"
    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS[:2])
    with Library(path) as lib:
        lib.add_articles(sample()[:2])
        aid = lib.articles()[0].id
        hit = (aid, "labels", "immigration", "e1", "illegal aliens", 0, 14, 0, "", "", "restrictionist_side", "v1")
        lib.store_analyses([StoredAnalysis((aid, "k", "l", "c", "p", 120, 0, "now"), (hit,), (), ((aid, "alien", 2),))])
        assert lib.schema_version == 2
    monkeypatch.undo()
    with Library(path) as lib:
        assert lib.schema_version == len(store.MIGRATIONS) >= 3
        assert lib.rows("analysis_hits") == [hit] and lib.rows("analysis_terms") == [(aid, "alien", 2)]
        assert lib.hit_counts([aid], "labels", "category") == [(aid, "immigration", 1, 0)]
        assert lib.term_totals([aid]) == [("alien", 2)]
    con = sqlite3.connect(path)
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"analysis_hits_counts", "analysis_terms_counts"} <= indexes
    con.close()
