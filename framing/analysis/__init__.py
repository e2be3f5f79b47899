"""From hits to comparisons: one article (``article``: every indicator family over one Document), then a
comparison of several (``comparison``: distinctive terms, log-odds, sentence alignment, tone, summary,
label choices), and a corpus's terms (``corpus_terms``); a corpus's analysis on workers is
:mod:`framing.corpus`. Reads the indicators; the render package and the app read it.

Names whose modules bring in scikit-learn, SciPy or pandas are imported when first used.
"""

from framing.analysis.article import Analyzer, analyze, default_analyzer
from framing.analysis.cache import analyze as analyze_cached
from framing.analysis.comparison import compare, realign
from framing.analysis.label_choices import choice_table
from framing.analysis.tone import CAVEAT, actor_tone, article_tone, sentence_tones
from framing.lazy import exports

__all__ = [
    "CAVEAT",
    "Analyzer",
    "actor_tone",
    "analyze",
    "analyze_cached",
    "article_tone",
    "choice_table",
    "compare",
    "corpus_terms",
    "default_analyzer",
    "distinctive_terms",
    "log_odds",
    "realign",
    "scatter_frame",
    "sentence_tones",
    "suggest_stories",
    "term_sentences",
    "word_diff",
]

__getattr__ = exports(
    __name__,
    {
        "corpus_terms": "corpus_terms",
        "distinctive_terms": "terms",
        "log_odds": "logodds",
        "scatter_frame": "logodds",
        "suggest_stories": "stories",
        "term_sentences": "logodds",
        "word_diff": "align",
    },
)
