"""Analysing many articles at once on Dask workers, and a corpus as a whole.

``analyze_many(articles)`` returns exactly what ``[analyzer.analyze(a) for a in articles]`` returns, in
the same order. With more than one worker and enough articles it runs the per-article analysis on a Dask
``LocalCluster`` (or on the scheduler given): the lexicons are sent to every worker once, each task
analyses a slice of the corpus and sends back plain tuples (offsets, strings) serialised with
``marshal``, which this process turns back into records; the article itself is never sent back. A small
batch, one core, or ``workers=1`` runs in this process. The stored-analysis command
(:mod:`framing.corpus.run`) uses the same cluster.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Sequence
from typing import NamedTuple

from framing.analysis import Analyzer, collector, default_analyzer
from framing.analysis.corpus_terms import corpus_terms
from framing.analysis.logodds import TermScore
from framing.corpus.run import dask_client
from framing.lexicons import Lexicon
from framing.models import Article, ArticleAnalysis, Hit, Quote, Span, Speaker, Term, rebuild

#: Below this many articles per worker, starting a cluster costs more than it saves.
MIN_PER_PROCESS = 40
#: The smallest slice of articles handed to a worker (the last ones are this small).
MIN_SLICE = MIN_PER_PROCESS // 2

# A worker's analyzers, by the identity of the lexicons sent to it (kept beside it, so that the identity is
# never another object's): made once per worker process.
_ANALYZERS: dict[int, tuple[dict[str, Lexicon], Analyzer]] = {}


def default_processes() -> int:
    """The cores this process may use (``FRAMING_PROCESSES`` overrides; 1 turns the cluster off)."""
    env = os.environ.get("FRAMING_PROCESSES", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class CorpusAnalysis(NamedTuple):
    """A corpus analysed as a whole: each article, its distinctive terms, and log-odds by group."""

    analyses: list[ArticleAnalysis]
    terms: list[list[Term]]
    log_odds: dict[str, list[TermScore]]


def analyze_many(
    articles: Sequence[Article],
    analyzer: Analyzer | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> list[ArticleAnalysis]:
    """Every article analysed, in order; on Dask workers when that is worth it."""
    return _Analyses(articles, analyzer, workers, scheduler).run(lambda: None)[0]


def analyze_corpus(
    articles: Sequence[Article],
    analyzer: Analyzer | None = None,
    *,
    groups: Sequence[str] | None = None,
    top: int = 15,
    workers: int | None = None,
    scheduler: str | None = None,
) -> CorpusAnalysis:
    """Every article analysed, plus TF-IDF distinctive terms and log-odds over the whole corpus.

    ``groups`` labels each article for log-odds (default: its outlet); log-odds is empty with fewer than
    two groups. While the workers analyse the articles, this process counts the terms, so the two halves
    of the work overlap.
    """
    articles = list(articles)
    labels = list(groups) if groups is not None else [a.outlet for a in articles]
    analyses, (terms, scores) = _Analyses(articles, analyzer, workers, scheduler).run(
        lambda: corpus_terms([a.text for a in articles], labels, top=top)
    )
    return CorpusAnalysis(analyses, terms, scores)


class _Analyses:
    """The analyses of some articles, on Dask workers (or here, when that is cheaper)."""

    def __init__(
        self, articles: Sequence[Article], analyzer: Analyzer | None, workers: int | None, scheduler: str | None
    ) -> None:
        self.analyzer = analyzer or default_analyzer()
        self.articles = list(articles)
        self.scheduler = scheduler
        self.workers = min(workers or default_processes(), len(self.articles) // MIN_PER_PROCESS)

    def run(self, meanwhile):
        """The analyses, and what ``meanwhile()`` returns, computed here while the workers analyse."""
        if not self.scheduler and self.workers <= 1:
            with collector.paused():
                analyses = [self.analyzer.analyze(a) for a in self.articles]
            return analyses, meanwhile()
        texts = [a.text for a in self.articles]
        slices = slice_bounds(len(texts), max(2, self.workers))
        with dask_client(self.workers, self.scheduler, dashboard=False) as client:
            lexicons = client.scatter(self.analyzer.lexicons, broadcast=True)
            futures = [
                client.submit(_analyze_slice, texts[a:b], lexicons, self.analyzer.use_parser, pure=False)
                for a, b in slices
            ]
            other = meanwhile()
            # Slices are unpacked in order as they arrive, while the workers go on with the later ones.
            flat = (item for future in futures for item in marshal.loads(future.result()))
            with collector.paused():
                analyses = [unpack(article, item) for article, item in zip(self.articles, flat)]
        return analyses, other


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


def _analyze_slice(texts: list[str], lexicons: dict[str, Lexicon], use_parser: bool) -> bytes:
    """The analyses of a slice, packed and serialised with ``marshal``: for plain tuples of numbers and
    strings it is about twice as fast as ``pickle`` to write and a little faster to read, and it too
    writes a string shared by many records (a family, an explanation) once."""
    found = _ANALYZERS.get(id(lexicons))
    analyzer = found[1] if found is not None and found[0] is lexicons else None
    if analyzer is None or analyzer.use_parser != use_parser:
        analyzer = Analyzer(lexicons, use_parser=use_parser)
        _ANALYZERS[id(lexicons)] = (lexicons, analyzer)
    with collector.paused():
        return marshal.dumps([pack(analyzer.analyze(Article(text=t, id="-"))) for t in texts])


def pack(an: ArticleAnalysis) -> tuple:
    """An analysis as plain tuples of numbers and strings, what ``marshal`` writes."""
    return (
        an.word_count,
        list(map(tuple, an.sentences)),
        list(map(tuple, an.quotes)),  # plain tuples: marshal writes no named tuples
        list(map(tuple, an.hits)),
        list(map(tuple, an.speakers)),
        an.families,
    )


def unpack(article: Article, item: tuple) -> ArticleAnalysis:
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
