"""A comparison as JSON-ready data or as plain text for the terminal."""

from __future__ import annotations

from typing import Any

from .models import FAMILIES, ArticleAnalysis, Comparison

SCHEMA_VERSION = 1


def article_dict(an: ArticleAnalysis) -> dict[str, Any]:
    a = an.article
    return {
        "id": a.id,
        "outlet": a.outlet,
        "title": a.title,
        "language": a.language,
        "story": a.story,
        "word_count": an.word_count,
        "text": a.text,
        "hits": [h.to_dict() for h in an.hits],
        "quotes": [q.to_dict() for q in an.quotes],
        "speakers": [sp.to_dict() for sp in an.speakers],
        "counts": an.counts(),
        "rates": an.rates(),
        "distinctive_terms": [{"term": t.term, "score": t.score} for t in an.distinctive_terms],
    }


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON contract: fields may be added, never renamed."""
    return {
        "schema_version": SCHEMA_VERSION,
        "families": list(FAMILIES),
        "rate_unit": "hits per 1,000 words",
        "articles": [article_dict(an) for an in comparison.analyses],
    }


def to_text(comparison: Comparison, *, max_hits: int = 200) -> str:
    lines: list[str] = []
    for an in comparison.analyses:
        a = an.article
        lines.append(f"== {a.outlet or 'unknown outlet'}: {a.title}")
        lines.append(f"   {an.word_count} words, id {a.id}")
        counts, rates = an.counts(), an.rates()
        lines.append("   per 1,000 words: " + ", ".join(f"{f} {rates[f]:g} ({counts[f]})" for f in FAMILIES))
        for h in an.hits[:max_hits]:
            quoted = " [in quote]" if h.in_quote else ""
            lines.append(f"   {h.start:>6}-{h.end:<6} {h.family}/{h.category}: {h.text!r}{quoted}")
        if len(an.hits) > max_hits:
            lines.append(f"   ... {len(an.hits) - max_hits} more hits (use --format json for all)")
        if an.distinctive_terms:
            lines.append("   distinctive terms: " + ", ".join(t.term for t in an.distinctive_terms))
        lines.append("")
    return "\n".join(lines)
