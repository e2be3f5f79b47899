"""Hostile input: every bad input gives a clear error or a correct analysis, and the library stays unchanged.

Each case goes through ingestion (framing.library.ingest.parse_file, as the Library page and the CLI do), then,
if it becomes articles, through the analysis and the highlighted rendering; a case that is refused
must say which file and what is wrong, and leave the library exactly as it was.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from framing import Article, IngestError, analyze, compare, highlight_html
from framing.library.ingest import parse_file
from framing.library.store import Library

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

# (name, bytes, expectation): "error" = refused with a message naming the file; "ok" = becomes articles.
CASES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "error"),
    ("blank.txt", b"   \n\t \n", "error"),
    ("binary.txt", bytes(range(256)) * 4, "error"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "error"),
    ("nul.md", b"Title\n\nText with a NUL \x00 byte in it.", "error"),
    ("oversized.txt", b"Big\n\n" + b"word " * 1_100_000, "error"),
    ("utf16le-nobom.txt", "Title\n\nThe minister claimed that \u201cIsrael\u201d was wrong.".encode("utf-16-le"), "ok"),
    ("utf16be-bom.txt", "\ufeffTitle\n\nHe said it.".encode("utf-16-be"), "ok"),
    ("utf8bom.txt", "\ufeffTitle\n\nCaf\u00e9 owners claimed victory.".encode(), "ok"),
    ("cp1252.txt", "Title\n\nThe caf\u00e9 \u201cclaims\u201d were false.".encode("cp1252"), "ok"),
    (
        "rtl.txt",
        "\u0627\u0644\u0639\u0646\u0648\u0627\u0646\n\nAli Bagheri Kani \u0639\u0644\u064a said \u201cyes\u201d to \u202eDIRECTION\u202c.".encode(),
        "ok",
    ),
    ("oneline-1mb.txt", ("Headline " + "the minister claimed that " * 40000).encode(), "error-row"),
    ("oneline-150k.txt", ("Headline " + "the minister claimed that " * 5500).encode(), "ok"),
    ("unbalanced.txt", b'Title\n\nHe said "this never closes and "this neither\n\nNew para "ok".', "ok"),
    ("nested.txt", ('Title\n\nShe said "' + "'" * 50 + '"inner "deep" quotes"' + "'" * 50 + '"').encode(), "ok"),
    ("deepquotes.txt", ("Title\n\n" + '"' * 5000 + "text" + "\u201d" * 5000).encode(), "ok"),
    ("script.txt", f"Hostile {SCRIPT} title\n\nThe minister claimed that {IMG} was fine.".encode(), "ok"),
    (
        "script.html",
        f"<html><head><title>T</title></head><body><article><h1>Talks</h1><p>The minister claimed that talks failed. {html.escape(SCRIPT)}</p><script>alert(2)</script></article></body></html>".encode(),
        "ok",
    ),
    ("formula.csv", b'text,title,outlet\n"=cmd|\' /C calc\'!A0 said the official.",=HYPERLINK("x"),@SUM(1)\n', "ok"),
    ("missingcol.csv", b"title,outlet\nA,B\n", "error"),
    ("extracol.csv", b"text,title\nSome text here.,T,EXTRA\n", "error-row"),
    ("emptytext.csv", b"text,title\n,Only a title\n", "error-row"),
    ("baddate.csv", b"text,title,published\nSome text here.,T,05/03/2024\n", "error-row"),
    ("worddate.csv", b"text,title,published\nSome text here.,T,yesterday\n", "error-row"),
    ("bad.jsonl", b'{"text": "Fine article text.", "title": "A"}\n{not json}\n', "error-row"),
    ("notobject.jsonl", b'["a", "b"]\n', "error-row"),
    ("bad.json", b'{"title": "no text"}', "error-row"),
    ("broken.json", b'{"text": "unterminated', "error"),
    (
        "emoji.txt",
        "Title \U0001f468\u200d\U0001f469\u200d\U0001f467\n\nThe family \U0001f468\u200d\U0001f469\u200d\U0001f467 said \u201cno\u201d.".encode(),
        "ok",
    ),
    ("homoglyph.txt", "Title\n\nThe minister \u0441laimed that the \u0406DF was wrong.".encode(), "ok"),
    ("zerowidth.txt", "Title\n\nThe minister cl\u200baimed that it was\u00a0wrong.".encode(), "ok"),
    (
        "crlf.txt",
        b'Title\r\n\r\nThe minister claimed that it was wrong.\r\nHe said "so-called" reforms failed.\r\n',
        "ok",
    ),
    ("controlchars.txt", b"Title\n\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16]) * 20, "error"),
    ("unsupported.exe", b"MZ\x90\x00\x03", "error"),
    ("unsupported.docx", b"PK\x03\x04 not really a document", "error"),
]


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    with Library(tmp_path / "hostile.db") as library:
        library.seed_if_new()
        yield library


def _snapshot(lib: Library) -> str:
    out = io.StringIO()
    lib.export_jsonl(out)
    return out.getvalue()


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(("name", "data", "expect"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input(name: str, data: bytes, expect: str, lib: Library) -> None:
    before = _snapshot(lib)
    try:
        result = parse_file(data, name)
    except IngestError as exc:
        message = str(exc)
        assert expect == "error", f"{name} was refused: {message}"
        assert name in message and len(message) > len(name) + 10
        assert "\n" not in message.strip()
        assert _snapshot(lib) == before
        return
    if expect == "error":
        pytest.fail(f"{name} was accepted but should be refused")
    if expect == "error-row":
        assert not result.ok
        assert result.errors
        for err in result.errors:
            assert err.startswith(name) and len(err) > len(name) + 20, err
            if name.endswith((".csv", ".jsonl")):
                assert "row" in err or "line" in err, err
        # Refused as a whole (the default): nothing saved.
        assert _snapshot(lib) == before
        return
    assert result.ok, result.errors
    for article in result.articles:
        an = analyze(article)
        for h in an.hits:
            assert article.text[h.start : h.end] == h.text
        rendered = highlight_html(article.text, an.hits, quotes=an.quotes)
        assert "<script" not in rendered and "<img" not in rendered
        assert html.unescape(re.sub(r"<[^>]*>", "", rendered)) == article.text
    added = lib.add_articles(result.articles)
    assert len(added.added) == len(result.articles)
    again = lib.add_articles(result.articles)
    assert again.added == [] and len(again.duplicates) == len(result.articles)


def test_hostile_articles_compare_without_crashing() -> None:
    texts = [
        f'Hostile {SCRIPT}\n\nThe minister claimed that {IMG} "Israel" was wrong.',
        "\u0627\u0644\u0639\u0646\u0648\u0627\u0646\n\n\u202eReversed\u202c text said \u201cno\u201d.",
        "x",
        '"' * 300,
    ]
    comparison = compare([Article(text=t, outlet=f"O{i}") for i, t in enumerate(texts)])
    assert len(comparison.analyses) == 4
    assert comparison.summary


def test_csv_export_neutralises_formulas(lib: Library) -> None:
    lib.add_articles([Article(text="=cmd|' /C calc'!A0 said the official.", title='=HYPERLINK("x")', outlet="@X")])
    out = io.StringIO()
    lib.export_csv(out)
    for line in out.getvalue().splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.strip('"').startswith(("=", "+", "@")), cell
