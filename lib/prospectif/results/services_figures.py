"""Key figures of the services and housing results, for the synthesis and the 4-page report.

A pure function of one run's results table: each figure has today's value (base-year estimate,
BPE count or 2021 census, said in the label) beside the value needed in a year; the dwellings
needed, a flow, are the yearly mean from the base year (no today's value: NaN).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import ResultsError
from ..models.axes import BASE_YEAR

DWELLINGS = "Housing|Dwellings Needed"
NAN = float("nan")


@dataclass(frozen=True)
class KeyFigure:
    """A figure needed in ``year`` beside today's value (same unit; NaN for a flow)."""

    variable: str
    label: tuple[str, str]
    today_label: tuple[str, str]
    unit: str
    year: int
    value: float
    today: float

    @property
    def change(self) -> float:
        """Needed minus today (the unit of the figure)."""
        return self.value - self.today


FIGURES = (
    (
        "Services|Classes",
        ("Classes nécessaires", "Classes needed"),
        "Today|Services|Classes",
        ("aujourd'hui (estimation 2025)", "today (2025 estimate)"),
    ),
    (
        "Services|Childcare Places",
        ("Places en crèche nécessaires", "Crèche places needed"),
        "Today|Services|Childcare Places",
        ("aujourd'hui (estimation)", "today (estimate)"),
    ),
    (
        "Services|GPs Needed",
        ("Médecins généralistes nécessaires", "General practitioners needed"),
        "Today|Services|GPs",
        ("BPE 2013", "BPE 2013"),
    ),
    (
        "Housing|Households",
        ("Ménages (logements occupés nécessaires)", "Households (occupied dwellings needed)"),
        "Today|Housing|Households",
        ("recensement 2021", "2021 census"),
    ),
)
"""(variable, label, today's variable, today's label) of each key figure."""


def services_key_figures(table: pd.DataFrame, year: int = 2050) -> list[KeyFigure]:
    """The services key figures of one run's results table in ``year``.

    Raises
    ------
    ResultsError
        If the table does not hold the services and housing results in ``year``.
    """
    wide = table.pivot_table(index="variable", columns="year", values="value", aggfunc="first")
    out = []
    for variable, label, today, today_label in FIGURES:
        if {variable, DWELLINGS} - set(wide.index) or year not in wide.columns:
            raise ResultsError("results.missing", variable=variable, year=year)
        unit = str(table.loc[table["variable"] == variable, "unit"].iloc[0])
        value, base = float(wide.at[variable, year]), float(wide.at[today, year])
        out.append(KeyFigure(variable, label, today_label, unit, year, value, base))
    needed = wide.loc[DWELLINGS, wide.columns[wide.columns >= BASE_YEAR]].dropna()
    needed = needed[needed.index < year]
    label = (
        f"Logements à produire par an (moyenne {BASE_YEAR}-{year})",
        f"Dwellings needed a year (mean {BASE_YEAR}-{year})",
    )
    out.append(KeyFigure(DWELLINGS, label, ("", ""), "dwellings/yr", year, needed.mean(), NAN))
    return out
