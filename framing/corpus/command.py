"""``python -m framing corpus analyze|export|status``: the library's analyses, made on Dask and stored."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from framing.analysis import Analyzer
from framing.corpus.export import FORMATS, export
from framing.corpus.rows import version_of
from framing.corpus.run import analyse_library
from framing.corpus.touched import carry_forward
from framing.lexicons import LexiconError, apply_overlay, load_shipped
from framing.library import Library, LibraryError, db_path

DB_HELP = "the library database (default: $FRAMING_DB, else data/library.db)"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("corpus", help="analyse the whole library on Dask and store the analyses; export them")
    corpus = c.add_subparsers(dest="corpus_command", required=True)
    a = corpus.add_parser("analyze", help="analyse every new or stale article of the library and store it")
    a.add_argument("--db", metavar="PATH", help=DB_HELP)
    where = a.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=2, metavar="N", help="local Dask worker processes (default 2)")
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    a.add_argument("--batch", type=int, default=20, metavar="N", help="articles per task (default 20)")
    a.add_argument("--no-parser", action="store_true", help="speakers by word rules only (faster, less accurate)")
    a.add_argument("--quiet", action="store_true", help="no progress bar")
    e = corpus.add_parser("export", help="write the stored analyses: one row per article, per hit, per quotation")
    e.add_argument("--db", metavar="PATH", help=DB_HELP)
    e.add_argument("--format", choices=FORMATS, default="parquet")
    e.add_argument("--out", required=True, metavar="DIR", help="the folder to write articles, hits and quotes into")
    s = corpus.add_parser("status", help="how many articles have a current, a stale or no stored analysis")
    s.add_argument("--db", metavar="PATH", help=DB_HELP)
    s.add_argument("--no-parser", action="store_true", help="the status for analyses made without the parser")


def run(args: argparse.Namespace) -> int:
    try:
        with Library(args.db) as lib:
            if lib.seed_if_new().added:
                print("a new library: added the seed articles and the bundled corpus", file=sys.stderr)
            if args.corpus_command == "export":
                written = export(lib, args.out, args.format)
                print(", ".join(f"{name}: {n:,} rows" for name, n in written.items()) + f" in {args.out}")
                return 0
            analyzer = Analyzer(_lexicons(lib), use_parser=not args.no_parser)
            if args.corpus_command == "status":
                carried = carry_forward(lib, analyzer)
                st = lib.analysis_status(version_of(analyzer).key)
                print(
                    f"{st['articles']:,} articles: {st['current']:,} analysed with the lexicons, code and parser "
                    f"in use; {st['stale']:,} stale; {st['missing']:,} never analysed"
                )
                if carried.kept or carried.touched:
                    print(
                        f"a lexicon edit: {carried.touched:,} stored analyses it touches are stale; "
                        f"{carried.kept:,} it cannot change were kept"
                    )
                return 0
            if args.workers < 0 or args.batch < 1:
                print("error: --workers must be 0 or more and --batch 1 or more", file=sys.stderr)
                return 2
            summary = analyse_library(
                lib,
                analyzer,
                workers=args.workers,
                scheduler=args.scheduler,
                batch=args.batch,
                progress=None if args.quiet else sys.stderr,
                dashboard=not args.quiet,
            )
    except (LibraryError, LexiconError, sqlite3.Error, OSError, ValueError) as exc:
        print(f"error: the library {db_path(args.db)}: {exc}", file=sys.stderr)
        return 2
    print(summary.text())
    return 130 if summary.interrupted else (1 if summary.failed else 0)


def _lexicons(lib: Library):
    """The shipped lexicons with the library's own edits (the Lexicons page's overlay) applied."""
    return apply_overlay(load_shipped(), lib.overlay_entries())
