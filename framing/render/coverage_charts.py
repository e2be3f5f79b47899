"""Plotly figures of the Coverage page: rates per 1,000 words with their bootstrap intervals, a monthly
trend, and distinctive terms. Pure functions from the frames of :mod:`framing.corpus` to figures.

Every point carries ``customdata`` = [outlet, key or month, ...], so a click can be traced back to the
sentences behind it. A rate resting on few hits or articles is drawn faded, and its hover says so.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from framing.render.charts import PALETTE

FEW_NOTE = "too few hits or articles to compare"


def _layout(fig: go.Figure, height: int, **extra) -> go.Figure:
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        height=height,
        font={"size": 13},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "title": {"text": ""}},
        clickmode="event+select",
        **extra,
    )
    return fig


def _pretty(key: str) -> str:
    return key.replace("_", " ")


def coverage_rates_figure(table: pd.DataFrame, *, key_title: str = "", height: int = 340) -> go.Figure:
    """Grouped bars, one colour per outlet: hits per 1,000 words of each key, with the 95% interval."""
    fig = go.Figure()
    for i, (outlet, part) in enumerate(table.groupby("outlet", sort=True)):
        few = part["few"].astype(bool).to_numpy()
        fig.add_bar(
            name=str(outlet),
            x=[_pretty(str(k)) for k in part["key"]],
            y=part["per_1000"],
            error_y=_interval(part, 1.2),
            marker={"color": PALETTE[i % len(PALETTE)], "opacity": [0.35 if f else 0.9 for f in few]},
            customdata=_hover_data(outlet, part, "key"),
            hovertemplate="%{x}: %{y:.2f} per 1,000 words<br>%{customdata[2]} hits in %{customdata[3]} articles"
            "%{customdata[4]}<extra>%{customdata[0]}</extra>",
        )
    return _layout(fig, height, barmode="group", yaxis_title="per 1,000 words (95% interval)", xaxis_title=key_title)


def _interval(part: pd.DataFrame, thickness: float) -> dict:
    """The 95% interval around each rate, as plotly's asymmetric error bars."""
    return {
        "type": "data",
        "symmetric": False,
        "array": (part["high"] - part["per_1000"]).clip(lower=0),
        "arrayminus": (part["per_1000"] - part["low"]).clip(lower=0),
        "thickness": thickness,
    }


def _hover_data(outlet: object, part: pd.DataFrame, column: str) -> list[list]:
    """Per point: the outlet, its key or month, hits, articles, and the small-count note where it applies."""
    return [
        [str(outlet), str(getattr(r, column)), int(r.hits), int(r.articles), f"<br><i>{FEW_NOTE}</i>" if r.few else ""]
        for r in part.itertuples()
    ]


def coverage_trend_figure(table: pd.DataFrame, *, height: int = 340) -> go.Figure:
    """A line per outlet: the monthly rate per 1,000 words with its 95% interval."""
    fig = go.Figure()
    for i, (outlet, part) in enumerate(table.groupby("outlet", sort=True)):
        part = part.sort_values("month")
        few = part["few"].astype(bool).to_numpy()
        fig.add_scatter(
            name=str(outlet),
            x=part["month"],
            y=part["per_1000"],
            mode="lines+markers",
            line={"color": PALETTE[i % len(PALETTE)]},
            marker={"size": [7 if f else 10 for f in few], "symbol": ["circle-open" if f else "circle" for f in few]},
            error_y=_interval(part, 1),
            customdata=_hover_data(outlet, part, "month"),
            hovertemplate="%{x}: %{y:.2f} per 1,000 words<br>%{customdata[2]} hits in %{customdata[3]} articles"
            "%{customdata[4]}<extra>%{customdata[0]}</extra>",
        )
    return _layout(fig, height, yaxis_title="per 1,000 words (95% interval)", xaxis={"type": "category"})


def coverage_terms_figure(table: pd.DataFrame, *, height: int = 340) -> go.Figure:
    """Horizontal bars of each outlet's most distinctive terms by log-odds z-score (the highest on top)."""
    fig = go.Figure()
    for i, (outlet, part) in enumerate(table.groupby("outlet", sort=True)):
        part = part.iloc[::-1]
        fig.add_bar(
            name=str(outlet),
            x=part["z"],
            y=[f"{t} · {outlet}" for t in part["term"]],
            orientation="h",
            marker_color=PALETTE[i % len(PALETTE)],
            customdata=[[str(outlet), str(r.term), int(r.count), int(r.rest)] for r in part.itertuples()],
            hovertemplate="<b>%{customdata[1]}</b>: z = %{x:.2f}<br>%{customdata[2]} uses here, "
            "%{customdata[3]} in the other outlets<extra>%{customdata[0]}</extra>",
        )
    fig.add_vline(x=1.96, line_dash="dot", line_color="#888")
    title = "log-odds z-score (this outlet against the others)"
    return _layout(fig, max(height, 18 * len(table) + 60), xaxis_title=title)
