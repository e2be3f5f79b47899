"""The speed benchmark: the whole analysis of a generated corpus against bare TF-IDF, and three budgets.

Run: ``python -m benchmarks [--articles N] [--profile FILE] [--no-browser]`` (default 10,000 articles
of about 600 words, generated deterministically by :mod:`benchmarks.corpus`). Prints a table and
writes ``benchmarks/results.json``.

(a) ``corpus_ratio_vs_tfidf``: the whole analysis of the corpus — every lexicon family (attribution,
    scare quotes, labels, hedges, loaded language, agency with its passive rule, frames), quotations,
    speakers, TF-IDF distinctive terms over the corpus and log-odds by outlet over the corpus — divided
    by the time of a bare ``TfidfVectorizer().fit_transform`` over the same texts in the same run.
    Budget: at most 3. The faster of two runs (``analysis_runs_s``), as the TF-IDF is the fastest of
    three. Timed as the product runs it (:func:`framing.corpus.analyze_corpus`: articles
    analysed in one worker process per core while the parent counts the terms); the same work in one
    process is reported beside it as ``one_process`` (with its own ratio), so a reader sees both what
    the cores buy and what the engine costs. Tone (VADER per sentence) is timed apart, as ``tone_s``.
(b) ``pair_compare_ms``: ``framing.analysis.comparison`` on two articles of about 1,500 words, warm, best of 5.
    Budget: under 150 ms.
(c) ``cold_start_s``: ``streamlit run app.py`` (headless, a free 127.0.0.1 port, FRAMING_DB a new
    temporary file) until Chromium, driven by Playwright, shows ``mark.fr-scare_quotes``; the median of
    ``--cold-runs`` starts (default 3; each in ``cold_start_runs_s``), the first of them with an empty
    lexicon cache (FRAMING_CACHE_DIR a new folder), as on a first start ever. Budget: under 5 s.
    ``null`` with a reason when Chromium or Playwright is missing.
(d) ``peak_memory_mb``: peak resident memory of this process (``ru_maxrss``) after the corpus analysis,
    with every analysis kept in memory. Budget: under 1,500 MB.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from framing import compare
from framing.analysis.article import default_analyzer
from framing.analysis.corpus_terms import corpus_terms
from framing.analysis.tone import sentence_tones
from framing.corpus.many import MIN_PER_PROCESS, analyze_corpus, analyze_many, default_processes

from .chromium import CHROMIUM, CHROMIUM_ARGS
from .corpus import generate

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results.json"
BUDGETS = {
    "corpus_ratio_vs_tfidf": 3.0,
    "pair_compare_ms": 150.0,
    "cold_start_s": 5.0,
    "peak_memory_mb": 1500.0,
}


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        mem_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS; for RUSAGE_CHILDREN, the largest child's.
    rss = resource.getrusage(who).ru_maxrss
    return rss / (2**20 if sys.platform == "darwin" else 2**10)


def analyse_corpus(articles, processes: int | None = None) -> dict:
    """The whole analysis of the corpus: per article, then TF-IDF terms and log-odds over all of it.

    ``processes=1``: one process, one part after the other, each part timed. Otherwise
    :func:`framing.corpus.analyze_corpus` as the product runs it: the articles analysed on Dask workers
    (one per core) while this process counts the terms; only the total is meaningful then.
    """
    if processes != 1:
        t0 = time.perf_counter()
        whole = analyze_corpus(articles, workers=processes)
        total = time.perf_counter() - t0
        return {
            "analyses": whole.analyses,
            "terms": whole.terms,
            "log_odds": whole.log_odds,
            "total_s": total,
            "processes": min(processes or default_processes(), max(1, len(articles) // MIN_PER_PROCESS)),
        }
    analyzer = default_analyzer()
    texts = [a.text for a in articles]
    t0 = time.perf_counter()
    analyses = analyze_many(articles, analyzer, workers=1)
    t1 = time.perf_counter()
    terms, scores = corpus_terms(texts, [a.outlet for a in articles], top=15)
    t2 = time.perf_counter()
    return {
        "analyses": analyses,
        "terms": terms,
        "log_odds": scores,
        "articles_s": t1 - t0,
        "terms_and_log_odds_s": t2 - t1,
        "total_s": t2 - t0,
        "processes": 1,
    }


def bare_tfidf_s(texts: list[str], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        TfidfVectorizer().fit_transform(texts)
        best = min(best, time.perf_counter() - t0)
    return best


def pair_compare_ms(repeat: int = 5) -> tuple[float, int]:
    a, b = generate(2, words=1500, seed=7)
    analyzer = default_analyzer()
    compare([a, b], analyzer=analyzer)  # warm-up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        compare([a, b], analyzer=analyzer)
        best = min(best, time.perf_counter() - t0)
    words = (len(a.text.split()) + len(b.text.split())) // 2
    return best * 1000, words


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cold_starts(runs: int = 3) -> tuple[float | None, list[float], str]:
    """The median of ``runs`` cold starts, each run, and a note.

    One start on a shared machine can be a second off either way, so the figure is a median. The runs share
    a new lexicon cache folder: the first run is a first start ever (the YAML is parsed and cached), the
    others start as every later start does. None and the reason if any run failed.
    """
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="framing-bench-cache-") as cache:
        for _ in range(runs):
            seconds, note = cold_start_s(cache_dir=cache)
            if seconds is None:
                return None, times, note
            times.append(seconds)
    first = "the first with an empty lexicon cache"
    return statistics.median(times), times, f"median of {runs}, {first}; last run: {note}"


def cold_start_s(timeout: float = 120.0, *, cache_dir: str | None = None) -> tuple[float | None, str]:
    """Seconds from ``streamlit run`` to a rendered comparison in Chromium, or None and the reason."""
    if not Path(CHROMIUM).exists():
        return None, f"{CHROMIUM} missing (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, "playwright not installed"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        env = {**os.environ, "FRAMING_DB": str(Path(tmp) / "library.db")}
        if cache_dir is not None:
            env["FRAMING_CACHE_DIR"] = cache_dir
        with sync_playwright() as p:
            # The browser is launched before the clock starts: what is timed is the app, not Chromium's own start.
            browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    "app.py",
                    "--server.headless",
                    "true",
                    "--server.port",
                    str(port),
                    "--server.address",
                    "127.0.0.1",
                    "--browser.gatherUsageStats",
                    "false",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                deadline = t0 + timeout
                while True:
                    if proc.poll() is not None:
                        return None, f"streamlit exited with code {proc.returncode}"
                    try:
                        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                            if r.status == 200:
                                break
                    except OSError:
                        time.sleep(0.05)
                    if time.perf_counter() > deadline:
                        return None, "streamlit did not become healthy"
                healthy = time.perf_counter() - t0
                page.goto(url)
                remaining = max(1.0, deadline - time.perf_counter())
                page.wait_for_selector("mark.fr-scare_quotes", state="visible", timeout=remaining * 1000)
                elapsed = time.perf_counter() - t0
                return elapsed, f"server healthy after {healthy:.2f} s"
            except Exception as exc:  # a timeout or a crash of the page is a result, not a benchmark crash
                return None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
            finally:
                browser.close()
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()


def measure(
    articles: int = 10_000,
    *,
    browser: bool = True,
    profile: str | None = None,
    pair_repeat: int = 5,
    cold_runs: int = 3,
) -> dict:
    """Every figure of the benchmark, as a dict (what ``results.json`` holds)."""
    load_start = [round(x, 2) for x in os.getloadavg()]
    t_gen = time.perf_counter()
    corpus = generate(articles)
    gen_s = time.perf_counter() - t_gen
    texts = [a.text for a in corpus]
    words = sum(len(t.split()) for t in texts)

    # Warm: lexicons compiled, Punkt and sklearn imported, so neither side pays a one-off cost.
    analyzer = default_analyzer()
    analyzer.analyze(corpus[0])
    sentence_tones(corpus[0].text)
    TfidfVectorizer().fit_transform(texts[:10])
    gc.collect()

    tfidf_s = bare_tfidf_s(texts, repeat=2)
    # The whole analysis twice, the faster counted, as the bare TF-IDF is the fastest of its runs: on a
    # machine whose speed wanders, one run against the best of three would measure luck as much as code.
    analysis_runs = []
    for run in range(2):
        whole = analyse_corpus(corpus)
        analysis_runs.append(whole["total_s"])
        if run == 0:
            peak_mb = _peak_rss_mb()
            workers_mb = _peak_rss_mb(resource.RUSAGE_CHILDREN)
            hits = sum(len(an.hits) for an in whole["analyses"])
            quotes = sum(len(an.quotes) for an in whole["analyses"])
            families = sorted({h.family for an in whole["analyses"] for h in an.hits})
            log_odds_terms = sum(len(v) for v in whole["log_odds"].values())
            processes = whole["processes"]
        del whole
        gc.collect()
    total_s = min(analysis_runs)
    tfidf_mid_s = bare_tfidf_s(texts)
    # The same work in one process, each part timed: what a machine with one core would see.
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        one = analyse_corpus(corpus, processes=1)
        prof.disable()
        prof.dump_stats(profile)
    else:
        one = analyse_corpus(corpus, processes=1)
    parts = {k: one[k] for k in ("articles_s", "terms_and_log_odds_s", "total_s")}
    del one
    gc.collect()
    tfidf_after_s = bare_tfidf_s(texts)  # again, to see how much the load moved during the run
    tfidf_ref = min(tfidf_s, tfidf_mid_s, tfidf_after_s)

    t0 = time.perf_counter()
    for t in texts:
        sentence_tones(t)
    tone_s = time.perf_counter() - t0

    pair_ms, pair_words = pair_compare_ms(pair_repeat)
    if browser:
        cold, cold_runs, cold_note = cold_starts(cold_runs)
    else:
        cold, cold_runs, cold_note = None, [], "skipped (--no-browser)"

    result = {
        "articles": articles,
        "words": words,
        "words_per_article": round(words / max(1, articles)),
        "generate_s": round(gen_s, 3),
        "tfidf_s": round(tfidf_ref, 4),
        "tfidf_runs_s": [round(tfidf_s, 4), round(tfidf_mid_s, 4), round(tfidf_after_s, 4)],
        "analysis_s": round(total_s, 3),
        "analysis_runs_s": [round(x, 3) for x in analysis_runs],
        "processes": processes,
        "corpus_ratio_vs_tfidf": round(total_s / tfidf_ref, 2),
        "one_process": {
            "analysis_s": round(parts["total_s"], 3),
            "articles_s": round(parts["articles_s"], 3),
            "terms_and_log_odds_s": round(parts["terms_and_log_odds_s"], 3),
            "ms_per_article": round(parts["articles_s"] / max(1, articles) * 1000, 3),
            "corpus_ratio_vs_tfidf": round(parts["total_s"] / tfidf_ref, 2),
        },
        "tone_s": round(tone_s, 3),
        "pair_compare_ms": round(pair_ms, 2),
        "pair_words_per_article": pair_words,
        "cold_start_s": None if cold is None else round(cold, 3),
        "cold_start_runs_s": [round(x, 3) for x in cold_runs],
        "cold_start_note": cold_note,
        "peak_memory_mb": round(peak_mb, 1),
        "peak_memory_worker_mb": round(workers_mb, 1) if processes > 1 else None,
        "hits": hits,
        "quotes": quotes,
        "families_hit": families,
        "log_odds_scores": log_odds_terms,
        "machine": {**machine(), "load_average_start": load_start},
    }
    result["budgets"] = {
        key: {
            "budget": limit,
            "value": result[key],
            "pass": None if result[key] is None else result[key] <= limit,
        }
        for key, limit in BUDGETS.items()
    }
    return result


def print_table(r: dict) -> None:
    m = r["machine"]
    print(
        f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, load {m['load_average']}"
    )
    print(
        f"corpus: {r['articles']:,} articles, {r['words']:,} words ({r['words_per_article']} per article), "
        f"{r['hits']:,} hits, {r['quotes']:,} quotations, families {', '.join(r['families_hit'])}"
    )
    one = r["one_process"]
    print(f"bare TfidfVectorizer().fit_transform: {r['tfidf_s']:.3f} s (runs {r['tfidf_runs_s']})")
    print(
        f"whole analysis, {r['processes']} process(es) as the product runs it: {r['analysis_s']:.3f} s "
        f"(runs {r['analysis_runs_s']})"
    )
    print(
        f"whole analysis, one process: {one['analysis_s']:.3f} s = articles {one['articles_s']:.3f} s "
        f"({one['ms_per_article']:.2f} ms each) + TF-IDF terms and log-odds {one['terms_and_log_odds_s']:.3f} s; "
        f"ratio {one['corpus_ratio_vs_tfidf']:g}x"
    )
    print(f"tone (VADER, apart): {r['tone_s']:.3f} s")
    print()
    print(f"{'measure':<26} {'value':>12} {'budget':>10}  result")
    units = {"corpus_ratio_vs_tfidf": "x", "pair_compare_ms": " ms", "cold_start_s": " s", "peak_memory_mb": " MB"}
    for key, b in r["budgets"].items():
        value = "null" if b["value"] is None else f"{b['value']:g}{units[key]}"
        verdict = "n/a" if b["pass"] is None else ("pass" if b["pass"] else "FAIL")
        print(f"{key:<26} {value:>12} {'<= ' + format(b['budget'], 'g') + units[key]:>10}  {verdict}")
    if r["cold_start_s"] is None or r.get("cold_start_note"):
        runs = ", ".join(f"{x:g} s" for x in r.get("cold_start_runs_s", []))
        print(f"cold start: {r['cold_start_note']}" + (f" (runs: {runs})" if runs else ""))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10,000)")
    parser.add_argument("--no-browser", action="store_true", help="skip the cold start in Chromium")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts to take the median of (default 3)")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the corpus analysis into FILE and print the top")
    parser.add_argument("--out", metavar="FILE", default=str(RESULTS), help="where to write the JSON figures")
    args = parser.parse_args(argv)
    if args.cold_runs < 1:
        parser.error("--cold-runs must be at least 1")
    result = measure(args.articles, browser=not args.no_browser, profile=args.profile, cold_runs=args.cold_runs)
    print_table(result)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    if args.profile:
        print()
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
