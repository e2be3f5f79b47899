"""Evaluations anyone can rerun: ``python -m framing.eval polnear DIR`` and ``python -m framing.eval articles DIR``.

- :mod:`framing.eval.polnear`: speaker accuracy, quote recall and cue recall on a split of the PolNeAR corpus
  (hand-annotated attributions in US election news), by the definitions of its SOURCE.md.
- :mod:`framing.eval.judged`: precision per family on a folder of real articles, against a committed file
  of human judgements of the engine's hits (texts identified by URL and SHA-256, kept out of git).
- :mod:`framing.eval.engine`: runs the engine in this process (or its worker pool) over many files.

Nothing here is imported by the rest of the engine or by the app.
"""

from __future__ import annotations

from framing.eval.judged import Judgement, PrecisionReport, load_judgements, precision_report
from framing.eval.polnear import Attribution, PolnearScore, read_ann, same_speaker, score_article

__all__ = [
    "Attribution",
    "Judgement",
    "PolnearScore",
    "PrecisionReport",
    "load_judgements",
    "precision_report",
    "read_ann",
    "same_speaker",
    "score_article",
]
