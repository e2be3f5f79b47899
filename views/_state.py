"""The only place with Streamlit caching: thin wrappers over the engine."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from typing import Any

import streamlit as st

from framing import (
    Analyzer,
    Article,
    ArticleAnalysis,
    Comparison,
    compare,
    load_seeds,
    load_shipped,
)
from framing.analysis import analyze_cached, realign
from framing.lexicons import Lexicon, LexiconError, apply_overlay
from framing.library import Library, db_path
from framing.text import Document, ParserStatus, load_parser, parser_installed

UPLOADS_KEY = "compare_uploads"


def parser_status() -> ParserStatus:
    """Whether speakers come from the grammar model (loaded once per process) or from word rules: found
    without loading the model (which the analyses load when they need it)."""
    return parser_installed()


@st.cache_resource(show_spinner=False)
def preload_parser() -> threading.Thread | None:
    """Load the grammar model in the background, once per process, after the first page is drawn: the
    seeds' analyses come from the analysis cache, and a new article then finds the model ready."""
    if parser_installed().method != "syntax":
        return None
    thread = threading.Thread(target=load_parser, name="framing-parser-preload", daemon=True)
    thread.start()
    return thread


@st.cache_resource(show_spinner=False)
def shipped_lexicons() -> dict[str, Lexicon]:
    """The lexicons as shipped, without the user's overlay."""
    return load_shipped()


def overlay_rows() -> list[dict[str, Any]]:
    """The user's lexicon overlay, read from the library on every run (a small table)."""
    return library().overlay_entries()


def overlay_version(rows: list[dict[str, Any]] | None = None) -> str:
    """A short hash of the overlay: the caches below are keyed by it, so an edit takes effect at once."""
    rows = overlay_rows() if rows is None else rows
    blob = json.dumps(rows, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@st.cache_resource(show_spinner=False, max_entries=4)
def _overlaid(version: str, _rows: list[dict[str, Any]]) -> tuple[dict[str, Lexicon], str]:
    """The lexicons with the overlay applied, and an error message if the overlay could not be applied
    (then the shipped lexicons are used)."""
    try:
        return apply_overlay(shipped_lexicons(), _rows), ""
    except LexiconError as exc:
        return shipped_lexicons(), f"Your lexicon overlay was not applied: {exc}"


@st.cache_resource(show_spinner=False, max_entries=4)
def _analyzer(version: str, _lexicons: dict[str, Lexicon]) -> Analyzer:
    return Analyzer(_lexicons)


def lexicons() -> dict[str, Lexicon]:
    """The lexicons in use: the shipped ones with the user's overlay applied."""
    rows = overlay_rows()
    return _overlaid(overlay_version(rows), rows)[0]


def overlay_error() -> str:
    """Why the overlay could not be applied, or ""."""
    rows = overlay_rows()
    return _overlaid(overlay_version(rows), rows)[1]


def analyzer() -> Analyzer:
    """The analyzer for the lexicons in use, compiled once per overlay version."""
    rows = overlay_rows()
    version = overlay_version(rows)
    return _analyzer(version, _overlaid(version, rows)[0])


@st.cache_data(show_spinner=False)
def seed_articles() -> list[Article]:
    return load_seeds()


@st.cache_resource(show_spinner=False)
def _library(path: str) -> Library:
    lib = Library(path)  # safe to share across sessions: the store holds a lock around its connection
    lib.seed_if_new()
    return lib


def library() -> Library:
    """The library database (FRAMING_DB or data/library.db), seeded on first use with the seeds and corpus."""
    return _library(str(db_path()))


def _keys(articles: Sequence[Article]) -> tuple[tuple[str, ...], ...]:
    return tuple((a.id, a.outlet, a.title, a.published, a.story) for a in articles)  # metadata can be edited


def analyses(articles: tuple[Article, ...]) -> list[ArticleAnalysis]:
    """Each article analysed with the lexicons in use (cached per overlay version).

    All that the highlighted articles need: the Compare page draws them from this before it makes the
    whole comparison (terms, alignment, log-odds, tone), which then reuses these analyses.
    """
    return _analyses(_keys(articles), overlay_version(), articles)


@st.cache_data(show_spinner="Analysing…", max_entries=64)
def _analyses(ids: tuple[tuple[str, ...], ...], overlay: str, _articles: tuple[Article, ...]) -> list[ArticleAnalysis]:
    engine = analyzer()
    return [analyze_cached(engine, a) for a in _articles]  # (read back from disk when made before)


class _Analysed:
    """An analyzer that hands ``compare`` the analyses already made, so no article is analysed twice;
    anything else (another article, any other attribute) is the real analyzer's."""

    def __init__(self, engine: Analyzer, done: Sequence[ArticleAnalysis]) -> None:
        self._engine = engine
        self._done = {an.article.id: an for an in done}

    def analyze(self, article: Article, doc: Document | None = None) -> ArticleAnalysis:
        an = self._done.get(article.id)
        return an if an is not None and an.article == article else self._engine.analyze(article, doc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


def comparison(articles: tuple[Article, ...], background: tuple[str, ...] = ()) -> Comparison:
    """The comparison of the articles with the lexicons in use (cached per overlay version).

    The background (the whole library, for the log-odds prior) is keyed by one fast digest rather than
    hashed text by text by Streamlit, which took seconds per rerun on a large library.
    """
    digest = hashlib.blake2b("\x00".join(background).encode("utf-8"), digest_size=16).hexdigest()
    return _comparison(_keys(articles), digest, overlay_version(), articles, background)


@st.cache_data(show_spinner="Analysing…", max_entries=64)
def _comparison(
    ids: tuple[tuple[str, ...], ...],
    digest: str,
    overlay: str,
    _articles: tuple[Article, ...],
    _background: tuple[str, ...],
) -> Comparison:
    done = _analyses(ids, overlay, _articles)  # cached: made already when the page drew the highlights
    engine = _Analysed(analyzer(), done)
    return compare(list(_articles), analyzer=engine, background=list(_background))  # type: ignore[arg-type]


def realigned(ids: tuple[str, ...], threshold: float, _comparison: Comparison) -> Comparison:
    """The comparison aligned at another threshold (keyed by article ids, threshold and overlay version)."""
    return _realigned(ids, threshold, overlay_version(), _comparison)


@st.cache_data(show_spinner=False, max_entries=64)
def _realigned(ids: tuple[str, ...], threshold: float, overlay: str, _comparison: Comparison) -> Comparison:
    return realign(_comparison, threshold)


def uploaded_articles() -> dict[str, Article]:
    """Articles the user added in this session, by id."""
    return st.session_state.setdefault(UPLOADS_KEY, {})


def available_articles() -> list[Article]:
    """The library's articles, then this session's uploads; nothing is listed twice."""
    seen: dict[str, Article] = {a.id: a for a in library().articles()}
    for a in uploaded_articles().values():
        seen.setdefault(a.id, a)
    return list(seen.values())


# ---------------------------------------------------------------------------------------- the Coverage page
# The stored analyses are read once per library state into frames shared by every session (read-only: no
# caller changes them); each table the page shows is cached by the library's state and the filters.

#: The engine's tables the Coverage page caches (names in framing.corpus).
COVERAGE_TABLES = ("rates", "totals", "trend", "label_choices", "speaker_stances", "key_counts")


def library_stamp() -> tuple[int, ...]:
    """Changes whenever the library file is written (the SQLite file and its write-ahead log)."""
    path = library().path
    stamp: list[int] = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            info = p.stat()
            stamp += [info.st_mtime_ns, info.st_size]
        except OSError:
            stamp += [0, 0]
    return tuple(stamp)


@st.cache_resource(show_spinner="Reading the stored analyses…", max_entries=2)
def _coverage(path: str, stamp: tuple[int, ...]) -> Any:
    from framing.corpus import load_coverage

    return load_coverage(library())


def coverage() -> Any:
    """The library's stored analyses as frames (framing.corpus.Coverage), read again after any write."""
    return _coverage(str(library().path), library_stamp())


@st.cache_resource(show_spinner="Reading the stored term counts…", max_entries=1)
def _term_matrix(path: str, stamp: tuple[int, ...]) -> Any:
    from framing.corpus import load_terms

    return load_terms(library())


def term_matrix() -> Any:
    """The stored term counts (framing.corpus.TermMatrix), read only when distinctive terms are shown."""
    return _term_matrix(str(library().path), library_stamp())


@st.cache_resource(show_spinner=False, max_entries=4)
def _rules_analyzer(version: str, _lexicons: dict[str, Lexicon]) -> Analyzer:
    return Analyzer(_lexicons, use_parser=False)


@st.cache_data(show_spinner=False, max_entries=8)
def _analysis_status(path: str, stamp: tuple[int, ...], overlay: str) -> tuple[dict[str, int], str]:
    from framing.corpus import carry_forward, status, version_of

    rows = overlay_rows()
    analyzers = (analyzer(), _rules_analyzer(overlay, _overlaid(overlay, rows)[0]))
    # After a lexicon edit, the stored analyses it cannot change are kept current; the rest stay stale.
    kept = sum(carry_forward(library(), a).kept for a in analyzers)
    found = status(library(), {version_of(a).key for a in analyzers})
    return {**found, "kept": kept}, str(library().path)


def analysis_status() -> tuple[dict[str, int], str]:
    """How many articles have a current, stale or no stored analysis (current: made with the lexicons in use
    and this code, with or without the parser), and the library's path."""
    return _analysis_status(str(library().path), library_stamp(), overlay_version())


@st.cache_data(show_spinner=False, max_entries=32)
def _search(path: str, stamp: tuple[int, ...], term: str) -> frozenset[str]:
    from framing.corpus import search_ids

    return search_ids(library(), term)


def coverage_articles(filters: tuple[Any, ...]) -> Any:
    """The analysed articles chosen by ``filters`` = (outlets, since, until, stories, search), a DataFrame."""
    from framing.corpus import choose

    outlets, since, until, stories, search = filters
    stamp = library_stamp()
    ids = _search(str(library().path), stamp, search.strip()) if search.strip() else None
    return choose(coverage(), outlets=outlets, since=since, until=until, stories=stories, ids=ids)


@st.cache_data(show_spinner="Counting…", max_entries=128)
def _coverage_table(path: str, stamp: tuple[int, ...], name: str, filters: tuple[Any, ...], args: tuple) -> Any:
    import framing.corpus

    return getattr(framing.corpus, name)(coverage(), coverage_articles(filters), *args)


def coverage_table(name: str, filters: tuple[Any, ...], *args: Any) -> Any:
    """One of the engine's tables (``COVERAGE_TABLES``) for the chosen articles, cached by library state."""
    if name not in COVERAGE_TABLES:
        raise ValueError(f"unknown coverage table {name!r}")
    return _coverage_table(str(library().path), library_stamp(), name, filters, args)


@st.cache_data(show_spinner="Finding the distinctive terms…", max_entries=32)
def _distinctive(path: str, stamp: tuple[int, ...], filters: tuple[Any, ...]) -> Any:
    from framing.corpus import distinctive_terms

    return distinctive_terms(term_matrix(), coverage_articles(filters))


def distinctive(filters: tuple[Any, ...]) -> Any:
    """Each chosen outlet's distinctive terms (log-odds against the other chosen outlets)."""
    return _distinctive(str(library().path), library_stamp(), filters)


def analyse_library_now() -> Any:
    """Every new or stale article of the library analysed in this process with the lexicons in use, and stored
    (the Coverage page offers it for a small library; a large one is analysed by ``corpus analyze``)."""
    from framing.corpus import analyse_library

    return analyse_library(library(), analyzer(), workers=0, progress=None)
