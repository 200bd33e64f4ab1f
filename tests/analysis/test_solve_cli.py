"""``prospectif solve``: the answer in words, the variant written, exit statuses."""

import pytest
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.scenario import load_scenario_file

BASE = ["solve", "--territory", "DEP-71", "--scenario", "tendanciel"]
RENOVATION = "energy.residential.renovation_rate"


def test_solve_prints_the_answer_and_saves_the_variant(tmp_path):
    saved = tmp_path / "objectif.yaml"
    result = CliRunner().invoke(
        main,
        [*BASE, "--target", "energy-2050", "--lever", RENOVATION, "--value", "9600"]
        + ["--save", str(saved)],
    )
    assert result.exit_code == 0, result.output
    assert "il faudrait" in result.output and "objectif donné : 9\u202f600 GWh" in result.output
    variant = load_scenario_file(saved)
    assert variant.assumptions()[RENOVATION] > 0.3
    assert variant.extends == ("tendanciel",)
    assert "variante qui atteint l'objectif écrite dans" in result.output


def test_an_unreachable_target_exits_with_1_in_plain_words():
    result = CliRunner().invoke(
        main,
        ["--lang", "en", *BASE, "--target", "emissions-2050", "--lever", "mobility.shift.to_bike"],
    )
    assert result.exit_code == 1, result.output
    assert "out of reach" in result.output and "gap of +" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--target", "nope", "--lever", RENOVATION], "objectif « nope » inconnu"),
        (["--target", "energy-2050", "--lever", "x.y"], "x.y : pas une hypothèse numérique"),
        (
            ["--scenario-file", "s.yaml", "--target", "energy-2050", "--lever", RENOVATION],
            "un seul",
        ),
    ],
)
def test_bad_requests_exit_with_2_and_a_message(args, expected):
    result = CliRunner().invoke(main, [*BASE, *args])
    assert result.exit_code == 2 and expected in result.output, result.output
