"""Messages about runs: batches and snapshots, the data set, census tables, travel surveys,
territories, results, verdicts, the server and the models.
"""

CATALOGUE: dict[str, tuple[str, str]] = {
    # batches and snapshots
    "batch.kernel_reset": (
        "le noyau de calcul n'a pas pu être remis dans son état de départ ({error}) : il est "
        "remplacé",
        "the kernel could not be put back in its starting state ({error}): it is replaced",
    ),
    "batch.no_baseline": (
        "aucun état de départ n'a été enregistré dans ce noyau de calcul",
        "no starting state was recorded in this kernel",
    ),
    "batch.not_mapping": (
        "{file} : un fichier de lot doit être une table de clés et de valeurs",
        "{file}: a batch file must be a mapping of keys to values",
    ),
    "batch.unknown_dashboard": (
        "{key} = {value} : tableau de bord inconnu ; disponibles : {allowed}",
        "{key} = {value}: unknown dashboard; available: {allowed}",
    ),
    "batch.compare_unknown": (
        "{key} = {value} : ce scénario n'est pas un des scénarios du lot ; scénarios du lot : "
        "{allowed}",
        "{key} = {value}: not one of the batch's scenarios; the batch's scenarios: {allowed}",
    ),
    "batch.compare_count": (
        "compare : de 2 à 4 scénarios à comparer sont attendus ({count} donné)",
        "compare: 2 to 4 scenarios to compare are expected ({count} given)",
    ),
    "batch.empty": (
        "{key} = {value} : vide ; en donner au moins {min_length}",
        "{key} = {value}: empty; give at least {min_length} entry",
    ),
    "batch.selector_kind": (
        "sélecteur {text!r} : type {value!r} inconnu ; utiliser {allowed}",
        "selector {text!r}: unknown kind {value!r}; use {allowed}",
    ),
    "batch.selector_order": (
        "sélecteur {kind} de {of} : {of} doit être un territoire plus grand que {kind}",
        "selector {kind} of {of}: {of} must be a larger territory than {kind}",
    ),
    "batch.selector_empty": (
        "sélecteur {kind} de {of} : aucun territoire sélectionné",
        "selector {kind} of {of}: selects no territory",
    ),
    "batch.same_id": (
        "scenarios : {a} et {b} ont le même identifiant {id!r} ; leur donner des identifiants "
        "distincts (un dossier de calcul par scénario)",
        "scenarios: {a} and {b} have the same id {id!r}; give them distinct ids "
        "(one run folder per scenario)",
    ),
    "batch.no_match": (
        "aucun fichier de scénario ne correspond (cherché dans {folder})",
        "no scenario file matches (looked in {folder})",
    ),
    "batch.results_unreadable": (
        "{folder} : lecture de {file} impossible ({reason})",
        "{folder}: cannot read {file} ({reason})",
    ),
    "batch.vintage": (
        "millésime {value!r} invalide : utiliser des lettres, des chiffres, '.', '_' et '-' "
        "(p. ex. 2026-11-23)",
        "vintage {value!r} is not valid: use letters, digits, '.', '_' and '-' (e.g. 2026-11-23)",
    ),
    "batch.snapshot_folder": (
        "impossible de créer le dossier d'instantané {folder} : {reason}",
        "cannot create the snapshot folder {folder}: {reason}",
    ),
    "batch.scheduler": (
        "ordonnanceur Dask {address} injoignable : {reason}",
        "cannot reach the Dask scheduler {address}: {reason}",
    ),
    "report.no_chromium": (
        "impossible de lancer Chromium ({path}) pour imprimer les rapports : {reason} ; "
        "l'installer avec `make browser` (scripts/ensure-chromium.sh) ou donner son chemin "
        "dans PROSPECTIF_CHROMIUM",
        "cannot start Chromium ({path}) to print the reports: {reason}; install it with "
        "`make browser` (scripts/ensure-chromium.sh) or give its path in PROSPECTIF_CHROMIUM",
    ),
    "report.overflow": (
        "le rapport {file} déborde de sa page A4 (page(s) {pages}) : raccourcir la section",
        "the report {file} overflows its A4 page (page(s) {pages}): shorten the section",
    ),
    "report.print_failed": (
        "impression du rapport {file} impossible : {reason}",
        "cannot print the report {file}: {reason}",
    ),
    "batch.locked": (
        "{folder} est en cours d'écriture par un autre lot ; attendre sa fin",
        "{folder} is being written by another batch; wait for it to end",
    ),
    "batch.not_snapshot": (
        "{folder} : pas un instantané (pas de {file})",
        "{folder}: not a snapshot (no {file})",
    ),
    "batch.manifest_unreadable": (
        "{file} : manifeste illisible ({reason})",
        "{file}: unreadable manifest ({reason})",
    ),
    "batch.not_manifest": (
        "{file} : pas un manifeste d'instantané Prospectif ({format})",
        "{file}: not a Prospectif snapshot manifest ({format})",
    ),
    # data set
    "data.rebuild_hint": (
        "le reconstruire avec `make data` (ou `prospectif data build --raw <dossier brut>`)",
        "rebuild it with `make data` (or `prospectif data build --raw <raw folder>`)",
    ),
    "data.unreadable": (
        "lecture du jeu de données impossible : {reason} ; {hint}",
        "cannot read the data set: {reason}; {hint}",
    ),
    "data.catalogue_missing": (
        "catalogue de données {file} introuvable : {hint}",
        "data catalogue {file} is missing: {hint}",
    ),
    "data.catalogue_corrupted": (
        "catalogue de données {file} corrompu ({reason}) : {hint}",
        "data catalogue {file} is corrupted ({reason}): {hint}",
    ),
    "data.table_missing": (
        "table de données {file} introuvable : {hint}",
        "data table {file} is missing: {hint}",
    ),
    "data.table_corrupted": (
        "table de données {file} corrompue ({reason}) : {hint}",
        "data table {file} is corrupted ({reason}): {hint}",
    ),
    "data.unknown_table": (
        "table de données {value!r} inconnue ; tables connues : {allowed}",
        "unknown data table {value!r}; known tables: {allowed}",
    ),
    "value.not_number": (
        "{key} = {value} : pas un nombre ; {allowed}",
        "{key} = {value}: not a number; {allowed}",
    ),
    "value.negative": (
        "{key} = {value} : négatif ; {allowed}",
        "{key} = {value}: negative; {allowed}",
    ),
    # census tables
    "census.no_codgeo": (
        "{file} : pas de colonne CODGEO (trouvées : {found}) ; la présentation INSEE "
        "'base-cc-evol-struct-pop' est attendue, séparateurs ';' ou ','",
        "{file}: no CODGEO column (found: {found}); expected the INSEE layout "
        "'base-cc-evol-struct-pop' with ';' or ',' separators",
    ),
    "census.no_counts": (
        "{file} : pas de colonnes d'effectifs du recensement comme P21_F0014 ou P21_H90P",
        "{file}: no census count columns like P21_F0014 or P21_H90P",
    ),
    "census.missing_columns": (
        "{file} : colonnes manquantes {columns}",
        "{file}: missing columns {columns}",
    ),
    "census.no_rows": (
        "{file} : aucune ligne de commune sous l'en-tête",
        "{file}: no commune rows under the header",
    ),
    "census.bad_codes": (
        "{file} : codes de commune invalides dans CODGEO, p. ex. {value!r}",
        "{file}: invalid commune codes in CODGEO, e.g. {value!r}",
    ),
    "census.bad_count": (
        "{file} : {key} de la commune {commune} vaut {value!r} ; "
        "un nombre de personnes positif ou nul est attendu",
        "{file}: {key} of commune {commune} is {value!r}; "
        "expected a non-negative number of persons",
    ),
    "census.not_utf8": (
        "{file} : texte non UTF-8 ; enregistrer le fichier en UTF-8 (CSV UTF-8)",
        "{file}: not UTF-8 text; save the file as UTF-8 (CSV UTF-8)",
    ),
    "census.not_csv": (
        "{file} : table CSV illisible ({reason})",
        "{file}: not a readable CSV table ({reason})",
    ),
    "census.absent": (
        "la table du recensement n'a pas de ligne pour les communes {communes}",
        "census table has no row for communes {communes}",
    ),
    # travel surveys
    "survey.format": (
        "{file} : format d'enquête {value!r} inconnu ; utiliser {allowed}",
        "{file}: unknown survey format {value!r}; use {allowed}",
    ),
    "survey.columns": (
        "{file} : les colonnes {columns} sont attendues en première ligne",
        "{file}: expected the columns {columns} on the first line",
    ),
    "survey.twice_mode": (
        "{file} : ligne {line} : {key} pour {mode!r} donné deux fois",
        "{file}: line {line}: {key} for {mode!r} given twice",
    ),
    "survey.twice": (
        "{file} : ligne {line} : {key} donné deux fois",
        "{file}: line {line}: {key} given twice",
    ),
    "survey.not_mapping": (
        "{file} : un fichier d'enquête doit être une table de clés et de valeurs",
        "{file}: a survey file must be a mapping of keys to values",
    ),
    "survey.format_version": (
        "{key} = {value} : invalide ; {expected!r} est attendu",
        "{key} = {value}: invalid; expected {expected!r}",
    ),
    "survey.year": (
        "{key} = {value} : invalide ; plage admise {low} à {high} (entier)",
        "{key} = {value}: invalid; allowed range {low} to {high} (integer)",
    ),
    "survey.shares_sum": (
        "mode_shares : somme = {total:g} : invalide ; les parts des {modes} modes doivent "
        "faire 1 (± {tolerance:g})",
        "mode_shares: sum = {total:g}: invalid; the shares of the {modes} modes must sum to 1 "
        "(± {tolerance:g})",
    ),
    "survey.modes_missing": (
        "{key} : manquant (obligatoire ; modes {allowed})",
        "{key}: missing (required; modes {allowed})",
    ),
    "survey.not_modes": (
        "{key} = {value} : invalide ; une table des modes vers leurs valeurs est attendue",
        "{key} = {value}: invalid; expected a mapping of mode to value",
    ),
    "survey.unknown_mode": (
        "{key} : mode inconnu ; modes admis : {allowed}",
        "{key}: unknown mode; allowed modes: {allowed}",
    ),
    "survey.some_modes_missing": (
        "{key} : modes manquants {modes} (donner 0 pour un mode non utilisé)",
        "{key}: missing modes {modes} (give 0 for an unused mode)",
    ),
    # territories
    "territory.not_text": (
        "le code de territoire doit être un texte, reçu {value!r}",
        "territory code must be text, got {value!r}",
    ),
    "territory.unknown": (
        "code de territoire {value!r} inconnu{close} (formats : FR, FR-METRO, REG-27, DEP-71, "
        "EPCI-200070308, COM-71270, PER-<id> ; chercher par nom avec "
        "`prospectif territories search`)",
        "unknown territory code {value!r}{close} (formats: FR, FR-METRO, REG-27, DEP-71, "
        "EPCI-200070308, COM-71270, PER-<id>; search by name with `prospectif territories search`)",
    ),
    "territory.closest": (" ; codes les plus proches : {codes}", "; closest codes: {codes}"),
    "territory.perimeter_code": (
        "code de périmètre {value!r} invalide : utiliser PER- et un identifiant en minuscules",
        "invalid perimeter code {value!r}: use PER- and a lower-case id",
    ),
    "territory.perimeter_missing": (
        "périmètre {value!r} : fichier {file} introuvable",
        "perimeter {value!r}: file {file} not found",
    ),
    "territory.perimeter_keys": (
        "{file} : les clés 'name' (texte) et 'communes' (liste de codes) sont attendues",
        "{file}: expected keys 'name' (text) and 'communes' (list of codes)",
    ),
    "territory.perimeter_communes": (
        "{file} : 'communes' doit être une liste non vide de codes de commune INSEE",
        "{file}: 'communes' must be a non-empty list of INSEE commune codes",
    ),
    "territory.unknown_communes": (
        "{file} : codes de commune inconnus : {codes}",
        "{file}: unknown commune codes: {codes}",
    ),
    "territory.no_outline": (
        "{code} : les contours des communes ne sont pas embarqués (seulement départements, "
        "régions, EPCI)",
        "{code}: commune outlines are not embedded (only départements, régions, EPCI)",
    ),
    "territory.level": (
        "pas de niveau de géométrie {value!r} : utiliser {allowed}",
        "no geometry level {value!r}: use {allowed}",
    ),
    # results
    "results.format": (
        "{file} : format de résultats {value!r} inconnu ; utiliser {allowed}",
        "{file}: unknown results format {value!r}; use {allowed}",
    ),
    "results.one_side": (
        "lignes présentes d'un seul côté :\n{rows}",
        "rows present on one side only:\n{rows}",
    ),
    "results.missing": (
        "la table de résultats n'a pas {variable} en {year}",
        "the results table has no {variable} in {year}",
    ),
    "results.differ": ("{count} valeurs diffèrent :\n{rows}", "{count} values differ:\n{rows}"),
    # verdicts (results.verdicts)
    "verdict.missing": (
        "verdict impossible : la variable {variable} manque dans les résultats",
        "no verdict: variable {variable} is missing from the results",
    ),
    "verdict.year": (
        "verdict impossible : {variable} n'est pas projetée en {year}",
        "no verdict: {variable} is not projected in {year}",
    ),
    "verdict.sentence": (
        "{indicator} {year} : {value} {unit} ; {target_name} : {target} {unit} ; "
        "écart {gap} {gap_unit} ({gap_pct} %) — {status}{reached}",
        "{indicator} {year}: {value} {unit}; {target_name}: {target} {unit}; "
        "gap {gap} {gap_unit} ({gap_pct}%) — {status}{reached}",
    ),
    "verdict.gap_pct": ("écart {gap} %", "gap {gap}%"),
    "verdict.met": ("objectif atteint", "target met"),
    "verdict.missed": ("objectif manqué", "target missed"),
    "verdict.word.met": ("atteint", "met"),
    "verdict.word.missed": ("manqué", "missed"),
    "verdict.reached": (" dès {year}", " from {year}"),
    "verdict.reached_later": (" (atteint en {year})", " (met in {year})"),
    "verdict.never": (" (non atteint d'ici {year})", " (not met by {year})"),
    "verdict.emissions": ("Émissions", "Emissions"),
    "verdict.energy": ("Énergie finale", "Final energy"),
    "verdict.coverage": ("Couverture renouvelable", "Renewable coverage"),
    "verdict.places": ("Places en établissement nécessaires", "Care-home places needed"),
    "verdict.workforce": ("Personnel d'aide et de soin nécessaire", "Care workforce needed"),
    "verdict.target.snbc": ("objectif SNBC", "SNBC target"),
    "verdict.target.energy": ("objectif de la loi énergie-climat", "energy-climate law target"),
    "verdict.target.scenario": ("objectif du scénario", "scenario target"),
    "verdict.target.places": ("places aujourd'hui", "places today"),
    "verdict.target.workforce": ("effectif de l'année de base", "base-year workforce"),
    "verdict.unit.kt": ("kt CO2e", "kt CO2e"),
    "verdict.unit.gwh": ("GWh", "GWh"),
    "verdict.unit.percent": ("%", "%"),
    "verdict.unit.points": ("points", "points"),
    "verdict.unit.places": ("places", "places"),
    "verdict.unit.fte": ("ETP", "FTE"),
    "verdict.source.emissions": (
        "Inventaire complet du territoire (tous secteurs et gaz, estimé à partir de l'inventaire "
        "national Citepa Secten 2025, docs/methodology/ghg-inventory.md) face à la trajectoire "
        "SNBC sur le même périmètre brut : −50 % par rapport à 1990 en 2030 (projet de 3e SNBC, "
        "vie-publique.fr, déc. 2025), émissions brutes de 1990 divisées par 6 en 2050 (Code de "
        "l'énergie, art. L100-4) ; 1990 estimé avec le rapport national 551,4 (CCNUCC, 1990) / "
        "422,4 MtCO2e (Citepa, 2021)",
        "The territory's whole inventory (every sector and gas, estimated from the national "
        "Citepa Secten 2025 inventory, docs/methodology/ghg-inventory.md) against the SNBC "
        "trajectory on the same gross scope: −50% on 1990 in 2030 (draft third SNBC, "
        "vie-publique.fr, Dec. 2025), 1990 gross emissions divided by 6 in 2050 (Code de "
        "l'énergie, art. L100-4); 1990 estimated with the national ratio 551.4 (UNFCCC, 1990) / "
        "422.4 MtCO2e (Citepa, 2021)",
    ),
    "verdict.source.energy": (
        "Énergie finale : −20 % en 2030 et −50 % en 2050 par rapport à 2012 (Code de "
        "l'énergie, art. L100-4, loi énergie-climat 2019) ; 2012 estimé avec l'évolution "
        "nationale 2012-2021 (−4,4 %, SDES)",
        "Final energy: −20% in 2030 and −50% in 2050 on 2012 (Code de l'énergie, art. L100-4, "
        "energy-climate law 2019); 2012 estimated with the national change 2012-2021 (−4.4%, "
        "SDES)",
    ),
    "verdict.source.coverage": (
        "Couverture renouvelable (production locale / énergie finale) face à l'objectif du "
        "scénario (energy.renewables.coverage_target, par défaut 33 % en 2030 : Code de "
        "l'énergie, art. L100-4, I, 4°, part nationale dans la consommation finale brute)",
        "Renewable coverage (local production / final energy) against the scenario's target "
        "(energy.renewables.coverage_target, by default 33% in 2030: Code de l'énergie, art. "
        "L100-4, I, 4°, national share of gross final consumption)",
    ),
    "verdict.source.places": (
        "Places en établissement nécessaires en 2050 face aux places estimées aujourd'hui "
        "(enquête EHPA 2023, DREES ; docs/methodology/ageing.md) : l'écart est à créer",
        "Care-home places needed in 2050 against the places estimated today (EHPA survey "
        "2023, DREES; docs/methodology/ageing.md): the gap is to be built",
    ),
    "verdict.source.workforce": (
        "Personnel d'aide et de soin nécessaire en 2050 face à celui de l'année de base "
        "(1 607 h par ETP, Code du travail ; 57 ETP pour 100 places, DREES) : l'écart est à "
        "recruter",
        "Care workforce needed in 2050 against the base year's (1,607 h per FTE, Code du "
        "travail; 57 FTE per 100 places, DREES): the gap is to be recruited",
    ),
    # server
    "serve.preheat": (
        "{value!r} : DASHBOARD=NOMBRE est attendu, p. ex. demographie=20",
        "{value!r}: expected DASHBOARD=COUNT, e.g. demographie=20",
    ),
    # models
    "model.year": (
        "l'année {value} n'est pas projetée ; choisir de {low} à {high}",
        "year {value} is not projected; choose from {low} to {high}",
    ),
    "model.years_from": (
        "les années doivent se suivre et commencer en {first}, reçu {value}",
        "years must be consecutive and start at {first}, got {value}",
    ),
    "model.years_after": (
        "les années doivent se suivre, à partir de {first} ou après ; reçu {value}",
        "years must be consecutive, from {first} or later; got {value}",
    ),
    "model.shape": (
        "{name} a la forme {shape} ; {expected} est attendu",
        "{name} has shape {shape}; expected {expected}",
    ),
    "model.draws": (
        "il faut au moins un tirage et une année de projection ; reçu {draws} tirages "
        "et {steps} années",
        "at least one draw and one projected year are needed; got {draws} draws and {steps} years",
    ),
    "model.keys": (
        "il manque {missing} dans {name} ; clés attendues : {allowed}",
        "{name} lacks {missing}; expected keys: {allowed}",
    ),
    "model.open_age": (
        "la table de mortalité doit aller au-delà de l'âge ouvert {age}",
        "life table must extend beyond the open age {age}",
    ),
    "model.e0_target": (
        "cible d'espérance de vie {value} hors de la plage atteignable",
        "life expectancy target {value} outside the reachable range",
    ),
    "model.no_population": (
        "aucune population pour pondérer les types de densité",
        "no population to weight the density types",
    ),
    "model.prevalence_convergence": (
        "les courbes de prévalence n'ont pas convergé en {iterations} itérations",
        "prevalence curves did not converge in {iterations} iterations",
    ),
    "model.factors_convergence": (
        "les facteurs de calage n'ont pas convergé en {iterations} itérations",
        "calibration factors did not converge in {iterations} iterations",
    ),
    "model.apa_groups": (
        "apa_prevalence : groupes manquants pour {year}",
        "apa_prevalence: missing groups for {year}",
    ),
    "model.departements": (
        "{code} : les départements {codes} ne sont pas dans les données",
        "{code}: départements {codes} are not in the data",
    ),
    "mobility.shares_fit": (
        "les parts modales ne peuvent pas être ajustées à {value}",
        "mode shares cannot be fitted to {value}",
    ),
    "mobility.negative_shares": (
        "les repères nationaux de mobilité donnent des parts modales négatives par type de densité",
        "national mobility anchors give negative mode shares by density type",
    ),
    "mobility.fleet_ages": (
        "le parc automobile {year} ne peut pas être réparti par âge",
        "the {year} car fleet cannot be spread over ages",
    ),
    "mobility.survey_trips": (
        "{file} : trips_per_person = {value:g} est inférieur aux seuls trajets domicile-travail "
        "des actifs du territoire ({commute:.2f} déplacements par personne et par jour)",
        "{file}: trips_per_person = {value:g} is below the commuting of the territory's "
        "workers alone ({commute:.2f} trips per person per day)",
    ),
    # batch safety: verified snapshots, inputs refused, progress
    "file.not_regular": (
        "{file} : pas un fichier ordinaire (dossier, tube ou périphérique) ; "
        "donner le chemin d'un fichier",
        "{file}: not a regular file (folder, pipe or device); give the path of a file",
    ),
    "yaml.duplicate_key": (
        "clé {key!r} donnée deux fois, lignes {first} et {line} ; n'en garder qu'une",
        "key {key!r} given twice, lines {first} and {line}; keep only one",
    ),
    "census.no_population": (
        "{file} : 0 habitant pour les communes {communes} ; "
        "une population positive est attendue pour chaque territoire",
        "{file}: 0 inhabitants for the communes {communes}; "
        "a positive population is expected for every territory",
    ),
    "territory.no_population": (
        "{codes} : aucune population dans les données, impossible à projeter ; "
        "choisir des territoires peuplés",
        "{codes}: no population in the data, cannot be projected; choose populated territories",
    ),
    "batch.bar": (
        "{ok} réussis, {failed} en échec, {left} restants, fin vers {end}",
        "{ok} ok, {failed} failed, {left} left, ending about {end}",
    ),
    "batch.file_missing": ("{file} : fichier absent", "{file}: file missing"),
    "batch.file_size": (
        "{file} : {size} octets au lieu de {expected} (fichier tronqué ou modifié)",
        "{file}: {size} bytes instead of {expected} (file truncated or altered)",
    ),
    "batch.file_altered": (
        "{file} : contenu modifié (empreinte SHA-256 différente de celle du manifeste)",
        "{file}: content altered (SHA-256 differs from the manifest's)",
    ),
    "batch.run_damaged": (
        "{file} : résultats illisibles ({reason}) ; relancer avec --resume",
        "{file}: results unreadable ({reason}); run again with --resume",
    ),
    "batch.output_unreadable": (
        "{file} : relecture impossible après écriture ({reason})",
        "{file}: cannot be read back after writing ({reason})",
    ),
    "batch.not_complete": (
        "{file} : millésime de statut {status!r}, pas 'complete'",
        "{file}: snapshot status is {status!r}, not 'complete'",
    ),
    "batch.no_digests": (
        "{file} : aucune empreinte enregistrée pour {what}",
        "{file}: no digest recorded for {what}",
    ),
    "cli.batch_too_many": (
        "ce lot compte {runs} exécutions, plus que la limite de {limit} : relancer avec "
        "--yes, ou --max-runs N (N ≥ {runs})",
        "this batch has {runs} runs, over the limit of {limit}: run again with --yes, "
        "or --max-runs N (N ≥ {runs})",
    ),
    "batch.verified": (
        "{folder} : millésime vérifié ({runs} exécutions)",
        "{folder}: snapshot verified ({runs} runs)",
    ),
}
