"""The « ce qui a changé » page sorts what moved by cause (data, assumptions, code), largest
changes first; its snapshots-based test is in ``test_publish.py``."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from prospectif.portal.changes import changes_html, explained, input_causes

INPUTS = [
    ("data catalogue hash", "aaa", "bbb"),
    ("prospectif", "0.4.0", "0.5.0"),
    ("numpy", "2.1", "2.2"),
    ("scenario sobriete", "h1", "h2"),
]


def summary() -> pd.DataFrame:
    rows = [
        ("DEP-71", "tendanciel", "Population", "changed", 1.0, 1),
        ("DEP-71", "sobriete", "Population", "changed", -12.0, 30),
        ("DEP-71", "sobriete", "Births", "changed", 3.0, 2),
        ("DEP-71", "sobriete", "Deaths", "unchanged", 0.0, 0),
        ("DEP-71", "tendanciel", "Final Energy", "added", math.nan, 5),
    ]
    columns = ["region", "scenario", "variable", "status", "change_pct", "max_abs_change"]
    return pd.DataFrame(rows, columns=columns)


def test_each_changed_input_has_its_cause():
    causes = input_causes(INPUTS)
    assert [w for w, _, _ in causes["data"]] == ["data catalogue hash"]
    assert [w for w, _, _ in causes["code"]] == ["prospectif", "numpy"]
    assert [w for w, _, _ in causes["assumptions"]] == ["scenario sobriete"]


def test_what_moved_is_put_under_its_causes_largest_first():
    moved = explained(summary(), INPUTS)
    assert list(zip(moved["scenario"], moved["variable"], strict=True)) == [
        ("tendanciel", "Final Energy"),  # added: no percentage, first
        ("sobriete", "Population"),
        ("sobriete", "Births"),
        ("tendanciel", "Population"),
    ]
    by_scenario = dict(zip(moved["scenario"], moved["causes"], strict=False))
    assert by_scenario == {"sobriete": "assumptions+data+code", "tendanciel": "data+code"}


def test_a_change_with_no_input_changed_says_its_cause_is_unknown():
    moved = explained(summary(), [])
    assert set(moved["causes"]) == {"unknown"}


def test_the_first_millesime_says_there_is_nothing_to_compare():
    page = changes_html(Path("b"), None, {}, "fr")
    assert "Premier millésime publié" in page


def test_units_are_in_words_in_the_page_language():
    from prospectif.portal.changes import _moved_table

    moved = pd.DataFrame(
        [("DEP-71", "tendanciel", "Births", "persons/yr", 2050, 4000.0, 4100.0, 100.0, 2.5)],
        columns=["region", "scenario", "variable", "unit", "year", "a", "b", "change"]
        + ["change_pct"],
    )
    assert "personnes par an" in _moved_table(moved, {}, "fr")
    assert "persons a year" in _moved_table(moved, {}, "en")
    assert "persons/yr" not in _moved_table(moved, {}, "fr")
