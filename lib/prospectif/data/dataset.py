"""The data set a run computes on: its tables and everything derived from them, held once.

A :class:`Dataset` reads each table of its folder when first asked and keeps it; calibrations
(the demographic base, estimates, calibration factors, territory tables) are computed once per
data set and kept on it (:meth:`Dataset.derived`), so two folders can be used side by side in
one process and nothing is cached at module level.

>>> data = open_data()                    # the process default (``$PROSPECTIF_DATA`` or data/)
>>> other = open_data("/tmp/my-data")     # another folder, independent of the default
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

import pandas as pd

from .catalog import catalogue_hash, default_data_dir, read_catalog, read_table

T = TypeVar("T")


class Dataset:
    """The tables of one data folder, read once, and what is derived from them.

    Parameters
    ----------
    path
        The data folder (with ``catalog.yaml``); default: :func:`default_data_dir`.
    """

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path or default_data_dir()).resolve()
        self._catalog: dict | None = None
        self._tables: dict[str, pd.DataFrame] = {}
        self._derived: dict[str, object] = {}

    def __repr__(self) -> str:
        return f"Dataset({str(self.path)!r})"

    @property
    def catalog(self) -> dict:
        """The catalogue of the tables (``catalog.yaml``), read once."""
        if self._catalog is None:
            self._catalog = read_catalog(self.path)
        return self._catalog

    @property
    def hash(self) -> str:
        """SHA-256 (hex) of ``catalog.yaml`` and every table file it lists, computed once."""
        return self.derived("hash", lambda: catalogue_hash(self.path))

    @property
    def version(self) -> str:
        """SHA-256 (16 hex digits) of ``catalog.yaml``: the version of the tables' definitions."""
        text = (self.path / "catalog.yaml").read_bytes()
        return self.derived("version", lambda: hashlib.sha256(text).hexdigest()[:16])

    def table(self, name: str, keep: bool = True) -> pd.DataFrame:
        """The table ``name`` (see ``catalog.yaml``), read once; a copy the caller may change.

        With ``keep=False`` a table not read yet is read for this call only and not kept: for
        a large table turned once into arrays kept with :meth:`derived` (the 1.07 M-row
        population by age), which would otherwise stay in every kernel for nothing.
        """
        if not keep and name not in self._tables:
            return read_table(name, self.path, self.catalog)
        if name not in self._tables:
            self._tables[name] = read_table(name, self.path, self.catalog)
        return self._tables[name].copy()

    def derived(self, key: str, compute: Callable[[], T]) -> T:
        """What ``compute()`` returns, computed once for this data set and kept under ``key``."""
        if key not in self._derived:
            self._derived[key] = compute()
        return cast(T, self._derived[key])


_default: Dataset | None = None


def open_data(path: Path | str | None = None) -> Dataset:
    """A data set: the folder ``path``, or the process default when ``path`` is None.

    The default is opened on first use and kept until :func:`clear_default_data`.
    """
    global _default
    if path is not None:
        return Dataset(path)
    if _default is None:
        _default = Dataset()
    return _default


def clear_default_data() -> None:
    """Forget the default data set: the next :func:`open_data` re-reads the folder."""
    global _default
    _default = None
