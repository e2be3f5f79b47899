"""Suggesting which articles cover the same event: TF-IDF similarity of their words plus date proximity.

A suggestion is only a suggestion: the user accepts, edits or names it. Two articles are linked when
their texts are similar enough (cosine of TF-IDF over unigrams and bigrams of content words) and
their publication dates, where both are known, lie within a few days of each other; linked articles
form one suggested story (connected components), named after the terms its articles share most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.analysis.term_words import analyze_terms
from framing.models import Article

SIMILARITY = 0.12  # cosine at or above which two articles may share a story (checked on the seeds and corpus)
MAX_DAYS = 4  # dates further apart than this never share a story


@dataclass(frozen=True)
class StorySuggestion:
    name: str
    article_ids: tuple[str, ...]
    similarity: float  # the weakest link that joined the group

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "article_ids": list(self.article_ids), "similarity": round(self.similarity, 3)}


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except (TypeError, ValueError):
        return None


def suggest_stories(
    articles: Sequence[Article], *, similarity: float = SIMILARITY, max_days: int = MAX_DAYS
) -> list[StorySuggestion]:
    """Groups of two or more articles that seem to report the same event, largest first."""
    if len(articles) < 2:
        return []
    vec = TfidfVectorizer(analyzer=analyze_terms, sublinear_tf=True)
    try:
        matrix = vec.fit_transform([a.text for a in articles])
    except ValueError:
        return []
    sims = (matrix @ matrix.T).toarray()
    days = [_day(a.published) for a in articles]
    parent = list(range(len(articles)))
    weakest: dict[int, float] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if sims[i, j] < similarity:
                continue
            if days[i] and days[j] and abs((days[i] - days[j]).days) > max_days:
                continue
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[rj] = ri
                weakest[ri] = min(weakest.get(ri, 1.0), weakest.get(rj, 1.0), float(sims[i, j]))
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(find(i), []).append(i)
    vocab = vec.get_feature_names_out()
    out = []
    for root, members in groups.items():
        if len(members) < 2:
            continue
        shared = np.asarray(matrix[members].min(axis=0).todense()).ravel()
        top = [str(vocab[k]) for k in np.argsort(-shared)[:3] if shared[k] > 0]
        name = ", ".join(top) if top else articles[members[0]].title[:40]
        out.append(StorySuggestion(name, tuple(articles[k].id for k in members), weakest.get(root, 1.0)))
    out.sort(key=lambda s: (-len(s.article_ids), s.name))
    return out
