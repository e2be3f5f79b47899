"""Labels are choices, not counts: every name has a position, neutral names are recorded but never contested,
and outlets are compared by the names they choose and ranked on side-marked names only.

Every sentence here is written for the test; none is taken from a real article.
"""

from __future__ import annotations

import copy

import pytest

from framing import Article, compare, to_dict
from framing.analysis.article import analyze
from framing.analysis.label_choices import choice_table, choices, side_score
from framing.lexicons import LexiconError, load_shipped, parse_lexicon
from framing.lexicons.overlay import validate_entry
from framing.models import NEUTRAL

LABELS = {
    "name": "labels",
    "version": "1.0.0",
    "description": "Names for contested things.",
    "categories": {"army": "An army."},
    "entries": [
        {
            "id": "label.army.plain",
            "term": "the army",
            "category": "army",
            "explain": "The plain name.",
            "source": "Project judgement.",
            "position": "neutral",
        }
    ],
}
MIDDLE_EAST_SIDES = {"israel_side", "resistance_side"}
# An external scorer maps positions to the Middle East sides by substring: other debates must avoid these.
RESERVED = (
    "neutral",
    "plain",
    "none",
    "israel",
    "zion",
    "palestin",
    "resist",
    "arab",
    "iran",
    "axis",
    "hezbollah",
    "hamas",
)


def _labels(position: object) -> dict:
    d = copy.deepcopy(LABELS)
    d["entries"][0]["position"] = position
    return d


# ------------------------------------------------------------------------------------------ the loader


def test_a_labels_entry_without_a_position_is_refused() -> None:
    d = _labels(None)
    del d["entries"][0]["position"]
    with pytest.raises(LexiconError, match="position"):
        parse_lexicon(d, "labels.yaml")


@pytest.mark.parametrize("bad", ["Israel_side", "israel", "side", "israel-side", "_side", "israel__side", "pro life"])
def test_a_position_must_be_neutral_or_a_side_name(bad: str) -> None:
    with pytest.raises(LexiconError, match="position"):
        parse_lexicon(_labels(bad), "labels.yaml")


@pytest.mark.parametrize("good", ["neutral", "israel_side", "resistance_side", "anti_abortion_side"])
def test_neutral_and_side_names_are_accepted(good: str) -> None:
    assert parse_lexicon(_labels(good), "labels.yaml").entries[0].position == good


def test_position_is_optional_outside_labels() -> None:
    d = _labels("")
    d["name"] = "loaded_language"
    del d["entries"][0]["position"]
    assert parse_lexicon(d, "loaded_language.yaml").entries[0].position == ""


def test_every_shipped_label_has_a_position_and_other_debates_avoid_the_reserved_words() -> None:
    lexicons = load_shipped()
    for e in lexicons["labels"].entries:
        assert e.position, e.id
        if e.position not in MIDDLE_EAST_SIDES | {NEUTRAL}:
            assert not any(w in e.position for w in RESERVED), (e.id, e.position)
    for e in lexicons["loaded_language"].entries:
        assert e.position in ("", *MIDDLE_EAST_SIDES), e.id


def test_the_overlay_needs_a_position_for_a_label_too() -> None:
    labels = load_shipped()["labels"]
    entry = {"id": "label.user.x", "term": "our boys", "category": "israeli_military", "explain": "x", "source": "y"}
    with pytest.raises(LexiconError, match="position"):
        validate_entry(labels, entry)
    assert validate_entry(labels, dict(entry, position="israel_side")).position == "israel_side"


# ------------------------------------------------------------------------------- neutral is a choice


def _labels_of(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.position) for h in analyze(Article(text)).hits if h.family == "labels"]


def test_neutral_names_are_recorded_but_not_contested() -> None:
    an = analyze(Article("Israeli forces killed two militants in the West Bank, the IDF said on Monday."))
    found = {h.text: h.position for h in an.hits if h.family == "labels"}
    assert found == {
        "Israeli forces": NEUTRAL,
        "killed": NEUTRAL,
        "militants": NEUTRAL,
        "West Bank": NEUTRAL,
        "IDF": NEUTRAL,
    }
    assert an.counts()["labels"] == 0 and an.rates()["labels"] == 0
    assert side_score(an).side_marked == 0 and side_score(an).neutral == 5
    assert {ch.name for ch in choices(an)} == set(found)


def test_side_marked_names_are_counted_with_their_side() -> None:
    an = analyze(Article("Occupation forces stormed the camp and two young men were martyred."))
    assert an.counts()["labels"] == 2
    assert side_score(an).by_side == {"resistance_side": 2}


# -------------------------------------------------------------------------------------- recall


@pytest.mark.parametrize(
    ("sentence", "name", "position"),
    [
        ("The resistance fired rockets at the town.", "The resistance", "resistance_side"),
        ("Resistance factions vowed to respond.", "Resistance factions", "resistance_side"),
        ("A resistance commander was among the dead.", "resistance commander", "resistance_side"),
        ("The occupation killed a boy near the school.", "The occupation", "resistance_side"),
        ("Occupation snipers fired from a rooftop.", "Occupation snipers", "resistance_side"),
        ("The Tel Aviv regime ignored the warning.", "Tel Aviv regime", "resistance_side"),
        ("Washington and Tel Aviv are alarmed by the plan.", "Washington and Tel Aviv", "resistance_side"),
        ("Tel Aviv's government rejected the offer.", "Tel Aviv's government", "resistance_side"),
        ("Police said the attacker was neutralized at the scene.", "neutralized", "israel_side"),
        ("Officers moved in to neutralise him.", "neutralise", "israel_side"),
        ("The army began a counter-terrorist operation in the city.", "counter-terrorist operation", "israel_side"),
        ("Troops pressed on with the counter-terrorism operation.", "counter-terrorism operation", "israel_side"),
        ("Terror groups in the north threatened revenge.", "Terror groups", "israel_side"),
        ("Two terror organizations claimed the shooting.", "terror organizations", "israel_side"),
        ("Soldiers surrounded the house of two wanted suspects.", "wanted suspects", "israel_side"),
        ("The elimination of the commander was confirmed.", "elimination", "israel_side"),
        ("Tehran condemned the new anti-Iran sanctions.", "anti-Iran sanctions", "resistance_side"),
        ("The militiamen withdrew before dawn.", "militiamen", NEUTRAL),
        ("The Europeans bowed to US pressure again.", "bowed to US pressure", "resistance_side"),
        ("Iran said it would reverse its nuclear countermeasures.", "nuclear countermeasures", "resistance_side"),
    ],
)
def test_each_new_wording_is_a_label_with_its_side(sentence: str, name: str, position: str) -> None:
    assert (name, position) in _labels_of(sentence)


def test_capitulation_is_loaded_but_marks_no_side() -> None:
    an = analyze(Article("Critics called the deal a capitulation."))
    loaded = [(h.text, h.position) for h in an.hits if h.family == "loaded_language"]
    assert ("capitulation", "") in loaded


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("There was strong resistance to the plan among farmers.", "resistance"),
        ("The resistance from investors surprised the board.", "resistance"),
        ("We spent the day on a Tel Aviv beach.", "Tel Aviv"),
        ("Flights from Washington and Tel Aviv were delayed.", "Tel Aviv"),
        ("The occupation of the hills began long ago.", "occupation"),
        ("They demanded an end to the Israeli occupation of the valley.", "occupation"),
        ("The bank wants to neutralize the effect of the sanctions.", "neutraliz"),
        ("Their team was eliminated from the cup.", "eliminated"),
        ("The group was designated a terrorist organization by the council.", "terrorist"),
    ],
)
def test_guards_keep_words_that_are_not_labels_out(sentence: str, word: str) -> None:
    assert not [t for t, _ in _labels_of(sentence) if word.lower() in t.lower()]


# ------------------------------------------------------------------------- the Done-means comparison

WIRE = (
    "Israeli troops kill two in West Bank raid\n\n"
    "Israeli forces killed two Palestinian gunmen during a raid on the town of Kafr Dalil in the West Bank on "
    "Tuesday, the Israeli military said. The army said its soldiers came under fire and shot back. The IDF said "
    "one of the men had planned an attack. Palestinian health officials said both men were killed by army fire."
)
PARTISAN = (
    "Two martyrs as occupation forces storm Kafr Dalil\n\n"
    "Two young men were martyred on Tuesday when occupation forces stormed the town of Kafr Dalil. The "
    "resistance fighters confronted the Zionist forces for hours. The occupation killed the two men after a "
    "siege of the house. Israeli forces withdrew at noon."
)


@pytest.fixture(scope="module")
def pair():
    return compare([Article(WIRE, outlet="Wire"), Article(PARTISAN, outlet="Partisan")])


def test_the_partisan_report_is_ranked_more_side_marked(pair) -> None:
    wire, partisan = pair.analyses
    assert side_score(partisan).per_1000 > side_score(wire).per_1000 == 0
    # The wire report uses more label words, and still ranks below.
    assert sum(h.family == "labels" for h in wire.hits) > side_score(partisan).side_marked
    ranking = next(line for line in pair.summary if line.text.startswith("Side-marked names per 1,000 words"))
    assert ranking.text.index("Partisan") < ranking.text.index("Wire")
    assert ranking.evidence and all(ev.article == partisan.article.id for ev in ranking.evidence)


def test_the_neutral_names_are_shown_as_choices_not_hits(pair) -> None:
    wire, _ = pair.analyses
    line = next(line for line in pair.summary if line.text.startswith("Wire uses"))
    assert "no side-marked name" in line.text
    assert "IDF" in line.text and "killed" in line.text and "choices, not contested" in line.text
    assert not line.evidence  # nothing side-marked to point at
    assert wire.counts()["labels"] == 0


def test_concepts_are_compared_name_by_name(pair) -> None:
    line = next(line for line in pair.summary if line.text.startswith("For israeli military"))
    assert "Wire writes" in line.text and "Partisan writes" in line.text
    assert "occupation forces" in line.text and "[resistance side]" in line.text
    texts = {(ev.article, pair.analyses[0].article.text[ev.start : ev.end]) for ev in line.evidence}
    assert (pair.analyses[0].article.id, "IDF") in texts
    rows = {r["concept"]: r for r in choice_table(pair.analyses)}
    assert "IDF" in rows["israeli military"]["Wire"] and "[" not in rows["israeli military"]["Wire"]
    assert "[resistance side]" in rows["israeli military"]["Partisan"]
    assert "martyred" in rows["killing"]["Partisan"]


def test_the_json_carries_positions_and_choices(pair) -> None:
    data = to_dict(pair)
    wire, partisan = data["articles"]
    assert wire["counts"]["labels"] == 0 and partisan["counts"]["labels"] > 0
    assert all(h["position"] for h in wire["hits"] if h["family"] == "labels")
    assert partisan["label_choices"]["by_side"].get("resistance_side", 0) >= 4
    assert wire["label_choices"]["neutral"] >= 5
