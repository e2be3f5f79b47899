"""A web page's article: its main text and metadata, extracted by trafilatura (no markup kept).

Used for an uploaded .html file (``framing.library.ingest.parse_file``) and a fetched URL (``framing.library.fetch``).
"""

from __future__ import annotations

import re

from framing.library.dates import normalize_published
from framing.library.records import URL, IngestError

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)", re.IGNORECASE)


def html_fields(html: str | bytes, *, name: str = "input", url: str = "") -> dict[str, str]:
    """The main text and metadata of a web page, extracted by trafilatura; IngestError if it finds no text.

    Returns the fields of an article: text (no markup; the page's title as its first line when the extracted
    text does not already begin with it), title, published (YYYY-MM-DD), author, source_name (site name),
    language (from ``<html lang>``) and url (the page's canonical address, else ``url``).
    """
    import trafilatura  # heavy: imported only when a page is read

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken input
        raise IngestError(
            f"{name}: cannot be read as a web page ({type(exc).__name__}); save the article as .txt"
        ) from exc
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise IngestError(
            f"{name}: no article text was found in this page; open it in a browser, copy the article's text "
            "and paste it (or save it as .txt)"
        )
    title = " ".join((doc.title or "").split())
    first = " ".join(body.split("\n", 1)[0].split())
    if title and title.lower() not in first.lower() and first.lower() not in title.lower():
        body = f"{title}\n{body}"
    fields = {"text": body, "title": title}
    if doc.author:
        fields["author"] = " ".join(doc.author.split())
    if doc.sitename:
        fields["source_name"] = " ".join(doc.sitename.split())
    if doc.date:
        try:
            fields["published"] = normalize_published(doc.date)
        except ValueError:
            pass
    page_url = doc.url if doc.url and URL.fullmatch(doc.url) else url
    if page_url:
        fields["url"] = page_url
    source = html if isinstance(html, str) else html[:4096].decode("ascii", errors="ignore")
    lang = _HTML_LANG.search(source[:4096])
    if lang:
        fields["language"] = lang.group(1).replace("_", "-")
    return fields
