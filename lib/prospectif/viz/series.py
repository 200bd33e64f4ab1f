"""A results table's series by variable, and the line trace of one."""

from __future__ import annotations

import numpy as np
import pandas as pd


def values_of(table: pd.DataFrame, variable: str) -> pd.Series:
    """Values of ``variable`` by year (empty when the table does not have it)."""
    rows = table[table["variable"] == variable]
    return pd.Series(rows["value"].to_numpy(), index=rows["year"].to_numpy())


class VariableIndex:
    """A results table's rows grouped by variable once: each variable's values by year are
    then found without scanning the table (a dashboard's figures read about a hundred series
    from the same few tables on every move).
    """

    def __init__(self, table: pd.DataFrame):
        self._years = table["year"].to_numpy()
        self._values = table["value"].to_numpy()
        self._rows = table.groupby("variable", sort=False).indices

    def series(self, variable: str) -> pd.Series:
        """Values of ``variable`` by year, as :func:`values_of` gives them."""
        rows = self._rows.get(variable, np.array([], dtype=int))
        return pd.Series(self._values[rows], index=self._years[rows])

    def by_year(self, variable: str) -> dict[int, float]:
        """Values of ``variable`` keyed by year (see :func:`by_year`)."""
        rows = self._rows.get(variable, np.array([], dtype=int))
        return by_year(self._years[rows], self._values[rows])


def by_year(years: np.ndarray, values: np.ndarray) -> dict[int, float]:
    """``values`` keyed by their ``years`` (a year's first value when it repeats)."""
    keys = np.asarray(years).astype(int).tolist()[::-1]
    return dict(zip(keys, np.asarray(values, dtype=float).tolist()[::-1], strict=True))


def indexed(table: pd.DataFrame | VariableIndex) -> VariableIndex:
    """``table`` grouped by variable (itself when it already is)."""
    return table if isinstance(table, VariableIndex) else VariableIndex(table)


def line_trace(series: pd.Series, name: str, line: dict, **style: str) -> dict:
    """A scatter trace of ``series`` (values by year) drawn as a line."""
    return {
        "type": "scatter",
        "x": series.index.to_numpy(),
        "y": series.to_numpy(),
        "name": name,
        "mode": "lines",
        "line": line,
        **style,
    }
