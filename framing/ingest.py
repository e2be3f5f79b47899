"""Bytes, files and pages to Articles: plain text, Markdown, HTML, JSON, JSON Lines and CSV, with clear errors.

A .txt or .md article's first non-empty line is its title; the article text is the whole file, so
offsets index exactly what the user gave. A ``manifest.json`` beside the files (as in ``seeds/``)
supplies outlet, title, language and story for the files it lists.

``parse_file(data, name, **defaults)`` reads any supported upload into a ``ParseResult``: one
``RowResult`` per record, each holding an Article or an error that names the file and the row, says
what is wrong and how to fix it. A problem with the whole file (too big, binary, empty, not valid
JSON, no ``text`` column, unsupported type) raises ``IngestError`` instead: there are no rows to show.
``defaults`` (outlet, story, language, ...) fill in fields a record leaves empty; a record's own
values win. Nothing here stores anything.

Formats (``original_format`` of the articles in brackets):

- ``.txt`` ``.text`` (txt), ``.md`` ``.markdown`` (md): one article, the whole file, first line = title.
- ``.html`` ``.htm`` (html): one article: main text, title, date, author and site name extracted by
  trafilatura (no markup kept). When the page's title is not already the first line of the extracted
  text it is put there, as in a .txt article.
- ``.json`` (json): one article object, a list of them, or ``{"articles": [...]}``; rows are "item N".
- ``.jsonl`` (jsonl): one article object per line; rows are line numbers; blank lines are skipped.
- ``.csv`` (csv): one article per row; rows are numbered as a spreadsheet shows them (the header is
  row 1, the first article row 2). The delimiter may be a comma, a semicolon or a tab.

An article object (JSON, JSONL) and a CSV row have the same fields, all text:

==================  ========  =====================================================================
field / column      required  meaning
==================  ========  =====================================================================
``text``            yes       the article's full text, exactly as it should be analysed
``title``           no        headline; if empty, the text's first non-empty line
``outlet``          no        who published it (e.g. ``TPS``)
``published``       no        date ``YYYY-MM-DD``, or date and time ``YYYY-MM-DDTHH:MM[:SS][Z|+hh:mm]``
                              (a space may replace the ``T``); ``05/03/2024`` and other forms are
                              refused as ambiguous: write the ISO form
``author``          no        byline
``url``             no        where it was published (``http://`` or ``https://``)
``language``        no        a language code such as ``en``, ``ar``, ``pt-BR`` (default ``en``)
``story``           no        the story (event) it belongs to, to compare it with other coverage
``source_name``     no        the site name as the page gives it
``id``              no        ignored (the id is the hash of the text); a mismatch is reported as a
                              warning, since it means the text changed since it was exported
``original_format`` no        kept if it is one of the known formats (for re-importing an export)
``added_at``        no        kept if it is an ISO date-time (for re-importing an export)
==================  ========  =====================================================================

Column names are matched ignoring case, surrounding spaces, and spaces or hyphens for underscores.
Unknown columns (or JSON fields) are ignored and named in ``ParseResult.warnings``, with the closest
known name when there is one, so a typo like ``titel`` is visible but does not block an import. A
row with more cells than the header has columns is an error for that row (unless the extra cells
are empty); a row with fewer cells has its missing cells empty. Rows whose cells are all empty are
skipped. Cells starting with ``=``, ``+``, ``-`` or ``@`` are imported as the text they are; nothing
is ever evaluated. ``framing/templates/articles_template.csv`` is a template with these columns.

Encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or little/big-endian without one when
the pattern of NUL bytes shows it), else cp1252. Binary files are refused. Limits, as module
constants: ``MAX_BYTES`` per single-article file, ``MAX_BULK_BYTES`` per CSV/JSON/JSONL file,
``MAX_ARTICLE_CHARS`` per article text and ``MAX_ROWS`` per file.
"""

from __future__ import annotations

import codecs
import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .dates import normalize_published
from .models import Article

MAX_BYTES = 5_000_000
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
JSON_SUFFIXES = frozenset({".json"})
MANIFEST = "manifest.json"
SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


class IngestError(ValueError):
    """Input that cannot become an article; the message says what is wrong and how to fix it."""


def decode(data: bytes, name: str = "input") -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; binary refused."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{name}: starts like UTF-16 but does not decode ({exc.reason}); save it as UTF-8"
            ) from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _refuse_binary_text(utf16, name)
        raise IngestError(
            f"{name}: looks like a binary file, not text (it contains NUL bytes); give a .txt, .md or .json article"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return _refuse_binary_text(text, name)


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r


def _refuse_binary_text(text: str, name: str) -> str:
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise IngestError(
            f"{name}: looks like a binary file, not text (many control characters); give a .txt, .md or .json article"
        )
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, or None when the NUL bytes do not show UTF-16.

    Text in UTF-16 has a NUL beside every ASCII character (spaces, digits, punctuation, Latin letters),
    always on the same side of each two-byte unit: odd bytes for little-endian, even for big-endian.
    Binary data has NULs on both sides; text in 8-bit encodings has none. And the high bytes of real
    text fall in very few Unicode blocks (0x00 for Latin, plus 0x06 for Arabic, 0x20 for curly quotes
    and dashes), where 8-bit text read as UTF-16 scatters them.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.1 and even_nul <= 0.01:
        codec, high = "utf-16-le", odd
    elif even_nul >= 0.1 and odd_nul <= 0.01:
        codec, high = "utf-16-be", even
    else:
        return None
    if sum(n for _, n in Counter(high).most_common(3)) < 0.85 * len(high):
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()
    return ""


def article_from_text(text: str, *, name: str = "input", **meta: Any) -> Article:
    """An article from text whose first non-empty line is its title."""
    if not text.strip():
        raise IngestError(f"{name}: is empty; an article needs a title line and some text")
    fields = {k: str(v) for k, v in meta.items() if v not in (None, "") and k in _FIELDS}
    fields.setdefault("title", _title_of(text))
    return Article(text=text, **fields)


_FIELDS = frozenset({"title", "outlet", "language", "story", "url", "published", "author", "source_name"})


def article_from_json(obj: Any, *, name: str = "input", **meta: Any) -> Article:
    if not isinstance(obj, dict):
        raise IngestError(f'{name}: a JSON article must be an object with at least a "text" field')
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f'{name}: the JSON object has no non-empty "text" field; add the article\'s text there')
    fields = {k: obj[k] for k in _FIELDS if isinstance(obj.get(k), str)}
    fields.update({k: v for k, v in meta.items() if v})
    return article_from_text(text, name=name, **fields)


def read_bytes(data: bytes, name: str, **meta: Any) -> Article:
    """An article from an uploaded or read file; ``name`` decides the format by its suffix."""
    if len(data) > MAX_BYTES:
        raise IngestError(f"{name}: is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit; split it or trim it")
    if not data.strip():
        raise IngestError(f"{name}: is empty; an article needs a title line and some text")
    suffix = Path(name).suffix.lower()
    text = decode(data, name)
    if suffix in JSON_SUFFIXES:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{name}: is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
        return article_from_json(obj, name=name, **meta)
    if suffix and suffix not in TEXT_SUFFIXES:
        raise IngestError(f"{name}: unsupported file type '{suffix}'; give a .txt, .md or .json article")
    return article_from_text(text, name=name, **meta)


def manifest_for(path: Path) -> dict[str, Any]:
    """Metadata for ``path`` from a manifest.json in its folder, or {}."""
    manifest = path.parent / MANIFEST
    if not manifest.is_file():
        return {}
    try:
        items = json.loads(manifest.read_text(encoding="utf-8")).get("articles", [])
    except (json.JSONDecodeError, AttributeError):
        return {}
    for item in items:
        if isinstance(item, dict) and item.get("file") == path.name:
            return {k: v for k, v in item.items() if k in _FIELDS}
    return {}


def read_path(path: str | Path, **meta: Any) -> Article:
    """An article from a file on disk; metadata given here beats the folder's manifest."""
    p = Path(path)
    if not p.exists():
        raise IngestError(f"{p}: no such file; check the path")
    if p.is_dir():
        raise IngestError(f"{p}: is a folder; give the article files inside it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(f"{p}: cannot be read ({exc.strerror})") from exc
    merged = {**manifest_for(p), **{k: v for k, v in meta.items() if v}}
    return read_bytes(data, p.name, **merged)


def load_seeds(folder: Path = SEEDS_DIR) -> list[Article]:
    """The seed articles, in manifest order, loaded through the same code as any upload."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return [read_path(folder / item["file"]) for item in manifest["articles"]]


# ------------------------------------------------------------------------------------ parse_file and rows

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
_URL = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)


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


def _check_defaults(defaults: dict[str, Any], name: str) -> dict[str, str]:
    unknown = sorted(set(defaults) - _FIELDS)
    if unknown:
        raise TypeError(f"unknown article field(s) {', '.join(unknown)}; known: {', '.join(sorted(_FIELDS))}")
    clean = {k: str(v).strip() for k, v in defaults.items() if v not in (None, "") and str(v).strip()}
    problems = _field_problems(clean)
    if problems:
        raise IngestError(f"{name}: a value given for all its articles is wrong: {'; '.join(problems)}")
    return clean


def _field_problems(fields: dict[str, str]) -> list[str]:
    """What is wrong with the metadata values (already stripped strings), each with how to fix it."""
    problems = []
    if fields.get("published"):
        try:
            normalize_published(fields["published"])
        except ValueError as exc:
            problems.append(f"the 'published' value {exc}")
    if fields.get("url") and not _URL.fullmatch(fields["url"]):
        problems.append(
            f"the 'url' value '{_short(fields['url'])}' is not a web address; "
            "it should start with http:// or https:// (or leave it empty)"
        )
    if fields.get("language") and not _LANGUAGE.fullmatch(fields["language"]):
        problems.append(
            f"the 'language' value '{_short(fields['language'])}' is not a language code; "
            "use a code such as en, ar, fr or pt-BR"
        )
    return problems


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


class _Rows:
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
        article, error, warnings = _build(raw, where, self.fmt, self.defaults, self.word, self.record)
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
        close = difflib.get_close_matches(_norm(key), KNOWN_COLUMNS, n=1, cutoff=0.75)
        parts.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    return f"{name}: ignored the unknown {word}(s) {', '.join(parts)}; the known {word}s are {', '.join(KNOWN_COLUMNS)}"


def _build(
    raw: dict[str, Any], where: str, fmt: str, defaults: dict[str, str], word: str = "field", record: str = "article"
) -> tuple[Article | None, str | None, list[str]]:
    """An Article from one record's fields, or the message saying what is wrong with it."""
    warnings: list[str] = []
    text = raw.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        what = "is empty" if isinstance(text, str) or word == "column" else "is missing"
        return None, f"{where}: the 'text' {word} {what}; every {record} needs the article's text", warnings
    if not isinstance(text, str):
        return None, f"{where}: the 'text' {word} is {_json_kind(text)}, not text; give the article's text", warnings
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            None,
            f"{where}: the text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,}-character limit "
            "for one article; split it into parts or trim it",
            warnings,
        )
    problems = []
    fields: dict[str, str] = {}
    for key in _FIELDS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"the '{key}' {word} is {_json_kind(value)}, not text; put it in double quotes")
            continue
        if value.strip():
            fields[key] = value.strip()
    problems += _field_problems(fields)
    if problems:
        return None, f"{where}: " + "; ".join(problems), warnings
    for key, value in defaults.items():
        fields.setdefault(key, value)
    fields.setdefault("title", _title_of(text))
    original = raw.get("original_format")
    fields["original_format"] = original.strip() if isinstance(original, str) and original.strip() in FORMATS else fmt
    added = raw.get("added_at")
    if isinstance(added, str) and added.strip():
        try:
            datetime.fromisoformat(added.strip().replace("Z", "+00:00"))
            fields["added_at"] = added.strip()
        except ValueError:
            warnings.append(f"{where}: ignored the 'added_at' {word} '{_short(added)}', which is not an ISO date-time")
    article = Article(text=text, **fields)
    given_id = raw.get("id")
    if isinstance(given_id, str) and given_id.strip() and given_id.strip() != article.id:
        warnings.append(
            f"{where}: the 'id' {word} ({_short(given_id.strip(), 20)}) is not the id of this text "
            f"({article.id}), so the text changed since it was exported (line endings, spaces?); "
            "it is imported as a different article"
        )
    return article, None, warnings


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "not text"


def _norm(column: str) -> str:
    return re.sub(r"[\s\-]+", "_", column.strip().lower())


def parse_file(data: bytes, name: str, **defaults: Any) -> ParseResult:
    """Every article in an uploaded file, row by row; see the module docstring for formats and columns.

    Raises IngestError for a problem with the whole file; a bad record is a row with an error. Fields given
    in ``defaults`` (outlet, story, language, ...) fill in what a record leaves empty.
    """
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | CSV_SUFFIXES | JSONL_SUFFIXES:
        raise IngestError(f"{name}: unsupported file type '{suffix}'; give a {SUPPORTED} file")
    bulk = suffix in JSON_SUFFIXES | CSV_SUFFIXES | JSONL_SUFFIXES
    limit = MAX_BULK_BYTES if bulk else MAX_BYTES
    if len(data) > limit:
        kind = "a .csv, .json or .jsonl" if bulk else f"a {suffix or 'text'}"
        raise IngestError(
            f"{name}: is {len(data):,} bytes, over the {limit:,}-byte limit for {kind} file; "
            "split it into smaller files"
        )
    clean = _check_defaults(defaults, name)
    try:
        text = decode(data, name)
    except IngestError as exc:
        raise IngestError(str(exc).replace("a .txt, .md or .json article", f"a {SUPPORTED} file")) from None
    if not text.strip():
        raise IngestError(f"{name}: is empty; give a file with at least one article")
    from .ingest_bulk import parse_csv, parse_json, parse_jsonl  # here: both import this module
    from .ingest_html import html_fields

    if suffix in CSV_SUFFIXES:
        return parse_csv(text, name, clean)
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(text, name, clean)
    if suffix in JSON_SUFFIXES:
        return parse_json(text, name, clean)
    fmt = "html" if suffix in HTML_SUFFIXES else "md" if suffix in {".md", ".markdown"} else "txt"
    rows = _Rows(name, fmt, clean, "field", "article")
    if fmt == "html":
        try:
            raw = html_fields(text, name=name)
        except IngestError as exc:
            rows.error(1, str(exc))
            return rows.result()
    else:
        raw = {"text": text}
    rows.add(1, name, raw)
    return rows.result()


def article_from_fields(
    fields: dict[str, Any], *, name: str = "input", original_format: str = "", **defaults: Any
) -> Article:
    """An article from a dict of fields (as in a JSON object), validated like an uploaded row; IngestError if bad."""
    article, error, _ = _build(fields, name, original_format, _check_defaults(defaults, name))
    if error is not None:
        raise IngestError(error)
    assert article is not None
    return article


def article_from_paste(text: str, **fields: Any) -> Article:
    """An article from pasted text and form fields (title, outlet, published, ...), checked like an upload."""
    unknown = sorted(set(fields) - _FIELDS)
    if unknown:
        raise TypeError(f"unknown article field(s) {', '.join(unknown)}")
    raw = {"text": text, **{k: str(v) for k, v in fields.items() if v is not None}}
    article, error, _ = _build(raw, "the pasted article", "paste", {}, "field", "article")
    if error is not None:
        raise IngestError(error)
    assert article is not None
    return article


def template_csv() -> bytes:
    """The bytes of the CSV template with the documented columns, for a download button."""
    return TEMPLATE_PATH.read_bytes()
