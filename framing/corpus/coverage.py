"""Coverage across a library: how each outlet names, attributes, quotes and frames, read from the stored
analyses (``framing corpus analyze``), never by analysing again.

:func:`load_coverage` reads the analysed articles' metadata (no text, no hit); :func:`choose` picks
articles by outlet, dates, story and search; each table counts the chosen articles' hits per article and
key in SQL (a covering index, ``GROUP BY``; the last few counts kept with the :class:`Coverage`) and
aggregates those counts in pandas: rates per 1,000 words with bootstrap intervals per outlet
(:func:`rates`) or per outlet and month (:func:`trend`), the names chosen for each concept
(:func:`label_choices`), the stance each outlet gives each frequent speaker (:func:`speaker_stances`),
scare-quoted terms and agentless passives of violence (:func:`key_counts`), distinctive terms by
log-odds (:func:`distinctive_terms`, each outlet's term totals summed in SQL), and the sentences behind
any number (:func:`cell_hits` with a LIMIT in SQL and the number there are, then :func:`sentences_behind`).

Only an outlet's own words count, as on the Compare page: a hit inside quoted speech is the speaker's,
except for attribution, which is how the outlet reports speech.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from framing.corpus.coverage_stats import RESAMPLES, log_odds, rate_table
from framing.indicators.agency import PARTICLES, VIOLENCE_PARTICIPLES
from framing.library import Library
from framing.library.analyses import HIT_COLUMNS
from framing.models import NEUTRAL
from framing.text import sentences


class Measure(NamedTuple):
    """One thing the page counts: which hits, and what each is keyed by (``key`` column of its frame)."""

    label: str
    family: str
    key_name: str
    help: str


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

CONCEPTS_HELP = "Each cell: the names an outlet chose for the concept in its own words, with how often."
_QUOTE_MARKS = "\"'“”‘’«»‹›„‟"
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, eq=False)
class Coverage:
    """A library's analysed articles: ``articles`` (``id``, ``outlet``, ``title``, ``published``, ``month``,
    ``story``, ``words``, ``version``), one row per analysed article, and the library they are read from.

    Each family's hits are counted per article (and key) in SQL the first time a table needs them and kept
    here: a Coverage is one state of the library (the page makes a new one when the library changes)."""

    articles: pd.DataFrame
    lib: Library | None = None
    _memo: dict = field(default_factory=dict, repr=False)

    def counted(self, family: str, chosen: pd.DataFrame) -> pd.DataFrame:
        """The family's hits in the chosen articles per article and key (:data:`_COUNTED`), counted in SQL:
        ``art`` (the article's row in ``articles``), ``article_id``, the key columns, ``n`` (hits) and
        ``first`` (the first hit's offset), in the order of the hits. The last few are kept."""
        memo = (family, tuple(chosen["id"]))
        if memo not in self._memo:
            if self.lib is None:
                raise ValueError("this Coverage has no library to read its hits from")
            keys, options = _COUNTED[family]
            rows = self.lib.hit_counts(list(chosen["id"]), family, keys, **options)
            frame = pd.DataFrame(rows, columns=["article_id", *keys, "n", "first"])
            row = pd.Series(chosen.index.to_numpy(), index=chosen["id"].to_numpy())
            frame["art"] = row.reindex(frame["article_id"].to_numpy()).to_numpy()
            frame = frame.dropna(subset=["art"]).astype({"art": np.int64, "n": np.int64})
            # In the order of the hits (article, then offset), which decides ties between written forms.
            frame = frame.sort_values(["article_id", "first"], kind="stable", ignore_index=True)
            while len(self._memo) >= _KEPT:
                self._memo.pop(next(iter(self._memo)))
            self._memo[memo] = frame
        return self._memo[memo]


#: How many counts a Coverage keeps (the page keeps its tables too, by choice of articles).
_KEPT = 16


#: What is counted of each family (the keys every measure of it needs) and which hits.
_COUNTED: dict[str, tuple[tuple[str, ...], dict]] = {
    "labels": (("category", "text", "position"), {}),
    "attribution": (("speaker", "category"), {"own_words": False}),
    "frames": (("category",), {}),
    "scare_quotes": (("text",), {}),
    "agency": (("text",), {"category": "agentless_passive"}),
}


def load_coverage(lib: Library) -> Coverage:
    """Every analysed article's metadata (the hits are counted when a table first needs them)."""
    analysed = pd.DataFrame(lib.analysed(), columns=["id", "words", "version"])
    meta = pd.DataFrame(
        lib.metadata("outlet", "title", "published", "story"), columns=["id", "outlet", "title", "published", "story"]
    )
    articles = meta.merge(analysed, on="id", how="inner").reset_index(drop=True)
    months = articles["published"].str.slice(0, 7)
    articles["month"] = months.where(months.str.fullmatch(r"\d{4}-\d{2}"), "")
    articles["outlet"] = articles["outlet"].replace("", "(no outlet)")
    return Coverage(articles, lib)


def status(lib: Library, current: Iterable[str]) -> dict[str, int]:
    """How many articles have an analysis made with one of the ``current`` version keys, a stale one
    (another key: other lexicons, code or parser) and none."""
    keys = set(current)
    versions = lib.analysis_versions()
    total = lib.count()
    fresh = sum(v in keys for v in versions.values())
    return {"articles": total, "current": fresh, "stale": len(versions) - fresh, "missing": total - len(versions)}


def search_ids(lib: Library, term: str) -> frozenset[str]:
    """Ids of the articles whose title or text contains ``term`` (case-insensitive)."""
    return frozenset(a.id for a in lib.articles(search=term)) if term.strip() else frozenset()


def choose(
    cov: Coverage,
    *,
    outlets: Sequence[str] = (),
    since: str = "",
    until: str = "",
    stories: Sequence[str] = (),
    ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The analysed articles of these outlets (all if none), published between ``since`` and ``until``
    (ISO dates, inclusive; with either, undated articles are left out), of these stories (all if none)
    and among ``ids`` (e.g. :func:`search_ids`; all if None): rows of ``cov.articles`` with their index, by
    which the other functions find the chosen articles' hits."""
    a = cov.articles
    keep = pd.Series(True, index=a.index)
    if outlets:
        keep &= a["outlet"].isin(list(outlets))
    if since:
        keep &= (a["published"] != "") & (a["published"] >= since)
    if until:
        keep &= (a["published"] != "") & (a["published"].str.slice(0, len(until)) <= until)
    if stories:
        keep &= a["story"].isin(list(stories))
    if ids is not None:
        keep &= a["id"].isin(set(ids))
    return a[keep]


def _violent(text: str) -> str:
    """The participle of a passive hit's text if it is a verb of violence ("were gunned down" -> "gunned"), or ""."""
    words = _WORD.findall(text.lower())
    if len(words) > 1 and words[-1] in PARTICLES:
        words = words[:-1]
    return words[-1] if words and words[-1] in VIOLENCE_PARTICIPLES else ""


def _display(keys: pd.Series, counts: pd.Series | None = None) -> pd.Series:
    """Keys grouped regardless of case ("Ministry", "ministry"), each shown in its most common form (a tie:
    the form met first). ``counts``: how many hits each row stands for (rows in the order of the hits)."""
    folded = keys.str.casefold()
    if counts is None:
        common = keys.groupby(folded).agg(lambda s: s.value_counts().index[0])
        return folded.map(common)
    # Codes in the order each form and each folded key first appear: a form's code is its first appearance.
    form, forms = pd.factorize(keys.to_numpy())
    fold, folds = pd.factorize(folded.to_numpy())
    n = np.bincount(form, weights=counts.to_numpy(), minlength=len(forms))
    fold_of = np.zeros(len(forms), dtype=np.int64)
    fold_of[form] = fold
    order = np.lexsort((np.arange(len(forms)), -n, fold_of))  # by folded key, most hits, first met
    first = order[np.r_[True, fold_of[order][1:] != fold_of[order][:-1]]]
    common = pd.Series(np.asarray(forms, dtype=object)[first], index=np.asarray(folds, dtype=object)[fold_of[first]])
    return folded.map(common)


def _in(cov: Coverage, counts: pd.DataFrame) -> pd.DataFrame:
    """The counts with each article's ``outlet`` and ``month``."""
    art = counts["art"].to_numpy()
    return counts.assign(
        outlet=cov.articles["outlet"].to_numpy()[art], month=cov.articles["month"].to_numpy()[art]
    ).reset_index(drop=True)


def _scare_key(text: str) -> str:
    return text.strip(_QUOTE_MARKS + " ").casefold()


def measure_hits(cov: Coverage, chosen: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The hits one measure counts in the chosen articles, per article and key: ``art``, ``article_id``,
    ``key``, ``n`` (how many), ``outlet``, ``month``."""
    c = cov.counted(MEASURES[measure].family, chosen)
    if measure == "labels":
        c = c[c["position"] != NEUTRAL]
    if measure in ("scare_quotes", "violence_passives"):
        texts = c["text"].unique()
        name = _scare_key if measure == "scare_quotes" else _violent
        key = c["text"].map(dict(zip(texts, map(name, texts))))
    else:
        key = c["category"]
    c = c.assign(key=key)
    c = c[c["key"] != ""]
    return _in(cov, c.groupby(["art", "article_id", "key"], sort=True)["n"].sum().reset_index())


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
    h = _in(cov, cov.counted("labels", chosen))
    if h.empty:
        return pd.DataFrame(columns=["concept", "outlet", "name", "position", "count"])
    h = h.assign(concept=h["category"], name=_display(h["text"], h["n"]).str.lower())
    out = h.groupby(["concept", "outlet", "name", "position"], observed=True)["n"].sum().rename("count").reset_index()
    return out.sort_values(["concept", "outlet", "count"], ascending=[True, True, False], ignore_index=True)


def label_grid(choices: pd.DataFrame, outlets: Sequence[str] = ()) -> pd.DataFrame:
    """Concept x outlet (these ``outlets`` too, if they chose no name): each cell the names chosen,
    "occupation forces ×4 (resistance side) · IDF ×2"."""
    if choices.empty:
        return pd.DataFrame()

    side = choices["position"].map(lambda p: "" if p == NEUTRAL else f" ({p.replace('_', ' ')})")
    pieces = choices["name"] + " ×" + choices["count"].astype(str) + side
    cells = pieces.groupby([choices["concept"], choices["outlet"]]).agg(" · ".join)
    return _columns(cells.unstack(fill_value=""), outlets, "").rename_axis(index="concept", columns=None)


def _columns(grid: pd.DataFrame, outlets: Sequence[str], empty: object) -> pd.DataFrame:
    """The grid with a column for each of ``outlets`` (filled with ``empty`` where it had none)."""
    missing = [o for o in outlets if o not in grid.columns]
    return grid.reindex(columns=sorted([*grid.columns, *missing]), fill_value=empty) if missing else grid


def speaker_stances(cov: Coverage, chosen: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The ``top`` speakers most often attributed across the chosen outlets: per speaker, outlet and
    stance, how many reporting verbs (``speaker``, ``outlet``, ``stance``, ``count``)."""
    h = _in(cov, cov.counted("attribution", chosen))
    h = h[h["speaker"] != ""]
    if h.empty:
        return pd.DataFrame(columns=["speaker", "outlet", "stance", "count"])
    h = h.assign(speaker=_display(h["speaker"], h["n"]), stance=h["category"], order=np.arange(len(h)))
    ranked = h.groupby("speaker", sort=False).agg(n=("n", "sum"), order=("order", "min"))
    frequent = ranked.sort_values(["n", "order"], ascending=[False, True], kind="stable").index[:top]
    h = h[h["speaker"].isin(frequent)]
    return h.groupby(["speaker", "outlet", "stance"])["n"].sum().rename("count").reset_index()


def stance_grid(stances: pd.DataFrame, outlets: Sequence[str] = ()) -> pd.DataFrame:
    """Speaker x outlet (these ``outlets`` too): each cell the stances given, "neutral 3 · distancing 1" (the
    most attributed speaker first)."""
    if stances.empty:
        return pd.DataFrame()
    order = stances.groupby("speaker")["count"].sum().sort_values(ascending=False).index
    ranked = stances.sort_values("count", ascending=False)
    cells = ranked.groupby(["speaker", "outlet"]).apply(
        lambda p: " · ".join(f"{s} {n}" for s, n in zip(p["stance"], p["count"])), include_groups=False
    )
    grid = _columns(cells.unstack(fill_value=""), outlets, "")
    return grid.reindex(order).rename_axis(index="speaker", columns=None)


def key_counts(cov: Coverage, chosen: pd.DataFrame, measure: str, *, top: int = 20) -> pd.DataFrame:
    """Key x outlet counts of one measure (e.g. the scare-quoted terms), the ``top`` keys by total, with a
    ``total`` column."""
    h = measure_hits(cov, chosen, measure)
    if h.empty:
        return pd.DataFrame()
    grid = h.groupby(["key", "outlet"])["n"].sum().unstack(fill_value=0)
    grid = _columns(grid, sorted(chosen["outlet"].unique()), 0)
    grid["total"] = grid.sum(axis=1)
    grid = grid.sort_values("total", ascending=False).head(top)
    return grid.rename_axis(index=MEASURES[measure].key_name, columns=None)


@dataclass(frozen=True, eq=False)
class TermMatrix:
    """The library's stored term counts, summed over any articles in SQL when asked (never all read)."""

    lib: Library

    def totals(self, ids: Iterable[str]) -> pd.Series:
        """Term -> count summed over these articles."""
        rows = self.lib.term_totals(list(ids))
        return pd.Series(dict(rows), dtype=np.int64)


def load_terms(lib: Library) -> TermMatrix:
    """The library's stored term counts (nothing is read until :func:`distinctive_terms` sums them)."""
    return TermMatrix(lib)


def distinctive_terms(terms: TermMatrix, chosen: pd.DataFrame, *, min_count: int = 3, top: int = 15) -> pd.DataFrame:
    """The terms that set each chosen outlet apart from the others (log-odds, informative Dirichlet prior,
    from the stored term counts, each outlet's summed in SQL); needs two outlets or more. Columns:
    ``outlet``, ``term``, ``count``, ``rest``, ``per_1000``, ``z``. (Terms no chosen article uses are
    left out, which changes nothing for ``min_count`` of 1 or more.)"""
    outlets = sorted(chosen["outlet"].unique())
    if len(outlets) < 2:
        return log_odds(np.zeros((0, 0)), [], outlets, min_count=min_count, top=top).rename(columns={"group": "outlet"})
    sums = [terms.totals(chosen.loc[chosen["outlet"] == o, "id"]) for o in outlets]
    index = sorted(set().union(*(s.index for s in sums)))
    y = np.column_stack([s.reindex(index, fill_value=0).to_numpy() for s in sums])
    table = log_odds(y, np.asarray(index, dtype=object), outlets, min_count=min_count, top=top)
    return table.rename(columns={"group": "outlet"})


#: Each measure of a click: its family, and which hits of it (``hits_of``'s options).
_CELL: dict[str, tuple[str, dict]] = {
    "label_choices": ("labels", {}),
    "labels": ("labels", {"not_position": NEUTRAL}),
    "attribution": ("attribution", {"own_words": False}),
    "frames": ("frames", {}),
    "scare_quotes": ("scare_quotes", {}),
    "violence_passives": ("agency", {"category": "agentless_passive"}),
}


def cell_hits(
    cov: Coverage,
    chosen: pd.DataFrame,
    measure: str,
    *,
    outlet: str | None = None,
    key: str | None = None,
    month: str | None = None,
    speaker: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The hits behind one number (the columns of ``HIT_COLUMNS``), the newest articles first: a measure's
    hits, narrowed to an outlet, a key, a month, a speaker; only the first ``limit`` read (how many there
    are in all: ``.attrs["total"]``)."""
    picked = chosen
    if outlet is not None:
        picked = picked[picked["outlet"] == outlet]
    if month is not None:
        picked = picked[picked["month"] == month]
    family, options = _CELL[measure]
    by_text = measure in ("scare_quotes", "violence_passives")
    if key is not None and not by_text:
        options = {**options, "category": key}
    exact = speaker is None and (key is None or not by_text)  # every condition in SQL: LIMIT there too
    assert cov.lib is not None, "a Coverage read from a library"
    rows, total = cov.lib.hits_of(list(picked["id"]), family, **options, limit=limit if exact else None)
    h = pd.DataFrame(rows, columns=list(HIT_COLUMNS))
    if not exact:
        if key is not None:
            name = _scare_key if measure == "scare_quotes" else _violent
            h = h[h["text"].map(name) == key]
        if speaker is not None:
            h = h[h["speaker"].str.casefold() == speaker.casefold()]
        total = len(h)
        h = h.head(limit) if limit is not None else h
    h = h.reset_index(drop=True)
    h.attrs["total"] = total
    return h


SENTENCE_COLUMNS = ["article_id", "title", "outlet", "published", "story", "sentence", "mark_start", "mark_end"]
SENTENCE_COLUMNS += ["start", "end", "what"]


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
    used = set(lib.using_term(list(picked["id"]), term))
    if not used:
        return pd.DataFrame(columns=SENTENCE_COLUMNS)
    picked = picked[picked["id"].isin(used)].sort_values("published", ascending=False)
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)", re.IGNORECASE)
    rows: list[tuple] = []
    for aid in picked["id"]:
        rows += [(aid, "terms", term, m.start(), m.end()) for m in pattern.finditer(lib.get(aid).text)]
        if len(rows) >= limit:
            break
    hits = pd.DataFrame(rows[:limit], columns=["article_id", "family", "category", "start", "end"])
    return sentences_behind(lib, Coverage(chosen), hits, limit=limit)
