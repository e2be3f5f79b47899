"""Sentence spans exactly as NLTK's Punkt finds them with a fixed abbreviation list, but fast.

:class:`SentenceSplitter` (or :func:`split`) gives, for every paragraph (non-empty line, stripped) of
a text, the spans that ``PunktSentenceTokenizer(params).span_tokenize(paragraph)`` gives when
``params`` holds only ``abbrev_types`` (no collocations, no sentence starters, no orthographic
context). It finds the few
places that matter with regular expressions and decides them with string methods, instead of building
one Python object per token as Punkt does. The rules it reproduces (NLTK 3.10 ``punkt.py``):

* **Candidates** (``_match_potential_end_contexts``): every ``.``, ``?`` or ``!`` followed by a
  non-word punctuation mark or by whitespace and a next token. Candidates with no ASCII whitespace
  (``string.whitespace``) between them form a group of which only the last is decided, unless the
  earlier one has no word before it; a decided candidate's context starts after the last ASCII
  whitespace before it (or at the paragraph start) and ends with the mark or token after it.
* **Decision** (``text_contains_sentbreak``): the context is cut into Punkt's word tokens, and it
  is a break if any token but the last is a sentence break (``_first_pass_annotation`` and
  ``_second_pass_annotation``): ``?``, ``!`` and ``.`` always are; a token ending in one full stop is,
  unless it is an abbreviation (the part before the stop, lower-cased, or the last hyphen-separated
  piece of it, is in the list). Abbreviations and ellipses never become breaks, since with empty
  orthographic context ``_ortho_heuristic`` never answers "sentence starter". An initial (``J.``) or
  a number (``2021.``, type ``##number##``) is not a break before ``; : , . ! ?`` or a word starting
  in lower case, and an initial is not one before a word starting in upper case either.
* **Slices** (``_slices_from_text``): a break ends a sentence after its mark; the next one starts at
  the next token, or at the punctuation mark right after; the last runs to the paragraph's end.
* **Realignment** (``_realign_boundaries``): closing quotes and brackets that begin the next slice,
  up to whitespace, move back onto the sentence they close.

The common decisions (a plain ASCII word before a full stop, remembered once seen; an abbreviation,
initial or number followed by a token with no other mark) are made inline; any other context is cut into tokens by
Punkt's own word pattern and judged by the token rules above, so the result is Punkt's for every
input. NLTK compiles its patterns with the ``regex`` engine, whose ``\\s`` leaves out
U+001C..U+001F and whose ``\\w`` and ``\\d`` follow its own Unicode tables: whitespace is spelt out
below to match, and the initial and number tests use ``regex`` itself.

A splitter may be given a ``fold`` table of one-character replacements (``str.maketrans``) that the
text is to be read through, as Punkt was given ``text.translate(fold)``: the character classes
above are widened to the characters that fold into them and the contexts are folded before they are
cut, which spares folding the whole text. :func:`punkt_split` runs Punkt itself, the tests' oracle.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Mapping
from functools import lru_cache

# Whitespace and non-whitespace as NLTK's regex engine sees them (Python's ``re`` adds U+001C..U+001F).
_S = r"[^\S\x1c-\x1f]"
_NS = r"[\S\x1c-\x1f]"
_NON_WORD_CHARS = ")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb!?"  # cannot be inside a word
_CLOSERS = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"  # realignment moves these back
_NON_WORD = f"[{re.escape(_NON_WORD_CHARS)}]"
_MULTI_CHAR = rf"(?:-{{2,}}|\.{{2,}}|(?:\.{_S}){{2,}}\.)"  # dashes, ellipsis, spaced ellipsis
# Punkt's word tokens: multi-character punctuation, a word up to whitespace or punctuation, or one character.
_TOKEN = re.compile(
    rf"""{_MULTI_CHAR}
    |(?=[^("`{{\[:;&\#*@)}}\]\-,]){_NS}+?(?={_S}|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|{_S}|{_NON_WORD}|{_MULTI_CHAR}))
    |{_NS}""",
    re.VERBOSE,
)
_NEXT_TOKEN = re.compile(f"{_NS}+")
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its surrounding whitespace
_ELLIPSIS = re.compile(r"\.\.+$")
_PUNCTUATION = (";", ":", ",", ".", "!", "?")


@lru_cache(maxsize=1)
def _letter_and_number() -> tuple:
    """Punkt's initial and number patterns, in the ``regex`` engine whose letters and digits Punkt uses."""
    import regex  # only the rare contexts that need tokens come here; it takes a while to import

    return regex.compile(r"[^\W\d]\.$"), regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")


def _folding_into(chars: str, fold: dict[str, str]) -> str:
    """The characters that read as one of ``chars`` through ``fold``, escaped for a character class."""
    kept = {c for c in chars if fold.get(c, c) in chars} | {k for k, v in fold.items() if v in chars}
    return re.escape("".join(sorted(kept)))


class SentenceSplitter:
    """Punkt's sentence spans for a fixed abbreviation list, read through an optional ``fold`` table."""

    def __init__(self, abbreviations: Collection[str], fold: Mapping[int | str, str] | None = None) -> None:
        """``abbreviations`` are lower case without the final stop (``"mr"``, ``"u.s"``)."""
        table = {chr(k) if isinstance(k, int) else k: v for k, v in (fold or {}).items()}
        for k, v in table.items():
            if not (
                len(k) == len(v) == 1
                and not k.isascii()
                and not {k, v} & set(".?!\n")
                and k.isspace() == v.isspace()
                and v not in "\x1c\x1d\x1e\x1f"
            ):
                raise ValueError(f"cannot read text through the fold {k!r} -> {v!r}")
        self._abbreviations = frozenset(abbreviations)
        self._plain: dict[str, bool] = {}  # words seen before a full stop that is a break whatever follows
        self._fold = str.maketrans(table)
        # A candidate; the last group that matched tells what follows: 1 a punctuation mark, 2 whitespace
        # and a token. That group starts where a next sentence would start.
        after = rf"(?=([{_folding_into(_NON_WORD_CHARS, table)}])|{_S}+({_NS}))"
        self._mark = re.compile(rf"[.?!]{after}")
        self._dot = re.compile(rf"\.{after}")  # for lines without "?" or "!": a literal start scans faster
        self._closers = "".join(c for c in _CLOSERS if table.get(c, c) in _CLOSERS) + "".join(
            k for k, v in table.items() if v in _CLOSERS
        )
        dash = f"[{_folding_into('-', table)}]"
        self._realign = re.compile(rf"([{re.escape(self._closers)}]+?)(?:{_S}+|(?={dash}{dash})|$)", re.MULTILINE)
        # string.whitespace besides " " and "\n" (no paragraph holds a line break), and what folds into it
        self._spaces = "\t\r\x0b\x0c" + "".join(k for k, v in table.items() if v in string.whitespace)

    def split(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans of ``text``: Punkt's spans within each stripped non-empty line."""
        out: list[tuple[int, int]] = []
        append = out.append
        rfind = text.rfind
        find = text.find
        spaces = [c for c in self._spaces if c in text]
        marks = "?" in text or "!" in text
        breaks = self._breaks
        plain = self._plain
        closers = self._closers
        realign = self._realign.match
        last_break = 0  # where the current sentence starts

        def end_sentence(prev: re.Match | None, prev_start: int, prev_end: int, pe: int) -> None:
            """End the sentence at the pending candidate if it is a break: a "?" or "!", a full stop after
            a word known to be plain, or one that Punkt's token rules call a break.

            The next sentence starts at the token or mark after it; closing quotes and brackets there are
            realigned at once (Punkt does it afterwards, slice by slice, with the same result: the closers
            are followed by whitespace, a double dash or the paragraph's end well before the mark that
            ends the next slice, so that slice's end never comes into it).
            """
            nonlocal last_break
            if prev is None or (
                text[prev_end] == "."
                and not plain.get(text[prev_start:prev_end])
                and not breaks(text, prev, prev_start, prev_end, pe)
            ):
                return
            end = prev_end + 1
            start = prev.start(prev.lastindex)
            if text[start] in closers:
                m = realign(text, start, pe)
                if m:
                    end, start = m.end(1), m.end()
            append((last_break, end))
            last_break = start

        for para in _PARAGRAPH.finditer(text):
            ps, pe = para.span()
            if marks and (find("?", ps, pe) >= 0 or find("!", ps, pe) >= 0):
                candidates = self._mark
            elif find(".", ps, pe - 1) >= 0:
                candidates = self._dot
            else:
                append((ps, pe))  # no mark before the end: one sentence
                continue
            last_break = ps
            prev = None  # the pending candidate, where its context starts, where it is
            prev_start = prev_end = ps
            for m in candidates.finditer(text, ps, pe):
                p = m.start()
                ws = rfind(" ", prev_end + 1, p)
                if spaces:
                    ws = max(ws, *(rfind(c, prev_end + 1, p) for c in spaces))
                # Whitespace since the pending candidate: it is decided. None: the pending one is dropped
                # (unless no word precedes it) and this one's context starts where the pending one's did.
                if ws >= 0 or prev_end == prev_start:
                    end_sentence(prev, prev_start, prev_end, pe)
                    if ws >= 0:
                        prev_start = ws + 1
                prev = m
                prev_end = p
            end_sentence(prev, prev_start, prev_end, pe)
            if last_break < pe:  # realigned closers may have taken the whole rest of the paragraph
                append((last_break, pe))
        return out

    def _breaks(self, text: str, m: re.Match, start: int, p: int, pe: int) -> bool:
        """Whether the context of candidate ``m`` at ``p``, from ``start``, holds a sentence break."""
        if text[p] != ".":
            return True  # "?" or "!" is a token of its own, a break, and a token follows it
        word = text[start:p]
        plain = word.isascii() and word.isalnum()  # the token word + "."
        abbreviation = plain and word.lower() in self._abbreviations
        if plain and not abbreviation and len(word) > 1 and not word.isdigit():
            if len(self._plain) < 100_000:
                self._plain[word] = True
            return True  # a plain word: a break, and a token follows, whatever it is
        after = m.lastindex
        nt = m.start(after)  # the next token, or the punctuation mark after the stop
        end = nt + 1 if after == 1 else _NEXT_TOKEN.match(text, nt, pe).end()
        if plain:
            rest = text[nt : end - 1]
            if not ("." in rest or "?" in rest or "!" in rest):
                # No token after word + "." can be a break but the last: word + "." decides.
                if abbreviation:
                    return False
                first = text[nt].translate(self._fold)  # the next token starts with it
                if first.islower() or first in _PUNCTUATION:
                    return False
                return word.isdigit() or not first.isupper()  # an initial before a capital is no break
        tokens = _TOKEN.findall(text[start:end].translate(self._fold))
        return any(self._token_breaks(tok, nxt) for tok, nxt in zip(tokens, tokens[1:]))

    def _token_breaks(self, tok: str, after: str) -> bool:
        """Punkt's first and second pass for one token followed by ``after``: is it a sentence break?"""
        if tok in ("?", "!"):
            return True
        if tok != ".":
            if _ELLIPSIS.match(tok) or not tok.endswith(".") or tok.endswith(".."):
                return False
            stem = tok[:-1].lower()
            if stem in self._abbreviations or stem.split("-")[-1] in self._abbreviations:
                return False  # an abbreviation; with no orthographic data it never becomes a break
        initial_re, number_re = _letter_and_number()
        low = tok.lower()
        typ = "##number##" if number_re.match(low) else low
        if len(typ) > 1 and typ.endswith("."):
            typ = typ[:-1]
        initial = initial_re.match(tok)
        if initial or typ == "##number##":
            if after in _PUNCTUATION or after[0].islower():
                return False
            if initial and after[0].isupper():
                return False
        return True


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs that :meth:`SentenceSplitter.split` splits: non-empty lines, stripped."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


@lru_cache(maxsize=8)
def _splitter(abbreviations: frozenset[str]) -> SentenceSplitter:
    return SentenceSplitter(abbreviations)


def split(text: str, abbreviations: Collection[str]) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``text`` as it stands (no fold table); see :class:`SentenceSplitter`."""
    return _splitter(frozenset(abbreviations)).split(text)


def punkt_split(text: str, abbreviations: Collection[str]) -> list[tuple[int, int]]:
    """What :func:`split` reproduces, computed by NLTK's Punkt (slow; the tests' oracle)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    tok = PunktSentenceTokenizer(params)
    out = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        stripped = seg.strip()
        if stripped:
            ps = m.start() + len(seg) - len(seg.lstrip())
            out.extend((ps + s, ps + e) for s, e in tok.span_tokenize(stripped))
    return out
