"""Build the embedded data set (``data/``) from the raw open data files.

Each sub-module declares its tables as :class:`~prospectif.data.spec.TableSpec` objects in a
module-level ``TABLES`` tuple; :func:`build_all` runs them, checks their shape and writes
deterministic Parquet files plus ``catalog.yaml``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from ...errors import DataError
from ..catalog import write_catalog, write_table
from ..spec import TableSpec

BUILDER_MODULES = (
    "population",
    "mortality",
    "fertility",
    "ageing",
    "energy",
    "mobility",
    "geo",
    "climate",
    "communes_census",
    "emissions",
    "services",
)


def all_specs() -> list[TableSpec]:
    """Every embedded table's specification, in catalogue order."""
    specs: list[TableSpec] = []
    for module in BUILDER_MODULES:
        specs.extend(importlib.import_module(f"{__name__}.{module}").TABLES)
    return specs


def check_frame(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Check a built table against its spec and return it sorted by its key.

    Raises
    ------
    DataError
        If the columns differ from the spec or the key has duplicates or missing values.
    """
    if tuple(frame.columns) != spec.column_names:
        raise DataError(
            "build.columns",
            name=spec.name,
            built=list(frame.columns),
            declared=list(spec.column_names),
        )
    key = list(spec.key)
    if frame[key].isna().any().any():
        raise DataError("build.key_missing", name=spec.name, key=key)
    if frame.duplicated(key).any():
        dup = frame[frame.duplicated(key, keep=False)].head(3)
        raise DataError("build.key_duplicated", name=spec.name, rows=dup)
    return frame.sort_values(key, kind="stable").reset_index(drop=True)


def build_all(
    raw: Path,
    out: Path,
    only: Iterable[str] | None = None,
    progress: Callable[[str], None] = lambda name: None,
) -> list[Path]:
    """Build the tables from the raw folder ``raw`` into ``out``; return the written files.

    ``only`` restricts the build to some table names (the catalogue is still fully rewritten
    from the specs). Two builds from the same raw files give byte-identical files.
    """
    raw, out = Path(raw), Path(out)
    if not raw.is_dir():
        raise DataError("build.raw_folder", folder=raw)
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(only) if only else None
    specs = all_specs()
    written = []
    for spec in specs:
        if wanted is not None and spec.name not in wanted:
            continue
        progress(spec.name)
        frame = check_frame(spec, spec.build(raw))
        written.append(write_table(frame, out / f"{spec.name}.parquet"))
    written.append(write_catalog(specs, out / "catalog.yaml"))
    return written
