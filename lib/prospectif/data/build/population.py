"""Population tables: département estimates by single age, national pyramids, INSEE projection.

The INSEE département estimates exist only by five-year age group (open group 95+, or 90+ for
the overseas départements in 1990-1998). They are split into single years of age 0-105+ with
the national single-age structure of the same year and sex, in integers that add up exactly to
every published cell (largest-remainder rounding). The national pyramids stop at an open group
99+; it is spread over ages 99-105+ with cohort survivorship ratios (see
:func:`open_age_shares`).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadr

from ...errors import DataError
from ..spec import Column, Source, TableSpec

ESTIMATES_FILE = "population/estim-pop-dep-sexe-aq-1975-2025.xlsx"
PYRAMID_FR_FILE = "population/donnees_pyramide_act_2022.csv"
PYRAMID_METRO_FILE = "population/donnees_pyramide_act_fm.csv"
PYRAMID_RDA_FILE = "population/FRInseePopulation.rda"
PROJECTION_FILE = "projection/donnees_pyramide_proj_2022.csv"
PROJECTION_RDA_FILE = "projection/FRInseePopulationForecast2021.rda"

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
#: Years kept from the INSEE 2021 projection.
PROJECTION_YEARS = (2021, 2100)

SEXES = ("F", "M")
SEX_BANDS = {"Ensemble": "T", "Hommes": "M", "Femmes": "F"}
AREA_CODES = {"france": "FR", "metropolitan france": "FR-METRO"}
DEP_CODE = re.compile(r"\d{2}|2[AB]|97\d")
AGGREGATE_ROWS = {
    "France métropolitaine": "metro",
    "DOM": "dom",
    "France métropolitaine et DOM": "all",
}


# --------------------------------------------------------------------------------------------
# Generic helpers
# --------------------------------------------------------------------------------------------


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


def read_rda_frame(path: Path) -> pd.DataFrame:
    """Read an R data file holding exactly one data frame.

    Raises
    ------
    DataError
        If the file is missing or does not hold exactly one object.
    """
    if not path.is_file():
        raise DataError("build.raw_missing", file=path)
    objects = pyreadr.read_r(path)
    if len(objects) != 1:
        raise DataError("build.one_r_object", file=path, found=list(objects))
    return next(iter(objects.values()))


def _as_counts(values: pd.Series | np.ndarray, what: str) -> np.ndarray:
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
        raise DataError("build.raw_missing", file=path)
    data = pd.read_csv(path, sep=";", dtype={"SEXE": str})
    out = pd.DataFrame(
        {
            "year": pd.to_numeric(data["ANNEE"]).astype("int64"),
            "sex": data["SEXE"].astype(str),
            "age": pd.to_numeric(data["AGE"]).astype("int64"),
            "population": _as_counts(data["POP"], path.name),
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
    data = read_rda_frame(path)
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
            "population": _as_counts(data["popx"], path.name),
        }
    )
    key = ["area", "year", "sex", "age"]
    out = out.loc[~out.duplicated(key, keep=False)]
    return _drop_empty_years(out)


# --------------------------------------------------------------------------------------------
# Open age group 99+ -> 99 .. 105+
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# population_national
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# population_departement
# --------------------------------------------------------------------------------------------


def _age_bounds(label: object) -> tuple[int, int] | None:
    """Age bounds of an INSEE age-group label ("5 à 9 ans", "95 ans et plus"), else None."""
    if not isinstance(label, str):
        return None
    text = " ".join(label.split())
    closed = re.fullmatch(r"(\d+) à (\d+) ans", text)
    if closed:
        return int(closed[1]), int(closed[2])
    open_group = re.fullmatch(r"(\d+) ans et plus", text)
    if open_group:
        return int(open_group[1]), MAX_AGE
    return None


def _row_code(value: object) -> str:
    """Normalise a first-column cell: integer codes lose their '.0' and get 2 digits."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not pd.isna(value):
        return f"{int(value):02d}"
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _header_columns(sheet: pd.DataFrame, header: int) -> pd.DataFrame:
    """Locate the data columns under one header row: position, sex band and age bounds.

    Returns
    -------
    pandas.DataFrame
        Columns ``col`` (position in the sheet), ``sex`` ('T', 'M', 'F'), ``age_lo`` and
        ``age_hi`` (years; -1 for the ``Total`` column), one row per data column.
    """
    bands = sheet.iloc[header - 1].ffill().astype(str).str.strip().map(SEX_BANDS)
    labels = sheet.iloc[header].astype(str).str.strip()
    bounds = pd.DataFrame(
        [_age_bounds(label) or (-1, -1) for label in labels],  # one row of labels
        columns=["age_lo", "age_hi"],
        index=labels.index,
    )
    keep = bands.notna() & ((bounds["age_lo"] >= 0) | labels.eq("Total"))
    return pd.DataFrame(
        {
            "col": np.flatnonzero(keep.to_numpy()),
            "sex": bands[keep].to_numpy(),
            "age_lo": bounds.loc[keep, "age_lo"].to_numpy("int64"),
            "age_hi": bounds.loc[keep, "age_hi"].to_numpy("int64"),
        }
    )


def parse_estimates_sheet(sheet: pd.DataFrame, year: int) -> pd.DataFrame:
    """Read one year's sheet of the INSEE département estimates into a long table.

    Parameters
    ----------
    sheet
        The sheet read without header (``header=None``): a title block, a row of sex bands
        (Ensemble / Hommes / Femmes, merged cells), a row of age-group labels, one row per
        département and aggregate rows; in 1990-1998 a second such table for the DOM.
    year
        The year of the sheet.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``sex`` ('T' = both, 'M', 'F'), ``age_lo``, ``age_hi``
        (years; 105 for the open group) and ``population`` (persons, int64); the ``Total``
        columns have ``age_lo = -1``. Aggregate rows are returned with ``dep`` set to
        'metro', 'dom' or 'all'.
    """
    first = sheet.iloc[:, 0].map(_row_code)
    text = sheet.astype(str).apply(lambda column: column.str.strip())
    if not text.iloc[:3, 0].str.contains(f"Année {year}").any():
        raise DataError("build.sheet_title", file=ESTIMATES_FILE, year=year)
    first_group = text.apply(lambda column: column.str.fullmatch(r"0\s*à\s*4\s*ans"))
    headers = np.flatnonzero(first_group.any(axis=1).to_numpy())
    if len(headers) == 0:
        raise DataError("build.sheet_header", file=ESTIMATES_FILE, year=year)
    is_dep = first.str.fullmatch(DEP_CODE.pattern).to_numpy()
    is_agg = first.isin(list(AGGREGATE_ROWS)).to_numpy()
    names = first.where(is_dep, first.map(AGGREGATE_ROWS))
    parts = []
    for header, end in zip(headers, [*headers[1:], len(sheet)], strict=True):
        columns = _header_columns(sheet, header)
        rows = np.arange(header + 1, end)
        rows = rows[is_dep[rows] | is_agg[rows]]
        values = sheet.iloc[rows, columns["col"].to_numpy()].to_numpy("float64")
        parts.append(
            pd.DataFrame(
                {
                    "dep": np.repeat(names.iloc[rows].to_numpy(), len(columns)),
                    "year": year,
                    "sex": np.tile(columns["sex"].to_numpy(), len(rows)),
                    "age_lo": np.tile(columns["age_lo"].to_numpy(), len(rows)),
                    "age_hi": np.tile(columns["age_hi"].to_numpy(), len(rows)),
                    "population": _as_counts(values.reshape(-1), f"{ESTIMATES_FILE}, sheet {year}"),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def check_estimates(cells: pd.DataFrame) -> None:
    """Check the internal consistency of parsed estimates; raise DataError otherwise.

    Checks, for every year: age groups add up to the ``Total`` column, men + women = both
    sexes, the départements add up to each aggregate row (France métropolitaine, DOM,
    France métropolitaine et DOM; ages 90+ merged for this check, since the total row of
    1990-1998 has a 90+ column), and no département or cell is duplicated.
    """
    key = ["dep", "year", "sex", "age_lo"]
    if cells.duplicated(key).any():
        rows = cells[cells.duplicated(key)].head()
        raise DataError("build.duplicated_cells", file=ESTIMATES_FILE, rows=rows)
    groups = cells.loc[cells["age_lo"] >= 0]
    total = cells.loc[cells["age_lo"] < 0].set_index(["dep", "year", "sex"])["population"]
    summed = groups.groupby(["dep", "year", "sex"])["population"].sum()
    if not summed.reindex(total.index).eq(total).all():
        raise DataError("build.groups_total", file=ESTIMATES_FILE)
    wide = cells.pivot_table(
        index=["dep", "year", "age_lo"], columns="sex", values="population", aggfunc="sum"
    )
    if not (wide["M"] + wide["F"]).eq(wide["T"]).all():
        raise DataError("build.sexes_total", file=ESTIMATES_FILE)
    # The France total row of 1990-1998 has a 90+ column (the DOM's open group): compare the
    # aggregates with the ages 90 and over merged.
    merged = cells.assign(
        age_lo=np.minimum(cells["age_lo"], 90),
        age_hi=np.where(cells["age_lo"] >= 90, MAX_AGE, cells["age_hi"]),
    )
    is_agg = merged["dep"].isin(list(AGGREGATE_ROWS.values()))
    deps = merged.loc[~is_agg]
    scope = np.where(deps["dep"].str.startswith("97"), "dom", "metro")
    key = ["year", "sex", "age_lo", "age_hi"]
    by_scope = deps.groupby([scope, *[deps[k] for k in key]])["population"].sum()
    by_all = deps.groupby(key)["population"].sum()
    expected = pd.concat([by_scope, pd.concat({"all": by_all})])
    published = merged.loc[is_agg].groupby(["dep", *key])["population"].sum()
    published.index.names = expected.index.names
    if not expected.reindex(published.index).eq(published).all():
        raise DataError("build.departements_total", file=ESTIMATES_FILE)


def read_department_estimates(raw: Path) -> pd.DataFrame:
    """Read every year of the INSEE département estimates by sex and five-year age group.

    Parameters
    ----------
    raw
        The raw data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep`` (INSEE code), ``year``, ``sex`` ('F'/'M'), ``age_lo``, ``age_hi``
        (years, 105 for the open group 95+ or 90+) and ``population`` (persons, int64), sorted
        by dep, year, sex and age_lo; aggregate rows, both-sexes and Total columns dropped
        after being checked (:func:`check_estimates`).
    """
    path = Path(raw) / ESTIMATES_FILE
    if not path.is_file():
        raise DataError("build.raw_missing", file=path)
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine="calamine")
    years = sorted(int(name) for name in sheets if re.fullmatch(r"\d{4}", name.strip()))
    if not years:
        raise DataError("build.no_yearly_sheet", file=path)
    by_name = {name.strip(): frame for name, frame in sheets.items()}
    cells = pd.concat(
        [parse_estimates_sheet(by_name[str(year)], year) for year in years], ignore_index=True
    )
    check_estimates(cells)
    out = cells.loc[
        cells["sex"].isin(SEXES)
        & (cells["age_lo"] >= 0)
        & ~cells["dep"].isin(list(AGGREGATE_ROWS.values()))
    ]
    out = out.sort_values(["dep", "year", "sex", "age_lo"], kind="stable")
    return out.reset_index(drop=True)


def dom_pyramids(raw: Path, national: pd.DataFrame) -> pd.DataFrame:
    """Single-age structure of the overseas départements taken together (France - metro).

    Parameters
    ----------
    raw
        The raw data folder.
    national
        The ``population_national`` table (for the shares of ages 99-105+ within 99+).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex``, ``age`` (0-105) and ``weight`` (persons, float), for the
        years and sexes where France and metropolitan France both exist at every age.

    Notes
    -----
    The difference is taken within one vintage: the two official CSVs where both have the
    year and the difference is non-negative at every age, else the two series of the derived
    file (the CSVs are of different vintages from 2019 on). Ages 99-105+ get the France
    shares within 99+.
    """
    raw = Path(raw)
    keys = ["year", "sex", "age"]
    official = read_pyramid_csv(raw / PYRAMID_FR_FILE).merge(
        read_pyramid_csv(raw / PYRAMID_METRO_FILE), on=keys, suffixes=("_fr", "_metro")
    )
    derived = read_pyramid_rda(raw / PYRAMID_RDA_FILE)
    derived = (
        derived.loc[derived["area"] == "FR"]
        .drop(columns="area")
        .merge(
            derived.loc[derived["area"] == "FR-METRO"].drop(columns="area"),
            on=keys,
            suffixes=("_fr", "_metro"),
        )
    )
    parts = []
    for frame in (official, derived):
        diff = frame[keys].assign(weight=frame["population_fr"] - frame["population_metro"])
        parts.append(diff)
    ok = parts[0].groupby("year")["weight"].min().loc[lambda s: s >= 0].index
    dom = pd.concat(
        [parts[0].loc[parts[0]["year"].isin(ok)], parts[1].loc[~parts[1]["year"].isin(ok)]],
        ignore_index=True,
    )
    complete = dom.groupby(["year", "sex"])["age"].transform("size") == PYRAMID_OPEN_AGE + 1
    dom = dom.loc[complete]
    if (dom["weight"] < 0).any():
        raise DataError("build.dom_negative")
    fr = national.loc[national["area"] == "FR"]
    top_fr = fr.loc[fr["age"] >= PYRAMID_OPEN_AGE]
    top_share = top_fr["population"] / top_fr.groupby(["year", "sex"])["population"].transform(
        "sum"
    )
    top_fr = top_fr[keys].assign(share=top_share.to_numpy())
    top = (
        dom.loc[dom["age"] == PYRAMID_OPEN_AGE]
        .drop(columns="age")
        .merge(top_fr, on=["year", "sex"])
    )
    top["weight"] = top["weight"] * top["share"]
    out = pd.concat(
        [dom.loc[dom["age"] < PYRAMID_OPEN_AGE], top[keys + ["weight"]]], ignore_index=True
    )
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


def department_structures(raw: Path, national: pd.DataFrame, years: np.ndarray) -> pd.DataFrame:
    """Single-age weights used to split the département groups, per structure and year.

    Returns
    -------
    pandas.DataFrame
        Columns ``structure`` ('metro' or 'dom'), ``year``, ``sex``, ``age`` (0-105) and
        ``weight`` (persons, float). 'metro' is the metropolitan pyramid of the same year;
        'dom' is :func:`dom_pyramids` of the same year and sex, or of the nearest year (the
        earlier one on a tie) where it is absent: 1990 takes 1991, women 2022 take 2021.
    """
    metro = national.loc[national["area"] == "FR-METRO", ["year", "sex", "age", "population"]]
    metro = metro.rename(columns={"population": "weight"}).assign(structure="metro")
    dom = dom_pyramids(raw, national)
    have = dom[["year", "sex"]].drop_duplicates()
    wanted = pd.MultiIndex.from_product([years, SEXES], names=["year", "sex"]).to_frame(False)
    wanted["donor"] = 0
    for sex in SEXES:
        donors = np.sort(have.loc[have["sex"] == sex, "year"].to_numpy())
        rows = wanted["sex"] == sex
        gap = np.abs(wanted.loc[rows, "year"].to_numpy()[:, None] - donors[None, :])
        wanted.loc[rows, "donor"] = donors[gap.argmin(axis=1)]
    dom = wanted.merge(dom.rename(columns={"year": "donor"}), on=["donor", "sex"])
    out = pd.concat([metro, dom.drop(columns="donor").assign(structure="dom")], ignore_index=True)
    return out.loc[out["year"].isin(years), ["structure", "year", "sex", "age", "weight"]]


def split_age_groups(groups: pd.DataFrame, structures: pd.DataFrame) -> pd.DataFrame:
    """Split five-year (and open) age groups into single ages with exact integer totals.

    Parameters
    ----------
    groups
        Columns ``dep``, ``year``, ``sex``, ``age_lo``, ``age_hi`` and ``population``
        (persons), one row per group.
    structures
        :func:`department_structures` output: single-age weights by structure, year and sex.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``sex``, ``age`` and ``population`` (persons, int64): each
        group spread over its ages in proportion to the weights of the département's structure
        (the DOM for codes 97x, metropolitan France otherwise), by
        :func:`split_integer`.
    """
    groups = groups.reset_index(drop=True)
    width = (groups["age_hi"] - groups["age_lo"] + 1).to_numpy()
    segment = np.repeat(np.arange(len(groups)), width)
    start = np.repeat(np.cumsum(width) - width, width)
    cells = groups.loc[segment, ["dep", "year", "sex"]].reset_index(drop=True)
    cells["age"] = groups["age_lo"].to_numpy()[segment] + np.arange(len(segment)) - start
    cells["structure"] = np.where(cells["dep"].str.startswith("97"), "dom", "metro")
    weights = cells.merge(structures, on=["structure", "year", "sex", "age"], how="left")
    if weights["weight"].isna().any():
        missing = weights.loc[weights["weight"].isna(), ["structure", "year", "sex"]]
        raise DataError("build.no_structure", rows=missing.drop_duplicates().head())
    cells["population"] = split_integer(
        groups["population"].to_numpy(), weights["weight"].to_numpy(), segment
    )
    return cells[["dep", "year", "sex", "age", "population"]]


def build_population_departement(raw: Path) -> pd.DataFrame:
    """Build ``population_departement``: population by département, sex and single age.

    Parameters
    ----------
    raw
        The raw data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``sex``, ``age`` (0-105, 105 = 105+) and ``population``
        (persons, int64), sorted by the key.
    """
    groups = read_department_estimates(raw)
    national = build_population_national(raw)
    structures = department_structures(raw, national, np.sort(groups["year"].unique()))
    out = split_age_groups(groups, structures)
    return out.sort_values(["dep", "year", "sex", "age"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# projection_insee2021
# --------------------------------------------------------------------------------------------


def read_projection_rda(path: Path) -> pd.DataFrame:
    """Read the derived INSEE 2021 projection (central scenario, France, ages 0-105+).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex`` ('F'/'M'), ``age`` (0-105) and ``population`` (persons,
        int64), observed base years included; the both-sexes rows are dropped.
    """
    data = read_rda_frame(path)
    if set(data["geo"].astype(str)) != {"france"}:
        raise DataError("build.france_only", file=path.name)
    sex = data["sex"].astype(str).map({"female": "F", "male": "M"})
    keep = sex.notna().to_numpy()
    return pd.DataFrame(
        {
            "year": data["year"].to_numpy()[keep].astype("int64"),
            "sex": sex[keep].astype(str).to_numpy(),
            "age": data["age0101"].to_numpy()[keep].astype("int64"),
            "population": _as_counts(data["popx0101"].to_numpy()[keep], path.name),
        }
    )


def build_projection_insee2021(raw: Path) -> pd.DataFrame:
    """Build ``projection_insee2021``: INSEE 2021 central projection by sex and single age.

    Parameters
    ----------
    raw
        The raw data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` (2021-2100), ``sex``, ``age`` (0-105, 105 = 105+) and ``population``
        (persons on 1 January, int64), sorted by the key. The official CSV gives ages 0-98 and
        the 99+ totals for 2022-2070, split over 99-105+ with the derived file's ages; the
        derived file gives the other years.
    """
    raw = Path(raw)
    official = read_pyramid_csv(raw / PROJECTION_FILE)
    derived = read_projection_rda(raw / PROJECTION_RDA_FILE)
    derived = derived.loc[derived["year"].between(*PROJECTION_YEARS)]
    in_csv = derived["year"].isin(official["year"])
    young = official.loc[official["age"] < PYRAMID_OPEN_AGE]
    top = official.loc[official["age"] == PYRAMID_OPEN_AGE].reset_index(drop=True)
    cells = (
        top[["year", "sex"]]
        .reset_index(names="segment")
        .merge(derived.loc[in_csv & (derived["age"] >= PYRAMID_OPEN_AGE)], on=["year", "sex"])
    )
    cells = cells.sort_values(["segment", "age"], kind="stable")
    if cells.groupby("segment").size().reindex(top.index).ne(MAX_AGE - PYRAMID_OPEN_AGE + 1).any():
        raise DataError("build.official_ages", file=PROJECTION_RDA_FILE)
    cells["population"] = split_integer(
        top["population"].to_numpy(), cells["population"].to_numpy(), cells["segment"].to_numpy()
    )
    keys = ["year", "sex", "age", "population"]
    out = pd.concat([young[keys], cells[keys], derived.loc[~in_csv, keys]], ignore_index=True)
    out = out.loc[out["year"].between(*PROJECTION_YEARS)]
    out["population"] = out["population"].astype("int64")
    return out.sort_values(["year", "sex", "age"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Specifications
# --------------------------------------------------------------------------------------------

_INSEE = "INSEE"
_SEX = Column("sex", "", "sex: 'F' women, 'M' men")
_AGE = Column("age", "years", "age reached on 1 January (completed years), 105 = 105 and over")
_YEAR = Column("year", "year", "year (population on 1 January)")

SOURCE_ESTIMATES = Source(
    file=ESTIMATES_FILE,
    publisher=_INSEE,
    title="Estimations de population au 1er janvier, par département, sexe et âge quinquennal",
    vintage="1975-2025, updated 20 December 2024 (2025 provisional)",
)
SOURCE_PYRAMID_FR = Source(
    file=PYRAMID_FR_FILE,
    publisher=_INSEE,
    title="Pyramide des âges, France, population au 1er janvier par sexe et âge (1991-2022)",
    vintage="2022",
)
SOURCE_PYRAMID_METRO = Source(
    file=PYRAMID_METRO_FILE,
    publisher=_INSEE,
    title="Pyramide des âges, France métropolitaine, population au 1er janvier (1901-2021)",
    vintage="2021",
)
SOURCE_PYRAMID_RDA = Source(
    file=PYRAMID_RDA_FILE,
    publisher=_INSEE,
    title="Population au 1er janvier par sexe et âge, France et France métropolitaine, "
    "1901-2026 (reshaped from the INSEE pyramids)",
    vintage="January 2026 revision",
    derived=True,
)
SOURCE_PROJECTION = Source(
    file=PROJECTION_FILE,
    publisher=_INSEE,
    title="Projections de population 2021-2070, scénario central, France, par sexe et âge",
    vintage="2021 projections (published 2022)",
)
SOURCE_PROJECTION_RDA = Source(
    file=PROJECTION_RDA_FILE,
    publisher=_INSEE,
    title="Projections de population 2021, scénario central, France, par sexe et âge 0-105, "
    "extended to 2121 (reshaped from the INSEE projection)",
    vintage="2021 projections",
    derived=True,
)

_OPEN_AGE_NOTE = (
    "The national open group 99+ is spread over ages 99-105+ by cohort survivorship: the "
    "people aged 99+k in year t are the survivors of the cohort aged 98 in year t-1-k. "
    "One-year survival ratios P(x+1,u)/P(x,u-1) are measured at ages 89-97, pooled over the "
    "5 years u around t; their death probabilities are fitted as a logistic curve of age "
    "(slope forced non-negative), extrapolated and capped at 0.5 (old-age plateau); the "
    "105+ weight sums the cohorts to age 119; where the cohort's size at 98 is unknown the "
    "current one is used. The 99+ totals are kept exactly (largest-remainder rounding). "
    "Against INSEE's own ages 99-105 (derived projection file, 2000-2021) the shares within "
    "99+ are off by 1 (women) to 2 (men) percentage points on average."
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="population_departement",
        description=(
            "Population on 1 January by département, sex and single year of age (0-105+), "
            "1975-2025, split from the INSEE five-year estimates."
        ),
        columns=(
            Column(
                "dep",
                "",
                "INSEE département code ('01'-'95', '2A', '2B', '971'-'976'); the DOM from "
                "1990, Mayotte (976) from 2014",
            ),
            _YEAR,
            _SEX,
            _AGE,
            Column("population", "persons", "population on 1 January"),
        ),
        key=("dep", "year", "sex", "age"),
        sources=(
            SOURCE_ESTIMATES,
            SOURCE_PYRAMID_METRO,
            SOURCE_PYRAMID_FR,
            SOURCE_PYRAMID_RDA,
        ),
        build=build_population_departement,
        notes=(
            "Each INSEE cell (département x year x sex x five-year group) is split into single "
            "ages in proportion to a national single-age structure of the same year and sex, "
            "in integers that add up exactly to the cell (largest-remainder rounding, ties to "
            "the younger age). Structure: the metropolitan pyramid (population_national, "
            "FR-METRO) for metropolitan départements; for the DOM, France minus metropolitan "
            "France taken within one vintage (both official CSVs where they agree, 1991-2018; "
            "the derived file otherwise; the nearest year where absent: 1990 uses 1991, women "
            "2022 use 2021, a row missing from the derived file). The open groups (95+, or 90+ for "
            "the DOM in 1990-1998) are spread over ages up to 105+ with the same structure, "
            "whose ages 99-105+ come from the survivorship extension of population_national ("
            "France shares for the DOM). Consistency checks on the source: groups add up to "
            "the totals, men + women = both sexes, départements add up to the aggregate rows."
        ),
    ),
    TableSpec(
        name="population_national",
        description=(
            "Population on 1 January by sex and single year of age (0-105+), France and "
            "metropolitan France."
        ),
        columns=(
            Column("area", "", "'FR' = France including the DOM, 'FR-METRO' = metropolitan France"),
            _YEAR,
            _SEX,
            _AGE,
            Column("population", "persons", "population on 1 January"),
        ),
        key=("area", "year", "sex", "age"),
        sources=(SOURCE_PYRAMID_FR, SOURCE_PYRAMID_METRO, SOURCE_PYRAMID_RDA),
        build=build_population_national,
        notes=(
            "Ages 0-98 and the 99+ totals: FR 1991-2022 from donnees_pyramide_act_2022.csv and "
            "2023-2026 from FRInseePopulation.rda; FR-METRO 1901-2021 from "
            "donnees_pyramide_act_fm.csv and 2022-2026 from the .rda. 1915-1919 have no "
            "estimates (zeros in the sources) and are absent. The .rda holds the January 2026 "
            "revision and the CSVs older vintages, so the series break where the source "
            "changes (FR 2022: 67.81 M from the CSV; 2023: 68.40 M from the .rda). "
            + _OPEN_AGE_NOTE
        ),
    ),
    TableSpec(
        name="projection_insee2021",
        description=(
            "INSEE 2021 population projection, central scenario, France including the DOM, "
            "by sex and single year of age (0-105+) on 1 January, 2021-2100."
        ),
        columns=(
            _YEAR,
            _SEX,
            _AGE,
            Column("population", "persons", "projected population on 1 January"),
        ),
        key=("year", "sex", "age"),
        sources=(SOURCE_PROJECTION, SOURCE_PROJECTION_RDA),
        build=build_projection_insee2021,
        notes=(
            "2022-2070: the official CSV for ages 0-98 and the 99+ totals; the 99+ totals are "
            "split over 99-105+ with the derived file's single ages (which add up to the "
            "official totals exactly). 2021 (the projection's observed base population, "
            "67.41 M) and 2071-2100 come from the derived file (ages 0-105+). Counts are whole "
            "numbers in both sources and are stored as int64. Totals: 2030 = 68.55 M, 2050 = "
            "69.21 M, 2070 = 68.10 M."
        ),
    ),
)
