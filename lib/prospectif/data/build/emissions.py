"""Greenhouse-gas tables: the national inventory and its estimated split by département.

Three tables are built from the raw ``emissions/`` folder (and the population and energy files
already used by other tables):

* ``ghg_national`` -- national series of the Citepa *Secten* inventory (2010–2024) and of
  France's UNFCCC inventory (1990–2018), MtCO2e;
* ``freight_tonne_km`` -- goods transported by région of origin and mode (SDES), 2016–2024;
* ``ghg_inventory`` -- an *estimated* inventory by département, sector and gas, 2017–2021:
  each national Secten sector total split by a stated allocation key, each sector's gas mix
  raked to the national gas totals. No département inventory covering every sector exists as
  open data offline; the keys are documented in ``docs/methodology/ghg-inventory.md``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError
from ..spec import LICENCE_HFD, Column, Source, TableSpec
from .energy import ORE_SOURCE, build_energy_consumption
from .estimates import read_department_estimates
from .geo import COG_DEPARTEMENTS_SOURCE, build_departements
from .population import SOURCE_ESTIMATES

SECTEN_FILE = "emissions/citepa-secten-series-2010-2024.csv"
UNFCCC_FILE = "emissions/unfccc-france-1990-2018.csv"
TONNE_KM_FILE = "emissions/sdes-tonnes-km-region-origine-2011-2024.csv"
LIVESTOCK_FILE = "emissions/eurostat-agr_r_animal.tsv.gz"

#: Secten indicator labels (start of the label) -> series id. Every value is in MtCO2e, although
#: two labels say « milliers » (CH4: 63.1 in 2021, F-gases: 12.1): the gases then add up to the
#: total (422.4 in 2021), which the build checks.
SECTEN_SERIES = {
    "Émissions nationales de gaz à effet de serre (hors secteur UTCATF et puits)": "total",
    "Émissions nationales de CO₂": "co2",
    "Émissions nationales de CH₄": "ch4",
    "Émissions nationales de N₂O": "n2o",
    "Émissions nationales de gaz fluorés": "fgas",
    "Émissions directes des bâtiments résidentiels et tertiaires": "buildings",
    "Émissions domestiques du secteur des transports": "transport",
    "Émissions domestiques de gaz à effet serre liées à l'agriculture": "agriculture",
    "Émissions domestiques de gaz à effet de serre dues à l'élevage": "livestock",
    "Émissions des terres cultivées": "cultivated_land",
    "Émissions des engins, moteurs et chaudières agricoles": "agricultural_machinery",
    "Émissions de gaz à effet serre par l'industrie manufacturière": "industry",
    "Émissions de gaz à effet de serre par l'industrie de l'énergie": "energy_industry",
    "Émissions de gaz à effet de serre domestiques par le secteur des déchets": "waste",
    "Émissions annuelles du transport aérien": "aviation",
    "Émissions des soutes internationales aériennes": "bunkers_aviation",
    "Émissions des soutes internationales maritimes": "bunkers_maritime",
    "Puits carbone des terres et forêts": "land_forest_sink",
}
#: UNFCCC (sector, gas) rows -> series id.
UNFCCC_SERIES = {
    ("Total GHG emissions without LULUCF", "Aggregate GHGs"): "total",
    ("Total GHG emissions with LULUCF", "Aggregate GHGs"): "total_with_lulucf",
    ("Energy", "Aggregate GHGs"): "energy",
    ("Industrial Processes and Product Use", "Aggregate GHGs"): "industrial_processes",
    ("Agriculture", "Aggregate GHGs"): "agriculture",
    ("Waste", "Aggregate GHGs"): "waste",
}
GASES = ("co2", "ch4", "n2o", "fgas")
INVENTORY_YEARS = tuple(range(2017, 2022))
FREIGHT_FIRST_YEAR = 2016
"""First complete year of the SDES tonne-km file: 2011–2013 are incomplete (6.7 Gt·km against
220–270) and rail is missing in 2014–2015."""

#: Shares of domestic transport emissions by mode, 2023: « Voitures particulières : 53 % ;
#: Poids lourds : 22 % ; Véhicules utilitaires légers (VUL) : 15 % »; the remaining 10 % (air,
#: rail, waterway, two-wheelers, buses and coaches, maritime) is taken together. SDES, Chiffres
#: clés des transports, édition 2024 (as relayed by notre-environnement.gouv.fr, 2024); applied
#: to every year of the inventory (an approximation: the mix moved by about a point since 2017).
TRANSPORT_SHARES = {
    "road_passengers": 0.53,
    "road_freight_heavy": 0.22,
    "road_freight_light": 0.15,
    "other_transport": 0.10,
}
#: Seed of each sector's gas mix (shares), the project's own stated structure: which gases a
#: sector emits, and roughly how much (livestock: enteric and manure methane plus manure N2O;
#: soils: N2O from fertilisers plus CO2 from liming and urea; waste: landfill methane; buildings:
#: combustion CO2 plus refrigeration and air-conditioning F-gases). It is raked each year to the
#: national Secten gas totals (iterative proportional fitting), so only its pattern matters.
GAS_SEED = {
    "buildings": (0.85, 0.02, 0.01, 0.12),
    "road_passengers": (0.97, 0.0, 0.01, 0.02),
    "road_freight_heavy": (0.99, 0.0, 0.01, 0.0),
    "road_freight_light": (0.96, 0.0, 0.01, 0.03),
    "other_transport": (0.99, 0.0, 0.01, 0.0),
    "industry": (0.88, 0.0, 0.04, 0.08),
    "energy_industry": (0.97, 0.03, 0.0, 0.0),
    "agriculture_livestock": (0.0, 0.80, 0.20, 0.0),
    "agriculture_soils": (0.15, 0.0, 0.85, 0.0),
    "agriculture_machinery": (1.0, 0.0, 0.0, 0.0),
    "agriculture_other": (1.0, 0.0, 0.0, 0.0),
    "waste": (0.10, 0.85, 0.05, 0.0),
}
SECTORS = tuple(GAS_SEED)
#: Allocation key of each sector (documented in the table and docs/methodology/ghg-inventory.md).
ALLOCATION_KEYS = {
    "buildings": "60 % natural gas of residential and tertiary (ORE), 40 % population",
    "road_passengers": "population",
    "road_freight_heavy": "road tonne-km of the région (SDES) x industry and agriculture "
    "energy of the département in its région (ORE)",
    "road_freight_light": "population",
    "other_transport": "population",
    "industry": "industry electricity and gas consumption (ORE)",
    "energy_industry": "industry gas consumption (ORE)",
    "agriculture_livestock": "livestock units of the pre-2016 région (Eurostat, enteric "
    "methane weights) x agricultural electricity delivery points in the région (ORE)",
    "agriculture_soils": "agricultural electricity delivery points (ORE)",
    "agriculture_machinery": "agricultural electricity delivery points (ORE)",
    "agriculture_other": "agricultural electricity delivery points (ORE)",
    "waste": "population",
}
BUILDINGS_GAS_WEIGHT = 0.6
"""Weight of natural gas in the buildings key (the project's assumption: gas is the first fuel
of direct building emissions; the rest, fuel oil, LPG, wood and F-gases, follows population)."""

#: Tier 1 enteric-fermentation methane (kg CH4 per head and year) used as relative weights of
#: the herds: dairy cows 117 and other cattle 57 (Western Europe), sheep 8, goats 5, swine 1.5.
#: IPCC, 2006 IPCC Guidelines for National Greenhouse Gas Inventories, vol. 4, ch. 10, tables
#: 10.10 and 10.11 (2006).
LIVESTOCK_WEIGHTS = {"dairy": 117.0, "other_cattle": 57.0, "sheep": 8.0, "goats": 5.0, "swine": 1.5}
#: Eurostat animal codes: bovines, dairy cows, swine, sheep, goats (thousand heads).
EUROSTAT_ANIMALS = {
    "A2000": "bovines",
    "A2300F": "dairy",
    "A3100": "swine",
    "A4100": "sheep",
    "A4200": "goats",
}
#: Départements of the pre-2016 régions (NUTS 2013 level 2), the geography of the Eurostat herds.
#: Eurostat, NUTS 2013 classification; INSEE, Code officiel géographique 2015.
NUTS2013_DEPARTEMENTS = {
    "FR10": "75 77 78 91 92 93 94 95",
    "FR21": "08 10 51 52",
    "FR22": "02 60 80",
    "FR23": "27 76",
    "FR24": "18 28 36 37 41 45",
    "FR25": "14 50 61",
    "FR26": "21 58 71 89",
    "FR30": "59 62",
    "FR41": "54 55 57 88",
    "FR42": "67 68",
    "FR43": "25 39 70 90",
    "FR51": "44 49 53 72 85",
    "FR52": "22 29 35 56",
    "FR53": "16 17 79 86",
    "FR61": "24 33 40 47 64",
    "FR62": "09 12 31 32 46 65 81 82",
    "FR63": "19 23 87",
    "FR71": "01 07 26 38 42 69 73 74",
    "FR72": "03 15 43 63",
    "FR81": "11 30 34 48 66",
    "FR82": "04 05 06 13 83 84",
    "FR83": "2A 2B",
    "FR91": "971",
    "FR92": "972",
    "FR93": "973",
    "FR94": "974",
}


def read_secten(raw: Path) -> pd.DataFrame:
    """Secten series (columns ``series``, ``year``, ``value_mt``), one row per series and year.

    Raises
    ------
    DataError
        If a declared series is missing or the gases do not add up to the total.
    """
    frame = pd.read_csv(Path(raw) / SECTEN_FILE)
    label = frame["Indicateur"].str.strip()
    series = pd.Series(pd.NA, index=frame.index, dtype="object")
    for prefix, name in SECTEN_SERIES.items():
        series = series.mask(label.str.startswith(prefix), name)
    out = pd.DataFrame(
        {"series": series, "year": frame["annee"].astype(int), "value_mt": frame["valeur"]}
    ).dropna(subset=["series"])
    missing = sorted(set(SECTEN_SERIES.values()) - set(out["series"]))
    if missing:
        raise DataError("build.ghg_series_missing", file=SECTEN_FILE, series=missing)
    out = out.drop_duplicates(["series", "year"]).astype({"series": str})
    wide = out.pivot(index="year", columns="series", values="value_mt")
    gap = (wide[list(GASES)].sum(axis=1) - wide["total"]).abs()
    if (gap > 0.5).any():
        raise DataError("build.ghg_gases_total", file=SECTEN_FILE, years=list(gap[gap > 0.5].index))
    return out.reset_index(drop=True)


def read_unfccc(raw: Path) -> pd.DataFrame:
    """UNFCCC series (columns ``series``, ``year``, ``value_mt``), 1990–2018."""
    frame = pd.read_csv(Path(raw) / UNFCCC_FILE)
    keys = list(zip(frame["Sector"], frame["Gas"], strict=True))
    rows = frame.loc[[key in UNFCCC_SERIES for key in keys]]
    names = [UNFCCC_SERIES[key] for key in zip(rows["Sector"], rows["Gas"], strict=True)]
    years = [c for c in frame.columns if c.isdigit()]
    long = rows[years].set_axis(names).rename_axis("series").reset_index()
    long = long.melt(id_vars="series", var_name="year", value_name="value_mt")
    missing = sorted(set(UNFCCC_SERIES.values()) - set(long["series"]))
    if missing:
        raise DataError("build.ghg_series_missing", file=UNFCCC_FILE, series=missing)
    return long.astype({"year": int, "series": str})


def build_ghg_national(raw: Path) -> pd.DataFrame:
    """National greenhouse-gas series, MtCO2e: Secten 2010–2024 and UNFCCC 1990–2018."""
    secten = read_secten(raw).assign(source="secten")
    unfccc = read_unfccc(raw).assign(source="unfccc")
    frame = pd.concat([secten, unfccc], ignore_index=True)
    return frame[["source", "series", "year", "value_mt"]]


def build_freight_tonne_km(raw: Path) -> pd.DataFrame:
    """Goods transported by région of origin (2016 régions) and mode, tonne-km, 2016–2024."""
    frame = pd.read_csv(Path(raw) / TONNE_KM_FILE, dtype={"code_region": str})
    metro = frame["code_region"].str.fullmatch(r"\d{2}") & (frame["annee"] >= FREIGHT_FIRST_YEAR)
    modes = {"routier_derive": "road", "ferroviaire": "rail", "fluvial": "waterway"}
    long = frame.loc[metro & (frame["code_region"] != "99")].melt(
        id_vars=["code_region", "annee"],
        value_vars=list(modes),
        var_name="mode",
        value_name="tonne_km",
    )
    long = long.assign(mode=long["mode"].map(modes), tonne_km=long["tonne_km"].fillna(0.0))
    long = long.rename(columns={"code_region": "region", "annee": "year"})
    return long[["region", "year", "mode", "tonne_km"]].astype({"year": int})


def read_livestock_units(raw: Path) -> pd.Series:
    """Livestock units of each pre-2016 région (enteric-methane weighted heads), latest year.

    Each herd is taken in its latest year with a value (2013 or 2014); the weights are
    :data:`LIVESTOCK_WEIGHTS` (dairy cows, other cattle = bovines − dairy cows, sheep, goats,
    swine).
    """
    frame = pd.read_csv(Path(raw) / LIVESTOCK_FILE, sep="\t", dtype=str)
    head = frame.columns[0]
    parts = frame[head].str.split(",", expand=True)
    frame = frame.assign(animal=parts[0], region=parts[2]).drop(columns=head)
    frame = frame.loc[
        frame["animal"].isin(list(EUROSTAT_ANIMALS))
        & frame["region"].isin(list(NUTS2013_DEPARTEMENTS))
    ]
    years = sorted((c for c in frame.columns if c.strip().isdigit()), key=lambda c: -int(c))
    values = frame[years].apply(
        lambda col: pd.to_numeric(col.str.extract(r"([\d.]+)")[0], errors="coerce")
    )
    latest = values.bfill(axis=1).iloc[:, 0]
    heads = pd.DataFrame(
        {
            "animal": frame["animal"].map(EUROSTAT_ANIMALS),
            "region": frame["region"],
            "heads": latest.to_numpy(),
        }
    )
    table = heads.pivot(index="region", columns="animal", values="heads").fillna(0.0)
    table["other_cattle"] = (table["bovines"] - table["dairy"]).clip(lower=0.0)
    weights = pd.Series(LIVESTOCK_WEIGHTS)
    return (table[list(weights.index)] * weights).sum(axis=1)


def _shares(values: pd.DataFrame) -> pd.DataFrame:
    """Each column divided by its sum (département × year shares)."""
    return values / values.sum(axis=0)


def _within_group(group: pd.Series, group_total: pd.Series, local: pd.DataFrame) -> pd.DataFrame:
    """Shares of a group-level quantity (``group_total``, by group) split within each group by
    ``local`` (département × year), returned as département × year shares of the nation.
    """
    local_in_group = local / local.groupby(group).transform("sum")
    return _shares(local_in_group.mul(group.map(group_total), axis=0).fillna(0.0))


def allocation_keys(raw: Path, deps: pd.Series) -> dict[str, pd.DataFrame]:
    """Each sector's allocation key: département × year shares (columns summing to 1)."""
    years = list(INVENTORY_YEARS)
    people = read_department_estimates(raw)
    population = people.pivot_table(
        index="dep", columns="year", values="population", aggfunc="sum"
    ).reindex(index=deps, columns=years, fill_value=0)
    ore = build_energy_consumption(raw)

    def ore_key(sectors: list[str], carriers: list[str], value: str) -> pd.DataFrame:
        rows = ore.loc[ore["sector"].isin(sectors) & ore["carrier"].isin(carriers)]
        return (
            rows.pivot_table(index="dep", columns="year", values=value, aggfunc="sum")
            .reindex(index=deps, columns=years, fill_value=0.0)
            .fillna(0.0)
        )

    pop = _shares(population.astype(float))
    farms = _shares(ore_key(["agriculture"], ["electricity"], "delivery_points"))
    buildings_gas = _shares(ore_key(["residential", "tertiary"], ["gas"], "consumption_mwh"))
    industry = _shares(ore_key(["industry"], ["electricity", "gas"], "consumption_mwh"))
    industry_gas = _shares(ore_key(["industry"], ["gas"], "consumption_mwh"))
    goods = ore_key(["industry", "agriculture"], ["electricity", "gas"], "consumption_mwh")

    old_region = pd.Series({d: r for r, ds in NUTS2013_DEPARTEMENTS.items() for d in ds.split()})
    livestock = _within_group(
        old_region.reindex(deps).fillna("none").set_axis(deps), read_livestock_units(raw), farms
    )

    departements = build_departements(raw).set_index("code")["region"]
    region = departements.reindex(deps)
    freight = build_freight_tonne_km(raw)
    road = freight.loc[freight["mode"] == "road"].pivot(
        index="region", columns="year", values="tonne_km"
    )
    road_tkm = road.reindex(columns=years)
    metro = region.isin(road_tkm.index)
    per_head = road_tkm.sum() / population.loc[metro.to_numpy()].sum()
    dom_tkm = population.loc[~metro.to_numpy()].mul(per_head, axis=1)
    heavy = pd.DataFrame(0.0, index=deps, columns=years)
    for year in years:
        within = _within_group(region.set_axis(deps), road_tkm[year], goods[[year]])
        heavy[year] = within[year] * road_tkm[year].sum()
    heavy.loc[~metro.to_numpy()] = dom_tkm
    keys = {
        "buildings": BUILDINGS_GAS_WEIGHT * buildings_gas + (1 - BUILDINGS_GAS_WEIGHT) * pop,
        "road_passengers": pop,
        "road_freight_heavy": _shares(heavy),
        "road_freight_light": pop,
        "other_transport": pop,
        "industry": industry,
        "energy_industry": industry_gas,
        "agriculture_livestock": livestock,
        "agriculture_soils": farms,
        "agriculture_machinery": farms,
        "agriculture_other": farms,
        "waste": pop,
    }
    return {name: key.fillna(0.0) for name, key in keys.items()}


def sector_totals(secten: pd.DataFrame) -> pd.DataFrame:
    """National emissions of the inventory's sectors (MtCO2e), years × sectors.

    Transport is split by :data:`TRANSPORT_SHARES`; agriculture into livestock, cultivated
    land, machinery and the remainder (on-farm energy other than machinery and other sources).
    """
    wide = secten.pivot(index="year", columns="series", values="value_mt").loc[
        list(INVENTORY_YEARS)
    ]
    out = pd.DataFrame(index=wide.index)
    out["buildings"] = wide["buildings"]
    for mode, share in TRANSPORT_SHARES.items():
        out[mode] = wide["transport"] * share
    out["industry"] = wide["industry"]
    out["energy_industry"] = wide["energy_industry"]
    out["agriculture_livestock"] = wide["livestock"]
    out["agriculture_soils"] = wide["cultivated_land"]
    out["agriculture_machinery"] = wide["agricultural_machinery"]
    out["agriculture_other"] = wide["agriculture"] - wide[
        ["livestock", "cultivated_land", "agricultural_machinery"]
    ].sum(axis=1)
    out["waste"] = wide["waste"]
    return out[list(SECTORS)]


def rake(seed: np.ndarray, rows: np.ndarray, cols: np.ndarray, steps: int = 500) -> np.ndarray:
    """Iterative proportional fitting of ``seed`` (sectors × gases) to the row totals ``rows``
    and column totals ``cols`` (rescaled to the row sum); ends on the rows, so the sector
    totals hold exactly and the gas totals to the fit's convergence.
    """
    cols = cols * rows.sum() / cols.sum()
    fitted = seed.astype(float).copy()
    for _ in range(steps):
        fitted *= (cols / fitted.sum(axis=0))[None, :]
        fitted *= (rows / fitted.sum(axis=1))[:, None]
    return fitted


def national_sector_gas(secten: pd.DataFrame) -> dict[int, np.ndarray]:
    """National emissions by sector and gas (MtCO2e), one sectors × gases matrix per year."""
    totals = sector_totals(secten)
    gases = secten.pivot(index="year", columns="series", values="value_mt")[list(GASES)]
    seed = np.array([GAS_SEED[sector] for sector in SECTORS])
    return {
        year: rake(seed, totals.loc[year].to_numpy(), gases.loc[year].to_numpy())
        for year in INVENTORY_YEARS
    }


def build_ghg_inventory(raw: Path) -> pd.DataFrame:
    """Estimated greenhouse-gas inventory by département, year, sector and gas (ktCO2e)."""
    deps = build_departements(raw)["code"]
    keys = allocation_keys(raw, deps)
    matrices = national_sector_gas(read_secten(raw))
    frames = []
    for year, matrix in matrices.items():
        for i, sector in enumerate(SECTORS):
            share = keys[sector][year].to_numpy()
            values = share[:, None] * matrix[i][None, :] * 1000.0
            frames.append(
                pd.DataFrame(
                    {
                        "dep": np.repeat(deps.to_numpy(), len(GASES)),
                        "year": year,
                        "sector": sector,
                        "gas": np.tile(GASES, len(deps)),
                        "emissions_kt": values.ravel(),
                        "allocation_key": ALLOCATION_KEYS[sector],
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


SECTEN_SOURCE = Source(
    file=SECTEN_FILE,
    publisher="Citepa",
    title="Secten, gaz à effet de serre et polluants atmosphériques : bilan des émissions en "
    "France de 1990 à 2024 (édition 2025), series as republished by the ecological-planning "
    "dashboard (planification-ecologique/barometre)",
    vintage="2025",
    derived=True,
)
UNFCCC_SOURCE = Source(
    file=UNFCCC_FILE,
    publisher="UNFCCC (France's national inventory submission), extracted by WRI ClimateWatch",
    title="France greenhouse-gas inventory by sector and gas, 1990–2018",
    vintage="2020",
    licence="MIT (extraction by OpenGeoScales/ogs-data-exploration)",
    derived=True,
)
TONNE_KM_SOURCE = Source(
    file=TONNE_KM_FILE,
    publisher="SDES (Ministère de la Transition écologique)",
    title="Transport de marchandises : tonnes-kilomètres par région d'origine, ferroviaire, "
    "fluvial et ensemble des trois modes, 2011–2024",
    vintage="2025",
    derived=True,
)
LIVESTOCK_SOURCE = Source(
    file=LIVESTOCK_FILE,
    publisher="Eurostat",
    title="Animal populations by NUTS 2 regions (agr_r_animal)",
    vintage="1977–2014",
    licence=LICENCE_HFD,
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="ghg_national",
        description="France's gross greenhouse-gas emissions: Citepa Secten series 2010–2024 "
        "(total without land use, by gas and by sector) and the UNFCCC inventory 1990–2018 "
        "(the 1990 reference of the national targets).",
        columns=(
            Column("source", "", "'secten' (Citepa Secten 2025) or 'unfccc' (UNFCCC 1990–2018)"),
            Column(
                "series",
                "",
                "series id: 'total', 'co2', 'ch4', 'n2o', 'fgas', sectors "
                "('buildings', 'transport', 'agriculture', 'livestock', 'cultivated_land', "
                "'agricultural_machinery', 'industry', 'energy_industry', 'waste', "
                "'aviation', bunkers), 'land_forest_sink' (negative), and for UNFCCC "
                "'total', 'total_with_lulucf', 'energy', 'industrial_processes', "
                "'agriculture', 'waste'",
            ),
            Column("year", "year", "inventory year"),
            Column("value_mt", "MtCO2e", "emissions (negative for sinks)"),
        ),
        key=("source", "series", "year"),
        sources=(SECTEN_SOURCE, UNFCCC_SOURCE),
        build=build_ghg_national,
        notes="Secten values are all in MtCO2e although two labels of the derived file say "
        "« milliers » (CH4, F-gases); the build checks that the gases add up to the total. "
        "Some 2024 values repeat 2023 (provisional). The Secten sectors add up to the total "
        "within rounding (423.3 against 422.4 Mt in 2021).",
    ),
    TableSpec(
        name="freight_tonne_km",
        description="Goods transported by région of origin (13 metropolitan régions) and mode "
        "(road, rail, inland waterway), tonne-km, 2016–2024.",
        columns=(
            Column("region", "", "INSEE code of the 2016 région of origin"),
            Column("year", "year", "year"),
            Column(
                "mode",
                "",
                "'road' (total of the three modes minus rail and waterway), 'rail' or 'waterway'",
            ),
            Column("tonne_km", "t·km", "goods transported (0 where the source is empty)"),
        ),
        key=("region", "year", "mode"),
        sources=(TONNE_KM_SOURCE,),
        build=build_freight_tonne_km,
        notes="2011–2015 are left out (incomplete in the source, rail missing in "
        "2014–2015); flows from abroad and « non précisé » are left out; road is derived "
        "as the three-mode total minus rail and waterway.",
    ),
    TableSpec(
        name="ghg_inventory",
        description="ESTIMATED greenhouse-gas inventory by département, sector and gas, "
        "2017–2021: each national Citepa Secten sector total split by a stated allocation "
        "key; the départements add up exactly to the national sector totals.",
        columns=(
            Column("dep", "", "INSEE département code (COG 2024, 101 départements)"),
            Column("year", "year", "inventory year"),
            Column("sector", "", "sector: " + ", ".join(f"'{s}'" for s in SECTORS)),
            Column("gas", "", "'co2', 'ch4', 'n2o' or 'fgas' (F-gases)"),
            Column("emissions_kt", "ktCO2e", "estimated emissions (GWP of the Secten edition)"),
            Column("allocation_key", "", "the key that split the national total"),
        ),
        key=("dep", "year", "sector", "gas"),
        sources=(
            SECTEN_SOURCE,
            TONNE_KM_SOURCE,
            LIVESTOCK_SOURCE,
            SOURCE_ESTIMATES,
            ORE_SOURCE,
            COG_DEPARTEMENTS_SOURCE,
        ),
        build=build_ghg_inventory,
        notes="No département inventory covering every sector exists as open data offline; "
        "this one is built from the national inventory. Transport is split by mode with the "
        "SDES shares of 2023 (cars 53 %, heavy goods vehicles 22 %, light commercial vehicles "
        "15 %, the rest 10 %); each sector's gas mix is a stated seed raked to the national "
        "gas totals (sector totals exact, gas totals within 0.2 % as the Secten sectors and "
        "gases differ by rounding). Herds are the latest Eurostat year (2013–2014) for every "
        "inventory year; Mayotte has no herd data. Land and forest sinks are not allocated "
        "(national series in ghg_national). Keys and their limits: "
        "docs/methodology/ghg-inventory.md.",
    ),
)
