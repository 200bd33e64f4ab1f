"""Language and number formatting: French by default, English available."""

from __future__ import annotations

import math

NARROW_NBSP = "\u202f"


def format_number(value: float, decimals: int = 0, lang: str = "fr") -> str:
    """Format a number the French way ('68 605 616', '1,80') or the English way ('1.80').

    Non-finite values are shown as '–'.
    """
    if value is None or not math.isfinite(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", NARROW_NBSP).replace(".", ",")
