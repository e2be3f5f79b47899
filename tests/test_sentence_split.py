"""The fast sentence splitter gives Punkt's spans (the oracle: NLTK's Punkt with the same abbreviations)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import generate
from framing.sentences import punkt_split, split
from framing.text import ABBREVIATIONS, unify

ROOT = Path(__file__).resolve().parents[1]

HARD = [
    "Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.",
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


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "data" / "corpus").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "articles" in data:
            texts += [a["text"] for a in data["articles"]]
    return texts


@pytest.mark.parametrize("text", HARD)
def test_hard_cases_match_punkt(text: str) -> None:
    assert split(unify(text), ABBREVIATIONS) == punkt_split(unify(text), ABBREVIATIONS)


def test_seeds_corpus_and_generated_articles_match_punkt() -> None:
    texts = _texts() + [a.text for a in generate(400, seed=21)]
    assert len(texts) > 400
    for text in texts:
        u = unify(text)
        assert split(u, ABBREVIATIONS) == punkt_split(u, ABBREVIATIONS)


_PIECES = st.sampled_from(
    ["Mr.", "Dr.", "U.S.", "e.g.", "J.", "K.", "2021.", "3.5", "the", "The", "talks", "Iran", "said", "...", "?", "!",
     ".", '"', "'", ")", "(", "\u201d", "\u201c", ",", ";", ":", "--", "a.m.", "no.", "No."]
)  # fmt: skip
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", "", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GAPS), max_size=40))
def test_random_texts_match_punkt(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    assert split(text, ABBREVIATIONS) == punkt_split(text, ABBREVIATIONS)
