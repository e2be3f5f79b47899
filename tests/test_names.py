"""Names are not word choices: a lexicon word inside a proper name, an office title or a dateline is no hit.

Every sentence here is written for this test. Each class of error has a test that fails without the rule
(the word inside the name is a hit), beside the true hits the rule must leave alone.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing import Article, analyze, load_shipped
from framing.indicators.names import name_like
from framing.lexicons import parse_lexicon


def found(text: str, family: str, lexicons: dict | None = None) -> list[str]:
    an = analyze(Article(text=text), lexicons)
    return [h.text for h in an.hits if h.family == family]


def _labels(*entries: dict) -> dict:
    """The shipped lexicons with a small labels lexicon of the entries given (independent of labels.yaml)."""
    lexicons = dict(load_shipped())
    lexicons["labels"] = parse_lexicon(
        {
            "name": "labels",
            "version": "0",
            "description": "Test labels.",
            "categories": {"test": "A test concept."},
            "entries": [
                {
                    "category": "test",
                    "explain": "Test.",
                    "source": "Test.",
                    "pos": "phrase",
                    "position": "resistance_side",
                    **e,
                }
                for e in entries
            ],
        }
    )
    return lexicons


# --- words inside the names of groups, ministries, organisations --------------------------------------


def test_martyrs_in_a_brigades_name_is_not_a_word_for_killing() -> None:
    lex = _labels({"id": "t.martyr", "term": "martyr", "pos": "noun"}, {"id": "t.martyred", "term": "martyred"})
    text = (
        "Omar Haddad led the Al-Aqsa Martyrs Brigades in the city. A cell of the al-Aqsa Martyrs' Brigades "
        "fired shots. Martyrs Brigades gunmen fled."
    )
    assert found(text, "labels", lex) == []
    # the writer's own word stays a hit, and so does an honorific that opens a name
    text += " Haddad was martyred at dawn. The martyr was buried. Crowds mourned Martyr Omar Haddad on Friday."
    assert found(text, "labels", lex) == ["martyred", "martyr", "Martyr"]


def test_health_in_a_ministry_or_organisation_name_is_not_a_frame_cue() -> None:
    text = (
        "The Health Ministry said six were hurt. The Palestinian Ministry of Health gave the names. "
        "Officials met the World Health Organization on Monday. Health Ministry staff counted the dead. "
        "Doctors fear for the health of the wounded. Security forces closed the road. The plan puts security first."
    )
    cues = [w.lower() for w in found(text, "frames")]
    assert cues.count("health") == 1  # the health of the wounded
    assert cues.count("security") == 2  # the topic stays a cue


def test_office_titles_in_lower_case_are_names() -> None:
    text = (
        "The health minister visited the ward. The health ministry said two died. Health officials said the "
        "clinic was shut. The minister of defense spoke later."
    )
    cues = [w.lower() for w in found(text, "frames")]
    assert "health" not in cues
    assert "defense" not in cues


def test_security_in_a_capitalised_title_is_not_a_frame_cue() -> None:
    text = "The Minister of Public Security Dan Orel said the raid was over. The Defense Minister agreed."
    cues = [w.lower() for w in found(text, "frames")]
    assert "security" not in cues
    assert "defense" not in cues


def test_defense_in_the_army_s_name_is_not_a_cue_but_the_name_is_a_label() -> None:
    text = "The Israel Defense Forces said the raid ended."
    assert "Defense" not in found(text, "frames")
    assert found(text, "labels") == ["Israel Defense Forces"]


def test_jihad_in_a_group_name_is_part_of_the_name() -> None:
    lex = _labels({"id": "t.jihad", "term": "jihad", "pos": "noun"})
    assert found("Troops sought Islamic Jihad fighters in the camp.", "labels", lex) == []
    assert found("Hamas and Islamic Jihad fired rockets.", "labels", lex) == []
    assert found("The preacher called for jihad.", "labels", lex) == ["jihad"]


def test_a_side_marked_word_before_an_office_noun_stays_a_choice() -> None:
    lex = _labels(
        {"id": "t.regime", "term": "regime", "position": "israel_side"},
        {"id": "t.health", "term": "health", "position": "neutral"},
    )
    assert found("The regime officials met. The health officials left.", "labels", lex) == ["regime"]


def test_a_hyphenated_modifier_is_not_part_of_the_name_it_precedes() -> None:
    text = "The Hamas-run Health Ministry said four were killed."
    assert "Hamas-run" in found(text, "labels")
    assert "Health" not in found(text, "frames")
    assert name_like("Al-Aqsa") and name_like("al-Aqsa") and name_like("IDF")
    assert not name_like("Hamas-run") and not name_like("Iran-backed") and not name_like("health")


# --- headlines in title case, sentence starts, datelines ---------------------------------------------------


def test_a_title_case_headline_is_not_one_long_name() -> None:
    lex = _labels({"id": "t.killed", "term": "killed"}, {"id": "t.martyred", "term": "martyred"})
    text = "Gaza Health Ministry Says Nine Killed In Raid As Martyred Medic Is Buried\n\nTroops left the camp."
    assert found(text, "labels", lex) == ["Killed", "Martyred"]
    assert "Health" not in found(text, "frames")
    assert found("Israeli Forces Kill Nine In Jenin Raid", "labels") == ["Israeli Forces"]


def test_a_capital_owed_to_the_sentence_start_is_not_a_name() -> None:
    lex = _labels({"id": "t.martyr", "term": "martyr", "pos": "noun"}, {"id": "t.martyred", "term": "martyred"})
    text = "Martyred Palestinian Red Crescent medic Omar Haddad, of the Al-Aqsa Martyrs Brigades, was buried."
    assert found(text, "labels", lex) == ["Martyred"]


def test_a_dateline_is_a_place_not_a_word_choice() -> None:
    text = "JENIN, West Bank \u2014 Troops raided the camp.\n\nSmoke rose over the West Bank city."
    labels = [h for h in analyze(Article(text=text)).hits if h.family == "labels"]
    assert [h.text for h in labels] == ["West Bank"]
    assert labels[0].start > text.index("Smoke")


# --- offsets stay exact, names never counted, whatever surrounds them --------------------------------------

NAMES = [
    "the Al-Aqsa Martyrs Brigades",
    "the Palestinian Ministry of Health",
    "the Health Ministry",
    "the health minister",
]
OTHER = ["said", "the martyr", "health care", "was martyred", "In", "\u201cIsrael\u201d", ",", ".", "\n\n", "Troops"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(NAMES + OTHER), min_size=1, max_size=14))
def test_words_inside_names_are_never_hits_and_offsets_stay_exact(parts: list[str]) -> None:
    text = " ".join(parts)
    an = analyze(Article(text=text))
    inside = []
    for name in NAMES:
        at = text.find(name)
        while at >= 0:
            inside.append((at, at + len(name)))
            at = text.find(name, at + 1)
    for h in an.hits:
        assert text[h.start : h.end] == h.text
        if h.family in ("labels", "frames") and h.text.lower() in ("martyrs", "health"):
            assert not any(s <= h.start and h.end <= e for s, e in inside), (h, text)
