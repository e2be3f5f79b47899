"""Analyses kept on disk between runs, keyed by everything that makes them.

The app's first page compares the two embedded seed articles. Analysing them needs the grammar model
(:mod:`framing.text.parser`), whose loading costs seconds; an analysis read back from disk costs milliseconds.
So an analysis is stored once made, in the cache folder of :mod:`framing.lexicons.yaml_cache`
(``FRAMING_CACHE_DIR``; ``off`` turns caching off), under a name made from the SHA-256 of:

- the article's text (an analysis reads nothing else of the article; the article handed in is put in
  the analysis read back, so its metadata are always the caller's),
- the lexicons the analyzer holds (every entry, as loaded, with the user's overlay),
- the engine's code (every ``.py`` file of ``framing/``),
- which speaker method runs, with the versions of spaCy and the model, and whether the parse is used.

A change to any of them names another file, so a stale analysis is never read. The cache is only a
speed-up: a folder that cannot be written, or a damaged file, means the article is analysed as before.
An analysis is stored only when the method that made it is the one its name says (a model that fails to
load falls back to the rules, and that analysis is not stored under the model's name).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import weakref
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from framing.analysis.article import Analyzer
from framing.lexicons.yaml_cache import cache_dir
from framing.models import Article, ArticleAnalysis
from framing.text import parser

#: Part of every file's name: a change to what is stored starts a new set of files.
FORMAT = "analysis-2"
_ROOT = Path(__file__).resolve().parents[1]  # the whole engine, framing/


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The SHA-256 of the engine's source files (their paths and bytes), read once per process."""
    h = hashlib.sha256()
    for path in sorted(_ROOT.rglob("*.py")):
        h.update(str(path.relative_to(_ROOT)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def lexicon_fingerprint(analyzer: Analyzer) -> str:
    """The SHA-256 of the analyzer's lexicons, every entry with every field; worked out once per analyzer."""
    found = _fingerprints.get(analyzer)
    if found is None:
        blob = repr(sorted((name, lex.name, lex.version, lex.entries) for name, lex in analyzer.lexicons.items()))
        found = _fingerprints[analyzer] = hashlib.sha256(blob.encode("utf-8")).hexdigest()
    return found


# An analyzer's lexicons are fixed when it is made: its fingerprint is kept while the analyzer lives.
_fingerprints: weakref.WeakKeyDictionary[Analyzer, str] = weakref.WeakKeyDictionary()


def parser_method(analyzer: Analyzer) -> str:
    """Which speaker method the analyzer runs, and with which parser model: part of every version key."""
    if not analyzer.use_parser:
        return "rules (parse not used)"
    st = parser.installed()
    return f"{st.method}: {st.detail}"


def key(analyzer: Analyzer, article: Article) -> str:
    parts = (FORMAT, code_fingerprint(), lexicon_fingerprint(analyzer), parser_method(analyzer), article.text)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def analyze(analyzer: Analyzer, article: Article) -> ArticleAnalysis:
    """``analyzer.analyze(article)``, read from the cache folder when it was made before."""
    folder = cache_dir()
    if folder is None:
        return analyzer.analyze(article)
    name = key(analyzer, article)
    path = folder / f"{FORMAT}-{name}.pickle"
    try:
        with path.open("rb") as fp:
            found = pickle.load(fp)
        if isinstance(found, ArticleAnalysis) and found.article.text == article.text:
            return found if found.article == article else replace(found, article=article)
    except Exception:  # noqa: BLE001 - not there, or damaged (any unpickling error): analyse again
        pass
    made = analyzer.analyze(article)
    if not analyzer.use_parser or parser.loaded() == (parser.installed().method == "syntax"):
        _store(path, made)
    return made


def _store(path: Path, analysis: ArticleAnalysis) -> None:
    """Write the analysis beside its final name and rename it, so a reader sees all of it or none; never fail."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fp:
                pickle.dump(analysis, fp, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
