"""``python -m framing corpus export``: one row per article, per hit and per quotation, as Parquet or CSV,
with the columns the README documents; and the command's own messages."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from framing.analysis import Analyzer
from framing.cli import main
from framing.corpus import analyse_library, export
from framing.corpus.export import ARTICLE_COLUMNS, ARTICLE_FIELDS
from framing.library import Library
from framing.library.analyses import HIT_COLUMNS, QUOTE_COLUMNS
from framing.models import Article

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    ('"We will not give in," the minister said. Officials claimed the deal was dead.', "Wire A", "2021-11-29"),
    ("Critics said the so-called compromise may fail. Rebels were killed in the raid.", "Paper B", "2021-11-30"),
]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.skip_seeding()
        lib.add_articles([Article(text=t, outlet=o, published=p, story="Talks") for t, o, p in TEXTS])
        analyse_library(lib, Analyzer(use_parser=False), workers=0, progress=None)
    return db


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_one_row_per_article_hit_and_quotation(library: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    with Library(library) as lib:
        written = export(lib, out, fmt)
        n_hits = len(lib.rows("analysis_hits"))
        n_quotes = len(lib.rows("analysis_quotes"))
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    articles, hits, quotes = (read(out / f"{name}.{fmt}") for name in ("articles", "hits", "quotes"))
    assert written == {"articles": 2, "hits": n_hits, "quotes": n_quotes} and n_hits > 4 and n_quotes >= 1
    assert list(articles.columns) == list(ARTICLE_COLUMNS)
    assert list(hits.columns) == [*HIT_COLUMNS, *ARTICLE_FIELDS]
    assert list(quotes.columns) == [*QUOTE_COLUMNS, *ARTICLE_FIELDS]
    assert sorted(articles["outlet"]) == ["Paper B", "Wire A"]
    assert articles["hits"].sum() == len(hits)
    # every hit points at its words in the article's text
    texts = {Article(text=t).id: t for t, _, _ in TEXTS}
    for h in hits.itertuples():
        assert texts[h.article_id][h.start : h.end] == h.text


def test_the_readme_documents_every_export_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Corpus export") :]
    section = section[: section.index("\n## ")] if "\n## " in section else section
    documented = set(re.findall(r"`([a-z_]+)`", section))
    for column in {*ARTICLE_COLUMNS, *HIT_COLUMNS, *QUOTE_COLUMNS}:
        assert column in documented, column


def test_the_command_analyses_reports_and_exports(library: Path, tmp_path: Path, capsys) -> None:
    assert main(["corpus", "status", "--db", str(library), "--no-parser"]) == 0
    assert "2 analysed with the lexicons, code and parser in use; 0 stale; 0 never analysed" in capsys.readouterr().out
    assert main(["corpus", "analyze", "--db", str(library), "--no-parser", "--workers", "0", "--quiet"]) == 0
    assert "0 article(s) analysed" in capsys.readouterr().out and True
    assert main(["corpus", "export", "--db", str(library), "--format", "csv", "--out", str(tmp_path / "x")]) == 0
    assert "articles: 2 rows" in capsys.readouterr().out
    assert main(["corpus", "analyze", "--db", str(library), "--workers", "-1"]) == 2
    assert "--workers must be 0 or more" in capsys.readouterr().err
