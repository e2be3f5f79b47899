"""Who says what, from the parse: one invented sentence for each class of error found on real news."""

from __future__ import annotations

import pytest

from framing import Article
from framing.analyze import Analyzer

pytestmark = pytest.mark.skipif(
    __import__("framing.parser", fromlist=["load"]).load() is None, reason="the spaCy model is not installed"
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


def test_going_on_with_an_object_reports_nothing() -> None:
    text = 'The army continued its raids on Tuesday and pressed the button. "We will not stop," the commander said.'
    found = run(text)
    assert [h.text for h in found.hits if h.family == "attribution"] == ["said"]


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


def test_heres_name_is_the_name() -> None:
    text = "Here\u2019s Karim Dahl in December 1992: \u201cOur new direction must rest on the new realities.\u201d"
    assert speakers(text) == ["Karim Dahl"]


def test_bemoaning_a_climate_quotes_the_one_who_bemoans() -> None:
    found = run("Ruiz also bemoaned the political climate in which people \u201cliterally hate each other\u201d now.")
    assert [(q.kind, q.speaker) for q in found.quotes] == [("partial", "Ruiz")]
    assert [(h.text, h.entry_id) for h in found.hits if h.family == "attribution"] == [("bemoaned", "attr.bemoan")]
    assert not [h for h in found.hits if h.family == "scare_quotes"]


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


def test_continued_name_colon_and_a_format_mark_before_a_misturned_mark() -> None:
    text = "\u201cThe port is fine.\u201d\n\nContinued Lind: \u201cSo I think it is a real problem.\u201d"
    assert speakers(text, "direct")[-1] == "Lind"
    found = run("\u202a\u201dSorry Ana, you should have said no!!\u201d posted Okafor.")
    assert [q.text[:5] for q in found.quotes] == ["Sorry"]


def test_naming_verb_after_a_name_as_written() -> None:
    # the word before is checked as written: a name ("Dahl called"), not a common noun ("a raid called")
    assert [h.text for h in run('Later, Dahl called the plan "a disgrace."').hits if h.family == "attribution"] == [
        "called"
    ]
    assert not [
        h for h in run("A Raid Called \u201cOperation Shield\u201d Begins\n\nText.").hits if h.family == "attribution"
    ]


def test_which_it_said_is_reported_speech() -> None:
    text = (
        "The Tarrin Harbour Office said in a statement early on Thursday that it was operating in Tarrin, it later"
        " provided more details about the operation, which it said was carried out following targeted intelligence"
        " information from the coast guard."
    )
    clauses = [q.text for q in run(text).quotes if q.kind == "indirect"]
    assert any("carried out" in c for c in clauses)


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
