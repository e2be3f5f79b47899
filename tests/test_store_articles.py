"""The article library (framing.library.store): adding, finding, changing and deleting articles, outlets, stories
and settings."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from library_samples import art, sample

from framing.library import store
from framing.library.store import ImportResult
from framing.models import Article, content_id

pytestmark = pytest.mark.usefixtures("no_default_db")


def test_add_twice_stores_once_and_reports_a_duplicate(lib):
    a = art("One article.\nIts text.", title="One", outlet="Wire A")
    first = lib.add_articles([a])
    assert first == ImportResult(added=[a.id], duplicates=[])
    second = lib.add_articles([a])
    assert second.added == [] and second.duplicates == [a.id]
    assert lib.count() == 1
    assert second.summary() == "added 0, duplicates 1"


def test_same_text_with_other_metadata_is_a_duplicate(lib):
    lib.add_articles([art("Same text.", outlet="A")])
    result = lib.add_articles([art("Same text.", outlet="B"), art("Same text.", outlet="C")])
    assert len(result.duplicates) == 2
    assert lib.get(content_id("Same text.")).outlet == "A"


def test_add_sets_added_at_and_creates_outlets_and_stories(lib):
    lib.add_articles(sample())
    for a in lib.articles():
        assert a.added_at.endswith("+00:00")
    kept = art("Imported earlier.", added_at="2020-01-01T00:00:00+00:00")
    lib.add_articles([kept])
    assert lib.get(kept.id).added_at == "2020-01-01T00:00:00+00:00"
    assert {o["name"] for o in lib.outlets()} == {"Wire A", "Paris Daily", "Blog"}
    assert {s["name"]: s["articles"] for s in lib.stories()} == {"Vienna": 2, "Paris": 1}


def test_add_is_all_or_nothing(lib):
    good = art("A good article.")
    bad = Article(text=None, id="broken")  # type: ignore[arg-type]  # NOT NULL fails mid-transaction
    with pytest.raises(sqlite3.IntegrityError):
        lib.add_articles([good, bad])
    assert lib.count() == 0
    assert lib.outlets() == []


def test_get_and_its_error(lib):
    a = sample()[0]
    lib.add_articles([a])
    got = lib.get(a.id)
    assert got == replace(a, added_at=got.added_at) and got.text == a.text and got.story == "Vienna"
    with pytest.raises(KeyError, match="no article with id 'nope'"):
        lib.get("nope")


def test_filters_and_search(lib):
    lib.add_articles(sample())
    titles = lambda arts: [a.title for a in arts]  # noqa: E731
    assert titles(lib.articles()) == ["Talks resume", "ÉLYSÉE speaks", "No progress", "Undated"]
    assert titles(lib.articles(outlet="Wire A")) == ["Talks resume", "No progress"]
    assert titles(lib.articles(story="Paris")) == ["ÉLYSÉE speaks"]
    assert titles(lib.articles(story="")) == ["Undated"]
    assert titles(lib.articles(search="VIENNA")) == ["Talks resume", "No progress"]
    assert titles(lib.articles(search="élysée")) == ["ÉLYSÉE speaks"]  # non-ASCII case folding, in the title
    assert titles(lib.articles(search="LE PRÉSIDENT")) == ["ÉLYSÉE speaks"]  # and in the text
    assert titles(lib.articles(search="50%")) == []  # no LIKE wildcards
    assert titles(lib.articles(since="2021-05-03")) == ["ÉLYSÉE speaks", "No progress"]
    assert titles(lib.articles(until="2021-05-01")) == ["Talks resume"]  # the whole day, whatever the time
    assert titles(lib.articles(since="2021-05-02", until="2021-05-04")) == ["ÉLYSÉE speaks"]
    assert titles(lib.articles(outlet="Wire A", search="progress")) == ["No progress"]


def test_update_changes_metadata_never_text(lib):
    a = sample()[0]
    lib.add_articles([a])
    updated = lib.update(a.id, title="New title", outlet="Wire B", story="Talks", published="2021-06-01", author="X")
    assert (updated.title, updated.outlet, updated.story, updated.author) == ("New title", "Wire B", "Talks", "X")
    assert updated.text == a.text and updated.id == a.id
    assert "Wire B" in {o["name"] for o in lib.outlets()}
    assert lib.update(a.id, story=None).story == ""
    with pytest.raises(ValueError, match="never changed"):
        lib.update(a.id, text="Something else")
    with pytest.raises(ValueError, match="added_at"):
        lib.update(a.id, added_at="yesterday")
    with pytest.raises(KeyError):
        lib.update("missing", title="x")
    assert lib.get(a.id).text == a.text
    assert lib.count() == 1


def test_delete(lib):
    arts = sample()
    lib.add_articles(arts)
    assert lib.delete([arts[0].id, arts[1].id, "unknown"]) == 2
    assert lib.delete(arts[2].id) == 1
    assert [a.id for a in lib.articles()] == [arts[3].id]
    assert lib.delete([]) == 0


def test_outlets_and_descriptions(lib):
    lib.add_articles(sample())
    lib.set_outlet("Wire A", country="Austria", description="A wire service.")
    lib.set_outlet("Wire A", language="de")  # None leaves the others alone
    lib.set_outlet("New Outlet")
    outlets = {o["name"]: o for o in lib.outlets()}
    assert outlets["Wire A"] == {
        "name": "Wire A",
        "country": "Austria",
        "language": "de",
        "description": "A wire service.",
        "articles": 2,
    }
    assert outlets["New Outlet"]["articles"] == 0
    with pytest.raises(ValueError):
        lib.set_outlet(" ")


def test_stories(lib):
    arts = sample()
    lib.add_articles(arts)
    assert lib.set_story([arts[0].id, arts[3].id], "Merged", description="Two together") == 2
    stories = {s["name"]: s for s in lib.stories()}
    assert stories["Merged"]["articles"] == 2 and stories["Merged"]["description"] == "Two together"
    assert stories["Vienna"]["articles"] == 1
    assert lib.set_story([arts[0].id], None) == 1
    assert lib.get(arts[0].id).story == ""


def test_settings(lib):
    assert lib.get_setting("seeded_at") is None
    assert lib.get_setting("anything", "fallback") == "fallback"
    lib.set_setting("theme", "dark")
    lib.set_setting("theme", "light")
    assert lib.get_setting("theme") == "light"
    assert lib.settings()["theme"] == "light"
    assert "seeded_at" in lib.settings()
    assert all(help_text for _, help_text in store.SETTINGS.values())


def test_metadata_reads_fields_without_texts(tmp_path) -> None:
    from framing.models import Article

    with store.Library(tmp_path / "m.db") as lib:
        lib.skip_seeding()
        a = Article(text="First text.", outlet="A", title="One", published="2021-11-29")
        b = Article(text="Second text.", title="Two")
        lib.add_articles([a, b])
        assert lib.metadata("outlet", "published") == [(a.id, "A", "2021-11-29"), (b.id, "", "")]
        assert lib.metadata() == [(a.id,), (b.id,)]
        with pytest.raises(ValueError, match="unknown field"):
            lib.metadata("text")
