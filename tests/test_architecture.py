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


def test_import_contracts_hold() -> None:
    """The floor plan of docs/ARCHITECTURE.md, as import-linter checks it (.importlinter)."""
    import shutil
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [shutil.which("lint-imports") or "lint-imports"]
    out = subprocess.run([*cmd, "--no-cache"], cwd=ENGINE.parent, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def test_no_module_imports_another_modules_private_names() -> None:
    offenders = []
    for path in [*ENGINE.rglob("*.py"), *(ENGINE.parent / "views").glob("*.py"), ENGINE.parent / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("framing", "views")):
                package = ENGINE.parent.joinpath(*node.module.split("."))
                for alias in node.names:
                    # (a package's own underscored module, such as views._state, is a module, not a name)
                    if alias.name.startswith("_") and not (package / f"{alias.name}.py").is_file():
                        offenders.append(f"{path.relative_to(ENGINE.parent)}: {node.module}.{alias.name}")
    assert offenders == []
