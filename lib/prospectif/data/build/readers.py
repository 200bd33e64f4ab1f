"""Readers of the raw file formats that several builders share, one per format."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadr

from ...errors import DataError


def read_rda(path: Path, encoding: str | None = None) -> pd.DataFrame:
    """Read the single data frame stored in an R data file (``.rda``).

    Parameters
    ----------
    path
        The ``.rda`` file.
    encoding
        Encoding of its strings (``None``: pyreadr's default, UTF-8).

    Raises
    ------
    DataError
        If the file is missing or does not hold exactly one object.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("build.raw_missing", file=path)
    objects = pyreadr.read_r(str(path), encoding=encoding)
    if len(objects) != 1:
        raise DataError("build.one_r_object", file=path, found=list(objects))
    return next(iter(objects.values()))
