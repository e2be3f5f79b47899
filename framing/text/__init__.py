"""Text handling, the ground floor: one :class:`Document` per article (tokens, sentences, paragraphs and
the offsets every span refers to, made once) and the spaCy parse of the paragraphs that need one.

``document`` (tokens, sentences, folding), ``sentences`` (Punkt with a shipped abbreviation list),
and ``parser`` (the pinned spaCy pipeline, loaded once per process).
"""

from framing.text.document import Document, fold, paragraphs, sentences, tokens, unify, word_count
from framing.text.parser import Parsed, ParserStatus
from framing.text.parser import installed as parser_installed
from framing.text.parser import load as load_parser
from framing.text.parser import status as parser_status

__all__ = [
    "Document",
    "Parsed",
    "ParserStatus",
    "fold",
    "load_parser",
    "paragraphs",
    "parser_installed",
    "parser_status",
    "sentences",
    "tokens",
    "unify",
    "word_count",
]
