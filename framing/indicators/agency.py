"""Agency: grammar that hides or backgrounds who did what.

Two kinds of evidence:

* **Passives**, found by a rule without a tagger: a form of *be* or *get*, then up to two adverbs
  ("was reportedly shot", "were not all killed"), then a past participle, a regular *-ed* word or one of
  :data:`IRREGULAR_PARTICIPLES`. When *by* follows within :data:`BY_WINDOW` words in the same sentence
  and introduces a doer, the hit is ``passive_with_agent`` and the doer goes into ``Hit.agent``
  ("was killed by Israeli forces" -> "Israeli forces"); otherwise it is ``agentless_passive``. When the
  participle is a verb of violence (:data:`VIOLENCE_PARTICIPLES`) the explanation starts with
  :data:`VIOLENT_NO_DOER` or :data:`VIOLENT_DOER`, so that the interface can single those out
  (:func:`is_violent`); the category ids stay the same. The hit runs from the auxiliary through the
  participle, and through a following particle of a phrasal verb ("was gunned down").
* **Intransitive outcomes** ("died", "clashes erupted", "lost their lives"), listed in ``agency.yaml``
  and found by the ordinary lexicon look-up.

The word lists the passive rule needs live here, as constants, rather than in ``agency.yaml``: they are
grammar (closed classes and participle forms), not entries a reader is shown, and the lexicon loader
neither reads nor validates extra top-level YAML keys. The lexicon holds the two rule entries (with
``context: rule``) that give passive hits their id, explanation and source.

The rule prefers precision: a small list of participles that are usually adjectives ("interested",
"concerned") and of fixed expressions ("is expected to", "is known as") is left out, and so is a
capitalised *-ed* word after a lower-case auxiliary (a name such as "Ahmed"). Known gaps: contracted
auxiliaries ("they're", "he's") are skipped, although "he's been arrested" is still found through
"been"; reduced passives without an auxiliary ("three people killed in strike") are not found; and an
adjective ending in *-ed* that is not on the list can pass for a participle ("the men were armed" is
on the list, "the roads were flooded" counts). "there were ..." is taken as existential and skipped; a
comma between the participle and "by" ends the search for a doer ("killed, by all accounts, ..."); and
the violence mark goes by the participle alone, so "was hit by sanctions" is marked as violence too.

Every hit lies inside one sentence and one line, and ``text[start:end] == hit.text``. The pass over the
tokens is linear: each auxiliary looks at most a few tokens ahead.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter

from framing.indicators.context import Context, make_hit
from framing.indicators.lookup import lexicon_hits
from framing.lexicons import Lexicon
from framing.models import Hit
from framing.text.document import Document

FAMILY = "agency"

# Forms of be and get that make a passive; "be", "been" and "being" may also follow another one
# ("was being held", "will be tried" through "be").
AUXILIARIES = frozenset(
    """am is are was were be been being get gets got gotten getting
    isn't aren't wasn't weren't""".split()
)
CHAINED = frozenset({"be", "been", "being"})
MAX_ADVERBS = 2

# Adverbs that may stand between the auxiliary and the participle, besides words ending in -ly.
ADVERBS = frozenset(
    """not never also later already still just then once again all both each even now soon first often
    ever indeed yet thus too since twice well almost quickly""".split()
)
# Words ending in -ly that are not adverbs.
NOT_ADVERBS = frozenset(
    """family ally rally supply reply apply assembly italy july holy ugly friendly lonely lovely silly
    elderly costly deadly lively orderly monopoly anomaly bully belly jelly lily fly rely comply imply
    multiply""".split()
)

# Past participles that do not end in -ed. "born" (not hiding anyone), "gone" (intransitive) and
# "rid" ("get rid of") are left out on purpose.
IRREGULAR_PARTICIPLES = frozenset(
    """shot hit struck stricken beaten taken held seen shown given made thrown stolen slain hurt driven
    found left built done told said brought caught sent kept put set cut led won lost known blown broken
    chosen drawn eaten forgotten forgiven frozen hidden laid paid sold spent spoken sworn torn understood
    withdrawn written bitten burnt dealt dug fed fought forbidden hung heard lent lit meant overrun
    overthrown overtaken overseen rebuilt read ridden run shaken shut sought split spread stuck swept taught
    thought undone upheld cast bound misled overcome proven sunk spun strewn thrust withheld woven shed
    slit sprung begun bred flung mown rung sewn shorn shrunk sped stung swung trodden wrung""".split()
)

# Words ending in -ed that are adjectives more often than passive participles after "be", or are not
# participles at all. Kept small; each one costs recall.
ADJECTIVAL = frozenset(
    """interested concerned worried tired supposed based pleased excited related limited advanced united
    prepared determined committed involved located situated convinced satisfied disappointed surprised
    shocked alarmed frustrated embarrassed scared frightened bored amazed delighted relieved exhausted
    confused devoted dedicated entitled qualified experienced skilled talented sophisticated complicated
    detailed balanced crowded armed dressed masked married aged retired divided accustomed acquainted
    ashamed annoyed disgusted terrified horrified outraged angered saddened dismayed troubled puzzled
    stunned inclined obliged opposed engaged focused biased mixed""".split()
)
NOT_PARTICIPLES = frozenset(
    """indeed need speed breed greed creed deed seed weed feed proceed exceed succeed bleed steed heed embed
    infrared naked sacred wicked beloved rugged ragged crooked jagged wretched hundred kindred hatred seabed
    ahmed mohammed muhammed mohamed saeed hamed khaled majed fred""".split()
)
# Words beginning with "un" (not "under") and ending in -ed are taken as adjectives ("unarmed",
# "unprecedented"), except these reversing verbs.
UN_VERBS = frozenset(
    """unveiled unleashed uncovered unearthed unlocked unloaded unmasked unsealed unblocked untied unpacked
    unplugged unified unseated unraveled unravelled unfurled unrolled unchained""".split()
)
# Participles that are not passives before certain words: "is expected to", "is known as", "fed up".
NOT_PASSIVE_BEFORE: dict[str, frozenset[str]] = {
    "expected": frozenset({"to"}),
    "set": frozenset({"to"}),
    "slated": frozenset({"to", "for"}),
    "scheduled": frozenset({"to", "for"}),
    "poised": frozenset({"to"}),
    "meant": frozenset({"to"}),
    "bound": frozenset({"to"}),
    "used": frozenset({"to"}),
    "known": frozenset({"as", "for"}),
    "made": frozenset({"up"}),
    "fed": frozenset({"up"}),
}

# Participles of verbs of violence: a passive of one of these is marked in its explanation.
VIOLENCE_PARTICIPLES = frozenset(
    """killed shot wounded injured bombed struck hit beaten attacked arrested detained displaced destroyed
    demolished targeted slain murdered massacred executed assassinated stabbed raided shelled gunned
    abducted kidnapped tortured lynched maimed burned burnt torched looted expelled evicted deported
    besieged blockaded bulldozed razed hanged beheaded strangled raped assaulted harmed hurt crushed stoned
    teargassed captured imprisoned jailed slaughtered butchered annihilated eliminated
    neutralized neutralised martyred mutilated poisoned starved abused persecuted flattened levelled
    leveled ambushed""".split()
)
VIOLENT_NO_DOER = "Violence with no doer named: "
VIOLENT_DOER = "Violence: "

# "by" introduces a doer within this many words after the participle ("was killed on Friday by ...").
BY_WINDOW = 4
MAX_AGENT_WORDS = 6
# Words that end the stretch searched for "by": a new clause begins.
CLAUSE_WORDS = frozenset(
    """and but or who whom whose which that while when where after before because if although though
    whereas""".split()
)
# Words that end an agent: prepositions and clause words ("by police in Gaza", "by soldiers who").
AGENT_STOP = CLAUSE_WORDS.union(
    """as since during in on at near outside inside following amid for to from with into onto over under
    against despite until last this next yesterday today tonight earlier later""".split()
) - {"and", "or"}
# Words after "by" that name a time, a means or a measure, not a doer.
NOT_AGENT_FIRST = frozenset(
    """phone telephone email mail car bus train plane air land sea road hand force mistake accident chance
    far then now default design nature virtue means contrast comparison law name birth percent midnight
    noon tomorrow tonight dawn dusk nightfall some much more less one two three four five six seven eight
    nine ten monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)
NOT_AGENT_AFTER_THE = frozenset(
    """end time way middle start beginning close hour day dozen hundreds thousands same""".split()
)
# A "by" phrase holding one of these words is a measure, not a doer ("by a wide margin", "by 60 votes").
NOT_AGENT_WORDS = frozenset({"margin", "percent", "cent", "votes", "points", "means", "way", "accounts"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# Adverb particles of phrasal verbs, kept in the hit: "was gunned down", "was carried out".
PARTICLES = frozenset({"out", "down", "up", "off", "away", "apart"})

_STOP_GAP = re.compile(r"[.;:!?,\n\u2013\u2014()\[\]]")
_POSSESSIVE_GAP = re.compile(r"^['\u2019\u02bc][sS]?\s+$")
_SPACES = re.compile(r"\s+")


def detect(ctx: Context) -> list[Hit]:
    lex = ctx.lexicons.get(FAMILY)
    if lex is None:
        return []
    passives = find_passives(ctx.doc, lex)
    outcomes = lexicon_hits(ctx, FAMILY)
    # A listed outcome word used as a passive participle ("were drowned") is reported once, as the passive.
    starts = [h.start for h in passives]
    outcomes = [h for h in outcomes if not _overlaps(h, passives, starts)]
    if not outcomes:
        return passives  # found in text order
    hits = passives + outcomes
    hits.sort(key=attrgetter("start", "end"))
    return hits


def is_violent(hit: Hit) -> bool:
    """True for a passive hit whose participle is a verb of violence."""
    return hit.explain.startswith((VIOLENT_NO_DOER, VIOLENT_DOER))


def find_passives(doc: Document, lex: Lexicon) -> list[Hit]:
    rules = {e.category: e for e in lex.entries if e.context == "rule"}
    agentless = rules.get("agentless_passive")
    with_agent = rules.get("passive_with_agent")
    if agentless is None and with_agent is None:
        return []
    # Each rule's hit is made once, over no text, and copied with the span, explanation and doer of every
    # passive: one copy per passive instead of a new hit and then a copy with the explanation changed.
    no_doer, doer = (make_hit(FAMILY, lex, e, doc, 0, 0) if e is not None else None for e in (agentless, with_agent))
    sentences = doc.sentences
    text, lowers, starts, ends = doc.text, doc.token_lowers, doc.token_starts, doc.token_ends
    last = len(lowers) - 1
    si = 0
    hits: list[Hit] = []
    nxt = 0  # the first token after the last passive found
    # The auxiliaries are found by C loops (a few dozen among hundreds of tokens), and about half are
    # dropped on the word after them alone, before any offset is read.
    for i in compress(count(), map(AUXILIARIES.__contains__, lowers)):
        if i < nxt or i == last or _after_auxiliary(lowers[i + 1]) is None:
            continue
        if i > 0 and lowers[i - 1] == "there":  # "there were wounded ...": existential, not passive
            continue
        aux_start = starts[i]
        while si < len(sentences) and sentences[si].end <= aux_start:
            si += 1
        s_end = sentences[si].end if si < len(sentences) and sentences[si].start <= aux_start else len(text)
        p = _participle_index(doc, i, s_end)
        if p is None:
            continue
        participle = lowers[p]
        end = p  # the last token of the hit: the participle, or its particle
        if p < last and lowers[p + 1] in PARTICLES and _particle(doc, p, s_end):  # mostly decided on the word
            end = p + 1
        by = _by_index(doc, end, s_end)
        agent = _agent(doc, by, s_end) if by is not None else ""
        template = doer if agent else no_doer
        nxt = end + 1
        if template is None:
            continue
        explain = template.explain
        if participle in VIOLENCE_PARTICIPLES:
            explain = (VIOLENT_DOER if agent else VIOLENT_NO_DOER) + explain
        if agent:
            explain = f"{explain} Doer named: {agent}."
        hit_end = ends[end]
        hits.append(
            template._replace(text=text[aux_start:hit_end], start=aux_start, end=hit_end, explain=explain, agent=agent)
        )
    return hits


def _plain(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return bool(gap) and gap.isspace() and "\n" not in gap


def _is_adverb(low: str) -> bool:
    """``low``: a token's folded form."""
    if low in ADVERBS:
        return True
    return len(low) > 4 and low.endswith("ly") and low.isalpha() and low not in NOT_ADVERBS


def _is_participle(low: str) -> bool:
    """``low``: a token's folded form."""
    if low in IRREGULAR_PARTICIPLES:
        return True
    if len(low) < 4 or not low.endswith("ed") or not low.isalpha():
        return False  # hyphenated compounds ("Iran-backed") are adjectives
    if low in ADJECTIVAL or low in NOT_PARTICIPLES:
        return False
    if low.startswith("un") and not low.startswith("under") and low not in UN_VERBS:
        return False
    return True


_CHAINED, _PARTICIPLE, _ADVERB = 1, 2, 3


# Cached: the words after auxiliaries are few and repeat from article to article, and a call of the cache
# costs a fraction of a call of the tests behind it. Bounded, for a long-running process.
@lru_cache(maxsize=1 << 14)
def _after_auxiliary(low: str) -> int | None:
    """What the token ``low`` (folded) can be in a passive after its auxiliary: a form of *be* that may be
    chained ("was being held"), the participle, an adverb; or None (the auxiliary makes no passive)."""
    if low in CHAINED:
        return _CHAINED
    if _is_participle(low):
        return _PARTICIPLE
    if _is_adverb(low):
        return _ADVERB
    return None


def _participle_index(doc: Document, i: int, s_end: int) -> int | None:
    """Index of the participle of a passive whose auxiliary is token ``i``, or None."""
    text, lowers, starts, ends = doc.text, doc.token_lowers, doc.token_starts, doc.token_ends
    n = len(lowers)
    adverbs = chained = 0
    j = i + 1
    while j < n:
        low = lowers[j]
        # A single space, as nearly every gap is, needs no closer look.
        if ends[j] > s_end or (text[ends[j - 1] : starts[j]] != " " and not _plain(text, ends[j - 1], starts[j])):
            return None
        kind = _after_auxiliary(low)
        if kind == _CHAINED and chained < 2:
            chained += 1
        elif kind == _PARTICIPLE:
            # A capitalised -ed word after a lower-case auxiliary is a name ("was Ahmed"), not a verb.
            if text[starts[j]].isupper() and not text[starts[i]].isupper():
                return None
            after = NOT_PASSIVE_BEFORE.get(low)
            if after and j + 1 < n and lowers[j + 1] in after and _plain(text, ends[j], starts[j + 1]):
                return None
            return j
        elif kind == _ADVERB and adverbs < MAX_ADVERBS:
            adverbs += 1
        else:
            return None
        j += 1
    return None


def _particle(doc: Document, p: int, s_end: int) -> bool:
    """Whether the token after the participle is its particle ("gunned down"), not "up to ten"."""
    text, lowers, starts, ends = doc.text, doc.token_lowers, doc.token_starts, doc.token_ends
    n = len(lowers)
    if p + 1 >= n or lowers[p + 1] not in PARTICLES or ends[p + 1] > s_end:
        return False
    if not _plain(text, ends[p], starts[p + 1]):
        return False
    return not (p + 2 < n and lowers[p + 2] == "to" and _plain(text, ends[p + 1], starts[p + 2]))


def _by_index(doc: Document, p: int, s_end: int) -> int | None:
    """Index of a "by" within BY_WINDOW words after token ``p`` (the participle or its particle), or None.

    A comma ends the search too: "killed, by all accounts, ..." is an aside, not a doer.
    """
    text, lowers, starts, ends = doc.text, doc.token_lowers, doc.token_starts, doc.token_ends
    for k in range(p + 1, min(p + 1 + BY_WINDOW, len(lowers))):
        gap = text[ends[k - 1] : starts[k]]
        if ends[k] > s_end or (gap != " " and _STOP_GAP.search(gap)):  # a space, as usual, needs no search
            return None
        low = lowers[k]
        if low == "by":
            return k
        if low in CLAUSE_WORDS or low in AUXILIARIES:
            return None
    return None


def _agent(doc: Document, by: int, s_end: int) -> str:
    """The doer named after "by": up to MAX_AGENT_WORDS words, to the next punctuation or clause word."""
    text, lowers, starts, ends = doc.text, doc.token_lowers, doc.token_starts, doc.token_ends
    n = len(lowers)
    first = by + 1
    if first >= n:
        return ""
    head = lowers[first]
    if head in NOT_AGENT_FIRST or head[:1].isdigit():
        return ""
    if head == "the" and first + 1 < n and lowers[first + 1] in NOT_AGENT_AFTER_THE:
        return ""
    last = None
    k = first
    while k < n and k - first < MAX_AGENT_WORDS:
        gap = text[ends[k - 1] : starts[k]]
        if ends[k] > s_end or not (_plain(text, ends[k - 1], starts[k]) or _POSSESSIVE_GAP.match(gap)):
            break
        low = lowers[k]
        if low in AGENT_STOP or low in AUXILIARIES:
            break
        if low in ("and", "or"):
            if k + 1 >= n:
                break
            nxt = lowers[k + 1]
            if nxt in PRONOUNS or nxt in AUXILIARIES or _is_participle(nxt):
                break
            if not _plain(text, ends[k], starts[k + 1]):
                break
        last = k
        k += 1
    if last is None or any(w in NOT_AGENT_WORDS for w in lowers[first : last + 1]):
        return ""
    while last > first and lowers[last] in ("and", "or", "the", "a", "an", "of"):
        last -= 1  # the six-word cap can cut after a connective: "by members of the"
    return _SPACES.sub(" ", text[starts[first] : ends[last]])


def _overlaps(hit: Hit, passives: list[Hit], starts: list[int]) -> bool:
    """Whether ``hit`` overlaps one of ``passives`` (in text order, not overlapping each other)."""
    k = bisect.bisect_right(starts, hit.start) - 1
    return any(
        0 <= m < len(passives) and passives[m].start < hit.end and hit.start < passives[m].end for m in (k, k + 1)
    )
