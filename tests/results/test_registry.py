"""The variable registry: every emitted variable is registered, every declared tree adds up."""

from pathlib import Path

import numpy as np
import pandas as pd
import pyam
import pytest

from prospectif.pipeline import run, run_chain
from prospectif.results import concat_tables
from prospectif.results.docs import variables_markdown
from prospectif.results.registry import MODELS_VARIABLES, RENAMED, VARIABLES, label, partitions
from prospectif.results.variable import KINDS
from prospectif.scenario import load_preset
from prospectif.territory import get_territory

ROOT = Path(__file__).resolve().parents[2]
TERRITORIES = ("FR", "DEP-71", "EPCI-200070308", "COM-71270")
PRESETS = ("tendanciel", "sobriete")
STABLE = (
    # DESIGN §9 names that must keep working.
    "Population",
    "Population|Female",
    "Population|Male",
    "Population|Age 0-19",
    "Population|Age 20-64",
    "Population|Age 65+",
    "Population|Age 75+",
    "Population|Age 85+",
    "Births",
    "Deaths",
    "Net Migration",
    "Life Expectancy|Female",
    "Life Expectancy|Male",
    "Total Fertility Rate",
    "Old-Age Dependency Ratio",
    "Autonomy|APA Beneficiaries",
    "Autonomy|APA Beneficiaries|Home",
    "Autonomy|APA Beneficiaries|Institution",
    "Autonomy|Places Needed",
    "Autonomy|Care Workforce",
    "Mobility|Trips",
    "Mobility|Passenger-km|Car Driver",
    "Final Energy",
    "Final Energy|Residential",
    "Final Energy|Residential|Electricity",
    "Renewable Production",
    "Renewable Coverage",
    "Emissions|GHG",
    "Emissions|GHG|Transport",
)


@pytest.fixture(scope="module")
def table():
    """Every model on four kinds of territory under two full presets."""
    scenarios = [load_preset(p) for p in PRESETS]
    return concat_tables([run(code, s) for code in TERRITORIES for s in scenarios])


def test_every_emitted_variable_is_registered_with_its_unit(table):
    emitted = table[["variable", "unit"]].drop_duplicates()
    unknown = sorted(set(emitted["variable"]) - set(VARIABLES))
    assert not unknown, f"not in the registry: {unknown}"
    wrong = [(v, u) for v, u in emitted.itertuples(index=False) if VARIABLES[v].unit != u]
    assert not wrong, f"units differ from the registry: {wrong}"


def test_every_registered_variable_is_emitted_or_a_run_scalar(table):
    scalars = {name for m in table.attrs["metadata"] for name in m.scalars}
    expected = {v.name for v in VARIABLES.values() if v.kind == "scalar"}
    assert scalars == expected
    missing = set(VARIABLES) - set(table["variable"]) - expected
    assert not missing, f"registered but never emitted: {sorted(missing)}"


def test_each_model_emits_its_variables_in_registry_order():
    chain = run_chain(get_territory("DEP-71"), load_preset("tendanciel"))
    for model, variables in MODELS_VARIABLES.items():
        emitted = [s.variable for s in chain.series((model,))]
        assert emitted == [v.name for v in variables if v.kind != "scalar"], model


def test_registry_is_well_formed():
    for variable in VARIABLES.values():
        assert variable.kind in KINDS, variable
        assert all(variable.label), variable
        components = [c for p in variable.partitions for c in p]
        if variable.within:
            components.append(variable.within)
        for name in components:
            assert VARIABLES[name].unit == variable.unit, (variable.name, name)
        if variable.partitions:
            assert variable.kind in ("stock", "flow"), variable.name


def test_trees_hold_no_foreign_children():
    """A direct child of a stock or flow is in one of its partitions or a declared sub-group
    of the same unit: no target, share or double count sits in a tree.
    """
    for parent in (v for v in VARIABLES.values() if v.kind in ("stock", "flow")):
        parts = {c for p in parent.partitions for c in p}
        for child in VARIABLES.values():
            if child.name.rpartition("|")[0] != parent.name:
                continue
            assert child.unit == parent.unit, (parent.name, child.name)
            assert child.name in parts or child.within, (parent.name, child.name)


def test_stable_names_are_kept_and_renamed_ones_gone(table):
    emitted = set(table["variable"])
    assert set(STABLE) <= emitted
    assert not emitted & set(RENAMED)


def wide(table: pd.DataFrame) -> pd.DataFrame:
    return table.pivot_table(
        index=["scenario", "region", "year"], columns="variable", values="value", aggfunc="first"
    )


@pytest.mark.parametrize("aggregate, components", partitions(), ids=lambda x: str(x)[:60])
def test_partition_adds_up_every_year(table, aggregate, components):
    values = wide(table)
    total = values[aggregate].dropna()
    parts = values.loc[total.index, list(components)]
    assert not parts.isna().any().any(), "a component is missing in a year of the aggregate"
    np.testing.assert_allclose(parts.sum(axis=1), total, rtol=1e-9, atol=0)


def test_sub_groups_do_not_exceed_their_group(table):
    values = wide(table)
    for variable in (v for v in VARIABLES.values() if v.within):
        pair = values[[variable.name, variable.within]].dropna()
        assert (pair[variable.name] <= pair[variable.within] * (1 + 1e-12)).all(), variable.name


def test_pyam_check_aggregate_passes_for_every_partition(table):
    frame = pyam.IamDataFrame(pd.DataFrame(table))
    for aggregate, components in partitions():
        failed = frame.check_aggregate(aggregate, components=list(components), rtol=1e-9)
        assert failed is None, f"{aggregate} ≠ {components}:\n{failed}"
    emitted = frame.variable
    for variable in VARIABLES.values():
        children = {v for v in emitted if v.rpartition("|")[0] == variable.name}
        if [set(p) for p in variable.partitions] == [children]:
            # The tree as pyam infers it (direct children) adds up too.
            assert frame.check_aggregate(variable.name, rtol=1e-9) is None, variable.name


def test_labels_in_both_languages():
    assert label("Population|Age 65+") == "Population – 65 ans ou plus"
    assert label("Target|Emissions|GHG", "en") == "SNBC trajectory applied to the territory"


def test_variables_reference_page_is_up_to_date():
    page = (ROOT / "docs" / "variables.md").read_text(encoding="utf-8")
    assert page == variables_markdown(), "run `make docs` to regenerate docs/variables.md"


def test_every_unit_has_french_and_english_words():
    from prospectif.results.registry import VARIABLES
    from prospectif.results.unit_labels import UNIT_LABELS, unit_label

    assert {v.unit for v in VARIABLES.values()} <= set(UNIT_LABELS)
    assert (unit_label("GWh/yr"), unit_label("GWh/yr", "en")) == ("GWh par an", "GWh a year")
