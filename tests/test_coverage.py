"""The Coverage page's engine (framing.corpus.coverage): rates, intervals, label choices, speakers, scare quotes,
passives, trends, distinctive terms and the sentences behind a number, on a small invented library."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.analysis import Analyzer
from framing.corpus import (
    analyse_library,
    cell_hits,
    choose,
    distinctive_terms,
    key_counts,
    label_choices,
    label_grid,
    load_coverage,
    load_terms,
    rates,
    search_ids,
    sentences_behind,
    speaker_stances,
    stance_grid,
    status,
    term_sentences,
    totals,
    trend,
    version_of,
)
from framing.corpus.coverage_stats import bootstrap, log_odds, rate_table
from framing.library import Library
from framing.models import Article

# Invented reports: outlet, date, story, title, text.
ARTICLES = [
    ("North Wire", "2024-01-10", "Border", "River crossing",
     "Illegal immigrants crossed the river on Monday, the mayor said. Two men were killed near the border. "
     "The so-called reforms have failed, critics said."),
    ("North Wire", "2024-01-20", "Border", "Camp waits",
     "Illegal immigrants waited at the camp on Tuesday. Police said the camp would close next week."),
    ("North Wire", "2024-02-05", "Budget", "Council budget",
     "The council met on Tuesday to discuss the budget. The mayor said the plan was sound and would pass."),
    ("South Post", "2024-01-12", "Border", "Crossing at dawn",
     "Undocumented migrants crossed the river on Monday, the mayor said. Two men were shot near the border."),
    ("South Post", "2024-02-03", "Border", "Camp to close",
     "Asylum seekers waited at the camp on Tuesday. The mayor claimed that the camp would close next week."),
    ("South Post", "2024-02-15", "Budget", "Budget vote",
     'The council met on Wednesday to vote on the "balanced" budget. The mayor said the plan would pass.'),
    ("East Times", "2024-02-20", "Border", "Border quiet",
     "The border was quiet on Friday. Officials said the crossing would reopen on Monday."),
]  # fmt: skip


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("coverage") / "lib.db"
    with Library(path) as library:
        library.add_articles([Article(text=t, title=ti, outlet=o, published=d, story=s) for o, d, s, ti, t in ARTICLES])
        analyse_library(library, Analyzer(use_parser=False), workers=0, progress=None)
        yield library


@pytest.fixture(scope="module")
def cov(lib):
    return load_coverage(lib)


def _words(cov, outlet: str) -> int:
    return int(cov.articles.loc[cov.articles["outlet"] == outlet, "words"].sum())


def _row(table: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    for column, value in where.items():
        mask &= table[column] == value
    assert mask.sum() == 1, (where, table)
    return table[mask].iloc[0]


def test_every_analysed_article_is_loaded_with_its_month(cov) -> None:
    assert len(cov.articles) == len(ARTICLES)
    assert set(cov.articles["month"]) == {"2024-01", "2024-02"}
    assert cov.articles["words"].gt(0).all()


def test_contested_label_rates_equal_the_hand_counts_with_intervals_and_warnings(cov) -> None:
    table = rates(cov, choose(cov), "labels")
    north = _row(table, outlet="North Wire", key="immigration")
    south = _row(table, outlet="South Post", key="immigration")
    east = _row(table, outlet="East Times", key="immigration")
    # North Wire wrote "illegal immigrants" twice; South Post "undocumented migrants" once ("asylum seekers" is
    # neutral and not counted); East Times named no migrant.
    assert (north.hits, south.hits, east.hits) == (2, 1, 0)
    assert north.per_1000 == pytest.approx(2000 / _words(cov, "North Wire"))
    assert south.per_1000 == pytest.approx(1000 / _words(cov, "South Post"))
    assert east.per_1000 == 0 and east.articles == 1
    for r in (north, south, east):
        assert r.low <= r.per_1000 <= r.high
        assert r.few  # fewer than 5 hits: flagged
    assert north.high > north.low  # one of its three articles has no migrant label: the rate varies


def test_totals_add_every_key(cov, lib) -> None:
    table = totals(cov, choose(cov, outlets=["North Wire", "South Post"]), "frames")
    assert set(table["outlet"]) == {"North Wire", "South Post"}
    north = _row(table, outlet="North Wire")
    ids = set(cov.articles.loc[cov.articles["outlet"] == "North Wire", "id"])
    hand = sum(1 for r in lib.rows("analysis_hits", ids) if r[1] == "frames" and not r[7])
    assert north.hits == hand == 5  # "Illegal" twice, "reforms", "Police", "budget"


def test_bootstrap_is_seeded_and_contains_the_point() -> None:
    rng = np.random.default_rng(3)
    counts = rng.poisson(2.0, size=(200, 3))
    words = rng.integers(300, 900, size=200)
    a = bootstrap(counts, words, seed=1, group=("X",))
    b = bootstrap(counts, words, seed=1, group=("X",))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    point = counts.sum(axis=0) * 1000 / words.sum()
    assert np.all(a[0] <= point) and np.all(point <= a[1])
    # Every article the same: every resample the same rate, a zero-width interval.
    low, high = bootstrap(np.full((10, 1), 2), np.full(10, 400), seed=0)
    assert low[0] == pytest.approx(5.0) and high[0] == pytest.approx(5.0)


def test_many_hits_over_many_articles_are_not_flagged() -> None:
    articles = pd.DataFrame({"id": [f"a{i}" for i in range(20)], "outlet": "Big", "words": 500})
    hits = pd.DataFrame({"article_id": [f"a{i % 20}" for i in range(60)], "key": "k"})
    row = rate_table(articles, hits, keys=["k", "never"]).set_index("key")
    assert row.loc["k", "hits"] == 60 and not row.loc["k", "few"]
    assert row.loc["k", "per_1000"] == pytest.approx(60 * 1000 / 10_000)
    assert row.loc["never", "hits"] == 0 and row.loc["never", "few"]


def test_the_label_table_shows_the_names_each_outlet_chose(cov) -> None:
    choices = label_choices(cov, choose(cov))
    north = choices[(choices["outlet"] == "North Wire") & (choices["concept"] == "immigration")]
    assert list(zip(north["name"], north["count"], north["position"])) == [
        ("illegal immigrants", 2, "restrictionist_side")
    ]
    south = choices[(choices["outlet"] == "South Post") & (choices["concept"] == "immigration")]
    assert dict(zip(south["name"], south["position"])) == {
        "undocumented migrants": "immigrant_advocacy_side",
        "asylum seekers": "neutral",
    }
    grid = label_grid(choices, ["East Times", "North Wire", "South Post"])
    assert grid.loc["immigration", "North Wire"] == "illegal immigrants ×2 (restrictionist side)"
    assert "asylum seekers ×1" in grid.loc["immigration", "South Post"]
    assert grid.loc["immigration", "East Times"] == ""


def test_speakers_and_their_stances_per_outlet(cov) -> None:
    stances = speaker_stances(cov, choose(cov))
    mayor = stances[stances["speaker"] == "mayor"].set_index(["outlet", "stance"])["count"].to_dict()
    assert mayor == {("North Wire", "neutral"): 2, ("South Post", "neutral"): 2, ("South Post", "distancing"): 1}
    grid = stance_grid(stances)
    assert grid.index[0] == "mayor"  # the most attributed speaker first
    assert grid.loc["mayor", "South Post"] == "neutral 2 · distancing 1"
    assert list(stance_grid(stances, ["East Times", "North Wire", "South Post", "West"]).columns)[-1] == "West"


def test_scare_quotes_and_agentless_passives_of_violence(cov) -> None:
    scare = key_counts(cov, choose(cov), "scare_quotes")
    assert scare.loc["so-called", "North Wire"] == 1 and scare.loc["balanced", "South Post"] == 1
    passives = key_counts(cov, choose(cov), "violence_passives")
    assert passives.loc["killed", "North Wire"] == 1 and passives.loc["shot", "South Post"] == 1
    assert passives.loc["killed", "South Post"] == 0


def test_filters_by_outlet_dates_story_and_search(cov, lib) -> None:
    assert set(choose(cov, outlets=["East Times"])["title"]) == {"Border quiet"}
    january = choose(cov, since="2024-01-01", until="2024-01")
    assert set(january["title"]) == {"River crossing", "Camp waits", "Crossing at dawn"}
    assert set(choose(cov, stories=["Budget"])["title"]) == {"Council budget", "Budget vote"}
    ids = search_ids(lib, "ASYLUM")
    assert set(choose(cov, ids=ids)["title"]) == {"Camp to close"}


def test_monthly_trend(cov) -> None:
    table = trend(cov, choose(cov, outlets=["North Wire"]), "labels", "immigration")
    by_month = table.set_index("month")
    assert by_month.loc["2024-01", "hits"] == 2 and by_month.loc["2024-02", "hits"] == 0
    january_words = int(cov.articles.query("outlet == 'North Wire' and month == '2024-01'")["words"].sum())
    assert by_month.loc["2024-01", "per_1000"] == pytest.approx(2000 / january_words)


def test_sentences_behind_a_cell(cov, lib) -> None:
    hits = cell_hits(cov, choose(cov), "labels", outlet="North Wire", key="immigration")
    found = sentences_behind(lib, cov, hits)
    assert len(found) == 2
    assert set(found["title"]) == {"River crossing", "Camp waits"}
    for r in found.itertuples():
        assert r.sentence[r.mark_start : r.mark_end] == "Illegal immigrants"
        assert r.outlet == "North Wire"
    first = found[found["title"] == "River crossing"].iloc[0]
    assert first.sentence == "Illegal immigrants crossed the river on Monday, the mayor said."
    speaker = cell_hits(cov, choose(cov), "attribution", outlet="South Post", speaker="Mayor")
    assert len(speaker) == 3


def test_distinctive_terms_by_log_odds(cov, lib) -> None:
    terms = load_terms(lib)
    chosen = choose(cov, outlets=["North Wire", "South Post"])
    table = distinctive_terms(terms, chosen, min_count=2)
    north = table[table["outlet"] == "North Wire"].set_index("term")
    assert "illegal immigrants" in north.index and north.loc["illegal immigrants", "count"] == 2
    assert north.loc["illegal immigrants", "rest"] == 0
    assert north["z"].is_monotonic_decreasing
    found = term_sentences(lib, terms, chosen, "illegal immigrants", outlet="North Wire")
    assert len(found) == 2 and all("Illegal immigrants" in s for s in found["sentence"])


def test_log_odds_is_symmetric_for_two_groups() -> None:
    y = np.array([[10, 2], [3, 9], [5, 5], [1, 1]])
    table = log_odds(y, ["a", "b", "c", "d"], ["A", "B"], min_count=1, top=4)
    z = table.pivot(index="term", columns="group", values="z")
    assert np.allclose(z["A"], -z["B"])
    assert z.loc["a", "A"] > 0 > z.loc["b", "A"]


def test_status_counts_stale_and_missing(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.add_articles([Article(text=t, title=ti, outlet=o) for o, _d, _s, ti, t in ARTICLES[:3]])
        engine = Analyzer(use_parser=False)
        analyse_library(lib, engine, workers=0, progress=None)
        lib.add_articles([Article(text="A new report that nobody analysed yet.", title="New", outlet="X")])
        key = version_of(engine).key
        assert status(lib, [key]) == {"articles": 4, "current": 3, "stale": 0, "missing": 1}
        assert status(lib, ["another"]) == {"articles": 4, "current": 0, "stale": 3, "missing": 1}


# ---------------------------------------------------------------------------------------- SQL = the old way


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory):
    """A library of 160 generated articles over five outlets (one of them without a name), 14 months (some
    undated) and three stories, analysed by the word rules."""
    from dataclasses import replace

    from benchmarks.corpus import generate

    rng = np.random.default_rng(5)
    outlets = ["Alpha Wire", "Beta Post", "Gamma Times", "Delta Herald", ""]
    articles = [
        replace(
            a,
            outlet=outlets[rng.integers(0, 5)],
            published="" if rng.random() < 0.1 else f"202{rng.integers(3, 5)}-{rng.integers(1, 8):02d}-1{i % 10}",
            story=["Border", "Budget", ""][i % 3],
        )
        for i, a in enumerate(generate(160, words=250, seed=11))
    ]
    path: Path = tmp_path_factory.mktemp("varied") / "lib.db"
    with Library(path) as library:
        library.add_articles(articles)
        analyse_library(library, Analyzer(use_parser=False), workers=0, progress=None)
        yield library


CHOICES = [
    {},
    {"outlets": ["Alpha Wire", "Beta Post"]},
    {"outlets": ["Gamma Times", "(no outlet)", "Delta Herald"], "since": "2023-03-01", "until": "2024-05"},
    {"stories": ["Border"]},
]
MEASURE_NAMES = ["labels", "attribution", "scare_quotes", "violence_passives", "frames"]


@pytest.mark.parametrize("where", CHOICES)
def test_the_sql_counted_figures_equal_those_counted_from_every_hit_row(varied, where) -> None:
    from tests import coverage_reference as old

    new_cov, old_cov = load_coverage(varied), old.load_coverage(varied)
    pd.testing.assert_frame_equal(new_cov.articles, old_cov.articles)
    new_chosen, old_chosen = choose(new_cov, **where), choose(old_cov, **where)
    assert len(new_chosen) > 10
    same = pd.testing.assert_frame_equal
    outlets = sorted(new_chosen["outlet"].unique())
    for m in MEASURE_NAMES:  # per 1,000 words, bootstrap intervals and small-count flags alike
        same(rates(new_cov, new_chosen, m, resamples=200), old.rates(old_cov, old_chosen, m, resamples=200))
        same(totals(new_cov, new_chosen, m, resamples=200), old.totals(old_cov, old_chosen, m, resamples=200))
        same(trend(new_cov, new_chosen, m, resamples=200), old.trend(old_cov, old_chosen, m, resamples=200))
        same(key_counts(new_cov, new_chosen, m), old.key_counts(old_cov, old_chosen, m))
    for key in ("immigration", "neutral"):
        same(
            trend(new_cov, new_chosen, "labels" if key != "neutral" else "attribution", key, resamples=50),
            old.trend(old_cov, old_chosen, "labels" if key != "neutral" else "attribution", key, resamples=50),
        )
    assert len(rates(new_cov, new_chosen, "labels")) > 3
    same(label_choices(new_cov, new_chosen), old.label_choices(old_cov, old_chosen))
    same(
        label_grid(label_choices(new_cov, new_chosen), outlets),
        old.label_grid(old.label_choices(old_cov, old_chosen), outlets),
    )
    same(speaker_stances(new_cov, new_chosen), old.speaker_stances(old_cov, old_chosen))
    same(distinctive_terms(load_terms(varied), new_chosen), old.distinctive_terms(old.load_terms(varied), old_chosen))


@pytest.mark.parametrize(
    ("measure", "cell"),
    [
        ("labels", {"outlet": "Alpha Wire"}),
        ("label_choices", {"outlet": "Beta Post", "key": "immigration"}),
        ("attribution", {"key": "neutral"}),
        ("attribution", {"outlet": "Alpha Wire", "speaker": "officials"}),
        ("frames", {"outlet": "Gamma Times", "month": "2024-02"}),
        ("scare_quotes", {}),
        ("violence_passives", {"outlet": "Beta Post", "key": "killed"}),
    ],
)
def test_the_sentences_behind_a_cell_are_the_newest_of_those_counted_the_old_way(varied, measure, cell) -> None:
    from tests import coverage_reference as old

    new_cov, old_cov = load_coverage(varied), old.load_coverage(varied)
    every = old.cell_hits(old_cov, choose(old_cov), measure, **cell)
    assert len(every) > 3, "a cell with some hits"
    hits = cell_hits(new_cov, choose(new_cov), measure, **cell, limit=3)
    assert len(hits) == 3 and hits.attrs["total"] == len(every)  # "the newest 3 of N"
    pd.testing.assert_frame_equal(
        sentences_behind(varied, new_cov, hits, limit=3), old.sentences_behind(varied, old_cov, every, limit=3)
    )


def test_term_sentences_equal_the_old_way(varied) -> None:
    from tests import coverage_reference as old

    new_cov, old_cov = load_coverage(varied), old.load_coverage(varied)
    chosen = choose(new_cov, outlets=["Alpha Wire", "Beta Post"])
    term = distinctive_terms(load_terms(varied), chosen)["term"].iloc[0]
    pd.testing.assert_frame_equal(
        term_sentences(varied, load_terms(varied), chosen, term, outlet="Alpha Wire", limit=5),
        old.term_sentences(
            varied,
            old.load_terms(varied),
            choose(old_cov, outlets=["Alpha Wire", "Beta Post"]),
            term,
            outlet="Alpha Wire",
            limit=5,
        ),
    )


def test_a_new_coverage_reads_a_new_analysis(tmp_path: Path) -> None:
    """The counts are kept with a Coverage (one state of the library); one loaded after the library changed
    counts the new analysis (the page loads one per library state)."""
    with Library(tmp_path / "lib.db") as library:
        library.add_articles([Article(text=t, title=ti, outlet=o, published=d) for o, d, _s, ti, t in ARTICLES[:3]])
        engine = Analyzer(use_parser=False)
        analyse_library(library, engine, workers=0, progress=None)
        before = load_coverage(library)
        first = rates(before, choose(before), "labels")
        library.add_articles([Article(text="Illegal immigrants and illegal aliens crossed.", outlet="North Wire")])
        analyse_library(library, engine, workers=0, progress=None)
        assert rates(before, choose(before), "labels").equals(first)  # kept: this Coverage is the old state
        after = load_coverage(library)
        north = _row(rates(after, choose(after), "labels"), outlet="North Wire", key="immigration")
        assert north.hits == _row(first, outlet="North Wire", key="immigration").hits + 2


def test_the_common_form_from_counts_is_the_one_from_every_hit() -> None:
    from framing.corpus.coverage import _display

    rng = np.random.default_rng(2)
    forms = np.array(["Mayor", "mayor", "MAYOR", "Police", "police", "Ministry", "the Minister", "The minister"])
    keys = pd.Series(forms[rng.integers(0, len(forms), 300)])
    counts = pd.Series(rng.integers(1, 4, 300))
    every = _display(pd.Series(np.repeat(keys.to_numpy(), counts.to_numpy())))  # one row per hit, in order
    first_hit = np.r_[0, np.cumsum(counts.to_numpy())[:-1]]
    assert _display(keys, counts).tolist() == every.iloc[first_hit].tolist()
    tie = pd.Series(["Gaza", "GAZA", "gaza"])
    assert _display(tie, pd.Series([2, 2, 1])).tolist() == ["Gaza"] * 3  # a tie: the form met first
