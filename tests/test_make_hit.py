"""make_hit: a lexicon entry's hit, built from a shared template, is the record the constructor makes."""

from __future__ import annotations

import dataclasses

import pytest

from framing.indicators.context import make_hit
from framing.lexicons import load_shipped
from framing.models import Hit
from framing.text import Document


def test_make_hit_equals_the_constructor_field_for_field() -> None:
    lex = load_shipped()["labels"]
    entry = lex.entries[0]
    doc = Document("One two three four five six.")
    first = make_hit("labels", lex, entry, doc, 4, 7)
    second = make_hit("labels", lex, entry, doc, 8, 13)
    explain = f"{entry.explain} Usage: {entry.usage}" if entry.usage else entry.explain
    expected = Hit(
        "labels", entry.category, "two", 4, 7, explain, entry.id, False,
        f"shipped lexicon labels {lex.version}; {entry.source}", f"labels {lex.version}",
    )  # fmt: skip
    assert first == expected and hash(first) == hash(expected)
    assert list(vars(first).items()) == list(vars(expected).items())  # same fields, same order
    assert (second.text, second.start, second.end) == ("three", 8, 13)  # the template is not shared state
    assert (first.text, first.start, first.end) == ("two", 4, 7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.start = 0  # type: ignore[misc]
