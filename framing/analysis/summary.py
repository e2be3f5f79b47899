"""A plain-language summary generated from the numbers, every sentence linked to its evidence.

Each line states a count or a contrast that a reader can check: the evidence is the list of spans
(article id, start, end) it rests on. No line is written unless its numbers are there; a contrast that
rests on one or two hits says so; and the last line reminds the reader that a few articles are a small
sample.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from framing.analysis.label_choices import summary_lines
from framing.models import ArticleAnalysis, Comparison, Evidence, Hit, SummaryLine


def _name(an: ArticleAnalysis) -> str:
    return an.article.outlet or an.article.title[:40] or an.article.id


def _ev(an: ArticleAnalysis, spans: Iterable[Hit | object]) -> tuple[Evidence, ...]:
    out = []
    for s in spans:
        start = getattr(s, "inner_start", getattr(s, "start", 0))
        end = getattr(s, "inner_end", getattr(s, "end", 0))
        out.append(Evidence(an.article.id, start, end))
    return tuple(out)


def _list(words: Sequence[str], limit: int = 4) -> str:
    counts = Counter(w.lower() for w in words)
    shown = {}
    for w in words:
        shown.setdefault(w.lower(), w)
    parts = [f"{shown[w]} \u00d7{n}" if n > 1 else shown[w] for w, n in counts.most_common(limit)]
    more = len(counts) - limit
    return ", ".join(parts) + (f" and {more} more" if more > 0 else "")


def _thin(n: int) -> str:
    return f" (this rests on {n} hit{'s' if n != 1 else ''})" if 0 < n <= 2 else ""


def summarize(comparison: Comparison) -> list[SummaryLine]:
    ans = comparison.analyses
    lines: list[SummaryLine] = []
    if not ans:
        return lines
    # Distancing reporting verbs in the outlet's own words, and for whom.
    for an in ans:
        dist = [h for h in an.hits if h.family == "attribution" and h.category == "distancing" and not h.in_quote]
        if dist:
            who = sorted({h.speaker for h in dist if h.speaker})
            whom = f", for {', '.join(who)}" if who else ""
            lines.append(
                SummaryLine(
                    f"{_name(an)} introduces speech with distancing verbs {len(dist)} time"
                    f"{'s' if len(dist) != 1 else ''} ({_list([h.text for h in dist])}){whom}{_thin(len(dist))}.",
                    _ev(an, dist),
                )
            )
    none = [_name(an) for an in ans if not any(h.category == "distancing" and not h.in_quote for h in an.hits)]
    if none and len(none) < len(ans):
        lines.append(SummaryLine(f"{' and '.join(none)} use{'s' if len(none) == 1 else ''} no distancing verb."))
    # Who is quoted most.
    for an in ans:
        total = sum(sp.words for sp in an.speakers)
        if total:
            top = max(an.speakers, key=lambda sp: sp.words)
            quotes = [q for q in an.quotes if q.speaker == top.name and q.kind in ("direct", "partial")]
            lines.append(
                SummaryLine(
                    f"In {_name(an)}, {top.name} has the most quoted words: {top.words} of {total} "
                    f"({round(100 * top.words / total)}%), in {top.quotes} quotation{'s' if top.quotes != 1 else ''}.",
                    _ev(an, quotes),
                )
            )
    # The same speaker, introduced with different stances.
    stances: dict[str, dict[int, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    for i, an in enumerate(ans):
        for h in an.hits:
            if h.family == "attribution" and h.speaker and not h.in_quote:
                stances[h.speaker][i].append(h)
    for speaker, by_article in stances.items():
        if len(by_article) < 2:
            continue
        cats = {i: {h.category for h in hs} for i, hs in by_article.items()}
        if len({frozenset(c) for c in cats.values()}) < 2:
            continue
        parts = [
            f"{_list([h.text for h in hs], 3)} ({', '.join(sorted(cats[i]))}) in {_name(ans[i])}"
            for i, hs in by_article.items()
        ]
        evidence = tuple(e for i, hs in by_article.items() for e in _ev(ans[i], hs))
        lines.append(SummaryLine(f"{speaker} is introduced with " + "; with ".join(parts) + ".", evidence))
    # Scare quotes.
    for an in ans:
        scare = [h for h in an.hits if h.family == "scare_quotes"]
        if scare:
            lines.append(
                SummaryLine(
                    f"{_name(an)} keeps its distance from {len(scare)} term{'s' if len(scare) != 1 else ''} with scare "
                    f"quotes or 'so-called': {_list([h.text for h in scare], 5)}{_thin(len(scare))}.",
                    _ev(an, scare),
                )
            )
    # Labels: the names chosen for each concept, ranked on side-marked names only (see label_choices).
    lines += summary_lines(ans)
    # Loaded language in the outlet's own voice (not inside quotations).
    for family, what in (("loaded_language", "loaded word(s)"),):
        for an in ans:
            own = [h for h in an.hits if h.family == family and not h.in_quote]
            quoted = sum(1 for h in an.hits if h.family == family and h.in_quote)
            if own or quoted:
                said = f"{len(own)} {what}" if own else f"no {what}"
                lines.append(
                    SummaryLine(
                        f"{_name(an)} uses {said} in its own voice"
                        + (f" ({_list([h.text for h in own])})" if own else "")
                        + (f"; {quoted} more are in words it quotes" if quoted else "")
                        + f"{_thin(len(own))}.",
                        _ev(an, own),
                    )
                )
    # Agency: violence or outcomes with no doer named.
    for an in ans:
        hidden = [h for h in an.hits if h.family == "agency" and h.category != "passive_with_agent" and not h.in_quote]
        if hidden:
            lines.append(
                SummaryLine(
                    f"{_name(an)} has {len(hidden)} sentence part{'s' if len(hidden) != 1 else ''} that report an "
                    f"action or outcome without naming who did it ({_list([h.text for h in hidden])}).",
                    _ev(an, hidden),
                )
            )
    # Selection: what each article reports that the other does not.
    for i, j, alignment in comparison.alignments:
        a, b = ans[i], ans[j]
        if not a.sentences or not b.sentences:
            continue
        only_a = [a.sentences[k] for k in alignment.only_a]
        only_b = [b.sentences[k] for k in alignment.only_b]
        lines.append(
            SummaryLine(
                f"{len(alignment.pairs)} sentence{'s' if len(alignment.pairs) != 1 else ''} of {_name(a)} and "
                f"{_name(b)} report the same thing; {len(only_a)} of {_name(a)}'s {len(a.sentences)} and "
                f"{len(only_b)} of {_name(b)}'s {len(b.sentences)} have no counterpart in the other.",
                _ev(a, only_a) + _ev(b, only_b),
            )
        )
    lines.append(
        SummaryLine(
            f"These are {len(ans)} article{'s' if len(ans) != 1 else ''}: the differences show how these reports were "
            "written, not how the outlets always write."
        )
    )
    return lines
