"""Import of INSEE census age tables to give a commune or perimeter its real age structure.

Layout: INSEE, *Évolution et structure de la population*, base communale (files
``base-cc-evol-struct-pop-<year>``), one row per commune (``CODGEO``) with, for a census year
``YY``, the counts ``PYY_H0014 … PYY_H90P`` (men) and ``PYY_F0014 … PYY_F90P`` (women) for the
age groups 0-14, 15-29, 30-44, 45-59, 60-74, 75-89, 90+. Semicolon or comma separated, UTF-8.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import CensusError, InputFileError
from .fileio import read_user_file

CENSUS_GROUPS = ((0, 14), (15, 29), (30, 44), (45, 59), (60, 74), (75, 89), (90, None))
GROUP_SUFFIXES = ("0014", "1529", "3044", "4559", "6074", "7589", "90P")
SEX_LETTERS = ("F", "H")  # INSEE: F = femmes, H = hommes; same order as base.SEXES
MAX_CENSUS_BYTES = 50 * 2**20


def read_census_table(path: Path) -> pd.DataFrame:
    """Read and check an INSEE census age table; return counts by commune, sex and group.

    Returns
    -------
    DataFrame
        Index ``CODGEO``; columns ``F0014 … F90P, H0014 … H90P`` (persons); the file's path
        in ``attrs["file"]``.

    Raises
    ------
    CensusError
        Naming the file and what is wrong: encoding, separator, missing columns (with the
        expected names), non-numeric or negative counts, malformed commune codes.
    """
    path = Path(path)
    table = _read_table(path)
    if "CODGEO" not in table.columns:
        found = ", ".join(map(repr, table.columns[:8]))
        raise CensusError("census.no_codgeo", file=path, found=found)
    years = sorted({m.group(1) for c in table.columns if (m := re.match(r"P(\d\d)_[FH]", c))})
    if not years:
        raise CensusError("census.no_counts", file=path)
    prefix = f"P{years[-1]}_"
    wanted = [f"{prefix}{sex}{suffix}" for sex in SEX_LETTERS for suffix in GROUP_SUFFIXES]
    missing = [c for c in wanted if c not in table.columns]
    if missing:
        raise CensusError("census.missing_columns", file=path, columns=", ".join(missing))
    if table.empty:
        raise CensusError("census.no_rows", file=path)
    codes = table["CODGEO"].str.strip()
    bad_codes = codes[~codes.str.fullmatch(r"\d[\dAB]\d{3}", na=False)]
    if not bad_codes.empty:
        raise CensusError("census.bad_codes", file=path, value=bad_codes.iloc[0])
    counts = table[wanted].apply(
        lambda col: pd.to_numeric(col.str.replace(",", "."), errors="coerce")
    )
    bad = counts.isna() | ~np.isfinite(counts) | (counts < 0)
    if bad.any().any():
        row, column = np.argwhere(bad.to_numpy())[0]
        raise CensusError(
            "census.bad_count",
            file=path,
            key=wanted[column],
            commune=codes.iloc[row],
            value=table[wanted[column]].iloc[row],
        )
    counts.columns = [c.removeprefix(prefix) for c in wanted]
    counts.index = pd.Index(codes, name="CODGEO")
    counts = counts.groupby(level=0).sum()
    counts.attrs["file"] = str(path)
    return counts


def _read_table(path: Path) -> pd.DataFrame:
    """The CSV file as text columns (UTF-8, ';' or ',' separated, names stripped)."""
    try:
        raw = read_user_file(path, MAX_CENSUS_BYTES)
    except InputFileError as exc:
        raise CensusError.wrap(exc) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CensusError("census.not_utf8", file=path) from None
    header = text.split("\n", 1)[0]
    separator = ";" if header.count(";") >= header.count(",") else ","
    try:
        table = pd.read_csv(io.StringIO(text), sep=separator, dtype=str)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reason = " ".join(str(exc).split())
        raise CensusError("census.not_csv", file=path, reason=reason) from None
    table.columns = [c.strip() for c in table.columns]
    return table


def census_structure(
    counts: pd.DataFrame, communes: list[str], reference: np.ndarray, total: float
) -> np.ndarray:
    """Single-age structure (persons, shape (sex, age)) of a set of communes from census groups.

    Each census group is spread over single ages like the ``reference`` population (shape
    (sex, age), e.g. the département's), then the whole is scaled to ``total`` persons.

    Raises
    ------
    CensusError
        If some communes are absent from the census table or count nobody.
    """
    absent = sorted(set(communes) - set(counts.index))
    if absent:
        raise CensusError("census.absent", communes=", ".join(absent[:10]))
    groups = counts.loc[communes].sum()
    if groups.sum() <= 0:
        file = counts.attrs.get("file", "")
        raise CensusError("census.no_population", file=file, communes=", ".join(communes[:10]))
    structure = np.zeros_like(reference, dtype=float)
    for s, letter in enumerate(SEX_LETTERS):
        for (first, last), suffix in zip(CENSUS_GROUPS, GROUP_SUFFIXES, strict=True):
            ages = slice(first, None if last is None else last + 1)
            within = reference[s, ages] / max(reference[s, ages].sum(), 1e-12)
            structure[s, ages] = groups[f"{letter}{suffix}"] * within
    return structure * total / structure.sum()
