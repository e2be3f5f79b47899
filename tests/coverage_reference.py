"""The Coverage engine as it was before its hits were counted in SQL (framing/corpus/coverage.py at
68dc32c): every stored hit read into one frame and counted in pandas. Kept as the reference the SQL-counted
figures must equal (tests/test_coverage.py); not used by the app. What the change left as it was (choosing
articles, the status, the grids' layout) is imported from the engine, not copied."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.corpus.coverage import (  # (the parts the SQL counting left as they were)
    _QUOTE_MARKS,
    SENTENCE_COLUMNS,
    Measure,
    _columns,
    _violent,
)
from framing.corpus.coverage_stats import RESAMPLES, log_odds, rate_table
from framing.library import Library
from framing.library.analyses import HIT_COLUMNS
from framing.models import NEUTRAL
from framing.text import sentences

MEASURES: dict[str, Measure] = {
    "labels": Measure(
        "Contested labels", "labels", "concept", "Side-marked names for a concept (neutral names are not counted)."
    ),
    "attribution": Measure(
        "Attribution stance", "attribution", "stance", "Reporting verbs by the stance they give the speaker."
    ),
    "scare_quotes": Measure("Scare quotes", "scare_quotes", "term", "Terms set off in scare quotes or 'so-called'."),
    "violence_passives": Measure(
        "Agentless passives of violence",
        "agency",
        "verb",
        "A verb of violence in the passive with no doer named ('were killed').",
    ),
    "frames": Measure("Frame cues", "frames", "frame", "Words that cue one of the news frames."),
}


@dataclass(frozen=True)
class Coverage:
    """A library's stored analyses as frames: ``articles`` (``id``, ``outlet``, ``title``, ``published``,
    ``month``, ``story``, ``words``, ``version``), one row per analysed article; ``hits``, the columns of
    the stored hits (``HIT_COLUMNS``) with ``in_quote`` as a bool."""

    articles: pd.DataFrame
    hits: pd.DataFrame


def load_coverage(lib: Library) -> Coverage:
    """Every analysed article's metadata and hits, read once (the page caches this)."""
    analysed = pd.DataFrame(lib.rows("analyses"), columns=["id", "version", "l", "c", "p", "words", "q", "at"])
    meta = pd.DataFrame(
        lib.metadata("outlet", "title", "published", "story"), columns=["id", "outlet", "title", "published", "story"]
    )
    articles = meta.merge(analysed[["id", "words", "version"]], on="id", how="inner").reset_index(drop=True)
    months = articles["published"].str.slice(0, 7)
    articles["month"] = months.where(months.str.fullmatch(r"\d{4}-\d{2}"), "")
    articles["outlet"] = articles["outlet"].replace("", "(no outlet)")
    hits = pd.DataFrame(lib.rows("analysis_hits"), columns=list(HIT_COLUMNS)).drop(columns="lexicon_version")
    row = pd.Series(articles.index, index=articles["id"])
    hits["art"] = hits["article_id"].map(row)  # the article's row in ``articles``: selections by position
    hits = hits.dropna(subset=["art"]).astype({"art": np.int64})
    hits["in_quote"] = hits["in_quote"].astype(bool)
    for column in ("family", "category", "position"):
        hits[column] = hits[column].astype("category")
    return Coverage(articles, hits.reset_index(drop=True))


def _display(keys: pd.Series) -> pd.Series:
    """Keys grouped regardless of case ("Ministry", "ministry"), each shown in its most common form."""
    folded = keys.str.casefold()
    common = keys.groupby(folded).agg(lambda s: s.value_counts().index[0])
    return folded.map(common)


def _of(cov: Coverage, chosen: pd.DataFrame, family: str) -> pd.DataFrame:
    """The hits of one family in the chosen articles (rows of ``cov.articles``)."""
    h = cov.hits[cov.hits["family"] == family]
    keep = np.zeros(len(cov.articles), dtype=bool)
    keep[chosen.index.to_numpy()] = True
    return h[keep[h["art"].to_numpy()]]


def measure_hits(cov: Coverage, chosen: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The hits one measure counts in the chosen articles, with ``outlet``, ``month`` and ``key``."""
    h = _of(cov, chosen, MEASURES[measure].family)
    if measure != "attribution":
        h = h[~h["in_quote"]]
    if measure == "labels":
        h = h[h["position"] != NEUTRAL]
        key = h["category"].astype(str)
    elif measure == "violence_passives":
        h = h[h["category"] == "agentless_passive"]
        key = h["text"].map(_violent)
        h, key = h[key != ""], key[key != ""]
    elif measure == "scare_quotes":
        key = h["text"].str.strip(_QUOTE_MARKS + " ").str.casefold()
    else:
        key = h["category"].astype(str)
    h = h.assign(key=key)
    return h.merge(chosen[["id", "outlet", "month"]], left_on="article_id", right_on="id").drop(columns="id")


def rates(
    cov: Coverage, chosen: pd.DataFrame, measure: str, *, resamples: int = RESAMPLES, seed: int = 0
) -> pd.DataFrame:
    """Per outlet and key: hits, articles, words, per 1,000 words, its 95% bootstrap interval, ``few``."""
    return rate_table(chosen, measure_hits(cov, chosen, measure), ("outlet",), resamples=resamples, seed=seed)


def totals(
    cov: Coverage, chosen: pd.DataFrame, measure: str, *, resamples: int = RESAMPLES, seed: int = 0
) -> pd.DataFrame:
    """Per outlet, every key of the measure together (``key`` is the measure's name)."""
    hits = measure_hits(cov, chosen, measure).assign(key=measure)
    return rate_table(chosen, hits, ("outlet",), keys=[measure], resamples=resamples, seed=seed)


def trend(
    cov: Coverage,
    chosen: pd.DataFrame,
    measure: str,
    key: str | None = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Per outlet and month (dated articles only): the measure's rate (one key, or all keys together)."""
    dated = chosen[chosen["month"] != ""]
    hits = measure_hits(cov, dated, measure)
    if key is not None:
        hits = hits[hits["key"] == key]
    name = key if key is not None else measure
    hits = hits.assign(key=name)
    return rate_table(dated, hits, ("outlet", "month"), keys=[name], resamples=resamples, seed=seed)


def label_choices(cov: Coverage, chosen: pd.DataFrame) -> pd.DataFrame:
    """Per concept, outlet and name (every label in the outlet's own words, neutral ones included):
    ``concept``, ``outlet``, ``name`` (its most common written form), ``position``, ``count``."""
    h = _of(cov, chosen, "labels")
    h = h[~h["in_quote"]].merge(chosen[["id", "outlet"]], left_on="article_id", right_on="id")
    if h.empty:
        return pd.DataFrame(columns=["concept", "outlet", "name", "position", "count"])
    h = h.assign(concept=h["category"].astype(str), position=h["position"].astype(str), name=h["text"])
    h["name"] = _display(h["name"]).str.lower()
    out = h.groupby(["concept", "outlet", "name", "position"], observed=True).size().rename("count").reset_index()
    return out.sort_values(["concept", "outlet", "count"], ascending=[True, True, False], ignore_index=True)


def label_grid(choices: pd.DataFrame, outlets: Sequence[str] = ()) -> pd.DataFrame:
    """Concept x outlet (these ``outlets`` too, if they chose no name): each cell the names chosen,
    "occupation forces ×4 (resistance side) · IDF ×2"."""
    if choices.empty:
        return pd.DataFrame()

    def cell(part: pd.DataFrame) -> str:
        return " · ".join(
            f"{r.name} ×{r.count}" + ("" if r.position == NEUTRAL else f" ({r.position.replace('_', ' ')})")
            for r in part.itertuples()
        )

    cells = choices.groupby(["concept", "outlet"]).apply(cell, include_groups=False)
    return _columns(cells.unstack(fill_value=""), outlets, "").rename_axis(index="concept", columns=None)


def speaker_stances(cov: Coverage, chosen: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The ``top`` speakers most often attributed across the chosen outlets: per speaker, outlet and
    stance, how many reporting verbs (``speaker``, ``outlet``, ``stance``, ``count``)."""
    h = measure_hits(cov, chosen, "attribution")
    h = h[h["speaker"] != ""]
    if h.empty:
        return pd.DataFrame(columns=["speaker", "outlet", "stance", "count"])
    h = h.assign(speaker=_display(h["speaker"]), stance=h["key"])
    frequent = h["speaker"].value_counts().index[:top]
    h = h[h["speaker"].isin(frequent)]
    return h.groupby(["speaker", "outlet", "stance"]).size().rename("count").reset_index()


def key_counts(cov: Coverage, chosen: pd.DataFrame, measure: str, *, top: int = 20) -> pd.DataFrame:
    """Key x outlet counts of one measure (e.g. the scare-quoted terms), the ``top`` keys by total, with a
    ``total`` column."""
    h = measure_hits(cov, chosen, measure)
    if h.empty:
        return pd.DataFrame()
    grid = _columns(pd.crosstab(h["key"], h["outlet"]), sorted(chosen["outlet"].unique()), 0)
    grid["total"] = grid.sum(axis=1)
    grid = grid.sort_values("total", ascending=False).head(top)
    return grid.rename_axis(index=MEASURES[measure].key_name, columns=None)


@dataclass(frozen=True)
class TermMatrix:
    """The stored term counts as one sparse matrix: articles (``ids``) x ``terms``."""

    ids: pd.Index
    terms: np.ndarray
    counts: sp.csr_matrix

    def rows(self, ids: Iterable[str]) -> np.ndarray:
        """Row numbers of these articles (those without stored terms left out)."""
        found = self.ids.get_indexer(list(ids))
        return found[found >= 0]


def load_terms(lib: Library) -> TermMatrix:
    """Every stored term count, read once (the page caches this, and reads it only for distinctive terms)."""
    rows = pd.DataFrame(lib.rows("analysis_terms"), columns=["article_id", "term", "count"])
    article = rows["article_id"].astype("category")
    term = rows["term"].astype("category")
    shape = (len(article.cat.categories), len(term.cat.categories))
    counts = sp.csr_matrix((rows["count"].to_numpy(), (article.cat.codes, term.cat.codes)), shape=shape)
    return TermMatrix(pd.Index(article.cat.categories), np.asarray(term.cat.categories, dtype=object), counts)


def distinctive_terms(terms: TermMatrix, chosen: pd.DataFrame, *, min_count: int = 3, top: int = 15) -> pd.DataFrame:
    """The terms that set each chosen outlet apart from the others (log-odds, informative Dirichlet prior,
    from the stored term counts); needs two outlets or more. Columns: ``outlet``, ``term``, ``count``,
    ``rest``, ``per_1000``, ``z``."""
    outlets = sorted(chosen["outlet"].unique())
    per_outlet = [
        np.asarray(terms.counts[terms.rows(chosen.loc[chosen["outlet"] == o, "id"])].sum(axis=0)).ravel()
        for o in outlets
    ]
    y = np.column_stack(per_outlet) if len(outlets) >= 2 else np.zeros((0, 0))
    table = log_odds(y, terms.terms, outlets, min_count=min_count, top=top)
    return table.rename(columns={"group": "outlet"})


def cell_hits(
    cov: Coverage,
    chosen: pd.DataFrame,
    measure: str,
    *,
    outlet: str | None = None,
    key: str | None = None,
    month: str | None = None,
    speaker: str | None = None,
) -> pd.DataFrame:
    """The hits behind one number: a measure's hits, narrowed to an outlet, a key, a month, a speaker."""
    if measure == "label_choices":
        h = _of(cov, chosen, "labels")
        h = h[~h["in_quote"]]
        h = h.assign(key=h["category"].astype(str))
        h = h.merge(chosen[["id", "outlet", "month"]], left_on="article_id", right_on="id").drop(columns="id")
    else:
        h = measure_hits(cov, chosen, measure)
    if outlet is not None:
        h = h[h["outlet"] == outlet]
    if key is not None:
        h = h[h["key"] == key]
    if month is not None:
        h = h[h["month"] == month]
    if speaker is not None:
        h = h[h["speaker"].str.casefold() == speaker.casefold()]
    return h


def sentences_behind(lib: Library, cov: Coverage, hits: pd.DataFrame, *, limit: int = 100) -> pd.DataFrame:
    """The sentence of each hit (the first ``limit``, newest articles first), across articles: the article
    (id, title, outlet, date, story), the sentence's text, the hit's offsets in the sentence (``mark_start``,
    ``mark_end``) and in the article (``start``, ``end``), and what the hit is (``what``)."""
    meta = cov.articles.set_index("id")
    hits = hits.assign(published=hits["article_id"].map(meta["published"]))
    hits = hits.sort_values(["published", "article_id", "start"], ascending=[False, True, True]).head(limit)
    rows = []
    for aid, part in hits.groupby("article_id", sort=False):
        text = lib.get(aid).text
        spans = sentences(text)
        starts = [s.start for s in spans]
        info = meta.loc[aid]
        for h in part.itertuples():
            k = bisect.bisect_right(starts, h.start) - 1
            s_start, s_end = (spans[k].start, max(spans[k].end, h.end)) if k >= 0 else (h.start, h.end)
            rows.append(
                (aid, info["title"], info["outlet"], info["published"], info["story"], text[s_start:s_end])
                + (h.start - s_start, h.end - s_start, h.start, h.end, f"{h.family}: {h.category}")
            )
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def term_sentences(
    lib: Library, terms: TermMatrix, chosen: pd.DataFrame, term: str, *, outlet: str | None = None, limit: int = 100
) -> pd.DataFrame:
    """The sentences of the chosen articles (of one outlet) that use a term of :func:`distinctive_terms`."""
    picked = chosen if outlet is None else chosen[chosen["outlet"] == outlet]
    column = np.flatnonzero(terms.terms == term)
    if not len(column):
        return pd.DataFrame(columns=SENTENCE_COLUMNS)
    used = terms.counts[:, column[0]].toarray().ravel() > 0
    picked = picked[picked["id"].isin(set(terms.ids[used]))].sort_values("published", ascending=False)
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)", re.IGNORECASE)
    rows: list[tuple] = []
    for aid in picked["id"]:
        rows += [(aid, "terms", term, m.start(), m.end()) for m in pattern.finditer(lib.get(aid).text)]
        if len(rows) >= limit:
            break
    hits = pd.DataFrame(rows[:limit], columns=["article_id", "family", "category", "start", "end"])
    return sentences_behind(lib, Coverage(chosen, hits), hits, limit=limit)
