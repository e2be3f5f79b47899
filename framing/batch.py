"""Analysing many articles at once, spread over the machine's cores.

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

from .analyze import Analyzer, default_analyzer
from .lexicons import Lexicon
from .models import Article, ArticleAnalysis, Hit, Quote, Span, Speaker

#: Below this many articles per process, starting processes costs more than it saves.
MIN_PER_PROCESS = 40

_worker_analyzer: Analyzer | None = None


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
    analyzer = analyzer or default_analyzer()
    articles = list(articles)
    workers = min(processes or default_processes(), len(articles) // MIN_PER_PROCESS)
    if workers <= 1:
        return [analyzer.analyze(a) for a in articles]
    texts = [a.text for a in articles]
    # One contiguous slice per task, a few tasks per worker, so a slow slice does not hold up the rest.
    step = max(MIN_PER_PROCESS // 2, -(-len(texts) // (workers * 4)))
    chunks = [texts[i : i + step] for i in range(0, len(texts), step)]
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(analyzer.lexicons,)) as pool:
        packed = pool.map(_analyze_chunk, chunks, chunksize=1)
    out: list[ArticleAnalysis] = []
    flat = (item for chunk in packed for item in chunk)
    for article, item in zip(articles, flat):
        out.append(_unpack(article, item))
    return out


def _init_worker(lexicons: dict[str, Lexicon]) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(lexicons)


def _analyze_chunk(texts: list[str]) -> list[tuple]:
    analyzer = _worker_analyzer or default_analyzer()
    return [_pack(analyzer.analyze(Article(text=t, id="-"))) for t in texts]


def _pack(an: ArticleAnalysis) -> tuple:
    """An analysis as plain tuples, cheap to send between processes (pickle shares repeated strings)."""
    return (
        an.word_count,
        [(s.start, s.end) for s in an.sentences],
        [tuple(q.__dict__.values()) for q in an.quotes],
        [tuple(h.__dict__.values()) for h in an.hits],
        [tuple(s.__dict__.values()) for s in an.speakers],
    )


def _unpack(article: Article, item: tuple) -> ArticleAnalysis:
    word_count, sentences, quotes, hits, speakers = item
    return ArticleAnalysis(
        article=article,
        word_count=word_count,
        sentences=tuple(Span(s, e) for s, e in sentences),
        quotes=tuple(Quote(*q) for q in quotes),
        hits=tuple(Hit(*h) for h in hits),
        speakers=tuple(Speaker(*s) for s in speakers),
    )
