"""The YAML cache: what comes back from it is exactly what the YAML says, and it never stands in the way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from framing.lexicons import LexiconError, load_lexicon, yaml_cache
from framing.lexicons import loader as lexicon_loader
from framing.lexicons.yaml_cache import YAMLSyntaxError, load_yaml


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(folder))
    return folder


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the YAML was parsed although it is cached")

    monkeypatch.setattr(yaml, "load", refuse)


def test_every_shipped_lexicon_reads_back_the_same_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch):
    paths = lexicon_loader.shipped_paths()
    parsed = {p.name: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) for p in paths}
    first = [load_lexicon(p) for p in paths]  # parses and fills the cache
    assert len(list(cache.glob("*.json"))) == len(paths)
    _no_yaml(monkeypatch)
    assert [load_yaml(p.read_bytes()) for p in paths] == list(parsed.values())
    assert [load_lexicon(p) for p in paths] == first


def test_an_edited_file_is_parsed_again(cache: Path):
    assert load_yaml(b"name: a\nitems: [1, 2]\n") == {"name": "a", "items": [1, 2]}
    assert load_yaml(b"name: b\nitems: [1, 2]\n") == {"name": "b", "items": [1, 2]}
    assert len(list(cache.glob("*.json"))) == 2


def test_a_damaged_cache_file_is_ignored_and_repaired(cache: Path):
    raw = b"name: a\n"
    load_yaml(raw)
    (stored,) = cache.glob("*.json")
    stored.write_text('{"name": "tampered"', encoding="utf-8")  # cut short
    assert load_yaml(raw) == {"name": "a"}
    assert stored.read_text(encoding="utf-8") == '{"name": "a"}'


@pytest.mark.parametrize("raw", [b"when: 2021-05-01\n", b"1: one\n", b"x: .nan\n"])
def test_data_json_cannot_carry_is_not_cached(cache: Path, raw: bytes):
    expected = yaml.load(raw.decode(), Loader=yaml.SafeLoader)
    got = load_yaml(raw)
    assert got == expected or (got != got and expected != expected)  # nan is not equal to itself
    assert type(next(iter(got.values()))) is type(next(iter(expected.values())))
    assert not list(cache.glob("*.json"))


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(blocker / "cache"))
    assert load_yaml(b"name: a\n") == {"name": "a"}


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert yaml_cache.cache_dir() is None
    assert load_yaml(b"name: a\n") == {"name": "a"}
    assert not list(tmp_path.rglob("*.json"))


def test_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("FRAMING_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert yaml_cache.cache_dir() == tmp_path / "framing"


def test_bad_yaml_and_bad_bytes_are_named(cache: Path, tmp_path: Path):
    with pytest.raises(YAMLSyntaxError):
        load_yaml(b"name: [unclosed\n")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"name: caf\xe9\n")  # Latin-1, not UTF-8
    with pytest.raises(LexiconError, match="bad.yaml: not UTF-8"):
        load_lexicon(bad)
    assert not list(cache.glob("*.json"))
