"""Compare-page tabs about the text itself: highlights, summary, selection and vocabulary.

pandas, Plotly (framing.render.charts), alignment and log-odds are imported inside the panels that use them, so
that the highlighted articles, the first thing a visitor sees, are drawn before those modules load.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from framing import FAMILIES, ArticleAnalysis, Comparison
from framing.indicators import DEFAULT_SHOWN
from framing.render import css, highlight_html, legend_html, spans_html
from views import _state
from views._ui import family_label, md_escape

STYLE = f"<style>{css()}</style>"


def _rows(n: int, per_row: int = 3) -> list[list[int]]:
    return [list(range(i, min(n, i + per_row))) for i in range(0, n, per_row)]


def _evidence_table(an: ArticleAnalysis, shown: Sequence[str]) -> None:
    import pandas as pd

    rows = [
        {
            "kind": family_label(h.family),
            "category": h.category.replace("_", " "),
            "words": h.text,
            "in quote": h.in_quote,
            "speaker or doer": h.speaker or h.agent,
            "why it matters": h.explain,
            "position": h.start,
        }
        for h in an.hits
        if h.family in shown
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def cue_picker() -> list[str]:
    """The kinds of cue to highlight, and the legend: the top of the Highlights tab.

    Needs no analysis, so the page draws it before analysing: the browser loads the code for these
    elements (the HTML one the articles use too) while the articles are being analysed.
    """
    shown = st.pills(
        "Highlight these kinds of cue",
        list(FAMILIES),
        selection_mode="multi",
        default=list(DEFAULT_SHOWN),
        format_func=family_label,
        key="compare_families",
    )
    st.html(STYLE + legend_html(FAMILIES))
    return list(shown or [])


def highlights(analyses: Sequence[ArticleAnalysis], shown: Sequence[str]) -> None:
    """The highlighted articles side by side, each with its evidence list below, then the charts of rates.

    Needs only the analyses, not the whole comparison: the page draws this tab before comparing. The
    articles go out first; the evidence lists (collapsed) are placed below them at once but filled last,
    after the charts, so that importing pandas for their tables holds up nothing else on the tab.
    """
    evidence = []
    for row in _rows(len(analyses)):
        cols = st.columns(len(row), gap="large")
        for col, k in zip(cols, row):
            an = analyses[k]
            with col:
                st.subheader(md_escape(an.article.outlet or "Unknown outlet"))
                st.caption(f"{an.word_count} words · " + " · ".join(_count_text(an, f) for f in shown))
                st.html(STYLE + highlight_html(an.article.text, an.hits, families=shown, quotes=an.quotes))
        for col, k in zip(cols, row):  # below each article, as if written in the same pass
            cues = sum(1 for h in analyses[k].hits if h.family in shown)
            evidence.append((col.expander(f"Evidence list ({cues} cues)"), analyses[k]))
    from framing.render import categories_figure, rates_figure

    st.subheader("How often each kind of cue appears")
    st.plotly_chart(rates_figure(analyses), key="compare_rates")
    thin = [family_label(f) for f in FAMILIES if 0 < max(an.counts()[f] for an in analyses) <= 2]
    st.caption(
        "Rates are hits per 1,000 words, so long and short articles compare. A few articles are a small sample: "
        "a difference shows how these reports were written, not how an outlet always writes."
        + (f" Resting on only one or two hits: {', '.join(thin)}." if thin else "")
    )
    st.subheader("Inside one kind of cue")
    family = st.selectbox("Kind of cue", list(FAMILIES), format_func=family_label, key="compare_breakdown_family")
    lexicon = _state.lexicons()[family]
    st.plotly_chart(categories_figure(analyses, family, list(lexicon.categories)), key="compare_breakdown")
    present = {h.category for an in analyses for h in an.hits if h.family == family}
    st.caption(
        "Numbers on the bars are hits; hover to see how many are in the outlet's own words rather than in quotes. "
        + " ".join(
            f"**{md_escape(c.replace('_', ' '))}**: {md_escape(t)}"
            for c, t in lexicon.categories.items()
            if c in present
        )
    )
    for box, an in evidence:  # last: pandas is imported for these tables
        with box:
            _evidence_table(an, shown)


def summary(comparison: Comparison) -> None:
    from framing.render import article_label, fingerprint_frame

    st.subheader("What the numbers say")
    by_id = {an.article.id: an for an in comparison.analyses}
    for line in comparison.summary:
        st.markdown(f"- {md_escape(line.text)}")
        if line.evidence:
            with st.expander(f"Evidence ({len(line.evidence)})", expanded=False):
                for ev in line.evidence[:30]:
                    an = by_id[ev.article]
                    st.markdown(
                        f"**{md_escape(article_label(an))}** · “{md_escape(an.article.text[ev.start : ev.end])}”"
                    )
    _choices(comparison)
    st.subheader("Fingerprint: every kind of cue per 1,000 words")
    st.dataframe(fingerprint_frame(comparison.analyses), hide_index=True, width="stretch")
    st.caption(
        "Labels count side-marked names only: a plain name (IDF, killed, West Bank) is highlighted as the choice "
        "it is, but it is not contested and is not counted."
    )


def _count_text(an: ArticleAnalysis, family: str) -> str:
    """ "Labels: 2 side-marked of 9 names"; other families: "Hedges & boosters: 4"."""
    count = an.counts((family,))[family]
    if family != "labels":
        return f"{family_label(family)}: {count}"
    names = sum(1 for h in an.hits if h.family == "labels")
    return f"{family_label(family)}: {count} side-marked of {names} name{'s' if names != 1 else ''}"


def _choices(comparison: Comparison) -> None:
    """The concept × article table of names chosen, in each outlet's own words."""
    import pandas as pd

    from framing.analysis import choice_table

    rows = choice_table(comparison.analyses)
    st.subheader("Names chosen for contested things")
    if not rows:
        st.caption("None of these articles names a concept of the labels lexicon in its own words.")
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(
        "One row per concept, one column per article, in the outlet's own words (names inside quotations are the "
        "speaker's and are left out). A name marked with a side in brackets adopts that side's view and counts as "
        "contested; a name with no mark is the plain name wire services use: a choice too, shown but not counted. "
        "Articles are compared by the names they choose, never by how many label words they use."
    )


def selection(comparison: Comparison) -> None:
    from framing.analysis import word_diff
    from framing.render import article_label

    analyses = comparison.analyses
    names = [article_label(an) for an in analyses]
    pairs = [(i, j) for i, j, _ in comparison.alignments]
    pick = 0
    if len(pairs) > 1:
        pick = st.selectbox(
            "Pair of articles",
            range(len(pairs)),
            format_func=lambda k: f"{names[pairs[k][0]]} and {names[pairs[k][1]]}",
            key="compare_align_pair",
        )
    threshold = st.slider(
        "How similar two sentences must be to count as reporting the same thing",
        min_value=0.05,
        max_value=0.8,
        value=0.22,
        step=0.01,
        key="compare_align_threshold",
        help="TF-IDF cosine similarity of the content words. Lower finds more pairs, and more wrong ones.",
    )
    ids = tuple(an.article.id for an in analyses)
    realigned = _state.realigned(ids, round(threshold, 2), comparison)
    i, j, al = realigned.alignments[pick]
    a, b = analyses[i], analyses[j]
    st.html(STYLE)
    st.subheader(f"Reported by both ({len(al.pairs)} pairs)")
    st.caption("Words that one sentence has and the other does not are marked.")
    for p in al.pairs:
        sa, sb = a.sentences[p.a], b.sentences[p.b]
        ta, tb = a.article.text[sa.start : sa.end], b.article.text[sb.start : sb.end]
        da, db = word_diff(ta, tb)
        left, right = st.columns(2, gap="large")
        left.html(f'<div class="fr-sentence">{spans_html(ta, da)}</div>')
        right.html(f'<div class="fr-sentence">{spans_html(tb, db)}</div>')
        st.caption(f"similarity {p.similarity:.2f}")
    left, right = st.columns(2, gap="large")
    for col, an, only in ((left, a, al.only_a), (right, b, al.only_b)):
        with col:
            st.subheader(f"Only in {md_escape(article_label(an))} ({len(only)} of {len(an.sentences)})")
            for k in only:
                s = an.sentences[k]
                st.markdown(f"- {md_escape(an.article.text[s.start : s.end])}")


def vocabulary(comparison: Comparison) -> None:
    from framing.analysis import scatter_frame, term_sentences
    from framing.render import PALETTE, article_label, logodds_figure, terms_figure

    analyses = comparison.analyses
    labels = {an.article.id: article_label(an) for an in analyses}
    st.subheader("Words that set each article apart (log-odds)")
    st.caption(
        "Each dot is a word or two-word phrase: how often this article uses it (across) against how strongly "
        "it leans to this article rather than the others (up; Monroe, Colaresi and Quinn's log-odds with an "
        "informative prior). Above the dotted line (z > 1.96) the lean is unlikely to be chance; with two short "
        "articles few words get there. Click a dot, or pick a term below, to read its sentences."
    )
    frame = scatter_frame(comparison.log_odds)
    if frame.empty:
        st.info("Not enough words to compare.")
        return
    event = st.plotly_chart(
        logodds_figure(frame, labels), key="compare_logodds", on_select="rerun", selection_mode="points"
    )
    sparse = frame["sparse"].mean()
    if sparse > 0.5:
        st.warning(
            f"{round(100 * sparse)}% of these terms occur fewer than 3 times in all articles together: "
            "counts this small mean little. Treat the chart as a list of leads to read, not as findings."
        )
    top = frame.sort_values("z", ascending=False)
    options = list(dict.fromkeys(top["term"]))
    clicked = None
    points = getattr(getattr(event, "selection", None), "points", None) or []
    if points:
        clicked = points[0].get("text")
    term = st.selectbox(
        "Sentences for the term",
        options,
        index=options.index(clicked) if clicked in options else 0,
        key="compare_term",
    )
    for an in analyses:
        spans = term_sentences(term, an.article.text)
        st.markdown(f"**{md_escape(labels[an.article.id])}**: {len(spans)} sentence{'s' if len(spans) != 1 else ''}")
        for start, end in spans[:12]:
            st.markdown(f"> {md_escape(an.article.text[start:end])}")
    st.subheader("Distinctive terms (TF-IDF)")
    cols = st.columns(min(len(analyses), 3), gap="large")
    for k, an in enumerate(analyses):
        with cols[k % len(cols)]:
            st.markdown(f"**{md_escape(labels[an.article.id])}**")
            if an.distinctive_terms:
                st.plotly_chart(terms_figure(an, color=PALETTE[k % len(PALETTE)]), key=f"compare_terms_{k}")
            else:
                st.info("Too few words for distinctive terms.")
