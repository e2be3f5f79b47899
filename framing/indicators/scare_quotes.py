"""Scare quotes: quotation marks around a short phrase that no one is reported as saying, and "so-called".

A short quotation counts as a scare quote unless its sentence gives it a speaker: a reporting verb
before it ("cited Iran's 'lack of seriousness'") or right after it ('"No," he said'). Two cases count
even beside a reporting verb: a quotation introduced by a determiner ("those 'options'") and the
listener of a verb such as *tell* ('telling "their friend" that ...'). Titles and named terms
("a film called 'Hope'") are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..models import Hit, Quote
from .attribution import ADDRESSEE_VERBS, BACK_WINDOW, DETERMINERS
from .context import Context, make_hit
from .lookup import lexicon_hits

MAX_WORDS = 4
SO_CALLED = frozenset({"so-called", "self-styled", "self-proclaimed", "self-declared"})
# Words after which a quotation is a title or a mention of a term, not a distancing device.
NAMING_WORDS = frozenset(
    """titled entitled called named dubbed headlined nicknamed codenamed labelled labeled termed
    book film movie song album article column poem play series show slogan hashtag operation
    term word words phrase motto""".split()
)
_SENTENCE_END = re.compile(r"[.!?]")


def detect(ctx: Context) -> list[Hit]:
    lex = ctx.lexicons.get("scare_quotes")
    if lex is None:
        return []
    rule = next((e for e in lex.entries if e.context == "rule"), None)
    hits = lexicon_hits(ctx, "scare_quotes")
    if rule is not None:
        for q in ctx.quotes:
            if is_scare_quote(ctx, q):
                hits.append(make_hit("scare_quotes", lex, rule, ctx.doc, q.start, q.end))
    hits.sort(key=lambda h: h.start)
    return hits


def is_scare_quote(ctx: Context, q: Quote) -> bool:
    if not q.closed:
        return False
    doc = ctx.doc
    # The words inside, by ``doc.token_index`` of both ends; bisected here, as this runs for every quotation
    # and most are dropped by this test alone.
    starts = doc.token_starts
    words = bisect_left(starts, q.inner_end) - bisect_left(starts, q.inner_start)
    if words == 0 or words > MAX_WORDS or _SENTENCE_END.search(q.text):
        return False
    sentence = doc.sentence_at(q.start)
    s_start = sentence.start if sentence else 0
    s_end = sentence.end if sentence else len(doc.text)
    i = bisect_left(starts, q.start)  # doc.token_index(q.start)
    prev = doc.token_lowers[i - 1] if i > 0 and starts[i - 1] >= s_start else None
    if prev is not None and prev in SO_CALLED:
        return True
    if prev is not None and prev in NAMING_WORDS:
        return False
    if prev is not None and prev in DETERMINERS:
        return True
    before = ctx.attribution_within(s_start, q.start)
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
    after_hits = ctx.attribution_within(q.end, s_end)
    if after_hits and doc.token_index(after_hits[0].start) - doc.token_index(q.end) <= BACK_WINDOW:
        return False
    return True
