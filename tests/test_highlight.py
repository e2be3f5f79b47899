"""Highlighted HTML: nothing from an article or a lexicon becomes live markup; the text survives exactly."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.indicators import FAMILIES
from framing.models import Hit
from framing.render.highlight import STYLE, css, highlight_html, legend_html

TAG = re.compile(r"<[^>]*>")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def strip(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def hit(text: str, start: int, end: int, family: str = "labels", explain: str = "Why.", **kw) -> Hit:
    return Hit(
        family=family,
        category=kw.pop("category", "cat"),
        text=text[start:end],
        start=start,
        end=end,
        explain=explain,
        **kw,
    )


def marks(markup: str) -> list[str]:
    """The text inside each <mark>, unescaped."""
    return [html.unescape(m) for m in re.findall(r"<mark\b[^>]*>(.*?)</mark>", markup, flags=re.S)]


def assert_no_live_markup(markup: str) -> None:
    lowered = markup.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    # Only our own tags appear.
    assert set(re.findall(r"</?([a-zA-Z]+)", markup)) <= {"div", "mark"}


def test_script_and_img_in_text_are_escaped():
    text = f'Title {SCRIPT} and {IMG} & "quotes" it\'s'
    start = text.index("<script>")
    out = highlight_html(text, [hit(text, start, start + len(SCRIPT))])
    assert_no_live_markup(out)
    assert "&lt;script&gt;" in out
    assert "&lt;img" in out
    assert strip(out) == text
    assert marks(out) == [SCRIPT]


def test_script_and_img_in_explanations_are_escaped():
    text = "Israel said the talks went well."
    hits = [
        hit(text, 0, 6, family="labels", explain=SCRIPT, category="<b>cat</b>"),
        hit(text, 7, 11, family="attribution", explain=IMG + '" onmouseover="alert(2)'),
    ]
    out = highlight_html(text, hits)
    assert_no_live_markup(out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<b>" not in out
    # The attacker's quote does not close the title attribute.
    assert 'onmouseover="alert' not in out
    assert strip(out) == text


def test_explanation_appears_in_title_attribute():
    text = "The regime said no."
    out = highlight_html(text, [hit(text, 4, 10, explain="A <loaded> word & more", in_quote=True)])
    (title,) = re.findall(r'title="([^"]*)"', out)
    title = html.unescape(title)
    assert "A <loaded> word & more" in title
    assert "quoted speech" in title
    assert "fr-quoted" in out


def test_text_without_hits_is_only_escaped():
    text = "a < b & c > d"
    out = highlight_html(text, [])
    assert "<mark" not in out
    assert out == f'<div class="fr-article">{html.escape(text, quote=True)}</div>'
    assert strip(out) == text


def test_overlapping_hits_round_trip():
    text = "Israeli occupation forces raided <the> camp."
    hits = [
        hit(text, 0, 25, family="labels"),  # Israeli occupation forces
        hit(text, 8, 18, family="loaded_language"),  # occupation
        hit(text, 15, 40, family="hedges"),  # crosses both
    ]
    out = highlight_html(text, hits)
    assert strip(out) == text
    assert_no_live_markup(out)
    # Every character covered by a hit is inside a mark; marks together spell the covered stretch.
    assert "".join(marks(out)) == text[0:40]


def test_innermost_hit_gives_the_colour():
    text = "Israeli occupation forces"
    hits = [hit(text, 0, 25, family="labels"), hit(text, 8, 18, family="loaded_language")]
    out = highlight_html(text, hits)
    pieces = re.findall(r'<mark class="([^"]*)" data-families="([^"]*)"[^>]*>(.*?)</mark>', out, flags=re.S)
    assert pieces == [
        ("fr-labels", "labels", "Israeli "),
        ("fr-loaded_language", "labels loaded_language", "occupation"),
        ("fr-labels", "labels", " forces"),
    ]


def test_families_filter_hides_other_families():
    text = "They claimed the regime is clearly weak."
    hits = [
        hit(text, 5, 12, family="attribution"),
        hit(text, 17, 23, family="labels"),
        hit(text, 27, 34, family="hedges"),
    ]
    out = highlight_html(text, hits, families=["labels"])
    assert marks(out) == ["regime"]
    assert "fr-attribution" not in out and "fr-hedges" not in out
    assert "attribution" not in out and "hedges" not in out.replace("Hedges", "")
    assert strip(out) == text

    both = highlight_html(text, hits, families=["attribution", "hedges"])
    assert marks(both) == ["claimed", "clearly"]
    assert "fr-labels" not in both

    none = highlight_html(text, hits, families=[])
    assert "<mark" not in none
    assert strip(none) == text

    everything = highlight_html(text, hits)
    assert marks(everything) == ["claimed", "regime", "clearly"]


def test_hits_outside_text_are_ignored():
    text = "short"
    bad = [
        Hit("labels", "c", "x", -1, 2, "e"),
        Hit("labels", "c", "x", 3, 99, "e"),
        Hit("labels", "c", "", 2, 2, "e"),
    ]
    out = highlight_html(text, bad)
    assert "<mark" not in out
    assert strip(out) == text


def test_newlines_and_unicode_survive():
    text = "Headline\n\n\u201cIsrael\u201d \u0639\u0644\u064a \U0001f642\u00a0&amp; end"
    start = text.index("Israel")
    out = highlight_html(text, [hit(text, start, start + 6, family="scare_quotes")])
    assert strip(out) == text
    assert marks(out) == ["Israel"]


def test_legend_and_css_cover_every_family():
    legend = legend_html(counts={"labels": 3})
    for fam in FAMILIES:
        assert f"fr-{fam}" in legend
        assert f".fr-{fam}{{" in css()
        assert fam in STYLE
    assert "Labels (3)" in legend
    assert legend_html(["labels"]).count("fr-key") == 1


# ------------------------------------------------------------------------------------------- properties

_CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(["<", ">", "&", '"', "'", "\n", "&amp;", "&lt;", "<script>", "</mark>", "\u201c"]),
)


@st.composite
def text_and_hits(draw):
    text = "".join(draw(st.lists(_CHARS, max_size=60)))
    n = len(text)
    hits = []
    if n:
        for _ in range(draw(st.integers(0, 6))):
            a = draw(st.integers(0, n - 1))
            b = draw(st.integers(a + 1, n))
            fam = draw(st.sampled_from(FAMILIES))
            explain = "".join(draw(st.lists(_CHARS, max_size=10)))
            hits.append(
                Hit(
                    fam,
                    draw(st.sampled_from(["c", "<i>x</i>"])),
                    text[a:b],
                    a,
                    b,
                    explain,
                    in_quote=draw(st.booleans()),
                )
            )
    fams = draw(st.one_of(st.none(), st.lists(st.sampled_from(FAMILIES), unique=True)))
    return text, hits, fams


@settings(max_examples=300, deadline=None)
@given(text_and_hits())
def test_property_round_trip(case):
    text, hits, fams = case
    out = highlight_html(text, hits, families=fams)
    assert strip(out) == text
    assert set(re.findall(r"</?([a-zA-Z]+)", out)) <= {"div", "mark"}
    chosen = set(FAMILIES) if fams is None else set(fams)
    for cls in re.findall(r'class="fr-([a-z_]+)', out):
        assert cls in chosen or cls in {"article"}
    covered = set()
    for h in hits:
        if h.family in chosen:
            covered.update(range(h.start, h.end))
    # The marked characters are exactly the covered ones.
    assert sum(len(m) for m in marks(out)) == len(covered)
