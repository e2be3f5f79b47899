"""AppTest: every tab of the Compare page on the seeds, and on three articles at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _charts(at: AppTest) -> dict[str, dict]:
    return {c.proto.id: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_all_tabs_render(app: AppTest) -> None:
    assert [t.label for t in app.tabs] == [
        "Highlights",
        "Summary",
        "Voices",
        "Selection",
        "Vocabulary",
        "Agency & frames",
        "Tone",
    ]


def test_summary_states_the_distancing_contrast_with_evidence(app: AppTest) -> None:
    text = _markdown(app)
    assert "Al Mayadeen introduces speech with distancing verbs" in text
    assert "TPS uses no distancing verb" in text
    assert "Antony Blinken" in text
    assert any(e.label.startswith("Evidence") for e in app.expander)


def test_voices_tab_lists_speakers(app: AppTest) -> None:
    frames = [df.value for df in app.dataframe]
    speakers = set()
    for df in frames:
        if "speaker" in df.columns and "quoted words" in df.columns:
            speakers |= set(df["speaker"])
    for who in ("Ned Price", "Yair Lapid", "Antony Blinken", "Ali Bagheri Kani", "Naftali Bennett", "Benny Gantz"):
        assert who in speakers, who


def test_share_of_voice_chart(app: AppTest) -> None:
    charts = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    voice = [c for c in charts if c["layout"].get("xaxis", {}).get("title", {}).get("text") == "quoted words"]
    assert voice
    names = {y for trace in voice[0]["data"] for y in trace["y"]}
    assert "Ned Price" in names and "Antony Blinken" in names


def test_selection_tab_pairs_and_omissions(app: AppTest) -> None:
    heads = [s.value for s in app.subheader]
    assert any(h.startswith("Reported by both") for h in heads)
    assert any(h.startswith("Only in TPS") for h in heads)
    assert any(h.startswith("Only in Al Mayadeen") for h in heads)


def test_threshold_slider_changes_the_pairs() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    before = next(s.value for s in at.subheader if s.value.startswith("Reported by both"))
    at.slider(key="compare_align_threshold").set_value(0.05).run()
    assert not at.exception
    after = next(s.value for s in at.subheader if s.value.startswith("Reported by both"))
    count = lambda s: int(s.split("(")[1].split()[0])  # noqa: E731
    assert count(after) > count(before)


def test_vocabulary_term_shows_its_sentences() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.selectbox(key="compare_term").set_value("asserted").run()
    assert not at.exception
    quotes = [m.value for m in at.markdown if m.value.startswith(">")]
    assert quotes and all("asserted" in q for q in quotes)
    assert any("sentence" in m.value and "Al Mayadeen" in m.value for m in at.markdown)


def test_agency_frames_and_tone(app: AppTest) -> None:
    heads = [s.value for s in app.subheader]
    assert "Frame cues" in heads and "Tone (VADER)" in heads
    assert any("not built for news" in w.value or "social" in w.value for w in app.warning)
    charts = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    frames = [c for c in charts if c["layout"].get("yaxis", {}).get("title", {}).get("text") == "cues per 1,000 words"]
    assert frames and len(frames[0]["data"][0]["x"]) == 14


def test_three_articles_at_once() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.get("file_uploader")[0].upload(
        "third.txt",
        b"Harbour strike ends\n\nThe union claimed that the port was reopened by police. "
        b"Officials said talks would resume.",
        "text/plain",
    )
    at.run()
    ids = at.multiselect(key="compare_articles").options
    assert len(ids) == 3
    at.multiselect(key="compare_articles").set_value(at.multiselect(key="compare_articles").value + [ids[2]]).run()
    assert not at.exception
    assert [s.value for s in at.subheader][:3] == ["TPS", "Al Mayadeen", "Unknown outlet"]
    assert at.selectbox(key="compare_align_pair") is not None


def test_downloads_offer_report_and_tables(app: AppTest) -> None:
    labels = [b.label for b in app.get("download_button")]
    assert any(label.startswith("Report (HTML") for label in labels)
    assert {"Hits (CSV)", "Quotes (CSV)", "Rates (CSV)"} <= set(labels)


def test_hits_csv_neutralises_formulas() -> None:
    from framing import Article, compare
    from views._downloads import _csv, hits_frame

    comparison = compare([Article(text="=cmd said the official.", outlet="=X"), Article(text="He said so.")])
    text = _csv(hits_frame(comparison))
    assert "'=X" in text and "\n=X" not in text and ",=X" not in text
