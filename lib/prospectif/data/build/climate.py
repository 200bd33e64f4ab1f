"""Climate table: DRIAS-2020 indicators by metropolitan département (Météo-France).

Two tables are built:

* ``climate_drias2020`` -- from the raw ``climate/`` folder: annual and summer climate
  indicators by département, pathway (reference period, RCP 2.6 / 4.5 / 8.5) and 30-year
  horizon, in long form; cells that are empty in the source stay empty (``value`` NaN,
  ``missing`` True);
* ``tracc_warming`` -- from ``tracc.yaml`` next to this module (figures of a decree, with their
  citation): the French reference warming trajectory for adaptation (TRACC).

The figures come from **one model pair** (regional model ALADIN63 driven by the global model
CNRM-CM5), not from an ensemble of models.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from ...errors import DataError
from ..spec import LICENCE_ETALAB, Column, Source, TableSpec

#: Pathway id -> token of the raw file names.
PATHWAY_FILES = {"reference": "REFERENCE", "rcp26": "2_6", "rcp45": "4_5", "rcp85": "8_5"}
#: Season id -> prefix of the raw file names.
SEASON_FILES = {"annual": "DRIAS_2020", "summer": "DRIAS_ETE"}
#: Horizon id -> (first year, last year) of its 30-year window.
HORIZONS = {"ref": (1976, 2005), "H1": (2021, 2050), "H2": (2041, 2070), "H3": (2071, 2100)}
#: Horizons of the projection files, in the order of their column blocks.
PROJECTION_HORIZONS = ("H1", "H2", "H3")

#: DRIAS variable code -> (indicator id, unit, seasons it is kept for).
INDICATORS = {
    "NORTAV": ("mean_temperature", "°C", ("annual", "summer")),
    "NORTXAV": ("mean_max_temperature", "°C", ("summer",)),
    "NORSD": ("summer_days", "days/year", ("annual",)),
    "NORTX35": ("hot_days", "days/year", ("annual",)),
    "NORTR": ("tropical_nights", "days/year", ("annual",)),
    "NORTXHWD": ("heatwave_days", "days/year", ("annual",)),
    "NORTNFD": ("frost_days", "days/year", ("annual",)),
    "NORRR": ("precipitation", "mm/year", ("annual",)),
    "ATAV": ("mean_temperature_anomaly", "°C", ("annual", "summer")),
    "ATXAV": ("mean_max_temperature_anomaly", "°C", ("annual", "summer")),
    "ASD": ("summer_days_anomaly", "days/year", ("annual",)),
    "ATX35": ("hot_days_anomaly", "days/year", ("annual",)),
    "ATR": ("tropical_nights_anomaly", "days/year", ("annual",)),
    "ATXHWD": ("heatwave_days_anomaly", "days/year", ("annual",)),
    "ATNFD": ("frost_days_anomaly", "days/year", ("annual",)),
    "ARR": ("precipitation_anomaly", "mm/year", ("annual",)),
}
#: Codes of the metropolitan départements: two digits or Corsica (2A, 2B).
DEP_PATTERN = re.compile(r"^(\d{2}|2[AB])$")
N_DEPARTEMENTS = 96

COLUMNS = [
    "dep",
    "pathway",
    "horizon",
    "season",
    "indicator",
    "start_year",
    "end_year",
    "value",
    "unit",
    "missing",
    "drias_code",
]


def raw_file(pathway: str, season: str) -> str:
    """Path of the raw file of one pathway and season, relative to the raw folder."""
    return (
        f"climate/{SEASON_FILES[season]}_{PATHWAY_FILES[pathway]}"
        "_clean_FINAL_RESULTS_DEPARTEMENTS.xlsx"
    )


def read_sheet(raw: Path, pathway: str, season: str) -> pd.DataFrame:
    """Read one DRIAS file: one row per département (index ``dep``), one column per variable.

    Raises
    ------
    DataError
        If the département codes are not the 96 metropolitan codes, once each.
    """
    frame = pd.read_excel(
        raw / raw_file(pathway, season), dtype={"INSEE_DEP": str}, engine="calamine"
    )
    dep = frame.pop("INSEE_DEP").str.strip()
    frame = frame.drop(columns="NOM")
    bad = sorted(set(dep[~dep.str.fullmatch(DEP_PATTERN)]))
    if bad or dep.nunique() != N_DEPARTEMENTS or len(dep) != N_DEPARTEMENTS:
        raise DataError(
            "build.drias_departements",
            file=raw_file(pathway, season),
            expected=N_DEPARTEMENTS,
            codes=dep.nunique(),
            rows=len(dep),
            bad=f" ({bad})" if bad else "",
        )
    frame.index = pd.Index(dep, name="dep")
    return frame.astype("float64")


def horizon_blocks(columns: pd.Index, pathway: str) -> dict[str, str]:
    """Map each column suffix of a DRIAS file to its horizon id.

    The columns are ``<CODE>_<HORIZON>``. The reference files use the suffix ``REF``; the
    projection files hold three blocks of columns, H1, H2 and H3, in that order. In the RCP 4.5
    annual file the third block's suffix reads ``nan`` (its cells are all empty): a block named
    ``nan`` is given the horizon of its position, which :func:`tidy` checks is wholly empty.

    Raises
    ------
    DataError
        If a suffix is unknown or out of place.
    """
    suffixes = list(dict.fromkeys(c.rsplit("_", 1)[-1] for c in columns))
    expected = ["REF"] if pathway == "reference" else list(PROJECTION_HORIZONS)
    if len(suffixes) != len(expected) or any(
        s not in (e, "nan") for s, e in zip(suffixes, expected, strict=False)
    ):
        raise DataError("build.drias_blocks", pathway=pathway, found=suffixes, expected=expected)
    return {s: ("ref" if e == "REF" else e) for s, e in zip(suffixes, expected, strict=True)}


def tidy(sheet: pd.DataFrame, pathway: str, season: str) -> pd.DataFrame:
    """Reshape one DRIAS sheet to the long layout of the table (columns :data:`COLUMNS`).

    Only the variables of :data:`INDICATORS` kept for ``season`` are taken. Empty source cells
    give ``value`` NaN and ``missing`` True.

    Raises
    ------
    DataError
        If a variable expected for this pathway and season is absent, or a block whose horizon
        is inferred from its position (suffix ``nan``) holds any value.
    """
    blocks = horizon_blocks(sheet.columns, pathway)
    for suffix in (s for s in blocks if s == "nan"):
        if sheet.filter(regex=f"_{suffix}$").notna().any().any():
            raise DataError("build.drias_unnamed", pathway=pathway, season=season)
    parts = []
    for code, (indicator, unit, seasons) in INDICATORS.items():
        if season not in seasons or (pathway == "reference" and not code.startswith("NOR")):
            continue
        for suffix, horizon in blocks.items():
            column = f"{code}_{suffix}"
            if column not in sheet.columns:
                raise DataError(
                    "build.drias_variable", pathway=pathway, season=season, column=column
                )
            values = sheet[column]
            start, end = HORIZONS[horizon]
            parts.append(
                pd.DataFrame(
                    {
                        "dep": sheet.index.astype(str),
                        "pathway": pathway,
                        "horizon": horizon,
                        "season": season,
                        "indicator": indicator,
                        "start_year": np.int64(start),
                        "end_year": np.int64(end),
                        "value": values.to_numpy(dtype="float64"),
                        "unit": unit,
                        "missing": values.isna().to_numpy(),
                        "drias_code": code,
                    }
                )
            )
    return pd.concat(parts, ignore_index=True)


def build_climate_drias2020(raw: Path) -> pd.DataFrame:
    """DRIAS-2020 climate indicators by département, pathway, horizon, season and indicator.

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``value`` (float64, NaN where the source cell is empty) in
        ``unit``; ``missing`` (bool) flags the empty cells; ``start_year`` and ``end_year``
        (int64) bound the 30-year window.
    """
    frames = [
        tidy(read_sheet(raw, pathway, season), pathway, season)
        for pathway in PATHWAY_FILES
        for season in SEASON_FILES
    ]
    out = pd.concat(frames, ignore_index=True)
    out = out.astype(
        {
            "dep": str,
            "pathway": str,
            "horizon": str,
            "season": str,
            "indicator": str,
            "unit": str,
            "drias_code": str,
            "missing": bool,
        }
    )
    return out[COLUMNS]


# --------------------------------------------------------------------------------------------
# tracc_warming
# --------------------------------------------------------------------------------------------

TRACC_YAML = Path(__file__).with_name("tracc.yaml")
TRACC_COLUMNS = ["year", "warming_france_c", "warming_global_c"]


def build_tracc_warming(raw: Path, path: Path = TRACC_YAML) -> pd.DataFrame:
    """TRACC warming levels of metropolitan France by year (the raw folder is not used).

    Parameters
    ----------
    raw
        The raw open data folder (unused: the figures are in ``tracc.yaml``).
    path
        The YAML file of the levels and their sources.

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` (int64), ``warming_france_c`` and ``warming_global_c`` (°C above
        1850–1900, float64), one row per year.

    Raises
    ------
    DataError
        If the file lacks a field, a source, or gives non-increasing years or warming.
    """
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        frame = pd.DataFrame(doc["levels"])[TRACC_COLUMNS]
        sources = doc["sources"]
    except (KeyError, TypeError) as exc:
        raise DataError("build.tracc_field", file=path.name, field=exc) from None
    if not sources or not all(s.get("publisher") and s.get("url") for s in sources):
        raise DataError("build.tracc_sources", file=path.name)
    frame = frame.astype(
        {"year": "int64", "warming_france_c": "float64", "warming_global_c": "float64"}
    )
    for column in TRACC_COLUMNS:
        if not frame[column].is_monotonic_increasing or frame[column].duplicated().any():
            raise DataError("build.tracc_increasing", file=path.name, column=column)
    return frame


# --------------------------------------------------------------------------------------------
# specifications
# --------------------------------------------------------------------------------------------

SOURCES = tuple(
    Source(
        file=raw_file(pathway, season),
        publisher="Météo-France (DRIAS, les futurs du climat)",
        title=f"DRIAS-2020 climate indicators, {label}, ALADIN63 driven by CNRM-CM5, "
        f"{'annual' if season == 'annual' else 'summer (June–August)'}, averaged by "
        "département (third-party aggregation of the SAFRAN 8 km grid, NoaLRX/DRIAS_INTERACTIVE)",
        vintage="DRIAS-2020 (extracted 31 March 2025)",
        licence=LICENCE_ETALAB,
        derived=True,
    )
    for pathway, label in (
        ("reference", "reference period 1976–2005"),
        ("rcp26", "RCP 2.6"),
        ("rcp45", "RCP 4.5"),
        ("rcp85", "RCP 8.5"),
    )
    for season in SEASON_FILES
)

TRACC_SOURCE = Source(
    file="lib/prospectif/data/build/tracc.yaml (in the repository, not the raw folder)",
    publisher="Ministère de la Transition écologique",
    title="Climat : la trajectoire de réchauffement inscrite dans la loi française (28 January "
    "2026); press release of 5 September 2025 for the global levels; décret n° 2026-23 and "
    "arrêté of 23 January 2026",
    vintage="2026",
    licence="official figures of a decree and its arrêté, quoted with their source",
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="climate_drias2020",
        description="Climate indicators of the DRIAS-2020 projections by metropolitan "
        "département: reference period 1976–2005 and RCP 2.6 / 4.5 / 8.5 over three 30-year "
        "horizons, annual and summer. ONE MODEL PAIR (ALADIN63 driven by CNRM-CM5), NOT AN "
        "ENSEMBLE.",
        columns=(
            Column("dep", "", "INSEE département code ('01' ... '95', '2A', '2B'; 96)"),
            Column(
                "pathway",
                "",
                "'reference' (simulated 1976–2005 climate) or 'rcp26', 'rcp45', 'rcp85' "
                "(greenhouse-gas concentration pathways RCP 2.6, 4.5, 8.5)",
            ),
            Column(
                "horizon",
                "",
                "'ref' (1976–2005), 'H1' (2021–2050), 'H2' (2041–2070) or 'H3' (2071–2100)",
            ),
            Column("season", "", "'annual' or 'summer' (June–August)"),
            Column(
                "indicator",
                "",
                "'mean_temperature' (NORTAV), 'mean_max_temperature' (NORTXAV, summer only), "
                "'summer_days' (NORSD, journées d'été, Tmax > 25 °C), 'hot_days' (NORTX35, "
                "jours de forte chaleur, Tmax > 35 °C), 'tropical_nights' (NORTR, Tmin > 20 °C), "
                "'heatwave_days' (NORTXHWD, jours de vague de chaleur), 'frost_days' (NORTNFD, "
                "Tmin < 0 °C), 'precipitation' (NORRR, cumul annuel), and their '_anomaly' "
                "versions (ATAV, ATXAV, ASD, ATX35, ATR, ATXHWD, ATNFD, ARR): change from the "
                "same model's 1976–2005 reference; anomalies have no 'reference' row",
            ),
            Column("start_year", "year", "first year of the 30-year window"),
            Column("end_year", "year", "last year of the 30-year window"),
            Column(
                "value",
                "",
                "30-year mean of the indicator, in `unit`; NaN where the source cell is empty",
            ),
            Column("unit", "", "unit of `value`: '°C', 'days/year' or 'mm/year'"),
            Column("missing", "", "True where the source cell is empty (value NaN)"),
            Column("drias_code", "", "DRIAS variable code of the indicator (e.g. 'NORSD')"),
        ),
        key=("dep", "pathway", "horizon", "season", "indicator"),
        sources=SOURCES,
        build=build_climate_drias2020,
        notes=(
            "One model pair only: the regional climate model ALADIN63 (CNRM) driven by the "
            "global model CNRM-CM5, from Météo-France's DRIAS-2020 set; not an ensemble, so the "
            "spread between climate models is not represented and the figures must be shown "
            "as one simulation. Values are 30-year means of indicators computed on the 8 km "
            "SAFRAN grid and averaged over each département by a third party "
            "(NoaLRX/DRIAS_INTERACTIVE). Missing cells stay missing: in the annual RCP 4.5 file "
            "the 2041–2070 horizon is empty for 83 of the 96 départements (only 2A, 2B, 09, 11, "
            "13, 31, 32, 34, 64, 65, 66, 81 and 83 have values) and the 2071–2100 horizon is "
            "empty everywhere (its column block is even unnamed, taken as H3 by position); the "
            "summer RCP 4.5 file is complete. Indicator names are the DRIAS labels "
            "(noms_variables.txt); the thresholds (25 °C, 35 °C, 20 °C, 0 °C) are the usual "
            "Météo-France ones as relayed by secondary sources, DRIAS's own definition table "
            "was not checked offline. Anomalies are kept as published: outside the RCP 4.5 "
            "2041–2070 cells they "
            "equal the level minus the reference level in 54 départements and differ in 42 "
            "coastal or frontier ones, by up to 0.28 °C, 5.4 days and 10 mm (the aggregation "
            "probably used different grid points there). "
            "The 13 RCP 4.5 values at 2041–2070 that are present look partial and should be "
            "used with caution: their anomalies disagree with level minus reference by up to "
            "1.8 °C and 29.6 summer days, and the Tarn's mean temperature (11.96 °C) is below "
            "both RCP 2.6 (13.58) and RCP 8.5 (14.25). "
            "Météo-France public data are free to reuse under the Licence Ouverte since "
            "1 January 2024. A value for a year is interpolated by prospectif.data.climate "
            "(docs/methodology/climate.md)."
        ),
    ),
    TableSpec(
        name="tracc_warming",
        description="TRACC, the French reference warming trajectory for adaptation: warming "
        "of metropolitan France and the corresponding global warming by year, above "
        "pre-industrial levels (1850–1900).",
        columns=(
            Column("year", "year", "year of the warming level"),
            Column(
                "warming_france_c",
                "°C",
                "warming of metropolitan France above 1850–1900 (+2 °C in 2030, +2.7 °C in "
                "2050, +4 °C in 2100)",
            ),
            Column("warming_global_c", "°C", "corresponding global warming above 1850–1900"),
        ),
        key=("year",),
        sources=(TRACC_SOURCE,),
        build=build_tracc_warming,
        notes=(
            "Three levels set by the décret n° 2026-23 and the arrêté of 23 January 2026 (JO "
            "of 25 January 2026), as announced by the Ministère de la Transition écologique "
            "(news of 28 January 2026: « +2 °C en 2030 par rapport aux niveaux préindustriels "
            "… +2,7 °C en 2050 … +4 °C en 2100 »; press release of 5 September 2025 for the "
            "global levels 1.5 / 2 / 3 °C). The figures and their citations are kept in "
            "lib/prospectif/data/build/tracc.yaml. They are not mapped onto the DRIAS "
            "pathways here: DRIAS-2020 anomalies are relative to 1976–2005, not to 1850–1900."
        ),
    ),
)
