"""Messages of the data build (raw open data files), the climate tables and the local base
structures.
"""

CATALOGUE: dict[str, tuple[str, str]] = {
    # data build (raw open data files)
    "build.columns": (
        "table {name!r} : les colonnes construites {built} diffèrent des colonnes déclarées "
        "{declared}",
        "table {name!r}: built columns {built} differ from the declared {declared}",
    ),
    "build.key_missing": (
        "table {name!r} : valeurs manquantes dans les colonnes clés {key}",
        "table {name!r}: missing values in key columns {key}",
    ),
    "build.key_duplicated": (
        "table {name!r} : lignes de clé en double, p. ex.\n{rows}",
        "table {name!r}: duplicated key rows, e.g.\n{rows}",
    ),
    "build.raw_folder": (
        "le dossier de données brutes {folder} n'existe pas : donner le dossier des fichiers de "
        "données ouvertes brutes listés dans docs/data.md",
        "raw data folder {folder} does not exist: give the folder of the raw open data files "
        "listed in docs/data.md",
    ),
    "build.sex_labels": (
        "libellés de sexe inconnus {labels}",
        "unknown sex labels {labels}",
    ),
    "build.one_r_object": (
        "{file} : un seul objet R est attendu, trouvé {found}",
        "{file}: expected one R object, found {found}",
    ),
    "build.no_year_column": (
        "aucune colonne d'année dans la ligne d'en-tête {header}",
        "no year column found in the header row {header}",
    ),
    "build.apa_series": (
        "bénéficiaires de l'APA : la série longue officielle de la DREES et le fichier dérivé "
        "diffèrent sur {count} départements-années, p. ex.\n{rows}",
        "APA beneficiaries: the official DREES long series and the derived file disagree on "
        "{count} département-years, e.g.\n{rows}",
    ),
    "build.apa_brackets": (
        "tranches d'âge APA inattendues {brackets}",
        "unexpected APA age brackets {brackets}",
    ),
    "build.apa_settings_sum": (
        "prévalence de l'APA : domicile + établissement diffère du total en\n{rows}",
        "APA prevalence: home + institution differs from total in\n{rows}",
    ),
    "build.apa_settings": (
        "modes de prise en charge APA inconnus {settings}",
        "unknown APA settings {settings}",
    ),
    "build.apa_age_column": (
        "prévalence de l'APA : les tranches d'âge ne concordent pas avec la colonne 'age'",
        "APA prevalence: age brackets disagree with the 'age' column",
    ),
    "build.apa_range": (
        "prévalence de l'APA hors de [0, 1] après conversion des pourcentages",
        "APA prevalence outside [0, 1] after converting percentages",
    ),
    "build.ehpa_sexes": (
        "EHPA : l'ensemble diffère de femmes + hommes en\n{rows}",
        "EHPA: both sexes differ from women + men at\n{rows}",
    ),
    "build.ehpa_prevalence": (
        "EHPA : la prévalence diffère de résidents / population dans la source",
        "EHPA: prevalence differs from residents / population in the source",
    ),
    "build.ghg_series_missing": (
        "{file} : séries absentes {series}",
        "{file}: missing series {series}",
    ),
    "build.ghg_gases_total": (
        "{file} : les gaz (CO2, CH4, N2O, gaz fluorés) ne s'additionnent pas au total les années "
        "{years} (écart de plus de 0,5 Mt)",
        "{file}: the gases (CO2, CH4, N2O, F-gases) do not add up to the total in {years} "
        "(gap over 0.5 Mt)",
    ),
    "build.departement_codes": (
        "codes de département inattendus {codes}",
        "unexpected département codes {codes}",
    ),
    "build.ore_carriers": (
        "filières ORE inconnues {carriers}",
        "unknown ORE carriers {carriers}",
    ),
    "build.ore_total": (
        "consommation ORE : la somme des secteurs diffère de la colonne total",
        "ORE consumption: the sectors do not add up to the total column",
    ),
    "build.enedis_voltages": (
        "production Enedis : les niveaux de tension {voltages} sont attendus partout",
        "Enedis production: expected the voltage levels {voltages} everywhere",
    ),
    "build.hfd_modified_line": (
        "une ligne 'Last modified:' est attendue, reçu {line!r}",
        "expected a 'Last modified:' line, got {line!r}",
    ),
    "build.hfd_date": (
        "date HFD illisible dans {line!r}",
        "unreadable HFD date in {line!r}",
    ),
    "build.raw_missing": (
        "fichier brut {file} introuvable",
        "raw file {file} is missing",
    ),
    "build.hfd_title": (
        "{file} : le titre {title!r} diffère de {declared!r}",
        "{file}: title {title!r} differs from {declared!r}",
    ),
    "build.hfd_vintage": (
        "{file} : modifié le {modified}, la table déclare {vintage} ; mettre à jour le millésime "
        "de la source",
        "{file}: last modified {modified}, the table declares {vintage}; update the Source vintage",
    ),
    "build.hfd_ages": (
        "âges HFD illisibles {ages}",
        "unreadable HFD ages {ages}",
    ),
    "build.hfd_column": (
        "colonne HFD {name!r} : valeurs manquantes ou illisibles",
        "HFD column {name!r}: missing or unreadable values",
    ),
    "build.grid": (
        "table {name!r} : grille (année, âge) incomplète ou en double",
        "table {name!r}: incomplete or duplicated (year, age) grid",
    ),
    "build.negative": (
        "{file} : {column} négatif",
        "{file}: negative {column}",
    ),
    "build.duplicated_years": (
        "{file} : années en double",
        "{file}: duplicated years",
    ),
    "build.hfd_years": (
        "les fichiers HFD de l'ICF et de l'âge moyen à la maternité couvrent des années "
        "différentes",
        "HFD TFR and MAB files cover different years",
    ),
    "build.hfd_gap": (
        "fichier HFD de l'ICF : années manquantes",
        "HFD TFR file: gap in the years",
    ),
    "build.communes_departement": (
        "communes sans département connu dans {file} : {codes}",
        "communes without a known département in {file}: {codes}",
    ),
    "build.communes_epci": (
        "des communes renvoient à des identifiants d'EPCI inconnus dans {file}",
        "communes refer to unknown EPCI ids in {file}",
    ),
    "build.communes_duplicated": (
        "codes de commune en double dans {file}",
        "duplicated commune codes in {file}",
    ),
    "build.name_types": (
        "types de nom de commune inconnus {types} dans {file}",
        "unknown commune name types {types} in {file}",
    ),
    "build.polygon_vanished": (
        "le polygone {index} a disparu en simplifiant ses limites",
        "polygon {index} vanished while simplifying its boundaries",
    ),
    "build.polygons_invalid": (
        "polygones simplifiés invalides {indices}",
        "simplified polygons {indices} are invalid",
    ),
    "build.mode_codes": (
        "{file} : codes de mode mal formés ou en double {codes}",
        "{file}: malformed or duplicated mode codes {codes}",
    ),
    "build.survey_factors": (
        "codes d'enquête sans facteur ou facteurs sans code : {codes}",
        "survey codes without factor or factors without code: {codes}",
    ),
    "build.several_factors": (
        "plusieurs facteurs d'émission pour un même mode :\n{rows}",
        "several emission factors for one mode:\n{rows}",
    ),
    "build.unmatched_modes": (
        "modes sans correspondance ou facteur Base Carbone : {modes}",
        "modes without Base Carbone mapping or factor: {modes}",
    ),
    "build.quotients": (
        "table {name!r} : quotients manquants ou hors de [0, 1]",
        "table {name!r}: quotients missing or outside [0, 1]",
    ),
    "build.ages_range": (
        "table {name!r} : les âges ne forment pas une suite complète depuis 0",
        "table {name!r}: ages are not a complete range from 0",
    ),
    "build.years_gap": (
        "table {name!r} : années manquantes",
        "table {name!r}: gap in the years",
    ),
    "build.unknown_areas": (
        "{file} : zones inconnues {areas}",
        "{file}: unknown areas {areas}",
    ),
    "build.observed_in_projection": (
        "{file} : lignes observées dans les années de projection",
        "{file}: observed rows inside the projection years",
    ),
    "build.projection_span": (
        "{file} : la projection ne couvre pas {first}-{last}",
        "{file}: projection does not cover {first}-{last}",
    ),
    "build.split_weights": (
        "split_integer : les poids doivent être finis et positifs ou nuls",
        "split_integer: weights must be finite and non-negative",
    ),
    "build.split_totals": (
        "split_integer : les totaux doivent être positifs ou nuls",
        "split_integer: totals must be non-negative",
    ),
    "build.counts": (
        "{what} : les effectifs doivent être des nombres entiers positifs ou nuls",
        "{what}: population counts must be whole non-negative numbers",
    ),
    "build.open_age": (
        "groupe d'âge ouvert 99+ : les parts de survie n'ont pas pu être calculées",
        "open age group 99+: survivorship shares could not be computed",
    ),
    "build.national_ages": (
        "pyramides nationales : chaque année et chaque sexe doivent avoir les âges 0-99",
        "national pyramids: every year and sex must have the ages 0-99",
    ),
    "build.sheet_title": (
        "{file}, feuille {year} : le titre ne nomme pas l'année {year}",
        "{file}, sheet {year}: title does not name the year {year}",
    ),
    "build.sheet_header": (
        "{file}, feuille {year} : pas de ligne d'en-tête des groupes d'âge",
        "{file}, sheet {year}: no age-group header row",
    ),
    "build.duplicated_cells": (
        "{file} : cellules en double {rows}",
        "{file}: duplicated cells {rows}",
    ),
    "build.groups_total": (
        "{file} : la somme des groupes d'âge diffère de la colonne Total",
        "{file}: age groups do not add up to the Total column",
    ),
    "build.sexes_total": (
        "{file} : hommes + femmes diffère de l'ensemble",
        "{file}: men + women differ from both sexes",
    ),
    "build.departements_total": (
        "{file} : la somme des départements diffère des lignes agrégées",
        "{file}: départements do not add up to the aggregate rows",
    ),
    "build.no_yearly_sheet": (
        "{file} : aucune feuille annuelle",
        "{file}: no yearly sheet",
    ),
    "build.dom_negative": (
        "pyramide des DOM (France - France métropolitaine) : effectifs négatifs",
        "DOM pyramid (France - metropolitan France) has negative counts",
    ),
    "build.no_structure": (
        "pas de structure par âge détaillé pour {rows}",
        "no single-age structure for {rows}",
    ),
    "build.france_only": (
        "{file} : la France seule est attendue",
        "{file}: expected France only",
    ),
    "build.official_ages": (
        "{file} : âges 99-105 manquants pour une année officielle",
        "{file}: ages 99-105 missing for some official year",
    ),
    "batch.status_ok": ("réussi", "ok"),
    "batch.status_failed": ("échec", "failed"),
    "batch.progress": (
        "{status:<6} {id} ({seconds:.1f} s){error}",
        "{status:<6} {id} ({seconds:.1f} s){error}",
    ),
    "batch.run_error": (" : {error}", ": {error}"),
    "batch.no_results": (
        "le notebook n'a pas écrit {file} (output_dir est-il pris en charge en mode rapport ?)",
        "the notebook wrote no {file} (is output_dir supported in report mode?)",
    ),
    "batch.cell_error": ("{name}: {value} (cellule {cell})", "{name}: {value} (cell {cell})"),
    # climate
    "climate.unknown": (
        "{column} climatique {value!r} inconnu ; connus : {allowed}",
        "unknown climate {column} {value!r}; known: {allowed}",
    ),
    "climate.not_given": (
        "l'indicateur climatique {value!r} n'est pas donné pour {pathway} {season}",
        "climate indicator {value!r} is not given for {pathway} {season}",
    ),
    "climate.departements": (
        "département(s) climatique(s) inconnu(s) {codes} (96 codes métropolitains)",
        "unknown climate département(s) {codes} (96 metropolitan codes)",
    ),
    "build.drias_departements": (
        "{file} : les {expected} départements métropolitains sont attendus une fois chacun, "
        "reçu {codes} codes en {rows} lignes{bad}",
        "{file}: expected the {expected} metropolitan départements once each, "
        "got {codes} codes in {rows} rows{bad}",
    ),
    "build.drias_blocks": (
        "DRIAS {pathway} : blocs de colonnes {found}, {expected} attendus",
        "DRIAS {pathway}: column blocks {found}, expected {expected}",
    ),
    "build.drias_unnamed": (
        "DRIAS {pathway} {season} : le bloc de colonnes sans nom contient des valeurs",
        "DRIAS {pathway} {season}: the unnamed column block holds values",
    ),
    "build.drias_variable": (
        "DRIAS {pathway} {season} : la variable {column} manque",
        "DRIAS {pathway} {season}: variable {column} is missing",
    ),
    "build.tracc_sources": (
        "{file} : les niveaux doivent citer leurs sources (éditeur, url)",
        "{file}: the levels need cited sources (publisher, url)",
    ),
    "build.tracc_field": ("{file} : champ {field} manquant", "{file}: missing field {field}"),
    "build.tracc_increasing": (
        "{file} : {column} doit croître strictement",
        "{file}: {column} must increase strictly",
    ),
    # -- local base structures (communes_census table, calibration.local_structure) --
    "build.communes_columns": (
        "{file} : colonnes manquantes {columns}",
        "{file}: missing columns {columns}",
    ),
    "build.communes_counts": (
        "{file} : la colonne {column} contient des effectifs manquants ou négatifs",
        "{file}: column {column} holds missing or negative counts",
    ),
    "build.communes_code": (
        "code commune mal formé : {value!r}",
        "malformed commune code: {value!r}",
    ),
    "local.no_communes": (
        "{code} : aucune commune, pas de structure locale",
        "{code}: no communes, no local structure",
    ),
    "local.bad_marginal": (
        "marge locale impossible : {value} personnes (unité {unit}, groupe {group})",
        "impossible local marginal: {value} persons (unit {unit}, group {group})",
    ),
}
