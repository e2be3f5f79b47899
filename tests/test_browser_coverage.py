"""Real browser, Coverage page, on a 1280x720 screen: the chart is in the first screen; pick two outlets,
click a cell of the label table and read the sentences behind it; click a bar; open an article in Compare.

The app runs on a library of its own in a temporary file (the seeds and the bundled corpus, analysed
without the parser), never data/library.db. Skipped where Chromium or Playwright is missing, unless
FRAMING_REQUIRE_BROWSER=1 (then it fails). The screenshot goes to test-artifacts/coverage.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from framing.corpus import choose, label_choices, label_grid, load_coverage
from framing.library import Library
from tests.browser_support import ARTIFACTS, app_server, require_browser
from tests.test_app_coverage import analysed_library

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAIR = ("Lantern Press Agency", "The Velmoran Observer")  # sorted: the table's columns in this order
SCREEN = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return analysed_library(tmp_path_factory.mktemp("browser_coverage") / "lib.db")


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    require_browser()
    with app_server(db) as url:
        yield url


@pytest.fixture
def screen(browser):
    """A page on a 1280x720 screen (a classroom projector)."""
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        yield page
    finally:
        context.close()


def _no_exception(page) -> None:
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()


def _pick_outlets(page, names: tuple[str, ...]) -> None:
    """Empty the outlet picker in the sidebar, then choose ``names`` by typing them."""
    picker = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first
    while picker.locator('button[aria-label^="Remove "]').count():
        picker.locator('button[aria-label^="Remove "]').first.click()
        page.wait_for_timeout(700)
    for name in names:
        box = picker.locator("input").first
        box.click()
        box.fill(name.split()[-1])
        page.get_by_role("option", name=name, exact=False).first.click()
        page.wait_for_timeout(700)
    page.keyboard.press("Escape")
    for name in names:
        picker.locator(f'[data-tag][aria-label^="{name}"]').wait_for()


def _wait_idle(page) -> None:
    """Until the app has finished its rerun (the status widget gone)."""
    page.wait_for_timeout(500)
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000)


def test_pick_two_outlets_click_a_cell_and_read_the_sentences(server: str, db: Path, screen) -> None:
    page = screen
    page.goto(f"{server}/coverage")
    page.get_by_role("heading", name="Coverage across outlets").wait_for()
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for()
    box = chart.bounding_box()
    assert box is not None and box["y"] < SCREEN["height"] - 150, box  # the chart starts in the first screen

    _pick_outlets(page, PAIR)
    page.get_by_role("heading", name="Coverage across outlets").click()  # away from the picker: it closes
    _wait_idle(page)
    _no_exception(page)
    assert "from 2 outlets" in page.locator("[data-testid=stCaptionContainer]").first.inner_text()

    # The label table's rows are the concepts the chosen outlets named; click the second outlet's cell of
    # the first concept it named.
    with Library(db) as lib:  # (a Coverage reads its hits from the open library when a table asks)
        cov = load_coverage(lib)
        grid = label_grid(label_choices(cov, choose(cov, outlets=PAIR)), PAIR)
    row = next(i for i, cell in enumerate(grid[PAIR[1]]) if cell)
    concept = grid.index[row]
    table = page.locator("[data-testid=stDataFrame]").first
    table.scroll_into_view_if_needed()
    cell = table.bounding_box()
    assert cell is not None
    x, y = cell["x"] + cell["width"] * 0.8, cell["y"] + 35 * (row + 1) + 17  # the header, then rows of 35 px
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_timeout(300)

    sentences = page.locator(".fr-cov")
    sentences.first.wait_for(timeout=60_000)
    _no_exception(page)
    heading = page.get_by_text("Sentences behind it:").first.inner_text()
    assert f"names for {concept} in {PAIR[1]}" in heading, heading
    assert sentences.locator("mark").count() >= 1
    marked = sentences.locator("mark").first.inner_text()
    assert marked.lower() in grid.loc[concept, PAIR[1]], (marked, grid.loc[concept, PAIR[1]])
    assert all(PAIR[1] in s for s in sentences.locator(".fr-cov-meta").all_inner_texts())
    ARTIFACTS.mkdir(exist_ok=True)
    sentences.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "coverage.png"))

    # A bar of the chart: the tallest, whichever outlet it is.
    chart.scroll_into_view_if_needed()
    bars = [b for b in (p.bounding_box() for p in chart.locator(".bars path").all()) if b]
    tallest = max(bars, key=lambda b: b["height"])
    page.mouse.click(tallest["x"] + tallest["width"] / 3, tallest["y"] + tallest["height"] / 2)
    page.wait_for_function(
        "[...document.querySelectorAll('p, strong')].some(e => e.innerText.includes('side-marked names for'))",
        timeout=60_000,
    )
    _no_exception(page)
    assert page.locator(".fr-cov mark").count() >= 1

    # Open the first sentence's article in Compare: that article is among those compared.
    link = page.locator(".fr-cov a", has_text="open in Compare").first
    article_id = (link.get_attribute("href") or "").split("article=")[-1]
    with Library(db) as lib:
        title = lib.get(article_id).title
    link.click()
    page.wait_for_selector("[data-testid=stMultiSelect] span[data-tag]", timeout=90_000)
    chips = page.locator("[data-testid=stMultiSelect] span[data-tag]").all_inner_texts()
    assert any(title[:40] in c for c in chips), (title, chips)
