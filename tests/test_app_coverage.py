"""AppTest: the Coverage page on a library of its own (the seeds and the bundled corpus, analysed without the
parser): it draws every view, tells what is stale or missing, and a clicked cell shows its sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from framing.analysis import Analyzer
from framing.corpus import analyse_library
from framing.library import Library
from framing.models import Article

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def analysed_library(path: Path) -> Path:
    """The seeded library at ``path``, every article analysed by word rules (no parser)."""
    with Library(path) as lib:
        lib.seed_if_new()
        analyse_library(lib, Analyzer(use_parser=False), workers=0, progress=None)
    return path


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = analysed_library(tmp_path / "lib.db")
    monkeypatch.setenv("FRAMING_DB", str(path))
    return path


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("views/coverage.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_every_view_draws_without_an_error(db: Path) -> None:
    at = _page()
    assert at.header[0].value == "Coverage across outlets"
    assert "articles" in at.caption[0].value
    assert not at.warning  # every article analysed with these lexicons and this code
    at.multiselect(key="coverage_outlets").set_value(["Lantern Press Agency", "The Velmoran Observer"]).run()
    for view in ("speakers", "scare_quotes", "violence_passives", "frames", "terms", "trend", "labels"):
        at.segmented_control(key="coverage_view").set_value(view).run()
        assert not at.exception, (view, [e.value for e in at.exception])
    # Two articles an outlet: every rate rests on too few, and the page says so.
    assert any("too few to compare" in c.value for c in at.caption)
    at.segmented_control(key="coverage_view").set_value("trend").run()
    at.selectbox(key="coverage_trend_measure").set_value("frames").run()
    key = at.selectbox(key="coverage_trend_key").options[1]
    at.selectbox(key="coverage_trend_key").set_value(key).run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_clicked_cell_shows_the_sentences_behind_it(db: Path) -> None:
    at = _page()
    at.multiselect(key="coverage_outlets").set_value(["Lantern Press Agency", "The Velmoran Observer"]).run()
    # The label table: concept x outlet; a click on a cell is its selection state.
    at.session_state["coverage_table_labels"] = {
        "selection": {"rows": [], "columns": [], "cells": [(0, "Lantern Press Agency")]}
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    heading = next(m.value for m in at.markdown if m.value.startswith("**Sentences behind it"))
    assert "Lantern Press Agency" in heading
    html = at.get("html")[-1].proto.body
    assert "<mark>" in html and "open in Compare" in html and "?article=" in html


def test_missing_analyses_are_counted_with_the_command_that_refreshes_them(db: Path) -> None:
    with Library(db) as lib:
        lib.add_articles(
            [Article(text="A report nobody has analysed yet, about the harbour.", title="New", outlet="X")]
        )
    at = _page()
    warning = at.warning[0].value
    assert "1 have no stored analysis" in warning and "python -m framing corpus analyze" in warning


def test_a_library_without_analyses_says_how_to_make_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMING_DB", str(tmp_path / "empty.db"))
    at = _page()
    assert "python -m framing corpus analyze" in at.info[0].value


def test_open_in_compare_picks_the_linked_article(db: Path) -> None:
    with Library(db) as lib:
        article = next(a for a in lib.articles() if a.outlet == "The Velmoran Observer" and a.story)
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["article"] = article.id
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["compare_story"] == article.story
    assert at.session_state["compare_articles"][0] == article.id
    assert len(at.session_state["compare_articles"]) >= 2


def test_a_small_library_is_analysed_from_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fresh.db"
    with Library(path) as lib:
        lib.skip_seeding()
        lib.add_articles(
            [
                Article(text='"We will not give in," the minister said. Rebels were killed.', outlet="Wire A"),
                Article(text="Officials claimed the so-called deal was dead. Protesters were shot.", outlet="Paper B"),
            ]
        )
    monkeypatch.setenv("FRAMING_DB", str(path))
    monkeypatch.setenv("FRAMING_NO_PARSER", "1")
    at = _page()
    assert any("No article of the library has a stored analysis" in i.value for i in at.info)
    at.button(key="coverage_analyse_now").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Library(path) as lib:
        assert len(lib.analysis_versions()) == 2
    assert at.header[0].value == "Coverage across outlets" and "2 articles" in at.caption[0].value


def test_a_new_analysis_changes_what_the_page_shows(db: Path) -> None:
    """The page's tables are kept by the library's state: an article analysed since is counted at once."""
    from framing.corpus import choose, label_choices, label_grid, load_coverage

    pair = ["Lantern Press Agency", "The Velmoran Observer"]
    at = _page()
    at.multiselect(key="coverage_outlets").set_value(pair).run()
    before = at.dataframe[0].value
    text = "Illegal immigrants crossed on Monday. Illegal immigrants waited. Illegal immigrants left on Friday."
    with Library(db) as lib:
        lib.add_articles([Article(text=text, title="More crossings", outlet=pair[0])])  # undated: no date range moves
        analyse_library(lib, Analyzer(use_parser=False), workers=0, progress=None)
        cov = load_coverage(lib)
        expected = label_grid(label_choices(cov, choose(cov, outlets=pair)), pair)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    after = at.dataframe[0].value
    assert not after.equals(before)
    assert after.loc["immigration", pair[0]] == expected.loc["immigration", pair[0]]
    assert "illegal immigrants ×" in after.loc["immigration", pair[0]]
