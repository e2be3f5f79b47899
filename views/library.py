"""Library page: add articles (paste, files, web address, spreadsheet), browse, edit, group into stories."""

from __future__ import annotations

import io
import os
from dataclasses import replace

import pandas as pd
import streamlit as st

from framing import Article, IngestError
from framing.analysis import suggest_stories
from framing.library import TEMPLATE_PATH, ParseResult, RowResult, fetch_url, find_boilerplate, parse_file, remove_spans
from views import _state
from views._ui import md_escape

st.title("Library")
lib = _state.library()
articles = lib.articles()
st.caption(
    f"{len(articles)} articles from {len({a.outlet for a in articles})} outlets in {len(lib.stories())} stories, "
    f"kept in {md_escape(str(lib.path))}. Articles marked *illustrative* are fictional, written for this project."
)

PENDING = "library_pending"  # articles previewed and waiting to be saved


def _offer_boilerplate(article: Article, key: str) -> Article:
    """Show web leftovers found in the text and remove the ones the user ticks."""
    found = find_boilerplate(article.text)
    if not found:
        return article
    st.caption("These lines look like web leftovers, not part of the article:")
    drop = []
    for k, s in enumerate(found):
        line = article.text[s.start : s.end]
        if st.checkbox(f"Remove “{line[:80]}” ({s.reason})", value=True, key=f"{key}_bp_{k}"):
            drop.append((s.start, s.end))
    if not drop:
        return article
    return replace(article, text=remove_spans(article.text, drop), id="")  # new text, new content id


def _preview_and_save(results: list, key: str) -> None:
    """A row per record with its status; save all, or only the valid rows when the user chooses."""
    rows = []
    for res in results:
        for r in res.rows:
            a = r.article
            rows.append(
                {
                    "file": res.name,
                    "row": r.row,
                    "status": "ready" if r.ok else "error",
                    "title": a.title if a else "",
                    "outlet": a.outlet if a else "",
                    "published": a.published if a else "",
                    "problem": r.error or "; ".join(r.warnings),
                }
            )
    if not rows:
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    errors = [r for res in results for r in res.rows if not r.ok]
    ready = [r.article for res in results for r in res.rows if r.ok and r.article is not None]
    only_valid = False
    if errors:
        st.error(
            f"{len(errors)} row(s) cannot be imported; nothing is saved unless you choose to import the valid rows."
        )
        for r in errors[:20]:
            st.markdown(f"- {md_escape(r.error or '')}")
        only_valid = st.checkbox(f"Import only the {len(ready)} valid rows", key=f"{key}_only_valid")
    if ready and len(ready) == 1:
        ready = [_offer_boilerplate(ready[0], key)]
    if st.button(
        f"Save {len(ready)} article(s) to the library",
        key=f"{key}_save",
        disabled=not ready or (bool(errors) and not only_valid),
    ):
        bar = st.progress(0.0, text="Saving…")
        result = lib.add_articles(ready)
        bar.progress(1.0, text="Saved")
        st.success(f"Added {len(result.added)}; {len(result.duplicates)} already in the library (not stored twice).")


add_tab, browse_tab, stories_tab, outlets_tab, export_tab = st.tabs(
    ["Add articles", "Browse and edit", "Stories", "Outlets", "Export and import"]
)

with add_tab:
    how = st.radio(
        "How", ["Paste text", "Files", "Web address", "Spreadsheet or batch"], horizontal=True, key="library_how"
    )
    if how == "Paste text":
        with st.form("library_paste"):
            title = st.text_input("Title", key="library_paste_title")
            c1, c2, c3 = st.columns(3)
            outlet = c1.text_input("Outlet", key="library_paste_outlet")
            published = c2.text_input("Published (YYYY-MM-DD)", key="library_paste_date")
            story = c3.text_input("Story", key="library_paste_story")
            text = st.text_area("Article text", height=240, key="library_paste_text")
            submitted = st.form_submit_button("Preview")
        if submitted:
            body = f"{title}\n\n{text}" if title and not text.lstrip().startswith(title) else text
            try:
                st.session_state[PENDING] = [
                    parse_file(
                        body.encode("utf-8"),
                        "pasted text",
                        outlet=outlet,
                        published=published,
                        story=story,
                        title=title or None,
                    )
                ]
            except IngestError as exc:
                st.session_state[PENDING] = []
                st.error(f"Not added: {md_escape(str(exc))}")
    elif how == "Files":
        files = st.file_uploader(
            "Article files (.txt .md .html .htm .json .jsonl .csv)",
            type=["txt", "md", "html", "htm", "json", "jsonl", "csv"],
            accept_multiple_files=True,
            key="library_files",
        )
        outlet = st.text_input("Outlet for files that do not name one", key="library_files_outlet")
        if files:
            results = []
            bar = st.progress(0.0, text="Reading files…") if len(files) > 1 else None
            for n, f in enumerate(files, 1):
                if bar is not None:
                    bar.progress(n / len(files), text=f"Reading {f.name} ({n} of {len(files)})")
                try:
                    results.append(parse_file(f.getvalue(), f.name, outlet=outlet or None))
                except IngestError as exc:  # the whole file is unusable: say so as its one row
                    results.append(ParseResult(f.name, [RowResult(1, None, str(exc))]))
            st.session_state[PENDING] = results
    elif how == "Web address":
        url = st.text_input("Web address (http or https)", key="library_url")
        outlet = st.text_input("Outlet (optional)", key="library_url_outlet")
        if st.button("Fetch", key="library_fetch") and url:
            try:
                allow = os.environ.get("FRAMING_ALLOW_PRIVATE_URLS") == "1"
                with st.spinner("Fetching…"):
                    article = fetch_url(url.strip(), allow_private=allow, outlet=outlet or None)
            except IngestError as exc:
                st.error(md_escape(str(exc)))
            else:
                if outlet:
                    article = replace(article, outlet=outlet)
                elif not article.outlet and article.source_name:
                    article = replace(article, outlet=article.source_name)
                st.session_state[PENDING] = [ParseResult(url.strip(), [RowResult(1, article)], format="url")]
    else:
        st.markdown(
            "One article per row (CSV) or per line (JSONL). Columns: **text** (required), title, outlet, "
            "published (YYYY-MM-DD), author, url, language, story."
        )
        st.download_button(
            "Download the CSV template",
            TEMPLATE_PATH.read_bytes(),
            "articles_template.csv",
            "text/csv",
            key="library_template",
        )
        batch = st.file_uploader("CSV or JSONL file", type=["csv", "jsonl"], key="library_batch")
        if batch is not None:
            try:
                st.session_state[PENDING] = [parse_file(batch.getvalue(), batch.name)]
            except IngestError as exc:
                st.session_state[PENDING] = [ParseResult(batch.name, [RowResult(1, None, str(exc))])]
    if st.session_state.get(PENDING):
        st.subheader("Preview")
        _preview_and_save(st.session_state[PENDING], "library_pending")

with browse_tab:
    c1, c2, c3, c4, c5 = st.columns([2, 2, 2, 1, 1])
    outlets = sorted({a.outlet for a in articles if a.outlet})
    stories = sorted({a.story for a in articles if a.story})
    pick_outlet = c1.selectbox("Outlet", ["(all)"] + outlets, key="library_filter_outlet")
    pick_story = c2.selectbox("Story", ["(all)"] + stories, key="library_filter_story")
    search = c3.text_input("Search title and text", key="library_search")
    since = c4.text_input("From (YYYY-MM-DD)", key="library_since").strip()
    until = c5.text_input("To (YYYY-MM-DD)", key="library_until").strip()
    shown = lib.articles(
        outlet=None if pick_outlet == "(all)" else pick_outlet,
        story=None if pick_story == "(all)" else pick_story,
        search=search or None,
        since=since or None,
        until=until or None,
    )
    if since or until:
        st.caption("Articles without a publication date are left out when filtering by date.")
    table = pd.DataFrame(
        [
            {
                "outlet": a.outlet,
                "title": a.title,
                "published": a.published,
                "story": a.story,
                "words": len(a.text.split()),
                "illustrative": bool(a.meta.get("illustrative")),
                "id": a.id,
            }
            for a in shown
        ]
    )
    event = st.dataframe(
        table, hide_index=True, width="stretch", on_select="rerun", selection_mode="multi-row", key="library_table"
    )
    picked = [shown[i].id for i in event.selection.rows] if not table.empty else []
    if len(picked) == 1:
        a = lib.get(picked[0])
        with st.form("library_edit"):
            st.markdown(f"**Edit** {md_escape(a.title)}")
            fields = {
                f: st.text_input(f.capitalize(), value=getattr(a, f), key=f"library_edit_{f}")
                for f in ("title", "outlet", "published", "author", "url", "language", "story")
            }
            if st.form_submit_button("Save changes"):
                lib.update(a.id, **fields)
                st.success("Saved.")
    if picked:
        sure = st.checkbox(f"Yes, delete the {len(picked)} selected article(s)", key="library_delete_sure")
        if st.button("Delete", disabled=not sure, key="library_delete"):
            n = lib.delete(picked)
            st.success(f"Deleted {n} article(s).")

with stories_tab:
    st.dataframe(pd.DataFrame(lib.stories()), hide_index=True, width="stretch")
    loose = [a for a in articles if not a.story]
    st.subheader("Suggested stories")
    st.caption("Articles not yet in a story whose words and dates suggest they report the same event.")
    suggestions = suggest_stories(loose)
    if not suggestions:
        st.write("No suggestions: every article is in a story, or none look alike.")
    by_id = {a.id: a for a in loose}
    for k, s in enumerate(suggestions):
        with st.container(border=True):
            for i in s.article_ids:
                st.markdown(f"- {md_escape(by_id[i].outlet or '?')}: {md_escape(by_id[i].title)}")
            name = st.text_input("Story name", value=s.name, key=f"library_story_name_{k}")
            if st.button("Accept", key=f"library_story_accept_{k}"):
                lib.set_story(s.article_ids, name)
                st.success(f"{len(s.article_ids)} articles are now in “{name}”.")

with outlets_tab:
    st.caption("Who each outlet is: edit the descriptions a class will read.")
    frame = pd.DataFrame(lib.outlets())
    edited = st.data_editor(
        frame, hide_index=True, width="stretch", disabled=["name", "articles"], key="library_outlets"
    )
    if st.button("Save outlet descriptions", key="library_outlets_save"):
        for row in edited.to_dict("records"):
            lib.set_outlet(
                row["name"],
                country=row["country"] or "",
                language=row["language"] or "",
                description=row["description"] or "",
            )
        st.success("Saved.")

with export_tab:
    jsonl, csv_ = io.StringIO(), io.StringIO()
    lib.export_jsonl(jsonl)
    lib.export_csv(csv_)
    c1, c2 = st.columns(2)
    c1.download_button(
        "Export the library as JSONL",
        jsonl.getvalue(),
        "library.jsonl",
        "application/jsonl",
        key="library_export_jsonl",
    )
    c2.download_button(
        "Export the library as CSV", csv_.getvalue(), "library.csv", "text/csv", key="library_export_csv"
    )
    back = st.file_uploader("Import a library export (.jsonl or .csv)", type=["jsonl", "csv"], key="library_import")
    if back is not None and st.button("Import it", key="library_import_go"):
        try:
            text = io.StringIO(back.getvalue().decode("utf-8-sig"))
            result = (
                lib.import_jsonl(text, back.name) if back.name.endswith(".jsonl") else lib.import_csv(text, back.name)
            )
        except (IngestError, ValueError, UnicodeDecodeError) as exc:
            st.error(f"Nothing imported: {md_escape(str(exc))}")
        else:
            st.success(f"Added {len(result.added)}; {len(result.duplicates)} were already in the library.")
