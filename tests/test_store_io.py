"""The article library (framing.library.store): export and import, lossless round trips, cells safe for spreadsheets,
bad files refused whole."""

from __future__ import annotations

import csv
import io
import json

import pytest
from library_samples import HOSTILE, hostile_articles, same_articles, sample

from framing.library.store import Library, LibraryError
from framing.library.store_io import neutralise_cell, restore_cell
from framing.models import content_id

pytestmark = pytest.mark.usefixtures("no_default_db")


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
