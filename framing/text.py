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

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .models import Span, Token

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
_new_token = tuple.__new__


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


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
    """Non-empty lines of the text (a line break ends a paragraph in plain-text articles)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        stripped = seg.strip()
        if not stripped:
            continue
        lead = len(seg) - len(seg.lstrip())
        spans.append(Span(m.start() + lead, m.start() + lead + len(stripped)))
    return spans


def sentences(text: str) -> list[Span]:
    """Sentence spans: Punkt within each paragraph, so a headline without a full stop stands alone."""
    tok = _sentence_tokenizer()
    out: list[Span] = []
    for para in paragraphs(text):
        chunk = text[para.start : para.end]
        for s, e in tok.span_tokenize(unify(chunk)):
            out.append(Span(para.start + s, para.start + e))
    return out


def tokens(text: str) -> list[Token]:
    """Word tokens (letters and digits, with inner apostrophes and hyphens) and their offsets."""
    folded = fold(text)
    new, tok = _new_token, Token
    return [
        new(tok, (s, e, text[s:e], folded[s:e])) for s, e in map(_span, _WORD_RE.finditer(_translate_apostrophes(text)))
    ]


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
    """A text prepared once for every indicator: folded copy, sentences and tokens with offsets."""

    text: str

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def unified(self) -> str:
        return unify(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokens(self.text)

    @cached_property
    def token_lowers(self) -> list[str]:
        return [t.lower for t in self.tokens]

    @cached_property
    def token_unified(self) -> list[str]:
        unified = self.unified
        return [unified[t.start : t.end] for t in self.tokens]

    @cached_property
    def plain_gaps(self) -> list[bool]:
        """plain_gaps[i]: token i and token i+1 are separated by spaces only (no punctuation, no line break)."""
        toks = self.tokens
        text = self.text
        out = []
        for a, b in zip(toks, toks[1:]):
            gap = text[a.end : b.start]
            out.append(bool(gap) and gap.isspace() and "\n" not in gap)
        out.append(False)
        return out

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def token_index(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)

    def tokens_before(self, offset: int, n: int) -> list[Token]:
        i = self.token_index(offset)
        return self.tokens[max(0, i - n) : i]

    def tokens_after(self, offset: int, n: int) -> list[Token]:
        i = self.token_index(offset)
        return self.tokens[i : i + n]

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return None
