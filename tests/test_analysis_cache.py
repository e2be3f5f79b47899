"""Analyses read back from disk are the analyses the engine makes, and never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import Analyzer, Article
from framing.analysis import cache as analysis_cache
from framing.lexicons.overlay import apply_overlay
from framing.lexicons.overlay import shipped_lexicons as load_shipped
from framing.library.store import Library
from framing.text import parser

TEXT = 'Officials said the port would reopen. "We are close," Lena Vos, the harbour spokeswoman, said.'


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    return tmp_path


def _no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self, article, doc=None):
        raise AssertionError("analysed again")

    monkeypatch.setattr(Analyzer, "analyze", refuse)


def test_read_back_equals_the_analysis_with_the_callers_article(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = Analyzer()
    made = analysis_cache.analyze(analyzer, Article(text=TEXT, outlet="A", id="one"))
    assert made == analyzer.analyze(Article(text=TEXT, outlet="A", id="one"))
    assert len(list(cache.glob("analysis-*.pickle"))) == 1
    _no_analysis(monkeypatch)
    again = analysis_cache.analyze(analyzer, Article(text=TEXT, outlet="B", id="two", title="T"))
    assert again.article == Article(text=TEXT, outlet="B", id="two", title="T")  # the metadata are the caller's
    assert (again.hits, again.quotes, again.speakers) == (made.hits, made.quotes, made.speakers)


def test_another_text_lexicon_code_or_method_is_analysed_afresh(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = Analyzer()
    article = Article(text=TEXT)
    analysis_cache.analyze(analyzer, article)
    keys = {analysis_cache.key(analyzer, article)}
    keys.add(analysis_cache.key(analyzer, Article(text=TEXT + " More.")))
    entry = {"id": "user.opined", "term": "opined", "category": "distancing", "explain": "E.", "source": "A test."}
    with Library(cache / "lib.db") as lib:
        lib.save_overlay_entry("attribution", entry)
        overlaid = Analyzer(apply_overlay(load_shipped(), lib.overlay_entries()))
    keys.add(analysis_cache.key(overlaid, article))
    keys.add(analysis_cache.key(Analyzer(use_parser=False), article))
    monkeypatch.setattr(analysis_cache, "code_fingerprint", lambda: "edited code")
    keys.add(analysis_cache.key(analyzer, article))
    assert len(keys) == 5


def test_a_damaged_file_is_analysed_again(cache: Path) -> None:
    analyzer = Analyzer()
    made = analysis_cache.analyze(analyzer, Article(text=TEXT))
    (path,) = cache.glob("analysis-*.pickle")
    path.write_bytes(b"not a pickle")
    assert analysis_cache.analyze(analyzer, Article(text=TEXT)) == made


def test_off_means_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMING_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    analyzer = Analyzer(use_parser=False)
    assert analysis_cache.analyze(analyzer, Article(text=TEXT)) == analyzer.analyze(Article(text=TEXT))
    assert not list(tmp_path.rglob("*.pickle"))


def test_what_is_installed_is_what_loading_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """The method the cache keys by, found without loading the model, is the one the model gives."""
    loaded = parser.status()
    monkeypatch.setattr(parser, "_state", {})  # as in a new process: nothing loaded, nothing remembered
    assert parser.installed() == loaded
    assert not parser.loaded()  # found without loading the model
