"""The checklist of docs/ARCHITECTURE.md, "Adding an indicator family", kept true: in a copy of the engine,
a new family made of a module in framing/indicators/, its lexicon file and its registry entry is found,
counted, highlighted with its legend, charted and reported, with nothing else changed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKLIST = ROOT / "docs" / "ARCHITECTURE.md"

MODULE = '''"""Exclamations: an invented family for the checklist test."""

from framing.indicators.context import Context
from framing.indicators.lookup import lexicon_hits
from framing.models import Hit


def detect(ctx: Context) -> list[Hit]:
    return lexicon_hits(ctx, "exclamations")
'''

LEXICON = """name: exclamations
version: "0.1.0"
description: Words of astonishment a writer adds (an invented family for a test).
categories:
  astonishment: "Words that tell the reader to be astonished."
entries:
  - id: excl.astonishing
    term: astonishing
    pos: adj
    category: astonishment
    explain: "Tells the reader how to feel about what follows."
    source: "Test entry."
"""

REGISTRY_LINE = '    Family("exclamations", exclamations.detect, "Exclamations", "#000000", "#EEEEEE", "solid"),\n'

PROBE = """
import json
from framing import Article, FAMILIES, analyze, compare, highlight_html, to_dict
from framing.render import css, legend_html, rates_figure
a = Article(text="An astonishing turn. The talks ended without a deal, officials said.", outlet="A")
b = Article(text="The talks ended. Officials said no deal was reached, in an astonishing week.", outlet="B")
an = analyze(a)
c = compare([a, b])
marked = highlight_html(a.text, an.hits)
chart = rates_figure(c.analyses).to_json()
print(json.dumps({
    "families": list(FAMILIES),
    "hits": [h.text for h in an.hits if h.family == "exclamations"],
    "counts": an.counts().get("exclamations"),
    "highlight": 'class="fr-exclamations"' in marked and ">astonishing</mark>" in marked,
    "css": "fr-exclamations" in css(),
    "legend": "Exclamations" in legend_html(),
    "chart": "Exclamations" in chart or "exclamations" in chart,
    "report": to_dict(c)["families"],
}))
"""


def test_a_new_family_needs_only_its_module_its_lexicon_and_one_registry_line(tmp_path: Path) -> None:
    engine = tmp_path / "framing"
    shutil.copytree(ROOT / "framing", engine, ignore=shutil.ignore_patterns("__pycache__"))
    (engine / "indicators" / "exclamations.py").write_text(MODULE, encoding="utf-8")
    (engine / "lexicons" / "exclamations.yaml").write_text(LEXICON, encoding="utf-8")
    registry = engine / "indicators" / "families.py"
    source = registry.read_text(encoding="utf-8")
    source = source.replace("from framing.indicators import ", "from framing.indicators import exclamations, ", 1)
    source = source.replace("\n)\n\n#: The families' names", "\n" + REGISTRY_LINE + ")\n\n#: The families' names", 1)
    assert REGISTRY_LINE in source
    registry.write_text(source, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "FRAMING_NO_PARSER": "1",
        "FRAMING_CACHE_DIR": str(tmp_path / "cache"),
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["families"][-1] == "exclamations"
    assert found["hits"] == ["astonishing"]
    assert found["counts"] == 1
    assert found["highlight"] and found["css"] and found["legend"] and found["chart"]
    assert "exclamations" in found["report"]


def test_the_checklist_names_the_registry_and_every_family_has_its_three_parts() -> None:
    from framing.indicators import REGISTRY
    from framing.lexicons import load_shipped

    text = CHECKLIST.read_text(encoding="utf-8")
    section = text[text.index("## Adding an indicator family") :]
    for part in ("framing/indicators/", "framing/lexicons/", "framing/indicators/families.py"):
        assert part in section
    lexicons = load_shipped()
    for family in REGISTRY:
        assert (ROOT / "framing" / "indicators" / f"{family.name}.py").is_file(), family.name
        assert family.name in lexicons, family.name
        assert re.fullmatch(r"#[0-9A-F]{6}", family.color) and family.line in {
            "solid",
            "double",
            "dashed",
            "dotted",
            "wavy",
        }
