"""The library commands: `python -m framing import PATH... [--db FILE] [--valid-only]` and `list`.

Files are parsed by ``framing.library.ingest.parse_file``, as in the app; every database is under tmp_path and
the bundled corpus is replaced by an empty folder, so a new library holds just the two seeds.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from framing.cli import main
from framing.library import store
from framing.library.store import Library

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_DB", str(tmp_path / "env.db"))
    monkeypatch.setattr(store, "DEFAULT_DB", tmp_path / "default.db")
    monkeypatch.setattr(store, "CORPUS_DIR", tmp_path / "no-corpus")


# -------------------------------------------------------------------------------------------- helpers


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return rc, out, err


def listing(capsys, db: Path, *extra: str) -> list[dict]:
    rc, out, err = run(capsys, "list", "--db", db, "--format", "json", *extra)
    assert rc == 0, err
    return json.loads(out)


def write_csv(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fp:
        writer = csv.DictWriter(fp, fieldnames=["title", "outlet", "published", "story", "text"])
        writer.writeheader()
        writer.writerows(rows)
    return path


GOOD_ROWS = [
    {
        "title": "Port reopens",
        "outlet": "Courier",
        "published": "2024-03-02",
        "story": "Harbour",
        "text": "Port reopens\n\nThe port reopened on Saturday, officials said.",
    },
    {
        "title": "Union claims win",
        "outlet": "Ledger",
        "published": "2024-03-02",
        "story": "Harbour",
        "text": 'Union claims win\n\nThe union claimed a "victory", sources said.',
    },
    {
        "title": "Ships wait",
        "outlet": "Courier",
        "published": "2024-03-03",
        "story": "Harbour",
        "text": "Ships wait\n\nDozens of ships waited, \u0642\u0627\u0644 a captain.",
    },
]
BAD_ROW = {"title": "No text at all", "outlet": "Ledger", "published": "2024-03-04", "story": "Harbour", "text": ""}


@pytest.fixture
def good_csv(tmp_path) -> Path:
    return write_csv(tmp_path / "good.csv", GOOD_ROWS)


@pytest.fixture
def bad_csv(tmp_path) -> Path:
    # header, two good rows, then the malformed one: data row 3, spreadsheet row 4
    return write_csv(tmp_path / "articles.csv", [GOOD_ROWS[0], GOOD_ROWS[1], BAD_ROW])


# --------------------------------------------------------------------------------------------- import


def test_a_malformed_row_refuses_the_file_and_leaves_the_library_unchanged(capsys, tmp_path, good_csv, bad_csv):
    db = tmp_path / "lib.db"
    assert run(capsys, "import", good_csv, "--db", db)[0] == 0
    before = listing(capsys, db)
    rc, out, err = run(capsys, "import", bad_csv, "--db", db)
    assert rc == 2
    assert "added" not in out
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, err
    assert re.match(r"error: articles\.csv, row 4\b.*: the 'text' column is empty", errors[0]), errors[0]
    assert "nothing imported" in err
    assert listing(capsys, db) == before


def test_a_refused_import_does_not_even_create_the_library(capsys, tmp_path, good_csv, bad_csv):
    db = tmp_path / "never.db"
    rc, _, err = run(capsys, "import", good_csv, bad_csv, "--db", db)
    assert rc == 2 and "articles.csv, row" in err
    assert not db.exists()


def test_valid_only_imports_the_good_rows(capsys, tmp_path, bad_csv):
    db = tmp_path / "lib.db"
    rc, out, err = run(capsys, "import", bad_csv, "--db", db, "--valid-only", "--no-seed")
    assert rc == 0, err
    assert out.strip() == "added 2, duplicates 0"
    assert re.search(r"skipped: articles\.csv, row 4\b", err)
    assert [a["title"] for a in listing(capsys, db, "--no-seed")] == ["Port reopens", "Union claims win"]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(capsys, tmp_path, good_csv):
    db = tmp_path / "lib.db"
    rc, out, _ = run(capsys, "import", good_csv, "--db", db)
    assert (rc, out.strip()) == (0, "added 3, duplicates 0")
    rc, out, _ = run(capsys, "import", good_csv, "--db", db)
    assert (rc, out.strip()) == (0, "added 0, duplicates 3")
    with Library(db) as lib:
        assert lib.count() == 3 + 2  # and the two seeds
        imported = lib.articles(story="Harbour")
    assert [a.text for a in imported] == [r["text"] for r in GOOD_ROWS]
    assert {a.outlet for a in imported} == {"Courier", "Ledger"}


def test_import_single_article_files_with_their_manifest(capsys, tmp_path, seed_paths):
    db = tmp_path / "lib.db"
    rc, out, err = run(capsys, "import", *seed_paths, "--db", db, "--no-seed")
    assert (rc, out.strip()) == (0, "added 2, duplicates 0"), err
    articles = listing(capsys, db)
    assert [a["outlet"] for a in articles] == ["TPS", "Al Mayadeen"]
    assert {a["story"] for a in articles} == {"Vienna nuclear talks, 2021"}
    with Library(db) as lib:
        assert [a.text.encode("utf-8") for a in lib.articles()] == [p.read_bytes() for p in seed_paths]


def test_a_missing_file_is_refused(capsys, tmp_path, good_csv):
    db = tmp_path / "lib.db"
    run(capsys, "import", good_csv, "--db", db)
    rc, out, err = run(capsys, "import", good_csv, tmp_path / "nowhere.csv", "--db", db, "--valid-only")
    assert rc == 2
    assert "nowhere.csv: no such file" in err
    assert out == ""
    rc, _, err = run(capsys, "import", tmp_path, "--db", db)
    assert rc == 2 and "folder" in err
    assert len(listing(capsys, db)) == 3 + 2


def test_a_binary_file_is_refused(capsys, tmp_path):
    db = tmp_path / "lib.db"
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    rc, out, err = run(capsys, "import", binary, "--db", db)
    assert rc == 2
    assert "photo.csv" in err and "binary" in err.lower()
    assert not db.exists()


def test_jsonl_import(capsys, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in GOOD_ROWS) + "\n", encoding="utf-8")
    db = tmp_path / "lib.db"
    rc, out, err = run(capsys, "import", path, "--db", db, "--no-seed")
    assert (rc, out.strip()) == (0, "added 3, duplicates 0"), err


# ----------------------------------------------------------------------------------------------- list


def test_list_json_shape(capsys, tmp_path, good_csv):
    db = tmp_path / "lib.db"
    run(capsys, "import", good_csv, "--db", db)
    articles = listing(capsys, db)
    assert isinstance(articles, list) and len(articles) == 5
    for a in articles:
        assert {"id", "outlet", "title", "story", "published", "language", "word_count"} <= set(a)
        assert isinstance(a["id"], str) and len(a["id"]) == 16
        assert all(isinstance(a[k], str) for k in ("outlet", "title", "story"))
        assert isinstance(a["word_count"], int) and a["word_count"] > 0
        assert "text" not in a
    assert [a["outlet"] for a in articles[:2]] == ["TPS", "Al Mayadeen"]  # a new library starts with the seeds
    assert [a["title"] for a in listing(capsys, db, "--outlet", "Courier")] == ["Port reopens", "Ships wait"]
    assert [a["title"] for a in listing(capsys, db, "--search", "UNION")] == ["Union claims win"]


def test_list_text(capsys, tmp_path, good_csv):
    db = tmp_path / "lib.db"
    run(capsys, "import", good_csv, "--db", db, "--no-seed")
    rc, out, _ = run(capsys, "list", "--db", db, "--format", "text")
    assert rc == 0
    lines = out.splitlines()
    assert len(lines) == 4 and lines[-1] == "3 articles"
    assert "Courier: Port reopens  [Harbour]" in lines[0]


def test_list_uses_framing_db(capsys, tmp_path):
    rc, out, _ = run(capsys, "list", "--no-seed")
    assert rc == 0 and json.loads(out) == []
    assert (tmp_path / "env.db").exists()


def test_list_in_a_real_subprocess(tmp_path):
    db = tmp_path / "lib.db"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "framing", "list", "--db", str(db), "--no-seed"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_import_in_a_real_subprocess(tmp_path, good_csv, bad_csv):
    db = tmp_path / "lib.db"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}

    def cli(*args):
        cmd = [sys.executable, "-m", "framing", *map(str, args), "--db", str(db), "--no-seed"]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120)

    bad = cli("import", bad_csv)
    assert bad.returncode == 2 and "articles.csv, row" in bad.stderr
    good = cli("import", good_csv)
    assert good.returncode == 0 and good.stdout.strip() == "added 3, duplicates 0"
    assert len(json.loads(cli("list").stdout)) == 3


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_importing_a_library_export_gives_back_the_same_articles(capsys, tmp_path, fmt):
    """The library's own export is recognised and read back exactly: neutralised cells, meta and all."""
    from library_samples import hostile_articles, same_articles

    with Library(tmp_path / "a.db") as a:
        a.add_articles(hostile_articles())
        exported = a.articles()
        path = tmp_path / f"library.{fmt}"
        with open(path, "wb") as fp:
            getattr(a, f"export_{fmt}")(fp)
    db = tmp_path / "b.db"
    rc, out, err = run(capsys, "import", path, "--db", db, "--no-seed")
    assert (rc, out.strip()) == (0, f"added {len(exported)}, duplicates 0"), err
    assert "warning" not in err
    with Library(db) as b:
        same_articles(b.articles(), exported)


def test_a_broken_library_export_names_the_row(capsys, tmp_path):
    from library_samples import sample

    with Library(tmp_path / "a.db") as a:
        a.add_articles(sample())
        buf = io.StringIO()
        a.export_csv(buf)
    lines = buf.getvalue().split("\r\n")
    assert "Élysée" in lines[2]
    lines[2] = lines[2].replace("Élysée", "Elysee")  # the text changed after export: refused
    path = tmp_path / "library.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8", newline="")
    db = tmp_path / "b.db"
    rc, _, err = run(capsys, "import", path, "--db", db)
    assert rc == 2 and "library.csv, row 3: the text does not match its id" in err
    assert not db.exists()
