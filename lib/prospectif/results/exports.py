"""Exports of a results table, each carrying the run metadata (:mod:`.metadata`).

- CSV: the table, and a JSON sidecar ``<file>.meta.json`` (the CSV stays plain, so Excel and
  every CSV reader open it unchanged); ``french`` uses ';' and a decimal comma.
  :func:`to_french_csv_bytes` is the one for people: French column names, variable labels and
  units in words, values rounded to :data:`DIGITS` significant digits.
- Excel: sheets ``resultats`` (the table), ``variables`` (labels, units and kinds from the
  registry), ``meta`` (one row per run) and ``hypotheses`` (each scenario's assumption values).
- Parquet: the table, with the metadata JSON under the schema key ``prospectif.metadata``.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ResultsError
from ..fileio import atomic_write_bytes, atomic_write_text
from .metadata import (
    RunMetadata,
    assumptions_sheet,
    meta_sheet,
    metadata_from_json,
    metadata_json,
    table_metadata,
)

EXTENSIONS = (".csv", ".xlsx", ".parquet")
DIGITS = 6
"""Significant digits of the values in exports meant for people (a model is not more exact)."""
FRENCH_COLUMNS = {
    "model": "modèle",
    "scenario": "scénario",
    "region": "territoire",
    "variable": "variable",
    "label": "libellé",
    "unit": "unité",
    "year": "année",
    "quantile": "quantile",
    "value": "valeur",
}
PARQUET_KEY = b"prospectif.metadata"
SIDECAR = ".meta.json"


def to_csv_bytes(table: pd.DataFrame, french: bool = False) -> bytes:
    """CSV of a results table; ``french`` uses ';' and a decimal comma (opens in French Excel)."""
    options = {"sep": ";", "decimal": ","} if french else {}
    return table.to_csv(index=False, **options).encode("utf-8-sig" if french else "utf-8")


def significant(values: pd.Series, digits: int = DIGITS) -> pd.Series:
    """``values`` rounded to ``digits`` significant digits (544045.984544701 → 544046.0)."""
    array = values.to_numpy(float)
    magnitude = np.floor(np.log10(np.abs(np.where(array == 0, 1.0, array))))
    scale = 10.0 ** (digits - 1 - magnitude)
    return pd.Series(np.round(array * scale) / scale, index=values.index, name=values.name)


def french_table(table: pd.DataFrame) -> pd.DataFrame:
    """The results table for French readers: French column names, each variable's label and
    unit in words (from the registry), values rounded to :data:`DIGITS` significant digits.
    """
    from .registry import VARIABLES  # imports the models: kept off the light path
    from .unit_labels import unit_label

    labels = table["variable"].map(lambda n: VARIABLES[n].label[0] if n in VARIABLES else n)
    french = table.assign(
        label=labels, unit=table["unit"].map(unit_label), value=significant(table["value"])
    )
    return french[[c for c in FRENCH_COLUMNS if c in french]].rename(columns=FRENCH_COLUMNS)


def to_french_csv_bytes(table: pd.DataFrame) -> bytes:
    """CSV of :func:`french_table`, with ';' and a decimal comma (opens in French Excel)."""
    return to_csv_bytes(french_table(table), french=True)


def variables_sheet(table: pd.DataFrame) -> pd.DataFrame:
    """Unit, kind and French and English labels of the table's registered variables."""
    from .registry import VARIABLES  # imports the models: kept off the light import path

    names = [n for n in dict.fromkeys(table["variable"]) if n in VARIABLES]
    return pd.DataFrame(
        [
            {
                "variable": n,
                "unit": VARIABLES[n].unit,
                "kind": VARIABLES[n].kind,
                "label_fr": VARIABLES[n].label[0],
                "label_en": VARIABLES[n].label[1],
            }
            for n in names
        ],
        columns=["variable", "unit", "kind", "label_fr", "label_en"],
    )


def to_excel_bytes(
    table: pd.DataFrame, hypotheses: pd.DataFrame | None = None, digits: int | None = None
) -> bytes:
    """Excel workbook of a results table: ``resultats``, ``variables``, then ``meta`` and
    ``hypotheses`` when the table carries run metadata.

    ``hypotheses`` replaces the plain assumptions sheet (e.g. the dashboards' one, with units,
    sources and what the room changed); ``digits`` rounds the values (significant digits).
    """
    records = table_metadata(table)
    shown = table if digits is None else table.assign(value=significant(table["value"], digits))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        shown.to_excel(writer, index=False, sheet_name="resultats")
        variables_sheet(table).to_excel(writer, index=False, sheet_name="variables")
        if records:
            meta_sheet(records).to_excel(writer, index=False, sheet_name="meta")
        if hypotheses is None and records:
            hypotheses = assumptions_sheet(records)
        if hypotheses is not None:
            hypotheses.to_excel(writer, index=False, sheet_name="hypotheses")
    return buffer.getvalue()


def to_parquet_bytes(table: pd.DataFrame) -> bytes:
    """Parquet of a results table, the run metadata JSON in the schema (``prospectif.metadata``)."""
    records = table_metadata(table)
    plain = table.copy(deep=False)
    plain.attrs = {}  # the metadata goes in its own key, not in pandas' attrs
    arrow = pa.Table.from_pandas(plain, preserve_index=False)
    if records:
        extra = {PARQUET_KEY: metadata_json(records).encode("utf-8")}
        arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), **extra})
    buffer = pa.BufferOutputStream()
    pq.write_table(arrow, buffer)
    return buffer.getvalue().to_pybytes()


def sidecar_path(path: Path) -> Path:
    """The metadata sidecar of a CSV file: ``<file>.meta.json``."""
    return path.with_name(path.name + SIDECAR)


def read_metadata(path: Path) -> tuple[RunMetadata, ...]:
    """The run metadata of a results file written by :func:`write_results` (.parquet, .csv)."""
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        text = (pq.read_schema(path).metadata or {}).get(PARQUET_KEY)
        return metadata_from_json(text.decode("utf-8")) if text else ()
    sidecar = sidecar_path(path)
    return metadata_from_json(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else ()


def write_results(table: pd.DataFrame, path: Path, french: bool = False) -> Path:
    """Write a results table atomically; the format follows the extension (.csv .xlsx .parquet).

    The table's run metadata goes with it (see the module docstring); a CSV's sidecar is
    written first, so a CSV never exists without it.

    Raises
    ------
    ProspectifError
        For another extension, or when the file cannot be written (the message says why).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        allowed = ", ".join(EXTENSIONS)
        raise ResultsError("results.format", file=path, value=suffix, allowed=allowed)
    records = table_metadata(table)
    if suffix == ".csv":
        payload = to_csv_bytes(table, french)
    elif suffix == ".xlsx":
        payload = to_excel_bytes(table)
    else:
        payload = to_parquet_bytes(table)
    try:
        if suffix == ".csv" and records:
            atomic_write_text(sidecar_path(path), metadata_json(records))
        return atomic_write_bytes(path, payload)
    except OSError as exc:
        raise ResultsError("cannot_write", file=path, reason=exc.strerror or exc) from None
