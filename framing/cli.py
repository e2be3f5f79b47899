"""Command line: ``python -m framing compare PATH PATH [...] --format json|text [--out FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .compare import compare
from .ingest import IngestError, read_path
from .lexicons import LexiconError
from .report import to_dict, to_text


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m framing", description="How news outlets frame the same event.")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("compare", help="analyse and compare two or more articles")
    c.add_argument("paths", nargs="+", metavar="PATH", help="article files: .txt/.md (first line = title) or .json")
    c.add_argument("--format", choices=("json", "text"), default="json")
    c.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    c.add_argument(
        "--outlet",
        action="append",
        default=[],
        metavar="NAME",
        help="outlet of each file, in order (else the folder's manifest.json, if any)",
    )
    c.add_argument("--top-terms", type=int, default=15, help="distinctive terms per article (default 15)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if len(args.outlet) > len(args.paths):
            raise IngestError(
                f"{len(args.outlet)} --outlet values for {len(args.paths)} files; give at most one per file"
            )
        outlets = list(args.outlet) + [""] * (len(args.paths) - len(args.outlet))
        articles = [read_path(path, outlet=outlet) for path, outlet in zip(args.paths, outlets)]
        result = compare(articles, top_terms=args.top_terms)
        output = json.dumps(to_dict(result), ensure_ascii=False, indent=2) if args.format == "json" else to_text(result)
        if args.out:
            Path(args.out).write_text(output + "\n", encoding="utf-8")
        else:
            sys.stdout.write(output + "\n")
    except (IngestError, LexiconError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0
