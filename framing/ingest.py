"""Bytes or files to Articles: plain text, Markdown and JSON, with clear errors for bad input.

A .txt or .md article's first non-empty line is its title; the article text is the whole file, so
offsets index exactly what the user gave. A ``manifest.json`` beside the files (as in ``seeds/``)
supplies outlet, title, language and story for the files it lists.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

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
        raise IngestError(
            f"{name}: looks like a binary file, not text (it contains NUL bytes); give a .txt, .md or .json article"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise IngestError(
            f"{name}: looks like a binary file, not text (many control characters); give a .txt, .md or .json article"
        )
    return text


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
