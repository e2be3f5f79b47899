"""A deterministic corpus of generated news articles for the speed benchmark.

Articles are assembled from the bundled corpus (``data/corpus/*.json``) and the seeds: whole
paragraphs are drawn at random (a quotation never runs past its paragraph, so drawing paragraphs
keeps quotation marks balanced as they are in real copy), the proper names of places and outlets are
varied, and now and then a sentence is built from the shipped lexicons (a label, a loaded word, a
hedge, a reporting verb and a quotation), so lexicon hits, quotations, passives and reported speech
occur at about the rates of the real articles. The same seed gives the same corpus.
"""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

from framing import Article, load_seeds
from framing.lexicons import load_shipped

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "data" / "corpus"
SEED = 20240301

# Name parts from which varied outlet names are made: "The Harbour Tribune" -> "The Harbour Courier".
_OUTLET_HEADS = ("Northern", "Harbour", "Valley", "Capital", "Coastal", "Evening", "Morning", "Daily", "Free", "Union")
_OUTLET_TAILS = ("Ledger", "Courier", "Times", "Post", "Tribune", "Herald", "Gazette", "Wire", "Standard", "Observer")
_PLACES = (
    "Ashfeld Corran Dellavia Ellsmoor Fenwick Galdor Harrowmere Istral Juniper Kestow Lorne Marenza Norrow "
    "Oskarn Pellin Quarrow Rastel Senmara Tolvane Ulmstead Varrow Wendmoor Yarrick Zellin"
).split()
_PERSONS = (
    "Anna Kovar, Pieter Grann, Ruth Amsel, Daniel Okoro, Maria Ilani, Tomas Reyes, Leila Haddad, "
    "Jonas Brandt, Sofia Marek, Omar Saleh, Hannah Vries, Mateo Cruz"
).split(", ")


@lru_cache(maxsize=1)
def _material() -> dict:
    """Paragraphs, titles and outlets of the bundled corpus and seeds, and lexicon words to splice in."""
    paragraphs: list[str] = []
    titles: list[str] = []
    outlets: list[str] = []
    texts: list[str] = []
    for path in sorted(CORPUS_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list):  # outlets.json
            outlets.extend(o["name"] for o in data if isinstance(o, dict) and o.get("name"))
            continue
        for art in data.get("articles", []):
            titles.append(art.get("title", ""))
            texts.append(art["text"])
    for art in load_seeds():
        titles.append(art.title)
        texts.append(art.text)
        if art.outlet:
            outlets.append(art.outlet)
    for text in texts:
        paras = [p.strip() for p in text.split("\n") if p.strip()]
        paragraphs.extend(p for p in paras[1:] if len(p.split()) >= 8)  # the first line is the headline
    lex = load_shipped()

    def forms(family: str, *, pos: str | None = None) -> list[str]:
        out = []
        for e in lex[family].entries:
            if e.context == "rule" or (pos and e.pos != pos):
                continue
            out.extend(f for f in e.surface if f.islower() or family == "labels")
        return sorted(set(out))

    return {
        "paragraphs": paragraphs,
        "titles": [t for t in titles if t],
        "outlets": sorted(set(outlets)),
        "labels": forms("labels"),
        "loaded": forms("loaded_language"),
        "hedges": forms("hedges"),
        "frames": forms("frames"),
        "names": sorted(set(_PLACES) | {w for o in outlets for w in o.split() if w[:1].isupper() and len(w) > 3}),
    }


def _lexicon_sentence(rng: random.Random, m: dict) -> str:
    """One sentence from lexicon words: a speaker, a reporting verb, a quotation, a label, a loaded word."""
    who = rng.choice(_PERSONS)
    label = rng.choice(m["labels"])
    loaded = rng.choice(m["loaded"])
    hedge = rng.choice(m["hedges"])
    frame = rng.choice(m["frames"])
    place = rng.choice(_PLACES)
    shapes = (
        f'"The {frame} in {place} {hedge} not recover," {who} said on Monday.',
        f"{who} said that {label} forces had been accused of {loaded} near {place}.",
        f'Officials described the {frame} plan as "{loaded}", according to {who}.',
        f"Several homes were destroyed in {place}, and the {label} response was {hedge} {loaded}.",
        f"{who} told reporters the {frame} talks {hedge} resume, calling the delay {loaded}.",
    )
    return rng.choice(shapes)


def _vary_names(paragraph: str, rng: random.Random, m: dict, swap: dict[str, str]) -> str:
    """Proper names of places and outlets swapped for others, the same swap throughout one article."""
    if not swap:
        return paragraph
    return _name_re(tuple(sorted(swap))).sub(lambda mt: swap[mt.group(0)], paragraph)


@lru_cache(maxsize=256)
def _name_re(names: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


def generate(n: int, *, words: int = 600, seed: int = SEED) -> list[Article]:
    """``n`` articles of about ``words`` words each, the same for the same seed."""
    rng = random.Random(seed)
    m = _material()
    paragraphs, names = m["paragraphs"], m["names"]
    # The bundled outlets and as many made-up ones: about 30 outlets, as a newsroom's year of coverage has.
    rotated = _OUTLET_TAILS[3:] + _OUTLET_TAILS[:3]
    outlets = list(m["outlets"]) + [f"The {h} {t}" for h, t in zip(_OUTLET_HEADS, rotated)]
    outlets += [f"{h} {t}" for h, t in zip(_OUTLET_HEADS[::2], _OUTLET_TAILS[1::2])]
    out: list[Article] = []
    for i in range(n):
        outlet = rng.choice(outlets)
        swap = {a: b for a, b in zip(rng.sample(names, 3), rng.sample(names, 3)) if a != b}
        title = _vary_names(rng.choice(m["titles"]), rng, m, swap)
        body: list[str] = []
        count = len(title.split())
        while count < words:
            if rng.random() < 0.08:
                para = " ".join(_lexicon_sentence(rng, m) for _ in range(rng.randint(1, 3)))
            else:
                para = _vary_names(rng.choice(paragraphs), rng, m, swap)
            body.append(para)
            count += len(para.split())
        text = title + "\n\n" + "\n\n".join(body)
        out.append(
            Article(text=text, title=title, outlet=outlet, id=f"bench-{i}", story=f"Story {i % 200}", language="en")
        )
    return out
