"""The optional compiled twins of the per-token steps (``speedups/framing_speedups.c``).

``pip install -r requirements.txt`` builds them where a C compiler and Python's headers are found;
elsewhere the install goes on without them. Each twin returns exactly what its Python reference returns
(``framing.text.document._word_table``, ``framing.lexicons.matcher._match_all``); only the speed differs, and the tests
compare the two. The Python reference is used when the extension is missing, when it is of another
version than this code expects (an old build left installed), or when ``FRAMING_PURE_PYTHON`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

#: The version of ``speedups/framing_speedups.c`` this code expects (its ``VERSION``).
SPEEDUPS_VERSION = 3


def compiled(name: str) -> Callable[..., Any] | None:
    """The compiled function ``name``, or None where the Python reference is to be used."""
    if os.environ.get("FRAMING_PURE_PYTHON", "").strip() not in ("", "0"):
        return None
    try:
        import framing_speedups
    except ImportError:
        return None
    if getattr(framing_speedups, "VERSION", None) != SPEEDUPS_VERSION:
        return None
    return getattr(framing_speedups, name, None)
