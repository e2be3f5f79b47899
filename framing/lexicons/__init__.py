"""Lexicons: YAML data files shipped with the package, validated when loaded."""

from .loader import Entry, Lexicon, LexiconError, load_lexicon, load_shipped, parse_lexicon

__all__ = ["Entry", "Lexicon", "LexiconError", "load_lexicon", "load_shipped", "parse_lexicon"]
