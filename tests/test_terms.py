"""Distinctive terms: which words are kept, how bigrams form, how texts are ranked against each other."""

from __future__ import annotations

import pytest

from framing.analysis.term_words import STOP_WORDS, analyze_terms
from framing.analysis.terms import distinctive_terms
from framing.models import Term


def unigrams(text: str) -> list[str]:
    return [t for t in analyze_terms(text) if " " not in t]


def bigrams(text: str) -> list[str]:
    return [t for t in analyze_terms(text) if " " in t]


# ------------------------------------------------------------------------------------------ analyze_terms


def test_keeps_serious_and_drops_stop_words():
    words = unigrams("Iran is not serious about the nuclear deal and they would fail")
    assert "serious" in words
    assert {"iran", "nuclear", "deal", "fail"} <= set(words)
    for stop in ("is", "not", "about", "the", "and", "they", "would"):
        assert stop not in words


@pytest.mark.parametrize("word", ["serious", "fire", "bill", "interest", "system"])
def test_meaningful_words_on_sklearn_list_are_kept(word):
    assert word not in STOP_WORDS
    assert unigrams(f"the {word} matters") == [word, "matters"]


def test_said_and_numbers_and_single_letters_are_dropped():
    assert unigrams("Blinken said 2015 and 1,000 talks in the U.S. by 5 p.m.") == ["blinken", "talks"]


def test_lower_cased_and_possessive_dropped():
    assert unigrams("IRAN\u2019s Nuclear") == ["iran", "nuclear"]


def test_bigrams_only_from_adjacent_kept_words():
    text = "the nuclear deal would collapse"
    assert bigrams(text) == ["nuclear deal"]
    # "deal would" and "would collapse" are not made: "would" is a stop word between them.
    assert "deal collapse" not in analyze_terms(text)


def test_negation_opens_a_bigram():
    text = "Iran is not serious about talks"
    assert "not serious" in bigrams(text)
    assert "not" not in unigrams(text)
    assert "is not" not in analyze_terms(text)
    # A negation never closes a bigram.
    assert "serious not" not in analyze_terms("serious not talks")


def test_no_bigram_across_punctuation():
    text = "nuclear, deal. Vienna talks"
    assert bigrams(text) == ["vienna talks"]


def test_hyphen_joined_words_are_one_term():
    terms = analyze_terms("so-called options")
    assert "so-called" in terms
    assert "so-called options" in terms


def test_empty_text_has_no_terms():
    assert analyze_terms("") == []
    assert analyze_terms("the and of it") == []


# ------------------------------------------------------------------------------------- distinctive_terms


def test_one_list_per_text_sorted_by_score():
    texts = [
        "Iran nuclear talks in Vienna. Iran nuclear talks resumed. Blinken warned.",
        "Iran nuclear talks in Vienna. The occupation regime is anxious. Occupation again.",
        "Vienna hosts talks about many things.",
    ]
    result = distinctive_terms(texts)
    assert len(result) == 3
    for terms in result:
        assert terms
        assert all(isinstance(t, Term) for t in terms)
        scores = [t.score for t in terms]
        assert scores == sorted(scores, reverse=True)
        assert all(0 < s <= 1 for s in scores)
        assert len({t.term for t in terms}) == len(terms)


def test_unique_term_outranks_shared_term():
    texts = ["Iran talks occupation", "Iran talks blackmail"]
    first, second = distinctive_terms(texts)
    score1 = {t.term: t.score for t in first}
    score2 = {t.term: t.score for t in second}
    assert score1["occupation"] > score1["iran"]
    assert score1["occupation"] > score1["talks"]
    assert score2["blackmail"] > score2["iran"]
    assert "blackmail" not in score1
    assert "occupation" not in score2


def test_top_limits_length():
    texts = ["alpha beta gamma delta epsilon zeta", "alpha beta eta theta"]
    result = distinctive_terms(texts, top=2)
    assert [len(r) for r in result] == [2, 2]
    full = distinctive_terms(texts, top=100)
    assert result[0] == full[0][:2]


def test_background_changes_idf_but_not_output_length():
    texts = ["Iran talks occupation", "Iran talks blackmail"]
    result = distinctive_terms(texts, background=["occupation occupation", "occupation again"])
    assert len(result) == 2
    score1 = {t.term: t.score for t in result[0]}
    # With "occupation" common in the background, "occupation" drops below the unique-to-set terms.
    assert score1["occupation"] < dict((t.term, t.score) for t in distinctive_terms(texts)[0])["occupation"]


def test_empty_inputs_do_not_crash():
    assert distinctive_terms([]) == []
    assert distinctive_terms(["", ""]) == [[], []]
    assert distinctive_terms(["the and of", "it is"]) == [[], []]
    only_first = distinctive_terms(["Iran talks", ""])
    assert len(only_first) == 2
    assert {t.term for t in only_first[0]} == {"iran", "talks", "iran talks"}
    assert only_first[1] == []


def test_deterministic():
    texts = ["Iran nuclear talks in Vienna", "Blinken warned Iran about talks"]
    assert distinctive_terms(texts) == distinctive_terms(texts)


def test_seeds_have_expected_terms(seed_paths):
    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    tps, mayadeen = distinctive_terms(texts, top=50)
    tps_terms = {t.term for t in tps}
    may_terms = {t.term for t in mayadeen}
    assert "jcpoa" in tps_terms or "nonproliferation" in tps_terms
    assert "serious" in may_terms or "not serious" in may_terms
    for terms in (tps_terms, may_terms):
        assert not terms & {"the", "said", "would", "s", "and"}


# ------------------------------------------------------------------------------- from a count matrix


def test_distinctive_terms_from_counts_is_distinctive_terms():
    from framing.analysis.term_counts import count_matrix
    from framing.analysis.terms import distinctive_terms_from_counts

    texts = ["Iran talks occupation", "Iran talks blackmail", "occupation occupation", "occupation again"]
    counts = count_matrix(texts)
    assert distinctive_terms_from_counts(counts) == distinctive_terms(texts)
    assert distinctive_terms_from_counts(counts, top=2, n_texts=2) == distinctive_terms(
        texts[:2], top=2, background=texts[2:]
    )
    with pytest.raises(ValueError, match="n_texts"):
        distinctive_terms_from_counts(counts, n_texts=5)
