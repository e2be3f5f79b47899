"""Validating lexicon files: bad entries are refused with a message naming them; shipped files load."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from framing.indicators import FAMILIES
from framing.lexicons import Entry, Lexicon, LexiconError, load_lexicon, load_shipped, parse_lexicon
from framing.lexicons.loader import shipped_paths, survives_tokenizer
from framing.models import SUPPORT_LEXICONS

VALID = {
    "name": "attribution",
    "version": "1.0.0",
    "description": "Reporting verbs and the stance they take.",
    "categories": {
        "neutral": "Plain reporting verbs.",
        "distancing": "Verbs that cast doubt on the speaker.",
    },
    "entries": [
        {
            "id": "attr.say",
            "term": "say",
            "pos": "verb",
            "category": "neutral",
            "explain": "Passes on what was said without judging it.",
            "source": "Project judgement.",
        },
        {
            "id": "attr.claim",
            "term": "claim",
            "pos": "verb",
            "category": "distancing",
            "explain": "Casts doubt on the speaker.",
            "source": "Project judgement; after Recasens et al. (2013).",
        },
        {
            "id": "attr.according_to",
            "term": "according to",
            "category": "neutral",
            "explain": "Names the source without judging it.",
            "source": "Project judgement.",
        },
    ],
}


def data(**changes):
    d = copy.deepcopy(VALID)
    d.update(changes)
    return d


def with_entry(entry_id: str, **changes):
    """VALID with the entry ``entry_id`` changed (a value of None deletes the key)."""
    d = copy.deepcopy(VALID)
    for e in d["entries"]:
        if e["id"] == entry_id:
            for k, v in changes.items():
                if v is None:
                    e.pop(k, None)
                else:
                    e[k] = v
    return d


# ------------------------------------------------------------------------------------------------ valid


def test_valid_lexicon_parses():
    lex = parse_lexicon(data(), "attribution.yaml")
    assert isinstance(lex, Lexicon)
    assert lex.name == "attribution"
    assert lex.version == "1.0.0"
    assert lex.categories == VALID["categories"]
    assert [e.id for e in lex.entries] == ["attr.say", "attr.claim", "attr.according_to"]
    claim = lex.by_id("attr.claim")
    assert isinstance(claim, Entry)
    assert claim.category == "distancing"
    assert claim.pos == "verb"
    assert claim.surface == ("claim", "claims", "claimed", "claiming")
    according = lex.by_id("attr.according_to")
    assert according.pos == "phrase"  # the default
    assert according.case_sensitive is False
    with pytest.raises(KeyError):
        lex.by_id("attr.nope")


def test_valid_entry_options_are_kept():
    d = data()
    d["entries"].append(
        {
            "id": "labels.idf",
            "term": "IDF",
            "category": "neutral",
            "explain": "The army's own name.",
            "source": "Project judgement.",
            "case_sensitive": True,
            "forms": ["IDF's"],
            "usage": "Israeli outlets.",
        }
    )
    # "IDF's" has a possessive the tokenizer drops: refused...
    with pytest.raises(LexiconError, match="labels.idf"):
        parse_lexicon(d, "x.yaml")
    d["entries"][-1]["forms"] = []
    entry = parse_lexicon(d, "x.yaml").by_id("labels.idf")
    assert entry.case_sensitive is True
    assert entry.usage == "Israeli outlets."
    assert entry.surface == ("IDF",)


def test_version_number_is_accepted_as_string():
    assert parse_lexicon(data(version=2), "x.yaml").version == "2"


# ----------------------------------------------------------------------------------------------- refused


def assert_refused(d, *fragments: str, where: str = "attribution.yaml"):
    with pytest.raises(LexiconError) as info:
        parse_lexicon(d, where)
    message = str(info.value)
    assert where in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_duplicate_id_refused():
    d = data()
    d["entries"].append(copy.deepcopy(d["entries"][0]))
    msg = assert_refused(d, "attr.say")
    assert "duplicate" in msg.lower()


def test_unknown_category_refused():
    msg = assert_refused(with_entry("attr.claim", category="sneering"), "attr.claim", "sneering")
    assert "categor" in msg


@pytest.mark.parametrize("field", ["explain", "source"])
def test_missing_explain_or_source_refused(field):
    assert_refused(with_entry("attr.claim", **{field: None}), "attr.claim", field)


@pytest.mark.parametrize("field", ["explain", "source"])
def test_blank_explain_or_source_refused(field):
    assert_refused(with_entry("attr.claim", **{field: "   "}), "attr.claim", field)


def test_missing_term_refused():
    assert_refused(with_entry("attr.claim", term=None), "attr.claim", "term")


def test_bad_pos_refused():
    assert_refused(with_entry("attr.claim", pos="verbish"), "attr.claim", "pos")


@pytest.mark.parametrize("term", ["U.S.", "Iran!", "a, b", "x/y", "Israel's", "two  spaces"])
def test_term_with_punctuation_the_tokenizer_drops_refused(term):
    assert_refused(with_entry("attr.according_to", term=term), "attr.according_to")


def test_form_with_punctuation_refused():
    assert_refused(with_entry("attr.claim", forms=["claims", "claim."]), "attr.claim", "claim.")


def test_bad_id_refused():
    assert_refused(with_entry("attr.claim", id="Attr Claim"), "Attr Claim")


def test_missing_id_refused_with_entry_number():
    assert_refused(with_entry("attr.claim", id=None), "entry 2", "id")


@pytest.mark.parametrize(
    "d",
    [
        None,
        [],
        "text",
        data(entries=[]),
        data(categories={}),
        data(name=""),
        data(description=None),
        data(version=""),
    ],
)
def test_malformed_documents_refused(d):
    with pytest.raises(LexiconError):
        parse_lexicon(d, "broken.yaml")


def test_entry_not_a_mapping_refused():
    assert_refused(data(entries=["just a string"]), "entry 1")


def test_forms_not_a_list_refused():
    assert_refused(with_entry("attr.claim", forms="claims"), "attr.claim", "forms")


def test_survives_tokenizer():
    assert survives_tokenizer("so-called")
    assert survives_tokenizer("don't")
    assert survives_tokenizer("Israeli occupation forces")
    assert not survives_tokenizer("U.S.")
    assert not survives_tokenizer("")
    assert not survives_tokenizer(" leading")


# ---------------------------------------------------------------------------------------------- files


def test_load_lexicon_from_file(tmp_path: Path):
    p = tmp_path / "attribution.yaml"
    p.write_text(yaml.safe_dump(VALID, allow_unicode=True), encoding="utf-8")
    lex = load_lexicon(p)
    assert lex.path == str(p)
    assert len(lex.entries) == 3


def test_load_lexicon_invalid_yaml_names_file(tmp_path: Path):
    p = tmp_path / "broken.yaml"
    p.write_text("name: [unclosed\n  - : :\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.yaml"):
        load_lexicon(p)


def test_load_lexicon_error_names_file_and_entry(tmp_path: Path):
    p = tmp_path / "mine.yaml"
    p.write_text(yaml.safe_dump(with_entry("attr.claim", source=None)), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(p)
    assert "mine.yaml" in str(info.value)
    assert "attr.claim" in str(info.value)


# ------------------------------------------------------------------------------------------- shipped


def test_shipped_paths_are_the_yaml_files():
    paths = shipped_paths()
    assert paths, "no lexicon files shipped"
    folder = Path(__file__).resolve().parents[1] / "framing" / "lexicons"
    assert {p.name for p in paths} == {p.name for p in folder.glob("*.yaml")}


def test_load_shipped_loads_every_file():
    lexicons = load_shipped()
    paths = shipped_paths()
    assert len(lexicons) == len(paths)
    # The name is the family the lexicon feeds, and the file is named after it.
    assert {p.stem for p in paths} == set(lexicons)
    for name, lex in lexicons.items():
        assert name in FAMILIES or name in SUPPORT_LEXICONS, name
        assert lex.name == name
        assert lex.entries
        assert lex.description.strip()


def test_shipped_entries_have_provenance():
    for name, lex in load_shipped().items():
        ids = [e.id for e in lex.entries]
        assert len(ids) == len(set(ids)), name
        for e in lex.entries:
            where = f"{name}:{e.id}"
            assert e.explain.strip(), where
            assert e.source.strip(), where
            assert e.category in lex.categories, where
            assert lex.categories[e.category].strip(), where
            for form in e.surface:
                assert survives_tokenizer(form), f"{where}: {form!r}"


def test_scare_quotes_lexicon_is_shipped():
    lexicons = load_shipped()
    assert "scare_quotes" in lexicons
    so_called = lexicons["scare_quotes"].by_id("scare.so_called")
    assert so_called.term == "so-called"
