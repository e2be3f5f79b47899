"""A lexicon edit marks stale only the stored analyses it can change (framing.corpus.touched); the ones it
keeps are exactly what the edited lexicons would give, and only the touched ones are analysed again."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from framing.analysis import Analyzer
from framing.analysis.term_words import document_terms
from framing.cli import main
from framing.corpus import Carried, analyse_library, carry_forward, version_of
from framing.corpus.rows import stored
from framing.lexicons import Entry, Lexicon, load_shipped
from framing.library import Library
from framing.models import Article
from framing.text import Document

# Short articles written for this test; only the third and fifth hold the word the edit adds ("grobnak").
TEXTS = [
    "The council met on Monday. Its leader said the budget would pass, and critics claimed it was rushed.",
    "Rain fell across the valley. Farmers said the harvest may be late this year.",
    "Officials called the plan a grobnak. The mayor said talks would go on.",
    "The talks resumed in Vienna. Diplomats told reporters progress was slow but real.",
    'A spokesman denied the report. "It is false," he said, calling it a grobnak scheme.',
    "The museum opened a new wing on Friday, with paintings lent from abroad.",
]


def _articles() -> list[Article]:
    return [Article(text=t, id=f"a{i}", outlet=f"o{i % 3}", title=f"Article {i}") for i, t in enumerate(TEXTS)]


def _with(lexicons: dict[str, Lexicon], family: str, *, add: Entry | None = None, drop: str = "") -> dict:
    lex = lexicons[family]
    entries = tuple(e for e in lex.entries if e.id != drop) + ((add,) if add else ())
    return {**lexicons, family: dataclasses.replace(lex, entries=entries, version=lex.version + "+edited")}


GROBNAK = Entry(
    id="loaded.grobnak",
    term="grobnak",
    category="name_calling",
    explain="A made-up insult (test entry).",
    source="written for this test",
    pos="noun",
)


def _rows(lib: Library, analyzer: Analyzer) -> dict[str, tuple]:
    """Each article's stored rows, and what a direct analysis with ``analyzer`` gives (time stamp left out)."""
    version = version_of(analyzer)
    out = {}
    for a in lib.articles():
        doc = Document(a.text)
        direct = stored(analyzer.analyze(a, doc), Counter(document_terms(doc)), version)
        out[a.id] = (direct.analysis[:7], sorted(direct.hits), sorted(direct.quotes), sorted(direct.terms))
    return out


def _stored_rows(lib: Library) -> dict[str, tuple]:
    analyses = {r[0]: r[:7] for r in lib.rows("analyses")}
    hits, quotes, terms = (
        {aid: sorted(r for r in lib.rows(t) if r[0] == aid) for aid in analyses}
        for t in ("analysis_hits", "analysis_quotes", "analysis_terms")
    )
    return {aid: (analyses[aid], hits[aid], quotes[aid], terms[aid]) for aid in analyses}


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "lib.db") as lib:
        lib.skip_seeding()
        lib.add_articles(_articles())
        yield lib


def test_an_added_entry_touches_only_the_articles_holding_its_word(lib: Library) -> None:
    before = Analyzer(load_shipped(), use_parser=False)
    assert analyse_library(lib, before, workers=0, progress=None).analysed == 6
    after = Analyzer(_with(load_shipped(), "loaded_language", add=GROBNAK), use_parser=False)

    carried = carry_forward(lib, after)
    assert (carried.kept, carried.touched) == (4, 2)
    st = lib.analysis_status(version_of(after).key)
    assert (st["current"], st["stale"]) == (4, 2)
    # The kept analyses are exactly what the edited lexicons give (their hits' lexicon versions included).
    kept = {k: v for k, v in _stored_rows(lib).items() if k not in ("a2", "a4")}
    direct = _rows(lib, after)
    assert kept == {k: direct[k] for k in kept}

    summary = analyse_library(lib, after, workers=0, progress=None)
    assert summary.analysed == 2 and summary.current == 4
    assert _stored_rows(lib) == direct
    assert any(r[3] == "loaded.grobnak" for r in lib.rows("analysis_hits"))


def test_a_removed_entry_touches_the_articles_with_its_hits(lib: Library) -> None:
    before = Analyzer(load_shipped(), use_parser=False)
    analyse_library(lib, before, workers=0, progress=None)
    museum = "frame.cultural_identity.museum"
    assert {r[0] for r in lib.rows("analysis_hits") if r[3] == museum} == {"a5"}
    after = Analyzer(_with(load_shipped(), "frames", drop=museum), use_parser=False)
    assert carry_forward(lib, after) == Carried(kept=5, touched=1)
    current = {aid for aid, key in lib.analysis_versions().items() if key == version_of(after).key}
    assert current == {"a0", "a1", "a2", "a3", "a4"}
    assert analyse_library(lib, after, workers=0, progress=None).analysed == 1
    assert _stored_rows(lib) == _rows(lib, after)
    assert not any(r[3] == museum for r in lib.rows("analysis_hits"))


def test_a_second_edit_is_compared_with_the_first(lib: Library) -> None:
    """Analyses kept current through one edit are carried through the next (the snapshot they are now keyed
    by is kept when they are re-keyed)."""
    analyse_library(lib, Analyzer(load_shipped(), use_parser=False), workers=0, progress=None)
    first = _with(load_shipped(), "loaded_language", add=GROBNAK)
    assert carry_forward(lib, Analyzer(first, use_parser=False)) == Carried(kept=4, touched=2)
    second = _with(first, "frames", drop="frame.cultural_identity.museum")
    # (the two the first edit touched are still stale, and touched again: they hold "grobnak")
    assert carry_forward(lib, Analyzer(second, use_parser=False)) == Carried(kept=3, touched=3)


def test_a_changed_rule_touches_every_article(lib: Library) -> None:
    before = Analyzer(load_shipped(), use_parser=False)
    analyse_library(lib, before, workers=0, progress=None)
    shipped = load_shipped()
    rule = shipped["attribution"].by_id("attr.parsed_verb")
    edited = _with(
        shipped, "attribution", drop=rule.id, add=dataclasses.replace(rule, explain=rule.explain + " (edited)")
    )
    carried = carry_forward(lib, Analyzer(edited, use_parser=False))
    assert (carried.kept, carried.touched) == (0, 6)


def test_analyses_stored_without_a_snapshot_stay_stale(lib: Library) -> None:
    before = Analyzer(load_shipped(), use_parser=False)
    analyse_library(lib, before, workers=0, progress=None)
    lib._write(lambda con: con.execute("DELETE FROM lexicon_snapshots"))  # (a library analysed before snapshots)
    after = Analyzer(_with(load_shipped(), "loaded_language", add=GROBNAK), use_parser=False)
    assert carry_forward(lib, after).kept == 0
    assert lib.analysis_status(version_of(after).key)["stale"] == 6


def test_the_status_command_says_what_the_edit_touched(lib: Library, capsys) -> None:
    analyse_library(lib, Analyzer(load_shipped(), use_parser=False), workers=0, progress=None)
    lib.save_overlay_entry(
        "loaded_language",
        {
            "id": "loaded.grobnak",
            "term": "grobnak",
            "category": "name_calling",
            "pos": "noun",
            "explain": "A made-up insult (test entry).",
            "source": "written for this test",
        },
    )
    assert main(["corpus", "status", "--db", str(lib.path), "--no-parser"]) == 0
    out = capsys.readouterr().out
    assert "4 analysed with the lexicons" in out and "2 stale" in out
    assert "2 stored analyses it touches are stale; 4 it cannot change were kept" in out
