"""Downloads of a comparison: the self-contained HTML report, and hits, quotes and rates as CSV and JSON.

Every file is built only when its button is clicked (a callable as ``data``), not on every rerun, and
what builds them (pandas, Plotly, the HTML report) is imported only then too.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from framing import Comparison, to_dict
from framing.library import neutralise_cell

if TYPE_CHECKING:
    import pandas as pd


def _csv(frame: pd.DataFrame) -> str:
    """CSV safe to open in a spreadsheet: text cells that look like formulas are neutralised."""
    safe = frame.copy()
    for col in safe.columns:
        if safe[col].dtype == object or str(safe[col].dtype).startswith("str"):
            safe[col] = safe[col].map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
    return safe.to_csv(index=False)


def hits_frame(comparison: Comparison) -> pd.DataFrame:
    import pandas as pd

    from framing.render import article_label

    return pd.DataFrame(
        [
            {
                "article": article_label(an),
                "article_id": an.article.id,
                "family": h.family,
                "category": h.category,
                "text": h.text,
                "start": h.start,
                "end": h.end,
                "in_quote": h.in_quote,
                "speaker": h.speaker,
                "agent": h.agent,
                "entry_id": h.entry_id,
                "source": h.source,
                "explain": h.explain,
            }
            for an in comparison.analyses
            for h in an.hits
        ]
    )


def quotes_frame(comparison: Comparison) -> pd.DataFrame:
    import pandas as pd

    from framing.render import article_label

    return pd.DataFrame(
        [
            {"article": article_label(an), "article_id": an.article.id, **q.to_dict()}
            for an in comparison.analyses
            for q in an.quotes
        ]
    )


def _report(comparison: Comparison) -> str:
    from framing.render import render_report

    return render_report(comparison)


def _rates(comparison: Comparison) -> str:
    from framing.render import fingerprint_frame

    return _csv(fingerprint_frame(comparison.analyses))


def downloads(comparison: Comparison) -> None:
    with st.expander("Download this comparison (report, CSV, JSON)"):
        c1, c2, c3, c4 = st.columns(4)
        c1.download_button(
            "Report (HTML, opens offline, prints to PDF)",
            lambda: _report(comparison),  # built only when clicked
            "framing-report.html",
            "text/html",
            key="compare_dl_report",
        )
        c2.download_button(
            "Hits (CSV)", lambda: _csv(hits_frame(comparison)), "hits.csv", "text/csv", key="compare_dl_hits"
        )
        c3.download_button(
            "Quotes (CSV)", lambda: _csv(quotes_frame(comparison)), "quotes.csv", "text/csv", key="compare_dl_quotes"
        )
        c4.download_button(
            "Rates (CSV)",
            lambda: _rates(comparison),
            "rates.csv",
            "text/csv",
            key="compare_dl_rates",
        )
        st.download_button(
            "Everything (JSON, the command line's format)",
            lambda: json.dumps(to_dict(comparison), ensure_ascii=False, indent=1),
            "comparison.json",
            "application/json",
            key="compare_dl_json",
        )
