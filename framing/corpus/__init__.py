"""A corpus: a library's articles analysed (on Dask workers) and their analyses stored, exported and
compared across outlets. Above the analysis and the library, which it joins; below the render floor."""

from framing.corpus.command import add_parsers as add_corpus_parsers
from framing.corpus.command import run as run_corpus_command
from framing.corpus.export import export
from framing.corpus.many import CorpusAnalysis, analyze_corpus, analyze_many
from framing.corpus.rows import Version, version_of
from framing.corpus.run import RunSummary, analyse_library, todo

__all__ = [
    "CorpusAnalysis",
    "analyze_corpus",
    "analyze_many",
    "RunSummary",
    "Version",
    "add_corpus_parsers",
    "analyse_library",
    "export",
    "run_corpus_command",
    "todo",
    "version_of",
]
