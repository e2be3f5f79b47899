"""Names and noun phrases read off spaCy's parse: the words that name a speaker.

The entity a token belongs to (with the parts of a hyphen-joined name the recogniser left out), the noun
phrase a token heads without its asides and clauses, a person set beside a role noun or named inside a
title phrase, and a name cleaned of quotation marks, determiners, a possessive and a title.
"""

from __future__ import annotations

from typing import Any

from framing.speech.speaker_names import TITLE_WORDS

NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Children left out of a noun phrase (asides, clauses, determiners); a few prepositions after the head stay
# when they name a thing ("spokesman at the ministry").
_CUT_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "prep", "det", "predet", "advmod"})
_KEEP_PREPS = frozenset({"of", "for", "at"})
_STRIP = " ,.;:\"'\u201c\u201d\u2018\u2019()[]"


def entity_of(tok: Any) -> Any | None:
    ent_iob = tok.ent_iob_
    if ent_iob not in ("B", "I"):
        return None
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    for e in tok.doc.ents:
        if e.start == start:
            return e
    return None


def noun_phrase(tok: Any) -> str:
    """The words of the noun phrase headed by ``tok``, without asides, clauses and leading determiners."""
    ent = entity_of(tok)
    if ent is not None and ent.label_ in NAME_ENTS and ent.root.i == tok.i:
        # The name, with what stands right before it in the phrase ("Clinton's campaign" is headed elsewhere).
        return clean(ent_text(ent))
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            hyphen = c.dep_ == "punct" and c.text in ("-", "\u2013") and not c.whitespace_
            if (
                c.dep_ in _CUT_DEPS
                and not hyphen
                and not (c.dep_ in ("det", "predet") and t is not tok)  # ("one of those advisers")
                and not (c.dep_ == "prep" and c.lower_ in _KEEP_PREPS and c.i > tok.i and _names_a_thing(c))
            ):
                continue
            keep.append(c)
            stack.append(c)
    idx = sorted(t.i for t in keep)
    first = last = idx.index(tok.i)
    while first > 0 and idx[first - 1] == idx[first] - 1:
        first -= 1
    while last + 1 < len(idx) and idx[last + 1] == idx[last] + 1:
        last += 1
    return clean(tok.doc[idx[first] : idx[last] + 1].text)


def _names_a_thing(prep: Any) -> bool:
    """'spokesman at the ministry', not 'the Palestinian side at first'."""
    return any(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for o in prep.children)


def ent_text(ent: Any) -> str:
    """An entity's words, with the parts a hyphen joins to it that the recogniser left out ('Omar Bar' of
    'Omar Bar-Lev', 'Al' of 'Al-Aqsa Martyrs Brigades')."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "\u2013")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
    ):
        end += 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].whitespace_:
            end += 1  # (the rest of a name the hyphen carried on: 'Al-Aqsa Martyrs Brigades')
    while (
        start >= 2
        and doc[start - 1].text in ("-", "\u2013")
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
    ):
        start -= 2
    return doc[start:end].text


# Reporting verbs that open a sentence before the speaker's name: 'Continued Stone:', 'Added Smith:'.
INVERTED_OPENERS = frozenset("continued added said asked replied concluded countered".split())


def clean(name: str) -> str:
    name = " ".join(name.split())
    first, _, rest = name.partition(" ")
    if rest and first.lower() in INVERTED_OPENERS:
        name = rest  # ("Continued Stone", the recogniser's name: Stone)
    if name.startswith(("'s ", "\u2019s ")):
        name = name[3:]  # ("Here's Clinton": the entity took the "'s")
    name = name.strip(_STRIP)
    for s in ("'s", "\u2019s"):
        if name.endswith(s):
            name = name[: -len(s)]  # "Marta Lind's letter": Marta Lind
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if name.startswith(det):
            name = name[len(det) :]
    return name.strip(_STRIP)


def appositive_person(tok: Any) -> str:
    """A person's name set beside a role noun ('the spokesman, Ned Price, said'), or ''."""
    for c in tok.children:
        if c.dep_ == "appos":
            ent = entity_of(c)
            if ent is not None and ent.label_ == "PERSON":
                return clean(ent_text(ent))
            if ent is None and c.pos_ == "PROPN" and tok.pos_ == "NOUN":
                return clean(name_span(c).text)  # a name the recogniser does not know, beside a role
    return ""


def name_span(tok: Any) -> Any:
    """The run of proper nouns ending at ``tok`` ('Karim Dahl'), as a span."""
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].ent_type_ == "":
        start -= 1
    return tok.doc[start : tok.i + 1]


def without_title(name: str) -> str:
    """A name without the title the recogniser took into it ('Minister of Ports Omar Bar-Lev')."""
    words = name.split()
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.lower().strip(".") in TITLE_WORDS or w in ("of", "for"):
            cut = i + 1
    return " ".join(words[cut:]) if cut < len(words) else name


def person_inside(head: Any) -> str:
    """A person named inside a title phrase headed by ``head``: 'State Department spokesman Ned Price'."""
    for c in head.children:
        if c.dep_ in ("compound", "nmod") and c.i < head.i:
            ent = entity_of(c)
            if ent is not None and ent.label_ == "PERSON":
                return clean(ent_text(ent))
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i:
            # "Minister of Public Security Omar Bar-Lev"
            for o in c.children:
                ent = entity_of(o) if o.dep_ == "pobj" else None
                if ent is not None and ent.label_ == "PERSON":
                    return clean(ent_text(ent))
    return ""
