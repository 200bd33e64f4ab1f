from pathlib import Path

import pytest
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.errors import ScenarioError
from prospectif.scenario import (
    Scenario,
    compose,
    list_presets,
    load_preset,
    load_scenario_file,
    save_scenario,
    scenario_from_dict,
    scenario_from_file,
    scenario_from_presets,
)
from prospectif.scenario.docs import assumptions_markdown

ROOT = Path(__file__).resolve().parents[2]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("scenario_id", list_presets())
def test_every_preset_loads_and_matches_its_file_name(scenario_id):
    scenario = load_preset(scenario_id)
    assert scenario.id == scenario_id
    assert scenario.label.fr


def test_insee_central_holds_the_published_assumptions():
    demo = load_preset("insee-central").demography
    assert demo.fertility.tfr_target == 1.8
    assert (demo.mortality.e0_female_target, demo.mortality.e0_male_target) == (90.0, 87.5)
    assert demo.mortality.target_year == 2070
    assert demo.migration.france_net_total == 70_000


def test_extends_inherits_and_overrides_key_by_key(tmp_path):
    write(
        tmp_path,
        "base.yaml",
        "id: base\nlabel: {fr: Base}\nhorizon: 2060\n"
        "demography:\n  fertility: {tfr_target: 1.7, tfr_target_year: 2040}\n",
    )
    child = load_scenario_file(
        write(
            tmp_path,
            "child.yaml",
            "id: child\nlabel: {fr: Enfant}\nextends: base\n"
            "demography:\n  fertility: {tfr_target: 2.0}\n",
        )
    )
    assert child.horizon == 2060
    assert child.demography.fertility.tfr_target == 2.0
    assert child.demography.fertility.tfr_target_year == 2040
    assert child.extends == ("base",)


def test_extends_list_applies_in_order_later_wins(tmp_path):
    write(tmp_path, "a.yaml", "id: a\nlabel: {fr: A}\nhorizon: 2050\n")
    write(
        tmp_path,
        "b.yaml",
        "id: b\nlabel: {fr: B}\nhorizon: 2060\ndemography: {migration: {internal_scale: 0.5}}\n",
    )
    both = load_scenario_file(write(tmp_path, "c.yaml", "id: c\nlabel: {fr: C}\nextends: [a, b]\n"))
    assert both.horizon == 2060 and both.demography.migration.internal_scale == 0.5
    assert compose(["b", "a"], folder=tmp_path).horizon == 2050


def test_circular_extends_is_reported(tmp_path):
    write(tmp_path, "a.yaml", "id: a\nlabel: {fr: A}\nextends: b\n")
    write(tmp_path, "b.yaml", "id: b\nlabel: {fr: B}\nextends: a\n")
    with pytest.raises(ScenarioError, match=r"extends circulaire : a -> b -> a"):
        load_scenario_file(tmp_path / "a.yaml")


def test_missing_parent_names_the_folders_searched(tmp_path):
    path = write(tmp_path, "a.yaml", "id: a\nlabel: {fr: A}\nextends: nowhere\n")
    with pytest.raises(ScenarioError, match=r"a.yaml : extends « nowhere », introuvable dans"):
        load_scenario_file(path)


def test_all_problems_are_reported_at_once_one_line_each(tmp_path):
    path = write(
        tmp_path,
        "bad.yaml",
        "id: bad\nlabel: {fr: x}\nhorizon: 2200\n"
        "demography:\n  fertility: {tfr_target: 5.2}\n  migration: {colour: red}\n",
    )
    with pytest.raises(ScenarioError, match=r"horizon = 2200 : trop grand") as caught:
        load_scenario_file(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"{path} : ") for line in lines)
    assert "horizon = 2200 : trop grand ; plage admise 2026 à 2100 année" in lines[0]
    assert "demography.fertility.tfr_target = 5.2 : trop grand ; plage admise 0.8 à 3.5" in lines[1]
    assert "demography.migration.colour : clé inconnue ; clés admises ici : " in lines[2]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: a\nlabel: {fr: x}\nhorizon: .inf\n", r"horizon = inf : nombre non fini"),
        (
            "id: a\nlabel: {fr: x}\ndemography: {mortality: {e0_male_target: .nan}}\n",
            r"e0_male_target = nan : nombre non fini ; plage admise 70 à 100",
        ),
        (
            "id: a\nlabel: {fr: x}\ndemography: {migration: {mode: flows}}\n",
            r"mode = 'flows' : invalide ; valeurs admises 'counts', 'rates'",
        ),
        ("id: a\nlabel: {fr: x}\nhorizon: soon\n", r"horizon = 'soon' : invalide"),
        ("id: A/../b\nlabel: {fr: x}\n", r"id = 'A/../b' : invalide"),
        ("label: {fr: x}\nx: &a [1]\ny: *a\n", r"les alias YAML \(\*nom\) ne sont pas acceptés"),
        ("id: a\nlabel: [unclosed\n", r"YAML invalide ligne 3"),
        ("- just\n- a list\n", r"doit être une table"),
        ("id: a\n", r"label : manquant \(obligatoire\)"),
        (
            "id: a\nlabel: {fr: x}\nextends: ../etc/passwd\n",
            r"extends '../etc/passwd' invalide",
        ),
    ],
)
def test_malformed_files_give_one_clear_line(tmp_path, text, message):
    with pytest.raises(ScenarioError, match=message):
        load_scenario_file(write(tmp_path, "a.yaml", text))


def test_oversized_and_non_utf8_files_are_refused(tmp_path):
    big = write(tmp_path, "big.yaml", "id: a\nlabel: {fr: x}\n" + "#" * 300_000)
    with pytest.raises(ScenarioError, match="fichier trop grand"):
        load_scenario_file(big)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("id: a\nlabel: {fr: Saône}\n".encode("latin-1"))
    with pytest.raises(ScenarioError, match="texte non UTF-8"):
        load_scenario_file(latin)


def test_hash_ignores_identity_and_follows_assumptions():
    base = load_preset("insee-central")
    renamed = base.with_values({}, id="autre", label={"fr": "Autre"})
    changed = base.with_values({"demography.fertility.tfr_target": 1.9})
    assert renamed.hash == base.hash
    assert changed.hash != base.hash
    assert len(base.hash) == 16


def test_save_then_load_round_trips_values_and_hash(tmp_path):
    variant = load_preset("insee-central").with_values(
        {"demography.migration.internal_scale": 0.4}, id="variante-1", label={"fr": "Variante"}
    )
    loaded = load_scenario_file(save_scenario(variant, tmp_path / "variante-1.yaml"))
    assert loaded == variant and loaded.hash == variant.hash


def test_scenarios_are_immutable():
    scenario = load_preset("insee-central")
    with pytest.raises(Exception, match="frozen"):
        scenario.horizon = 2050


def test_unknown_preset_lists_the_available_ones():
    with pytest.raises(ScenarioError, match=r"« nope » inconnu ; disponibles : .*insee-central"):
        load_preset("nope")


def test_dict_scenarios_are_validated_the_same_way():
    with pytest.raises(ScenarioError, match=r"<url> : horizon = 1999 : trop petit"):
        scenario_from_dict({"id": "x", "label": {"fr": "x"}, "horizon": 1999}, "<url>")
    assert isinstance(scenario_from_dict({"id": "x", "label": {"fr": "x"}}), Scenario)


def test_cli_validate_prints_three_errors_and_fails(tmp_path):
    path = write(
        tmp_path,
        "trois.yaml",
        "id: trois\nlabel: {fr: Trois erreurs}\n"
        "horizon: 2150\ndemography:\n  fertility: {tfr_target: 9}\n"
        "  mortality: {territorial_differential: 2}\n",
    )
    result = CliRunner().invoke(main, ["scenarios", "validate", str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 3
    assert "horizon" in lines[0] and "plage admise 2026 à 2100" in lines[0]
    assert "tfr_target" in lines[1] and "plage admise 0.8 à 3.5" in lines[1]
    assert "territorial_differential" in lines[2] and "plage admise 0 à 1" in lines[2]


def test_cli_validate_accepts_presets():
    files = [str(p) for p in sorted((ROOT / "scenarios").glob("*.yaml"))]
    result = CliRunner().invoke(main, ["scenarios", "validate", *files])
    assert result.exit_code == 0, result.output


def test_assumptions_reference_page_is_up_to_date():
    page = (ROOT / "docs" / "assumptions.md").read_text(encoding="utf-8")
    assert page == assumptions_markdown(), "run `make docs` to regenerate docs/assumptions.md"


def test_preset_ids_and_files_are_named_by_the_function_never_guessed(tmp_path):
    composed = scenario_from_presets("tendanciel,insee-migration-haute", 2040)
    assert composed.horizon == 2040 and composed.extends == ("tendanciel", "insee-migration-haute")
    path = write(tmp_path, "v.yaml", "extends: [tendanciel]\nlabel: {fr: V}\n")
    assert scenario_from_file(path, 2060).horizon == 2060
    with pytest.raises(ScenarioError, match="invalide"):
        scenario_from_presets(str(path), 2040)
    with pytest.raises(ScenarioError, match="tendanciel : fichier introuvable"):
        scenario_from_file(tmp_path / "tendanciel", 2040)
