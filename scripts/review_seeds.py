"""Refresh tests/data/seed_hits_reviewed.json after a change to lexicons or rules.

Keeps the verdict and note of every hit that is still produced, drops hits that are gone, and adds
new ones with ``"correct": null`` so that the golden test fails until someone has judged them.
Run: ``python scripts/review_seeds.py`` and then edit the file (or ``--show`` to print a review sheet).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import compare, load_seeds, to_dict  # noqa: E402

PATH = ROOT / "tests" / "data" / "seed_hits_reviewed.json"


def _key(h: dict) -> tuple:
    return (h["family"], h["category"], h["start"], h["end"], h["text"])


def main() -> None:
    old = json.loads(PATH.read_text(encoding="utf-8")) if PATH.exists() else {"articles": {}}
    out = {
        "how": "Every hit the engine gives on the two seeds, judged by hand: correct = the highlighted words "
        "really are what the category says, in this context. Notes say why where it is not obvious.",
        "articles": {},
    }
    for art in to_dict(compare(load_seeds()))["articles"]:
        previous = {_key(h): h for h in old["articles"].get(art["outlet"], {}).get("hits", [])}
        rows = []
        for h in art["hits"]:
            prev = previous.get(_key(h), {})
            text = art["text"]
            context = text[max(0, h["start"] - 40) : h["end"] + 40].replace("\n", " ")
            rows.append(
                {
                    "family": h["family"],
                    "category": h["category"],
                    "start": h["start"],
                    "end": h["end"],
                    "text": h["text"],
                    "in_quote": h["in_quote"],
                    "context": context,
                    "correct": prev.get("correct"),
                    "note": prev.get("note", ""),
                }
            )
        out["articles"][art["outlet"]] = {"id": art["id"], "hits": rows}
    PATH.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if "--show" in sys.argv:
        for outlet, a in out["articles"].items():
            for i, r in enumerate(a["hits"]):
                head = f"{outlet[:3]} {i:3} {r['correct']!s:5} {r['family']}/{r['category']}"
                print(f"{head} [{r['text']}] q={r['in_quote']} :: {r['context']}")
    pending = sum(1 for a in out["articles"].values() for r in a["hits"] if r["correct"] is None)
    print(f"wrote {PATH.relative_to(ROOT)}; {pending} hits need a verdict")


if __name__ == "__main__":
    main()
