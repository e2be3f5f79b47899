"""Command line: ``python -m framing compare|import|list``.

``compare PATH PATH [...] --format json|text [--out FILE]`` analyses articles side by side;
``import PATH... [--db FILE] [--valid-only]`` adds article files to the library, all or nothing (files
are read by ``ingest.parse_file``, except the library's own CSV/JSONL export, read back exactly);
``list [--db FILE] [--format json|text]`` shows what the library holds;
``report PATH PATH [...] --out FILE.html [--outlet NAME ...]`` writes a self-contained HTML report;
``corpus analyze|export|status`` analyses the whole library on Dask and stores, exports or counts the
analyses (:mod:`framing.corpus.command`).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from framing.analysis import compare
from framing.corpus import add_corpus_parsers, run_corpus_command
from framing.lexicons import LexiconError
from framing.library import (
    IngestError,
    Library,
    LibraryError,
    db_path,
    manifest_for,
    parse_file,
    read_export,
    read_path,
)
from framing.models import Article
from framing.render import to_dict, to_text
from framing.text import parser_status, word_count


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
    _library_parsers(sub)
    _report_parser(sub)
    add_corpus_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in LIBRARY_COMMANDS:
        return LIBRARY_COMMANDS[args.command](args)
    if args.command == "report":
        return _report(args)
    if args.command == "corpus":
        return run_corpus_command(args)
    try:
        articles = _read_articles(args.paths, args.outlet)
        how = parser_status()
        if not how.available:
            print(f"note: speakers found by word rules only (less accurate): {how.detail}", file=sys.stderr)
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


# ----------------------------------------------------------------------------------- the library


def _library_parsers(sub: argparse._SubParsersAction) -> None:
    db_help = "the library database (default: $FRAMING_DB, else data/library.db)"
    seed_help = "keep a new library empty: never add the seeds and bundled corpus to it"
    i = sub.add_parser("import", help="add article files to the library (all or nothing)")
    i.add_argument(
        "paths", nargs="+", metavar="PATH", help="files: .txt .md .html (one article), .json .csv .jsonl (one or many)"
    )
    i.add_argument("--db", metavar="FILE", help=db_help)
    i.add_argument("--valid-only", action="store_true", help="import the valid rows even if some rows have errors")
    i.add_argument("--no-seed", action="store_true", help=seed_help)
    ls = sub.add_parser("list", help="list the articles in the library")
    ls.add_argument("--db", metavar="FILE", help=db_help)
    ls.add_argument("--format", choices=("json", "text"), default="json")
    ls.add_argument("--outlet", help="only this outlet")
    ls.add_argument("--story", help="only this story")
    ls.add_argument("--search", help="only articles whose title or text contains this (any case)")
    ls.add_argument("--no-seed", action="store_true", help=seed_help)


def parse_paths(paths: Sequence[str]) -> tuple[list[Article], list[str], list[str], list[str]]:
    """Parse files with ingest: (valid articles, file errors, row errors, warnings), each message one line."""
    articles: list[Article] = []
    file_errors: list[str] = []
    row_errors: list[str] = []
    warnings: list[str] = []
    for path in paths:
        p = Path(path)
        try:
            if not p.exists():
                raise IngestError(f"{path}: no such file; check the path")
            if p.is_dir():
                raise IngestError(f"{path}: is a folder; give the article files inside it")
            data = p.read_bytes()
            export = read_export(data, p.name)
            if export is not None:  # the library's own export: read back exactly, meta and all
                articles += export[0]
                row_errors += export[1]
                continue
            parsed = parse_file(data, p.name, **manifest_for(p))
        except (IngestError, LibraryError) as exc:
            file_errors.append(str(exc))
            continue
        except OSError as exc:
            file_errors.append(f"{path}: cannot be read ({exc.strerror})")
            continue
        warnings += getattr(parsed, "warnings", [])
        for row in parsed.rows:
            warnings += getattr(row, "warnings", ())
            if row.error:  # ingest's messages name the file and row; say so here if one does not
                named = row.error.startswith(p.name)
                row_errors.append(row.error if named else f"{p.name}, row {row.row}: {row.error}")
            elif row.article is not None:
                articles.append(row.article)
    return articles, file_errors, row_errors, warnings


def _open(db: str | None, seed: bool) -> Library:
    """The library; a new one starts with the seeds and bundled corpus, or, with --no-seed, stays empty for good."""
    lib = Library(db)
    try:
        if not seed:
            lib.skip_seeding()
        elif lib.seed_if_new().added:
            print("a new library: added the seed articles and the bundled corpus", file=sys.stderr)
    except BaseException:
        lib.close()
        raise
    return lib


def import_paths(paths: Sequence[str], *, db: str | None = None, valid_only: bool = False, seed: bool = True) -> int:
    """``python -m framing import``: every file parsed first, then one transaction, or nothing at all."""
    articles, file_errors, row_errors, warnings = parse_paths(paths)
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    if file_errors or (row_errors and not valid_only):
        for line in [*file_errors, *row_errors]:
            print(f"error: {line}", file=sys.stderr)
        fix = "" if file_errors else "; fix those rows, or give --valid-only to import the valid ones"
        print(f"nothing imported{fix}", file=sys.stderr)
        return 2
    for line in row_errors:
        print(f"skipped: {line}", file=sys.stderr)
    try:
        with _open(db, seed) as lib:
            result = lib.add_articles(articles)
    except (LibraryError, sqlite3.Error, OSError) as exc:
        print(f"error: the library {db_path(db)}: {exc}", file=sys.stderr)
        return 2
    print(result.summary())
    return 0


def _import(args: argparse.Namespace) -> int:
    return import_paths(args.paths, db=args.db, valid_only=args.valid_only, seed=not args.no_seed)


def _list(args: argparse.Namespace) -> int:
    try:
        with _open(args.db, not args.no_seed) as lib:
            articles = lib.articles(outlet=args.outlet, story=args.story, search=args.search)
    except (LibraryError, sqlite3.Error, OSError) as exc:
        print(f"error: the library {db_path(args.db)}: {exc}", file=sys.stderr)
        return 2
    rows = [
        {
            "id": a.id,
            "outlet": a.outlet,
            "title": a.title,
            "story": a.story,
            "published": a.published,
            "language": a.language,
            "author": a.author,
            "url": a.url,
            "word_count": word_count(a.text),
            "illustrative": bool(a.meta.get("illustrative")),
            "added_at": a.added_at,
        }
        for a in articles
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rows:
            story = f"  [{r['story']}]" if r["story"] else ""
            sys.stdout.write(f"{r['id']}  {r['published'][:10]:<10}  {r['outlet'] or '-'}: {r['title']}{story}\n")
        sys.stdout.write(f"{len(rows)} articles\n")
    return 0


LIBRARY_COMMANDS = {"import": _import, "list": _list}


# ----------------------------------------------------------------------------------- the HTML report


def _report_parser(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("report", help="write a self-contained HTML report of a comparison (opens offline)")
    r.add_argument("paths", nargs="+", metavar="PATH", help="article files: .txt/.md (first line = title) or .json")
    r.add_argument("--out", required=True, metavar="FILE.html", help="the HTML file to write")
    r.add_argument(
        "--outlet",
        action="append",
        default=[],
        metavar="NAME",
        help="outlet of each file, in order (else the folder's manifest.json, if any)",
    )
    r.add_argument("--top-terms", type=int, default=15, help="distinctive terms per article (default 15)")


def _read_articles(paths: Sequence[str], outlet_names: Sequence[str]) -> list[Article]:
    """The article files of ``compare`` and ``report``, with at most one --outlet per file, in order."""
    if len(outlet_names) > len(paths):
        raise IngestError(f"{len(outlet_names)} --outlet values for {len(paths)} files; give at most one per file")
    outlets = list(outlet_names) + [""] * (len(paths) - len(outlet_names))
    return [read_path(path, outlet=outlet) for path, outlet in zip(paths, outlets)]


def _report(args: argparse.Namespace) -> int:
    from framing.render import render_report

    try:
        articles = _read_articles(args.paths, args.outlet)
        page = render_report(compare(articles, top_terms=args.top_terms))
        Path(args.out).write_text(page, encoding="utf-8")
    except (IngestError, LexiconError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
