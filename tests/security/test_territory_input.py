"""Territory codes and custom perimeter files: a territory or a clear TerritoryError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from prospectif.errors import TerritoryError
from prospectif.territory import get_territory, load_perimeter

from .strategies import DOCUMENTS, HOSTILE_NAMES, TEXT, assert_clear_refusal, fuzz, listing

PREFIXES = st.sampled_from(["", "FR", "FR-METRO", "REG-", "DEP-", "EPCI-", "COM-", "PER-"])
CODES = st.one_of(
    TEXT,
    st.tuples(PREFIXES, TEXT).map("".join),
    st.tuples(PREFIXES, st.sampled_from(HOSTILE_NAMES)).map("".join),
    st.tuples(PREFIXES, st.integers(-(10**30), 10**30).map(str)).map("".join),
)


@fuzz(max_examples=100)
@given(CODES)
def test_random_territory_codes(code):
    try:
        territory = get_territory(code)
    except TerritoryError as exc:
        assert_clear_refusal(exc)
        return
    assert territory.code == code.strip()


@pytest.mark.parametrize("code", [None, 71, 7.1, b"DEP-71", ["DEP-71"], {"DEP": 71}])
def test_non_text_codes(code):
    with pytest.raises(TerritoryError, match="le code de territoire doit être un texte") as caught:
        get_territory(code)
    assert_clear_refusal(caught.value)


PERIMETERS = st.one_of(
    DOCUMENTS,
    st.fixed_dictionaries(
        {"name": st.one_of(TEXT, DOCUMENTS)},
        optional={"communes": st.one_of(st.lists(st.one_of(TEXT, st.integers())), DOCUMENTS)},
    ),
)


@fuzz(max_examples=150)
@given(PERIMETERS)
def test_random_perimeter_files(document):
    communes = document.get("communes") if isinstance(document, dict) else None
    assume(not isinstance(communes, list) or all(str(c).isprintable() for c in communes))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        before = listing(Path(folder))
        try:
            territory = load_perimeter(path)
        except TerritoryError as exc:
            assert_clear_refusal(exc)
        else:
            assert territory.code == "PER-fuzz" and territory.members
        assert listing(Path(folder)) == before


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_perimeter_codes(name):
    with pytest.raises(TerritoryError, match="périmètre") as caught:
        get_territory(f"PER-{name}")
    assert_clear_refusal(caught.value)


def test_perimeter_errors_cannot_forge_message_lines(tmp_path):
    path = tmp_path / "forged.yaml"
    path.write_text('name: x\ncommunes: ["00000\\nDEP-71: ok"]\n', encoding="utf-8")
    with pytest.raises(TerritoryError, match=r"forged\.yaml : codes de commune inconnus") as caught:
        load_perimeter(path)
    assert_clear_refusal(caught.value, str(path))
