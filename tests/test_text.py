"""Sentences, tokens and folding: every offset must index the original text exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.document import Document, fold, sentences, tokens, unify, word_count


def sentence_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def token_texts(text: str) -> list[str]:
    return [t.text for t in tokens(text)]


# --------------------------------------------------------------------------------------------- sentences


def test_headline_without_full_stop_stands_alone():
    text = "Iran talks stall in Vienna\nThe talks ended on Friday. Both sides blamed each other."
    assert sentence_texts(text) == [
        "Iran talks stall in Vienna",
        "The talks ended on Friday.",
        "Both sides blamed each other.",
    ]


def test_headline_followed_by_blank_line_and_lowercase_body_stays_separate():
    # Without the paragraph rule Punkt would glue a stop-less headline to the next line.
    text = "US open to other options\n\nthe talks resume next week."
    assert sentence_texts(text) == ["US open to other options", "the talks resume next week."]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr. Price spoke on Tuesday. He said little.",
            ["Mr. Price spoke on Tuesday.", "He said little."],
        ),
        (
            "Officials in the U.S. capital met Dr. Jones on Monday. Talks resumed.",
            ["Officials in the U.S. capital met Dr. Jones on Monday.", "Talks resumed."],
        ),
        (
            "Mrs. Smith and Gen. Milley met the U.N. envoy. Nothing changed.",
            ["Mrs. Smith and Gen. Milley met the U.N. envoy.", "Nothing changed."],
        ),
    ],
)
def test_abbreviations_do_not_split(text, expected):
    assert sentence_texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "\u201cIran\u2019s steps are dangerous,\u201d he said. Talks go on.",
            ["\u201cIran\u2019s steps are dangerous,\u201d he said.", "Talks go on."],
        ),
        (
            "Talks resumed on\u00a0Monday. Mr.\u00a0Price was\u00a0upbeat.",
            ["Talks resumed on\u00a0Monday.", "Mr.\u00a0Price was\u00a0upbeat."],
        ),
        (
            "Iran\u2019s negotiator \u0639\u0644\u064a \u0628\u0627\u0642\u0631\u064a \u0643\u0646\u064a arrived. "
            "He met envoys.",
            [
                "Iran\u2019s negotiator \u0639\u0644\u064a \u0628\u0627\u0642\u0631\u064a \u0643\u0646\u064a arrived.",
                "He met envoys.",
            ],
        ),
        (
            "Deal close \U0001f642 say diplomats. \U0001f1ee\U0001f1f7 flags waved. End.",
            ["Deal close \U0001f642 say diplomats.", "\U0001f1ee\U0001f1f7 flags waved.", "End."],
        ),
    ],
)
def test_sentence_offsets_index_original_with_unicode(text, expected):
    spans = sentences(text)
    assert [text[s.start : s.end] for s in spans] == expected
    # The spans sit in order in the original and do not overlap.
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start


def test_sentence_offsets_shift_with_leading_whitespace_and_lines():
    text = "  Headline here  \n\n   First one. Second one.\n"
    spans = sentences(text)
    assert [(s.start, s.end) for s in spans] == [
        (2, 15),
        (22, 32),
        (33, 44),
    ]
    assert [text[s.start : s.end] for s in spans] == ["Headline here", "First one.", "Second one."]


def test_sentences_of_empty_and_blank_text():
    assert sentences("") == []
    assert sentences("  \n\n\t ") == []


def test_document_sentence_at():
    text = "One two. Three four."
    doc = Document(text)
    first, second = doc.sentences
    assert doc.sentence_at(0) == first
    assert doc.sentence_at(text.index("Three")) == second
    assert doc.sentence_at(text.index("four")) == second


# ------------------------------------------------------------------------------------------------ tokens


def test_token_offsets_exact():
    text = "  The U.S. \u201cclaimed\u201d it\u2014again,\u00a0Monday."
    toks = tokens(text)
    assert [t.text for t in toks] == ["The", "U", "S", "claimed", "it", "again", "Monday"]
    for t in toks:
        assert text[t.start : t.end] == t.text
    claimed = toks[3]
    assert (claimed.start, claimed.end) == (text.index("claimed"), text.index("claimed") + len("claimed"))


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_possessive_s_is_dropped(apostrophe):
    text = f"Iran{apostrophe}s programme"
    toks = tokens(text)
    assert toks[0].text == "Iran"
    assert (toks[0].start, toks[0].end) == (0, 4)
    assert toks[0].lower == "iran"
    assert "programme" in [t.text for t in toks]
    # No token swallows the apostrophe.
    assert all(apostrophe not in t.text for t in toks)


def test_possessive_capital_s_is_dropped():
    assert token_texts("IRAN'S PLAN")[0] == "IRAN"


@pytest.mark.parametrize("word", ["don't", "don\u2019t", "so-called", "self-styled", "Al-Quds", "won't-stop"])
def test_inner_apostrophe_and_hyphen_stay_one_token(word):
    text = f"They {word} go."
    toks = tokens(text)
    assert [t.text for t in toks] == ["They", word, "go"]
    t = toks[1]
    assert text[t.start : t.end] == word


def test_token_lower_is_folded():
    toks = tokens("DON\u2019T Stop")
    assert [t.lower for t in toks] == ["don't", "stop"]


def test_arabic_and_emoji_tokens():
    text = "\U0001f642 \u0639\u0644\u064a \u0628\u0627\u0642\u0631\u064a \u0643\u0646\u064a met 42 envoys"
    toks = tokens(text)
    assert [t.text for t in toks] == [
        "\u0639\u0644\u064a",
        "\u0628\u0627\u0642\u0631\u064a",
        "\u0643\u0646\u064a",
        "met",
        "42",
        "envoys",
    ]
    for t in toks:
        assert text[t.start : t.end] == t.text


def test_underscore_and_punctuation_are_not_words():
    assert token_texts("a_b -- ... !!") == ["a", "b"]


def test_document_token_helpers():
    text = "alpha beta gamma delta"
    doc = Document(text)
    gamma = text.index("gamma")
    assert doc.token_index(gamma) == 2
    assert doc.token_index(gamma + 1) == 3  # the first token starting at or after the offset
    assert [t.text for t in doc.tokens] == text.split()
    assert doc.token_lowers == text.split()


# -------------------------------------------------------------------------------------------------- fold


@pytest.mark.parametrize(
    "text",
    [
        "\u0130stanbul",  # capital I with dot: lower() makes two characters
        "\u0130\u0130\u0130 ISTANBUL \u0130",
        "a\u00a0b\u202fc",
        "\u201cquoted\u201d \u2018single\u2019",
        "STRASSE \u1e9e \u00df",
        "\ufb01ne \u0149",
        "",
    ],
)
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)
    assert len(unify(text)) == len(text)


def test_fold_lowercases_ordinary_letters_around_dotted_capital_i():
    folded = fold("\u0130stanbul TALKS")
    assert folded[1:] == "stanbul talks"
    assert len(folded) == len("\u0130stanbul TALKS")


def test_fold_maps_quotes_dashes_and_spaces():
    assert fold("\u201cA\u201d \u2018B\u2019 \u201eC\u201f \u00abD\u00bb") == '"a" \'b\' "c" "d"'
    assert fold("x\u2013y\u2014z\u2212w\u2010v\u2011u") == "x-y-z-w-v-u"
    assert fold("a\u00a0b\u202fc\u2009d") == "a b c d"
    assert fold("Iran\u2019s") == "iran's"


def test_unify_keeps_case():
    assert unify("\u201cIDF\u201d\u00a0\u2014 Iran\u2019s") == '"IDF" - Iran\'s'


# -------------------------------------------------------------------------------------------- word_count


@pytest.mark.parametrize(
    "text, n",
    [
        ("", 0),
        ("   \n ", 0),
        ("Hello, world!", 2),
        ("The so-called deal don't work.", 5),
        ("In 2015, 6 powers signed.", 5),
        ("\u2014 -- ... \U0001f642", 0),
    ],
)
def test_word_count(text, n):
    assert word_count(text) == n


# ------------------------------------------------------------------------------------------- properties

_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list(" \n\n.?!'\"-\u2019\u2018\u201c\u201d\u00a0\u2014\u0130Mr.U.S.")),
)
_TEXT = st.text(alphabet=_ALPHABET, max_size=300)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_property_token_offsets(text):
    toks = tokens(text)
    folded = fold(text)
    prev_end = 0
    for t in toks:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert folded[t.start : t.end] == t.lower
        assert t.start >= prev_end
        prev_end = t.end
    assert word_count(text) == len(toks)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_property_sentence_offsets(text):
    spans = sentences(text)
    prev_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        prev_end = s.end
        piece = text[s.start : s.end]
        assert piece.strip()
        assert "\n" not in piece
    # No word is lost between sentences.
    for t in tokens(text):
        assert any(s.start <= t.start and t.end <= s.end for s in spans), t


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_property_fold_keeps_length(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert len(unify(text)) == len(text)
    # Folding folded text again keeps the offsets too.
    assert len(fold(folded)) == len(text)


_WORD_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(" 's-\u2019\u02bc\u2010\u2011\u2014\u00adSİ\u1e9eK\u212a\u2126")),
    ),
    max_size=200,
)


@settings(max_examples=500, deadline=None)
@given(_WORD_TEXT)
def test_property_document_token_table_is_the_tokens(text):
    # Document finds its tokens in one split of the lower-cased text; tokens() slices the original.
    doc = Document(text)
    toks = tokens(text)
    assert doc.token_starts == [t.start for t in toks]
    assert doc.token_ends == [t.end for t in toks]
    assert doc.token_lowers == [t.lower for t in toks]


@pytest.mark.parametrize(
    "text",
    [
        "İstanbul's talks",  # lower-cases to two characters: the long way, same tokens
        "Iran\u2019s so\u2010called \u2011 non\u2011paper",
        "STRASSE \u1e9e \u212aelvin \u2126hm",
        "Don\u02bcT IT'S x'S",
        "",
    ],
)
def test_document_token_table_hard_cases(text):
    doc = Document(text)
    toks = tokens(text)
    assert doc.token_lowers == [t.lower for t in toks]
    assert (doc.token_starts, doc.token_ends) == ([t.start for t in toks], [t.end for t in toks])


def test_lower_casing_never_turns_a_word_character_into_another_kind():
    # What the one-split token table rests on, checked for every character of Unicode.
    import re
    import sys

    word, w = re.compile(r"[^\W_]"), re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        low = c.lower()
        if len(low) == 1:
            assert bool(word.match(c)) == bool(word.match(low)), hex(code)
            assert bool(w.match(c)) == bool(w.match(low)), hex(code)
