"""The message catalogue: every sentence a user sees, in French and English.

Each entry maps a message id to its French and English templates with the same named parameters
(``{file}``, ``{key}``, ``{value}``, ``{allowed}``…). :func:`message` renders one in the current
language: French unless :func:`set_language` or the ``PROSPECTIF_LANG`` environment variable says
otherwise. A parameter may itself be a :class:`Message` (rendered in the same language), a list
of them (rendered one per line, so an error listing every problem renders as a whole) or a
``{"fr": …, "en": …}`` pair (e.g. an assumption's labels).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
LANG_ENV = "PROSPECTIF_LANG"
_SETTING: dict[str, str] = {}
"""The language chosen for this process by :func:`set_language` (empty: from the environment)."""


@dataclass(frozen=True)
class Message:
    """A catalogue message id and its parameters, rendered on demand in either language."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the current language)."""
        return message(self.id, lang, **self.params)


def set_language(lang: str) -> None:
    """Choose the language of this process's messages: ``"fr"`` or ``"en"``."""
    _SETTING["lang"] = checked_language(lang)


def language() -> str:
    """The current language: set by :func:`set_language`, else ``PROSPECTIF_LANG``, else French."""
    chosen = _SETTING.get("lang") or os.environ.get(LANG_ENV, "")
    return chosen if chosen in LANGS else DEFAULT_LANG


def checked_language(lang: str) -> str:
    """``lang`` if it is a known language, else raise InputError."""
    if lang not in LANGS:
        from .errors import InputError

        raise InputError("lang.unknown", value=lang, allowed=", ".join(LANGS))
    return lang


def message(msg_id: str, lang: str | None = None, **params: object) -> str:
    """Render the catalogue message ``msg_id`` in ``lang`` (default: the current language)."""
    lang = checked_language(lang) if lang else language()
    template = CATALOGUE[msg_id][LANGS.index(lang)]
    return template.format_map({name: _shown(value, lang) for name, value in params.items()})


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        return "\n".join(v.render(lang) for v in value)
    if isinstance(value, Mapping) and set(value) == set(LANGS):
        return value[lang]
    return value


CATALOGUE: dict[str, tuple[str, str]] = {
    # general
    "lang.unknown": (
        "langue {value!r} inconnue : choisir parmi {allowed}",
        "unknown language {value!r}: use one of {allowed}",
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
        "{key} : {part!r} n'est pas une section",
        "{key}: {part!r} is not a section",
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
        "scénario {value!r} inconnu ; disponibles : {allowed}",
        "unknown scenario {value!r}; available: {allowed}",
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
        "{source} : extends {value!r}, introuvable dans {folders}",
        "{source}: extends {value!r}, not found in {folders}",
    ),
    "scenario.variant_name": (
        "nom de variante {value!r} : mettre au moins une lettre ou un chiffre",
        "variant name {value!r}: use at least one letter or digit",
    ),
    # dashboards (address parameters, modes)
    "url.too_long": (
        "adresse de plus de {limit} caractères",
        "query string longer than {limit} characters",
    ),
    "url.horizon": (
        "horizon={value!r} : une année de {low} à {high} est attendue",
        "horizon={value!r}: a year from {low} to {high} is expected",
    ),
    "url.choice": (
        "{key}={value!r} : valeurs admises {allowed}",
        "{key}={value!r}: expected one of {allowed}",
    ),
    "url.not_assumption": (
        "{key!r} n'est pas une hypothèse de scénario",
        "{key!r} is not a scenario assumption",
    ),
    "ui.mode": (
        "mode {value!r} : valeurs admises {allowed}",
        "mode {value!r}: expected one of {allowed}",
    ),
    # command line
    "cli.building": ("construction de {name}…", "building {name}…"),
    "cli.written": ("{file}  {size} Kio", "{file}  {size} KiB"),
    "cli.no_match": (
        "aucun territoire ne correspond à {value!r}",
        "no territory matches {value!r}",
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
    "cli.workers_scheduler": (
        "--workers règle le cluster local ; pas avec --scheduler",
        "--workers sets the local cluster; not with --scheduler",
    ),
    "cli.run_one": ("{code}, {id}, empreinte {hash}", "{code}, {id}, hash {hash}"),
    "cli.run_many": (
        "{codes} territoires × {scenarios} scénarios",
        "{codes} territories × {scenarios} scenarios",
    ),
    "cli.run_done": (
        "{file} : {rows} lignes ({what}, structure de base : {structure})",
        "{file}: {rows} rows ({what}, base structure: {structure})",
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
    # batches and snapshots
    "batch.not_mapping": (
        "{file} : un fichier de lot doit être une table de clés et de valeurs",
        "{file}: a batch file must be a mapping of keys to values",
    ),
    "batch.unknown_dashboard": (
        "{key} = {value} : tableau de bord inconnu ; disponibles : {allowed}",
        "{key} = {value}: unknown dashboard; available: {allowed}",
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
        "Trajectoire SNBC appliquée au territoire : −50 % par rapport à 1990 en 2030 (projet de "
        "3e SNBC, vie-publique.fr, déc. 2025), émissions brutes de 1990 divisées par 6 en 2050 "
        "(Code de l'énergie, art. L100-4) ; 1990 estimé avec le rapport national 540 / 418 "
        "MtCO2e (Citepa)",
        "SNBC trajectory applied to the territory: −50% on 1990 in 2030 (draft third SNBC, "
        "vie-publique.fr, Dec. 2025), 1990 gross emissions divided by 6 in 2050 (Code de "
        "l'énergie, art. L100-4); 1990 estimated with the national ratio 540 / 418 MtCO2e "
        "(Citepa)",
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

# ---- batch safety (issue 21): verified snapshots, inputs refused, progress -------------------
CATALOGUE.update(
    {
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
)
