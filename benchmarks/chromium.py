"""Where Debian's Chromium lives and the flags it is started with, offline and headless.

Shared by the benchmark's cold-start measure and the real-browser tests (``tests/browser_support.py``),
so both start the browser the same way. Never ``playwright install``: it downloads a browser.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
