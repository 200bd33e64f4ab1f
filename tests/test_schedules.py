"""A demographer's own schedules: export from a run, import through the scenario file, the
Python API and the CLI, INSEE 2021 through the import path, and the files' validation."""

import os

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.errors import ScenarioError
from prospectif.models.lifetable import life_expectancy, projection_survival, reached_survival
from prospectif.pipeline import export_schedules, run_chain
from prospectif.results import assert_results_equal, read_metadata
from prospectif.scenario import load_preset, load_scenario_file
from prospectif.territory import STRUCTURE_SCHEDULES, get_territory
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.content import sources_html
from prospectif.validation.demography import insee_2021_import, write_insee_2021_schedules

SUMMARIES = ("Total Fertility Rate", "Life Expectancy")
"""Indicators summarising the rates of several units (weighted means of the units' rates);
an imported aggregate has its own."""


def _round_trip(code, tmp_path, scenario_id="insee-central", horizon=2050):
    scenario = load_preset(scenario_id).with_values({"horizon": horizon})
    territory = get_territory(code)
    chain = run_chain(territory, scenario)
    imported = load_scenario_file(export_schedules(chain, tmp_path))
    return chain, run_chain(territory, imported)


def test_a_departement_round_trip_reproduces_every_variable_of_the_chain(tmp_path):
    chain, again = _round_trip("DEP-71", tmp_path, "tendanciel")
    assert again.demography.structure == STRUCTURE_SCHEDULES
    assert_results_equal(chain.table(), again.table(), rtol=1e-9, atol=1e-6)


def _without(table, prefixes=SUMMARIES):
    return table[~table["variable"].str.startswith(prefixes)]


def test_a_raked_epci_round_trip_reproduces_the_chain_but_its_summary_indicators(tmp_path):
    chain, again = _round_trip("EPCI-247100589", tmp_path)  # Le Grand Chalon, raked to DEP-71
    first, second = chain.table(), again.table()
    assert_results_equal(_without(first), _without(second), atol=1e-6)
    assert not _without(first).equals(first)


def test_france_round_trip_reproduces_the_demography_stocks_and_flows(tmp_path):
    chain, again = _round_trip("FR", tmp_path)
    first, second = chain.table(("demography",)), again.table(("demography",))
    assert_results_equal(_without(first), _without(second), atol=1e-6)
    np.testing.assert_allclose(chain.demography.population, again.demography.population, 1e-12)


def test_insee_2021_central_projection_reproduced_through_the_import_path(tmp_path):
    frame = insee_2021_import(tmp_path).set_index("year")
    for year in (2030, 2050, 2070):
        row = frame.loc[year]
        assert abs(row.difference_pct) < 1.0
        assert abs(row.prospectif_share_65 - row.insee_share_65) < 1.0
        assert abs(row.prospectif_share_75 - row.insee_share_75) < 1.0
    assert frame.loc[2021, "difference_pct"] == pytest.approx(0.0, abs=1e-9)


def test_imported_runs_are_flagged_with_the_files_digests_and_in_the_sources_panel(tmp_path):
    scenario = load_scenario_file(write_insee_2021_schedules(tmp_path))
    table = run_chain(get_territory("FR"), scenario).table(("demography",))
    (metadata,) = table.attrs["metadata"]
    assert metadata.base_structure == STRUCTURE_SCHEDULES
    assert set(metadata.schedules) == {"population", "fertility", "mortality", "migration"}
    out = tmp_path / "fr.csv"
    from prospectif.results import write_results

    write_results(table, out)
    assert read_metadata(out)[0].schedules == metadata.schedules
    panel = sources_html(DASHBOARDS["demographie"], scenario, metadata.base_structure, "fr")
    assert "calendriers du démographe" in panel and "mortality.csv" in panel


def test_reached_quotients_of_an_exact_table_give_back_its_survival_and_life_expectancy():
    qx = np.clip(np.exp(np.linspace(-9, 0.2, 121)), 0, 0.99)[None].repeat(2, 0)
    by_age, at_birth = projection_survival(qx, 105)
    reached = np.concatenate([1 - at_birth[..., None], 1 - by_age], axis=-1)
    again, again_birth, e0 = reached_survival(reached, 105)
    np.testing.assert_allclose(again, by_age, rtol=1e-12)
    np.testing.assert_allclose(again_birth, at_birth, rtol=1e-12)
    np.testing.assert_allclose(e0, life_expectancy(qx), rtol=1e-12)


def test_the_cli_exports_schedules_that_reproduce_the_run(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    common = ["run", "--territory", "DEP-71", "--horizon", "2040"]
    runner = CliRunner()
    result = runner.invoke(
        main,
        [*common, "--scenario", "insee-central", "--output", str(first)]
        + ["--export-schedules", str(tmp_path / "cal")],
    )
    assert result.exit_code == 0, result.output
    assert "reproduit ce calcul" in result.output
    result = runner.invoke(
        main,
        [*common, "--scenario-file", str(tmp_path / "cal" / "insee-central.yaml")]
        + ["--output", str(second)],
    )
    assert result.exit_code == 0, result.output
    assert "schedules-import" in result.output
    assert_results_equal(pd.read_csv(first), pd.read_csv(second), atol=1e-6)


def test_a_schedule_file_changed_on_disk_is_read_again(tmp_path):
    scenario = load_scenario_file(write_insee_2021_schedules(tmp_path)).with_values(
        {"horizon": 2030}
    )
    france = get_territory("FR")
    before = run_chain(france, scenario).demography.population[0].sum()
    population = pd.read_csv(tmp_path / "population.csv")
    population.assign(population=population["population"] * 2.5).to_csv(
        tmp_path / "population.csv", index=False
    )
    after = run_chain(france, scenario).demography.population[0].sum()
    assert after == pytest.approx(2.5 * before)


def test_a_base_year_before_the_energy_balance_runs_the_whole_chain(tmp_path):
    scenario_file = write_insee_2021_schedules(tmp_path)
    for name in ("fertility", "mortality", "migration"):
        table = pd.read_csv(tmp_path / f"{name}.csv")
        earlier = [table[table["year"] == 2021].assign(year=y) for y in range(2015, 2021)]
        pd.concat([*earlier, table]).to_csv(tmp_path / f"{name}.csv", index=False)
    population = pd.read_csv(tmp_path / "population.csv").assign(year=2015)
    population.to_csv(tmp_path / "population.csv", index=False)
    scenario = load_scenario_file(scenario_file).with_values({"horizon": 2030})
    table = run_chain(get_territory("FR"), scenario).table(("demography", "mobility", "energy"))
    years = table.groupby("variable")["year"].min()
    assert years["Population"] == 2015 and years["Final Energy"] == 2021
    assert table["value"].notna().all()


def test_the_scenario_hash_does_not_depend_on_the_folder_of_the_files(tmp_path):
    hashes = {
        load_scenario_file(write_insee_2021_schedules(tmp_path / name)).hash for name in ("a", "b")
    }
    assert len(hashes) == 1 and hashes != {load_preset("insee-central").hash}


def test_excel_schedules_are_read_like_csv(tmp_path):
    scenario_file = write_insee_2021_schedules(tmp_path)
    for name in ("population", "fertility"):
        frame = pd.read_csv(tmp_path / f"{name}.csv")
        frame.to_excel(tmp_path / f"{name}.xlsx", index=False)
    text = scenario_file.read_text().replace("population.csv", "population.xlsx")
    scenario_file.write_text(text.replace("fertility.csv", "fertility.xlsx"))
    csv = load_scenario_file(write_insee_2021_schedules(tmp_path / "csv"))
    xlsx = load_scenario_file(scenario_file)
    population = [
        run_chain(get_territory("FR"), s.with_values({"horizon": 2030})).demography.population
        for s in (csv, xlsx)
    ]
    np.testing.assert_allclose(*population, rtol=1e-12)  # Excel keeps 15 digits


def _scenario(tmp_path, **files):
    """A scenario file naming the INSEE 2021 schedules, some replaced by ``files`` (text)."""
    scenario_file = write_insee_2021_schedules(tmp_path)
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    return scenario_file


def test_every_problem_of_every_file_is_reported_at_once(tmp_path):
    scenario_file = _scenario(
        tmp_path,
        **{
            "fertility.csv": "year;age;rate\n2021;30;0,1\n2021;70;0,1\n2021;31;abc\n",
            "migration.csv": "annee,sexe,age,valeur\n2021,F,0,10\n",
            "population.csv": "year,sex,age,population\n2021,X,0,10\n2021,F,0,-5\n",
        },
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario_file(scenario_file)
    text = str(caught.value)
    assert "fertility.csv : ligne 3, colonne « age » = « 70 » : nombre entier de 10 à 60" in text
    assert "ligne 4, colonne « rate » = « abc »" in text
    assert "migration.csv : colonnes manquantes : net_migration" in text
    assert "ligne 2, colonne « sex » = « X » : valeurs admises F, M (H = M)" in text
    assert "ligne 3, colonne « population » = « -5 » : plage admise 0 à 1e+08" in text
    english = caught.value.message.render("en")
    assert "row 3, column “age” = “70”: a whole number from 10 to 60 is expected" in english


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"mortality.csv": "year,sex,age,quotient\n2021,F,0,0.01\n2021,M,0,0.01\n"},
            "les quotients s'arrêtent à 0 ans",
        ),
        (
            {"migration.csv": "year,sex,age,net_migration\n2021,F,0,1\n2021,F,0,2\n"},
            "ligne 3 : même année, sexe et âge que la ligne 2",
        ),
        (
            {"migration.csv": "year,sex,age,net_migration\n2021,F,0,1\n"},
            "211 cases (année, sexe, âge) manquantes, p. ex. (2021, F, 1)",
        ),
        (
            {"fertility.csv": "year,age,rate\n2021,30,0.1\n2023,30,0.1\n"},
            "années non consécutives : 2022 manquent entre 2021 et 2023",
        ),
        ({"fertility.csv": "year,age,rate\n2030,30,0.1\n"}, "commence en 2030, après l'année"),
        ({"fertility.csv": ""}, "fertility.csv : illisible comme tableau"),
    ],
)
def test_each_kind_of_problem_names_the_file_and_what_is_allowed(tmp_path, files, expected):
    with pytest.raises(ScenarioError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        load_scenario_file(_scenario(tmp_path, **files))


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ((2021, 2022), "la population de base porte sur une seule année ; années trouvées : 2021"),
        ((2030,), "année de base 2030 : plage admise 1990 à 2025"),
    ],
)
def test_the_base_population_is_of_one_year_up_to_2025(tmp_path, years, expected):
    scenario_file = write_insee_2021_schedules(tmp_path)
    population = pd.read_csv(tmp_path / "population.csv")
    pd.concat([population.assign(year=y) for y in years]).to_csv(
        tmp_path / "population.csv", index=False
    )
    with pytest.raises(ScenarioError, match=expected):
        load_scenario_file(scenario_file)


def test_a_special_file_or_an_unknown_format_is_refused(tmp_path):
    scenario_file = write_insee_2021_schedules(tmp_path)
    (tmp_path / "fertility.csv").unlink()
    os.mkfifo(tmp_path / "fertility.csv")
    (tmp_path / "migration.csv").rename(tmp_path / "migration.ods")
    scenario_file.write_text(scenario_file.read_text().replace("migration.csv", "migration.ods"))
    with pytest.raises(ScenarioError, match="fertility.csv") as caught:
        load_scenario_file(scenario_file)
    assert "format « .ods » non reconnu" in str(caught.value)


def test_schedules_of_one_territory_are_refused_for_another(tmp_path):
    scenario = load_scenario_file(write_insee_2021_schedules(tmp_path))
    with pytest.raises(ScenarioError, match="calendriers de FR ; il ne s'applique pas à DEP-71"):
        run_chain(get_territory("DEP-71"), scenario)
