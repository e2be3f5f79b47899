"""framing.eval.judged and ``python -m framing.eval articles``: precision per family against judgements,
unjudged and stale hits, and texts whose SHA-256 no longer matches the manifest (invented texts only)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from framing.eval import judged
from framing.eval.__main__ import main
from framing.eval.judged import Key, load_judgements, precision_report


def hit(family: str, start: int, end: int, entry: str = "e") -> dict:
    return {"family": family, "category": "c", "entry_id": entry, "start": start, "end": end, "text": "w"}


def line(sha: str, h: dict, verdict: str) -> str:
    return json.dumps({"sha256": sha, **h, "verdict": verdict, "note": ""})


def test_precision_per_family_unjudged_and_stale() -> None:
    hits_a = [hit("labels", 0, 4), hit("labels", 10, 14), hit("frames", 20, 24), hit("hedges", 30, 34)]
    hits_b = [hit("labels", 0, 4)]
    lines = [
        line("A", hits_a[0], "right"),
        line("A", hits_a[1], "wrong"),
        line("A", hits_a[2], "right"),
        line("B", hits_b[0], "wrong"),
        line("B", hits_b[0], "right"),  # a later line for the same hit wins
        line("A", hit("labels", 40, 44), "right"),  # a hit the engine no longer reports
        line("A", hit("frames", 20, 24, entry="other"), "wrong"),  # same span, another entry: another hit
    ]
    report = precision_report([("A", hits_a), ("B", hits_b)], load_judgements(lines))
    labels = report.families["labels"]
    assert (labels.right, labels.wrong, labels.unjudged) == (2, 1, 0)
    assert labels.precision == pytest.approx(2 / 3)
    assert report.families["frames"].precision == 1.0
    assert report.families["hedges"].precision is None and report.families["hedges"].unjudged == 1
    assert report.stale == 2
    assert [h for _, h in report.unjudged_hits] == [hits_a[3]]
    # frames has its own bar; a family with nothing judged is never reported as failing
    assert report.failures(0.95, 0.85) == ["FAIL: labels precision 66.7% is below 95%"]
    assert report.failures(0.5, 1.01) == ["FAIL: frames precision 100.0% is below 101%"]
    assert report.failures(None, None) == []


def test_frames_bar_applies_to_frames_only() -> None:
    hits_a = [hit("frames", 0, 4), hit("frames", 5, 9), hit("agency", 10, 14)]
    lines = [line("A", hits_a[0], "right"), line("A", hits_a[1], "wrong"), line("A", hits_a[2], "right")]
    report = precision_report([("A", hits_a)], load_judgements(lines))
    assert report.failures(0.95, 0.85) == ["FAIL: frames precision 50.0% is below 85%"]
    assert report.failures(0.95, 0.5) == []


def test_judgement_lines_are_checked() -> None:
    with pytest.raises(ValueError, match="line 1: verdict"):
        load_judgements([json.dumps({"sha256": "A", **hit("labels", 0, 1), "verdict": "maybe"})])
    assert load_judgements(["", "  "]) == {}
    key = next(iter(load_judgements([line("A", hit("labels", 3, 5, "x"), "right")])))
    assert key == Key("A", "labels", 3, 5, "x")


def test_context_is_short_and_on_one_line() -> None:
    text = "word " * 50 + "TARGET\nnext " + "word " * 50
    s = text.index("TARGET")
    c = judged.context(text, s, s + 6)
    assert "TARGET" in c and len(c) <= 80 and "\n" not in c
    assert judged.context("short TARGET", 6, 12) == "short TARGET"


def test_todo_rows_must_match_a_current_hit() -> None:
    current = {Key("A", "labels", 0, 4, "e")}
    rows = [
        {"sha256": "A", **hit("labels", 0, 4), "verdict": "right", "context": "ctx", "sentence": "long"},
        {"sha256": "A", **hit("labels", 9, 12), "verdict": "wrong"},  # no such hit now
        {"sha256": "A", **hit("labels", 0, 4), "verdict": "perhaps"},
        {"sha256": "A", **hit("labels", 0, 4), "verdict": None},  # not judged yet: left for later
    ]
    lines, problems = judged.judged_rows(rows, current)
    assert len(lines) == 1 and len(problems) == 2
    added = json.loads(lines[0])
    assert list(added) == list(judged.JUDGEMENT_FIELDS) and "sentence" not in added


# ------------------------------------------------------------------------------------ the command, end to end

ARTICLES = {
    "one.txt": "Strikes hit the town\n\nThe army said the strike was allegedly aimed at militants. "
    "Officials claimed the \u201cterrorists\u201d were killed.\n",
    "two.txt": "A quiet day\n\nNothing happened, the mayor said, and the council met.\n",
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "realnews"
    (folder / "texts").mkdir(parents=True)
    rows = []
    for name, text in ARTICLES.items():
        (folder / "texts" / name).write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        rows.append({"file": name, "event": "e", "outlet": "o", "url": "u", "date": "d", "leaning": "neutral",
                     "sha256": sha})  # fmt: skip
    (folder / "manifest.json").write_text(json.dumps({"articles": rows}), encoding="utf-8")
    return folder


def test_articles_command_todo_add_report_and_changed_text(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = _folder(tmp_path)
    todo = tmp_path / "todo.jsonl"
    jfile = folder / "judgements.jsonl"
    assert main(["articles", str(folder), "--todo", str(todo), "--processes", "1"]) == 0
    rows = [json.loads(x) for x in todo.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["verdict"] is None and r["context"] for r in rows)
    assert {r["file"] for r in rows} >= {"one.txt"}
    # judge them all: attribution hits wrong, the rest right
    for r in rows:
        r["verdict"] = "wrong" if r["family"] == "attribution" else "right"
    todo.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    capsys.readouterr()
    out = tmp_path / "figures.json"
    code = main(["articles", str(folder), "--add", str(todo), "--json", str(out), "--min-precision", "0.95"])
    printed = capsys.readouterr().out
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert f"added {len(rows)} judgements" in printed
    assert len(jfile.read_text(encoding="utf-8").splitlines()) == len(rows)
    assert all(f["unjudged"] == 0 for f in figures["families"].values())
    has_attr = "attribution" in figures["families"]
    assert code == (1 if has_attr else 0)
    if has_attr:
        assert figures["families"]["attribution"]["precision"] == 0.0
        assert "FAIL: attribution precision 0.0% is below 95%" in printed
    # a text that changed is reported and not used; its judgements are not counted as stale
    (folder / "texts" / "one.txt").write_text(ARTICLES["one.txt"] + "An added line.\n", encoding="utf-8")
    (folder / "texts" / "two.txt").unlink()
    main(["articles", str(folder), "--json", str(out)])
    printed = capsys.readouterr().out
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["articles"] == 0
    assert {(b["file"], b["state"]) for b in figures["bad_texts"]} == {("one.txt", "changed"), ("two.txt", "missing")}
    assert "text changed: one.txt (not used)" in printed and "text missing: two.txt" in printed
    assert figures["stale_judgements"] == 0


def test_articles_command_needs_a_manifest(tmp_path: Path) -> None:
    assert main(["articles", str(tmp_path)]) == 2
