"""Real-browser tests: the app served by Streamlit, driven in Debian's Chromium through Playwright.

Skipped where /usr/bin/chromium is missing, unless FRAMING_REQUIRE_BROWSER=1 (CI sets it, after
installing chromium), in which case a missing browser fails the run. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.browser_support import ARGS, ARTIFACTS, CHROMIUM, app_server, require_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    require_browser()
    with app_server() as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        outside: list[str] = []  # every request not to the app's own server (the app works offline)
        pg.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                else outside.append(r.url)
            ),
        )
        pg.outside = outside  # type: ignore[attr-defined]
        pg.goto(server)
        pg.wait_for_selector("mark.fr-scare_quotes", timeout=60_000)
        pg.dialogs = dialogs  # type: ignore[attr-defined]
        yield pg
        browser.close()


def test_seeds_render_with_highlights(page) -> None:
    from playwright.sync_api import expect

    # The first mark shows while the rest of the page is still coming: wait for both articles' evidence
    # lists and for the downloads (drawn last), so the screenshot shows the page as a reader sees it.
    expect(page.get_by_text(re.compile(r"^Evidence list \(\d+ cues?\)$"))).to_have_count(2, timeout=60_000)
    page.get_by_text("Download this comparison").first.wait_for(timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-compare.png"))
    assert page.outside == [], page.outside  # no font, icon or script fetched from the internet
    for family in ("attribution", "scare_quotes", "labels", "hedges", "loaded_language"):
        assert page.locator(f"mark.fr-{family}").count() > 0, family
    israel = page.locator("mark.fr-scare_quotes", has_text='"Israel"').first
    assert "quotation marks" in (israel.get_attribute("title") or "").lower()


def test_toggling_a_family_in_the_browser(page) -> None:
    before = page.locator("mark.fr-attribution").count()
    assert before > 0
    page.get_by_role("button", name="Attribution", exact=True).first.click()
    page.wait_for_function("document.querySelectorAll('mark.fr-attribution').length === 0", timeout=30_000)
    assert page.locator("mark.fr-labels").count() > 0
    page.screenshot(path=str(ARTIFACTS / "browser-compare-no-attribution.png"))
    page.get_by_role("button", name="Attribution", exact=True).first.click()
    page.wait_for_function("document.querySelectorAll('mark.fr-attribution').length > 0", timeout=30_000)


def test_uploaded_hostile_article_shows_as_text_and_runs_nothing(page) -> None:
    hostile = (
        "Hostile test <script>alert(1)</script> headline\n\n"
        'The minister claimed that <img src=x onerror=alert(1)> "options" were real.\n'
    )
    page.get_by_text("Add your own article").click()
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "hostile.txt", "mimeType": "text/plain", "buffer": hostile.encode()}]
    )
    page.get_by_text("Added:").wait_for(timeout=30_000)
    box = page.locator("[data-testid=stMultiSelect] input").first
    box.click()
    box.fill("Hostile")
    page.get_by_role("option", name="Hostile test").first.click()
    page.keyboard.press("Escape")
    article = page.locator(".fr-article", has_text="Hostile test")
    article.wait_for(timeout=30_000)
    assert "<script>alert(1)</script>" in article.inner_text()
    assert "<img src=x onerror=alert(1)>" in article.inner_text()
    assert article.locator("script, img").count() == 0
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "browser-hostile-upload.png"))
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_the_articles_are_in_the_first_screen_of_a_projector(page, server: str) -> None:
    """At 1280x720 (a classroom projector) the controls sit in the sidebar and the highlighted articles
    start inside the first screen, with no scrolling."""
    small = page.context.browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        small.goto(server)
        small.wait_for_selector("mark.fr-scare_quotes", timeout=60_000)
        first = small.locator(".fr-article").first.bounding_box()
        assert first is not None and first["y"] < 720 - 100, first  # at least a few lines of it show
        picker = small.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first
        picker.wait_for(state="visible", timeout=30_000)  # the article picker is in the sidebar
        small.screenshot(path=str(ARTIFACTS / "compare-1280x720.png"))
    finally:
        small.close()
