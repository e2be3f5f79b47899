"""Real browser: a question of Spot the frame answered, checked and moved on from, in Chromium via Playwright.

Skipped where Chromium or Playwright is missing, unless FRAMING_REQUIRE_BROWSER=1 (then it fails).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import ARGS, ARTIFACTS, CHROMIUM, app_server, require_browser

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    with app_server(tmp_path_factory.mktemp("exercise") / "lib.db") as url:
        yield url


def test_a_question_in_the_browser(server: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{server}/exercise")
        page.get_by_role("button", name="Start a round").click(timeout=60_000)
        page.get_by_text("Question 1 of").wait_for(timeout=60_000)
        page.get_by_role("radiogroup").get_by_role("radio").first.check(force=True)
        page.get_by_role("button", name="Check", exact=True).click()
        page.get_by_text("Evidence:").wait_for(timeout=30_000)
        assert page.locator(".fr-article mark").count() > 0
        assert page.get_by_text("Score this session").count() == 1
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "exercise.png"), full_page=True)
        page.get_by_role("button", name="Next", exact=True).click()
        page.get_by_text("Question 2 of").wait_for(timeout=30_000)
        assert dialogs == []
        browser.close()
