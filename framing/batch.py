"""Analysing many articles at once, spread over the machine's cores, and a corpus as a whole.

``analyze_many(articles)`` returns exactly what ``[analyzer.analyze(a) for a in articles]`` returns, in
the same order. With more than one core and enough articles it runs the per-article analysis in worker
processes: each worker receives the lexicons once, analyses a slice of the corpus, and sends back plain
tuples (offsets, strings), which the parent turns back into records; the article itself is never sent
back. A small batch, one core, or ``processes=1`` runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from typing import NamedTuple

from . import collector
from .analyze import Analyzer, default_analyzer
from .lexicons import Lexicon
from .logodds import TermScore
from .models import Article, ArticleAnalysis, Hit, Quote, Span, Speaker, Term, rebuild
from .term_counts import corpus_terms

#: Below this many articles per process, starting processes costs more than it saves.
MIN_PER_PROCESS = 40
#: Slices per worker: a few, so one slow slice does not hold up the rest (8 or 16 measured no faster).
SLICES_PER_PROCESS = 4

_worker_analyzer: Analyzer | None = None
_worker_texts: list[str] = []  # the texts of the batch this worker process serves


def default_processes() -> int:
    """The cores this process may use (``FRAMING_PROCESSES`` overrides; 1 turns the pool off)."""
    env = os.environ.get("FRAMING_PROCESSES", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_many(
    articles: Sequence[Article],
    analyzer: Analyzer | None = None,
    *,
    processes: int | None = None,
) -> list[ArticleAnalysis]:
    """Every article analysed, in order; over several processes when that is worth it."""
    with _Analyses(articles, analyzer, processes) as pending:
        return pending.result()


class CorpusAnalysis(NamedTuple):
    """A corpus analysed as a whole: each article, its distinctive terms, and log-odds by group."""

    analyses: list[ArticleAnalysis]
    terms: list[list[Term]]
    log_odds: dict[str, list[TermScore]]


def analyze_corpus(
    articles: Sequence[Article],
    analyzer: Analyzer | None = None,
    *,
    groups: Sequence[str] | None = None,
    top: int = 15,
    processes: int | None = None,
) -> CorpusAnalysis:
    """Every article analysed, plus TF-IDF distinctive terms and log-odds over the whole corpus.

    ``groups`` labels each article for log-odds (default: its outlet); log-odds is empty with fewer than
    two groups. While worker processes analyse the articles, this process counts the terms, so the two
    halves of the work overlap.
    """
    articles = list(articles)
    labels = list(groups) if groups is not None else [a.outlet for a in articles]
    with _Analyses(articles, analyzer, processes) as pending:
        terms, scores = corpus_terms([a.text for a in articles], labels, top=top)
        return CorpusAnalysis(pending.result(), terms, scores)


class _Analyses:
    """The analyses of some articles, started in worker processes (or done here when that is cheaper)."""

    def __init__(self, articles: Sequence[Article], analyzer: Analyzer | None, processes: int | None) -> None:
        self.analyzer = analyzer or default_analyzer()
        self.articles = list(articles)
        workers = min(processes or default_processes(), len(self.articles) // MIN_PER_PROCESS)
        self.pool = None
        if workers > 1:
            texts = [a.text for a in self.articles]
            # Contiguous slices, a few per worker, so one slow slice does not hold up the rest. A slice is
            # sent as its bounds: each worker gets the texts once, when it starts (with "fork", by
            # inheriting this process's memory: nothing is copied through a pipe).
            step = max(MIN_PER_PROCESS // 2, -(-len(texts) // (workers * SLICES_PER_PROCESS)))
            slices = [(i, min(i + step, len(texts))) for i in range(0, len(texts), step)]
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self.pool = ctx.Pool(workers, initializer=_init_worker, initargs=(self.analyzer.lexicons, texts))
            self.pending = self.pool.imap(_analyze_slice, slices, chunksize=1)

    def result(self) -> list[ArticleAnalysis]:
        if self.pool is None:
            with collector.paused():
                return [self.analyzer.analyze(a) for a in self.articles]
        # Slices are unpacked in order as they arrive, while the workers go on with the later ones.
        flat = (item for chunk in self.pending for item in chunk)
        with collector.paused():
            return [_unpack(article, item) for article, item in zip(self.articles, flat)]

    def __enter__(self) -> _Analyses:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def _init_worker(lexicons: dict[str, Lexicon], texts: list[str]) -> None:
    global _worker_analyzer, _worker_texts
    _worker_analyzer = Analyzer(lexicons)
    _worker_texts = texts


def _analyze_slice(bounds: tuple[int, int]) -> list[tuple]:
    analyzer = _worker_analyzer or default_analyzer()
    texts = _worker_texts[bounds[0] : bounds[1]]
    with collector.paused():
        return [_pack(analyzer.analyze(Article(text=t, id="-"))) for t in texts]


def _pack(an: ArticleAnalysis) -> tuple:
    """An analysis as plain tuples, cheap to send between processes (pickle shares repeated strings)."""
    return (
        an.word_count,
        list(map(tuple, an.sentences)),
        list(map(tuple, an.quotes)),  # plain tuples: a named tuple would be pickled with a Python call each
        list(map(tuple, an.hits)),
        list(map(tuple, an.speakers)),
    )


def _unpack(article: Article, item: tuple) -> ArticleAnalysis:
    word_count, sentences, quotes, hits, speakers = item
    return ArticleAnalysis(
        article=article,
        word_count=word_count,
        sentences=rebuild(Span, sentences),
        quotes=rebuild(Quote, quotes),
        hits=rebuild(Hit, hits),
        speakers=rebuild(Speaker, speakers),
    )
