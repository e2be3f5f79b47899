"""Reading a YAML data file, with the parsed data kept as JSON in a cache folder between runs.

PyYAML builds every node in Python even with libyaml, so the shipped lexicons (some 400 KB of YAML)
take about a quarter of a second on each start of the app; the same data read back from JSON takes a
hundredth of that. The cache file is named by the SHA-256 of the YAML's bytes, so an edited file is
parsed afresh and a stale copy is never read. Data that JSON cannot carry exactly (a date, a key that
is not a string) is simply not cached. The cache is only a speed-up: a folder that cannot be written,
or a damaged cache file, means the YAML is parsed as before.

The folder is ``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``;
``FRAMING_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

#: Part of every cache file's name: a change to what is stored starts a new set of files.
FORMAT = "yaml-json-1"


class YAMLSyntaxError(ValueError):
    """The file is not valid YAML; the message is PyYAML's."""


def cache_dir() -> Path | None:
    """Where parsed files are kept, or None when caching is off."""
    chosen = os.environ.get("FRAMING_CACHE_DIR", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "framing"


def load_yaml(raw: bytes) -> Any:
    """The data of a YAML document given as UTF-8 bytes, from the cache when it holds them.

    Raises :class:`YAMLSyntaxError` for text that is not valid YAML.
    """
    folder = cache_dir()
    path = folder / f"{FORMAT}-{hashlib.sha256(raw).hexdigest()}.json" if folder else None
    if path is not None:
        try:
            return json.loads(path.read_bytes())
        except (OSError, ValueError):
            pass  # not cached yet, or damaged: parse, and write it again
    data = _parse(raw)
    if path is not None:
        _store(path, data)
    return data


def _parse(raw: bytes) -> Any:
    import yaml  # only on a cache miss

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it
    try:
        return yaml.load(raw.decode("utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise YAMLSyntaxError(str(exc)) from exc


def _store(path: Path, data: Any) -> None:
    """Write ``data`` as JSON if it comes back from JSON exactly; never fail."""
    try:
        blob = json.dumps(data, ensure_ascii=False, allow_nan=False)
        if json.loads(blob) != data:
            return  # a tuple, a date or a non-string key would come back different
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside its final name and renamed, so a reader sees the whole file or none.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fp:
                fp.write(blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, TypeError, ValueError):
        pass
