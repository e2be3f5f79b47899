"""Finding quotations: straight and curly, double and single marks, quotes that span sentences.

A quotation never runs past the end of its paragraph: news style opens each paragraph of a long quote
again, and a stray mark in a hostile text then costs one paragraph, not the rest of the article.
Only outermost quotations are returned; a quote inside a quote is part of the speech around it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from framing.models import Quote, rebuild
from framing.text.sentences import paragraph_spans

_DOUBLE_OPEN = {"\u201c", "\u201e", "\u00ab"}
_DOUBLE_CLOSE = {"\u201d", "\u00bb"}
_SINGLE_OPEN = {"\u2018"}
_SINGLE_CLOSE = {"\u2019"}
# Every quotation mark but a single one between two word characters (the apostrophe of "Iran's"): with a
# word character before it, it opens nothing, and with one after it, it closes nothing. The check runs
# after the mark is found, so the scan still looks for one character class. ``[^\W_]`` is ``_is_word``.
_MARK = re.compile("[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019](?<![^\\W_]['\u2018\u2019](?=[^\\W_]))")
_LINE_START = {"", "\n", "\u202a", "\u202b", "\u202c", "\u200e", "\u200f", "\ufeff"}  # (or a format mark)
_AFTER_CLOSE = set(" \t\n,.;:)")
_OPENER_BEFORE = set(' \t([{\u2014\u2013-/"\u201c\u2018') | {""}
# The fields of a Quote that the scan does not set, at their defaults (kind, speaker, verb, stance).
_DEFAULTS = tuple(Quote._field_defaults[name] for name in Quote._fields[6:])

_is_word = str.isalnum  # a letter or digit; a C method, so no Python call per mark


def find_quotes(text: str) -> list[Quote]:
    """Every outermost quotation in the text, in order."""
    rows: list[tuple] = []
    for start, end in paragraph_spans(text):
        _scan(text, start, end, rows.append)
    return list(rebuild(Quote, rows))


def _scan(text: str, start: int, end: int, add: Callable[[tuple], None]) -> None:
    """Hand ``add`` the field values of every outermost quotation in the paragraph ``text[start:end]``."""
    open_at: int | None = None  # offset of the opening mark of the current outer quote
    kind = ""  # "double" or "single"
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        if open_at is None:
            # (a closing mark typed where the opening one belongs: '\u201dFear. I am afraid ...' opening a line)
            if ch in _DOUBLE_OPEN or ch == '"' or (ch == "\u201d" and prev in _LINE_START and _is_word(nxt)):
                open_at, kind = i, "double"
            elif (ch in _SINGLE_OPEN or ch == "'") and not _is_word(prev) and _is_word(nxt):
                open_at, kind = i, "single"
            continue
        closing = (_is_word(prev) or prev in ",.!?") and (not nxt or nxt in _AFTER_CLOSE)
        if kind == "double" and ch == "\u201c" and closing:
            # an opening mark typed where the closing one belongs: '... for her here,\u201c said Clyburn'
            add(_row(text, open_at, i + 1, closed=True))
            open_at = None
        elif kind == "double" and (ch in _DOUBLE_CLOSE or ch == '"'):
            if ch == '"' and not _is_word(prev) and _is_word(nxt) and prev in _OPENER_BEFORE and i > open_at + 1:
                # A straight mark that looks like an opener while one is open: the first was a stray mark.
                add(_row(text, open_at, i, closed=False))
                open_at = i
                continue
            add(_row(text, open_at, i + 1, closed=True))
            open_at = None
        elif kind == "single" and (ch in _SINGLE_CLOSE or ch == "'") and not _is_word(nxt) and i > open_at + 1:
            # An apostrophe inside a word ("Iran's") has a letter after it and never closes a quote.
            add(_row(text, open_at, i + 1, closed=True))
            open_at = None
    if open_at is not None:
        add(_row(text, open_at, end, closed=False))


def _row(text: str, start: int, end: int, *, closed: bool) -> tuple:
    """A Quote's field values, in declaration order: from the opening mark at ``start`` to ``end``."""
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    return (start, end, inner_start, inner_end, text[inner_start:inner_end], closed, *_DEFAULTS)


class QuoteIndex:
    """Answers 'is this span inside one of these quotations?' in logarithmic time."""

    def __init__(self, quotes: Iterable[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._starts = [q.inner_start for q in self.quotes]

    def containing(self, start: int, end: int) -> Quote | None:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.inner_start <= start and end <= q.inner_end:
                return q
        return None

    def __contains__(self, span: tuple[int, int]) -> bool:
        return self.containing(*span) is not None
