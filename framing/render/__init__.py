"""Drawing what the analysis found: highlighted text (``highlight``, escaped first, then marked up),
plotly charts (``charts``), the JSON and text reports (``report``), the self-contained HTML report
(``report_html``) and the classroom exercise (``exercise``). The top floor of the engine.

Chart names (plotly, pandas) are imported when first used.
"""

from framing.lazy import exports
from framing.render.exercise import KIND_LABELS, Question, make_questions, sentence_html
from framing.render.highlight import STYLE, css, highlight_html, legend_html, spans_html
from framing.render.report import to_dict, to_text
from framing.render.report_html import render_report

__all__ = [
    "KIND_LABELS",
    "PALETTE",
    "STYLE",
    "Question",
    "actor_tone_figure",
    "article_label",
    "categories_figure",
    "coverage_rates_figure",
    "coverage_terms_figure",
    "coverage_trend_figure",
    "css",
    "fingerprint_frame",
    "frames_figure",
    "highlight_html",
    "legend_html",
    "logodds_figure",
    "make_questions",
    "rates_figure",
    "render_report",
    "sentence_html",
    "share_of_voice_figure",
    "spans_html",
    "terms_figure",
    "to_dict",
    "to_text",
]

__getattr__ = exports(
    __name__,
    {
        name: "charts"
        for name in (
            "PALETTE",
            "actor_tone_figure",
            "article_label",
            "categories_figure",
            "fingerprint_frame",
            "frames_figure",
            "logodds_figure",
            "rates_figure",
            "share_of_voice_figure",
            "terms_figure",
        )
    }
    | dict.fromkeys(("coverage_rates_figure", "coverage_terms_figure", "coverage_trend_figure"), "coverage_charts"),
)
