"""Sentences and word tokens with character offsets into the original text.

Nothing here needs NLTK's downloadable data: sentences come from Punkt given a shipped abbreviation
list, words from one regular expression (what NLTK's data-free ``RegexpTokenizer`` does, faster).
Every offset indexes the original string, so a highlight lands on the letters it names, whatever
quotes, spaces or scripts the text uses.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, repeat, starmap
from typing import Any

from framing.models import Span, Token
from framing.text.parser import Parsed
from framing.text.sentences import SentenceSplitter, paragraph_spans

# Characters that are folded to a plain ASCII twin for matching. Every mapping is one character to one
# character, so folded text has exactly the offsets of the original.
_FOLD = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201b": "'",
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u00a0": " ",  # no-break space
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",
        "\u00ad": "-",  # soft hyphen
    }
)

# Abbreviations that end with a full stop but do not end a sentence (lower case, no final stop),
# as Punkt expects them. Written for news English.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr sgt cpl pvt adm brig gov sen rep rev hon pres supt insp
    st jr sr esq messrs mme mlle u.s u.n u.k u.s.a e.u i.e e.g etc vs v al approx dept est inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos fig vol p pp ch para art sec min max ft mt ave blvd rd hwy
    a.m p.m d.c l.a n.y
    """.split()
)

# A word: letters or digits, with inner hyphens and apostrophes ("don't", "so-called"). A possessive
# or contracted 's is not part of the word and not a word of its own, so that "Iran's" matches "Iran".
_APOS = "'\u2019\u02bc"
_HYPHEN = "\\-\u2010\u2011"
_WORD = rf"(?!(?<=[^\W_][{_APOS}])[sS]\b)[^\W_]+(?:[{_APOS}](?![sS]\b)[^\W_]+|[{_HYPHEN}][^\W_]+)*"
_WORD_RE = re.compile(_WORD)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def _char_replacer(table: dict[int, str]):
    """``text.translate(table)`` for a table of one-character replacements, done by one regular expression.

    ``str.translate`` with a dict looks every character up; news text has a few curly quotes and dashes
    in thousands of characters, so finding just those is several times faster. Same result.
    """
    chars = {chr(k): v for k, v in table.items()}
    pattern = re.compile("[" + "".join(re.escape(c) for c in chars) + "]")
    lookup = chars.__getitem__

    def replace(text: str) -> str:
        if text.isascii():
            return text  # every key is non-ASCII
        return pattern.sub(lambda m: lookup(m.group()), text)

    return replace


_translate_fold = _char_replacer(_FOLD)
_translate_apostrophes = _char_replacer(_APOSTROPHES)
# The characters a word may hold that fold() changes: apostrophes, and hyphens that fold to "-". Every
# one is replaced by a twin the word pattern treats alike, so words are found where they were.
_translate_word_marks = _char_replacer({**_APOSTROPHES, 0x2010: "-", 0x2011: "-"})
_new_token = tuple.__new__


@lru_cache(maxsize=1)
def _sentence_splitter() -> SentenceSplitter:
    return SentenceSplitter(ABBREVIATIONS, _FOLD)


def fold(text: str) -> str:
    """Case-fold and unify quotes, dashes and spaces, keeping every offset of the original."""
    out = _translate_fold(text).lower()
    if len(out) == len(text):
        return out
    # A few characters lower-case to two (e.g. U+0130); those keep their original case.
    return "".join(low if len(low) == 1 else ch for ch, low in ((ch, ch.translate(_FOLD).lower()) for ch in text))


def unify(text: str) -> str:
    """Unify quotes, dashes and spaces without changing case; offsets are kept."""
    return _translate_fold(text)


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines of the text (a line break ends a paragraph in plain-text articles), stripped."""
    return list(starmap(Span, paragraph_spans(text)))


def sentences(text: str) -> list[Span]:
    """Sentence spans: Punkt's within each paragraph, so a headline without a full stop stands alone.

    Punkt read each paragraph through :func:`unify`; :class:`.sentences.SentenceSplitter` gives the
    same spans, reading the text through the same table, without running Punkt.
    """
    return list(starmap(Span, _sentence_splitter().split(text)))


def tokens(text: str) -> list[Token]:
    """Word tokens (letters and digits, with inner apostrophes and hyphens) and their offsets."""
    folded = fold(text)
    new, tok = _new_token, Token
    starts, ends = token_spans(text)
    return [new(tok, (s, e, text[s:e], folded[s:e])) for s, e in zip(starts, ends)]


_WORD_SPLIT = re.compile(f"({_WORD})")


def token_spans(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the word tokens, found without a Python step per token.

    Splitting on the word pattern leaves gaps and words alternating; the running total of their
    lengths gives every offset.
    """
    offsets = list(accumulate(map(len, _WORD_SPLIT.split(_translate_apostrophes(text)))))
    return offsets[0:-1:2], offsets[1::2]


def token_table(text: str) -> tuple[list[int], list[int], list[str]]:
    """:func:`token_spans` and each token's case-folded form (``fold(text)[start:end]``), in one split.

    The split runs over the text lower-cased (:func:`word_table`): no character changes between word
    and non-word when lower-cased, so the words and their offsets are those of the original, and the
    words come out already folded. A text with a character that lower-cases to two (which would shift
    the offsets) takes the longer way.
    """
    low = text.lower()
    if len(low) != len(text):
        starts, ends = token_spans(text)
        folded = fold(text)
        return starts, ends, [folded[s:e] for s, e in zip(starts, ends)]
    return word_table(low)


def word_table(low: str) -> tuple[list[int], list[int], list[str]]:
    """Start and end offsets and text of every word of ``low``, apostrophes and hyphens in the words made
    plain (' and -)."""
    parts = _WORD_SPLIT.split(_translate_word_marks(low))
    offsets = list(accumulate(map(len, parts)))
    return offsets[0:-1:2], offsets[1::2], parts[1::2]


_span = re.Match.span


def token_words(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans and folded forms of :func:`tokens`, without building Token objects (for counting terms)."""
    folded = fold(text)
    spans = [m.span() for m in _WORD_RE.finditer(_translate_apostrophes(text))]
    return spans, [folded[s:e] for s, e in spans]


def word_count(text: str) -> int:
    """Number of word tokens, the denominator of every rate."""
    return sum(1 for _ in _WORD_RE.finditer(_translate_apostrophes(text)))


@dataclass
class Document:
    """One article's text, prepared once for everything that reads it: the indicators, the speakers, the
    distinctive terms, the alignment and the tone. Paragraphs, sentences, and tokens with offsets and
    case-folded forms, each made on first use and kept; the spaCy parse of the paragraphs that need one
    (:meth:`parse`). Every offset indexes ``text``."""

    text: str

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every non-empty line, stripped."""
        return paragraph_spans(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def unified(self) -> str:
        """The text with quotes, dashes and spaces unified (:func:`unify`): same length, same offsets."""
        return unify(self.text)

    def parse(self, nlp: Any) -> Parsed:
        """The parse of this text with the pipeline ``nlp``, made once (its paragraphs are parsed lazily)."""
        parsed = self.__dict__.get("_parsed")
        if parsed is None or parsed.nlp is not nlp:
            parsed = self.__dict__["_parsed"] = Parsed(nlp, self.text, self.paragraphs)
        return parsed

    def drop_parse(self) -> None:
        """Let the parse go (an analysis that made this Document for itself frees it when done)."""
        self.__dict__.pop("_parsed", None)

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        return range(bisect.bisect_left(self.token_starts, start), bisect.bisect_left(self.token_starts, end))

    @cached_property
    def _table(self) -> tuple[list[int], list[int], list[str]]:
        return token_table(self.text)

    @cached_property
    def _spans(self) -> tuple[list[int], list[int]]:
        return self._table[:2]

    @cached_property
    def token_lowers(self) -> list[str]:
        """The case-folded form of every token, in order (what lexicons are matched against)."""
        return self._table[2]

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token as a :class:`Token` record, for callers that want records. The analysis itself reads
        ``token_lowers``, ``token_starts`` and ``token_ends`` and never makes one."""
        starts, ends = self._spans
        words = list(map(self.text.__getitem__, map(slice, starts, ends)))
        return list(map(_new_token, repeat(Token, len(starts)), zip(starts, ends, words, self.token_lowers)))

    # Cached like the rest: the indicators read them at every token they look at, so a read is an attribute
    # look-up, not a call.
    @cached_property
    def token_starts(self) -> list[int]:
        """Start offset of every token, in order."""
        return self._spans[0]

    @cached_property
    def token_ends(self) -> list[int]:
        """End offset of every token, in order."""
        return self._spans[1]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def token_index(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.token_starts, offset)

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return None
