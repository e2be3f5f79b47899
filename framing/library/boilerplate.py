"""Web leftovers in an article's text, offered for removal: related-article links, share and subscribe
prompts, advertisement markers, cookie notices, social-media prompts, copyright lines.

``find_boilerplate(text)`` suggests whole lines; nothing is removed until the user accepts, through
``remove_spans(text, spans)``. Precision comes first: a line is suggested only when all of it looks
like page furniture, never because one word matches. A line that starts with "Read" is a link only when
what follows is a headline (a capital letter after the word or a separator, no full stop at the end),
so "Read the full statement here." and "Reading the report, ..." stay. The first non-empty line
(the article's title) is never suggested.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    """A line of ``text[start:end]`` (without its line break) that looks like web boilerplate, and why."""

    start: int
    end: int
    reason: str


_END_OF_SENTENCE = re.compile(r"[.!?\u2026:;,][\"'\u201d\u2019)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_SEP = r"(?:\s*[:|\-\u2013\u2014\u00bb>]+\s*|\s{2,})"

# "Read more:", "Also read", "Related:", "See also" — then a headline.
_LINK_LEAD = re.compile(
    r"(?:read\s+more|read\s+also|also\s+read|must\s+read|read\s+next|recommended(?:\s+reading)?|"
    r"related(?:\s+(?:articles?|stories|story|news|coverage|content|reading))?|see\s+also|"
    r"more\s+on\s+this(?:\s+story)?|you\s+(?:may|might)\s+also\s+like|don['\u2019]t\s+miss)"
    rf"(?:{_SEP}|\s+)(?P<rest>\S.*)",
    re.IGNORECASE,
)
# Leads that are words of ordinary sentences too: only with a separator ("Watch: ...", "More from X | ...").
_LINK_LEAD_SEP = re.compile(
    rf"(?:watch|listen|video|more\s+from\s+\S+(?:\s+\S+)?|trending|most\s+read){_SEP}(?P<rest>\S.*)",
    re.IGNORECASE,
)
# A bare "Read": a separator, or a capitalised headline that does not start like a sentence ("Read the ...").
_READ_LEAD = re.compile(r"read(?P<sep>" + _SEP + r"|\s+)(?P<rest>\S.*)", re.IGNORECASE)
_LINK = "a link to another article, not part of this one"

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email|e-mail|mail|print|copy\s+link|copy|link|"
    r"pinterest|messenger|instagram|tiktok|youtube|threads|bluesky|mastodon|sms|flipboard|pocket"
)
_SHARE = re.compile(
    r"(?:share(?:\s+(?:this|the|on|via|to))?(?:\s+(?:article|story|post|page|link))?|tweet|"
    rf"share\s+on\s+(?:{_SOCIAL}))(?:[\s:|,\u00b7\u2022/\-]+(?:{_SOCIAL}|share|tweet))*[\s:|.!]*",
    re.IGNORECASE,
)
_SOCIAL_ROW = re.compile(rf"(?:(?:{_SOCIAL})[\s|,\u00b7\u2022/\-]*){{2,}}", re.IGNORECASE)
_SUBSCRIBE = re.compile(
    r"(?:click\s+here\s+to\s+(?:subscribe|sign\s+up|register|join)|subscribe\s+(?:now|today|here)|"
    r"(?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|my)\s+(?:free\s+|daily\s+|weekly\s+)?"
    r"(?:newsletters?|mailing\s+list|updates|alerts|digest|channel|podcast)|"
    r"get\s+(?:our|the)\s+(?:free\s+)?(?:daily\s+|weekly\s+)?newsletter|"
    r"already\s+a\s+subscriber\??|become\s+a\s+(?:subscriber|member|patron))\b.{0,120}",
    re.IGNORECASE,
)
_AD = re.compile(
    r"(?:advertisement|advertising|advert|ad|sponsored(?:\s+(?:content|post|links?))?|paid\s+content|"
    r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?(?:\s+advertisement|\s+ad)?|"
    r"continue\s+reading\s+(?:below|the\s+main\s+story)|scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?)"
    r"[\s:.\-]*",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"(?:(?:we(?:\s+and\s+our\s+partners)?|this\s+(?:web)?site|our\s+(?:web)?site|this\s+page)\s+uses?\s+cookies\b|"
    r"(?:accept|allow|reject|manage)(?:\s+all)?\s+cookies\b|cookie\s+(?:settings|policy|preferences|consent)\b|"
    r"by\s+(?:continuing\s+to\s+)?(?:using|browsing|use)\s+(?:this|our)\s+(?:web)?site,?\s+you\s+"
    r"(?:agree|consent|accept))",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"(?:(?:follow|like|find|join)\s+us\s+on|connect\s+with\s+us\s+on|"
    rf"join\s+our\s+(?:{_SOCIAL})\s+(?:channel|group))\b.{{0,160}}|"
    rf"follow\s+(?:[\w.@]+\s+){{1,4}}on\s+(?:{_SOCIAL}|google\s+news)(?:\s*(?:,|and|&)\s*(?:{_SOCIAL}))*"
    r"(?:\s*[:\-]?\s*@[\w.]+)?[\s.!]*",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"(?:(?:\u00a9|\(c\)|copyright\s*(?:\u00a9|\(c\)))\s*.{0,150}|copyright\s+\d{4}\b.{0,150}|"
    r".{0,150}\ball\s+rights\s+reserved\.?)",
    re.IGNORECASE,
)


def _headline_like(rest: str) -> bool:
    """A phrase that reads as a linked headline: 3-30 words, no sentence-final punctuation."""
    rest = rest.strip()
    if not rest or _END_OF_SENTENCE.search(rest):
        return False
    words = _WORD.findall(rest)
    return 3 <= len(words) <= 30


def _first_letter_upper(rest: str) -> bool:
    for ch in rest:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return False


def classify_line(line: str, next_line: str = "") -> str | None:
    """Why this one line is boilerplate, or None. Every rule must match the whole (stripped) line.

    ``next_line`` is the line right after it (empty if a blank line or the end follows): a line that
    runs on into a lower-case continuation is part of a hard-wrapped sentence, not a link.
    """
    s = line.strip()
    if not s or len(s) > 300:
        return None
    runs_on = next_line[:1].islower()
    m = _LINK_LEAD.fullmatch(s) or _LINK_LEAD_SEP.fullmatch(s)
    if m and not runs_on and _headline_like(m.group("rest")) and _first_letter_upper(m.group("rest")):
        return _LINK
    m = _READ_LEAD.fullmatch(s)
    if m and not runs_on and _headline_like(m.group("rest")):
        rest, separated = m.group("rest"), m.group("sep").strip() != "" or len(m.group("sep")) >= 2
        if separated or (_first_letter_upper(rest) and not _starts_like_sentence(rest)):
            return _LINK
    if _SHARE.fullmatch(s) or _SOCIAL_ROW.fullmatch(s):
        return "share buttons"
    if _SUBSCRIBE.fullmatch(s) and len(s) <= 160:
        return "a subscription prompt"
    if _AD.fullmatch(s):
        return "an advertisement marker"
    if _COOKIE.match(s) and len(s) <= 400:
        return "a cookie notice"
    if _FOLLOW.fullmatch(s) and len(s) <= 200:
        return "a social-media prompt"
    if _COPYRIGHT.fullmatch(s) and len(s) <= 200:
        return "a copyright notice"
    return None


# After a bare "Read", words that make it a sentence ("Read the report", "Read my lips") rather than a
# link. A linked headline starts with a name or a capitalised content word.
_SENTENCE_STARTS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "his", "her"})


def _starts_like_sentence(rest: str) -> bool:
    words = _WORD.findall(rest)
    return bool(words) and words[0].lower() in _SENTENCE_STARTS and words[0][0].islower()


def find_boilerplate(text: str) -> list[Suggestion]:
    """Lines of ``text`` that look like web leftovers, in order; the title line is never one of them."""
    out: list[Suggestion] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text)]
    seen_title = False
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            continue
        if not seen_title:
            seen_title = True
            continue
        # The next line, if it follows with a single line break (no blank line between).
        following = ""
        if i + 1 < len(lines):
            gap = text[end : lines[i + 1][0]]
            if gap in ("\n", "\r\n", "\r"):
                following = text[lines[i + 1][0] : lines[i + 1][1]].lstrip()
        reason = classify_line(line, following)
        if reason:
            out.append(Suggestion(start, end, reason))
    return out


def _bounds(span: Any) -> tuple[int, int]:
    if isinstance(span, tuple | list):
        return int(span[0]), int(span[1])
    return int(span.start), int(span.end)


def remove_spans(text: str, spans: Iterable[Any]) -> str:
    """The text without every line that a span touches (Suggestions or (start, end) pairs).

    Whole lines go with their line break. Where a removed line stood between two blank lines, one of them
    goes too, so no new double blank line appears; blank lines left at the very start or end by a removal
    go as well. Everything else, line endings included, is kept as it was.
    """
    lines = text.splitlines(keepends=True)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    drop: set[int] = set()
    for span in spans:
        s, e = _bounds(span)
        for i, (start, line) in enumerate(zip(starts, lines)):
            end = start + len(line)
            if start <= s < end or (s < start < e) or (s == e == start):
                drop.add(i)
    if not drop:
        return text

    def blank(i: int) -> bool:
        return not lines[i].strip()

    i = 0
    while i < len(lines):
        if i not in drop:
            i += 1
            continue
        j = i
        while j < len(lines) and j in drop:
            j += 1
        prev = i - 1
        while prev >= 0 and prev in drop:
            prev -= 1
        before_blank = prev < 0 or blank(prev)
        k = j
        if before_blank:  # the removed run sat after a blank line (or at the start): drop blanks after it
            while k < len(lines) and blank(k) and k not in drop:
                drop.add(k)
                k += 1
        if k >= len(lines):  # removed up to the end: drop the blank lines before it too
            while prev >= 0 and blank(prev):
                drop.add(prev)
                prev -= 1
        i = max(j, k)
    kept = [line for i, line in enumerate(lines) if i not in drop]
    if kept and lines[-1] == lines[-1].rstrip("\r\n") and len(lines) - 1 in drop:
        kept[-1] = kept[-1].rstrip("\r\n")  # the text ended without a line break: so does the result
    return "".join(kept)
