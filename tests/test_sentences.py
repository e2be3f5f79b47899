"""Sentence splitting gives exactly what NLTK's Punkt gave, span for span, on every kind of text."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from framing import load_seeds
from framing.models import Span
from framing.text.document import _FOLD, ABBREVIATIONS, paragraphs, sentences, unify
from framing.text.sentences import SentenceSplitter, punkt_split, split

FOLDING = SentenceSplitter(ABBREVIATIONS, _FOLD)
CORPUS_DIR = Path(__file__).resolve().parents[1] / "data" / "corpus"


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def punkt_sentences(text: str) -> list[Span]:
    """The former ``framing.text.document.sentences``: Punkt on each unified paragraph."""
    out = []
    for para in paragraphs(text):
        for s, e in _punkt().span_tokenize(unify(text[para.start : para.end])):
            out.append(Span(para.start + s, para.start + e))
    return out


def assert_same(text: str) -> None:
    assert sentences(text) == punkt_sentences(text), text
    # The splitter on its own: with no fold table, and reading through one.
    assert split(text, ABBREVIATIONS) == punkt_split(text, ABBREVIATIONS), text
    folded = text.translate(_FOLD)
    assert FOLDING.split(text) == punkt_split(folded, ABBREVIATIONS), text


HARD_CASES = [
    # abbreviations
    "Mr. Smith met Dr. Jones. They talked.",
    "The U.S. and the U.K. agreed. Then the U.N. met.",
    "He left at 10 a.m. and came back at 5 p.m. The talks ended.",
    "Gases, e.g. methane, i.e. CH4, etc. are counted. Next.",
    "St. Louis vs. Boston, Jan. 5. Sen. Kerry spoke.",
    "Officials in Washington D.C. said so. Others did not.",
    "the ex-Gov. Brown and the vice-Pres. Smith met. It rained.",
    "He said Mr.",
    "mr. smith. MR. SMITH. Mr.Smith. Mr. 5 people.",
    "See fig. 3 and pp. 4-5. Also vol. 2.",
    "Mr. Smith? Yes. Dr. Who! No. Mr. end.) Next.",
    "U.S.-based firms grew. The U.S.A. did too.",
    # initials
    "J. K. Rowling wrote it. T. S. Eliot did not.",
    "The letter A. Then B. and c. d. 1.",
    'A. 5 items were sold. B. "Quoted" too.',
    "Plan B. The rest.",
    "I. Introduction. II. Methods.",
    # numbers
    "It happened in 2021. The year after was calm.",
    "Growth was 3.5 percent. Inflation was 2.1. Rates rose.",
    'He scored 10. then left. She got 46.1%. "We won," she said.',
    "No. 5 won. Item 3. in the list. 1,000. Next. -5. Done.",
    'In 1999.) Then 2000." Next.',
    # ellipses
    "Wait... what happened? Nothing... And then.",
    "He paused. . . and went on. Then... . Next.",
    "So.. maybe. Or.... not.",
    # ? and !
    'Really?! Yes!! No?? Fine. Why?" she asked. "Because!" he said.',
    "Is it? It is! It was.",
    "a?b c!d e. F",
    # closing quotes and brackets after the stop
    'He said "go." Then he left.',
    "(This is a test.) And another.",
    "She wrote 'fine.' He read it.",
    'Did he say "why?" Maybe.',
    '"Stop!" he shouted. "Now."',
    "He left.) (She stayed.) [End.] {Done.}",
    'The end."',
    'The end.")',
    'x. " y',
    '"Go." "Stay." (Wait.) Next',
    "He said.' 'Then.",
    "Word.--dash. Next.",
    'Word." -- Next.',
    # curly quotes, dashes and spaces (unified before splitting)
    "He said \u201cgo.\u201d Then he left.",
    "She said \u2018no.\u2019 He nodded.",
    "\u00abNon.\u00bb Il part.",
    "It\u2019s done. Isn\u2019t it? Yes\u2014it is. Fine\u2013ok.",
    "Mr.\u00a0Smith arrived.\u00a0He sat. Dr.\u2009Who.",
    "The \u201eend.\u201f Next \u201bone.\u02bc Last\u2032.",
    "ex\u2014Gov. Brown. ex\u2013Sen. Smith.",
    # no final stop, empty, whitespace, line endings
    "A headline without a stop",
    "First sentence. Second without stop",
    "",
    "   ",
    "\n\n\n",
    " \t \n  \r\n",
    "Line one.\r\nLine two.\r\n\r\nLine three. Four.",
    "Title\n\nBody one. Body two.\n\nLast para.",
    "  Indented. Para.  \n\t Tabbed.\tText. Here.  ",
    "Word.\tNext. Word.\x0bNext. Word.\x0cNext.",
    "Word.\u3000Next. Word.\x1cNext. Word. \x1c Next.\x1c",
    "Word\x85Next. Word.\u2028Next.",
    # only punctuation
    "...",
    ". . .",
    "?!?!",
    ".",
    '."',
    "!!! ??? ...",
    ".) .\" .' .]",
    "- -- --- . ! ?",
    # odd tokens
    "a.b.c. d.e.f. G.",
    "www.example.com. Visit it.",
    "The value is .5. And ,5. Ok.",
    'She said: "yes." He said; "no." End.',
    "Smith, J. and Jones, K. (2020). Title. Journal.",
    "\u0130stanbul. \u0130. Next. \u00c9. \u00e9. Caf\u00e9. Na\u00efve.",
    "\u0661\u0662. Next. \u00b2. Next. \u2160. Next.",
    "Emoji \U0001f600. Next. \U0001f600 . Next.",
    # initials, numbers, ellipses, closers, line ends
    "J. K. Rowling wrote it. She said so.",
    "It rose in 2021. The next year it fell. It was 3.5 percent in 2022. and more.",
    "Wait... what? Really?! Yes.",
    'He said "no." Then he left. (It was late.) Fine.',
    "\u201cWe will return,\u201d she said. \u2018Not now.\u2019 They left.",
    "The ex-gov. spoke at 10 a.m. on Friday. Talks e.g. on trade.",
    "no final stop here",
    "",
    "   \n\n  ",
    "Line one.\r\nLine two. Still two.\r\n",
    "?!.",
    "U.N. envoy arrives. Iran's F.M. speaks.",
]


@pytest.mark.parametrize("text", HARD_CASES)
def test_hard_cases_match_punkt(text: str) -> None:
    assert_same(text)


def test_seeds_match_punkt() -> None:
    seeds = load_seeds()
    assert len(seeds) == 2
    for art in seeds:
        assert_same(art.text)


def test_bundled_corpus_matches_punkt() -> None:
    texts = []
    for path in sorted(CORPUS_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            texts.extend(a["text"] for a in data.get("articles", []))
    assert len(texts) >= 14
    for text in texts:
        assert_same(text)


def test_generated_corpus_matches_punkt() -> None:
    from benchmarks.corpus import generate

    arts = generate(2000)
    assert len(arts) == 2000
    for art in arts:
        assert sentences(art.text) == punkt_sentences(art.text)


# Random text: words with what may open and close them, and the gaps between them; or pieces glued any way.
WORDS = st.sampled_from(
    [
        "said", "The", "He", "Smith", "a", "J", "K", "B", "I", "x", "Mr", "mr", "Dr", "MRS", "U.S", "e.g", "a.m",
        "p", "No", "St", "etc", "ex-Gov", "so-called", "don't", "It\u2019s", "2021", "10", "3.5", "1,000", "-5",
        "##number##", "caf\u00e9", "\u00c9", "\u0130", "\u0661", "\u00b2", "\U0001f600", "", ".", "?", "--",
    ]
)  # fmt: skip
OPENERS = st.sampled_from(["", "", "", "", '"', "(", "'", "\u201c", "\u2018", "\u00ab", "\u201e"])
CLOSINGS = st.sampled_from(
    [
        "", "", "", "", ".", ".", ".", ".", ".", "?", "!", "...", "..", ". . .", "?!", ",", ";", ":",
        '."', ".)", ".'", '?"', '!")', ".]", ".\u201d", ".\u2019", "?\u201d", ".\u00bb", ".\u201f", '"', ")",
    ]
)  # fmt: skip
GAPS = st.sampled_from(
    [" ", " ", " ", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "", "\u00a0", "\u2009", "\u3000", "\x1c",
     "\x0b", " -- ", "\u2014"]
)  # fmt: skip
WORDY = st.lists(st.tuples(OPENERS, WORDS, CLOSINGS, GAPS), min_size=1, max_size=30).map(
    lambda ts: "".join("".join(t) for t in ts)
)
# Prose-like text, where most words are plain and most gaps single spaces, so rules meet their usual case.
PROSE = st.lists(
    st.tuples(
        st.sampled_from(["", "", "", "", "", "", '"', "(", "\u201c"]),
        st.sampled_from(["The", "said", "it", "a", "Smith", "J", "B", "Mr", "U.S", "e.g", "p.m", "No", "2021", "10"]),
        st.sampled_from(["", "", "", "", "", "", ".", ".", ".", ".", ",", "?", '."', ".)", ".\u201d", "...", "!"]),
        st.sampled_from([" ", " ", " ", " ", " ", " ", " ", " ", "  ", "\n", "\n\n", "\t"]),
    ),
    min_size=3,
    max_size=30,
).map(lambda ts: "".join("".join(t) for t in ts))
PIECES = st.one_of(WORDS, OPENERS, CLOSINGS, GAPS)
GLUED = st.lists(PIECES, max_size=40).map("".join)
TEXTS = st.one_of(PROSE, WORDY, GLUED)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_random_text_matches_punkt(text: str) -> None:
    assert_same(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text_matches_punkt(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize("fold", [{"x": "'"}, {"\u2024": "."}, {"\u00a0": "a"}, {"\u2028": "\n"}, {"\u00e9": "ee"}])
def test_a_fold_the_splitter_cannot_read_through_is_refused(fold: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        SentenceSplitter(ABBREVIATIONS, fold)
