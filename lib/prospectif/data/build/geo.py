"""Geographic tables: régions, départements, EPCI and communes, with simplified boundaries.

The attribute tables come from the INSEE Code officiel géographique 2024 (régions and
départements) and from the Etalab commune file of the 2025 geography (communes and EPCI,
with their 2017 legal population). The boundaries are stored as WKB (WGS84 lon/lat, 2D) so
that the tables stay plain Parquet; the library turns them into GeoDataFrames.

Boundaries are simplified as a coverage, so that neighbours keep identical borders (see
:mod:`.boundaries`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from ...errors import DataError
from ..spec import Column, Source, TableSpec
from .boundaries import (
    AREA_CRS,
    MAX_GAP_AREA,
    SIMPLIFY_TOLERANCE,
    area_km2,
    dissolve,
    geometry_frame,
)

COMMUNES_FILE = "geo/communes.csv.lzma"
EPCI_FILE = "geo/epci.csv.lzma"
DEPARTEMENTS_FILE = "geo/departements.csv.lzma"
REGIONS_FILE = "geo/regions.csv.lzma"
COG_DEPARTEMENTS_FILE = "population/v_departement_2024.csv"
COG_REGIONS_FILE = "population/v_region_2024.csv"
DEPARTEMENTS_GEOJSON = "geo/departements-avec-outre-mer.geojson"
REGIONS_GEOJSON = "geo/regions-avec-outre-mer.geojson"

#: Missing-value marker of the Etalab CSV files.
MISSING = r"\N"
#: Type of the communes kept (the others are delegated/associated communes and arrondissements).
COMMUNE_TYPE = "COM"
#: Article of the official name by INSEE name type (``TNCC``, ``type_nom`` in the Etalab file):
#: the Etalab file gives "Creusot" (type 2) for the commune officially named "Le Creusot".
ARTICLES = {"0": "", "1": "", "2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ",
            "7": "Las ", "8": "Los "}  # fmt: skip
#: Decimals kept for the commune areas (km²; 0.0001 km² = 100 m²).
AREA_DECIMALS = 4

GEO_PUBLISHER = "IGN / INSEE (via Etalab)"
COG_PUBLISHER = "INSEE"

COMMUNES_SOURCE = Source(
    file=COMMUNES_FILE,
    publisher=GEO_PUBLISHER,
    title="Communes de France (Etalab): codes, noms, population municipale, EPCI, contours",
    vintage="2025 geography, 2017 legal population",
)
EPCI_SOURCE = Source(
    file=EPCI_FILE,
    publisher=GEO_PUBLISHER,
    title="EPCI à fiscalité propre (Etalab): SIREN, nom, nature juridique",
    vintage="2025",
)
GEO_DEPARTEMENTS_SOURCE = Source(
    file=DEPARTEMENTS_FILE,
    publisher=GEO_PUBLISHER,
    title="Départements (Etalab): codes and internal ids linking communes to départements",
    vintage="2025",
)
COG_DEPARTEMENTS_SOURCE = Source(
    file=COG_DEPARTEMENTS_FILE,
    publisher=COG_PUBLISHER,
    title="Code officiel géographique: liste des départements",
    vintage="2024",
)
COG_REGIONS_SOURCE = Source(
    file=COG_REGIONS_FILE,
    publisher=COG_PUBLISHER,
    title="Code officiel géographique: liste des régions",
    vintage="2024",
)
DEPARTEMENTS_GEOJSON_SOURCE = Source(
    file=DEPARTEMENTS_GEOJSON,
    publisher="IGN (Admin Express) / Etalab",
    title="Contours des départements, simplifiés, avec outre-mer",
    vintage="2018 boundaries",
)
REGIONS_GEOJSON_SOURCE = Source(
    file=REGIONS_GEOJSON,
    publisher="IGN (Admin Express) / Etalab",
    title="Contours des régions, simplifiés, avec outre-mer",
    vintage="2018 boundaries",
)

GEOMETRY_UNIT = "WKB (EPSG:4326)"
SIMPLIFY_NOTE = (
    f"Boundaries simplified as a coverage: the shared boundary network is split into arcs "
    f"between junctions, each arc simplified once by Douglas-Peucker with topology "
    f"preservation (tolerance {SIMPLIFY_TOLERANCE} degree, about 150-220 m in metropolitan "
    f"France), and the faces rebuilt, so neighbours share identical borders (no gap, no "
    f"overlap), then snapped to a 2^-17 degree grid (under 1 m). Gaps and holes under "
    f"{MAX_GAP_AREA:g} square degree (about 0.08 km²) go to the neighbour with the longest "
    f"common border. Geometries are 2D WKB (little-endian) in "
    f"WGS84 lon/lat, exterior rings counter-clockwise (RFC 7946)."
)


# --------------------------------------------------------------------------------------------
# Reading the raw files
# --------------------------------------------------------------------------------------------


def read_etalab_csv(raw: Path, file: str, columns: list[str]) -> pd.DataFrame:
    r"""Read one of the xz-compressed Etalab CSV files, every column as text.

    Parameters
    ----------
    raw
        The raw data folder.
    file
        Path of the file relative to ``raw`` (e.g. ``geo/epci.csv.lzma``).
    columns
        Columns to keep.

    Returns
    -------
    pandas.DataFrame
        The columns as ``str`` with ``NaN`` for the ``\N`` missing values.
    """
    path = Path(raw) / file
    if not path.is_file():
        raise DataError("build.raw_missing", file=path)
    return pd.read_csv(
        path,
        compression="xz",
        dtype=str,
        usecols=columns,
        na_values=[MISSING],
        keep_default_na=False,
        encoding="utf-8",
    )[columns]


def read_cog(raw: Path, file: str) -> pd.DataFrame:
    """Read an INSEE COG list (départements or régions), every column as text."""
    return pd.read_csv(Path(raw) / file, dtype=str, keep_default_na=False, encoding="utf-8")


def read_geojson(raw: Path, file: str) -> pd.DataFrame:
    """Read a GeoJSON of polygons with a ``code`` property: columns ``code`` and ``geometry``.

    The geometries are shapely objects in WGS84 lon/lat (the CRS of the files), 2D.
    """
    import geopandas as gpd

    frame = gpd.read_file(Path(raw) / file)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    geometry = shapely.force_2d(np.asarray(frame.geometry.array, dtype=object))
    return pd.DataFrame({"code": frame["code"].astype(str).to_numpy(), "geometry": geometry})


def id_to_code(raw: Path, file: str) -> pd.Series:
    """Map the internal row ids of an Etalab file (``id``) to its official ``code``."""
    table = read_etalab_csv(raw, file, ["id", "code"])
    return table.set_index("id")["code"]


def read_communes(raw: Path) -> pd.DataFrame:
    """Read the communes (type ``COM``) with département, EPCI, population and geometry.

    Returns
    -------
    pandas.DataFrame
        One row per commune sorted by code: ``code``, ``name`` (official name: the source's
        spelling with accents, preceded by its article), ``dep`` (département code),
        ``epci`` (SIREN, ``''`` when none), ``population_2017`` (persons, int, 0 when
        unknown) and ``geometry`` (shapely, WGS84, ``None`` when unknown). A commune whose
        population or geometry is missing gets those of its delegated/associated communes
        when they all have one (communes created after the source's geometry or census).
    """
    columns = ["id", "code", "type", "nom", "type_nom", "population_municipale",
               "departement_id", "commune_parent_id", "epci_id", "geometry"]  # fmt: skip
    table = read_etalab_csv(raw, COMMUNES_FILE, columns)
    table["population"] = pd.to_numeric(table["population_municipale"])
    wkb = table["geometry"].to_numpy(dtype=object)
    table["geometry"] = shapely.from_wkb(np.where(pd.isna(wkb), None, wkb))
    communes = table[table["type"] == COMMUNE_TYPE].copy()
    children = table[table["type"] != COMMUNE_TYPE].dropna(subset=["commune_parent_id"])
    communes = fill_from_children(communes, children)

    deps = id_to_code(raw, DEPARTEMENTS_FILE)
    epcis = id_to_code(raw, EPCI_FILE)
    dep = communes["departement_id"].map(deps)
    if dep.isna().any():
        bad = communes.loc[dep.isna(), "code"].head().tolist()
        raise DataError("build.communes_departement", file=COMMUNES_FILE, codes=bad)
    epci = communes["epci_id"].map(epcis)
    if (communes["epci_id"].notna() & epci.isna()).any():
        raise DataError("build.communes_epci", file=COMMUNES_FILE)
    out = pd.DataFrame(
        {
            "code": communes["code"].astype(str),
            "name": official_names(communes["nom"], communes["type_nom"]),
            "dep": dep.astype(str),
            "epci": epci.fillna("").astype(str),
            "population_2017": communes["population"].fillna(0).round().astype("int64"),
            "geometry": communes["geometry"],
        }
    )
    if out["code"].duplicated().any():
        raise DataError("build.communes_duplicated", file=COMMUNES_FILE)
    return out.sort_values("code", kind="stable").reset_index(drop=True)


def official_names(names: pd.Series, name_types: pd.Series) -> pd.Series:
    """Official commune names: the article given by the INSEE name type, then the name.

    Parameters
    ----------
    names
        Names without article, as in the Etalab file (e.g. ``Creusot``).
    name_types
        INSEE name type (``TNCC``, ``'0'`` to ``'8'``) of each name.

    Returns
    -------
    pandas.Series
        The names with their article (e.g. ``Le Creusot``, ``L'Abergement-Clémenciat``),
        accents and spelling otherwise untouched.
    """
    articles = name_types.map(ARTICLES)
    if articles.isna().any():
        unknown = sorted(set(name_types[articles.isna()].astype(str)))
        raise DataError("build.name_types", types=unknown, file=COMMUNES_FILE)
    return (articles + names).astype(str)


def fill_from_children(communes: pd.DataFrame, children: pd.DataFrame) -> pd.DataFrame:
    """Fill a commune's missing population or geometry from its delegated/associated communes.

    Parameters
    ----------
    communes
        Rows of type ``COM`` with ``id``, ``population`` (persons, float, NaN when missing)
        and ``geometry`` (shapely or None).
    children
        The other rows, with ``commune_parent_id`` referring to a commune ``id``.

    Returns
    -------
    pandas.DataFrame
        A copy of ``communes``; a missing population becomes the sum of the children's when
        every child has one, a missing geometry the union of the children's when every child
        has one.
    """
    communes = communes.copy()
    groups = children.groupby("commune_parent_id", sort=True)
    population = groups["population"].agg(lambda s: s.sum() if s.notna().all() else np.nan)
    complete = groups["geometry"].agg(lambda s: bool(s.notna().all()))
    missing_pop = communes["population"].isna() & communes["id"].isin(population.index)
    communes.loc[missing_pop, "population"] = communes.loc[missing_pop, "id"].map(population)
    has_children = communes["id"].isin(complete.index[complete.to_numpy(dtype=bool)])
    for index in communes.index[communes["geometry"].isna() & has_children]:
        parts = children.loc[children["commune_parent_id"] == communes.at[index, "id"], "geometry"]
        communes.at[index, "geometry"] = shapely.union_all(shapely.make_valid(parts.to_numpy()))
    return communes


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------


def build_regions(raw: Path) -> pd.DataFrame:
    """Régions of the COG 2024: code, official name and chef-lieu (commune code)."""
    cog = read_cog(raw, COG_REGIONS_FILE)
    frame = pd.DataFrame(
        {"code": cog["REG"], "name": cog["LIBELLE"], "chef_lieu": cog["CHEFLIEU"]}
    ).astype(str)
    return frame.sort_values("code", kind="stable").reset_index(drop=True)


def build_departements(raw: Path) -> pd.DataFrame:
    """Départements of the COG 2024: code, official name, région code, chef-lieu."""
    cog = read_cog(raw, COG_DEPARTEMENTS_FILE)
    frame = pd.DataFrame(
        {
            "code": cog["DEP"],
            "name": cog["LIBELLE"],
            "region": cog["REG"],
            "chef_lieu": cog["CHEFLIEU"],
        }
    ).astype(str)
    return frame.sort_values("code", kind="stable").reset_index(drop=True)


def build_communes(raw: Path) -> pd.DataFrame:
    """Communes (34,875 COM): code, name, département, EPCI, 2017 population, area (km²)."""
    communes = read_communes(raw)
    area = area_km2(communes.pop("geometry").to_numpy())
    communes["area_km2"] = np.round(area, AREA_DECIMALS)
    return communes


def main_departement(communes: pd.DataFrame) -> pd.Series:
    """Find the département of each EPCI holding most of its 2017 population.

    Ties (e.g. populations all unknown) go to the département with more communes, then to
    the lowest code. Returns a Series indexed by EPCI SIREN.
    """
    counts = communes.groupby(["epci", "dep"], as_index=False).agg(
        population=("population_2017", "sum"), communes=("code", "size")
    )
    counts = counts.sort_values(
        ["epci", "population", "communes", "dep"], ascending=[True, False, False, True]
    )
    return counts.drop_duplicates("epci").set_index("epci")["dep"]


def build_epci(raw: Path) -> pd.DataFrame:
    """EPCI with at least one commune: SIREN, name, kind, départements, population, size.

    ``population_2017`` is in persons (sum of the communes), ``communes`` a count.
    """
    epci = read_etalab_csv(raw, EPCI_FILE, ["code", "nom", "type"])
    communes = read_communes(raw).drop(columns="geometry")
    communes = communes[communes["epci"] != ""]
    groups = communes.groupby("epci", sort=True)
    stats = pd.DataFrame(
        {
            "dep": main_departement(communes),
            "deps": groups["dep"].agg(lambda s: ",".join(sorted(set(s)))),
            "population_2017": groups["population_2017"].sum().astype("int64"),
            "communes": groups.size().astype("int64"),
        }
    )
    frame = epci.rename(columns={"code": "siren", "nom": "name", "type": "kind"}).astype(str)
    frame = frame.merge(stats, left_on="siren", right_index=True, how="inner", validate="1:1")
    frame = frame[["siren", "name", "kind", "dep", "deps", "population_2017", "communes"]]
    return frame.sort_values("siren", kind="stable").reset_index(drop=True)


def build_geometry_departements(raw: Path) -> pd.DataFrame:
    """Simplified boundaries of the 101 départements (overseas at their true position)."""
    source = read_geojson(raw, DEPARTEMENTS_GEOJSON)
    return geometry_frame("code", source["code"].to_numpy(), source["geometry"].to_numpy())


def build_geometry_regions(raw: Path) -> pd.DataFrame:
    """Simplified boundaries of the 18 régions (overseas at their true position)."""
    source = read_geojson(raw, REGIONS_GEOJSON)
    return geometry_frame("code", source["code"].to_numpy(), source["geometry"].to_numpy())


def build_geometry_epci(raw: Path) -> pd.DataFrame:
    """Simplified boundaries of the EPCI, dissolved from their communes."""
    communes = read_communes(raw)
    communes = communes[communes["epci"] != ""]
    sirens, unions = dissolve(communes["geometry"].to_numpy(), communes["epci"].to_numpy())
    return geometry_frame("siren", sirens, unions)


# --------------------------------------------------------------------------------------------
# Table specifications
# --------------------------------------------------------------------------------------------

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="regions",
        description="The 18 French régions (2024 geography) with official name and chef-lieu.",
        columns=(
            Column("code", "", "INSEE région code ('11' Île-de-France, '01'-'06' overseas)"),
            Column("name", "", "Official name, with accents"),
            Column("chef_lieu", "", "INSEE code of the chef-lieu commune"),
        ),
        key=("code",),
        sources=(COG_REGIONS_SOURCE,),
        build=build_regions,
    ),
    TableSpec(
        name="departements",
        description="The 101 French départements (2024 geography) with name, région and chef-lieu.",
        columns=(
            Column("code", "", "INSEE département code ('01', '2A', '971' ...)"),
            Column("name", "", "Official name, with accents"),
            Column("region", "", "INSEE code of the région"),
            Column("chef_lieu", "", "INSEE code of the chef-lieu commune"),
        ),
        key=("code",),
        sources=(COG_DEPARTEMENTS_SOURCE,),
        build=build_departements,
    ),
    TableSpec(
        name="epci",
        description=(
            "Inter-municipal bodies with own taxation (EPCI) and their communes' 2017 population."
        ),
        columns=(
            Column("siren", "", "SIREN number of the EPCI (9 digits)"),
            Column("name", "", "Name of the EPCI, as in the source"),
            Column("kind", "", "Legal kind as in the source: CC, CA, CU or ME (métropole)"),
            Column("dep", "", "Département holding most of the EPCI's 2017 population"),
            Column("deps", "", "Comma-separated sorted codes of the départements it spans"),
            Column("population_2017", "persons", "Sum of its communes' 2017 legal population"),
            Column("communes", "communes", "Number of its communes"),
        ),
        key=("siren",),
        sources=(EPCI_SOURCE, COMMUNES_SOURCE, GEO_DEPARTEMENTS_SOURCE),
        build=build_epci,
        notes=(
            "Only EPCI with at least one commune (of type COM) are kept. Population and main "
            "département use the 2017 legal population of the communes (unknown, hence 0, for "
            "Mayotte): use them as weights, not as current populations."
        ),
    ),
    TableSpec(
        name="communes",
        description="The 34,875 communes of the 2025 geography with département, EPCI, 2017 "
        "population and area.",
        columns=(
            Column("code", "", "INSEE commune code (e.g. '71270')"),
            Column("name", "", "Official name with accents and article (e.g. 'Le Creusot')"),
            Column("dep", "", "INSEE code of the département"),
            Column("epci", "", "SIREN of the commune's EPCI ('' when none, e.g. some islands)"),
            Column("population_2017", "persons", "2017 legal (municipal) population, 0 if unknown"),
            Column("area_km2", "km²", "Area of the simplified boundary in EPSG:6933 (NaN if none)"),
        ),
        key=("code",),
        sources=(COMMUNES_SOURCE, GEO_DEPARTEMENTS_SOURCE, EPCI_SOURCE),
        build=build_communes,
        notes=(
            "Only rows of type COM (no delegated/associated communes nor arrondissements). "
            "Names: the source's spelling preceded by the article of its INSEE name type "
            "(type_nom / TNCC), as in the official COG label. "
            "Population: the 2017 legal population (use as weights within a département, "
            "never as a base population); unknown (0) for Mayotte; a commune created later "
            "gets the sum of its delegated communes when all are known. Area: computed from "
            "the source's simplified boundary (about 30 vertices) in the equal-area projection "
            f"{AREA_CRS}, so approximate; a commune without boundary takes the union of its "
            "delegated communes; the communes re-created in 2025 without any boundary get NaN."
        ),
    ),
    TableSpec(
        name="geometry_departements",
        description="Simplified boundaries of the 101 départements, overseas at their true "
        "position.",
        columns=(
            Column("code", "", "INSEE département code"),
            Column("geometry", GEOMETRY_UNIT, "Simplified boundary, WKB, WGS84 lon/lat"),
        ),
        key=("code",),
        sources=(DEPARTEMENTS_GEOJSON_SOURCE,),
        build=build_geometry_departements,
        notes=SIMPLIFY_NOTE,
    ),
    TableSpec(
        name="geometry_regions",
        description="Simplified boundaries of the 18 régions, overseas at their true position.",
        columns=(
            Column("code", "", "INSEE région code"),
            Column("geometry", GEOMETRY_UNIT, "Simplified boundary, WKB, WGS84 lon/lat"),
        ),
        key=("code",),
        sources=(REGIONS_GEOJSON_SOURCE,),
        build=build_geometry_regions,
        notes=SIMPLIFY_NOTE,
    ),
    TableSpec(
        name="geometry_epci",
        description="Simplified boundaries of the EPCI, dissolved from their communes.",
        columns=(
            Column("siren", "", "SIREN number of the EPCI"),
            Column("geometry", GEOMETRY_UNIT, "Simplified boundary, WKB, WGS84 lon/lat"),
        ),
        key=("siren",),
        sources=(COMMUNES_SOURCE, EPCI_SOURCE),
        build=build_geometry_epci,
        notes=(
            "Commune boundaries (repaired with make_valid; a commune without boundary takes "
            "the union of its delegated communes) are dissolved by EPCI with a union per "
            "group, then simplified. " + SIMPLIFY_NOTE
        ),
    ),
)
