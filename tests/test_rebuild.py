"""models.rebuild: records from rows of field values, as the worker processes send them back."""

from __future__ import annotations

import pickle

import pytest

from framing.models import Hit, Quote, Span, Speaker, rebuild

HIT_ROW = ("labels", "contested", "IDF", 3, 6, "why it matters", "lab.idf", True, "src", "labels 1", "", "", "")


def test_rebuild_equals_the_constructor_field_for_field() -> None:
    rows = [HIT_ROW, HIT_ROW[:3] + (10, 13) + HIT_ROW[5:]]
    built = rebuild(Hit, rows)
    assert built == tuple(Hit(*r) for r in rows)
    assert [type(h) for h in built] == [Hit, Hit]
    assert [h._asdict() for h in built] == [Hit(*r)._asdict() for r in rows]  # field by field, by name
    assert hash(built[0]) == hash(Hit(*HIT_ROW))
    assert rebuild(Span, [(0, 4), (5, 9)]) == (Span(0, 4), Span(5, 9))
    quote = Quote(0, 9, 1, 8, "quoted", True, "direct", "Blinken", "said", "neutral")
    assert rebuild(Quote, [tuple(quote)]) == (quote,)
    speaker = Speaker("Blinken", 1, 5, 0, 12, (("said", "neutral", 1),))
    assert rebuild(Speaker, [tuple(speaker)]) == (speaker,)


def test_rebuilt_records_stay_read_only_and_can_be_changed_by_copy() -> None:
    (hit,) = rebuild(Hit, [HIT_ROW])
    with pytest.raises(AttributeError):
        hit.start = 0  # type: ignore[misc]
    assert hit._replace(in_quote=False) == Hit(*HIT_ROW[:7], False, *HIT_ROW[8:])
    assert hit.to_dict()["entry_id"] == "lab.idf"
    assert pickle.loads(pickle.dumps(hit)) == hit and type(pickle.loads(pickle.dumps(hit))) is Hit


def test_rebuild_takes_any_iterable_of_rows() -> None:
    assert rebuild(Span, ((i, i + 1) for i in range(3))) == (Span(0, 1), Span(1, 2), Span(2, 3))
    assert rebuild(Span, []) == ()


@pytest.mark.parametrize("row", [HIT_ROW[:-1], HIT_ROW + ("extra",)])
def test_a_row_of_the_wrong_length_is_refused(row: tuple) -> None:
    with pytest.raises(TypeError, match="Hit takes 13 values"):
        rebuild(Hit, [row])
