"""The Coverage page on 10,000 stored articles (issue 17: every interaction within 1 s).

Builds once, into ``/tmp/framing_coverage_10k/lib.db`` (or ``--db``), a library of 10,000 generated
articles (:func:`benchmarks.corpus.generate`, about 30 outlets, 200 stories, dated over two years) with
their analyses stored, made by the word rules without the parser (only the stored rows matter here), and
reuses it on later runs. Then times, in fresh processes so every cache is cold:

- the engine: the first read of each view's data (cold), each view again (warm: a view switch), a click
  on a cell (the sentences behind it), for the page's default choice of two outlets;
- the page through ``streamlit.testing.v1.AppTest``: the first load, each view switch, a clicked cell.

``python -m benchmarks.coverage_10k [--db PATH] [--articles N] [--only engine|app]``
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = Path("/tmp/framing_coverage_10k/lib.db")
ARTICLES = 10_000
VIEWS = ("labels", "speakers", "scare_quotes", "violence_passives", "frames", "terms", "trend")


def build(path: Path, n: int = ARTICLES) -> Path:
    """The library of ``n`` generated, dated articles with stored analyses at ``path`` (made once)."""
    from framing.analysis import Analyzer
    from framing.corpus import analyse_library
    from framing.library import Library

    if path.exists():
        with Library(path) as lib:
            if lib.count() >= n and len(lib.analysis_versions()) >= n:
                return path
    from benchmarks.corpus import generate

    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(17)
    articles = [
        dataclasses.replace(
            a, published=f"{2023 + rng.random() // 0.5:.0f}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        for a in generate(n)
    ]
    with Library(path) as lib:
        lib.skip_seeding()
        lib.add_articles(articles)
        start = time.perf_counter()
        summary = analyse_library(lib, Analyzer(use_parser=False), workers=0, progress=sys.stderr)
        print(f"built {path}: {summary.text()} ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return path


# ---------------------------------------------------------------------------------------- the engine


def _view_data(corpus, cov, chosen, view: str) -> None:
    """What the page computes for one view (the tables it caches, the grids it draws from them)."""
    outlets = sorted(chosen["outlet"].unique())
    if view == "labels":
        corpus.rates(cov, chosen, "labels")
        corpus.label_grid(corpus.label_choices(cov, chosen), outlets)
    elif view == "speakers":
        corpus.rates(cov, chosen, "attribution")
        corpus.stance_grid(corpus.speaker_stances(cov, chosen), outlets)
    elif view in ("scare_quotes", "violence_passives"):
        corpus.totals(cov, chosen, view)
        corpus.key_counts(cov, chosen, view)
    elif view == "frames":
        corpus.rates(cov, chosen, "frames")
        corpus.key_counts(cov, chosen, "frames")
    elif view == "terms":
        if "terms" not in _KEPT:  # the page keeps it (st.cache_resource)
            _KEPT["terms"] = corpus.load_terms(_KEPT["lib"])
        corpus.distinctive_terms(_KEPT["terms"], chosen)
    elif view == "trend":
        corpus.rates(cov, chosen, "labels")
        corpus.trend(cov, chosen, "labels", None)


_KEPT: dict = {}  # what the page keeps across reruns: the library and the stored term counts


def _click(corpus, lib, cov, chosen, outlet: str) -> int:
    """A click on the label table's first concept for ``outlet``: the sentences behind it (50 shown)."""
    choices = corpus.label_choices(cov, chosen)
    concept = choices.loc[choices["outlet"] == outlet, "concept"].iloc[0]
    if "limit" in inspect.signature(corpus.cell_hits).parameters:  # since the change: a LIMIT in SQL
        hits = corpus.cell_hits(cov, chosen, "label_choices", outlet=outlet, key=concept, limit=50)
    else:
        hits = corpus.cell_hits(cov, chosen, "label_choices", outlet=outlet, key=concept)
    corpus.sentences_behind(lib, cov, hits, limit=50)
    return int(hits.attrs.get("total", len(hits)))


def engine(db: Path) -> dict[str, float]:
    """Seconds of each step at the engine level, in this (fresh) process: cold, then warm."""
    import framing.corpus as corpus
    from framing.library import Library

    out: dict[str, float] = {}
    lib = _KEPT["lib"] = Library(db)

    def timed(name: str, fn):
        start = time.perf_counter()
        value = fn()
        out[name] = round(time.perf_counter() - start, 3)
        return value

    cov = timed("load", lambda: corpus.load_coverage(lib))
    by_count = cov.articles["outlet"].value_counts()
    pair = list(by_count.index[:2])
    chosen = corpus.choose(cov, outlets=pair)
    for view in VIEWS:
        timed(f"cold {view}", lambda v=view: _view_data(corpus, cov, chosen, v))
    other = corpus.choose(cov, outlets=list(by_count.index[2:4]))
    for view in VIEWS:  # another pair of outlets: the data read already, the tables new
        timed(f"other outlets {view}", lambda v=view: _view_data(corpus, cov, other, v))
    every = corpus.choose(cov)
    for view in VIEWS:
        timed(f"all outlets {view}", lambda v=view: _view_data(corpus, cov, every, v))
    timed("click", lambda: _click(corpus, lib, cov, chosen, pair[1]))
    return out


# ---------------------------------------------------------------------------------------- the page


def page(db: Path) -> dict[str, float]:
    """Seconds of each step of the page through AppTest (its caches cold at the start of this process)."""
    from streamlit.testing.v1 import AppTest

    os.environ["FRAMING_DB"] = str(db)
    out: dict[str, float] = {}

    def timed(name: str, fn) -> None:
        start = time.perf_counter()
        fn()
        out[name] = round(time.perf_counter() - start, 3)
        if at.exception:
            raise RuntimeError(f"{name}: {[e.value for e in at.exception]}")

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    timed("app start (Compare page)", at.run)
    timed("first load (labels)", lambda: at.switch_page("views/coverage.py").run())
    timed("rerun, nothing changed", at.run)
    for view in VIEWS[1:]:
        timed(f"switch to {view}", lambda v=view: at.segmented_control(key="coverage_view").set_value(v).run())
    timed("back to labels (cached)", lambda: at.segmented_control(key="coverage_view").set_value("labels").run())
    outlets = at.multiselect(key="coverage_outlets")
    names = [o.rsplit(" (", 1)[0] for o in outlets.options]  # shown as "name (articles)"
    two = [o for o in names if o not in outlets.value][:2]
    timed("other outlets (labels)", lambda: at.multiselect(key="coverage_outlets").set_value(two).run())
    outlet = sorted(two)[0]
    at.session_state["coverage_table_labels"] = {"selection": {"rows": [], "columns": [], "cells": [(0, outlet)]}}
    timed("click a cell (labels)", at.run)
    heading = next((m.value for m in at.markdown if m.value.startswith("**Sentences behind it")), "")
    if not heading:
        raise RuntimeError("the click showed no sentences")
    return out


def _fresh(what: str, db: Path) -> dict[str, float]:
    """One measurement in a new process (every cache cold)."""
    code = (
        f"import json, pathlib; from benchmarks.coverage_10k import {what}; "
        f"print(json.dumps({what}(pathlib.Path({str(db)!r}))))"
    )
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--only", choices=("build", "engine", "page"))
    args = parser.parse_args(argv)
    os.environ.setdefault("FRAMING_NO_PARSER", "1")
    build(args.db, args.articles)
    results = {}
    for what in ("engine", "page"):
        if args.only in (None, what):
            results[what] = _fresh(what, args.db)
            for name, seconds in results[what].items():
                print(f"{what:7s} {name:32s} {seconds:7.3f} s")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
