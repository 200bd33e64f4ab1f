"""User census CSV imports, random or malformed: a checked table or a clear DataError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from prospectif.census import GROUP_SUFFIXES, SEX_LETTERS, read_census_table
from prospectif.errors import DataError

from .strategies import TEXT, assert_clear_refusal, fuzz

COLUMNS = [f"P21_{sex}{suffix}" for sex in SEX_LETTERS for suffix in GROUP_SUFFIXES]
CELLS = st.one_of(
    st.integers(-(10**6), 10**9).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "1 234", "12 %", "1,5", "1.5e3", "1e400", "-0", "NA", "inf", "¹²"]),
    TEXT,
)
CODES = st.one_of(st.sampled_from(["71270", "2A004", "97411", "7127", "712700", "AB123"]), TEXT)


def read(content: bytes, name: str = "recensement.csv"):
    """The table, or None after checking the refusal is a clear DataError naming the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            return read_census_table(path)
        except DataError as exc:
            assert_clear_refusal(exc, str(path))
            return None


@fuzz(max_examples=200)
@given(st.binary(max_size=3000))
def test_random_bytes(content):
    read(content)


@fuzz(max_examples=200)
@given(
    st.sampled_from([";", ",", "\t", "|"]),
    st.lists(st.tuples(CODES, st.lists(CELLS, min_size=14, max_size=14)), max_size=5),
    st.lists(st.sampled_from(COLUMNS), max_size=3, unique=True),
)
def test_random_rows(separator, rows, dropped):
    columns = ["CODGEO"] + [c for c in COLUMNS if c not in dropped]
    lines = [separator.join(columns)]
    lines += [separator.join([code, *cells[: len(columns) - 1]]) for code, cells in rows]
    table = read("\n".join(lines).encode("utf-8"))
    if table is not None:
        values = table.to_numpy(dtype=float)
        assert np.isfinite(values).all() and (values >= 0).all()
        assert all(len(code) == 5 for code in table.index)


VALID = ";".join(["CODGEO", *COLUMNS]) + "\n71270;" + ";".join(["100"] * 14) + "\n"

MALFORMED = {
    "latin-1": VALID.replace("CODGEO", "CODGÉO").encode("latin-1"),
    "utf-16": VALID.encode("utf-16"),
    "tab-separated": VALID.replace(";", "\t").encode("utf-8"),
    "missing-column": VALID.replace(";P21_H90P", "").encode("utf-8"),
    "no-codgeo": VALID.replace("CODGEO", "COMMUNE").encode("utf-8"),
    "negative": VALID.replace("100\n", "-5\n").encode("utf-8"),
    "percent": VALID.replace("100\n", "12 %\n").encode("utf-8"),
    "thousands-space": VALID.replace("100\n", "1 234\n").encode("utf-8"),
    "overflow": VALID.replace("100\n", "1e400\n").encode("utf-8"),
    "bad-code": VALID.replace("71270", "../../x").encode("utf-8"),
    "ragged": (VALID + "71271;1;2\n" + "71272;" + ";".join(["1"] * 20) + "\n").encode("utf-8"),
    "unclosed-quote": (VALID + '71271;"1\n').encode("utf-8"),
    "empty": b"",
    "binary": bytes(range(256)) * 8,
    "excel-file": b"PK\x03\x04" + bytes(500),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_files(name):
    assert read(MALFORMED[name]) is None


def test_the_valid_file_reads():
    table = read(VALID.encode("utf-8"))
    assert table.loc["71270"].sum() == 1400
