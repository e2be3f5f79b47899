"""The statistics of the Coverage page: rates per 1,000 words with bootstrap intervals over articles, and
the distinctive terms of each outlet by the log-odds ratio with an informative Dirichlet prior.

Pure numpy and pandas on counts already aggregated; nothing here reads the library or re-analyses text.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

#: Resamples of the articles behind each bootstrap interval.
RESAMPLES = 1000
#: A rate resting on fewer hits than this, or on fewer articles than :data:`FEW_ARTICLES`, is flagged.
FEW_HITS = 5
FEW_ARTICLES = 3
#: The columns of :func:`rate_table`.
RATE_COLUMNS = ("hits", "articles", "words", "per_1000", "low", "high", "few")


def _seed(seed: int, group: tuple) -> np.random.Generator:
    """A generator seeded by ``seed`` and the group's name: the same group always gets the same draws,
    whatever else is chosen with it."""
    return np.random.default_rng([seed, zlib.crc32(repr(group).encode("utf-8"))])


def bootstrap(
    counts: np.ndarray, words: np.ndarray, *, resamples: int = RESAMPLES, seed: int = 0, group: tuple = ()
) -> tuple[np.ndarray, np.ndarray]:
    """The 95% percentile interval of each column's rate per 1,000 words, resampling the rows (articles).

    ``counts``: articles x keys; ``words``: each article's words. Every resample draws as many articles as
    there are, with replacement (as weights: how often each article was drawn, so all resamples are one matrix
    product).
    """
    n = len(words)
    if n == 0 or resamples <= 0:
        nan = np.full(counts.shape[1], np.nan)
        return nan, nan
    rng = _seed(seed, group)
    draws = rng.integers(0, n, size=(resamples, n), dtype=np.int64) + np.arange(resamples)[:, None] * n
    weights = np.bincount(draws.ravel(), minlength=resamples * n).reshape(resamples, n).astype(np.float32)
    total = (weights @ words.astype(np.float32)).astype(np.float64)
    hits = (weights @ counts.astype(np.float32)).astype(np.float64)  # exact: whole numbers below 2**24
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = np.where(total[:, None] > 0, hits * 1000.0 / total[:, None], 0.0)
    low, high = np.percentile(rates, [2.5, 97.5], axis=0)
    return low, high


def rate_table(
    articles: pd.DataFrame,
    hits: pd.DataFrame,
    by: Sequence[str] = ("outlet",),
    *,
    keys: Sequence[str] | None = None,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Hits per 1,000 words for each group of articles (``by``: columns of ``articles``) and each ``key`` of
    ``hits``, with the bootstrap interval over the group's articles and a flag where counts are small.

    ``articles``: one row per article chosen (``id``, ``words`` and the ``by`` columns); ``hits``: one row
    per hit (``article_id``, ``key``), of those articles only, or, with a column ``n``, one row per article
    and key with its number of hits (the same table from compact counts). A group's articles without a hit count as
    zeros, and so does a key of ``keys`` (default: the keys found) without a hit. Columns: the ``by``
    columns, ``key``, then :data:`RATE_COLUMNS`.
    """
    by = list(by)
    columns = [*by, "key", *RATE_COLUMNS]
    keys = list(keys) if keys is not None else sorted(hits["key"].unique())
    if not keys or articles.empty:
        return pd.DataFrame(columns=columns)
    if hits.empty:
        matrix = pd.DataFrame(0, index=pd.Index([], name="article_id"), columns=keys)
    else:
        grouped = hits.groupby(["article_id", "key"])
        matrix = (grouped["n"].sum() if "n" in hits.columns else grouped.size()).unstack(fill_value=0)
        matrix = matrix.reindex(columns=keys, fill_value=0)
    rows = []
    for group, part in articles.groupby(by, sort=True):
        group = group if isinstance(group, tuple) else (group,)
        counts = matrix.reindex(part["id"], fill_value=0).to_numpy()
        words = part["words"].to_numpy()
        low, high = bootstrap(counts, words, resamples=resamples, seed=seed, group=group)
        total_words = int(words.sum())
        sums = counts.sum(axis=0)
        for k, key in enumerate(keys):
            n = int(sums[k])
            rows.append(
                (*group, key, n, len(part), total_words, n * 1000.0 / total_words if total_words else 0.0)
                + (float(low[k]), float(high[k]), n < FEW_HITS or len(part) < FEW_ARTICLES)
            )
    return pd.DataFrame(rows, columns=columns)


def log_odds(
    y: np.ndarray, terms: Sequence[str], groups: Sequence[str], *, min_count: int = 3, top: int = 15
) -> pd.DataFrame:
    """The terms that set each group apart from the others pooled (Monroe, Colaresi and Quinn 2008, the
    log-odds ratio with an informative Dirichlet prior from all groups' counts, eq. 16-18).

    ``y``: counts, terms x groups. Returns the ``top`` terms by z-score of each group (the highest first)
    among terms used at least ``min_count`` times in all: ``group``, ``term``, ``count``, ``rest`` (the
    other groups' count), ``per_1000`` (per 1,000 of the group's terms), ``z``.
    """
    columns = ["group", "term", "count", "rest", "per_1000", "z"]
    y = np.asarray(y, dtype=np.float64)
    if y.ndim != 2 or y.shape[1] < 2 or y.shape[0] == 0:
        return pd.DataFrame(columns=columns)
    total = y.sum(axis=1)
    n = y.sum(axis=0)  # each group's terms, all of them
    keep = total >= min_count
    if not keep.any():
        return pd.DataFrame(columns=columns)
    # The prior: every term's share of the whole corpus, scaled to the mean size of a group.
    a0 = n.mean()
    alpha = total / total.sum() * a0
    y, alpha, total, kept = y[keep], alpha[keep], total[keep], np.asarray(terms)[keep]
    out = []
    for g, group in enumerate(groups):
        y_i, y_j = y[:, g], total - y[:, g]
        n_i, n_j = n[g], n.sum() - n[g]
        delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha))
        z = delta / np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
        for k in np.argsort(-z, kind="stable")[:top]:
            out.append((group, kept[k], int(y_i[k]), int(y_j[k]), y_i[k] * 1000.0 / n_i if n_i else 0.0, float(z[k])))
    return pd.DataFrame(out, columns=columns)
