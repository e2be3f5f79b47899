"""Who speaks: the speaker and reporting verb of every quotation, reported speech, and share of voice.

Speakers come from the text around a reporting verb: a name just before it ("Blinken said", "Ali
Bagheri Kani, told"), just after it ("said Blinken", "says State Department spokesman"), after
"according to", or a headline of the form "Blinken: ..." / "...: Blinken". A pronoun ("he said")
goes to the nearest person named as a speaker before it. Names are joined across their forms
("US Secretary of State Antony Blinken", "Blinken") by the actors lexicon and by surname.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .lexicons import Lexicon
from .models import Hit, Quote, Speaker, Token, evolve
from .text import Document

# Words of a title or office that precede a name ("US Secretary of State Antony Blinken").
TITLE_WORDS = frozenset(
    """president prime minister ministry secretary state department spokesman spokeswoman spokesperson
    foreign defense defence security interior finance chief general gen lt col maj sen senator rep
    ambassador envoy commander leader king queen crown prince sheikh dr mr mrs ms prof mayor governor
    director chairman chairwoman chair deputy vice adviser advisor official officials negotiator head
    supreme ayatollah lead top senior former acting occupation press us u.s uk un eu israeli iranian
    french american british lebanese palestinian russian chinese german saudi egyptian syrian iraqi
    qatari turkish jordanian emirati""".split()
)
INSTITUTION_WORDS = frozenset(
    """house states department ministry government council office agency army forces union nations
    organization organisation committee court parliament cabinet administration military police
    kingdom republic""".split()
)
PERSON_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any"}
TIME_WORDS = frozenset(
    """on in at this last today yesterday tonight earlier later morning afternoon evening night week
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
DETERMINERS = frozenset({"the", "a", "an"})
PREPOSITIONS = frozenset({"at", "in", "to", "from", "with", "by", "for", "on", "of", "the", "about", "against"})
# Words that open a sentence without being its subject.
OPENERS = frozenset({"the", "however", "meanwhile", "additionally", "but", "and", "also", "still", "yet", "then"})
ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officials minister ministry source sources diplomat
    diplomats negotiator negotiators analyst analysts expert experts statement report reports
    correspondent envoy ambassador police witnesses witness residents resident authorities doctors
    medics activists organisers organizers lawyers union company government army military mayor
    director chief spokespeople campaigners observers investigators prosecutors""".split()
)
_SENTENCE_PUNCT = re.compile(r"[.!?;]")
_HEADLINE_LEFT = re.compile(r"^([A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,3}): (\S.*)$")
_HEADLINE_RIGHT = re.compile(r"^(\S.*\S):\s+([A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,3})$")
QUOTE_WINDOW = 6  # tokens between a quotation and the verb that reports it


def _is_institution(name: str) -> bool:
    return any(w.lower() in INSTITUTION_WORDS for w in name.split()) or name.lower().endswith("spokesman")


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _name_before(doc: Document, index: int) -> str:
    """A capitalised run of tokens ending just before token ``index`` (allowing "X, told")."""
    toks = doc.tokens
    j = index - 1
    gap = doc.text[toks[j].end : toks[index].start].strip() if j >= 0 else ""
    if gap and gap not in {",", "\u201c", '"'}:
        return ""  # "X, told" (appositive) and 'Blinken "reiterated' pass; other punctuation does not
    run: list[Token] = []
    while j >= 0 and (_is_name_token(toks[j]) or (toks[j].lower == "of" and run)):
        run.insert(0, toks[j])
        if j == 0 or not doc.plain_gaps[j - 1]:
            break
        j -= 1
    while run and run[0].lower == "of":
        run.pop(0)
    k = doc.token_index(run[0].start) - 1 if run else -1
    if k >= 0 and doc.tokens[k].lower in PREPOSITIONS and doc.plain_gaps[k]:
        return ""  # "speaking at the UAE, asserted": a place, not the speaker
    return _clean_name(run)


def _name_after(doc: Document, index: int) -> str:
    """The speaker after a verb: "said Blinken", "says State Department spokesman", "according to X"."""
    toks = doc.tokens
    j = index + 1
    while j < len(toks) and toks[j].lower in TIME_WORDS and _same_clause(doc, j - 1, j):
        j += 1
    if j >= len(toks) or not _same_clause(doc, j - 1, j):
        return ""
    if toks[j].lower in DETERMINERS:
        j += 1
    run: list[Token] = []
    start = j
    while j < len(toks) and len(run) < 8:
        tok = toks[j]
        nxt_cap = j + 1 < len(toks) and doc.plain_gaps[j] and _is_cap(toks[j + 1])
        if _is_name_token(tok) or (tok.lower == "of" and run):
            run.append(tok)
        elif tok.lower in ROLE_NOUNS or tok.lower in TITLE_WORDS:
            run.append(tok)
            if not nxt_cap:  # "says State Department spokesman" / "said Nova Arvel mayor Pieter Grann"
                break
        else:
            break
        if not doc.plain_gaps[j]:
            break
        j += 1
    # "said the group's director, Ruth Amsel": a role, a comma, then the name.
    k = j if run else start
    while k < len(toks) and k - start < 8 and _same_clause(doc, max(start, k - 1), k):
        gap = doc.text[toks[k - 1].end : toks[k].start] if k > start else ""
        if gap.strip() == "," and _is_name_token(toks[k]):
            return _name_from(doc, k)
        if gap.strip() not in ("", "'", "\u2019", "'s", "\u2019s"):
            break
        k += 1
    if run and run[-1].lower in ROLE_NOUNS | TITLE_WORDS:
        return " ".join(t.text for t in run)
    return _clean_name(run)


def _is_name_token(tok: Token) -> bool:
    """Capitalised, and not an all-capitals dateline word such as ASHFELD (acronyms up to 3 letters pass)."""
    return _is_cap(tok) and not (tok.text.isupper() and len(tok.text) > 3)


def _name_from(doc: Document, k: int) -> str:
    run = []
    while k < len(doc.tokens) and _is_name_token(doc.tokens[k]) and len(run) < 5:
        run.append(doc.tokens[k])
        if not doc.plain_gaps[k]:
            break
        k += 1
    return _clean_name(run)


def _same_clause(doc: Document, i: int, j: int) -> bool:
    gap = doc.text[doc.token_ends[i] : doc.token_starts[j]]
    return not _SENTENCE_PUNCT.search(gap) and "\n" not in gap


def _clean_name(run: list[Token]) -> str:
    """The trailing part of a capitalised run that is a name, not a title: 'Antony Blinken'."""
    words = [t.text for t in run]
    while words and words[0].lower() in OPENERS:
        words.pop(0)
    while words and words[-1].lower() == "of":
        words.pop()
    out: list[str] = []
    for w in reversed(words):
        if w.lower() in TITLE_WORDS and out:
            break
        out.insert(0, w)
    # A run that is all title words ("White House", "United States") is kept whole: an institution.
    name = " ".join(out).strip()
    if name.lower() in {"he", "she", "they", "it", "the", "we", "i"}:
        return ""
    return name


def _subject(doc: Document, verb: Hit) -> tuple[str, str]:
    """How a reporting verb names its speaker: ("name", X), ("pronoun", "he"), ("participle", "") or ("", "")."""
    vi = doc.token_index(verb.start)
    vj = doc.token_index(verb.end) - 1
    if verb.text.lower().startswith("according"):
        return "name", _name_after(doc, vj)
    prev = doc.tokens[vi - 1] if vi > 0 else None
    if prev is not None and prev.lower in PERSON_PRONOUNS and doc.plain_gaps[vi - 1]:
        return "pronoun", prev.lower
    if verb.text.lower().endswith("ing") and _comma_before(doc.text, verb.start):
        return "participle", ""  # "..., accusing Tehran": the subject of the clause before
    before = _name_before(doc, vi)
    if before:
        return "name", before
    after = _name_after(doc, vj)
    if after:
        return "name", after
    # "An army spokesman said", "Korvath officials said": a short phrase ending in a role noun.
    if prev is not None and prev.lower in ROLE_NOUNS and doc.plain_gaps[vi - 1]:
        k = vi - 1
        while (
            k > 0
            and k > vi - 4
            and doc.plain_gaps[k - 1]
            and (_is_name_token(doc.tokens[k - 1]) or doc.tokens[k - 1].lower in TITLE_WORDS | ROLE_NOUNS)
        ):
            k -= 1
        while k < vi - 1 and (doc.tokens[k].lower in OPENERS or doc.tokens[k].lower in DETERMINERS):
            k += 1
        return "name", " ".join(t.text for t in doc.tokens[k:vi])
    # "Macron, speaking at the UAE, asserted": the name that opens the sentence, set off by a comma.
    sentence = doc.sentence_at(verb.start)
    if sentence is not None:
        first = doc.token_index(sentence.start)
        run = []
        for k in range(first, vi):
            if not _is_name_token(doc.tokens[k]):
                run = []
                break
            run.append(doc.tokens[k])
            if not doc.plain_gaps[k]:
                break
        after = doc.text[run[-1].end : run[-1].end + 2] if run else ""
        name = _clean_name(run) if after.startswith(",") else ""
        if name and name.lower() not in TITLE_WORDS and name.lower() not in OPENERS:
            return "name", name
    return "", ""


def _comma_before(text: str, offset: int) -> bool:
    """The last character before ``offset`` that is not a space is a comma."""
    k = offset
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] == ","


def _resolve(doc: Document, attribution: Sequence[Hit]) -> dict[int, str]:
    """Speaker of every reporting verb (by its start offset), pronouns and participles resolved."""
    found = {v.start: _subject(doc, v) for v in attribution}
    persons = {who for how, who in found.values() if how == "name" and who and not _is_institution(who)}
    out: dict[int, str] = {}
    named: list[tuple[int, str]] = []  # (offset, name) of verbs with a named speaker so far
    previous: tuple[int, str] | None = None  # the last verb and its speaker
    for verb in sorted(attribution, key=lambda h: h.start):
        how, who = found[verb.start]
        sentence = doc.sentence_at(verb.start)
        s_start = sentence.start if sentence else 0
        if how == "pronoun":
            who = _mentioned_before(doc, persons, s_start, verb.start) or _last(named, any_kind=who in ("they", "it"))
        elif how == "participle":
            who = previous[1] if previous is not None and previous[0] >= s_start else ""
        if who:
            out[verb.start] = who
            if how == "name":
                named.append((verb.start, who))
        previous = (verb.start, who)
    return out


def _mentioned_before(doc: Document, persons: set[str], start: int, end: int) -> str:
    """The person named last in text[start:end] ("Benny Gantz, who ..., wrote in which he wrote")."""
    best, at = "", -1
    span = doc.text[start:end]
    for name in persons:
        for form in {name, name.split()[-1]}:
            i = span.rfind(form)
            if i > at:
                best, at = name, i
    return best


def _last(named: list[tuple[int, str]], *, any_kind: bool) -> str:
    for _, name in reversed(named):
        if any_kind or not _is_institution(name):
            return name
    return ""


def canonical_names(names: Sequence[str], actors: Lexicon | None) -> dict[str, str]:
    """Map every name to its fullest form: via the actors lexicon, then by shared surname."""
    full: dict[str, str] = {}
    lookup: dict[str, str] = {}
    if actors is not None:
        for e in actors.entries:
            if e.category == "person":
                for form in e.surface:
                    lookup[form.lower()] = e.term
    for name in names:
        full[name] = lookup.get(name.lower(), name)
    by_surname: dict[str, str] = {}
    for name in sorted(set(full.values()), key=lambda n: -len(n.split())):
        if len(name.split()) > 1 and not _is_institution(name):
            by_surname.setdefault(name.split()[-1].lower(), name)
    for name, value in full.items():
        if len(value.split()) == 1 and value.lower() in by_surname:
            full[name] = by_surname[value.lower()]
    return full


def attribute(
    doc: Document, quotes: Sequence[Quote], attribution: Sequence[Hit], actors: Lexicon | None = None
) -> tuple[list[Quote], list[Hit]]:
    """Quotations with speaker, verb and stance; reported speech; reporting verbs with their speaker."""
    verb_speaker = _resolve(doc, attribution)
    out: list[Quote] = []
    used_verbs: set[int] = set()
    for q in quotes:
        if q.kind == "scare":
            out.append(q)
            continue
        verb = _verb_for(doc, q, attribution)
        kind = "partial" if _is_partial(doc, q) else "direct"
        if verb is not None:
            used_verbs.add(verb.start)
            out.append(
                evolve(q, kind=kind, speaker=verb_speaker.get(verb.start, ""), verb=verb.text, stance=verb.category)
            )
        else:
            out.append(evolve(q, kind=kind))
    out.extend(_indirect(doc, attribution, verb_speaker, used_verbs, quotes))
    out.extend(_headlines(doc))
    names = canonical_names([q.speaker for q in out if q.speaker] + list(verb_speaker.values()), actors)
    out = [evolve(q, speaker=names.get(q.speaker, q.speaker)) for q in out]
    hits = [
        evolve(h, speaker=names.get(verb_speaker.get(h.start, ""), verb_speaker.get(h.start, ""))) for h in attribution
    ]
    out.sort(key=lambda q: q.start)
    return out, hits


def _is_partial(doc: Document, q: Quote) -> bool:
    """A few quoted words inside the writer's own sentence ('cited Iran's "lack of seriousness"')."""
    words = doc.token_index(q.inner_end) - doc.token_index(q.inner_start)
    before = doc.text[: q.start].rstrip()
    return words < 8 and bool(before) and before[-1].isalnum()


def _opens_sentence(doc: Document, q: Quote) -> bool:
    s = doc.sentence_at(q.start)
    return s is None or not doc.text[s.start : q.start].strip(" \t\"'\u201c\u2018")


def _verb_for(doc: Document, q: Quote, attribution: Sequence[Hit]) -> Hit | None:
    """The reporting verb of a quotation.

    A quotation that opens its sentence takes the verb right after it ('"...," he said'); one inside a
    sentence takes the nearest verb before it ('asserted that the talks could "not reopen swiftly"').
    """
    sentence_end = _sentence_end(doc, q.end)
    sentence_start = _sentence_start(doc, q.start)
    after = [h for h in attribution if q.end <= h.start < sentence_end]
    near_after = (
        after[0] if after and doc.token_index(after[0].start) - doc.token_index(q.end) <= QUOTE_WINDOW else None
    )
    before = [h for h in attribution if sentence_start <= h.start and h.end <= q.start]
    if _opens_sentence(doc, q):
        return near_after or (before[-1] if before else None)
    return before[-1] if before else near_after


def _sentence_start(doc: Document, offset: int) -> int:
    s = doc.sentence_at(offset)
    return s.start if s is not None else 0


def _sentence_end(doc: Document, offset: int) -> int:
    s = doc.sentence_at(max(0, offset - 1))
    return s.end if s is not None else len(doc.text)


def _indirect(
    doc: Document, attribution: Sequence[Hit], verb_speaker: dict[int, str], used: set[int], quotes: Sequence[Quote]
) -> list[Quote]:
    """Reported speech without quotation marks: 'X asserted that ...', '..., Blinken asserted.'"""
    out = []
    marks = [(q.start, q.end) for q in quotes]
    for verb in attribution:
        if verb.start in used or verb.in_quote or verb.text.lower().startswith("according"):
            continue
        s = doc.sentence_at(verb.start)
        if s is None:
            continue
        if any(s.start <= a < s.end or s.start < b <= s.end for a, b in marks):
            continue  # the sentence has quotation marks: its speech is counted there
        tail = doc.text[verb.end : s.end]
        m = re.match(r"\s*(?:(?:on|in|at|this|last|today|yesterday|\w+day)\s+)*(?:that\s+)?", tail)
        start = verb.end + (m.end() if m else 0)
        if verb.entry_id == "attr.tell":  # "told Al Mayadeen his country ...": skip the listener
            k = doc.token_index(start)
            while k < len(doc.tokens) and _is_cap(doc.tokens[k]) and doc.plain_gaps[k]:
                k += 1
            if k < len(doc.tokens) and k > doc.token_index(start):
                start = doc.tokens[k].start
        end = s.end
        head = doc.text[s.start : verb.start]
        if doc.text[start:end].strip(" .") == "" and "," in head:
            # "Washington will pursue other options if diplomacy fails, Blinken asserted."
            start, end = s.start, s.start + head.rfind(",")
        while end > start and doc.text[end - 1] in " .!?":
            end -= 1
        if end - start < 12:
            continue
        out.append(
            Quote(
                start,
                end,
                start,
                end,
                doc.text[start:end],
                True,
                "indirect",
                verb_speaker.get(verb.start, ""),
                verb.text,
                verb.category,
            )
        )
    return out


def _headlines(doc: Document) -> list[Quote]:
    """'Blinken: The latest round ...' and 'US open to other options ...: Blinken' lines."""
    out = []
    for m in re.finditer(r"[^\n]+", doc.text):
        line = m.group().rstrip()
        if len(line) > 200 or line.count(" ") < 3:
            continue
        left = _HEADLINE_LEFT.match(line)
        right = _HEADLINE_RIGHT.match(line)
        if left and not _SENTENCE_PUNCT.search(left.group(1)):
            name, start = left.group(1), m.start() + left.start(2)
            end = m.start() + len(line)
        elif right:
            name, start = right.group(2), m.start()
            end = m.start() + right.end(1)
        else:
            continue
        if name.lower() in TITLE_WORDS:
            continue
        out.append(Quote(start, end, start, end, doc.text[start:end], True, "headline", name, ":", "neutral"))
    return out


def speaker_table(quotes: Sequence[Quote], attribution: Sequence[Hit], doc: Document) -> list[Speaker]:
    """Per speaker: quotations, quoted words, reported-speech clauses, first position and verbs."""
    counts: Counter[str] = Counter()
    words: Counter[str] = Counter()
    indirect: Counter[str] = Counter()
    first: dict[str, int] = {}
    verbs: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for q in quotes:
        if not q.speaker or q.kind == "scare":
            continue
        first[q.speaker] = min(first.get(q.speaker, q.start), q.start)
        if q.kind == "indirect":
            indirect[q.speaker] += 1
        else:
            counts[q.speaker] += 1
            words[q.speaker] += doc.token_index(q.inner_end) - doc.token_index(q.inner_start)
    for h in attribution:
        if h.speaker:
            verbs[h.speaker][(h.text.lower(), h.category)] += 1
            first.setdefault(h.speaker, h.start)
    names = sorted(first, key=lambda n: first[n])
    return [
        Speaker(
            name=n,
            quotes=counts[n],
            words=words[n],
            indirect=indirect[n],
            first_position=first[n],
            verbs=tuple((v, s, c) for (v, s), c in sorted(verbs[n].items(), key=lambda kv: (-kv[1], kv[0]))),
        )
        for n in names
    ]
