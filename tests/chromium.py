"""The headless Chromium every browser test and benchmark launches."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium (``$PROSPECTIF_CHROMIUM`` first), or None for Playwright's own."""
    for candidate in (os.environ.get("PROSPECTIF_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None
