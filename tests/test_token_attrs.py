"""The memoised attribute ruler and lemmatizer (framing.text.token_attrs) give what the stock components give,
token for token; and parsing a batch ahead (Analyzer.parse_ahead) changes nothing an analysis finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import Article
from framing.analysis.article import Analyzer
from framing.text import Document, parser, token_attrs
from framing.text.sentences import paragraph_spans

spacy = pytest.importorskip("spacy")
ROOT = Path(__file__).resolve().parents[1]

# Sentences written for this test: the ruler's patterns over two words, white space it re-tags, the verb
# after an expletive and look-alikes of each, pronouns it gives lemmas and morphology, and new words.
TRICKY = [
    "There is a problem, and there are more; there's no doubt. Is there? It is, and they are.",
    "We're gonna win, let's go. Y'all ain't seen nothing, he said. Gotta go, c'mon.",
    "Gon na? Let 's see. Got ta run. Ai n't it so? y all. The lets and the gots.",
    "  \n  Hello   world \n\n again\t\tand  again ",
    "I'd say it ain't so; you'd know. Me, myself and I. Hers was theirs, not ours.",
    "The Zorvathian minister blorked that the quiblets were frumious, the spokesman said.",
    "Being there had been enough; it has been done. Don't, won't, can't, shouldn't.",
]


def _texts() -> list[str]:
    out = list(TRICKY)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in paragraph_spans(text)]
    return out


def _attrs(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.pos_, str(t.morph), t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(parser.MODEL_PACKAGE)
    memo = spacy.load(parser.MODEL_PACKAGE)
    token_attrs.install(memo)
    return stock, memo


def test_installed_in_place_of_the_ruler_and_the_lemmatizer(pipelines) -> None:
    _, memo = pipelines
    assert "framing_token_attributes" in memo.pipe_names
    assert "attribute_ruler" not in memo.pipe_names and "lemmatizer" not in memo.pipe_names
    assert memo.get_pipe("framing_token_attributes").exact
    loaded = parser.load()
    assert loaded is not None and "framing_token_attributes" in loaded.pipe_names


def test_same_attributes_as_the_stock_pipeline_token_for_token(pipelines) -> None:
    stock, memo = pipelines
    texts = _texts()
    # Twice: the second time every kind of token is remembered (the path a long corpus run takes).
    for _ in range(2):
        for a, b in zip(stock.pipe(texts), memo.pipe(texts), strict=True):
            assert _attrs(a) == _attrs(b), a.text
    component = memo.get_pipe("framing_token_attributes")
    assert len(component.memo) > 100


def test_the_memo_starts_afresh_past_its_limit_and_stays_exact(pipelines, monkeypatch) -> None:
    stock, memo = pipelines
    component = memo.get_pipe("framing_token_attributes")
    monkeypatch.setattr(token_attrs, "MEMO_LIMIT", 20)
    texts = _texts()[:8]
    sizes = []
    for text in texts:  # (one at a time: pipe() would run each component over all of them first)
        assert _attrs(stock(text)) == _attrs(memo(text))
        sizes.append(len(component.memo))
    longest = max(len(stock.make_doc(t)) for t in texts)
    assert max(sizes) <= 21 + longest  # (cleared before a paragraph once past the limit)
    assert any(later < earlier for earlier, later in zip(sizes, sizes[1:]))  # it did start afresh


def test_a_pair_pattern_sends_the_paragraph_through_the_real_components(pipelines) -> None:
    stock, memo = pipelines
    component = memo.get_pipe("framing_token_attributes")
    for text in ("let's go", "we're gonna win"):
        a, b = stock(text), memo(text)
        assert _attrs(a) == _attrs(b)
    assert stock("let's go")[1].lemma_ == "us"  # (what the pair pattern does, kept)
    assert component._first(memo.vocab.strings.add("gon")) and not component._first(memo.vocab.strings.add("go"))


def test_a_pattern_of_an_unknown_shape_turns_the_memo_off(pipelines) -> None:
    stock, _ = pipelines

    class Ruler:
        patterns = [{"patterns": [[{"TAG": "NN", "LENGTH": 3}]], "attrs": {"POS": "NOUN"}, "index": 0}]

    odd = token_attrs.TokenAttributes(stock.vocab, Ruler(), stock.get_pipe("lemmatizer"))
    assert not odd.exact


LONG = (
    '"We will not accept this," Mira Holt, the council leader, said on Monday. She added that talks would go on.\n\n'
    "The plan was criticised by the opposition. Its leader, Tom Reyes, told reporters it was rushed.\n\n"
    'He said: "This is a mistake." Officials declined to comment.\n\n'
    "The fourth paragraph is about the weather and the roads, and nothing else.\n\n"
)


def _found(an) -> tuple:
    return an.hits, an.quotes, an.speakers, an.word_count


def test_parsing_a_batch_ahead_changes_no_analysis() -> None:
    if parser.load() is None:
        pytest.skip(f"no parser: {parser.status().detail}")
    analyzer = Analyzer()
    articles = [Article(text=LONG * k + TRICKY[k], id=str(k), outlet="o") for k in range(1, 5)]
    alone = [_found(analyzer.analyze(a)) for a in articles]
    docs = [Document(a.text) for a in articles]
    find, finds = analyzer.matcher.find, []
    analyzer.matcher.find = lambda doc: finds.append(doc) or find(doc)
    analyzer.parse_ahead(docs)
    ahead = [d.parse(parser.load()) for d in docs]
    assert all(p._ready and not p.docs for p in ahead)  # parsed ahead, not yet asked for
    # The weather paragraph (no quotation, no reporting word) is not parsed ahead.
    assert not any("weather" in p.text[slice(*p.paragraphs[i])] for p in ahead for i in p._ready)
    batched = [_found(analyzer.analyze(a, d)) for a, d in zip(articles, docs)]
    assert batched == alone
    assert finds == docs  # each document matched once, by parse_ahead; its analysis took that context
