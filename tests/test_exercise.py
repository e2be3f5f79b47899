"""The spot-the-frame engine: deterministic questions, each traceable to the text it quotes."""

from __future__ import annotations

import re

import pytest

from framing import compare, load_seeds
from framing.models import Article
from framing.render.exercise import KINDS, Question, make_questions, score


@pytest.fixture(scope="module")
def comparison():
    return compare(load_seeds())


def _texts(comparison) -> dict[str, str]:
    return {an.article.id: an.article.text for an in comparison.analyses}


def test_deterministic_for_a_seed_and_different_across_seeds(comparison) -> None:
    a = make_questions(comparison, seed=7)
    b = make_questions(comparison, seed=7)
    assert a == b and len(a) == 10
    others = [make_questions(comparison, seed=s) for s in (1, 2, 3)]
    assert any(o != a for o in others)


def test_all_kinds_appear(comparison) -> None:
    kinds = {q.kind for q in make_questions(comparison, seed=3, n=20)}
    assert kinds == set(KINDS)


@pytest.mark.parametrize("seed", range(6))
def test_every_answer_is_among_its_choices(comparison, seed: int) -> None:
    for q in make_questions(comparison, seed=seed, n=20):
        assert q.answer in q.choices, q
        assert len(set(q.choices)) == len(q.choices) >= 2


@pytest.mark.parametrize("seed", range(6))
def test_every_revealed_span_indexes_its_article_exactly(comparison, seed: int) -> None:
    texts = _texts(comparison)
    for q in make_questions(comparison, seed=seed, n=20):
        for p in q.passages:
            text = texts[p.article_id]
            assert text[p.start : p.end] == p.text
            for span in p.spans:
                assert p.start <= span.start < span.end <= p.end
                lo, hi = p.local(span)
                assert p.text[lo:hi] == text[span.start : span.end]
            for h in p.hits:
                assert text[h.start : h.end] == h.text
        if q.hit is not None:
            assert texts[q.passages[0].article_id][q.hit.start : q.hit.end] == q.hit.text
            assert q.hit.explain in q.explanation and q.hit.category.replace("_", " ") in q.explanation
            if q.hit.entry_id:
                assert q.hit.entry_id in q.explanation


def test_answers_follow_the_hits(comparison) -> None:
    from framing.render.exercise import OWN, QUOTED, family_label

    for q in make_questions(comparison, seed=11, n=30):
        if q.kind == "which_cue":
            assert q.answer == family_label(q.hit.family)
        elif q.kind == "quote_or_own":
            assert q.answer == (QUOTED if q.hit.in_quote else OWN)
        elif q.kind == "which_outlet":
            assert q.answer == q.passages[0].outlet
        elif q.kind == "aligned_pair":
            k = q.choices.index(q.answer)
            assert q.passages[k].outlet in q.prompt


def test_outlet_names_never_give_the_answer_away() -> None:
    named = Article(
        text=(
            "Daily Beacon reporters saw it. The minister claimed the plan was fair. "
            "Officials reportedly called the protest a riot."
        ),
        title="A",
        outlet="Daily Beacon",
    )
    other = Article(
        text="The minister said the plan was fair. Critics warned of a brutal crackdown by police.",
        title="B",
        outlet="Evening Star",
    )
    comparison = compare([named, other])
    for seed in range(10):
        for q in make_questions(comparison, seed=seed, n=20):
            if q.kind != "which_outlet":
                continue
            shown = q.prompt + " ".join(p.text for p in q.passages)
            for outlet in ("Daily Beacon", "Evening Star"):
                assert outlet.lower() not in shown.lower()
    # the sentence that names an outlet is never used at all
    for q in make_questions(comparison, seed=0, n=50):
        assert all("Beacon" not in p.text for p in q.passages)


def test_score_counts_right_answers(comparison) -> None:
    qs = make_questions(comparison, seed=5)
    wrong = [next(c for c in q.choices if c != q.answer) for q in qs]
    answers = [(q, q.answer if k % 2 == 0 else wrong[k]) for k, q in enumerate(qs)]
    assert score(answers) == ((len(qs) + 1) // 2, len(qs))
    assert score([]) == (0, 0)
    assert score([(qs[0], None)]) == (0, 1)


def test_one_article_gives_no_outlet_questions() -> None:
    c = compare([Article(text="The minister claimed the plan was fair. It may work.", outlet="X")])
    qs = make_questions(c, seed=1)
    assert qs and all(q.kind in ("which_cue", "quote_or_own") for q in qs)
    assert all(isinstance(q, Question) for q in qs)
    assert not any(re.search("X", q.prompt) for q in qs if q.kind == "which_outlet")
