"""The optional compiled word splitter (``speedups/framing_speedups.c``) against its Python reference.

``framing.text._word_table`` is the reference; ``framing_speedups.word_table`` must return exactly the
same offsets and words for every text. Where the extension is not built these comparisons are skipped,
unless FRAMING_REQUIRE_SPEEDUPS=1 (CI sets it), which makes a missing build a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import text
from framing.analyze import Analyzer
from framing.models import Article

ROOT = Path(__file__).resolve().parent.parent

try:
    import framing_speedups
except ImportError:
    framing_speedups = None


def test_a_build_is_there_when_required() -> None:
    if os.environ.get("FRAMING_REQUIRE_SPEEDUPS") == "1":
        assert framing_speedups is not None, "FRAMING_REQUIRE_SPEEDUPS=1 but framing_speedups is not installed"
        assert text.NATIVE, "framing_speedups is installed but framing.text does not use it"


needs_build = pytest.mark.skipif(framing_speedups is None, reason="the optional extension is not built")

# The characters the word pattern treats specially, and neighbours that test its edges.
_EDGES = (
    "aAsSzZ09_'-\u2019\u02bc\u2010\u2011\u2018\u2012 .,\n\t\u00e9\u00df\u0130\u0660\u05d0\u00b2\u0301\U0001f600\u200d"
)


@needs_build
def test_every_code_point_in_every_place_the_pattern_looks() -> None:
    """Each character of Unicode: alone, after a word, after an apostrophe, before and after an s.

    The samples are compared many at a time, joined by spaces: a space is neither a word character nor
    a mark, so each sample splits as it would alone (and the joined text is a test of its own)."""
    native, reference = framing_speedups.word_table, text._word_table
    templates = ("{}", "a{}b", "a'{}", "{}'s", "a{}s", "a'{}s{}", "{}-{}'{}")
    for first in range(0, 0x110000, 0x4000):
        chars = [chr(code) for code in range(first, first + 0x4000)]
        for template in templates:
            joined = " ".join(template.replace("{}", ch) for ch in chars)
            assert native(joined) == reference(joined), (hex(first), template)


@needs_build
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_EDGES), max_size=40))
def test_any_text_of_the_tricky_characters(sample: str) -> None:
    assert framing_speedups.word_table(sample) == text._word_table(sample)


@needs_build
@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_any_text(sample: str) -> None:
    assert framing_speedups.word_table(sample) == text._word_table(sample)


@needs_build
def test_the_seeds_split_alike() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        low = path.read_text(encoding="utf-8").lower()
        native = framing_speedups.word_table(low)
        assert native == text._word_table(low), path.name
        assert len(native[2]) > 100  # a real article, really split


@needs_build
def test_words_carry_plain_marks_and_skip_the_possessive_s() -> None:
    starts, ends, words = framing_speedups.word_table("iran\u2019s well\u2010known don\u02bct s's")
    assert words == ["iran", "well-known", "don't", "s"]
    assert (starts, ends) == ([0, 7, 18, 24], [4, 17, 23, 25])


@needs_build
def test_not_a_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        framing_speedups.word_table(b"bytes")


def test_whole_analyses_are_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds analysed with the Python splitter and with whatever this install uses: equal."""
    analyzer = Analyzer()
    articles = [Article(text=p.read_text(encoding="utf-8"), id=p.stem) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    used = [analyzer.analyze(a) for a in articles]
    monkeypatch.setattr(text, "word_table", text._word_table)
    reference = [analyzer.analyze(a) for a in articles]
    assert used == reference
    assert sum(len(a.hits) for a in used) > 20


def test_another_version_of_the_build_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    stale = types.ModuleType("framing_speedups")
    stale.VERSION = text.SPEEDUPS_VERSION + 1
    stale.word_table = lambda low: ([], [], [])
    monkeypatch.setitem(sys.modules, "framing_speedups", stale)
    assert text._compiled_word_table() is None
    stale.VERSION = text.SPEEDUPS_VERSION
    assert text._compiled_word_table() is stale.word_table


def test_no_build_means_the_python_splitter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "framing_speedups", None)  # import fails
    assert text._compiled_word_table() is None


def test_the_environment_can_turn_it_off() -> None:
    code = "import framing.text as t; print(t.NATIVE, t.word_table is t._word_table)"
    env = {**os.environ, "FRAMING_PURE_PYTHON": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
