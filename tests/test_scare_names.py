"""Scare quotes are not names, nicknames or a speaker's words; a quoted "Israel" marks a side.

Every sentence here is written for this test.
"""

from __future__ import annotations

import pytest

from framing import Article, analyze


def scare(text: str) -> list[tuple[str, str]]:
    an = analyze(Article(text=text))
    return [(h.text, h.position) for h in an.hits if h.family == "scare_quotes" and h.category == "scare_quote"]


def kinds(text: str) -> list[str]:
    return [q.kind for q in analyze(Article(text=text)).quotes]


# --- names, nicknames, operations and tactics ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Haddad, known popularly as "the falcon of Tarrin", was arrested on Monday.',
        'Haddad, known as "the falcon", was arrested.',
        'Troops used a "knock on the roof" tactic before the strike.',
        'The army followed the "Hannibal" procedure that night.',
        'The talks ended before "Desert Dawn" began.',
        'Officers spoke of the "Iron Wall" doctrine.',
    ],
)
def test_names_and_nicknames_in_quotation_marks_are_not_scare_quotes(text: str) -> None:
    assert scare(text) == []


def test_so_called_stays_while_the_quoted_tactic_name_is_a_name() -> None:
    an = analyze(Article(text='Troops employed a so-called "pressure pot" tactic on the house.'))
    found = [(h.text, h.category) for h in an.hits if h.family == "scare_quotes"]
    assert found == [("so-called", "so_called")]


# --- words a speaker is reported as saying ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The army chief ordered troops to "increase readiness".',
        'The minister warned of a "dangerous escalation" in the north.',
        'Omar Haddad spoke on Monday. He called it a "grave mistake".',
        'The mayor spoke to reporters. She was "deeply shocked" by the fire.',
        'Villagers described the raid as a "bloodbath".',
        'The envoy urged both sides to show the "utmost restraint".',
    ],
)
def test_a_speakers_words_are_partial_quotes_not_scare_quotes(text: str) -> None:
    assert scare(text) == []
    assert kinds(text)[-1] == "partial"


# --- true scare quotes keep firing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Meanwhile, "Israel" is growing anxious about the talks.', [('"Israel"', "resistance_side")]),
        ("The raid angered the \u201cIsraeli\u201d occupation.", [("\u201cIsraeli\u201d", "resistance_side")]),
        ('Soldiers of "the Israeli state" entered the town.', [('"the Israeli state"', "resistance_side")]),
    ],
)
def test_a_quoted_name_of_israel_marks_the_resistance_side(text: str, expected: list[tuple[str, str]]) -> None:
    assert scare(text) == expected


@pytest.mark.parametrize(
    ("writers", "speakers"),
    [
        # a demonstrative keeps its distance even beside a reporting verb; an article does not
        ('He declared, declining to disclose what those "options" would be.', 'He declared the "options" open.'),
        ('The "peace process" has stalled for years.', 'The envoy praised the "peace process" on Monday.'),
        (
            'The mayor arrived on Monday. She toured the "model village".',
            'The mayor spoke on Monday. She toured the "model village".',
        ),
    ],
)
def test_the_writers_scare_quote_and_the_speakers_partial_quote(writers: str, speakers: str) -> None:
    assert len(scare(writers)) == 1 and kinds(writers)[-1] == "scare"
    assert scare(speakers) == [] and kinds(speakers)[-1] == "partial"


def test_a_quoted_israel_is_scare_even_beside_a_reporting_verb() -> None:
    assert scare('The minister said "Israel" would pay.') == [('"Israel"', "resistance_side")]


def test_scare_quote_hits_of_the_israel_rule_carry_its_position_in_json() -> None:
    an = analyze(Article(text='Meanwhile, "Israel" is growing anxious.'))
    hit = next(h for h in an.hits if h.family == "scare_quotes")
    assert hit.to_dict()["position"] == "resistance_side"
    assert hit.entry_id == "scare.marks_israel"
    assert an.quotes[0].kind == "scare"
