"""Climate indicators for a year, from the ``climate_drias2020`` table (pure functions).

The table gives 30-year means (reference period 1976–2005, horizons 2021–2050, 2041–2070 and
2071–2100) from **one model pair** (ALADIN63 driven by CNRM-CM5), not an ensemble. A value for a
calendar year is read on a piecewise-linear path through the window means, each placed at the
middle of its window (``(start_year + end_year) / 2``: 1990.5, 2035.5, 2055.5, 2085.5):

* at a middle year the path equals the window mean exactly;
* between two middle years it is linear;
* before the first and after the last middle year it is flat.

For a projection pathway the reference period (shared by every pathway: the model's simulated
1976–2005 climate) is the first point of the path. Anomalies (indicators ending in ``_anomaly``)
are changes from that reference, so their path starts at 0 at the reference middle year; the
table holds no reference row for them.

Missing cells propagate: a year whose value depends on a missing window mean (with a non-zero
interpolation weight, or through the flat extension) is NaN. No value is filled in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import DataError

TABLE = "climate_drias2020"
REFERENCE = "reference"
ANOMALY_SUFFIX = "_anomaly"


def _check(table: pd.DataFrame, column: str, value: str) -> None:
    """Raise :class:`DataError` if ``value`` is not in ``table[column]``."""
    known = sorted(set(table[column]))
    if value not in known:
        raise DataError("climate.unknown", column=column, value=value, allowed=", ".join(known))


def anchors(
    table: pd.DataFrame, pathway: str, indicator: str, season: str = "annual"
) -> tuple[np.ndarray, pd.DataFrame]:
    """Middle years and window means of one pathway, indicator and season.

    Parameters
    ----------
    table
        The ``climate_drias2020`` table.
    pathway, indicator, season
        Ids as in the table (e.g. ``'rcp85'``, ``'summer_days'``, ``'annual'``).

    Returns
    -------
    middle : numpy.ndarray
        Middle years of the windows, increasing (year, float).
    values : pandas.DataFrame
        Window means, one row per département code, one column per middle year, in the
        indicator's unit; NaN where the cell is missing.

    Raises
    ------
    DataError
        If the pathway, indicator or season is unknown, or the indicator is not given for that
        pathway and season.
    """
    for column, value in (("pathway", pathway), ("indicator", indicator), ("season", season)):
        _check(table, column, value)
    rows = table[(table["indicator"] == indicator) & (table["season"] == season)]
    wanted = {pathway, REFERENCE}
    rows = rows[rows["pathway"].isin(wanted)]
    if not (rows["pathway"] == pathway).any():
        raise DataError("climate.not_given", value=indicator, pathway=pathway, season=season)
    rows = rows.assign(middle=(rows["start_year"] + rows["end_year"]) / 2)
    values = rows.pivot(index="dep", columns="middle", values="value").sort_index(axis=1)
    if indicator.endswith(ANOMALY_SUFFIX) and pathway != REFERENCE:
        ref = table[(table["pathway"] == REFERENCE) & (table["horizon"] == "ref")].iloc[0]
        values.insert(0, (ref["start_year"] + ref["end_year"]) / 2, 0.0)
    return values.columns.to_numpy(dtype="float64"), values


def interpolate(middle: np.ndarray, values: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Piecewise-linear path through window means, flat outside, NaN-propagating.

    Parameters
    ----------
    middle
        Increasing middle years of the windows, shape (k,).
    values
        Window means, shape (n, k); NaN for missing cells.
    years
        Years to evaluate, shape (m,).

    Returns
    -------
    numpy.ndarray
        Shape (n, m). A year takes the mean of a window at its middle year, is linear between
        two middle years and flat beyond the ends; it is NaN where a window it depends on with a
        non-zero weight is NaN.
    """
    values = np.asarray(values, dtype="float64")
    years = np.asarray(years, dtype="float64")
    if len(middle) == 1:
        return np.repeat(values[:, :1], len(years), axis=1)
    seg = np.clip(np.searchsorted(middle, years, side="right") - 1, 0, len(middle) - 2)
    weight = np.clip((years - middle[seg]) / (middle[seg + 1] - middle[seg]), 0.0, 1.0)
    lo, hi = values[:, seg], values[:, seg + 1]
    mixed = lo + weight * (hi - lo)
    return np.where(weight == 0.0, lo, np.where(weight == 1.0, hi, mixed))


def climate_path(
    table: pd.DataFrame,
    departments: Sequence[str],
    pathway: str,
    indicator: str,
    years: Sequence[float],
    season: str = "annual",
) -> np.ndarray:
    """Yearly values of a climate indicator for several départements.

    Parameters
    ----------
    table
        The ``climate_drias2020`` table (``load_table("climate_drias2020")``).
    departments
        INSEE département codes (``'58'``, ``'2A'``).
    pathway
        ``'reference'``, ``'rcp26'``, ``'rcp45'`` or ``'rcp85'``.
    indicator
        Indicator id of the table (e.g. ``'heatwave_days'``, ``'mean_temperature_anomaly'``).
    years
        Calendar years (may be fractional).
    season
        ``'annual'`` (default) or ``'summer'``.

    Returns
    -------
    numpy.ndarray
        Shape (len(departments), len(years)), in the indicator's unit (``table['unit']``);
        NaN where the value depends on a missing cell (see the module docstring).

    Raises
    ------
    DataError
        If a département, pathway, indicator or season is unknown.
    """
    middle, values = anchors(table, pathway, indicator, season)
    unknown = [d for d in departments if d not in values.index]
    if unknown:
        raise DataError("climate.departements", codes=unknown)
    return interpolate(middle, values.loc[list(departments)].to_numpy(), np.asarray(years))


def climate_value(
    table: pd.DataFrame,
    department: str,
    pathway: str,
    indicator: str,
    year: float,
    season: str = "annual",
) -> float:
    """Value of a climate indicator for one département and year (see :func:`climate_path`).

    Returns
    -------
    float
        In the indicator's unit; NaN where it depends on a missing cell.
    """
    return float(climate_path(table, [department], pathway, indicator, [year], season)[0, 0])
