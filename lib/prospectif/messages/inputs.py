"""Messages about what users give: files, scenario and batch validation, dashboard addresses
and the command line.
"""

CATALOGUE: dict[str, tuple[str, str]] = {
    # general
    "lang.unknown": (
        "langue « {value} » inconnue : choisir parmi {allowed}",
        "unknown language “{value}”: use one of {allowed}",
    ),
    "at": ("{source} : {problem}", "{source}: {problem}"),
    "lines": ("{lines}", "{lines}"),
    "cannot_write": (
        "impossible d'écrire {file} : {reason}",
        "cannot write {file}: {reason}",
    ),
    # user files (yamlio, fileio)
    "file.not_found": ("{file} : fichier introuvable", "{file}: file not found"),
    "file.too_large": (
        "{file} : fichier trop grand (plus de {limit} Kio)",
        "{file}: file too large (over {limit} KiB)",
    ),
    "file.not_utf8": (
        "{file} : texte non UTF-8 (enregistrer le fichier en UTF-8)",
        "{file}: not UTF-8 text (save the file as UTF-8)",
    ),
    "yaml.alias": (
        "les alias YAML (*nom) ne sont pas acceptés (ligne {line})",
        "YAML aliases (*name) are not allowed (line {line})",
    ),
    "yaml.too_deep": (
        "imbrication de plus de {limit} niveaux (ligne {line})",
        "nested deeper than {limit} levels (line {line})",
    ),
    "yaml.invalid_at": (
        "{file} : YAML invalide ligne {line}, colonne {column} : {problem}",
        "{file}: invalid YAML at line {line}, column {column}: {problem}",
    ),
    "yaml.invalid": ("{file} : YAML invalide : {problem}", "{file}: invalid YAML: {problem}"),
    # validation of scenario and batch files (one line per problem)
    "key.missing": ("{key} : manquant (obligatoire)", "{key}: missing (required)"),
    "key.unknown": (
        "{key} : clé inconnue ; clés admises ici : {allowed}",
        "{key}: unknown key; allowed keys here: {allowed}",
    ),
    "value.too_small": (
        "{key} = {value} : trop petit ; {allowed}",
        "{key} = {value}: too small; {allowed}",
    ),
    "value.too_large": (
        "{key} = {value} : trop grand ; {allowed}",
        "{key} = {value}: too large; {allowed}",
    ),
    "value.not_finite": (
        "{key} = {value} : nombre non fini ; {allowed}",
        "{key} = {value}: not a finite number; {allowed}",
    ),
    "value.invalid": (
        "{key} = {value} : invalide ; {allowed}",
        "{key} = {value}: invalid; {allowed}",
    ),
    "allowed.range": ("plage admise {low} à {high}{unit}", "allowed range {low} to {high}{unit}"),
    "allowed.values": ("valeurs admises {allowed}", "allowed values {allowed}"),
    "allowed.whole_range": (
        "nombre entier de {low} à {high} attendu",
        "a whole number from {low} to {high} is expected",
    ),
    "expected.number": ("un nombre est attendu", "a number is expected"),
    "expected.integer": ("un nombre entier est attendu", "a whole number is expected"),
    "expected.boolean": ("true ou false est attendu", "true or false is expected"),
    "expected.text": ("un texte est attendu", "text is expected"),
    "expected.mapping": (
        "une table de clés et de valeurs est attendue",
        "a mapping of keys to values is expected",
    ),
    "expected.list": ("une liste est attendue", "a list is expected"),
    "expected.shorter": ("au plus {max_length} caractères", "at most {max_length} characters"),
    "expected.fewer": ("au plus {max_length} éléments", "at most {max_length} entries"),
    "expected.pattern": ("doit suivre le motif {pattern}", "must match the pattern {pattern}"),
    "expected.valid": ("valeur non reconnue", "value not recognised"),
    "scenario.sales_over_100": (
        "electric_sales + plug_in_hybrid_sales = {total:g} % dépasse 100 % des ventes",
        "electric_sales + plug_in_hybrid_sales = {total:g} % exceeds 100 % of sales",
    ),
    "scenario.not_section": (
        "{key} : « {part} » n'est pas une section",
        "{key}: “{part}” is not a section",
    ),
    # scenario files and ids
    "scenario.bad_id": (
        "{what} {value!r:.80} invalide : utiliser des minuscules, des chiffres et des tirets "
        "(64 caractères au plus, pas un nom de périphérique comme 'con', p. ex. 'insee-central')",
        "{what} {value!r:.80} is not valid: use lower-case letters, digits and dashes "
        "(at most 64 characters, not a device name like 'con', e.g. 'insee-central')",
    ),
    "what.scenario_id": ("identifiant de scénario", "scenario id"),
    "what.scenario": ("scénario", "scenario"),
    "what.extends": ("{source} : extends", "{source}: extends"),
    "scenario.unknown": (
        "scénario « {value} » inconnu ; disponibles : {allowed}",
        "unknown scenario “{value}”; available: {allowed}",
    ),
    "scenario.not_mapping": (
        "{file} : un fichier de scénario doit être une table de clés et de valeurs",
        "{file}: a scenario file must be a mapping of keys to values",
    ),
    "scenario.extends_type": (
        "{source} : extends doit être un identifiant de scénario ou une liste d'identifiants",
        "{source}: extends must be a scenario id or a list of ids",
    ),
    "scenario.circular": (
        "{source} : extends circulaire : {chain}",
        "{source}: circular extends: {chain}",
    ),
    "scenario.parent_missing": (
        "{source} : extends « {value} », introuvable dans {folders}",
        "{source}: extends “{value}”, not found in {folders}",
    ),
    "scenario.variant_name": (
        "nom de variante « {value} » : mettre au moins une lettre ou un chiffre",
        "variant name “{value}”: use at least one letter or digit",
    ),
    "scenario.variant_link": (
        "variante « {value} » illisible : un objet JSON avec name, scenario et changes est attendu",
        "unreadable variant “{value}”: a JSON object with name, scenario and changes is expected",
    ),
    # a demographer's own schedules (scenario/schedules.py)
    "schedules.format": (
        "format « {suffix} » non reconnu : un fichier .csv ou .xlsx est attendu",
        "format “{suffix}” not recognised: a .csv or .xlsx file is expected",
    ),
    "schedules.unreadable": (
        "illisible comme tableau : {reason}",
        "cannot be read as a table: {reason}",
    ),
    "schedules.empty": ("aucune ligne de données", "no data rows"),
    "schedules.columns": (
        "colonnes manquantes : {missing} ; colonnes attendues : {expected} (trouvées : {found})",
        "missing columns: {missing}; expected columns: {expected} (found: {found})",
    ),
    "schedules.cell": (
        "ligne {row}, colonne « {column} » = « {value} » : {allowed}",
        "row {row}, column “{column}” = “{value}”: {allowed}",
    ),
    "schedules.more_cells": (
        "et {count} autres valeurs invalides dans la colonne « {column} »",
        "and {count} more invalid values in column “{column}”",
    ),
    "schedules.years_gap": (
        "années non consécutives : {missing} manquent entre {first} et {last}",
        "years not consecutive: {missing} missing between {first} and {last}",
    ),
    "schedules.duplicate": (
        "ligne {row} : même année, sexe et âge que la ligne {first}",
        "row {row}: same year, sex and age as row {first}",
    ),
    "schedules.missing_cells": (
        "{count} cases (année, sexe, âge) manquantes, p. ex. {examples} ; chaque année doit "
        "donner les deux sexes et chaque âge de 0 à {last}",
        "{count} (year, sex, age) cells missing, e.g. {examples}; every year must give both "
        "sexes and every age from 0 to {last}",
    ),
    "schedules.ages_short": (
        "les quotients s'arrêtent à {last} ans : la convention « {convention} » demande les "
        "âges 0 à {needed} au moins",
        "the quotients stop at age {last}: the “{convention}” convention needs ages 0 to at "
        "least {needed}",
    ),
    "schedules.one_year": (
        "la population de base porte sur une seule année ; années trouvées : {years}",
        "the base population must be of one year; years found: {years}",
    ),
    "schedules.base_year": (
        "année de base {value} : {allowed}",
        "base year {value}: {allowed}",
    ),
    "schedules.nobody": (
        "la population de base ne compte personne",
        "the base population counts nobody",
    ),
    "schedules.starts_late": (
        "commence en {first}, après l'année de base {base} de la population : les calendriers "
        "doivent couvrir chaque année depuis l'année de base",
        "starts in {first}, after the population's base year {base}: the schedules must cover "
        "every year from the base year",
    ),
    "schedules.territory": (
        "le scénario « {scenario} » porte les calendriers de {expected} ; il ne s'applique pas "
        "à {code}",
        "scenario “{scenario}” carries the schedules of {expected}; it does not apply to {code}",
    ),
    # dashboards (address parameters, modes)
    "url.too_long": (
        "adresse de plus de {limit} caractères",
        "query string longer than {limit} characters",
    ),
    "url.horizon": (
        "horizon=« {value} » : une année de {low} à {high} est attendue",
        "horizon=“{value}”: a year from {low} to {high} is expected",
    ),
    "url.compare_count": (
        "compare= : de 2 à 4 scénarios à comparer sont attendus ({count} donnés), les quatre "
        "scénarios complets sont comparés",
        "compare=: 2 to 4 scenarios to compare are expected ({count} given), the four full "
        "scenarios are compared",
    ),
    "ui.compare_entries": (
        "compare=« {value} » : de 2 à 4 scénarios séparés par « ; » sont attendus ({count} "
        "donnés), ou rien pour les quatre scénarios complets",
        "compare=“{value}”: 2 to 4 scenarios separated by “;” are expected ({count} given), "
        "or nothing for the four full scenarios",
    ),
    "url.choice": (
        "{key}=« {value} » : valeurs admises {allowed}",
        "{key}=“{value}”: expected one of {allowed}",
    ),
    "url.not_assumption": (
        "« {key} » n'est pas une hypothèse de scénario",
        "“{key}” is not a scenario assumption",
    ),
    "ui.mode": (
        "mode « {value} » : valeurs admises {allowed}",
        "mode “{value}”: expected one of {allowed}",
    ),
    # command line
    # probabilistic projections (uncertainty)
    "uncertainty.structure": (
        "{code} : les tirages probabilistes portent sur des territoires faits de départements "
        "(département, région, périmètre) ; ce territoire a sa propre structure locale",
        "{code}: probabilistic draws are for territories made of départements (département, "
        "region, perimeter); this territory has its own local structure",
    ),
    "uncertainty.draws": (
        "le nombre de tirages doit être au moins 1 ; reçu {draws}",
        "the number of draws must be at least 1; got {draws}",
    ),
    "cli.census_draws": (
        "--draws ne s'applique pas à une structure importée d'un recensement (--census)",
        "--draws does not apply to a structure imported from a census (--census)",
    ),
    "cli.building": ("construction de {name}…", "building {name}…"),
    "cli.written": ("{file}  {size} Kio", "{file}  {size} KiB"),
    "cli.no_match": (
        "aucun territoire ne correspond à « {value} »",
        "no territory matches “{value}”",
    ),
    "cli.territory_row": (
        "{code:<16} {kind:<8} {name}  ({people} hab.)",
        "{code:<16} {kind:<8} {name}  ({people} inh.)",
    ),
    "cli.territory": (
        "{code} : {name} ({kind})\nparents : {parents}\nenfants : {children}\n"
        "structure de base : {structure}\ncomposition : {composition}",
        "{code}: {name} ({kind})\nparents: {parents}\nchildren: {children}\n"
        "base structure: {structure}\ncomposition: {composition}",
    ),
    "cli.scenario_row": ("{id:<24} {label}", "{id:<24} {label}"),
    "cli.hash_comment": ("# empreinte : {hash}", "# hash: {hash}"),
    "cli.valid": ("{file} : valide (empreinte {hash})", "{file}: ok (hash {hash})"),
    "cli.need_scenario": (
        "donner au moins un --scenario ou un --scenario-file",
        "give at least one --scenario or --scenario-file",
    ),
    "cli.need_territory": (
        "donner au moins un --territory ou un --select",
        "give at least one --territory or --select",
    ),
    "cli.census_one": (
        "--census ne s'applique qu'à un seul territoire",
        "--census applies to one territory only",
    ),
    "cli.schedules_one": (
        "--export-schedules ne s'applique qu'à un seul territoire et un seul scénario",
        "--export-schedules applies to one territory and one scenario only",
    ),
    "cli.workers_scheduler": (
        "--workers règle le cluster local ; pas avec --scheduler",
        "--workers sets the local cluster; not with --scheduler",
    ),
    "cli.run_one": ("{code}, {id}, empreinte {hash}", "{code}, {id}, hash {hash}"),
    "cli.run_many": (
        "{codes} territoires × {scenarios} scénarios",
        "{codes} territories × {scenarios} scenarios",
    ),
    "cli.local_components": (
        "composantes locales (rapport au département) : fécondité × {fertility}, mortalité × "
        "{mortality} (naissances {births} / attendues {expected_births}, décès {deaths} / "
        "attendus {expected_deaths} en 2022, estimation bayésienne empirique Poisson–gamma), "
        "migrations nettes {migration} ‰ par an de plus que le département (résidu 2015–2021) ; "
        "projection calée sur le département",
        "local components (relative to the département): fertility × {fertility}, mortality "
        "× {mortality} (births {births} / expected {expected_births}, deaths {deaths} / "
        "expected {expected_deaths} in 2022, Poisson–gamma empirical Bayes), net migration "
        "{migration} per 1,000 a year above the département (2015–2021 residual); projection "
        "raked to the département",
    ),
    "cli.run_done": (
        "{file} : {rows} lignes ({what}, structure de base : {structure})",
        "{file}: {rows} rows ({what}, base structure: {structure})",
    ),
    "cli.schedules_done": (
        "{folder} : calendriers de {code} écrits ; « prospectif run --territory {code} "
        "--scenario-file {file} » reproduit ce calcul",
        "{folder}: schedules of {code} written; “prospectif run --territory {code} "
        "--scenario-file {file}” reproduces this run",
    ),
    "cli.batch_done": (
        "{runs} calculs : {ok} réussis ({reused} repris d'avant), {failed} en échec",
        "{runs} runs: {ok} ok ({reused} kept from before), {failed} failed",
    ),
    "cli.run_failed": ("échec : {id} : {error}", "failed: {id}: {error}"),
    "cli.input_changed": ("entrée {what} : {a} -> {b}", "input {what}: {a} -> {b}"),
    "cli.moved": (
        "{moved} indicateurs sur {total} modifiés, ajoutés ou retirés",
        "{moved} of {total} indicators changed, added or removed",
    ),
    "cannot_read": ("{file} : lecture impossible : {reason}", "{file}: cannot read: {reason}"),
}
