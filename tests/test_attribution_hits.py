"""Attribution hits: each one its own record, equal to a hit made afresh for its entry and span."""

from __future__ import annotations

from framing.indicators import attribution
from framing.indicators.context import Context, make_hit
from framing.lexicons import load_shipped
from framing.text.document import Document


def test_every_hit_of_a_repeated_verb_has_its_own_span() -> None:
    # Three hits of one entry: each has its own span and text, the rest as a hit made afresh.
    lexicons = load_shipped()
    lex = lexicons["attribution"]
    text = 'He said the talks failed. "We tried," she says. They said that it was over, officials told him.'
    ctx = Context(Document(text), lexicons)
    hits = attribution.find_attribution(ctx)
    assert [h.text for h in hits] == ["said", "says", "said", "told"]
    assert len({h.entry_id for h in hits[:3]}) == 1
    starts = [text.index("He said") + 3, text.index("she says") + 4, text.index("They said") + 5]
    assert [h.start for h in hits] == [*starts, text.index("told")]
    for h in hits:
        assert h == make_hit("attribution", lex, lex.by_id(h.entry_id), ctx.doc, h.start, h.end)
