"""Analysing a library with Dask: only new or stale articles, in batches on workers, the rows written by
this process alone, batch by batch, so that an interrupted run (Ctrl-C, a killed worker or machine) loses
only the batches in flight and the next run carries on.

A ``LocalCluster`` on this machine by default (``workers`` processes, one thread each: the parse holds the
interpreter), or any Dask scheduler by its address (``scheduler="tcp://host:8786"``). The same code path
serves one worker and many.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

from framing.analysis import Analyzer
from framing.corpus.rows import BatchResult, Version, analyse_batch, version_of
from framing.corpus.touched import carry_forward, remember
from framing.lexicons import Lexicon
from framing.library import Library
from framing.models import Article

#: Articles per task: big enough that Dask's overhead is small, small enough that an interruption loses little.
BATCH = 20

# A worker's analyzers, by lexicon fingerprint and parser use: made once per worker process.
_ANALYZERS: dict[tuple[str, bool], Analyzer] = {}


def work_batch(
    articles: Sequence[Article], lexicons: dict[str, Lexicon], use_parser: bool, version: Version
) -> BatchResult:
    """What a worker runs for one batch (also called in this process when there is no cluster)."""
    key = (version.lexicons, use_parser)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = Analyzer(lexicons, use_parser=use_parser)
    return analyse_batch(analyzer, articles, version)


@dataclass
class RunSummary:
    """What a run did: analysed, skipped as current, failed (id and reason), and how fast."""

    total: int = 0
    current: int = 0
    analysed: int = 0
    words: int = 0
    seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    dashboard: str = ""
    kept: int = 0  # stored with other lexicons, which the edit cannot change: kept, not analysed again

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def text(self) -> str:
        lines = [
            f"{self.analysed:,} article(s) analysed ({self.words:,} words in {self.seconds:.1f} s, "
            f"{self.words_per_second:,.0f} words/s); {self.current:,} already current; {len(self.failed)} failed"
            + (" (interrupted: run the command again to carry on)" if self.interrupted else "")
        ]
        if self.kept:
            lines.append(f"  {self.kept:,} analysed with other lexicons were kept: the lexicon edit cannot change them")
        lines += [f"  failed {aid}: {reason}" for aid, reason in self.failed]
        return "\n".join(lines)


def todo(lib: Library, version: Version) -> tuple[list[str], int]:
    """Ids of the articles without a current analysis, and how many are current."""
    stored = lib.analysis_versions()
    ids = [a.id for a in lib.articles()]
    pending = [i for i in ids if stored.get(i) != version.key]
    return pending, len(ids) - len(pending)


def batches(articles: Sequence[Article], size: int = BATCH) -> Iterator[list[Article]]:
    for k in range(0, len(articles), size):
        yield list(articles[k : k + size])


@contextmanager
def dask_client(workers: int, scheduler: str | None, dashboard: bool) -> Iterator[Any]:
    """A Dask client: of the scheduler at ``scheduler``, or of a new LocalCluster of ``workers`` processes
    (one thread each), closed on the way out."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    import dask

    # Dask starts its workers with MALLOC_TRIM_THRESHOLD_=65536 (memory handed back to the system early);
    # the parser allocates and frees many mid-sized arrays, and runs about 10% slower with it
    # (docs/PERFORMANCE.md), so this machine's workers keep the C library's default. (One thread per
    # worker and per numerical library stays: the workers share the cores.)
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0" if dashboard else None,
            silence_logs=40,
        )
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def analyse_library(
    lib: Library,
    analyzer: Analyzer,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    batch: int = BATCH,
    progress: IO[str] | None = sys.stderr,
    dashboard: bool = False,
    on_batch: Callable[[int], None] | None = None,
) -> RunSummary:
    """Analyse every article of ``lib`` whose stored analysis is missing or stale, and store the rows.

    ``workers``: processes of the local cluster (0: no cluster, in this process, for tests and tiny
    libraries); ``scheduler``: the address of a running Dask scheduler instead. ``on_batch``: called with
    the number of articles stored so far after each batch is written.
    """
    version = version_of(analyzer)
    remember(lib, analyzer)  # (what these lexicons hold, for the next edit to be compared with)
    carried = carry_forward(lib, analyzer)  # (after a lexicon edit, only what it touches is done again)
    ids, current = todo(lib, version)
    summary = RunSummary(total=len(ids) + current, current=current, kept=carried.kept)
    if not ids:
        return summary
    by_id = {a.id: a for a in lib.articles()}
    articles = [by_id[i] for i in ids]
    total_words = sum(len(a.text.split()) for a in articles)
    bar = None
    start = time.perf_counter()
    try:
        if workers == 0 and not scheduler:
            results: Iterator[tuple[list[Article], BatchResult | BaseException]] = (
                (b, work_batch(b, analyzer.lexicons, analyzer.use_parser, version)) for b in batches(articles, batch)
            )
            bar = _bar(progress, total_words, len(articles))
            _collect(lib, results, summary, bar, on_batch)
        else:
            with dask_client(workers, scheduler, dashboard) as client:
                summary.dashboard = getattr(client, "dashboard_link", "") or ""
                if summary.dashboard and progress is not None:
                    print(f"Dask dashboard: {summary.dashboard}", file=progress)
                bar = _bar(progress, total_words, len(articles))
                _collect(lib, _submitted(client, articles, analyzer, version, batch), summary, bar, on_batch)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        summary.seconds = time.perf_counter() - start
        if bar is not None:
            bar.close()
    return summary


def _submitted(
    client: Any, articles: Sequence[Article], analyzer: Analyzer, version: Version, size: int
) -> Iterator[tuple[list[Article], BatchResult | BaseException]]:
    from dask.distributed import as_completed

    lexicons = client.scatter(analyzer.lexicons, broadcast=True)
    # The longest batches first, so that the workers run out of work at about the same time (a long batch
    # last would leave the others idle while it runs).
    parts = sorted(batches(articles, size), key=lambda b: -sum(len(a.text) for a in b))
    futures = {
        client.submit(work_batch, part, lexicons, analyzer.use_parser, version, retries=1, pure=False): part
        for part in parts
    }
    for future in as_completed(futures):
        part = futures[future]
        try:
            yield part, future.result()
        except Exception as exc:  # noqa: BLE001 - a batch lost twice (a worker killed): its articles fail
            yield part, exc


def _collect(
    lib: Library,
    results: Iterator[tuple[list[Article], BatchResult | BaseException]],
    summary: RunSummary,
    bar: Any,
    on_batch: Callable[[int], None] | None,
) -> None:
    for part, result in results:
        if isinstance(result, BaseException):
            reason = f"the batch was lost ({type(result).__name__}: {result})"
            summary.failed += [(a.id, reason) for a in part]
            continue
        if result.done:
            lib.store_analyses(result.done)  # this batch is saved, whatever happens next
        summary.analysed += len(result.done)
        summary.words += result.words
        summary.failed += list(result.failed)
        if bar is not None:
            bar.update(sum(len(a.text.split()) for a in part))
            bar.set_postfix_str(
                f"{summary.analysed + len(summary.failed):,}/{summary.total - summary.current:,} articles"
            )
        if on_batch is not None:
            on_batch(summary.analysed)


def _bar(progress: IO[str] | None, words: int, articles: int) -> Any:
    if progress is None:
        return None
    from tqdm import tqdm

    return tqdm(
        total=words, unit=" words", unit_scale=True, file=progress, desc=f"{articles:,} articles", smoothing=0.1
    )
