"""Which words of the parse name who speaks through a reporting verb: its subject, or what stands for one.

:func:`subject_of` returns the token heading that noun phrase. The grammar says it most of the time
(*Price said*, *said Price*, *according to X*, the subject of the verb a participle or a clause is joined
to, the noun a *who* clause hangs from, the issuer of a statement that speaks); the rest are the places
where the small English model's parse leaves a reporting verb without a subject, each a class met on
real news: a name before ", said" hung inside the quotation, a title read as a verb, a name before a
"who" clause taken for what is said, a party label in brackets, an age read as a date, a name read as
an adverb. Turning the token into a speaker's name is :mod:`framing.speech.syntax_speakers`' job.
"""

from __future__ import annotations

import re
from typing import Any

from framing.speech.quote_verbs import according, in_quotation, is_speech, misread_subject, quoted_as

NOT_SPEAKERS = frozenset({"i", "we", "you", "me", "us", "this", "that", "which", "there", "who", "what"})
# Never a speaker, even as a verb's subject: times and places of a dateline.
NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Verbs that name a thing ("could be termed 'influence peddling'"): in the passive, their subject is the
# thing named, never who named it.
_NAMING_VERBS = frozenset({"call", "term", "dub", "label", "brand", "describe", "characterize", "nickname"})
# Dependencies climbed from a verb to the clause that has its subject ("ended her speech by quoting X":
# quoting, by, ended).
_UP_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "prep"})


def subject_of(verb: Any, quoted: tuple[int, int] = (0, 0)) -> Any | None:
    """The token heading the noun phrase that names who speaks through ``verb``, or None.

    ``quoted`` is a quotation's span in the verb's paragraph: a subject inside it is not the speaker (the
    parse may take the quote's own subject); then the words right after the verb are ('..., said Trump').
    """
    if according(verb):
        objs = [c for c in verb.doc[verb.i + 1].children if c.dep_ == "pobj"]
        return _issuer(objs[0]) if objs else None
    lo, hi = quoted
    if verb.pos_ not in ("VERB", "AUX") and not according(verb):
        # a verb the tagger mistook ('the editorial read'): the word before it names the speaker
        prev = verb.doc[verb.i - 1] if verb.i > 0 else None
        if prev is not None and not prev.is_punct and prev.pos_ in ("NOUN", "PROPN") and not in_quotation(prev):
            return prev
        return None
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        # "The ministry claimed that the strike was illegal, accusing the union": a participle after the
        # reported clause goes with the reporting verb above it, whatever clause the parse hangs it from.
        for a in verb.ancestors:
            if a.i < verb.i and is_speech(a):
                subj = [c for c in a.children if c.dep_ == "nsubj" and not (lo <= c.idx < hi) and not in_quotation(c)]
                if subj:
                    return _issuer(subj[0])
                break
    quoting = quoted_as(verb)
    if quoting is not None:
        objs = [c for c in quoting.children if c.dep_ == "dobj"]
        if objs:
            return objs[0]  # ("a tweet quoted the president as saying": the president)
    misread = misread_subject(verb)
    if misread is not None:
        return misread
    v = verb
    for _ in range(5):
        naming_passive = v.lemma_.lower() in _NAMING_VERBS and any(c.dep_ == "auxpass" for c in v.children)
        subj = [
            c
            for c in v.children
            if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and not naming_passive))
            and c.pos_ not in _NOT_SUBJECT_POS  # ("Of Carson, Levine ... said": "Of" taken for the subject)
            and not (lo <= c.idx < hi)
            and not in_quotation(c)
        ]
        if not subj and v is verb and verb.i > 0:
            before = verb.doc[verb.i - 1]  # "Conway notes": a name the parser hung on the verb as a compound
            if before.head.i == verb.i and before.dep_ in ("compound", "npadvmod", "dep") and before.pos_ == "PROPN":
                return before
        if not subj and v is verb and hi and verb.idx >= hi:
            between = _name_between(verb, hi)
            if between is not None:
                return between
        if not subj and v is verb and _inverted(verb):
            after = _noun_after(verb, lo, hi)
            if after is not None:
                return after
            before = _name_before(verb, lo, hi)
            if before is not None:
                return before
        if not subj and v is verb and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.i > 0:
            # "..., the Democratic presidential candidate stated that": the noun phrase right before a finite
            # verb the parse left without a subject (it hung the phrase on a name before it)
            prev = verb.doc[verb.i - 1]
            if (
                prev.pos_ in ("NOUN", "PROPN")
                and prev.dep_ in ("appos", "conj", "pobj", "dobj", "compound", "npadvmod")
                and prev.ent_type_ not in NOT_NAME_ENTS
                and not (lo <= prev.idx < hi)
                and not in_quotation(prev)
            ):
                return prev
        if subj:
            # (the nearest of two: 'in Berea, OH, after winning, Gov. John Kasich said')
            s = _before_parenthesis(min(subj, key=lambda c: abs(c.i - v.i)))
            if s.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                s = v.head
            return _issuer(s)
        agent = [c for c in v.children if c.dep_ == "agent"]
        if agent:
            objs = [c for c in agent[0].children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        if v.dep_ == "relcl" or (v.dep_ == "acl" and (v.head.pos_ in ("NOUN", "PROPN") or aged(v.head))):
            sent = _medium_sent_to(v.head)
            return _issuer(sent if sent is not None else v.head)
        if v.dep_ in _UP_DEPS and v.head.i != v.i:
            v = v.head
            continue
        return None
    return None


# Things that carry someone's words: "issued a statement saying", "released a video that said".
MEDIA_NOUNS = frozenset(
    """statement ad advertisement video letter email tweet post sign release report memo book piece article
    interview speech note message commercial spot clip op-ed column editorial filing document version
    account figures tally""".split()
)


def _issuer(tok: Any) -> Any:
    """For a medium that speaks ('a statement saying'), the one who issued it, when the text names them."""
    if tok.lemma_.lower() not in MEDIA_NOUNS or tok.pos_ == "PROPN":
        return tok  # (not a medium, or one that is a name: "the Washington Post")
    if tok.dep_ in ("dobj", "pobj"):
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ not in NOT_SPEAKERS:
            return subj[0]
    # "Sanders' fundraising email notes", "an email sent out by Sanders warned": the owner or the sender.
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and c.text[:1].isupper():
            return c
        if c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") and c.i == tok.i - 1:
            return c  # "an EU statement said"
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            # "a statement by the European Union confirmed", "a letter from Smith said"
            objs = [o for o in c.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_)]
            if objs:
                return objs[0]
        if c.dep_ == "acl":
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [o for o in a.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN")]
                    if objs:
                        return objs[0]
    return tok


def _medium_sent_to(tok: Any) -> Any | None:
    """The medium when ``tok`` is who it was sent to: 'sent a text message to supporters saying': message."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "to":
        return None
    above = tok.head.head
    if above.lemma_.lower() in MEDIA_NOUNS:
        return above
    media = [c for c in above.children if c.dep_ == "dobj" and c.lemma_.lower() in MEDIA_NOUNS]
    return media[0] if media else None


def _inverted(verb: Any) -> bool:
    """A finite reporting verb right after a quotation or a comma: '"...," added a Democrat.'"""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return False
    prev = verb.doc[verb.i - 1]
    return prev.is_punct or prev.is_quote


def _noun_after(verb: Any, lo: int, hi: int) -> Any | None:
    """The head of the noun phrase right after an inverted reporting verb: '"...," added a Democrat.'"""
    doc = verb.doc
    k = verb.i + 1
    while (
        k < len(doc)
        and (doc[k].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM", "ADV") or doc[k].dep_ == "amod")  # ("retired")
        and not (lo <= doc[k].idx < hi)
    ):
        last = k + 1 == len(doc) or doc[k + 1].pos_ not in ("PROPN", "NOUN")
        # (a name the tagger took for an adverb or adjective: 'said Skelly,')
        ends = k + 1 == len(doc) or doc[k + 1].is_punct
        name_like = doc[k].text[:1].isupper() and doc[k].pos_ in ("ADV", "ADJ") and ends
        if (doc[k].pos_ in ("NOUN", "PROPN") and last) or name_like:
            head = doc[k]
            if aged(head):
                return head  # ('said the 46-year-old': an age, not a date)
            return head if head.dep_ not in ("npadvmod",) and head.ent_type_ not in NOT_NAME_ENTS else None
        k += 1
    return None


_AGED = re.compile(r"\d+-year-old$")


def aged(tok: Any) -> str:
    """'46-year-old' when ``tok`` ends a phrase of age standing for a person ('said the 46-year-old'), or ''."""
    m = _AGED.search(tok.doc[max(0, tok.i - 4) : tok.i + 1].text)
    return m.group(0) if m else ""


# Links climbed from the word before ", said" to the name it describes: "Gene Sperling, a top adviser,
# said" (adviser, top, Sperling), "her adviser, Jake Sullivan, said".
_NAME_LINKS = frozenset({"pobj", "prep", "appos", "compound", "amod", "conj", "cc", "dative"})
_NOT_SUBJECT_POS = frozenset({"ADP", "PUNCT", "CCONJ", "SCONJ", "PART", "SYM"})


def _name_before(verb: Any, lo: int, hi: int) -> Any | None:
    """The person or organisation named right before ', said' when the parse gave the verb no subject
    (it hung the name inside the quotation or in an opening phrase): the first name met climbing from
    the word before the comma through its apposition, or that word itself when it is a name."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    tok = _before_parenthesis(doc[verb.i - 2])  # ("Gov. John Kasich (R-Ohio), said")
    if tok.pos_ not in ("PROPN", "NOUN") or (lo <= tok.idx < hi) or in_quotation(tok):
        return None
    start, found = tok, None
    for _ in range(10):
        if found is None and tok.ent_type_ in ("PERSON", "ORG", "NORP") and tok.pos_ == "PROPN":
            found = tok
        if tok.head.i == tok.i or tok.head.i >= verb.i:
            break
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            found = None  # "Levine, who has given money to Marco Rubio, said": the one the clause describes
        elif tok.dep_ not in _NAME_LINKS:
            break
        tok = tok.head
    if found is not None and not in_quotation(found):
        return found
    described = _before_who(tok)
    if described is not None:
        return described
    return start if start.pos_ == "PROPN" and start.ent_type_ not in NOT_NAME_ENTS else None


def _before_who(verb: Any) -> Any | None:
    """The name right before the 'who' that is ``verb``'s subject ('Sanders, meanwhile, who sits ...')."""
    who = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("who", "which")]
    if verb.pos_ not in ("VERB", "AUX") or not who:
        return None
    k = who[0].i - 1
    while k >= 0 and (verb.doc[k].is_punct or verb.doc[k].pos_ == "ADV"):
        k -= 1
    tok = verb.doc[k] if k >= 0 else None
    if tok is not None and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN") and not in_quotation(tok):
        return tok
    return None


def _before_parenthesis(tok: Any) -> Any:
    """The word before a short parenthesis that ``tok`` closes or stands in ('Kasich (R-OH)': Kasich)."""
    doc = tok.doc
    lo = max(0, tok.i - 5)
    opening = [t for t in doc[lo : tok.i + 1] if t.text == "("]
    if not opening or opening[-1].i == 0:
        return tok
    closing = [t for t in doc[opening[-1].i : min(len(doc), tok.i + 5)] if t.text == ")"]
    if not closing or closing[0].i < tok.i - (tok.text == ")"):
        return tok
    return doc[opening[-1].i - 1]


def _name_between(verb: Any, hi: int) -> Any | None:
    """A name between a quotation's end and its verb, when the parse made the verb subjectless:
    '"...," screenwriter Cole Haddon wrote' (the title read as a verb)."""
    doc = verb.doc
    words = [t for t in doc[: verb.i] if t.idx >= hi and not (t.is_punct or t.is_quote)]
    if not words or len(words) > 6 or words[0].i != verb.i - len(words):
        return None
    if not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET") or t.is_lower for t in words):
        return None
    last = words[-1]
    return last if last.pos_ == "PROPN" and last.ent_type_ not in NOT_NAME_ENTS else None
