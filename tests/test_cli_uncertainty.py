"""``prospectif run --draws``: the quantiles of a probabilistic run, reproducible by seed."""

import pandas as pd
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.results.tidy import QUANTILE_COLUMNS

ARGS = ("run", "--territory", "DEP-71", "--scenario", "insee-central", "--horizon", "2035")


def invoke(*args):
    return CliRunner().invoke(main, [*ARGS, *args])


def test_run_with_draws_writes_quantiles_reproducibly(tmp_path):
    tables = []
    for name in ("a.csv", "b.csv"):
        out = tmp_path / name
        result = invoke("--output", str(out), "--draws", "40", "--seed", "3", "--chain-draws", "2")
        assert result.exit_code == 0, result.output
        tables.append(pd.read_csv(out))
    table = tables[0]
    assert list(table.columns) == QUANTILE_COLUMNS
    assert set(table["quantile"]) == {0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975}
    assert {"Population", "Autonomy|APA Beneficiaries", "Final Energy"} <= set(table["variable"])
    pd.testing.assert_frame_equal(tables[0], tables[1])
    assert (tmp_path / "a.csv.meta.json").is_file()


def test_draws_do_not_apply_to_a_census_structure(tmp_path):
    census = tmp_path / "census.csv"
    census.write_text("x\n", encoding="utf-8")
    result = invoke("--output", str(tmp_path / "x.csv"), "--draws", "10", "--census", str(census))
    assert result.exit_code == 2
    assert "recensement" in result.output
