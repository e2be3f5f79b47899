"""AppTest: the Library page as a teacher uses it, each test on a library of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from framing.library.store import Library

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "lib.db"
    monkeypatch.setenv("FRAMING_DB", str(path))
    return path


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("views/library.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _count(db: Path) -> int:
    with Library(db) as lib:
        return lib.count()


def test_a_new_library_opens_with_the_seeds_and_the_illustrative_stories(db: Path) -> None:
    at = _page()
    with Library(db) as lib:
        outlets = {a.outlet for a in lib.articles()}
        stories = {s["name"] for s in lib.stories()}
    assert {"TPS", "Al Mayadeen"} <= outlets
    assert len(stories) >= 7
    assert "illustrative" in at.caption[0].value


def test_paste_preview_and_save(db: Path) -> None:
    at = _page()
    before = _count(db)
    at.text_input(key="library_paste_title").input("Harbour reopens")
    at.text_input(key="library_paste_outlet").input("Test Wire")
    at.text_input(key="library_paste_date").input("2024-05-01")
    at.text_area(key="library_paste_text").input("The harbour reopened on Monday, officials said.")
    at.button[0].click().run()  # the form's Preview button
    assert not at.exception
    save = next(b for b in at.button if b.label.startswith("Save 1 article"))
    save.click().run()
    assert any("Added 1" in s.value for s in at.success)
    assert _count(db) == before + 1


def test_bad_csv_row_is_refused_with_its_row_and_saves_nothing(db: Path) -> None:
    at = _page()
    _page()  # seed once
    before = _count(db)
    at.radio(key="library_how").set_value("Spreadsheet or batch").run()
    csv = b"text,title,outlet\nThe port reopened on Monday.,Port reopens,Wire A\n,Empty row,Wire B\n"
    at.get("file_uploader")[0].upload("batch.csv", csv, "text/csv")
    at.run()
    assert not at.exception
    assert any("row 3" in m.value for m in at.markdown)
    save = next(b for b in at.button if b.label.startswith("Save"))
    assert save.disabled
    assert _count(db) == before
    at.checkbox(key="library_pending_only_valid").check().run()
    next(b for b in at.button if b.label.startswith("Save")).click().run()
    assert _count(db) == before + 1


def test_the_same_file_twice_adds_nothing_the_second_time(db: Path) -> None:
    at = _page()
    at.radio(key="library_how").set_value("Files").run()
    data = b"Ferry strike ends\n\nThe ferry strike ended on Tuesday after talks, the union said."
    at.get("file_uploader")[0].upload("ferry.txt", data, "text/plain")
    at.run()
    next(b for b in at.button if b.label.startswith("Save")).click().run()
    first = _count(db)
    next(b for b in at.button if b.label.startswith("Save")).click().run()
    assert _count(db) == first
    assert any("1 already in the library" in s.value for s in at.success)


def test_export_buttons_and_story_tab(db: Path) -> None:
    at = _page()
    labels = [b.label for b in at.get("download_button")]
    assert "Export the library as JSONL" in labels and "Export the library as CSV" in labels
    assert any(df.value.shape[0] >= 7 for df in at.dataframe if "name" in df.value.columns)


def test_a_binary_file_is_refused_by_name_and_nothing_changes(db: Path) -> None:
    at = _page()
    before = _count(db)
    at.radio(key="library_how").set_value("Files").run()
    at.get("file_uploader")[0].upload("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain")
    at.run()
    assert not at.exception
    assert any("photo" in m.value and "binary" in m.value for m in at.markdown)
    assert next(b for b in at.button if b.label.startswith("Save")).disabled
    assert _count(db) == before
