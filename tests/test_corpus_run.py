"""``python -m framing corpus analyze`` on a library of hundreds of articles from several outlets, on a
2-worker Dask LocalCluster: killed halfway, resumed, and every stored row equal to a direct analysis, with
nothing doubled or lost. Real articles (PolNeAR train, 840 articles of 7 publishers) when ../shared is
beside the project; generated ones otherwise."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from framing.analysis import Analyzer
from framing.corpus import version_of
from framing.corpus.rows import analyse_one
from framing.library import Library
from framing.models import Article

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"
N = 500

pytestmark = pytest.mark.slow


def _articles() -> list[Article]:
    if POLNEAR.is_dir():
        out = []
        for path in sorted(POLNEAR.glob("*.txt")):
            outlet, published = path.stem.split("_")[:2]
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            out.append(Article(text=body.strip() or title, title=title.strip(), outlet=outlet, published=published))
        # every publisher, round-robin, so that any prefix holds all of them
        by_outlet: dict[str, list[Article]] = {}
        for a in out:
            by_outlet.setdefault(a.outlet, []).append(a)
        mixed = [a for group in zip(*by_outlet.values()) for a in group]
        return mixed[:N]
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import generate

    return generate(N, words=400)


def _stored(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM analyses").fetchone()[0]
    except sqlite3.OperationalError:  # not made yet
        return 0
    finally:
        con.close()


def _command(db: Path) -> list[str]:
    return [sys.executable, "-m", "framing", "corpus", "analyze", "--db", str(db), "--workers", "2", "--batch", "5"]


def test_corpus_analyze_killed_halfway_resumes_and_stores_what_a_direct_analysis_finds(tmp_path: Path) -> None:
    articles = _articles()
    assert len(articles) >= N and len({a.outlet for a in articles}) >= 5
    db = tmp_path / "library.db"
    with Library(db) as lib:
        lib.skip_seeding()
        assert len(lib.add_articles(articles).added) == len({a.id for a in articles})
    total = len({a.id for a in articles})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    # 1. Started, then killed (the process and its workers, no goodbye) once about a third is stored.
    run = subprocess.Popen(
        _command(db), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 600
    while _stored(db) < total // 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    halfway = _stored(db)
    assert 0 < halfway < total, f"not stopped halfway: {halfway} of {total} stored"

    # 2. The next run carries on: only what is missing, nothing twice.
    again = subprocess.run(_command(db), cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"{halfway:,} already current" in again.stdout, again.stdout
    assert f"{total - halfway:,} article(s) analysed" in again.stdout, again.stdout
    assert _stored(db) == total

    # 3. What is stored is what a direct analysis finds, article by article, nothing doubled or lost.
    analyzer = Analyzer()
    version = version_of(analyzer)
    with Library(db) as lib:
        assert lib.analysis_status(version.key) == {"articles": total, "current": total, "stale": 0, "missing": 0}
        sample = [articles[k] for k in range(0, len(articles), len(articles) // 12)]
        ids = [a.id for a in sample]
        hits, quotes, terms = (lib.rows(t, ids) for t in ("analysis_hits", "analysis_quotes", "analysis_terms"))
        rows = {r[0]: r for r in lib.rows("analyses", ids)}
    for article in sample:
        direct = analyse_one(analyzer, article, version)
        assert rows[article.id][:7] == direct.analysis[:7], article.id  # (all but the time it was made)
        assert Counter(h for h in hits if h[0] == article.id) == Counter(direct.hits), article.id
        assert Counter(q for q in quotes if q[0] == article.id) == Counter(direct.quotes), article.id
        assert sorted(t for t in terms if t[0] == article.id) == sorted(direct.terms), article.id
    assert hits and quotes and terms  # (the comparison above compared something)


def test_an_article_that_fails_is_reported_and_the_rest_are_stored(tmp_path: Path, monkeypatch) -> None:
    from framing.corpus import analyse_library

    good = [Article(text=f"Officials said talks would resume on day {k}.", outlet="A") for k in range(4)]
    bad = Article(text="This one breaks the analyser.", outlet="B")
    with Library(tmp_path / "lib.db") as lib:
        lib.skip_seeding()
        lib.add_articles([*good, bad])
        analyzer = Analyzer(use_parser=False)
        real = Analyzer.analyze

        def breaking(self, article, doc=None):
            if article.id == bad.id:
                raise RuntimeError("no good")
            return real(self, article, doc)

        monkeypatch.setattr(Analyzer, "analyze", breaking)
        summary = analyse_library(lib, analyzer, workers=0, progress=None)
        assert summary.analysed == 4
        assert summary.failed == [(bad.id, "RuntimeError: no good")]
        assert f"failed {bad.id}: RuntimeError: no good" in summary.text()
        assert set(lib.analysis_versions()) == {a.id for a in good}
        # an edited lexicon makes every stored analysis stale, and says so (until framing.corpus.carry_forward
        # finds which the edit cannot change: tests/test_lexicon_touch.py)
        monkeypatch.setattr(Analyzer, "analyze", real)
        edited = dict(analyzer.lexicons)
        hedges = edited["hedges"]
        edited["hedges"] = type(hedges)(hedges.name, "9.9.9", hedges.description, hedges.categories, hedges.entries[1:])
        status = lib.analysis_status(version_of(Analyzer(edited, use_parser=False)).key)
        assert status == {"articles": 5, "current": 0, "stale": 4, "missing": 1}
