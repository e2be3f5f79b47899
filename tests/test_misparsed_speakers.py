"""Speakers where the small English model's parse hides them (a subject hung on the wrong word, a name
tagged as an adverb or a date, quotation marks glued or misturned): one invented sentence per class
found on PolNeAR train.
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


def speakers(text: str, kind: str | None = None) -> list[str]:
    return [q.speaker for q in run(text).quotes if kind is None or q.kind == kind]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the parse hangs the name inside the quotation and leaves "said" without a subject
        (
            'The harbour is quiet. "It is not the position that everything is hunky-dory," Lena Vos, a top outside'
            " Ruiz adviser, said at a recent Courier event on the harbour in Tarrin.",
            "Lena Vos",
        ),
        # the name in an opening phrase: "In a statement to the Courier, her adviser, Karim Dahl, said:"
        (
            'In a statement to the Courier, her chief policy adviser, Karim Dahl, said: "Ana Ruiz believes in it."',
            "Karim Dahl",
        ),
        # "Of X, Levine, who ..., said": the one the relative clause describes, not the name inside it
        ('Of the mayor, Levine, who has given money to Ana Ruiz, said, "She is a wonderful woman."', "Levine"),
        # a quotation mark glued to the name after it
        ('"The port will be fine,"Dahl said. "Nobody doubts it."', "Dahl"),
        ('Ruiz said,"Look, the water is rising everywhere."', "Ruiz"),
    ],
)
def test_a_speaker_the_parse_left_without_a_subject(text: str, who: str) -> None:
    assert speakers(text)[0] == who


def test_he_is_not_a_person_named_inside_the_quotation() -> None:
    text = "Okafor, a Lind ally, called Tarrin’s standards “strong.”\n\n“It started with Gov. Ruiz,” he said."
    assert "Ruiz" not in speakers(text)


@pytest.mark.parametrize(
    ("text", "who", "verb"),
    [
        ('Ruiz continued: "When the port opened, the town was quiet."', "Ruiz", "continued"),
        ('"Would it close for a month?" Dahl pressed. "Or for good?"', "Dahl", "pressed"),
        ('"You know, it happens, right?" Okafor went on, as if he had not heard her.', "Okafor", "went"),
        ('"It is a lie," Lind fired back.', "Lind", "fired"),
        # an opening curly mark typed where the closing one belongs
        (
            "\u201cThe water is rising, and that is new for the harbour,\u201c said Pieter Grann, a harbour pilot.",
            "Pieter Grann",
            "said",
        ),
    ],
)
def test_verbs_that_report_only_standing_alone(text: str, who: str, verb: str) -> None:
    q = run(text).quotes[0]
    assert (q.speaker, q.verb) == (who, verb)


def test_whose_answer_before_a_colon() -> None:
    assert speakers("Ruiz\u2019s response was: \u201cIs the harbour in Tarrin or in Velmora?\u201d") == ["Ruiz"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a title the parse read as a verb, between the quotation and its verb
        ('"Just saw the tweet," screenwriter Cole Brenner wrote on Twitter.', "Cole Brenner"),
        # two subjects for one verb: the nearest, and a party label in brackets is no speaker
        (
            "Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican presidential"
            " primary, Gov. Karim Dahl (R-OH), said, \u201cI\u2019m getting ready to rent a covered wagon.\u201d",
            "Karim Dahl",
        ),
        # the subject of the clause a colon ends
        ('Ruiz has since apologized for what happened: "Yes, I should have used two addresses."', "Ruiz"),
        ('Karim Dahl reached the stage in Tarrin: "We will win."', "Karim Dahl"),
    ],
)
def test_more_speakers_the_parse_hides(text: str, who: str) -> None:
    assert speakers(text)[0] == who


def test_one_adviser_is_not_the_adviser_named_before() -> None:
    text = (
        '"The debate is an opportunity," says Lena Vos, a longtime adviser to the mayor.\n\n'
        '"This is eerily similar to the first debate in 2000," said one longtime adviser to the governor.'
    )
    assert speakers(text) == ["Lena Vos", "one longtime adviser"]


def test_heres_name_is_the_name() -> None:
    text = "Here\u2019s Karim Dahl in December 1992: \u201cOur new direction must rest on the new realities.\u201d"
    assert speakers(text) == ["Karim Dahl"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a name the tagger took for an adverb ("-ly")
        (
            "\u201cHaving the harbour file and two people who understand it is valuable,\u201d said Brantly, explaining"
            " he worked with Dahl.",
            "Brantly",
        ),
        # an age standing for a person, not a date
        (
            "\u201cWhat if the mayor had elocution lessons?\u201d the 43-year-old asked in the description.",
            "43-year-old",
        ),
        # "blasted" read as an adjective in a compound name, the sentence left without a verb
        (
            "In March, Okafor blasted Velmar for its \u201coutrageous practices\u201d in requiring 250 workers to"
            " train replacements.",
            "Okafor",
        ),
        # the name before a "who" the parse made the subject of what is said
        (
            'Ruiz, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about who is "prepared'
            ' to take on the port."',
            "Ruiz",
        ),
    ],
)
def test_names_the_tagger_misreads(text: str, who: str) -> None:
    assert speakers(text)[0] == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the noun phrase right before a verb the parse left without a subject
        (
            "In an interview with radio hosts Joe Varga and Mika Brenner, the Democratic harbour candidate stated"
            " that the plans do not \u201cfit with what I knew about him.\u201d",
            "Democratic harbour candidate",
        ),
        # a message sent to someone, saying: the sender speaks
        (
            'After the vote, his campaign sent out a text message to supporters saying: "We won the harbour!"',
            "his campaign",
        ),
        # "related that"
        ('The harbour pilot further related that it occurred to him: "I sensed the tide turn."', "harbour pilot"),
    ],
)
def test_speakers_of_misparsed_reports(text: str, who: str) -> None:
    assert speakers(text)[-1] == who


def test_what_is_termed_is_not_who_termed_it() -> None:
    text = 'Dahl admitted that the fees could be termed "harbour peddling," the Courier reported.'
    assert "fees" not in speakers(text)


def test_a_closing_mark_opening_a_line_and_a_no_break_space_before_the_credit() -> None:
    text = (
        "\u201cThe harbour plan is a disgrace.\u201d \u2015 Lena Vos\n"
        "\u201dFear. I am truly afraid that the mayor will win.\u201d\u00a0\u2015 Karim Dahl\n\n"
        "Getty.\n\n"
        "\u201dFortunately, the mayor is open about his plans.\u201d \u2015 Pieter Grann"
    )
    found = run(text)
    assert [q.speaker for q in found.quotes] == ["Lena Vos", "Karim Dahl", "Pieter Grann"]
    assert [q.text[:4] for q in found.quotes] == ["The ", "Fear", "Fort"]


def test_continued_name_colon_and_a_format_mark_before_a_misturned_mark() -> None:
    text = "\u201cThe port is fine.\u201d\n\nContinued Lind: \u201cSo I think it is a real problem.\u201d"
    assert speakers(text, "direct")[-1] == "Lind"
    found = run("\u202a\u201dSorry Ana, you should have said no!!\u201d posted Okafor.")
    assert [q.text[:5] for q in found.quotes] == ["Sorry"]


def test_which_it_said_is_reported_speech() -> None:
    text = (
        "The Tarrin Harbour Office said in a statement early on Thursday that it was operating in Tarrin, it later"
        " provided more details about the operation, which it said was carried out following targeted intelligence"
        " information from the coast guard."
    )
    clauses = [q.text for q in run(text).quotes if q.kind == "indirect"]
    assert any("carried out" in c for c in clauses)
