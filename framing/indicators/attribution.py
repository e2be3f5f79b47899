"""Attribution: the verb or phrase that introduces reported speech, by the stance it takes toward the speaker.

Many reporting verbs have other senses ("the round *concluded* on Thursday", "the figures *showed*
growth"). An entry marked ``context: speech`` counts only where the sentence shows reported speech
around it: a quotation or *that* after it, a quotation just before it (", he concluded"), a
personal-pronoun subject, or, for verbs such as *tell*, a named listener.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from framing.indicators.context import Context, make_hit
from framing.lexicons import Entry, Lexicon
from framing.lexicons.matcher import Match
from framing.models import Hit, Quote
from framing.speech.quote_verbs import credit_after, credit_inside, finite_misread, quote_verb, quoted_as, words_of
from framing.speech.syntax_speakers import lead_in
from framing.speech.verb_subjects import subject_of
from framing.text.document import Document
from framing.text.parser import Parsed

# Words that may stand between a reporting verb and what it reports ("said on Friday that ...").
TIME_WORDS = frozenset(
    """on in at this last late early earlier later today yesterday tonight morning afternoon evening night
    week weekend month year monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Where words were posted ("wrote on X:", "tweeted on his Telegram channel:"), skipped like time words.
PLATFORM_WORDS = frozenset(
    """x twitter facebook telegram instagram tiktok threads truth social youtube his her its their own official
    account page channel blog website site feed platform post""".split()
)
# A listener that is a news outlet: "told state media", "told Iranian TV".
MEDIA_WORDS = frozenset(
    """media tv television radio news newspaper newspapers broadcaster channel network outlet outlets press
    agency""".split()
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
    text = doc.text
    for m in ctx.matches("attribution"):
        entry = _reporting_entry(ctx, m)
        # A capitalised word inside a name ("Post" of "the Tarrin Post") is no verb. (Lower-case words are
        # not tested: "said officials" is no office title.)
        if entry is not None and text[m.start].isupper() and ctx.names.hides(m.first, m.last, entry):
            continue
        if entry is not None:
            hits.append(make_hit("attribution", lex, entry, doc, m.start, m.end))
    return hits


def detect(ctx: Context) -> list[Hit]:
    return reporting_verbs(ctx)


def reporting_verbs(ctx: Context) -> list[Hit]:
    """The document's reporting verbs in use, found once per context (the scare-quote test reads them too)."""
    found = ctx.shared.get("attribution")
    if found is None:
        hits = find_attribution(ctx)
        found = ctx.shared["attribution"] = (hits, [h.start for h in hits])
    return found[0]


def verbs_within(ctx: Context, start: int, end: int) -> list[Hit]:
    """Reporting verbs lying wholly inside ``[start, end)``, in order."""
    hits = reporting_verbs(ctx)
    starts = ctx.shared["attribution"][1]
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end)
    return [h for h in hits[lo:hi] if h.end <= end]


def _reporting_entry(ctx: Context, m: Match) -> Entry | None:
    """The first entry of the match that is used here as a reporting verb, or None."""
    doc = ctx.doc
    prev = doc.token_lowers[m.first - 1] if m.first > 0 else None
    # The word before rules out a verb reading: "the alleged plot", "a stated aim" (an adjective), "what
    # we can say" (not a report). The word is tested first, as it seldom is one of these.
    not_verb = (
        prev is not None
        and (
            (prev in NOT_A_REPORT and not _a_name(doc.text, doc.token_starts[m.first - 1]))
            or (m.first == m.last and prev in DETERMINERS)
        )
        and _plain(doc, doc.token_ends[m.first - 1], m.start)
    )
    for entry in m.entries:
        if not_verb and entry.pos == "verb":
            continue
        if (
            entry.id in _NAMING
            and prev is not None
            and prev not in _BEFORE_NAMING
            # (as written: a common noun before, "a raid called"; or a title-cased line, where the parse decides)
            and (doc.text[doc.token_starts[m.first - 1]].islower() or doc.text[m.start].isupper())
        ):
            continue  # "a raid called 'Operation X'": a name given, not words reported
        if entry.id in _DECLARING and (prev in _BE or _next_lower(doc, m) in ("a", "an")):
            continue  # "a ceasefire was declared", "declared a state of emergency": an act, not a report
        if entry.id == "attr.continue" and _remarks_after(doc, m):
            return entry  # ("Howard continued his scathing remarks.")
        if entry.id == "attr.continue" and not _clause_ends(doc, m):
            continue  # "Israel continues its aggression": not a report
        if entry.context != "speech" or _speech_context(ctx, m, entry):
            return entry
    return None


_NAMING = frozenset({"attr.call_it"})
_NAMING_LEMMAS = frozenset({"dub", "name", "title", "call", "nickname", "label", "brand", "term"})
_BEFORE_NAMING = frozenset(
    {"it", "he", "she", "they", "we", "i", "also", "has", "have", "had", "who", "which", "that", "what"}
)
_DECLARING = frozenset({"attr.declare", "attr.announce"})
_BE = frozenset({"is", "was", "were", "are", "be", "been", "being"})


def _a_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised inside a sentence: a name ('," Will wrote'), not a modal."""
    before = text[max(0, start - 4) : start]
    kept = before.rstrip()
    return (
        text[start : start + 1].isupper() and kept != "" and kept[-1] not in ".!?" and "\n" not in before[len(kept) :]
    )


# What someone goes on with when "continued" reports speech: "continued his scathing remarks".
_REMARK_NOUNS = frozenset("remarks comments attack attacks speech criticism tirade rant argument".split())


def _remarks_after(doc: Document, m: Match) -> bool:
    """'continued his (scathing) remarks': a possessive, then a noun of speech within two words."""
    words = doc.token_lowers[m.last + 1 : m.last + 4]
    return bool(words) and words[0] in ("his", "her", "their", "its") and any(w in _REMARK_NOUNS for w in words[1:])


_SOURCE_AFTER = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w.'\u2019&-]*\s+){0,4}[A-Z][\w.'\u2019&-]*\s*[.!?]?$")
_SOURCE_BEFORE = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w.'\u2019&-]*\s+){0,4}[A-Z][\w.'\u2019&-]*\s+$")


def _source_at_end(doc: Document, m: Match) -> bool:
    """'..., reported the Washington Examiner.' or '..., the Chicago Tribune reports.': a report closing the
    sentence, the source named by capitalised words, a comma before."""
    text = doc.text
    end = text.find("\n", m.end)
    end = len(text) if end < 0 else end
    dot = min((i for i in (text.find(". ", m.end, end), text.find(".\n", m.end, end + 1)) if i >= 0), default=end)
    tail = text[m.end : min(dot + 1, end)]
    head = text[max(0, m.start - 60) : m.start]
    if text[m.start - 2 : m.start] == ", " and _SOURCE_AFTER.match(tail):
        return True  # ", reported the Washington Examiner."
    return bool(_SOURCE_BEFORE.search(head)) and tail.strip() in (".", "")


def _clause_ends(doc: Document, m: Match) -> bool:
    """Nothing but punctuation after the word in its clause: ', he continued.' or 'he continued:'."""
    after = doc.text[m.end : m.end + 2].lstrip(" ")
    return after[:1] in (".", ",", ":", ";", "")


def _next_lower(doc: Document, m: Match) -> str | None:
    return doc.token_lowers[m.last + 1] if m.last + 1 < len(doc.token_lowers) else None


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
    while (
        k < n
        and (lowers[k] in TIME_WORDS or lowers[k] in PLATFORM_WORDS or (lowers[k].isdigit() and len(lowers[k]) == 4))
        and not _SENTENCE_PUNCT.search(text[ends[k - 1] : starts[k]])
    ):
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
        if lowers[k] == "the" and k + 1 < n and text[starts[k + 1] : starts[k + 1] + 1].isupper():
            return True  # ("told the New York Daily News")
        if any(w in MEDIA_WORDS for w in lowers[k : k + 3]):
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
    if i >= 0 and lowers[i] in SUBJECT_PRONOUNS and _plain(doc, ends[i], m.start):
        return True
    # A source named at the end of the sentence it reports: "..., reported the Washington Examiner.",
    # "..., the Chicago Tribune reports."
    if m.first == m.last and _source_at_end(doc, m):
        return True
    # A report set between commas inside the sentence it reports: "The move, Carr explained, was ...".
    return (
        i >= 1
        and m.first == m.last
        and text[ends[i - 1] : starts[i]].strip() == ","
        and text[starts[i] : starts[i] + 1].isupper()
        and _plain(doc, ends[i], m.start)
        and text[m.end : m.end + 1] == ","
    )


def from_parse(
    lex: Lexicon,
    doc: Document,
    parsed: Parsed,
    quotes: Sequence[Quote],
    hits: Sequence[Hit],
    candidates: Sequence[Match] = (),
) -> list[Hit]:
    """Reporting verbs the parse shows introducing a quotation, where the word pass kept no hit.

    The verb a quotation depends on (or the one beside it whose subject speaks, :func:`quote_verb`) is
    a reporting verb whatever the window rules of the word pass say ("described the plan, in a long
    interview on Sunday, as 'a disaster'"). It gets the lexicon entry its word or lemma has, or the rule
    entry ``attr.parsed_verb`` (no stance) when the lexicon does not list it.
    """
    rules = {e.id: e for e in lex.entries if e.context == "rule"}
    rule = rules.get("attr.parsed_verb")
    by_word: dict[str, Entry] = {}
    for e in lex.entries:
        if e.pos == "verb":
            for form in (e.term, *e.surface):
                by_word.setdefault(form.lower(), e)
    parsed.ensure(sorted({parsed.paragraph_of(q.start) for q in quotes}))
    taken = [(h.start, h.end) for h in hits]
    out: list[Hit] = []
    seen: set[int] = set()
    for q in quotes:
        # (a few quoted words count only when the syntax ties them to a reporting verb: a partial quote)
        verb = quote_verb(parsed, q, strict=q.kind == "scare")
        if q.kind != "scare":
            cue = lead_in(parsed, q)
            credited = False
            if cue is not None and (cue[1] is not None or verb is None):
                colon = cue[1] is not None
                if colon and (verb is None or not (parsed.at(cue[0]) < parsed.at(verb) < q.start)):
                    verb = None
                    start = parsed.at(cue[0])
                    credited = True
                    if "attr.colon_credit" in rules and start not in seen:
                        seen.add(start)
                        out.append(make_hit("attribution", lex, rules["attr.colon_credit"], doc, start, start + 1))
                elif not colon:
                    verb = cue[0]
            if verb is None:
                credit = credit_after(parsed, q)
                rule_id = "attr.bracket_credit" if credit and doc.text[credit[0]] == "[" else "attr.dash_credit"
                if credit is None:
                    credit = words_of(parsed, q)
                    rule_id = "attr.in_words"
                if credit is None:
                    credit = credit_inside(parsed, q)
                    rule_id = "attr.credit_line"
                if credit is None and not credited:
                    # 'From the report: "..."', 'Wait, it gets better:' then the quotation: the colon opens it
                    at = _colon_before(parsed, q)
                    credit = (at, at + 1, "") if at is not None else None
                    rule_id = "attr.colon_lead"
                if credit is not None and any(a < credit[1] and b > credit[0] for a, b in taken):
                    credit = None  # (the word pass has it: "in the words of")
                if credit is not None and rule_id in rules and credit[0] not in seen:
                    seen.add(credit[0])
                    out.append(make_hit("attribution", lex, rules[rule_id], doc, credit[0], credit[1]))
            elif _opens_after_colon(parsed, q) and "attr.colon_lead" in rules:
                # a block quotation opening its paragraph after a lead ending in a colon: the colon
                # introduces it, whatever verb its own sentences hold
                at = _colon_before(parsed, q)
                if (
                    at is not None
                    and parsed.at(verb) > at
                    and at not in seen
                    and not any(a <= at < b for a, b in taken)
                ):
                    seen.add(at)
                    out.append(make_hit("attribution", lex, rules["attr.colon_lead"], doc, at, at + 1))
        if verb is not None and quoted_as(verb) is not None:
            verb = quoted_as(verb)  # ("quoted the president as saying": the report is "quoted")
        if verb is None or (
            verb.i > 0
            and verb.doc[verb.i - 1].lower_ in NOT_A_REPORT
            and not _a_name(verb.doc.text, verb.doc[verb.i - 1].idx)
            and not _goes_on_to(verb)
        ):
            at = _colon_before(parsed, q) if verb is not None and q.kind != "scare" else None
            if at is not None and "attr.colon_lead" in rules and at not in seen:
                # ('Brookings had this to say about the plan: "..."': no report in "to say", but the colon
                # opens the quotation)
                seen.add(at)
                out.append(make_hit("attribution", lex, rules["attr.colon_lead"], doc, at, at + 1))
            continue  # ("declining to disclose", "what we can say": not a report)
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod") and not finite_misread(verb):
            continue  # ("an operation dubbed 'Dawn Rising'": a name given, not words reported)
        if any(c.dep_ == "auxpass" for c in verb.children):
            continue  # ("a ceasefire was declared": an act, not a report)
        if verb.lemma_.lower() in _NAMING_LEMMAS and not (
            _has_own_subject(verb)
            or finite_misread(verb)
            or (verb.tag_ == "VBG" and any(c.dep_ == "dobj" for c in verb.children))
        ):
            continue  # (", dubbed 'Dawn Rising',": nobody named as speaking; but "..., calling him 'a loser'")
        start = parsed.at(verb)
        if start in seen:
            continue
        seen.add(start)
        if verb.lower_ == "according" and verb.i + 1 < len(verb.doc):
            end = parsed.end(verb.doc[verb.i + 1])
        else:
            end = start + len(verb.text)
        if any(s < end and e > start for s, e in taken):
            continue
        entry = by_word.get(verb.lower_) or by_word.get(verb.lemma_.lower())
        if entry is None and verb.lower_ == "according":
            entry = next((e for e in lex.entries if e.term == "according to"), None)
        entry = entry or rule
        if entry is not None:
            out.append(make_hit("attribution", lex, entry, doc, start, end))
    out += _clause_verbs(lex, doc, parsed, candidates, taken, seen)
    return out


def _colon_before(parsed: Parsed, q: Quote) -> int | None:
    """The offset of a colon that opens quotation ``q``: the last character before it in its paragraph,
    or the end of the paragraph before when the quotation opens its own."""
    text = parsed.text
    para = parsed.paragraph_of(q.start)
    a = parsed.paragraphs[para][0]
    lead = text[a : q.start].rstrip()
    if not lead and para > 0:
        a, b = parsed.paragraphs[para - 1]
        lead = text[a:b].rstrip()
    return a + len(lead) - 1 if lead.endswith(":") else None


# Verbs after which "to" + a verb of speech still reports: "started to portray X as 'Y'", "went on to call".
_ASPECTUAL = frozenset("start begin continue keep go".split())


def _goes_on_to(verb: Any) -> bool:
    return (
        verb.doc[verb.i - 1].lower_ == "to"
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _ASPECTUAL
        and _has_own_subject(verb.head)
    )


def _opens_after_colon(parsed: Parsed, q: Quote) -> bool:
    """Whether the quotation opens its paragraph and the paragraph before ends with a colon."""
    para = parsed.paragraph_of(q.start)
    if para == 0 or parsed.text[parsed.paragraphs[para][0] : q.start].strip():
        return False
    a, b = parsed.paragraphs[para - 1]
    return parsed.text[a:b].rstrip().endswith(":")


def _has_own_subject(verb: Any) -> bool:
    """A subject for the verb, or for the verb it is joined to ('Carson took the stage and called ...')."""
    v = verb
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return True
        if v.dep_ != "conj" or v.head.i == v.i:
            return False
        v = v.head
    return False


def _clause_verbs(
    lex: Lexicon,
    doc: Document,
    parsed: Parsed,
    candidates: Sequence[Match],
    taken: list[tuple[int, int]],
    seen: set[int],
) -> list[Hit]:
    """Verbs of speech the word pass left out for want of a quotation, "that" or a colon, which the parse
    shows reporting a clause with a speaker: 'A statement by the EU confirmed talks will resume', '...,
    the statement added.' (the verb has a subject and a clause complement, and is neither passive nor a
    possibility: "can confirm")."""
    out: list[Hit] = []
    wanted = [m for m in candidates if m.first == m.last and not any(s < m.end and e > m.start for s, e in taken)]
    if not wanted:
        return out
    parsed.ensure(sorted({parsed.paragraph_of(m.start) for m in wanted}))
    for m in wanted:
        tok = parsed.token_at(m.start)
        if tok is None or parsed.at(tok) != m.start or m.start in seen or tok.pos_ != "VERB":
            continue
        children = list(tok.children)
        participle = tok.tag_ == "VBG" and tok.dep_ == "advcl" and subject_of(tok) is not None  # ", adding ..."
        if not (participle or _has_own_subject(tok)):  # (or a verb it is joined to: "did not ..., but told")
            continue
        if any(c.dep_ in ("auxpass", "neg") for c in children):
            continue
        if not any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and _has_subject(c) for c in children):
            continue
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in NOT_A_REPORT:
            continue
        entry = next((e for e in m.entries if e.pos == "verb"), None)
        if entry is not None:
            seen.add(m.start)
            out.append(make_hit("attribution", lex, entry, doc, m.start, m.end))
    return out


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
