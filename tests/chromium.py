"""The headless Chromium every browser test and benchmark launches: the one the reports print
with (:mod:`prospectif.reports.printing`), found the same way."""

from __future__ import annotations

from prospectif.reports.printing import CHROMIUM_ARGS, chromium_path

__all__ = ["CHROMIUM_ARGS", "chromium_path"]
