"""Running every indicator family over one article and marking which hits are quoted speech."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from operator import attrgetter

from framing.indicators import FAMILIES, REGISTRY, attribution
from framing.indicators.context import Context
from framing.lexicons import Lexicon, load_shipped
from framing.lexicons.matcher import MultiMatcher
from framing.models import Article, ArticleAnalysis, Hit
from framing.speech.quotes import QuoteIndex
from framing.speech.speakers import attribute, speaker_table
from framing.text.document import Document
from framing.text.parser import Parsed, prefetch_many
from framing.text.parser import load as load_parser

# Each family's detector, from the registry (framing.indicators.families), in registry order.
DETECTORS: dict[str, Callable[[Context], list[Hit]]] = {f.name: f.detect for f in REGISTRY}
_START, _END = attrgetter("start"), attrgetter("end")


class Analyzer:
    """Lexicons compiled once, applied to any number of articles."""

    def __init__(self, lexicons: dict[str, Lexicon] | None = None, *, use_parser: bool = True) -> None:
        self.use_parser = use_parser
        self.lexicons = load_shipped() if lexicons is None else dict(lexicons)
        # Contexts made by parse_ahead (by the id of their Document), taken by analyze: matched once.
        self._ahead: dict[int, Context] = {}

    @cached_property
    def matcher(self) -> MultiMatcher:
        """The lexicons compiled for matching, when first needed (an analyzer made only for its version
        key, as the Coverage page's status makes one, never compiles them)."""
        # Only the lexicons the detectors match: the others (the actors) would be matched for nothing.
        return MultiMatcher({name: lex for name, lex in self.lexicons.items() if name in DETECTORS})

    def analyze(self, article: Article, doc: Document | None = None) -> ArticleAnalysis:
        """Every family's hits, the quotations and their speakers. ``doc``: the article's Document when the
        caller made one (a comparison, which reads it again for terms, alignment and tone); else one is
        made here, and its parse let go at the end."""
        own = doc is None
        if doc is None:
            doc = Document(article.text)
        elif doc.text != article.text:
            raise ValueError("the Document given is not of this article's text")
        ctx = self._ahead.pop(id(doc), None)
        if ctx is None or ctx.doc is not doc:
            ctx = Context(doc, self.lexicons, self.matcher)
        # Each family's detector finds hits of that family only.
        found = {family: DETECTORS[family](ctx) for family in FAMILIES if family in self.lexicons}
        # Quoted speech carries the speaker's words: hits inside it are marked, so the outlet is not
        # charged with them. Scare quotes are the outlet's own voice and do not count as speech.
        scare = {(h.start, h.end) for h in found.get("scare_quotes", ())}
        quotes = [q._replace(kind="scare") if (q.start, q.end) in scare else q for q in ctx.quotes]
        speech = QuoteIndex(q for q in quotes if q.kind != "scare")
        verbs = _marked(found.pop("attribution", []), speech)
        nlp = load_parser() if self.use_parser else None
        parsed = doc.parse(nlp) if nlp is not None else None
        if parsed is not None:
            parsed.prefetch(self._to_parse(ctx, parsed))
        if parsed is not None and "attribution" in self.lexicons:
            # Reporting verbs the parse shows beside a quotation that the word pass did not keep.
            kept = {h.start for h in verbs}
            # (speech verbs the word pass left for want of a quotation or "that": the parse may show a clause)
            left = [
                m
                for m in ctx.matches("attribution")
                if m.start not in kept and any(e.context == "speech" and e.pos == "verb" for e in m.entries)
            ]
            found_verbs = attribution.from_parse(self.lexicons["attribution"], doc, parsed, quotes, verbs, left)
            verbs += _marked(found_verbs, speech)
        # A scare quote whose wording marks a side (a quoted "Israel") stays one whatever the syntax says.
        fixed = {h.start for h in found.get("scare_quotes", ()) if h.position}
        quotes, verbs = attribute(doc, quotes, verbs, self.lexicons.get("actors"), parsed, fixed)
        if parsed is not None:
            # A few quoted words the parse ties to a speaker are that speaker's (a partial quote): not a
            # scare quote, and the words inside are quoted speech.
            spoken = {(q.start, q.end) for q in quotes if q.kind != "scare"}
            if scare & spoken:
                found["scare_quotes"] = [h for h in found["scare_quotes"] if (h.start, h.end) not in spoken]
                speech = QuoteIndex(q for q in quotes if q.kind not in ("scare", "indirect", "headline"))
                verbs = _marked(verbs, speech)
        # In family order (the verbs are the first family), so a stable sort by offsets alone leaves hits
        # at the same offsets in family order: sorted by end, then by start, two sorts on plain numbers.
        marked = verbs + [h for hits in found.values() for h in _marked(hits, speech)]
        marked.sort(key=_END)
        marked.sort(key=_START)
        if own and parsed is not None and parsed.parses:
            # spaCy leaves a few reference cycles behind each parse; a batch pauses the cyclic collector
            # (framing.analysis.collector), so they are freed here, from the youngest generation only (cheap:
            # it holds just what this analysis made).
            del parsed
            doc.drop_parse()
            gc.collect(0)
        return ArticleAnalysis(
            article=article,
            word_count=len(doc.token_starts),
            sentences=tuple(doc.sentences),
            quotes=tuple(quotes),
            hits=tuple(marked),
            speakers=tuple(speaker_table(quotes, verbs, doc)),
            families=FAMILIES,
        )

    def _to_parse(self, ctx: Context, parsed: Parsed) -> list[int]:
        """The paragraphs the analysis will most likely parse: those with a quotation or a reporting word."""
        offsets = [q.start for q in ctx.quotes] + [m.start for m in ctx.matches("attribution")]
        return sorted({parsed.paragraph_of(o) for o in offsets})

    def parse_ahead(self, docs: Sequence[Document]) -> None:
        """Parse, in one run of the parser, the paragraphs the analyses of these documents will ask for
        (a batch of articles: the parser is faster on many paragraphs at once). What the analyses find is
        the same with or without this."""
        nlp = load_parser() if self.use_parser else None
        if nlp is None:
            return
        self._ahead = {id(doc): Context(doc, self.lexicons, self.matcher) for doc in docs}
        parses = [doc.parse(nlp) for doc in docs]
        prefetch_many([(p, self._to_parse(self._ahead[id(doc)], p)) for doc, p in zip(docs, parses)])


def _marked(hits: list[Hit], speech: QuoteIndex) -> list[Hit]:
    """The hits, each marked as inside quoted speech or not."""
    containing = speech.containing  # looked up once, not per hit
    out = []
    for h in hits:
        in_quote = containing(h.start, h.end) is not None
        out.append(h if h.in_quote == in_quote else h._replace(in_quote=in_quote))
    return out


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(article: Article, lexicons: dict[str, Lexicon] | None = None) -> ArticleAnalysis:
    """Analyse one article with the shipped lexicons (or the ones given)."""
    analyzer = default_analyzer() if lexicons is None else Analyzer(lexicons)
    return analyzer.analyze(article)
