"""The committed data set: contents, catalogue, provenance, rebuild."""

import filecmp
from pathlib import Path

import pandas as pd
import pytest

from prospectif.data import load_table, read_catalog
from prospectif.data.build import all_specs, build_all
from prospectif.data.docs import catalog_markdown
from prospectif.errors import DataError

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def test_catalog_describes_every_table_with_sources():
    catalog = read_catalog(DATA)
    assert set(catalog) == {spec.name for spec in all_specs()}
    for name, entry in catalog.items():
        assert (DATA / entry["file"]).is_file(), name
        assert entry["sources"], name
        for source in entry["sources"]:
            assert source["publisher"] and source["vintage"] and source["licence"], name
        assert all("unit" in c for c in entry["columns"].values())


def test_data_set_stays_small():
    assert sum(p.stat().st_size for p in DATA.iterdir()) < 8 * 2**20


# INSEE, Estimations de population au 1er janvier 2025 par département, sexe et âge quinquennal
# (Saône-et-Loire, provisional, December 2024 vintage): 0-4, 5-9, …, 90-94, 95+.
SAONE_ET_LOIRE_2025 = {
    "F": [
        11178,
        13558,
        15331,
        13815,
        10660,
        11718,
        13012,
        15043,
        16011,
        15401,
        18281,
        19473,
        19889,
        20113,
        19896,
        17654,
        10966,
        9051,
        5664,
        2139,
    ],
    "M": [
        11988,
        14708,
        16171,
        15737,
        12855,
        12793,
        13085,
        14741,
        15860,
        15281,
        17953,
        18826,
        19414,
        18276,
        17668,
        14797,
        8183,
        5396,
        2296,
        429,
    ],
}


def test_saone_et_loire_2025_equals_the_insee_estimate_exactly():
    pop = load_table("population_departement").query("dep == '71' and year == 2025")
    groups = (
        pop.assign(group=pop["age"].clip(upper=95) // 5)
        .groupby(["sex", "group"])["population"]
        .sum()
    )
    for sex, expected in SAONE_ET_LOIRE_2025.items():
        assert groups[sex].tolist() == expected


def test_france_2025_totals():
    pop = load_table("population_departement").query("year == 2025")
    deps = load_table("departements")
    metro = deps.loc[~deps["region"].isin(["01", "02", "03", "04", "06"]), "code"]
    assert pop["population"].sum() == 68_605_616
    assert pop.loc[pop["dep"].isin(metro), "population"].sum() == 66_351_959


def test_unknown_missing_and_corrupted_tables_say_how_to_rebuild(tmp_path):
    with pytest.raises(DataError, match="unknown data table 'nope'"):
        load_table("nope", DATA)
    with pytest.raises(DataError, match=r"catalog.yaml is missing: rebuild it with `make data`"):
        load_table("regions", tmp_path)
    (tmp_path / "catalog.yaml").write_text((DATA / "catalog.yaml").read_text(encoding="utf-8"))
    with pytest.raises(DataError, match=r"regions.parquet is missing: rebuild it with `make data`"):
        load_table("regions", tmp_path)
    (tmp_path / "regions.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(DataError, match=r"regions.parquet is corrupted .*make data"):
        load_table("regions", tmp_path)


def test_data_docs_are_up_to_date():
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    assert page == catalog_markdown(), "run `make docs` to regenerate docs/data.md"


@pytest.mark.slow
@pytest.mark.timeout(1200)  # two full builds of every table, geometry included
def test_rebuild_is_deterministic_and_equals_the_committed_tables(raw_dir, tmp_path):
    first = build_all(raw_dir, tmp_path / "a")
    build_all(raw_dir, tmp_path / "b")
    for path in first:
        assert filecmp.cmp(path, tmp_path / "b" / path.name, shallow=False), path.name
        committed = DATA / path.name
        if path.suffix == ".parquet":
            pd.testing.assert_frame_equal(pd.read_parquet(path), pd.read_parquet(committed))
        else:
            assert path.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


def test_build_from_a_missing_raw_folder_is_explained(tmp_path):
    with pytest.raises(DataError, match=r"raw data folder .*missing does not exist"):
        build_all(tmp_path / "missing", tmp_path / "out")
