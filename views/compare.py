"""Compare page: pick two or more articles; every view of the comparison is one tab."""

from __future__ import annotations

import streamlit as st

from framing import IngestError, read_bytes
from views import _panels_text, _state
from views._ui import article_choice, md_escape

st.title("Compare coverage")
st.caption(
    "Reports of the same event, side by side. Every highlight is evidence, not a verdict: hover over it "
    "(or open the evidence list) to read what it is and why it matters. Shaded text is quoted speech — the "
    "speaker's words, not the outlet's — and highlights inside it are set in italics."
)

articles = {a.id: a for a in _state.available_articles()}

# The controls are in the sidebar, so that on a 1280x720 projector the highlighted articles are in the first
# screen. The upload form is collapsed at first, so it is filled in only after the highlighted articles: the
# browser then loads the code of those widgets after drawing the articles, not before.
st.sidebar.subheader("Compare: what to compare")


def _upload_form() -> None:
    """The upload form, inside its expander; a new article reruns the page so the pickers list it."""
    with upload_box:
        upload = st.file_uploader(
            "Article file: the first line of a .txt or .md file is its title",
            type=["txt", "md", "json"],
            key="compare_upload",
        )
        outlet = st.text_input("Outlet name", key="compare_upload_outlet", placeholder="e.g. Reuters")
        if upload is None:
            return
        try:
            added = read_bytes(upload.getvalue(), upload.name, outlet=outlet.strip() or None)
        except IngestError as exc:
            st.error(f"Not added: {md_escape(str(exc))}")
            return
        if added.id not in articles:
            _state.uploaded_articles()[added.id] = added
            st.rerun()  # drawn above already: the story and article pickers must list the new article
        st.success(f"Added: {md_escape(article_choice(added))}. Pick it above, in “Articles to compare”.")


stories = sorted({a.story for a in articles.values() if a.story})
first_story = next((a.story for a in articles.values() if a.story), "")
ALL = "(all articles)"


def _story_ids(name: str) -> list[str]:
    return [i for i, a in articles.items() if name == ALL or a.story == name]


def _pick_story() -> None:
    """A new story: compare its articles (up to three) straight away."""
    name = st.session_state["compare_story"]
    st.session_state["compare_articles"] = _story_ids(name)[: 3 if name != ALL else 2]


def _open_linked() -> bool:
    """A link from the Coverage page (``?article=<id>``): that article's story, with the article chosen; once
    per link, so the reader's own choices afterwards stand."""
    wanted = st.query_params.get("article", "")
    if wanted not in articles or st.session_state.get("compare_linked") == wanted:
        return False
    st.session_state["compare_linked"] = wanted
    name = articles[wanted].story if articles[wanted].story in stories else ALL
    st.session_state["compare_story"] = name
    others = [i for i in _story_ids(name) if i != wanted]
    st.session_state["compare_articles"] = [wanted] + others[: 2 if name != ALL else 1]
    return True


linked = _open_linked()
story = st.sidebar.selectbox(
    "Story",
    [ALL] + stories,
    index=0 if linked else (stories.index(first_story) + 1) if first_story in stories else 0,
    key="compare_story",
    on_change=_pick_story,
)
ids = _story_ids(story)
ids += [i for i in _state.uploaded_articles() if i not in ids]
if "compare_articles" in st.session_state:  # keep only choices that still exist
    st.session_state["compare_articles"] = [i for i in st.session_state["compare_articles"] if i in ids]
chosen = st.sidebar.multiselect(
    "Articles to compare (two or more)",
    ids,
    default=None if "compare_articles" in st.session_state else ids[: 3 if story != ALL else 2],
    key="compare_articles",
    format_func=lambda i: article_choice(articles[i]),
)
upload_box = st.sidebar.expander("Add your own article (.txt, .md or .json)")
if len(chosen) < 2:
    st.info("Pick at least two articles to compare (in the sidebar, under “Articles to compare”).")
    _upload_form()
    st.stop()

# The highlighted articles first: they need only each article's analysis, so they are drawn before the
# whole comparison is made (and before its imports: scikit-learn, SciPy, NLTK, pandas). What needs no
# analysis at all (the tabs, the cue picker and its legend) goes out before the articles are analysed, so
# the browser loads those elements' code meanwhile. The rest of the page, the downloads above the tabs
# included, fills in once the comparison is ready.
picked = tuple(articles[i] for i in chosen)
downloads = st.sidebar.container()
tabs = st.tabs(["Highlights", "Summary", "Voices", "Selection", "Vocabulary", "Agency & frames", "Tone"])
with tabs[0]:
    shown = _panels_text.cue_picker()
    _panels_text.highlights(_state.analyses(picked), shown)
_upload_form()

from views import _downloads, _panels_voice  # noqa: E402  (after the articles: nothing they need)

background = tuple(a.text for a in articles.values())  # the whole library informs the log-odds prior
comparison = _state.comparison(picked, background)
with downloads:
    _downloads.downloads(comparison)
with tabs[1]:
    _panels_text.summary(comparison)
with tabs[2]:
    _panels_voice.voices(comparison)
with tabs[3]:
    _panels_text.selection(comparison)
with tabs[4]:
    _panels_text.vocabulary(comparison)
with tabs[5]:
    _panels_voice.agency_and_frames(comparison)
with tabs[6]:
    _panels_voice.tone(comparison)
