"""Story suggestions: same event grouped, different events and distant dates kept apart."""

from __future__ import annotations

from framing import Article, load_seeds
from framing.analysis.stories import suggest_stories

PORT_A = (
    "Dock strike halts Varna port\n\nDock workers at Varna port walked out on Monday over pay, halting cargo ships."
)
PORT_B = (
    "Varna dockers strike\n\nThe strike by dock workers at the Varna port stopped cargo ships on Monday; "
    "pay is at issue."
)
FLOOD = (
    "Dam floods Orel valley\n\nThe new dam flooded farms in the Orel valley after heavy rain; villagers fled the water."
)


def test_same_event_is_grouped_and_other_event_is_not() -> None:
    a = Article(text=PORT_A, published="2024-03-04")
    b = Article(text=PORT_B, published="2024-03-05")
    c = Article(text=FLOOD, published="2024-03-04")
    found = suggest_stories([a, b, c])
    assert len(found) == 1
    assert set(found[0].article_ids) == {a.id, b.id}
    assert "port" in found[0].name or "strike" in found[0].name or "dock" in found[0].name


def test_dates_far_apart_are_not_one_story() -> None:
    a = Article(text=PORT_A, published="2024-03-04")
    b = Article(text=PORT_B, published="2024-06-30")
    assert suggest_stories([a, b]) == []


def test_the_seeds_are_suggested_as_one_story() -> None:
    seeds = load_seeds()
    found = suggest_stories(seeds)
    assert found and set(found[0].article_ids) == {s.id for s in seeds}


def test_too_few_articles() -> None:
    assert suggest_stories([Article(text=PORT_A)]) == []
    assert suggest_stories([]) == []


def test_bundled_corpus_is_suggested_story_by_story() -> None:
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "data" / "corpus"
    truth: dict[str, set[str]] = {}
    articles = []
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or "articles" not in doc:
            continue  # outlets.json
        for item in doc["articles"]:
            a = Article(text=item["text"], outlet=item["outlet"], published=item.get("published", ""))
            articles.append(a)
            truth.setdefault(doc["story"], set()).add(a.id)
    assert len(truth) >= 6
    found = {frozenset(s.article_ids) for s in suggest_stories(articles)}
    assert found == {frozenset(ids) for ids in truth.values()}
