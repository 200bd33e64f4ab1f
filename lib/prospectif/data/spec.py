"""Description of the embedded tables: sources, columns and units (the provenance contract)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

LICENCE_ETALAB = "Licence Ouverte / Open Licence 2.0 (Etalab)"
LICENCE_HFD = "CC BY 4.0"


@dataclass(frozen=True)
class Source:
    """One raw file behind a table.

    Parameters
    ----------
    file
        Path of the raw file, relative to the raw data folder (e.g. ``population/x.xlsx``).
    publisher, title, vintage, licence
        Citation of the file: who published it, its title, its vintage (year or release),
        its licence.
    derived
        True where a third party reshaped the official table (see ``SOURCES.md``).
    """

    file: str
    publisher: str
    title: str
    vintage: str
    licence: str = LICENCE_ETALAB
    derived: bool = False


@dataclass(frozen=True)
class Column:
    """A column of an embedded table, with its unit ('' for codes and labels) and meaning."""

    name: str
    unit: str
    description: str


@dataclass(frozen=True)
class TableSpec:
    """An embedded table: how it is built from raw files and what it contains.

    ``build`` is a pure function of the raw folder returning a DataFrame with exactly
    ``columns`` (in that order), sorted by ``key`` with no duplicate key.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    sources: tuple[Source, ...]
    build: Callable[[Path], pd.DataFrame]
    notes: str = ""
    column_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))
