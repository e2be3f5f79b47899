"""What every indicator reads: the prepared document, the lexicons and the quotations found in it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from framing.indicators.names import Names
from framing.lexicons import Entry, Lexicon
from framing.lexicons.matcher import Match, MultiMatcher
from framing.models import Hit, Quote
from framing.speech.quotes import find_quotes
from framing.text.document import Document


@dataclass
class Context:
    doc: Document
    lexicons: dict[str, Lexicon]
    matcher: MultiMatcher | None = None
    #: What one family finds that another reads (the reporting verbs, which the scare-quote test needs),
    #: kept here by the family that finds it so that it is found once per document.
    shared: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def quotes(self) -> list[Quote]:
        return find_quotes(self.doc.text)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def _quote_ends(self) -> list[int]:
        return [q.end for q in self.quotes]

    def quote_after(self, offset: int) -> Quote | None:
        """The first quotation that opens at or after ``offset``."""
        i = bisect.bisect_left(self._quote_starts, offset)
        return self.quotes[i] if i < len(self.quotes) else None

    def quote_before(self, offset: int) -> Quote | None:
        """The last quotation that closes at or before ``offset``."""
        i = bisect.bisect_right(self._quote_ends, offset) - 1
        return self.quotes[i] if i >= 0 else None

    @cached_property
    def _matches(self) -> dict[str, list[Match]]:
        assert self.matcher is not None  # read by ``matches`` only when a matcher was given
        return self.matcher.find(self.doc)

    @cached_property
    def _own_matches(self) -> dict[str, list[Match]]:
        return MultiMatcher(self.lexicons).find(self.doc)

    def matches(self, family: str) -> list[Match]:
        """Matches of one lexicon; every lexicon is matched in the same single pass over the tokens.

        The matcher given holds the lexicons the indicators match (the analyzer's leaves out the actors,
        which no indicator matches); where it lacks this context's lexicon, one is made for the context.
        """
        lexicon = self.lexicons.get(family)
        if lexicon is None:
            return []
        if self.matcher is not None and self.matcher.lexicons.get(family) is lexicon:
            return self._matches[family]
        return self._own_matches[family]

    @cached_property
    def names(self) -> Names:
        """Where the document's proper names and titles are: lexicon words inside them are not hits."""
        return Names(self.doc)


def make_hit(family: str, lexicon: Lexicon, entry: Entry, doc: Document, start: int, end: int) -> Hit:
    """A hit for a lexicon entry over ``doc.text[start:end]``.

    ``source`` says where the entry came from: the shipped lexicon and its version, or the user's overlay
    ("added by you on DATE", "edited by you on DATE"), then the entry's own source. An entry from the overlay
    also says so at the end of its explanation, so the highlight's tooltip shows it.
    """
    # Keyed by the entry alone (an int key, no tuple to build and hash): an entry seldom serves two
    # lexicons or families, and when it does the stored template is checked and made afresh.
    made = _TEMPLATES.get(id(entry))
    if made is None or made[1] is not entry or made[0] is not lexicon or made[2] != family:
        if len(_TEMPLATES) > 20_000:  # edited lexicons leave old entries behind: start afresh now and then
            _TEMPLATES.clear()
        made = _TEMPLATES[id(entry)] = (lexicon, entry, family, *_template(family, lexicon, entry))
    # Hit(...) as its constructor makes it, in one C-level step: the fields before and after the text
    # and offsets come from the entry's template.
    return _new(Hit, (*made[3], doc.text[start:end], start, end, *made[4]))


_new = tuple.__new__

# The fields of an entry's hits, in declaration order, all but the text and offsets: made once and shared
# by all its hits. Keyed by the entry's identity; the entry is kept in the value, so its id is never reused
# while its key is alive.
_TEMPLATES: dict[int, tuple[Lexicon, Entry, str, tuple[Any, ...], tuple[Any, ...]]] = {}


def _template(family: str, lexicon: Lexicon, entry: Entry) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The fields of the entry's hits before ``text`` (family, category) and after ``end``."""
    explain = entry.explain
    if entry.usage:
        explain = f"{explain} Usage: {entry.usage}"
    shipped = entry.origin == "shipped"
    where = f"shipped lexicon {lexicon.name} {lexicon.version}" if shipped else entry.origin
    if not shipped:
        explain = f"{explain} (Entry {where}.)"
    source, version = f"{where}; {entry.source}", f"{lexicon.name} {lexicon.version}"
    fields = Hit(family, entry.category, "", 0, 0, explain, entry.id, False, source, version, "", "", entry.position)
    return fields[:2], fields[5:]
