"""Real browser, Library page: importing a web address from a local server, uploading a file and finding it
on the Compare page, and downloading the HTML report and opening it offline.

The app runs on a fresh library in a temporary file (FRAMING_DB), never data/library.db. Every request goes
to 127.0.0.1. Skipped where Chromium or Playwright is missing, unless FRAMING_REQUIRE_BROWSER=1 (then it
fails). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import ARTIFACTS, app_server, require_browser

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

PARAGRAPH = (
    "The harbour authority claimed on Tuesday that the so-called emergency dredging plan would "
    "reopen the northern channel within a week."
)
NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour channel to reopen, authority says</title>
<meta property="og:site_name" content="Harbour Gazette">
</head><body>
<nav><a href="/">Home</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour channel to reopen, authority says</h1>
<p>{PARAGRAPH}</p>
<p>Fishermen said the closure had cost them three weeks of work, and several crews claimed the
authority had ignored their warnings about silt building up near the breakwater.</p>
<p>A spokesperson for the port described the work as "routine" and said ships waiting offshore
would be allowed in as soon as soundings confirmed the depth of the channel.</p>
<p>Local councillors asked for an independent review of the so-called fast-track contract,
which was awarded without a public tender last month.</p>
</article>
<footer>Copyright Harbour Gazette</footer>
</body></html>
"""


@contextlib.contextmanager
def news_site(html: str) -> Iterator[str]:
    """A local web server on 127.0.0.1 serving ``html`` at /news/harbour.html, in a thread."""
    body = html.encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path != "/news/harbour.html":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/news/harbour.html"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser_library") / "lib.db"


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    require_browser()
    with app_server(db, FRAMING_ALLOW_PRIVATE_URLS="1") as url:
        yield url


def _open_library(page, server: str, how: str) -> None:
    page.goto(f"{server}/library")
    page.get_by_role("heading", name="Library").wait_for()
    page.get_by_role("radio", name=how, exact=True).check(force=True)


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()


def test_import_a_web_address_from_a_local_server(server: str, db: Path, page) -> None:
    from framing.library.store import Library

    with news_site(NEWS_PAGE) as news_url:
        _open_library(page, server, "Web address")
        box = page.get_by_label("Web address (http or https)")
        box.fill(news_url)
        box.press("Enter")  # commit the value (a rerun) before pressing Fetch
        page.wait_for_timeout(500)
        page.get_by_role("button", name="Fetch", exact=True).click()
        save = page.get_by_role("button", name="Save 1 article(s) to the library")
        save.wait_for(timeout=60_000)
        assert page.get_by_role("heading", name="Preview").count() == 1
        _no_exception(page)
        save.click()
        page.get_by_text("Added 1;").wait_for(timeout=60_000)
        _no_exception(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "browser-url-import.png"), full_page=True)

    with Library(db) as lib:
        stored = [a for a in lib.articles() if a.url == news_url]
    assert len(stored) == 1, [a.url for a in stored]
    article = stored[0]
    assert PARAGRAPH in " ".join(article.text.split())
    assert "Copyright Harbour Gazette" not in article.text  # the page's chrome is not the article
    assert article.title == "Harbour channel to reopen, authority says"
    assert article.original_format == "url", f"stored as {article.original_format!r}, not 'url'"
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_upload_on_the_library_page_then_pick_it_on_compare(server: str, db: Path, page) -> None:
    from framing.library.store import Library

    title = "Tramway extension approved after long delay"
    text = (
        f"{title}\n\nThe city council approved the tramway extension on Monday. Officials claimed the "
        'so-called "final" budget would hold, though critics said costs had doubled since 2019.\n'
    )
    _open_library(page, server, "Files")
    page.get_by_label("Outlet for files that do not name one").fill("Valley Courier")
    page.get_by_label("Outlet for files that do not name one").press("Enter")
    page.wait_for_timeout(500)
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Article files")
    uploader.locator("input[type=file]").set_input_files(
        files=[{"name": "tramway.txt", "mimeType": "text/plain", "buffer": text.encode()}]
    )
    save = page.get_by_role("button", name="Save 1 article(s) to the library")
    save.wait_for(timeout=60_000)
    save.click()
    page.get_by_text("Added 1;").wait_for(timeout=60_000)
    _no_exception(page)
    with Library(db) as lib:
        assert [a.outlet for a in lib.articles() if a.title == title] == ["Valley Courier"]

    page.goto(server)  # the Compare page, a new session: the article must come from the library
    page.wait_for_selector("mark.fr-scare_quotes", timeout=90_000)
    story = page.locator("[data-testid=stSelectbox]").filter(has_text="Story").first
    story.click()
    page.get_by_role("option", name="(all articles)").click()
    page.wait_for_timeout(500)
    box = page.locator("[data-testid=stMultiSelect] input").first
    box.click()
    box.fill("Tramway")
    option = page.get_by_role("option", name=f"Valley Courier — {title}")
    option.wait_for(timeout=30_000)
    option.click()
    page.keyboard.press("Escape")
    article = page.locator(".fr-article", has_text="tramway extension")
    article.wait_for(timeout=60_000)
    assert article.locator("mark").count() > 0
    _no_exception(page)
    page.screenshot(path=str(ARTIFACTS / "browser-library-upload-compare.png"))
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_download_the_report_and_open_it_offline(server: str, browser, page, tmp_path: Path) -> None:
    page.goto(server)
    page.wait_for_selector("mark.fr-scare_quotes", timeout=90_000)
    chips = page.locator("[data-testid=stMultiSelect] span[data-tag]")  # the chosen articles
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=stMultiSelect] span[data-tag]').length >= 2", timeout=60_000
    )
    labels = [(c.get_attribute("aria-label") or c.inner_text()).strip() for c in chips.all()]
    outlets = {label.split(" — ")[0] for label in labels}
    assert len(outlets) >= 2, labels

    page.get_by_text("Download this comparison (report, CSV, JSON)").click()
    button = page.get_by_role("button", name="Report (HTML, opens offline, prints to PDF)")
    button.wait_for()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "framing-report.html"
    saved = tmp_path / "framing-report.html"
    download.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert "<mark" in html

    context = browser.new_context()
    try:
        offline = context.new_page()
        outside: list[str] = []

        def route(r) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        offline.route("**/*", route)
        offline.on("request", lambda req: None if req.url.startswith("file://") else outside.append(req.url))
        offline.goto(saved.as_uri())
        offline.wait_for_load_state("load")
        offline.wait_for_timeout(500)
        assert offline.locator("mark").count() > 0
        for family in ("attribution", "scare_quotes"):
            assert offline.locator(f"mark.fr-{family}").count() > 0, family
        body = offline.locator("body").inner_text()
        for outlet in outlets:
            assert outlet in body, outlet
        assert outside == [], outside
        offline.screenshot(path=str(ARTIFACTS / "browser-report-offline.png"))
    finally:
        context.close()
