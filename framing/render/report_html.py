"""A comparison as one self-contained HTML file: opens with no network, prints well to PDF.

Everything is inline: the style sheet (``highlight.css()`` plus the report's own rules) and the charts,
drawn here as plain SVG bars, each with a table of the same numbers beside it. There is no script,
no font, no image and no external reference of any kind; a Content-Security-Policy meta tag forbids
them as well, as a second line of defence.

Every string that comes from an article or its metadata (title, outlet, text, speaker names, terms,
summary text) passes through ``html.escape`` before any markup is added, so nothing from an article
can run: ``<script>`` in a text is shown as the characters ``<script>``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from framing.analysis.tone import CAVEAT, article_tone
from framing.indicators import DEFAULT_SHOWN, FAMILIES
from framing.models import ArticleAnalysis, Comparison
from framing.render.highlight import STYLE, counted_label, css, highlight_html, legend_html

# The palette of framing.render.charts (Okabe-Ito), repeated here so that the report needs no plotly.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _e(value: Any) -> str:
    """Escaped text, for element content and attribute values alike."""
    return html.escape(str(value), quote=True)


def _label(an: ArticleAnalysis) -> str:
    """The article's name in tables and charts (not escaped)."""
    a = an.article
    return a.outlet or a.title[:40] or a.id


def _num(x: float | None, digits: int = 2) -> str:
    if x is None:
        return "–"
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{x:.0f}"


REPORT_CSS = """
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1b1f24;
 background:#fff;margin:0 auto;max-width:1400px;padding:1.2rem 1.5rem;line-height:1.45}
h1{font-size:1.6rem;margin:.2rem 0 .3rem}
h2{font-size:1.25rem;margin:0 0 .6rem;border-bottom:2px solid #d0d5dd;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:.6rem 0 .3rem}
.meta{color:#4a5260;margin:.1rem 0}
.note{background:#FFF6DB;border-left:4px solid #E69F00;padding:.45rem .7rem;margin:.6rem 0}
section.rp{margin:1.6rem 0}
.cols{display:grid;gap:1.2rem;align-items:start}
.cols-1{grid-template-columns:minmax(0,1fr)}
.cols-2{grid-template-columns:repeat(2,minmax(0,1fr))}
.cols-3{grid-template-columns:repeat(3,minmax(0,1fr))}
.cols-many{grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))}
.art{border:1px solid #d0d5dd;border-radius:6px;padding:.7rem .9rem}
.art h3{margin-top:0}
.chart-row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2rem;align-items:start}
svg.chart{width:100%;height:auto;max-width:760px;font-family:inherit}
table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0 .8rem}
th,td{border:1px solid #d0d5dd;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-.05em}
ul.summary li{margin:.25rem 0}
.thin{color:#8a5a00;font-size:.85em}
footer{margin-top:2rem;border-top:1px solid #d0d5dd;padding-top:.6rem;color:#4a5260;font-size:.9rem}
.fr-article mark,.fr-speech,.fr-key,.swatch,svg.chart{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fr-article mark{-webkit-box-decoration-break:clone;box-decoration-break:clone}
@page{size:A4 landscape;margin:12mm}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 section.rp{break-before:page;page-break-before:always;margin:0}
 section.rp.first{break-before:auto;page-break-before:auto}
 h2,h3{break-after:avoid;page-break-after:avoid}
 table,svg.chart,.chart-row,ul.summary li,.note{break-inside:avoid;page-break-inside:avoid}
 tr{break-inside:avoid;page-break-inside:avoid}
 .cols-3,.cols-many{grid-template-columns:repeat(2,minmax(0,1fr))}
 .fr-article{font-size:9.5pt;line-height:1.55}
 .art{border:none;padding:0}
}
@media print and (orientation:portrait){
 .cols{grid-template-columns:minmax(0,1fr)}
 .chart-row{grid-template-columns:minmax(0,1fr)}
}
@media screen and (max-width:900px){
 .cols,.chart-row{grid-template-columns:minmax(0,1fr)}
}
"""


# ----------------------------------------------------------------------------------------- charts


def _bar_chart(
    groups: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], Sequence[str]]],
    *,
    title: str,
    unit: str,
) -> str:
    """Horizontal grouped bars as inline SVG.

    ``groups``: one label per group (rows); ``series``: (name, values per group, text shown at each bar's
    end) per article. Every label is escaped here.
    """
    n = max(1, len(series))
    bar_h, gap, label_w, plot_w, value_w = 14, 10, 170, 420, 90
    group_h = n * bar_h + gap
    legend_h = 18 * len(series) + 8
    top = 26
    height = top + legend_h + group_h * len(groups) + 24
    width = label_w + plot_w + value_w
    top_value = max((v for _, values, _ in series for v in values), default=0) or 1.0
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{_e(title)}">',
        f"<title>{_e(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="600" fill="#1b1f24">{_e(title)}</text>',
    ]
    for i, (name, _, _) in enumerate(series):
        y = top + 18 * i
        color = PALETTE[i % len(PALETTE)]
        out.append(f'<rect x="0" y="{y}" width="12" height="12" fill="{color}"/>')
        out.append(f'<text x="18" y="{y + 10}" font-size="12" fill="#1b1f24">{_e(name)}</text>')
    y0 = top + legend_h
    for g, group in enumerate(groups):
        gy = y0 + g * group_h
        label = group if len(group) <= 26 else group[:25] + "…"
        out.append(
            f'<text x="{label_w - 6}" y="{gy + n * bar_h / 2 + 4:.1f}" font-size="12" text-anchor="end" '
            f'fill="#1b1f24">{_e(label)}</text>'
        )
        for i, (_, values, texts) in enumerate(series):
            v = values[g] if g < len(values) else 0
            w = plot_w * v / top_value
            y = gy + i * bar_h
            color = PALETTE[i % len(PALETTE)]
            out.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{color}"/>')
            t = texts[g] if g < len(texts) else ""
            out.append(f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 4}" font-size="11" fill="#333">{_e(t)}</text>')
    axis_y = y0 + group_h * len(groups)
    out.append(f'<line x1="{label_w}" y1="{top + legend_h - 4}" x2="{label_w}" y2="{axis_y}" stroke="#888"/>')
    out.append(
        f'<text x="{label_w}" y="{axis_y + 16}" font-size="11" fill="#4a5260">{_e(unit)}; '
        f"longest bar = {_e(_num(top_value))}</text>"
    )
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------------------------------- sections


def _section(title: str, body: str, *, first: bool = False, sid: str = "") -> str:
    cls = "rp first" if first else "rp"
    ident = f' id="{_e(sid)}"' if sid else ""
    return f'<section class="{cls}"{ident}><h2>{_e(title)}</h2>{body}</section>'


def _articles(analyses: Sequence[ArticleAnalysis], families: Sequence[str]) -> str:
    n = len(analyses)
    cols = f"cols-{n}" if n <= 3 else "cols-many"
    parts = [legend_html(families)]
    hidden = [STYLE[f]["label"] for f in FAMILIES if f not in families]
    if hidden:
        parts.append(
            '<p class="meta">Not highlighted here (counted in the tables): ' + _e(", ".join(hidden)) + ". "
            "Italic marks are inside quoted speech: the speaker's words, not the outlet's.</p>"
        )
    parts.append(f'<div class="cols {cols}">')
    for an in analyses:
        a = an.article
        meta = [f"{an.word_count} words"]
        for key, value in (("by", a.author), ("published", a.published), ("story", a.story)):
            if value:
                meta.append(f"{key} {value}")
        if a.url:
            meta.append(a.url)  # escaped text, never a link: the report makes no requests
        counts = an.counts()
        parts.append(
            '<article class="art">'
            f"<h3>{_e(a.outlet or 'unknown outlet')}: {_e(a.title or '(untitled)')}</h3>"
            f'<p class="meta">{_e(" · ".join(meta))}</p>'
            f"{legend_html(families, counts)}"
            f"{highlight_html(a.text, an.hits, families=families, quotes=an.quotes)}"
            "</article>"
        )
    parts.append("</div>")
    return "".join(parts)


def _summary(comparison: Comparison) -> str:
    if not comparison.summary:
        return '<p class="meta">No summary lines: the numbers give nothing to say.</p>'
    items = []
    for line in comparison.summary:
        ev = len(line.evidence)
        where = f' <span class="meta">({ev} span{"s" if ev != 1 else ""} of evidence)</span>' if ev else ""
        items.append(f"<li>{_e(line.text)}{where}</li>")
    return f'<ul class="summary">{"".join(items)}</ul>'


def _rates(analyses: Sequence[ArticleAnalysis]) -> str:
    labels = [counted_label(f) for f in FAMILIES]
    series = []
    all_counts = [an.counts() for an in analyses]
    for an, counts in zip(analyses, all_counts):
        rates = an.rates()
        series.append(
            (
                _label(an),
                [rates[f] for f in FAMILIES],
                [f"{_num(rates[f])} ({counts[f]})" for f in FAMILIES],
            )
        )
    chart = _bar_chart(labels, series, title="Hits per 1,000 words, by family", unit="hits per 1,000 words")
    head = "".join(f'<th class="n">{_e(_label(an))}</th>' for an in analyses)
    rows = [f"<tr><td>words</td>{''.join(f'<td class=n>{an.word_count}</td>' for an in analyses)}<td></td></tr>"]
    for f, label in zip(FAMILIES, labels):
        cells = "".join(
            f'<td class="n">{_num(an.rates()[f])} <span class="meta">({c[f]})</span></td>'
            for an, c in zip(analyses, all_counts)
        )
        thin = max(c[f] for c in all_counts) <= 2 and any(c[f] for c in all_counts)
        flag = '<span class="thin">rests on one or two hits</span>' if thin else ""
        rows.append(f"<tr><td>{_e(label)}</td>{cells}<td>{flag}</td></tr>")
    table = (
        "<table><caption>Hits per 1,000 words (hits in brackets)</caption>"
        f"<thead><tr><th>family</th>{head}<th>note</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return (
        '<p class="meta">The fingerprint: every family per 1,000 words, so that articles of different '
        "lengths can be set side by side. Every number counts the highlights shown above, except that labels "
        "count side-marked names only: plain names are highlighted as choices but not counted.</p>"
        f'<div class="chart-row"><div>{chart}</div><div>{table}</div></div>'
    )


def _verbs(verbs: Sequence[tuple[str, str, int]]) -> str:
    return ", ".join(f"{v} ({s or 'no stance'}){f' ×{n}' if n != 1 else ''}" for v, s, n in verbs)


def _speakers(analyses: Sequence[ArticleAnalysis]) -> str:
    totals: dict[str, int] = {}
    for an in analyses:
        for sp in an.speakers:
            totals[sp.name] = totals.get(sp.name, 0) + sp.words
    names = [n for n, w in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])) if w][:12]
    parts = []
    if names:
        series = []
        for an in analyses:
            by = {sp.name: sp for sp in an.speakers}
            values = [by[n].words if n in by else 0 for n in names]
            series.append((_label(an), values, [f"{v} words" if v else "" for v in values]))
        chart = _bar_chart(names, series, title="Share of voice: quoted words per speaker", unit="quoted words")
        head = "".join(f'<th class="n">{_e(_label(an))}</th>' for an in analyses)
        rows = "".join(
            f"<tr><td>{_e(n)}</td>" + "".join(f'<td class="n">{v}</td>' for v in (s[1][i] for s in series)) + "</tr>"
            for i, n in enumerate(names)
        )
        table = (
            f"<table><caption>Quoted words per speaker</caption><thead><tr><th>speaker</th>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
        parts.append(f'<div class="chart-row"><div>{chart}</div><div>{table}</div></div>')
    for an in analyses:
        parts.append(f"<h3>{_e(_label(an))}</h3>")
        if not an.speakers:
            parts.append('<p class="meta">No speaker found.</p>')
            continue
        rows = "".join(
            f"<tr><td>{_e(sp.name)}</td><td class=n>{sp.quotes}</td><td class=n>{sp.words}</td>"
            f"<td class=n>{sp.indirect}</td><td>{_e(_verbs(sp.verbs))}</td></tr>"
            for sp in an.speakers
        )
        parts.append(
            "<table><thead><tr><th>speaker</th><th class=n>quotations</th><th class=n>quoted words</th>"
            "<th class=n>reported without marks</th><th>verbs (stance)</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    return "".join(parts)


def _terms(comparison: Comparison) -> str:
    analyses = comparison.analyses
    n = len(analyses)
    cols = f"cols-{n}" if n <= 3 else "cols-many"
    parts = [
        '<p class="meta">TF-IDF: the words that set each article apart from the other(s); '
        "log-odds z (Monroe, Colaresi and Quinn 2008) where available. Small counts mean little.</p>",
        f'<div class="cols {cols}">',
    ]
    for an in analyses:
        rows = "".join(f"<tr><td>{_e(t.term)}</td><td class=n>{t.score:.3f}</td></tr>" for t in an.distinctive_terms)
        block = [f"<div><h3>{_e(_label(an))}</h3>"]
        block.append(
            f"<table><thead><tr><th>term</th><th class=n>TF-IDF</th></tr></thead><tbody>{rows}</tbody></table>"
            if rows
            else '<p class="meta">No distinctive terms.</p>'
        )
        lo = list(comparison.log_odds.get(an.article.id, ()))[:10]
        if lo:
            lrows = "".join(
                f"<tr><td>{_e(t.term)}</td><td class=n>{t.count}</td><td class=n>{t.rest_count}</td>"
                f"<td class=n>{t.z:.2f}</td><td>{'few counts' if t.sparse else ''}</td></tr>"
                for t in lo
            )
            block.append(
                "<table><thead><tr><th>term</th><th class=n>here</th><th class=n>others</th><th class=n>z</th>"
                f"<th>note</th></tr></thead><tbody>{lrows}</tbody></table>"
            )
        block.append("</div>")
        parts.append("".join(block))
    parts.append("</div>")
    return "".join(parts)


def _sentence(an: ArticleAnalysis, index: int) -> str:
    if 0 <= index < len(an.sentences):
        s = an.sentences[index]
        return an.article.text[s.start : s.end]
    return ""


def _alignment(comparison: Comparison) -> str:
    analyses = comparison.analyses
    if not comparison.alignments:
        return '<p class="meta">Only one article: nothing to align.</p>'
    only_in: dict[int, set[int]] = {}
    parts = [
        '<p class="meta">Sentences of two articles paired by word overlap (TF-IDF cosine), one-to-one. '
        "Alignment matches words, not meanings.</p>"
    ]
    for i, j, al in comparison.alignments:
        a, b = analyses[i], analyses[j]
        for k, alone in ((i, al.only_a), (j, al.only_b)):
            only_in[k] = only_in[k] & set(alone) if k in only_in else set(alone)
        parts.append(
            f"<h3>{_e(_label(a))} and {_e(_label(b))}: {len(al.pairs)} pair{'s' if len(al.pairs) != 1 else ''}, "
            f"{len(al.only_a)} sentences only in {_e(_label(a))}, {len(al.only_b)} only in {_e(_label(b))}</h3>"
        )
        if al.pairs:
            rows = "".join(
                f"<tr><td>{_e(_sentence(a, p.a))}</td><td>{_e(_sentence(b, p.b))}</td>"
                f"<td class=n>{p.similarity:.2f}</td></tr>"
                for p in al.pairs
            )
            parts.append(
                f"<table><thead><tr><th>{_e(_label(a))}</th><th>{_e(_label(b))}</th><th class=n>similarity</th>"
                f"</tr></thead><tbody>{rows}</tbody></table>"
            )
    rows = "".join(
        f"<tr><td>{_e(_label(an))}</td><td class=n>{len(an.sentences)}</td>"
        f"<td class=n>{len(only_in.get(k, ()))}</td></tr>"
        for k, an in enumerate(analyses)
    )
    parts.append(
        "<table><caption>Sentences no other article has a counterpart for</caption>"
        "<thead><tr><th>article</th><th class=n>sentences</th><th class=n>only in this one</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return "".join(parts)


def _tone(comparison: Comparison) -> str:
    rows = []
    for an in comparison.analyses:
        t = article_tone(comparison.tones.get(an.article.id, ()))

        def pct(x: float | None) -> str:
            return "–" if x is None else f"{100 * x:.0f}%"

        rows.append(
            f"<tr><td>{_e(_label(an))}</td><td class=n>{t['count']}</td><td class=n>{_num(t['mean'], 3)}</td>"
            f"<td class=n>{pct(t['negative_share'])}</td><td class=n>{pct(t['positive_share'])}</td></tr>"
        )
    actor_rows = []
    for an in comparison.analyses:
        for name, st in comparison.actor_tones.get(an.article.id, {}).items():
            if st.get("count"):
                actor_rows.append(
                    f"<tr><td>{_e(_label(an))}</td><td>{_e(name)}</td><td class=n>{st['count']}</td>"
                    f"<td class=n>{_num(st['mean'], 3)}</td></tr>"
                )
    out = [
        f'<p class="note">{_e(CAVEAT)}</p>',
        "<table><thead><tr><th>article</th><th class=n>sentences</th><th class=n>mean compound (−1 to +1)</th>"
        "<th class=n>negative sentences</th><th class=n>positive sentences</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>",
    ]
    if actor_rows:
        out.append(
            "<h3>Around each actor</h3><table><thead><tr><th>article</th><th>actor</th>"
            "<th class=n>sentences</th><th class=n>mean compound</th></tr></thead>"
            f"<tbody>{''.join(actor_rows)}</tbody></table>"
        )
    return "".join(out)


def _lexicons(versions: dict[str, str]) -> str:
    rows = "".join(f"<tr><td>{_e(name)}</td><td>{_e(v)}</td></tr>" for name, v in sorted(versions.items()))
    return (
        '<p class="meta">Every highlight comes from an entry of one of these word lists '
        "(its explanation is in the highlight's tooltip).</p>"
        f"<table><thead><tr><th>lexicon</th><th>version</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def shipped_versions() -> dict[str, str]:
    """Name and version of every shipped lexicon."""
    from framing.lexicons import load_shipped

    return {name: lex.version for name, lex in load_shipped().items()}


def sample_note(n: int) -> str:
    if n == 2:
        return (
            "Two articles are a sample of two: the differences shown here describe these two texts, not the "
            "outlets in general. Families marked as resting on one or two hits may differ by chance."
        )
    return (
        f"{n} articles are a small sample: the differences shown here describe these texts, not the outlets in general."
    )


# -------------------------------------------------------------------------------------------- report


def render_report(
    comparison: Comparison,
    *,
    lexicon_versions: dict[str, str] | None = None,
    generated_at: str | None = None,
    families: Sequence[str] = DEFAULT_SHOWN,
) -> str:
    """One self-contained HTML document for a comparison (no script, no network, print-ready)."""
    analyses = comparison.analyses
    versions = shipped_versions() if lexicon_versions is None else dict(lexicon_versions)
    when = generated_at or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    names = [_label(an) for an in analyses]
    title = "Framing report: " + (" vs ".join(names) if names else "no articles")
    titles = "".join(
        f"<li><strong>{_e(an.article.outlet or 'unknown outlet')}</strong>: {_e(an.article.title or '(untitled)')}</li>"
        for an in analyses
    )
    head = (
        f"<h1>{_e(title)}</h1>"
        f'<p class="meta">Generated {_e(when)} · {len(analyses)} articles · lexicons: '
        f"{_e(', '.join(f'{k} {v}' for k, v in sorted(versions.items())))}</p>"
        f"<ul>{titles}</ul>"
        f'<p class="note">{_e(sample_note(len(analyses)))}</p>'
    )
    body = [
        f"<header>{head}</header>",
        _section("The articles, highlighted", _articles(analyses, families), first=True, sid="articles"),
        _section("Summary", _summary(comparison), sid="summary"),
        _section("Rates (the fingerprint)", _rates(analyses), sid="rates"),
        _section("Speakers and share of voice", _speakers(analyses), sid="speakers"),
        _section("Distinctive terms", _terms(comparison), sid="terms"),
        _section("Alignment: what each article has that the other leaves out", _alignment(comparison), sid="alignment"),
        _section("Tone", _tone(comparison), sid="tone"),
        _section("Lexicons", _lexicons(versions), sid="lexicons"),
        f"<footer><p>Generated {_e(when)} by framing. {_e(sample_note(len(analyses)))} Rates are hits per "
        "1,000 words; a hit inside quoted speech is the speaker's words, not the outlet's. Frame cues are counts "
        "of words, not a coder's judgement.</p></footer>",
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title>"
        f"<style>{css()}\n{REPORT_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
