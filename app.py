"""Entry point: page setup and navigation; each page lives in views/."""

import streamlit as st

# An emoji, not a Material icon: a Material favicon is fetched from fonts.gstatic.com, and the app must make
# no request outside this machine (tests/test_load.py checks every request a page makes).
st.set_page_config(page_title="Framing — how outlets tell the same story", page_icon="📰", layout="wide")

pages = [
    st.Page("views/compare.py", title="Compare", icon=":material/compare:", default=True),
    st.Page("views/library.py", title="Library", icon=":material/library_books:"),
    st.Page("views/coverage.py", title="Coverage", icon=":material/monitoring:"),
    st.Page("views/lexicons.py", title="Lexicons", icon=":material/menu_book:"),
    st.Page("views/guide.py", title="Guide", icon=":material/school:"),
    st.Page("views/exercise.py", title="Spot the frame", icon=":material/quiz:"),
]
st.navigation(pages).run()

# After the page is drawn: the grammar model loads in the background, ready for the next analysis.
from views._state import preload_parser  # noqa: E402

preload_parser()
