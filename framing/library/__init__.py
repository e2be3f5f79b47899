"""The article library: reading files and web pages into articles (``ingest``, ``ingest_bulk``,
``ingest_html``, ``fetch``, ``records``), cleaning them (``boilerplate``, ``dates``) and keeping them in
SQLite (``store``, ``store_io``). Beside the analysis, never importing it or the render package.
"""

from framing.lazy import exports
from framing.library.boilerplate import find_boilerplate, remove_spans
from framing.library.ingest import (
    TEMPLATE_PATH,
    IngestError,
    ParseResult,
    RowResult,
    load_seeds,
    manifest_for,
    parse_file,
    read_bytes,
    read_path,
)
from framing.library.store import Library, db_path
from framing.library.store_io import LibraryError, neutralise_cell, read_export

__all__ = [
    "TEMPLATE_PATH",
    "IngestError",
    "Library",
    "LibraryError",
    "ParseResult",
    "RowResult",
    "db_path",
    "fetch_url",
    "find_boilerplate",
    "load_seeds",
    "manifest_for",
    "neutralise_cell",
    "parse_file",
    "read_bytes",
    "read_export",
    "read_path",
    "remove_spans",
]

__getattr__ = exports(__name__, {"fetch_url": "fetch"})
