"""Bulk files to articles, record by record: CSV (one article per row), JSON (one or a list), JSONL.

The column schema, limits and error wording are described in ``framing.library.ingest``; this module holds only
the three record formats' parsers, which ``framing.library.ingest.parse_file`` calls.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from framing.library import records as _limits  # limits read at call time, so a setting can change them
from framing.library.records import CSV_COLUMNS, KNOWN_COLUMNS, IngestError, ParseResult, Rows, json_kind, norm


def parse_json(text: str, name: str, defaults: dict[str, str]) -> ParseResult:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{name}: is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "check that line, or give the articles as .jsonl with one object per line"
        ) from exc
    rows = Rows(name, "json", defaults, "field", "object")
    if isinstance(obj, dict) and "text" not in obj and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    if not isinstance(obj, list):
        _json_record(rows, 1, name, obj)
        return rows.result()
    if not obj:
        raise IngestError(f'{name}: holds an empty list; give at least one article object with a "text" field')
    if len(obj) > _limits.MAX_ROWS:
        raise IngestError(
            f"{name}: holds {len(obj):,} articles, over the {_limits.MAX_ROWS:,} limit; split it into files"
        )
    for i, item in enumerate(obj, start=1):
        _json_record(rows, i, f"{name}, item {i}", item)
    return rows.result()


def _json_record(rows: Rows, row: int, where: str, obj: Any) -> None:
    if not isinstance(obj, dict):
        rows.error(row, f'{where}: is {json_kind(obj)}, not an article object; give an object like {{"text": "..."}}')
        return
    for key in obj:
        if norm(key) not in KNOWN_COLUMNS:
            rows.ignore(key)
    rows.add(row, where, {norm(k): v for k, v in obj.items()})


def parse_jsonl(text: str, name: str, defaults: dict[str, str]) -> ParseResult:
    rows = Rows(name, "jsonl", defaults, "field", "line")
    # JSON strings cannot hold a raw newline, but may hold U+2028 and friends: split on "\n" only.
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(rows.rows) >= _limits.MAX_ROWS:
            raise IngestError(f"{name}: has more than {_limits.MAX_ROWS:,} articles; split it into smaller files")
        where = f"{name}, line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.error(
                n,
                f"{where}: is not valid JSON ({exc.msg} at column {exc.colno}); each line must be one "
                'complete JSON object, like {"text": "...", "title": "..."}',
            )
            continue
        _json_record(rows, n, where, obj)
    if not rows.rows:
        raise IngestError(f"{name}: has no articles; give one JSON object per line")
    return rows.result()


_CSV_ERRORS = {
    "expected after": "a cell has more text after its closing double quote; inside a quoted cell write each "
    'double quote twice ("")',
    "unexpected end of data": "a double quote opened in this row is never closed, so the rest of the file was "
    "read into one cell; close the quote",
}


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    for key, message in _CSV_ERRORS.items():
        if key in text:
            return message
    return f"cannot be read as CSV ({text}); check its quotes and delimiters"


def _sniff_delimiter(text: str) -> str:
    for delimiter in (",", ";", "\t"):
        try:
            header = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if "text" in {norm(h) for h in header}:
            return delimiter
    return ","


def parse_csv(text: str, name: str, defaults: dict[str, str]) -> ParseResult:
    if csv.field_size_limit() < _limits.MAX_BULK_BYTES:
        csv.field_size_limit(_limits.MAX_BULK_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise IngestError(f"{name}: its header row (row 1) {_csv_problem(exc)}") from exc
    columns = [norm(h) for h in header]
    if "text" not in columns:
        shown = ", ".join(f"'{h}'" for h in header[:12]) + (", ..." if len(header) > 12 else "")
        hint = next((h for h in header if norm(h) in {"body", "content", "article", "article_text", "story_text"}), "")
        fix = f"rename the '{hint}' column to 'text'" if hint else "head the column holding each article's text 'text'"
        raise IngestError(
            f"{name}: has no 'text' column (row 1 is {shown}); {fix}. The first row must name the columns: "
            f"{', '.join(CSV_COLUMNS)}"
        )
    for col in set(columns):
        where = [i + 1 for i, c in enumerate(columns) if c == col]
        if col and len(where) > 1:
            raise IngestError(
                f"{name}: the column '{col}' appears {len(where)} times in the header (columns "
                f"{', '.join(map(str, where))}); keep one"
            )
    known = [(i, c) for i, c in enumerate(columns) if c in KNOWN_COLUMNS]
    rows = Rows(name, "csv", defaults, "column", "row")
    for i, c in enumerate(columns):
        if c not in KNOWN_COLUMNS:
            rows.ignore(header[i].strip() or f"(unnamed column {i + 1})")
    row, line = 1, reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row, line = row + 1, reader.line_num
            rows.error(row, f"{name}, row {row}{_line_hint(row, start)}: {_csv_problem(exc)}")
            continue
        row, line = row + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(rows.rows) >= _limits.MAX_ROWS:
            raise IngestError(f"{name}: has more than {_limits.MAX_ROWS:,} rows; split it into smaller files")
        where = f"{name}, row {row}{_line_hint(row, start)}"
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            rows.error(
                row,
                f"{where}: has {len(cells)} cells but the header has {len(header)} columns; a cell with a "
                f"'{reader.dialect.delimiter}' in it probably lost its double quotes: put such cells in "
                '"double quotes"',
            )
            continue
        rows.add(row, where, {c: cells[i] for i, c in known if i < len(cells)})
    if not rows.rows:
        raise IngestError(f"{name}: has a header row but no articles; add one article per row under it")
    return rows.result()


def _line_hint(row: int, line: int) -> str:
    """Where a row starts in the file, when cells with line breaks make rows and lines differ."""
    return "" if row == line else f" (from line {line} of the file)"


# ------------------------------------------------------------------------------------------------- HTML
