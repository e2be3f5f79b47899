"""Speakers' names: the name standing by a reporting verb, and the forms of one name joined.

A name is read from the tokens on either side of the verb ("Blinken said", "said State Department
spokesman Ned Price", "Ali Bagheri Kani, told"), cut down to the part after any title ("US Secretary of
State Antony Blinken" -> "Antony Blinken"). :func:`canonical_names` then maps every form to the fullest
one, through the actors lexicon and by shared surname. :mod:`framing.speech.speakers` applies these to
quotations, reporting verbs and reported speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from framing.lexicons import Lexicon
from framing.models import Span
from framing.text.document import Document

TIME_WORDS = frozenset(
    """on in at this last today yesterday tonight earlier later morning afternoon evening night week
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
DETERMINERS = frozenset({"the", "a", "an"})
SENTENCE_PUNCT = re.compile(r"[.!?;]")
_start = attrgetter("start")
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
ROLE_OR_TITLE = ROLE_NOUNS | TITLE_WORDS


@lru_cache(maxsize=4096)  # the same names come back, several times an article and article after article
def is_institution(name: str) -> bool:
    """The name is an institution's ("the State Department", "Iranian Foreign Ministry spokesman"), not a
    person's: "he" or "she" never points to it, and no shorter name is joined to it by surname."""
    return not INSTITUTION_WORDS.isdisjoint(map(str.lower, name.split())) or name.lower().endswith("spokesman")


class Words:
    """The word tokens of a document, read by index straight from its offset lists.

    Attribution looks at a few tokens on either side of every reporting verb, often the same ones more
    than once. The rules below read tokens through this view rather than through ``doc.tokens`` (a
    :class:`Token` record per token): a token is its index, its written form a slice of ``text``, its
    case-folded form ``lower[i]``. The sentences are here too, looked up the same way.
    """

    __slots__ = ("text", "starts", "ends", "lower", "n", "sentences", "sentence_starts")

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.starts = doc.token_starts
        self.ends = doc.token_ends
        self.lower = doc.token_lowers  # what ``Token.lower`` holds
        self.n = len(self.starts)
        self.sentences = doc.sentences
        self.sentence_starts = list(map(_start, self.sentences))

    def index(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset`` (as ``Document.token_index``)."""
        return bisect_left(self.starts, offset)

    def last_before(self, first: int, offset: int) -> int:
        """Index of the last token that starts before ``offset`` (``index(offset) - 1``), where token
        ``first`` and those after it are the only ones that may start at or after ``offset``: the last token
        of a verb that starts at token ``first``. Found by stepping from ``first``, a verb being a word or
        two, rather than by a second bisection."""
        k, n, starts = first, self.n, self.starts
        while k < n and starts[k] < offset:
            k += 1
        return k - 1

    def sentence_at(self, offset: int) -> Span | None:
        """The last sentence that starts at or before ``offset``, or None: what ``Document.sentence_at`` gives
        (its test that the offset lies before the sentence's end or at least one past it always passes).
        Attribution asks for tens of sentences an article; this answers without the method's checks."""
        i = bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def phrase(self, first: int, end: int) -> str:
        """Tokens ``first`` .. ``end - 1`` as written (``Token.text``), joined by single spaces, where some
        whitespace and nothing else lies between each token and the next: so it does in every run of words
        the rules below read, each grown by :meth:`plain` gaps.

        Cut from the text and split there, at C speed, rather than read token by token: a token holds no
        whitespace, so splitting the stretch at whitespace gives back its tokens, and only them.
        """
        return " ".join(self.text[self.starts[first] : self.ends[end - 1]].split())

    def is_cap(self, i: int) -> bool:
        """Token ``i`` begins with a capital letter."""
        return self.text[self.starts[i]].isupper()

    def is_name(self, i: int) -> bool:
        """Capitalised, and not an all-capitals dateline word such as ASHFELD (acronyms up to 3 letters pass)."""
        start = self.starts[i]
        if not self.text[start].isupper():
            return False  # (most tokens: their end is not read)
        end = self.ends[i]
        return end - start <= 3 or not self.text[start:end].isupper()

    def plain(self, i: int) -> bool:
        """Only spaces (no punctuation, no line break) lie between token ``i`` and the next."""
        if i + 1 >= self.n:
            return False
        gap = self.text[self.ends[i] : self.starts[i + 1]]
        return gap == " " or (gap != "" and gap.isspace() and "\n" not in gap)

    def same_clause(self, i: int, j: int) -> bool:
        """No sentence punctuation and no line break between the end of token ``i`` and the start of token ``j``."""
        return in_clause(self.text[self.ends[i] : self.starts[j]])


def in_clause(gap: str) -> bool:
    """The text between two tokens has no sentence punctuation and no line break."""
    return gap == " " or (not SENTENCE_PUNCT.search(gap) and "\n" not in gap)


def name_before(w: Words, index: int) -> str:
    """A capitalised run of tokens ending just before token ``index`` (allowing "X, told")."""
    j = index - 1
    if j < 0:
        return ""
    gap = w.text[w.ends[j] : w.starts[index]]
    if gap != " " and gap.strip() not in ("", ",", "\u201c", '"'):
        return ""  # "X, told" (appositive) and 'Blinken "reiterated' pass; other punctuation does not
    # The run is tokens first .. index - 1, grown leftwards.
    lower, is_name = w.lower, w.is_name
    first = index
    while j >= 0 and (is_name(j) or (lower[j] == "of" and first < index)):
        first = j
        if j == 0 or not w.plain(j - 1):
            break
        j -= 1
    while first < index and lower[first] == "of":
        first += 1
    if first == index:
        return ""
    k = first - 1
    if k >= 0 and lower[k] in PREPOSITIONS and w.plain(k):
        return ""  # "speaking at the UAE, asserted": a place, not the speaker
    return clean_name(w, first, index)


def name_after(w: Words, index: int) -> str:
    """The speaker after a verb: "said Blinken", "says State Department spokesman", "according to X"."""
    n, lower = w.n, w.lower
    j = index + 1
    while j < n and lower[j] in TIME_WORDS and w.same_clause(j - 1, j):
        j += 1
    if j >= n or not w.same_clause(j - 1, j):
        return ""
    if lower[j] in DETERMINERS:
        j += 1
    start = j
    size = 0  # the run of name, role and title words: tokens start .. start + size - 1
    while j < n and size < 8:
        if w.is_name(j) or (lower[j] == "of" and size):
            size += 1
        elif lower[j] in ROLE_OR_TITLE:
            size += 1
            # "says State Department spokesman" / "said Nova Arvel mayor Pieter Grann"
            if not (j + 1 < n and w.plain(j) and w.is_cap(j + 1)):
                break
        else:
            break
        if not w.plain(j):
            break
        j += 1
    # "said the group's director, Ruth Amsel": a role, a comma, then the name, within 8 tokens of
    # ``start``. The gaps looked at are those before tokens start + 1 onwards; only one holding a comma
    # can lead to a name, so with no comma in reach (most verbs) the words are not gone through.
    text, starts, ends = w.text, w.starts, w.ends
    k, stop = max(j, start + 1), min(n, start + 8)
    if k < stop and text.find(",", ends[k - 1], starts[stop - 1]) >= 0:
        while k < stop:
            gap = text[ends[k - 1] : starts[k]]
            if gap != " ":  # (a single space: on to the next word)
                if not in_clause(gap):
                    break
                gap = gap.strip()
                if gap == "," and w.is_name(k):
                    return name_from(w, k)
                if gap not in ("", "'", "\u2019", "'s", "\u2019s"):
                    break
            k += 1
    end = start + size
    if size and lower[end - 1] in ROLE_OR_TITLE:
        return w.phrase(start, end)
    return clean_name(w, start, end)


def name_from(w: Words, first: int) -> str:
    """The name that starts at token ``first``: up to five capitalised tokens with only spaces between."""
    end = first
    while end < w.n and w.is_name(end) and end - first < 5:
        end += 1
        if not w.plain(end - 1):
            break
    return clean_name(w, first, end)


# What a run of capitalised words may come down to without being a name.
_NOT_NAMES = frozenset({"he", "she", "they", "it", "the", "we", "i"})


def clean_name(w: Words, first: int, end: int) -> str:
    """The trailing part of the capitalised run of tokens first .. end - 1 that is a name, not a title:
    'Antony Blinken'.

    The words are tested case-folded as ``w.lower`` holds them: the word sets hold plain ASCII words,
    which a token's folded form matches exactly when its lower-cased written form does.
    """
    lower = w.lower
    while first < end and lower[first] in OPENERS:
        first += 1
    while first < end and lower[end - 1] == "of":
        end -= 1
    if first == end:
        return ""
    # The last word, and the words before it back to the nearest title word ("Secretary of State Antony
    # Blinken" -> "Antony Blinken").
    cut = end - 1
    while cut > first and lower[cut - 1] not in TITLE_WORDS:
        cut -= 1
    name = w.phrase(cut, end)
    return "" if name.lower() in _NOT_NAMES else name


def canonical_names(names: Sequence[str], actors: Lexicon | None) -> dict[str, str]:
    """Map every name to its fullest form: via the actors lexicon, then by shared surname."""
    full: dict[str, str] = {}
    lookup = _person_forms(actors) if actors is not None else {}
    for name in dict.fromkeys(names):  # each name once, in the order given
        full[name] = lookup.get(name.lower(), name)
    by_surname: dict[str, str] = {}  # last word (lower case) -> the name with the most words that ends with it
    # Each name once, in the order first seen (not a set's order, which changes with the hash seed of the
    # process); only names ending in a capitalised word ("Ned Price", not "local officials").
    named = [(words, name) for name in dict.fromkeys(full.values()) if len(words := name.split()) > 1]
    for words, name in sorted(named, key=_word_count, reverse=True):  # (stable: ties keep the first seen)
        if words[-1][:1].isupper() and not is_institution(name):
            by_surname.setdefault(words[-1].lower(), name)
    for name, value in full.items():
        longer = by_surname.get(value.lower())  # (the keys are single words: so is a value found)
        if longer is not None:
            full[name] = longer
    return full


def _word_count(named: tuple[list[str], str]) -> int:
    return len(named[0])


# The last actors lexicon seen and its person forms: the engine passes the same one for every article.
_person_forms_of: tuple[Lexicon, dict[str, str]] | None = None


def _person_forms(actors: Lexicon) -> dict[str, str]:
    """Every written form (lower case) of a person in the actors lexicon, mapped to the entry's term.

    Remembered for the last lexicon passed (a lexicon and its entries are frozen), so that the forms are
    not inflected again for every article.
    """
    global _person_forms_of
    if _person_forms_of is None or _person_forms_of[0] is not actors:
        lookup: dict[str, str] = {}
        for e in actors.entries:
            if e.category == "person":
                for form in e.surface:
                    lookup[form.lower()] = e.term
        _person_forms_of = (actors, lookup)
    return _person_forms_of[1]
