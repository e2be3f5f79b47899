"""VADER tone: sentence scores at original offsets, article summary, actor sentences, default actors."""

from __future__ import annotations

import pytest

from framing.analysis.tone import (
    CAVEAT,
    SentenceTone,
    _analyzer,
    actor_tone,
    article_tone,
    default_actors,
    sentence_tones,
)
from framing.library.ingest import load_seeds

NEGATIVE = "The attack was a horrible, brutal disaster and everyone is furious."
POSITIVE = "The talks were a wonderful success and everyone is happy."


def test_caveat_says_social_media_and_hint():
    assert "social-media" in CAVEAT or "social media" in CAVEAT
    assert "hint" in CAVEAT and "stance" in CAVEAT


def test_negative_and_positive_sentences():
    neg, pos = sentence_tones(f"{NEGATIVE} {POSITIVE}")
    assert neg.compound < -0.05 and neg.neg > neg.pos
    assert pos.compound > 0.05 and pos.pos > pos.neg
    assert neg.pos + neg.neg + neg.neu == pytest.approx(1.0, abs=0.01)


def test_offsets_index_the_original_text():
    text = f"Headline \u201cwith quotes\u201d\n\n   {NEGATIVE}\u00a0 {POSITIVE}\n"
    tones = sentence_tones(text)
    assert [text[t.start : t.end] for t in tones] == ["Headline \u201cwith quotes\u201d", NEGATIVE, POSITIVE]
    # each sentence is scored on its own text
    assert tones[1].compound == _analyzer().polarity_scores(NEGATIVE)["compound"]


def test_curly_apostrophe_negation_is_read_as_negation():
    curly, straight = sentence_tones("The plan isn\u2019t good. The plan isn't good.")
    assert curly.compound == straight.compound < 0


def test_analyzer_is_cached():
    assert _analyzer() is _analyzer()


def test_article_tone_summary():
    tones = [
        SentenceTone(0, 1, -0.5, 0, 0, 0),
        SentenceTone(1, 2, -0.05, 0, 0, 0),  # the cut-off itself counts as negative
        SentenceTone(2, 3, 0.0, 0, 0, 0),
        SentenceTone(3, 4, 0.8, 0, 0, 0),
    ]
    summary = article_tone(tones)
    assert summary["count"] == 4
    assert summary["mean"] == pytest.approx((-0.5 - 0.05 + 0.0 + 0.8) / 4)
    assert summary["negative_share"] == pytest.approx(0.5)
    assert summary["positive_share"] == pytest.approx(0.25)


def test_article_tone_empty():
    assert article_tone([]) == {"mean": None, "negative_share": None, "positive_share": None, "count": 0}


# ------------------------------------------------------------------------------------------ actors

ACTOR_TEXT = (
    "Israel welcomed the wonderful agreement. "
    "Israeli officials were furious and angry. "
    "Iran\u2019s envoy called it a horrible disaster. "
    "They told us nothing. "
    "The regime in Tehran was silent."
)


def _sentence(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def test_actor_tone_whole_word_only():
    tones = sentence_tones(ACTOR_TEXT)
    result = actor_tone(ACTOR_TEXT, tones, {"Israel": ["Israel"]})["Israel"]
    assert result["count"] == 1
    assert [_sentence(ACTOR_TEXT, s) for s in result["spans"]] == ["Israel welcomed the wonderful agreement."]
    assert result["mean"] == pytest.approx(tones[0].compound)
    assert result["mean"] > 0


def test_actor_tone_with_adjective_alias():
    tones = sentence_tones(ACTOR_TEXT)
    result = actor_tone(ACTOR_TEXT, tones, {"Israel": ["Israel", "Israeli"]})["Israel"]
    assert result["count"] == 2
    assert result["mean"] == pytest.approx((tones[0].compound + tones[1].compound) / 2)
    assert result["negative_share"] == pytest.approx(0.5)


def test_actor_tone_possessive_and_aliases():
    tones = sentence_tones(ACTOR_TEXT)
    result = actor_tone(ACTOR_TEXT, tones, {"Iran": ["Iran", "Tehran", "Iranian"]})["Iran"]
    assert [_sentence(ACTOR_TEXT, s) for s in result["spans"]] == [
        "Iran\u2019s envoy called it a horrible disaster.",
        "The regime in Tehran was silent.",
    ]
    assert result["mean"] == pytest.approx((tones[2].compound + tones[4].compound) / 2)


def test_actor_tone_case():
    tones = sentence_tones(ACTOR_TEXT)
    result = actor_tone(ACTOR_TEXT, tones, {"US": ["US"], "regime": ["the regime"]})
    # "US" is capitalised, so "told us" is not a mention
    assert result["US"]["count"] == 0
    assert result["US"]["mean"] is None and result["US"]["spans"] == []
    # a lower-case alias matches in any case
    assert result["regime"]["count"] == 1


def test_actor_tone_absent_actor_and_order():
    tones = sentence_tones(ACTOR_TEXT)
    result = actor_tone(ACTOR_TEXT, tones, {"Egypt": ["Egypt", "Cairo"], "Israel": ["Israel"]})
    assert list(result) == ["Egypt", "Israel"]
    assert result["Egypt"]["count"] == 0 and result["Egypt"]["mean"] is None


def test_actor_tone_on_seed_counts_sentences_not_mentions():
    tps = load_seeds()[0].text
    tones = sentence_tones(tps)
    result = actor_tone(tps, tones, {"Israel": ["Israel"]})["Israel"]
    expected = [t for t in tones if "Israel" in tps[t.start : t.end].replace("Israeli", "")]
    assert result["count"] == len(expected) > 0
    assert result["spans"] == [(t.start, t.end) for t in expected]


# ------------------------------------------------------------------------------------------ default actors


def test_default_actors_on_seeds():
    actors = default_actors([a.text for a in load_seeds()])
    assert "Blinken" in actors and "Iran" in actors
    assert 0 < len(actors) <= 8
    assert all(aliases == [name] for name, aliases in actors.items())
    # none of them is a month, a day or a stop word
    for name in actors:
        assert name.lower() not in {"wednesday", "tuesday", "monday", "friday", "thursday", "the", "however"}


def test_default_actors_rules():
    text = (
        "Meanwhile the talks went on. Meanwhile officials met. Meanwhile nothing moved.\n"
        "Officials met on Monday and again on Monday, then on Monday.\n"
        "The envoy of Oman spoke. Later the envoy of Oman left. Then Minister Ali Bagheri Kani came.\n"
        "Secretary Antony Blinken spoke, and Blinken left with Blinken aides."
    )
    actors = default_actors([text])
    assert "Meanwhile" not in actors  # only ever at the start of a sentence
    assert "Monday" not in actors  # a day
    assert "The" not in actors and "Later" not in actors
    assert "Oman" in actors
    assert "Bagheri Kani" in actors  # a long run keeps its last two words
    # "Antony Blinken" counts for "Blinken": 3 mentions, the most frequent name
    assert "Antony Blinken" not in actors
    assert next(iter(actors)) == "Blinken"


def test_default_actors_skips_title_case_headline_and_limits():
    headline = "Vienna Talks Reach Impasse As Powers Meet Again"
    body = " ".join(f"The envoy met Name{chr(65 + i)} today." for i in range(10))
    actors = default_actors([headline + "\n" + body])
    assert "Reach Impasse" not in actors and "Talks" not in actors and "Vienna" not in actors
    assert len(actors) == 8
    assert default_actors([headline + "\n" + body], top=3) == {n: [n] for n in ["NameA", "NameB", "NameC"]}
