"""Surface forms of a lexicon term: regular English inflections plus a table of irregular verbs."""

from __future__ import annotations

_VOWELS = set("aeiou")

# Irregular verbs that turn up in reporting and in news; anything else gives `forms` in its entry.
IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "show": ("shows", "showed", "shown", "showing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thinking"),
    "hold": ("holds", "held", "holding"),
    "maintain": ("maintains", "maintained", "maintaining"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "withhold": ("withholds", "withheld", "withholding"),
    "admit": ("admits", "admitted", "admitting"),
    "regret": ("regrets", "regretted", "regretting"),
    "bet": ("bets", "bet", "betting"),
    "lie": ("lies", "lied", "lying"),
    "bully": ("bullies", "bullied", "bullying"),
    "slay": ("slays", "slew", "slain", "slaying"),
    "mislead": ("misleads", "misled", "misleading"),
    "overrun": ("overruns", "overran", "overrunning"),
    "beat": ("beats", "beaten", "beating"),
    "shoot": ("shoots", "shot", "shooting"),
    "strike": ("strikes", "struck", "striking"),
    "steal": ("steals", "stole", "stolen", "stealing"),
    "give": ("gives", "gave", "given", "giving"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taken", "taking"),
    "see": ("sees", "saw", "seen", "seeing"),
    "know": ("knows", "knew", "known", "knowing"),
    "find": ("finds", "found", "finding"),
    "read": ("reads", "reading"),
}


def _sibilant(word: str) -> bool:
    return word.endswith(("s", "x", "z", "ch", "sh"))


def _consonant_y(word: str) -> bool:
    return len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS


def plural(noun: str) -> str:
    if _sibilant(noun):
        return noun + "es"
    if _consonant_y(noun):
        return noun[:-1] + "ies"
    return noun + "s"


def verb_forms(verb: str) -> tuple[str, ...]:
    """Third person, past and -ing forms of a regular verb (or the irregular table's forms)."""
    head, _, rest = verb.partition(" ")
    if head in IRREGULAR_VERBS:
        forms = IRREGULAR_VERBS[head]
    else:
        third = plural(head)
        if head.endswith("e"):
            past = head + "d"
        elif _consonant_y(head):
            past = head[:-1] + "ied"
        else:
            past = head + "ed"
        if head.endswith("ie"):
            ing = head[:-2] + "ying"
        elif head.endswith("e") and not head.endswith(("ee", "ye", "oe")):
            ing = head[:-1] + "ing"
        else:
            ing = head + "ing"
        forms = (third, past, ing)
    return tuple(f"{f} {rest}" if rest else f for f in forms)


def surface_forms(term: str, pos: str, forms: list[str] | None = None) -> tuple[str, ...]:
    """Every written form an entry matches, the term itself first, without duplicates."""
    if forms:
        out = [term, *forms]
    elif pos == "verb":
        out = [term, *verb_forms(term)]
    elif pos == "noun":
        head, sep, rest = term.rpartition(" ")
        out = [term, f"{head}{sep}{plural(rest)}"]
    else:
        out = [term]
    seen: dict[str, None] = {}
    for f in out:
        seen.setdefault(f, None)
    return tuple(seen)
