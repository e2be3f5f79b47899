"""parse_file: every supported format, row by row, with errors that name the file and row."""

from __future__ import annotations

import codecs
import csv
import io
import json

import pytest

import framing.library.ingest as ingest
import framing.library.records as records
from framing.library.dates import normalize_published
from framing.library.ingest import (
    CSV_COLUMNS,
    IngestError,
    ParseResult,
    decode,
    parse_file,
    read_bytes,
    template_csv,
)
from framing.models import content_id

BODY = "Vienna talks: caf\u00e9 diplomacy\nThe \u201cmodest progress\u201d of Iran\u2019s envoy \u0639\u0644\u064a."


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    return buf.getvalue().encode(encoding)


# --------------------------------------------------------------------------------------- single files


@pytest.mark.parametrize("name, fmt", [("a.txt", "txt"), ("a.md", "md"), ("a.markdown", "md"), ("noext", "txt")])
def test_text_file_is_one_row(name, fmt):
    result = parse_file(BODY.encode(), name, outlet="TPS")
    assert isinstance(result, ParseResult)
    assert result.ok and result.errors == []
    [row] = result.rows
    assert row.row == 1
    a = row.article
    assert a.text == BODY
    assert a.title == "Vienna talks: caf\u00e9 diplomacy"
    assert a.outlet == "TPS"
    assert a.original_format == fmt
    assert result.articles == [a]


def test_json_single_object_and_defaults_fill_blanks_only():
    obj = {"text": "Headline\nBody.", "outlet": "From JSON", "story": ""}
    result = parse_file(json.dumps(obj).encode(), "a.json", outlet="Default", story="Vienna")
    a = result.articles[0]
    assert a.outlet == "From JSON"  # the record's own value wins
    assert a.story == "Vienna"  # the default fills the blank
    assert a.original_format == "json"


def test_json_list_rows_are_items():
    data = json.dumps([{"text": "One\nbody"}, {"text": "  "}, "oops", {"text": "Three"}]).encode()
    result = parse_file(data, "list.json")
    assert [r.row for r in result.rows] == [1, 2, 3, 4]
    assert not result.ok
    assert [a.title for a in result.articles] == ["One", "Three"]
    assert result.errors[0].startswith("list.json, item 2: the 'text' field is empty")
    assert result.errors[1].startswith("list.json, item 3: is not text")


def test_json_export_shape_with_articles_key_round_trips_metadata():
    text = "Headline\r\nBody with CRLF\r\n"
    obj = {
        "articles": [
            {
                "id": content_id(text),
                "text": text,
                "original_format": "url",
                "added_at": "2024-03-05T10:00:00+00:00",
                "source_name": "Ledger",
            }
        ]
    }
    [a] = parse_file(json.dumps(obj).encode(), "export.json").articles
    assert a.text == text
    assert a.original_format == "url"
    assert a.added_at == "2024-03-05T10:00:00+00:00"
    assert a.source_name == "Ledger"


def test_invalid_json_file_raises_naming_line():
    with pytest.raises(IngestError, match=r"bad\.json: is not valid JSON \(line 3"):
        parse_file(b'{\n "text": "x",\n oops\n}', "bad.json")


def test_json_without_text_is_a_row_error():
    result = parse_file(b'{"title": "no text"}', "a.json")
    assert not result.ok
    assert result.errors == ["a.json: the 'text' field is missing; every object needs the article's text"]


# ---------------------------------------------------------------------------------------------- JSONL


def test_jsonl_rows_are_line_numbers_and_malformed_line_is_named():
    lines = [
        json.dumps({"text": "First\nbody", "outlet": "A"}),
        "",
        '{"text": "Second", oops}',
        json.dumps([1, 2]),
        json.dumps({"text": "Fifth", "published": "2024-03-05"}),
        json.dumps({"text": "Sixth", "published": 20240305}),
    ]
    result = parse_file("\n".join(lines).encode(), "feed.jsonl")
    assert [r.row for r in result.rows] == [1, 3, 4, 5, 6]
    assert [a.title for a in result.articles] == ["First", "Fifth"]
    assert all(a.original_format == "jsonl" for a in result.articles)
    errors = result.errors
    assert errors[0].startswith("feed.jsonl, line 3: is not valid JSON")
    assert "one complete JSON object" in errors[0]
    assert errors[1].startswith("feed.jsonl, line 4: is a list, not an article object")
    assert errors[2] == "feed.jsonl, line 6: the 'published' field is a number, not text; put it in double quotes"


def test_json_unknown_fields_are_named_once_per_file():
    lines = [json.dumps({"text": f"Body {i}", "headline": "H", "extra": i}) for i in range(3)]
    result = parse_file("\n".join(lines).encode(), "a.jsonl")
    assert result.ok
    [warning] = result.warnings
    assert warning.startswith("a.jsonl: ignored the unknown field(s) 'headline', 'extra'")


def test_jsonl_keeps_unicode_line_separators_inside_strings():
    text = "Title\nA\u2028B\u2029C"
    result = parse_file((json.dumps({"text": text}, ensure_ascii=False) + "\n").encode(), "a.jsonl")
    assert result.ok
    assert result.articles[0].text == text


# ------------------------------------------------------------------------------------------------ CSV


def test_csv_rows_numbered_like_a_spreadsheet_and_malformed_row_named():
    data = (
        b"text,title\n"
        b'"Multi\nline body",One\n'  # row 2 (lines 2-3)
        b",Empty text\n"  # row 3 (line 4)
        b'"quoted"junk,Bad quotes\n'  # row 4 (line 5)
        b"Fine body,Five\n"  # row 5 (line 6)
    )
    result = parse_file(data, "articles.csv")
    assert [r.row for r in result.rows] == [2, 3, 4, 5]
    assert [a.title for a in result.articles] == ["One", "Five"]
    assert result.articles[0].text == "Multi\nline body"
    assert result.errors == [
        "articles.csv, row 3 (from line 4 of the file): the 'text' column is empty; every row needs the article's text",
        "articles.csv, row 4 (from line 5 of the file): a cell has more text after its closing double quote; "
        'inside a quoted cell write each double quote twice ("")',
    ]


def test_csv_plain_row_numbers_without_line_hint():
    result = parse_file(b"text,title\nBody,One\n,Two\n", "a.csv")
    assert result.errors == ["a.csv, row 3: the 'text' column is empty; every row needs the article's text"]


def test_csv_unclosed_quote_is_named():
    result = parse_file(b'text\nGood\n"never closed\nmore\n', "a.csv")
    assert result.articles[0].text == "Good"
    assert len(result.errors) == 1
    assert result.errors[0].startswith("a.csv, row 3: a double quote opened in this row is never closed")


def test_csv_missing_text_column_is_a_file_error():
    with pytest.raises(IngestError) as info:
        parse_file(b"body,title\nSome text,T\n", "a.csv")
    msg = str(info.value)
    assert msg.startswith("a.csv: has no 'text' column")
    assert "rename the 'body' column to 'text'" in msg


def test_csv_header_only_and_duplicate_columns_are_file_errors():
    with pytest.raises(IngestError, match="header row but no articles"):
        parse_file(b"text,title\n\n,\n", "a.csv")
    with pytest.raises(IngestError, match="'title' appears 2 times"):
        parse_file(b"text,title,Title\nx,y,z\n", "a.csv")


def test_csv_extra_cells_are_a_row_error_but_empty_extras_are_not():
    data = b"text,title\nBody one,One,surplus\nBody two,Two,,\nBody three\n"
    result = parse_file(data, "a.csv")
    assert [r.row for r in result.rows] == [2, 3, 4]
    assert result.errors == [
        "a.csv, row 2: has 3 cells but the header has 2 columns; a cell with a ',' in it probably lost its "
        'double quotes: put such cells in "double quotes"'
    ]
    # A short row just has its missing cells empty: the title comes from the text's first line.
    assert [(a.title, a.text) for a in result.articles] == [("Two", "Body two"), ("Body three", "Body three")]


def test_csv_unknown_columns_are_ignored_with_a_warning():
    result = parse_file(b"Text,Titel,notes\nBody,T,n\n", "a.csv")
    assert result.ok
    assert result.articles[0].title == "Body"
    [warning] = result.warnings
    assert "'Titel' (did you mean 'title'?)" in warning
    assert "'notes'" in warning


def test_csv_column_names_are_normalised():
    result = parse_file(b" TEXT ,Source Name,original-format\nBody,Ledger,paste\n", "a.csv")
    a = result.articles[0]
    assert (a.source_name, a.original_format) == ("Ledger", "paste")
    assert result.warnings == []


def test_csv_formula_cells_are_kept_as_text():
    rows = [["text", "title", "outlet"], ["=SUM(A1:A9)", "+cmd|' /C calc'!A0", "@outlet"], ["-1 + 2", "-x", "=1"]]
    result = parse_file(csv_bytes(rows), "a.csv")
    assert [(a.text, a.title, a.outlet) for a in result.articles] == [
        ("=SUM(A1:A9)", "+cmd|' /C calc'!A0", "@outlet"),
        ("-1 + 2", "-x", "=1"),
    ]


def test_csv_text_cell_is_kept_exactly():
    text = '  Headline  \r\nBody with \u201cquotes\u201d, commas and "doubled" marks\r\n\r\n'
    result = parse_file(csv_bytes([["text"], [text]]), "a.csv")
    assert result.articles[0].text == text
    assert result.articles[0].id == content_id(text)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05", "2024-03-05"),
        (" 2024-03-05 ", "2024-03-05"),
        ("2024-03-05T09:30", "2024-03-05T09:30"),
        ("2024-03-05T09:30:15Z", "2024-03-05T09:30:15Z"),
        ("2024-03-05 09:30:15+01:00", "2024-03-05 09:30:15+01:00"),
        ("2024-03-05T09:30:15.250-05:00", "2024-03-05T09:30:15.250-05:00"),
    ],
)
def test_published_accepted(value, expected):
    assert normalize_published(value) == expected
    rows = [["text", "published"], ["Body", value]]
    assert parse_file(csv_bytes(rows), "a.csv").articles[0].published == expected


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("05/03/2024", "'05/03/2024' is ambiguous (5 March 2024 or 3 May 2024?); write the date as YYYY-MM-DD"),
        ("13/03/2024", "'13/03/2024' is not in the form YYYY-MM-DD; write 2024-03-13"),
        ("03.13.2024", "write 2024-03-13"),
        ("2024/03/05", "'2024/03/05' is not in the form YYYY-MM-DD; write 2024-03-05"),
        ("05/03/24", "ambiguous"),
        ("March 5, 2024", "not a date in the form YYYY-MM-DD"),
        ("2024-02-30", "not a real date"),
        ("2024-03-05T25:00", "not a real date"),
        ("yesterday", "not a date in the form YYYY-MM-DD"),
    ],
)
def test_odd_dates_are_row_errors(value, fragment):
    rows = [["text", "title", "published"], ["Body", "T", value], ["Other body", "U", ""]]
    result = parse_file(csv_bytes(rows), "dates.csv")
    assert [a.title for a in result.articles] == ["U"]
    [error] = result.errors
    assert error.startswith("dates.csv, row 2: the 'published' value ")
    assert fragment in error


def test_url_and_language_are_checked():
    rows = [
        ["text", "url", "language"],
        ["Body", "www.example.org/a", "English"],
        ["Body 2", "https://x.org/a", "pt-BR"],
    ]
    result = parse_file(csv_bytes(rows), "a.csv")
    [error] = result.errors
    assert "the 'url' value 'www.example.org/a' is not a web address" in error
    assert "the 'language' value 'English' is not a language code" in error
    assert result.articles[0].language == "pt-BR"


def test_duplicate_text_within_a_file_is_flagged():
    result = parse_file(b"text,title\nSame body,A\nSame body,B\n", "a.csv")
    assert result.ok
    assert result.rows[1].warnings == ("a.csv, row 3: has the same text as row 2; it is stored once",)


def test_id_mismatch_is_a_warning():
    result = parse_file(csv_bytes([["id", "text"], ["0123456789abcdef", "Body"]]), "a.csv")
    assert result.ok
    assert "is not the id of this text" in result.rows[0].warnings[0]


def test_semicolon_and_tab_delimiters():
    for delimiter in (";", "\t"):
        data = csv_bytes([["text", "title"], ["Body, with a comma", "T"]], delimiter=delimiter)
        assert parse_file(data, "a.csv").articles[0].text == "Body, with a comma"


def test_template_has_the_documented_columns_and_parses():
    data = template_csv()
    header = next(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert tuple(header) == CSV_COLUMNS
    result = parse_file(data, "articles_template.csv")
    assert result.ok and result.warnings == []
    assert len(result.articles) == 2
    assert all("example" in a.outlet for a in result.articles)


def test_template_columns_are_documented_in_module_docstring():
    for column in CSV_COLUMNS:
        assert f"``{column}``" in ingest.__doc__


# ------------------------------------------------------------------------------------------ encodings

CSV_TEXT = 'text,title\n"' + BODY.replace('"', '""') + '",T\n'


@pytest.mark.parametrize(
    "data",
    [
        CSV_TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + CSV_TEXT.encode("utf-8"),
        CSV_TEXT.encode("utf-16"),  # with BOM
        CSV_TEXT.encode("utf-16-le"),  # no BOM
        CSV_TEXT.encode("utf-16-be"),  # no BOM
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf16be-no-bom"],
)
def test_csv_encodings(data):
    result = parse_file(data, "a.csv")
    assert result.ok, result.errors
    assert result.articles[0].text == BODY
    assert result.articles[0].title == "T"


def test_csv_cp1252():
    data = "text,title\nCaf\u00e9 \u201ctalks\u201d \u2013 again,T\n".encode("cp1252")
    assert parse_file(data, "a.csv").articles[0].text == "Caf\u00e9 \u201ctalks\u201d \u2013 again"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom_arabic(codec):
    text = (
        "\u0639\u0644\u064a \u0641\u064a \u0641\u064a\u064a\u0646\u0627\n"
        "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a 2021."
    )
    assert decode(text.encode(codec)) == text
    assert read_bytes(text.encode(codec), "a.txt").text == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary\x00data",
        b"Title\nsome text\x00more",
        b"PK\x03\x04" + bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
    ],
)
def test_binary_still_refused(data):
    with pytest.raises(IngestError, match="binary"):
        parse_file(data, "thing.csv")


# ------------------------------------------------------------------------------------- limits and types


def test_bulk_file_size_limit(monkeypatch):
    monkeypatch.setattr(records, "MAX_BULK_BYTES", 50)
    with pytest.raises(IngestError, match=r"big\.csv: is 6\d bytes, over the 50-byte limit"):
        parse_file(b"text\n" + b"x" * 60, "big.csv")


def test_single_file_size_limit(monkeypatch):
    monkeypatch.setattr(records, "MAX_BYTES", 10)
    with pytest.raises(IngestError, match="over the 10-byte limit"):
        parse_file(b"Title\nmore than ten bytes", "a.txt")
    # A bulk file is not held to the single-article limit.
    assert parse_file(b"text\nmore than ten bytes", "a.csv").ok


def test_article_text_limit(monkeypatch):
    monkeypatch.setattr(records, "MAX_ARTICLE_CHARS", 20)
    result = parse_file(b"text\nshort\n" + b"y" * 25 + b"\n", "a.csv")
    assert [a.text for a in result.articles] == ["short"]
    assert result.errors == [
        "a.csv, row 3: the text is 25 characters, over the 20-character limit for one article; "
        "split it into parts or trim it"
    ]


def test_row_count_limit(monkeypatch):
    monkeypatch.setattr(records, "MAX_ROWS", 2)
    with pytest.raises(IngestError, match="more than 2 rows"):
        parse_file(b"text\na\nb\nc\n", "a.csv")


@pytest.mark.parametrize("name", ["report.pdf", "sheet.xlsx", "image.PNG", "doc.docx"])
def test_unsupported_type(name):
    with pytest.raises(IngestError, match=f"{name}: unsupported file type"):
        parse_file(b"Title\nBody", name)


@pytest.mark.parametrize("data", [b"", b"  \n", codecs.BOM_UTF8])
def test_empty_file(data):
    with pytest.raises(IngestError, match="is empty"):
        parse_file(data, "a.csv")


def test_defaults_are_checked():
    with pytest.raises(TypeError, match="outlt"):
        parse_file(b"Title\nBody", "a.txt", outlt="TPS")
    with pytest.raises(IngestError, match="'published' value '5/3/2024'"):
        parse_file(b"Title\nBody", "a.txt", published="5/3/2024")
    # None and empty defaults are ignored, as read_bytes does.
    assert parse_file(b"Title\nBody", "a.txt", outlet=None, story="").ok


# ----------------------------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour talks stall over fishing quotas | The Coastal Ledger</title>
<meta property="og:title" content="Harbour talks stall over fishing quotas">
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Mira Okonkwo">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<style>p { color: red }</style><script>var tracking = "do not keep";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Harbour talks stall over fishing quotas</h1>
<p>Negotiators from the port towns of Velmar and Ostrel left the harbour office on Tuesday without an
agreement on the fishing quotas for the coming season, the <b>third</b> failure this year.</p>
<p>\u201cWe came with a fair offer and we leave with nothing,\u201d said the Velmar delegate, who asked that
the talks resume next month.</p>
<p>The Ostrel council said the proposed quotas would \u201cempty the bay within three years\u201d and called for
an independent survey of the fish stocks.</p>
</article>
<footer>Cookie settings \u00a9 2024 The Coastal Ledger</footer>
</body></html>"""


def test_html_file_extraction():
    result = parse_file(PAGE.encode("utf-8"), "page.html", story="Fishing talks")
    assert result.ok, result.errors
    a = result.articles[0]
    assert a.original_format == "html"
    assert a.title == "Harbour talks stall over fishing quotas"
    assert a.published == "2024-03-05"
    assert a.author == "Mira Okonkwo"
    assert a.source_name == "The Coastal Ledger"
    assert a.language == "en-GB"
    assert a.story == "Fishing talks"
    assert a.text.splitlines()[0] == "Harbour talks stall over fishing quotas"
    assert "the third failure this year" in " ".join(a.text.split())
    assert "\u201cWe came with a fair offer and we leave with nothing,\u201d" in a.text
    for leftover in ("<", ">", "tracking", "color: red", "Home", "Cookie settings"):
        assert leftover not in a.text


def test_html_title_is_put_first_when_the_body_lacks_it():
    page = PAGE.replace("<h1>Harbour talks stall over fishing quotas</h1>", "")
    a = parse_file(page.encode(), "page.htm").articles[0]
    assert a.text.startswith("Harbour talks stall over fishing quotas\nNegotiators from")


def test_html_without_article_text_is_a_row_error():
    result = parse_file(b"<html><head><title>x</title></head><body><nav></nav></body></html>", "empty.html")
    assert not result.ok
    assert result.errors[0].startswith("empty.html: no article text was found in this page")


def test_read_bytes_still_refuses_html():
    # read_bytes keeps its documented formats; HTML goes through parse_file.
    with pytest.raises(IngestError, match="unsupported"):
        read_bytes(PAGE.encode(), "page.html")


def test_paste():
    a = ingest.article_from_paste("Title\nBody.", outlet="TPS", published="2024-03-05", story=None)
    assert (a.title, a.outlet, a.published, a.original_format) == ("Title", "TPS", "2024-03-05", "paste")
    with pytest.raises(IngestError, match="the pasted article: the 'published' value '5 March'"):
        ingest.article_from_paste("Title\nBody.", published="5 March")
    with pytest.raises(IngestError, match="empty"):
        ingest.article_from_paste("  \n ")
