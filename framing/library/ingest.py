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
is ever evaluated. ``framing/library/templates/articles_template.csv`` is a template with these columns.

Encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or little/big-endian without one when
the pattern of NUL bytes shows it), else cp1252. Binary files are refused. Limits, as module
constants: ``records.MAX_BYTES`` per single-article file, ``records.MAX_BULK_BYTES`` per CSV/JSON/JSONL file,
``MAX_ARTICLE_CHARS`` per article text and ``MAX_ROWS`` per file.
"""

from __future__ import annotations

import codecs
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from framing.library import records  # the limits, read at call time so that a setting can change them
from framing.library.ingest_bulk import parse_csv, parse_json, parse_jsonl
from framing.library.ingest_html import html_fields
from framing.library.records import (
    CSV_COLUMNS,
    CSV_SUFFIXES,
    FIELDS,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN_COLUMNS,
    SUPPORTED,
    TEMPLATE_PATH,
    TEXT_SUFFIXES,
    IngestError,
    ParseResult,
    RowResult,
    Rows,
    build,
    check_defaults,
    title_of,
)
from framing.models import Article

__all__ = [
    "CSV_COLUMNS",
    "KNOWN_COLUMNS",
    "TEMPLATE_PATH",
    "IngestError",
    "ParseResult",
    "RowResult",
]

MANIFEST = "manifest.json"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


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


def article_from_text(text: str, *, name: str = "input", **meta: Any) -> Article:
    """An article from text whose first non-empty line is its title."""
    if not text.strip():
        raise IngestError(f"{name}: is empty; an article needs a title line and some text")
    fields = {k: str(v) for k, v in meta.items() if v not in (None, "") and k in FIELDS}
    fields.setdefault("title", title_of(text))
    return Article(text=text, **fields)


def article_from_json(obj: Any, *, name: str = "input", **meta: Any) -> Article:
    if not isinstance(obj, dict):
        raise IngestError(f'{name}: a JSON article must be an object with at least a "text" field')
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f'{name}: the JSON object has no non-empty "text" field; add the article\'s text there')
    fields = {k: obj[k] for k in FIELDS if isinstance(obj.get(k), str)}
    fields.update({k: v for k, v in meta.items() if v})
    return article_from_text(text, name=name, **fields)


def read_bytes(data: bytes, name: str, **meta: Any) -> Article:
    """An article from an uploaded or read file; ``name`` decides the format by its suffix."""
    if len(data) > records.MAX_BYTES:
        limit = records.MAX_BYTES
        raise IngestError(f"{name}: is {len(data):,} bytes, over the {limit:,}-byte limit; split it or trim it")
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
            return {k: v for k, v in item.items() if k in FIELDS}
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


def parse_file(data: bytes, name: str, **defaults: Any) -> ParseResult:
    """Every article in an uploaded file, row by row; see the module docstring for formats and columns.

    Raises IngestError for a problem with the whole file; a bad record is a row with an error. Fields given
    in ``defaults`` (outlet, story, language, ...) fill in what a record leaves empty.
    """
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | CSV_SUFFIXES | JSONL_SUFFIXES:
        raise IngestError(f"{name}: unsupported file type '{suffix}'; give a {SUPPORTED} file")
    bulk = suffix in JSON_SUFFIXES | CSV_SUFFIXES | JSONL_SUFFIXES
    limit = records.MAX_BULK_BYTES if bulk else records.MAX_BYTES
    if len(data) > limit:
        kind = "a .csv, .json or .jsonl" if bulk else f"a {suffix or 'text'}"
        raise IngestError(
            f"{name}: is {len(data):,} bytes, over the {limit:,}-byte limit for {kind} file; "
            "split it into smaller files"
        )
    clean = check_defaults(defaults, name)
    try:
        text = decode(data, name)
    except IngestError as exc:
        raise IngestError(str(exc).replace("a .txt, .md or .json article", f"a {SUPPORTED} file")) from None
    if not text.strip():
        raise IngestError(f"{name}: is empty; give a file with at least one article")

    if suffix in CSV_SUFFIXES:
        return parse_csv(text, name, clean)
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(text, name, clean)
    if suffix in JSON_SUFFIXES:
        return parse_json(text, name, clean)
    fmt = "html" if suffix in HTML_SUFFIXES else "md" if suffix in {".md", ".markdown"} else "txt"
    rows = Rows(name, fmt, clean, "field", "article")
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
    article, error, _ = build(fields, name, original_format, check_defaults(defaults, name))
    if error is not None:
        raise IngestError(error)
    assert article is not None
    return article


def article_from_paste(text: str, **fields: Any) -> Article:
    """An article from pasted text and form fields (title, outlet, published, ...), checked like an upload."""
    unknown = sorted(set(fields) - FIELDS)
    if unknown:
        raise TypeError(f"unknown article field(s) {', '.join(unknown)}")
    raw = {"text": text, **{k: str(v) for k, v in fields.items() if v is not None}}
    article, error, _ = build(raw, "the pasted article", "paste", {}, "field", "article")
    if error is not None:
        raise IngestError(error)
    assert article is not None
    return article


def template_csv() -> bytes:
    """The bytes of the CSV template with the documented columns, for a download button."""
    return TEMPLATE_PATH.read_bytes()
