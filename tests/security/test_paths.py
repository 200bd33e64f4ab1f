"""Ids, variant names and file names: refused, or a file directly in the intended folder."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prospectif.errors import ScenarioError
from prospectif.scenario import check_id, load_preset, load_scenario_file
from prospectif.scenario.io import RESERVED_IDS
from prospectif.scenario.schema import SCENARIO_ID_PATTERN
from prospectif.ui.variants import VariantStore, save_variant

from .strategies import HOSTILE_NAMES, assert_clear_refusal, fuzz, listing

BASE = load_preset("tendanciel")
NAMES = st.one_of(st.text(max_size=120), st.sampled_from(HOSTILE_NAMES))


def _inside(folder: Path, name: str) -> bool:
    path = (folder / f"{name}.yaml").resolve()
    return path.parent == folder.resolve()


@fuzz(max_examples=500)
@given(NAMES)
def test_scenario_ids(name):
    try:
        accepted = check_id(name)
    except ScenarioError as exc:
        assert_clear_refusal(exc)
        return
    assert re.fullmatch(SCENARIO_ID_PATTERN, accepted) and accepted not in RESERVED_IDS
    assert _inside(Path("/srv/scenarios"), accepted)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_ids_are_refused(name):
    with pytest.raises(ScenarioError, match="invalide : utiliser des minuscules") as caught:
        check_id(name)
    assert_clear_refusal(caught.value)
    assert len(str(caught.value)) < 300


@fuzz(max_examples=200)
@given(NAMES)
def test_variant_names_save_inside_the_workshop_folder_or_are_refused(name):
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "ateliers" / "2026-01-01"
        try:
            variant = VariantStore().add(name, "tendanciel", BASE, {}, ("tendanciel",))
            path = save_variant(variant.scenario, folder)
        except ScenarioError as exc:
            assert_clear_refusal(exc)
            assert listing(Path(root)) == {}
            return
        assert path.parent.resolve() == folder.resolve()
        assert sorted(listing(Path(root))) == [
            "ateliers",
            "ateliers/2026-01-01",
            path.relative_to(root).as_posix(),
        ]
        assert load_scenario_file(path).assumptions() == BASE.assumptions()
