"""Lexicons page: every entry behind the highlights, with its category, explanation and source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from views import _state
from views._ui import family_label

st.title("Lexicons")
st.caption(
    "Every highlight comes from one of these entries. Each has an id, a category, an explanation shown to "
    "readers and a source. Matching is by whole words, longest phrase first, with inflected forms."
)

lexicons = _state.lexicons()
query = st.text_input("Search terms and explanations", key="lexicons_query").strip().lower()

tabs = st.tabs([f"{family_label(name)} ({len(lex.entries)})" for name, lex in lexicons.items()])
for tab, lex in zip(tabs, lexicons.values()):
    with tab:
        st.write(lex.description)
        st.caption(f"Lexicon '{lex.name}', version {lex.version}")
        cats = pd.DataFrame({"category": list(lex.categories), "meaning": list(lex.categories.values())})
        st.dataframe(cats, hide_index=True, width="stretch")
        rows = [
            {
                "id": e.id,
                "term": e.term,
                "forms matched": ", ".join(e.surface) if e.context != "rule" else "(a rule, see source)",
                "category": e.category,
                "explanation": e.explain + (f" Usage: {e.usage}" if e.usage else ""),
                "source": e.source,
                "needs speech context": e.context == "speech",
            }
            for e in lex.entries
        ]
        df = pd.DataFrame(rows)
        if query:
            mask = df.apply(lambda r: query in " ".join(str(v) for v in r.values).lower(), axis=1)
            df = df[mask]
        st.dataframe(df, hide_index=True, width="stretch")
