"""Read and write the embedded tables (Parquet) and their catalogue (``catalog.yaml``)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from ..errors import DataError
from ..fileio import atomic_write_bytes
from ..messages import Message
from .spec import TableSpec

REBUILD_HINT = Message("data.rebuild_hint")


def default_data_dir() -> Path:
    """The embedded data folder: ``$PROSPECTIF_DATA`` if set, else the project's ``data/``."""
    env = os.environ.get("PROSPECTIF_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "data"


def write_table(frame: pd.DataFrame, path: Path) -> Path:
    """Write a table as deterministic Parquet (no pandas metadata, zstd, one row group)."""
    table = pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", row_group_size=max(len(frame), 1))
    return atomic_write_bytes(path, sink.getvalue().to_pybytes())


def catalog_entry(spec: TableSpec) -> dict:
    """The catalogue description of one table."""
    entry = {
        "description": spec.description,
        "file": f"{spec.name}.parquet",
        "key": list(spec.key),
        "columns": {c.name: {"unit": c.unit, "description": c.description} for c in spec.columns},
        "sources": [
            {
                "file": s.file,
                "publisher": s.publisher,
                "title": s.title,
                "vintage": s.vintage,
                "licence": s.licence,
                **({"derived": True} if s.derived else {}),
            }
            for s in spec.sources
        ],
    }
    if spec.notes:
        entry["notes"] = spec.notes
    return entry


def write_catalog(specs: Iterable[TableSpec], path: Path) -> Path:
    """Write ``catalog.yaml`` describing every table."""
    doc = {"tables": {spec.name: catalog_entry(spec) for spec in specs}}
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    return atomic_write_bytes(path, text.encode("utf-8"))


@functools.cache
def read_catalog(data_dir: Path | None = None) -> dict:
    """The catalogue of the embedded tables (``catalog.yaml``) as a dict."""
    path = Path(data_dir or default_data_dir()) / "catalog.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))["tables"]
    except FileNotFoundError:
        raise DataError("data.catalogue_missing", file=path, hint=REBUILD_HINT) from None
    except (yaml.YAMLError, KeyError, TypeError) as exc:
        raise DataError(
            "data.catalogue_corrupted", file=path, reason=exc, hint=REBUILD_HINT
        ) from None


@functools.cache
def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pq.read_table(path).to_pandas()
    except FileNotFoundError:
        raise DataError("data.table_missing", file=path, hint=REBUILD_HINT) from None
    except (pa.ArrowException, OSError) as exc:
        raise DataError("data.table_corrupted", file=path, reason=exc, hint=REBUILD_HINT) from None


def load_table(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Load an embedded table by name (see ``data/catalog.yaml``); a copy the caller may change.

    Raises
    ------
    DataError
        If the table is unknown, missing or unreadable; the message says how to rebuild it.
    """
    data_dir = Path(data_dir or default_data_dir())
    tables = read_catalog(data_dir)
    if name not in tables:
        raise DataError("data.unknown_table", value=name, allowed=", ".join(sorted(tables)))
    return _read_parquet(data_dir / tables[name]["file"]).copy()
