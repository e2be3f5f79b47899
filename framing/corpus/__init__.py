"""A corpus: a library's articles analysed (on Dask workers) and their analyses stored, exported and
compared across outlets. Above the analysis and the library, which it joins; below the render floor."""

from framing.corpus.command import add_parsers as add_corpus_parsers
from framing.corpus.command import run as run_corpus_command
from framing.corpus.export import export
from framing.corpus.many import CorpusAnalysis, analyze_corpus, analyze_many
from framing.corpus.rows import Version, version_of
from framing.corpus.run import RunSummary, analyse_library, todo
from framing.corpus.touched import Carried, carry_forward, snapshot
from framing.lazy import exports

#: The Coverage page's functions (:mod:`framing.corpus.coverage`), imported when first read.
COVERAGE_NAMES = (
    "MEASURES",
    "SENTENCE_COLUMNS",
    "Coverage",
    "TermMatrix",
    "cell_hits",
    "choose",
    "distinctive_terms",
    "key_counts",
    "label_choices",
    "label_grid",
    "load_coverage",
    "load_terms",
    "measure_hits",
    "rates",
    "search_ids",
    "sentences_behind",
    "speaker_stances",
    "stance_grid",
    "status",
    "term_sentences",
    "totals",
    "trend",
)

__all__ = [
    "Carried",
    "carry_forward",
    "snapshot",
    "CorpusAnalysis",
    "analyze_corpus",
    "analyze_many",
    *COVERAGE_NAMES,
    "RunSummary",
    "Version",
    "add_corpus_parsers",
    "analyse_library",
    "export",
    "run_corpus_command",
    "todo",
    "version_of",
]

__getattr__ = exports(__name__, dict.fromkeys(COVERAGE_NAMES, "coverage"))
