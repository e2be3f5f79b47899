"""The optional compiled twins (``speedups/framing_speedups.c``) against their Python references.

``framing.text.document._word_table`` and ``framing.lexicons.matcher._match_all`` are the references;
``framing_speedups.word_table`` and ``framing_speedups.match_all`` must return exactly what they return,
for every text. Where the extension is not built these comparisons are skipped, unless
FRAMING_REQUIRE_SPEEDUPS=1 (CI sets it), which makes a missing build a failure.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import generate
from framing.analysis.article import Analyzer
from framing.lexicons import load_shipped, matcher
from framing.lexicons.matcher import Match, MultiMatcher
from framing.models import Article
from framing.text import document as text
from framing.text import native

ROOT = Path(__file__).resolve().parent.parent

try:
    import framing_speedups
except ImportError:
    framing_speedups = None


def test_a_build_is_there_when_required() -> None:
    if os.environ.get("FRAMING_REQUIRE_SPEEDUPS") == "1":
        assert framing_speedups is not None, "FRAMING_REQUIRE_SPEEDUPS=1 but framing_speedups is not installed"
        assert text.word_table is framing_speedups.word_table, "framing.text.document does not use the build"
        assert matcher.match_all is framing_speedups.match_all, "framing.lexicons.matcher does not use the build"


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


# ------------------------------------------------------------------------------------------ matcher


@pytest.fixture(scope="module")
def shipped() -> MultiMatcher:
    return MultiMatcher(load_shipped())


def _both(multi: MultiMatcher, sample: str) -> tuple[list, list]:
    doc = text.Document(sample)
    starts, ends = doc._spans
    args = (multi._index, doc.token_lowers, starts, ends, doc.text, len(multi.lexicons), Match)
    return framing_speedups.match_all(*args), matcher._match_all(*args)


@needs_build
def test_matches_alike_on_the_seeds_and_generated_articles(shipped: MultiMatcher) -> None:
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    samples += [a.text for a in generate(200)]
    total = 0
    for sample in samples:
        native_out, reference = _both(shipped, sample)
        assert native_out == reference
        assert all(type(m) is Match for found in native_out for m in found)
        total += sum(map(len, native_out))
    assert total > 5000  # the lexicons really matched


@functools.lru_cache(maxsize=1)
def _phrases() -> list[str]:
    """Every surface form of the shipped lexicons, in its own case and in capitals."""
    forms = [form for lex in load_shipped().values() for e in lex.entries for form in e.surface]
    return sorted(set(forms + [f.upper() for f in forms] + [f.capitalize() for f in forms]))


_GLUE = ["", " ", "  ", "\n", ", ", ". ", " \u00a0", "-", "\u2019s ", " \u201c", "\t"]


@st.composite
def _phrase_with_gaps(draw: st.DrawFn) -> str:
    """A form whose words are kept apart by a space (as the form has it) or by some other gap."""
    words = draw(st.sampled_from(_phrases())).split(" ")
    gaps = draw(st.lists(st.sampled_from([" ", " ", *_GLUE]), min_size=len(words) - 1, max_size=len(words) - 1))
    return "".join(w + g for w, g in zip(words, [*gaps, ""]))


@needs_build
@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_phrase_with_gaps(), st.sampled_from(_GLUE)), max_size=30))
def test_matches_alike_on_any_run_of_lexicon_phrases(shipped: MultiMatcher, run: list[tuple[str, str]]) -> None:
    """Forms of every lexicon run together with all kinds of gaps, inside and between them: overlaps,
    case rules, longest first, forms of several words cut by punctuation or a line break."""
    native_out, reference = _both(shipped, "".join(phrase + glue for phrase, glue in run))
    assert native_out == reference


@needs_build
@pytest.mark.parametrize(
    "index",
    [
        {"iran": ("not a pair",)},
        {"iran": (None, "not a tuple")},
        {"iran": (None, ((99, (), {}),))},
        {"iran": (None, ((0, ((1, False, [], ("iran", "x"), ()),), {}),))},
        {"iran": (None, ((0, ((1, True, [], (3,), ()),), {}),))},
    ],
)
def test_a_malformed_index_is_an_error_not_a_crash(index: dict) -> None:
    with pytest.raises(TypeError, match="malformed"):
        framing_speedups.match_all(index, ["iran"], [0], [4], "Iran", 1, Match)


@needs_build
def test_offsets_that_do_not_fit_are_an_error() -> None:
    with pytest.raises(ValueError, match="as long as lowers"):
        framing_speedups.match_all({}, ["iran"], [0, 5], [4], "Iran", 1, Match)
    for starts, ends in (([0], [9]), ([-1], [4]), ([3], [2]), ([0, 1], [4, 4])):  # outside the text, out of order
        with pytest.raises(ValueError, match="inside the text"):
            framing_speedups.match_all({}, ["iran"] * len(starts), starts, ends, "Iran", 1, Match)
    with pytest.raises(TypeError, match="tuple type"):
        framing_speedups.match_all({}, ["iran"], [0], [4], "Iran", 1, dict)


@pytest.mark.parametrize(
    ("written", "matched"),
    [("Don\u2019t", True), ("Don\u02bct", True), ("Don't", True), ("DON\u2019T", False), ("don't", False)],
)
def test_a_case_sensitive_form_is_compared_with_its_marks_made_plain(written: str, matched: bool) -> None:
    """The form "Don't" (case-sensitive) against the word as written: its apostrophe may be curly."""
    index = {"don't": (None, ((0, ((1, True, [], ("Don't",), ("E",)),), {}),))}
    implementations = [matcher._match_all] + ([framing_speedups.match_all] if framing_speedups else [])
    for match_all in implementations:
        found = match_all(index, ["don't"], [0], [len(written)], written, 1, Match)
        assert found == ([[Match(0, 0, 0, len(written), ("E",))]] if matched else [[]]), match_all


# ------------------------------------------------------------------------------------------ either way


def test_whole_analyses_are_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds analysed with the Python references and with whatever this install uses: equal."""
    analyzer = Analyzer()
    articles = [Article(text=p.read_text(encoding="utf-8"), id=p.stem) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles += generate(50)
    used = [analyzer.analyze(a) for a in articles]
    monkeypatch.setattr(text, "word_table", text._word_table)
    monkeypatch.setattr(matcher, "match_all", matcher._match_all)
    reference = [analyzer.analyze(a) for a in articles]
    assert used == reference
    assert sum(len(a.hits) for a in used) > 1000


def test_another_version_of_the_build_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    stale = types.ModuleType("framing_speedups")
    stale.VERSION = native.SPEEDUPS_VERSION + 1
    stale.word_table = lambda low: ([], [], [])
    monkeypatch.setitem(sys.modules, "framing_speedups", stale)
    assert native.compiled("word_table") is None
    stale.VERSION = native.SPEEDUPS_VERSION
    assert native.compiled("word_table") is stale.word_table
    assert native.compiled("match_all") is None  # this stand-in has no such function


def test_no_build_means_the_python_references(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "framing_speedups", None)  # import fails
    assert native.compiled("word_table") is None


def test_the_environment_can_turn_them_off() -> None:
    code = (
        "import framing.text.document as t, framing.lexicons.matcher as m;"
        "print(t.word_table is t._word_table, m.match_all is m._match_all)"
    )
    env = {**os.environ, "FRAMING_PURE_PYTHON": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]
