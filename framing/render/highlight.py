"""Article text as HTML with every hit marked: the text is escaped first, then the markup is added.

Nothing from an article ever becomes live HTML: each stretch of text goes through ``html.escape``
and explanations go into escaped ``title`` attributes. Stripping the tags from the result and
unescaping it gives back the original text exactly (a property test holds us to that).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from framing.indicators import FAMILIES, REGISTRY
from framing.models import Hit, Quote

# How each family is drawn, from the registry (framing.indicators.families): its label, colour, background
# and underline style.
STYLE: dict[str, dict[str, str]] = {
    f.name: {"label": f.label, "color": f.color, "bg": f.bg, "line": f.line} for f in REGISTRY
}


def counted_label(family: str) -> str:
    """The family's name where its hits are counted: labels count side-marked names only, and say so."""
    label = STYLE.get(family, {}).get("label", family)
    return f"{label} (side-marked)" if family == "labels" else label


def css() -> str:
    """The style sheet for highlighted articles and the legend."""
    rules = [
        ".fr-article{white-space:pre-wrap;line-height:1.7;font-size:1.02rem;overflow-wrap:anywhere}",
        ".fr-article mark{padding:0 1px;border-radius:3px;color:inherit;text-decoration-thickness:2px;"
        "text-underline-offset:3px;text-decoration-line:underline;cursor:help}",
        ".fr-article mark.fr-quoted{font-style:italic}",
        ".fr-speech-key{padding:0 .35rem}",
        ".fr-diff{background:#FFE08A;padding:0 1px;border-radius:3px;color:inherit}",
        ".fr-sentence{line-height:1.6;margin:.1rem 0 .6rem}",
        ".fr-speech{background:#EEF0F4;border-radius:2px}",
        ".fr-legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.25rem 0 .75rem}",
        ".fr-key{padding:0 .35rem;border-radius:3px;text-decoration-line:underline;text-decoration-thickness:2px;"
        "text-underline-offset:3px}",
    ]
    for fam, s in STYLE.items():
        rules.append(
            f".fr-{fam}{{background:{s['bg']};text-decoration-color:{s['color']};text-decoration-style:{s['line']}}}"
        )
    return "\n".join(rules)


def legend_html(families: Iterable[str] = FAMILIES, counts: dict[str, int] | None = None) -> str:
    parts = []
    for fam in families:
        s = STYLE[fam]
        n = f" ({counts[fam]})" if counts is not None and fam in counts else ""
        parts.append(f'<span class="fr-key fr-{fam}">{html.escape(s["label"])}{n}</span>')
    parts.append('<span class="fr-speech fr-speech-key">Quoted speech (shaded)</span>')
    return f'<div class="fr-legend">{"".join(parts)}</div>'


def _tooltip(hits: Sequence[Hit]) -> str:
    lines = []
    for h in hits:
        where = " (inside quoted speech: the speaker's words, not the outlet's)" if h.in_quote else ""
        label = STYLE.get(h.family, {}).get("label", h.family)
        lines.append(f"{label}, {h.category.replace('_', ' ')}{where}: {h.explain}")
        if h.source:
            lines.append(f"  Source: {h.source}" + (f" [{h.entry_id}]" if h.entry_id else ""))
    return "\n".join(lines)


def highlight_html(
    text: str,
    hits: Sequence[Hit],
    *,
    families: Iterable[str] | None = None,
    quotes: Sequence[Quote] = (),
) -> str:
    """The text, escaped, with a <mark> around each stretch covered by a hit of a chosen family.

    Quoted speech (quotations with marks that are not scare quotes) is set in a shaded span, so that a
    reader sees whose words are whose.
    """
    chosen = set(FAMILIES if families is None else families)
    shown = sorted((h for h in hits if h.family in chosen and 0 <= h.start < h.end <= len(text)), key=lambda h: h.start)
    speech = [q for q in quotes if q.kind in ("direct", "partial") and 0 <= q.start < q.end <= len(text)]
    bounds = sorted(
        {
            0,
            len(text),
            *(h.start for h in shown),
            *(h.end for h in shown),
            *(q.start for q in speech),
            *(q.end for q in speech),
        }
    )
    out = ['<div class="fr-article">']
    active: list[Hit] = []
    nxt = 0  # next hit in `shown` not yet active
    qi = 0  # next quote that may cover a segment
    for a, b in zip(bounds, bounds[1:]):
        while nxt < len(shown) and shown[nxt].start <= a:
            active.append(shown[nxt])
            nxt += 1
        active = [h for h in active if h.end > a]
        while qi < len(speech) and speech[qi].end <= a:
            qi += 1
        in_speech = qi < len(speech) and speech[qi].start <= a
        piece = html.escape(text[a:b], quote=True)
        if active:
            # The innermost (shortest) hit gives the colour; the tooltip lists them all.
            primary = min(active, key=lambda h: (h.end - h.start, _rank(h.family)))
            classes = f"fr-{primary.family}" + (" fr-quoted" if primary.in_quote else "")
            title = html.escape(_tooltip(active), quote=True)
            fams = " ".join(sorted({h.family for h in active}))
            piece = f'<mark class="{classes}" data-families="{fams}" title="{title}">{piece}</mark>'
        if in_speech:
            piece = f'<span class="fr-speech">{piece}</span>'
        out.append(piece)
    out.append("</div>")
    return "".join(out)


def _rank(family: str) -> int:
    return FAMILIES.index(family) if family in FAMILIES else len(FAMILIES)


def spans_html(text: str, spans: Sequence[tuple[int, int]], *, css_class: str = "fr-diff") -> str:
    """``text`` escaped, with each (start, end) span wrapped in a <mark>; spans may be unsorted."""
    out, pos = [], 0
    for start, end in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start], quote=True))
        out.append(f'<mark class="{css_class}">{html.escape(text[start:end], quote=True)}</mark>')
        pos = end
    out.append(html.escape(text[pos:], quote=True))
    return "".join(out)
