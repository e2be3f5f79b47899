"""Comparing two or more articles: each analysed on its own, then set against the others.

Distinctive terms (TF-IDF and log-odds, one-vs-rest), sentence alignment for every pair, tone per
sentence and per actor, and a summary generated from the numbers. Works for any number of articles
from two up; a single article gets its own analysis and nothing comparative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from framing.analysis.article import Analyzer, default_analyzer
from framing.analysis.summary import summarize
from framing.analysis.tone import actor_tone, sentence_tones
from framing.models import Article, ArticleAnalysis, Comparison
from framing.text.document import Document

# Alignment, TF-IDF terms and log-odds are imported inside the functions that use them: they bring in
# scikit-learn, SciPy, NLTK and pandas, seconds of imports that ``import framing`` would otherwise pay
# before the app can show a single highlighted article (which needs only the analyses).


def actor_aliases(analyzer: Analyzer, texts: Sequence[str]) -> dict[str, list[str]]:
    """Actors from the actors lexicon that the texts mention, each with its names."""
    lex = analyzer.lexicons.get("actors")
    if lex is None:
        return {}
    out = {}
    for e in lex.entries:
        names = list(e.surface)
        if any(name in text for text in texts for name in names):
            out[e.term] = names
    return out


def compare(
    articles: Sequence[Article],
    *,
    analyzer: Analyzer | None = None,
    top_terms: int = 15,
    align_threshold: float | None = None,
    background: Sequence[str] = (),
) -> Comparison:
    """Analyse every article and set each against the others.

    ``align_threshold``: for sentence alignment, :data:`framing.analysis.align.DEFAULT_THRESHOLD` if not given.
    ``background``: more texts (e.g. the whole library) for the log-odds prior and TF-IDF's IDF.
    """
    from framing.analysis.align import DEFAULT_THRESHOLD, align
    from framing.analysis.logodds import log_odds
    from framing.analysis.terms import distinctive_terms

    if align_threshold is None:
        align_threshold = DEFAULT_THRESHOLD
    analyzer = analyzer or default_analyzer()
    # One Document per article, made here once: the analysis (indicators, quotations, the parse), the
    # terms, the log-odds, the alignment and the tone all read it; none splits the text again.
    docs = [Document(a.text) for a in articles]
    analyses = [analyzer.analyze(a, d) for a, d in zip(articles, docs)]
    texts = [a.text for a in articles]
    terms = distinctive_terms(docs, top=top_terms)
    analyses = [replace(an, distinctive_terms=tuple(t)) for an, t in zip(analyses, terms)]
    alignments = tuple(
        (i, j, align(docs[i], docs[j], threshold=align_threshold)) for i, j in combinations(range(len(articles)), 2)
    )
    ids = [a.id for a in articles]
    scores: dict[str, tuple] = {}
    if len(set(ids)) >= 2 and all(t.strip() for t in texts):
        try:
            scored = log_odds({i: [d] for i, d in zip(ids, docs)}, background=background)
            scores = {k: tuple(v) for k, v in scored.items()}
        except ValueError:
            scores = {}
    tones = {a.id: tuple(sentence_tones(d)) for a, d in zip(articles, docs)}
    actors = actor_aliases(analyzer, texts)
    actor_tones = {a.id: actor_tone(d, tones[a.id], actors) for a, d in zip(articles, docs)}
    comparison = Comparison(
        analyses=tuple(analyses),
        alignments=alignments,
        log_odds=scores,
        tones=tones,
        actor_tones=actor_tones,
    )
    return replace(comparison, summary=tuple(summarize(comparison)))


def realign(comparison: Comparison, threshold: float) -> Comparison:
    """The same comparison with every pair aligned again at another threshold."""
    from framing.analysis.align import align

    ans: list[ArticleAnalysis] = list(comparison.analyses)
    docs = [Document(an.article.text) for an in ans]  # once per article, whatever the number of pairs
    alignments = tuple((i, j, align(docs[i], docs[j], threshold=threshold)) for i, j, _ in comparison.alignments)
    realigned = replace(comparison, alignments=alignments)
    return replace(realigned, summary=tuple(summarize(realigned)))
