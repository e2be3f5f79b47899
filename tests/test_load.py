"""Many users at once: one app server, 20 browser sessions comparing and 20 command-line importers writing to
the same library file, all at the same time. No session may show an error; no import may be lost or doubled.

One Chromium with 20 contexts (one Streamlit session each), driven by Playwright's async API under
asyncio.gather; the 20 importers are `python -m framing import` subprocesses in the same event loop. The
library is a temporary file (FRAMING_DB), never data/library.db; every request goes to 127.0.0.1.
Skipped where Chromium or Playwright is missing, unless FRAMING_REQUIRE_BROWSER=1 (then it fails).
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser_support import ARGS, CHROMIUM, app_server, require_browser

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    # Minutes of wall time and every core: on when FRAMING_RUN_LOAD=1, which .ci/run sets (it passed in
    # 277 s and 191 s on the 2-core machine, the second time beside other jobs at load 12-21).
    pytest.mark.skipif(os.environ.get("FRAMING_RUN_LOAD") != "1", reason="set FRAMING_RUN_LOAD=1 to run"),
]

SESSIONS = 20
IMPORTERS = 20
SESSION_TIMEOUT_S = 240  # per page, from goto to highlights (2 shared CPU cores, 40 things at once)
IMPORT_TIMEOUT_S = 240  # per importer process
OVERALL_TIMEOUT_S = 420  # the whole gather; nothing waits longer than this


@dataclass
class SessionResult:
    index: int
    seconds: float = 0.0
    marks: int = 0
    exceptions: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # requests not to 127.0.0.1


@dataclass
class ImporterResult:
    index: int
    returncode: int | None
    seconds: float
    stdout: str
    stderr: str


def _article_files(folder: Path) -> tuple[list[Path], Path, list[str], str]:
    """20 distinct small articles and one shared one; their titles."""
    folder.mkdir(parents=True, exist_ok=True)
    titles, files = [], []
    for i in range(IMPORTERS):
        title = f"Load test article {i:02d}: council votes on ferry timetable"
        body = (
            f"{title}\n\nLoadmarker-{i:02d}. The council claimed on day {i + 1} that the so-called "
            f"'temporary' timetable number {i} would end soon, officials said.\n"
        )
        path = folder / f"distinct_{i:02d}.txt"
        path.write_text(body, encoding="utf-8")
        titles.append(title)
        files.append(path)
    shared_title = "Load test shared article: every importer brings it"
    shared = folder / "shared.txt"
    shared.write_text(
        f"{shared_title}\n\nLoadmarker-shared. A spokesman claimed the so-called 'agreement' was final.\n",
        encoding="utf-8",
    )
    return files, shared, titles, shared_title


def _trace(line: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {line}", file=sys.stderr, flush=True)


async def _session(browser, url: str, index: int) -> SessionResult:
    result = SessionResult(index)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = await context.new_page()
        page.on("pageerror", lambda exc: result.page_errors.append(str(exc)))
        page.on(
            "request",
            lambda req: (
                None
                if req.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                else result.outside.append(req.url)
            ),
        )
        start = time.monotonic()
        await page.goto(url, wait_until="commit", timeout=SESSION_TIMEOUT_S * 1000)
        await page.wait_for_selector("mark.fr-scare_quotes", timeout=SESSION_TIMEOUT_S * 1000)
        result.seconds = time.monotonic() - start
        _trace(f"session {index}: highlights after {result.seconds:.1f} s")
        # let the run finish (the status widget shows while the script runs), then look for errors
        await page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=120_000)
        _trace(f"session {index}: idle after {time.monotonic() - start:.1f} s")
        result.marks = await page.locator("mark.fr-scare_quotes").count()
        result.exceptions = await page.locator('[data-testid="stException"]').all_inner_texts()
    finally:
        await context.close()
    return result


async def _importer(index: int, files: list[Path], db: Path) -> ImporterResult:
    start = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "framing",
        "import",
        *map(str, files),
        "--db",
        str(db),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout=IMPORT_TIMEOUT_S)
    except TimeoutError:
        proc.kill()
        out, err = await proc.communicate()
        return ImporterResult(index, None, time.monotonic() - start, out.decode(), "timed out\n" + err.decode())
    _trace(f"importer {index}: exit {proc.returncode} after {time.monotonic() - start:.1f} s")
    return ImporterResult(index, proc.returncode, time.monotonic() - start, out.decode(), err.decode())


async def _everyone(url: str, distinct: list[Path], shared: Path, db: Path):
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # one user first, so the app is warm (imports, lexicons, the default comparison cached): the
            # cold start is measured elsewhere; here 20 cold sessions at once would each recompute it
            warm = await _session(browser, url, -1)
            assert warm.marks > 0 and not warm.exceptions, warm
            jobs = {f"session {i}": _session(browser, url, i) for i in range(SESSIONS)}
            jobs |= {f"importer {i}": _importer(i, [distinct[i], shared], db) for i in range(IMPORTERS)}
            tasks = {asyncio.ensure_future(job): name for name, job in jobs.items()}
            done, pending = await asyncio.wait(tasks, timeout=OVERALL_TIMEOUT_S)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=30)
            late = sorted(tasks[t] for t in pending)
            return [t.exception() or t.result() for t in done], late
        finally:
            await browser.close()


def test_twenty_sessions_and_twenty_importers_at_once(tmp_path: Path) -> None:
    from framing.library.store import Library

    require_browser()
    db = tmp_path / "lib.db"
    with Library(db) as lib:  # seed first, so the count below is only what the importers add
        lib.seed_if_new()
        before = {a.id for a in lib.articles()}
    distinct, shared, titles, shared_title = _article_files(tmp_path / "articles")

    with app_server(db) as url:
        start = time.monotonic()
        outcome, late = asyncio.run(_everyone(url, distinct, shared, db))
        elapsed = time.monotonic() - start

    assert not late, f"not finished within {OVERALL_TIMEOUT_S} s: {late}"

    failures = [r for r in outcome if isinstance(r, BaseException)]
    assert not failures, [repr(f) for f in failures]
    sessions = [r for r in outcome if isinstance(r, SessionResult)]
    importers = [r for r in outcome if isinstance(r, ImporterResult)]
    assert len(sessions) == SESSIONS and len(importers) == IMPORTERS

    for s in sessions:
        assert s.marks > 0, s
        assert s.exceptions == [], (s.index, s.exceptions)
        assert s.page_errors == [], (s.index, s.page_errors)
        assert s.outside == [], (s.index, s.outside)
    for r in importers:
        assert r.returncode == 0, (r.index, r.returncode, r.stderr)
    # every importer adds its own article; exactly one of them adds the shared one, the rest find it there
    counts = [re.search(r"added (\d+), duplicates (\d+)", r.stdout) for r in importers]
    assert all(counts), [r.stdout for r in importers]
    added = sum(int(m.group(1)) for m in counts if m)
    duplicates = sum(int(m.group(2)) for m in counts if m)
    assert (added, duplicates) == (IMPORTERS + 1, IMPORTERS - 1)

    with Library(db) as lib:
        after = lib.articles()
    new = [a for a in after if a.id not in before]
    assert len(after) == len(before) + IMPORTERS + 1
    assert sorted(a.title for a in new) == sorted([*titles, shared_title])
    for i in range(IMPORTERS):
        assert sum(f"Loadmarker-{i:02d}." in a.text for a in after) == 1, i
    assert sum("Loadmarker-shared." in a.text for a in after) == 1

    slowest = max(s.seconds for s in sessions)
    median = sorted(s.seconds for s in sessions)[SESSIONS // 2]
    slowest_import = max(r.seconds for r in importers)
    print(
        f"\nload: {SESSIONS} sessions + {IMPORTERS} importers in {elapsed:.1f} s; "
        f"session to highlights median {median:.1f} s, slowest {slowest:.1f} s; "
        f"slowest importer {slowest_import:.1f} s"
    )
