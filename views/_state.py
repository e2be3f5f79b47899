"""The only place with Streamlit caching: thin wrappers over the engine."""

from __future__ import annotations

import streamlit as st

from framing import Analyzer, Article, Comparison, compare, load_seeds, load_shipped
from framing.compare import realign
from framing.lexicons import Lexicon
from framing.store import Library, db_path

UPLOADS_KEY = "compare_uploads"


@st.cache_resource(show_spinner=False)
def analyzer() -> Analyzer:
    return Analyzer()


@st.cache_resource(show_spinner=False)
def lexicons() -> dict[str, Lexicon]:
    return load_shipped()


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


@st.cache_data(show_spinner="Analysing…", max_entries=64)
def comparison(articles: tuple[Article, ...], background: tuple[str, ...] = ()) -> Comparison:
    return compare(list(articles), analyzer=analyzer(), background=list(background))


@st.cache_data(show_spinner=False, max_entries=64)
def realigned(ids: tuple[str, ...], threshold: float, _comparison: Comparison) -> Comparison:
    """The comparison aligned at another threshold (keyed by article ids and threshold)."""
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
