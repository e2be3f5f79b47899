"""The command line: `python -m framing compare ...`, in-process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing.cli import main
from framing.indicators import FAMILIES

PROJECT_ROOT = Path(__file__).resolve().parents[1]

HIT_FIELDS = {"family", "category", "text", "start", "end", "in_quote", "explain"}
ARTICLE_FIELDS = {"id", "outlet", "title", "word_count", "text", "hits", "rates", "distinctive_terms"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture(scope="module")
def seed_args(seed_paths) -> list[str]:
    return [str(p) for p in seed_paths]


def check_contract(doc: dict, seed_paths: list[str]) -> None:
    assert doc["families"] == list(FAMILIES)
    articles = doc["articles"]
    assert len(articles) == 2
    assert [a["outlet"] for a in articles] == ["TPS", "Al Mayadeen"]
    total_hits = 0
    for art, path in zip(articles, seed_paths, strict=True):
        assert ARTICLE_FIELDS <= set(art), ARTICLE_FIELDS - set(art)
        text = art["text"]
        assert text.encode("utf-8") == Path(path).read_bytes()
        assert art["title"] == text.splitlines()[0].strip()
        assert isinstance(art["id"], str) and len(art["id"]) == 16
        assert isinstance(art["word_count"], int) and art["word_count"] > 100
        for hit in art["hits"]:
            assert HIT_FIELDS <= set(hit), HIT_FIELDS - set(hit)
            assert hit["family"] in FAMILIES
            assert isinstance(hit["in_quote"], bool)
            assert hit["explain"].strip()
            assert 0 <= hit["start"] < hit["end"] <= len(text)
            assert text[hit["start"] : hit["end"]] == hit["text"]
        total_hits += len(art["hits"])
        # Rates are per 1,000 words and agree with the hits listed; a label on a neutral name is listed (the
        # choice made) but not counted as contested.
        assert set(art["rates"]) == set(FAMILIES)
        for fam in FAMILIES:
            n = sum(
                1 for h in art["hits"] if h["family"] == fam and not (fam == "labels" and h["position"] == "neutral")
            )
            assert art["rates"][fam] == pytest.approx(round(n * 1000 / art["word_count"], 2))
        terms = art["distinctive_terms"]
        assert terms, "no distinctive terms"
        for t in terms:
            assert set(t) >= {"term", "score"}
            assert isinstance(t["term"], str) and t["term"]
            assert isinstance(t["score"], (int, float))
        scores = [t["score"] for t in terms]
        assert scores == sorted(scores, reverse=True)
    assert total_hits > 0, "the seeds should produce at least one hit"


def test_compare_seeds_json_in_process(capsys, seed_args):
    rc, out, err = run(capsys, "compare", *seed_args, "--format", "json")
    assert rc == 0, err
    assert err == ""
    check_contract(json.loads(out), seed_args)


def test_compare_seeds_json_subprocess_matches_in_process(capsys, seed_args):
    rc, expected, _ = run(capsys, "compare", *seed_args, "--format", "json")
    assert rc == 0
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "compare", *seed_args, "--format", "json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8")
    doc = json.loads(out)
    check_contract(doc, seed_args)
    assert doc == json.loads(expected)


def test_default_format_is_json(capsys, seed_args):
    rc, out, _ = run(capsys, "compare", *seed_args)
    assert rc == 0
    assert len(json.loads(out)["articles"]) == 2


def test_compare_seeds_text(capsys, seed_args):
    rc, out, err = run(capsys, "compare", *seed_args, "--format", "text")
    assert rc == 0, err
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)
    for path, outlet in zip(seed_args, ["TPS", "Al Mayadeen"], strict=True):
        title = Path(path).read_text(encoding="utf-8").splitlines()[0].strip()
        assert f"== {outlet}: {title}" in out
    assert "per 1,000 words" in out


def test_out_writes_file(capsys, seed_args, tmp_path):
    target = tmp_path / "result.json"
    rc, out, err = run(capsys, "compare", *seed_args, "--out", str(target))
    assert rc == 0, err
    assert out == ""
    assert target.is_file()
    doc = json.loads(target.read_text(encoding="utf-8"))
    check_contract(doc, seed_args)


def test_out_writes_text_file(capsys, seed_args, tmp_path):
    target = tmp_path / "result.txt"
    rc, out, _ = run(capsys, "compare", *seed_args, "--format", "text", "--out", str(target))
    assert rc == 0
    assert out == ""
    assert "== TPS: " in target.read_text(encoding="utf-8")


def test_out_unwritable_fails_with_one_line(capsys, seed_args, tmp_path):
    target = tmp_path / "no_such_dir" / "result.json"
    rc, out, err = run(capsys, "compare", *seed_args, "--out", str(target))
    assert rc != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(target) in err


def test_outlet_overrides(capsys, seed_args):
    rc, out, _ = run(capsys, "compare", *seed_args, "--outlet", "First", "--outlet", "Second")
    assert rc == 0
    assert [a["outlet"] for a in json.loads(out)["articles"]] == ["First", "Second"]


def test_outlet_overrides_first_only(capsys, seed_args):
    rc, out, _ = run(capsys, "compare", *seed_args, "--outlet", "First")
    assert rc == 0
    assert [a["outlet"] for a in json.loads(out)["articles"]] == ["First", "Al Mayadeen"]


def test_too_many_outlets_refused(capsys, seed_args):
    rc, out, err = run(capsys, "compare", seed_args[0], "--outlet", "A", "--outlet", "B")
    assert rc != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_outlet_for_file_without_manifest(capsys, tmp_path):
    p = tmp_path / "article.txt"
    p.write_text("A headline\nThe talks resumed in Vienna on Monday, officials said.", encoding="utf-8")
    rc, out, _ = run(capsys, "compare", str(p), "--outlet", "Mine")
    assert rc == 0
    (art,) = json.loads(out)["articles"]
    assert art["outlet"] == "Mine"
    assert art["title"] == "A headline"


def test_top_terms_limits_terms(capsys, seed_args):
    rc, out, _ = run(capsys, "compare", *seed_args, "--top-terms", "3")
    assert rc == 0
    for art in json.loads(out)["articles"]:
        assert 0 < len(art["distinctive_terms"]) <= 3


# ---------------------------------------------------------------------------------------------- bad input


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty_article.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank_article.txt"
    blank.write_bytes(b"  \n\t\n")
    binary = tmp_path / "binary_article.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return {
        "missing": tmp_path / "missing_article.txt",
        "empty": empty,
        "blank": blank,
        "binary": binary,
    }


@pytest.mark.parametrize("kind", ["missing", "empty", "blank", "binary"])
def test_bad_input_one_line_error_in_process(capsys, tmp_path, seed_args, kind):
    bad = _bad_inputs(tmp_path)[kind]
    rc, out, err = run(capsys, "compare", seed_args[0], str(bad))
    assert rc != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert bad.name in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("kind", ["missing", "empty", "binary"])
def test_bad_input_one_line_error_subprocess(tmp_path, kind):
    bad = _bad_inputs(tmp_path)[kind]
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "compare", str(bad), "--format", "json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert bad.name in lines[0]


def test_error_messages_say_what_is_wrong(capsys, tmp_path):
    bad = _bad_inputs(tmp_path)
    _, _, err = run(capsys, "compare", str(bad["binary"]))
    assert "binary" in err
    _, _, err = run(capsys, "compare", str(bad["empty"]))
    assert "empty" in err
    _, _, err = run(capsys, "compare", str(bad["missing"]))
    assert "no such file" in err


def test_missing_command_is_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code != 0
