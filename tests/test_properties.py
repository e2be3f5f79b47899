"""Properties that hold for any text, including text no one planned for."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import Article, analyze, highlight_html

# Text built from pieces that exercise the rules: reporting verbs, quote marks of every kind,
# lexicon words, Arabic and emoji, odd spaces and line breaks.
PIECES = st.sampled_from(
    [
        "said",
        "claimed",
        "alleges",
        "he",
        "that",
        "the",
        "those",
        "Israel",
        "Israeli occupation",
        "so-called",
        "may",
        "May",
        "clearly",
        "blackmail",
        "were killed",
        "by",
        "forces",
        "\u201c",
        "\u201d",
        "\u2018",
        "\u2019",
        '"',
        "'",
        ",",
        ".",
        "?",
        ":",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\u00a0",
        "\u2014",
        "علي",
        "👩‍👩‍👧",
        "IDF",
        "Iran's",
        "Iran\u2019s",
        "told",
        "Al Mayadeen",
        "concluded",
        "options",
        # markup and entities, so that a rendering that forgot to escape cannot pass
        "<b>",
        "</mark>",
        "<script>alert(1)</script>",
        "&amp;",
        "&lt;",
        "&",
        "<",
        ">",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=300))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_every_hit_lies_inside_and_names_its_letters(text: str) -> None:
    an = analyze(Article(text=text))
    for h in an.hits:
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start : h.end] == h.text
    for q in an.quotes:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
        assert text[q.inner_start : q.inner_end] == q.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_analysis_is_deterministic(text: str) -> None:
    assert analyze(Article(text=text)).hits == analyze(Article(text=text)).hits


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_highlighted_rendering_unescapes_to_the_original(text: str) -> None:
    an = analyze(Article(text=text))
    rendered = highlight_html(text, an.hits, quotes=an.quotes)
    assert html.unescape(re.sub(r"<[^>]*>", "", rendered)) == text
