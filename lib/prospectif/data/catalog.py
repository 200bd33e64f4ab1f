"""Read and write the embedded tables (Parquet) and their catalogue (``catalog.yaml``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from ..errors import DataError
from ..fileio import atomic_write_bytes
from ..messages import Message
from ..resources import data_dir as default_data_dir
from .spec import TableSpec

REBUILD_HINT = Message("data.rebuild_hint")


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


def file_sha256(path: Path) -> str:
    """SHA-256 (hex) of a file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def catalogue_hash(data_dir: Path | None = None) -> str:
    """SHA-256 (hex) of the embedded data: ``catalog.yaml`` and every table file it lists.

    A :class:`~prospectif.data.dataset.Dataset` computes it once (:attr:`Dataset.hash`).
    """
    data_dir = Path(data_dir or default_data_dir())
    names = ["catalog.yaml", *sorted(t["file"] for t in read_catalog(data_dir).values())]
    digest = hashlib.sha256()
    for name in names:
        digest.update(f"{name}\0{file_sha256(data_dir / name)}\0".encode())
    return digest.hexdigest()


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pq.read_table(path).to_pandas()
    except FileNotFoundError:
        raise DataError("data.table_missing", file=path, hint=REBUILD_HINT) from None
    except (pa.ArrowException, OSError) as exc:
        raise DataError("data.table_corrupted", file=path, reason=exc, hint=REBUILD_HINT) from None


def read_table(name: str, data_dir: Path, tables: dict) -> pd.DataFrame:
    """Read the table ``name`` of the catalogue ``tables`` from ``data_dir``.

    Raises
    ------
    DataError
        If the table is unknown, missing or unreadable; the message says how to rebuild it.
    """
    if name not in tables:
        raise DataError("data.unknown_table", value=name, allowed=", ".join(sorted(tables)))
    return _read_parquet(data_dir / tables[name]["file"])


def load_table(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Read an embedded table by name (see ``data/catalog.yaml``), afresh from its file.

    Runs read their tables through a :class:`~prospectif.data.dataset.Dataset`, which keeps them.

    Raises
    ------
    DataError
        If the table is unknown, missing or unreadable; the message says how to rebuild it.
    """
    data_dir = Path(data_dir or default_data_dir())
    return read_table(name, data_dir, read_catalog(data_dir))
