"""Labels as choices: for each concept, which names each article chose, and the position of each name.

A label lexicon is organised by concept (its categories), and each variant has a position: ``neutral``, the
plain name most wire services use, or the side whose view the wording adopts (``israel_side``,
``resistance_side``, ``anti_abortion_side``, ...). Every variant an article uses is recorded, because the
choice is the point; only side-marked names are contested. Articles are compared by the names they choose
for the same concept and ranked by side-marked names per 1,000 words, never by how many label words they
use. Only the article's own voice counts: a name inside quoted speech is the speaker's choice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from framing.models import NEUTRAL, ArticleAnalysis, Evidence, Hit, SummaryLine, rate


class Choice(NamedTuple):
    """One name an article chose for a concept in its own voice: how often, its position, its hits."""

    concept: str
    name: str  # as first written in the article
    position: str
    hits: tuple[Hit, ...]

    @property
    def count(self) -> int:
        return len(self.hits)

    @property
    def side_marked(self) -> bool:
        return self.position != NEUTRAL

    def text(self) -> str:
        """ "IDF ×4", "occupation forces" (the multiplication sign only when more than once)."""
        return f"{self.name} \u00d7{self.count}" if self.count > 1 else self.name


class SideScore(NamedTuple):
    """How side-marked an article's own wording is: side-marked names per side, neutral names, the rate."""

    article: str
    words: int
    by_side: dict[str, int]
    neutral: int
    quoted: int  # label hits inside quoted speech, not charged to the article

    @property
    def side_marked(self) -> int:
        return sum(self.by_side.values())

    @property
    def per_1000(self) -> float:
        return rate(self.side_marked, self.words)


def side_name(position: str) -> str:
    """ "resistance_side" -> "resistance side"; "neutral" -> "neutral"."""
    return position.replace("_", " ")


def concept_name(concept: str) -> str:
    return concept.replace("_", " ")


def choices(an: ArticleAnalysis) -> list[Choice]:
    """The article's own-voice label choices, grouped by concept and name, in order of first use."""
    grouped: dict[tuple[str, str, str], list[Hit]] = defaultdict(list)
    first: dict[tuple[str, str, str], str] = {}
    for h in an.hits:
        if h.family != "labels" or h.in_quote:
            continue
        key = (h.category, " ".join(h.text.lower().split()), h.position)
        grouped[key].append(h)
        first.setdefault(key, " ".join(h.text.split()))
    return [Choice(c, first[(c, n, p)], p, tuple(hs)) for (c, n, p), hs in grouped.items()]


def side_score(an: ArticleAnalysis) -> SideScore:
    own = choices(an)
    by_side: Counter[str] = Counter()
    for ch in own:
        if ch.side_marked:
            by_side[ch.position] += ch.count
    quoted = sum(1 for h in an.hits if h.family == "labels" and h.in_quote)
    neutral = sum(ch.count for ch in own if not ch.side_marked)
    return SideScore(an.article.id, an.word_count, dict(by_side), neutral, quoted)


def choice_table(analyses: Sequence[ArticleAnalysis]) -> list[dict[str, str]]:
    """The concept × article table of choices: one row per concept any article names in its own voice.

    Each cell lists the names that article chose, side-marked ones with their side ("occupation forces ×3
    [resistance side]"), neutral ones plain ("IDF ×4"); "—" where the article does not name the concept.
    Rows with a side-marked name come first. Keys: "concept", then each article's label.
    """
    per = [choices(an) for an in analyses]
    concepts: list[str] = []
    for chs in per:
        for ch in chs:
            if ch.concept not in concepts:
                concepts.append(ch.concept)
    marked = {ch.concept for chs in per for ch in chs if ch.side_marked}
    concepts.sort(key=lambda c: c not in marked)  # stable: first use kept within each group
    labels = _labels(analyses)
    rows = []
    for concept in concepts:
        row = {"concept": concept_name(concept)}
        for label, chs in zip(labels, per):
            mine = [ch for ch in chs if ch.concept == concept]
            row[label] = "; ".join(_cell(ch) for ch in mine) or "\u2014"
        rows.append(row)
    return rows


def _cell(ch: Choice) -> str:
    return ch.text() + (f" [{side_name(ch.position)}]" if ch.side_marked else "")


def _labels(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """A column name per article, unique even when two articles share an outlet."""
    out: list[str] = []
    for an in analyses:
        base = an.article.outlet or an.article.title[:40] or an.article.id
        name, k = base, 2
        while name in out:
            name, k = f"{base} ({k})", k + 1
        out.append(name)
    return out


def to_dict(an: ArticleAnalysis) -> dict[str, object]:
    """The article's label choices for JSON: per concept, each name with its position and count."""
    score = side_score(an)
    return {
        "side_marked": score.side_marked,
        "side_marked_per_1000_words": score.per_1000,
        "by_side": score.by_side,
        "neutral": score.neutral,
        "in_quotes": score.quoted,
        "choices": [
            {"concept": ch.concept, "name": ch.name, "position": ch.position, "count": ch.count} for ch in choices(an)
        ],
    }


def summary_lines(analyses: Sequence[ArticleAnalysis]) -> list[SummaryLine]:
    """Plain sentences on label choices, each with the spans it rests on.

    One line per concept that some article names with a side-marked word (what each article writes for it);
    one line ranking the articles by side-marked names per 1,000 words of their own words; one line per
    article saying how many of its names are side-marked and how many are plain names (choices, not
    contested). Never a count of label words as such.
    """
    per = [choices(an) for an in analyses]
    names = _labels(analyses)
    lines: list[SummaryLine] = []
    marked = [c for c in dict.fromkeys(ch.concept for chs in per for ch in chs if ch.side_marked)]
    for concept in marked:
        parts, evidence = [], []
        for name, an, chs in zip(names, analyses, per):
            mine = [ch for ch in chs if ch.concept == concept]
            if mine:
                shown = ", ".join(_cell(ch) for ch in mine[:4]) + (
                    f" and {len(mine) - 4} more" if len(mine) > 4 else ""
                )
                parts.append(f"{name} writes {shown}")
                evidence += [_evidence(an, h) for ch in mine for h in ch.hits]
        lines.append(SummaryLine(f"For {concept_name(concept)}, " + "; ".join(parts) + ".", tuple(evidence)))
    scores = [side_score(an) for an in analyses]
    if any(s.side_marked for s in scores):
        order = sorted(range(len(analyses)), key=lambda k: -scores[k].per_1000)
        ranked = []
        for k in order:
            s = scores[k]
            sides = ", ".join(f"{side_name(p)} \u00d7{n}" for p, n in sorted(s.by_side.items(), key=lambda x: -x[1]))
            ranked.append(f"{names[k]} {s.per_1000:g}" + (f" ({sides})" if sides else ""))
        total = sum(s.side_marked for s in scores)
        lines.append(
            SummaryLine(
                "Side-marked names per 1,000 words of the outlet's own words, most first: "
                + "; ".join(ranked)
                + ". Plain names are choices too, but they are not counted"
                + (f" (this rests on {total} hit{'s' if total != 1 else ''})" if total <= 2 else "")
                + ".",
                tuple(
                    _evidence(an, h) for an, chs in zip(analyses, per) for ch in chs if ch.side_marked for h in ch.hits
                ),
            )
        )
    for name, an, chs, s in zip(names, analyses, per, scores):
        if not chs and not s.quoted:
            continue
        sided = [ch for ch in chs if ch.side_marked]
        plain = [ch for ch in chs if not ch.side_marked]
        said = (
            f"{name} uses {s.side_marked} side-marked name{'s' if s.side_marked != 1 else ''} in its own voice"
            + (f" ({_choice_list(sided)})" if sided else "")
            if sided
            else f"{name} uses no side-marked name in its own voice"
        )
        if plain:
            plural = "s" if s.neutral != 1 else ""
            said += f"; its {s.neutral} plain name{plural} ({_choice_list(plain)}) are choices, not contested"
        if s.quoted:
            said += f"; {s.quoted} more label name{'s are' if s.quoted != 1 else ' is'} in words it quotes"
        lines.append(SummaryLine(said + ".", tuple(_evidence(an, h) for ch in sided for h in ch.hits)))
    return lines


def _choice_list(chs: Sequence[Choice], limit: int = 8) -> str:
    ranked = sorted(chs, key=lambda ch: -ch.count)
    more = len(ranked) - limit
    return ", ".join(ch.text() for ch in ranked[:limit]) + (f" and {more} more" if more > 0 else "")


def _evidence(an: ArticleAnalysis, h: Hit) -> Evidence:
    return Evidence(an.article.id, h.start, h.end)
