"""Quotations: straight and curly marks, apostrophes that are not quotes, paragraph limits, exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.models import Quote
from framing.speech.quotes import QuoteIndex, find_quotes


def check_offsets(text: str, q: Quote) -> None:
    """A quote's fields agree with the text they index."""
    assert text[q.inner_start : q.inner_end] == q.text
    assert q.start == q.inner_start - 1
    if q.closed:
        assert q.end == q.inner_end + 1
    else:
        assert q.end == q.inner_end


@pytest.mark.parametrize(
    "open_mark, close_mark",
    [('"', '"'), ("\u201c", "\u201d"), ("\u201e", "\u201d"), ("\u00ab", "\u00bb")],
)
def test_double_quotes(open_mark, close_mark):
    text = f"Price said {open_mark}we hope to build on that{close_mark} on Tuesday."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "we hope to build on that"
    assert q.closed is True
    assert q.start == text.index(open_mark)
    assert text[q.start : q.end] == f"{open_mark}we hope to build on that{close_mark}"
    check_offsets(text, q)


def test_two_quotes_in_one_sentence():
    text = 'He called it "blackmail" and "bullying" again.'
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["blackmail", "bullying"]
    assert [text[q.start : q.end] for q in quotes] == ['"blackmail"', '"bullying"']
    for q in quotes:
        check_offsets(text, q)


def test_single_curly_quote():
    text = "US reports \u2018modest progress\u2019 in Vienna talks"
    (q,) = find_quotes(text)
    assert q.text == "modest progress"
    assert q.closed
    assert (q.start, q.end) == (11, 28)
    check_offsets(text, q)


def test_records_are_what_the_constructor_makes():
    # They are made from rows in one step, not by Quote(...); they must be the same records, field by field.
    text = 'He said "it ends" and \u2018it does not'
    made = [Quote(8, 17, 9, 16, "it ends", True), Quote(22, len(text), 23, len(text), "it does not", False)]
    quotes = find_quotes(text)
    assert quotes == made
    assert [q._asdict() for q in quotes] == [q._asdict() for q in made] and {type(q) for q in quotes} == {Quote}


def test_straight_single_quote():
    text = "Blinken cited Iran's 'lack of seriousness' as the reason."
    (q,) = find_quotes(text)
    assert q.text == "lack of seriousness"
    assert text[q.start : q.end] == "'lack of seriousness'"


@pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
def test_apostrophes_alone_are_not_quotes(apostrophe):
    text = f"Israel{apostrophe}s army and Iran{apostrophe}s navy don{apostrophe}t meet."
    assert find_quotes(text) == []


def test_apostrophe_inside_single_quote_does_not_close_it():
    text = "He spoke of \u2018Israel\u2019s security needs\u2019 at length."
    (q,) = find_quotes(text)
    assert q.text == "Israel\u2019s security needs"
    assert q.closed
    check_offsets(text, q)


def test_apostrophe_before_single_quote_does_not_open_it():
    text = "Israel\u2019s minister welcomed \u2018modest progress\u2019 today."
    (q,) = find_quotes(text)
    assert q.text == "modest progress"
    assert q.start == text.index("\u2018")


def test_single_quote_inside_double_quote_is_part_of_it():
    text = "\u201cThey call it \u2018progress\u2019, we do not,\u201d he said."
    (q,) = find_quotes(text)
    assert q.text == "They call it \u2018progress\u2019, we do not,"
    assert (q.start, q.end) == (0, text.index("\u201d") + 1)


def test_quote_spanning_several_sentences():
    text = (
        "Price stated that \u201cthere was some modest progress. We hope to build on that. We will see,\u201d and left."
    )
    (q,) = find_quotes(text)
    assert q.text == "there was some modest progress. We hope to build on that. We will see,"
    assert q.closed
    check_offsets(text, q)


def test_unclosed_quote_stops_at_paragraph_end():
    text = 'He said "this never ends here.\nNext paragraph "closed" here.'
    quotes = find_quotes(text)
    assert len(quotes) == 2
    first, second = quotes
    assert first.closed is False
    assert first.text == "this never ends here."
    assert first.end == text.index("\n")
    check_offsets(text, first)
    assert second.closed is True
    assert second.text == "closed"
    check_offsets(text, second)


def test_unclosed_curly_quote_at_end_of_text():
    text = "Headline\n\nHe warned: \u201cno deal without"
    (q,) = find_quotes(text)
    assert q.closed is False
    assert q.text == "no deal without"
    assert q.end == len(text)


def test_paragraph_reopened_quotes_are_separate():
    # News style: a long quote reopens each paragraph and closes only at the end.
    text = "\u201cFirst part of the quote.\n\u201cSecond part,\u201d he said."
    quotes = find_quotes(text)
    assert [(q.text, q.closed) for q in quotes] == [
        ("First part of the quote.", False),
        ("Second part,", True),
    ]


def test_quote_offsets_with_unicode_before():
    text = (
        "\u0639\u0644\u064a \u0628\u0627\u0642\u0631\u064a \u0643\u0646\u064a \U0001f642 said \u201cno\u00a0deal\u201d."
    )
    (q,) = find_quotes(text)
    assert q.text == "no\u00a0deal"
    assert text[q.start] == "\u201c" and text[q.end - 1] == "\u201d"
    check_offsets(text, q)


def test_no_quotes():
    assert find_quotes("") == []
    assert find_quotes("Plain text with no marks at all.") == []


def test_quote_words():
    (q,) = find_quotes('"one two  three"')
    assert q.words == 3


# ------------------------------------------------------------------------------------------- QuoteIndex


def test_quote_index_containing():
    text = 'A "first quote" then B "second one here" end.'
    quotes = find_quotes(text)
    idx = QuoteIndex(quotes)
    first, second = quotes
    s = text.index("first")
    assert idx.containing(s, s + 5) == first
    s = text.index("one here")
    assert idx.containing(s, s + 8) == second
    # Whole inner text is inside.
    assert idx.containing(second.inner_start, second.inner_end) == second
    # Outside any quote.
    s = text.index("then")
    assert idx.containing(s, s + 4) is None
    assert idx.containing(0, 1) is None
    # Including the quotation mark itself is not inside.
    assert idx.containing(first.start, first.inner_end) is None
    # A span that starts in one quote and runs out of it.
    s = text.index("quote")
    assert idx.containing(s, text.index("then") + 4) is None
    assert (s, s + 5) in idx
    assert (text.index("end"), text.index("end") + 3) not in idx


def test_quote_index_unsorted_input_and_empty():
    text = '"a b" x "c d"'
    quotes = find_quotes(text)
    idx = QuoteIndex(reversed(quotes))
    assert idx.containing(text.index("c"), text.index("d") + 1) == quotes[1]
    assert idx.containing(text.index("a"), text.index("b") + 1) == quotes[0]
    assert QuoteIndex([]).containing(0, 1) is None


# ------------------------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n'\"\u2018\u2019\u201c\u201d\u00ab\u00bb")), max_size=120))
def test_property_quotes_are_ordered_and_exact(text):
    quotes = find_quotes(text)
    prev_end = 0
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= prev_end
        prev_end = q.end
        check_offsets(text, q)
        assert "\n" not in text[q.start : q.end]
