"""Comparing two or more articles: each analysed on its own, then set against the others.

Distinctive terms (TF-IDF and log-odds, one-vs-rest), sentence alignment for every pair, tone per
sentence and per actor, and a summary generated from the numbers. Works for any number of articles
from two up; a single article gets its own analysis and nothing comparative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from .analyze import Analyzer, default_analyzer
from .models import Article, ArticleAnalysis, Comparison
from .summary import summarize
from .tone import actor_tone, sentence_tones

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

    ``align_threshold``: for sentence alignment, :data:`framing.align.DEFAULT_THRESHOLD` if not given.
    ``background``: more texts (e.g. the whole library) for the log-odds prior and TF-IDF's IDF.
    """
    from .align import DEFAULT_THRESHOLD, align
    from .logodds import log_odds
    from .terms import distinctive_terms

    if align_threshold is None:
        align_threshold = DEFAULT_THRESHOLD
    analyzer = analyzer or default_analyzer()
    analyses = [analyzer.analyze(a) for a in articles]
    texts = [a.text for a in articles]
    terms = distinctive_terms(texts, top=top_terms)
    analyses = [replace(an, distinctive_terms=tuple(t)) for an, t in zip(analyses, terms)]
    alignments = tuple(
        (
            i,
            j,
            align(
                texts[i],
                texts[j],
                sentences_a=analyses[i].sentences,
                sentences_b=analyses[j].sentences,
                threshold=align_threshold,
            ),
        )
        for i, j in combinations(range(len(articles)), 2)
    )
    ids = [a.id for a in articles]
    scores: dict[str, tuple] = {}
    if len(set(ids)) >= 2 and all(t.strip() for t in texts):
        try:
            scored = log_odds({i: [t] for i, t in zip(ids, texts)}, background=background)
            scores = {k: tuple(v) for k, v in scored.items()}
        except ValueError:
            scores = {}
    tones = {a.id: tuple(sentence_tones(a.text)) for a in articles}
    actors = actor_aliases(analyzer, texts)
    actor_tones = {a.id: actor_tone(a.text, tones[a.id], actors) for a in articles}
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
    from .align import align

    ans: list[ArticleAnalysis] = list(comparison.analyses)
    alignments = tuple(
        (
            i,
            j,
            align(
                ans[i].article.text,
                ans[j].article.text,
                sentences_a=ans[i].sentences,
                sentences_b=ans[j].sentences,
                threshold=threshold,
            ),
        )
        for i, j, _ in comparison.alignments
    )
    realigned = replace(comparison, alignments=alignments)
    return replace(realigned, summary=tuple(summarize(realigned)))
