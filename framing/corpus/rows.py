"""One article's analysis as the rows the library stores (:mod:`framing.library.analyses`), made where the
article is analysed (a Dask worker, or this process), from one Document: the hits and quotations of the
analysis and the term counts read off the same tokens."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from framing.analysis import Analyzer
from framing.analysis.cache import code_fingerprint, lexicon_fingerprint, parser_method
from framing.analysis.term_words import document_terms
from framing.library.analyses import StoredAnalysis
from framing.models import Article, ArticleAnalysis
from framing.text import Document


@dataclass(frozen=True)
class Version:
    """What made an analysis: the lexicons, the engine's code and the parser; ``key`` stands for all three."""

    lexicons: str
    code: str
    parser: str

    @property
    def key(self) -> str:
        return hashlib.sha256(f"{self.lexicons}\0{self.code}\0{self.parser}".encode()).hexdigest()[:32]


def version_of(analyzer: Analyzer) -> Version:
    return Version(lexicon_fingerprint(analyzer), code_fingerprint(), parser_method(analyzer))


def stored(an: ArticleAnalysis, terms: Counter[str], version: Version) -> StoredAnalysis:
    """The rows of one analysis (see the column lists of :mod:`framing.library.analyses`)."""
    aid = an.article.id
    speech = [q for q in an.quotes if q.kind != "scare"]
    return StoredAnalysis(
        analysis=(
            aid,
            version.key,
            version.lexicons,
            version.code,
            version.parser,
            an.word_count,
            len(speech),
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
        hits=tuple(
            (aid, h.family, h.category, h.entry_id, h.text, h.start, h.end, int(h.in_quote), h.speaker, h.agent)
            + (h.position, h.lexicon_version)
            for h in an.hits
        ),
        quotes=tuple(
            (aid, q.inner_start, q.inner_end, q.kind, q.speaker, q.verb, q.stance, q.words) for q in an.quotes
        ),
        terms=tuple((aid, term, n) for term, n in sorted(terms.items())),
    )


def analyse_one(analyzer: Analyzer, article: Article, version: Version, doc: Document | None = None) -> StoredAnalysis:
    doc = Document(article.text) if doc is None else doc
    an = analyzer.analyze(article, doc)
    return stored(an, Counter(document_terms(doc)), version)


@dataclass(frozen=True)
class BatchResult:
    """What a worker sends back for one batch: the stored rows, and (id, reason) for each article that failed."""

    done: tuple[StoredAnalysis, ...]
    failed: tuple[tuple[str, str], ...]
    words: int


def analyse_batch(analyzer: Analyzer, articles: Sequence[Article], version: Version) -> BatchResult:
    """Every article of a batch; one that fails is reported with its reason and the others go on."""
    done, failed, words = [], [], 0
    docs = [Document(a.text) for a in articles]
    try:
        analyzer.parse_ahead(docs)  # (only a speed-up: each analysis parses what it needs itself)
    except Exception:  # noqa: BLE001 - an article the parser fails on is reported by its own analysis below
        docs = [Document(a.text) for a in articles]
    for article, doc in zip(articles, docs):
        try:
            row = analyse_one(analyzer, article, version, doc)
        except Exception as exc:  # noqa: BLE001 - any article's failure is reported, never the run's end
            failed.append((article.id, f"{type(exc).__name__}: {exc}"))
            continue
        finally:
            doc.drop_parse()  # (let each parse go once its article is done)
        done.append(row)
        words += row.analysis[5]
    return BatchResult(tuple(done), tuple(failed), words)
