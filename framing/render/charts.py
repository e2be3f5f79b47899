"""Plotly figures from analyses: pure functions from records to figures, no Streamlit."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from framing.indicators import FAMILIES
from framing.models import ArticleAnalysis
from framing.render.highlight import counted_label

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")


def article_label(an: ArticleAnalysis) -> str:
    return an.article.outlet or an.article.title[:40] or an.article.id


def rates_frame(analyses: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """One row per article and family: hits, words and hits per 1,000 words."""
    rows = []
    for an in analyses:
        counts, rates = an.counts(), an.rates()
        for fam in FAMILIES:
            rows.append(
                {
                    "article": article_label(an),
                    "family": counted_label(fam),
                    "hits": counts[fam],
                    "words": an.word_count,
                    "per_1000_words": rates[fam],
                }
            )
    return pd.DataFrame(rows)


def rates_figure(analyses: Sequence[ArticleAnalysis]) -> go.Figure:
    """Grouped bars of hits per 1,000 words; the raw count is printed on each bar."""
    df = rates_frame(analyses)
    fig = go.Figure()
    for i, (name, part) in enumerate(df.groupby("article", sort=False)):
        fig.add_bar(
            name=str(name),
            x=part["family"],
            y=part["per_1000_words"],
            text=[f"{h} hit{'s' if h != 1 else ''}" for h in part["hits"]],
            textposition="outside",
            marker_color=PALETTE[i % len(PALETTE)],
            customdata=part[["hits", "words"]].to_numpy(),
            hovertemplate="%{x}<br>%{y:.1f} per 1,000 words<br>%{customdata[0]} hits in %{customdata[1]} words"
            f"<extra>{name}</extra>",
        )
    fig.update_layout(
        barmode="group",
        yaxis_title="hits per 1,000 words",
        legend_title_text="article",
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        height=380,
        font={"size": 14},
    )
    return fig


def terms_figure(an: ArticleAnalysis, *, color: str = PALETTE[0]) -> go.Figure:
    """Horizontal bars of an article's distinctive terms, best at the top."""
    terms = list(an.distinctive_terms)[::-1]
    fig = go.Figure(
        go.Bar(
            x=[t.score for t in terms],
            y=[t.term for t in terms],
            orientation="h",
            marker_color=color,
            hovertemplate="%{y}: TF-IDF %{x:.3f}<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis_title="TF-IDF weight",
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=max(220, 26 * len(terms) + 60),
        font={"size": 14},
    )
    return fig


def categories_frame(analyses: Sequence[ArticleAnalysis], family: str, categories: Sequence[str]) -> pd.DataFrame:
    """Hits of one family by category for each article: counts and per 1,000 words."""
    rows = []
    for an in analyses:
        for cat in categories:
            n = sum(1 for h in an.hits if h.family == family and h.category == cat)
            rows.append(
                {
                    "article": article_label(an),
                    "category": cat.replace("_", " "),
                    "hits": n,
                    "per_1000_words": round(n * 1000 / an.word_count, 2) if an.word_count else 0.0,
                    "own_words": sum(1 for h in an.hits if h.family == family and h.category == cat and not h.in_quote),
                }
            )
    return pd.DataFrame(rows)


def categories_figure(analyses: Sequence[ArticleAnalysis], family: str, categories: Sequence[str]) -> go.Figure:
    """Grouped bars of one family's categories (e.g. neutral against distancing reporting verbs)."""
    df = categories_frame(analyses, family, categories)
    df = df[df.groupby("category")["hits"].transform("sum") > 0]
    fig = go.Figure()
    for i, (name, part) in enumerate(df.groupby("article", sort=False)):
        fig.add_bar(
            name=str(name),
            x=part["category"],
            y=part["per_1000_words"],
            text=[str(h) for h in part["hits"]],
            textposition="outside",
            marker_color=PALETTE[i % len(PALETTE)],
            customdata=part[["hits", "own_words"]].to_numpy(),
            hovertemplate="%{x}<br>%{y:.1f} per 1,000 words<br>%{customdata[0]} hits, %{customdata[1]} in the "
            f"outlet's own words<extra>{name}</extra>",
        )
    fig.update_layout(
        barmode="group",
        yaxis_title="hits per 1,000 words",
        legend_title_text="article",
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        height=360,
        font={"size": 14},
    )
    return fig


def fingerprint_frame(analyses: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """Every family per 1,000 words, one row per article: the comparison at a glance."""
    rows = []
    for an in analyses:
        row: dict[str, object] = {"article": article_label(an), "words": an.word_count}
        for fam, value in an.rates().items():
            row[counted_label(fam)] = value
        rows.append(row)
    return pd.DataFrame(rows)


def share_of_voice_figure(analyses: Sequence[ArticleAnalysis]) -> go.Figure:
    """Quoted words per speaker in each article (horizontal bars, one trace per article)."""
    fig = go.Figure()
    for i, an in enumerate(analyses):
        speakers = [sp for sp in an.speakers if sp.words or sp.indirect]
        fig.add_bar(
            name=article_label(an),
            y=[sp.name for sp in speakers],
            x=[sp.words for sp in speakers],
            orientation="h",
            marker_color=PALETTE[i % len(PALETTE)],
            customdata=[[sp.quotes, sp.indirect] for sp in speakers],
            hovertemplate="%{y}: %{x} quoted words in %{customdata[0]} quotations, "
            f"%{{customdata[1]}} reported without quotation marks<extra>{article_label(an)}</extra>",
        )
    n = len({sp.name for an in analyses for sp in an.speakers})
    fig.update_layout(
        barmode="group",
        xaxis_title="quoted words",
        yaxis={"autorange": "reversed"},
        height=max(260, 34 * n + 80),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"size": 14},
        legend_title_text="article",
    )
    return fig


def frames_figure(profiles: Sequence[tuple[str, dict[str, dict]]]) -> go.Figure:
    """Frame-cue profile: cues per 1,000 words for each of the 14 frames, one trace per article."""
    fig = go.Figure()
    for i, (label, profile) in enumerate(profiles):
        frames = list(profile)
        fig.add_bar(
            name=label,
            x=[f.replace("_", " ") for f in frames],
            y=[profile[f]["per_1000_words"] for f in frames],
            marker_color=PALETTE[i % len(PALETTE)],
            customdata=[[profile[f]["hits"], ", ".join(profile[f]["terms"][:8])] for f in frames],
            hovertemplate="%{x}: %{y:.1f} cues per 1,000 words (%{customdata[0]})<br>%{customdata[1]}"
            f"<extra>{label}</extra>",
        )
    fig.update_layout(
        barmode="group",
        yaxis_title="cues per 1,000 words",
        height=400,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"size": 13},
        legend_title_text="article",
    )
    return fig


def actor_tone_figure(rows: pd.DataFrame) -> go.Figure:
    """Mean VADER compound of the sentences mentioning each actor; ``rows``: article, actor, mean, count."""
    fig = go.Figure()
    for i, (name, part) in enumerate(rows.groupby("article", sort=False)):
        fig.add_bar(
            name=str(name),
            x=part["actor"],
            y=part["mean"],
            text=[f"{c} sent." for c in part["count"]],
            textposition="outside",
            marker_color=PALETTE[i % len(PALETTE)],
            hovertemplate="%{x}: mean tone %{y:.2f}<extra>" + str(name) + "</extra>",
        )
    fig.update_layout(
        barmode="group",
        yaxis={"title": "mean tone (VADER compound, -1 to 1)", "range": [-1.1, 1.1]},
        height=380,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"size": 13},
        legend_title_text="article",
    )
    return fig


def logodds_figure(frame: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Scatter of every term: frequency in its article against its log-odds z-score (one-vs-rest)."""
    fig = go.Figure()
    for i, (group, part) in enumerate(frame.groupby("group", sort=False)):
        fig.add_scatter(
            name=labels.get(str(group), str(group)),
            x=part["frequency"],
            y=part["z"],
            mode="markers",
            text=part["term"],
            customdata=part[["count", "sparse"]].to_numpy(),
            marker={"color": PALETTE[i % len(PALETTE)], "size": 9, "opacity": 0.75},
            hovertemplate="<b>%{text}</b><br>z = %{y:.2f}; %{customdata[0]} uses"
            "<br>%{x:.1f} per 1,000 terms<extra>%{fullData.name}</extra>",
        )
    fig.add_hline(y=1.96, line_dash="dot", line_color="#888")
    fig.add_hline(y=-1.96, line_dash="dot", line_color="#888")
    fig.update_layout(
        xaxis={"title": "frequency in the article (per 1,000 terms)", "type": "log"},
        yaxis_title="log-odds z-score (this article against the rest)",
        height=460,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"size": 13},
        legend_title_text="article",
    )
    return fig
