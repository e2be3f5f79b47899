"""How fast the library imports a bulk file: N generated articles of about 600 words from JSONL.

Run: ``python -m benchmarks.import_bench [--articles N]`` (default 10,000). The articles are generated
deterministically (a fixed seed), written to a temporary JSONL file (split into as few files as
ingest's per-file byte limit allows, all given to one import), and imported into a temporary
database through the same code path as ``python -m framing import`` (``framing.cli.import_paths``:
``ingest.parse_file``, then one ``Library.add_articles`` transaction). Prints the time, split into
parsing and storing, and articles per second. The target is under 30 s for 10,000 articles. A second
import of the same file is timed too: every article is then a duplicate.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import platform
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from framing.cli import import_paths
from framing.library import ingest
from framing.library.store import Library

WORDS = (
    "the minister said talks would resume on monday after officials from both sides met in the capital "
    "according to a statement released late on sunday the agency reported that negotiators had made "
    "progress but warned that key issues remained unresolved critics claimed the deal was a concession "
    "while supporters insisted it offered the only path to stability in the region residents described "
    "scenes of chaos as protesters gathered outside the parliament building and police responded with "
    "tear gas witnesses told reporters the army had fired warning shots before the crowd dispersed"
).split()
OUTLETS = ("Northern Ledger", "The Courier", "Harbour Times", "Valley Post", "Wire Service")
TARGET_S = 30.0


def generate(n: int, *, words: int = 600, seed: int = 20240301) -> list[dict[str, str]]:
    """``n`` distinct articles of ``words`` words each, the same for the same seed."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        body = " ".join(rng.choice(WORDS) for _ in range(words - 8))
        title = f"Report {i}: " + " ".join(rng.choice(WORDS) for _ in range(6))
        paragraphs = [body[j : j + 700] for j in range(0, len(body), 700)]
        records.append(
            {
                "title": title,
                "outlet": OUTLETS[i % len(OUTLETS)],
                "published": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                "language": "en",
                "story": f"Story {i % 200}",
                "text": title + "\n\n" + "\n\n".join(p.strip() for p in paragraphs) + f"\n\n(article {i})",
            }
        )
    return records


def write_parts(records: list[dict[str, str]], folder: Path) -> list[Path]:
    """JSONL files of the records, one file if it fits under ingest's per-file limit, else as few as needed."""
    lines = [(json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8") for r in records]
    parts: list[list[bytes]] = [[]]
    size = 0
    for line in lines:
        if parts[-1] and size + len(line) > ingest.MAX_BULK_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(line)
        size += len(line)
    paths = []
    for i, part in enumerate(parts, 1):
        path = folder / (f"articles-{i}.jsonl" if len(parts) > 1 else "articles.jsonl")
        path.write_bytes(b"".join(part))
        paths.append(path)
    return paths


def _timed_import(paths: list[Path], db: Path) -> tuple[float, str]:
    out = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(out):
        rc = import_paths([str(p) for p in paths], db=str(db), seed=False)
    elapsed = time.perf_counter() - t0
    if rc != 0:
        raise SystemExit(f"import failed with status {rc}")
    return elapsed, out.getvalue().strip()


def run(n: int) -> dict:
    t0 = time.perf_counter()
    records = generate(n)
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        paths = write_parts(records, Path(tmp))
        generate_s = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in paths)
        t1 = time.perf_counter()
        parsed = [ingest.parse_file(p.read_bytes(), p.name) for p in paths]
        parse_s = time.perf_counter() - t1
        assert sum(len(r.articles) for r in parsed) == n and all(r.ok for r in parsed)
        with Library(Path(tmp) / "store-only.db") as lib:
            t2 = time.perf_counter()
            lib.add_articles([a for r in parsed for a in r.articles])
            store_s = time.perf_counter() - t2
        db = Path(tmp) / "library.db"
        total_s, summary = _timed_import(paths, db)
        again_s, again = _timed_import(paths, db)
        with Library(db) as lib:
            count = lib.count()
        db_bytes = db.stat().st_size
    words = sum(len(r["text"].split()) for r in records) / max(n, 1)
    return {
        "articles": n,
        "mean_words": round(words),
        "jsonl_mb": round(size / 1e6, 1),
        "jsonl_files": len(paths),
        "db_mb": round(db_bytes / 1e6, 1),
        "generate_s": round(generate_s, 2),
        "parse_s": round(parse_s, 2),
        "import_s": round(total_s, 2),
        "store_s": round(store_s, 2),
        "articles_per_s": round(n / total_s),
        "first": summary,
        "reimport_s": round(again_s, 2),
        "second": again,
        "stored": count,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "machine": platform.machine(),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.import_bench", description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000, help="how many articles to generate (default 10,000)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = p.parse_args(argv)
    r = run(args.articles)
    if args.json:
        print(json.dumps(r, indent=2))
        return 0
    files = f" in {r['jsonl_files']} files, each under ingest's per-file limit" if r["jsonl_files"] > 1 else ""
    print(f"{r['articles']:,} articles of ~{r['mean_words']} words ({r['jsonl_mb']} MB of JSONL{files})")
    rate = f"{r['articles_per_s']:,} articles/s"
    print(f"  import (parse + store, as the CLI): {r['import_s']:.2f} s  = {rate}  [{r['first']}]")
    print(
        f"    alone: parsing (ingest.parse_file) {r['parse_s']:.2f} s, storing (one transaction) {r['store_s']:.2f} s"
    )
    print(f"  importing the same file again:      {r['reimport_s']:.2f} s  [{r['second']}]")
    print(f"  database: {r['db_mb']} MB, {r['stored']:,} articles; generating the file took {r['generate_s']:.2f} s")
    verdict = "within" if r["import_s"] < TARGET_S else "OVER"
    print(f"  target: under {TARGET_S:.0f} s for 10,000 articles: {verdict}")
    print(f"  Python {r['python']}, SQLite {r['sqlite']}, {r['machine']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
