"""The pipeline's part-of-speech, morphology and lemmas, worked out once per kind of token.

In spaCy's English pipeline the tagger's fine tags become coarse parts of speech, morphology and some
lemmas by the attribute ruler (179 token patterns run through a Matcher), and lemmas by the rule
lemmatizer. Both are pure functions of a few attributes of each token: its text, its tag, its
dependency label and, for one pattern ("there is": the verb after an expletive), whether the word before
it is an expletive. Running them over every word of every paragraph cost about a quarter of the parse.

:class:`TokenAttributes` runs the two real components once for each new combination of those attributes
(on a small document of such tokens, kept apart by commas so that no pattern spans two of them), keeps
what they gave, and sets it on every later token with the same combination. A paragraph where one of the
ruler's few patterns over two words matches ("gon na", "let 's") goes through the two components as it
is. The result is the same, token for token, as the stock pipeline's (tests/test_token_attrs.py checks it
on real and invented text).
"""

from __future__ import annotations

import re
from typing import Any

# The shape of the ruler's patterns over two words that this module knows how to keep exact: a verb
# after an expletive (read through the key), and fixed word pairs (sent through the real components).
_EXPLETIVE = "expl"
# Kinds of token remembered at most (about 100 MB); past it the memo starts afresh.
MEMO_LIMIT = 400_000


def _pair_patterns(ruler: Any) -> tuple[list[list[dict[str, Any]]], set[str]] | None:
    """The ruler's patterns of two or more words, less the expletive one; and the words after an
    expletive that its expletive pattern changes. None when a pattern has a shape not handled here."""
    pairs: list[list[dict[str, Any]]] = []
    after_expletive: set[str] = set()
    for p in ruler.patterns:
        for pattern in p["patterns"]:
            if len(pattern) == 1:
                if set(pattern[0]) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                    return None  # a single-token pattern reading something the key does not hold
                continue
            if len(pattern) == 2 and pattern[0] == {"DEP": _EXPLETIVE} and set(pattern[1]) == {"LOWER"}:
                words = pattern[1]["LOWER"]
                if not (isinstance(words, dict) and set(words) == {"IN"}):
                    return None
                after_expletive.update(words["IN"])
                continue
            if any(set(t) - {"LOWER", "TAG"} for t in pattern):
                return None
            pairs.append(pattern)
    return pairs, after_expletive


def _fits(low: str, pattern: Any) -> bool:
    """Whether a lowercased word meets a pattern's LOWER value (a word, IN a list, a REGEX); True when the
    pattern does not say (it may then open the pair)."""
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return low == pattern
    if "IN" in pattern:
        return low in pattern["IN"]
    if "REGEX" in pattern:
        return re.search(pattern["REGEX"], low) is not None
    return True


class TokenAttributes:
    """A pipeline component standing for the attribute ruler and the lemmatizer, with the same output."""

    def __init__(self, vocab: Any, ruler: Any, lemmatizer: Any) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        shapes = _pair_patterns(ruler)
        self.exact = shapes is not None  # False: every paragraph goes through the real components
        self.pairs = Matcher(vocab)
        self.after_expletive: frozenset[str] = frozenset()
        self._pair_list: list[list[dict[str, Any]]] = []
        self._first_memo: dict[int, bool] = {}
        if shapes is not None:
            pairs, after = shapes
            self._pair_list = pairs
            if pairs:
                self.pairs.add("pairs", pairs)
            self.after_expletive = frozenset(after)
        self.memo: dict[tuple[int, int, int, bool], tuple[int, int, int, int, int]] = {}
        self.expl = vocab.strings.add(_EXPLETIVE)
        self._after_memo: dict[int, bool] = {}

    def __call__(self, doc: Any) -> Any:
        import numpy
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

        rows = doc.to_array([ORTH, TAG, DEP]).tolist()
        first = self._first
        if not self.exact or (any(first(r[0]) for r in rows) and self.pairs(doc)):
            return self.lemmatizer(self.ruler(doc))
        if len(self.memo) > MEMO_LIMIT:  # (a very long run meets ever more names: start afresh now and then)
            self.memo.clear()
            self._first_memo.clear()
            self._after_memo.clear()
        memo, after, expl = self.memo, self._after, self.expl
        keys = []
        new: dict[tuple[int, int, int, bool], int] = {}
        prev_expl = False
        for i, (orth, tag, dep) in enumerate(rows):
            flag = prev_expl and after(orth)
            key = (orth, tag, dep, flag)
            keys.append(key)
            if key not in memo and key not in new:
                new[key] = i
            prev_expl = dep == expl
        if new:
            self._learn(doc, new)
        values = [memo[key] for key in keys]
        doc.from_array([POS, MORPH, LEMMA], numpy.array([v[2:] for v in values], dtype="uint64"))
        for i, (key, v) in enumerate(zip(keys, values)):
            if v[0] != key[1] or v[1] != key[2]:  # (the ruler re-tags white space)
                t = doc[i]
                t.tag, t.dep = v[0], v[1]
        return doc

    def _first(self, orth: int) -> bool:
        """Whether the word may open one of the ruler's word pairs ("gon" of "gon na")."""
        found = self._first_memo.get(orth)
        if found is None:
            low = self.vocab.strings[orth].lower()
            found = self._first_memo[orth] = any(_fits(low, p[0].get("LOWER")) for p in self._pair_list)
        return found

    def _after(self, orth: int) -> bool:
        """Whether the word is one the expletive pattern changes ("is" in "there is")."""
        found = self._after_memo.get(orth)
        if found is None:
            found = self._after_memo[orth] = self.vocab.strings[orth].lower() in self.after_expletive
        return found

    def _learn(self, doc: Any, new: dict[tuple[int, int, int, bool], int]) -> None:
        """Run the real components over one token of each new kind and keep what they set."""
        from spacy.tokens import Doc

        words: list[str] = []
        tags: list[str] = []
        deps: list[str] = []
        at: list[int] = []
        for key, i in new.items():
            t = doc[i]
            # Each token after a comma (no pattern reads a comma), or after an expletive "there" when the
            # key says the word stands after one.
            words.append("there" if key[3] else ",")
            tags.append("EX" if key[3] else ",")
            deps.append(_EXPLETIVE if key[3] else "punct")
            at.append(len(words))
            words.append(t.text)
            tags.append(t.tag_)
            deps.append(t.dep_)
        small = Doc(
            self.vocab,
            words=words,
            spaces=[False] * len(words),
            tags=tags,
            deps=deps,
            heads=list(range(len(words))),
        )
        small = self.lemmatizer(self.ruler(small))
        for key, i in zip(new, at):
            s = small[i]
            self.memo[key] = (s.tag, s.dep, s.pos, s.morph.key, s.lemma)


def install(nlp: Any) -> None:
    """Put :class:`TokenAttributes` in the pipeline in place of the attribute ruler and the lemmatizer
    (both kept, switched off, for it to call)."""
    from spacy.language import Language

    if not Language.has_factory("framing_token_attributes"):
        Language.factory("framing_token_attributes")(_factory)
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    nlp.add_pipe("framing_token_attributes", after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")


def _factory(nlp: Any, name: str) -> TokenAttributes:
    return TokenAttributes(nlp.vocab, nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
