"""Framing: lexicon-based framing indicators and distinctive terms for news articles.

The public API is what ``__all__`` lists; everything returns read-only records with character offsets
into the original text, so every number traces back to the words on the page.
"""

from framing.analysis.article import Analyzer, analyze
from framing.analysis.comparison import compare
from framing.indicators import FAMILIES
from framing.lexicons import Lexicon, LexiconError, load_shipped
from framing.library.ingest import IngestError, load_seeds, read_bytes, read_path
from framing.models import Article, ArticleAnalysis, Comparison, Hit, Quote, Term
from framing.render.highlight import highlight_html
from framing.render.report import to_dict, to_text

__all__ = [
    "FAMILIES",
    "Analyzer",
    "Article",
    "ArticleAnalysis",
    "Comparison",
    "Hit",
    "IngestError",
    "Lexicon",
    "LexiconError",
    "Quote",
    "Term",
    "analyze",
    "compare",
    "highlight_html",
    "load_seeds",
    "load_shipped",
    "read_bytes",
    "read_path",
    "to_dict",
    "to_text",
]
