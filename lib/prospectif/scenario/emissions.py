"""Assumptions of the emissions outside the energy and mobility models: farming, freight, waste
and industrial processes (the whole inventory, ``docs/methodology/ghg-inventory.md``).
"""

from __future__ import annotations

from .fields import Section, assumption

TREND = "Prolongement de la tendance observée"
EUROSTAT_HERD = (
    "Eurostat, agr_r_animal (2015) : cheptel bovin français de 19,17 millions de têtes en 2004 "
    "et 19,25 millions en 2014, stable ; hypothèse tendancielle : pas de variation"
)
SDES_TKM = (
    "SDES, transport de marchandises par région d'origine (2025) : 242,9 Gt·km en 2016, "
    "262,5 Gt·km en 2024, soit +1,0 % par an"
)
SDES_RAIL = (
    "SDES, transport de marchandises par région d'origine (2025) : rail et fluvial 32,6 Gt·km "
    "sur 269,6 en 2021, soit 12 %"
)
NO_MEASURE = "Hypothèse tendancielle : pas de mesure nouvelle (choix de modélisation)"


class Farming(Section):
    """Herds, feed, nitrogen and manure methanisation."""

    herd_change: float = assumption(
        0.0,
        ge=-80.0,
        le=50.0,
        step=5.0,
        unit="% du cheptel de 2021",
        label_fr="Évolution du cheptel à l'année cible",
        label_en="Change of the herds by the target year",
        source=EUROSTAT_HERD,
    )
    """Change of the livestock herds from 2021 to the target year, linear (% of 2021)."""

    enteric_reduction: float = assumption(
        0.0,
        ge=0.0,
        le=50.0,
        step=5.0,
        unit="% du méthane entérique",
        label_fr="Baisse du méthane par animal (alimentation, additifs)",
        label_en="Methane cut per animal (feed, additives)",
        source=NO_MEASURE,
    )
    """Cut of the enteric methane per animal reached in the target year (% of its 2021 level)."""

    methanisation_share: float = assumption(
        0.0,
        ge=0.0,
        le=80.0,
        step=5.0,
        unit="% des effluents",
        label_fr="Effluents d'élevage méthanisés",
        label_en="Livestock manure sent to anaerobic digestion",
        source=NO_MEASURE,
    )
    """Share of manure methanised in the target year (% of manure); its methane, taken as a
    third of livestock methane (the rest is enteric), is then captured."""

    nitrogen_change: float = assumption(
        0.0,
        ge=-60.0,
        le=30.0,
        step=5.0,
        unit="% de l'azote minéral",
        label_fr="Évolution des apports d'azote minéral",
        label_en="Change of mineral nitrogen use",
        source=NO_MEASURE,
    )
    """Change of nitrogen fertiliser use by the target year (% of 2021), moving soil N2O."""


class Freight(Section):
    """Goods transport: volume, modal shift, electric lorries and loading."""

    tonne_km_growth: float = assumption(
        1.0,
        ge=-3.0,
        le=4.0,
        step=0.1,
        unit="% par an",
        label_fr="Croissance du transport de marchandises",
        label_en="Growth of goods transport",
        source=SDES_TKM,
    )
    """Annual growth of the tonne-km of goods carried from the territory (% per year)."""

    rail_waterway_share: float = assumption(
        12.0,
        ge=0.0,
        le=60.0,
        step=1.0,
        unit="% des t·km",
        label_fr="Part du rail et du fluvial à l'année cible",
        label_en="Rail and waterway share by the target year",
        source=SDES_RAIL,
    )
    """Share of rail and inland waterway in tonne-km reached in the target year (%), from 12 %
    in 2021; the rest goes by road."""

    electric_lorries: float = assumption(
        0.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% des t·km routières",
        label_fr="Poids lourds et utilitaires électriques à l'année cible",
        label_en="Electric lorries and vans by the target year",
        source=NO_MEASURE,
    )
    """Share of road tonne-km carried by zero-emission vehicles in the target year (%)."""

    load_gain: float = assumption(
        0.0,
        ge=0.0,
        le=40.0,
        step=5.0,
        unit="% d'émissions par t·km",
        label_fr="Gain de chargement et d'efficacité des camions",
        label_en="Lorry loading and efficiency gain",
        source=NO_MEASURE,
    )
    """Cut of road emissions per tonne-km from loading and efficiency by the target year (%)."""


class WasteAndProcesses(Section):
    """Waste per resident, landfill methane capture and industrial process intensity."""

    waste_per_resident_change: float = assumption(
        0.0,
        ge=-60.0,
        le=30.0,
        step=5.0,
        unit="% par habitant",
        label_fr="Évolution des déchets par habitant",
        label_en="Change of waste per resident",
        source=NO_MEASURE,
    )
    """Change of waste emissions per resident by the target year (% of 2021)."""

    methane_capture: float = assumption(
        0.0,
        ge=0.0,
        le=90.0,
        step=5.0,
        unit="% du méthane restant",
        label_fr="Méthane des décharges capté en plus",
        label_en="Extra landfill methane captured",
        source=NO_MEASURE,
    )
    """Share of the remaining waste methane captured in the target year (%)."""

    process_intensity_change: float = assumption(
        0.0,
        ge=-80.0,
        le=30.0,
        step=5.0,
        unit="% des émissions hors énergie",
        label_fr="Évolution des émissions des procédés industriels",
        label_en="Change of industrial process emissions",
        source=NO_MEASURE,
    )
    """Change of industry's emissions per unit of its energy emissions by the target year (%):
    process emissions and F-gases that do not follow the energy model."""


class Emissions(Section):
    """The whole greenhouse-gas inventory: farming, freight, waste and processes."""

    target_year: int = assumption(
        2050,
        ge=2025,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année où les leviers sont atteints",
        label_en="Year the levers are reached",
        source="SNBC : neutralité carbone en 2050 (Code de l'énergie, art. L100-4)",
    )
    """Year the levers below are reached, linearly from 2021 (year)."""

    farming: Farming = Farming()
    """Herds, feed, nitrogen and methanisation."""

    freight: Freight = Freight()
    """Goods transport."""

    waste_processes: WasteAndProcesses = WasteAndProcesses()
    """Waste and industrial processes."""
