"""Records that flow through the engine: frozen dataclasses with character offsets into the original text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple

FAMILIES: tuple[str, ...] = (
    "attribution",
    "scare_quotes",
    "labels",
    "hedges",
    "loaded_language",
)


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
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


@dataclass(frozen=True)
class Span:
    """A stretch of the original text: ``text[start:end]``."""

    start: int
    end: int


class Token(NamedTuple):
    """A word token: ``lower`` is its case-folded form, used for matching. A tuple, for speed."""

    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    closed: bool = True
    kind: str = "direct"  # "direct" (someone's words) or "scare" (the writer's distance from a term)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.inner_start, "end": self.inner_end, "kind": self.kind}

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Hit:
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
        }


@dataclass(frozen=True)
class Term:
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

    def rates(self, families: tuple[str, ...] = FAMILIES) -> dict[str, float]:
        """Hits per 1,000 words for each family."""
        return {fam: rate(sum(1 for h in self.hits if h.family == fam), self.word_count) for fam in families}

    def counts(self, families: tuple[str, ...] = FAMILIES) -> dict[str, int]:
        return {fam: sum(1 for h in self.hits if h.family == fam) for fam in families}


@dataclass(frozen=True)
class Comparison:
    """The analyses of two or more articles, compared as one set."""

    analyses: tuple[ArticleAnalysis, ...]


def rate(count: int, words: int) -> float:
    """Per 1,000 words, rounded to two decimals; 0 for an empty text."""
    return round(count * 1000.0 / words, 2) if words else 0.0
