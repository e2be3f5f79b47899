"""The engine stays free of the UI."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "framing"


def test_framing_never_imports_streamlit() -> None:
    offenders = []
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "streamlit" or n.startswith("streamlit.") for n in names):
                offenders.append(str(path.relative_to(ENGINE)))
    assert offenders == []


def test_only_state_module_caches() -> None:
    views = ENGINE.parent / "views"
    users = [p.name for p in views.glob("*.py") if "st.cache_" in p.read_text(encoding="utf-8")]
    assert users == ["_state.py"]
