"""Distinctive terms: the words and two-word phrases that set each article apart, by TF-IDF.

Stop words: scikit-learn's English list, minus the words on it that carry meaning in news
(``KEEP``: "serious", "fire", "bill", "interest", "system", ...). The list's own provenance is one
comment; stripping "serious" would hide exactly the word an outlet leans on ("Iran is not serious").
Numbers and one-letter tokens are left out. Bigrams are built from adjacent words that are both kept,
so "nuclear deal" survives but "deal would" does not; a negation may open a bigram ("not serious").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from .models import Term
from .text import token_words

KEEP = frozenset(
    """serious fire bill interest system call calls found find show describe detail full empty front back
    move name part put side top bottom give amount thick thin con cry fill mill sincere against
    become became becoming""".split()
)
# Negations are stop words alone but open a bigram: "not serious" is worth seeing, "not" is not.
NEGATIONS = frozenset({"not", "no", "never", "nothing", "cannot"})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) - KEEP | {"s", "t", "ve", "ll", "re", "d", "m"}
# Words that are grammatical in every article and never tell outlets apart.
STOP_WORDS = STOP_WORDS | {"said", "says", "told", "would", "could"}


def _usable(word: str) -> bool:
    return word not in STOP_WORDS and len(word) > 1 and not word.replace(",", "").replace(".", "").isdigit()


# The same answer for the same word: a corpus repeats its vocabulary, so most look-ups are cached.
_usable_cached = lru_cache(maxsize=200_000)(_usable)


def analyze_terms(text: str) -> list[str]:
    """Unigrams and bigrams of kept words, as TfidfVectorizer's analyzer."""
    spans, words = token_words(text)
    words = [w.replace("\u2019", "'") for w in words]
    usable = _usable_cached
    keep = [usable(w) for w in words]
    out = [w for w, k in zip(words, keep) if k]
    negations = NEGATIONS
    for i in range(len(words) - 1):
        if keep[i + 1] and (keep[i] or words[i] in negations):
            gap = text[spans[i][1] : spans[i + 1][0]]
            if gap == " " or gap.isspace() or gap == "-":
                out.append(f"{words[i]} {words[i + 1]}")
    return out


def distinctive_terms(texts: Sequence[str], *, top: int = 15, background: Sequence[str] = ()) -> list[list[Term]]:
    """Top TF-IDF terms of each text, with IDF over the texts plus an optional background corpus."""
    if not texts:
        return []
    corpus = list(texts) + list(background)
    vec = TfidfVectorizer(analyzer=analyze_terms, sublinear_tf=True, norm="l2")
    try:
        matrix = vec.fit_transform(corpus)
    except ValueError:  # no usable word in any text
        return [[] for _ in texts]
    vocab = vec.get_feature_names_out()
    out = []
    for row in range(len(texts)):
        vec_row = matrix.getrow(row)
        pairs = sorted(zip(vec_row.indices, vec_row.data), key=lambda p: (-p[1], vocab[p[0]]))
        out.append([Term(str(vocab[i]), round(float(score), 4)) for i, score in pairs[:top]])
    return out
