"""Energy and climate assumptions: buildings, renewables, emission factors and prices."""

from __future__ import annotations

from .fields import PRESET_RANGE, Section, assumption

SDES_2021 = "SDES, Bilan énergétique de la France pour 2021 (2022)"
SDES_2023 = "SDES, Bilan énergétique de la France pour 2023 (2025)"
IMPACT_CO2 = "ADEME, Impact CO2, facteurs du chauffage (chauffage.json, 2023)"
PANORAMA_2024 = "Enedis, RTE, SER, Panorama de l'électricité renouvelable 2024 (2025)"


class Residential(Section):
    """Households, renovation, heating-system switch and heating sobriety in dwellings."""

    persons_per_household_target: float = assumption(
        2.0,
        ge=1.5,
        le=3.0,
        step=0.05,
        unit="personnes par ménage",
        label_fr="Taille moyenne des ménages visée",
        label_en="Target persons per household",
        source="INSEE Focus n°317 (2024) : 34,0 millions de ménages en 2050 (scénario central) "
        "pour environ 68 millions de personnes vivant en ménage, soit environ 2,0",
    )
    """Average persons per household reached in the target year, from 2.2 in 2021; the number
    of households is the population divided by it (persons per household)."""

    persons_per_household_year: int = assumption(
        2050,
        ge=2022,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année de la taille des ménages visée",
        label_en="Year of the household size target",
        source="INSEE Focus n°317 (2024), horizon 2050",
    )
    """Year the target household size is reached, linearly from 2021 (year)."""

    efficiency_trend: float = assumption(
        -0.8,
        ge=-5.0,
        le=2.0,
        step=0.1,
        unit="% par an et par ménage",
        label_fr="Efficacité des logements et équipements",
        label_en="Dwelling and appliance efficiency trend",
        source="Tendance : résidentiel −0,4 % par an de 2012 à 2021 à climat constant (SDES, "
        "Bilan énergétique 2021) pour des ménages +0,8 % par an (INSEE Focus n°317, 2024)",
        plausible=(-1.2, -0.8),
        plausible_source=PRESET_RANGE,
    )
    """Annual change of energy per household from new dwellings, appliances and equipment,
    before deep renovation and sobriety (% per year)."""

    renovation_rate: float = assumption(
        0.3,
        ge=0.0,
        le=5.0,
        step=0.1,
        unit="% des logements par an",
        label_fr="Rythme de rénovation",
        label_en="Renovation rate",
        source="Anah, rapport 2024 : 91 374 rénovations d'ampleur en 2024 pour environ 30 "
        "millions de résidences principales (ONRE 2022), soit 0,3 % par an",
        plausible=(0.3, 2.0),
        plausible_source="Anah, rapport 2024 : 0,3 % par an ; " + PRESET_RANGE,
    )
    """Share of dwellings deeply renovated each year, from 2022 (% of dwellings per year)."""

    renovation_gain: float = assumption(
        40.0,
        ge=0.0,
        le=90.0,
        step=5.0,
        unit="% du chauffage",
        label_fr="Gain par rénovation",
        label_en="Saving per renovation",
        source="Choix de modélisation : saut d'au moins deux classes du DPE exigé par "
        "MaPrimeRénov' Rénovation d'ampleur (Anah 2024), environ −40 % de chauffage",
        plausible=(40.0, 55.0),
        plausible_source=PRESET_RANGE,
    )
    """Heating energy saved in a renovated dwelling (% of its heating energy)."""

    oil_boilers_replaced: float = assumption(
        80.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% du chauffage au fioul",
        label_fr="Chaudières fioul remplacées",
        label_en="Oil boilers replaced",
        source="Tendance : consommation de fioul du résidentiel −5,2 % par an de 2012 à 2019 "
        "(SDES, Bilan énergétique 2020), soit environ −80 % en 2050",
    )
    """Share of oil heating replaced by the switch year (% of oil heating energy)."""

    gas_boilers_replaced: float = assumption(
        30.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% du chauffage au gaz",
        label_fr="Chaudières gaz remplacées",
        label_en="Gas boilers replaced",
        source="Choix de modélisation : consommation de gaz du résidentiel −2 % par an en 2019 "
        "à climat constant (SDES, Bilan énergétique 2019), prolongée avec modération",
        plausible=(30.0, 90.0),
        plausible_source=PRESET_RANGE,
    )
    """Share of gas heating replaced by the switch year (% of gas heating energy)."""

    switch_year: int = assumption(
        2050,
        ge=2022,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année des remplacements de chaudières",
        label_en="Year boiler replacements are done",
        source="Choix de modélisation : objectifs nationaux à l'horizon 2050",
    )
    """Year the boiler replacements are complete, linearly from 2021 (year)."""

    heat_pump_share: float = assumption(
        70.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% des remplacements",
        label_fr="Part des pompes à chaleur",
        label_en="Heat pump share",
        source="Choix de modélisation : la pompe à chaleur domine les remplacements aidés "
        "(MaPrimeRénov', Anah 2024)",
    )
    """Share of replaced boilers replaced by heat pumps (% of replacements)."""

    wood_share_of_rest: float = assumption(
        60.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% des autres remplacements",
        label_fr="Part du bois hors pompes à chaleur",
        label_en="Wood share of the other replacements",
        source="Choix de modélisation : le reste va aux réseaux de chaleur",
    )
    """Share of the replacements not by heat pumps that go to wood heating; the rest goes to
    district heating (% of the other replacements)."""

    heat_pump_cop: float = assumption(
        3.0,
        ge=1.5,
        le=5.0,
        step=0.1,
        unit="kWh de chaleur par kWh électrique",
        label_fr="Performance des pompes à chaleur",
        label_en="Heat pump performance",
        source=IMPACT_CO2 + " : pompe à chaleur de COP 3",
        plausible=(3.0, 3.5),
        plausible_source=PRESET_RANGE,
    )
    """Seasonal coefficient of performance of the new heat pumps (heat per electricity)."""

    temperature_reduction: float = assumption(
        0.0,
        ge=0.0,
        le=3.0,
        step=0.5,
        unit="°C",
        label_fr="Baisse de la température de chauffage",
        label_en="Heating temperature reduction",
        source="ADEME : 1 °C de moins, environ 7 % de chauffage en moins (relayé par "
        "La Tribune, 2022)",
        plausible=(0.0, 1.5),
        plausible_source=PRESET_RANGE,
    )
    """Lowering of indoor heating temperature reached in the sobriety year (°C)."""

    temperature_year: int = assumption(
        2030,
        ge=2022,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année de la baisse de température",
        label_en="Year of the temperature reduction",
        source="Choix de modélisation",
    )
    """Year the heating temperature reduction is reached, linearly from 2021 (year)."""


class Tertiary(Section):
    """Tertiary buildings: activity driver and the tertiary decree."""

    floor_area_growth: float = assumption(
        0.0,
        ge=-3.0,
        le=3.0,
        step=0.1,
        unit="% par an",
        label_fr="Croissance des surfaces tertiaires par habitant",
        label_en="Growth of tertiary floor area per inhabitant",
        source="Choix de modélisation : surfaces proportionnelles à la population ; "
        "consommation du tertiaire stable depuis 2010 (" + SDES_2021 + ")",
    )
    """Annual growth of tertiary floor area on top of population growth (% per year)."""

    decree_reached: float = assumption(
        50.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% des objectifs",
        label_fr="Objectifs du décret tertiaire atteints",
        label_en="Tertiary decree targets reached",
        source="Décret n° 2019-771 (−40 % en 2030, −50 % en 2040, −60 % en 2050) ; tendance : "
        "−12 % de 2012 à 2023 à climat constant (SDES), environ la moitié du rythme requis",
        plausible=(50.0, 100.0),
        plausible_source=PRESET_RANGE,
    )
    """Share of the tertiary-decree reductions reached (% of the targets)."""


class Activity(Section):
    """Industry and agriculture: annual trend of their energy use."""

    industry_trend: float = assumption(
        -1.0,
        ge=-10.0,
        le=5.0,
        step=0.1,
        unit="% par an",
        label_fr="Évolution de l'énergie de l'industrie",
        label_en="Industry energy trend",
        source="SDES, Chiffres clés de l'énergie 2022 : −1,0 % par an de 2011 à 2019",
        plausible=(-1.5, -1.0),
        plausible_source=PRESET_RANGE,
    )
    """Annual change of industry's energy use, all carriers (% per year)."""

    agriculture_trend: float = assumption(
        0.25,
        ge=-10.0,
        le=5.0,
        step=0.05,
        unit="% par an",
        label_fr="Évolution de l'énergie de l'agriculture",
        label_en="Agriculture energy trend",
        source=SDES_2023 + " : +2,8 % de 2012 à 2023, soit +0,25 % par an",
    )
    """Annual change of agriculture's energy use, all carriers (% per year)."""


class Renewables(Section):
    """Local renewable production levers, per 100,000 inhabitants of the base year."""

    pv_additions: float = assumption(
        4.6,
        ge=0.0,
        le=50.0,
        step=0.1,
        unit="MW par an pour 100 000 habitants",
        label_fr="Photovoltaïque installé chaque année",
        label_en="PV capacity added each year",
        source=PANORAMA_2024 + " : +3 137 MW en 2024 pour 68,4 millions d'habitants",
    )
    """Solar PV capacity added each year after the last observed year (MW per year per
    100,000 inhabitants)."""

    pv_load_factor: float = assumption(
        12.4,
        ge=5.0,
        le=25.0,
        step=0.1,
        unit="%",
        label_fr="Facteur de charge du photovoltaïque",
        label_en="PV load factor",
        source=PANORAMA_2024 + " : 24,8 TWh pour 22,8 GW en moyenne sur 2024 (dérivé)",
    )
    """Annual production of the added PV per hour of capacity (%)."""

    wind_additions: float = assumption(
        1.6,
        ge=0.0,
        le=30.0,
        step=0.1,
        unit="MW par an pour 100 000 habitants",
        label_fr="Éolien installé chaque année",
        label_en="Wind capacity added each year",
        source=PANORAMA_2024 + " : +1 091 MW d'éolien terrestre en 2024",
    )
    """Onshore wind capacity added each year after the last observed year (MW per year per
    100,000 inhabitants)."""

    wind_load_factor: float = assumption(
        24.0,
        ge=10.0,
        le=45.0,
        step=0.5,
        unit="%",
        label_fr="Facteur de charge de l'éolien",
        label_en="Wind load factor",
        source="RTE, Bilan électrique 2023 : 26,2 % ; 2024 : environ 22 % (dérivé du Panorama)",
    )
    """Annual production of the added wind capacity per hour of capacity (%)."""

    biomass_additions: float = assumption(
        0.0,
        ge=0.0,
        le=50.0,
        step=0.5,
        unit="GWh par an pour 100 000 habitants, chaque année",
        label_fr="Biomasse ajoutée chaque année",
        label_en="Biomass production added each year",
        source="Choix de modélisation : la biomasse suit les remplacements de chaudières ; "
        "ce levier ajoute des chaufferies bois au-delà",
    )
    """Local biomass heat production added each year from 2022 on top of the wood burnt in the
    territory (GWh per year, per year and 100,000 inhabitants)."""

    biogas_additions: float = assumption(
        3.1,
        ge=0.0,
        le=50.0,
        step=0.1,
        unit="GWh par an pour 100 000 habitants, chaque année",
        label_fr="Biométhane ajouté chaque année",
        label_en="Biomethane added each year",
        source="SER, GRDF, GRTgaz, Teréga, Panorama des gaz renouvelables 2023 : 9,1 TWh "
        "injectés en 2023 contre 7 TWh en 2022",
    )
    """Biomethane injection added each year from 2022 (GWh per year, per year and 100,000
    inhabitants)."""

    coverage_target: float = assumption(
        33.0,
        ge=0.0,
        le=200.0,
        step=1.0,
        unit="% de l'énergie finale",
        label_fr="Objectif de couverture renouvelable",
        label_en="Renewable coverage target",
        source="Code de l'énergie, art. L100-4, I, 4° (loi énergie-climat, 2019) : 33 % "
        "d'énergies renouvelables dans la consommation finale brute en 2030 ; appliqué ici à la "
        "production locale (à remplacer par l'objectif du SRADDET ou du PCAET du territoire)",
    )
    """Local renewable production over final energy to reach in the target year (%)."""

    coverage_target_year: int = assumption(
        2030,
        ge=2025,
        le=2070,
        step=1,
        unit="année",
        label_fr="Année de l'objectif de couverture",
        label_en="Year of the coverage target",
        source="Code de l'énergie, art. L100-4, I, 4° : horizon 2030",
    )
    """Year the renewable coverage target is set for (year)."""


class EmissionFactors(Section):
    """Greenhouse-gas emissions per kWh of final energy, by carrier (life cycle)."""

    electricity: float = assumption(
        0.055,
        ge=0.0,
        le=1.0,
        step=0.001,
        unit="kgCO2e/kWh",
        label_fr="Électricité",
        label_en="Electricity",
        source="ADEME, Base Carbone, mix moyen de consommation 2021 : 55 gCO2e/kWh (relayé par "
        "ADIMAS, 2023) ; le mix moyen est requis pour les bilans de GES",
        plausible=(0.021, 0.079),
        plausible_source="RTE, Bilan électrique 2024 : 21,3 gCO2e/kWh produit ; ADEME, Impact "
        "CO2 (2023) : 79 g pour le chauffage électrique (RE2020)",
    )
    """Average consumption mix of mainland France (kgCO2e per kWh)."""

    gas: float = assumption(
        0.221,
        ge=0.0,
        le=1.0,
        step=0.001,
        unit="kgCO2e/kWh PCS",
        label_fr="Gaz naturel",
        label_en="Natural gas",
        source=IMPACT_CO2,
    )
    """Natural gas, per kWh of higher heating value as metered by ORE (kgCO2e per kWh)."""

    oil: float = assumption(
        0.324,
        ge=0.0,
        le=1.0,
        step=0.001,
        unit="kgCO2e/kWh",
        label_fr="Produits pétroliers",
        label_en="Oil products",
        source=IMPACT_CO2 + " : fioul domestique",
    )
    """Oil products: heating oil and road fuels (kgCO2e per kWh)."""

    wood_renewables: float = assumption(
        0.032,
        ge=0.0,
        le=0.5,
        step=0.001,
        unit="kgCO2e/kWh",
        label_fr="Bois (hors chaleur des pompes à chaleur)",
        label_en="Wood (heat pump heat excluded)",
        source=IMPACT_CO2 + " : granulés 0,032 (bûches 0,046)",
    )
    """Wood and other renewable fuels; ambient heat of heat pumps and solar heat count zero
    (kgCO2e per kWh)."""

    district_heat: float = assumption(
        0.112,
        ge=0.0,
        le=1.0,
        step=0.001,
        unit="kgCO2e/kWh",
        label_fr="Réseaux de chaleur",
        label_en="District heat",
        source=IMPACT_CO2 + " (Fedene 2023)",
    )
    """District heat delivered (kgCO2e per kWh)."""

    other: float = assumption(
        0.30,
        ge=0.0,
        le=1.0,
        step=0.01,
        unit="kgCO2e/kWh",
        label_fr="Autres (charbon, GPL, GNV…)",
        label_en="Other (coal, LPG, CNG…)",
        source="Choix de modélisation : entre le gaz et le charbon",
    )
    """Other carriers: coal in industry, other fuels in transport (kgCO2e per kWh)."""


class Prices(Section):
    """Prices paid per carrier, all taxes included, and where the money goes."""

    electricity: float = assumption(
        220.0,
        ge=0.0,
        le=1000.0,
        step=5.0,
        unit="€/MWh",
        label_fr="Prix de l'électricité",
        label_en="Electricity price",
        source="SDES, Prix de l'électricité en France et dans l'UE en 2023 (2024) : 236 €/MWh "
        "TTC pour les ménages, 205 €/MWh HTVA pour les entreprises",
    )
    """Average electricity price, all sectors (€ per MWh)."""

    gas: float = assumption(
        104.0,
        ge=0.0,
        le=500.0,
        step=1.0,
        unit="€/MWh",
        label_fr="Prix du gaz",
        label_en="Gas price",
        source="CRE, prix repère de vente de gaz, septembre 2024 : 0,1036 €/kWh TTC (chauffage)",
    )
    """Natural gas price (€ per MWh, higher heating value)."""

    oil: float = assumption(
        171.0,
        ge=0.0,
        le=500.0,
        step=1.0,
        unit="€/MWh",
        label_fr="Prix des produits pétroliers",
        label_en="Oil products price",
        source=SDES_2023 + " : prix moyen de l'énergie des transports, 171 €/MWh en 2023",
    )
    """Oil products price, fuels and heating oil together (€ per MWh)."""

    wood_renewables: float = assumption(
        41.0,
        ge=0.0,
        le=300.0,
        step=1.0,
        unit="€/MWh",
        label_fr="Prix du bois",
        label_en="Wood price",
        source=SDES_2023 + " : bûche de 50 cm, 41 €/MWh TTC en 2023",
    )
    """Wood price; the ambient heat of heat pumps and solar heat are free (€ per MWh)."""

    district_heat: float = assumption(
        80.0,
        ge=0.0,
        le=300.0,
        step=1.0,
        unit="€/MWh",
        label_fr="Prix de la chaleur des réseaux",
        label_en="District heat price",
        source="AMORCE et Fedene (2022) : prix moyen de vente de 80 € HT/MWh en 2021",
    )
    """District heat price (€ per MWh)."""

    other: float = assumption(
        100.0,
        ge=0.0,
        le=500.0,
        step=1.0,
        unit="€/MWh",
        label_fr="Prix des autres énergies",
        label_en="Other carriers price",
        source="Choix de modélisation : entre le gaz et les produits pétroliers",
    )
    """Price of the other carriers (€ per MWh)."""

    leaving_share: float = assumption(
        90.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% du prix",
        label_fr="Part du prix qui quitte le territoire",
        label_en="Share of the price leaving the territory",
        source="Choix de modélisation : production, importation et taxes nationales ; la "
        "distribution et la vente locales restent sur place",
    )
    """Share of the price of energy produced outside the territory that leaves it (% of the
    price)."""


class Energy(Section):
    """Energy and climate assumptions: buildings, renewables, emission factors and prices."""

    residential: Residential = Residential()
    """Dwellings: households, renovation, heating switch and sobriety."""

    tertiary: Tertiary = Tertiary()
    """Tertiary buildings."""

    activity: Activity = Activity()
    """Industry and agriculture."""

    renewables: Renewables = Renewables()
    """Local renewable production."""

    emission_factors: EmissionFactors = EmissionFactors()
    """Emission factors per carrier."""

    prices: Prices = Prices()
    """Energy prices and the bill leaving the territory."""
