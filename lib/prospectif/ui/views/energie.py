"""The energy and climate dashboard: flows, consumption, renewables, emissions against the
national trajectory and the energy bill.
"""

from __future__ import annotations

from ...results.transition_variables import (
    CARRIERS,
    INVENTORY_GAS_NAMES,
    INVENTORY_SECTOR_NAMES,
    SECTORS,
    SOURCES,
)
from ...viz.emissions import BUDGET_END, budget_spec, budget_table
from ...viz.energy import energy_flows, sankey_spec
from ..spec import Context, Dashboard, Indicator, Tab, drafted, trajectory
from ..texts import pick

GWH = ("GWh par an", "GWh a year")
CONSUMPTION = ("energy_consumption", "population_departement")
"""What the energy balance is calibrated on and driven by: the figures' source line."""
INVENTORY = ("ghg_inventory", "ghg_national", "energy_consumption")
"""What the emissions inventory and its national targets come from."""


def _flows(context: Context) -> dict:
    energy = context.current.energy
    year = min(max(context.year, int(energy.years[0])), int(energy.years[-1]))
    title = pick((f"Flux d'énergie en {year}", f"Energy flows in {year}"), context.lang)
    return sankey_spec(energy_flows(energy, year), title, context.lang)


def _budget(context: Context) -> dict:
    title = pick(
        (
            f"Budget carbone de chaque secteur jusqu'en {BUDGET_END} et émissions cumulées",
            f"Each sector's carbon budget to {BUDGET_END} and cumulated emissions",
        ),
        context.lang,
    )
    table = budget_table(context.current.emissions, context.lang)
    return budget_spec(table, title, context.lang)


FIGURES = (
    drafted("flux", _flows, uses_year=True, tables=CONSUMPTION),
    trajectory(
        "consommation-secteurs",
        ("Consommation d'énergie finale par secteur", "Final energy by sector"),
        GWH,
        total=("Final Energy", ("Total", "Total")),
        parts=tuple((f"Final Energy|{s}", label) for s, label in SECTORS.items()),
        reference=(
            "Target|Final Energy",
            (
                "Objectif national appliqué au territoire",
                "National target applied to the territory",
            ),
        ),
        tables=CONSUMPTION,
    ),
    trajectory(
        "consommation-energies",
        ("Consommation d'énergie finale par énergie", "Final energy by carrier"),
        GWH,
        total=("Final Energy", ("Total", "Total")),
        parts=tuple((f"Final Energy|{c}", label) for c, label in CARRIERS.items()),
        tables=CONSUMPTION,
    ),
    trajectory(
        "renouvelables",
        ("Production renouvelable locale", "Local renewable production"),
        GWH,
        total=("Renewable Production", ("Total", "Total")),
        parts=tuple((f"Renewable Production|{t}", label) for t, label in SOURCES.items()),
        tables=("electricity_production",),
    ),
    trajectory(
        "couverture",
        (
            "Taux de couverture : production renouvelable / consommation",
            "Coverage: renewable production / consumption",
        ),
        ("%", "%"),
        total=("Renewable Coverage", ("Taux de couverture", "Coverage")),
        percent=True,
        tables=(*CONSUMPTION, "electricity_production"),
    ),
    trajectory(
        "emissions",
        (
            "Émissions brutes de tous les secteurs (inventaire estimé) face à la SNBC",
            "Gross emissions of every sector (estimated inventory) against the SNBC",
        ),
        ("kt CO2e par an", "kt CO2e a year"),
        total=("Emissions|Inventory", ("Total", "Total")),
        parts=tuple(
            (f"Emissions|Inventory|{name}", label)
            for name, label in INVENTORY_SECTOR_NAMES.values()
        ),
        reference=(
            "Target|Emissions|Inventory",
            (
                "Trajectoire SNBC appliquée au territoire",
                "SNBC trajectory applied to the territory",
            ),
        ),
        tables=INVENTORY,
    ),
    drafted("budget-carbone", _budget, tables=INVENTORY),
    trajectory(
        "emissions-gaz",
        ("Émissions brutes par gaz (inventaire estimé)", "Gross emissions by gas (estimated)"),
        ("kt CO2e par an", "kt CO2e a year"),
        total=("Emissions|Inventory", ("Total", "Total")),
        parts=tuple(
            (f"Emissions|Inventory|{name}", label) for name, label in INVENTORY_GAS_NAMES.values()
        ),
        tables=INVENTORY,
    ),
    trajectory(
        "emissions-energie",
        (
            "Émissions liées à l'énergie consommée, par secteur",
            "Emissions of the energy consumed, by sector",
        ),
        ("kt CO2e par an", "kt CO2e a year"),
        total=("Emissions|GHG", ("Total", "Total")),
        parts=tuple((f"Emissions|GHG|{s}", label) for s, label in SECTORS.items()),
        tables=(*CONSUMPTION, "mobility_emission_factors"),
    ),
    trajectory(
        "facture",
        ("Facture énergétique du territoire", "Energy bill of the territory"),
        ("millions d'euros par an", "million euros a year"),
        total=("Energy Bill", ("Facture totale", "Total bill")),
        reference=(
            "Energy Bill|Leaving Territory",
            ("Part qui quitte le territoire", "Share leaving the territory"),
        ),
        tables=CONSUMPTION,
    ),
)

DASHBOARD = Dashboard(
    name="energie",
    title=("Énergie et climat", "Energy and climate"),
    summary=(
        "Bilan énergétique par secteur et par énergie, production renouvelable locale et taux "
        "de couverture, émissions face à la trajectoire nationale, facture énergétique.",
        "Energy balance by sector and carrier, local renewables and coverage, emissions "
        "against the national trajectory, energy bill.",
    ),
    models=("demography", "mobility", "energy", "emissions"),
    figures=FIGURES,
    indicators=(
        Indicator("Final Energy", ("Énergie finale (GWh par an)", "Final energy (GWh a year)")),
        Indicator(
            "Target|Final Energy",
            ("Objectif national appliqué (GWh)", "National target applied (GWh)"),
        ),
        Indicator("Final Energy|Residential", ("… résidentiel", "… residential")),
        Indicator("Final Energy|Tertiary", ("… tertiaire", "… tertiary")),
        Indicator(
            "Final Energy|Transport", ("… transport des habitants", "… residents' transport")
        ),
        Indicator(
            "Renewable Production", ("Production renouvelable (GWh)", "Renewable production (GWh)")
        ),
        Indicator("Renewable Coverage", ("Taux de couverture (%)", "Coverage (%)"), 1),
        Indicator(
            "Emissions|Inventory",
            (
                "Émissions brutes, tous secteurs (kt CO2e)",
                "Gross emissions, every sector (kt CO2e)",
            ),
        ),
        Indicator(
            "Target|Emissions|Inventory",
            ("Trajectoire SNBC (kt CO2e)", "SNBC trajectory (kt CO2e)"),
        ),
        Indicator(
            "Emissions|GHG",
            (
                "Émissions de l'énergie consommée (kt CO2e)",
                "Emissions of the energy consumed (kt CO2e)",
            ),
        ),
        Indicator("Energy Bill", ("Facture énergétique (M€)", "Energy bill (€m)")),
        Indicator(
            "Energy Bill|Leaving Territory",
            ("… qui quitte le territoire (M€)", "… leaving the territory (€m)"),
        ),
    ),
    tables=(
        "energy_consumption",
        "electricity_production",
        "population_departement",
        "mobility_emission_factors",
        "ghg_inventory",
        "ghg_national",
    ),
    method="docs/methodology/energy.md",
    sensitivity=("Final Energy", "Emissions|Inventory"),
    goals=("emissions-2050", "energy-2050", "emissions-2030", "energy-2030"),
    bands=True,
    tabs=(
        Tab(("Consommation", "Consumption"), ("consommation-secteurs", "consommation-energies")),
        Tab(("Flux d'énergie", "Energy flows"), ("flux",)),
        Tab(("Renouvelables", "Renewables"), ("renouvelables", "couverture")),
        Tab(("Émissions", "Emissions"), ("emissions", "emissions-gaz", "emissions-energie")),
        Tab(("Budget carbone et facture", "Carbon budget and bill"), ("budget-carbone", "facture")),
    ),
)
