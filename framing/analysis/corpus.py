"""Analysing many articles at once, spread over the machine's cores, and a corpus as a whole.

``analyze_many(articles)`` returns exactly what ``[analyzer.analyze(a) for a in articles]`` returns, in
the same order. With more than one core and enough articles it runs the per-article analysis in worker
processes: each worker receives the lexicons once, analyses a slice of the corpus, and sends back plain
tuples (offsets, strings), which the parent turns back into records; the article itself is never sent
back. A small batch, one core, or ``processes=1`` runs in this process.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
from collections.abc import Sequence
from typing import NamedTuple

from framing.analysis import collector
from framing.analysis.article import Analyzer, default_analyzer
from framing.analysis.corpus_terms import corpus_terms
from framing.analysis.logodds import TermScore
from framing.lexicons import Lexicon
from framing.models import Article, ArticleAnalysis, Hit, Quote, Span, Speaker, Term, rebuild

#: Below this many articles per process, starting processes costs more than it saves.
MIN_PER_PROCESS = 40
#: The smallest slice of articles handed to a worker (the last ones are this small).
MIN_SLICE = MIN_PER_PROCESS // 2

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
            # A slice is sent as its bounds: each worker gets the texts once, when it starts (with "fork",
            # by inheriting this process's memory: nothing is copied through a pipe).
            slices = slice_bounds(len(texts), workers)
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self.pool = ctx.Pool(workers, initializer=_init_worker, initargs=(self.analyzer.lexicons, texts))
            self.pending = self.pool.imap(_analyze_slice, slices, chunksize=1)

    def result(self) -> list[ArticleAnalysis]:
        if self.pool is None:
            with collector.paused():
                return [self.analyzer.analyze(a) for a in self.articles]
        # Slices are unpacked in order as they arrive, while the workers go on with the later ones.
        flat = (item for blob in self.pending for item in marshal.loads(blob))
        with collector.paused():
            return [_unpack(article, item) for article, item in zip(self.articles, flat)]

    def __enter__(self) -> _Analyses:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def slice_bounds(n: int, workers: int, smallest: int = MIN_SLICE) -> list[tuple[int, int]]:
    """Contiguous slices of ``n`` articles for ``workers`` processes, large first and ever smaller.

    Each slice is the rest divided by twice the workers (never under ``smallest``): the first slices are
    large, so little time goes on handing them out, and the last are small, so the workers finish close
    together and this process has only a small slice left to unpack once they are done.
    """
    out = []
    start = 0
    while start < n:
        end = min(n, start + max(smallest, -(-(n - start) // (2 * workers))))
        out.append((start, end))
        start = end
    return out


def _init_worker(lexicons: dict[str, Lexicon], texts: list[str]) -> None:
    global _worker_analyzer, _worker_texts
    _worker_analyzer = Analyzer(lexicons)
    _worker_texts = texts


def _analyze_slice(bounds: tuple[int, int]) -> bytes:
    """The analyses of a slice, packed and serialised with ``marshal``: for plain tuples of numbers and
    strings it is about twice as fast as ``pickle`` to write and a little faster to read, and it too
    writes a string shared by many records (a family, an explanation) once. The bytes are the workers'
    own, never read from anywhere else."""
    analyzer = _worker_analyzer or default_analyzer()
    texts = _worker_texts[bounds[0] : bounds[1]]
    with collector.paused():
        return marshal.dumps([_pack(analyzer.analyze(Article(text=t, id="-"))) for t in texts])


def _pack(an: ArticleAnalysis) -> tuple:
    """An analysis as plain tuples of numbers and strings, what ``marshal`` writes."""
    return (
        an.word_count,
        list(map(tuple, an.sentences)),
        list(map(tuple, an.quotes)),  # plain tuples: marshal writes no named tuples
        list(map(tuple, an.hits)),
        list(map(tuple, an.speakers)),
        an.families,
    )


def _unpack(article: Article, item: tuple) -> ArticleAnalysis:
    word_count, sentences, quotes, hits, speakers, families = item
    return ArticleAnalysis(
        article=article,
        word_count=word_count,
        sentences=rebuild(Span, sentences),
        quotes=rebuild(Quote, quotes),
        hits=rebuild(Hit, hits),
        speakers=rebuild(Speaker, speakers),
        families=tuple(families),
    )
