"""Indicator families on sentences written to test one rule each."""

from __future__ import annotations

import pytest

from framing import Article, analyze


def hits(text: str, family: str) -> list[tuple[str, str, bool]]:
    an = analyze(Article(text=text))
    return [(h.text, h.category, h.in_quote) for h in an.hits if h.family == family]


def words(text: str, family: str) -> list[str]:
    return [t for t, _, _ in hits(text, family)]


# --- attribution ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister claimed that the talks failed.", [("claimed", "distancing")]),
        ("The United States alleges that Iran is not serious.", [("alleges", "distancing")]),
        ("Psaki asserted that the solution lies elsewhere.", [("asserted", "emphatic")]),
        ("Price stated that progress was made.", [("stated", "neutral")]),
        ("He conceded that the result is not optimal.", [("conceded", "admission")]),
        ('"We are ready," he said.', [("said", "neutral")]),
    ],
)
def test_reporting_verbs_by_stance(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, c) for t, c, _ in hits(text, "attribution")] == expected


def test_inflections_of_one_entry_all_count() -> None:
    found = words("She claims it. They claimed it. He is claiming that it works.", "attribution")
    assert found == ["claims", "claimed", "claiming"]


def test_a_verb_in_its_other_sense_is_not_attribution() -> None:
    assert (
        words("The first round of the Vienna talks concluded on Thursday, and the delegates left.", "attribution") == []
    )
    assert words('"The security ties are deepening," he concluded.', "attribution") == ["concluded"]


def test_adjectival_participle_is_not_attribution() -> None:
    assert "alleged" not in words("The alleged plot was foiled by police.", "attribution")


def test_modal_or_infinitive_is_not_a_report() -> None:
    found = words('"What we can say is that there was progress," she said, declining to disclose more.', "attribution")
    assert found == ["said"]


def test_noun_forms_count() -> None:
    assert "claims" in words("Iran rejected the claims that it enriched uranium.", "attribution") or "claims" in words(
        "According to claims by officials, the deal is close.", "attribution"
    )
    assert "According to" in words("According to the ministry, the deal is close.", "attribution")


# --- scare quotes ---------------------------------------------------------------------------------


def test_unattributed_short_quote_is_a_scare_quote() -> None:
    assert words('Meanwhile, "Israel" is growing more anxious about the talks.', "scare_quotes") == ['"Israel"']


def test_partial_quote_after_a_reporting_verb_is_not() -> None:
    text = 'Blinken cited Friday Iran\'s "lack of seriousness" as the reason.'
    assert words(text, "scare_quotes") == []


def test_determiner_before_the_quote_makes_it_a_scare_quote_even_near_a_verb() -> None:
    text = 'He declared, declining to disclose what those "options" would be.'
    assert words(text, "scare_quotes") == ['"options"']


def test_listener_of_tell_in_quotes_is_a_scare_quote() -> None:
    text = 'Bennett was telling "their friend" that "Iran is carrying out nuclear blackmail."'
    assert words(text, "scare_quotes") == ['"their friend"']


def test_quote_followed_by_its_speaker_is_speech() -> None:
    assert words('"Never," the minister said.', "scare_quotes") == []


def test_long_quotes_and_sentences_are_not_scare_quotes() -> None:
    assert words('She said it was "a good deal for everyone involved here".', "scare_quotes") == []
    assert words('Officials were blunt: "No."', "scare_quotes") == []


def test_titles_are_not_scare_quotes() -> None:
    assert words('The film called "Hope" opened on Friday.', "scare_quotes") == []


def test_curly_and_single_scare_quotes() -> None:
    assert words("Critics mocked the \u201cpeace plan\u201d on Friday.", "scare_quotes") == ["\u201cpeace plan\u201d"]
    assert words("Critics mocked the \u2018peace plan\u2019 on Friday.", "scare_quotes") == ["\u2018peace plan\u2019"]


def test_so_called() -> None:
    assert ("so-called", "so_called", False) in hits("The so-called experts disagreed.", "scare_quotes")


# --- quoted speech ---------------------------------------------------------------------------------


def test_hits_inside_quoted_speech_are_marked_in_quote() -> None:
    text = 'An army spokesman said, "The terrorists were neutralized at dawn." Critics called it a massacre.'
    labels = hits(text, "labels")
    loaded = hits(text, "loaded_language")
    assert labels and all(in_quote for _, _, in_quote in labels)
    assert ("massacre", "exaggeration", False) in loaded or any(t == "massacre" and not q for t, _, q in loaded)


def test_a_scare_quote_is_the_outlets_own_voice_not_speech() -> None:
    an = analyze(Article(text='Meanwhile, "the Zionist entity" is anxious.'))
    label = [h for h in an.hits if h.family == "labels"]
    assert label and label[0].in_quote is False


# --- labels, hedges, loaded language -----------------------------------------------------------------


def test_label_longest_match_and_concept() -> None:
    found = hits("The Israeli occupation forces entered the town.", "labels")
    assert [t for t, _, _ in found] == ["Israeli occupation forces"]


def test_label_word_boundaries() -> None:
    assert hits("Israeli officials met Israel's allies.", "labels") == []


def test_hedges_and_boosters() -> None:
    found = dict(
        (t.lower(), c) for t, c, _ in hits("The deal may possibly fail. Clearly, it was undoubtedly late.", "hedges")
    )
    assert found.get("possibly") == "hedge"
    assert found.get("clearly") == "booster"
    assert found.get("undoubtedly") == "booster"


def test_the_month_may_is_not_a_hedge() -> None:
    assert "May" not in words("The talks resumed in May after a break.", "hedges")


def test_loaded_language_is_tagged_with_a_technique() -> None:
    found = hits(
        "Iran is carrying out nuclear blackmail, and that is not how bullying is dealt with.", "loaded_language"
    )
    texts = [t for t, _, _ in found]
    assert any("blackmail" in t for t in texts)
    assert "bullying" in texts
    assert all(c for _, c, _ in found)


def test_offsets_index_the_original_text() -> None:
    text = (
        "Meanwhile,\u00a0\u201cIsrael\u201d is anxious \u2014 the minister claimed that "
        "Iran\u2019s \u201cregime\u201d lied."
    )
    an = analyze(Article(text=text))
    assert an.hits
    for h in an.hits:
        assert text[h.start : h.end] == h.text


def test_hits_come_in_text_order_then_family_order() -> None:
    from benchmarks.corpus import generate
    from framing import FAMILIES

    ties = 0
    for article in generate(40) + [Article(text='He "claimed" the so-called "terrorists" were killed.')]:
        hits = analyze(article).hits
        keys = [(h.start, h.end, FAMILIES.index(h.family)) for h in hits]
        assert keys == sorted(keys)
        ties += sum(1 for a, b in zip(keys, keys[1:]) if a[:2] == b[:2])
    assert ties  # the corpus has hits of two families on the same words, so the family order is tested
