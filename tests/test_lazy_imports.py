"""The Compare page's first screen needs no heavy library: they load only where a later panel needs them.

Behaviour, not timing: which modules an import pulls in, and how often each article is analysed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
HEAVY = ("sklearn", "scipy", "nltk", "pandas")


def _loaded_after(code: str) -> list[str]:
    """The heavy top-level packages in sys.modules after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_importing_the_engine_loads_no_heavy_library() -> None:
    assert (
        _loaded_after(
            "import framing, framing.analysis.article, framing.analysis.comparison, framing.analysis.tone,"
            " framing.library.store"
        )
        == []
    )


def test_importing_the_compare_page_modules_loads_no_heavy_library() -> None:
    code = "import streamlit, views._state, views._panels_text, views._panels_voice, views._downloads, views._ui"
    assert _loaded_after(code) == []


def test_compare_still_computes_everything() -> None:
    from framing import compare, load_seeds

    c = compare(load_seeds())
    assert all(an.distinctive_terms for an in c.analyses)
    assert c.alignments and c.log_odds and c.tones and c.summary


def test_each_article_is_analysed_once_for_highlights_and_comparison(monkeypatch, tmp_path) -> None:
    from framing.analysis.article import Analyzer

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))  # an empty analysis cache (framing.analysis.cache)

    calls: list[str] = []
    analyze = Analyzer.analyze

    def counting(self, article, doc=None):
        calls.append(article.id)
        return analyze(self, article, doc)

    monkeypatch.setattr(Analyzer, "analyze", counting)
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception, [e.value for e in at.exception]
    chosen = at.multiselect(key="compare_articles").value
    assert len(chosen) == 2
    assert sorted(calls) == sorted(chosen)  # the Highlights tab's analyses are reused by the comparison
    assert any(s.value.startswith("Reported by both") for s in at.subheader)  # and the comparison was made
    # A new process (here: Streamlit's caches cleared) reads the analyses back from disk: none is made again.
    calls.clear()
    st.cache_data.clear()
    again = AppTest.from_file(APP, default_timeout=90).run()
    assert not again.exception and calls == []
    assert any(s.value.startswith("Reported by both") for s in again.subheader)
