"""Labels: the name an article picks for a contested referent (one category per concept).

Every variant of a concept is a hit, the neutral ones too (they show the choice made); each hit carries its
entry's ``position``. A few words are a label only in some company: *the resistance* is the armed groups,
but *the resistance to the plan* is opposition; *the occupation* names Israel, but *the occupation of the
West Bank* describes a state of affairs; *terrorist group* in the writer's voice is a verdict, but
*designated a terrorist group by the US* reports someone else's. The guards below drop those uses: each
looks only at the words next to the match, inside its sentence.
"""

from __future__ import annotations

import re

from framing.indicators.context import Context, make_hit
from framing.indicators.lookup import lexicon_hits
from framing.models import Hit

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_STOP = re.compile(r"[.!?;:\n\u2014]")  # a sentence or clause break ends the words a guard looks at
_REACH = 60  # characters either side a guard reads


class Guard:
    """When a match of an entry is not the label: words just before it, or just after it."""

    def __init__(
        self,
        before: frozenset[str] = frozenset(),
        before_window: int = 1,
        after: frozenset[str] = frozenset(),
        after_window: int = 1,
        before_pairs: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.before, self.before_window = before, before_window
        self.after, self.after_window = after, after_window
        self.before_pairs = before_pairs

    def blocks(self, text: str, start: int, end: int) -> bool:
        left = _STOP.split(text[max(0, start - _REACH) : start])[-1]
        right = _STOP.split(text[end : end + _REACH])[0]
        prev = [w.lower() for w in _WORD.findall(left)]
        nxt = [w.lower() for w in _WORD.findall(right)]
        if any(w in self.before for w in prev[-self.before_window :]):
            return True
        if len(prev) >= 2 and (prev[-2], prev[-1]) in self.before_pairs:
            return True
        return any(w in self.after for w in nxt[: self.after_window])


# Someone else's verdict reported: "designated a terrorist group", "which Israel calls terrorists".
_VERDICT = frozenset(
    "designated designates designating designation listed lists blacklisted blacklists proscribed proscribes "
    "considers considered deems deemed brands branded labels labelled labeled calls called classified "
    "classifies regards regarded".split()
)
_VERDICT_GUARD = Guard(before=_VERDICT, before_window=4)
# A state of affairs, not a name for Israel: "the occupation of the West Bank", "end the occupation",
# "decades of Israeli occupation".
_SPAN_OF_TIME = ("years", "decades", "months", "generations", "century")
_OCCUPATION_GUARD = Guard(
    before=frozenset({"end", "ends", "ended", "ending", "under"}),
    after=frozenset({"of", "in", "since", "began", "begun", "ended", "lasted"}),
    before_pairs=frozenset((t, "of") for t in _SPAN_OF_TIME),
)
# Not a killing: "neutralize the sanctions", "eliminated from the tournament", "eliminate the threat".
_THINGS = frozenset(
    "sanctions sanction effect effects impact impacts pressure pressures measures plan plans program programs "
    "programme programmes efforts attempts threat threats danger dangers risk risks tariffs tariff barriers "
    "debt deficit need possibility round stage competition tournament race bomb bombs device devices "
    "explosive explosives mine mines drone drones rocket rockets missile missiles from acid".split()
)
_THING_GUARD = Guard(after=_THINGS, after_window=4)  # ("elimination of a concrete threat")
# Opposition, not the armed groups: "resistance to the plan", "the resistance from investors".
_RESISTANCE_GUARD = Guard(after=frozenset({"to", "from", "among", "within"}))
# The city as a place of travel, not a name for Israel's government: "flights from Washington and Tel Aviv".
_TRAVEL_GUARD = Guard(before=frozenset({"from", "to", "via", "flight", "flights", "route", "routes"}))

GUARDS: dict[str, Guard] = {
    "label.armed_men.terrorist": _VERDICT_GUARD,
    "label.armed_men.terror_group": _VERDICT_GUARD,
    "label.hamas.hamas_terrorist_organization": _VERDICT_GUARD,
    "label.hezbollah.hezbollah_terrorist_organization": _VERDICT_GUARD,
    "label.israel_state.the_occupation": _OCCUPATION_GUARD,
    "label.israel_state.israeli_occupation": _OCCUPATION_GUARD,
    "label.killing.neutralized": _THING_GUARD,
    "label.killing.eliminated": _THING_GUARD,
    "label.armed_men.the_resistance": _RESISTANCE_GUARD,
    "label.israeli_government.tel_aviv_metonym": _TRAVEL_GUARD,
}


# "Tel Aviv's government": the lexicon matches words separated by spaces only, so the possessive forms of the
# Tel Aviv metonym are found here, with the political nouns that make the city stand for the state.
_TEL_AVIV_ID = "label.israeli_government.tel_aviv_metonym"
_TEL_AVIV_POSSESSIVE = re.compile(
    r"\bTel Aviv['\u2019]s (?:government|regime|leaders|leadership|policies|policy|aggression|crimes|army|military"
    r"|occupation|nuclear arsenal|allies|officials|cabinet|war|threats|plans)\b"
)


def detect(ctx: Context) -> list[Hit]:
    text = ctx.doc.text
    out = []
    for h in lexicon_hits(ctx, "labels"):
        guard = GUARDS.get(h.entry_id)
        if guard is not None and guard.blocks(text, h.start, h.end):
            continue
        out.append(h)
    lexicon = ctx.lexicons.get("labels")
    if lexicon is not None and "Tel Aviv" in text:
        entry = next((e for e in lexicon.entries if e.id == _TEL_AVIV_ID), None)
        if entry is not None:
            out += [
                make_hit("labels", lexicon, entry, ctx.doc, m.start(), m.end())
                for m in _TEL_AVIV_POSSESSIVE.finditer(text)
            ]
            out.sort(key=lambda h: (h.start, h.end))
    return out
