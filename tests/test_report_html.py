"""The self-contained HTML report: content, escaping, no external resources, the CLI, and a real browser."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

import framing
from framing.cli import main
from framing.models import Article, Speaker, SummaryLine, Term
from framing.render.report_html import render_report
from tests.browser_support import ARGS, CHROMIUM, require_browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SEEDS = [ROOT / "seeds" / "000_89b951986c356c92.txt", ROOT / "seeds" / "002_025e2801a3540086.txt"]

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
VERSIONS = {"attribution": "9.8.7-test", "scare_quotes": "1.2.3-test"}


class Page(HTMLParser):
    """Start tags with their attributes, the visible text, and the style sheets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.data).append(data)

    @property
    def text(self) -> str:
        return "".join(self.data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


@pytest.fixture(scope="module")
def seeds_comparison() -> framing.Comparison:
    return framing.compare(framing.load_seeds())


@pytest.fixture(scope="module")
def seeds_report(seeds_comparison: framing.Comparison) -> str:
    return render_report(seeds_comparison, lexicon_versions=VERSIONS, generated_at="2024-05-06 07:08 UTC")


def hostile_comparison() -> framing.Comparison:
    a = Article(
        text=f"Officials said the talks {SCRIPT} went well. The army killed two people. {IMG} Critics claimed more.",
        title=f"Talks {SCRIPT} {IMG}",
        outlet=f"Outlet {SCRIPT}",
    )
    b = Article(
        text="The talks went badly, officials admitted. Two people were killed. Critics said nothing.",
        title="Talks go badly",
        outlet="Plain Outlet",
    )
    return framing.compare([a, b])


@pytest.fixture(scope="module")
def hostile_report() -> str:
    return render_report(hostile_comparison(), generated_at="2024-05-06 07:08 UTC")


# ------------------------------------------------------------------------------------- the seeds


def test_seeds_report_has_both_outlets_highlights_summary_and_versions(
    seeds_report: str, seeds_comparison: framing.Comparison
) -> None:
    outlets = {an.article.outlet for an in seeds_comparison.analyses}
    assert outlets == {"TPS", "Al Mayadeen"}
    for outlet in outlets:
        assert outlet in seeds_report
    assert re.search(r'<mark class="fr-scare_quotes[^"]*"[^>]*>&quot;Israel&quot;</mark>', seeds_report)
    assert seeds_comparison.summary, "the seeds give summary lines"
    first = seeds_comparison.summary[0].text
    assert first in parse(seeds_report).text
    for name, version in VERSIONS.items():
        assert re.search(rf"<td>{name}</td><td>{re.escape(version)}</td>", seeds_report)
    assert "2024-05-06 07:08 UTC" in seeds_report
    assert "sample of two" in seeds_report
    assert "VADER" in seeds_report  # the tone caveat
    assert seeds_report.count('class="fr-article"') == 2
    assert seeds_report.count("<svg") >= 2  # rates and share of voice, drawn inline


def test_seeds_report_default_versions_are_the_shipped_ones(seeds_comparison: framing.Comparison) -> None:
    shipped = framing.load_shipped()
    page = render_report(seeds_comparison)
    for name, lex in shipped.items():
        assert f"<td>{name}</td><td>{lex.version}</td>" in page


def test_seeds_report_rates_table_matches_the_analysis(seeds_report: str, seeds_comparison: framing.Comparison) -> None:
    for an in seeds_comparison.analyses:
        counts = an.counts()
        for fam in framing.FAMILIES:
            assert f"({counts[fam]})" in seeds_report
        assert f"<td class=n>{an.word_count}</td>" in seeds_report


def test_seeds_report_loads_nothing_from_outside(seeds_report: str) -> None:
    page = parse(seeds_report)
    assert "<script" not in seeds_report.lower()
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "link", "iframe", "object", "embed", "image", "use", "base"}
    for tag, attrs in page.tags:
        for name in ("src", "href", "xlink:href", "srcset", "action", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http://", "https://", "//")), (tag, name, value)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    style = "".join(page.styles).lower()
    assert "@import" not in style
    assert "url(" not in style
    assert "@font-face" not in style


# ----------------------------------------------------------------------------------- hostile text


def test_hostile_text_and_title_are_escaped(hostile_report: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_report
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_report
    assert "<script" not in hostile_report.lower()
    assert "<img" not in hostile_report.lower()
    page = parse(hostile_report)
    starts = [tag for tag, _ in page.tags]
    assert "script" not in starts
    assert "img" not in starts
    assert SCRIPT in page.text
    assert IMG in page.text
    assert f"Talks {SCRIPT} {IMG}" in page.text  # the title
    assert f"Outlet {SCRIPT}" in page.text  # the outlet


def test_hostile_speaker_term_and_summary_are_escaped(seeds_comparison: framing.Comparison) -> None:
    """Speaker names, terms and summary lines come from articles too: planted directly, they stay text."""
    an = seeds_comparison.analyses[0]
    verbs = ((IMG, "neutral", 1),)
    speaker = Speaker(name=f"Dr {SCRIPT}", quotes=1, words=5, indirect=0, first_position=0, verbs=verbs)
    hostile = replace(an, speakers=(speaker,), distinctive_terms=(Term(IMG, 0.5),))
    comparison = replace(
        seeds_comparison,
        analyses=(hostile, *seeds_comparison.analyses[1:]),
        summary=(SummaryLine(f"Summary {SCRIPT}"),),
    )
    page_html = render_report(comparison, lexicon_versions={f"lex {IMG}": SCRIPT})
    assert "<script" not in page_html.lower() and "<img" not in page_html.lower()
    page = parse(page_html)
    assert not {"script", "img"} & {tag for tag, _ in page.tags}
    for visible in (f"Dr {SCRIPT}", f"Summary {SCRIPT}", IMG, f"lex {IMG}"):
        assert visible in page.text


# ------------------------------------------------------------------------------------------- CLI


def test_cli_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code = main(["report", *map(str, SEEDS), "--out", str(out), "--outlet", "Outlet <b>A</b>", "--outlet", "B"])
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Outlet &lt;b&gt;A&lt;/b&gt;" in page
    assert "<b>" not in page


def test_cli_reads_json_articles(tmp_path: Path) -> None:
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    a.write_text(json.dumps({"text": f"Officials said {SCRIPT} the talks went well.", "title": IMG}), "utf-8")
    b.write_text(json.dumps({"text": "Officials claimed the talks went badly.", "title": "B"}), "utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(a), str(b), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<img" not in page.lower()


def test_cli_exits_2_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    code = main(["report", str(SEEDS[0]), str(tmp_path / "missing.txt"), "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "missing.txt" in err[0]
    assert not out.exists()


def test_cli_exits_2_on_too_many_outlets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", str(SEEDS[0]), "--out", str(tmp_path / "r.html"), "--outlet", "A", "--outlet", "B"])
    assert code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_exits_2_on_an_unwritable_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", *map(str, SEEDS), "--out", str(tmp_path / "no" / "such" / "dir.html")])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err


# -------------------------------------------------------------------------------- a real browser


@pytest.mark.browser
@pytest.mark.parametrize("which", ["hostile", "seeds"])
def test_report_in_a_real_browser(which: str, hostile_report: str, seeds_report: str, tmp_path: Path) -> None:
    require_browser()
    from playwright.sync_api import sync_playwright

    page_html = hostile_report if which == "hostile" else seeds_report
    path = tmp_path / f"{which}.html"
    path.write_text(page_html, encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    stem = "report" if which == "hostile" else "report-seeds"
    dialogs: list[str] = []
    requests: list[str] = []

    def block(route, request) -> None:  # type: ignore[no-untyped-def]
        if not request.url.startswith("file://"):
            requests.append(request.url)
            route.abort()
        else:
            route.continue_()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.route("**/*", block)
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(500)
            body = page.inner_text("body")
            assert page.locator(".fr-article mark").count() > 0
            assert page.locator("script").count() == 0
            assert page.locator("img").count() == 0
            if which == "hostile":
                assert SCRIPT in body
                assert IMG in body
            else:
                assert "TPS" in body and "Al Mayadeen" in body
                assert page.locator('mark.fr-scare_quotes:text-is("\\"Israel\\"")').count() >= 1
            page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
            page.emulate_media(media="print")
            page.pdf(path=str(ARTIFACTS / f"{stem}.pdf"), print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
    assert dialogs == []
    assert requests == []
    assert (ARTIFACTS / f"{stem}.pdf").stat().st_size > 1000
    assert (ARTIFACTS / f"{stem}.png").stat().st_size > 1000
