"""Files in and out of the library: its export format (JSONL, CSV) and the starter set of seeds and corpus.

The export format is written and read back without losing a byte of text.

Every field of an :class:`~framing.models.Article` is exported, ``meta`` as a JSON object (JSONL) or a
JSON string (CSV). CSV cells are made safe for spreadsheets: a cell that starts with ``= + - @``, a tab
or a carriage return gets a leading apostrophe, so that Excel or LibreOffice shows it as text instead
of running it as a formula, and reading strips exactly that apostrophe again. A cell that really
starts with an apostrophe followed by one of those characters (or by a second apostrophe) is given one
more apostrophe, so that writing then reading is the identity on every string.

Files are UTF-8; CSV starts with a byte-order mark so that spreadsheets read Arabic or emoji correctly.
Both directions take text or binary file objects; open text files with ``newline=""`` so that the
carriage returns inside an article survive.

A new library starts with the seed articles (through ``ingest.load_seeds``, like any upload), the
bundled illustrative corpus in ``data/corpus/`` and a neutral description of each outlet.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from framing.library import ingest
from framing.models import Article, content_id

# Export columns, in order: metadata first, the (long) text last so a spreadsheet stays readable.
EXPORT_FIELDS: tuple[str, ...] = (
    "id",
    "outlet",
    "title",
    "author",
    "published",
    "url",
    "language",
    "story",
    "source_name",
    "original_format",
    "added_at",
    "meta",
    "text",
)
_STRING_FIELDS = tuple(f for f in EXPORT_FIELDS if f not in ("id", "meta", "text"))
FORMULA_STARTS = frozenset("=+-@\t\r")
_ESCAPED_STARTS = FORMULA_STARTS | {"'"}
_CSV_FIELD_LIMIT = 2**31 - 1


class LibraryError(ValueError):
    """A library file or database that cannot be used; the message says what is wrong and how to fix it."""


# ------------------------------------------------------------------------------------------ cells


def neutralise_cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula; :func:`restore_cell` undoes it exactly."""
    if value[:1] in FORMULA_STARTS or (value[:1] == "'" and value[1:2] in _ESCAPED_STARTS):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """The cell as it was before :func:`neutralise_cell`."""
    if value[:1] == "'" and value[1:2] in _ESCAPED_STARTS:
        return value[1:]
    return value


# ---------------------------------------------------------------------------------------- records


def article_record(article: Article) -> dict[str, Any]:
    """Every field of an article, as exported."""
    return {
        **{f: getattr(article, f) for f in EXPORT_FIELDS if f != "meta"},
        "meta": dict(article.meta),
    }


def record_article(record: dict[str, Any], where: str) -> Article:
    """An article from an exported record; ``where`` (file and line or row) starts every error."""
    text = record.get("text")
    if not isinstance(text, str) or not text:
        raise LibraryError(f'{where}: no "text"; every exported article has its text')
    fields: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        value = record.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise LibraryError(f'{where}: "{name}" should be a string, not {type(value).__name__}')
        fields[name] = value
    meta = record.get("meta") or {}
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except json.JSONDecodeError as exc:
            raise LibraryError(f'{where}: "meta" is not valid JSON ({exc.msg}); leave it empty or fix it') from exc
    if not isinstance(meta, dict):
        raise LibraryError(f'{where}: "meta" should be a JSON object')
    expected = content_id(text)
    given = record.get("id") or ""
    if given and given != expected:
        raise LibraryError(
            f"{where}: the text does not match its id {given} (it was changed after export, perhaps by a "
            "spreadsheet); clear the id to import the text as a new article"
        )
    return Article(text=text, id=expected, meta=meta, **fields)


# ------------------------------------------------------------------------------------------ files


@contextmanager
def _text_out(fp: IO[Any]) -> Iterator[IO[str]]:
    if isinstance(fp, io.TextIOBase):
        yield fp
        return
    wrapper = io.TextIOWrapper(fp, encoding="utf-8", newline="")
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


def _read_text(fp: IO[Any], name: str) -> str:
    data = fp.read()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LibraryError(f"{name}: is not UTF-8 (byte {exc.start}); export it from the library again") from exc
    return data.removeprefix("\ufeff")


def write_jsonl(articles: Iterable[Article], fp: IO[Any]) -> int:
    """One JSON object per line; returns the number written."""
    n = 0
    with _text_out(fp) as out:
        for article in articles:
            out.write(json.dumps(article_record(article), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def write_csv(articles: Iterable[Article], fp: IO[Any]) -> int:
    """A header row then one row per article, every cell neutralised; returns the number written."""
    n = 0
    with _text_out(fp) as out:
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(EXPORT_FIELDS)
        for article in articles:
            record = article_record(article)
            record["meta"] = json.dumps(record["meta"], ensure_ascii=False, default=str) if record["meta"] else ""
            writer.writerow([neutralise_cell(record[f]) for f in EXPORT_FIELDS])
            n += 1
    return n


def parse_jsonl(text: str, name: str) -> tuple[list[Article], list[str]]:
    """The articles of a JSONL export, and one error line per bad line."""
    articles, errors = [], []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise LibraryError(f"{where}: should be a JSON object")
            articles.append(record_article(record, where))
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: is not valid JSON ({exc.msg}, column {exc.colno})")
        except LibraryError as exc:
            errors.append(str(exc))
    return articles, errors


def parse_csv(text: str, name: str) -> tuple[list[Article], list[str]]:
    """The articles of a CSV export, and one error line per bad row (the header is row 1, as in a spreadsheet)."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [restore_cell(h).strip() for h in next(rows, [])]
    except csv.Error as exc:
        raise LibraryError(f"{name}: the header row cannot be read ({exc})") from exc
    if "text" not in header:
        raise LibraryError(f'{name}: the header row has no "text" column; is this a library export?')
    articles, errors = [], []
    number = 1
    while True:
        number += 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(f"{name}, row {number}: cannot be read ({exc}); check its double quotes")
            continue
        if not any(row):
            continue
        where = f"{name}, row {number}"
        if len(row) != len(header):
            errors.append(f"{where}: has {len(row)} cells where the header has {len(header)}")
            continue
        try:
            articles.append(record_article({h: restore_cell(v) for h, v in zip(header, row)}, where))
        except LibraryError as exc:
            errors.append(str(exc))
    return articles, errors


def _all_or_nothing(parsed: tuple[list[Article], list[str]]) -> list[Article]:
    articles, errors = parsed
    if errors:
        raise LibraryError("\n".join(errors))
    return articles


def read_jsonl(fp: IO[Any], name: str = "export.jsonl") -> list[Article]:
    """The articles of a JSONL export; every bad line is reported at once in one :class:`LibraryError`."""
    return _all_or_nothing(parse_jsonl(_read_text(fp, name), name))


def read_csv(fp: IO[Any], name: str = "export.csv") -> list[Article]:
    """The articles of a CSV export; every bad row is reported at once in one :class:`LibraryError`."""
    return _all_or_nothing(parse_csv(_read_text(fp, name), name))


def read_export(data: bytes, name: str) -> tuple[list[Article], list[str]] | None:
    """(articles, row errors) when ``data`` is a library export (a .csv or .jsonl with exactly the export's
    columns), else None. Read an export here rather than as a generic upload, so that its neutralised
    cells and ``meta`` come back exactly."""
    suffix = Path(name).suffix.lower()
    first = data.split(b"\n", 1)[0].rstrip(b"\r").removeprefix(codecs.BOM_UTF8)
    if suffix == ".csv" and first == ",".join(EXPORT_FIELDS).encode():
        return parse_csv(_read_text(io.BytesIO(data), name), name)
    if suffix == ".jsonl":
        try:
            record = json.loads(first)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return None
        if isinstance(record, dict) and set(record) == set(EXPORT_FIELDS):
            return parse_jsonl(_read_text(io.BytesIO(data), name), name)
    return None


# --------------------------------------------------------------------------------- starter set

SEED_STORY_DESCRIPTION = (
    "The 2021 Vienna talks on the Iran nuclear deal, reported by an Israeli news agency (TPS) "
    "and a Lebanese outlet (Al Mayadeen)."
)
SEED_OUTLETS = (
    {
        "name": "TPS",
        "country": "Israel",
        "language": "he, en",
        "description": "Tazpit Press Service, an Israeli news agency.",
    },
    {
        "name": "Al Mayadeen",
        "country": "Lebanon",
        "language": "ar, en",
        "description": "A Lebanese pan-Arab satellite television channel and news website.",
    },
)


def load_corpus(folder: str | os.PathLike[str]) -> tuple[list[Article], list[dict[str, Any]], dict[str, str]]:
    """The bundled illustrative corpus: (articles, outlets, {story: description}). A missing folder is empty.

    Every ``*.json`` in ``folder`` except ``outlets.json`` is one story: ``{"story", "description",
    "illustrative", "articles": [{"outlet", "title", "published", "language", "text", ...}]}``; its
    articles are marked ``meta["illustrative"]``. ``outlets.json`` is ``[{"name", "country", "language",
    "description"}]``. A malformed file raises :class:`LibraryError` naming it.
    """
    root = Path(folder)
    articles: list[Article] = []
    outlets: list[dict[str, Any]] = []
    stories: dict[str, str] = {}
    if not root.is_dir():
        return articles, outlets, stories
    for path in sorted(root.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LibraryError(f"{path}: bundled corpus file cannot be read ({exc})") from exc
        if path.name == "outlets.json":
            if not isinstance(doc, list) or not all(isinstance(o, dict) and o.get("name") for o in doc):
                raise LibraryError(f'{path}: should be a list of objects, each with a "name"')
            outlets.extend(doc)
            continue
        if not (isinstance(doc, dict) and isinstance(doc.get("story"), str) and isinstance(doc.get("articles"), list)):
            raise LibraryError(f'{path}: should be an object with "story" (a string) and "articles" (a list)')
        story = doc["story"]
        stories[story] = str(doc.get("description") or "")
        meta = {"illustrative": bool(doc.get("illustrative", True)), "corpus_file": path.name}
        for i, obj in enumerate(doc["articles"], 1):
            try:
                article = ingest.article_from_json(obj, name=f"{path.name}, article {i}", story=story)
            except ingest.IngestError as exc:
                raise LibraryError(f"bundled corpus: {exc}") from exc
            articles.append(replace(article, original_format="json", meta=dict(meta)))
    return articles, outlets, stories


def starter_set(corpus_dir: str | os.PathLike[str]) -> tuple[list[Article], list[dict[str, Any]], dict[str, str]]:
    """What a new library starts with: (seeds then corpus articles, outlets, {story: description})."""
    seeds = [replace(a, original_format=a.original_format or "txt") for a in ingest.load_seeds()]
    articles, outlets, stories = load_corpus(corpus_dir)
    for seed in seeds:
        if seed.story:
            stories.setdefault(seed.story, SEED_STORY_DESCRIPTION)
    return [*seeds, *articles], [*SEED_OUTLETS, *outlets], stories
