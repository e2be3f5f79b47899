"""Log-odds with an informative Dirichlet prior: the formula, one-vs-rest, sparse flags, click-through spans."""

from __future__ import annotations

import math

import pytest

from framing.analysis.logodds import (
    SCATTER_COLUMNS,
    SPARSE_BELOW,
    TermScore,
    count_terms,
    log_odds,
    scatter_frame,
    term_sentences,
)
from framing.library.ingest import load_seeds
from framing.text.document import fold


def by_term(scores: list[TermScore]) -> dict[str, TermScore]:
    return {s.term: s for s in scores}


# ------------------------------------------------------------------------------------------ counting


def test_count_terms_has_unigrams_and_bigrams():
    counts = count_terms(["The nuclear deal collapsed.", "A nuclear deal again"])
    assert counts["nuclear"] == 2
    assert counts["nuclear deal"] == 2
    assert counts["deal collapsed"] == 1
    assert "the" not in counts


def test_count_terms_takes_a_lone_string_as_one_text():
    assert count_terms("Iran talks") == count_terms(["Iran talks"])


# ------------------------------------------------------------------------------------------ the formula


def test_hand_computed_delta_and_z_match_the_formula():
    # Full stops between the words keep analyze_terms from making bigrams, so the counts are known:
    # A: alpha 2, beta 1 (n=3); B: beta 1, gamma 1 (n=2); background: gamma 2, delta 1.
    groups = {"A": ["alpha. alpha. beta."], "B": ["beta. gamma."]}
    background = ["gamma. gamma. delta."]
    prior_scale = 2.0
    result = log_odds(groups, background=background, prior_scale=prior_scale)

    pooled = {"alpha": 2, "beta": 2, "gamma": 3, "delta": 1}  # background + both groups
    a0 = prior_scale * (3 + 2) / 2  # documented: prior_scale * mean group size in terms
    a = {w: a0 * c / sum(pooled.values()) for w, c in pooled.items()}
    y = {"A": {"alpha": 2, "beta": 1, "gamma": 0}, "B": {"alpha": 0, "beta": 1, "gamma": 1}}
    n = {"A": 3, "B": 2}

    for group, rest in (("A", "B"), ("B", "A")):
        scores = by_term(result[group])
        assert set(scores) == {"alpha", "beta", "gamma"}  # a background-only term is not scored
        for w in ("alpha", "beta", "gamma"):
            yi, yj = y[group][w], y[rest][w]
            d = math.log((yi + a[w]) / (n[group] + a0 - yi - a[w])) - math.log((yj + a[w]) / (n[rest] + a0 - yj - a[w]))
            z = d / math.sqrt(1 / (yi + a[w]) + 1 / (yj + a[w]))
            assert scores[w].delta == pytest.approx(d, rel=1e-12)
            assert scores[w].z == pytest.approx(z, rel=1e-12)
            assert scores[w].count == yi
            assert scores[w].rest_count == yj
            assert scores[w].frequency == pytest.approx(1000 * yi / n[group])


def test_prior_scale_changes_the_scores():
    groups = {"A": ["alpha. alpha. alpha. beta."], "B": ["beta. gamma. gamma."]}
    weak = by_term(log_odds(groups, prior_scale=0.1)["A"])["alpha"]
    strong = by_term(log_odds(groups, prior_scale=10)["A"])["alpha"]
    assert weak.delta > strong.delta > 0


def test_term_only_in_a_is_positive_for_a_and_negative_for_b():
    groups = {
        "A": ["Tehran rejected the sanctions. Tehran warned again."],
        "B": ["Officials discussed the sanctions. Officials met again."],
    }
    result = log_odds(groups)
    assert by_term(result["A"])["tehran"].z > 0
    assert by_term(result["B"])["tehran"].z < 0
    assert by_term(result["B"])["officials"].z > 0
    assert by_term(result["A"])["officials"].z < 0


def test_two_groups_are_symmetric():
    seeds = load_seeds()
    result = log_odds({a.outlet: [a.text] for a in seeds})
    tps, am = (by_term(result[a.outlet]) for a in seeds)
    assert set(tps) == set(am)
    for w in tps:
        assert tps[w].z == pytest.approx(-am[w].z, abs=1e-12)
        assert tps[w].delta == pytest.approx(-am[w].delta, abs=1e-12)
        assert tps[w].count == am[w].rest_count and tps[w].rest_count == am[w].count


def test_three_groups_one_vs_rest():
    groups = {
        "A": ["sanctions sanctions talks"],
        "B": ["talks embargo. talks"],
        "C": ["blockade. blockade. blockade. blockade. talks"],
    }
    result = log_odds(groups)
    assert list(result) == ["A", "B", "C"]
    c = by_term(result["C"])
    assert c["blockade"].z > 0 and c["blockade"].count == 4 and c["blockade"].rest_count == 0
    assert result["C"][0].term == "blockade"
    for g in ("A", "B"):
        assert by_term(result[g])["blockade"].z < 0
        assert by_term(result[g])["blockade"].rest_count == 4
    assert by_term(result["A"])["sanctions"].z > 0
    assert by_term(result["B"])["embargo"].z > 0
    # every group scores the same vocabulary; the counts add up over the groups
    vocab = {s.term for s in result["A"]}
    assert all({s.term for s in scores} == vocab for scores in result.values())
    total = count_terms([t for texts in groups.values() for t in texts])
    for scores in result.values():
        for s in scores:
            assert s.count + s.rest_count == total[s.term]
    # with three groups the rest is two groups pooled, so there is no symmetry to rely on
    assert by_term(result["A"])["talks"].z != pytest.approx(-by_term(result["B"])["talks"].z)


def test_results_sorted_by_z_descending():
    result = log_odds({a.outlet: [a.text] for a in load_seeds()})
    for scores in result.values():
        zs = [s.z for s in scores]
        assert zs == sorted(zs, reverse=True)


def test_sparse_flag_marks_one_or_two_hits():
    groups = {"A": ["rare. common. common. twice."], "B": ["common. twice. thrice. thrice. thrice."]}
    scores = by_term(log_odds(groups)["A"])
    assert SPARSE_BELOW == 3
    assert scores["rare"].sparse  # 1 hit in all
    assert scores["twice"].sparse  # 2 hits in all
    assert not scores["common"].sparse  # 3 hits
    assert not scores["thrice"].sparse  # 3 hits, none in A


def test_min_count_drops_rare_terms():
    groups = {"A": ["rare. common. common."], "B": ["common. envoy. envoy."]}
    scores = by_term(log_odds(groups, min_count=2)["A"])
    assert "rare" not in scores
    assert {"common", "envoy"} <= set(scores)
    assert "rare" in by_term(log_odds(groups)["A"])


def test_bigrams_are_scored():
    groups = {"A": ["the nuclear deal collapsed, the nuclear deal"], "B": ["nuclear talks resumed"]}
    scores = by_term(log_odds(groups)["A"])
    assert scores["nuclear deal"].count == 2
    assert scores["nuclear deal"].z > 0
    assert "nuclear talks" in scores


def test_fewer_than_two_groups_is_an_error():
    with pytest.raises(ValueError, match="at least 2 groups"):
        log_odds({"A": ["some text here"]})
    with pytest.raises(ValueError, match="at least 2 groups"):
        log_odds({})


def test_all_empty_texts_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        log_odds({"A": [""], "B": ["the and of it"]})


def test_one_empty_group_is_an_error_naming_it():
    with pytest.raises(ValueError, match="'B'"):
        log_odds({"A": ["Iran talks"], "B": ["   "]})


def test_bad_prior_scale_is_an_error():
    with pytest.raises(ValueError, match="prior_scale"):
        log_odds({"A": ["Iran talks"], "B": ["Israel talks"]}, prior_scale=0)


# ------------------------------------------------------------------------------------------ the seeds


def test_seeds_attribution_verbs_and_nonproliferation():
    seeds = load_seeds()
    outlets = [a.outlet for a in seeds]
    assert outlets == ["TPS", "Al Mayadeen"]
    result = log_odds({a.outlet: [a.text] for a in seeds})
    am, tps = by_term(result["Al Mayadeen"]), by_term(result["TPS"])
    assert am["asserted"].count == 4 and am["asserted"].rest_count == 0
    assert am["asserted"].z > 0 and am["claimed"].z > 0
    assert tps["nonproliferation"].z > 0 and tps["nonproliferation"].count == 3
    assert am["nonproliferation"].z < 0
    assert tps["stated"].z > 0


# ------------------------------------------------------------------------------------------ term_sentences


def test_term_sentences_possessive_matches_unigram():
    text = "Iran\u2019s move worried Washington. Nobody spoke. Then IRAN replied. Iranian media agreed."
    spans = term_sentences("iran", text)
    assert len(spans) == 2
    assert [text[s:e] for s, e in spans] == ["Iran\u2019s move worried Washington.", "Then IRAN replied."]
    for s, e in spans:
        assert "iran" in fold(text[s:e])
    # the term may be given as it appears in the text
    assert term_sentences("Iran's", text) == spans


def test_term_sentences_bigram():
    text = "Talks resumed.  The nuclear\u00a0deal is close. Nuclear. Deal hunters waited. A nuclear-deal text."
    spans = term_sentences("nuclear deal", text)
    got = [text[s:e] for s, e in spans]
    assert got == ["The nuclear\u00a0deal is close."]
    # Neither "Nuclear. Deal" nor the one word "nuclear-deal" is the bigram for analyze_terms, so neither
    # is a match; the hyphenated word is its own term.
    assert count_terms([text])["nuclear deal"] == 1
    assert [text[s:e] for s, e in term_sentences("nuclear-deal", text)] == ["A nuclear-deal text."]


def test_term_sentences_on_seed_offsets_are_original():
    al_mayadeen = load_seeds()[1]
    text = al_mayadeen.text
    spans = term_sentences("asserted", text)
    assert len(spans) == 4
    for s, e in spans:
        assert "asserted" in text[s:e]
    assert term_sentences("nonproliferation", text) == []


def test_term_sentences_no_match():
    assert term_sentences("israel", "Israeli officials met.") == []
    assert term_sentences("", "Anything.") == []


# ------------------------------------------------------------------------------------------ scatter


def test_scatter_frame_has_one_row_per_group_and_term():
    result = log_odds({a.outlet: [a.text] for a in load_seeds()})
    frame = scatter_frame(result)
    assert list(frame.columns) == list(SCATTER_COLUMNS) == ["group", "term", "count", "frequency", "z", "sparse"]
    assert len(frame) == sum(len(v) for v in result.values())
    row = frame[(frame.group == "Al Mayadeen") & (frame.term == "asserted")].iloc[0]
    assert row["count"] == 4
    assert row["z"] == pytest.approx(by_term(result["Al Mayadeen"])["asserted"].z)
    assert frame["sparse"].dtype == bool


def test_scatter_frame_empty():
    frame = scatter_frame({})
    assert frame.empty and list(frame.columns) == list(SCATTER_COLUMNS)


# ------------------------------------------------------------------------------------------ from counts


def test_log_odds_from_counts_is_log_odds_on_rows():
    from framing.analysis.logodds import log_odds_from_counts
    from framing.analysis.term_counts import count_matrix

    seeds = load_seeds()
    texts = [a.text for a in seeds] + ["Officials discussed the sanctions. Officials met again."]
    counts = count_matrix(texts)
    got = log_odds_from_counts(counts, {a.outlet: [i] for i, a in enumerate(seeds)}, background=[2])
    assert got == log_odds({a.outlet: [a.text] for a in seeds}, background=texts[2:])
    with pytest.raises(ValueError, match="at least 2 groups"):
        log_odds_from_counts(counts, {"A": [0]})
    with pytest.raises(ValueError, match="'B'"):
        log_odds_from_counts(count_matrix(["Iran talks", "  "]), {"A": [0], "B": [1]})
