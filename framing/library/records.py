"""What importing articles yields and checks, shared by every reader (text, JSON, CSV, HTML, a web page):
the error raised, the limits, the known fields and columns, and the rows built from records, each a
valid :class:`~framing.models.Article` or a message naming the file and row, what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from framing.library.dates import normalize_published
from framing.models import Article

MAX_BYTES = 5_000_000


TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})


JSON_SUFFIXES = frozenset({".json"})


class IngestError(ValueError):
    """Input that cannot become an article; the message says what is wrong and how to fix it."""


def title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()
    return ""


FIELDS = frozenset({"title", "outlet", "language", "story", "url", "published", "author", "source_name"})


MAX_BULK_BYTES = 100_000_000  # per .csv, .jsonl or .json file: a library export must fit


MAX_ARTICLE_CHARS = 200_000  # per article text


MAX_ROWS = 100_000  # records per file


HTML_SUFFIXES = frozenset({".html", ".htm"})


CSV_SUFFIXES = frozenset({".csv"})


JSONL_SUFFIXES = frozenset({".jsonl"})


SUPPORTED = ".txt, .md, .html, .htm, .json, .jsonl or .csv"


# The columns of the CSV template, in its order; ``text`` is the only required one.
CSV_COLUMNS: tuple[str, ...] = ("text", "title", "outlet", "published", "author", "url", "language", "story")


# Accepted as well, so that a library export can be imported back without loss.
EXTRA_COLUMNS: tuple[str, ...] = ("source_name", "id", "original_format", "added_at")


KNOWN_COLUMNS: tuple[str, ...] = CSV_COLUMNS + EXTRA_COLUMNS


FORMATS = frozenset({"txt", "md", "html", "json", "jsonl", "csv", "url", "paste"})


TEMPLATE_PATH = Path(__file__).resolve().parent / "templates" / "articles_template.csv"


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


URL = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)


@dataclass
class RowResult:
    """One record of a file: an Article, or an error naming the file and row, what is wrong and how to fix it."""

    row: int
    article: Article | None
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class ParseResult:
    """Every record of one file, in order; ``warnings`` are about the file as a whole (e.g. ignored columns)."""

    name: str
    rows: list[RowResult]
    format: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row has an error."""
        return all(r.error is None for r in self.rows)

    @property
    def articles(self) -> list[Article]:
        """The articles of the valid rows, in file order."""
        return [r.article for r in self.rows if r.article is not None]

    @property
    def errors(self) -> list[str]:
        """One message per bad row, each naming the file and row."""
        return [r.error for r in self.rows if r.error is not None]


def check_defaults(defaults: dict[str, Any], name: str) -> dict[str, str]:
    unknown = sorted(set(defaults) - FIELDS)
    if unknown:
        raise TypeError(f"unknown article field(s) {', '.join(unknown)}; known: {', '.join(sorted(FIELDS))}")
    clean = {k: str(v).strip() for k, v in defaults.items() if v not in (None, "") and str(v).strip()}
    problems = field_problems(clean)
    if problems:
        raise IngestError(f"{name}: a value given for all its articles is wrong: {'; '.join(problems)}")
    return clean


def field_problems(fields: dict[str, str]) -> list[str]:
    """What is wrong with the metadata values (already stripped strings), each with how to fix it."""
    problems = []
    if fields.get("published"):
        try:
            normalize_published(fields["published"])
        except ValueError as exc:
            problems.append(f"the 'published' value {exc}")
    if fields.get("url") and not URL.fullmatch(fields["url"]):
        problems.append(
            f"the 'url' value '{short(fields['url'])}' is not a web address; "
            "it should start with http:// or https:// (or leave it empty)"
        )
    if fields.get("language") and not _LANGUAGE.fullmatch(fields["language"]):
        problems.append(
            f"the 'language' value '{short(fields['language'])}' is not a language code; "
            "use a code such as en, ar, fr or pt-BR"
        )
    return problems


def short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


class Rows:
    """Builds one file's rows: validates each record, notes duplicates, gathers ignored field names."""

    def __init__(self, name: str, fmt: str, defaults: dict[str, str], word: str, record: str) -> None:
        self.name, self.fmt, self.defaults = name, fmt, defaults
        self.word, self.record = word, record  # "column"/"row" for CSV, "field"/"object" for JSON
        self.rows: list[RowResult] = []
        self.seen: dict[str, int] = {}
        self.ignored: dict[str, int] = {}

    def error(self, row: int, message: str) -> None:
        self.rows.append(RowResult(row, None, message))

    def add(self, row: int, where: str, raw: dict[str, Any]) -> None:
        article, error, warnings = build(raw, where, self.fmt, self.defaults, self.word, self.record)
        if article is not None:
            first = self.seen.setdefault(article.id, row)
            if first != row:
                warnings.append(f"{where}: has the same text as {self.record_label(first)}; it is stored once")
        self.rows.append(RowResult(row, article, error, tuple(warnings)))

    def record_label(self, row: int) -> str:
        return {"csv": "row", "jsonl": "line", "json": "item"}.get(self.fmt, "row") + f" {row}"

    def ignore(self, key: str) -> None:
        self.ignored[key] = self.ignored.get(key, 0) + 1

    def result(self, warnings: list[str] | None = None) -> ParseResult:
        warnings = list(warnings or [])
        if self.ignored:
            warnings.append(_ignored_message(self.name, list(self.ignored), self.word))
        return ParseResult(self.name, self.rows, self.fmt, warnings)


def _ignored_message(name: str, keys: list[str], word: str) -> str:
    parts = []
    for key in keys:
        close = difflib.get_close_matches(norm(key), KNOWN_COLUMNS, n=1, cutoff=0.75)
        parts.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    return f"{name}: ignored the unknown {word}(s) {', '.join(parts)}; the known {word}s are {', '.join(KNOWN_COLUMNS)}"


def build(
    raw: dict[str, Any], where: str, fmt: str, defaults: dict[str, str], word: str = "field", record: str = "article"
) -> tuple[Article | None, str | None, list[str]]:
    """An Article from one record's fields, or the message saying what is wrong with it."""
    warnings: list[str] = []
    text = raw.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        what = "is empty" if isinstance(text, str) or word == "column" else "is missing"
        return None, f"{where}: the 'text' {word} {what}; every {record} needs the article's text", warnings
    if not isinstance(text, str):
        return None, f"{where}: the 'text' {word} is {json_kind(text)}, not text; give the article's text", warnings
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            None,
            f"{where}: the text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,}-character limit "
            "for one article; split it into parts or trim it",
            warnings,
        )
    problems = []
    fields: dict[str, str] = {}
    for key in FIELDS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"the '{key}' {word} is {json_kind(value)}, not text; put it in double quotes")
            continue
        if value.strip():
            fields[key] = value.strip()
    problems += field_problems(fields)
    if problems:
        return None, f"{where}: " + "; ".join(problems), warnings
    for key, value in defaults.items():
        fields.setdefault(key, value)
    fields.setdefault("title", title_of(text))
    original = raw.get("original_format")
    fields["original_format"] = original.strip() if isinstance(original, str) and original.strip() in FORMATS else fmt
    added = raw.get("added_at")
    if isinstance(added, str) and added.strip():
        try:
            datetime.fromisoformat(added.strip().replace("Z", "+00:00"))
            fields["added_at"] = added.strip()
        except ValueError:
            warnings.append(f"{where}: ignored the 'added_at' {word} '{short(added)}', which is not an ISO date-time")
    article = Article(text=text, **fields)
    given_id = raw.get("id")
    if isinstance(given_id, str) and given_id.strip() and given_id.strip() != article.id:
        warnings.append(
            f"{where}: the 'id' {word} ({short(given_id.strip(), 20)}) is not the id of this text "
            f"({article.id}), so the text changed since it was exported (line endings, spaces?); "
            "it is imported as a different article"
        )
    return article, None, warnings


def json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "not text"


def norm(column: str) -> str:
    return re.sub(r"[\s\-]+", "_", column.strip().lower())
