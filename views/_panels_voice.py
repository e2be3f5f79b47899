"""Compare-page tabs about people and stance: voices, agency and frames, tone.

pandas and Plotly (framing.render.charts) are imported inside the panels, so that importing this module costs
nothing before the highlighted articles are drawn.
"""

from __future__ import annotations

import streamlit as st

from framing import Comparison
from framing.analysis import CAVEAT, article_tone
from framing.indicators import frame_profile
from views import _state
from views._ui import md_escape


def _columns(n: int) -> list:
    return st.columns(min(n, 3), gap="large")


def voices(comparison: Comparison) -> None:
    import pandas as pd

    from framing.render import article_label, share_of_voice_figure

    analyses = comparison.analyses
    st.subheader("Share of voice")
    st.caption(
        "Quoted words per speaker. A speaker named in several ways (Blinken, Antony Blinken, he) is counted once; "
        "'he said' goes to the person last named as a speaker."
    )
    how = _state.parser_status()
    if how.available:
        st.caption(f"Speakers found from each sentence's grammar ({md_escape(how.detail)}).")
    else:
        st.warning(
            f"Speakers found by word rules only, which are less accurate: {md_escape(how.detail)}. "
            "Reinstall with `pip install -r requirements.txt` to get the grammar model back."
        )
    st.plotly_chart(share_of_voice_figure(analyses), key="compare_voice")
    cols = _columns(len(analyses))
    for k, an in enumerate(analyses):
        with cols[k % len(cols)]:
            st.markdown(f"**{md_escape(article_label(an))}**")
            order = {sp.name: rank for rank, sp in enumerate(sorted(an.speakers, key=lambda s: s.first_position), 1)}
            rows = [
                {
                    "speaker": sp.name,
                    "quotations": sp.quotes,
                    "quoted words": sp.words,
                    "reported without quotes": sp.indirect,
                    "order of appearance": order[sp.name],
                    "introduced with": ", ".join(f"{v} ({s}{' ×' + str(n) if n > 1 else ''})" for v, s, n in sp.verbs),
                }
                for sp in an.speakers
            ]
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
            with st.expander(f"Every quotation ({sum(1 for q in an.quotes if q.kind != 'scare')})"):
                quotes = [
                    {
                        "kind": q.kind,
                        "speaker": q.speaker or "(not found)",
                        "verb": q.verb,
                        "stance": q.stance,
                        "words": q.text,
                    }
                    for q in an.quotes
                    if q.kind != "scare"
                ]
                st.dataframe(pd.DataFrame(quotes), hide_index=True, width="stretch")


def agency_and_frames(comparison: Comparison) -> None:
    import pandas as pd

    from framing.render import article_label, frames_figure

    analyses = comparison.analyses
    st.subheader("Who did what? Agency")
    st.caption(
        "Passive verbs without a doer ('were killed') and verbs of outcome ('died', 'clashes erupted') let an "
        "article report what happened without saying who did it."
    )
    cols = _columns(len(analyses))
    for k, an in enumerate(analyses):
        with cols[k % len(cols)]:
            st.markdown(f"**{md_escape(article_label(an))}**")
            rows = [
                {
                    "words": h.text,
                    "kind": h.category.replace("_", " "),
                    "doer named": h.agent or "—",
                    "in quote": h.in_quote,
                    "why it matters": h.explain,
                }
                for h in an.hits
                if h.family == "agency"
            ]
            if rows:
                st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
            else:
                st.write("No passive or outcome verbs found.")
    st.subheader("Frame cues")
    st.caption(
        "Words that point toward one of the 14 policy frames of the Policy Frames Codebook (Boydstun et al.). "
        "These are cues, not a classification: a count of words is not a coder's judgement of the frame."
    )
    categories = list(_state.lexicons()["frames"].categories)
    profiles = [
        (article_label(an), frame_profile([h for h in an.hits if h.family == "frames"], an.word_count, categories))
        for an in analyses
    ]
    st.plotly_chart(frames_figure(profiles), key="compare_frames")


def tone(comparison: Comparison) -> None:
    import pandas as pd

    from framing.render import actor_tone_figure, article_label

    st.subheader("Tone (VADER)")
    st.warning(CAVEAT)
    analyses = comparison.analyses
    cols = st.columns(len(analyses))
    for col, an in zip(cols, analyses):
        stats = article_tone(comparison.tones.get(an.article.id, ()))
        mean = stats.get("mean")
        col.metric(
            f"{article_label(an)}: mean tone",
            "—" if mean is None else f"{mean:+.2f}",
            help="Mean VADER compound score of the sentences, from -1 (negative) to +1 (positive).",
        )
        if stats.get("count"):
            col.caption(
                f"{round(100 * stats['negative_share'])}% of {stats['count']} sentences negative, "
                f"{round(100 * stats['positive_share'])}% positive"
            )
    rows = [
        {"article": article_label(an), "actor": actor, "mean": s["mean"], "count": s["count"]}
        for an in analyses
        for actor, s in comparison.actor_tones.get(an.article.id, {}).items()
        if s.get("count")
    ]
    if rows:
        st.subheader("Tone of the sentences that mention each actor")
        st.plotly_chart(actor_tone_figure(pd.DataFrame(rows)), key="compare_actor_tone")
    with st.expander("Every sentence with its score"):
        for an in analyses:
            st.markdown(f"**{md_escape(article_label(an))}**")
            data = [
                {"tone": t.compound, "sentence": an.article.text[t.start : t.end]}
                for t in comparison.tones.get(an.article.id, ())
            ]
            st.dataframe(pd.DataFrame(data), hide_index=True, width="stretch")
