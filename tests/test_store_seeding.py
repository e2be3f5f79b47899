"""The article library (framing.library.store), first start: the seeds and the bundled corpus go in once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.library import store_io
from framing.library.store import LibraryError

pytestmark = pytest.mark.usefixtures("no_default_db")
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    story = {
        "story": "Harbour strike in Veldmar",
        "description": "Dock workers strike in a fictional port town.",
        "illustrative": True,
        "articles": [
            {
                "outlet": "The Veldmar Courier",
                "title": "Strike halts port",
                "published": "2024-03-01",
                "language": "en",
                "text": "Strike halts port\n\nWorkers walked out, the union said.",
            },
            {
                "outlet": "Northern Ledger",
                "title": "Militants paralyse port",
                "published": "2024-03-01",
                "language": "en",
                "text": "Militants paralyse port\n\nAgitators claimed grievances.",
            },
        ],
    }
    (folder / "01_harbour.json").write_text(json.dumps(story), encoding="utf-8")
    outlets = [{"name": "Northern Ledger", "country": "Fictional", "language": "en", "description": "A tabloid."}]
    (folder / "outlets.json").write_text(json.dumps(outlets), encoding="utf-8")


def test_seed_if_new_adds_the_seeds_and_corpus_once(lib, tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    first = lib.seed_if_new(corpus_dir=corpus)
    assert len(first.added) == 4
    arts = lib.articles()
    assert [a.outlet for a in arts[:2]] == ["TPS", "Al Mayadeen"]
    assert all(a.story == "Vienna nuclear talks, 2021" for a in arts[:2])
    assert not any(a.meta.get("illustrative") for a in arts[:2])
    assert all(a.meta.get("illustrative") for a in arts[2:])
    assert {a.story for a in arts[2:]} == {"Harbour strike in Veldmar"}
    outlets = {o["name"]: o for o in lib.outlets()}
    assert outlets["TPS"]["description"] == "Tazpit Press Service, an Israeli news agency."
    assert "Lebanese" in outlets["Al Mayadeen"]["description"]
    assert outlets["Northern Ledger"]["description"] == "A tabloid."
    stories = {s["name"]: s for s in lib.stories()}
    assert stories["Harbour strike in Veldmar"]["description"].startswith("Dock workers")
    assert stories["Vienna nuclear talks, 2021"]["description"]
    assert lib.get_setting("seeded_at")
    second = lib.seed_if_new(corpus_dir=corpus)
    assert second.added == [] and lib.count() == 4
    lib.delete([arts[0].id])
    assert lib.seed_if_new(corpus_dir=corpus).added == []  # a deleted seed stays deleted
    assert lib.count() == 3


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_seed_if_new_without_a_corpus(lib, tmp_path, make):
    corpus = tmp_path / "corpus"
    if make == "empty":
        corpus.mkdir()
    assert len(lib.seed_if_new(corpus_dir=corpus).added) == 2
    assert lib.count() == 2


def test_seeding_keeps_a_teachers_description(lib, tmp_path):
    lib.set_outlet("TPS", description="Our own words.")
    lib.seed_if_new(corpus_dir=tmp_path / "none")
    assert {o["name"]: o["description"] for o in lib.outlets()}["TPS"] == "Our own words."


def test_a_broken_corpus_file_is_named(lib, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad.json").write_text('{"story": "x", "articles": [{"title": "no text"}]}', encoding="utf-8")
    with pytest.raises(LibraryError, match="bad.json, article 1"):
        lib.seed_if_new(corpus_dir=corpus)
    assert lib.count() == 0 and lib.get_setting("seeded_at") is None


def test_the_bundled_corpus_loads():
    folder = PROJECT_ROOT / "data" / "corpus"
    if not any(folder.glob("*.json")):
        pytest.skip("no bundled corpus yet")
    articles, outlets, stories = store_io.load_corpus(folder)
    assert all(a.meta["illustrative"] and a.story in stories for a in articles)
    assert len({a.id for a in articles}) == len(articles)
