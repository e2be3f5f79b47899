"""Compare page: two articles side by side with every framing cue highlighted and explained."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from framing import FAMILIES, IngestError, read_bytes
from framing.charts import PALETTE, categories_figure, rates_figure, terms_figure
from framing.highlight import css, highlight_html, legend_html
from views import _state
from views._ui import article_choice, family_label, md_escape

st.title("Compare coverage")
st.caption(
    "Two reports of the same event, side by side. Every highlight is evidence, not a verdict: hover over it "
    "(or open the evidence list) to read what it is and why it matters. Shaded text is quoted speech — the "
    "speaker's words, not the outlet's — and highlights inside it are set in italics."
)

articles = {a.id: a for a in _state.available_articles()}
ids = list(articles)

with st.expander("Add your own article (.txt, .md or .json)"):
    upload = st.file_uploader(
        "Article file: the first line of a .txt or .md file is its title",
        type=["txt", "md", "json"],
        key="compare_upload",
    )
    outlet = st.text_input("Outlet name", key="compare_upload_outlet", placeholder="e.g. Reuters")
    if upload is not None:
        try:
            added = read_bytes(upload.getvalue(), upload.name, outlet=outlet.strip() or None)
        except IngestError as exc:
            st.error(f"Not added: {md_escape(str(exc))}")
        else:
            if added.id not in articles:
                _state.uploaded_articles()[added.id] = added
                articles[added.id] = added
                ids.append(added.id)
            st.success(f"Added: {md_escape(article_choice(added))}. Pick it below.")

left_col, right_col = st.columns(2)
left_id = left_col.selectbox(
    "Left article", ids, index=0, key="compare_left", format_func=lambda i: article_choice(articles[i])
)
right_id = right_col.selectbox(
    "Right article",
    ids,
    index=1 if len(ids) > 1 else 0,
    key="compare_right",
    format_func=lambda i: article_choice(articles[i]),
)
if left_id == right_id:
    st.warning("Both sides show the same article. Pick a different one on the right to compare.")

comparison = _state.comparison((articles[left_id], articles[right_id]))

shown = st.pills(
    "Highlight these kinds of cue",
    list(FAMILIES),
    selection_mode="multi",
    default=list(FAMILIES),
    format_func=family_label,
    key="compare_families",
)
st.html(f"<style>{css()}</style>{legend_html(FAMILIES)}")

columns = st.columns(2, gap="large")
for col, an in zip(columns, comparison.analyses):
    with col:
        st.subheader(md_escape(an.article.outlet or "Unknown outlet"))
        counts = an.counts()
        st.caption(f"{an.word_count} words · " + " · ".join(f"{family_label(f)}: {counts[f]}" for f in FAMILIES))
        st.html(f"<style>{css()}</style>" + highlight_html(an.article.text, an.hits, families=shown, quotes=an.quotes))
        with st.expander(f"Evidence list ({len(an.hits)} cues)"):
            rows = [
                {
                    "kind": family_label(h.family),
                    "category": h.category.replace("_", " "),
                    "words": h.text,
                    "in quote": h.in_quote,
                    "why it matters": h.explain,
                    "position": h.start,
                }
                for h in an.hits
                if h.family in shown
            ]
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader("How often each kind of cue appears")
st.plotly_chart(rates_figure(comparison.analyses), key="compare_rates")
thin = [family_label(f) for f in FAMILIES if 0 < max(an.counts()[f] for an in comparison.analyses) <= 2]
st.caption(
    "Rates are hits per 1,000 words, so long and short articles compare. Two articles are a sample of two: "
    "a difference shows how these reports were written, not how an outlet always writes."
    + (f" Resting on only one or two hits: {', '.join(thin)}." if thin else "")
)

st.subheader("Inside one kind of cue")
family = st.selectbox("Kind of cue", list(FAMILIES), format_func=family_label, key="compare_breakdown_family")
lexicon = _state.lexicons()[family]
st.plotly_chart(categories_figure(comparison.analyses, family, list(lexicon.categories)), key="compare_breakdown")
present = {h.category for an in comparison.analyses for h in an.hits if h.family == family}
st.caption(
    "Numbers on the bars are hits; hover to see how many are in the outlet's own words rather than in quotes. "
    + " ".join(
        f"**{md_escape(c.replace('_', ' '))}**: {md_escape(t)}" for c, t in lexicon.categories.items() if c in present
    )
)

st.subheader("Distinctive terms")
st.caption(
    "Words and two-word phrases weighted by TF-IDF across the compared articles: frequent in this article, "
    "rare in the other. Common function words are left out; words such as 'serious' are kept on purpose."
)
term_cols = st.columns(2, gap="large")
for i, (col, an) in enumerate(zip(term_cols, comparison.analyses)):
    with col:
        st.markdown(f"**{md_escape(an.article.outlet or an.article.title)}**")
        if an.distinctive_terms:
            st.plotly_chart(terms_figure(an, color=PALETTE[i % len(PALETTE)]), key=f"compare_terms_{i}")
        else:
            st.info("No distinctive terms: the article has too few words.")
