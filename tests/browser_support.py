"""What every real-browser test shares: Chromium and its flags, the skip-or-fail rule, the app server.

Skipped where /usr/bin/chromium or Playwright is missing, unless FRAMING_REQUIRE_BROWSER=1 (CI sets it
after installing chromium), in which case a missing browser fails the run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
ARGS = list(CHROMIUM_ARGS)


def require_browser() -> None:
    missing = not Path(CHROMIUM).exists() or shutil.which("chromium") is None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("FRAMING_REQUIRE_BROWSER") == "1":
            pytest.fail("FRAMING_REQUIRE_BROWSER=1 but Chromium or Playwright is missing")
        pytest.skip("Chromium (apt-get install chromium) or Playwright not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def app_server(db: Path | str | None = None, **extra_env: str) -> Iterator[str]:
    """The Streamlit app on a free 127.0.0.1 port (FRAMING_DB=db if given); stopped on the way out."""
    port = free_port()
    env = {**os.environ, **extra_env}
    if db is not None:
        env["FRAMING_DB"] = str(db)
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"Streamlit exited with {proc.returncode} before becoming healthy")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("Streamlit did not become healthy within 90 s")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextlib.contextmanager
def chromium() -> Iterator:
    """Chromium launched by Playwright with the shared flags; closed on the way out."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def browser_page(browser, timeout_ms: int) -> Iterator:
    """A new 1400x1000 page in its own context (downloads allowed); ``page.dialogs`` collects any alert."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()
