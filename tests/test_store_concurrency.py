"""The article library (framing.library.store): many processes at once, nothing lost, nothing doubled, a locked
library retried."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from library_samples import art, sample

from framing.library import store
from framing.library.store import Library

pytestmark = pytest.mark.usefixtures("no_default_db")
PROJECT_ROOT = Path(__file__).resolve().parents[1]


WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[4])
    from framing.models import Article
    from framing.library.store import Library
    db, worker, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    mine = [Article(text=f"Worker {worker}, article {i}.\\nBody.", outlet=f"Outlet {worker % 3}", story=f"S{i % 4}")
            for i in range(50)]
    shared = [Article(text=f"Shared article {i}.\\nEveryone imports it.", outlet="Shared") for i in range(10)]
    (go.parent / f"ready-{worker}").touch()
    while not go.exists():
        time.sleep(0.002)
    with Library(db) as lib:
        lib.seed_if_new(corpus_dir=Path(db).parent / "no-corpus")
        result = lib.add_articles(mine[:25] + shared + mine[25:])
    print(json.dumps({"added": len(result.added), "duplicates": len(result.duplicates)}))
    """
)


@pytest.mark.slow
def test_eight_processes_importing_at_once_lose_nothing(tmp_path):
    db = tmp_path / "fresh.db"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), str(i), str(go), str(PROJECT_ROOT)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )
        for i in range(8)
    ]
    deadline = time.monotonic() + 120  # every interpreter started, then all released at once onto no database yet
    while len(list(tmp_path.glob("ready-*"))) < 8 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not db.exists()
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        assert "locked" not in err
        results.append(json.loads(out))
    assert sum(r["added"] for r in results) == 8 * 50 + 10
    assert sum(r["duplicates"] for r in results) == 7 * 10
    with Library(db) as lib:
        assert lib.count() == 8 * 50 + 10 + 2  # and the two seeds, added once
        assert lib.schema_version == len(store.MIGRATIONS)
        assert len(lib.articles(outlet="Shared")) == 10


def test_a_locked_library_is_retried_not_failed(tmp_path, monkeypatch):
    """Past the busy timeout, a write is retried a bounded number of times before it gives up."""
    import threading

    path = tmp_path / "lib.db"
    Library(path).close()
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.05)
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.4, lambda: blocker.execute("COMMIT"))
    timer.start()
    try:
        with Library(path) as lib:
            assert len(lib.add_articles(sample()).added) == 4
    finally:
        timer.join()
        blocker.close()
    monkeypatch.setattr(store, "LOCK_RETRIES", 1)
    blocker = sqlite3.connect(path, isolation_level=None)
    with Library(path) as lib:
        blocker.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            lib.add_articles([art("Blocked for good.")])
        blocker.execute("ROLLBACK")
        assert lib.count() == 4
    blocker.close()
