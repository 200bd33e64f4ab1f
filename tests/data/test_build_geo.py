"""Tests of the geographic builders: codes, links between levels, populations, boundaries."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from prospectif.data.build import boundaries, check_frame
from prospectif.data.build import geo as mod
from prospectif.data.catalog import write_table

SPECS = {spec.name: spec for spec in mod.TABLES}
GEOMETRY_TABLES = ("geometry_departements", "geometry_regions", "geometry_epci")
DOM = ("971", "972", "973", "974", "976")
#: Bounding box of metropolitan France with Corsica (lon min, lat min, lon max, lat max).
METRO_BOX = (-5.3, 41.3, 9.6, 51.15)
#: Rough position (lon, lat) of each overseas département.
DOM_POSITION = {
    "971": (-61.5, 16.2),
    "972": (-61.0, 14.6),
    "973": (-53.0, 4.0),
    "974": (55.5, -21.1),
    "976": (45.1, -12.8),
}
MAX_TOTAL_BYTES = 4_000_000


def built(raw: Path, name: str) -> pd.DataFrame:
    """Build one table and check it against its spec (columns, key)."""
    return check_frame(SPECS[name], SPECS[name].build(raw))


@pytest.fixture(scope="module")
def regions(raw_dir: Path) -> pd.DataFrame:
    return built(raw_dir, "regions")


@pytest.fixture(scope="module")
def departements(raw_dir: Path) -> pd.DataFrame:
    return built(raw_dir, "departements")


@pytest.fixture(scope="module")
def communes(raw_dir: Path) -> pd.DataFrame:
    return built(raw_dir, "communes")


@pytest.fixture(scope="module")
def epci(raw_dir: Path) -> pd.DataFrame:
    return built(raw_dir, "epci")


@pytest.fixture(scope="module")
def geometries(raw_dir: Path) -> dict[str, pd.DataFrame]:
    return {name: built(raw_dir, name) for name in GEOMETRY_TABLES}


def shapes(frame: pd.DataFrame) -> np.ndarray:
    """The geometries of a geometry table, read back from WKB."""
    return shapely.from_wkb(frame["geometry"].to_numpy(dtype=object))


# --------------------------------------------------------------------------------------------
# Specs
# --------------------------------------------------------------------------------------------


def test_specs_are_complete() -> None:
    assert set(SPECS) == {"regions", "departements", "epci", "communes", *GEOMETRY_TABLES}
    for spec in mod.TABLES:
        assert spec.description and spec.sources and spec.key
        assert all(column.description for column in spec.columns)
    for name in GEOMETRY_TABLES:
        geometry = SPECS[name].columns[-1]
        assert (geometry.name, geometry.unit) == ("geometry", "WKB (EPSG:4326)")
        assert "tolerance" in SPECS[name].notes
    assert "EPSG:6933" in SPECS["communes"].notes


# --------------------------------------------------------------------------------------------
# Attribute tables
# --------------------------------------------------------------------------------------------


def test_regions(regions: pd.DataFrame) -> None:
    assert len(regions) == 18
    assert {"01", "02", "03", "04", "06", "11", "84", "94"} <= set(regions["code"])
    names = dict(zip(regions["code"], regions["name"], strict=True))
    assert names["11"] == "Île-de-France"
    assert names["84"] == "Auvergne-Rhône-Alpes"
    assert names["93"] == "Provence-Alpes-Côte d'Azur"


def test_departements(departements: pd.DataFrame, regions: pd.DataFrame) -> None:
    assert len(departements) == 101
    codes = set(departements["code"])
    assert {"01", "2A", "2B", *DOM} <= codes
    assert "20" not in codes
    assert set(departements["region"]) <= set(regions["code"])
    row = departements.set_index("code").loc["71"]
    assert (row["name"], row["region"], row["chef_lieu"]) == ("Saône-et-Loire", "27", "71270")


def test_codes_are_strings(
    regions: pd.DataFrame, departements: pd.DataFrame, communes: pd.DataFrame, epci: pd.DataFrame
) -> None:
    for frame, columns in [
        (regions, ["code", "name", "chef_lieu"]),
        (departements, ["code", "name", "region", "chef_lieu"]),
        (communes, ["code", "name", "dep", "epci"]),
        (epci, ["siren", "name", "kind", "dep", "deps"]),
    ]:
        for column in columns:
            assert frame[column].map(type).eq(str).all(), column


def test_communes(communes: pd.DataFrame, departements: pd.DataFrame, epci: pd.DataFrame) -> None:
    assert len(communes) == 34_875
    assert communes["code"].str.fullmatch(r"\d{5}|2[AB]\d{3}").all()
    assert set(communes["dep"]) <= set(departements["code"])
    assert set(communes["epci"]) - {""} <= set(epci["siren"])
    assert (communes["population_2017"] >= 0).all()
    assert communes["population_2017"].dtype == np.int64
    cities = communes.set_index("code")
    for code, name, low in [("75056", "Paris", 2_000_000), ("69123", "Lyon", 500_000),
                            ("13055", "Marseille", 850_000)]:  # fmt: skip
        assert cities.at[code, "name"] == name
        assert cities.at[code, "population_2017"] > low
    assert cities.at["71270", "name"] == "Mâcon"
    # official names: accents kept, article restored from the INSEE name type
    assert cities.at["71153", "name"] == "Le Creusot"
    assert cities.at["01001", "name"] == "L'Abergement-Clémenciat"
    assert cities.at["66104", "name"] == "Los Masos"
    assert communes["name"].str.contains("é").sum() > 3000
    assert communes["name"].str.startswith(("Le ", "La ", "Les ", "L'")).sum() > 2000


def test_chefs_lieux_are_communes(
    regions: pd.DataFrame, departements: pd.DataFrame, communes: pd.DataFrame
) -> None:
    codes = set(communes["code"])
    assert set(regions["chef_lieu"]) <= codes
    assert set(departements["chef_lieu"]) <= codes


def test_communes_without_epci_are_islands(communes: pd.DataFrame) -> None:
    alone = communes[communes["epci"] == ""]
    assert 0 < len(alone) <= 10
    assert set(alone["code"]) <= {"22016", "29083", "29155", "85113"}


def test_population_2017(communes: pd.DataFrame) -> None:
    total = communes["population_2017"].sum()
    assert 66.3e6 < total < 67.0e6  # 2017 legal population, Mayotte unknown (0)
    by_dep = communes.groupby("dep")["population_2017"].sum()
    metro = by_dep.drop(list(DOM))
    assert metro.min() > 70_000 and metro.max() < 2_700_000
    assert 64.3e6 < metro.sum() < 64.9e6
    assert (by_dep[["971", "972", "973", "974"]] > 200_000).all()


def test_areas(communes: pd.DataFrame) -> None:
    area = communes.set_index("code")["area_km2"]
    assert area.isna().sum() <= 10
    assert (area.dropna() > 0).all()
    assert area["75056"] == pytest.approx(105.4, rel=0.03)
    assert area["13055"] == pytest.approx(240.6, rel=0.03)
    metro = communes.loc[~communes["dep"].isin(DOM), "area_km2"].sum()
    assert 540_000 < metro < 555_000
    assert area["97353"] > 15_000  # Maripasoula, the largest commune


def test_epci(epci: pd.DataFrame, communes: pd.DataFrame, departements: pd.DataFrame) -> None:
    assert 1_200 <= len(epci) <= 1_300
    assert epci["siren"].str.fullmatch(r"\d{9}").all()
    assert set(epci["kind"]) <= {"CC", "CA", "CU", "ME", "MET"}
    assert set(epci["dep"]) <= set(departements["code"])
    for dep, deps in zip(epci["dep"], epci["deps"], strict=True):
        spanned = deps.split(",")
        assert spanned == sorted(spanned) and dep in spanned
        assert set(spanned) <= set(departements["code"])
    members = communes[communes["epci"] != ""].groupby("epci")
    stats = epci.set_index("siren")
    assert stats["communes"].sort_index().tolist() == members.size().sort_index().tolist()
    population = members["population_2017"].sum()
    assert (stats["population_2017"] == population.reindex(stats.index)).all()
    assert stats["communes"].sum() == (communes["epci"] != "").sum()


def test_macon_epci(epci: pd.DataFrame) -> None:
    row = epci.set_index("siren").loc["200070308"]
    assert "Mâconnais" in row["name"]
    assert row["kind"] == "CA" and row["dep"] == "71"
    assert "71" in row["deps"].split(",")


# --------------------------------------------------------------------------------------------
# Boundaries
# --------------------------------------------------------------------------------------------


def test_geometry_keys(
    geometries: dict[str, pd.DataFrame],
    regions: pd.DataFrame,
    departements: pd.DataFrame,
    epci: pd.DataFrame,
) -> None:
    assert geometries["geometry_regions"]["code"].tolist() == regions["code"].tolist()
    assert geometries["geometry_departements"]["code"].tolist() == departements["code"].tolist()
    assert geometries["geometry_epci"]["siren"].tolist() == epci["siren"].tolist()
    assert "200070308" in set(geometries["geometry_epci"]["siren"])


@pytest.mark.parametrize("name", GEOMETRY_TABLES)
def test_geometries_valid(geometries: dict[str, pd.DataFrame], name: str) -> None:
    frame = geometries[name]
    assert frame["geometry"].map(type).eq(bytes).all()
    geoms = shapes(frame)
    assert not shapely.is_empty(geoms).any()
    assert shapely.is_valid(geoms).all()
    assert not shapely.has_z(geoms).any()
    assert set(shapely.get_type_id(geoms)) <= {3, 6}  # Polygon, MultiPolygon
    if hasattr(shapely, "coverage_is_valid"):  # neighbours share their borders exactly
        assert shapely.coverage_is_valid(geoms)


def test_departement_positions(geometries: dict[str, pd.DataFrame]) -> None:
    frame = geometries["geometry_departements"]
    bounds = pd.DataFrame(
        shapely.bounds(shapes(frame)), index=frame["code"], columns=["x0", "y0", "x1", "y1"]
    )
    metro = bounds.drop(list(DOM))
    x0, y0, x1, y1 = METRO_BOX
    assert (metro["x0"] > x0).all() and (metro["x1"] < x1).all()
    assert (metro["y0"] > y0).all() and (metro["y1"] < y1).all()
    for code, (lon, lat) in DOM_POSITION.items():
        box = bounds.loc[code]
        assert box["x0"] - 1 < lon < box["x1"] + 1 and box["y0"] - 1 < lat < box["y1"] + 1
        assert not (x0 < box["x0"] < x1 and y0 < box["y0"] < y1)  # far from the metropole
    corsica = bounds.loc[["2A", "2B"]]
    assert (corsica["x0"] > 8.4).all() and (corsica["y1"] < 43.1).all()


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("geometry_departements", mod.DEPARTEMENTS_GEOJSON),
        ("geometry_regions", mod.REGIONS_GEOJSON),
    ],
)
def test_boundaries_close_to_source(
    raw_dir: Path, geometries: dict[str, pd.DataFrame], name: str, file: str
) -> None:
    source = mod.read_geojson(raw_dir, file).sort_values("code")
    original = source["geometry"].to_numpy()
    simplified = shapes(geometries[name])
    ratio = shapely.area(simplified) / shapely.area(original)
    assert np.all(np.abs(ratio - 1) < 0.02)
    # bounded displacement: about 1.2 x the tolerance, in degrees
    assert (
        shapely.hausdorff_distance(original, simplified).max() < 1.2 * boundaries.SIMPLIFY_TOLERANCE
    )
    assert shapely.get_num_coordinates(simplified).sum() < 0.4 * (
        shapely.get_num_coordinates(original).sum()
    )


def test_epci_boundaries(geometries: dict[str, pd.DataFrame], epci: pd.DataFrame) -> None:
    frame = geometries["geometry_epci"].set_index("siren")
    area = boundaries.area_km2(shapes(frame.reset_index()))
    assert 600_000 < area.sum() < 660_000  # metropole, DOM, minus the four island communes
    macon = shapely.from_wkb(frame.at["200070308", "geometry"])
    assert macon.contains(shapely.Point(4.83, 46.31))  # Mâcon town centre


def test_parquet_size(tmp_path: Path, geometries: dict[str, pd.DataFrame]) -> None:
    sizes = {
        name: write_table(frame, tmp_path / f"{name}.parquet").stat().st_size
        for name, frame in geometries.items()
    }
    assert sum(sizes.values()) < MAX_TOTAL_BYTES - 1_000_000  # room for the attribute tables


def test_deterministic(raw_dir: Path, tmp_path: Path, geometries: dict[str, pd.DataFrame]) -> None:
    again = built(raw_dir, "geometry_regions")
    first = write_table(geometries["geometry_regions"], tmp_path / "a.parquet").read_bytes()
    second = write_table(again, tmp_path / "b.parquet").read_bytes()
    assert first == second


# --------------------------------------------------------------------------------------------
# Geometry helpers (no raw data needed)
# --------------------------------------------------------------------------------------------


def test_simplify_coverage_keeps_common_border() -> None:
    # two squares sharing a wiggly border with a thin slit, a hole and an overlap
    wiggle = [(1.0 + 0.0004 * ((i % 2) * 2 - 1), i / 20) for i in range(21)]
    left = shapely.Polygon([(0, 0), *wiggle, (0, 1)])
    right = shapely.Polygon([*wiggle, (2, 1), (2, 0)][::-1])
    right = shapely.difference(right, shapely.box(1.2, 0.4, 1.5, 0.7))  # a real hole
    right = shapely.difference(right, shapely.box(1.7, 0.1, 1.7001, 0.15))  # a slit
    out = boundaries.simplify_coverage(np.array([left, right], dtype=object), tolerance=0.002)
    assert shapely.is_valid(out).all()
    assert shapely.area(shapely.intersection(out[0], out[1])) == pytest.approx(0, abs=1e-12)
    union = shapely.union_all(out)
    assert shapely.get_num_interior_rings(union) == 1  # the slit was filled, not the hole
    assert shapely.get_num_coordinates(out[0]) < shapely.get_num_coordinates(left)
    assert shapely.area(union) == pytest.approx(2 - 0.09, rel=1e-3)


def test_dissolve_and_area() -> None:
    squares = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), None], dtype=object)
    keys, unions = boundaries.dissolve(squares, np.array(["b", "b", "a"], dtype=object))
    assert keys.tolist() == ["b"]
    assert shapely.area(unions[0]) == pytest.approx(2)
    area = boundaries.area_km2(np.array([shapely.box(0, 0, 1, 1), None], dtype=object))
    assert area[0] == pytest.approx(12_308, rel=0.01)  # one square degree at the equator
    assert np.isnan(area[1])
