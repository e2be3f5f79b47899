"""Small display helpers shared by the pages (no caching here: that lives in _state.py)."""

from __future__ import annotations

import re

from framing import Article
from framing.render import STYLE

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<:$])")


def md_escape(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: no links, images, emphasis or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def family_label(family: str) -> str:
    return STYLE.get(family, {}).get("label", family)


def article_choice(article: Article) -> str:
    outlet = article.outlet or "unknown outlet"
    title = article.title if len(article.title) <= 80 else article.title[:77] + "…"
    return f"{outlet} — {title}"
