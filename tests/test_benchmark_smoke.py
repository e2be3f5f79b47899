"""The speed benchmark runs end to end on a small corpus and reports every figure (no timing assertions)."""

from __future__ import annotations

import json

from benchmarks.__main__ import BUDGETS, measure, print_table
from benchmarks.corpus import generate


def test_corpus_is_deterministic_and_news_sized() -> None:
    a, b = generate(5), generate(5)
    assert [x.text for x in a] == [x.text for x in b]
    assert all(500 <= len(x.text.split()) <= 900 for x in a)
    assert len({x.text for x in generate(20)}) == 20


def test_measure_reports_every_figure(capsys) -> None:
    r = measure(20, browser=False, pair_repeat=1)
    for key in BUDGETS:
        assert key in r and key in r["budgets"]
    assert r["corpus_ratio_vs_tfidf"] > 0
    assert r["pair_compare_ms"] > 0
    assert r["peak_memory_mb"] > 0
    assert r["tfidf_s"] > 0 and r["analysis_s"] > 0 and r["tone_s"] > 0
    one = r["one_process"]
    assert one["articles_s"] > 0 and one["terms_and_log_odds_s"] > 0 and one["corpus_ratio_vs_tfidf"] > 0
    assert r["processes"] >= 1
    assert len(r["analysis_runs_s"]) == 2 and r["analysis_s"] == min(r["analysis_runs_s"])
    assert r["cold_start_s"] is None and r["cold_start_note"]
    assert r["budgets"]["cold_start_s"]["pass"] is None
    assert r["articles"] == 20 and r["words"] > 20 * 500
    assert r["hits"] > 0 and r["quotes"] > 0 and r["log_odds_scores"] > 0
    # every lexicon family is exercised by the generated articles
    families = {"attribution", "scare_quotes", "labels", "hedges", "loaded_language", "agency", "frames"}
    assert set(r["families_hit"]) >= families
    assert r["machine"]["cores"] and r["machine"]["python"]
    json.dumps(r)  # what results.json holds
    print_table(r)
    out = capsys.readouterr().out
    assert "corpus_ratio_vs_tfidf" in out


def test_cold_start_is_the_median_of_its_runs_sharing_one_new_cache(monkeypatch) -> None:
    import benchmarks.__main__ as bench

    seen: list[str | None] = []
    times = iter([7.0, 3.0, 4.0])

    def fake(timeout: float = 120.0, *, cache_dir: str | None = None):
        seen.append(cache_dir)
        return next(times), "server healthy after 1.00 s"

    monkeypatch.setattr(bench, "cold_start_s", fake)
    median, runs, note = bench.cold_starts(3)
    assert (median, runs) == (4.0, [7.0, 3.0, 4.0])
    assert len(set(seen)) == 1 and seen[0] is not None  # one cache folder for all runs, made for them
    assert "median of 3" in note and "empty lexicon cache" in note


def test_a_failed_cold_start_is_reported_not_averaged_away(monkeypatch) -> None:
    import benchmarks.__main__ as bench

    results = iter([(3.0, "ok"), (None, "streamlit exited with code 1"), (3.0, "ok")])
    monkeypatch.setattr(bench, "cold_start_s", lambda timeout=120.0, *, cache_dir=None: next(results))
    median, runs, note = bench.cold_starts(3)
    assert median is None and runs == [3.0] and note == "streamlit exited with code 1"


def test_the_corpus_benchmark_runs_and_reports_its_goals() -> None:
    from benchmarks.corpus_dask import run

    r = run(6, use_parser=False)
    assert r["articles"] == 6 and r["words"] > 100
    for key in ("workers_1", "workers_2"):
        assert r[key]["seconds"] > 0 and r[key]["words_per_s"] > 0
        assert r[key]["rerun_unchanged_s"] < r[key]["seconds"]  # nothing analysed again
    assert r["bare_spacy"]["words_per_s"] > 0
    assert set(r["goals"]) == {"one_worker_vs_spacy", "speedup_1_to_2", "rerun_share"}
