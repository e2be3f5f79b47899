"""Scare quotes: quotation marks around a short phrase that no one is reported as saying, and "so-called".

A short quotation counts as a scare quote unless it is a name or belongs to a speaker:

* **Names.** A nickname or title after "known as", "dubbed", "called", "nicknamed" ("a film called
  'Hope'", 'known popularly as "the lion of Nablus"'); the name of an operation, tactic or policy (a
  quotation right after or before one of :data:`NAME_NOUNS`: 'a "pressure cooker" tactic'); a name in
  capitalised words ("Breaking Dawn").
* **Speech.** Words a speaker is reported as saying in the sentence: a reporting verb before the
  quotation (a verb of the attribution lexicon, used as one or not: "cited Iran's 'lack of
  seriousness'", "warned of a 'dangerous escalation'"), a verb of ordering, naming or judging
  (:data:`SPEECH_ACTS`: 'ordered troops to "increase readiness"', 'He called it a "grave mistake"' after
  the speaker was named in the sentence before), or one right after it ('"No," he said'). Those are
  partial quotations; they go to the speaker in the Voices tab.

Three cases count even beside a reporting verb: a quotation after "so-called" (or "self-styled"), after a
demonstrative ("those 'options'"), and the listener of a verb such as *tell* ('telling "their friend" that
...'). A quoted name whose marks deny its legitimacy (a ``context: rule`` entry of the lexicon with its
forms, such as "Israel" in quotation marks) is always a scare quote, and its hit carries that entry's
``position``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from framing.indicators.attribution import ADDRESSEE_VERBS, BACK_WINDOW, verbs_within
from framing.indicators.context import Context, make_hit
from framing.indicators.lookup import lexicon_hits
from framing.indicators.names import name_like
from framing.lexicons import Entry
from framing.models import Hit, Quote
from framing.text.document import fold

MAX_WORDS = 4
SO_CALLED = frozenset({"so-called", "self-styled", "self-proclaimed", "self-declared"})
DEMONSTRATIVES = frozenset({"those", "these", "this", "such"})  # not "that": "said that \"...\""
# Words after which a quotation is a title, a name or a mention of a term, not a distancing device.
NAMING_WORDS = frozenset(
    """titled entitled called named dubbed headlined nicknamed codenamed labelled labeled termed
    book film movie song album article column poem play series show slogan hashtag operation operations
    tactic tactics procedure protocol policy doctrine strategy technique term word words phrase motto""".split()
)
# "known as", "known popularly as", "referred to as": a nickname follows "as" after one of these.
KNOWN_AS = frozenset({"known", "referred", "described", "nicknamed", "dubbed", "billed", "styled", "designated"})
# Nouns that a quoted name stands right before: 'a "pressure cooker" tactic', 'the "Iron Wall" doctrine'.
NAME_NOUNS = frozenset(
    """operation operations tactic tactics procedure protocol policy doctrine strategy technique method
    manoeuvre maneuver formula""".split()
)
# Verbs of ordering, naming and judging that report what someone said, written out in their inflected forms
# (the bare forms "call", "order", "term" are nouns too often). The attribution lexicon's verbs count as well.
SPEECH_ACTS = frozenset(
    """ordered orders ordering instructed instructs instructing urged urges urging commanded commands demanded
    demands demanding called calls calling described describes describing termed branded labelled labeled
    dubbed characterised characterized vowed vows vowing pledged pledges threatened threatens accused accuses
    accusing condemned condemns condemning denounced denounces decried decries slammed slams blasted
    criticised criticized criticises criticizes praised praises hailed hails welcomed welcomes rejected
    rejects dismissed dismisses tweeted tweets wrote writes asked asks requested requests appealed
    pleaded warned warns warning spoke speaks speaking""".split()
)
_CONNECTORS = frozenset({"of", "the", "and", "for", "in", "on", "al", "el", "de"})
_SENTENCE_END = re.compile(r"[.!?]")
_START = itemgetter(2)  # a Match's start offset


def detect(ctx: Context) -> list[Hit]:
    lex = ctx.lexicons.get("scare_quotes")
    if lex is None:
        return []
    rules = [e for e in lex.entries if e.context == "rule"]
    hits = lexicon_hits(ctx, "scare_quotes")
    if rules:
        generic, named = rules[0], _named_rules(rules[1:])
        for q in ctx.quotes:
            entry = named.get(_bare(q.text)) if q.closed and len(q.text) < 40 else None
            if entry is not None:
                hits.append(make_hit("scare_quotes", lex, entry, ctx.doc, q.start, q.end))
            elif is_scare_quote(ctx, q):
                hits.append(make_hit("scare_quotes", lex, generic, ctx.doc, q.start, q.end))
    hits.sort(key=lambda h: h.start)
    return hits


def _named_rules(rules: list[Entry]) -> dict[str, Entry]:
    """The quoted names that mark a side, by their folded form: every form of every rule entry after the first."""
    return {fold(form): e for e in rules for form in e.surface}


def _bare(text: str) -> str:
    """A quotation's words, folded, without a leading "the" or a trailing possessive: "the Israeli state"."""
    words = fold(text).strip(" '\"").removesuffix("'s").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_scare_quote(ctx: Context, q: Quote) -> bool:
    if not q.closed:
        return False
    doc = ctx.doc
    # The words inside, by ``doc.token_index`` of both ends; bisected here, as this runs for every quotation
    # and most are dropped by this test alone.
    starts, lowers = doc.token_starts, doc.token_lowers
    first = bisect_left(starts, q.inner_start)
    end = bisect_left(starts, q.inner_end)
    if end == first or end - first > MAX_WORDS or _SENTENCE_END.search(q.text):
        return False
    sentence = doc.sentence_at(q.start)
    s_start = sentence.start if sentence else 0
    s_end = sentence.end if sentence else len(doc.text)
    i = first  # the first word inside: the word before it is the one before the opening mark
    prev = lowers[i - 1] if i > 0 and starts[i - 1] >= s_start else None
    if _is_name(ctx, q, first, end, prev, s_start):
        return False
    if prev is not None and (prev in SO_CALLED or prev in DEMONSTRATIVES):
        return True
    before = verbs_within(ctx, s_start, q.start)
    if before:
        verb = before[-1]
        gap = doc.text[verb.end : q.start]
        after = doc.text[q.end : q.end + 8].lstrip()
        # The listener: telling "their friend" that ... The verb's lemma (a scan of the lexicon) is looked
        # up last, as the verb seldom stands right before the quotation.
        return (
            gap.strip() == ""
            and (after.lower().startswith("that") or after[:1] in '"\u201c')
            and ctx.lexicons["attribution"].by_id(verb.entry_id).term in ADDRESSEE_VERBS
        )
    if _speech_before(ctx, s_start, q.start) or _speaker_goes_on(ctx, s_start):
        return False
    after_hits = verbs_within(ctx, q.end, s_end)
    if after_hits and doc.token_index(after_hits[0].start) - doc.token_index(q.end) <= BACK_WINDOW:
        return False
    return True


def _is_name(ctx: Context, q: Quote, first: int, end: int, prev: str | None, s_start: int) -> bool:
    """The quotation is a title, a nickname or the name of an operation or tactic."""
    doc = ctx.doc
    lowers, starts = doc.token_lowers, doc.token_starts
    if prev is not None:
        if prev in NAMING_WORDS:
            return True
        lo = max(first - 4, bisect_left(starts, s_start))
        if prev == "as" and not KNOWN_AS.isdisjoint(lowers[lo : first - 1]):
            return True
    if end < len(lowers) and lowers[end] in NAME_NOUNS and doc.text[q.end : starts[end]].isspace():
        return True
    # A name in capitalised words: "Breaking Dawn", "Guardian of the Walls".
    words = [doc.text[starts[k] : doc.token_ends[k]] for k in range(first, end)]
    return (
        len(words) >= 2
        and name_like(words[0])
        and name_like(words[-1])
        and all(name_like(w) or w in _CONNECTORS for w in words)
    )


def _speech_before(ctx: Context, start: int, end: int) -> bool:
    """A verb of the attribution lexicon (used as one or not) or of :data:`SPEECH_ACTS` lies in
    ``text[start:end]`` (a sentence up to its quotation)."""
    doc = ctx.doc
    lo, hi = bisect_left(doc.token_starts, start), bisect_left(doc.token_starts, end)
    if not SPEECH_ACTS.isdisjoint(doc.token_lowers[lo:hi]):
        return True
    matches = ctx.matches("attribution")
    k = bisect_left(matches, start, key=_START)
    return k < len(matches) and matches[k].end <= end


PRONOUNS = frozenset({"he", "she", "they"})


def _speaker_goes_on(ctx: Context, s_start: int) -> bool:
    """The sentence opens with "he", "she" or "they" right after a sentence that reports speech: the same
    speaker goes on ("The minister spoke on Monday. She warned ...")."""
    doc = ctx.doc
    i = bisect_left(doc.token_starts, s_start)
    if i >= len(doc.token_lowers) or doc.token_lowers[i] not in PRONOUNS or doc.token_starts[i] != s_start:
        return False
    previous = doc.sentence_at(s_start - 1) if s_start > 0 else None
    return previous is not None and _speech_before(ctx, previous.start, min(previous.end, s_start))
