"""AppTest: the Lexicons page as an editor of the user's overlay, and the Compare page using it at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from framing.library.store import Library

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ARTICLE = b"Minister opines on the talks\n\nThe minister opined that the talks in Vienna were over, officials said.\n"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "lib.db"
    monkeypatch.setenv("FRAMING_DB", str(path))
    return path


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("views/lexicons.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _fill(at: AppTest, term: str, category: str, explain: str) -> None:
    at.selectbox(key="lexicons_add_lexicon").set_value("attribution").run()
    n = at.session_state["lexicons_add_n"]
    at.text_input(key=f"lexicons_add_term_{n}").input(term)
    at.selectbox(key=f"lexicons_add_category_attribution_{n}").set_value(category)
    at.text_area(key=f"lexicons_add_explain_{n}").input(explain)
    at.button(key="lexicons_add_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _overlay(db: Path) -> list[dict]:
    with Library(db) as lib:
        return lib.overlay_entries()


def test_invalid_entry_shows_the_error_and_saves_nothing(db: Path) -> None:
    at = _page()
    _fill(at, "opined!", "distancing", "Presents it as an opinion.")
    errors = [e.value for e in at.error]
    assert errors and "Not saved" in errors[0] and "not plain words" in errors[0]
    _fill(at, "opined", "distancing", "")
    assert any("explain" in e.value for e in at.error)
    assert _overlay(db) == []


def _compare_with_upload(at: AppTest) -> str:
    """On the Compare page, the uploaded article (uploaded once per session) next to a seed: its HTML."""
    at.switch_page("views/compare.py").run()
    assert not at.exception, [e.value for e in at.exception]
    uploads = at.session_state["compare_uploads"] if "compare_uploads" in at.session_state else {}
    if not uploads:
        at.get("file_uploader")[0].upload("opinion.txt", ARTICLE, "text/plain")
        at.text_input(key="compare_upload_outlet").input("Test Outlet")
        at.run()
    picker = at.multiselect(key="compare_articles")
    upload_id = next(iter(at.session_state["compare_uploads"]))
    picker.set_value([picker.options[0], upload_id]).run()
    assert not at.exception, [e.value for e in at.exception]
    return "".join(h.proto.body for h in at.html if 'class="fr-article"' in h.proto.body)


def _opined_mark(html: str) -> re.Match | None:
    return re.search(r'<mark class="fr-attribution[^"]*"[^>]*title="([^"]*)">opined</mark>', html)


def test_added_entry_is_a_hit_on_the_compare_page_at_once(db: Path) -> None:
    at = _page()
    # Analysed once before the entry exists: no hit, and the comparison is now cached.
    html = _compare_with_upload(at)
    assert "opined" in html and not _opined_mark(html)

    at.switch_page("views/lexicons.py").run()
    _fill(at, "opined", "distancing", "Presents what was said as a mere opinion.")
    assert any("Added" in s.value for s in at.success), [e.value for e in at.error]
    [row] = _overlay(db)
    assert row["entry"]["term"] == "opined" and row["entry"]["category"] == "distancing"
    # The entry is listed with its origin in the Attribution table.
    frames = [df.value for df in at.dataframe if "origin" in df.value.columns]
    assert any((f["term"] == "opined").any() and f["origin"].str.contains("added by you").any() for f in frames)

    mark = _opined_mark(_compare_with_upload(at))
    assert mark, "no attribution mark around the added term"
    assert "added by you" in mark.group(1)


def test_disable_and_enable_a_shipped_entry(db: Path) -> None:
    at = _page()
    at.selectbox(key="lexicons_edit_attribution").set_value("attr.say").run()
    at.button(key="lexicons_disable_attribution_attr.say").click().run()
    assert not at.exception
    assert [(r["entry_id"], r["disabled"]) for r in _overlay(db)] == [("attr.say", True)]
    at.button(key="lexicons_enable_attribution_attr.say").click().run()
    assert not at.exception
    assert _overlay(db) == []


def test_edit_a_shipped_entry_then_export(db: Path) -> None:
    at = _page()
    at.selectbox(key="lexicons_edit_attribution").set_value("attr.say").run()
    key = "attribution_attr.say"
    at.text_area(key=f"lexicons_edit_explain_{key}").input("Our desk's note on 'say'.")
    at.button(key=f"lexicons_edit_save_{key}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    [row] = _overlay(db)
    assert row["entry_id"] == "attr.say" and row["entry"]["explain"] == "Our desk's note on 'say'."
    with Library(db) as lib:
        exported = lib.export_overlay_yaml()
    assert "attr.say" in exported and "Our desk" in exported
