"""Sentence spans exactly as NLTK's Punkt finds them with a fixed abbreviation list, but fast.

:func:`split` gives, for every paragraph (non-empty line, stripped) of a text, the spans that
``PunktSentenceTokenizer(params).span_tokenize(paragraph)`` gives when ``params`` holds only
``abbrev_types`` (no collocations, no sentence starters, no orthographic context). It does so with a
few regular expressions and string methods instead of Punkt's per-token Python objects. The rules
it reproduces (NLTK 3.9/3.10 ``punkt.py``):

* **Candidates** (``_match_potential_end_contexts``): every ``.``, ``?`` or ``!`` followed by a
  non-word punctuation mark or by whitespace and a next token. Candidates with no ASCII whitespace
  between them form a group of which only the last is decided; its context starts after the last
  ASCII whitespace (``string.whitespace``) before the group, or at the paragraph start.
* **Decision** (``text_contains_sentbreak``): the context (preceding word, the mark, the following
  punctuation mark or token) is cut into Punkt's word tokens; it is a break if any token but the
  last is a sentence break. A token is a break if it is ``?``, ``!`` or ``.``, or ends in one full
  stop and is not an abbreviation (the part before the stop, lower-cased, or its last hyphen-separated
  piece, is in the list). Ellipses and abbreviations never break, since with empty orthographic
  context the heuristic never says "sentence starter". A broken initial (``J.``) or number
  (``2021.``) is un-broken when the next token is ``; : , . ! ?`` or starts in lower case, and an
  initial also when the next token starts in upper case.
* **Slices** (``_slices_from_text``): a break ends a sentence after its mark; the next starts at the
  next token (or at the punctuation mark right after); the last runs to the paragraph's end.
* **Realignment** (``_realign_boundaries``): closing quotes and brackets that open the next sentence
  move back onto the sentence they close.

The common decision, a plain ASCII word before a full stop and a next token without ``. ? !``, is
made inline; every other context goes through the same tokenizer and token rules Punkt applies,
so the result is the same for every input. NLTK compiles its patterns with the third-party ``regex``
engine, whose ``\\s`` leaves out U+001C..U+001F and whose ``\\w`` and ``\\d`` follow its own Unicode
tables: whitespace is spelt out below to match, and the two letter/digit tests use ``regex`` itself.
:func:`punkt_split` is Punkt itself, the oracle for the tests.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import regex

# Whitespace and non-whitespace as NLTK's regex engine sees them (Python's ``re`` adds U+001C..U+001F).
_S = r"[^\S\x1c-\x1f]"
_NS = r"[\S\x1c-\x1f]"
# Punctuation that cannot be inside a word; a sentence mark followed by one is a candidate.
_NON_WORD = r"""[)";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb!?]"""
_MULTI_CHAR = rf"(?:-{{2,}}|\.{{2,}}|(?:\.{_S}){{2,}}\.)"  # dashes, ellipsis, spaced ellipsis

_MARK = re.compile(rf"[.?!](?={_NON_WORD}|{_S}+({_NS}+))")  # group 1: the next token
_DOT = re.compile(rf"\.(?={_NON_WORD}|{_S}+({_NS}+))")
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its surrounding whitespace
_CLOSERS = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"
_REALIGN = re.compile(rf"([{re.escape(_CLOSERS)}]+?)(?:{_S}+|(?=--)|$)", re.MULTILINE)
# Punkt's word tokens: multi-character punctuation, a word up to whitespace or punctuation, or one character.
_TOKEN = re.compile(
    rf"""{_MULTI_CHAR}
    |(?=[^("`{{\[:;&\#*@)}}\]\-,]){_NS}+?(?={_S}|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|{_S}|{_NON_WORD}|{_MULTI_CHAR}))
    |{_NS}""",
    re.VERBOSE,
)
_INITIAL = regex.compile(r"[^\W\d]\.$")
_NUMBER = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_ELLIPSIS = re.compile(r"\.\.+$")
_ASCII_SPACES = "\t\r\x0b\x0c"  # string.whitespace besides " " and "\n" (which never occur inside a paragraph)
_PUNCTUATION = (";", ":", ",", ".", "!", "?")


def split(text: str, abbreviations: Collection[str]) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: Punkt's spans within each stripped non-empty line.

    ``abbreviations`` are lower case without the final stop (``"mr"``, ``"u.s"``).
    """
    out: list[tuple[int, int]] = []
    append = out.append
    tabs = any(c in text for c in _ASCII_SPACES)
    marks = "?" in text or "!" in text
    for para in _PARAGRAPH.finditer(text):
        ps, pe = para.span()
        first = len(out)
        last_break = ps  # where the current sentence starts
        prev = None  # the pending candidate, its context start and its position
        prev_start = prev_end = ps
        closer = False  # a sentence starts with a closing quote or bracket: realign
        # A literal first character makes the scan much faster, and most lines have no "?" or "!".
        candidates = _DOT if not marks or (text.find("?", ps, pe) < 0 and text.find("!", ps, pe) < 0) else _MARK
        for m in candidates.finditer(text, ps, pe):
            p = m.start()
            ws = text.rfind(" ", prev_end + 1, p)
            if tabs:
                ws = max(ws, *(text.rfind(c, prev_end + 1, p) for c in _ASCII_SPACES))
            start = ws + 1 if ws >= 0 else prev_start
            # No whitespace since the previous candidate: only the later one is decided.
            if prev is not None and prev_end <= start and _breaks(text, prev, prev_start, abbreviations):
                append((last_break, prev_end + 1))
                last_break = prev.start(1) if prev.start(1) >= 0 else prev_end + 1
                closer = closer or text[last_break] in _CLOSERS
            prev, prev_start, prev_end = m, start, p
        if prev is not None and _breaks(text, prev, prev_start, abbreviations):
            append((last_break, prev_end + 1))
            last_break = prev.start(1) if prev.start(1) >= 0 else prev_end + 1
            closer = closer or text[last_break] in _CLOSERS
        append((last_break, pe))
        if closer:
            out[first:] = _realign(text, out[first:])
    return out


def _breaks(text: str, m: re.Match, start: int, abbreviations: Collection[str]) -> bool:
    """Whether the context of candidate ``m`` (from ``start`` to the end of its lookahead) holds a break."""
    p = m.start()
    if text[p] != ".":
        return True  # "?" or "!" is a token of its own, a break, and something follows it
    word = text[start:p]
    nxt = m.group(1)
    if word.isascii() and word.isalnum() and not (nxt and ("." in nxt or "?" in nxt or "!" in nxt)):
        # Tokens: word + ".", then the next token(s), none of which can be a break.
        if word.lower() in abbreviations:
            return False
        initial = len(word) == 1 and word.isalpha()
        if initial or word.isdigit():
            first = nxt[0] if nxt else text[p + 1]
            if first.islower() or (first in ",;:" if nxt else first in ";:?!"):
                return False
            if initial and first.isupper():
                return False
        return True
    end = m.end(1) if nxt else p + 2
    tokens = _TOKEN.findall(text, start, end)
    return any(_token_breaks(tok, after, abbreviations) for tok, after in zip(tokens, tokens[1:]))


def _token_breaks(tok: str, after: str, abbreviations: Collection[str]) -> bool:
    """Punkt's first and second pass for one token followed by ``after``: is it a sentence break?"""
    if tok in ("?", "!"):
        return True
    if tok != ".":
        if _ELLIPSIS.match(tok) or not tok.endswith(".") or tok.endswith(".."):
            return False
        stem = tok[:-1].lower()
        if stem in abbreviations or stem.split("-")[-1] in abbreviations:
            return False  # an abbreviation; with no orthographic data it never becomes a break
    low = tok.lower()
    typ = "##number##" if _NUMBER.match(low) else low
    if len(typ) > 1 and typ.endswith("."):
        typ = typ[:-1]
    initial = _INITIAL.match(tok)
    if initial or typ == "##number##":
        if after in _PUNCTUATION or after[0].islower():
            return False
        if initial and after[0].isupper():
            return False
    return True


def _realign(text: str, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's realignment: closing quotes and brackets that open a slice move to the slice before."""
    out = []
    shift = 0
    last = len(raw) - 1
    for i, (a, b) in enumerate(raw):
        a += shift
        shift = 0
        if i < last:
            a2, b2 = raw[i + 1]
            m = _REALIGN.match(text, a2, b2)
            if m:
                out.append((a, m.end(1)))
                shift = m.end() - a2
                continue
        if a < b:
            out.append((a, b))
    return out


def punkt_split(text: str, abbreviations: Collection[str]) -> list[tuple[int, int]]:
    """What :func:`split` reproduces, computed by NLTK's Punkt (slow; the oracle for the tests)."""
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
