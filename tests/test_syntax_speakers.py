"""Who says what, from the parse: one invented sentence for each class of error found on real news."""

from __future__ import annotations

import pytest

from framing import Article
from framing.analysis.article import Analyzer

pytestmark = pytest.mark.skipif(
    __import__("framing.text.parser", fromlist=["load"]).load() is None, reason="the spaCy model is not installed"
)


def run(text: str):
    return Analyzer().analyze(Article(text=text))


def speakers(text: str, kind: str | None = None) -> list[str]:
    return [q.speaker for q in run(text).quotes if kind is None or q.kind == kind]


def cues(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.entry_id) for h in run(text).hits if h.family == "attribution"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # apposition, either way round
        ('"We are close," Lena Vos, the port authority spokeswoman, said.', "Lena Vos"),
        ('"We are close," the port authority spokeswoman, Lena Vos, said on Monday.', "Lena Vos"),
        # "according to X"
        ('According to Karim Dahl, the harbour plan is "dead in the water."', "Karim Dahl"),
        # inverted "said X", titles off the name
        ('"The water came at night," said Harbour Master Pieter Grann.', "Pieter Grann"),
        ('"The water came at night," added a Tarrin city councillor.', "Tarrin city councillor"),
        # a name joined by a hyphen, and a person after "Minister of ..."
        ('"We will rebuild," said Israeli Minister of Public Security Omar Bar-Lev.', "Omar Bar-Lev"),
        # a quotation ending in "!" or "?" reaches the next sentence's speaker
        ('"All the way to the coast!" Dawson shouted, waving a flag.', "Dawson"),
        ('"Will the port close? It must not!" the deputy mayor, Ana Ruiz, tweeted on Sunday.', "Ana Ruiz"),
        # an email or statement speaks for the one who sent it
        ('A fundraising email sent out by Marta Lind on Tuesday warned: "The fight is not over yet."', "Marta Lind"),
        # a word inside a quotation is never the speaker ("nothing" is the subject of the quote)
        ('"If she wins, nothing you can do," Karim Dahl said before adding: "Maybe there is."', "Karim Dahl"),
    ],
)
def test_the_speaker_of_a_quotation(text: str, who: str) -> None:
    assert speakers(text)[0] == who


def test_datelines_months_and_adverbs_are_never_speakers() -> None:
    text = (
        'TARRIN - "The port will reopen," the harbour office said on Monday.\n\n'
        'Subsequently, "repairs will take a month," Ana Ruiz told reporters in August.'
    )
    found = speakers(text)
    assert found[:2] == ["harbour office", "Ana Ruiz"]
    assert not {"TARRIN", "Subsequently", "August", "Monday"} & set(found)


def test_he_and_the_minister_go_to_the_person_named_before() -> None:
    text = (
        "Port Minister Lena Vos visited the docks on Friday.\n\n"
        '"We will not close," the minister said.\n\n'
        'Opposition leader Karim Dahl disagreed. "It is a disaster," he said.'
    )
    assert speakers(text, "direct") == ["Lena Vos", "Karim Dahl"]


def test_a_link_line_is_not_a_mention_for_he() -> None:
    text = (
        'Ana Ruiz stated that "the talks made modest progress."\n\n'
        "Read more: Lena Vos unveils a new aid package\n\n"
        '"That will not last," he cautioned.'
    )
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]


def test_a_quotation_carried_into_the_next_paragraph_keeps_its_speaker() -> None:
    text = (
        '"The harbour is full and the ships keep coming," said Ana Ruiz, the harbour master.\n\n'
        '"We have asked the ministry for help three times this month."\n\n'
        "The ministry did not reply."
    )
    assert speakers(text, "direct") == ["Ana Ruiz", "Ana Ruiz"]


def test_a_credit_after_a_dash_and_a_name_before_a_colon() -> None:
    text = (
        '"The harbour will be rebuilt within a year."\n\n- Ana Ruiz.\n\n'
        'Pollsters agree - Karim Dahl: "The vote is close."'
    )
    assert speakers(text, "direct") == ["Ana Ruiz", "Karim Dahl"]
    assert {"attr.dash_credit", "attr.colon_credit"} <= {e for _, e in cues(text)}


def test_a_partial_quote_is_the_speakers_not_a_scare_quote() -> None:
    an = run('Karim Dahl called the harbour plan "a disaster" on Friday.')
    assert not [h for h in an.hits if h.family == "scare_quotes"]
    assert [(q.kind, q.speaker) for q in an.quotes] == [("partial", "Karim Dahl")]


def test_quoted_words_the_verb_acts_on_stay_scare_quotes() -> None:
    an = run("Critics mocked the \u201cpeace plan\u201d on Friday.")
    assert [h.text for h in an.hits if h.family == "scare_quotes"] == ["\u201cpeace plan\u201d"]


@pytest.mark.parametrize(
    ("text", "verb", "entry"),
    [
        ("Araghchi told state media that the talks would go on.", "told", "attr.tell"),
        ('The minister wrote on X: "We will not bow."', "wrote", "attr.write"),
        ('Dahl called the plan "the worst deal ever made."', "called", "attr.call_it"),
        ('"We will win," Pence riffed.', "riffed", "attr.parsed_verb"),
        (
            'Vos described the plan, in a long interview on Sunday, as "a disaster for everyone."',
            "described",
            "attr.describe",
        ),
    ],
)
def test_reporting_verbs_are_found(text: str, verb: str, entry: str) -> None:
    assert (verb, entry) in cues(text)


def test_not_a_report_after_to_or_can() -> None:
    found = cues('"We will pursue other options," Vos declared, declining to disclose what those "options" were.')
    assert ("disclose", "attr.disclose") not in found and "disclose" not in [t for t, _ in found]


@pytest.mark.parametrize(
    ("text", "who", "clause"),
    [
        (
            "Soldiers killed four people on Tuesday, the port health office said, including two teenagers.",
            "port health office",
            "Soldiers killed four people",
        ),
        (
            "According to the harbour office, the raid was carried out by a special unit.",
            "harbour office",
            "the raid was carried out",
        ),
        ('Vos said an agreement was possible if the union was "serious".', "Vos", "an agreement was possible"),
        (
            "The ministry claimed that the strike was illegal, accusing the union of sabotage at the docks.",
            "ministry",
            "the union of sabotage",
        ),
    ],
)
def test_reported_speech_without_quotation_marks(text: str, who: str, clause: str) -> None:
    indirect = [(q.speaker, q.text) for q in run(text).quotes if q.kind == "indirect"]
    assert any(s == who and t.startswith(clause) for s, t in indirect), indirect


# --- errors found judging real coverage (docs/VALIDITY.md), in invented sentences -------------------------


def _family(text: str, family: str) -> list[str]:
    return [h.text for h in run(text).hits if h.family == family]


def test_a_place_name_that_begins_a_groups_name_is_not_a_label() -> None:
    assert _family("Rami Sayed, a commander of the al-Quds Brigades, was killed.", "labels") == ["killed"]
    assert _family("The leader of Saraya al-Quds spoke on Friday.", "labels") == []
    assert _family("Worshippers prayed in al-Quds on Friday.", "labels") == ["al-Quds"]


def test_technical_terms_and_names_given_are_not_loaded_words_or_reports() -> None:
    assert _family("The navy will strike all hostile targets at sea.", "loaded_language") == []
    assert _family("The hostile regime threatened the port.", "loaded_language") == ["hostile"]
    assert _family("The army began an operation, dubbed 'Iron Tide,' on Monday.", "attribution") == []
    assert _family("A truce was declared and took effect at midnight.", "attribution") == []
    assert _family("The army has declared a 'special situation' in the south.", "attribution") == []
    assert _family("As the siege continues its third week, the port is empty.", "attribution") == []


def indirect(text: str) -> list[tuple[str, str]]:
    """(speaker, the clause's first words) of each reported clause without quotation marks."""
    a = run(text)
    return [(q.speaker, text[q.start : q.end][:20]) for q in a.quotes if q.kind in ("indirect", "headline")]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a quotation no verb introduces belongs to the subject of its sentence
        ('Mayor Tomas Reyes accused the council of being "asleep at the wheel" on the floods.', "Tomas Reyes"),
        ('Marta Lind\'s letter makes a blunt case: "The harbour must stay public."', "Marta Lind"),
    ],
)
def test_a_quotation_without_a_verb_belongs_to_its_sentence_subject(text: str, who: str) -> None:
    assert speakers(text)[0] == who


def test_a_sentence_that_is_all_quotation_gets_no_subject_speaker() -> None:
    assert speakers('"The harbour must stay public."') == [""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speech verbs without "that", a colon or a quotation: the parse shows the clause they report
        (
            "A statement by the Harbour Authority on Monday confirmed the ferries will resume on May 2.",
            [("Harbour Authority", "the ferries will res")],
        ),
        # "the statement added": the statement named before, and who issued it
        (
            "The ferries will resume on May 2, the Harbour Authority said in a statement.\n\n"
            "The first crossing would be led by Captain Ana Ruiz, the statement added.",
            [("Harbour Authority", "The ferries will res"), ("Harbour Authority", "The first crossing w")],
        ),
        (
            "Two men were killed, the health ministry said, adding at least forty others were hurt.",
            [("health ministry", "Two men were killed"), ("health ministry", "at least forty other")],
        ),
        # a dateline before a clause-final source
        (
            "Tarrin: Repairs to the dam will take a month, the council said on Monday.",
            [("council", "Repairs to the dam w")],
        ),
        # a headline ending in its source's acronym
        ("Ferries to resume May 2 on the northern route: EU\n\nThe EU said so.", [("EU", "Ferries to resume Ma")]),
        # "US" is the country, not the pronoun "us"
        ("The US said it could reach a deal quickly.", [("US", "it could reach a dea")]),
        # "according to" a version, account or figures: the one who gave it
        (
            "According to the account given by the Tarrin police, the men fled to the coast.",
            [("Tarrin police", "the men fled to the ")],
        ),
    ],
)
def test_reported_speech_and_its_source(text: str, expected: list[tuple[str, str]]) -> None:
    assert indirect(text) == expected


def test_not_clauses_of_speech() -> None:
    text = "Officials can confirm the plant is closed. The army added three brigades to the force."
    assert indirect(text) == []
    assert cues(text) == []


def test_he_after_an_unnamed_officer_is_the_officer() -> None:
    """'A senior officer said ... He said ...': not a person merely named in between."""
    text = (
        "A senior army officer said the forces acted on intelligence from Rana Bet, a local informant. "
        "He said the raid lasted some three hours."
    )
    assert [w for w, _ in indirect(text)] == ["senior army officer", "senior army officer"]


def test_he_is_never_a_country_named_as_speaker() -> None:
    text = (
        "The United States said an agreement was possible.\n\n"
        "In Tarrin, Deputy Foreign Minister Omar Haddad, the lead negotiator, confirmed the date. "
        "He tweeted that the date had been set in a phone call."
    )
    assert indirect(text)[-1][0] == "Omar Haddad"


def test_a_phrase_ends_with_what_names_a_thing() -> None:
    text = "The Palestinian side at first denied his death, claiming that he was taken to a hospital."
    assert indirect(text) == [("Palestinian side", "he was taken to a ho")]


@pytest.mark.parametrize(
    ("text", "who", "cue"),
    [
        # a name alone before a colon, as in a transcript or a news digest
        (
            'Pollsters agree - Ana Ruiz: "The biggest lesson was a simple one: keep calling voters."',
            "Ana Ruiz",
            ("attr.colon_credit", ":"),
        ),
        (
            'What it means - More from Dahl: "The state is a starting point, not an end."',
            "Dahl",
            ("attr.colon_credit", ":"),
        ),
        # a digest's credit in brackets after the quotation
        (
            'Harbour news. "The port will reopen on Monday after the storm." [Tarrin Post.]',
            "Tarrin Post",
            ("attr.bracket_credit", "[Tarrin Post.]"),
        ),
        # a naming participle with an object reports words
        ('Perez hammered Dahl, calling him a "train wreck" and went on.', "Perez", ("attr.call_it", "calling")),
        (
            'A friend referred to him as "the kindest soul I ever met" in a post.',
            "friend",
            ("attr.refer_to", "referred"),
        ),
        # "as X put it", and thanks given for words quoted
        ('As the Washington Post put it, "The harbour is a mess."', "Washington Post", ("attr.parsed_verb", "put")),
        ('Ruiz thanked the council for "taking these steps to keep us safe."', "Ruiz", ("attr.parsed_verb", "thanked")),
        # what a report or a poll found
        (
            'A harbour authority report found "no evidence of a leak."',
            "harbour authority report",
            ("attr.parsed_verb", "found"),
        ),
    ],
)
def test_credits_and_naming_verbs(text: str, who: str, cue: tuple[str, str]) -> None:
    assert speakers(text)[0] == who
    assert (cue[1], cue[0]) in cues(text)


def test_a_name_after_about_is_not_a_colon_credit() -> None:
    text = 'Williams added about Carson: "He is a good man."'
    assert speakers(text) == ["Williams"]
    assert ("attr.colon_credit") not in {e for _, e in cues(text)}


@pytest.mark.parametrize(
    "text",
    [
        'LONDON (AP) — Mayor Tomas Reyes said on Monday that the harbour "will not close."',
        'TARRIN, May 2 (UPI) — Mayor Tomas Reyes said the harbour "will not close."',
        'TARRIN-Mayor Tomas Reyes said the harbour "will not close."',
    ],
)
def test_a_dateline_is_never_the_subject(text: str) -> None:
    assert set(speakers(text)) == {"Tomas Reyes"}


def test_a_thing_is_not_the_speaker_of_a_quotation_in_its_sentence() -> None:
    """'The timing of the surge does not surprise X: "..."': no one speaks through the timing."""
    found = speakers('The timing of the surge does not surprise the pollster: "Lesser-known candidates often win."')
    assert "timing" not in " ".join(found) and "timing of the surge" not in found


def test_a_title_alone_is_the_one_person_named_with_it() -> None:
    deck = 'Ferries to resume\n\n"The port will reopen soon," says Harbour Authority spokesman.\n\n'
    one = deck + 'Harbour Authority spokesman Ana Ruiz said the work "is nearly done."'
    assert set(speakers(one)) == {"Ana Ruiz"}
    other = one + '\n\nCity spokesman Karim Dahl said the city "will pay its share."'
    assert speakers(other)[0] == "Ana Ruiz"  # the city's spokesman is not the Harbour Authority's
    two = one + '\n\nHarbour Authority spokesman John Miller said the fees "will not rise."'
    assert speakers(two)[0] == "Harbour Authority spokesman"  # two of them: which one is not said


def test_what_someone_found_is_no_report() -> None:
    assert "attr.parsed_verb" not in {e for _, e in cues('The police found "a large bag" in the car.')}


def test_a_word_inside_a_name_is_no_reporting_verb() -> None:
    """'Post' of 'the Tarrin Post' is the paper's name, not the verb 'post'."""
    found = cues('As the Tarrin Post put it, "The harbour is a mess."')
    assert "attr.post" not in {e for _, e in found}
