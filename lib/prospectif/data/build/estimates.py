"""INSEE département estimates by five-year age group (spreadsheet), and their split.

They exist only by five-year age group (open group 95+, or 90+ for the overseas départements
in 1990-1998); :mod:`.population` splits them into single years of age.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError
from .pyramids import MAX_AGE, SEX_BANDS, SEXES, as_counts

ESTIMATES_FILE = "population/estim-pop-dep-sexe-aq-1975-2025.xlsx"
DEP_CODE = re.compile(r"\d{2}|2[AB]|97\d")
AGGREGATE_ROWS = {
    "France métropolitaine": "metro",
    "DOM": "dom",
    "France métropolitaine et DOM": "all",
}


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
        columns = _header_columns(sheet, int(header))
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
                    "population": as_counts(values.reshape(-1), f"{ESTIMATES_FILE}, sheet {year}"),
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
        raise DataError(f"raw population file {path} is missing")
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
