"""The article library: schema and migrations, duplicates, filters, metadata edits, export/import, seeding,
and eight processes importing at once. Every test uses a database under tmp_path, never data/library.db."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from framing import store, store_io
from framing.models import Article, content_id
from framing.store import ImportResult, Library, LibraryError, db_path
from framing.store_io import neutralise_cell, restore_cell

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TABLES = {"schema_version", "articles", "outlets", "stories", "lexicon_overlay", "settings"}

HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","click")\nsecond line',
    "-2+3 and a leading minus",
    "+44 20 7946 0000 called",
    "@SUM(A1:A9) at sign",
    "\tstarts with a tab",
    "\rstarts with a carriage return",
    "'=already an apostrophe and equals",
    "''two apostrophes",
    '\'tis the season, with "quotes", commas, and more',
    "Quotes \"double\" and 'single', commas, ; semicolons",
    "Windows lines\r\nsecond line\r\n\r\nthird paragraph\r\n",
    "Old Mac lines\rsecond\rthird",
    "Arabic: \u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 "
    "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a",
    "Emoji \U0001f600\U0001f1f1\U0001f1e7 and ZWJ \U0001f468\u200d\U0001f469\u200d\U0001f467 and NBSP\u00a0here",
    "Line separator\u2028paragraph separator\u2029next line\x85form feed\x0cend",
    "  leading spaces and trailing  ",
    "\ufeffstarts with a byte-order mark",
]


@pytest.fixture(autouse=True)
def _no_default_db(tmp_path, monkeypatch):
    """Whatever a test forgets, it cannot reach the real library."""
    monkeypatch.setenv("FRAMING_DB", str(tmp_path / "env.db"))
    monkeypatch.setattr(store, "DEFAULT_DB", tmp_path / "default.db")


@pytest.fixture
def lib(tmp_path):
    with Library(tmp_path / "lib.db") as library:
        yield library


def art(text: str, **fields) -> Article:
    return Article(text=text, **fields)


def sample() -> list[Article]:
    return [
        art(
            "Talks resume in Vienna.\nDiplomats met.",
            title="Talks resume",
            outlet="Wire A",
            story="Vienna",
            published="2021-05-01T09:00:00Z",
            language="en",
        ),
        art(
            "L'Élysée a parlé.\nLe président a dit.",
            title="ÉLYSÉE speaks",
            outlet="Paris Daily",
            story="Paris",
            published="2021-05-03",
            language="fr",
        ),
        art("Vienna again: no progress.", title="No progress", outlet="Wire A", story="Vienna", published="2021-05-05"),
        art("An undated note about nothing.", title="Undated", outlet="Blog"),
    ]


def same_articles(a: list[Article], b: list[Article]) -> None:
    assert len(a) == len(b)
    for x, y in zip(sorted(a, key=lambda z: z.id), sorted(b, key=lambda z: z.id), strict=True):
        assert x == y
        assert x.meta == y.meta
        assert x.text.encode("utf-8") == y.text.encode("utf-8")


# ---------------------------------------------------------------------------------- db path, schema


def test_db_path_resolution(tmp_path, monkeypatch):
    assert db_path(tmp_path / "x.db") == tmp_path / "x.db"
    assert db_path() == tmp_path / "env.db"
    monkeypatch.delenv("FRAMING_DB")
    assert db_path() == store.DEFAULT_DB
    assert Path(store.__file__).resolve().parents[1] / "data" / "library.db" == Path(
        store.PROJECT_ROOT / "data" / "library.db"
    )


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

    def m002(con):
        calls.append(1)
        con.execute("ALTER TABLE articles ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, m002])
    with Library(path) as lib:
        assert lib.schema_version == 2
        assert lib.count() == 1
    with Library(path) as lib:
        assert lib.schema_version == 2
    assert calls == [1]


def test_a_failing_migration_leaves_the_old_schema(tmp_path, monkeypatch):
    path = tmp_path / "lib.db"
    Library(path).close()

    def broken(con):
        con.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        Library(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
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


# -------------------------------------------------------------------------------------- articles


def test_add_twice_stores_once_and_reports_a_duplicate(lib):
    a = art("One article.\nIts text.", title="One", outlet="Wire A")
    first = lib.add_articles([a])
    assert first == ImportResult(added=[a.id], duplicates=[])
    second = lib.add_articles([a])
    assert second.added == [] and second.duplicates == [a.id]
    assert lib.count() == 1
    assert second.summary() == "added 0, duplicates 1"


def test_same_text_with_other_metadata_is_a_duplicate(lib):
    lib.add_articles([art("Same text.", outlet="A")])
    result = lib.add_articles([art("Same text.", outlet="B"), art("Same text.", outlet="C")])
    assert len(result.duplicates) == 2
    assert lib.get(content_id("Same text.")).outlet == "A"


def test_add_sets_added_at_and_creates_outlets_and_stories(lib):
    lib.add_articles(sample())
    for a in lib.articles():
        assert a.added_at.endswith("+00:00")
    kept = art("Imported earlier.", added_at="2020-01-01T00:00:00+00:00")
    lib.add_articles([kept])
    assert lib.get(kept.id).added_at == "2020-01-01T00:00:00+00:00"
    assert {o["name"] for o in lib.outlets()} == {"Wire A", "Paris Daily", "Blog"}
    assert {s["name"]: s["articles"] for s in lib.stories()} == {"Vienna": 2, "Paris": 1}


def test_add_is_all_or_nothing(lib):
    good = art("A good article.")
    bad = Article(text=None, id="broken")  # type: ignore[arg-type]  # NOT NULL fails mid-transaction
    with pytest.raises(sqlite3.IntegrityError):
        lib.add_articles([good, bad])
    assert lib.count() == 0
    assert lib.outlets() == []


def test_get_and_its_error(lib):
    a = sample()[0]
    lib.add_articles([a])
    got = lib.get(a.id)
    assert got == replace(a, added_at=got.added_at) and got.text == a.text and got.story == "Vienna"
    with pytest.raises(KeyError, match="no article with id 'nope'"):
        lib.get("nope")


def test_filters_and_search(lib):
    lib.add_articles(sample())
    titles = lambda arts: [a.title for a in arts]  # noqa: E731
    assert titles(lib.articles()) == ["Talks resume", "ÉLYSÉE speaks", "No progress", "Undated"]
    assert titles(lib.articles(outlet="Wire A")) == ["Talks resume", "No progress"]
    assert titles(lib.articles(story="Paris")) == ["ÉLYSÉE speaks"]
    assert titles(lib.articles(story="")) == ["Undated"]
    assert titles(lib.articles(search="VIENNA")) == ["Talks resume", "No progress"]
    assert titles(lib.articles(search="élysée")) == ["ÉLYSÉE speaks"]  # non-ASCII case folding, in the title
    assert titles(lib.articles(search="LE PRÉSIDENT")) == ["ÉLYSÉE speaks"]  # and in the text
    assert titles(lib.articles(search="50%")) == []  # no LIKE wildcards
    assert titles(lib.articles(since="2021-05-03")) == ["ÉLYSÉE speaks", "No progress"]
    assert titles(lib.articles(until="2021-05-01")) == ["Talks resume"]  # the whole day, whatever the time
    assert titles(lib.articles(since="2021-05-02", until="2021-05-04")) == ["ÉLYSÉE speaks"]
    assert titles(lib.articles(outlet="Wire A", search="progress")) == ["No progress"]


def test_update_changes_metadata_never_text(lib):
    a = sample()[0]
    lib.add_articles([a])
    updated = lib.update(a.id, title="New title", outlet="Wire B", story="Talks", published="2021-06-01", author="X")
    assert (updated.title, updated.outlet, updated.story, updated.author) == ("New title", "Wire B", "Talks", "X")
    assert updated.text == a.text and updated.id == a.id
    assert "Wire B" in {o["name"] for o in lib.outlets()}
    assert lib.update(a.id, story=None).story == ""
    with pytest.raises(ValueError, match="never changed"):
        lib.update(a.id, text="Something else")
    with pytest.raises(ValueError, match="added_at"):
        lib.update(a.id, added_at="yesterday")
    with pytest.raises(KeyError):
        lib.update("missing", title="x")
    assert lib.get(a.id).text == a.text
    assert lib.count() == 1


def test_delete(lib):
    arts = sample()
    lib.add_articles(arts)
    assert lib.delete([arts[0].id, arts[1].id, "unknown"]) == 2
    assert lib.delete(arts[2].id) == 1
    assert [a.id for a in lib.articles()] == [arts[3].id]
    assert lib.delete([]) == 0


def test_outlets_and_descriptions(lib):
    lib.add_articles(sample())
    lib.set_outlet("Wire A", country="Austria", description="A wire service.")
    lib.set_outlet("Wire A", language="de")  # None leaves the others alone
    lib.set_outlet("New Outlet")
    outlets = {o["name"]: o for o in lib.outlets()}
    assert outlets["Wire A"] == {
        "name": "Wire A",
        "country": "Austria",
        "language": "de",
        "description": "A wire service.",
        "articles": 2,
    }
    assert outlets["New Outlet"]["articles"] == 0
    with pytest.raises(ValueError):
        lib.set_outlet(" ")


def test_stories(lib):
    arts = sample()
    lib.add_articles(arts)
    assert lib.set_story([arts[0].id, arts[3].id], "Merged", description="Two together") == 2
    stories = {s["name"]: s for s in lib.stories()}
    assert stories["Merged"]["articles"] == 2 and stories["Merged"]["description"] == "Two together"
    assert stories["Vienna"]["articles"] == 1
    assert lib.set_story([arts[0].id], None) == 1
    assert lib.get(arts[0].id).story == ""


def test_settings(lib):
    assert lib.get_setting("seeded_at") is None
    assert lib.get_setting("anything", "fallback") == "fallback"
    lib.set_setting("theme", "dark")
    lib.set_setting("theme", "light")
    assert lib.get_setting("theme") == "light"
    assert lib.settings()["theme"] == "light"
    assert "seeded_at" in lib.settings()
    assert all(help_text for _, help_text in store.SETTINGS.values())


# ---------------------------------------------------------------------------------- export, import


def hostile_articles() -> list[Article]:
    return [
        art(
            text,
            title=text[:20],
            outlet=["=Outlet", "-Minus", "Plain"][i % 3],
            author="@handle",
            story="+story",
            url="https://example.org/?q=1,2",
            published=f"2021-05-0{i % 9 + 1}",
            language="ar" if "Arabic" in text else "en",
            source_name="'=site",
            original_format="csv",
            meta={"illustrative": i % 2 == 0, "note": "=1+1", "n": i},
        )
        for i, text in enumerate(HOSTILE)
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("binary", [False, True])
def test_export_then_import_into_an_empty_library_is_lossless(tmp_path, fmt, binary):
    original = hostile_articles() + sample()
    with Library(tmp_path / "a.db") as a:
        a.add_articles(original)
        exported = a.articles()
        path = tmp_path / f"export.{fmt}"
        with open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="") as fp:
            assert getattr(a, f"export_{fmt}")(fp) == len(original)
    with Library(tmp_path / "b.db") as b:
        assert b.count() == 0
        with open(path, "rb") if binary else open(path, encoding="utf-8", newline="") as fp:
            result = getattr(b, f"import_{fmt}")(fp)
        assert len(result.added) == len(original) and result.duplicates == []
        imported = b.articles()
        same_articles(imported, exported)
        assert [x.id for x in imported] == [x.id for x in exported]  # same order too
        for x in imported:
            assert content_id(x.text) == x.id
        assert {o["name"] for o in b.outlets()} == {"=Outlet", "-Minus", "Plain", "Wire A", "Paris Daily", "Blog"}
        # importing the export again adds nothing
        with open(path, "rb") as fp:
            again = getattr(b, f"import_{fmt}")(fp)
        assert again.added == [] and len(again.duplicates) == len(original)


def test_csv_cells_are_neutralised_for_spreadsheets(lib):
    lib.add_articles(hostile_articles())
    buf = io.StringIO(newline="")
    lib.export_csv(buf)
    data = buf.getvalue()
    assert data.startswith("\ufeffid,outlet,title,")
    rows = list(csv.reader(io.StringIO(data.removeprefix("\ufeff"), newline="")))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    header = rows[0]
    texts = [row[header.index("text")] for row in rows[1:]]
    assert "'=cmd|' /C calc'!A0" in texts
    assert "'-2+3 and a leading minus" in texts
    assert "'\tstarts with a tab" in texts
    assert "''=already an apostrophe and equals" in texts
    assert "'''two apostrophes" in texts
    assert '\'tis the season, with "quotes", commas, and more' in texts  # untouched
    outlets = {row[header.index("outlet")] for row in rows[1:]}
    assert outlets == {"'=Outlet", "'-Minus", "Plain"}


@pytest.mark.parametrize("value", HOSTILE + ["", "'", "'x", "=", "plain", "'\r", "'@"])
def test_neutralise_then_restore_is_the_identity(value):
    cell = neutralise_cell(value)
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert restore_cell(cell) == value


def test_import_refuses_a_changed_text_and_imports_nothing(tmp_path, lib):
    lib.add_articles(sample())
    buf = io.StringIO()
    lib.export_jsonl(buf)
    lines = buf.getvalue().splitlines()
    record = json.loads(lines[1])
    record["text"] += " (edited)"
    lines[1] = json.dumps(record)
    lines.insert(2, "{not json")
    with Library(tmp_path / "empty.db") as empty:
        with pytest.raises(LibraryError) as err:
            empty.import_jsonl(io.StringIO("\n".join(lines)), "mine.jsonl")
        assert "mine.jsonl, line 2: the text does not match its id" in str(err.value)
        assert "mine.jsonl, line 3: is not valid JSON" in str(err.value)
        assert empty.count() == 0


def test_csv_import_names_the_bad_row(tmp_path):
    data = "id,title,text\r\n,Good,Fine text\r\n,No text,\r\n"
    with Library(tmp_path / "x.db") as lib:
        with pytest.raises(LibraryError, match=r"x\.csv, row 3: no \"text\""):
            lib.import_csv(io.StringIO(data), "x.csv")
        assert lib.count() == 0
        with pytest.raises(LibraryError, match='no "text" column'):
            lib.import_csv(io.StringIO("a,b\r\n1,2\r\n"), "x.csv")


# ------------------------------------------------------------------------------------------ seeding


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    story = {
        "story": "Harbour strike in Veldmar",
        "description": "Dock workers strike in a fictional port town.",
        "illustrative": True,
        "articles": [
            {
                "outlet": "The Veldmar Courier",
                "title": "Strike halts port",
                "published": "2024-03-01",
                "language": "en",
                "text": "Strike halts port\n\nWorkers walked out, the union said.",
            },
            {
                "outlet": "Northern Ledger",
                "title": "Militants paralyse port",
                "published": "2024-03-01",
                "language": "en",
                "text": "Militants paralyse port\n\nAgitators claimed grievances.",
            },
        ],
    }
    (folder / "01_harbour.json").write_text(json.dumps(story), encoding="utf-8")
    outlets = [{"name": "Northern Ledger", "country": "Fictional", "language": "en", "description": "A tabloid."}]
    (folder / "outlets.json").write_text(json.dumps(outlets), encoding="utf-8")


def test_seed_if_new_adds_the_seeds_and_corpus_once(lib, tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    first = lib.seed_if_new(corpus_dir=corpus)
    assert len(first.added) == 4
    arts = lib.articles()
    assert [a.outlet for a in arts[:2]] == ["TPS", "Al Mayadeen"]
    assert all(a.story == "Vienna nuclear talks, 2021" for a in arts[:2])
    assert not any(a.meta.get("illustrative") for a in arts[:2])
    assert all(a.meta.get("illustrative") for a in arts[2:])
    assert {a.story for a in arts[2:]} == {"Harbour strike in Veldmar"}
    outlets = {o["name"]: o for o in lib.outlets()}
    assert outlets["TPS"]["description"] == "Tazpit Press Service, an Israeli news agency."
    assert "Lebanese" in outlets["Al Mayadeen"]["description"]
    assert outlets["Northern Ledger"]["description"] == "A tabloid."
    stories = {s["name"]: s for s in lib.stories()}
    assert stories["Harbour strike in Veldmar"]["description"].startswith("Dock workers")
    assert stories["Vienna nuclear talks, 2021"]["description"]
    assert lib.get_setting("seeded_at")
    second = lib.seed_if_new(corpus_dir=corpus)
    assert second.added == [] and lib.count() == 4
    lib.delete([arts[0].id])
    assert lib.seed_if_new(corpus_dir=corpus).added == []  # a deleted seed stays deleted
    assert lib.count() == 3


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_seed_if_new_without_a_corpus(lib, tmp_path, make):
    corpus = tmp_path / "corpus"
    if make == "empty":
        corpus.mkdir()
    assert len(lib.seed_if_new(corpus_dir=corpus).added) == 2
    assert lib.count() == 2


def test_seeding_keeps_a_teachers_description(lib, tmp_path):
    lib.set_outlet("TPS", description="Our own words.")
    lib.seed_if_new(corpus_dir=tmp_path / "none")
    assert {o["name"]: o["description"] for o in lib.outlets()}["TPS"] == "Our own words."


def test_a_broken_corpus_file_is_named(lib, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad.json").write_text('{"story": "x", "articles": [{"title": "no text"}]}', encoding="utf-8")
    with pytest.raises(LibraryError, match="bad.json, article 1"):
        lib.seed_if_new(corpus_dir=corpus)
    assert lib.count() == 0 and lib.get_setting("seeded_at") is None


def test_the_bundled_corpus_loads():
    folder = PROJECT_ROOT / "data" / "corpus"
    if not any(folder.glob("*.json")):
        pytest.skip("no bundled corpus yet")
    articles, outlets, stories = store_io.load_corpus(folder)
    assert all(a.meta["illustrative"] and a.story in stories for a in articles)
    assert len({a.id for a in articles}) == len(articles)


# -------------------------------------------------------------------------------------- concurrency

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[4])
    from framing.models import Article
    from framing.store import Library
    db, worker, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    mine = [Article(text=f"Worker {worker}, article {i}.\\nBody.", outlet=f"Outlet {worker % 3}", story=f"S{i % 4}")
            for i in range(50)]
    shared = [Article(text=f"Shared article {i}.\\nEveryone imports it.", outlet="Shared") for i in range(10)]
    (go.parent / f"ready-{worker}").touch()
    while not go.exists():
        time.sleep(0.002)
    with Library(db) as lib:
        lib.seed_if_new(corpus_dir=Path(db).parent / "no-corpus")
        result = lib.add_articles(mine[:25] + shared + mine[25:])
    print(json.dumps({"added": len(result.added), "duplicates": len(result.duplicates)}))
    """
)


@pytest.mark.slow
def test_eight_processes_importing_at_once_lose_nothing(tmp_path):
    db = tmp_path / "fresh.db"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), str(i), str(go), str(PROJECT_ROOT)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )
        for i in range(8)
    ]
    deadline = time.monotonic() + 120  # every interpreter started, then all released at once onto no database yet
    while len(list(tmp_path.glob("ready-*"))) < 8 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not db.exists()
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        assert "locked" not in err
        results.append(json.loads(out))
    assert sum(r["added"] for r in results) == 8 * 50 + 10
    assert sum(r["duplicates"] for r in results) == 7 * 10
    with Library(db) as lib:
        assert lib.count() == 8 * 50 + 10 + 2  # and the two seeds, added once
        assert lib.schema_version == len(store.MIGRATIONS)
        assert len(lib.articles(outlet="Shared")) == 10


def test_a_locked_library_is_retried_not_failed(tmp_path, monkeypatch):
    """Past the busy timeout, a write is retried a bounded number of times before it gives up."""
    import threading

    path = tmp_path / "lib.db"
    Library(path).close()
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.05)
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.4, lambda: blocker.execute("COMMIT"))
    timer.start()
    try:
        with Library(path) as lib:
            assert len(lib.add_articles(sample()).added) == 4
    finally:
        timer.join()
        blocker.close()
    monkeypatch.setattr(store, "LOCK_RETRIES", 1)
    blocker = sqlite3.connect(path, isolation_level=None)
    with Library(path) as lib:
        blocker.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            lib.add_articles([art("Blocked for good.")])
        blocker.execute("ROLLBACK")
        assert lib.count() == 4
    blocker.close()
