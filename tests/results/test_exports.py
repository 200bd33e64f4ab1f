"""Run metadata travels with every export: read back from CSV, Excel and Parquet."""

import base64
import json
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.data.catalog import catalogue_hash
from prospectif.pipeline import run
from prospectif.results import (
    assert_results_equal,
    read_metadata,
    table_metadata,
    write_results,
)
from prospectif.results.exports import PARQUET_KEY, sidecar_path, significant, to_french_csv_bytes
from prospectif.results.metadata import code_version
from prospectif.results.registry import label
from prospectif.scenario import load_preset
from prospectif.ui.exports import export_links


@pytest.fixture(scope="module")
def scenario():
    return load_preset("tendanciel").with_values({"horizon": 2050})


@pytest.fixture(scope="module")
def table(scenario):
    return run("DEP-71", scenario)


def check_record(record, scenario):
    assert record.territory == "DEP-71" and record.territory_name == "Saône-et-Loire"
    assert (record.scenario, record.scenario_hash) == ("tendanciel", scenario.hash)
    assert record.horizon == 2050 and record.base_structure == "insee-estimates"
    assert record.data_hash == catalogue_hash() and len(record.data_version) == 16
    assert record.code_version == code_version() != "unknown"
    assert record.assumptions == scenario.assumptions()
    assert record.scalars["Population Peak Year"] in range(2025, 2051)


def test_a_run_carries_its_metadata(table, scenario):
    (record,) = table_metadata(table)
    check_record(record, scenario)
    assert "Population|Peak" not in set(table["variable"])


def test_parquet_holds_the_metadata_in_its_schema(table, scenario, tmp_path):
    path = write_results(table, tmp_path / "r.parquet")
    raw = json.loads(pq.read_schema(path).metadata[PARQUET_KEY])
    assert raw["runs"][0]["scenario_hash"] == scenario.hash
    assert read_metadata(path) == table_metadata(table)
    assert_results_equal(pd.read_parquet(path), table, rtol=0, atol=0)


@pytest.mark.parametrize("french", [False, True])
def test_csv_has_a_json_sidecar_and_stays_plain(table, tmp_path, french):
    path = write_results(table, tmp_path / "r.csv", french=french)
    assert sidecar_path(path).name == "r.csv.meta.json"
    assert read_metadata(path) == table_metadata(table)
    options = {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"} if french else {}
    assert_results_equal(pd.read_csv(path, **options), table)


def test_excel_has_meta_hypotheses_and_variables_sheets(table, scenario, tmp_path):
    path = write_results(table, tmp_path / "r.xlsx")
    sheets = pd.read_excel(path, sheet_name=None, engine="calamine")
    assert list(sheets) == ["resultats", "variables", "meta", "hypotheses"]
    meta = sheets["meta"].iloc[0]
    assert meta["scenario_hash"] == scenario.hash and meta["data_hash"] == catalogue_hash()
    peak = table_metadata(table)[0].scalars["Population Peak"]
    assert meta["Population Peak"] == pytest.approx(peak)
    hypotheses = sheets["hypotheses"]
    assert len(hypotheses) == len(scenario.assumptions())
    row = hypotheses.set_index("assumption").loc["demography.fertility.tfr_target"]
    assert row["value"] == scenario.assumptions()["demography.fertility.tfr_target"]
    labels = sheets["variables"].set_index("variable")
    assert labels.loc["Target|Emissions|GHG", "label_fr"] == label("Target|Emissions|GHG")
    assert set(labels.index) == set(table["variable"])


def test_cli_run_writes_the_metadata_of_every_run(tmp_path):
    out = tmp_path / "runs.csv"
    args = ["run", "--territory", "DEP-71", "--territory", "COM-71270", "--scenario", "sobriete"]
    result = CliRunner().invoke(main, [*args, "--horizon", "2040", "--output", str(out)])
    assert result.exit_code == 0, result.output
    records = read_metadata(out)
    assert [r.territory for r in records] == ["DEP-71", "COM-71270"]
    assert {r.scenario for r in records} == {"sobriete"} and records[0].horizon == 2040


def test_dashboard_downloads_include_the_metadata(table, scenario):
    links = export_links(("s.yaml", b""), table, "resultats", "fr")
    payload = re.search(r'download="resultats.meta.json" href="data:[^;]+;base64,([^"]+)"', links)
    runs = json.loads(base64.b64decode(payload.group(1)))["runs"]
    assert runs[0]["scenario_hash"] == scenario.hash


def test_french_csv_has_french_labels_units_and_rounded_values(table, tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(to_french_csv_bytes(table))
    text = path.read_text(encoding="utf-8-sig")
    assert text.startswith("modèle;scénario;territoire;variable;libellé;unité;année;valeur")
    read = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
    row = read[(read["variable"] == "Population") & (read["année"] == 2050)].iloc[0]
    assert (row["libellé"], row["unité"]) == (label("Population"), "personnes")
    expected = table.query("variable == 'Population' and year == 2050")["value"].iloc[0]
    assert row["valeur"] == float(f"{expected:.6g}") and "persons" not in text


def test_significant_digits_round_every_magnitude():
    values = pd.Series([544045.984544701, 0.0123456789, 0.0, -2.0300000000000002])
    assert significant(values).tolist() == [544046.0, 0.0123457, 0.0, -2.03]
