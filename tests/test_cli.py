import pandas as pd
import pytest
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.pipeline import run
from prospectif.results import assert_results_equal
from prospectif.results.exports import read_metadata
from prospectif.results.registry import MODELS_VARIABLES
from prospectif.scenario import load_preset


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_help_lists_every_command():
    result = invoke("--help")
    for command in ("data", "territories", "scenarios", "run", "serve"):
        assert command in result.output


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_run_writes_the_results_table_in_each_format(tmp_path, suffix):
    out = tmp_path / f"dep71{suffix}"
    result = invoke(
        "run",
        "--territory",
        "DEP-71",
        "--scenario",
        "insee-central",
        "--horizon",
        "2050",
        "--output",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert "structure de base : insee-estimates" in result.output
    reader = {
        ".csv": pd.read_csv,
        ".xlsx": lambda p: pd.read_excel(p, engine="calamine"),
        ".parquet": pd.read_parquet,
    }[suffix]
    table = reader(out)
    assert list(table.columns) == [
        "model",
        "scenario",
        "region",
        "variable",
        "unit",
        "year",
        "value",
    ]
    years = table.groupby("variable")["year"].max()
    assert years["Population"] == 2050
    assert years["Adaptation|Heatwave Exposure|Age 75+"] == 2100  # the climate runs to 2100
    expected = run("DEP-71", load_preset("insee-central").with_values({"horizon": 2050}))
    assert_results_equal(table, expected, rtol=1e-12 if suffix != ".csv" else 1e-9)


def test_run_gives_the_adaptation_variables_to_2100_for_the_chosen_pathway(tmp_path):
    """Issue 20: `prospectif run --territory DEP-58 --scenario tendanciel`."""
    out = tmp_path / "dep58.parquet"
    result = invoke("run", "--territory", "DEP-58", "--scenario", "tendanciel", "--output", out)
    assert result.exit_code == 0, result.output
    table = pd.read_parquet(out)
    names = {v.name for v in MODELS_VARIABLES["adaptation"]}
    last = table[table.variable.isin(names)].groupby("variable")["year"].max()
    assert set(last.index) == names and last.min() >= 2099  # flows end a year before stocks
    (meta,) = read_metadata(out)
    assert meta.assumptions["adaptation.pathway"] == "tracc"
    days = table[table.variable == "Climate|Heatwave Days"].set_index("year")["value"]
    other = run("DEP-58", load_preset("tendanciel").with_values({"adaptation.pathway": "rcp26"}))
    rcp26 = other[other.variable == "Climate|Heatwave Days"].set_index("year")["value"]
    assert days[2100] > 1.5 * rcp26[2100]  # the table follows the chosen pathway (TRACC)


def test_french_csv_uses_semicolons_and_decimal_commas(tmp_path):
    out = tmp_path / "r.csv"
    assert (
        invoke(
            "run",
            "--territory",
            "DEP-71",
            "--scenario",
            "insee-central",
            "--output",
            str(out),
            "--french-csv",
        ).exit_code
        == 0
    )
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("model;scenario;region;variable;unit;year;value")
    assert "," in text.splitlines()[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--territory", "DEP-999", "--scenario", "insee-central"],
            "code de territoire 'DEP-999' inconnu",
        ),
        (["--territory", "DEP-71", "--scenario", "nope"], "scénario « nope » inconnu"),
        (
            ["--territory", "DEP-71", "--scenario", "insee-central", "--horizon", "2200"],
            "horizon = 2200 : trop grand ; plage admise 2026 à 2100",
        ),
    ],
)
def test_run_errors_are_one_clear_line_without_traceback(tmp_path, args, message):
    result = invoke("run", *args, "--output", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.csv").exists()


def test_unwritable_output_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = invoke(
        "run",
        "--territory",
        "DEP-71",
        "--scenario",
        "insee-central",
        "--output",
        str(blocker / "sub" / "r.csv"),
    )
    assert result.exit_code == 2 and "impossible d'écrire" in result.output


def test_unknown_output_format_is_refused(tmp_path):
    result = invoke(
        "run",
        "--territory",
        "DEP-71",
        "--scenario",
        "insee-central",
        "--output",
        str(tmp_path / "r.json"),
    )
    assert result.exit_code == 2 and "format de résultats '.json' inconnu" in result.output


def test_scenarios_list_and_show():
    listing = invoke("scenarios", "list")
    assert "insee-central" in listing.output and "tendanciel" in listing.output
    shown = invoke("scenarios", "show", "insee-fecondite-haute")
    assert "tfr_target: 2.0" in shown.output and "# empreinte :" in shown.output
