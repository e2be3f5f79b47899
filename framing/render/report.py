"""A comparison as JSON-ready data or as plain text for the terminal."""

from __future__ import annotations

from typing import Any

from framing.analysis import label_choices
from framing.analysis.tone import CAVEAT, article_tone
from framing.indicators import FAMILIES
from framing.models import ArticleAnalysis, Comparison

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
        "sentences": [{"start": sp.start, "end": sp.end} for sp in an.sentences],
        "fingerprint": an.rates(),
        "label_choices": label_choices.to_dict(an),
    }


def to_dict(comparison: Comparison, *, log_odds_top: int = 25) -> dict[str, Any]:
    """The JSON contract: fields may be added, never renamed."""
    articles = []
    for an in comparison.analyses:
        d = article_dict(an)
        aid = an.article.id
        tones = comparison.tones.get(aid, ())
        d["tone"] = {
            "caveat": CAVEAT,
            "article": article_tone(tones),
            "sentences": [{"start": t.start, "end": t.end, "compound": t.compound} for t in tones],
            "actors": {
                name: {k: v for k, v in stats.items() if k != "spans"}
                for name, stats in comparison.actor_tones.get(aid, {}).items()
                if stats.get("count")
            },
        }
        d["log_odds"] = [
            {"term": t.term, "count": t.count, "rest_count": t.rest_count, "z": round(t.z, 4), "sparse": t.sparse}
            for t in comparison.log_odds.get(aid, ())[:log_odds_top]
        ]
        articles.append(d)
    alignment: list[dict[str, Any]] = []
    only_in: dict[str, list[int]] = {}
    for i, j, al in comparison.alignments:
        a, b = comparison.analyses[i].article.id, comparison.analyses[j].article.id
        alignment.extend(
            {
                "a": {"article": a, "sentence": p.a},
                "b": {"article": b, "sentence": p.b},
                "similarity": round(p.similarity, 4),
            }
            for p in al.pairs
        )
        # A sentence is "only in" its article when no other article has a counterpart for it.
        for aid, alone in ((a, al.only_a), (b, al.only_b)):
            only_in[aid] = sorted(set(only_in[aid]) & set(alone)) if aid in only_in else list(alone)
    return {
        "schema_version": SCHEMA_VERSION,
        "families": list(FAMILIES),
        "rate_unit": "hits per 1,000 words",
        "articles": articles,
        "alignment": alignment,
        "only_in": only_in,
        "summary": [line.to_dict() for line in comparison.summary],
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
