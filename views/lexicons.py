"""Lexicons page: every entry behind the highlights, and the editor of the user's overlay.

Entries added, edited or disabled here are kept in the library database (the shipped YAML files are never
changed) and take effect on the next analysis.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from framing.lexicons import POS, USER_SOURCE, Entry, Lexicon, LexiconError, apply_overlay, entry_to_dict, new_entry_id
from views import _state
from views._ui import family_label, md_escape

ADD_N = "lexicons_add_n"  # bumped after a successful add, so the form starts empty again
FLASH = "lexicons_flash"  # a message to show after a rerun
POSITION_HELP = (
    "Position: 'neutral' for the plain name wire services use, or the side the wording marks, a name ending "
    "in _side (israel_side, resistance_side, anti_abortion_side, ...). Required for labels; optional elsewhere."
)

st.title("Lexicons")
st.caption(
    "Every highlight comes from one of these entries. Each has an id, a category, an explanation shown to "
    "readers and a source. Matching is by whole words, longest phrase first, with inflected forms. "
    "You can add your own entries, edit or disable shipped ones: your changes are kept in the library "
    "database (the shipped lexicon files are never changed) and are used by the next analysis."
)

lib = _state.library()
shipped = _state.shipped_lexicons()
rows = _state.overlay_rows()
disabled = {(r["lexicon"], r["entry_id"]) for r in rows if r["disabled"]}
in_overlay = {(r["lexicon"], r["entry_id"]) for r in rows}

# Messages go in this one container, always present: a message added above the tabs would move them, and
# Streamlit then draws them anew on the first tab, away from the entry just saved, disabled or enabled.
notices = st.container()
if error := _state.overlay_error():
    notices.error(md_escape(error))
try:  # every entry, disabled ones included, so they can be enabled again
    browsable = apply_overlay(shipped, [dict(r, disabled=False) for r in rows])
except LexiconError:
    browsable = shipped

flash = st.session_state.pop(FLASH, None)
if flash:
    getattr(notices, flash[0])(flash[1])


def _forms(text: str) -> list[str]:
    return [f.strip() for f in text.split(",") if f.strip()]


def _save(lexicon: str, entry: dict, done: str) -> bool:
    """Save an entry to the overlay; show the error (and save nothing) if it is not valid."""
    try:
        lib.save_overlay_entry(lexicon, entry)
    except LexiconError as exc:
        st.error(f"Not saved: {md_escape(str(exc))}")
        return False
    st.session_state[FLASH] = ("success", done)
    return True


def _covered_by(lex: Lexicon, term: str) -> Entry | None:
    """An entry of the lexicon that already matches this term, if any."""
    folded = term.strip().casefold()
    for e in lex.entries:
        if (lex.name, e.id) not in disabled and folded in {f.casefold() for f in e.surface}:
            return e
    return None


# ------------------------------------------------------------------------------------------- add

with st.expander("Add an entry", expanded=False):
    n = st.session_state.setdefault(ADD_N, 0)
    names = list(shipped)
    add_lex_name = st.selectbox(
        "Lexicon", names, format_func=lambda x: f"{family_label(x)} ({x})", key="lexicons_add_lexicon"
    )
    add_lex = shipped[add_lex_name]
    with st.form(f"lexicons_add_form_{n}"):
        term = st.text_input("Term (a word or a fixed phrase, as written)", key=f"lexicons_add_term_{n}")
        pos = st.selectbox(
            "Part of speech (verb and noun get inflected forms)",
            sorted(POS),
            index=sorted(POS).index("phrase"),
            key=f"lexicons_add_pos_{n}",
        )
        category = st.selectbox(
            "Category",
            list(add_lex.categories),
            format_func=lambda c: f"{c}: {add_lex.categories[c]}",
            key=f"lexicons_add_category_{add_lex_name}_{n}",
        )
        explain = st.text_area("Explanation shown to readers", key=f"lexicons_add_explain_{n}")
        forms = st.text_input(
            "Forms (optional, comma-separated): when given, only these and the term match",
            key=f"lexicons_add_forms_{n}",
        )
        source = st.text_input("Source (optional)", placeholder=USER_SOURCE, key=f"lexicons_add_source_{n}")
        position = st.text_input(POSITION_HELP, key=f"lexicons_add_position_{n}")
        submitted = st.form_submit_button("Add entry", key="lexicons_add_submit")
    if submitted:
        taken = [r["entry_id"] for r in rows if r["lexicon"] == add_lex_name]
        entry = {
            "id": new_entry_id(add_lex, term, taken),
            "term": term.strip(),
            "pos": pos,
            "category": category,
            "explain": explain.strip(),
            "source": source.strip() or USER_SOURCE,
            "forms": _forms(forms),
            "position": position.strip(),
        }
        already = _covered_by(browsable[add_lex_name], term) if term.strip() else None
        if already is not None:
            st.error(
                f"Not saved: '{md_escape(term.strip())}' is already matched by entry "
                f"'{md_escape(already.id)}' of {md_escape(family_label(add_lex_name))}; edit that entry instead."
            )
        elif _save(
            add_lex_name, entry, f"Added '{md_escape(entry['term'])}' to {md_escape(family_label(add_lex_name))}."
        ):
            st.session_state[ADD_N] = n + 1
            st.rerun()

# ------------------------------------------------------------------------------ export / import

with st.expander("Export or import your changes (YAML)"):
    st.caption(
        f"Your overlay holds {len(rows)} entr{'y' if len(rows) == 1 else 'ies'} (added, edited or disabled). "
        "Importing replaces your changes to the same entries and keeps the others."
    )
    st.download_button(
        "Download your overlay (YAML)",
        data=lib.export_overlay_yaml(),
        file_name="lexicon-overlay.yaml",
        mime="application/x-yaml",
        key="lexicons_export",
    )
    upload = st.file_uploader("Overlay file to import", type=["yaml", "yml"], key="lexicons_import")
    if upload is not None and st.button("Import this overlay", key="lexicons_import_button"):
        try:
            count = lib.import_overlay_yaml(upload.getvalue().decode("utf-8"))
        except UnicodeDecodeError:
            st.error(f"Not imported: {md_escape(upload.name)} is not UTF-8 text.")
        except LexiconError as exc:
            detail = " ".join(str(exc).split())  # a YAML error's indented lines would be a Markdown code block
            st.error(f"Not imported, nothing changed: {md_escape(detail)}")
        else:
            st.session_state[FLASH] = ("success", f"Imported {count} entries from {md_escape(upload.name)}.")
            st.rerun()

# ------------------------------------------------------------------------------------------ browse

query = st.text_input("Search terms, explanations, sources and origins", key="lexicons_query").strip().lower()


def _status(lex: str, entry: Entry) -> str:
    return "disabled" if (lex, entry.id) in disabled else "in use"


def _edit(lex: Lexicon) -> None:
    """Edit, disable or enable one entry of the lexicon."""
    ids = [e.id for e in lex.entries]
    chosen = st.selectbox(
        "Entry to edit, disable or enable",
        ids,
        index=None,
        placeholder="Choose an entry",
        format_func=lambda i: f"{i} — {lex.by_id(i).term}",
        key=f"lexicons_edit_{lex.name}",
    )
    if chosen is None:
        return
    entry = lex.by_id(chosen)
    is_shipped = any(e.id == chosen for e in shipped[lex.name].entries)
    key = f"{lex.name}_{chosen}"
    st.caption(f"Origin: {md_escape(entry.origin)} · {_status(lex.name, entry)}")
    if entry.context == "rule":
        st.info("This entry is a grammar rule, not a word list: it can be disabled but not edited here.")
    else:
        with st.form(f"lexicons_edit_form_{key}"):
            term = st.text_input("Term", entry.term, key=f"lexicons_edit_term_{key}")
            pos = st.selectbox(
                "Part of speech", sorted(POS), sorted(POS).index(entry.pos), key=f"lexicons_edit_pos_{key}"
            )
            cats = list(lex.categories)
            category = st.selectbox("Category", cats, cats.index(entry.category), key=f"lexicons_edit_category_{key}")
            explain = st.text_area("Explanation", entry.explain, key=f"lexicons_edit_explain_{key}")
            forms = st.text_input("Forms (comma-separated)", ", ".join(entry.forms), key=f"lexicons_edit_forms_{key}")
            source = st.text_input("Source", entry.source, key=f"lexicons_edit_source_{key}")
            position = st.text_input(POSITION_HELP, entry.position, key=f"lexicons_edit_position_{key}")
            save = st.form_submit_button("Save changes", key=f"lexicons_edit_save_{key}")
        if save:
            body = entry_to_dict(entry)
            body.update(term=term.strip(), pos=pos, category=category, explain=explain.strip(), source=source.strip())
            body["forms"] = _forms(forms)
            body["position"] = position.strip()
            if _save(lex.name, body, f"Saved your version of '{md_escape(chosen)}'."):
                st.rerun()
    cols = st.columns(2)
    if (lex.name, chosen) in disabled:
        if cols[0].button("Enable", key=f"lexicons_enable_{key}"):
            lib.set_overlay_disabled(lex.name, chosen, False)
            st.session_state[FLASH] = ("success", f"Enabled '{md_escape(chosen)}'.")
            st.rerun()
    elif cols[0].button("Disable", key=f"lexicons_disable_{key}"):
        lib.set_overlay_disabled(lex.name, chosen, True)
        st.session_state[FLASH] = ("success", f"Disabled '{md_escape(chosen)}': it no longer highlights anything.")
        st.rerun()
    if (lex.name, chosen) in in_overlay:
        label = "Back to the shipped version" if is_shipped else "Delete this entry"
        if cols[1].button(label, key=f"lexicons_forget_{key}"):
            lib.delete_overlay_entry(lex.name, chosen)
            st.session_state[FLASH] = ("success", f"'{md_escape(chosen)}': your changes are removed.")
            st.rerun()


tabs = st.tabs([f"{family_label(name)} ({len(lex.entries)})" for name, lex in browsable.items()])
for tab, lex in zip(tabs, browsable.values()):
    with tab:
        st.write(lex.description)
        st.caption(f"Lexicon '{lex.name}', version {lex.version}")
        cats = pd.DataFrame({"category": list(lex.categories), "meaning": list(lex.categories.values())})
        st.dataframe(cats, hide_index=True, width="stretch")
        table = [
            {
                "id": e.id,
                "term": e.term,
                "forms matched": ", ".join(e.surface) if e.context != "rule" else "(a rule, see source)",
                "category": e.category,
                "position": e.position,
                "explanation": e.explain + (f" Usage: {e.usage}" if e.usage else ""),
                "source": e.source,
                "origin": e.origin if e.origin != "shipped" else f"shipped ({lex.name} {lex.version})",
                "status": _status(lex.name, e),
                "needs speech context": e.context == "speech",
            }
            for e in lex.entries
        ]
        df = pd.DataFrame(table)
        if query:
            mask = df.apply(lambda r: query in " ".join(str(v) for v in r.values).lower(), axis=1)
            df = df[mask]
        st.dataframe(df, hide_index=True, width="stretch")
        _edit(lex)
