"""Shared fixtures: where the project and its seed articles are. Tests read nothing outside the project."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"

# `python -m pytest` from the project root already finds the package; plain `pytest` may not.
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def seed_manifest() -> dict:
    return json.loads((SEEDS_DIR / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_paths(seed_manifest) -> list[Path]:
    """The seed files in manifest order (TPS, then Al Mayadeen)."""
    return [SEEDS_DIR / item["file"] for item in seed_manifest["articles"]]


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """Parsed lexicons are cached in a throwaway folder, never the user's ~/.cache (servers started by the
    tests inherit it)."""
    import os

    old = os.environ.get("FRAMING_CACHE_DIR")
    os.environ["FRAMING_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("FRAMING_CACHE_DIR", None)
    else:
        os.environ["FRAMING_CACHE_DIR"] = old


@pytest.fixture(scope="session", autouse=True)
def _library_db(tmp_path_factory: pytest.TempPathFactory):
    """Every test runs against a throwaway library, never data/library.db (tests that add to a library
    set their own FRAMING_DB with monkeypatch)."""
    import os

    path = tmp_path_factory.mktemp("library") / "library.db"
    old = os.environ.get("FRAMING_DB")
    os.environ["FRAMING_DB"] = str(path)
    yield path
    if old is None:
        os.environ.pop("FRAMING_DB", None)
    else:
        os.environ["FRAMING_DB"] = old


@pytest.fixture
def no_default_db(tmp_path, monkeypatch):
    """Whatever a test forgets, it cannot reach the real library: FRAMING_DB and the default path both
    point under tmp_path."""
    from framing.library import store

    monkeypatch.setenv("FRAMING_DB", str(tmp_path / "env.db"))
    monkeypatch.setattr(store, "DEFAULT_DB", tmp_path / "default.db")


@pytest.fixture
def lib(tmp_path):
    """A new, empty library under tmp_path."""
    from framing.library.store import Library

    with Library(tmp_path / "lib.db") as library:
        yield library


@pytest.fixture(scope="module")
def browser(server: str):
    """Chromium for one module's browser tests. It asks for the module's own ``server`` fixture first, so a
    machine without a browser skips (or, with FRAMING_REQUIRE_BROWSER=1, fails) before anything launches."""
    from tests.browser_support import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):
    """A fresh page in the module's browser; its actions and ``expect`` wait up to the module's
    ``PAGE_TIMEOUT`` (ms, default 60 s: an analysis on a shared two-core machine can take a while)."""
    from playwright.sync_api import expect

    from tests.browser_support import browser_page

    timeout = getattr(request.module, "PAGE_TIMEOUT", 60_000)
    expect.set_options(timeout=timeout)
    with browser_page(browser, timeout) as pg:
        yield pg
