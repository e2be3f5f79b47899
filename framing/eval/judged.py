"""Precision per family on real articles, against a file of human judgements of the engine's hits.

A folder of real articles holds ``manifest.json`` (one row per article: file, event, outlet, url, date,
leaning, sha256 of the UTF-8 text file) and ``texts/`` with the files, which are not in git. A judgement is
one JSON line: ``{sha256, family, category, entry_id, start, end, text, context, verdict, note}`` with
``verdict`` "right" or "wrong". A judgement belongs to the hit with the same sha256, family, start, end and
entry_id: when the engine changes a hit (another span or entry), the hit is unjudged again, and the old
judgement is counted as stale. Later lines win over earlier ones for the same hit, so a verdict is
changed by appending a line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

VERDICTS = ("right", "wrong")
FRAMES = "frames"
CONTEXT_CHARS = 80
SENTENCE_CHARS = 320


class Key(NamedTuple):
    """What ties a judgement to a hit."""

    sha256: str
    family: str
    start: int
    end: int
    entry_id: str


class Judgement(NamedTuple):
    key: Key
    verdict: str
    note: str = ""


@dataclass(frozen=True)
class TextStatus:
    """One manifest row checked against the file on disk."""

    file: str
    sha256: str
    state: str  # "ok", "missing" or "changed"
    path: Path


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_texts(folder: Path) -> tuple[list[dict[str, Any]], list[TextStatus]]:
    """The manifest's rows and each text's state: a changed or missing text is reported, never used."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    rows = list(manifest["articles"])
    out = []
    for row in rows:
        path = folder / "texts" / row["file"]
        if not path.is_file():
            state = "missing"
        else:
            state = "ok" if file_sha256(path) == row["sha256"] else "changed"
        out.append(TextStatus(row["file"], row["sha256"], state, path))
    return rows, out


def hit_key(sha256: str, hit: Mapping[str, Any]) -> Key:
    return Key(sha256, str(hit["family"]), int(hit["start"]), int(hit["end"]), str(hit.get("entry_id", "")))


def load_judgements(lines: Iterable[str]) -> dict[Key, Judgement]:
    """Judgements from JSON lines (blank lines skipped); a later line for the same hit wins."""
    out: dict[Key, Judgement] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        row = json.loads(line)
        verdict = row.get("verdict")
        if verdict not in VERDICTS:
            raise ValueError(f"line {n}: verdict must be one of {VERDICTS}, got {verdict!r}")
        key = hit_key(str(row["sha256"]), row)
        out[key] = Judgement(key, verdict, str(row.get("note", "")))
    return out


def read_judgement_file(path: Path) -> dict[Key, Judgement]:
    return load_judgements(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else {}


@dataclass
class FamilyFigures:
    right: int = 0
    wrong: int = 0
    unjudged: int = 0

    @property
    def judged(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


@dataclass
class PrecisionReport:
    """Precision per family over the hits of the texts that match the manifest."""

    families: dict[str, FamilyFigures] = field(default_factory=dict)
    articles: int = 0
    stale: int = 0  # judgements of hits the engine no longer reports (on texts still present)
    bad_texts: list[TextStatus] = field(default_factory=list)
    unjudged_hits: list[tuple[str, Mapping[str, Any]]] = field(default_factory=list)  # (sha256, hit)

    def figures(self, family: str) -> FamilyFigures:
        return self.families.setdefault(family, FamilyFigures())

    def to_dict(self) -> dict[str, Any]:
        fams = {
            f: {"right": x.right, "judged": x.judged, "unjudged": x.unjudged, "precision": _round(x.precision)}
            for f, x in sorted(self.families.items())
        }
        bad = [{"file": t.file, "state": t.state} for t in self.bad_texts]
        return {"articles": self.articles, "families": fams, "stale_judgements": self.stale, "bad_texts": bad}

    def lines(self) -> list[str]:
        out = [f"articles {self.articles} (texts matching the manifest)"]
        for fam, x in sorted(self.families.items()):
            p = "n/a" if x.precision is None else f"{x.precision:.1%}"
            out.append(f"  {fam:<16} precision {p:>6} ({x.right}/{x.judged} right), {x.unjudged} unjudged")
        total = sum(x.unjudged for x in self.families.values())
        out.append(f"unjudged hits {total}; stale judgements {self.stale}")
        out += [f"text {t.state}: {t.file} (not used)" for t in self.bad_texts]
        return out

    def failures(self, min_precision: float | None, min_frames: float | None) -> list[str]:
        """One line per family below its bar (frames has its own bar)."""
        out = []
        for fam, x in sorted(self.families.items()):
            bar = min_frames if fam == FRAMES else min_precision
            if bar is not None and x.precision is not None and x.precision < bar:
                out.append(f"FAIL: {fam} precision {x.precision:.1%} is below {bar:.0%}")
        return out


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def precision_report(
    analysed: Sequence[tuple[str, Sequence[Mapping[str, Any]]]],
    judgements: Mapping[Key, Judgement],
    bad_texts: Sequence[TextStatus] = (),
) -> PrecisionReport:
    """``analysed``: (sha256 of the text file, the engine's hits on it) for every usable article."""
    report = PrecisionReport(articles=len(analysed), bad_texts=list(bad_texts))
    seen: set[Key] = set()
    for sha, hits in analysed:
        for hit in hits:
            key = hit_key(sha, hit)
            seen.add(key)
            fig = report.figures(key.family)
            j = judgements.get(key)
            if j is None:
                fig.unjudged += 1
                report.unjudged_hits.append((sha, hit))
            elif j.verdict == "right":
                fig.right += 1
            else:
                fig.wrong += 1
    present = {sha for sha, _ in analysed}
    report.stale = sum(1 for k in judgements if k.sha256 in present and k not in seen)
    return report


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """At most ``width`` characters around ``text[start:end]``, on one line."""
    room = max(0, width - (end - start))
    a = max(0, start - room // 2)
    b = min(len(text), end + room - (start - a))
    a = max(0, min(a, b - width))
    return " ".join(text[a:b].split())


def todo_row(sha: str, file: str, text: str, hit: Mapping[str, Any]) -> dict[str, Any]:
    """An unjudged hit, ready to judge: fill ``verdict`` ("right"/"wrong") and ``note``, then ``--add``."""
    s, e = int(hit["start"]), int(hit["end"])
    return {
        "sha256": sha,
        "file": file,
        "family": hit["family"],
        "category": hit["category"],
        "entry_id": hit.get("entry_id", ""),
        "start": s,
        "end": e,
        "text": hit["text"],
        "in_quote": bool(hit.get("in_quote")),
        "context": context(text, s, e),
        "sentence": context(text, s, e, SENTENCE_CHARS),
        "verdict": None,
        "note": "",
    }


JUDGEMENT_FIELDS = ("sha256", "family", "category", "entry_id", "start", "end", "text", "context", "verdict", "note")


def judgement_line(row: Mapping[str, Any]) -> str:
    """The committed form of a judged row: the fixed fields only, in a fixed order."""
    return json.dumps({k: row.get(k, "") for k in JUDGEMENT_FIELDS}, ensure_ascii=False)


def judged_rows(rows: Iterable[Mapping[str, Any]], current: set[Key]) -> tuple[list[str], list[str]]:
    """Lines to append for the judged rows of a todo file, and one problem per row that cannot be added
    (no verdict yet, a verdict other than right/wrong, or a hit the engine does not report now)."""
    lines, problems = [], []
    for n, row in enumerate(rows, 1):
        verdict = row.get("verdict")
        if verdict is None:
            continue
        if verdict not in VERDICTS:
            problems.append(f"row {n}: verdict {verdict!r} is not right/wrong")
        elif hit_key(str(row["sha256"]), row) not in current:
            problems.append(f"row {n}: no such hit in the current engine's output ({row.get('text')!r})")
        else:
            lines.append(judgement_line(row))
    return lines, problems
