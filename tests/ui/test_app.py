import base64
import re
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from prospectif.pipeline import run
from prospectif.results import assert_results_equal
from prospectif.scenario import load_scenario_file
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.search import territory_options
from prospectif.ui.state import ViewState

ROOT = Path(__file__).resolve().parents[2]
TFR = "demography.fertility.tfr_target"


def make_app(**state):
    view = ViewState(
        **{"territory": "DEP-71", "scenario": "insee-central", "horizon": 2050, **state}
    )
    return DashboardApp(DASHBOARDS["demographie"], view)


def population_line(app):
    trace = next(t for t in app.grid.figures["population"].data if t.name == "Réglage en cours")
    return list(trace.y)


def test_a_slider_move_updates_the_figures_in_place(presets):
    app = make_app()
    widgets = dict(app.grid.figures)
    before = population_line(app)
    app.panel.sliders[TFR].value = 2.2
    assert app.grid.figures == widgets  # same widget objects: updated, not redrawn
    after = population_line(app)
    assert after[0] == before[0] and after[-1] > before[-1]
    assert "tfr_target=2.2" in app.link.value


def test_two_saved_variants_are_overlaid_and_written_under_ateliers(presets):
    app = make_app()
    for name, value in (("Fécondité haute", 2.1), ("Fécondité basse", 1.4)):
        app.panel.sliders[TFR].value = value
        app.variants.name.value = name
        app.variants.save()
    saved = sorted((presets / "ateliers").glob("*/*.yaml"))
    assert [p.name for p in saved] == ["fecondite-basse.yaml", "fecondite-haute.yaml"]
    app.variants.compare.value = ("Fécondité haute", "Fécondité basse")
    names = [t.name for t in app.grid.figures["population"].data]
    assert {"Réglage en cours", "Fécondité haute", "Fécondité basse"} <= set(names)
    assert "Fécondité basse<br>2050" in app.indicators.value


def test_read_only_server_writes_nothing(presets, monkeypatch):
    monkeypatch.setenv("PROSPECTIF_READ_ONLY", "1")
    app = make_app()
    app.variants.name.value = "Essai"
    app.variants.save()
    assert not (presets / "ateliers").exists()
    assert "lecture seule" in app.messages.value and app.variants.compare.options == ("Essai",)


def test_a_hostile_variant_name_stays_in_the_workshop_folder(presets):
    app = make_app()
    for name in ("../../../etc/passwd", "/tmp/x", "CON", "a/b\\c\x00d"):
        app.variants.name.value = name
        app.variants.save()
    written = [p for p in presets.rglob("*") if p.is_file() and "ateliers" in p.parts]
    assert all(p.parent.parent == presets / "ateliers" for p in written)
    assert not (presets.parent / "etc").exists()


def export_files(app):
    app.exports.prepare()
    page = app.exports.links.value
    links = re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', page)
    return {name: base64.b64decode(payload) for name, payload in links}


def test_exported_yaml_is_a_new_scenario_that_reproduces_the_screen(presets, tmp_path):
    app = make_app(territory="DEP-2A", scenario="insee-fecondite-haute")
    for _ in range(3):
        app.panel.sliders[TFR].value += 0.01
    files = export_files(app)
    (name,) = [n for n in files if n.endswith(".yaml")]
    assert re.fullmatch(r"insee-fecondite-haute-variante-[0-9a-f]{6}\.yaml", name)
    stem = f"demographie-DEP-2A-{name.removesuffix('.yaml')}"
    assert set(files) - {name} == {
        f"{stem}.csv",
        f"{stem}-intl.csv",
        f"{stem}.xlsx",
        f"{stem}.meta.json",
    }
    document = yaml.safe_load(files[name])
    assert document["extends"] == ["insee-fecondite-haute"]
    assert document["demography"] == {"fertility": {"tfr_target": 2.03}}  # only what moved
    assert document["label"]["fr"].endswith("— variante") and "2.0300000" not in str(document)
    path = tmp_path / name
    path.write_bytes(files[name])
    scenario = load_scenario_file(path)
    assert scenario.id != "insee-fecondite-haute" and scenario.hash == app.exported_scenario().hash
    _, shown = app.runs.get("DEP-2A", app.exported_scenario(), ("demography",))
    assert_results_equal(run("DEP-2A", scenario).query("variable in @shown.variable"), shown)
    csv = files[f"{stem}.csv"].decode("utf-8-sig")
    assert f";{scenario.id};" in csv and ";insee-fecondite-haute;" not in csv


def test_a_saved_variant_is_exported_under_its_own_name(presets):
    app = make_app()
    app.panel.sliders[TFR].value = 1.9
    app.variants.name.value = "Fécondité 1,9"
    app.variants.save()
    assert app.exported_scenario().id == "fecondite-1-9"
    assert "fecondite-1-9.yaml" in export_files(app)


def test_downloads_of_an_earlier_state_are_removed_when_the_state_changes(presets):
    """Issue 14: the export links prepared before a move still offered the old values."""
    app = make_app()
    assert "insee-central.yaml" in export_files(app)
    app.year.value = 2030  # same scenario and territory: the files still hold the screen
    assert "insee-central.yaml" in app.exports.links.value
    app.panel.sliders[TFR].value = 2.0
    outdated = "<i>Les réglages ont changé depuis : préparez à nouveau les fichiers.</i>"
    assert app.exports.links.value == outdated
    assert f"{app.exported_scenario().id}.yaml" in export_files(app)
    app.territory_box.value = "DEP-2A"
    page = app.exports.links.value
    assert "download" not in page and "préparez à nouveau" in page


def test_the_workbook_lists_each_assumption_and_what_the_room_changed(presets, tmp_path):
    app = make_app()
    app.panel.sliders[TFR].value = 1.9
    path = tmp_path / "r.xlsx"
    (workbook,) = [v for k, v in export_files(app).items() if k.endswith(".xlsx")]
    path.write_bytes(workbook)
    sheets = pd.read_excel(path, sheet_name=None)
    hypotheses = sheets["hypotheses"].set_index("clé")
    assert list(hypotheses.columns) == [
        "hypothèse",
        "valeur",
        "unité",
        "source",
        "modifiée en atelier",
    ]
    assert hypotheses.loc[TFR, "valeur"] == 1.9 and hypotheses.loc[TFR, "unité"]
    assert hypotheses.loc[TFR, "source"] and hypotheses.loc[TFR, "modifiée en atelier"] == "oui"
    assert set(hypotheses["modifiée en atelier"]) == {"oui", "non"}
    assert (sheets["resultats"]["scenario"] == app.exported_scenario().id).all()
    assert "meta" in sheets


def test_query_problems_are_shown_not_raised(presets):
    from prospectif.ui.state import parse_query

    state, problems = parse_query(
        "territory=XYZ&horizon=9999", ViewState("DEP-71", "insee-central", 2050)
    )
    app = DashboardApp(DASHBOARDS["demographie"], state, problems)
    assert app.messages.value.count("Paramètre d'adresse ignoré") == 2


def test_presentation_mode_hides_the_panel(presets):
    app = make_app()
    app.presentation.value = True
    assert app.side.layout.display == "none" and app.main.layout.width == "100%"


def test_territory_search_ignores_accents_and_selects():
    options = territory_options("saone et loire")
    assert options["Saône-et-Loire — département, 553\u202f595 hab. (DEP-71)"] == "DEP-71"


def test_picking_a_territory_recomputes(presets):
    app = make_app()
    app.territory_box.value = "DEP-2A"
    assert app.state.territory == "DEP-2A" and "Corse-du-Sud" in app.title.value


def test_only_changed_properties_are_compared_as_changed():
    from prospectif.ui.figures import changed

    old = {"x": (2025, 2026), "y": np.array([1.0, 2.0]), "line": {"color": "red"}, "name": "a"}
    new = {"x": [2025, 2026], "y": np.array([1.0, 2.5]), "line": {"color": "red"}, "name": "a"}
    assert changed(old, new) == {"y": new["y"]}
    assert changed(old, {**old, "text": ["a", "b"]}) == {"text": ["a", "b"]}


def test_english_view_has_english_labels_and_a_link_back(presets):
    app = make_app(lang="en")
    assert "Demography" in app.title.value and "Assumptions" in app.side.children[0].value
    assert "Version française" in app.link.value and "lang=en" not in app.link.value.split("·")[1]
    legend = [t.name for t in app.grid.figures["population"].data]
    assert "Current setting" in legend


def test_a_compared_variant_saved_again_is_redrawn(presets):
    app = make_app()
    app.panel.sliders[TFR].value = 2.1
    app.variants.name.value = "Essai"
    app.variants.save()
    app.variants.compare.value = ("Essai",)
    app._reset()
    app.panel.sliders[TFR].value = 1.3
    app.variants.save()  # same name, other values: asks first
    assert "existe déjà" in app.messages.value
    app.variants.save()  # confirmed
    lines = {t.name: list(t.y) for t in app.grid.figures["population"].data}
    assert lines["Essai"] == lines["Réglage en cours"]


def test_a_stale_refresh_never_draws_over_a_newer_one(presets, monkeypatch):
    app = make_app()
    drawn = []
    monkeypatch.setattr(app, "_draw", lambda context: drawn.append(context.year))
    compute = app._context_with_year

    def newer_move_meanwhile():
        context = compute()
        if not drawn and app._generation == 1 + generation:
            app.year.value = 2030  # the year observer refreshes while this one computes
        return context

    generation = app._generation
    monkeypatch.setattr(app, "_context_with_year", newer_move_meanwhile)
    app.refresh()
    assert drawn == [2030]


def test_inputs_inside_a_coalesced_block_refresh_once(presets, monkeypatch):
    app = make_app()
    calls = []
    monkeypatch.setattr(app, "_draw", lambda context: calls.append(context))
    with app.coalesced():
        app.panel.sliders[TFR].value = 1.7
        app.panel.sliders[TFR].value = 1.8
        assert calls == []
    assert len(calls) == 1


def browser_answers(widget, edit=None):
    """What the browser sends once it has drawn edit ``edit`` (the last one by default)."""
    edit = widget._last_trace_edit_id if edit is None else edit
    deltas = [{"uid": t.uid} for t in widget.data]
    widget._js2py_traceDeltas = {"trace_deltas": deltas, "trace_edit_id": edit}


def test_the_page_is_idle_only_once_the_browser_answered_every_figure():
    app = make_app()
    revision = re.compile(r'data-drawn="(\d+)" data-acked="(\d+)"')
    for widget in app.grid.figures.values():
        browser_answers(widget)
    drawn, acked = revision.search(app.grid.revision.value).groups()
    assert drawn == acked != "0"
    app.panel.sliders[TFR].value = 2.0
    drawn, acked = map(int, revision.search(app.grid.revision.value).groups())
    assert drawn == acked + 1  # drawn, not yet answered
    population = app.grid.figures["population"]
    browser_answers(population, population._last_trace_edit_id - 1)  # an older edit
    assert not app.grid.idle()
    for widget in app.grid.figures.values():
        browser_answers(widget)
    assert app.grid.idle()
    assert revision.search(app.grid.revision.value).groups() == (str(drawn), str(drawn))


def test_a_figure_the_browser_drew_but_never_updated_is_replaced():
    """anywidget drops every update sent to a model whose module took over 2 s to load: the
    figure stays at its first values unless replaced by a new widget."""
    app = make_app()
    for widget in app.grid.figures.values():
        browser_answers(widget, 0)  # drawn once, from the first state
    app.panel.sliders[TFR].value = 2.0
    lost = app.grid.figures["population"]
    for key, widget in app.grid.figures.items():
        if key != "population":
            browser_answers(widget)
    app.grid.recover(app.grid.drawn, 1)
    fresh = app.grid.figures["population"]
    cell = app.grid.cells["population"]  # the figure and its source line
    assert fresh is not lost and cell.children[0] is fresh and cell in app.grid.box.children
    assert (
        population_line(app) == [t for t in lost.data if t.name == "Réglage en cours"][0].y.tolist()
    )
    assert not app.grid.idle()  # the new widget is not drawn yet
    browser_answers(fresh)
    assert app.grid.idle()
