"""The tidy results table (IAMC convention) and its exports.

One long table per run with columns ``model, scenario, region, variable, unit, year, value``;
variables are hierarchical (``Population|Age 75+``). Stocks are on 1 January of ``year``,
flows are totals during ``year``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ResultsDiffer, ResultsError
from .fileio import atomic_write_bytes

COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value"]
INDEX = COLUMNS[:-1]
EXTENSIONS = (".csv", ".xlsx", ".parquet")


@dataclass(frozen=True)
class Series:
    """One result variable over years (``values`` aligned with ``years``)."""

    variable: str
    unit: str
    years: np.ndarray
    values: np.ndarray


def long_table(series: Iterable[Series], model: str, scenario: str, region: str) -> pd.DataFrame:
    """Assemble series into the IAMC long table."""
    series = list(series)
    lengths = [len(s.years) for s in series]
    return pd.DataFrame(
        {
            "model": model,
            "scenario": scenario,
            "region": region,
            "variable": np.repeat([s.variable for s in series], lengths),
            "unit": np.repeat([s.unit for s in series], lengths),
            "year": np.concatenate([np.asarray(s.years, dtype="int64") for s in series]),
            "value": np.concatenate([np.asarray(s.values, dtype=float) for s in series]),
        }
    )


def to_csv_bytes(table: pd.DataFrame, french: bool = False) -> bytes:
    """CSV of a results table; ``french`` uses ';' and a decimal comma (opens in French Excel)."""
    options = {"sep": ";", "decimal": ","} if french else {}
    return table.to_csv(index=False, **options).encode("utf-8-sig" if french else "utf-8")


def to_excel_bytes(table: pd.DataFrame) -> bytes:
    """Excel workbook of a results table (one sheet, ``resultats``)."""
    buffer = io.BytesIO()
    table.to_excel(buffer, index=False, sheet_name="resultats")
    return buffer.getvalue()


def write_results(table: pd.DataFrame, path: Path, french: bool = False) -> Path:
    """Write a results table atomically; the format follows the extension (.csv .xlsx .parquet).

    Raises
    ------
    ResultsError
        For another extension, or when the file cannot be written (the message says why).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise ResultsError("results.format", file=path, value=suffix, allowed=", ".join(EXTENSIONS))
    if suffix == ".csv":
        payload = to_csv_bytes(table, french)
    elif suffix == ".xlsx":
        payload = to_excel_bytes(table)
    else:
        payload = table.to_parquet(index=False)
    try:
        return atomic_write_bytes(path, payload)
    except OSError as exc:
        raise ResultsError("cannot_write", file=path, reason=exc.strerror or exc) from None


def compare(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    """Outer merge of two results tables on the IAMC index, with ``left``, ``right``, ``diff``."""
    merged = left.merge(right, on=INDEX, how="outer", suffixes=("_left", "_right"))
    merged = merged.rename(columns={"value_left": "left", "value_right": "right"})
    merged["diff"] = merged["right"] - merged["left"]
    return merged


def assert_results_equal(
    left: pd.DataFrame, right: pd.DataFrame, rtol: float = 1e-9, atol: float = 1e-9
) -> None:
    """Fail with the differing rows when two results tables differ beyond the tolerances."""
    __tracebackhide__ = True
    merged = compare(left, right)
    missing = merged[merged["left"].isna() | merged["right"].isna()]
    if not missing.empty:
        raise ResultsDiffer("results.one_side", rows=missing.head(10))
    far = ~np.isclose(merged["left"], merged["right"], rtol=rtol, atol=atol)
    if far.any():
        raise ResultsDiffer("results.differ", count=far.sum(), rows=merged[far].head(10))
