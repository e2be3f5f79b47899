"""AppTest: the Guide page with live examples, and a round of Spot the frame played to the end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from framing import compare
from framing.library.store import Library
from framing.render.exercise import make_questions

APP = str(Path(__file__).resolve().parents[1] / "app.py")
SEED_STORY = "Vienna nuclear talks, 2021"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "lib.db"
    monkeypatch.setenv("FRAMING_DB", str(path))
    return path


def _page(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(f"views/{name}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _examples(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.html if 'class="fr-article"' in h.proto.body]


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_guide_shows_live_examples_from_the_seeds(db: Path) -> None:
    at = _page("guide")
    assert at.selectbox(key="guide_story").value == SEED_STORY
    bodies = "".join(_examples(at))
    assert re.search(r'<mark class="fr-attribution"[^>]*>(claimed|alleges)</mark>', bodies)
    assert re.search(
        r'<mark class="fr-scare_quotes"[^>]*>&quot;Israel&quot;</mark>', bodies
    )  # a scare quote from Al Mayadeen, escaped first
    text = _markdown(at)
    assert "Entman" in text
    assert "Questions for discussion" in [h.value for h in at.header]
    questions = [m.value for m in at.markdown if m.value[:1].isdigit() and "\\." in m.value[:4]]
    assert len(questions) >= 3
    assert any("claimed" in q and "stated" in q and "TPS" in q for q in questions), questions
    assert any("@media print" in h.proto.body for h in at.html)
    assert any("Print" in c.value for c in at.caption)


def test_switching_the_story_changes_the_examples(db: Path) -> None:
    at = _page("guide")
    before = _examples(at)
    at.selectbox(key="guide_story").set_value("Shooting at the Tarrin Gap").run()
    assert not at.exception, [e.value for e in at.exception]
    after = _examples(at)
    assert after and after != before
    assert "Tarrin" in "".join(after) or "Korvath" in "".join(after) or "Velmora" in "".join(after)
    assert "Vienna" not in "".join(after)


def test_a_round_can_be_played_to_the_end(db: Path) -> None:
    at = _page("exercise")
    at.button(key="exercise_start").click().run()
    assert not at.exception, [e.value for e in at.exception]
    seed = at.session_state["exercise_seed"]
    with Library(db) as lib:
        articles = [a for a in lib.articles() if a.story == SEED_STORY]
    questions = make_questions(compare(articles), seed=seed, n=10)
    assert len(questions) == 10
    expected = 0
    for k, q in enumerate(questions):
        assert f"Question {k + 1} of {len(questions)}" in at.subheader[0].value
        # the outlet is hidden until Check
        if q.kind == "which_outlet":
            assert q.passages[0].outlet not in _markdown(at)
        radio = at.radio(key=f"exercise_choice_{seed}_{k}")
        assert list(radio.options) == list(q.choices)
        if k % 2 == 0:
            radio.set_value(q.answer)
            expected += 1
        else:
            radio.set_value(next(c for c in q.choices if c != q.answer))
        at.button(key="exercise_check").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert (len(at.success) == 1) == (k % 2 == 0)
        assert any(m.value.startswith("**Evidence:**") for m in at.markdown)
        assert _examples(at), "the evidence is shown highlighted"
        at.button(key="exercise_next").click().run()
        assert not at.exception, [e.value for e in at.exception]
    assert at.subheader[0].value == f"Round finished: {expected} of {len(questions)} right"
    assert f"Score this session: **{expected} of {len(questions)}**" in _markdown(at)


def test_check_without_an_answer_asks_for_one_and_large_text_toggles(db: Path) -> None:
    at = _page("exercise")
    at.toggle(key="exercise_large").set_value(True).run()
    assert any("font-size: 1.6rem" in h.proto.body for h in at.html)
    at.button(key="exercise_start").click().run()
    at.button(key="exercise_check").click().run()
    assert not at.exception
    assert at.warning and "Pick an answer" in at.warning[0].value
    assert at.subheader[0].value.startswith("Question 1 of")
