"""One Document per article: a comparison tokenises, splits and parses each article's text once, and every
part of it (indicators, speakers, terms, log-odds, alignment, tone) reads that Document."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from framing import Article, compare, load_seeds
from framing.analysis import term_words
from framing.text import document as document_module
from framing.text import parser as parser_module
from framing.text.sentences import SentenceSplitter

THIRD = """Talks resume as envoys trade blame

VIENNA - Envoys met again on Monday. "We came here to reach a deal, not to talk for ever," the chief
negotiator said, adding that the other side had "wasted months".

Officials claimed the proposal was final. Critics said the so-called compromise gave nothing away.
The meeting was adjourned after four hours, and a new round is expected next week.
"""

# The functions that cut a text into words (the text layer's, and the terms' own pass over white-space
# pieces); a module that imported one by name holds its own reference.
TOKENISERS = (
    (document_module, ("token_table", "token_spans", "token_words", "tokens", "word_count", "word_table")),
    (term_words, ("split_pieces", "plain_terms", "analyze_terms")),
)


def _articles() -> list[Article]:
    return [*load_seeds(), Article(text=THIRD, outlet="Invented Wire", title="Talks resume")]


def _counting(original, calls: Counter, texts: list[str]):
    def wrapper(text, *args, **kwargs):
        for i, t in enumerate(texts):
            # a whole article, or any stretch of one longer than a few words (a sentence split off again)
            if isinstance(text, str) and (text == t or (len(text) > 40 and text in t)):
                calls[i] += 1
        return original(text, *args, **kwargs)

    return wrapper


def test_a_comparison_of_three_tokenises_splits_and_parses_each_article_once(monkeypatch) -> None:
    articles = _articles()
    texts = [a.text for a in articles]
    tokenised: Counter = Counter()
    split: Counter = Counter()
    parsed: Counter = Counter()
    # Every reference to a tokeniser in the engine's modules, whatever name it was imported under.
    originals = {id(getattr(module, name)): name for module, names in TOKENISERS for name in names}
    for mod_name, mod in list(sys.modules.items()):
        if not mod_name.startswith("framing"):
            continue
        for attr, value in list(vars(mod).items()):
            if id(value) in originals and callable(value):
                monkeypatch.setattr(mod, attr, _counting(value, tokenised, texts))
    split_original = SentenceSplitter.split

    def counting_split(self, text):
        for i, t in enumerate(texts):
            if text == t or (len(text) > 40 and text in t):
                split[i] += 1
        return split_original(self, text)

    monkeypatch.setattr(SentenceSplitter, "split", counting_split)
    parsed_init = parser_module.Parsed.__init__

    def counting_parse(self, nlp, text, *args, **kwargs):
        parsed[texts.index(text)] += 1
        parsed_init(self, nlp, text, *args, **kwargs)

    monkeypatch.setattr(parser_module.Parsed, "__init__", counting_parse)

    comparison = compare(articles)

    assert len(comparison.analyses) == 3 and len(comparison.alignments) == 3
    assert all(an.distinctive_terms for an in comparison.analyses)  # the terms were made ...
    assert comparison.log_odds and comparison.tones and comparison.summary  # ... and everything else
    assert [tokenised[i] for i in range(3)] == [1, 1, 1], tokenised
    assert [split[i] for i in range(3)] == [1, 1, 1], split
    if parser_module.load() is None:
        pytest.skip("the spaCy model is not installed: no parse to count")
    assert [parsed[i] for i in range(3)] == [1, 1, 1], parsed


def test_terms_read_off_the_document_equal_terms_read_off_the_text() -> None:
    from framing.analysis.term_counts import count_matrix
    from framing.analysis.term_words import analyze_terms, document_terms
    from framing.text import Document

    texts = [a.text for a in _articles()] + ["Don\u2019t say \u201cnot serious\u201d \u2010 it\u2019s well-known."]
    for text in texts:
        assert document_terms(Document(text)) == analyze_terms(text)
    by_text, by_doc = count_matrix(texts), count_matrix([Document(t) for t in texts])
    assert by_text.vocabulary == by_doc.vocabulary
    assert (by_text.matrix != by_doc.matrix).nnz == 0


def test_a_document_of_another_text_is_refused() -> None:
    from framing.analysis import Analyzer
    from framing.text import Document

    with pytest.raises(ValueError, match="not of this article"):
        Analyzer(use_parser=False).analyze(Article(text="One text."), Document("Another text."))
