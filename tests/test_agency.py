"""Agency: passives with and without a doer, and outcomes reported as if they happened by themselves."""

from __future__ import annotations

import pytest

from framing.indicators import agency
from framing.indicators.context import Context
from framing.lexicons import load_shipped
from framing.models import Hit
from framing.text.document import Document


@pytest.fixture(scope="module")
def lexicons():
    return load_shipped()


@pytest.fixture()
def detect(lexicons):
    def run(text: str) -> list[Hit]:
        hits = agency.detect(Context(Document(text), lexicons))
        for h in hits:
            assert text[h.start : h.end] == h.text, h
            assert h.family == "agency"
        return hits

    return run


def found(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.text, h.category) for h in hits]


# ------------------------------------------------------------------------------------------ passives


def test_agentless_violent_passive(detect):
    [hit] = detect("Three protesters were killed on Friday.")
    assert (hit.text, hit.category, hit.agent) == ("were killed", "agentless_passive", "")
    assert agency.is_violent(hit)
    assert hit.explain.startswith(agency.VIOLENT_NO_DOER)
    assert hit.entry_id == "agency.agentless_passive"
    assert hit.source


def test_passive_with_agent_records_the_doer(detect):
    [hit] = detect("He was killed by Israeli forces.")
    assert (hit.text, hit.category) == ("was killed", "passive_with_agent")
    assert hit.agent == "Israeli forces"
    assert agency.is_violent(hit)
    assert hit.explain.startswith(agency.VIOLENT_DOER)
    assert "Israeli forces" in hit.explain
    assert hit.entry_id == "agency.passive_with_agent"


def test_agent_a_few_words_after_the_participle(detect):
    [hit] = detect("The boy was shot on Friday by members of the security forces in Jenin.")
    assert hit.category == "passive_with_agent"
    assert hit.agent == "members of the security forces"


def test_agent_stops_at_a_new_clause(detect):
    [hit, *_] = detect("He was arrested by police and taken to a station.")
    assert (hit.text, hit.agent) == ("was arrested", "police")
    [hit] = detect("The village was attacked by settlers and soldiers who came at night.")
    assert hit.agent == "settlers and soldiers"


def test_agent_is_capped_at_six_words(detect):
    [hit] = detect("He was detained by the one two three four five six seven men.")
    assert hit.agent == "the one two three four five"


def test_non_violent_agentless_passive(detect):
    [hit] = detect("The talks were held in Vienna.")
    assert (hit.text, hit.category, hit.agent) == ("were held", "agentless_passive", "")
    assert not agency.is_violent(hit)
    assert not hit.explain.startswith("Violence")


def test_adverb_between_auxiliary_and_participle(detect):
    [hit] = detect("The deal was reportedly signed.")
    assert (hit.text, hit.category) == ("was reportedly signed", "agentless_passive")


def test_two_adverbs_but_not_three(detect):
    assert found(detect("The soldier was not immediately identified.")) == [
        ("was not immediately identified", "agentless_passive")
    ]
    assert detect("The soldier was not formally officially identified.") == []


def test_chained_auxiliaries_and_get_passive(detect):
    assert found(detect("The hostages are being held in Gaza.")) == [("are being held", "agentless_passive")]
    assert found(detect("He's been arrested.")) == [("been arrested", "agentless_passive")]
    assert found(detect("Two of them got shot.")) == [("got shot", "agentless_passive")]


def test_particle_of_a_phrasal_verb_is_in_the_span(detect):
    [hit] = detect("He was gunned down by a sniper outside his home.")
    assert (hit.text, hit.category, hit.agent) == ("was gunned down", "passive_with_agent", "a sniper")
    [hit] = detect("He was shot up to ten times.")
    assert hit.text == "was shot"


@pytest.mark.parametrize(
    "text",
    [
        "She is interested in the talks.",
        "They were concerned about the outcome.",
        "Talks are expected to resume on Monday.",
        "The agreement is known as the JCPOA.",
        "The winner was Ahmed.",
        "The author was Reed.",
        "There were wounded people everywhere.",
        "He was born in Tehran.",
        "The protesters were unharmed.",
        "Hezbollah is Iran-backed.",
        "Those are the facts.",
    ],
)
def test_not_a_passive(detect, text):
    assert detect(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was signed by Friday.",
        "They were taken by force.",
        "She was elected by a wide margin.",
        "Three were killed, by all accounts, in the raid.",
        "The bill was approved; by then the crowd had left.",
    ],
)
def test_by_phrase_that_names_no_doer(detect, text):
    [hit] = detect(text)
    assert hit.category == "agentless_passive"
    assert hit.agent == ""


def test_no_hit_across_a_line_break_or_a_sentence_end(detect):
    assert detect("The deal was\nsigned.") == []
    assert detect("It was. Signed copies went out.") == []
    [hit] = detect("The deal was signed\nby the parties.")
    assert hit.category == "agentless_passive"


def test_offsets_exact_with_curly_quotes_and_nbsp(detect):
    text = (
        "\u201cIran\u2019s envoy,\u201d she said,\u00a0"
        "\u201cwas\u00a0reportedly shot by\u00a0Israel\u2019s army.\u201d\n"
        "\u2018Two people died,\u2019 a witness said."
    )
    hits = detect(text)
    assert found(hits) == [
        ("was\u00a0reportedly shot", "passive_with_agent"),
        ("died", "intransitive_outcome"),
    ]
    assert hits[0].agent == "Israel\u2019s army"
    assert hits[0].start == text.index("was\u00a0")
    assert hits[1].start == text.index("died")


# --------------------------------------------------------------------------------- intransitive outcome


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two people died in the clashes.", "died"),
        ("Clashes erupted near the border.", "Clashes erupted"),
        ("Violence broke out after the funeral.", "Violence broke out"),
        ("Four people lost their lives.", "lost their lives"),
        ("He succumbed to his wounds.", "succumbed"),
        ("The protest turned deadly.", "turned deadly"),
    ],
)
def test_intransitive_outcomes(detect, text, expected):
    assert found(detect(text)) == [(expected, "intransitive_outcome")]


def test_outcome_word_used_as_a_passive_is_reported_once(detect):
    assert found(detect("Two men were drowned at sea.")) == [("were drowned", "agentless_passive")]
    assert found(detect("Two men drowned at sea.")) == [("drowned", "intransitive_outcome")]


def test_rule_entries_are_not_matched_as_words(detect):
    assert detect("An agentless passive hides the doer; a passive with agent names it.") == []


def test_several_hits_in_text_order(detect):
    hits = detect("Clashes erupted. Five were wounded and two died. The area was sealed off by troops.")
    assert found(hits) == [
        ("Clashes erupted", "intransitive_outcome"),
        ("were wounded", "agentless_passive"),
        ("died", "intransitive_outcome"),
        ("was sealed off", "passive_with_agent"),
    ]
    assert [h.agent for h in hits] == ["", "", "", "troops"]
    assert [agency.is_violent(h) for h in hits] == [False, True, False, False]


def test_long_text_runs(detect):
    sentences = [
        "Three protesters were killed on Friday.",
        "He was killed by Israeli forces.",
        "Two people died in the clashes.",
        "The talks were held\u00a0in Vienna.",
        "She is interested in the talks.",
    ]
    text = " ".join(sentences[i % len(sentences)] for i in range(2000))
    hits = detect(text)
    assert len(hits) == 4 * 400
    assert sum(1 for h in hits if h.category == "passive_with_agent") == 400
    assert all(h.agent == "Israeli forces" for h in hits if h.category == "passive_with_agent")
    assert [h.start for h in hits] == sorted(h.start for h in hits)


# ------------------------------------------------------------------------------------------- lexicon


def test_agency_lexicon(lexicons):
    lex = lexicons["agency"]
    assert list(lex.categories) == ["agentless_passive", "passive_with_agent", "intransitive_outcome"]
    rules = {e.category: e for e in lex.entries if e.context == "rule"}
    assert set(rules) == {"agentless_passive", "passive_with_agent"}
    outcomes = [e for e in lex.entries if e.category == "intransitive_outcome"]
    assert len(outcomes) >= 25
    assert all(e.context != "rule" for e in outcomes)
    assert len({e.id for e in lex.entries}) == len(lex.entries)


def test_word_lists_are_consistent():
    assert {"shot", "struck", "slain", "held", "taken"} <= agency.IRREGULAR_PARTICIPLES
    assert {"killed", "shot", "wounded", "arrested", "demolished"} <= agency.VIOLENCE_PARTICIPLES
    assert not agency.ADJECTIVAL & agency.VIOLENCE_PARTICIPLES
    assert not agency.ADJECTIVAL & agency.IRREGULAR_PARTICIPLES
    # Every violence participle is recognised as a participle by the rule.
    for word in agency.VIOLENCE_PARTICIPLES:
        assert agency._is_participle(word), word


def test_no_lexicon_no_hits():
    assert agency.detect(Context(Document("He was killed."), {})) == []


def test_each_passive_has_its_own_span_explanation_and_doer(detect, lexicons):
    # Passive hits are copies of one hit per rule: nothing of one passive may leak into the next.
    from framing.indicators.context import make_hit

    text = "He was killed by Israeli forces. The road was closed. She was arrested by police. Two were wounded."
    hits = detect(text)
    assert [(h.text, h.category, h.agent) for h in hits] == [
        ("was killed", "passive_with_agent", "Israeli forces"),
        ("was closed", "agentless_passive", ""),
        ("was arrested", "passive_with_agent", "police"),
        ("were wounded", "agentless_passive", ""),
    ]
    lex = lexicons["agency"]
    rules = {e.category: e for e in lex.entries if e.context == "rule"}
    fresh = [make_hit("agency", lex, rules[h.category], Document(text), h.start, h.end) for h in hits]
    assert hits == [f._replace(explain=h.explain, agent=h.agent) for f, h in zip(fresh, hits)]
    assert [h.explain for h in hits] == [
        f"{agency.VIOLENT_DOER}{fresh[0].explain} Doer named: Israeli forces.",
        fresh[1].explain,
        f"{agency.VIOLENT_DOER}{fresh[2].explain} Doer named: police.",
        f"{agency.VIOLENT_NO_DOER}{fresh[3].explain}",
    ]
