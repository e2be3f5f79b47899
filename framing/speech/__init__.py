"""Quotations and who speaks them: quotation marks found (``quotes``), the reporting verb of each
(``quote_verbs``), the speaker from the parse (``verb_subjects``, ``syntax_speakers``) or from the words
alone (``speakers``, ``speaker_names``, ``parse_names``), and reported speech without marks
(``reported_speech``). Reads the text layer and the lexicons; the indicators read it.
"""

from framing.speech.quotes import QuoteIndex, find_quotes
from framing.speech.speakers import attribute, speaker_table

__all__ = ["QuoteIndex", "attribute", "find_quotes", "speaker_table"]
