"""Who says what, read off the dependency parse: the speaker of every quotation and reporting verb.

The rules, each a class of what news does:

- the reporting verb of a quotation is the verb the quotation hangs from (its nearest ancestor outside
  the marks that reports speech: *said*, *told*, *tweeted*, *called*, *warned* ...), or else the nearest
  such verb in the quotation's sentences;
- the speaker is that verb's subject (*Price said*, *said Price*), the object of *according to*, the
  subject of the verb it is joined to (*went on to say*, *..., adding*), or the noun a *who* clause hangs
  from; an apposition gives a role its name (*the spokesman, Ned Price*);
- *he*, *she* is the person last named as a subject before it; *the minister* is the person last named
  with that title; *they*, *it* the last speaker named;
- a quotation with no verb of its own keeps the speaker of the quotation before it in its paragraph, or,
  when it opens its paragraph, in the paragraph before (a quote carried across paragraphs);
- only noun phrases are speakers: a dateline, a date or a sentence adverb never is.

Which token names the subject of a reporting verb is :mod:`framing.speech.verb_subjects`' job; the words of a
name or noun phrase are read by :mod:`framing.speech.parse_names`; reported speech without
quotation marks is found by :mod:`framing.speech.reported_speech`, the reporting verb of a quotation by
:mod:`framing.speech.quote_verbs`. Only paragraphs with a quotation or a reporting verb are parsed; earlier
paragraphs are parsed when a pronoun or a title needs the person they name (:class:`framing.text.parser.Parsed`).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import Any

from framing.models import Hit, Quote
from framing.speech.parse_names import (
    INVERTED_OPENERS,
    appositive_person,
    clean,
    ent_text,
    entity_of,
    name_span,
    noun_phrase,
    person_inside,
    without_title,
)
from framing.speech.quote_verbs import (
    credit_after,
    credit_inside,
    in_quotation,
    is_speech,
    quote_verb,
    words_of,
)
from framing.speech.speaker_names import ROLE_OR_TITLE
from framing.speech.verb_subjects import MEDIA_NOUNS, NOT_NAME_ENTS, NOT_SPEAKERS, aged, subject_of
from framing.text.parser import Parsed

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
ANY_PRONOUNS = frozenset({"they", "it", "them"})


class Mentions:
    """People named in the parsed paragraphs, in text order, for pronouns and titles to point back to."""

    def __init__(self, p: Parsed) -> None:
        self.p = p
        self.rows: list[tuple[int, str, bool, frozenset[str]]] = []  # (offset, name, is subject, roles)
        self._seen: set[int] = set()
        self.issuers: dict[str, str] = {}  # a medium ("statement") -> who issued the last one named

    def _collect(self) -> None:
        for i, d in self.p.docs.items():
            if i in self._seen:
                continue
            self._seen.add(i)
            a, b = self.p.paragraphs[i]
            if not self.p.text[a:b].rstrip().endswith(_SENTENCE_END):
                continue  # a heading or a link line ("Read: Blinken unveils aid"), not a sentence of the story
            for e in d.ents:
                if e.label_ != "PERSON" or len(e.text) < 3 or in_quotation(e[0]):
                    continue  # (a person named inside a quotation is not the "he" who said it)
                root = e.root
                while root.dep_ in ("compound", "flat", "appos") and root.head.i != root.i:
                    root = root.head  # "Deputy Foreign Minister Ali Bagheri, ..., confirmed": the subject's name
                subject = root.dep_ in ("nsubj", "nsubjpass")
                self.rows.append((self.p.at(e[0]), clean(e.text), subject, _roles(e)))
        self.rows.sort(key=lambda r: r[0])

    def add(self, offset: int, name: str) -> None:
        """A speaker the reporting verbs name (a subject the entity recogniser may have missed)."""
        self._collect()
        bisect.insort(self.rows, (offset, name, True, frozenset()))

    def person_before(self, offset: int, *, role: str = "") -> str:
        """The person last named before ``offset``: as a subject if one is, with ``role`` if given."""
        para = self.p.paragraph_of(offset)
        self.p.ensure(range(max(0, para - 3), para + 1))
        self._collect()
        before = [r for r in self.rows if r[0] < offset]
        if role:
            titled = [r for r in before if role in r[3]]
            return titled[-1][1] if titled else ""
        if not before:
            self.p.ensure(range(0, para))
            self._collect()
            before = [r for r in self.rows if r[0] < offset]
        if not before:
            return ""
        recent = [r for r in before if self.p.paragraph_of(r[0]) >= self.p.paragraph_of(before[-1][0]) - 1]
        subjects = [r for r in recent if r[2]]
        return (subjects or recent)[-1][1]


_SENTENCE_END = tuple(".!?:;\"'\u201d\u2019)")


def _roles(ent: Any) -> frozenset[str]:
    """Title and role words standing by a person's name: 'Health Minister X', 'X, the spokesman'."""
    words: set[str] = set()
    root = ent.root
    for c in root.children:
        if c.i < ent.start and c.dep_ in ("compound", "amod", "nmod"):
            words.update(t.lemma_.lower() for t in c.subtree)
        if c.dep_ == "appos":
            words.update(t.lemma_.lower() for t in c.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ"))
    if root.dep_ == "appos":
        words.update(t.lemma_.lower() for t in root.head.subtree if t.i < ent.start and t.pos_ in ("NOUN", "ADJ"))
    k = ent.start - 1
    while k >= 0 and ent.doc[k].pos_ in ("PROPN", "NOUN", "ADJ") and ent.doc[k].ent_type_ != "PERSON":
        words.add(ent.doc[k].lemma_.lower())
        k -= 1
    return frozenset(words)


def speaker_name(p: Parsed, mentions: Mentions, verb: Any, quoted: tuple[int, int] = (0, 0)) -> tuple[str, bool]:
    """Who speaks through ``verb``: a name, a resolved title, a noun phrase, or ''; and whether the subject
    is a pronoun such as *they* or *it* that only the speaker named before can resolve."""
    who, pronoun = _speaker_name(p, mentions, verb, quoted)
    if who[:1].isupper():
        # "the EU said in a statement", "a statement by the EU said": whose statement "the statement" is later
        subj = subject_of(verb, quoted)
        media = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
        media = [o for c in media for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in MEDIA_NOUNS]
        if subj is not None and subj.head.lemma_.lower() in MEDIA_NOUNS and subj.head.i != verb.i:
            media.append(subj.head)
        for m in media:
            mentions.issuers[m.lemma_.lower()] = who
    return who, pronoun


# "one adviser", "another official": someone not named before, never the person last named with that title.
_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any", "several"})


def _speaker_name(p: Parsed, mentions: Mentions, verb: Any, quoted: tuple[int, int]) -> tuple[str, bool]:
    subj = subject_of(verb, quoted)
    if subj is None:
        return "", False
    age = aged(subj)
    if age:
        return age, False  # ("the 46-year-old said")
    named_adverb = subj.pos_ == "ADV" and subj.text[:1].isupper() and not subj.is_sent_start  # ("said Skelly")
    if subj.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X", "ADJ") and not named_adverb:
        return "", False
    if named_adverb:
        return subj.text, False
    low = subj.lower_
    if low in ANY_PRONOUNS:
        return "", True
    some_of = subj.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children)
    if (low in NOT_SPEAKERS and subj.text not in ("US", "U.S.")) or (subj.ent_type_ in NOT_NAME_ENTS and not some_of):
        return "", False
    if low in PERSON_PRONOUNS:
        return mentions.person_before(p.at(verb)), False
    if subj.lemma_.lower() in MEDIA_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her") for c in subj.children
    ):
        # "his statement said": the person it points back to issued it
        return mentions.person_before(p.at(verb)), False
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children)
    if definite and subj.lemma_.lower() in MEDIA_NOUNS:
        issuer = mentions.issuers.get(subj.lemma_.lower())
        if issuer:
            return issuer, False  # "the statement added": the statement named before, and who issued it
    named = appositive_person(subj)
    if named:
        return named, False
    phrase = noun_phrase(subj)
    ent = entity_of(subj)
    if ent is not None and ent.label_ == "PERSON" and len(ent) > 1:
        return without_title(clean(ent_text(ent))), False  # "Mayor Tomas Reyes": Tomas Reyes
    if (ent is None or ent.label_ != "PERSON") and subj.tag_ not in ("NNS", "NNPS"):
        # (not "Korvath officials", where a name-like word says whose officials they are)
        inner = person_inside(subj)
        if inner:
            return inner, False
    indefinite = any((c.dep_ == "det" and c.lower_ in _INDEFINITE) or c.dep_ == "nummod" for c in subj.children)
    if subj.pos_ == "NOUN" and ent is None and not indefinite and not any(w[:1].isupper() for w in phrase.split()):
        # "the minister", "the health minister": the person last named with that title, if any.
        person = mentions.person_before(p.at(verb), role=subj.lemma_.lower())
        if person:
            return person, False
    return phrase, False


def attribute_parsed(
    p: Parsed, quotes: Sequence[Quote], attribution: Sequence[Hit], scare: Collection[int] = ()
) -> tuple[dict[int, str], dict[int, tuple[str, str, str]]]:
    """Speakers of reporting verbs (by start offset) and, per quotation start, (speaker, verb, stance).

    ``verb`` and ``stance`` come from the attribution hit on the verb when there is one; a verb not in the
    lexicon gives its own word and no stance. ``scare``: starts of quotations that are scare quotes
    whatever the syntax says (a quoted "Israel"); other scare quotes the syntax ties to a speaker become
    that speaker's partial quotes.
    """
    speech = [q for q in quotes if q.kind != "scare" or (q.start not in scare and not _distanced(p, q))]
    wanted = {p.paragraph_of(q.start) for q in speech} | {p.paragraph_of(h.start) for h in attribution}
    p.ensure(sorted(wanted))
    for q in quotes:  # (see in_quotation())
        i = p.paragraph_of(q.start)
        d = p.docs.get(i)
        if d is not None:
            d.user_data.setdefault("quoted", []).append((q.start - p.base(i), q.end - p.base(i)))
    mentions = Mentions(p)
    hit_at = {h.start: h for h in attribution}
    events: list[tuple[int, str, Any]] = [(h.start, "verb", h) for h in attribution if not h.in_quote]
    events += [(q.start, "quote", q) for q in speech]
    events.sort(key=lambda e: (e[0], e[1] == "quote"))
    verb_speaker: dict[int, str] = {}
    quote_info: dict[int, tuple[str, str, str]] = {}
    last_speaker = ""
    last_quote: tuple[int, str] | None = None  # (paragraph, speaker) of the last quotation
    last_verb: tuple[int, str] | None = None  # (paragraph, speaker) of the last reporting verb with one
    for offset, kind, item in events:
        if kind == "verb":
            tok = p.token_at(offset)
            if tok is None or p.at(tok) != offset:
                continue
            who, pronoun = speaker_name(p, mentions, tok)
            subj = subject_of(tok)
            if subj is not None and (
                (who[:1].isupper() and subj.ent_type_ not in _NOT_PEOPLE)
                or (not subj.ent_type_ and subj.lemma_.lower() in PERSON_ROLES)
            ):
                mentions.add(offset, who)  # a named speaker is the likeliest "he" or "she" after
            who = who or (last_speaker if pronoun else "")
            if who:
                verb_speaker[offset] = who
                last_speaker = who
                last_verb = (p.paragraph_of(offset), who)
            continue
        q: Quote = item
        para = p.paragraph_of(q.start)
        base = p.base(para)
        span = (q.start - base, q.end - base)
        verb = quote_verb(p, q, strict=q.kind == "scare")
        who, word, stance = "", "", ""
        if q.kind == "scare":
            if verb is not None:
                who, _ = speaker_name(p, mentions, verb, span)
                hit = hit_at.get(p.at(verb))
                if who:
                    quote_info[q.start] = (who, *((hit.text, hit.category) if hit else (verb.text, "")))
            continue
        colon = lead_in(p, q)
        if colon is not None and colon[1] is not None and (verb is None or not (p.at(colon[0]) < p.at(verb) < q.start)):
            verb = None  # 'Pollsters agree - Carl Bialik: "..."': the name before the colon speaks
        if verb is not None:
            at = p.at(verb)
            hit = hit_at.get(at)
            who, pronoun = speaker_name(p, mentions, verb, span)
            who = who or (last_speaker if pronoun else "")
            word, stance = (hit.text, hit.category) if hit is not None else (verb.text, "")
        else:
            who = _lead_in_speaker(p, mentions, q)
            credit = None if who else (credit_after(p, q) or words_of(p, q) or credit_inside(p, q))
            if credit is not None:
                who = credit[2]
            if (
                not who
                and last_quote is not None
                and (last_quote[0] == para or (last_quote[0] == para - 1 and _opens_paragraph(p, q)))
            ):
                who = last_quote[1]
            if not who and last_verb is not None and last_verb[0] == para - 1 and _opens_paragraph(p, q):
                who = last_verb[1]  # ('Howard continued his remarks.' then a paragraph that is a quotation)
        if not who:
            who = clause_speaker(p, mentions, q, span)
        quote_info[q.start] = (who, word, stance)
        if who:
            last_speaker = who
        last_quote = (para, who)
        last_verb = None  # (a verb before this quotation reported it, or another one)
    titled = _titled_people(mentions, {w for w, _, _ in quote_info.values()} | set(verb_speaker.values()))
    if titled:
        quote_info = {k: (titled.get(w, w), verb, st) for k, (w, verb, st) in quote_info.items()}
        verb_speaker = {k: titled.get(w, w) for k, w in verb_speaker.items()}
    return verb_speaker, quote_info


def _titled_people(mentions: Mentions, names: set[str]) -> dict[str, str]:
    """Speakers named only by a title ("State Department spokesman", "Israel's Foreign Minister") mapped to
    the one person the article names with that title ("State Department spokesman Ned Price"); a title
    that fits no one, or more than one person, stays as it is."""
    out: dict[str, str] = {}
    for name in names:
        words = [w.lower().removesuffix("\u2019s").removesuffix("'s") for w in name.split()]
        if not words or words[-1] not in PERSON_ROLES:
            continue
        if any(w not in ROLE_OR_TITLE and not n[:1].isupper() for w, n in zip(words, name.split())):
            continue  # ("the Tarrin harbour spokesman": a description with plain words, not a title)
        # every word of the title ("Foreign Minister"), or all the words that say whose officer it is
        # ("State Department" in "US State Department Ned Price"); not one word alone ("the Florida
        # senator" is not the one senator named)
        whose = set(words[:-1])
        people = {
            person
            for _, person, _, roles in mentions.rows
            if person != name and (set(words) <= roles or (len(whose) >= 2 and whose <= roles))
        }
        if len(people) == 1:
            out[name] = people.pop()
    return out


def clause_speaker(p: Parsed, mentions: Mentions, q: Quote, span: tuple[int, int]) -> str:
    """The speaker of a quotation no reporting verb introduces, from the sentence around it: the subject of
    the sentence's main verb ('Trump accused Cruz of being "politically correct"', 'Hoff's letter makes a
    case: "..."'), when that verb lies outside the quotation. '' for a sentence that is all quotation."""
    tok = p.token_at(q.start)
    if tok is None:
        return ""
    root = tok.sent.root
    base = p.base(p.paragraph_of(q.start))
    if span[0] <= root.idx < span[1] or root.pos_ not in ("VERB", "AUX"):
        return ""
    if root.idx < span[0] and base + root.idx < q.start and p.text[base + root.idx : q.start].count("\n"):
        return ""
    subj = subject_of(root, span)
    if subj is None or not (
        subj.pos_ in ("PROPN", "PRON")
        or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or not _SPEAKING_NOUNS.isdisjoint((subj.lower_, subj.lemma_.lower()))
    ):
        return ""  # ("The timing of the surge doesn't surprise ...": no one who speaks)
    who, pronoun = speaker_name(p, mentions, root, span)
    if pronoun:
        return ""
    return who


# Nouns for one person: "a senior officer said ... He said" is the officer speaking again.
PERSON_ROLES = frozenset(
    """officer official spokesman spokeswoman spokesperson minister commander source diplomat envoy
    negotiator ambassador analyst witness resident doctor lawyer mayor governor senator president""".split()
)
# Nouns for groups and bodies that speak: "protesters chanted", "the campaign released".
GROUP_NOUNS = frozenset(
    """officials protesters supporters critics aides voters residents activists experts analysts campaign
    committee team group party council government ministry administration agency army police military
    spokespeople leaders lawmakers senators candidates organizers organisers""".split()
)
# Documents that say things: "the poll found", "a footnote in the report makes that clear".
DOCUMENT_NOUNS = frozenset("poll polls survey study results findings footnote page website site ruling law".split())
_SPEAKING_NOUNS = PERSON_ROLES | GROUP_NOUNS | MEDIA_NOUNS | DOCUMENT_NOUNS | {"voter", "protester", "supporter"}
_NOT_PEOPLE = frozenset({"GPE", "ORG", "NORP", "FAC", "LOC"})  # never "he" or "she"

_DISTANCING = frozenset({"so-called", "self-styled", "self-proclaimed", "self-declared", "this", "these", "those"})


def _distanced(p: Parsed, q: Quote) -> bool:
    """A quotation the writer sets apart with 'so-called' or a demonstrative: a scare quote in any case."""
    words = p.text[max(0, q.start - 30) : q.start].split()
    return bool(words) and words[-1].lower() in _DISTANCING


def _opens_paragraph(p: Parsed, q: Quote) -> bool:
    start = p.paragraphs[p.paragraph_of(q.start)][0]
    return not p.text[start : q.start].strip()


def lead_in(p: Parsed, q: Quote) -> tuple[Any, Any] | None:
    """What introduces a quotation that has no verb of its own, from the sentence just before it: the
    colon after a name ('Carl Bialik: "..."', then (colon, name entity)) or a reporting verb ('Stated
    Stone:', 'Bystrom agreed. "..."', then (verb, None)); that sentence in the quotation's paragraph, or
    ending the paragraph before with a colon. None when there is neither."""
    para = p.paragraph_of(q.start)
    lead = p.text[p.base(para) : q.start].rstrip()
    if lead and not lead.endswith((":", ".", "!", "?")):
        return None  # the quotation goes on a sentence of its own ('declared a "special situation"')
    tok = p.token_at(q.start - 1) if q.start > p.base(para) else None
    if tok is None or p.at(tok) >= q.start:
        if para == 0 or not p.text[p.paragraphs[para - 1][0] : p.paragraphs[para - 1][1]].rstrip().endswith(":"):
            return None
        p.ensure([para - 1])
        tok = p.token_at(p.paragraphs[para - 1][1] - 1)
        if tok is None:
            return None
    sent = tok.sent
    before = [t for t in sent if t.i <= tok.i]
    colon = [t for t in before if t.text == ":"]
    if colon:
        k = colon[-1].i - 1
        ent = entity_of(sent.doc[k]) if k >= 0 else None
        if ent is None and k >= 0 and sent.doc[k].pos_ == "PROPN" and sent.doc[k].ent_type_ == "":
            ent = name_span(sent.doc[k])  # a name the recogniser does not know
        # (not 'Williams added about Carson:', where the name is what the speaker talks about)
        if ent is not None and ent.label_ in ("PERSON", "ORG", "") and ent.root.dep_ not in ("pobj", "dobj"):
            first = ent[0]
            if is_speech(first) or first.lower_ in INVERTED_OPENERS:
                return first, None  # ('Continued Stone: "..."': the verb, then who)
            return colon[-1], ent
        if colon[-1].i >= tok.i - 1:
            run = _credit_before_colon(colon[-1])
            if run is not None:
                return colon[-1], run
    verbs = [t for t in before if is_speech(t)]
    if verbs:
        return verbs[-1], None
    if colon and colon[-1].i >= tok.i - 1:
        owner = _whose_words(before) or _named_subject(colon[-1])
        if owner is not None:
            return colon[-1], owner
    return None


def _named_subject(colon: Any) -> Any | None:
    """The person or organisation named as the subject of the clause a colon ends, when a quotation
    follows: 'Clinton has since apologized for what happened: "..."'. As a span; None if not a name."""
    # the verb of the clause before the colon: the one whose head is not in that clause (the parse may
    # make the quotation's verb the sentence's root)
    tops = [t for t in colon.sent if t.i < colon.i and (t.head.i >= colon.i or t.head.i == t.i)]
    roots = [t for t in tops if t.pos_ in ("VERB", "AUX")]
    if not roots:
        return None
    root = roots[0]
    for c in root.children:
        if c.dep_ == "nsubj" and c.i < colon.i and not in_quotation(c):
            ent = entity_of(c)
            if ent is None and c.pos_ == "PROPN" and c.ent_type_ == "":
                ent = name_span(c)  # a name the recogniser does not know
            if ent is not None and ent.label_ in ("PERSON", "ORG", ""):
                return ent
            return None
    return None


# What someone said, named as a thing: "Clinton's response was:", "His answer:".
_WORDS_NOUNS = frozenset("response answer reply reaction retort message words verdict explanation comment".split())


def _whose_words(before: list[Any]) -> Any | None:
    """The name owning a noun of speech before a colon ('Clinton's response was: "..."'), as a span."""
    for t in before:
        if t.lemma_.lower() in _WORDS_NOUNS and t.dep_ in ("nsubj", "ROOT"):
            owners = [
                c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and c.text[:1].isupper()
            ]
            if owners:
                return name_span(owners[0])
    return None


def _credit_before_colon(colon: Any) -> Any | None:
    """A name standing alone before a colon that opens a quotation, as in a transcript or a digest:
    'Rep. Trey Gowdy (R-S.C.):"..."', 'Pollsters agree - Carl Bialik: "..."', 'More from Jones: "..."'.
    The name as a span (a parenthesis after it left out), or None."""
    doc = colon.doc
    k = colon.i - 1
    if k >= 0 and doc[k].text == ")":
        while k >= 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    end = k + 1
    while k >= 0 and (
        doc[k].pos_ == "PROPN"
        or (doc[k].pos_ == "NOUN" and doc[k].text[:1].isupper())  # (a name the tagger took for a noun)
        or (doc[k].text == "." and k > 0 and doc[k - 1].pos_ == "PROPN")
    ):
        k -= 1
    if end - k < 2 or not doc[k + 1].text[:1].isupper():
        return None
    opener = doc[k] if k >= 0 else None
    if opener is None or opener.is_sent_start is None:
        return doc[k + 1 : end]
    if k < colon.sent.start or opener.text in ("-", "\u2013", "\u2014", "from") or doc[k + 1].is_sent_start:
        return doc[k + 1 : end]
    return None


def _lead_in_speaker(p: Parsed, mentions: Mentions, q: Quote) -> str:
    """The speaker named by what introduces a verbless quotation (:func:`lead_in`), or ""."""
    found = lead_in(p, q)
    if found is None:
        return ""
    tok, ent = found
    if ent is not None:
        return without_title(clean(ent_text(ent)))
    who, _ = speaker_name(p, mentions, tok)
    return who
