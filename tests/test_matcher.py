"""The lexicon matcher: whole words, longest match first, case rules, inflections, exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicons import load_shipped, parse_lexicon
from framing.lexicons.matcher import Matcher, MultiMatcher
from framing.text.document import Document


def entry(entry_id: str, term: str, **extra):
    return {
        "id": entry_id,
        "term": term,
        "category": extra.pop("category", "a"),
        "explain": f"Explains {term}.",
        "source": "Test.",
        **extra,
    }


def lexicon(*entries, name="labels"):
    return parse_lexicon(
        {
            "name": name,
            "version": "1",
            "description": "Test lexicon.",
            "categories": {"a": "Category a.", "b": "Category b."},
            # a labels entry must say its position; these tests are about matching, so any will do
            "entries": [dict(e, position=e.get("position", "neutral")) if name == "labels" else e for e in entries],
        },
        "test.yaml",
    )


def matcher(*entries):
    return Matcher(lexicon(*entries))


def found(m: Matcher, text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(matched text, entry ids) for every match, checking offsets on the way."""
    doc = Document(text)
    out = []
    for match in m.find(doc):
        assert doc.tokens[match.first].start == match.start
        assert doc.tokens[match.last].end == match.end
        out.append((text[match.start : match.end], tuple(e.id for e in match.entries)))
    return out


@pytest.fixture(scope="module")
def labels():
    return matcher(
        entry("israel", "Israel"),
        entry("io", "Israeli occupation"),
        entry("iof", "Israeli occupation forces", category="b"),
        entry("idf", "IDF", case_sensitive=True),
        entry("claim", "claim", pos="verb"),
        entry("dont_know", "don't know"),
        entry("so_called", "so-called"),
        entry("race", "race to a nuclear weapon"),
        entry("regime", "regime", pos="noun"),
        entry("marks", "quotation marks", context="rule"),
    )


def test_whole_words_only(labels):
    assert found(labels, "Israeli troops entered Israel.") == [("Israel", ("israel",))]
    assert found(labels, "Israelis and preIsrael and Israel2") == []


def test_possessive_matches_base(labels):
    assert found(labels, "Israel's army and Israel\u2019s navy") == [
        ("Israel", ("israel",)),
        ("Israel", ("israel",)),
    ]


def test_longest_match_first(labels):
    text = "The Israeli occupation forces raided; the Israeli occupation continues."
    assert found(labels, text) == [
        ("Israeli occupation forces", ("iof",)),
        ("Israeli occupation", ("io",)),
    ]


def test_longest_match_consumes_its_tokens(labels):
    # "Israel" is not matched again inside a longer match, and the next word starts fresh.
    assert found(labels, "Israeli occupation forces Israel") == [
        ("Israeli occupation forces", ("iof",)),
        ("Israel", ("israel",)),
    ]


def test_case_insensitive_by_default(labels):
    assert found(labels, "ISRAEL israel IsRaEl") == [
        ("ISRAEL", ("israel",)),
        ("israel", ("israel",)),
        ("IsRaEl", ("israel",)),
    ]
    assert found(labels, "ISRAELI OCCUPATION FORCES") == [("ISRAELI OCCUPATION FORCES", ("iof",))]


def test_case_sensitive_entry(labels):
    assert found(labels, "idf Idf IDF iDF") == [("IDF", ("idf",))]


def test_inflections(labels):
    text = "He claims, she claimed, they were claiming; CLAIM. Claimant."
    assert [t for t, _ in found(labels, text)] == ["claims", "claimed", "claiming", "CLAIM"]


def test_noun_plural(labels):
    assert [t for t, _ in found(labels, "the regime and the regimes")] == ["regime", "regimes"]


@pytest.mark.parametrize("apostrophe", ["\u2019", "\u02bc"])
def test_curly_apostrophe_in_text_matches_straight_in_term(apostrophe):
    m = matcher(entry("dont_know", "don't know"))
    text = f"I don{apostrophe}t know. I don't know."
    assert found(m, text) == [
        (f"don{apostrophe}t know", ("dont_know",)),
        ("don't know", ("dont_know",)),
    ]


def test_hyphenated_term(labels):
    assert found(labels, "the so-called deal, so called") == [("so-called", ("so_called",))]


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_unicode_hyphen_in_text_matches_hyphen_in_term(labels, hyphen):
    # fold() maps U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN to "-" so that they match like "-".
    text = f"the so{hyphen}called deal"
    assert found(labels, text) == [(f"so{hyphen}called", ("so_called",))]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli occupation, forces",
        "Israeli occupation\nforces",
        "Israeli occupation\r\nforces",
        "Israeli occupation. Forces",
        "Israeli occupation \u201cforces\u201d",
    ],
)
def test_phrase_does_not_cross_punctuation_or_line_break(labels, text):
    assert found(labels, text) == [("Israeli occupation", ("io",))]


def test_phrase_across_unusual_spaces(labels):
    text = "Israeli\u00a0occupation  forces"
    assert found(labels, text) == [(text, ("iof",))]


def test_long_phrase_and_offsets(labels):
    text = "\u0639\u0644\u064a \U0001f642 warned of Iran's race to a nuclear weapon."
    (match,) = labels.find(Document(text))
    start = text.index("race")
    assert (match.start, match.end) == (start, start + len("race to a nuclear weapon"))
    assert text[match.start : match.end] == "race to a nuclear weapon"
    assert [e.id for e in match.entries] == ["race"]


def test_partial_phrase_does_not_match(labels):
    assert found(labels, "race to a nuclear deal") == []


def test_rule_entries_are_not_matched(labels):
    assert found(labels, "quotation marks") == []


def test_entries_sharing_a_form_are_returned_together():
    m = matcher(entry("a1", "militant", category="a"), entry("b1", "militant", category="b"))
    assert found(m, "a militant group") == [("militant", ("a1", "b1"))]


def test_case_sensitive_and_folded_entries_side_by_side():
    m = matcher(entry("us_acronym", "US", case_sensitive=True), entry("us_word", "us"))
    # "US" in capitals is (at least) the acronym; "us" in lower case never is.
    (upper, upper_ids), (lower, lower_ids) = found(m, "US officials told us")
    assert (upper, lower) == ("US", "us")
    assert "us_acronym" in upper_ids
    assert lower_ids == ("us_word",)


def test_a_word_opening_one_lexicon_s_phrases_and_another_s_word():
    # "war" opens only phrases in one lexicon and is a form of its own in the other; "the" opens only
    # phrases in both: each lexicon still finds its own matches, and a phrase that is not followed through
    # ("the war room", "the state") costs nothing.
    frames = lexicon(entry("war_on", "war on terror"), entry("the_war", "the war effort"), name="frames")
    labels = lexicon(entry("war", "war"), entry("the_state", "the state of Israel"), name="labels")
    multi = MultiMatcher({"frames": frames, "labels": labels})
    text = "The war on terror, the war effort, the war room and the state of Israel; the state."
    got = {
        name: [(text[m.start : m.end], m.entries[0].id) for m in ms] for name, ms in multi.find(Document(text)).items()
    }
    assert got == {
        "frames": [("war on terror", "war_on"), ("the war effort", "the_war")],
        "labels": [("war", "war"), ("war", "war"), ("war", "war"), ("the state of Israel", "the_state")],
    }
    assert list(multi.find(Document("Nothing here."))) == ["frames", "labels"]


def test_empty_document(labels):
    assert labels.find(Document("")) == []
    assert labels.find(Document("  \n ")) == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Israel", "Israeli", "occupation", "forces", "IDF", "idf", "claimed", ",", "\n", " ", "\u00a0", "'s"]
        ),
        max_size=30,
    )
)
def test_property_matches_are_exact_and_disjoint(labels, pieces):
    text = " ".join(pieces)
    doc = Document(text)
    prev_end = 0
    for match in labels.find(doc):
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= prev_end
        prev_end = match.end
        piece = text[match.start : match.end]
        assert "\n" not in piece and "," not in piece
        assert any(form.lower() == " ".join(piece.split()).lower() for e in match.entries for form in e.surface)


def test_context_matches_a_lexicon_its_matcher_leaves_out():
    # The analyzer's matcher holds the indicator families only; any other lexicon is matched on demand.
    from framing.indicators.context import Context

    lexicons = load_shipped()
    doc = Document("Antony Blinken said the talks were a failure.")
    partial = MultiMatcher({k: v for k, v in lexicons.items() if k != "actors"})
    ctx = Context(doc, lexicons, partial)
    actors = ctx.matches("actors")
    assert [doc.text[m.start : m.end] for m in actors] == ["Antony Blinken"]
    assert ctx.matches("attribution") == MultiMatcher(lexicons).find(doc)["attribution"] != []
    assert ctx.matches("no such lexicon") == []
