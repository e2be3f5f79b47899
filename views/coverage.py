"""Coverage page: how the chosen outlets name, attribute, quote and frame, across the library's stored
analyses, per 1,000 words with bootstrap intervals; every number opens the sentences behind it."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from framing.corpus import MEASURES, cell_hits, label_grid, sentences_behind, stance_grid, term_sentences
from framing.render import coverage_rates_figure, coverage_terms_figure, coverage_trend_figure
from views import _state
from views._ui import md_escape

PICK = "coverage_pick"  # what was clicked last: the sentences shown below the chart
VIEWS = {
    "labels": "Labels",
    "speakers": "Speakers",
    "scare_quotes": "Scare quotes",
    "violence_passives": "Passives of violence",
    "frames": "Frames",
    "terms": "Distinctive terms",
    "trend": "Monthly trend",
}
REFRESH = "python -m framing corpus analyze"
NOW_LIMIT = 100  # up to this many articles to analyse, the page offers to do it itself (a minute or less)
SHOWN = 50  # sentences shown behind a number, the newest first
STYLE = """<style>
.fr-cov {border-left: 3px solid #0072B2; padding: 2px 10px; margin: 6px 0; line-height: 1.5;}
.fr-cov-meta {font-size: 0.85em; color: #555;}
.fr-cov mark {background: #ffe08a; padding: 0 2px;}
</style>"""

cov = _state.coverage()
status, path = _state.analysis_status()
st.header("Coverage across outlets", anchor=False)


def _analyse_now(todo: int) -> None:
    """A small library is analysed from the page itself; a large one from the command line (on Dask)."""
    if 0 < todo <= NOW_LIMIT and st.button(f"Analyse these {todo:,} articles now", key="coverage_analyse_now"):
        with st.spinner(f"Analysing {todo:,} articles…"):
            summary = _state.analyse_library_now()
        if summary.failed:
            st.error(summary.text())
        else:
            st.rerun()  # the library changed: the stored analyses are read again


if cov.articles.empty:
    st.info(
        f"No article of the library has a stored analysis yet ({status['articles']:,} articles). Analyse them "
        f"once from the command line, then reload this page:\n\n`{REFRESH} --db {path}`"
    )
    _analyse_now(status["stale"] + status["missing"])
    st.stop()

# ---------------------------------------------------------------------------------------- the controls

by_count = cov.articles["outlet"].value_counts()
dated = cov.articles.loc[cov.articles["published"].str.fullmatch(r"\d{4}-\d{2}-\d{2}.*"), "published"]
with st.sidebar:
    st.subheader("Coverage: what to compare", anchor=False)
    outlets = st.multiselect(
        "Outlets",
        list(by_count.index),
        default=list(by_count.index[:2]),
        format_func=lambda o: f"{o} ({by_count[o]})",
        key="coverage_outlets",
    )
    since = until = ""
    if len(dated):
        first, last = date.fromisoformat(dated.min()[:10]), date.fromisoformat(dated.max()[:10])
        picked = st.date_input(
            "Published between", (first, last), min_value=first, max_value=last, key="coverage_dates"
        )
        if isinstance(picked, tuple) and len(picked) == 2 and (picked[0], picked[1]) != (first, last):
            since, until = picked[0].isoformat(), picked[1].isoformat()
    stories = st.multiselect("Stories (all if none)", sorted(s for s in cov.articles["story"].unique() if s))
    search = st.text_input("Only articles that mention", key="coverage_search", placeholder="a word or phrase")

filters = (tuple(outlets), since, until, tuple(stories), search.strip())
chosen = _state.coverage_articles(filters)

stale = status["stale"] + status["missing"]
note = (
    f"{len(chosen):,} articles, {int(chosen['words'].sum()):,} words, from {chosen['outlet'].nunique()} outlets. "
    "Rates are per 1,000 words with a 95% bootstrap interval over articles; faded bars rest on fewer than 5 hits "
    "or 3 articles. Click a bar or a cell to read the sentences behind it."
)
st.caption(note)
if stale:
    st.warning(
        f"Of {status['articles']:,} articles, {status['missing']:,} have no stored analysis (left out) and "
        f"{status['stale']:,} were analysed with other lexicons or code (shown as they were)"
        + (
            f"; {status['kept']:,} others were kept, as the lexicon edit cannot change them"
            if status.get("kept")
            else ""
        )
        + f". Refresh with `{REFRESH} --db {path}`",
        icon=":material/update:",
    )
    _analyse_now(stale)
elif status.get("kept"):
    st.caption(f"A lexicon edit: the {status['kept']:,} stored analyses it cannot change were kept as current.")
if chosen.empty:
    st.info("No analysed article matches these choices: pick other outlets, dates, stories or search words.")
    st.stop()

view = st.segmented_control(
    "Show", list(VIEWS), format_func=VIEWS.get, default="labels", key="coverage_view", label_visibility="collapsed"
)
view = view or "labels"


# ---------------------------------------------------------------------------------------- clicks


def _take(widget: str, pick: dict[str, Any] | None) -> None:
    """A widget's selection becomes the page's pick when it is new (the last click wins)."""
    seen = f"{widget}_seen"
    signature = repr(pick)
    if pick is not None and st.session_state.get(seen) != signature:
        st.session_state[PICK] = {**pick, "view": view}
    st.session_state[seen] = signature if pick is not None else None


def _chart(fig, name: str, to_pick, table: pd.DataFrame | None = None) -> None:
    """A plotly chart whose clicked point (its customdata) becomes the pick; under it, a warning when some of
    the ``table``'s rates rest on too few hits or articles."""
    event = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key=f"coverage_chart_{name}")
    few = int(table["few"].sum()) if table is not None and len(table) else 0
    if few:
        st.caption(
            f":warning: {few} of {len(table)} rates (faded) rest on fewer than 5 hits or 3 articles: too few to "
            "compare outlets by; read their sentences instead."
        )
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    custom = points[0].get("customdata") if points else None
    _take(f"coverage_chart_{name}", to_pick(custom) if custom else None)


def _table(frame: pd.DataFrame, name: str, to_pick) -> None:
    """A table whose clicked cell (index value, column) becomes the pick."""
    if frame.empty:
        st.caption("Nothing to count in these articles.")
        _take(f"coverage_table_{name}", None)
        return
    height = min(320, 35 * (len(frame) + 1) + 3)  # no empty rows below a short table
    event = st.dataframe(
        frame, on_select="rerun", selection_mode="single-cell", key=f"coverage_table_{name}", height=height
    )
    cells = event.selection.get("cells", []) if event else []
    pick = None
    if cells:
        row, column = cells[0]
        if 0 <= row < len(frame) and column in frame.columns:
            pick = to_pick(frame.index[row], column)
    _take(f"coverage_table_{name}", pick)


def _in_outlets(column: str) -> str | None:
    return column if column in set(chosen["outlet"]) else None


# ---------------------------------------------------------------------------------------- the views

if view == "labels":
    table = _state.coverage_table("rates", filters, "labels")
    if table.empty:
        st.info("No side-marked name in these articles' own words.")
    else:
        _chart(
            coverage_rates_figure(table, key_title="side-marked names, by concept"),
            view,
            lambda c: {"measure": "labels", "outlet": c[0], "key": c[1], "what": f"side-marked names for {c[1]}"},
            table,
        )
    grid = _state.coverage_table("label_choices", filters)
    st.caption("The names each outlet chose for each concept, in its own words (neutral names included).")
    _table(
        label_grid(grid, sorted(chosen["outlet"].unique())),
        view,
        lambda concept, col: (
            {"measure": "label_choices", "outlet": _in_outlets(col), "key": concept} | {"what": f"names for {concept}"}
        ),
    )
elif view == "speakers":
    table = _state.coverage_table("rates", filters, "attribution")
    if not table.empty:
        _chart(
            coverage_rates_figure(table, key_title="reporting verbs, by stance"),
            view,
            lambda c: {"measure": "attribution", "outlet": c[0], "key": c[1], "what": f"{c[1]} reporting verbs"},
            table,
        )
    st.caption("The stance of the reporting verbs each outlet gives the most quoted speakers.")
    _table(
        stance_grid(_state.coverage_table("speaker_stances", filters), sorted(chosen["outlet"].unique())),
        view,
        lambda speaker, col: (
            {"measure": "attribution", "outlet": _in_outlets(col), "speaker": speaker}
            | {"what": f"what {speaker} said"}
        ),
    )
elif view in ("scare_quotes", "violence_passives", "frames"):
    measure = MEASURES[view]
    whole = view != "frames"  # one bar per outlet; the frames by frame
    table = _state.coverage_table("totals" if whole else "rates", filters, view)
    _chart(
        coverage_rates_figure(table, key_title="" if whole else "frame"),
        view,
        lambda c: (
            {"measure": view, "outlet": c[0], "key": None if whole else c[1]}
            | {"what": measure.label.lower() if whole else f"{c[1]} frame cues"}
        ),
        table,
    )
    st.caption(measure.help + (" Counts per outlet:" if whole else " Share of each outlet's frame cues:"))
    counts = _state.coverage_table("key_counts", filters, view)
    if view == "frames" and not counts.empty:
        outlets_only = counts.drop(columns="total")
        counts = (outlets_only / outlets_only.sum() * 100).round(1).astype(str) + "%"
    _table(
        counts,
        view,
        lambda key, col: {"measure": view, "outlet": _in_outlets(col), "key": key, "what": f"{measure.label}: {key}"},
    )
elif view == "terms":
    if chosen["outlet"].nunique() < 2:
        st.info("Choose two outlets or more: distinctive terms set each outlet against the others.")
    else:
        terms = _state.distinctive(filters)
        _chart(
            coverage_terms_figure(terms),
            view,
            lambda c: {"measure": "terms", "outlet": c[0], "key": c[1], "what": f"“{c[1]}”"},
        )
elif view == "trend":
    left, right = st.columns([1, 2])
    measure_name = left.selectbox(
        "Measure", list(MEASURES), format_func=lambda m: MEASURES[m].label, key="coverage_trend_measure"
    )
    keys = sorted(_state.coverage_table("rates", filters, measure_name)["key"].unique())
    key = right.selectbox(f"Only one {MEASURES[measure_name].key_name}", [None, *keys], key="coverage_trend_key")
    table = _state.coverage_table("trend", filters, measure_name, key)
    if table.empty:
        st.info("No dated article among these: a trend needs publication dates.")
    else:
        _chart(
            coverage_trend_figure(table),
            view,
            lambda c: (
                {"measure": measure_name, "outlet": c[0], "month": c[1], "key": key}
                | {"what": f"{MEASURES[measure_name].label.lower()} in {c[1]}"}
            ),
            table,
        )


# ---------------------------------------------------------------------------------------- the sentences


def _sentence_html(row) -> str:
    text = row.sentence
    marked = (
        html.escape(text[: row.mark_start])
        + "<mark>"
        + html.escape(text[row.mark_start : row.mark_end])
        + "</mark>"
        + html.escape(text[row.mark_end :])
    )
    link = f'<a href="./?article={html.escape(row.article_id)}" target="_self">open in Compare</a>'
    meta = " · ".join(html.escape(str(x)) for x in (row.outlet, row.published or "undated", row.title) if x)
    return f'<div class="fr-cov"><div class="fr-cov-meta">{meta} · {link}</div>{" ".join(marked.split())}</div>'


pick = st.session_state.get(PICK)
if pick and pick.get("view") == view:
    lib = _state.library()
    total = None
    if pick["measure"] == "terms":
        found = term_sentences(lib, _state.term_matrix(), chosen, pick["key"], outlet=pick["outlet"], limit=SHOWN)
    else:
        hits = cell_hits(
            cov,
            chosen,
            pick["measure"],
            outlet=pick.get("outlet"),
            key=pick.get("key"),
            month=pick.get("month"),
            speaker=pick.get("speaker"),
            limit=SHOWN,  # only these are read; how many there are in all comes with them
        )
        found = sentences_behind(lib, cov, hits, limit=SHOWN)
        total = int(hits.attrs.get("total", len(hits)))
    where = f" in {pick['outlet']}" if pick.get("outlet") else " across the chosen outlets"
    shown = f"{len(found)} sentence(s)"
    if total is not None and total > len(found):
        shown = f"the newest {len(found)} of {total} hits"
    articles_n = found["article_id"].nunique() if len(found) else 0
    st.markdown(
        f"**Sentences behind it: {md_escape(pick['what'] + where)}** — {shown}, across {articles_n} article(s)."
    )
    if found.empty:
        st.info("No sentence behind this number.")
    else:
        st.html(STYLE + "".join(_sentence_html(r) for r in found.itertuples()))
