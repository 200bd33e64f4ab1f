"""Shared fixtures: French messages, the raw open-data folder and the project root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def french_messages(monkeypatch):
    """Every test starts in French, whatever the machine's PROSPECTIF_LANG or an earlier
    ``prospectif --lang en`` chose.
    """
    from prospectif import messages

    monkeypatch.setenv(messages.LANG_ENV, "fr")
    monkeypatch.setattr(messages, "_SETTING", {})


@pytest.fixture
def english_messages(monkeypatch):
    """Messages in English, for test modules that check the English texts of the catalogue."""
    monkeypatch.setenv("PROSPECTIF_LANG", "en")


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The raw open data (``$PROSPECTIF_RAW`` or ``../shared/data/raw``); skip when absent."""
    raw = Path(os.environ.get("PROSPECTIF_RAW", ROOT.parent / "shared" / "data" / "raw"))
    if not raw.is_dir():
        pytest.skip(f"raw open data not found at {raw} (set PROSPECTIF_RAW to its folder)")
    return raw


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test (Playwright's sync API allows one)."""
    from playwright.sync_api import sync_playwright

    from tests.chromium import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
