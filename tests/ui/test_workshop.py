"""Issue 14, items 4, 5, 7 and 8: honest exports, variants that behave, messages, search and
presets (each test failed before its fix, unless it checks a point already right)."""

import io
import re
import stat
from dataclasses import replace
from urllib.parse import parse_qsl

import pandas as pd
import pytest
import yaml

from prospectif.messages import CATALOGUE
from prospectif.scenario import FULL_PRESETS, MODEL_SECTIONS, list_presets, preset_models
from prospectif.territory import search
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.panel import AssumptionPanel, panel_groups
from prospectif.ui.search import dashboard_presets, territory_options
from prospectif.ui.state import ViewState, parse_query
from prospectif.ui.tables import TABLE_DESCRIPTIONS
from prospectif.ui.texts import TEXTS
from prospectif.ui.units import CHOICES, UNITS

from .test_app import TFR, export_files, make_app

MIGRATION = "demography.migration.international_net"


def save(app, name, tfr=None):
    if tfr is not None:
        app.panel.sliders[TFR].value = tfr
    app.variants.name.value = name
    app.variants.save()


# -- item 4: exports --------------------------------------------------------------------------
def test_a_variant_is_exported_with_only_its_moved_values_on_their_step(presets):
    app = make_app(scenario="insee-fecondite-haute")
    for _ in range(3):
        app.panel.sliders[TFR].value += 0.01  # floating sums: 2.0300000000000002
    files = export_files(app)
    (name,) = [n for n in files if n.endswith(".yaml")]
    document = yaml.safe_load(files[name])
    assert document["demography"] == {"fertility": {"tfr_target": 2.03}}
    assert not {"ageing", "mobility", "energy"} & set(document)


def test_a_variant_named_as_a_preset_is_never_exported_under_its_name(presets):
    app = make_app(scenario="insee-central")
    save(app, "Tendanciel", tfr=1.6)
    variant = app.exported_scenario()
    assert variant.id not in list_presets() and variant.label.fr == "Tendanciel"
    assert all(not n.startswith(("tendanciel.", "insee-central.")) for n in export_files(app))


def test_csv_and_excel_name_the_variant_round_and_speak_french(presets):
    app = make_app()
    app.panel.sliders[TFR].value = 1.9
    variant = app.exported_scenario().id
    files = export_files(app)
    assert all(variant in n for n in files if not n.endswith(".yaml"))
    (french,) = [v for k, v in files.items() if k.endswith(".csv") and "intl" not in k]
    table = pd.read_csv(io.BytesIO(french), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(table.columns)[:3] == ["modèle", "scénario", "territoire"]
    assert set(table["scénario"]) == {variant}
    population = table[table["variable"] == "Population"]
    assert (
        population["libellé"].iat[0] == "Population" and population["unité"].iat[0] == "personnes"
    )
    assert all(len(str(abs(v)).replace(".", "").strip("0")) <= 6 for v in table["valeur"])
    (workbook,) = [v for k, v in files.items() if k.endswith(".xlsx")]
    sheets = pd.read_excel(io.BytesIO(workbook), sheet_name=None, engine="openpyxl")
    assert {"resultats", "variables", "meta", "hypotheses"} <= set(sheets)
    assert variant in sheets["meta"].to_string()


def test_the_english_workbook_has_english_units_and_words(presets):
    app = make_app(lang="en")
    app.panel.sliders[TFR].value = 1.9
    (workbook,) = [v for k, v in export_files(app).items() if k.endswith(".xlsx")]
    sheet = pd.read_excel(io.BytesIO(workbook), sheet_name="hypotheses", engine="openpyxl")
    assert list(sheet.columns)[:4] == ["key", "assumption", "value", "unit"]
    units = set(sheet["unit"].dropna())
    assert "children per woman" in units and "enfants par femme" not in units
    assert set(sheet["changed in the workshop"]) == {"yes", "no"}


# -- item 5: variants -------------------------------------------------------------------------
def test_saving_under_a_taken_name_asks_first(presets):
    app = make_app()
    save(app, "Essai", tfr=2.0)
    first = app.variants.store.variants["Essai"].hash
    save(app, "Essai", tfr=1.5)
    assert app.variants.store.variants["Essai"].hash == first  # not overwritten
    assert app.messages.kinds()["variant"] == "warning" and "existe déjà" in app.messages.value
    app.variants.save()
    assert app.variants.store.variants["Essai"].hash != first
    assert app.messages.kinds()["variant"] == "success"


def test_rename_and_delete_a_variant_with_its_file(presets):
    app = make_app()
    save(app, "Première", tfr=2.0)
    folder = next((presets / "ateliers").iterdir())
    app.variants.compare.value = ("Première",)
    app.variants.name.value = "Fécondité 2"
    app.variants.rename()
    assert app.variants.compare.options == ("Fécondité 2",)
    assert app.variants.compared == ("Fécondité 2",)
    assert sorted(p.name for p in folder.iterdir()) == ["fecondite-2.yaml"]
    app.variants.delete()
    assert app.variants.compare.options == () and list(folder.iterdir()) == []
    assert "supprimée" in app.messages.value


def test_a_saved_file_has_its_own_label_and_description_and_is_group_readable(presets):
    app = make_app(scenario="tendanciel")
    save(app, "Fécondité 2,0", tfr=2.0)
    (path,) = (presets / "ateliers").glob("*/*.yaml")
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["label"] == {"fr": "Fécondité 2,0", "en": ""}
    assert "Fécondité 2,0" in document["description"]["fr"]
    assert "Fécondité visée" in document["description"]["fr"]
    assert document["description"]["fr"] != yaml.safe_load(
        (presets / "tendanciel.yaml").read_text(encoding="utf-8")
    ).get("description", {}).get("fr")
    assert "Target fertility" in document["description"]["en"]
    assert document["extends"] == ["tendanciel"]
    assert path.stat().st_mode & stat.S_IRGRP


def test_variants_and_comparison_survive_the_language_switch(presets):
    app = make_app(scenario="tendanciel")
    save(app, "Fécondité 2,0", tfr=2.0)
    app._reset()
    app.panel.sliders[TFR].value = 1.5
    save(app, "Basse")
    app.variants.compare.value = ("Fécondité 2,0",)
    href = re.search(r'class="prospectif-language" href="\?([^"]+)"', app.link.value).group(1)
    query = href.replace("&amp;", "&")
    assert dict(parse_qsl(query))["lang"] == "en"
    defaults = replace(app.state, changes=(), variants=(), lang="fr")
    state, problems = parse_query(query, defaults)
    assert problems == []
    english = make_app(
        **{k: getattr(state, k) for k in ("scenario", "changes", "variants")}, lang="en"
    )
    assert english.variants.compare.options == ("Fécondité 2,0", "Basse")
    assert english.variants.compare.value == ("Fécondité 2,0",)
    assert english.variants.scenarios()["Basse"].hash == app.variants.scenarios()["Basse"].hash
    names = {t.name for t in english.grid.figures["population"].data}
    assert "Fécondité 2,0" in names


def test_a_bad_variant_in_the_address_is_explained_not_raised(presets):
    defaults = ViewState(territory="DEP-71", scenario="tendanciel", horizon=2050)
    state, problems = parse_query("variant=%7Bnope", defaults)
    assert state.variants == () and "variante « {nope » illisible" in problems[0].render("fr")
    _, problems = parse_query('variant={"name":"x","scenario":"../etc","changes":{}}', defaults)
    assert len(problems) == 1


def test_read_only_offers_the_variant_as_a_download(presets, monkeypatch):
    monkeypatch.setenv("PROSPECTIF_READ_ONLY", "1")
    app = make_app()
    save(app, "Essai", tfr=1.9)
    assert not (presets / "ateliers").exists()
    link = re.search(
        r'download="([^"]+)" href="data:application/x-yaml;base64,', app.variants.download.value
    )
    assert link and link.group(1) == "essai.yaml"
    assert "lecture seule" in app.messages.value and "Télécharger" in app.messages.value


# -- item 7: messages -------------------------------------------------------------------------
def test_messages_are_styled_by_kind_with_a_word_and_cleared_when_fixed(presets):
    app = make_app()
    app.variants.name.value = "!!!"
    app.variants.save()
    assert app.messages.kinds() == {"variant": "error"}
    assert "Erreur :" in app.messages.value and "prospectif-error" in app.messages.value
    assert (
        "nom de variante « !!! » : mettre au moins une lettre ou un chiffre" in app.messages.value
    )
    assert "use at least" not in app.messages.value and "'!!!'" not in app.messages.value
    save(app, "Bonne")
    assert app.messages.kinds() == {"variant": "success"} and "C'est fait" in app.messages.value
    app.territory_box.value = "zzzz"
    assert app.messages.kinds()["territory"] == "warning"
    app.territory_box.value = "macon"
    assert "territory" not in app.messages.kinds()


def test_ui_messages_come_from_the_catalogue_not_the_interface_texts():
    sentences = {"saved", "name_needed", "too_many", "no_result", "error", "query_problem"}
    assert not sentences & set(TEXTS["fr"])
    assert {f"ui.{s}" for s in sentences} <= set(CATALOGUE)


def test_choices_have_words_and_units_are_in_the_page_language():
    for lang in ("fr", "en"):
        panel = AssumptionPanel(MODEL_SECTIONS, lang, lambda *_: None)
        dropdowns = {k: s for k, s in panel.sliders.items() if panel.controls[k].kind == "choice"}
        assert dropdowns
        for key, dropdown in dropdowns.items():
            assert all(label != value for label, value in dropdown.options), key
        html = "".join(
            child.value
            for row in panel.children[1].children
            for box in row.children
            for child in box.children
            if hasattr(child, "value") and isinstance(child.value, str)
        )
        assert "()" not in html
    units = {c.unit for g in panel_groups(MODEL_SECTIONS, "fr") for c in g.controls} - {""}
    assert units <= set(UNITS)
    english = {c.unit for g in panel_groups(MODEL_SECTIONS, "en") for c in g.controls}
    assert not {"enfants par femme", "personnes par an", "années"} & english
    choices = {
        c.key: c.options
        for g in panel_groups(MODEL_SECTIONS)
        for c in g.controls
        if c.kind == "choice"
    }
    assert {k: set(v) for k, v in choices.items()} == {k: set(v) for k, v in CHOICES.items()}


def test_the_french_sources_panel_describes_tables_in_french(presets):
    app = make_app()
    assert "Population au 1er janvier par département" in app.sources.value
    assert "Population on 1 January" not in app.sources.value
    tables = {t for d in DASHBOARDS.values() for t in d.tables}
    assert tables <= set(TABLE_DESCRIPTIONS)


# -- item 8: search and presets ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("974", "DEP-974"),
        ("71", "DEP-71"),
        ("2A", "DEP-2A"),
        ("7", "DEP-07"),
        ("71270", "COM-71270"),
        ("200070308", "EPCI-200070308"),
        ("dep-71", "DEP-71"),
    ],
)
def test_search_by_number_and_code(query, code):
    assert search(query)["code"].iat[0] == code


def test_results_of_the_same_name_can_be_told_apart():
    labels = list(territory_options("Bretagne"))[:3]
    assert labels[0].startswith("Bretagne — région") and "hab." in labels[0]
    assert "commune, Territoire de Belfort (90), 265 hab. (COM-90019)" in labels[1]
    assert len(set(labels)) == len(labels)


def test_each_dashboard_offers_the_presets_that_change_it_full_ones_first(presets):
    for dashboard in DASHBOARDS.values():
        offered = dashboard_presets(dashboard)
        assert offered and all(preset_models(p) & set(dashboard.models) for p in offered)
        full = [p in FULL_PRESETS for p in offered]
        assert full == sorted(full, reverse=True)
        sizes = [len(preset_models(p)) for p in offered if p not in FULL_PRESETS]
        assert sizes == sorted(sizes, reverse=True)
    demographie = dashboard_presets(DASHBOARDS["demographie"])
    assert "mobilite-sobriete" not in demographie and "autonomie-domicile" not in demographie
    assert demographie[0] in {"intermediaire", "sobriete", "technologie", "tendanciel"}
    picker = make_app().scenario_picker
    assert len(picker.options) < len(list_presets())


def test_a_preset_added_or_changed_on_disk_is_offered_at_once(presets):
    demographie = DASHBOARDS["demographie"]
    assert "demo-atelier" not in dashboard_presets(demographie)  # read, then kept
    (presets / "demo-atelier.yaml").write_text(
        "id: demo-atelier\nlabel: {fr: Atelier}\ndemography: {fertility: {tfr_target: 1.9}}\n"
    )
    assert "demo-atelier" in dashboard_presets(demographie)
    (presets / "demo-atelier.yaml").write_text(
        "id: demo-atelier\nlabel: {fr: Atelier}\nmobility: {demand: {}}\nenergy: {prices: {}}\n"
    )
    assert "demo-atelier" not in dashboard_presets(demographie)  # sets no model it shows
