"""Backtests of the local method against the fixed share (issue 19, docs/validation.md)."""

import pytest

from prospectif.validation.local import summary


@pytest.fixture(scope="module")
def table():
    return summary().set_index(["level", "measure"])


@pytest.mark.parametrize("level", ["COM", "EPCI"])
@pytest.mark.parametrize("group", ["0–14", "15–29", "75+"])
def test_local_structure_beats_the_fixed_share_on_age_groups(table, level, group):
    row = table.loc[(level, f"share {group}, 2018 (points)")]
    assert row.n > 1000 if level == "COM" else row.n > 900
    assert row.mae_local < 0.8 * row.mae_fixed
    assert abs(row.worst_local) < abs(row.worst_fixed)


def test_epci_totals_beat_the_fixed_share_and_communes_say_which_variant_does(table):
    for variant in ("local", "natural", "pooled"):
        row = table.loc[("EPCI", f"total 2021 (%), {variant}")]
        assert row.mae_local < row.mae_fixed
    assert (
        table.loc[("COM", "total 2021 (%), pooled")].mae_local
        < table.loc[("COM", "total 2021 (%), pooled")].mae_fixed
    )
    # stated in docs/validation.md: the commune's own early migration does not persist
    own = table.loc[("COM", "total 2021 (%), local")]
    assert own.mae_local > own.mae_fixed
