"""Who speaks: the speaker and reporting verb of every quotation, reported speech, and share of voice.

Speakers come from the text around a reporting verb: a name just before it ("Blinken said", "Ali
Bagheri Kani, told"), just after it ("said Blinken", "says State Department spokesman"), after
"according to", or a headline of the form "Blinken: ..." / "...: Blinken". A pronoun ("he said")
goes to the nearest person named as a speaker before it. Names are joined across their forms
("US Secretary of State Antony Blinken", "Blinken") by the actors lexicon and by surname. Reading a
name off the tokens, and joining its forms, is :mod:`framing.speech.speaker_names`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Sequence
from operator import attrgetter, itemgetter, le

from framing.lexicons import Lexicon
from framing.models import Hit, Quote, Span, Speaker, rebuild
from framing.speech.parse_names import INVERTED_OPENERS
from framing.speech.quote_verbs import quote_verb
from framing.speech.reported_speech import indirect_parsed
from framing.speech.speaker_names import (
    DETERMINERS,
    OPENERS,
    ROLE_NOUNS,
    ROLE_OR_TITLE,
    SENTENCE_PUNCT,
    TITLE_WORDS,
    Words,
    canonical_names,
    clean_name,
    is_institution,
    name_after,
    name_before,
)
from framing.speech.syntax_speakers import attribute_parsed
from framing.text.document import Document
from framing.text.parser import Parsed

PERSON_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any"}
_HEADLINE_LEFT = re.compile(r"^([A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,3}): (\S.*)$")
_HEADLINE_RIGHT = re.compile(r"^(\S.*\S):\s+([A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,3})$")
# A line "Brussels: Talks will resume, the EU said." is a dateline and a sentence that names its own source.
_REPORTED = re.compile(r"\b(?:said|says|told|added|stated|announced|according to)\b")
QUOTE_WINDOW = 6  # tokens between a quotation and the verb that reports it
_start = attrgetter("start")
_end = attrgetter("end")


def _subject(w: Words, verb: Hit) -> tuple[str, str]:
    """How a reporting verb names its speaker: ("name", X), ("pronoun", "he"), ("participle", "") or ("", "")."""
    vi = w.index(verb.start)
    said = verb.text.lower()
    if said.startswith("according"):
        return "name", name_after(w, w.last_before(vi, verb.end))
    prev = w.lower[vi - 1] if vi > 0 else None  # the token before the verb, case-folded
    if prev is not None and prev in PERSON_PRONOUNS and w.plain(vi - 1):
        return "pronoun", prev
    if said.endswith("ing") and _comma_before(w.text, verb.start):
        return "participle", ""  # "..., accusing Tehran": the subject of the clause before
    before = name_before(w, vi)
    if before:
        return "name", before
    after = name_after(w, w.last_before(vi, verb.end))  # (from the verb's last token)
    if after:
        return "name", after
    # "An army spokesman said", "Korvath officials said": a short phrase ending in a role noun.
    if prev is not None and prev in ROLE_NOUNS and w.plain(vi - 1):
        k = vi - 1
        while k > 0 and k > vi - 4 and w.plain(k - 1) and (w.is_name(k - 1) or w.lower[k - 1] in ROLE_OR_TITLE):
            k -= 1
        while k < vi - 1 and (w.lower[k] in OPENERS or w.lower[k] in DETERMINERS):
            k += 1
        return "name", w.phrase(k, vi)
    # "Macron, speaking at the UAE, asserted": the name that opens the sentence, set off by a comma.
    sentence = w.sentence_at(verb.start)
    if sentence is not None:
        first = end = w.index(sentence.start)  # the run: tokens first .. end - 1
        for k in range(first, vi):
            if not w.is_name(k):
                end = first
                break
            end = k + 1
            if not w.plain(k):
                break
        name = clean_name(w, first, end) if end > first and w.text.startswith(",", w.ends[end - 1]) else ""
        if name and name.lower() not in TITLE_WORDS and name.lower() not in OPENERS:
            return "name", name
    return "", ""


def _comma_before(text: str, offset: int) -> bool:
    """The last character before ``offset`` that is not a space is a comma."""
    k = offset
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] == ","


def _resolve(w: Words, attribution: Sequence[Hit]) -> dict[int, str]:
    """Speaker of every reporting verb (by its start offset), pronouns and participles resolved."""
    found = {v.start: _subject(w, v) for v in attribution}
    # Every person named as a speaker, with the last word of the name; in the order of the set of them,
    # which decides between two names found at the same place ("Blinken", "Antony Blinken").
    persons = {who for how, who in found.values() if how == "name" and who and not is_institution(who)}
    last_words = [(name, name.split()[-1]) for name in persons]
    out: dict[int, str] = {}
    named: list[tuple[int, str]] = []  # (offset, name) of verbs with a named speaker so far
    previous: tuple[int, str] | None = None  # the last verb and its speaker
    for verb in sorted(attribution, key=_start):
        how, who = found[verb.start]
        if how == "pronoun" or how == "participle":  # both look back within the verb's sentence
            sentence = w.sentence_at(verb.start)
            s_start = sentence.start if sentence else 0
            if how == "pronoun":
                they = who in ("they", "it")
                who = _mentioned_before(w.text, last_words, s_start, verb.start) or _last(named, any_kind=they)
            else:
                who = previous[1] if previous is not None and previous[0] >= s_start else ""
        if who:
            out[verb.start] = who
            if how == "name":
                named.append((verb.start, who))
        previous = (verb.start, who)
    return out


def _mentioned_before(text: str, persons: list[tuple[str, str]], start: int, end: int) -> str:
    """The person named last in text[start:end] ("Benny Gantz, who ..., wrote in which he wrote"), of
    ``persons`` given as (name, last word); the first of them wins a tie.

    A person is found by their last word: wherever the whole name is, its last word is too.
    """
    best, at = "", -1
    for name, last_word in persons:
        i = text.rfind(last_word, start, end)
        if i > at:
            best, at = name, i
    return best


def _last(named: list[tuple[int, str]], *, any_kind: bool) -> str:
    for _, name in reversed(named):
        if any_kind or not is_institution(name):
            return name
    return ""


def attribute(
    doc: Document,
    quotes: Sequence[Quote],
    attribution: Sequence[Hit],
    actors: Lexicon | None = None,
    parsed: Parsed | None = None,
    scare: Collection[int] = (),
) -> tuple[list[Quote], list[Hit]]:
    """Quotations with speaker, verb and stance; reported speech; reporting verbs with their speaker.

    With ``parsed`` (the article's parse, :mod:`framing.text.parser`) the speakers and verbs come from the
    syntax (:mod:`framing.speech.syntax_speakers`); without it, from the rules of this module. A quotation given is
    copied once, when its speaker's canonical name (which needs every speaker of the article) is known; a
    record that already has its canonical speaker (and, for a quotation with no verb, its kind) is returned
    as it is. ``scare``: starts of quotations that stay scare quotes whatever the syntax says.
    """
    w = Words(doc)
    # Every quotation given, with its kind, and its speaker, reporting verb and stance (kind None: a scare
    # quote, left as it is).
    found: list[tuple[Quote, str | None, str, str, str]] = []
    used_verbs: set[int] = set()
    if parsed is not None:
        verb_speaker, info = attribute_parsed(parsed, quotes, attribution, scare)
        for q in quotes:
            if q.kind == "scare" and q.start not in info:
                found.append((q, None, q.speaker, "", ""))
                continue
            who, verb_word, stance = info.get(q.start, ("", "", ""))
            # (a few quoted words the syntax ties to a speaker are a partial quote, not a scare quote)
            kind = "partial" if q.kind == "scare" or _is_partial(w, q) else "direct"
            found.append((q, kind, who, verb_word, stance))
        used_verbs = {v for v in (_verb_at(parsed, q, attribution) for q in quotes if q.kind != "scare") if v >= 0}
    else:
        verb_speaker = _resolve(w, attribution)
        verbs = _VerbIndex(attribution)
        for q in quotes:
            if q.kind == "scare":
                found.append((q, None, q.speaker, "", ""))
                continue
            verb = _verb_for(w, q, verbs)
            kind = "partial" if _is_partial(w, q) else "direct"
            if verb is None:
                found.append((q, kind, q.speaker, "", ""))
            else:
                used_verbs.add(verb.start)
                found.append((q, kind, verb_speaker.get(verb.start, ""), verb.text, verb.category))
    # Reported speech and headlines, as (start, end, kind, speaker, verb, stance) until the names are known.
    clauses = (
        indirect_parsed(parsed, attribution, quotes)
        if parsed is not None
        else _indirect(w, attribution, used_verbs, quotes)
    )
    more = [
        (start, end, "indirect", verb_speaker.get(verb.start, ""), verb.text, verb.category)
        for start, end, verb in clauses
    ]
    more += [(start, end, "headline", name, ":", "neutral") for start, end, name in _headlines(doc)]
    names = canonical_names(
        [row[2] for row in found if row[2]] + [row[3] for row in more if row[3]] + list(verb_speaker.values()),
        actors,
    )
    out: list[Quote] = []
    for q, kind, who, verb_word, stance in found:
        who = names.get(who, who)
        if kind is None:
            out.append(_named(q, who))
        elif not verb_word:  # (often a quotation as it came, direct and without a speaker)
            out.append(q if q.kind == kind and q.speaker == who else q._replace(kind=kind, speaker=who))
        else:
            out.append(q._replace(kind=kind, speaker=who, verb=verb_word, stance=stance))
    text = doc.text
    out.extend(
        rebuild(
            Quote,
            [
                (start, end, start, end, text[start:end], True, kind, names.get(who, who), verb, stance)
                for start, end, kind, who, verb, stance in more
            ],
        )
    )
    hits = []
    for h in attribution:
        who = verb_speaker.get(h.start, "")
        hits.append(_named(h, names.get(who, who)))
    out.sort(key=_start)
    return out, hits


def _verb_at(parsed: Parsed, q: Quote, attribution: Sequence[Hit]) -> int:
    """The start of the attribution hit that reports ``q`` in the parse, or -1."""
    verb = quote_verb(parsed, q)
    if verb is None:
        return -1
    at = parsed.at(verb)
    return at if any(h.start == at for h in attribution) else -1


def _named(record: Quote | Hit, speaker: str):
    """The record with the speaker given: a copy, unless it has that speaker already (records are read-only)."""
    return record if record.speaker == speaker else record._replace(speaker=speaker)


def _is_partial(w: Words, q: Quote) -> bool:
    """A few quoted words inside the writer's own sentence ('cited Iran's "lack of seriousness"')."""
    words = w.index(q.inner_end) - w.index(q.inner_start)
    if words >= 8:
        return False
    k = q.start  # the last character before the quotation that is not a space
    while k > 0 and w.text[k - 1].isspace():
        k -= 1
    return k > 0 and w.text[k - 1].isalnum()


class _VerbIndex:
    """The reporting verbs of a document, for the two questions :func:`_verb_for` asks about each quotation.

    Both answers refer to the order the verbs were given in. Callers give them in text order, and then
    they are found by bisecting the start offsets; in any other order, by going through every verb.
    """

    def __init__(self, verbs: Sequence[Hit]) -> None:
        self.verbs = list(verbs)
        self.starts = starts = list(map(_start, self.verbs))
        self.in_order = all(map(le, starts, starts[1:])) and all(map(le, starts, map(_end, self.verbs)))

    def first_starting(self, lo: int, hi: int) -> Hit | None:
        """The first verb that starts in [lo, hi)."""
        if not self.in_order:
            return next((h for h in self.verbs if lo <= h.start < hi), None)
        i = bisect_left(self.starts, lo)
        return self.verbs[i] if i < len(self.starts) and self.starts[i] < hi else None

    def last_within(self, lo: int, hi: int) -> Hit | None:
        """The last verb that starts at or after ``lo`` and ends at or before ``hi``."""
        if not self.in_order:
            return next((h for h in reversed(self.verbs) if lo <= h.start and h.end <= hi), None)
        first = bisect_left(self.starts, lo)
        # Back from the last verb that starts by ``hi`` (one that ends by ``hi`` starts by it).
        for i in range(bisect_right(self.starts, hi) - 1, first - 1, -1):
            if self.verbs[i].end <= hi:
                return self.verbs[i]
        return None


def _verb_for(w: Words, q: Quote, verbs: _VerbIndex) -> Hit | None:
    """The reporting verb of a quotation.

    A quotation that opens its sentence takes the verb right after it ('"...," he said'); one inside a
    sentence takes the nearest verb before it ('asserted that the talks could "not reopen swiftly"').
    Only verbs in the quotation's sentence count (from the sentence of its first character to the end of
    the sentence of its last). The second choice is looked for only when the first is missing.
    """
    opening = w.sentence_at(q.start)
    sentence_start = opening.start if opening is not None else 0
    opens_sentence = opening is None or not w.text[opening.start : q.start].strip(" \t\"'\u201c\u2018")
    if opens_sentence:
        return _verb_after(w, q, verbs) or verbs.last_within(sentence_start, q.start)
    return verbs.last_within(sentence_start, q.start) or _verb_after(w, q, verbs)


def _verb_after(w: Words, q: Quote, verbs: _VerbIndex) -> Hit | None:
    """The first verb after a quotation, if it is in the sentence of its last character and close to it."""
    closing = w.sentence_at(max(0, q.end - 1))
    sentence_end = closing.end if closing is not None else len(w.text)
    after = verbs.first_starting(q.end, sentence_end)
    return after if after is not None and w.index(after.start) - w.index(q.end) <= QUOTE_WINDOW else None


# What may stand between a reporting verb and the speech it reports: "said on Friday that ...".
_LEAD_IN = re.compile(r"\s*(?:(?:on|in|at|this|last|today|yesterday|\w+day)\s+)*(?:that\s+)?")


def _has_quotation(mark_starts: list[int], mark_ends: list[int], sentence: Span) -> bool:
    """A quotation opens or closes in the sentence (``mark_starts``/``mark_ends`` sorted)."""
    i = bisect_left(mark_starts, sentence.start)
    if i < len(mark_starts) and mark_starts[i] < sentence.end:
        return True
    i = bisect_right(mark_ends, sentence.start)
    return i < len(mark_ends) and mark_ends[i] <= sentence.end


def _indirect(
    w: Words,
    attribution: Sequence[Hit],
    used: set[int],
    quotes: Sequence[Quote],
) -> list[tuple[int, int, Hit]]:
    """Reported speech without quotation marks: 'X asserted that ...', '..., Blinken asserted.'

    Each clause as (start, end, its reporting verb).
    """
    out = []
    text = w.text
    mark_starts = sorted(q.start for q in quotes)
    mark_ends = sorted(q.end for q in quotes)
    for verb in attribution:
        if verb.start in used or verb.in_quote or verb.text.lower().startswith("according"):
            continue
        s = w.sentence_at(verb.start)
        if s is None:
            continue
        if _has_quotation(mark_starts, mark_ends, s):
            continue  # the sentence has quotation marks: its speech is counted there
        start = _LEAD_IN.match(text, verb.end, s.end).end()  # (it always matches)
        if verb.entry_id == "attr.tell":  # "told Al Mayadeen his country ...": skip the listener
            k = first = w.index(start)
            while k < w.n and w.is_cap(k) and w.plain(k):
                k += 1
            if k < w.n and k > first:
                start = w.starts[k]
        end = s.end
        if text[start:end].strip(" .") == "":
            comma = text.rfind(",", s.start, verb.start)
            if comma >= 0:
                # "Washington will pursue other options if diplomacy fails, Blinken asserted."
                start, end = s.start, comma
        while end > start and text[end - 1] in " .!?":
            end -= 1
        if end - start < 12:
            continue
        out.append((start, end, verb))
    return out


def _headlines(doc: Document) -> list[tuple[int, int, str]]:
    """'Blinken: The latest round ...' and 'US open to other options ...: Blinken' lines, as (start, end, name)."""
    out = []
    for at, line in _colon_lines(doc.text):
        line = line.rstrip()
        if len(line) > 200 or line.count(" ") < 3:
            continue
        left = _HEADLINE_LEFT.match(line)
        right = _HEADLINE_RIGHT.match(line)
        if left and not SENTENCE_PUNCT.search(left.group(1)) and not _REPORTED.search(left.group(2)):
            name, start = left.group(1), at + left.start(2)
            end = at + len(line)
        elif right:
            name, start = right.group(2), at
            end = at + right.end(1)
        else:
            continue
        if name.lower() in TITLE_WORDS and not name.isupper():  # ("...: Minister"; but "...: EU" names one)
            continue
        first, _, rest = name.partition(" ")
        if rest and first.lower() in INVERTED_OPENERS:
            name = rest  # ('Continued Stone: "..."')
        out.append((start, end, name))
    return out


def _colon_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every line that holds a colon (a line: a run of characters other than a line break).

    Found from the colons with ``str.find``: an article has a few, and a regular expression over every
    line costs far more.
    """
    colon = text.find(":")
    while colon >= 0:
        start = text.rfind("\n", 0, colon) + 1
        end = text.find("\n", colon)
        if end < 0:
            end = len(text)
        yield start, text[start:end]
        colon = text.find(":", end)


def speaker_table(quotes: Sequence[Quote], attribution: Sequence[Hit], doc: Document) -> list[Speaker]:
    """Per speaker: quotations, quoted words, reported-speech clauses, first position and verbs."""
    # Per speaker, in the order first met, the fields of its Speaker record as a row that is counted in
    # place: [name, quotes, words, indirect, first position, verbs].
    rows: dict[str, list] = {}
    starts = doc.token_starts  # words of a quotation: tokens from its inner start to its inner end
    for q in quotes:
        who = q.speaker
        if not who or q.kind == "scare":
            continue
        row = rows.get(who)
        if row is None:
            row = rows[who] = [who, 0, 0, 0, q.start, []]
        elif q.start < row[4]:
            row[4] = q.start
        if q.kind == "indirect":
            row[3] += 1
        else:
            row[1] += 1
            row[2] += bisect_left(starts, q.inner_end) - bisect_left(starts, q.inner_start)
    said: dict[tuple[str, str, str], int] = {}  # (speaker, verb lower-cased, stance) -> times
    for h in attribution:
        who = h.speaker
        if who:
            if who not in rows:
                rows[who] = [who, 0, 0, 0, h.start, []]
            key = (who, h.text.lower(), h.category)
            said[key] = said.get(key, 0) + 1
    # Every speaker's (verb, stance, times), the most frequent first, then by verb and stance: one sort.
    for who, minus, verb, stance in sorted([(who, -c, v, s) for (who, v, s), c in said.items()]):
        rows[who][5].append((verb, stance, -minus))
    for row in rows.values():
        row[5] = tuple(row[5])
    # Speaker(*row) for every row, by first position, in one step.
    return list(rebuild(Speaker, sorted(rows.values(), key=_first_position)))


_first_position = itemgetter(4)
