"""Speaker accuracy, quote recall and cue recall on PolNeAR (Newell, Margolin and Ruths, LREC 2018).

The definitions are those of the corpus folder's SOURCE.md, computed as the acceptance script
(``../shared/eval/polnear_score.py``) computes them, so the figures are equal on the same folder:

Over the gold attributions whose Content holds a double quotation mark (straight or curly) and whose Source
is not a pronoun,

- speaker accuracy: the share where a quotation the engine reports overlaps the Content and its speaker
  names the Source (:func:`same_speaker`); where the Source is a description ("the newspaper"), a name the
  same article uses as another Source counts too;
- quote recall: the share where some reported quotation overlaps the Content;
- cue recall: of those with a Cue, the share whose Cue an ``attribution`` hit overlaps.

Spans are brat standoff offsets into the ``.txt`` file; :func:`locate` maps them onto the analysed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

PRONOUNS = frozenset(
    {"he", "she", "they", "i", "we", "you", "it", "his", "her", "their", "him", "them", "one", "who", "which", "that"}
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our"})
# Words of a role, not of a name: sharing one of these does not make two speakers the same.
TITLE_WORDS = frozenset(
    {
        "president",
        "minister",
        "spokesman",
        "spokeswoman",
        "secretary",
        "state",
        "foreign",
        "prime",
        "general",
        "army",
        "official",
        "officials",
        "candidate",
        "senator",
        "former",
        "chief",
        "campaign",
    }
)
DOUBLE_MARKS = ('"', "\u201c", "\u201d")
_WORD = re.compile(r"[\w\-]+")
_NAME_WORD = re.compile(r"[\w\-\u2019']+")
_NUMBER = re.compile(r"\d+")


class Attribution(NamedTuple):
    """One gold attribution: the Source's words, its Cue (start, end, text) if any, and its Content."""

    source: str
    cue: tuple[int, int, str] | None
    content: tuple[int, int, str]


def words(name: str) -> list[str]:
    """A name as compared: case-folded words, possessive 's dropped, determiners left out."""
    folded = name.casefold().replace("\u2019s", "").replace("'s", "")
    return [w for w in _WORD.findall(folded) if w not in DETERMINERS]


def same_speaker(predicted: str | None, gold: str) -> bool:
    """Whether the engine's speaker names the gold Source: the same words, one inside the other, the same
    last word, or a shared word of four or more letters that is not a title."""
    if not predicted:
        return False
    p, g = words(predicted), words(gold)
    if not p or not g:
        return False
    if p == g or p[-1] == g[-1]:
        return True
    p_text, g_text = " ".join(p), " ".join(g)
    if (len(p_text) >= 3 and p_text in g_text) or g_text in p_text:
        return True
    return any(len(w) >= 4 and w not in TITLE_WORDS and w in g for w in p)


def is_pronoun(source: str) -> bool:
    """A Source made only of pronouns (or of no comparable word): skipped by every score."""
    ws = words(source)
    return not ws or all(w in PRONOUNS for w in ws)


def is_description(source: str) -> bool:
    """A Source that describes rather than names ("the newspaper", "the candidate"): no capitalised word."""
    ws = [w for w in _NAME_WORD.findall(source) if w.casefold() not in DETERMINERS]
    return bool(ws) and all(w[0].islower() or w[0].isdigit() for w in ws)


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of a brat ``.ann`` file that have both a Source and a Content span."""
    spans: dict[str, tuple[int, int, str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 3:
            offsets = _NUMBER.findall(" ".join(cols[1].split(" ")[1:]))
            spans[cols[0]] = (int(offsets[0]), int(offsets[-1]), cols[2])
        elif line.startswith("E") and len(cols) >= 2:
            roles = (part.split(":") for part in cols[1].split(" ") if ":" in part)
            relations.append({pair[0]: pair[1] for pair in roles if len(pair) == 2})
    out = []
    for rel in relations:
        source, cue, content = (spans.get(rel.get(role, "")) for role in ("Source", "Cue", "Content"))
        if source and content:
            out.append(Attribution(source[2], cue, content))
    return out


def annotation_for(text_path: Path) -> Path | None:
    """The article's ``.ann`` file; of two annotators', the first in name order."""
    found = sorted((text_path.parent.parent / "attributions").glob(text_path.stem + "_*.ann"))
    return found[0] if found else None


def locate(raw: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """A span of the raw file on the analysed text: at the same offset, shifted by what ingest dropped from
    the start (a title line), or found by its first 80 characters; None if nowhere."""
    piece = raw[start:end]
    for at in (start, start - (len(raw) - len(text))):
        if at >= 0 and text[at : at + len(piece)] == piece:
            return at, at + len(piece)
    found = text.find(piece[:80])
    return (found, found + len(piece)) if found >= 0 else None


@dataclass
class PolnearScore:
    """Counts over a split, added up article by article."""

    articles: int = 0
    quoted: int = 0  # gold quotations scored (content with a double mark, source not a pronoun, located)
    found: int = 0  # ... overlapped by a reported quotation
    correct: int = 0  # ... whose overlapping quotation names the source
    cues: int = 0  # ... with a cue located in the text
    cue_hits: int = 0  # ... whose cue an attribution hit overlaps
    pronouns: int = 0
    unmapped: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: PolnearScore) -> None:
        for name in ("articles", "quoted", "found", "correct", "cues", "cue_hits", "pronouns", "unmapped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    @property
    def speaker_accuracy(self) -> float:
        return self.correct / self.quoted if self.quoted else 0.0

    @property
    def quote_recall(self) -> float:
        return self.found / self.quoted if self.quoted else 0.0

    @property
    def cue_recall(self) -> float:
        return self.cue_hits / self.cues if self.cues else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "quoted_attributions": self.quoted,
            "pronoun_sources_skipped": self.pronouns,
            "unmapped": self.unmapped,
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_correct": self.correct,
            "quote_recall": round(self.quote_recall, 4),
            "quotes_found": self.found,
            "cue_recall": round(self.cue_recall, 4),
            "cues": self.cues,
            "cue_hits": self.cue_hits,
        }

    def lines(self) -> list[str]:
        q = max(self.quoted, 1)
        return [
            f"articles {self.articles}; quoted attributions {self.quoted} "
            f"(+{self.pronouns} pronoun sources skipped, {self.unmapped} unmapped)",
            f"quote recall {self.found}/{self.quoted} = {self.found / q:.1%}; "
            f"cue recall {self.cue_hits}/{self.cues} = {self.cue_hits / max(self.cues, 1):.1%}",
            f"speaker accuracy {self.speaker_accuracy:.1%} ({self.correct}/{self.quoted})",
        ]


def _overlaps(items: Iterable[Mapping[str, Any]], start: int, end: int) -> list[Mapping[str, Any]]:
    return [x for x in items if x["start"] < end and x["end"] > start]


def score_article(
    name: str,
    raw: str,
    text: str,
    gold: Sequence[Attribution],
    quotes: Sequence[Mapping[str, Any]],
    hits: Sequence[Mapping[str, Any]],
) -> PolnearScore:
    """One article scored: ``raw`` is the file as read, ``text`` the analysed text; ``quotes`` and ``hits``
    as in the CLI's JSON (quote start/end are the inner offsets; hits of any family)."""
    score = PolnearScore(articles=1)
    verbs = [h for h in hits if h["family"] == "attribution"]
    names = [g.source for g in gold if not is_description(g.source)]
    for g in gold:
        c_start, c_end, c_text = g.content
        if not any(mark in c_text for mark in DOUBLE_MARKS):
            continue
        if is_pronoun(g.source):
            score.pronouns += 1
            continue
        span = locate(raw, text, c_start, c_end)
        if span is None:
            score.unmapped += 1
            continue
        score.quoted += 1
        over = _overlaps(quotes, *span)
        if over:
            score.found += 1
        candidates = [g.source, *names] if is_description(g.source) else [g.source]
        if any(same_speaker(q.get("speaker"), n) for q in over for n in candidates):
            score.correct += 1
        else:
            got = str(over[0].get("speaker") or "") if over else "(no quote)"
            score.errors.append((name, g.source, got, c_text[:60]))
        if g.cue:
            cue_span = locate(raw, text, g.cue[0], g.cue[1])
            if cue_span:
                score.cues += 1
                if _overlaps(verbs, *cue_span):
                    score.cue_hits += 1
    return score


def split_files(split: Path, limit: int = 0) -> list[Path]:
    """The article files of a split that have an annotation, in name order (the first ``limit`` if given)."""
    texts = sorted((split / "text").glob("*.txt"))
    if limit:
        texts = texts[:limit]
    return [t for t in texts if annotation_for(t) is not None]


def score_split(split: Path, *, limit: int = 0, processes: int | None = None) -> PolnearScore:
    """The whole split scored, with the engine run in this process (and its worker pool)."""
    from framing.eval.engine import analyse_files

    files = split_files(split, limit)
    total = PolnearScore()
    for path, an in zip(files, analyse_files(files, processes=processes)):
        ann = annotation_for(path)
        assert ann is not None
        raw = path.read_text(encoding="utf-8")
        quotes = [q.to_dict() for q in an.quotes]
        hits = [h.to_dict() for h in an.hits if h.family == "attribution"]
        total.add(score_article(path.stem, raw, an.article.text, read_ann(ann), quotes, hits))
    return total
