"""Comparing two or more articles: each analysed on its own, distinctive terms across the set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .analyze import Analyzer, default_analyzer
from .models import Article, Comparison
from .terms import distinctive_terms


def compare(articles: Sequence[Article], *, analyzer: Analyzer | None = None, top_terms: int = 15) -> Comparison:
    """Analyse every article and find the terms that set each apart from the others."""
    analyzer = analyzer or default_analyzer()
    analyses = [analyzer.analyze(a) for a in articles]
    terms = distinctive_terms([a.text for a in articles], top=top_terms)
    return Comparison(tuple(replace(an, distinctive_terms=tuple(t)) for an, t in zip(analyses, terms)))
