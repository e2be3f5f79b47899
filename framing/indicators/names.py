"""Names are not word choices: a lexicon word inside a proper name or an office title is not a hit.

"Martyrs" in "al-Aqsa Martyrs Brigades" is the group's name, not the writer's word for a death; "Health"
in "Health Ministry" or "health minister" names an office, not a health frame; "Jihad" in "Islamic Jihad"
and "Defense" in "Israel Defense Forces" are parts of names. The rules need no parser (the engine runs on
thousands of articles, with or without spaCy); they read capitals, a few closed word lists and the gaps
between words:

* **Named bodies.** A run of capitalised words (joined by single spaces, with *of*, *for*, *the*, *and*,
  *al* inside: "Palestinian Ministry of Health", "Al-Aqsa Martyrs Brigades") that holds a name-head noun
  (:data:`HEADS`: Ministry, Brigades, Organization, Forces, Operation, ...) is a name. A word of it that is
  not a head is hidden; a hit on a head ("Army" of "Israeli Army") or on the whole run stays. A run that
  begins a sentence may owe its first capital to the sentence alone, so a match there is hidden only right
  before a head ("Health Ministry said ...", not "Martyred Palestinian Red Crescent medic ...").
* **Other names.** In a run of two or more capitalised words without a head ("Islamic Jihad", "West Bank",
  "Human Rights Watch"), a common word that is not the run's first is hidden ("Martyr Ibrahim ..." keeps its
  honorific: the first word of a run may be a title the writer chose).
* **Office titles.** A lower-case word right before an office noun (:data:`OFFICES`: "health minister",
  "security officials") or after "ministry of" ("minister of defense") is part of a title. A word whose
  entry marks a side (``position`` other than neutral) stays a choice there ("regime officials").
* **Datelines.** "NABLUS, Palestinian Territories --" or "Brussels:" at the start of a paragraph names the
  place the story was filed from; nothing in it is a hit.

Only common-word entries (a lower-case ``term``) are hidden inside names; an entry that is itself a name
("IDF", "West Bank", "Israel Defense Forces") names what it names wherever it stands. In a headline in
title case ("Israeli Forces Kill Nine In Raid") capitals say nothing: there a name is a head and at most two
words before it (and "of ..." after it), and runs without a head are not names.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from framing.lexicons import Entry
from framing.text.document import Document

# Nouns that head the name of a body, an office, a unit, an operation or a place, capitalised in a name.
HEADS = frozenset(
    """ministry ministries minister ministers department departments organization organisation organizations
    organisations council party movement front forces force army navy police brigade brigades battalion
    battalions regiment division unit units corps guard guards command authority committee commission agency
    office bureau service services cabinet court tribunal assembly parliament knesset congress senate
    association union federation league foundation institute university college center centre hospital
    crescent cross company group network broadcaster radio news operation secretary spokesman spokeswoman
    spokesperson president chief commander general coalition alliance mission fund bank bloc wing squad
    directorate administration mosque church square camp prison crossing""".split()
)
# Heads of the names of groups and units (not people's titles: "IDF Chief" still says IDF).
BODY_HEADS = frozenset(
    """brigade brigades battalion battalions regiment division unit units corps wing movement front party
    organization organisation group network squad""".split()
)
ARABIC_HEADS = frozenset({"saraya", "kataib", "kata'ib", "liwa", "harakat", "jaish", "jaysh"})
# Office nouns that make the lower-case word before them part of a title ("health minister").
OFFICES = frozenset(
    """minister ministers ministry ministries department departments official officials spokesman spokeswoman
    spokesperson spokespeople secretary adviser advisor advisers advisors authority authorities agency
    correspondent editor envoy council committee commission""".split()
)
# Lower-case words that may stand inside a name between capitalised words.
CONNECTORS = frozenset({"of", "for", "the", "and", "al", "el", "de", "bin", "ibn"})
# Capitalised words that never belong to a name: function words, and words a sentence or headline opens with.
BREAKERS = frozenset(
    """the a an in on at to by with from as after before over amid into against during under near says said
    say is are was were will would has have had but or if when while meanwhile however yesterday today
    tonight also this that these those his her its their our and""".split()
)
# Lower-case prefixes of Arabic names written with a hyphen ("al-Aqsa").
_PARTICLES = ("al-", "el-", "ad-", "ag-", "an-", "ar-", "as-", "ash-", "at-", "az-")
TITLE_WINDOW = 2  # in a title-case headline, words before a head that may belong to its name
_DATELINE = re.compile(
    r"^[ \t]*(?P<words>[^\W\d_]+(?:[.'\u2019\-][^\W\d_]+)*\.?(?:,?[ ][^\W\d_]+(?:[.'\u2019\-][^\W\d_]+)*\.?){0,5})"
    r"(?:[ ]\([^()\n]{1,30}\))?[ \t]*(?P<mark>\u2014|\u2013|--|-|:)(?=[ \t]*\S)",
    re.MULTILINE,
)


def name_like(word: str) -> bool:
    """A capitalised word of a name: "Ministry", "Al-Aqsa", "al-Aqsa", "IDF"; not "Hamas-run" or "Iran-backed"."""
    if not word:
        return False
    if word[0].isupper():
        part = word.rpartition("-")[2]
        return not part[:1].islower()
    low = word.lower()
    return low.startswith(_PARTICLES) and word[low.index("-") + 1 : low.index("-") + 2].isupper()


def _sided(entry: Entry) -> bool:
    return entry.position not in ("", "neutral")


class Names:
    """Where the proper names and titles of one document are, asked match by match (see :meth:`hides`)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.starts = doc.token_starts
        self.ends = doc.token_ends
        self.lowers = doc.token_lowers
        self._title_case: dict[int, bool] = {}

    def hides(self, first: int, last: int, entry: Entry) -> bool:
        """True when tokens ``first..last`` (a match of ``entry``) lie inside a name or title they do not name."""
        text, starts = self.text, self.starts
        if (entry.case_sensitive or entry.term[:1].isupper()) and self._before_body_head(first, last):
            return True  # "al-Quds" of "al-Quds Brigades" or "Saraya al-Quds" names a group, not Jerusalem
        if not text[starts[first]].isupper():
            # Most matches: a lower-case word, part of a name only as a title's modifier.
            k = last + 1
            lowers = self.lowers
            if k < len(lowers) and lowers[k] in OFFICES:
                return first == last and self._title_modifier(first, entry)
            if first >= 2 and lowers[first - 1] == "of" and lowers[first - 2] in OFFICES:
                return first == last and not _sided(entry) and self._plain(first - 2, first)
            return False
        if self._in_dateline(starts[first]):
            return True
        if entry.case_sensitive or entry.term[:1].isupper():
            return False  # the entry is a name itself, and names what it names
        k = last + 1
        if k < len(self.lowers) and self.lowers[k] in OFFICES and not self._cap(k):
            return first == last and self._title_modifier(first, entry)  # "Health officials said ..."
        return self._in_name(first, last)

    def _before_body_head(self, first: int, last: int) -> bool:
        k = last + 1
        if k < len(self.lowers) and self.lowers[k] in BODY_HEADS and self._cap(k) and self._plain(last, k):
            return True
        j = first - 1  # an Arabic head before the name: "Saraya al-Quds", "Kataib Hezbollah"
        return j >= 0 and self.lowers[j] in ARABIC_HEADS and self._plain(j, first)

    # ----------------------------------------------------------------- titles
    def _title_modifier(self, i: int, entry: Entry) -> bool:
        word = self.text[self.starts[i] : self.ends[i]]
        if _sided(entry) or word.endswith(("ed", "ing")) or not self._plain(i, i + 1):
            return False
        return word.islower() or self._sentence_start(i)

    # ----------------------------------------------------------------- named bodies and other names
    def _in_name(self, first: int, last: int) -> bool:
        sentence = self.doc.sentence_at(self.starts[first])
        s_start = sentence.start if sentence is not None else 0
        if self._is_title_case(s_start, sentence.end if sentence is not None else len(self.text)):
            return self._in_headline_name(first, last)
        a, b = self._run(first, last)
        if a == first and b == last:
            return False  # the match is the whole run: the name itself, or no name
        heads = [k for k in range(a, b + 1) if self.lowers[k] in HEADS and self._cap(k)]
        if not heads:
            # A run of names joined by "and" ("Hamas and Islamic Jihad") is several names.
            a = max([a] + [k + 1 for k in range(a, first) if self.lowers[k] == "and"])
            return first != a
        if any(first <= h <= last for h in heads):
            return False  # the head of the name
        if first == a and self.starts[a] == s_start:
            return last + 1 in heads  # a capital owed to the sentence: a name only right before its head
        return True

    def _in_headline_name(self, first: int, last: int) -> bool:
        """In a title-case sentence: inside a head and the (at most two) words before it, or after "of"."""
        lowers, n = self.lowers, len(self.lowers)
        for h in range(last + 1, min(last + 1 + TITLE_WINDOW, n)):
            if lowers[h] in HEADS and self._plain(first, h):
                return True
        k = first - 1
        while k >= 0 and lowers[k] in CONNECTORS and self._plain(k, first):
            k -= 1
        return k < first - 1 and k >= 0 and lowers[k] in HEADS and first - k <= TITLE_WINDOW + 1

    def _run(self, first: int, last: int) -> tuple[int, int]:
        """The run of capitalised words (with connectors) around tokens ``first..last``."""
        lowers, n = self.lowers, len(self.lowers)
        a = first
        while a > 0 and self._joins(a - 1, a):
            k = a - 1
            while k > 0 and lowers[k] in CONNECTORS and not self._cap(k) and self._joins(k - 1, k):
                k -= 1
            if not self._cap(k) or lowers[k] in BREAKERS:
                break
            a = k
        b = last
        while b + 1 < n and self._joins(b, b + 1):
            k = b + 1
            while k + 1 < n and lowers[k] in CONNECTORS and not self._cap(k) and self._joins(k, k + 1):
                k += 1
            if not self._cap(k) or lowers[k] in BREAKERS:
                break
            b = k
        return a, b

    def _cap(self, k: int) -> bool:
        return name_like(self.text[self.starts[k] : self.ends[k]])

    def _joins(self, i: int, j: int) -> bool:
        """Tokens ``i`` and ``j = i + 1`` are joined by a space (or a possessive plural's apostrophe)."""
        gap = self.text[self.ends[i] : self.starts[j]]
        return gap == " " or (gap[:1] in ("'", "\u2019") and gap[1:] == " ") or (gap.isspace() and "\n" not in gap)

    def _plain(self, i: int, j: int) -> bool:
        return all(self._joins(k, k + 1) for k in range(i, j))

    def _sentence_start(self, i: int) -> bool:
        sentence = self.doc.sentence_at(self.starts[i])
        return sentence is not None and sentence.start == self.starts[i]

    def _is_title_case(self, start: int, end: int) -> bool:
        """Most longer words of the sentence capitalised (or in capitals): a headline in title case."""
        known = self._title_case.get(start)
        if known is None:
            lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
            words = [self.text[self.starts[k] : self.ends[k]] for k in range(lo + 1, hi)]
            long = [w for w in words if len(w) >= 4 and w[0].isalpha()]
            capped = sum(1 for w in long if w[0].isupper())
            known = self._title_case[start] = len(long) >= 3 and capped >= 0.75 * len(long)
        return known

    # ----------------------------------------------------------------- datelines
    @cached_property
    def _datelines(self) -> tuple[list[int], list[int]]:
        starts, ends = [], []
        for m in _DATELINE.finditer(self.text):
            words = m.group("words").replace(",", " ").split()
            first = words[0]
            capitals = first.upper() == first and len(first.strip(".")) >= 2
            if not all(w[0].isupper() for w in words):
                continue
            if capitals or (m.group("mark") == ":" and len(words) <= 2):
                starts.append(m.start())
                ends.append(m.end())
        return starts, ends

    def _in_dateline(self, offset: int) -> bool:
        starts, ends = self._datelines
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]
