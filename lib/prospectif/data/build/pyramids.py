"""National single-age pyramids: the raw readers and the open age group 99+ spread to 105+.

The national pyramids stop at an open group 99+; it is spread over ages 99-105+ with cohort
survivorship ratios (see :func:`open_age_shares`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError
from .readers import read_rda

PYRAMID_FR_FILE = "population/donnees_pyramide_act_2022.csv"
PYRAMID_METRO_FILE = "population/donnees_pyramide_act_fm.csv"
PYRAMID_RDA_FILE = "population/FRInseePopulation.rda"

#: Highest age of the tables: 105 stands for "105 and over".
MAX_AGE = 105
#: Open age group of the national CSV pyramids and of the derived observed pyramids (99+).
PYRAMID_OPEN_AGE = 99
#: Ages x whose survivorship ratio (age x on 1 January -> x+1 a year later) is fitted.
FIT_AGES = np.arange(89, 98)
#: Half-width (years) of the window over which survivorship ratios are pooled.
SURVIVORSHIP_WINDOW = 2
#: Number of single ages 98, 99, ... carried in the survivorship tail (up to age 119).
TAIL_LENGTH = 22
#: Ceiling of the extrapolated one-year death probability (the old-age mortality plateau).
DEATH_PROBABILITY_CAP = 0.5

SEXES = ("F", "M")
SEX_BANDS = {"Ensemble": "T", "Hommes": "M", "Femmes": "F"}
AREA_CODES = {"france": "FR", "metropolitan france": "FR-METRO"}


def split_integer(totals: np.ndarray, weights: np.ndarray, segment: np.ndarray) -> np.ndarray:
    """Split integer totals over weighted cells, exactly, by largest-remainder rounding.

    Parameters
    ----------
    totals
        Integer total of each segment, shape ``(n_segments,)`` (persons).
    weights
        Non-negative weight of each cell, shape ``(n_cells,)`` (any unit; only the
        proportions within a segment matter). A segment whose weights are all zero is split
        evenly.
    segment
        Index (``0 .. n_segments - 1``) of the segment of each cell, shape ``(n_cells,)``.

    Returns
    -------
    numpy.ndarray
        int64 counts, shape ``(n_cells,)``, summing exactly to ``totals`` within each segment.
        Each cell gets the floor of its exact share; the units left over go to the cells with
        the largest fractional parts (fractions rounded to 1e-9; ties go to the earlier cell).
    """
    totals = np.asarray(totals, dtype="int64")
    weights = np.asarray(weights, dtype="float64")
    segment = np.asarray(segment, dtype="int64")
    if (weights < 0).any() or not np.isfinite(weights).all():
        raise DataError("build.split_weights")
    if (totals < 0).any():
        raise DataError("build.split_totals")
    n_seg = len(totals)
    count = np.bincount(segment, minlength=n_seg)
    wsum = np.bincount(segment, weights, minlength=n_seg)
    empty = wsum <= 0
    weights = np.where(empty[segment], 1.0, weights)
    wsum = np.where(empty, count, wsum)
    exact = totals[segment] * weights / wsum[segment]
    base = np.floor(exact)
    frac = np.round(exact - base, 9)
    remainder = totals - np.rint(np.bincount(segment, base, minlength=n_seg)).astype("int64")
    order = np.lexsort((np.arange(len(weights)), -frac, segment))
    starts = np.concatenate([[0], np.cumsum(count)[:-1]])
    rank = np.empty(len(weights), dtype="int64")
    rank[order] = np.arange(len(weights)) - starts[segment[order]]
    return base.astype("int64") + (rank < remainder[segment])


def as_counts(values: pd.Series | np.ndarray, what: str) -> np.ndarray:
    """Convert numbers that must be whole non-negative counts of persons to int64."""
    values = np.asarray(values, dtype="float64")
    if not np.isfinite(values).all() or (values < 0).any() or (values % 1 != 0).any():
        raise DataError("build.counts", what=what)
    return values.astype("int64")


def read_pyramid_csv(path: Path) -> pd.DataFrame:
    """Read an INSEE single-age pyramid CSV (``ANNEE;SEXE;AGE;POP``, ``;`` separated).

    Parameters
    ----------
    path
        The CSV file; ages 0-99, 99 = 99 and over.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex`` ('F'/'M'), ``age`` (years) and ``population`` (persons,
        int64). Years whose total is zero (the 1915-1919 gap of the metropolitan series) are
        dropped.
    """
    if not path.is_file():
        raise DataError(f"raw population file {path} is missing")
    data = pd.read_csv(path, sep=";", dtype={"SEXE": str})
    out = pd.DataFrame(
        {
            "year": pd.to_numeric(data["ANNEE"]).astype("int64"),
            "sex": data["SEXE"].astype(str),
            "age": pd.to_numeric(data["AGE"]).astype("int64"),
            "population": as_counts(data["POP"], path.name),
        }
    )
    return _drop_empty_years(out)


def _drop_empty_years(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the years whose total population is zero (years without estimates)."""
    keys = [c for c in ("area", "year") if c in frame.columns]
    total = frame.groupby(keys)["population"].transform("sum")
    return frame.loc[total > 0].reset_index(drop=True)


def read_pyramid_rda(path: Path) -> pd.DataFrame:
    """Read the derived single-age pyramids (``FRInseePopulation.rda``).

    Returns
    -------
    pandas.DataFrame
        Columns ``area`` ('FR'/'FR-METRO'), ``year``, ``sex``, ``age`` (0-99, 99 = 99+) and
        ``population`` (persons, int64), empty years dropped. Cells whose key appears twice
        are dropped as ambiguous (the file has two France 1994 women 99+ rows, 7,665 and
        39,539, and no France 2022 women 99+ row), so a year may lack ages.
    """
    data = read_rda(path)
    geo = data["geo"].astype(str)
    unknown = set(geo) - set(AREA_CODES)
    if unknown:
        raise DataError("build.unknown_areas", file=path.name, areas=sorted(unknown))
    out = pd.DataFrame(
        {
            "area": geo.map(AREA_CODES).astype(str),
            "year": data["year"].astype("int64"),
            "sex": data["sex"].astype(str),
            "age": data["age0101"].astype("int64"),
            "population": as_counts(data["popx"], path.name),
        }
    )
    key = ["area", "year", "sex", "age"]
    out = out.loc[~out.duplicated(key, keep=False)]
    return _drop_empty_years(out)


def _cube(pyramid: pd.DataFrame, years: np.ndarray, ages: np.ndarray) -> np.ndarray:
    """Reshape a pyramid to an array ``[sex, year, age]`` (persons, float), NaN where absent."""
    index = pd.MultiIndex.from_product([SEXES, years, ages], names=["sex", "year", "age"])
    values = pyramid.set_index(["sex", "year", "age"])["population"].reindex(index)
    return values.to_numpy("float64").reshape(len(SEXES), len(years), len(ages))


def _window_sum(values: np.ndarray, half: int) -> np.ndarray:
    """Sum ``values`` over a centred window of ``2 * half + 1`` entries along axis 1."""
    padded = np.pad(values, [(0, 0), (half + 1, half), (0, 0)])
    cumulative = np.cumsum(padded, axis=1)
    return cumulative[:, 2 * half + 1 :] - cumulative[:, : -2 * half - 1]


def survivorship_tail(cube: np.ndarray) -> np.ndarray:
    """Extrapolated survivorship ratios from age 98 upwards, per sex and year.

    Parameters
    ----------
    cube
        Population ``[sex, year, age 0..99]`` on a complete yearly grid (persons, NaN for
        missing years).

    Returns
    -------
    numpy.ndarray
        ``[sex, year, k]`` probability of surviving from age ``98 + k`` to ``99 + k`` within a
        year, ``k = 0 .. TAIL_LENGTH - 1``.

    Notes
    -----
    Cohort survivorship ratios ``sum P(x+1, u) / sum P(x, u-1)`` are measured at the ages
    ``FIT_AGES``, pooled over the years ``u`` within ``SURVIVORSHIP_WINDOW`` of t where both
    counts exist (the median over years where none does). The logit of the death probability
    ``1 - ratio`` is fitted by least squares as a straight line in age (a logistic,
    Kannisto-type mortality curve, its slope forced non-negative) and extrapolated, capped at
    ``DEATH_PROBABILITY_CAP``.
    """
    arrived = cube[:, 1:, FIT_AGES + 1]
    started = cube[:, :-1, FIT_AGES]
    valid = np.isfinite(arrived) & np.isfinite(started)
    arrived = np.concatenate([np.zeros_like(arrived[:, :1]), np.where(valid, arrived, 0)], 1)
    started = np.concatenate([np.zeros_like(started[:, :1]), np.where(valid, started, 0)], 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = _window_sum(arrived, SURVIVORSHIP_WINDOW) / _window_sum(
            started, SURVIVORSHIP_WINDOW
        )
    ratio = np.where(np.isfinite(ratio), ratio, np.nan)
    ratio = np.where(np.isnan(ratio), np.nanmedian(ratio, axis=1, keepdims=True), ratio)
    death = np.clip(1.0 - ratio, 1e-3, 1.0 - 1e-3)
    logit = np.log(death / (1.0 - death))
    x = FIT_AGES - FIT_AGES.mean()
    mean = logit.mean(axis=-1, keepdims=True)
    slope = np.maximum((logit - mean) @ x / (x @ x), 0.0)[..., None]
    tail_x = np.arange(98, 98 + TAIL_LENGTH) - FIT_AGES.mean()
    tail_death = 1.0 / (1.0 + np.exp(-(mean + slope * tail_x)))
    return 1.0 - np.minimum(tail_death, DEATH_PROBABILITY_CAP)


def open_age_shares(pyramid: pd.DataFrame) -> pd.DataFrame:
    """Shares of the single ages 99 .. 105+ within the open group 99+ of a national pyramid.

    Parameters
    ----------
    pyramid
        One area's pyramid: columns ``year``, ``sex``, ``age`` (0-99, 99 = 99+) and
        ``population`` (persons).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex``, ``age`` (99-105) and ``share`` (fraction of the 99+ group;
        the seven shares of a year and sex add up to 1).

    Notes
    -----
    The people aged 99 + k on 1 January of year t are the survivors of the cohort aged 98 on
    1 January of year t - 1 - k: their weight is ``P(98, t-1-k)`` times the product of the
    extrapolated survivorship ratios from 98 to 99 + k (:func:`survivorship_tail`). The 105+
    weight sums the cohorts up to age 119. Where the cohort's size at 98 is unknown (before
    the first year of the series or in a gap) the current ``P(98, t)`` is used instead, i.e.
    a stationary population. Only the split depends on this; the 99+ total is the source's.
    """
    years = np.arange(pyramid["year"].min(), pyramid["year"].max() + 1)
    cube = _cube(pyramid, years, np.arange(PYRAMID_OPEN_AGE + 1))
    survival = np.cumprod(survivorship_tail(cube), axis=-1)
    lag = np.arange(len(years))[:, None] - 1 - np.arange(TAIL_LENGTH)[None, :]
    at98 = cube[:, :, 98]
    cohort = at98[:, np.clip(lag, 0, None)]
    current = np.broadcast_to(at98[:, :, None], cohort.shape)
    cohort = np.where((lag >= 0) & np.isfinite(cohort) & (cohort > 0), cohort, current)
    weight = cohort * survival
    open_ages = MAX_AGE - PYRAMID_OPEN_AGE
    weight = np.concatenate(
        [weight[..., :open_ages], weight[..., open_ages:].sum(-1, keepdims=True)], -1
    )
    share = weight / weight.sum(-1, keepdims=True)
    out = pd.DataFrame(
        {
            "sex": np.repeat(SEXES, len(years) * (open_ages + 1)),
            "year": np.tile(np.repeat(years, open_ages + 1), len(SEXES)),
            "age": np.tile(np.arange(PYRAMID_OPEN_AGE, MAX_AGE + 1), len(SEXES) * len(years)),
            "share": share.reshape(-1),
        }
    )
    return out.loc[np.isfinite(out["share"])].reset_index(drop=True)


def extend_open_age(pyramid: pd.DataFrame) -> pd.DataFrame:
    """Spread the open group 99+ of one area's pyramid over single ages 99 .. 105+.

    Parameters
    ----------
    pyramid
        Columns ``year``, ``sex``, ``age`` (0-99, 99 = 99+) and ``population`` (persons).

    Returns
    -------
    pandas.DataFrame
        The same columns with ages 0-105 (105 = 105+); the 99+ totals are kept exactly
        (:func:`split_integer` over :func:`open_age_shares`).
    """
    young = pyramid.loc[pyramid["age"] < PYRAMID_OPEN_AGE]
    top = pyramid.loc[pyramid["age"] == PYRAMID_OPEN_AGE, ["year", "sex", "population"]]
    top = top.reset_index(drop=True)
    cells = top.drop(columns="population").reset_index(names="segment")
    cells = cells.merge(open_age_shares(pyramid), on=["year", "sex"], how="left")
    if cells["share"].isna().any():
        raise DataError("build.open_age")
    cells = cells.sort_values(["segment", "age"], kind="stable")
    cells["population"] = split_integer(
        top["population"].to_numpy(), cells["share"].to_numpy(), cells["segment"].to_numpy()
    )
    old = cells[["year", "sex", "age", "population"]]
    out = pd.concat([young[["year", "sex", "age", "population"]], old], ignore_index=True)
    return out.sort_values(["year", "sex", "age"], kind="stable").reset_index(drop=True)


def national_pyramids_99(raw: Path) -> pd.DataFrame:
    """National pyramids to the open group 99+: the official CSVs, the derived file elsewhere.

    Returns
    -------
    pandas.DataFrame
        Columns ``area``, ``year``, ``sex``, ``age`` (0-99, 99 = 99+), ``population``
        (persons) and ``source`` (the raw file each year comes from).
    """
    raw = Path(raw)
    derived = read_pyramid_rda(raw / PYRAMID_RDA_FILE)
    parts = []
    for area, file in (("FR", PYRAMID_FR_FILE), ("FR-METRO", PYRAMID_METRO_FILE)):
        official = read_pyramid_csv(raw / file).assign(area=area, source=file)
        other = derived.loc[(derived["area"] == area) & ~derived["year"].isin(official["year"])]
        parts += [official, other.assign(source=PYRAMID_RDA_FILE)]
    out = pd.concat(parts, ignore_index=True)
    cells = out.groupby(["area", "year", "sex"]).size()
    if (cells != PYRAMID_OPEN_AGE + 1).any():
        raise DataError("build.national_ages")
    return out[["area", "year", "sex", "age", "population", "source"]]


def build_population_national(raw: Path) -> pd.DataFrame:
    """Build ``population_national``: single-age population on 1 January, FR and FR-METRO.

    Parameters
    ----------
    raw
        The raw data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``area``, ``year``, ``sex``, ``age`` (0-105, 105 = 105+) and ``population``
        (persons, int64), sorted by area, year, sex and age.
    """
    pyramids = national_pyramids_99(raw)
    parts = [
        extend_open_age(frame.drop(columns=["area", "source"])).assign(area=area)
        for area, frame in pyramids.groupby("area", sort=True)
    ]
    out = pd.concat(parts, ignore_index=True)[["area", "year", "sex", "age", "population"]]
    out["population"] = out["population"].astype("int64")
    return out.sort_values(["area", "year", "sex", "age"], kind="stable").reset_index(drop=True)
