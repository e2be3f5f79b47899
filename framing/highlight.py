"""Article text as HTML with every hit marked: the text is escaped first, then the markup is added.

Nothing from an article ever becomes live HTML: each stretch of text goes through ``html.escape``
and explanations go into escaped ``title`` attributes. Stripping the tags from the result and
unescaping it gives back the original text exactly (a property test holds us to that).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from .models import FAMILIES, Hit

# Okabe-Ito colours (safe for the common colour-vision deficiencies), each with its own underline style
# so that the families are told apart without colour too.
STYLE: dict[str, dict[str, str]] = {
    "attribution": {"label": "Attribution", "color": "#E69F00", "bg": "#FBE3B3", "line": "solid"},
    "scare_quotes": {"label": "Scare quotes", "color": "#0072B2", "bg": "#CCE3F0", "line": "double"},
    "labels": {"label": "Labels", "color": "#009E73", "bg": "#C2EBDD", "line": "dashed"},
    "hedges": {"label": "Hedges & boosters", "color": "#8A7F00", "bg": "#F7F1A8", "line": "dotted"},
    "loaded_language": {"label": "Loaded language", "color": "#CC79A7", "bg": "#F2D7E6", "line": "wavy"},
}


def css() -> str:
    """The style sheet for highlighted articles and the legend."""
    rules = [
        ".fr-article{white-space:pre-wrap;line-height:1.7;font-size:1.02rem;overflow-wrap:anywhere}",
        ".fr-article mark{padding:0 1px;border-radius:3px;color:inherit;text-decoration-thickness:2px;"
        "text-underline-offset:3px;text-decoration-line:underline;cursor:help}",
        ".fr-article mark.fr-quoted{font-style:italic}",
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
    return f'<div class="fr-legend">{"".join(parts)}</div>'


def _tooltip(hits: Sequence[Hit]) -> str:
    lines = []
    for h in hits:
        where = " (inside quoted speech: the speaker's words, not the outlet's)" if h.in_quote else ""
        label = STYLE.get(h.family, {}).get("label", h.family)
        lines.append(f"{label}, {h.category.replace('_', ' ')}{where}: {h.explain}")
    return "\n".join(lines)


def highlight_html(text: str, hits: Sequence[Hit], *, families: Iterable[str] | None = None) -> str:
    """The text, escaped, with a <mark> around each stretch covered by a hit of a chosen family."""
    chosen = set(FAMILIES if families is None else families)
    shown = [h for h in hits if h.family in chosen and 0 <= h.start < h.end <= len(text)]
    bounds = sorted({0, len(text), *(h.start for h in shown), *(h.end for h in shown)})
    out = ['<div class="fr-article">']
    for a, b in zip(bounds, bounds[1:]):
        piece = html.escape(text[a:b], quote=True)
        active = [h for h in shown if h.start <= a and b <= h.end]
        if not active:
            out.append(piece)
            continue
        # The innermost (shortest) hit gives the colour; the tooltip lists them all.
        primary = min(active, key=lambda h: (h.end - h.start, FAMILIES.index(h.family) if h.family in FAMILIES else 99))
        classes = f"fr-{primary.family}" + (" fr-quoted" if primary.in_quote else "")
        title = html.escape(_tooltip(active), quote=True)
        fams = " ".join(sorted({h.family for h in active}))
        out.append(f'<mark class="{classes}" data-families="{fams}" title="{title}">{piece}</mark>')
    out.append("</div>")
    return "".join(out)
