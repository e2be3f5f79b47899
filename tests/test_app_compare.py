"""AppTest: the Compare page as a user drives it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def _run() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _article_html(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.html if 'class="fr-article"' in h.proto.body]


@pytest.fixture(scope="module")
def app() -> AppTest:
    return _run()


def test_opens_on_the_two_seeds_side_by_side(app: AppTest) -> None:
    assert [s.value for s in app.subheader][:2] == ["TPS", "Al Mayadeen"]
    bodies = _article_html(app)
    assert len(bodies) == 2
    assert "Vienna" in bodies[0] and "Vienna" in bodies[1]


def test_every_family_is_highlighted_on_the_seeds(app: AppTest) -> None:
    both = "".join(_article_html(app))
    for family in ("attribution", "scare_quotes", "labels", "hedges", "loaded_language"):
        assert f'class="fr-{family}' in both, family


def test_hit_explanations_are_in_the_markup(app: AppTest) -> None:
    al_mayadeen = _article_html(app)[1]
    # The scare quote around "Israel" carries its explanation as a tooltip.
    mark = re.search(r'<mark class="fr-scare_quotes"[^>]*title="([^"]*)">&quot;Israel&quot;</mark>', al_mayadeen)
    assert mark, 'no scare-quote mark around "Israel"'
    assert "quotation marks" in mark.group(1).lower()


def test_toggling_a_family_removes_its_highlights() -> None:
    at = _run()
    assert any('class="fr-attribution' in b for b in _article_html(at))
    pills = at.pills(key="compare_families")
    pills.set_value([f for f in pills.value if f != "attribution"]).run()
    assert not at.exception
    bodies = _article_html(at)
    assert bodies and all('class="fr-attribution' not in b for b in bodies)
    assert any('class="fr-labels' in b for b in bodies)


def test_rates_chart_has_both_articles(app: AppTest) -> None:
    import json

    charts = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    rates = [c for c in charts if c["layout"].get("yaxis", {}).get("title", {}).get("text") == "hits per 1,000 words"]
    assert rates, "no rates chart"
    names = [trace["name"] for trace in rates[0]["data"]]
    assert names == ["TPS", "Al Mayadeen"]


def test_uploaded_article_is_escaped_and_comparable() -> None:
    at = _run()
    hostile = (
        b"Officials <script>alert(1)</script> react\n\n"
        b'The minister claimed that the <img src=x onerror=alert(1)> "options" were real.\n'
    )
    at.get("file_uploader")[0].upload("hostile.txt", hostile, "text/plain")
    at.text_input(key="compare_upload_outlet").input("Test Outlet")
    at.run()
    assert not at.exception
    assert any("Added" in s.value for s in at.success)
    picker = at.multiselect(key="compare_articles")
    picker.set_value([picker.options[0], picker.options[2]]).run()
    assert not at.exception
    assert [s.value for s in at.subheader][1] == "Test Outlet"
    right = _article_html(at)[1]
    assert "<script" not in right and "<img" not in right
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in right
    assert 'class="fr-attribution' in right  # "claimed" found in the upload


def test_bad_upload_gives_a_clear_error_and_keeps_the_seeds() -> None:
    at = _run()
    at.get("file_uploader")[0].upload("broken.txt", b"\x00\x01\x02binary", "text/plain")
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors and "binary" in errors[0] and "broken\\.txt" in errors[0]
    assert [s.value for s in at.subheader][:2] == ["TPS", "Al Mayadeen"]


def test_lexicons_page_lists_every_family() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("views/lexicons.py").run()
    assert not at.exception
    from framing import load_shipped

    labels = [t.label for t in at.tabs]
    assert len(labels) == len(load_shipped())
    assert any(label.startswith("Attribution") for label in labels)


def test_each_article_has_its_evidence_list(app: AppTest) -> None:
    # The expanders sit below the articles; their tables are filled after the charts, but in the same run.
    lists = [e for e in app.expander if e.label.startswith("Evidence list")]
    assert len(lists) == 2
    for box in lists:
        (table,) = box.dataframe
        cues = int(box.label.split("(")[1].split()[0])
        assert table.value.shape[0] == cues and "why it matters" in table.value.columns
