"""``python -m framing.eval polnear DIR`` and ``python -m framing.eval articles DIR``.

polnear DIR [--limit N] [--verbose] [--min-speaker X] [--min-quote-recall X] [--min-cue-recall X] [--json OUT]
    speaker accuracy, quote recall and cue recall on a PolNeAR split folder (``text/`` and
    ``attributions/``); exit 1 below any bar given, with a line naming it.
articles DIR [--judgements FILE] [--todo OUT.jsonl] [--add TODO.jsonl] [--min-precision X]
             [--min-frames-precision X] [--json OUT]
    precision per family on a folder of real articles (``manifest.json`` + ``texts/``) against the
    judgement file (default DIR/judgements.jsonl); ``--todo`` writes the hits not yet judged, with their
    context; ``--add`` appends the judged rows of such a file to the judgement file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.eval import judged, polnear


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m framing.eval", description="Evaluations anyone can rerun.")
    sub = p.add_subparsers(dest="command", required=True)
    pn = sub.add_parser("polnear", help="speaker accuracy, quote and cue recall on a PolNeAR split")
    pn.add_argument("split", type=Path, metavar="DIR", help="a PolNeAR split folder (text/, attributions/)")
    pn.add_argument("--limit", type=int, default=0, help="only the first N articles")
    pn.add_argument("--verbose", action="store_true", help="print the first 40 speaker errors")
    pn.add_argument("--min-speaker", type=float, help="exit 1 if speaker accuracy is below this (0-1)")
    pn.add_argument("--min-quote-recall", type=float, help="exit 1 if quote recall is below this (0-1)")
    pn.add_argument("--min-cue-recall", type=float, help="exit 1 if cue recall is below this (0-1)")
    pn.add_argument("--json", type=Path, metavar="OUT", help="write the figures here as JSON")
    pn.add_argument("--processes", type=int, help="worker processes (default: the machine's cores; 1 = none)")
    ar = sub.add_parser("articles", help="precision per family on real articles with a judgement file")
    ar.add_argument("folder", type=Path, metavar="DIR", help="a folder with manifest.json and texts/")
    ar.add_argument("--judgements", type=Path, metavar="FILE", help="default: DIR/judgements.jsonl")
    ar.add_argument("--todo", type=Path, metavar="OUT.jsonl", help="write the unjudged hits here, with context")
    ar.add_argument("--add", type=Path, metavar="TODO.jsonl", help="append the judged rows of this file")
    ar.add_argument("--min-precision", type=float, help="exit 1 if a family but frames is below this (0-1)")
    ar.add_argument("--min-frames-precision", type=float, help="exit 1 if frame cues are below this (0-1)")
    ar.add_argument("--json", type=Path, metavar="OUT", help="write the figures here as JSON")
    ar.add_argument("--processes", type=int, help="worker processes (default: the machine's cores; 1 = none)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return _polnear(args) if args.command == "polnear" else _articles(args)


def _write_json(path: Path | None, data: dict[str, Any]) -> None:
    if path is not None:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _polnear(args: argparse.Namespace) -> int:
    split: Path = args.split
    if not (split / "text").is_dir() or not (split / "attributions").is_dir():
        print(f"error: {split} is not a PolNeAR split folder (it needs text/ and attributions/)", file=sys.stderr)
        return 2
    began = time.perf_counter()
    score = polnear.score_split(split, limit=args.limit, processes=args.processes)
    seconds = time.perf_counter() - began
    if args.verbose:
        for err in score.errors[:40]:
            name, gold, got, content = err
            print(f"  {name:<40} gold={gold!r:<28} got={got!r:<24} {content!r}")
    for line in score.lines():
        print(line)
    print(f"({seconds:.1f} s)")
    _write_json(args.json, {"split": str(split), "seconds": round(seconds, 1), **score.to_dict()})
    bars = (
        ("speaker accuracy", score.speaker_accuracy, args.min_speaker),
        ("quote recall", score.quote_recall, args.min_quote_recall),
        ("cue recall", score.cue_recall, args.min_cue_recall),
    )
    failed = [f"FAIL: {name} {value:.1%} is below {bar:.0%}" for name, value, bar in bars if bar and value < bar]
    for line in failed:
        print(line)
    return 1 if failed else 0


def _articles(args: argparse.Namespace) -> int:
    from framing.eval.engine import analyse_files

    folder: Path = args.folder
    if not (folder / "manifest.json").is_file():
        print(f"error: {folder} has no manifest.json", file=sys.stderr)
        return 2
    jfile: Path = args.judgements or folder / "judgements.jsonl"
    _, statuses = judged.check_texts(folder)
    usable = [t for t in statuses if t.state == "ok"]
    bad = [t for t in statuses if t.state != "ok"]
    analyses = analyse_files([t.path for t in usable], processes=args.processes)
    analysed = [(t.sha256, [h.to_dict() for h in an.hits]) for t, an in zip(usable, analyses)]
    if args.add:
        current = {judged.hit_key(sha, h) for sha, hits in analysed for h in hits}
        rows = [json.loads(x) for x in args.add.read_text(encoding="utf-8").splitlines() if x.strip()]
        lines, problems = judged.judged_rows(rows, current)
        for line in problems:
            print(f"not added: {line}", file=sys.stderr)
        with jfile.open("a", encoding="utf-8") as fh:
            fh.writelines(x + "\n" for x in lines)
        print(f"added {len(lines)} judgements to {jfile}")
    report = judged.precision_report(analysed, judged.read_judgement_file(jfile), bad)
    if args.todo:
        texts = {t.sha256: (t.file, an.article.text) for t, an in zip(usable, analyses)}
        rows_out = [judged.todo_row(sha, *texts[sha], hit) for sha, hit in report.unjudged_hits]
        args.todo.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows_out), encoding="utf-8")
        print(f"wrote {len(rows_out)} unjudged hits to {args.todo}")
    for line in report.lines():
        print(line)
    _write_json(args.json, report.to_dict())
    failed = report.failures(args.min_precision, args.min_frames_precision)
    for line in failed:
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
