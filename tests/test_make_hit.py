"""make_hit: a lexicon entry's hit, built from a shared template, is the record the constructor makes."""

from __future__ import annotations

import dataclasses

import pytest

from framing.indicators.context import make_hit
from framing.lexicons import load_shipped
from framing.models import Hit
from framing.text.document import Document


def test_make_hit_equals_the_constructor_field_for_field() -> None:
    lex = load_shipped()["labels"]
    entry = lex.entries[0]
    doc = Document("One two three four five six.")
    first = make_hit("labels", lex, entry, doc, 4, 7)
    second = make_hit("labels", lex, entry, doc, 8, 13)
    explain = f"{entry.explain} Usage: {entry.usage}" if entry.usage else entry.explain
    expected = Hit(
        "labels", entry.category, "two", 4, 7, explain, entry.id, False,
        f"shipped lexicon labels {lex.version}; {entry.source}", f"labels {lex.version}", "", "", entry.position,
    )  # fmt: skip
    assert entry.position  # every label entry has one, and its hits carry it
    assert first == expected and hash(first) == hash(expected)
    assert type(first) is Hit and first._asdict() == expected._asdict()  # same fields, same order
    assert (second.text, second.start, second.end) == ("three", 8, 13)  # the template is not shared state
    assert (first.text, first.start, first.end) == ("two", 4, 7)
    with pytest.raises(AttributeError):
        first.start = 0  # type: ignore[misc]


def test_one_entry_in_two_families_or_lexicons_keeps_each_its_own_fields() -> None:
    # Templates are cached by entry: the same entry under another family or lexicon must not reuse them.
    labels = load_shipped()["labels"]
    entry = labels.entries[0]
    other = dataclasses.replace(labels, name="mine", version="9")
    doc = Document("One two three.")
    as_label = make_hit("labels", labels, entry, doc, 4, 7)
    as_hedge = make_hit("hedges", labels, entry, doc, 4, 7)
    in_other = make_hit("labels", other, entry, doc, 4, 7)
    assert (as_label.family, as_hedge.family) == ("labels", "hedges")
    assert in_other.lexicon_version == "mine 9" and as_label.lexicon_version == f"labels {labels.version}"
    assert make_hit("labels", labels, entry, doc, 4, 7) == as_label
