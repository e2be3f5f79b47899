"""Analysing many articles on Dask workers gives exactly the one-by-one result, with the lexicons given."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import generate
from framing import Analyzer, Article
from framing.analysis.article import default_analyzer
from framing.analysis.logodds import log_odds
from framing.analysis.terms import distinctive_terms
from framing.corpus import analyze_corpus, analyze_many
from framing.corpus import many as batch
from framing.lexicons.overlay import apply_overlay
from framing.lexicons.overlay import shipped_lexicons as load_shipped
from framing.library.store import Library

OPINED = {
    "id": "user.opined",
    "term": "opined",
    "category": "distancing",
    "explain": "Presents what was said as a mere opinion.",
    "source": "A test.",
}


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return generate(3 * batch.MIN_PER_PROCESS, seed=5)


def test_processes_give_the_same_analyses_in_the_same_order(articles: list[Article]) -> None:
    serial = [default_analyzer().analyze(a) for a in articles]
    pooled = analyze_many(articles, workers=2)
    assert pooled == serial
    assert [p.article for p in pooled] == articles  # the caller's articles, not copies from a worker
    assert sum(len(p.hits) for p in pooled) > 1000


def test_workers_are_new_interpreters_with_their_own_hash_seed(articles: list[Article]) -> None:
    # A Dask worker is a new interpreter with its own string hash seed: equal results also show that
    # nothing in the analysis depends on the order of a set (see test_speakers' hash-seed test).
    some = articles[: 2 * batch.MIN_PER_PROCESS]
    assert analyze_many(some, workers=2) == [default_analyzer().analyze(a) for a in some]


def test_workers_use_the_analyzer_given_not_the_shipped_one(articles: list[Article], tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.save_overlay_entry("attribution", OPINED)
        lexicons = apply_overlay(load_shipped(), lib.overlay_entries())
    analyzer = Analyzer(lexicons)
    text = 'The minister opined that "progress" was made, the envoy said.'
    extra = [Article(text=f"{text} Paragraph {i}.\n\n{a.text}") for i, a in enumerate(articles)]
    pooled = analyze_many(extra, analyzer, workers=2)
    assert all(any(h.entry_id == "user.opined" for h in p.hits) for p in pooled)
    assert pooled == [analyzer.analyze(a) for a in extra]


def test_small_batches_and_one_process_stay_in_this_process(monkeypatch: pytest.MonkeyPatch, articles) -> None:
    def no_cluster(*_a, **_k):
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(batch, "dask_client", no_cluster)
    few = articles[: batch.MIN_PER_PROCESS]
    assert analyze_many(few, workers=4) == [default_analyzer().analyze(a) for a in few]
    assert len(analyze_many(articles, workers=1)) == len(articles)
    monkeypatch.setenv("FRAMING_PROCESSES", "1")
    assert batch.default_processes() == 1
    assert len(analyze_many(articles)) == len(articles)
    assert analyze_many([]) == []


def test_corpus_analysis_is_the_analyses_terms_and_log_odds_by_outlet(articles: list[Article]) -> None:
    result = analyze_corpus(articles, workers=2, top=10)
    texts = [a.text for a in articles]
    groups: dict[str, list[str]] = {}
    for a in articles:
        groups.setdefault(a.outlet, []).append(a.text)
    assert len(groups) >= 2
    assert result.analyses == [default_analyzer().analyze(a) for a in articles]
    assert result.terms == distinctive_terms(texts, top=10)
    assert result.log_odds == log_odds(groups)
    one = analyze_corpus(articles[:5], groups=["a", "a", "b", "b", "b"], workers=1)
    assert list(one.log_odds) == ["a", "b"]
    assert analyze_corpus(articles[:3], groups=["a"] * 3).log_odds == {}


def test_an_analysis_leaves_no_reference_cycles(articles: list[Article]) -> None:
    """What makes pausing the cyclic collector during a batch safe: nothing is left for it to find."""
    import gc

    analyzer = default_analyzer()
    hostile = [Article(text='"' * 500 + "\u202e" + "it's 'so-called' \"x\n" * 50), Article(text="")]
    gc.collect()
    gc.disable()
    try:
        kept = [analyzer.analyze(a) for a in articles + hostile]
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert kept


def test_the_collector_is_restored_after_a_batch(monkeypatch: pytest.MonkeyPatch, articles) -> None:
    import gc

    def broken(self, article):
        raise RuntimeError("analysis failed")

    assert gc.isenabled()
    analyze_many(articles[:3], workers=1)
    assert gc.isenabled()
    gc.disable()
    try:
        analyze_many(articles[:3], workers=1)
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
    monkeypatch.setattr(Analyzer, "analyze", broken)
    with pytest.raises(RuntimeError):
        analyze_many(articles[:3], workers=1)
    assert gc.isenabled()


@pytest.mark.parametrize(("n", "workers"), [(10_000, 2), (1_000, 8), (120, 2), (41, 2), (7, 3), (1, 4)])
def test_slices_cover_every_article_once_large_first(n: int, workers: int) -> None:
    bounds = batch.slice_bounds(n, workers)
    assert bounds[0][0] == 0 and bounds[-1][1] == n
    assert all(end == nxt for (_, end), (nxt, _) in zip(bounds, bounds[1:]))  # contiguous, in order
    sizes = [end - start for start, end in bounds]
    assert min(sizes) > 0
    assert sizes == sorted(sizes, reverse=True)  # ever smaller: the workers finish close together
    assert all(size >= batch.MIN_SLICE for size in sizes[:-1])  # only the rest may be smaller
    if n >= 4 * workers * batch.MIN_SLICE:
        assert sizes[0] <= -(-n // (2 * workers)) and len(bounds) > 2 * workers
