"""What each data table shown in a dashboard's « Sources et méthode » panel holds, in French
and English (the catalogue, ``data/catalog.yaml``, describes tables in English for developers).
"""

from __future__ import annotations

TABLE_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "apa_departement": (
        "Bénéficiaires de l'allocation personnalisée d'autonomie (APA) payés au titre de "
        "décembre, par département et par année, à domicile et en établissement.",
        "Beneficiaries of the APA (allocation personnalisée d'autonomie) paid for December, by "
        "département and year, at home and in institution.",
    ),
    "apa_prevalence": (
        "Part de la population bénéficiaire de l'APA en France, par année, sexe, groupe d'âges "
        "quinquennal à partir de 60 ans et lieu de vie (domicile, établissement, ensemble).",
        "Share of the population receiving the APA in France by year, sex, five-year age group "
        "from 60 and setting (home, institution, total).",
    ),
    "climate_drias2020": (
        "Indicateurs climatiques DRIAS-2020 par département métropolitain (période de référence "
        "1976–2005, RCP 2.6, 4.5 et 8.5 sur trois horizons) : UN SEUL MODÈLE (ALADIN63 piloté par "
        "CNRM-CM5), pas un ensemble ; les cellules manquantes restent manquantes.",
        "DRIAS-2020 climate indicators by metropolitan département (reference 1976–2005, RCP 2.6, "
        "4.5 and 8.5 over three horizons): ONE MODEL (ALADIN63 driven by CNRM-CM5), not an "
        "ensemble; missing cells stay missing.",
    ),
    "communes": (
        "Les 34 875 communes de la géographie 2025, avec leur département, leur EPCI, leur "
        "population 2017 et leur superficie.",
        "The 34,875 communes of the 2025 geography with département, EPCI, 2017 population "
        "and area.",
    ),
    "communes_census": (
        "Marges locales par commune : populations des recensements 2015 et 2021, ménages 2021, "
        "naissances et décès 2022 de chaque commune ; groupes d'âges (0–14, 15–29, 18–24, "
        "75 ans ou plus), femmes et ménages aux recensements 2012 et 2018 pour les communes de "
        "2 000 habitants ou plus. Pas de pyramide complète par âge et sexe par commune.",
        "Local marginals by commune: census populations 2015 and 2021, households 2021, births "
        "and deaths 2022 for every commune; 2012 and 2018 census age groups (0–14, 15–29, "
        "18–24, 75+), women and households for communes of 2,000 inhabitants or more. No full "
        "age-by-sex pyramid by commune.",
    ),
    "electricity_production": (
        "Production annuelle d'électricité et nombre de sites producteurs raccordés au réseau "
        "de distribution d'Enedis, par département, année et filière.",
        "Annual electricity production and number of producing sites connected to the Enedis "
        "distribution network, by département, year and technology.",
    ),
    "energy_consumption": (
        "Consommation annuelle d'électricité et de gaz et points de livraison, par département, "
        "année et secteur, tous gestionnaires de réseau confondus.",
        "Annual electricity and gas consumption and delivery points by département, year and "
        "sector, all network operators together.",
    ),
    "fertility_asfr": (
        "Taux de fécondité par âge de la mère (âge détaillé) de chaque année, France "
        "métropolitaine, depuis 1946.",
        "Period age-specific fertility rates by single year of age of the mother, "
        "metropolitan France, from 1946.",
    ),
    "freight_tonne_km": (
        "Marchandises transportées (tonnes-kilomètres) par région d'origine et par mode "
        "(route, rail, voie d'eau), 2016–2024 (SDES).",
        "Goods transported (tonne-km) by région of origin and mode (road, rail, waterway), "
        "2016–2024 (SDES).",
    ),
    "ghg_inventory": (
        "Inventaire ESTIMÉ des émissions de gaz à effet de serre de chaque département, par "
        "secteur et par gaz, 2017–2021 : l'inventaire national du Citepa (Secten) réparti par des "
        "clés déclarées (cheptels, tonnes-km, énergie, population).",
        "ESTIMATED greenhouse-gas inventory of every département by sector and gas, 2017–2021: "
        "the national Citepa (Secten) inventory split by stated keys (herds, tonne-km, energy, "
        "population).",
    ),
    "ghg_national": (
        "Émissions brutes de gaz à effet de serre de la France : séries Secten du Citepa "
        "2010–2024 et inventaire CCNUCC 1990–2018 (référence 1990 de la SNBC).",
        "France's gross greenhouse-gas emissions: Citepa Secten series 2010–2024 and the UNFCCC "
        "inventory 1990–2018 (the SNBC's 1990 reference).",
    ),
    "geometry_departements": (
        "Contours simplifiés des 101 départements, outre-mer à sa position réelle.",
        "Simplified boundaries of the 101 départements, overseas at their true position.",
    ),
    "geometry_epci": (
        "Contours simplifiés des EPCI, obtenus en réunissant leurs communes.",
        "Simplified boundaries of the EPCI, dissolved from their communes.",
    ),
    "institution_residents": (
        "Résidents des établissements pour personnes âgées (EHPA : Ehpad, résidences "
        "autonomie, USLD…) en France, par année d'enquête, sexe et âge détaillé dès 50 ans.",
        "Residents of institutions for the elderly (EHPA: Ehpad, résidences autonomie, "
        "USLD...) in France by survey year, sex and single age from 50.",
    ),
    "mobility_emission_factors": (
        "Facteur d'émission de gaz à effet de serre par voyageur-kilomètre de chaque mode de "
        "transport (Base Carbone de l'ADEME), rapporté aux modes des enquêtes de mobilité.",
        "Greenhouse-gas emission factor per passenger-km of each transport mode (ADEME Base "
        "Carbone), as mapped to the travel-survey modes.",
    ),
    "mortality_forecast_insee2021": (
        "Quotients de mortalité projetés par sexe et âge détaillé, hypothèse centrale de "
        "mortalité des projections de population 2021 de l'INSEE, 2021-2100.",
        "Projected death quotients by sex and single year of exact age, central mortality "
        "hypothesis of the INSEE 2021 population projection, 2021-2100.",
    ),
    "mortality_observed": (
        "Quotients de mortalité observés chaque année par sexe et âge détaillé, France et "
        "France métropolitaine.",
        "Observed annual death quotients by sex and single year of exact age for France and "
        "metropolitan France.",
    ),
    "population_departement": (
        "Population au 1er janvier par département, sexe et âge détaillé (0 à 105 ans et plus), "
        "1975-2025, répartie à partir des estimations quinquennales de l'INSEE.",
        "Population on 1 January by département, sex and single year of age (0-105+), "
        "1975-2025, split from the INSEE five-year estimates.",
    ),
    "services_equipment": (
        "Équipements d'aujourd'hui par commune : écoles par niveau (BPE 2018, public et privé), "
        "structures d'accueil du jeune enfant, médecins généralistes et pharmacies (BPE 2013). "
        "Des nombres d'équipements, pas de classes ni de places.",
        "Today's services by commune: schools by level (BPE 2018, public and private), childcare "
        "facilities, general practitioners and pharmacies (BPE 2013). Counts of equipment, not "
        "classes or childcare places.",
    ),
    "tracc_warming": (
        "TRACC, trajectoire de réchauffement de référence pour l'adaptation : réchauffement de "
        "la France métropolitaine et réchauffement mondial correspondant, par année.",
        "TRACC, the reference warming trajectory for adaptation: warming of metropolitan France "
        "and the corresponding global warming, by year.",
    ),
    "travel_survey_modes": (
        "Codes des modes de transport des enquêtes nationales de mobilité (ENTD, EMP), avec "
        "leur libellé et leur groupe de modes.",
        "Mode-of-transport codes of the ENTD/EMP national travel surveys with their French "
        "labels and mode groups.",
    ),
}
"""French and English description of each table a dashboard lists (a test checks every
dashboard's tables are here)."""

TABLE_NAMES: dict[str, tuple[str, str]] = {
    "apa_departement": (
        "bénéficiaires de l'APA par département",
        "APA beneficiaries by département",
    ),
    "apa_prevalence": (
        "part des bénéficiaires de l'APA par âge",
        "share of APA beneficiaries by age",
    ),
    "climate_drias2020": ("indicateurs climatiques DRIAS-2020", "DRIAS-2020 climate indicators"),
    "communes": ("communes de France", "communes of France"),
    "communes_census": (
        "comparateur de territoires (recensements)",
        "territory comparator (censuses)",
    ),
    "electricity_production": (
        "production d'électricité par filière",
        "electricity production by source",
    ),
    "energy_consumption": (
        "consommation d'électricité et de gaz par secteur",
        "electricity and gas consumption by sector",
    ),
    "fertility_asfr": ("taux de fécondité par âge", "fertility rates by age"),
    "freight_tonne_km": (
        "transport de marchandises (tonnes-kilomètres)",
        "freight (tonne-kilometres)",
    ),
    "ghg_inventory": ("inventaire des émissions Secten", "Secten emissions inventory"),
    "ghg_national": ("émissions nationales Secten", "Secten national emissions"),
    "geometry_departements": ("contours des départements", "outlines of the départements"),
    "geometry_epci": ("contours des communes et des EPCI", "outlines of communes and EPCI"),
    "institution_residents": (
        "résidents des établissements pour personnes âgées (EHPA)",
        "residents of care homes (EHPA)",
    ),
    "mobility_emission_factors": (
        "facteurs d'émission de la Base Carbone",
        "Base Carbone emission factors",
    ),
    "mortality_forecast_insee2021": (
        "projections de population 2021-2070 (mortalité)",
        "2021-2070 population projections (mortality)",
    ),
    "mortality_observed": ("tables de mortalité", "life tables"),
    "population_departement": (
        "estimations de population au 1er janvier",
        "population estimates on 1 January",
    ),
    "services_equipment": ("base permanente des équipements", "permanent database of facilities"),
    "tracc_warming": (
        "trajectoire de réchauffement de référence (TRACC)",
        "reference warming trajectory (TRACC)",
    ),
    "travel_survey_modes": (
        "enquêtes nationales de mobilité (ENTD 2008, EMP 2019)",
        "national travel surveys (ENTD 2008, EMP 2019)",
    ),
}
"""Each table in a few plain words, for the source line under the figures drawn from it (its
publisher comes from the catalogue)."""
