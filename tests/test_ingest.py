"""Bytes and files to Articles: encodings, formats, clear errors, manifests, the seeds."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import framing.library.records as records
from framing.library.ingest import IngestError, decode, load_seeds, read_bytes, read_path
from framing.models import content_id

TEXT = "Vienna talks: caf\u00e9 diplomacy\nThe \u201cmodest progress\u201d of Iran\u2019s envoy \u0639\u0644\u064a."


# ------------------------------------------------------------------------------------------- encodings


def test_utf8():
    a = read_bytes(TEXT.encode("utf-8"), "a.txt")
    assert a.text == TEXT
    assert a.title == "Vienna talks: caf\u00e9 diplomacy"


def test_utf8_with_bom():
    a = read_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert a.text == TEXT
    assert not a.text.startswith("\ufeff")
    assert a.title == "Vienna talks: caf\u00e9 diplomacy"


@pytest.mark.parametrize(
    "bom, codec",
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom(bom, codec):
    a = read_bytes(bom + TEXT.encode(codec), "a.txt")
    assert a.text == TEXT
    assert a.title == "Vienna talks: caf\u00e9 diplomacy"


def test_cp1252():
    data = b"Caf\xe9 talks\nThe caf\xe9 \x93diplomacy\x94 \x96 again."
    a = read_bytes(data, "a.txt")
    assert a.text == "Caf\u00e9 talks\nThe caf\u00e9 \u201cdiplomacy\u201d \u2013 again."
    assert a.title == "Caf\u00e9 talks"


def test_decode_prefers_utf8():
    # Valid UTF-8 is not misread as cp1252 mojibake.
    assert decode("caf\u00e9".encode()) == "caf\u00e9"


# ------------------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary\x00data",
        b"GIF89a\x00\x00\x00\x00",
        b"Title\nsome text\x00more",
    ],
)
def test_nul_bytes_refused_as_binary(data):
    with pytest.raises(IngestError) as info:
        read_bytes(data, "thing.txt")
    assert "binary" in str(info.value)
    assert "thing.txt" in str(info.value)


def test_many_control_characters_refused_as_binary():
    data = bytes(range(1, 9)) * 20 + b"text"
    with pytest.raises(IngestError, match="binary"):
        read_bytes(data, "x.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b" \n\n\t \r\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"  \n",
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
)
def test_empty_and_whitespace_refused(data):
    with pytest.raises(IngestError) as info:
        read_bytes(data, "blank.txt")
    assert "empty" in str(info.value)
    assert "blank.txt" in str(info.value)


@pytest.mark.parametrize("name", ["report.pdf", "page.html", "sheet.xlsx", "image.PNG"])
def test_unsupported_suffix_refused(name):
    with pytest.raises(IngestError) as info:
        read_bytes(b"Title\nSome text here.", name)
    msg = str(info.value)
    assert name in msg
    assert "unsupported" in msg


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.markdown", "a.text", "A.TXT", "noext"])
def test_text_suffixes_accepted(name):
    assert read_bytes(b"Title\nSome text.", name).text == "Title\nSome text."


def test_markdown_title_strips_hashes():
    a = read_bytes(b"\n\n## Big headline\n\nBody text.", "a.md")
    assert a.title == "Big headline"
    assert a.text == "\n\n## Big headline\n\nBody text."


def test_oversized_refused(monkeypatch):

    monkeypatch.setattr(records, "MAX_BYTES", 10)
    with pytest.raises(IngestError, match="limit"):
        read_bytes(b"Title\nthis is more than ten bytes", "big.txt")


# ---------------------------------------------------------------------------------------------- JSON


def test_json_article():
    obj = {"text": "Headline\nBody of the article.", "title": "Given title", "outlet": "TPS", "extra": 1}
    a = read_bytes(json.dumps(obj).encode(), "a.json")
    assert a.text == "Headline\nBody of the article."
    assert a.title == "Given title"
    assert a.outlet == "TPS"
    assert a.id == content_id(a.text)


def test_json_article_without_title_uses_first_line():
    a = read_bytes(json.dumps({"text": "\n  First line  \nsecond"}).encode(), "a.json")
    assert a.title == "First line"
    assert a.outlet == ""


def test_json_meta_argument_beats_json_fields():
    obj = {"text": "Headline\nBody.", "outlet": "From JSON"}
    a = read_bytes(json.dumps(obj).encode(), "a.json", outlet="Given")
    assert a.outlet == "Given"


def test_invalid_json_names_line():
    data = b'{\n  "text": "x",\n  oops\n}'
    with pytest.raises(IngestError) as info:
        read_bytes(data, "bad.json")
    msg = str(info.value)
    assert "bad.json" in msg
    assert "JSON" in msg
    assert "line 3" in msg


@pytest.mark.parametrize(
    "obj",
    [[1, 2], "just a string", {"title": "no text"}, {"text": "   "}, {"text": 42}],
)
def test_json_without_text_refused(obj):
    with pytest.raises(IngestError) as info:
        read_bytes(json.dumps(obj).encode(), "a.json")
    assert "text" in str(info.value)


# ------------------------------------------------------------------------------------------- read_path


def test_read_path_missing_file(tmp_path: Path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(IngestError) as info:
        read_path(missing)
    msg = str(info.value)
    assert "nope.txt" in msg
    assert "no such file" in msg


def test_read_path_folder_refused(tmp_path: Path):
    with pytest.raises(IngestError, match="folder"):
        read_path(tmp_path)


def test_read_path_text_is_file_exactly(tmp_path: Path):
    p = tmp_path / "a.txt"
    raw = "Headline\r\nBody\u00a0with CRLF\r\n\r\n".encode()
    p.write_bytes(raw)
    a = read_path(p)
    assert a.text.encode("utf-8") == raw
    assert a.title == "Headline"


def test_manifest_supplies_outlet(tmp_path: Path):
    (tmp_path / "one.txt").write_text("File headline\nBody.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Other headline\nBody.", encoding="utf-8")
    manifest = {
        "articles": [
            {"file": "one.txt", "outlet": "Outlet One", "story": "Story", "language": "en", "unknown": "x"},
        ]
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    one = read_path(tmp_path / "one.txt")
    assert one.outlet == "Outlet One"
    assert one.story == "Story"
    assert one.title == "File headline"
    two = read_path(tmp_path / "two.txt")
    assert two.outlet == ""
    # Metadata given to read_path beats the manifest.
    assert read_path(tmp_path / "one.txt", outlet="Override").outlet == "Override"
    # An empty value does not erase the manifest's.
    assert read_path(tmp_path / "one.txt", outlet="").outlet == "Outlet One"


def test_broken_manifest_is_ignored(tmp_path: Path):
    (tmp_path / "one.txt").write_text("Headline\nBody.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    assert read_path(tmp_path / "one.txt").outlet == ""


# ---------------------------------------------------------------------------------------------- seeds


def test_load_seeds(seed_paths, seed_manifest):
    articles = load_seeds()
    assert [a.outlet for a in articles] == ["TPS", "Al Mayadeen"]
    assert len(articles) == len(seed_paths) == 2
    for a, path, item in zip(articles, seed_paths, seed_manifest["articles"], strict=True):
        raw = path.read_bytes()
        assert a.text.encode("utf-8") == raw
        first_line = raw.decode("utf-8").splitlines()[0].strip()
        assert a.title == first_line
        assert a.title == item["title"]
        assert a.id == content_id(a.text)
    assert articles[0].id != articles[1].id


def test_load_seeds_from_copied_folder(tmp_path: Path, seed_paths):
    # The same loader works on any folder laid out like seeds/.
    manifest = {"articles": [{"file": "b.txt", "outlet": "B"}, {"file": "a.txt", "outlet": "A"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(seed_paths[0].read_bytes())
    (tmp_path / "b.txt").write_bytes(seed_paths[1].read_bytes())
    articles = load_seeds(tmp_path)
    assert [a.outlet for a in articles] == ["B", "A"]
    assert articles[1].text.encode("utf-8") == seed_paths[0].read_bytes()
