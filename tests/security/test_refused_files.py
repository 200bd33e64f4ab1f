"""Inputs refused at once with one clear line: special files, repeated keys, empty populations."""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from prospectif.batch import BatchError, load_batch, select
from prospectif.batch.sweep import run_many
from prospectif.calibration.mobility_survey import survey_from_csv, survey_from_yaml
from prospectif.census import GROUP_SUFFIXES, SEX_LETTERS, census_structure, read_census_table
from prospectif.cli import main
from prospectif.errors import CensusError, DataError, InputFileError, ScenarioError, TerritoryError
from prospectif.scenario import load_scenario_file
from prospectif.yamlio import read_yaml

READERS = {
    "yaml": (read_yaml, InputFileError),
    "scenario": (load_scenario_file, ScenarioError),
    "batch": (load_batch, BatchError),
    "census": (read_census_table, CensusError),
    "survey-yaml": (survey_from_yaml, DataError),
    "survey-csv": (survey_from_csv, DataError),
}
NOT_REGULAR = "pas un fichier ordinaire (dossier, tube ou périphérique)"
COLUMNS = [f"P21_{sex}{suffix}" for sex in SEX_LETTERS for suffix in GROUP_SUFFIXES]


def special(kind: str, folder: Path) -> Path:
    """A FIFO, a device or a folder named like a user file."""
    if kind == "device":
        return Path(os.devnull)
    path = folder / "entree.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    return path


@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
@pytest.mark.parametrize("reader", list(READERS))
def test_special_files_are_refused_without_blocking(reader, kind, tmp_path):
    read, error = READERS[reader]
    path = special(kind, tmp_path)
    with pytest.raises(error, match=re.escape(f"{path} : {NOT_REGULAR}")):
        read(path)


@pytest.mark.timeout(20)
def test_the_cli_refuses_a_fifo_in_one_line(tmp_path):
    path = special("fifo", tmp_path)
    result = CliRunner().invoke(main, ["scenarios", "validate", str(path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"{path} : {NOT_REGULAR} ; donner le chemin d'un fichier"


def test_a_key_given_twice_is_refused_naming_it_and_both_lines(tmp_path):
    path = tmp_path / "variante.yaml"
    path.write_text("id: v\nhorizon: 2050\nlabel: {fr: V}\nhorizon: 2090\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"clé 'horizon' donnée deux fois, lignes 2 et 4"):
        read_yaml(path)
    with pytest.raises(ScenarioError, match=f"^{path} : clé 'horizon' donnée deux fois"):
        load_scenario_file(path)


def test_a_nested_key_given_twice_is_refused(tmp_path):
    path = tmp_path / "variante.yaml"
    path.write_text("demography:\n  fertility: {tfr_target: 1.8, tfr_target: 2}\n")
    with pytest.raises(InputFileError, match="clé 'tfr_target' donnée deux fois, lignes 2 et 2"):
        read_yaml(path)


def test_an_unknown_parent_does_not_hide_the_other_mistakes(tmp_path):
    path = tmp_path / "variante.yaml"
    path.write_text(
        "extends: inconnu\nhorizon: 1900\ndemography: {fertility: {tfr_target: 99}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError) as raised:
        load_scenario_file(path)
    lines = str(raised.value).splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{path} : extends « inconnu », introuvable dans")
    assert lines[1].startswith(f"{path} : horizon = 1900 : trop petit")
    assert lines[2].startswith(f"{path} : demography.fertility.tfr_target = 99 : trop grand")


def test_a_census_counting_nobody_in_the_territory_is_refused(tmp_path):
    path = tmp_path / "recensement.csv"
    rows = ["CODGEO;" + ";".join(COLUMNS), "71270;" + ";".join(["0"] * len(COLUMNS))]
    path.write_text("\n".join(rows), encoding="utf-8")
    counts = read_census_table(path)
    reference = np.ones((2, 101))
    with pytest.raises(CensusError, match=f"^{path} : 0 habitant pour les communes 71270 ;"):
        census_structure(counts, ["71270"], reference, 1000.0)
    result = CliRunner().invoke(
        main,
        ["run", "--territory", "COM-71270", "--scenario", "tendanciel", "--census", path]
        + ["--output", str(tmp_path / "r.parquet")],
    )
    assert result.exit_code == 2 and "0 habitant pour les communes 71270" in result.output
    assert not (tmp_path / "r.parquet").exists()


def test_territories_without_population_are_an_error_and_left_out_of_selectors():
    with pytest.raises(TerritoryError, match="^EPCI-200050532 : aucune population"):
        run_many(["EPCI-200050532"], [])
    epci = select("epci")
    assert "EPCI-200050532" not in epci and "EPCI-200070308" in epci
    assert "COM-55039" not in select("communes", "DEP-55")
