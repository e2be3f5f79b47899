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
    assert "corpus_ratio_vs_tfidf" in capsys.readouterr().out
