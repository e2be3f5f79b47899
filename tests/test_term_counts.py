"""Corpus-level term counts: the fast counting gives exactly what the plain code gave.

The oracle is the code as it was before the count matrix: ``analyze_terms`` token by token,
``TfidfVectorizer(analyzer=...)`` for the distinctive terms and per-group Counters for log-odds, copied
below unchanged. Every comparison is on the seeds, the bundled corpus and a generated corpus of 300
articles, and on hand-made and random texts full of the characters that make tokenising hard.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

import framing.analysis.term_words as terms_module
from framing.analysis.corpus_terms import CorpusTerms, corpus_terms
from framing.analysis.logodds import SPARSE_BELOW, TermScore, count_terms, log_odds, log_odds_from_counts
from framing.analysis.term_counts import TermCounts, count_matrix
from framing.analysis.term_words import NEGATIONS, STOP_WORDS, analyze_terms
from framing.analysis.terms import (
    distinctive_terms,
    distinctive_terms_from_counts,
    tfidf_matrix,
)
from framing.library.ingest import load_seeds
from framing.models import Term
from framing.text.document import token_words

# ------------------------------------------------------------------------------------- the oracle


def _ref_usable(word: str) -> bool:
    return word not in STOP_WORDS and len(word) > 1 and not word.replace(",", "").replace(".", "").isdigit()


def ref_analyze_terms(text: str) -> list[str]:
    spans, words = token_words(text)
    words = [w.replace("\u2019", "'") for w in words]
    keep = [_ref_usable(w) for w in words]
    out = [w for w, k in zip(words, keep) if k]
    for i in range(len(words) - 1):
        if keep[i + 1] and (keep[i] or words[i] in NEGATIONS):
            gap = text[spans[i][1] : spans[i + 1][0]]
            if gap == " " or gap.isspace() or gap == "-":
                out.append(f"{words[i]} {words[i + 1]}")
    return out


def ref_distinctive_terms(texts, *, top=15, background=()):
    if not texts:
        return []
    corpus = list(texts) + list(background)
    vec = TfidfVectorizer(analyzer=ref_analyze_terms, sublinear_tf=True, norm="l2")
    try:
        matrix = vec.fit_transform(corpus)
    except ValueError:
        return [[] for _ in texts]
    vocab = vec.get_feature_names_out()
    out = []
    for row in range(len(texts)):
        vec_row = matrix.getrow(row)
        pairs = sorted(zip(vec_row.indices, vec_row.data), key=lambda p: (-p[1], vocab[p[0]]))
        out.append([Term(str(vocab[i]), round(float(score), 4)) for i, score in pairs[:top]])
    return out


def ref_count_terms(texts) -> Counter:
    if isinstance(texts, str):
        texts = [texts]
    counts: Counter = Counter()
    for text in texts:
        counts.update(ref_analyze_terms(text))
    return counts


def ref_log_odds(groups, *, background=(), prior_scale=1.0, min_count=1):
    if len(groups) < 2:
        raise ValueError(f"log-odds compares groups with each other: give at least 2 groups, got {len(groups)}")
    if not prior_scale > 0:
        raise ValueError(f"prior_scale must be positive, got {prior_scale!r}")
    counts = {name: ref_count_terms(texts) for name, texts in groups.items()}
    totals = {name: sum(c.values()) for name, c in counts.items()}
    empty = [str(name) for name, n in totals.items() if n == 0]
    if len(empty) == len(groups):
        raise ValueError("log-odds needs words to count: every group's texts are empty")
    if empty:
        raise ValueError(f"group(s) {', '.join(repr(e) for e in empty)} have no usable words")
    pooled = ref_count_terms(background)
    for c in counts.values():
        pooled.update(c)
    pooled_total = sum(pooled.values())
    a0 = prior_scale * sum(totals.values()) / len(groups)
    scale = a0 / pooled_total
    all_counts: Counter = Counter()
    for c in counts.values():
        all_counts.update(c)
    vocab = [w for w, k in all_counts.items() if k >= min_count]
    grand_total = sum(totals.values())
    index = {w: k for k, w in enumerate(vocab)}
    y = np.zeros((len(counts), len(vocab)), dtype=np.int64)
    for g, c in enumerate(counts.values()):
        cols = [index[w] for w in c if w in index]
        y[g, cols] = [c[vocab[k]] for k in cols]
    y_all = np.array([all_counts[w] for w in vocab], dtype=np.int64)
    a_w = np.array([pooled[w] for w in vocab], dtype=np.float64) * scale
    sparse = (y_all < SPARSE_BELOW).tolist()
    rank = np.empty(len(vocab), dtype=np.int64)
    rank[sorted(range(len(vocab)), key=vocab.__getitem__)] = np.arange(len(vocab))
    out = {}
    for g, (name, _) in enumerate(counts.items()):
        n_i = totals[name]
        n_j = grand_total - n_i
        y_i = y[g].astype(np.float64)
        y_j = (y_all - y[g]).astype(np.float64)
        rest_i = n_i + a0 - y_i - a_w
        rest_j = n_j + a0 - y_j - a_w
        ok = (rest_i > 0) & (rest_j > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((y_i + a_w) / rest_i) - np.log((y_j + a_w) / rest_j)
            var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
            z = delta / np.sqrt(var)
        delta = np.where(ok, delta, 0.0)
        z = np.where(ok, z, 0.0)
        frequency = 1000.0 * y_i / n_i
        order = np.lexsort((rank, -y[g], -z)).tolist()
        cnt, rest = y[g].tolist(), (y_all - y[g]).tolist()
        dl, zl, fl = delta.tolist(), z.tolist(), frequency.tolist()
        group = str(name)
        out[group] = [TermScore(vocab[k], group, cnt[k], rest[k], fl[k], dl[k], zl[k], sparse[k]) for k in order]
    return out


def assert_same_scores(got: dict, want: dict) -> None:
    """Same groups, terms in the same order, same counts and flags, figures equal to within 1e-9."""
    assert list(got) == list(want)
    for group in want:
        g, w = got[group], want[group]
        assert [s.term for s in g] == [s.term for s in w], group
        for a, b in zip(g, w):
            assert type(a) is TermScore
            assert (a.group, a.count, a.rest_count, a.sparse) == (b.group, b.count, b.rest_count, b.sparse)
            for attr in ("frequency", "delta", "z"):
                x, y = getattr(a, attr), getattr(b, attr)
                assert math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9), (group, a.term, attr, x, y)


# ------------------------------------------------------------------------------------- the corpora

HARD = [
    "",
    "   \n\t ",
    "the and of it",
    "Iran is not serious about the nuclear deal and they would fail",
    "IRAN\u2019s Nuclear talks \u2014 the \u201cnuclear deal\u201d \u2013 not\u00a0serious, never\u202fagain",
    "so-called options, the nuclear-deal text; nuclear\u2010deal and nuclear\u2011deal",
    "Iran's talks. Iran\u02bcs talks, Iran\u2018s talks; the U.S. by 5 p.m. 1,000 2015 3.5",
    "It's don't can't won't isn't; \u2019tis the rock\u2019n\u2019roll X's S's s",
    "ΣΟΦΙΑ ΣΟΦΟΣ talks \u03a3 said",  # capital sigma: the plain way
    "\u0130stanbul talks \u0130ZM\u0130R deal",  # a letter that lower-cases to two, kept as it is by fold
    "Stra\u00dfe STRASSE \u1e9e caf\u00e9 CAF\u00c9 na\u00efve e\u0301te\u0301 \u212aelvin \u01c5 \u2160 \u24b6",
    "snake_case words_here _under_ score__ no_ _not",
    "not serious. no deal! never again? nothing left cannot wait not-serious no-go",
    "word\u2032s prime \u00abguillemets\u00bb \u201equote\u201f soft\u00adhyphen",
    "a\u200bzero width\u2009thin\u2007figure space\u3000ideographic",
    "line one\nline two\r\nline three\u2028line four\u2029para",
    "trailing not",
    "not",
    "deal,deal;deal:deal deal(deal)deal",
]

ALPHABET = [*"abcdefg sS'-.,\n\t ", "not ", "no ", "the ", "said ", "Iran", "1,000", "2015", "x\u2019s ", "X's"] + [
    "\u2019",
    "\u02bc",
    "\u2018",
    "\u2010",
    "\u2011",
    "\u2013",
    "\u2014",
    "\u00a0",
    "\u202f",
    "\u201c",
    "\u201d",
    "\u0130",
    "\u03a3",
    "\u03c3",
    "\u00e9",
    "\u00df",
    "_",
    "\u0301",
    "\u2032",
    "\u00ad",
    "\u212a",
    "\u01c5",
    "\u2160",
]


def _random_texts(n: int, seed: int, alphabet: list[str]) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


@pytest.fixture(scope="session")
def seeds() -> list[tuple[str, str]]:
    return [(a.outlet, a.text) for a in load_seeds()]


@pytest.fixture(scope="session")
def bundled(project_root) -> list[tuple[str, str]]:
    out = []
    for path in sorted((project_root / "data" / "corpus").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            out += [(art["outlet"], art["text"]) for art in data["articles"]]
    assert len(out) >= 10
    return out


@pytest.fixture(scope="session")
def generated() -> list[tuple[str, str]]:
    from benchmarks.corpus import generate

    return [(a.outlet, a.text) for a in generate(300)]


CORPORA = ["seeds", "bundled", "generated"]


@pytest.fixture(params=CORPORA)
def corpus(request) -> list[tuple[str, str]]:
    return request.getfixturevalue(request.param)


def by_outlet(pairs) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for outlet, text in pairs:
        groups.setdefault(outlet, []).append(text)
    return groups


# ------------------------------------------------------------------------------------- analyze_terms


def test_analyze_terms_equals_the_plain_code_on_the_corpora(corpus):
    for _, text in corpus:
        assert analyze_terms(text) == ref_analyze_terms(text)


@pytest.mark.parametrize("text", HARD)
def test_analyze_terms_equals_the_plain_code_on_hard_texts(text):
    assert analyze_terms(text) == ref_analyze_terms(text)


@pytest.mark.parametrize("seed", [1, 2])
def test_analyze_terms_equals_the_plain_code_on_random_texts(seed):
    # Seed 2 leaves out the capital sigma, so every text goes the fast way.
    alphabet = ALPHABET if seed == 1 else [c for c in ALPHABET if c != "\u03a3"]
    for text in _random_texts(3000, seed, alphabet):
        assert analyze_terms(text) == ref_analyze_terms(text), repr(text)


def test_only_capital_sigma_lower_cases_by_its_neighbours():
    """Pieces are folded on their own. That gives what folding the whole text gives because lower-casing
    one character never looks at another, except for the capital sigma (texts with one go the plain way)."""
    chars = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and cp != 0x3A3]
    assert "".join(chars).lower() == "".join(c.lower() for c in chars)
    assert "\u0391\u03a3".lower() != "".join(c.lower() for c in "\u0391\u03a3")  # the one that does


def test_pieces_learnt_together_are_pieces_learnt_alone(monkeypatch, bundled):
    pieces = {p for _, t in bundled for p in t.split()}
    pieces |= {p for t in HARD + _random_texts(300, 4, ALPHABET) for p in t.split()}
    pieces = sorted(pieces)
    monkeypatch.setattr(terms_module, "PIECES", terms_module._Pieces())
    terms_module.learn(pieces)
    assert len(terms_module.PIECES) == len(pieces)
    for piece in pieces:
        assert terms_module.PIECES[piece] == terms_module._piece(piece), repr(piece)
    terms_module.learn([])


def test_a_piece_with_a_bigram_inside_sends_its_text_the_plain_way(monkeypatch, generated):
    # The tokenizer never leaves one; make one up to see that the fallback keeps results the same.
    texts = [t for _, t in generated[:20]]
    piece = texts[0].split()[5]
    monkeypatch.setattr(terms_module, "_INNER", {piece})
    assert terms_module.split_pieces(texts[0]) is None
    for text in texts:
        assert analyze_terms(text) == ref_analyze_terms(text)
    counts = count_matrix(texts)
    assert counts.vocabulary == list(CountVectorizer(analyzer=ref_analyze_terms).fit(texts).get_feature_names_out())


# ------------------------------------------------------------------------------------- count_matrix


def assert_same_matrix(counts: TermCounts, texts: list[str]) -> None:
    """The matrix of CountVectorizer(analyzer=the plain code), to the order its entries are stored in."""
    vec = CountVectorizer(analyzer=ref_analyze_terms)
    want = vec.fit_transform(texts)
    assert counts.vocabulary == list(vec.get_feature_names_out())
    got = counts.matrix
    assert got.shape == want.shape
    assert got.dtype == np.int64
    assert np.array_equal(got.indptr, want.indptr)
    assert np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data)


def test_count_matrix_is_count_vectorizers_matrix(corpus):
    texts = [t for _, t in corpus]
    counts = count_matrix(texts)
    assert_same_matrix(counts, texts)
    assert counts.n_docs == len(texts)
    assert counts.counter(0) == Counter(ref_analyze_terms(texts[0]))
    assert counts.column[counts.vocabulary[3]] == 3


def test_count_matrix_on_hard_and_random_texts():
    texts = HARD + _random_texts(500, 3, ALPHABET)
    assert_same_matrix(count_matrix(texts), texts)
    # duplicates, and texts that go the plain way mixed with those that don't
    texts = [HARD[4], HARD[8], HARD[4], HARD[9], HARD[3], HARD[8]]
    assert_same_matrix(count_matrix(texts), texts)


def test_count_matrix_edges():
    empty = count_matrix([])
    assert empty.matrix.shape == (0, 0) and empty.vocabulary == []
    blank = count_matrix(["", "the and of", "  "])
    assert blank.matrix.shape == (3, 0) and blank.vocabulary == []
    assert count_matrix("Iran talks").vocabulary == ["iran", "iran talks", "talks"]  # a lone string is one text


def test_count_matrix_after_the_piece_cache_was_emptied(monkeypatch, generated):
    texts = [t for _, t in generated[:30]]
    monkeypatch.setattr(terms_module._Pieces, "LIMIT", 50)
    terms_module.PIECES.clear()
    assert_same_matrix(count_matrix(texts), texts)
    # over the limit, the cache starts afresh when new pieces come
    fresh = ["Zorbulent quixotries, flembic."]
    assert_same_matrix(count_matrix(fresh), fresh)
    assert sorted(terms_module.PIECES) == ["Zorbulent", "flembic.", "quixotries,"]
    for text in texts[3:6]:
        assert analyze_terms(text) == ref_analyze_terms(text)


def test_tfidf_matrix_is_tfidf_vectorizers_bit_for_bit(corpus):
    texts = [t for _, t in corpus]
    want = TfidfVectorizer(analyzer=ref_analyze_terms, sublinear_tf=True, norm="l2").fit_transform(texts)
    got = tfidf_matrix(count_matrix(texts))
    assert np.array_equal(got.indptr, want.indptr)
    assert np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data)


# ------------------------------------------------------------------------------------- distinctive terms


def test_distinctive_terms_equal_the_plain_code(corpus):
    texts = [t for _, t in corpus]
    assert distinctive_terms(texts, top=15) == ref_distinctive_terms(texts, top=15)
    assert distinctive_terms(texts, top=50) == ref_distinctive_terms(texts, top=50)


def test_distinctive_terms_with_background_equal_the_plain_code(bundled, generated):
    texts = [t for _, t in bundled[:5]]
    background = [t for _, t in generated[:40]]
    assert distinctive_terms(texts, background=background) == ref_distinctive_terms(texts, background=background)


@pytest.mark.parametrize("top", [0, 1, 3, 1000, -2])
def test_distinctive_terms_any_top_as_a_slice(seeds, top):
    texts = [t for _, t in seeds]
    assert distinctive_terms(texts, top=top) == ref_distinctive_terms(texts, top=top)


def test_distinctive_terms_hard_and_empty_texts():
    for texts in (HARD, ["", ""], ["the and of", "it is"], ["Iran talks", ""], [HARD[8], HARD[9]]):
        assert distinctive_terms(texts) == ref_distinctive_terms(texts)
    assert distinctive_terms([]) == []


def test_distinctive_terms_from_counts_takes_background_rows(bundled):
    texts = [t for _, t in bundled]
    counts = count_matrix(texts)
    got = distinctive_terms_from_counts(counts, top=10, n_texts=3)
    assert got == ref_distinctive_terms(texts[:3], top=10, background=texts[3:])
    assert distinctive_terms_from_counts(counts, top=10) == ref_distinctive_terms(texts, top=10)
    assert distinctive_terms_from_counts(counts, n_texts=0) == []


# ------------------------------------------------------------------------------------- log-odds


def test_log_odds_by_outlet_equals_the_plain_code(corpus):
    groups = by_outlet(corpus)
    if len(groups) < 2:
        groups = {f"article {i}": [t] for i, (_, t) in enumerate(corpus)}
    assert_same_scores(log_odds(groups), ref_log_odds(groups))


def test_log_odds_options_equal_the_plain_code(bundled, generated):
    groups = by_outlet(bundled)
    background = [t for _, t in generated[:30]]
    assert_same_scores(log_odds(groups, background=background), ref_log_odds(groups, background=background))
    assert_same_scores(log_odds(groups, min_count=3), ref_log_odds(groups, min_count=3))
    assert_same_scores(log_odds(groups, prior_scale=0.25), ref_log_odds(groups, prior_scale=0.25))
    # one text per article, against a background, as compare() does
    articles = {f"a{i}": [t] for i, (_, t) in enumerate(bundled[:3])}
    assert_same_scores(log_odds(articles, background=background), ref_log_odds(articles, background=background))


def test_log_odds_repeated_and_shared_texts_count_as_often_as_given(seeds):
    (_, a), (_, b) = seeds
    groups = {"A": [a, a], "B": [b, a], 3: "Iran talks. Iran talks again."}  # a lone string is one text
    assert_same_scores(log_odds(groups, background=[b, b]), ref_log_odds(groups, background=[b, b]))


def test_log_odds_errors_as_before():
    for groups in ({"A": [""], "B": ["the and of it"]}, {"A": ["Iran talks"], "B": ["   "]}, {"A": ["x y"]}):
        with pytest.raises(ValueError) as got:
            log_odds(groups)
        with pytest.raises(ValueError) as want:
            ref_log_odds(groups)
        assert str(got.value).split(":")[0][:30] == str(want.value).split(":")[0][:30]


def test_log_odds_from_counts_reads_rows(bundled):
    texts = [t for _, t in bundled]
    counts = count_matrix(texts)
    rows = {"first": [0, 1], "second": [2, 3, 3]}
    want = ref_log_odds({"first": texts[:2], "second": [texts[2], texts[3], texts[3]]}, background=texts[4:])
    assert_same_scores(log_odds_from_counts(counts, rows, background=range(4, len(texts))), want)
    with pytest.raises(IndexError):
        log_odds_from_counts(counts, {"a": [0], "b": [len(texts)]})


def test_count_terms_equals_the_plain_code(corpus):
    texts = [t for _, t in corpus]
    got, want = count_terms(texts), ref_count_terms(texts)
    assert got == want and list(got) == list(want)


# ------------------------------------------------------------------------------------- corpus_terms


def test_corpus_terms_is_both_views_from_one_matrix(generated):
    texts = [t for _, t in generated]
    labels = [o for o, _ in generated]
    result = corpus_terms(texts, labels, top=15)
    assert isinstance(result, CorpusTerms)
    terms, scores = result
    assert terms == ref_distinctive_terms(texts, top=15)
    assert_same_scores(scores, ref_log_odds(by_outlet(generated)))


def test_corpus_terms_with_background_and_options(bundled, generated):
    texts = [t for _, t in bundled]
    labels = [o for o, _ in bundled]
    background = [t for _, t in generated[:25]]
    terms, scores = corpus_terms(texts, labels, top=7, background=background, prior_scale=2.0, min_count=2)
    assert terms == ref_distinctive_terms(texts, top=7, background=background)
    want = ref_log_odds(by_outlet(bundled), background=background, prior_scale=2.0, min_count=2)
    assert_same_scores(scores, want)


def test_corpus_terms_without_two_groups_has_no_log_odds(seeds):
    texts = [t for _, t in seeds]
    assert corpus_terms(texts).log_odds == {}
    assert corpus_terms(texts, ["same", "same"]).log_odds == {}
    assert corpus_terms(texts).terms == ref_distinctive_terms(texts)
    with pytest.raises(ValueError, match="one label per text"):
        corpus_terms(texts, ["only one"])
    assert corpus_terms([], []) == ([], {})
