"""Running every indicator family over one article and marking which hits are quoted speech."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .indicators import agency, attribution, frames, hedges, labels, loaded_language, scare_quotes
from .indicators.context import Context
from .lexicons import Lexicon, load_shipped
from .matcher import MultiMatcher
from .models import FAMILIES, Article, ArticleAnalysis, Hit, evolve
from .quotes import QuoteIndex
from .speakers import attribute, speaker_table
from .text import Document

DETECTORS: dict[str, Callable[[Context], list[Hit]]] = {
    "attribution": attribution.detect,
    "scare_quotes": scare_quotes.detect,
    "labels": labels.detect,
    "hedges": hedges.detect,
    "loaded_language": loaded_language.detect,
    "agency": agency.detect,
    "frames": frames.detect,
}
_ORDER = {fam: i for i, fam in enumerate(FAMILIES)}


class Analyzer:
    """Lexicons compiled once, applied to any number of articles."""

    def __init__(self, lexicons: dict[str, Lexicon] | None = None) -> None:
        self.lexicons = load_shipped() if lexicons is None else dict(lexicons)
        self.matcher = MultiMatcher(self.lexicons)

    def analyze(self, article: Article) -> ArticleAnalysis:
        doc = Document(article.text)
        ctx = Context(doc, self.lexicons, self.matcher)
        hits: list[Hit] = []
        for family in FAMILIES:
            if family in self.lexicons:
                hits.extend(DETECTORS[family](ctx))
        # Quoted speech carries the speaker's words: hits inside it are marked, so the outlet is not
        # charged with them. Scare quotes are the outlet's own voice and do not count as speech.
        scare = {(h.start, h.end) for h in hits if h.family == "scare_quotes"}
        quotes = [evolve(q, kind="scare") if (q.start, q.end) in scare else q for q in ctx.quotes]
        speech = QuoteIndex(q for q in quotes if q.kind != "scare")
        marked = []
        for h in hits:
            in_quote = speech.containing(h.start, h.end) is not None
            marked.append(h if h.in_quote == in_quote else evolve(h, in_quote=in_quote))
        verbs = [h for h in marked if h.family == "attribution"]
        quotes, verbs = attribute(doc, quotes, verbs, self.lexicons.get("actors"))
        marked = [h for h in marked if h.family != "attribution"] + verbs
        marked.sort(key=lambda h: (h.start, h.end, _ORDER.get(h.family, 99)))
        return ArticleAnalysis(
            article=article,
            word_count=len(doc.token_starts),
            sentences=tuple(doc.sentences),
            quotes=tuple(quotes),
            hits=tuple(marked),
            speakers=tuple(speaker_table(quotes, verbs, doc)),
        )


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(article: Article, lexicons: dict[str, Lexicon] | None = None) -> ArticleAnalysis:
    """Analyse one article with the shipped lexicons (or the ones given)."""
    analyzer = default_analyzer() if lexicons is None else Analyzer(lexicons)
    return analyzer.analyze(article)
