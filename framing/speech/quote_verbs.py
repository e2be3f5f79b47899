"""The verb that reports a quotation, found in spaCy's dependency parse of its paragraph.

:func:`quote_verb` is the reporting verb a quotation hangs from (or, failing that, the nearest reporting
verb of its sentence, a verb with its subject right after the quotation, or the next sentence's verb
after a closing "!" or "?"); :func:`credit_after` is a dash and a name that credit a quotation. Who
speaks through the verb is :mod:`framing.speech.syntax_speakers`' job.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from framing.models import Quote
from framing.speech.speaker_names import ROLE_OR_TITLE
from framing.text.parser import Parsed

# Verbs (lemmas) that report speech, writing or thought: the verbs a quotation hangs from.
SPEECH_LEMMAS = frozenset(
    """say tell add state claim allege insist argue assert declare announce explain note warn write tweet
    post call describe label dub brand term urge ask question reply respond answer acknowledge admit
    concede deny confirm reveal suggest predict promise pledge vow threaten accuse blame criticize
    criticise praise complain lament boast joke quip recall remark observe comment mention report testify
    shout chant sing read cite quote characterize characterise dismiss slam blast mock decry condemn
    denounce charge contend maintain emphasize emphasise stress underscore point conclude agree
    disagree recommend demand advise caution counter retort rebut signal indicate hint imply estimate
    speculate believe think feel hope fear worry wonder muse proclaim assure reassure tout hail welcome
    express voice reiterate repeat clarify plead beg inform notify brief disclose assess opine scream yell
    whisper exclaim cry lash rail fume thunder talk remember riff grouse gush chime interject concur sum
    summarize summarise snipe joke tease scoff snap sneer testify reason recount email text
    message retweet refer portray thank credit chide offer propose share list discuss apologize apologise
    bemoan deride lambaste lambast ridicule relate liken
    ponder elaborate""".split()
)


def is_speech(tok: Any) -> bool:
    return (
        (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_LEMMAS)
        or according(tok)
        or _put_it(tok)
        or _study_found(tok)
        or _went_on(tok)
    )


# Verbs that report speech only when they stand alone, with nothing they act on: 'Pence continued: "..."',
# '"...?" Hannity pressed', 'Trump went on', 'Rubio fired back' (not 'continued its raids', 'pressed the
# button'). The lemma, and the particle it needs.
_GOING_ON = {"continue": "", "press": "", "go": "on", "fire": "back", "shoot": "back", "hit": "back", "push": "back"}


def _went_on(tok: Any) -> bool:
    particle = _GOING_ON.get(tok.lemma_.lower())
    if particle is None or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in kids):
        return False
    return not any(c.dep_ in ("dobj", "xcomp", "attr", "oprd", "pobj") for c in kids) and any(
        c.dep_ in ("nsubj", "ccomp") for c in kids
    )


# What a finding is reported from: 'a House committee report found "no evidence"', 'Pew found that "..."'.
FINDERS = frozenset("report study poll survey analysis review investigation inquiry audit researchers".split())


def _study_found(tok: Any) -> bool:
    if tok.lemma_.lower() != "find" or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if any(c.dep_ == "ccomp" and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children) for c in kids):
        return True  # "Pew found that ...", "two analysts found in 2014 that ...": a finding reported
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in FINDERS or c.ent_type_ == "ORG") for c in kids)


def _put_it(tok: Any) -> bool:
    """'as Vulture put it, "..."', 'as she puts it:'."""
    return (
        tok.lemma_.lower() == "put"
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].lower_ == "it"
        and (
            any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            or any(t.lower_ == "as" for t in tok.doc[max(0, tok.i - 8) : tok.i])
        )
    )


def according(tok: Any) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


# Nouns for people who speak, before a verb the parse read as a participle ("one lawmaker called").
_SPEAKING_ROLES = ROLE_OR_TITLE | frozenset("lawmaker voter critic supporter protester candidate".split())


def finite_misread(verb: Any) -> bool:
    """Whether ``verb`` is a finite verb the parse read as a participle (see :func:`misread_subject`)."""
    return misread_subject(verb) is not None


def misread_subject(verb: Any) -> Any | None:
    """The subject of a finite verb the parse read as a participle describing a noun before it, or None:
    'Beruff, a Scott ally, called Florida's standards "strong"' (hung from Beruff), 'Stuart Stevens, who
    served as chief strategist during the campaign, called ...' (hung from "campaign", in a sentence the
    parse left without a verb), 'Sanders' campaign called AP's report a "rush to judgment"'. Not 'a raid
    called "Operation X"' (what it acts on is the quotation) nor 'Trump, called "the Donald" by fans'
    (an agent): the verb acts on words outside the quotation."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "relcl", "amod") or verb.i == 0:
        return None
    prev, root = verb.doc[verb.i - 1], verb.sent.root
    if (
        root.pos_ not in ("VERB", "AUX")
        and prev.pos_ == "PROPN"
        and prev.dep_ == "compound"
        and prev.text[:1].isupper()
        and verb.lemma_.lower() in SPEECH_LEMMAS
    ):
        return prev  # ("In March, Trump blasted Disney for ...": read as a compound name with an adjective)
    kids = list(verb.children)
    if any(c.dep_ == "agent" for c in kids):
        return None
    acts = any(c.dep_ in ("dobj", "oprd", "ccomp", "dative") and _unquoted_after(verb, c) for c in kids)
    # ('"...!" Murphy, the head of the group, Tweeted on Friday': a verb of speech after a quotation)
    sent_start = verb.sent.start
    reports = verb.lemma_.lower() in SPEECH_LEMMAS and any(
        t.is_quote for t in verb.doc[max(0, sent_start - 2) : verb.i]
    )
    if not (acts or reports):
        return None
    head = verb.head
    comma = prev.text == ","
    if comma and head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG", "NORP", "") and head.i < verb.i:
        return head
    if (
        comma
        and root.i < verb.i
        and (
            (root.pos_ == "PROPN" and root.ent_type_ in ("PERSON", "ORG", "NORP"))
            # ("Two analysts, X and Y, found"; '"...!" the nominee, Donald Trump, tweeted')
            or (root.pos_ == "NOUN" and (root.tag_ == "NNS" or reports) and not root.ent_type_)
        )
    ):
        return root  # (the sentence has no verb but this one)
    if root.pos_ not in ("VERB", "AUX") and head.dep_ in ("nsubj", "ROOT") and head.i == verb.i - 1:
        return head  # ("campaign called": the sentence's only verb, right after its subject)
    if acts and head.i == verb.i - 1 and head.pos_ == "NOUN" and head.lemma_.lower() in _SPEAKING_ROLES:
        return head  # ("one lawmaker called Trump 'X'": a person does the calling, not a thing named)
    return None


def quoted_as(verb: Any) -> Any | None:
    """For 'saying' in 'quoted X as saying', the verb "quoted"; else None."""
    if verb.lemma_.lower() != "say" or verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    above = verb.head.head
    return above if above.lemma_.lower() == "quote" else None


# Verbs (lemmas) that pass on how someone sees a thing when it comes after "as": 'defended his aide as a
# "decent man"', 'heralded the deal as a "breakthrough"', 'cast Dahl as a liberal who would "unravel" it'.
# Alone ('defended the "reform"', 'cast a "shadow"') they report nothing.
AS_LEMMAS = frozenset(
    "defend herald identify cast sum wave reject see view regard frame rank paint depict present single justify".split()
)


def _characterized_as(verb: Any, below: Any) -> bool:
    """Whether ``verb`` characterizes something through ``below``, its "as": 'dismissed X as "Y"'."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in AS_LEMMAS
        and below.lower_ == "as"
        and below.dep_ == "prep"
        and below.head.i == verb.i
        # (not 'the law was seen as a "disaster"', 'a plan billed as "bold"': nobody named as seeing it)
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and not (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl"))
    )


# Verbs whose "that" clause is no one's words or thought passed on: a rule, a result, a knowing.
_NOT_REPORTING = frozenset(
    """be mean ensure insure make require see seem appear know realize realise understand learn forget
    guarantee mandate stipulate dictate provide specify happen matter help assume wish doubt hear""".split()
)


def _that_clause(verb: Any, below: Any) -> bool:
    """Whether ``verb`` passes on the "that" clause ``below`` as someone's words or view: 'Hewlett sniped
    that Lind was "learning on the job"', 'the campaign projects that "..."', 'a judge determined that'
    (a verb with its own subject, or a participle after a comma, not a passive: 'it was agreed that')."""
    return (
        verb.pos_ == "VERB"
        and below.dep_ == "ccomp"
        and below.head.i == verb.i
        and below.i > verb.i
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children)
        and verb.lemma_.lower() not in _NOT_REPORTING
        and not any(c.dep_ in ("auxpass", "expl") for c in verb.children)
        and (
            any(c.dep_ == "nsubj" and c.lower_ not in ("it", "there") for c in verb.children)
            or (verb.tag_ == "VBG" and verb.dep_ == "advcl")
        )
    )


def _infinitive(verb: Any) -> bool:
    """'to call', 'refusing to say': a verb of speech that reports no words said."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ == "to" and verb.tag_ == "VB"


def _unquoted_after(verb: Any, tok: Any) -> bool:
    """Whether ``tok`` comes after ``verb`` with no quotation mark between them."""
    return tok.i > verb.i and not any(t.is_quote for t in verb.doc[verb.i + 1 : tok.i + 1])


def quote_verb(p: Parsed, q: Quote, *, strict: bool = False) -> Any | None:
    """The token of the verb that reports quotation ``q`` (its paragraph parsed), or None.

    ``strict``: only a reporting verb the quotation hangs from (for a few quoted words, which are a
    partial quote only when the syntax ties them to a speaker). Found once per quotation and parse.
    """
    key = (q.start, q.end, strict)
    found = p.memo.get(key, _UNSET)
    if found is _UNSET:
        found = p.memo[key] = _quote_verb(p, q, strict)
    return found


_UNSET = object()


def _quote_verb(p: Parsed, q: Quote, strict: bool) -> Any | None:
    i = p.paragraph_of(q.start)
    d = p.docs.get(i)
    if d is None:
        return None
    base = p.base(i)
    lo, hi = q.start - base, q.end - base
    idx = p.token_starts(i)
    i0, i1 = bisect.bisect_left(idx, lo), bisect.bisect_left(idx, hi)
    inside = list(d[i0:i1])
    if not inside:
        return None
    best: tuple[int, int, Any] | None = None  # (depth, distance, verb)
    # Only the quoted words whose head stands outside the quotation lead out of it.
    for t in (u for u in inside if not (lo <= u.head.idx < hi)):
        depth = 0
        below = t
        for a in t.ancestors:
            depth += 1
            if lo <= a.idx < hi:
                below = a
                continue
            speech = is_speech(a) or _characterized_as(a, below) or _that_clause(a, below)
            below = a
            if speech and not any(c.dep_ == "neg" for c in a.children):  # (not "did not mention")
                if _infinitive(a) and any(is_speech(b) and not _infinitive(b) for b in a.ancestors):
                    # ('explained the refusal to call it "terrorism"': the report is "explained")
                    continue
                key = (depth, _distance(a, lo, hi), a)
                if best is None or key[:2] < best[:2]:
                    best = key
                break
    if best is not None:
        verb = best[2]
        # Quoted words that are the thing or the person the verb acts on ('mocked the "peace plan"',
        # 'telling "their friend" that ...', 'declared a "special situation"', '"Israel" continues') are
        # the writer's words about it, not words said; nor is a name given ('an operation dubbed "X"').
        acted_on = ("dobj", "dative", "nsubjpass", "nsubj") if strict else ("dobj", "dative", "nsubjpass")
        before = d[inside[0].i - 1] if inside[0].i > 0 else None
        words = sum(1 for t in inside if not t.is_punct)
        if any(t.head.i == verb.i and t.dep_ in acted_on for t in inside) and (
            strict
            or (words <= 3 and before is not None and before.pos_ in ("DET", "PRON") and before.dep_ in ("det", "poss"))
        ):
            return None
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not finite_misread(verb):
            return None
    if best is not None:
        # "According to X, Clinton praised her 'donors'": the source named by "according to" speaks.
        sent = best[2].sent
        acc = [t for t in sent if according(t) and not (lo <= t.idx < hi)] if len(sent) < 200 else []
        return acc[0] if acc else best[2]
    if strict:
        return None
    speech = p.memo.get(("speech", i))
    if speech is None:  # the paragraph's reporting verbs, listed once
        speech = p.memo[("speech", i)] = [t.i for t in d if is_speech(t)]
    first_sent, last_sent = inside[0].sent, inside[-1].sent
    a, b = bisect.bisect_left(speech, first_sent.start), bisect.bisect_left(speech, last_sent.end)
    cands = [d[k] for k in speech[a:b] if not (lo <= d[k].idx < hi)]
    if cands:
        return min(cands, key=lambda t: _distance(t, lo, hi))
    # A quotation set off by a comma and a verb of any kind, next to it: '"...," Pence riffed.'
    for t in inside:
        for a in t.ancestors:
            if lo <= a.idx < hi:
                continue
            if a.pos_ == "VERB" and a.idx >= hi and _distance(a, lo, hi) <= 40 and _subject_after(a, hi):
                return a
            break
    # A verb of any kind tagging the quotation ('"...," Trump barked and ...': the name read as part of it).
    tag = next((t for t in d[i1 : i1 + 6] if t.pos_ == "VERB"), None)
    if tag is not None and _tagged(tag, hi):
        return tag
    # A reporting verb the tagger took for a noun ('"...," the editorial read.', '... the ad states.').
    word = _speech_word_after(d, i1)
    if word is not None:
        return word
    # A quotation ending in "!" or "?", which the parse takes for the end of a sentence: the next one
    # begins right after the closing mark with its speaker and verb ('"All the way!" Dawson shouted.').
    after = _sentence_after(d, i0, i1, hi)
    if after is not None:
        for t in after:
            if t.idx - hi > 120:
                break
            if t.pos_ in ("VERB", "AUX") and is_speech(t):
                # ('..." the nominee, Donald Trump, tweeted': the parse makes the verb a modifier of the noun)
                if _has_subject(t, lo, hi) or (
                    t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and t.head.idx >= hi
                ):
                    return t
        if _tagged(after.root, hi):
            return after.root  # ('"...!" beamed Donald Hartley', '"...?" Dawson wondered': a verb of any kind)
    return None


# What a verb that tags a quotation has none of: something it acts on, a clause, a complement, a
# negation ('"Stop!" she did not ...'), or a passive.
_NOT_A_TAG = frozenset("dobj ccomp xcomp attr acomp dative oprd nsubjpass auxpass neg prep".split())


def _tagged(verb: Any, hi: int) -> bool:
    """Whether ``verb`` is a tag of the quotation that ends at ``hi``: a finite verb of any kind ('barked',
    'beamed', 'smiled'), with a one-name or pronoun subject and nothing else between it and the
    quotation, acting on nothing ('"...!" beamed Donald Hartley of Madison', '"...," Trump barked and').
    """
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBN") or verb.idx < hi or verb.idx - hi > 40:
        return False
    if any(c.dep_ in _NOT_A_TAG for c in verb.children):
        return False
    d = verb.doc
    near = d[max(0, verb.i - 4) : verb.i + 1]
    first = next((t for t in near if t.idx >= hi and not (t.is_punct or t.is_space)), None)
    if first is None:
        return False
    if first.i == verb.i:  # inverted: the verb first, then its subject
        return verb.tag_ == "VBD" and any(
            c.dep_ == "nsubj" and c.i > verb.i and c.pos_ == "PROPN" for c in verb.children
        )
    between = d[first.i : verb.i]
    if verb.tag_ == "VBN":  # ('Trump barked' read as a name and a participle)
        return all(t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.i == verb.i for t in between)
    return any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) and all(
        t.pos_ in ("PROPN", "PRON") for t in between
    )


_IRREGULAR = {
    "say": ("said", "says"),
    "tell": ("told", "tells"),
    "write": ("wrote", "writes"),
    "read": ("read", "reads"),
}


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past = lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else stem + "ed"
    third = (
        lemma[:-1] + "ies"
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou"
        else lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    )
    return (past, third)


SPEECH_FORMS = frozenset(f for lemma in SPEECH_LEMMAS for f in _forms(lemma))


def _speech_word_after(d: Any, i1: int) -> Any | None:
    """The reporting verb of a short clause right after a quotation's closing comma: up to eight words
    of a speaker, then a reporting verb's past or present form, then the end of the sentence or a
    preposition. Read off the words, for where the tagger mistook the verb for a noun."""
    seen = 0
    opened = False
    for t in d[i1 : i1 + 16]:
        if not opened:
            if t.is_punct or t.is_quote or t.is_space:
                if t.text in ".;!?":
                    return None
                continue
            opened = True
        if t.is_punct and t.text in ".;!?,:":
            return None
        if seen >= 1 and t.lower_ in SPEECH_FORMS and t.pos_ not in ("VERB", "AUX"):
            nxt = d[t.i + 1] if t.i + 1 < len(d) else None
            if nxt is None or nxt.is_punct or nxt.pos_ == "ADP":
                return t
        seen += 1
        if seen > 8:
            return None
    return None


def _sentence_after(d: Any, i0: int, i1: int, hi: int) -> Any | None:
    """The sentence that starts right after a quotation's closing mark (nothing but marks between);
    ``i0``, ``i1``: the quotation's first token and the one after its last."""
    for t in d[i1 : i1 + 12]:
        if t.is_punct or t.is_quote or t.is_space:
            if t.text in ".;":
                return None
            continue
        if d.text[hi : t.idx].strip(" \"'\u201c\u201d\u2018\u2019!?,\u2014\u2013-"):
            return None
        return t.sent if t.sent.start == t.i or t.sent.start > i0 else None
    return None


def in_quotation(tok: Any) -> bool:
    """Whether the token stands inside one of its paragraph's quotations (their spans, relative to the
    paragraph, are kept in the paragraph doc's ``user_data["quoted"]`` by :func:`attribute_parsed`): a
    word of someone's quoted speech is never the subject that names a speaker."""
    return any(lo <= tok.idx < hi for lo, hi in tok.doc.user_data.get("quoted", ()))


def _subject_after(verb: Any, hi: int) -> bool:
    """A subject between the quotation's end and the verb: '"...," Pence riffed' (not 'the operation,
    named "Shield", targeted ...', whose subject stands before the quotation)."""
    return any(c.dep_ == "nsubj" and hi <= c.idx < verb.idx for c in verb.children)


def _has_subject(verb: Any, lo: int, hi: int) -> bool:
    return any(c.dep_ == "nsubj" and not (lo <= c.idx < hi) and not in_quotation(c) for c in verb.children)


def _distance(t: Any, lo: int, hi: int) -> int:
    return lo - t.idx if t.idx < lo else t.idx - hi


# "in Forbes' words, "..."", "in the words of Karim Dahl: "..."": whose words the quotation is.
_WORDS_OF = re.compile(
    r"\b[Ii]n (?:(?P<a>(?:[A-Z][\w.\-]*\s){0,3}[A-Z][\w.\-]*?)(?:'s?|\u2019s?) (?:own )?words"
    r"|the (?:own )?words of (?P<b>(?:[A-Z][\w.\-]*\s){0,3}[A-Z][\w.\-]*))[,:]?\s*$"
)


def words_of(p: Parsed, q: Quote) -> tuple[int, int, str] | None:
    """'in X's words' or 'in the words of X' right before a quotation: the phrase's offsets and X."""
    a = p.paragraphs[p.paragraph_of(q.start)][0]
    lo = max(a, q.start - 120)
    m = _WORDS_OF.search(p.text, lo, q.start)
    if m is None:
        return None
    end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(",: \t")))
    return m.start(), end, m.group("a") or m.group("b")


# A credit as the last line inside a block quotation: '... we need to do stimulus.\nJosh Bivens, Economic
# Policy Institute."' (a name, a comma, an organisation).
_CREDIT_LINE = re.compile(r"([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){1,3}), [A-Z][^\n]{2,70}?\.?\s*$")


def credit_inside(p: Parsed, q: Quote) -> tuple[int, int, str] | None:
    """A credit line closing a block quotation, inside its marks or as the next line before the closing
    mark ('"... stimulus.\nJosh Bivens, Economic Policy Institute."'): the line's offsets and the name."""
    if q.closed:
        inner = p.text[q.inner_start : q.inner_end]
        cut = inner.rstrip().rfind("\n")
        if cut < 0:
            return None
        start, line = q.inner_start + cut + 1, inner[cut + 1 :]
    else:
        para = p.paragraph_of(q.start)
        if para + 1 >= len(p.paragraphs) or p.paragraphs[para][1] > q.end:
            return None
        start, end = p.paragraphs[para + 1]
        line = p.text[start:end].rstrip()
        if not line.endswith(('"', "\u201d")):
            return None
        line = line[:-1]
    m = _CREDIT_LINE.match(line)
    if m is None or len(line.split()) > 12:
        return None
    return start, start + len(line) + 1, m.group(1)


_DASHES = "-\u2012\u2013\u2014\u2015"  # (the horizontal bar too: "\u2015 Lena Vos")


def credit_after(p: Parsed, q: Quote) -> tuple[int, int, str] | None:
    """A dash and a name right after a quotation, which credit it ('"..." / - Bernie Sanders.'): the
    dash's offsets and the name, or None. The credit stands after the closing mark in the same
    paragraph, or is the whole of the next short paragraph."""
    text = p.text
    para = p.paragraph_of(q.start)
    a, b = p.paragraphs[para]
    k = q.end
    stop = min(b, q.end + 12)
    while k < stop and (text[k] in "\"'\u201d\u2019 .," or text[k].isspace()):  # (a no-break space too)
        k += 1
    if k == stop < b:
        return None
    if k >= b and para + 1 < len(p.paragraphs):
        a, b = p.paragraphs[para + 1]
        k = a
        while k < b and text[k].isspace():
            k += 1
        if b - k > 80:
            return None
    if k < b and text[k] == "[" and k <= q.end + 2:
        # '"..." [HuffPost.]': a digest's credit in brackets
        close = text.find("]", k, min(b, k + 40))
        name = text[k + 1 : close].strip(" .") if close > 0 else ""
        if name and len(name.split()) <= 4 and name[:1].isupper() and not any(c.isdigit() for c in name[:1]):
            return k, close + 1, name
        return None
    if k >= b or text[k] not in _DASHES:
        return None
    dash = k
    while k < b and (text[k] in _DASHES or text[k].isspace()):
        k += 1
    name = re.split(r"[,.(;\n]| on | in ", text[k:b], maxsplit=1)[0].strip()
    words = name.split()
    if (
        not words
        or len(words) > 6
        or not all(w[:1].isupper() for w in words if w.lower() not in ("of", "the", "de", "al"))
    ):
        return None
    return dash, dash + 1, name
