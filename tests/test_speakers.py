"""Who speaks: speakers, verbs and share of voice, on the seeds and on sentences written for one rule each."""

from __future__ import annotations

import pytest

from framing import Article, analyze, compare, load_seeds, to_dict


@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    return {a["outlet"]: a for a in to_dict(compare(load_seeds()))["articles"]}


def _speakers(article: dict) -> dict[str, dict]:
    return {s["name"]: s for s in article["speakers"]}


def test_tps_speakers_include_price_and_lapid(seeds: dict) -> None:
    names = _speakers(seeds["TPS"])
    assert "Ned Price" in names and "Yair Lapid" in names
    # "he cautioned", "he said", "he underscored" all go to Price; "he conceded" to Lapid.
    price_verbs = {v["verb"] for v in names["Ned Price"]["verbs"]}
    assert {"stated", "cautioned", "said", "underscored"} <= price_verbs
    assert {"stated", "conceded"} <= {v["verb"] for v in names["Yair Lapid"]["verbs"]}
    # (the deck's quotation "says State Department spokesman" is his too: the article names no other
    # State Department officer, "US State Department Ned Price")
    assert names["Ned Price"]["quotes"] == 5 and names["Ned Price"]["words"] > names["Yair Lapid"]["words"]
    assert "State Department spokesman" not in names


def test_al_mayadeen_speakers(seeds: dict) -> None:
    names = _speakers(seeds["Al Mayadeen"])
    for who in ("Antony Blinken", "Ali Bagheri Kani", "Naftali Bennett", "Benny Gantz"):
        assert who in names, who
    assert "Blinken" not in names  # one speaker under his several names
    blinken = {(v["verb"], v["stance"]) for v in names["Antony Blinken"]["verbs"]}
    assert ("claimed", "distancing") in blinken
    assert any(q["speaker"] == "Ali Bagheri Kani" and q["verb"] == "said" for q in seeds["Al Mayadeen"]["quotes"])


def test_he_said_is_attributed(seeds: dict) -> None:
    for article in seeds.values():
        for q in article["quotes"]:
            if q["kind"] == "direct" and q["verb"].lower() in {"said", "cautioned", "underscored", "asserted"}:
                assert q["speaker"], q


def test_headline_forms(seeds: dict) -> None:
    heads = [q for q in seeds["Al Mayadeen"]["quotes"] if q["kind"] == "headline"]
    assert {q["speaker"] for q in heads} == {"Antony Blinken"}
    assert any(q["text"].startswith("The latest round of talks ended") for q in heads)
    assert any(q["text"].startswith("US Open to Other Options") for q in heads)


def test_quote_offsets_index_the_text(seeds: dict) -> None:
    for article in seeds.values():
        for q in article["quotes"]:
            assert article["text"][q["start"] : q["end"]] == q["text"]


def _quotes(text: str) -> list[tuple[str, str, str, str]]:
    an = analyze(Article(text=text))
    return [(q.kind, q.speaker, q.verb, q.text) for q in an.quotes]


def test_said_after_name_and_name_after_said() -> None:
    assert _quotes('"We will not allow it," said Maria Okafor.')[0][:3] == ("direct", "Maria Okafor", "said")
    assert _quotes('"We will not allow it," Okafor said.')[0][:3] == ("direct", "Okafor", "said")


def test_according_to() -> None:
    found = _quotes("According to the Health Ministry, the clinic was \u201cfully destroyed in the night\u201d.")
    assert found[0][1] == "Health Ministry"


def test_told_outlet_and_indirect_speech() -> None:
    found = _quotes("Mayor Tomas Reyes told Radio Sur the bridge would reopen on Monday after repairs.")
    indirect = [f for f in found if f[0] == "indirect"]
    assert indirect and indirect[0][1] == "Tomas Reyes"
    assert indirect[0][3].startswith("the bridge would reopen")


def test_pronoun_goes_to_the_nearest_named_speaker() -> None:
    text = (
        "Minister Lena Vos said the plan was sound.\n"
        "Opposition leader Karim Dahl claimed that it would fail.\n"
        '"It is a disaster for the port," he warned.'
    )
    direct = [f for f in _quotes(text) if f[0] == "direct"]
    assert direct[0][1] == "Karim Dahl"


def test_participle_takes_the_clause_subject() -> None:
    found = _quotes("The ministry claimed that the strike was illegal, accusing the union of sabotage at the docks.")
    speakers = {f[2]: f[1] for f in found}
    assert speakers.get("claimed") == "ministry"
    assert speakers.get("accusing") == "ministry"


def test_share_of_voice_counts_words() -> None:
    an = analyze(
        Article(text='"One two three four five six seven eight nine," said Ana Ruiz. "Ten eleven," Ruiz added.')
    )
    table = {s.name: s for s in an.speakers}
    assert set(table) == {"Ana Ruiz"}
    assert table["Ana Ruiz"].quotes == 2
    assert table["Ana Ruiz"].words == 11


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Patterns the bundled corpus showed up (all names invented).
        ('"We will rebuild," said the group\'s director, Ruth Amsel.', "Ruth Amsel"),
        ('"The water came at night," said Nova Arvel mayor Pieter Grann.', "Pieter Grann"),
        ("ASHFELD - Six people were hurt, Korvath officials said on Friday.", "Korvath officials"),
        ("One man was arrested, police said.", "police"),
    ],
)
def test_speaker_patterns(text: str, speaker: str) -> None:
    an = analyze(Article(text=text))
    said = [h for h in an.hits if h.family == "attribution"]
    assert said and said[0].speaker == speaker
    assert not any(sp.name in {"ASHFELD", "One", "Six", "Korvath"} for sp in an.speakers)


def test_speaker_table_orders_verbs_by_count() -> None:
    an = analyze(
        Article(
            text='Ana Ruiz warned that the port would close within a week.\n\n"Ten eleven," Ruiz said. '
            '"Twelve," Ruiz said. Police said the road was shut for the whole day.'
        )
    )
    assert [s.name for s in an.speakers] == ["Ana Ruiz", "Police"]
    ruiz = an.speakers[0]
    assert (ruiz.quotes, ruiz.words, ruiz.indirect) == (2, 3, 1)
    assert ruiz.verbs == (("said", "neutral", 2), ("warned", "emphatic", 1))


@pytest.mark.parametrize(
    "text",
    [
        "Blinken: The latest round of talks ended without a deal\nMore text here, he said.",
        "Some intro text here.\nTalks will resume next week in Vienna: Blinken",  # the last line, no line break after
    ],
)
def test_headline_on_first_and_last_line(text: str) -> None:
    heads = [(q.speaker, q.text) for q in analyze(Article(text=text)).quotes if q.kind == "headline"]
    assert len(heads) == 1 and heads[0][0] == "Antony Blinken"
    assert heads[0][1] in text and ":" not in heads[0][1]


def test_sentences_looked_up_as_the_document_does() -> None:
    """Attribution reads sentences through its own lists: the same sentence as Document.sentence_at, everywhere."""
    from framing.speech.speaker_names import Words
    from framing.text.document import Document

    doc = Document('  Leading space. Second one!\n\n"Quoted," he said.  Last line without a stop\n')
    words = Words(doc)
    for offset in range(-1, len(doc.text) + 2):
        assert words.sentence_at(offset) is doc.sentence_at(offset), offset


def test_last_token_of_a_verb_found_by_stepping() -> None:
    """The last token of a verb, stepped to from its first token: index(end) - 1, for any span of the text."""
    from framing.speech.speaker_names import Words
    from framing.text.document import Document

    doc = Document("Blinken went on to say, according to officials: it is over.  Done")
    words = Words(doc)
    for start in range(len(doc.text) + 1):
        for end in range(start, len(doc.text) + 2):
            assert words.last_before(words.index(start), end) == words.index(end) - 1, (start, end)


def test_phrase_joins_the_written_tokens_by_single_spaces() -> None:
    """A run of words read off the text: its tokens as written, one space between, whatever whitespace
    stands between them in the text."""
    from framing.speech.speaker_names import Words
    from framing.text.document import Document

    doc = Document("said  US\tSecretary of State Antony Blinken's aide, O'Neill-Smith")
    words = Words(doc)
    written = [doc.text[s:e] for s, e in zip(doc.token_starts, doc.token_ends)]
    for first in range(words.n):
        for end in range(first + 1, words.n + 1):
            if all(words.plain(k) for k in range(first, end - 1)):
                assert words.phrase(first, end) == " ".join(written[first:end]), (first, end)
    assert words.phrase(1, 4) == "US Secretary of"


def test_groups_named_by_a_common_noun_are_not_joined_by_it() -> None:
    """ "local officials" and "Velmoran officials" are two groups: "officials" is no surname to join them by."""
    from framing.speech.speaker_names import canonical_names

    full = canonical_names(["local officials", "Velmoran officials", "officials", "Ned Price", "Price"], None)
    assert full["officials"] == "officials"
    assert full["local officials"] == "local officials" and full["Velmoran officials"] == "Velmoran officials"
    assert full["Price"] == "Ned Price"


def test_the_analysis_does_not_depend_on_the_hash_seed_of_the_process() -> None:
    """Two processes with different string hash seeds (as spawned workers and CI runs have) agree."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    text = (
        "Local officials described the blast as an accident, and hospital officials said twelve were hurt. "
        "Velmoran officials described the damage. The officials described it as minor, the mayor said.\n\n"
        "Harbour officials said the port would reopen. The officials also said that talks would resume."
    )
    code = (
        "import sys; from framing import Article, analyze;"
        "a = analyze(Article(text=sys.stdin.read())); print(repr(a.speakers)); print(repr(a.hits))"
    )
    root = str(Path(__file__).resolve().parents[1])
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root},
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert "Harbour officials" in runs[0]  # something to compare
    assert runs[0] == runs[1] == runs[2]
