"""Real browser, Lexicons page: the editor of the user's lexicon overlay, end to end.

An entry added in the editor is highlighted on the Compare page with "added by you" in its tooltip; an
edit changes the tooltip; disabling it removes the highlight; the overlay downloads as YAML holding it; and
bad input (an empty term, a malformed or invalid overlay file) gets a clear error on the page while the
saved overlay stays as it was.

The app runs on a fresh library in a temporary file (FRAMING_DB), never data/library.db. Skipped where
Chromium or Playwright is missing, unless FRAMING_REQUIRE_BROWSER=1 (then it fails). Screenshots go to
test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.browser_support import ARTIFACTS, app_server, require_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LEXICON = "loaded_language"
LEXICON_OPTION = "Loaded language (loaded_language)"
# In the Al Mayadeen seed ("overlooking all Israeli attempts to undermine the talks"), in no shipped lexicon.
WORD = "overlooking"
ENTRY_ID = f"user.{WORD}"
EXPLAIN = "Presents the other side's moves as something wilfully ignored."
EDITED = "Edited in the browser: says the other side chose not to see something."
TIMEOUT = 90_000  # ms; an analysis on a shared two-core machine can take a while
PAGE_TIMEOUT = TIMEOUT  # read by the shared `page` fixture (tests/conftest.py)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser_lexicons") / "lib.db"


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    require_browser()
    with app_server(db) as url:
        yield url


# ----------------------------------------------------------------------------------------- helpers


def _overlay(db: Path) -> list[dict]:
    from framing.library.store import Library

    with Library(db) as lib:
        return lib.overlay_entries()


def _no_exception(page) -> None:
    exc = page.locator('[data-testid="stException"]')
    assert exc.count() == 0, exc.first.inner_text()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _visible(locator):
    return locator.filter(visible=True)


def _idle(page) -> None:
    """Wait until the app's script run is over (widgets drawn anew mid-run can drop a click or an open list)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached")


def _open_lexicons(page, server: str) -> None:
    page.goto(f"{server}/lexicons")
    page.get_by_role("heading", name="Lexicons").wait_for()
    page.get_by_role("tab", name=re.compile(r"^Loaded language \(\d+\)$")).wait_for()
    _idle(page)
    _no_exception(page)


def _select(page, box, option, typed: str = "") -> None:
    """Pick ``option`` (a locator) in the Streamlit selectbox ``box``, typing ``typed`` first to filter it.

    Once in a while (about 1 pick in 30 on a busy machine) the list closes again before the option can be
    clicked; then it is opened again, up to three times in all.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        box.click()
        if typed:
            box.fill(typed)
        try:
            option.click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def _choose(page, label: str, option) -> None:
    """Pick ``option`` (a name or a pattern) in the visible Streamlit selectbox labelled ``label``."""
    from playwright.sync_api import expect

    box = _visible(page.get_by_label(label, exact=True))
    expect(box).to_have_count(1)
    _select(page, box, page.get_by_role("option", name=option).first)


def _one_box(page, label: str, value: str, *, prefix: bool = True) -> None:
    """Wait until there is one input labelled ``label`` and its value starts with (or is) ``value``.

    A widget whose key changes in a rerun (the add form's widgets do) is briefly on the page twice, old and
    new, so a plain locator would be ambiguous for a moment.
    """
    page.wait_for_function(
        """([label, value, prefix]) => {
            const boxes = document.querySelectorAll(`input[aria-label="${label}"]`);
            return boxes.length === 1 && (prefix ? boxes[0].value.startsWith(value) : boxes[0].value === value);
        }""",
        arg=[label, value, prefix],
    )


def _fill_add_form(page, term: str, category: str, explain: str) -> None:
    """Open "Add an entry", choose the loaded-language lexicon and fill the form (not submitted)."""
    from playwright.sync_api import expect

    _expand(page, "Add an entry")
    _choose(page, "Lexicon", LEXICON_OPTION)
    # The category list follows the lexicon after a rerun: wait until it offers this lexicon's categories.
    _one_box(page, "Category", "name_calling:")
    _choose(page, "Category", re.compile(rf"^{category}:"))
    expect(page.get_by_label("Category", exact=True)).to_have_value(re.compile(rf"^{category}:"))
    page.get_by_label("Term (a word or a fixed phrase, as written)").fill(term)
    page.get_by_label("Explanation shown to readers").fill(explain)


def _pick_entry(page, entry_id: str, term: str) -> None:
    """In the loaded-language tab, choose an entry in "Entry to edit, disable or enable"."""
    from playwright.sync_api import expect

    page.get_by_role("tab", name=re.compile(r"^Loaded language \(\d+\)$")).click()
    box = _visible(page.get_by_label("Entry to edit, disable or enable", exact=True))
    expect(box).to_have_count(1)
    _select(page, box, page.get_by_role("option", name=f"{entry_id} — {term}"), typed=entry_id)  # a long list
    page.get_by_text(re.compile(r"^Origin: ")).filter(visible=True).wait_for()


def _expect_editor_on(page, entry_id: str, status: str) -> None:
    """The loaded-language tab is the one shown, with ``entry_id`` chosen in its editor and this status."""
    from playwright.sync_api import expect

    expect(page.get_by_role("tab", selected=True)).to_have_text(re.compile(r"^Loaded language \(\d+\)$"))
    expect(_visible(page.get_by_label("Entry to edit, disable or enable", exact=True))).to_have_value(
        re.compile(rf"^{re.escape(entry_id)} — ")
    )
    expect(page.get_by_text(re.compile(rf"^Origin: .* · {status}$")).filter(visible=True)).to_have_count(1)


def _word_marks(page, server: str):
    """Open the Compare page (a new session) on the seeds; the loaded-language marks around WORD."""
    page.goto(server)
    page.wait_for_selector("mark.fr-scare_quotes", timeout=TIMEOUT)
    # The seed article holding the word is on the page (so an absent mark means "not highlighted").
    page.locator(".fr-article", has_text=WORD).first.wait_for()
    _no_exception(page)
    return page.locator(f".fr-article mark.fr-{LEXICON}", has_text=re.compile(rf"^{WORD}$"))


def _expand(page, label: str) -> None:
    """Open the expander labelled ``label`` unless it is open already."""
    details = page.get_by_test_id("stExpander").filter(has_text=label).locator("details").first
    details.wait_for()
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def _download_overlay(page, tmp_path: Path, name: str) -> str:
    _expand(page, "Export or import your changes (YAML)")
    button = page.get_by_role("button", name="Download your overlay (YAML)")
    button.wait_for()
    with page.expect_download(timeout=TIMEOUT) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "lexicon-overlay.yaml"
    saved = tmp_path / name
    download.save_as(saved)
    return saved.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------- tests


def test_add_edit_disable_and_export_an_entry(server: str, db: Path, page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    # Before: the word is in the article but nothing highlights it.
    marks = _word_marks(page, server)
    assert marks.count() == 0, "the word is highlighted before any entry exists: pick another word"

    # 1. Add the entry in the editor.
    _open_lexicons(page, server)
    _fill_add_form(page, WORD, "presupposition", EXPLAIN)
    _shot(page, "browser-lexicons-add-form.png")
    page.get_by_role("button", name="Add entry").click()
    page.get_by_text(f"Added '{WORD}' to Loaded language.").wait_for()
    _no_exception(page)
    [row] = _overlay(db)
    assert (row["lexicon"], row["entry_id"], row["disabled"]) == (LEXICON, ENTRY_ID, False)
    assert row["entry"]["term"] == WORD and row["entry"]["category"] == "presupposition"
    assert row["entry"]["explain"] == EXPLAIN
    # The form starts empty again, ready for the next entry.
    _one_box(page, "Term (a word or a fixed phrase, as written)", "", prefix=False)
    _shot(page, "browser-lexicons-added.png")

    # 2. On Compare the word is now a loaded-language highlight whose tooltip says the user added it.
    marks = _word_marks(page, server)
    expect(marks).to_have_count(1)
    title = marks.first.get_attribute("title") or ""
    assert "Loaded language, presupposition" in title, title
    assert EXPLAIN in title and "added by you" in title and f"[{ENTRY_ID}]" in title, title
    marks.first.scroll_into_view_if_needed()
    _shot(page, "browser-lexicons-compare-added.png")

    # 3a. Edit the entry's explanation: the tooltip on Compare follows.
    _open_lexicons(page, server)
    _pick_entry(page, ENTRY_ID, WORD)
    explain_box = _visible(page.get_by_label("Explanation", exact=True))
    expect(explain_box).to_have_value(EXPLAIN)
    explain_box.fill(EDITED)
    _visible(page.get_by_role("button", name="Save changes")).click()
    page.get_by_text(f"Saved your version of '{ENTRY_ID}'.").wait_for()
    _no_exception(page)
    _expect_editor_on(page, ENTRY_ID, "in use")
    expect(_visible(page.get_by_label("Explanation", exact=True))).to_have_value(EDITED)
    [row] = _overlay(db)
    assert row["entry"]["explain"] == EDITED and not row["disabled"]

    marks = _word_marks(page, server)
    expect(marks).to_have_count(1)
    title = marks.first.get_attribute("title") or ""
    assert EDITED in title and EXPLAIN not in title and "added by you" in title, title

    # 3b. Disable it: the highlight is gone from Compare, the word is still in the article.
    _open_lexicons(page, server)
    _pick_entry(page, ENTRY_ID, WORD)
    _visible(page.get_by_role("button", name="Disable", exact=True)).click()
    page.get_by_text(f"Disabled '{ENTRY_ID}': it no longer highlights anything.").wait_for()
    _no_exception(page)
    [row] = _overlay(db)
    assert row["disabled"] and row["entry"]["explain"] == EDITED
    # The editor stays where it was (the confirmation's rerun must not send it back to the first tab): the
    # loaded-language tab, the entry shown as disabled, and the button to enable it again.
    _expect_editor_on(page, ENTRY_ID, "disabled")
    expect(_visible(page.get_by_role("button", name="Enable", exact=True))).to_have_count(1)
    _shot(page, "browser-lexicons-disabled.png")

    marks = _word_marks(page, server)
    expect(marks).to_have_count(0)
    assert page.locator(f"mark.fr-{LEXICON}").count() > 0  # the shipped entries still highlight
    _shot(page, "browser-lexicons-compare-disabled.png")

    # 4. Export the overlay as YAML through the download button: it holds the entry, disabled.
    _open_lexicons(page, server)
    text = _download_overlay(page, tmp_path, "overlay.yaml")
    items = yaml.safe_load(text)
    assert [(i["lexicon"], i["entry"]["id"], i["disabled"]) for i in items] == [(LEXICON, ENTRY_ID, True)], text
    entry = items[0]["entry"]
    assert (entry["term"], entry["category"], entry["explain"]) == (WORD, "presupposition", EDITED)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_bad_input_gets_a_clear_error_and_changes_nothing(server: str, db: Path, page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    from framing.library.store import Library

    if not _overlay(db):  # run on its own: an overlay to keep unchanged
        with Library(db) as lib:
            lib.save_overlay_entry(
                LEXICON,
                {"id": ENTRY_ID, "term": WORD, "category": "presupposition", "explain": EXPLAIN, "source": "Test."},
            )
    before = _overlay(db)
    with Library(db) as lib:
        exported_before = lib.export_overlay_yaml()

    # An empty term: the add form says why and saves nothing.
    _open_lexicons(page, server)
    _fill_add_form(page, "", "doubt", "Casts doubt on nothing at all.")
    page.get_by_role("button", name="Add entry").click()
    error = page.get_by_test_id("stAlertContentError").filter(has_text="Not saved:")
    error.wait_for()
    assert "'term' must be a non-empty string" in error.inner_text(), error.inner_text()
    _no_exception(page)
    error.scroll_into_view_if_needed()
    _shot(page, "browser-lexicons-empty-term.png")
    assert _overlay(db) == before

    # A malformed YAML file: not imported, and the page says it is not valid YAML.
    _expand(page, "Export or import your changes (YAML)")
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Overlay file to import")
    malformed = f"- lexicon: {LEXICON}\n  entry: {{id: {ENTRY_ID}, term: [unclosed\n"
    uploader.locator("input[type=file]").set_input_files(
        files=[{"name": "broken.yaml", "mimeType": "application/x-yaml", "buffer": malformed.encode()}]
    )
    page.get_by_role("button", name="Import this overlay").click()
    error = page.get_by_test_id("stAlertContentError").filter(has_text="Not imported")
    error.wait_for()
    message = error.inner_text()
    assert "nothing changed" in message and "not valid YAML" in message and "line 2" in message, message
    # Shown as text: the parser's indented pointer lines are not turned into an (empty) Markdown code block.
    assert error.locator("[data-testid=stMarkdownPre], pre, code").count() == 0, error.inner_html()
    _no_exception(page)
    error.scroll_into_view_if_needed()
    _shot(page, "browser-lexicons-malformed-yaml.png")
    assert _overlay(db) == before

    # Valid YAML whose first item would change the saved entry and whose second is invalid: all or nothing.
    changed = {"id": ENTRY_ID, "term": WORD, "category": "doubt", "explain": "Changed.", "source": "x"}
    bad = {"id": "user.bad", "term": "bad", "category": "no_such_category", "explain": "x", "source": "x"}
    half_bad = yaml.safe_dump([{"lexicon": LEXICON, "entry": e, "disabled": False} for e in (changed, bad)])
    uploader.locator("input[type=file]").set_input_files(
        files=[{"name": "half-bad.yaml", "mimeType": "application/x-yaml", "buffer": half_bad.encode()}]
    )
    expect(uploader).to_contain_text("half-bad.yaml")
    # The upload's own rerun clears the last error: only then does the button belong to the new file.
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    page.get_by_role("button", name="Import this overlay").click()
    error = page.get_by_test_id("stAlertContentError").filter(has_text="user.bad")
    error.wait_for()
    assert "Not imported, nothing changed" in error.inner_text(), error.inner_text()
    assert "no_such_category" in error.inner_text(), error.inner_text()
    _no_exception(page)
    error.scroll_into_view_if_needed()
    _shot(page, "browser-lexicons-invalid-import.png")
    assert _overlay(db) == before

    # The overlay the page offers for download is the one saved before, to the letter.
    assert _download_overlay(page, tmp_path, "after.yaml") == exported_before
    assert page.dialogs == []  # type: ignore[attr-defined]
