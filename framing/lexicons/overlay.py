"""The user's lexicon overlay: entries added, edited or disabled by the user, laid over the shipped lexicons.

The overlay lives in the library database (table ``lexicon_overlay``); the shipped YAML files are never
written. One overlay row is about one entry of one lexicon:

* an entry whose id is not in the shipped lexicon is **added** (origin "added by you on DATE");
* an entry whose id is in the shipped lexicon **replaces** it (origin "edited by you on DATE");
* a row marked ``disabled`` **removes** the entry (shipped or added) from the analysis;
* a row with only an id (``entry: {id: ...}``) changes nothing but whether the shipped entry is disabled.

User entries are validated exactly like shipped ones (:func:`parse_lexicon`): id, known category of that
lexicon, explanation, source, and every form surviving the tokenizer. The overlay is exported and imported
as YAML, a list of ``{lexicon, entry: {...}, disabled, added_at}``; an export re-imported into an empty
library exports to the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

import yaml

from framing.lexicons.loader import Entry, Lexicon, LexiconError, load_shipped, parse_lexicon

__all__ = [
    "ENTRY_FIELDS",
    "OverlayRow",
    "apply_overlay",
    "dump_overlay",
    "entry_to_dict",
    "new_entry_id",
    "normalize_entry",
    "origin_text",
    "parse_overlay",
    "shipped_lexicons",
    "validate_entry",
]

# The fields an overlay entry may have, in the order they are written.
ENTRY_FIELDS = (
    "id",
    "term",
    "pos",
    "forms",
    "category",
    "explain",
    "source",
    "case_sensitive",
    "context",
    "usage",
    "position",
)
_OPTIONAL_DEFAULTS: dict[str, Any] = {
    "pos": "phrase",
    "forms": [],
    "case_sensitive": False,
    "context": "",
    "usage": "",
    "position": "",
}
USER_SOURCE = "Your own judgement."

OverlayRow = Mapping[str, Any]  # {lexicon, entry_id, entry (dict or None), disabled, added_at}


@lru_cache(maxsize=1)
def shipped_lexicons() -> dict[str, Lexicon]:
    """The shipped lexicons, loaded once (validation of overlay entries needs their categories)."""
    return load_shipped()


def _date(added_at: str) -> str:
    return str(added_at or "")[:10] or "an unknown date"


def origin_text(origin_kind: str, added_at: str) -> str:
    """The origin stored on an overlay entry: "added by you on DATE" or "edited by you on DATE"."""
    return f"{origin_kind} by you on {_date(added_at)}"


def normalize_entry(entry: Mapping[str, Any], where: str = "overlay entry") -> dict[str, Any]:
    """The entry as a plain dict with known fields in a fixed order, optional empty ones left out."""
    if not isinstance(entry, Mapping):
        raise LexiconError(f"{where}: expected a mapping with id, term, category, explain and source")
    unknown = sorted(str(k) for k in entry if k not in ENTRY_FIELDS and k != "origin")
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(unknown)} (known: {', '.join(ENTRY_FIELDS)})")
    out: dict[str, Any] = {}
    for key in ENTRY_FIELDS:
        if key not in entry or entry[key] is None:
            continue
        value = entry[key]
        if key == "forms":
            if isinstance(value, str):
                value = [f for f in (s.strip() for s in value.split(",")) if f]
            if not isinstance(value, list | tuple):
                raise LexiconError(f"{where}: 'forms' must be a list")
            value = [str(f).strip() for f in value]
        elif key == "case_sensitive":
            value = bool(value)
        else:
            value = str(value).strip()
        if key in _OPTIONAL_DEFAULTS and value == _OPTIONAL_DEFAULTS[key]:
            continue
        out[key] = value
    return out


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """A loaded entry as an overlay entry dict (used to copy a shipped entry into the overlay for editing)."""
    raw = {k: getattr(entry, k) for k in ENTRY_FIELDS}
    raw["forms"] = list(entry.forms)
    return normalize_entry(raw)


def validate_entry(lexicon: Lexicon, entry: Mapping[str, Any], where: str | None = None) -> Entry:
    """Check one overlay entry exactly as a shipped one is checked (:func:`parse_lexicon`); return it as an
    Entry (origin to be set by the caller) or raise LexiconError naming the lexicon and the entry."""
    where = where or f"your overlay of lexicon '{lexicon.name}'"
    label = (entry.get("id") or entry.get("term") or "?") if isinstance(entry, Mapping) else "?"
    data = normalize_entry(entry, f"{where}, entry '{label}'")
    doc = {
        "name": lexicon.name,
        "version": lexicon.version,
        "description": lexicon.description,
        "categories": dict(lexicon.categories),
        "entries": [data],
    }
    return parse_lexicon(doc, where).entries[0]


def new_entry_id(lexicon: Lexicon, term: str, taken: Iterable[str] = ()) -> str:
    """A fresh id for an entry the user adds: ``user.<term>``, made unique within the lexicon."""
    slug = re.sub(r"[^a-z0-9]+", "_", term.strip().lower()).strip("_") or "entry"
    used = {e.id for e in lexicon.entries} | set(taken)
    candidate, n = f"user.{slug}", 2
    while candidate in used:
        candidate, n = f"user.{slug}-{n}", n + 1
    return candidate


def apply_overlay(shipped: Mapping[str, Lexicon], rows: Iterable[OverlayRow]) -> dict[str, Lexicon]:
    """The lexicons with the user's overlay applied: entries added, replaced or removed.

    ``rows`` are :meth:`Library.overlay_entries` dicts. Each entry is validated like a shipped one; a bad
    entry raises LexiconError naming it. ``shipped`` is not changed.
    """
    entries: dict[str, dict[str, Entry]] = {name: {e.id: e for e in lex.entries} for name, lex in shipped.items()}
    for row in rows:
        name = str(row.get("lexicon", ""))
        entry_id = str(row.get("entry_id", "") or (row.get("entry") or {}).get("id", ""))
        if name not in shipped:
            raise LexiconError(
                f"your overlay, entry '{entry_id}': unknown lexicon '{name}' (known: {', '.join(sorted(shipped))})"
            )
        lex = shipped[name]
        current = entries[name]
        body = row.get("entry") or {}
        has_content = any(k != "id" for k in body)
        if row.get("disabled"):
            current.pop(entry_id, None)
            continue
        if not has_content:
            continue  # an enable-only row: the shipped entry stays as it is
        entry = validate_entry(lex, {**body, "id": entry_id})
        kind = "edited" if any(e.id == entry_id for e in lex.entries) else "added"
        current[entry_id] = replace(entry, origin=origin_text(kind, str(row.get("added_at", ""))))
    return {
        name: Lexicon(lex.name, lex.version, lex.description, lex.categories, tuple(entries[name].values()), lex.path)
        for name, lex in shipped.items()
    }


# ------------------------------------------------------------------------------------ YAML export/import


def dump_overlay(rows: Iterable[OverlayRow]) -> str:
    """The overlay as YAML: a list of ``{lexicon, entry: {...}, disabled, added_at}``."""
    items = []
    for row in rows:
        body = normalize_entry(row.get("entry") or {})
        body = {"id": row["entry_id"], **{k: v for k, v in body.items() if k != "id"}}
        items.append(
            {
                "lexicon": row["lexicon"],
                "entry": body,
                "disabled": bool(row.get("disabled")),
                "added_at": str(row.get("added_at", "")),
            }
        )
    header = "# Lexicon overlay exported from the framing tool: entries added, edited or disabled by the user.\n"
    return header + yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=1000)


def parse_overlay(text: str, shipped: Mapping[str, Lexicon] | None = None) -> list[dict[str, Any]]:
    """Read an exported overlay and validate every entry; raise LexiconError naming the first bad one.

    Returns rows ``{lexicon, entry_id, entry, disabled, added_at}`` (``entry`` None for a disable-only row).
    """
    shipped = shipped_lexicons() if shipped is None else shipped
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LexiconError(f"overlay file: not valid YAML ({exc})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise LexiconError("overlay file: expected a list of {lexicon, entry, disabled, added_at}")
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for i, item in enumerate(data):
        at = f"overlay file, item {i + 1}"
        if not isinstance(item, dict):
            raise LexiconError(f"{at}: expected a mapping with lexicon, entry, disabled, added_at")
        unknown = sorted(str(k) for k in item if k not in ("lexicon", "entry", "disabled", "added_at"))
        if unknown:
            raise LexiconError(f"{at}: unknown field(s) {', '.join(unknown)}")
        body = item.get("entry")
        if not isinstance(body, dict) or not str(body.get("id") or "").strip():
            raise LexiconError(f"{at}: 'entry' must be a mapping with at least an 'id'")
        entry_id = str(body["id"]).strip()
        name = str(item.get("lexicon") or "")
        at = f"overlay file, entry '{entry_id}' of lexicon '{name}'"
        if name not in shipped:
            raise LexiconError(f"{at}: unknown lexicon '{name}' (known: {', '.join(sorted(shipped))})")
        if (name, entry_id) in seen:
            raise LexiconError(f"{at}: listed twice")
        seen.add((name, entry_id))
        disabled = item.get("disabled", False)
        if not isinstance(disabled, bool):
            raise LexiconError(f"{at}: 'disabled' must be true or false")
        has_content = any(k != "id" for k in body)
        if has_content:
            validate_entry(shipped[name], body, f"overlay file, lexicon '{name}'")
            entry: dict[str, Any] | None = normalize_entry(body)
        else:
            if not any(e.id == entry_id for e in shipped[name].entries):
                raise LexiconError(f"{at}: only an id is given, but the shipped lexicon has no such entry")
            entry = None
        added_at = item.get("added_at")
        rows.append(
            {
                "lexicon": name,
                "entry_id": entry_id,
                "entry": entry,
                "disabled": disabled,
                "added_at": str(added_at) if added_at not in (None, "") else "",
            }
        )
    return rows
