"""Articles and fixtures shared by the library tests (tests/test_store_*.py, tests/test_cli_library.py):
sample articles with every kind of metadata, and field values hostile to spreadsheets and parsers."""

from __future__ import annotations

from framing.models import Article

HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","click")\nsecond line',
    "-2+3 and a leading minus",
    "+44 20 7946 0000 called",
    "@SUM(A1:A9) at sign",
    "\tstarts with a tab",
    "\rstarts with a carriage return",
    "'=already an apostrophe and equals",
    "''two apostrophes",
    '\'tis the season, with "quotes", commas, and more',
    "Quotes \"double\" and 'single', commas, ; semicolons",
    "Windows lines\r\nsecond line\r\n\r\nthird paragraph\r\n",
    "Old Mac lines\rsecond\rthird",
    "Arabic: \u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 "
    "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a",
    "Emoji \U0001f600\U0001f1f1\U0001f1e7 and ZWJ \U0001f468\u200d\U0001f469\u200d\U0001f467 and NBSP\u00a0here",
    "Line separator\u2028paragraph separator\u2029next line\x85form feed\x0cend",
    "  leading spaces and trailing  ",
    "\ufeffstarts with a byte-order mark",
]


def art(text: str, **fields) -> Article:
    return Article(text=text, **fields)


def sample() -> list[Article]:
    return [
        art(
            "Talks resume in Vienna.\nDiplomats met.",
            title="Talks resume",
            outlet="Wire A",
            story="Vienna",
            published="2021-05-01T09:00:00Z",
            language="en",
        ),
        art(
            "L'Élysée a parlé.\nLe président a dit.",
            title="ÉLYSÉE speaks",
            outlet="Paris Daily",
            story="Paris",
            published="2021-05-03",
            language="fr",
        ),
        art("Vienna again: no progress.", title="No progress", outlet="Wire A", story="Vienna", published="2021-05-05"),
        art("An undated note about nothing.", title="Undated", outlet="Blog"),
    ]


def same_articles(a: list[Article], b: list[Article]) -> None:
    assert len(a) == len(b)
    for x, y in zip(sorted(a, key=lambda z: z.id), sorted(b, key=lambda z: z.id), strict=True):
        assert x == y
        assert x.meta == y.meta
        assert x.text.encode("utf-8") == y.text.encode("utf-8")


def hostile_articles() -> list[Article]:
    return [
        art(
            text,
            title=text[:20],
            outlet=["=Outlet", "-Minus", "Plain"][i % 3],
            author="@handle",
            story="+story",
            url="https://example.org/?q=1,2",
            published=f"2021-05-0{i % 9 + 1}",
            language="ar" if "Arabic" in text else "en",
            source_name="'=site",
            original_format="csv",
            meta={"illustrative": i % 2 == 0, "note": "=1+1", "n": i},
        )
        for i, text in enumerate(HOSTILE)
    ]
