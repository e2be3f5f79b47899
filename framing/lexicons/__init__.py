"""Lexicons: YAML data files shipped with the package, validated when loaded (``loader``), inflected
(``inflect``), cached (``yaml_cache``), edited by a user's overlay (``overlay``) and matched against a
Document's tokens in one pass (``matcher``)."""

from framing.lexicons.loader import POS, Entry, Lexicon, LexiconError, load_lexicon, load_shipped, parse_lexicon
from framing.lexicons.overlay import USER_SOURCE, apply_overlay, entry_to_dict, new_entry_id

__all__ = [
    "POS",
    "USER_SOURCE",
    "Entry",
    "Lexicon",
    "LexiconError",
    "apply_overlay",
    "entry_to_dict",
    "load_lexicon",
    "load_shipped",
    "new_entry_id",
    "parse_lexicon",
]
