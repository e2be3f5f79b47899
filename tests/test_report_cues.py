"""Reporting verbs and credits (the attribution hits) the word pass missed and the parse finds: one
invented sentence per class found on PolNeAR train, and the look-alikes that must stay no report.
"""

from __future__ import annotations

import pytest

from framing import Article
from framing.analysis.article import Analyzer

pytestmark = pytest.mark.skipif(
    __import__("framing.text.parser", fromlist=["load"]).load() is None, reason="the spaCy model is not installed"
)


def run(text: str):
    return Analyzer().analyze(Article(text=text))


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a finite "called" the parse read as a participle describing the name before it
        ("Okafor, a Lind ally, called Tarrin’s standards “strong.”", "Okafor"),
        (
            "Marta Lind, who served as Karim Dahl's chief strategist during the 2012 campaign, called Ruiz's"
            ' statements and actions on Sunday "childish."',
            "Marta Lind",
        ),
    ],
)
def test_called_it_a_word_is_a_report_even_when_misparsed(text: str, who: str) -> None:
    found = run(text)
    assert [q.speaker for q in found.quotes] == [who]
    assert ("called", "attr.call_it") in [(h.text, h.entry_id) for h in found.hits if h.family == "attribution"]


def test_a_name_given_after_called_is_no_report() -> None:
    found = run('The army launched a raid called "Operation Shield" at dawn.')
    assert not [h for h in found.hits if h.family == "attribution"]


def test_going_on_with_an_object_reports_nothing() -> None:
    text = 'The army continued its raids on Tuesday and pressed the button. "We will not stop," the commander said.'
    found = run(text)
    assert [h.text for h in found.hits if h.family == "attribution"] == ["said"]


@pytest.mark.parametrize(
    ("text", "who", "cue"),
    [
        # "called" read as a participle right after its subject, in a sentence with no other verb
        (
            "Dahl\u2019s campaign called the Courier\u2019s report a \u201crush to judgment,\u201d as votes change.",
            "Dahl\u2019s campaign",
            "called",
        ),
        # "as X put it", the name long enough to push "as" far back
        (
            'As The Courier\'s Lena Vos puts it, "Tarrin officials are unmoved, and the harbour is uninspired."',
            "Lena Vos",
            "puts",
        ),
        (
            'As Karim Dahl, the No. 2 in the harbour office, put it: "This plan will not pass. There is no reason."',
            "Karim Dahl",
            "put",
        ),
        # "called" joined to a verb that has the subject
        (
            "Okafor took the stage Tuesday at the Grand Hotel in Tarrin and called the port system \u201crotten.\u201d",
            "Okafor",
            "called",
        ),
    ],
)
def test_naming_and_putting_it_are_reports(text: str, who: str, cue: str) -> None:
    found = run(text)
    assert found.quotes[0].speaker == who
    assert cue in [h.text for h in found.hits if h.family == "attribution"]


def test_a_horizontal_bar_credits_a_quotation_like_a_dash() -> None:
    text = (
        "\u201cThe harbour plan is a disgrace. It will ruin the town.\u201d \u2015 Lena Vos\n"
        "\u201cThe mayor does not know our streets.\u201d\u2015 Karim Dahl \n"
        "\u201cHow did we get this low?\u201d \u2015 Ana Ruiz."
    )
    found = run(text)
    assert [q.speaker for q in found.quotes] == ["Lena Vos", "Karim Dahl", "Ana Ruiz"]
    assert [h.text for h in found.hits if h.family == "attribution"] == ["\u2015"] * 3


def test_a_colon_opening_a_quotation_is_its_cue() -> None:
    for text in (
        'Not all harbour plans are equal. From the report: "In general, plans with more care are better."',
        'Wait, it gets better:\n\n"By law, the mayor every year sets the maximum number of boats."',
    ):
        hits = [h for h in run(text).hits if h.family == "attribution"]
        assert [(h.text, h.entry_id) for h in hits] == [(":", "attr.colon_lead")]
    # not a colon inside the sentence's own words, nor one that a verb already reports
    hits = run('Dahl said: "We are ready."').hits
    assert [(h.text, h.entry_id) for h in hits if h.family == "attribution"] == [("said", "attr.say")]


def test_bemoaning_a_climate_quotes_the_one_who_bemoans() -> None:
    found = run("Ruiz also bemoaned the political climate in which people \u201cliterally hate each other\u201d now.")
    assert [(q.kind, q.speaker) for q in found.quotes] == [("partial", "Ruiz")]
    assert [(h.text, h.entry_id) for h in found.hits if h.family == "attribution"] == [("bemoaned", "attr.bemoan")]
    assert not [h for h in found.hits if h.family == "scare_quotes"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a report set between commas inside the sentence it reports
        ("The move, Grann explained, was the result of three years of work.", "explained"),
        ("And in those last nights, Ruiz wrote, she began saying a prayer to herself.", "wrote"),
        # a finding reported with "that", whoever found it
        ('In 2014, Pew found that "about twice as many harbour workers wanted to stay."', "found"),
        (
            "Two harbour analysts, Lena Vos and Karim Dahl, found in 2014 that the Tarrin fleet is"
            " \u201cthe best in the world\u201d and growing.",
            "found",
        ),
    ],
)
def test_reports_the_word_pass_missed(text: str, cue: str) -> None:
    assert cue in [h.text for h in run(text).hits if h.family == "attribution"]


def test_what_the_police_found_is_no_report() -> None:
    assert not [h for h in run('The police found "a bag" near the door.').hits if h.family == "attribution"]


def test_in_someones_words() -> None:
    found = run(
        "The fair was held in Tarrin because, in Vos\u2019 words, \u201cit is the liveliest port on the coast.\u201d"
    )
    assert [q.speaker for q in found.quotes] == ["Vos"]
    assert [(h.text, h.entry_id) for h in found.hits if h.family == "attribution"] == [
        ("in Vos\u2019 words", "attr.in_words")
    ]
    # the lexicon's own phrase is not doubled
    found = run('In the words of Karim Dahl: "The harbour is the heart of the town."')
    assert [h.entry_id for h in found.hits if h.family == "attribution"] == ["attr.in_the_words_of"]


def test_a_name_that_is_also_a_modal() -> None:
    found = run("\u201cThis might hasten the eclipse of the harbour plan,\u201d Will wrote.")
    assert [h.text for h in found.hits if h.family == "attribution"] == ["wrote"]
    found = run("Will say \u201cno\u201d to the plan.\n\nWhat we will say \u201cmatters.\u201d")
    assert not [h for h in found.hits if h.family == "attribution"]


def test_a_name_and_colon_win_over_a_verb_after_the_quotation() -> None:
    text = (
        "HARBOUR POLLS NOT WRONG, JUST EARLY - Lena Vos and Karim Dahl: \u201cAlthough the polls failed to predict"
        " the vote, it was not their fault.\u201d The polls were right in predicting a close race."
    )
    found = run(text)
    assert [q.speaker for q in found.quotes] == ["Karim Dahl"]
    assert [h.text for h in found.hits if h.family == "attribution"] == [":"]


def test_a_report_joined_to_a_negated_verb() -> None:
    text = (
        "Ruiz, who was speaking to the harbour board, did not mention Dahl by name, but told city leaders that the"
        " port should be run by those \u201cwho put the town first.\u201d"
    )
    found = run(text)
    assert [h.text for h in found.hits if h.family == "attribution"] == ["told"]
    assert {(q.speaker, q.verb) for q in found.quotes} == {("Ruiz", "told")}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a verb of speech after a quotation, read as a participle describing the name before it
        (
            "\u201cNot us, but we can\u2019t argue with it!\u201d Okafor, the head of Tarrin Rising, Tweeted.",
            "Tweeted",
        ),
        # a year between the verb and "that"
        ("Lena Vos, a harbour pilot, recalled in 2008 that before the storm, the port was quiet.", "recalled"),
        (
            'Dahl called the vote "a harbour election" and likened it to campaigns where people had to "stand up."',
            "likened",
        ),
        (
            "Dr. Ana Ruiz pondered who, without the port, might \u201cspeak for the fishermen in this season.\u201d",
            "pondered",
        ),
    ],
)
def test_more_reports(text: str, cue: str) -> None:
    assert cue in [h.text for h in run(text).hits if h.family == "attribution"]


def test_a_report_above_an_infinitive_of_speech() -> None:
    text = (
        "Angry at the mayor, Dahl explained the council\u2019s refusal to call the flood a result of"
        " \u201cgross neglect.\u201d"
    )
    found = run(text)
    assert [(q.speaker, q.verb) for q in found.quotes] == [("Dahl", "explained")]
    assert [h.text for h in found.hits if h.family == "attribution"] == ["explained"]


def test_quoted_someone_as_saying() -> None:
    found = run("An early post quoted the mayor as saying \u201cwe need to do something about the harbour.\u201d")
    assert [q.speaker for q in found.quotes] == ["mayor"]
    assert "quoted" in [h.text for h in found.hits if h.family == "attribution"]


def test_one_lawmaker_called_someone_a_name() -> None:
    text = 'The plan prompted a debate in the council; one lawmaker called Dahl "the orange prince of the harbour."'
    found = run(text)
    assert [q.speaker for q in found.quotes] == ["one lawmaker"]
    assert [h.text for h in found.hits if h.family == "attribution"] == ["called"]


def test_continued_his_remarks_then_a_quotation() -> None:
    text = (
        "Okafor continued his scathing remarks.\n\n"
        "\u201cEight years ago she was the favourite.\u201d\n\n"
        "Ruiz told the Tarrin Courier, the port is safe."
    )
    found = run(text)
    assert [q.speaker for q in found.quotes if q.kind == "direct"] == ["Okafor"]
    assert {"continued", "told"} <= {h.text for h in found.hits if h.family == "attribution"}
    assert not [h for h in run("Israel continued its raids on the camp.").hits if h.family == "attribution"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a source named at the end of the sentence it reports
        (
            "Ruiz noted that the port is \u201ccentral\u201d to the plan this year, reported the Tarrin Courier.",
            "reported",
        ),
        ("Several students waved flags at the rival team, the Velmora Tribune reports. Footage shows it.", "reports"),
        # '"...!" the nominee, Name, tweeted': read as a participle of the noun before the name
        (
            '"He should resign in disgrace!" the presumptive harbour nominee, Karim Dahl, tweeted Sunday after the'
            " flood.",
            "tweeted",
        ),
    ],
)
def test_sources_at_the_end_and_after_an_apposition(text: str, cue: str) -> None:
    assert cue in [h.text for h in run(text).hits if h.family == "attribution"]


def test_a_lowercase_noun_at_the_end_is_no_source() -> None:
    found = run("The ministry said many were hurt, the army reports.")
    assert [h.text for h in found.hits if h.family == "attribution"] == ["said"]


def test_naming_verb_after_a_name_as_written() -> None:
    # the word before is checked as written: a name ("Dahl called"), not a common noun ("a raid called")
    assert [h.text for h in run('Later, Dahl called the plan "a disgrace."').hits if h.family == "attribution"] == [
        "called"
    ]
    assert not [
        h for h in run("A Raid Called \u201cOperation Shield\u201d Begins\n\nText.").hits if h.family == "attribution"
    ]


def test_a_colon_before_a_block_quotation_with_its_own_verb() -> None:
    text = (
        "The harbour office was refusing to call the flood a disaster:\n\n"
        '"The office is still reluctant to call it a disaster. \u201cWe will not talk about it,\u201d Okafor said."'
    )
    assert [h.text for h in run(text).hits if h.family == "attribution"] == [":", "said"]
    # not doubled after a verb that ends the lead
    assert [h.text for h in run('Dahl said:\n\n"We are ready."').hits if h.family == "attribution"] == ["said"]


def test_started_to_portray_is_a_report_refused_to_call_is_not() -> None:
    found = run("Long before, harbour officials started to portray the flood as a \u201cweather\u201d issue.")
    assert [h.text for h in found.hits if h.family == "attribution"] == ["portray"]
    assert not [h for h in run('She refused to call it "sabotage."').hits if h.family == "attribution"]


def test_a_credit_line_closing_a_block_quotation() -> None:
    text = '"We will enter the next storm without a plan for the harbour.\nLena Vos, Tarrin Harbour Institute."'
    found = run(text)
    assert found.quotes[0].speaker == "Lena Vos"
    assert [h.entry_id for h in found.hits if h.family == "attribution"] == ["attr.credit_line"]
    assert not [h for h in run('"The port is closed.\nTomorrow, We Open."').hits if h.family == "attribution"]


def test_a_colon_after_had_this_to_say() -> None:
    text = 'A paper from the Tarrin Institute had this to say about the harbour plan: "Families at the top gain most."'
    assert [h.text for h in run(text).hits if h.family == "attribution"] == [":"]
    assert not [h for h in run('He declined to say "why" he left.').hits if h.family == "attribution"]


@pytest.mark.parametrize(
    ("text", "who", "cue"),
    [
        # a verb of any kind tagging a quotation that ends in "!", inverted or not
        ('"What a night, the best of my whole life!" beamed Rena Holt of Dayton, Ohio.', "Rena Holt", "beamed"),
        ('"What a night, the best of my whole life!" Rena Holt beamed.', "Rena Holt", "beamed"),
        # after a comma, the name read as part of the verb ("Okafor barked" as one noun phrase)
        (
            '"Sit down and wait until you are called on, sir," Okafor barked and an usher led Dahl out.',
            "Okafor",
            "barked",
        ),
    ],
)
def test_a_verb_of_any_kind_tagging_a_quotation(text: str, who: str, cue: str) -> None:
    found = run(text)
    assert [(q.speaker, q.verb) for q in found.quotes] == [(who, cue)]
    assert cue in [h.text for h in found.hits if h.family == "attribution"]


@pytest.mark.parametrize(
    "text",
    [
        # what follows does something else: a move somewhere, a thing acted on, a group
        '"Stop the count, stop it now, we have won this!" Okafor ran to the doors.',
        '"Why would anyone vote for a man like that in this state?" Voters in Ohio rejected him.',
        '"Stop the count, stop it now, we have won this!" The crowd left.',
    ],
)
def test_a_sentence_after_a_quotation_that_is_no_tag(text: str) -> None:
    found = run(text)
    assert not [h for h in found.hits if h.family == "attribution"]


@pytest.mark.parametrize(
    ("text", "who", "cue"),
    [
        # a verb that passes on how someone sees a thing, the quotation after its "as"
        ('Okafor defended his aide as a "very decent man" on Tuesday.', "Okafor", "defended"),
        ('Lind heralded the deal with Tarrin as a "breakthrough."', "Lind", "heralded"),
        ('Okafor later defended his remarks as being "sarcastic."', "Okafor", "defended"),
        ('The campaign rejected the offer as "ludicrous" on Monday.', "campaign", "rejected"),
    ],
)
def test_a_verb_characterizing_something_as_a_quotation(text: str, who: str, cue: str) -> None:
    found = run(text)
    assert [(q.speaker, q.verb) for q in found.quotes] == [(who, cue)]
    assert [h.text for h in found.hits if h.family == "attribution"] == [cue]


@pytest.mark.parametrize(
    "text",
    [
        # the quotation is the thing acted on, not what it is seen as; or nobody is named as seeing it
        'He defended the "reform" in court.',
        'The storm cast a "shadow" over the vote.',
        'The law was seen as a "disaster" by 2020.',
        'A plan billed as "bold" failed in May.',
        'He served as "acting director" until May.',
    ],
)
def test_as_with_no_one_characterizing_is_no_report(text: str) -> None:
    assert not [h for h in run(text).hits if h.family == "attribution"]


@pytest.mark.parametrize(
    ("text", "who", "cue"),
    [
        # a verb of any kind whose "that" clause holds the quotation: someone's words or view passed on
        ('Lind sniped that Dahl, a first-time mayor, was "learning on the job."', "Lind", "sniped"),
        ('His campaign protested that Lind aides were being "disingenuous" all week.', "His campaign", "protested"),
        (
            "A federal judge determined that the agency\u2019s handling of the files created \u201ca reasonable"
            " suspicion.\u201d",
            "federal judge",
            "determined",
        ),
    ],
)
def test_a_verb_passing_on_a_that_clause_with_a_quotation(text: str, who: str, cue: str) -> None:
    found = run(text)
    assert (who, cue) in [(q.speaker, q.verb) for q in found.quotes]
    assert [h.text for h in found.hits if h.family == "attribution"] == [cue]


@pytest.mark.parametrize(
    "text",
    [
        # a rule, a knowing, an "it": no one's words passed on
        'The rules require that every member be "present" for the vote.',
        'She knows that the "deal" is dead.',
        'It seems that the "reform" has failed.',
        'The board made sure that the "new" plan was ready.',
    ],
)
def test_a_that_clause_that_passes_on_nothing(text: str) -> None:
    assert not [h for h in run(text).hits if h.family == "attribution"]
