"""Reported speech from the parse: the clause a reporting verb governs, without quotation marks.

'said an agreement was possible', 'X killed four, the ministry said', 'Brussels: talks will resume, the EU
said', 'according to X, ...', 'accused the forces of using teargas'. Who speaks is worked out by
:mod:`framing.speech.syntax_speakers`; this module finds what is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from framing.models import Hit, Quote
from framing.speech.quote_verbs import according, is_speech
from framing.text.parser import Parsed

_CLAUSE_TRIM = " ,.;:!?\"'\u201c\u201d\u2018\u2019\u2014\u2013-"


def _comma_before_subject(verb: Any) -> int:
    """The index of the comma right before a clause-final '..., the EU said' (or '..., said the EU'), or -1."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    first = min([verb.i] + [c.left_edge.i for c in subj if c.i < verb.i])
    k = first - 1
    return k if k > verb.sent.start and verb.doc[k].text == "," else -1


def _reports_what_came_before(verb: Any) -> bool:
    """A reporting verb that closes its sentence after a comma, with its subject: '..., the EU said.'"""
    if not any(c.dep_ == "nsubj" for c in verb.children) or _comma_before_subject(verb) < 0:
        return False
    after = [t for t in verb.doc[verb.i + 1 : verb.sent.end] if not t.is_punct]
    return len(after) <= 6 and all(t.i in {d.i for d in verb.subtree} for t in after)


def _dateline(tok: Any) -> bool:
    """Part of a dateline the sentence opens with: 'Brussels:', 'JENIN -', 'GAZA CITY, Jan 3 (AFP) -'."""
    doc = tok.doc
    for k in range(tok.i, min(tok.i + 6, tok.sent.end)):
        if doc[k].text in (":", "-", "–", "—"):
            return True
        if not (doc[k].text[:1].isupper() or doc[k].is_punct or doc[k].like_num):
            return False
    return False


def indirect_parsed(p: Parsed, attribution: Sequence[Hit], quotes: Sequence[Quote]) -> list[tuple[int, int, Hit]]:
    """Reported speech without (or with only a few) quotation marks, from the parse: the clause a
    reporting verb governs ('said an agreement was possible', 'X killed four, the ministry said',
    'adding that it would be chaired by ...'), or the clause 'according to X' stands in. Each as
    (start, end, its reporting verb's hit); clauses that are mostly a quotation are left to it."""
    spoken = sorted((q.start, q.end) for q in quotes if q.kind in ("direct", "partial"))
    out: list[tuple[int, int, Hit]] = []
    taken: list[tuple[int, int]] = []
    for h in attribution:
        if h.in_quote:
            continue
        tok = p.token_at(h.start)
        if tok is None or p.at(tok) != h.start:
            continue
        if according(tok):
            clause = tok.head
            if clause.i == tok.i or clause.pos_ not in ("VERB", "AUX"):
                continue
            skip = {t.i for t in tok.subtree}
            toks = [t for t in clause.subtree if t.i not in skip]
        else:
            comps = [
                c
                for c in tok.children
                if c.dep_ == "ccomp"
                and c.pos_ in ("VERB", "AUX")
                # (not a relative clause the parse took for what is said: "Sanders, who sits ..., said")
                and not (c.i < tok.i and any(k.dep_ == "nsubj" and k.lower_ in ("who", "which") for k in c.children))
            ]
            if comps:
                c = comps[0]
                toks = [c.left_edge, c.right_edge]
                if c.right_edge.i - c.left_edge.i < 200:
                    # up to a participle that reports on its own (", accusing the union of ...")
                    sub = list(c.subtree)
                    nested = [t for t in sub if t.tag_ == "VBG" and t.dep_ == "advcl" and is_speech(t) and t.i > c.i]
                    if nested:
                        toks = [t for t in sub if t.i < nested[0].left_edge.i]
            elif _reports_what_came_before(tok):
                # "Brussels: Talks will resume on Monday, the EU said": the sentence before the comma
                # (the parse, misled by the dateline, hangs the clause elsewhere)
                toks = [tok.sent[0], tok.doc[_comma_before_subject(tok) - 1]]
            elif tok.lemma_.lower() in ("accuse", "charge", "blame"):
                # "accused the forces of using teargas": who is accused, and of what
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                if not objs:
                    continue
                preps = [
                    c for c in (*tok.children, *objs[0].children) if c.dep_ == "prep" and c.lower_ in ("of", "for")
                ]
                if not preps:
                    continue
                toks = sorted({t.i: t for t in (*objs[0].subtree, *preps[0].subtree)}.values(), key=lambda t: t.i)
            else:
                continue
        if toks and toks[0].i == toks[0].sent.start:
            first = toks[0]  # without the dateline the sentence opens with ("Brussels: ...")
            while first.i < toks[-1].i and _dateline(first):
                first = first.doc[first.i + 1]
            toks = [t for t in toks if t.i >= first.i] or toks
            if toks[0].i != first.i:
                toks = [first, *toks]
        if toks and toks[0].lower_ == "that" and toks[0].dep_ == "mark" and toks[0].i + 1 < len(toks[0].doc):
            toks = [toks[0].doc[toks[0].i + 1], *toks[1:]]  # the clause without its "that"
        if not toks:
            continue
        start, end = p.at(toks[0]), p.end(toks[-1])
        while start < end and p.text[start] in _CLAUSE_TRIM:
            start += 1
        while end > start and p.text[end - 1] in _CLAUSE_TRIM:
            end -= 1
        if end - start < 12 or any(a < end and start < b for a, b in taken[-8:]):
            continue
        inside = sum(max(0, min(end, b) - max(start, a)) for a, b in spoken)
        if inside * 2 > end - start:
            continue  # mostly quoted: the quotation stands for it
        taken.append((start, end))
        out.append((start, end, h))
    return out
