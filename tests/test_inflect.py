"""Inflected forms generated for lexicon terms."""

from __future__ import annotations

import pytest

from framing.lexicons.inflect import IRREGULAR_VERBS, plural, surface_forms, verb_forms


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("claim", ("claims", "claimed", "claiming")),
        ("allege", ("alleges", "alleged", "alleging")),
        ("deny", ("denies", "denied", "denying")),
        ("note", ("notes", "noted", "noting")),
        ("cite", ("cites", "cited", "citing")),
        ("stress", ("stresses", "stressed", "stressing")),
        ("warn", ("warns", "warned", "warning")),
        ("vow", ("vows", "vowed", "vowing")),
        ("stay", ("stays", "stayed", "staying")),
        ("agree", ("agrees", "agreed", "agreeing")),
        ("reach", ("reaches", "reached", "reaching")),
        ("push", ("pushes", "pushed", "pushing")),
    ],
)
def test_regular_verbs(verb, forms):
    assert verb_forms(verb) == forms


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("point out", ("points out", "pointed out", "pointing out")),
        ("carry on", ("carries on", "carried on", "carrying on")),
        ("make clear", ("makes clear", "made clear", "making clear")),
        ("hold back", ("holds back", "held back", "holding back")),
    ],
)
def test_phrasal_verbs_inflect_the_head(verb, forms):
    assert verb_forms(verb) == forms


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("say", ("says", "said", "saying")),
        ("tell", ("tells", "told", "telling")),
        ("admit", ("admits", "admitted", "admitting")),
        ("lie", ("lies", "lied", "lying")),
        ("see", ("sees", "saw", "seen", "seeing")),
        ("strike", ("strikes", "struck", "striking")),
    ],
)
def test_irregular_verbs_from_table(verb, forms):
    assert verb_forms(verb) == forms
    assert verb_forms(verb) == IRREGULAR_VERBS[verb]


def test_irregular_table_is_well_formed():
    for verb, forms in IRREGULAR_VERBS.items():
        assert forms, verb
        assert forms[0].endswith("s"), verb  # the third person comes first
        assert all(f == f.strip() and f.islower() for f in forms), verb


@pytest.mark.parametrize(
    "noun, expected",
    [
        ("claim", "claims"),
        ("allegation", "allegations"),
        ("box", "boxes"),
        ("church", "churches"),
        ("wish", "wishes"),
        ("party", "parties"),
        ("militia", "militias"),
        ("day", "days"),
        ("bus", "buses"),
    ],
)
def test_plural(noun, expected):
    assert plural(noun) == expected


def test_surface_forms_verb_starts_with_term():
    assert surface_forms("claim", "verb") == ("claim", "claims", "claimed", "claiming")


def test_surface_forms_noun_pluralises_last_word():
    assert surface_forms("occupation force", "noun") == ("occupation force", "occupation forces")
    assert surface_forms("militia", "noun") == ("militia", "militias")


@pytest.mark.parametrize("pos", ["phrase", "adj", "adv"])
def test_surface_forms_other_pos_are_the_term_only(pos):
    assert surface_forms("so-called", pos) == ("so-called",)


def test_surface_forms_explicit_forms_replace_generated_ones():
    forms = surface_forms("claim", "verb", ["claims", "claimed"])
    assert forms == ("claim", "claims", "claimed")
    assert "claiming" not in forms


def test_surface_forms_explicit_forms_on_noun():
    assert surface_forms("criterion", "noun", ["criteria"]) == ("criterion", "criteria")


def test_surface_forms_drop_duplicates_keep_order():
    assert surface_forms("claim", "verb", ["claim", "claims", "claims"]) == ("claim", "claims")
    # "forecast" is its own past tense: no duplicate in the output.
    out = surface_forms("forecast", "verb")
    assert out[0] == "forecast"
    assert len(out) == len(set(out))


def test_surface_forms_empty_forms_list_means_generate():
    assert surface_forms("claim", "verb", []) == ("claim", "claims", "claimed", "claiming")
