"""Records that flow through the engine, with character offsets into the original text.

The records an analysis makes by the hundred (Span, Quote, Hit, Speaker, Term) are named tuples: read-only,
compared and hashed by value like the frozen dataclasses around them, and made by one C-level step, which
matters when a corpus of ten thousand articles makes close to a million of them and worker processes send
them back as plain tuples. ``record._replace(field=value)`` gives a changed copy. The rest are frozen
dataclasses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, NamedTuple

# The position of a plain name (lexicon entries and hits): recorded as a choice, never counted as contested.
NEUTRAL = "neutral"

# Lexicons that support the analysis without being indicator families of their own.
SUPPORT_LEXICONS: tuple[str, ...] = ("actors",)


def content_id(text: str) -> str:
    """A stable id for an article's text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One article as loaded: its original text is never changed after ingest."""

    text: str
    title: str = ""
    outlet: str = ""
    id: str = ""
    language: str = "en"
    story: str = ""
    url: str = ""
    published: str = ""
    author: str = ""
    source_name: str = ""
    original_format: str = ""  # txt, md, html, json, jsonl, csv, url, paste
    added_at: str = ""  # ISO 8601 UTC, set by the library when stored
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


class Span(NamedTuple):
    """A stretch of the original text: ``text[start:end]``."""

    start: int
    end: int


class Token(NamedTuple):
    """A word token: ``lower`` is its case-folded form, used for matching. A tuple, for speed."""

    start: int
    end: int
    text: str
    lower: str


class Quote(NamedTuple):
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    closed: bool = True
    # "direct" (a quoted sentence or clause), "partial" (a few quoted words inside the writer's sentence),
    # "indirect" (reported speech without marks: "X asserted that ..."), "headline" ("Blinken: ..."),
    # or "scare" (the writer's distance from a term, nobody's speech)
    kind: str = "direct"
    speaker: str = ""
    verb: str = ""
    stance: str = ""

    @property
    def is_speech(self) -> bool:
        return self.kind != "scare"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.inner_start,
            "end": self.inner_end,
            "kind": self.kind,
            "speaker": self.speaker,
            "verb": self.verb,
            "stance": self.stance,
        }

    @property
    def words(self) -> int:
        return len(self.text.split())


class Speaker(NamedTuple):
    """One speaker of an article, under one name, with what the article gives them."""

    name: str
    quotes: int  # direct, partial and headline quotations
    words: int  # words inside those quotations
    indirect: int  # reported-speech clauses without quotation marks
    first_position: int  # character offset of their first reported words
    verbs: tuple[tuple[str, str, int], ...]  # (verb as written, lower-cased; stance; times)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "quotes": self.quotes,
            "words": self.words,
            "indirect": self.indirect,
            "first_position": self.first_position,
            "verbs": [{"verb": v, "stance": s, "count": n} for v, s, n in self.verbs],
        }


class Hit(NamedTuple):
    """One piece of evidence: a span of the original text, a lexicon entry, and why it matters."""

    family: str
    category: str
    text: str
    start: int
    end: int
    explain: str
    entry_id: str = ""
    in_quote: bool = False
    source: str = ""
    lexicon_version: str = ""
    speaker: str = ""  # attribution: who is reported, where the text names them
    agent: str = ""  # agency: the doer named in a "by" phrase, if any
    # the side the wording marks, from its lexicon entry: "neutral", a side ("israel_side"), or "" (none)
    position: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "category": self.category,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "in_quote": self.in_quote,
            "explain": self.explain,
            "entry_id": self.entry_id,
            "source": self.source,
            "speaker": self.speaker,
            "agent": self.agent,
            "position": self.position,
        }


class Term(NamedTuple):
    """A distinctive term of one article and its score."""

    term: str
    score: float


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the engine found in one article."""

    article: Article
    word_count: int
    sentences: tuple[Span, ...]
    quotes: tuple[Quote, ...]
    hits: tuple[Hit, ...]
    distinctive_terms: tuple[Term, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    #: The indicator families the article was analysed for (framing.indicators.FAMILIES), in order.
    families: tuple[str, ...] = ()

    def rates(self, families: Sequence[str] | None = None) -> dict[str, float]:
        """Counted hits per 1,000 words for each family (for labels: side-marked names only, see ``counts``)."""
        counts = self.counts(families)
        return {fam: rate(n, self.word_count) for fam, n in counts.items()}

    def counts(self, families: Sequence[str] | None = None) -> dict[str, int]:
        """Counted hits of each family (by default every family it was analysed for). A label on a neutral
        name is a hit (it shows the choice made) but is not contested, so it is not counted: the labels
        count is the number of side-marked names."""
        out = dict.fromkeys(self.families if families is None else families, 0)
        for h in self.hits:
            if h.family in out and counted(h):
                out[h.family] += 1
        return out


@dataclass(frozen=True)
class Evidence:
    """Where a claim of the summary can be checked: ``text[start:end]`` of one article."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class SummaryLine:
    """One plain-language sentence generated from the numbers, with the spans that support it."""

    text: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "evidence": [{"article": e.article, "start": e.start, "end": e.end} for e in self.evidence],
        }


@dataclass(frozen=True)
class Comparison:
    """The analyses of two or more articles, compared as one set.

    ``alignments``: (index of a, index of b, Alignment) for every pair of articles; ``log_odds``: per
    article id, its terms scored one-vs-rest; ``tones``: per article id, VADER per sentence;
    ``actor_tones``: per article id, tone of the sentences mentioning each actor; ``summary``: sentences
    generated from the numbers, each with its evidence.
    """

    analyses: tuple[ArticleAnalysis, ...]
    alignments: tuple[tuple[int, int, Any], ...] = ()
    log_odds: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    tones: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    actor_tones: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    summary: tuple[SummaryLine, ...] = ()


def rebuild(cls: type, rows: Iterable[Sequence[Any]]) -> tuple[Any, ...]:
    """Records of the named tuple ``cls`` from rows of their field values in declaration order, as
    ``tuple(cls(*row) for row in rows)`` gives, in one C-level pass (no Python call per record). Worker
    processes send analyses back as rows; a corpus of ten thousand articles has close to a million.
    """
    rows = rows if isinstance(rows, list | tuple) else list(rows)
    size = len(cls._fields)
    wrong = set(map(len, rows)) - {size}
    if wrong:
        raise TypeError(f"{cls.__name__} takes {size} values, got {min(wrong)}")
    return tuple(map(_tuple_new, repeat(cls), rows))


_tuple_new = tuple.__new__


def counted(hit: Hit) -> bool:
    """Whether a hit counts toward its family's number: every hit but a label on a neutral name."""
    return hit.family != "labels" or hit.position != NEUTRAL


def rate(count: int, words: int) -> float:
    """Per 1,000 words, rounded to two decimals; 0 for an empty text."""
    return round(count * 1000.0 / words, 2) if words else 0.0
