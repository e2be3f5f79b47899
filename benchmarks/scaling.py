"""How the engine's cost grows with text length: the seeds at 1x, 10x and 100x their length.

Run: ``python -m benchmarks.scaling [--repeat N]``. Prints a table: milliseconds per run (best of N,
warm: lexicons compiled and the first run discarded), milliseconds per 1,000 words, and the cost of
comparing the two seeds as the Compare page does (analysis of both plus distinctive terms).
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from framing import Article, compare, load_seeds
from framing.analysis.article import default_analyzer
from framing.text.document import word_count

FACTORS = (1, 10, 100)


def _best_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def run(repeat: int = 5) -> dict:
    seeds = load_seeds()
    analyzer = default_analyzer()
    base = "\n\n".join(a.text for a in seeds)
    rows = []
    for factor in FACTORS:
        article = Article(text="\n\n".join([base] * factor), title="scaled seeds", outlet="bench")
        ms = _best_ms(lambda a=article: analyzer.analyze(a), max(1, repeat // (1 if factor < 100 else 2)))
        words = word_count(article.text)
        rows.append(
            {"factor": factor, "words": words, "ms": round(ms, 2), "ms_per_1000_words": round(ms / words * 1000, 3)}
        )
    pair_ms = _best_ms(lambda: compare(seeds, analyzer=analyzer), repeat)
    return {
        "machine": f"{platform.machine()} {platform.processor() or ''} Python {platform.python_version()}".strip(),
        "scaling": rows,
        "seed_pair_compare_ms": round(pair_ms, 2),
        "linear": rows[-1]["ms_per_1000_words"] <= 2.0 * rows[0]["ms_per_1000_words"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    result = run(args.repeat)
    print(f"{'size':>6} {'words':>8} {'ms':>10} {'ms/1k words':>12}")
    for r in result["scaling"]:
        print(f"{str(r['factor']) + 'x':>6} {r['words']:>8} {r['ms']:>10.1f} {r['ms_per_1000_words']:>12.3f}")
    print(f"compare the two seeds (warm): {result['seed_pair_compare_ms']:.1f} ms (budget 300 ms)")
    print("growth: linear (cost per word at 100x within 2x of 1x)" if result["linear"] else "growth: NOT linear")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
