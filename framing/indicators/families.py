"""The registry of indicator families: one line per family says what finds its hits and how it is drawn.

Adding a family (docs/ARCHITECTURE.md, "Adding an indicator family") is a module in this package with a
``detect(Context) -> list[Hit]``, its lexicon file in ``framing/lexicons/`` (``name:`` the family), and
one line below. Everything else (the analysis, the counts and rates, the highlights and their legend, the
charts, the reports and the app's pickers) reads the families from here.

The colours are Okabe-Ito (safe for the common colour-vision deficiencies), each family with its own
underline style, so that the families are told apart without colour too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from framing.indicators import agency, attribution, frames, hedges, labels, loaded_language, scare_quotes
from framing.indicators.context import Context
from framing.models import Hit


@dataclass(frozen=True)
class Family:
    name: str  # also the name of its lexicon
    detect: Callable[[Context], list[Hit]]
    label: str  # what a reader sees
    color: str  # the underline and legend colour
    bg: str  # the highlight's background
    line: str  # the underline's style: solid, double, dashed, dotted or wavy
    shown: bool = True  # highlighted when a page opens (frame cues are many: shown as a profile first)


# In this order: the reporting verbs are found first (the scare-quote test reads them), and the families
# are listed in this order everywhere.
REGISTRY: tuple[Family, ...] = (
    Family("attribution", attribution.detect, "Attribution", "#E69F00", "#FBE3B3", "solid"),
    Family("scare_quotes", scare_quotes.detect, "Scare quotes", "#0072B2", "#CCE3F0", "double"),
    Family("labels", labels.detect, "Labels", "#009E73", "#C2EBDD", "dashed"),
    Family("hedges", hedges.detect, "Hedges & boosters", "#8A7F00", "#F7F1A8", "dotted"),
    Family("loaded_language", loaded_language.detect, "Loaded language", "#CC79A7", "#F2D7E6", "wavy"),
    Family("agency", agency.detect, "Agency (who did it?)", "#D55E00", "#F9D5C2", "dashed"),
    Family("frames", frames.detect, "Frame cues", "#56B4E9", "#DDEFFA", "dotted", shown=False),
)

#: The families' names, in registry order.
FAMILIES: tuple[str, ...] = tuple(f.name for f in REGISTRY)
#: Families highlighted when a page opens.
DEFAULT_SHOWN: tuple[str, ...] = tuple(f.name for f in REGISTRY if f.shown)
BY_NAME: dict[str, Family] = {f.name: f for f in REGISTRY}
