"""Frame cues: the 14 generic frames of the Policy Frames Codebook, as cues and as a per-frame profile."""

from __future__ import annotations

import pytest

from framing.indicators import frames
from framing.indicators.context import Context
from framing.lexicons import load_shipped
from framing.models import Hit
from framing.text.document import Document, word_count

FRAMES = [
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy_prescription",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
]


@pytest.fixture(scope="module")
def lexicons():
    return load_shipped()


@pytest.fixture(scope="module")
def lex(lexicons):
    return lexicons["frames"]


def detect(lexicons, text: str) -> list[Hit]:
    hits = frames.detect(Context(Document(text), lexicons))
    for h in hits:
        assert text[h.start : h.end] == h.text, h
        assert h.family == "frames"
    return hits


# ------------------------------------------------------------------------------------------- lexicon


def test_categories_are_the_14_frames_in_order(lex):
    assert list(lex.categories) == FRAMES
    assert all(lex.categories[f].strip() for f in FRAMES)
    assert frames.shipped_categories() == tuple(FRAMES)


def test_description_says_cues_not_classification(lex):
    text = lex.description.lower()
    assert "cue" in text
    assert "never a classification" in text
    assert "boydstun" in text


@pytest.mark.parametrize("frame", FRAMES)
def test_every_frame_has_at_least_24_cues(lex, frame):
    assert sum(1 for e in lex.entries if e.category == frame) >= 24


def test_ids_unique_and_named_after_their_frame(lex):
    ids = [e.id for e in lex.entries]
    assert len(ids) == len(set(ids))
    for e in lex.entries:
        assert e.id.startswith(f"frame.{e.category}."), e.id
        assert "Boydstun" in e.source and "Policy Frames Codebook" in e.source, e.id
        assert e.explain.strip(), e.id
        assert e.context != "rule", e.id


def test_no_surface_form_in_two_frames(lex):
    owner: dict[str, str] = {}
    clashes = []
    for e in lex.entries:
        for form in e.surface:
            key = form.lower()
            if key in owner and owner[key] != e.category:
                clashes.append((form, owner[key], e.category))
            owner.setdefault(key, e.category)
    assert clashes == []


def test_words_found_in_every_story_are_not_cues(lex):
    forms = {f.lower() for e in lex.entries for f in e.surface}
    assert not forms & {"government", "people", "said", "say", "official", "officials", "country", "year"}


# ------------------------------------------------------------------------------------------ detection


def test_sanctions_and_economy_are_economic_cues(lexicons):
    hits = detect(lexicons, "New sanctions will hurt the economy, the minister warned.")
    assert [(h.text, h.category) for h in hits] == [("sanctions", "economic"), ("economy", "economic")]
    assert hits[0].entry_id == "frame.economic.sanction"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court found the ban unconstitutional.", ["legality", "policy_prescription", "legality"]),
        (
            "Police arrested two suspects at the checkpoint.",
            ["crime_punishment", "crime_punishment", "quality_of_life"],
        ),
        ("Diplomats at the United Nations debated the ceasefire.", ["external_regulation"] * 2 + ["security_defense"]),
        ("A poll shows the election is close.", ["public_opinion", "political"]),
    ],
)
def test_cues_by_frame(lexicons, text, expected):
    assert [h.category for h in detect(lexicons, text)] == expected


def test_longest_cue_wins_across_frames(lexicons):
    # "Security Council" is an international body; "security" alone is a security cue.
    hits = detect(lexicons, "The Security Council met on security.")
    assert [(h.text, h.category) for h in hits] == [
        ("Security Council", "external_regulation"),
        ("security", "security_defense"),
    ]


def test_offsets_exact_with_curly_quotes_and_nbsp(lexicons):
    text = "\u201cThe\u00a0sanctions\u201d hit Iran\u2019s economy.\nHospitals are\u00a0full."
    hits = detect(lexicons, text)
    assert [h.text for h in hits] == ["sanctions", "economy", "Hospitals"]
    assert hits[2].start == text.index("Hospitals")


# --------------------------------------------------------------------------------------------- profile


def test_profile_of_no_hits_has_all_frames_with_zeros():
    profile = frames.frame_profile([], 500)
    assert list(profile) == FRAMES
    for frame in FRAMES:
        assert profile[frame] == {"hits": 0, "per_1000_words": 0.0, "terms": []}


def test_profile_counts_rates_and_terms(lexicons):
    text = "Sanctions and more sanctions hurt the economy. The court ruled. " + "word " * 190
    hits = detect(lexicons, text)
    wc = word_count(text)
    assert wc == 200
    profile = frames.frame_profile(hits, wc)
    assert list(profile) == FRAMES
    assert profile["economic"] == {"hits": 3, "per_1000_words": 15.0, "terms": ["economy", "sanctions"]}
    assert profile["legality"] == {"hits": 1, "per_1000_words": 5.0, "terms": ["court"]}
    assert sum(p["hits"] for p in profile.values()) == len(hits)
    assert all(profile[f]["hits"] == 0 for f in FRAMES if f not in ("economic", "legality"))


def test_profile_rate_rounds_and_handles_empty_text():
    hit = Hit("frames", "morality", "Moral", 0, 5, "x")
    assert frames.frame_profile([hit], 3)["morality"]["per_1000_words"] == 333.33
    assert frames.frame_profile([hit], 0)["morality"] == {"hits": 1, "per_1000_words": 0.0, "terms": ["moral"]}


def test_profile_ignores_other_families_and_unknown_frames():
    hits = [
        Hit("labels", "economic", "economy", 0, 7, "x"),
        Hit("frames", "not_a_frame", "thing", 8, 13, "x"),
        Hit("frames", "political", "Vote", 14, 18, "x"),
    ]
    profile = frames.frame_profile(hits, 100)
    assert profile["economic"]["hits"] == 0
    assert "not_a_frame" not in profile
    assert profile["political"] == {"hits": 1, "per_1000_words": 10.0, "terms": ["vote"]}


def test_profile_with_given_categories():
    hits = [Hit("frames", "b", "Y", 0, 1, "x"), Hit("frames", "b", "y", 2, 3, "x")]
    profile = frames.frame_profile(hits, 1000, categories=["b", "a"])
    assert list(profile) == ["b", "a"]
    assert profile["b"] == {"hits": 2, "per_1000_words": 2.0, "terms": ["y"]}
    assert profile["a"]["hits"] == 0
