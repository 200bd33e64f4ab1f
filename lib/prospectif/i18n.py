"""Language and number formatting: French by default, English available."""

from __future__ import annotations

import math
import re

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


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def parse_number(text: str, lang: str = "fr") -> float | None:
    """The number typed in ``text``, read the French way ('1,85', '5 000', '-300 000') or the
    English way ('1.85', '5,000'); None if it is not a plain number.

    Spaces (also non-breaking and narrow) group thousands. With both a comma and a point, the
    last one is the decimal mark; a lone comma is a decimal comma, except in English between
    groups of three digits ('5,000').
    """
    raw = "".join(text.split()).replace("\u2212", "-").replace("'", "")
    if "," in raw and "." in raw:
        last_is_comma = raw.rfind(",") > raw.rfind(".")
        raw = raw.replace(".", "").replace(",", ".") if last_is_comma else raw.replace(",", "")
    elif "," in raw:
        grouped = lang == "en" and re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+", raw)
        raw = raw.replace(",", "" if grouped else ".")
    return float(raw) if _NUMBER.fullmatch(raw) else None
