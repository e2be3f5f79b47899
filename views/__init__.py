"""Streamlit pages; each file is one page, _state.py holds every cache."""
