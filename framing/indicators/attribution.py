"""Attribution: the verb or phrase that introduces reported speech, by the stance it takes toward the speaker.

Many reporting verbs have other senses ("the round *concluded* on Thursday", "the figures *showed*
growth"). An entry marked ``context: speech`` counts only where the sentence shows reported speech
around it: a quotation or *that* after it, a quotation just before it (", he concluded"), a
personal-pronoun subject, or, for verbs such as *tell*, a named listener.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..lexicons import Entry
from ..matcher import Match
from ..models import Hit
from ..text import Document
from .context import Context, make_hit

# Words that may stand between a reporting verb and what it reports ("said on Friday that ...").
TIME_WORDS = frozenset(
    """on in at this last late early earlier later today yesterday tonight morning afternoon evening night
    week weekend month year monday tuesday wednesday thursday friday saturday sunday""".split()
)
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your"})
# Before a verb, these make it a possibility or an intention, not a report: "what we can say",
# "declining to disclose".
NOT_A_REPORT = frozenset({"can", "could", "will", "would", "shall", "should", "must", "may", "might", "cannot", "to"})
# Verbs whose object is the listener ("told Al Mayadeen", "told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind"})
LISTENER_WORDS = frozenset({"him", "her", "them", "us", "me", "reporters", "journalists", "lawmakers", "parliament"})
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_QUOTE_OR_COLON = frozenset(QUOTE_MARKS + ":")
_SENTENCE_PUNCT = re.compile(r"[.;!?]")
# How far (in tokens) a quotation may stand from its reporting verb and still be its speech.
QUOTE_WINDOW = 6
BACK_WINDOW = 4


def find_attribution(ctx: Context) -> list[Hit]:
    lex = ctx.lexicons.get("attribution")
    if lex is None:
        return []
    doc = ctx.doc
    hits = []
    for m in ctx.matches("attribution"):
        entry = _reporting_entry(ctx, m)
        if entry is not None:
            hits.append(make_hit("attribution", lex, entry, doc, m.start, m.end))
    return hits


def detect(ctx: Context) -> list[Hit]:
    return ctx.attribution


def _reporting_entry(ctx: Context, m: Match) -> Entry | None:
    """The first entry of the match that is used here as a reporting verb, or None."""
    doc = ctx.doc
    prev = doc.token_lowers[m.first - 1] if m.first > 0 else None
    # The word before rules out a verb reading: "the alleged plot", "a stated aim" (an adjective), "what
    # we can say" (not a report). The word is tested first, as it seldom is one of these.
    not_verb = (
        prev is not None
        and (prev in NOT_A_REPORT or (m.first == m.last and prev in DETERMINERS))
        and _plain(doc, doc.token_ends[m.first - 1], m.start)
    )
    for entry in m.entries:
        if not_verb and entry.pos == "verb":
            continue
        if entry.context != "speech" or _speech_context(ctx, m, entry):
            return entry
    return None


def _plain(doc: Document, start: int, end: int) -> bool:
    gap = doc.text[start:end]
    return gap.isspace() and "\n" not in gap


def _speech_context(ctx: Context, m: Match, entry: Entry) -> bool:
    doc = ctx.doc
    text = doc.text
    lowers, starts, ends = doc.token_lowers, doc.token_starts, doc.token_ends
    n = len(lowers)
    # After the verb: skip time words ("said on Friday"), then a quotation, a colon or "that".
    k = m.last + 1
    while k < n and lowers[k] in TIME_WORDS and not _SENTENCE_PUNCT.search(text[ends[k - 1] : starts[k]]):
        k += 1
    after_end = starts[k] if k < n else len(text)
    gap = text[ends[k - 1] if k > m.last + 1 else m.end : after_end]
    if not _QUOTE_OR_COLON.isdisjoint(gap) and not _SENTENCE_PUNCT.search(gap.split(":")[0]):
        return True
    if k < n and lowers[k] == "that" and not _SENTENCE_PUNCT.search(gap):
        return True
    if entry.term in ADDRESSEE_VERBS and k < n and not _SENTENCE_PUNCT.search(gap):
        if text[starts[k] : starts[k] + 1].isupper() or lowers[k] in LISTENER_WORDS:
            return True
    # A quotation a few words after, in the same sentence, not introduced by a determiner. (The stretches
    # between are searched in place, not sliced: a quotation may stand paragraphs away; and the tokens are
    # counted by ``doc.token_index``'s bisection, without its calls.)
    q = ctx.quote_after(m.end)
    if q is not None and not _SENTENCE_PUNCT.search(text, m.end, q.start):
        first, last = bisect_left(starts, m.end), bisect_left(starts, q.start)
        if last - first <= QUOTE_WINDOW and not (last > first and lowers[last - 1] in DETERMINERS):
            return True
    # A quotation just before: '..., " he concluded.' or '..." said Blinken'.
    q = ctx.quote_before(m.start)
    if q is not None and not _SENTENCE_PUNCT.search(text, q.end, m.start):
        if bisect_left(starts, m.start) - bisect_left(starts, q.end) <= BACK_WINDOW:
            return True
    # A personal pronoun as subject: "he concluded".
    i = m.first - 1
    return i >= 0 and lowers[i] in SUBJECT_PRONOUNS and _plain(doc, ends[i], m.start)
