"""Web leftovers: the TPS seed's stray "Read ..." line is found, nothing else in the seeds, and removal is clean."""

from __future__ import annotations

import pytest

from framing.library.boilerplate import Suggestion, classify_line, find_boilerplate, remove_spans

READ_LINE = "Read\u00a0 Blinken unveils an additional $135 million US aid package for Gaza"


def test_tps_seed_read_line_is_the_only_suggestion(seed_paths):
    text = seed_paths[0].read_text(encoding="utf-8")
    assert READ_LINE in text
    [s] = find_boilerplate(text)
    assert text[s.start : s.end] == READ_LINE
    assert "link to another article" in s.reason


def test_al_mayadeen_seed_has_no_suggestion(seed_paths):
    # Its sub-headline ("Blinken: The latest round of talks ended ...") has no full stop either.
    assert find_boilerplate(seed_paths[1].read_text(encoding="utf-8")) == []


def test_removing_the_tps_line_leaves_the_rest_untouched(seed_paths):
    text = seed_paths[0].read_text(encoding="utf-8")
    cleaned = remove_spans(text, find_boilerplate(text))
    assert "Blinken unveils" not in cleaned
    assert "\n\n\n" not in cleaned
    before, after = text.split(READ_LINE + "\n\n")
    assert cleaned == before + after
    assert find_boilerplate(cleaned) == []


@pytest.mark.parametrize(
    "line",
    [
        READ_LINE,
        "Read Blinken unveils an additional aid package for Gaza",
        "Read: Iran talks resume in Vienna after a pause",
        "Read more: Iran talks resume in Vienna",
        "READ MORE: Iran talks resume in Vienna",
        "Also read: Iran talks resume in Vienna",
        "Related: Iran talks resume in Vienna",
        "Related articles \u2013 Iran talks resume in Vienna",
        "See also: Iran talks resume in Vienna",
        "Watch: Blinken speaks to reporters in Vienna",
    ],
)
def test_related_links_found(line):
    assert classify_line(line) == "a link to another article, not part of this one"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Share this article", "share buttons"),
        ("Share on Facebook", "share buttons"),
        ("Share: Facebook | Twitter | WhatsApp", "share buttons"),
        ("Facebook Twitter WhatsApp Email", "share buttons"),
        ("Click here to subscribe", "a subscription prompt"),
        ("Subscribe to our newsletter for the day's top stories.", "a subscription prompt"),
        ("Advertisement", "an advertisement marker"),
        ("ADVERTISEMENT", "an advertisement marker"),
        ("Story continues below advertisement", "an advertisement marker"),
        (
            "We use cookies to improve your experience. By continuing to use this site, you agree to our use of "
            "cookies.",
            "a cookie notice",
        ),
        ("Accept all cookies", "a cookie notice"),
        ("This website uses cookies to ensure you get the best experience.", "a cookie notice"),
        ("Follow us on Twitter @coastalledger", "a social-media prompt"),
        ("Follow Al Mayadeen English on Telegram", "a social-media prompt"),
        ("Join our Telegram channel for breaking news", "a social-media prompt"),
        ("\u00a9 2024 The Coastal Ledger", "a copyright notice"),
        ("Copyright \u00a9 2024 Ledger. All rights reserved.", "a copyright notice"),
    ],
)
def test_other_leftovers_found(line, reason):
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # "Read" as a verb, in a sentence.
        "Read the full statement here.",
        "Read the full statement on the ministry's website",
        "Read my lips, he said.",
        "Read together, the statements show a shift in the US position.",
        "Reading the report, analysts saw a shift.",
        "Readers wrote in to complain about the coverage.",
        "Read more about it.",
        "Read Blinken's remarks in full and you will see the shift.",
        # Trigger words in ordinary reporting.
        "Related talks in Geneva ended without a deal",
        "Watch Iran closely, analysts say",
        "Share prices fell sharply on Monday.",
        "Shares in the company fell by a tenth.",
        "Sign up for the draft was slow, officials said.",
        "Subscribers to the service rose by a third last year.",
        "Follow the money on X, investigators said.",
        "Followers of the cleric gathered outside the embassy.",
        "The company said: We use cookies to track users.",
        "The regulator fined the site for failing to ask before it set cookies.",
        "Copyright lawsuits rose sharply in 2023.",
        "The advertisement ran in three newspapers on Sunday.",
        "Ad hoc committees were formed in both towns.",
        # Headlines and sub-headlines without a full stop.
        "Blinken: The latest round of talks ended because Iran does not seem serious",
        "US Open to Other Options if Vienna Talks Reach Impasse: Blinken",
        "Latest: Talks collapse in Vienna",
    ],
)
def test_ordinary_lines_not_flagged(line):
    assert classify_line(line) is None


def test_title_line_is_never_suggested():
    text = "Read more: the title of this piece is unusual\n\nBody text.\nAdvertisement\nMore body."
    suggestions = find_boilerplate(text)
    assert [text[s.start : s.end] for s in suggestions] == ["Advertisement"]


def test_hard_wrapped_continuation_is_not_a_link():
    text = "Title\n\nThe minister spoke.\nRead Blinken's statement on the talks and\nyou will see the change.\n"
    assert find_boilerplate(text) == []


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        ("a\n\nX\n\nb", [(3, 4)], "a\n\nb"),  # between blank lines: one blank line stays
        ("a\nX\nb", [(2, 3)], "a\nb"),  # single-newline paragraphs
        ("T\n\nX\n\nY\n\nb\n", [(3, 4), (6, 7)], "T\n\nb\n"),  # two removals in a row
        ("a\n\nX", [(3, 4)], "a"),  # last line, no final newline
        ("a\n\nX\n", [(3, 4)], "a\n"),  # last line, final newline kept
        ("X\n\na\n", [(0, 1)], "a\n"),  # first line
        ("a\r\n\r\nX\r\n\r\nb\r\n", [(5, 6)], "a\r\n\r\nb\r\n"),  # CRLF kept
        ("a\n\nX\n\nb", [Suggestion(3, 4, "test")], "a\n\nb"),  # Suggestions work as spans
        ("a\n\nX\n\nb", [(4, 3)][:0], "a\n\nX\n\nb"),  # no spans: unchanged
        ("a\nXY\nb", [(3, 4)], "a\nb"),  # a span inside a line removes the whole line
    ],
)
def test_remove_spans(text, spans, expected):
    assert remove_spans(text, spans) == expected


def test_remove_spans_keeps_other_double_blank_lines():
    text = "a\n\n\nb\n\nX\n\nc"
    assert remove_spans(text, [(7, 8)]) == "a\n\n\nb\n\nc"
