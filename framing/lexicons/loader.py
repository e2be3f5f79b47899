"""Loading and validating lexicon files: every entry has an id, a known category, an explanation and a source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from framing.lexicons.inflect import surface_forms
from framing.lexicons.yaml_cache import YAMLSyntaxError, load_yaml
from framing.models import NEUTRAL
from framing.text.document import tokens

POS = frozenset({"verb", "noun", "phrase", "adj", "adv"})
_ID = re.compile(r"^[a-z0-9_.\-]+$")
# The side a wording marks: "neutral" (the plain name), or a side such as "israel_side" or "restrictionist_side".
_SIDE = re.compile(r"^[a-z]+(_[a-z]+)*_side$")
# Lexicons whose every entry must say which position its wording takes (the choice is the point).
POSITION_REQUIRED = frozenset({"labels"})


def check_position(position: str, required: bool, where: str) -> str:
    """The position, validated: empty (where allowed), "neutral", or a side name ending in "_side"."""
    if not position:
        if required:
            raise LexiconError(
                f"{where}: 'position' is required here: 'neutral' or the side it marks (e.g. israel_side)"
            )
        return ""
    if position != NEUTRAL and not _SIDE.match(position):
        raise LexiconError(
            f"{where}: position '{position}' must be 'neutral' or a side name of lower-case words ending in '_side'"
        )
    return position


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    category: str
    explain: str
    source: str
    pos: str = "phrase"
    forms: tuple[str, ...] = ()
    case_sensitive: bool = False
    context: str = ""
    usage: str = ""
    origin: str = "shipped"
    # labels (and any entry whose wording marks a side): "neutral", or the side it marks ("israel_side")
    position: str = ""

    @property
    def surface(self) -> tuple[str, ...]:
        return surface_forms(self.term, self.pos, list(self.forms) or None)


@dataclass(frozen=True)
class Lexicon:
    name: str
    version: str
    description: str
    categories: dict[str, str]
    entries: tuple[Entry, ...]
    path: str = field(default="", compare=False)

    def by_id(self, entry_id: str) -> Entry:
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise KeyError(entry_id)


def survives_tokenizer(form: str) -> bool:
    """True when the project's tokenizer keeps every character of the form, separated by single spaces."""
    toks = tokens(form)
    return bool(toks) and " ".join(t.text for t in toks) == form


def _require_str(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def parse_lexicon(data: Any, where: str = "lexicon") -> Lexicon:
    """Validate a parsed YAML document and build a Lexicon, or raise LexiconError saying what is wrong."""
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: expected a mapping with name, version, description, categories, entries")
    name = _require_str(data, "name", where)
    version = str(data.get("version", "")).strip()
    if not version:
        raise LexiconError(f"{where}: 'version' is missing")
    description = _require_str(data, "description", where)
    cats = data.get("categories")
    if not isinstance(cats, dict) or not cats:
        raise LexiconError(f"{where}: 'categories' must map each category to a sentence")
    categories = {str(k): str(v) for k, v in cats.items()}
    raw = data.get("entries")
    if not isinstance(raw, list) or not raw:
        raise LexiconError(f"{where}: 'entries' must be a non-empty list")
    seen: set[str] = set()
    entries = []
    for i, item in enumerate(raw):
        at = f"{where}, entry {i + 1}"
        if not isinstance(item, dict):
            raise LexiconError(f"{at}: expected a mapping")
        entry_id = _require_str(item, "id", at)
        at = f"{where}, entry '{entry_id}'"
        if not _ID.match(entry_id):
            raise LexiconError(f"{at}: id may hold only lower-case letters, digits, '.', '_' and '-'")
        if entry_id in seen:
            raise LexiconError(f"{at}: duplicate id")
        seen.add(entry_id)
        category = _require_str(item, "category", at)
        if category not in categories:
            raise LexiconError(f"{at}: unknown category '{category}' (known: {', '.join(sorted(categories))})")
        pos = str(item.get("pos", "phrase"))
        if pos not in POS:
            raise LexiconError(f"{at}: pos must be one of {', '.join(sorted(POS))}")
        forms_raw = item.get("forms") or []
        if not isinstance(forms_raw, list):
            raise LexiconError(f"{at}: 'forms' must be a list")
        entry = Entry(
            id=entry_id,
            term=_require_str(item, "term", at),
            category=category,
            explain=_require_str(item, "explain", at),
            source=_require_str(item, "source", at),
            pos=pos,
            forms=tuple(str(f).strip() for f in forms_raw),
            case_sensitive=bool(item.get("case_sensitive", False)),
            context=str(item.get("context", "") or ""),
            usage=str(item.get("usage", "") or ""),
            position=check_position(str(item.get("position", "") or "").strip(), name in POSITION_REQUIRED, at),
            origin=str(item.get("origin", "shipped")),
        )
        for form in entry.surface:
            if not survives_tokenizer(form):
                raise LexiconError(
                    f"{at}: form '{form}' is not plain words (letters, digits, single spaces, hyphens, apostrophes)"
                )
        entries.append(entry)
    return Lexicon(name, version, description, categories, tuple(entries))


def load_lexicon(path: str | Path) -> Lexicon:
    p = Path(path)
    try:
        data = load_yaml(p.read_bytes())  # parsed once, then read back from a cache (see yaml_cache)
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{p.name}: not UTF-8 text ({exc})") from exc
    except YAMLSyntaxError as exc:
        raise LexiconError(f"{p.name}: not valid YAML ({exc})") from exc
    lex = parse_lexicon(data, p.name)
    return Lexicon(lex.name, lex.version, lex.description, lex.categories, lex.entries, str(p))


def shipped_paths() -> list[Path]:
    folder = resources.files("framing.lexicons")
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".yaml"))


def load_shipped() -> dict[str, Lexicon]:
    """Every lexicon shipped with the package, keyed by name (the indicator family)."""
    out: dict[str, Lexicon] = {}
    for path in shipped_paths():
        lex = load_lexicon(path)
        if lex.name in out:
            raise LexiconError(f"{path.name}: a lexicon named '{lex.name}' is already loaded")
        out[lex.name] = lex
    return out
