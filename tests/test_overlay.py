"""The user's lexicon overlay: added, edited and disabled entries, validation, provenance, YAML round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import Analyzer, Article
from framing.lexicons import LexiconError
from framing.lexicons.loader import shipped_paths
from framing.lexicons.overlay import apply_overlay, new_entry_id, parse_overlay
from framing.lexicons.overlay import shipped_lexicons as load_shipped
from framing.library.store import Library

OPINED = {
    "id": "user.opined",
    "term": "opined",
    "category": "distancing",
    "explain": "Presents what was said as a mere opinion.",
    "source": "My newsroom's style guide.",
}
TEXT = 'The minister opined that the talks were over. The envoy claimed that "progress" was made.'


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("FRAMING_DB", str(tmp_path / "lib.db"))
    with Library(tmp_path / "lib.db") as library:
        yield library


def _hits(lib: Library, family: str = "attribution"):
    lexicons = apply_overlay(load_shipped(), lib.overlay_entries())
    analysis = Analyzer({family: lexicons[family]}).analyze(Article(id="t", text=TEXT, outlet="Test", title="Test"))
    return [h for h in analysis.hits if h.family == family]


def test_added_term_is_a_hit_with_added_by_you_as_its_source(lib: Library) -> None:
    assert "opined" not in [h.text for h in _hits(lib)]
    lib.save_overlay_entry("attribution", OPINED)
    hit = next(h for h in _hits(lib) if h.text == "opined")
    assert hit.category == "distancing" and hit.entry_id == "user.opined"
    assert "added by you on " in hit.source and "My newsroom's style guide." in hit.source
    assert hit.lexicon_version.startswith("attribution ")
    assert "added by you" in hit.explain  # so the highlight's tooltip says it too
    assert hit.to_dict()["source"] == hit.source


def test_shipped_hits_name_their_lexicon_and_version(lib: Library) -> None:
    version = load_shipped()["attribution"].version
    hit = next(h for h in _hits(lib) if h.text == "claimed")
    assert f"shipped lexicon attribution {version}" in hit.source
    assert "added by you" not in hit.explain


def test_disabled_shipped_entry_no_longer_hits_and_enabling_restores_it(lib: Library) -> None:
    entry_id = next(h.entry_id for h in _hits(lib) if h.text == "claimed")
    lib.set_overlay_disabled("attribution", entry_id, True)
    # The entry's hits are gone. Where the grammar shows the word introducing a quotation, it may still be
    # found, as a reporting verb with no stance (the rule entry attr.parsed_verb, which can be disabled too).
    left = [h for h in _hits(lib) if h.text == "claimed"]
    assert all(h.entry_id == "attr.parsed_verb" and h.category == "unrated" for h in left)
    lib.set_overlay_disabled("attribution", "attr.parsed_verb", True)
    assert "claimed" not in [h.text for h in _hits(lib)]
    lib.set_overlay_disabled("attribution", "attr.parsed_verb", False)
    lib.set_overlay_disabled("attribution", entry_id, False)
    assert "claimed" in [h.text for h in _hits(lib)]
    assert lib.overlay_entries() == []  # nothing left to remember


def test_edited_shipped_entry_replaces_it(lib: Library) -> None:
    shipped = load_shipped()["attribution"]
    entry_id = next(h.entry_id for h in _hits(lib) if h.text == "claimed")
    original = shipped.by_id(entry_id)
    lib.save_overlay_entry(
        "attribution",
        {"id": entry_id, "term": original.term, "pos": original.pos, "forms": list(original.forms),
         "category": "neutral", "explain": "Our desk reads it as neutral.", "source": "Desk policy."},
    )  # fmt: skip
    hit = next(h for h in _hits(lib) if h.text == "claimed")
    assert hit.category == "neutral" and "edited by you on " in hit.source
    lexicons = apply_overlay(load_shipped(), lib.overlay_entries())
    assert len(lexicons["attribution"].entries) == len(shipped.entries)
    assert lib.delete_overlay_entry("attribution", entry_id) == 1
    assert next(h for h in _hits(lib) if h.text == "claimed").category == original.category


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"category": "sarcastic"}, "unknown category 'sarcastic'"),
        ({"explain": "  "}, "'explain' must be a non-empty string"),
        ({"term": "opined!"}, "is not plain words"),
        ({"source": ""}, "'source' must be a non-empty string"),
        ({"pos": "pronoun"}, "pos must be one of"),
        ({"colour": "red"}, "unknown field"),
    ],
)
def test_invalid_entry_is_refused_and_nothing_is_stored(lib: Library, change: dict, message: str) -> None:
    with pytest.raises(LexiconError) as err:
        lib.save_overlay_entry("attribution", {**OPINED, **change})
    assert message in str(err.value)
    assert "user.opined" in str(err.value)  # the message names the entry
    assert lib.overlay_entries() == []


def test_unknown_lexicon_is_refused(lib: Library) -> None:
    with pytest.raises(LexiconError, match="unknown lexicon 'gossip'"):
        lib.save_overlay_entry("gossip", OPINED)
    with pytest.raises(KeyError):
        lib.set_overlay_disabled("attribution", "attr.no_such_entry", True)
    assert lib.overlay_entries() == []


def test_export_import_export_is_identical(lib: Library, tmp_path: Path) -> None:
    lib.save_overlay_entry("attribution", OPINED)
    lib.save_overlay_entry(
        "hedges",
        {"id": "user.so_to_speak", "term": "so to speak", "category": next(iter(load_shipped()["hedges"].categories)),
         "explain": "Softens the claim — «ça va».", "source": "Ours.", "forms": ["so-to-speak"]},
    )  # fmt: skip
    lib.set_overlay_disabled("attribution", "user.opined", True)
    lib.set_overlay_disabled("attribution", load_shipped()["attribution"].entries[0].id, True)
    exported = lib.export_overlay_yaml()
    with Library(tmp_path / "other.db") as other:
        assert other.import_overlay_yaml(exported) == 3
        assert other.export_overlay_yaml() == exported
        assert other.overlay_entries() == lib.overlay_entries()


def test_import_names_the_bad_entry_and_imports_nothing(lib: Library) -> None:
    text = (
        "- lexicon: attribution\n  entry: {id: user.good, term: opined, category: distancing, explain: x, source: y}\n"
        "  disabled: false\n  added_at: '2026-01-01T00:00:00+00:00'\n"
        "- lexicon: attribution\n  entry: {id: user.bad, term: mused, category: musing, explain: x, source: y}\n"
        "  disabled: false\n  added_at: '2026-01-01T00:00:00+00:00'\n"
    )
    with pytest.raises(LexiconError, match=r"entry 'user\.bad'.*unknown category 'musing'"):
        lib.import_overlay_yaml(text)
    assert lib.overlay_entries() == []
    with pytest.raises(LexiconError, match="not valid YAML"):
        parse_overlay("- [unclosed")


def test_shipped_files_are_never_written(lib: Library) -> None:
    before = {p: p.read_bytes() for p in shipped_paths()}
    lib.save_overlay_entry("attribution", OPINED)
    lib.set_overlay_disabled("attribution", "user.opined", True)
    lib.import_overlay_yaml(lib.export_overlay_yaml())
    assert {p: p.read_bytes() for p in shipped_paths()} == before


def test_new_entry_ids_are_unique() -> None:
    lex = load_shipped()["attribution"]
    assert new_entry_id(lex, "Opined") == "user.opined"
    assert new_entry_id(lex, "opined", taken=["user.opined"]) == "user.opined-2"
