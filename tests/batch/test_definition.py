"""Batch files: validation messages, selectors, scenario files and globs, fuzzing."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prospectif.batch import BatchError, load_batch, parse_batch, select
from prospectif.batch.definition import parse_selector
from prospectif.errors import ProspectifError
from prospectif.scenario import scenario_from_file, scenario_from_presets
from prospectif.territory import children

VALID = """\
id: ok
dashboards: [demographie]
territories: [DEP-71]
scenarios: [insee-central]
horizon: 2050
"""


def parse(text: str, base: Path = Path(".")):
    return parse_batch(text, "lot.yaml", base)


def test_a_valid_file_resolves_territories_scenarios_and_notebooks(tmp_path):
    path = tmp_path / "lot.yaml"
    path.write_text(VALID, encoding="utf-8")
    batch = load_batch(path)
    assert batch.territories == {"DEP-71": "Saône-et-Loire"}
    assert [s.key for s in batch.scenarios] == ["insee-central"]
    assert batch.scenarios[0].hash == scenario_from_presets("insee-central", 2050).hash
    assert batch.notebooks["demographie"].name == "demographie.ipynb"
    assert batch.definition.horizon == 2050


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n- b\n", "lot.yaml : un fichier de lot doit être une table de clés et de valeurs"),
        (VALID.replace("dashboards", "dashbords"), "dashbords : clé inconnue ; clés admises ici :"),
        (VALID.replace("dashboards: [demographie]\n", ""), "dashboards : manquant (obligatoire)"),
        (
            VALID.replace("[demographie]", "[nope]"),
            "dashboards.0 = 'nope' : tableau de bord inconnu ; "
            "disponibles : adaptation, demographie,",
        ),
        (VALID.replace("[demographie]", "[]"), "dashboards = [] : vide ; en donner au moins 1"),
        (
            VALID.replace("2050", "2200"),
            "horizon = 2200 : trop grand ; plage admise 2026 à 2100",
        ),
        (VALID.replace("2050", "2050.5"), "horizon = 2050.5 : invalide ; un nombre entier est"),
        (VALID.replace("2050", '"2050"'), "horizon = '2050' : invalide ; un nombre entier est"),
        (VALID.replace("2050", ".nan"), "horizon = nan : invalide ; un nombre entier est attendu"),
        (
            VALID.replace("[DEP-71]", "[DEP-999]"),
            "territories.0 : code de territoire 'DEP-999' inconnu",
        ),
        (VALID.replace("[DEP-71]", "[42]"), "territories.0 = 42 : invalide ; une table de clés"),
        (
            VALID.replace("[DEP-71]", "[{selector: cantons}]"),
            "territories.0.selector = 'cantons' : invalide ; valeurs admises 'regions', "
            "'departements', 'epci', 'communes'",
        ),
        (
            VALID.replace("[DEP-71]", "[{selector: epci, sur: DEP-71}]"),
            "territories.0.sur : clé inconnue ; clés admises ici : selector, of",
        ),
        (
            VALID.replace("[DEP-71]", "[{selector: departements, of: EPCI-200070308}]"),
            "territories.0 : sélecteur departements de EPCI-200070308 : EPCI-200070308 doit être "
            "un territoire plus grand que departements",
        ),
        (
            VALID.replace("[DEP-71]", "[{selector: epci, of: DEP-93}]"),
            "territories.0 : sélecteur epci de DEP-93 : aucun territoire sélectionné",
        ),
        (
            VALID.replace("[insee-central]", "[nope]"),
            "scenarios.0 = 'nope' : scénario « nope » inconnu",
        ),
        (
            VALID.replace("[insee-central]", "['../x/*.yaml']"),
            "scenarios.0 = '../x/*.yaml' : aucun fichier de scénario ne correspond (cherché dans",
        ),
        (VALID.replace("[insee-central]", "[Insee/x]"), "invalide : utiliser des minuscules"),
        (
            VALID.replace("format", "xx") + "format: v2\n",
            "format = 'v2' : invalide ; valeurs admises",
        ),
        (
            VALID + "compare: [insee-central]\n",
            "compare : de 2 à 4 scénarios à comparer sont attendus (1 donné)",
        ),
        (
            VALID + "compare: [insee-central, sobriete]\n",
            "compare.1 = 'sobriete' : ce scénario n'est pas un des scénarios du lot ; scénarios "
            "du lot : insee-central",
        ),
        (VALID + "compare: [a, b, c, d, e]\n", "au plus 4 éléments"),
        ("a: &x [1]\nb: *x\n", "les alias YAML (*nom) ne sont pas acceptés"),
        ("a: [1\n", "lot.yaml : YAML invalide ligne"),
        ("a: " + "[" * 5000 + "]" * 5000, "lot.yaml : imbrication de plus de 32 niveaux (ligne 1)"),
        ("a: " + "9" * 5000, "Exceeds the limit (4300 digits)"),  # Python's own words, quoted
    ],
)
def test_invalid_files_give_one_clear_line_per_problem(text, message):
    with pytest.raises(BatchError, match=re.escape(message)) as info:
        parse(text)
    assert all(line.startswith("lot.yaml : ") for line in str(info.value).splitlines())


def test_every_problem_is_listed_at_once():
    text = VALID.replace("[demographie]", "[nope]").replace("[DEP-71]", "[DEP-999, DEP-998]")
    with pytest.raises(BatchError, match="^lot.yaml : dashboards.0 = 'nope'") as info:
        parse(text)
    lines = str(info.value).splitlines()
    assert len(lines) == 3
    assert [line.split(" : ")[1].strip() for line in lines] == [
        "dashboards.0 = 'nope'",
        "territories.0",
        "territories.1",
    ]


def test_a_missing_file_is_a_batch_error(tmp_path):
    with pytest.raises(BatchError, match=r"absent\.yaml : fichier introuvable"):
        load_batch(tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("kind", "of", "count"),
    [("regions", "FR", 18), ("regions", "FR-METRO", 13), ("departements", "FR", 101)],
)
def test_selectors_count_the_official_territories(kind, of, count):
    assert len(select(kind, of)) == count


def test_selectors_descend_through_children():
    assert select("epci", "DEP-71") == sorted(children("DEP-71"))
    assert select("departements", "REG-27") == sorted(children("REG-27"))
    assert select("communes", "EPCI-200070308") == sorted(children("EPCI-200070308"))
    assert parse_selector("epci:DEP-71").of == "DEP-71"
    with pytest.raises(
        BatchError, match="type 'cantons' inconnu ; utiliser regions, departements, epci, communes"
    ):
        parse_selector("cantons")


def test_selector_and_codes_merge_without_duplicates():
    text = VALID.replace("[DEP-71]", "[DEP-71, {selector: departements, of: REG-27}, DEP-21]")
    codes = list(parse(text).territories)
    assert codes[0] == "DEP-71" and len(codes) == 8 == len(set(codes))


def test_scenario_files_by_glob_relative_to_the_batch_file(tmp_path):
    variants = tmp_path / "ateliers" / "2026-11-23"
    variants.mkdir(parents=True)
    (variants / "a.yaml").write_text("label: {fr: A}\nextends: tendanciel\n", encoding="utf-8")
    (variants / "b.yaml").write_text("label: {fr: B}\nhorizon: 2060\n", encoding="utf-8")
    text = VALID.replace("[insee-central]", "[insee-central, ateliers/2026-11-23/*.yaml]")
    batch = parse(text, tmp_path)
    assert [s.key for s in batch.scenarios] == ["insee-central", "a", "b"]
    a = batch.scenarios[1]
    assert a.parameter == str(variants / "a.yaml") and a.label == "A"
    assert a.hash == scenario_from_file(variants / "a.yaml", 2050).hash
    assert a.hash != batch.scenarios[0].hash


def test_a_broken_scenario_file_does_not_stop_the_batch_but_fails_its_runs(tmp_path):
    (tmp_path / "casse.yaml").write_text(
        "label: {fr: Cassé}\ndemography: {fertility: {tfr_target: 9}}\n", encoding="utf-8"
    )
    spec = parse(VALID.replace("[insee-central]", "[casse.yaml]"), tmp_path).scenarios[0]
    assert spec.key == "casse" and spec.hash == ""
    assert "demography.fertility.tfr_target = 9 : trop grand" in spec.error


def test_two_scenarios_with_the_same_id_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "v.yaml").write_text("label: {fr: V}\n", encoding="utf-8")
    with pytest.raises(BatchError, match="ont le même identifiant 'v'"):
        parse(VALID.replace("[insee-central]", "[a/v.yaml, b/v.yaml]"), tmp_path)


# Fuzzing: whatever the file holds, loading gives a Batch or a ProspectifError, nothing else.

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["DEP-71", "insee-central", "demographie", "*.yaml", "../*.yaml", "epci"])
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12) | st.integers(), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = [
    "format",
    "id",
    "label",
    "description",
    "dashboards",
    "territories",
    "scenarios",
    "horizon",
    "compare",
]


def check_clean(text: str, base: Path) -> None:
    try:
        parse_batch(text, "fuzz.yaml", base)
    except ProspectifError as exc:
        assert str(exc).startswith("fuzz.yaml")


@FUZZ
@given(text=st.text(max_size=300))
def test_fuzz_random_text(text, tmp_path):
    check_clean(text, tmp_path)


@FUZZ
@given(document=STRUCTURES)
def test_fuzz_random_structures(document, tmp_path):
    check_clean(yaml.safe_dump(document, allow_unicode=True), tmp_path)


@FUZZ
@given(key=st.sampled_from(KEYS), value=STRUCTURES)
def test_fuzz_one_wrong_value_in_a_valid_file(key, value, tmp_path):
    document = yaml.safe_load(VALID)
    document[key] = value
    check_clean(yaml.safe_dump(document, allow_unicode=True), tmp_path)


@FUZZ
@given(
    entry=st.fixed_dictionaries(
        {"selector": SCALARS | st.sampled_from(["epci", "communes", "regions"])},
        optional={"of": SCALARS | st.sampled_from(["DEP-71", "FR", "COM-71270", "PER-x"])},
    )
)
def test_fuzz_selectors(entry, tmp_path):
    document = yaml.safe_load(VALID)
    document["territories"] = [entry]
    check_clean(yaml.safe_dump(document, allow_unicode=True), tmp_path)


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}]" + f", *{chr(97 + i)}" * 8
        for i in range(8)
    ]
    with pytest.raises(BatchError, match="alias YAML"):
        parse("\n".join(lines))


def test_non_finite_and_huge_numbers_are_refused():
    for value in (".inf", "-.inf", "1e308", str(10**100)):
        with pytest.raises(BatchError, match="horizon"):
            parse(VALID.replace("2050", value))
    assert math.isfinite(parse(VALID).definition.horizon)


@pytest.mark.parametrize("name", ["exemple", "departements"])
def test_shipped_batches_are_valid(name):
    path = Path(__file__).resolve().parents[2] / "scenarios" / "batches" / f"{name}.yaml"
    batch = load_batch(path)
    expected = {"synthese", "services", "adaptation"} if name == "exemple" else {"synthese"}
    assert set(batch.notebooks) == expected
    assert len(batch.territories) == (2 if name == "exemple" else 101)


def test_the_same_scenario_twice_is_refused_as_documented():
    with pytest.raises(BatchError, match="tendanciel et tendanciel ont le même identifiant"):
        parse(VALID.replace("[insee-central]", "[tendanciel, tendanciel]"))


def test_every_problem_of_a_definition_is_reported_in_one_go():
    text = VALID.replace(
        "[DEP-71]",
        "[{selector: epcix, of: DEP-71}, {selector: regions, of: DEP-71}, DEP-999]",
    ).replace("[demographie]", "[demographie, inconnu]")
    with pytest.raises(BatchError) as raised:
        parse(text.replace("[insee-central]", "[insee-central, inconnu]"))
    lines = str(raised.value).splitlines()
    assert len(lines) == 5, lines
    assert lines[0].startswith("lot.yaml : territories.0.selector = 'epcix' : invalide")
    assert any("dashboards.1 = 'inconnu'" in line for line in lines)
    assert any(line.startswith("lot.yaml : territories.1 : sélecteur regions") for line in lines)
    assert any("territories.2 : code de territoire 'DEP-999' inconnu" in line for line in lines)
    assert any("scenarios.1 = 'inconnu'" in line for line in lines)
