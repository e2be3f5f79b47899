"""framing.eval.polnear: the scoring rules on tiny invented texts and annotations (never PolNeAR's own).

The run on the real dev split is at the end: it needs ../shared/eval/polnear/dev beside the project and is
skipped, with a message, when that folder is absent. It takes about 5 s.
"""

from __future__ import annotations

import importlib.util
import json
import os
import time
from pathlib import Path

import pytest

from framing.eval import polnear
from framing.eval.__main__ import main
from framing.eval.polnear import Attribution, read_ann, same_speaker, score_article

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval"
DEV = SHARED_EVAL / "polnear" / "dev"


# ------------------------------------------------------------------------------------ speaker matching


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Marta Quill", "marta quill"),  # same words, any case
        ("Governor Marta Quill", "Quill"),  # the gold inside the prediction (and same last word)
        ("Quill", "the Quill campaign office"),  # the prediction inside the gold
        ("Mr. Dobbs", "Henry Dobbs"),  # the same last word
        ("Quill campaign", "Quill aides"),  # a shared name word of four or more letters
        ("the Daily Lantern", "Daily Lantern"),  # determiners do not count
        ("Quill's office", "Quill office"),  # nor does a possessive 's
    ],
)
def test_same_speaker_accepts(predicted: str, gold: str) -> None:
    assert same_speaker(predicted, gold)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("", "Marta Quill"),  # no speaker at all
        (None, "Marta Quill"),
        ("Secretary of State", "State Department spokesman"),  # shares only a title word
        ("Al Dobbs", "Al Quill"),  # shares only a word of two letters
        ("Henry Dobbs", "Marta Quill"),  # nothing shared
        ("VIENNA", "Marta Quill"),
    ],
)
def test_same_speaker_rejects(predicted: str | None, gold: str) -> None:
    assert not same_speaker(predicted, gold)


def test_short_prediction_inside_gold_needs_three_letters() -> None:
    assert not same_speaker("Qu", "Quill office")  # "qu" is inside "quill office" but too short
    assert same_speaker("Qui", "Qui office")


def test_pronoun_and_description() -> None:
    assert polnear.is_pronoun("he") and polnear.is_pronoun("They") and polnear.is_pronoun("the")
    assert not polnear.is_pronoun("the governor")
    assert polnear.is_description("the newspaper") and polnear.is_description("a 2016 survey")
    assert not polnear.is_description("The Daily Lantern")


# ------------------------------------------------------------------------------------ one article

TEXT = (
    "Quill wins the vote\n"  # the title line: 20 characters
    "Governor Marta Quill said \u201cwe will build the bridge\u201d on Monday. "
    'The newspaper wrote "the bridge is late" in its editorial. '
    'He added "it will be done". '
    "Quill said the bridge would cost more.\n"
)


def _span(text: str, piece: str) -> tuple[int, int, str]:
    i = text.index(piece)
    return (i, i + len(piece), piece)


def gold() -> list[Attribution]:
    return [
        Attribution("Governor Marta Quill", _span(TEXT, "said"), _span(TEXT, "\u201cwe will build the bridge\u201d")),
        Attribution("The newspaper", _span(TEXT, "wrote"), _span(TEXT, '"the bridge is late"')),
        Attribution("He", _span(TEXT, "added"), _span(TEXT, '"it will be done"')),
        # a paraphrase without quotation marks: not scored at all
        Attribution("Quill", None, _span(TEXT, "the bridge would cost more")),
        # another source that names the newspaper: "the newspaper" may be resolved to it
        Attribution("Daily Lantern", None, _span(TEXT, "in its editorial")),
    ]


def quote(piece: str, speaker: str) -> dict:
    s = TEXT.index(piece)
    return {"start": s, "end": s + len(piece), "speaker": speaker}


def test_score_article_counts_and_rules() -> None:
    quotes = [quote("we will build the bridge", "Marta Quill"), quote("the bridge is late", "Daily Lantern")]
    said = TEXT.index("said")
    hits = [{"family": "attribution", "start": said, "end": said + 4}]
    score = score_article("a", TEXT, TEXT, gold(), quotes, hits)
    assert score.pronouns == 1  # "He" is skipped, never scored
    assert score.quoted == 2
    assert score.found == 2
    assert score.correct == 2  # "The newspaper" resolved through the article's other source, Daily Lantern
    assert (score.cues, score.cue_hits) == (2, 1)  # "wrote" has no attribution hit


def test_description_is_not_resolved_to_a_name_the_article_never_uses_as_source() -> None:
    quotes = [quote("the bridge is late", "Evening Star")]
    score = score_article("a", TEXT, TEXT, gold()[1:2], quotes, [])
    assert (score.quoted, score.found, score.correct) == (1, 1, 0)
    assert score.errors == [("a", "The newspaper", "Evening Star", '"the bridge is late"')]


def test_quote_recall_needs_an_overlap_not_a_touch() -> None:
    s, e, _ = _span(TEXT, "\u201cwe will build the bridge\u201d")
    touching = [{"start": e, "end": e + 5, "speaker": "Marta Quill"}]
    assert score_article("a", TEXT, TEXT, gold()[:1], touching, []).found == 0
    one_char = [{"start": e - 1, "end": e + 5, "speaker": "Marta Quill"}]
    score = score_article("a", TEXT, TEXT, gold()[:1], one_char, [])
    assert (score.found, score.correct) == (1, 1)


def test_cue_needs_an_attribution_hit() -> None:
    s, e, _ = _span(TEXT, "said")
    other_family = [{"family": "hedges", "start": s, "end": e}]
    assert score_article("a", TEXT, TEXT, gold()[:1], [], other_family).cue_hits == 0
    overlapping = [{"family": "attribution", "start": s + 2, "end": e + 3}]
    assert score_article("a", TEXT, TEXT, gold()[:1], [], overlapping).cue_hits == 1


def test_spans_are_located_when_the_title_line_is_dropped() -> None:
    body = TEXT.split("\n", 1)[1]  # the analysed text lost its first 20 characters
    q = body.index("we will build the bridge")
    quotes = [{"start": q, "end": q + 5, "speaker": "Quill"}]
    score = score_article("a", TEXT, body, gold()[:1], quotes, [])
    assert (score.quoted, score.unmapped, score.correct) == (1, 0, 1)
    assert polnear.locate(TEXT, body, 6, 10) is None  # "wins", in the title only, is nowhere in the body


# ------------------------------------------------------------------------------------ .ann files

ANN = (
    "T1\tSource 20 40\tGovernor Marta Quill\n"
    "T2\tCue 41 45\tsaid\n"
    "T3\tContent 46 50;52 72\tpart one part two\n"
    "T4\tSource 200 204\tnone\n"
    "E1\tAttribution:T9 Source:T1 Cue:T2 Content:T3\n"
    "E2\tAttribution:T8 Source:T4\n"  # no Content: dropped
    "#1\tAnnotatorNotes T1\ta note line\n"
)


def test_read_ann(tmp_path: Path) -> None:
    path = tmp_path / "x.ann"
    path.write_text(ANN, encoding="utf-8")
    rels = read_ann(path)
    assert rels == [Attribution("Governor Marta Quill", (41, 45, "said"), (46, 72, "part one part two"))]


def test_first_annotator_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    article = tmp_path / "text" / "story.txt"
    article.write_text("T\nbody\n", encoding="utf-8")
    for name in ("story_zed.ann", "story_amy.ann"):
        (tmp_path / "attributions" / name).write_text("", encoding="utf-8")
    assert polnear.annotation_for(article) == tmp_path / "attributions" / "story_amy.ann"
    (tmp_path / "text" / "lonely.txt").write_text("T\nbody\n", encoding="utf-8")
    assert polnear.split_files(tmp_path) == [article]  # an article without annotation is left out


def test_cli_on_an_invented_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "one.txt").write_text(TEXT, encoding="utf-8")
    lines = []
    for n, g in enumerate(gold()[:1], 1):
        lines.append(f"T{3 * n - 2}\tSource 0 0\t{g.source}")
        lines.append(f"T{3 * n - 1}\tContent {g.content[0]} {g.content[1]}\t{g.content[2]}")
        lines.append(f"E{n}\tAttribution:T0 Source:T{3 * n - 2} Content:T{3 * n - 1}")
    (tmp_path / "attributions" / "one_amy.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "figures.json"
    code = main(["polnear", str(tmp_path), "--json", str(out), "--processes", "1", "--min-quote-recall", "0.5"])
    printed = capsys.readouterr().out
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["quoted_attributions"] == 1 and figures["articles"] == 1
    assert "speaker accuracy" in printed
    assert code == (0 if figures["quote_recall"] >= 0.5 else 1)
    # an impossible bar fails, and says which
    assert main(["polnear", str(tmp_path), "--processes", "1", "--min-speaker", "1.01"]) == 1
    assert "FAIL: speaker accuracy" in capsys.readouterr().out


def test_cli_refuses_a_folder_that_is_not_a_split(tmp_path: Path) -> None:
    assert main(["polnear", str(tmp_path)]) == 2


# ------------------------------------------------------------------------------------ against the shared script


def _shared_script():
    path = SHARED_EVAL / "polnear_score.py"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared acceptance script lives beside the project)")
    spec = importlib.util.spec_from_file_location("polnear_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_matching_rules_agree_with_the_acceptance_script() -> None:
    ref = _shared_script()
    names = ["Marta Quill", "Governor Marta Quill", "Quill", "the Quill campaign", "Mr. Dobbs", "Henry Dobbs",
             "Secretary of State", "State Department spokesman", "Al Dobbs", "Al Quill", "he", "VIENNA", "Qu",
             "Quill's office", "the newspaper", "The Daily Lantern", "a 2016 survey", "campaign officials"]  # fmt: skip
    for p in ["", *names]:
        for g in names:
            assert same_speaker(p, g) == ref.same_speaker(p, g), (p, g)
    for g in names:
        assert polnear.is_description(g) == ref.nominal(g), g


@pytest.mark.skipif(not DEV.is_dir(), reason=f"no PolNeAR dev split at {DEV} (../shared/eval/polnear/dev)")
def test_polnear_dev_runs_in_process(tmp_path: Path) -> None:
    """The real dev split, engine in this process: about 5 s. Set FRAMING_EVAL_PARITY=1 to also run the
    shared acceptance script (a subprocess per batch, about 45 s) and require the same figures."""
    out = tmp_path / "dev.json"
    began = time.perf_counter()
    main(["polnear", str(DEV), "--json", str(out)])
    assert time.perf_counter() - began < 120
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["articles"] == 84 and figures["quoted_attributions"] > 400
    assert figures["unmapped"] == 0
    for name in ("speaker_accuracy", "quote_recall", "cue_recall"):
        assert 0.0 < figures[name] <= 1.0
    if os.environ.get("FRAMING_EVAL_PARITY") == "1":
        import subprocess
        import sys

        script = SHARED_EVAL / "polnear_score.py"
        run = subprocess.run([sys.executable, str(script), str(DEV)], capture_output=True, text=True, cwd=PROJECT_ROOT)
        assert f"({figures['speaker_correct']}/{figures['quoted_attributions']})" in run.stdout
        assert f"quote recall {figures['quotes_found']}/{figures['quoted_attributions']}" in run.stdout
        assert f"cue recall {figures['cue_hits']}/{figures['cues']}" in run.stdout
