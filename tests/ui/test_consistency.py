"""The invariant of a live dashboard: once idle, every figure and the table show one state,
equal to the library's own run of the exported scenario and of the saved variant files.

Random bounded input sequences (seeded) drive the widgets as a facilitator would: slider
moves (key repeats), resets, preset and territory changes, variants saved (names reused) and
compared, year moves, tabs of figures opened.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from prospectif.pipeline import run_chain
from prospectif.scenario import load_scenario_file
from prospectif.territory import get_territory
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.figures import same
from prospectif.ui.spec import Context
from prospectif.ui.state import ViewState
from prospectif.ui.variants import MAX_COMPARED, variant_id, workshop_dir

ROOT = Path(__file__).resolve().parents[2]
PRESETS = ("tendanciel", "insee-fecondite-haute", "sobriete")
TERRITORIES = ("DEP-71", "DEP-2A")
NAMES = ("Fécondité 2,0", "Attractivité", "Sobriété forte")
STEPS = {
    "demographie": 50,
    "vieillissement": 60,
    "mobilite": 30,
    "energie": 30,
    "services": 20,
    "adaptation": 12,
    "synthese": 30,
}
"""Random inputs per dashboard (232 in all), checked every ``CHECK_EVERY`` inputs."""
CHECK_EVERY = 6


@pytest.fixture
def presets(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios", folder, ignore=shutil.ignore_patterns("ateliers"))
    monkeypatch.setenv("PROSPECTIF_SCENARIOS", str(folder))
    monkeypatch.delenv("PROSPECTIF_READ_ONLY", raising=False)
    return folder


def move_slider(app: DashboardApp, rng: random.Random) -> None:
    key = rng.choice(sorted(app.panel.sliders))
    slider = app.panel.sliders[key]
    if hasattr(slider, "options"):
        slider.value = rng.choice([value for _, value in slider.options])  # (label, value)
        return
    for _ in range(rng.randint(1, 3)):  # key repeats, as ArrowRight or PageUp pressed
        moved = slider.value + rng.choice((-1, 1)) * slider.step * rng.choice((1, 10))
        slider.value = min(max(moved, slider.min), slider.max)


def save(app: DashboardApp, rng: random.Random) -> None:
    app.variants.name.value = rng.choice(NAMES)
    app.variants.save()


def compare(app: DashboardApp, rng: random.Random) -> None:
    names = list(app.variants.compare.options)
    count = rng.randint(0, min(len(names), MAX_COMPARED))
    app.variants.compare.value = tuple(rng.sample(names, count))


def move_year(app: DashboardApp, rng: random.Random) -> None:
    app.year.value = rng.randint(app.year.min, app.year.max)


def open_tab(app: DashboardApp, rng: random.Random) -> None:
    if app.dashboard.tabs:
        app.tabs.value = rng.randrange(len(app.dashboard.tabs))


ACTIONS = (
    (move_slider, 8),
    (lambda app, rng: app._reset(), 1),
    (lambda app, rng: setattr(app.scenario_picker, "value", rng.choice(PRESETS)), 1),
    (lambda app, rng: setattr(app.territory_box, "value", rng.choice(TERRITORIES)), 1),
    (save, 2),
    (compare, 2),
    (move_year, 1),
    (open_tab, 1),
)


def fresh_context(app: DashboardApp, tmp_path: Path) -> Context:
    """The runs the screen should show, computed anew from the exported scenario file and the
    variant files saved on the server.
    """
    name, content = app.exported_yaml()
    exported = tmp_path / "export" / name
    exported.parent.mkdir(exist_ok=True)
    exported.write_bytes(content)
    saved = {p.stem: p for p in workshop_dir().glob("*.yaml")}
    scenarios = [("Réglage en cours", load_scenario_file(exported))]
    scenarios += [(n, load_scenario_file(saved[variant_id(n)])) for n in app.variants.compare.value]
    territory = get_territory(app.state.territory)
    runs = [(label, run_chain(territory, s)) for label, s in scenarios]
    for file in exported.parent.iterdir():
        file.unlink()
    return Context(
        runs=tuple(runs),
        tables=tuple(run.table(app.dashboard.models) for _, run in runs),
        year=app.year.value,
        lang=app.lang,
        choice=app.choice.value or "",
        tab=app.tabs.value,
    )


def plotted(traces) -> list[dict]:
    """Every property of each trace but its uid (data, names, styles)."""
    return [{k: v for k, v in t.to_plotly_json().items() if k != "uid"} for t in traces]


def assert_same_traces(shown: list[dict], expected: list[dict], where: str) -> None:
    assert [t.get("name") for t in shown] == [t.get("name") for t in expected], where
    for got, want in zip(shown, expected, strict=True):
        differ = [k for k in got.keys() | want.keys() if not same(got.get(k), want.get(k))]
        assert not differ, (where, got.get("name"), differ)


def assert_consistent(app: DashboardApp, tmp_path: Path, where: str) -> None:
    from prospectif.ui.content import indicator_table

    context = fresh_context(app, tmp_path)
    assert app.grid.shown == tuple(s.key for s in app.dashboard.shown(context)), where
    assert set(app.grid.figures) == set(app.grid.shown), where  # the others closed
    for spec in app.dashboard.shown(context):
        expected = plotted(spec.build(context).data)
        assert_same_traces(
            plotted(app.grid.figures[spec.key].data), expected, f"{where} {spec.key}"
        )
    assert app.indicators.value == indicator_table(app.dashboard, context), where


@pytest.mark.parametrize("name", list(STEPS))
def test_every_figure_shows_the_run_of_the_state_on_screen(presets, tmp_path, name):
    rng = random.Random(f"prospectif-{name}")
    state = ViewState("DEP-71", "tendanciel", 2070)
    app = DashboardApp(DASHBOARDS[name], state)
    actions, weights = zip(*ACTIONS, strict=True)
    trail: list[str] = []
    for step in range(STEPS[name]):
        action = rng.choices(actions, weights)[0]
        action(app, rng)
        trail.append(getattr(action, "__name__", "?"))
        if step % CHECK_EVERY == CHECK_EVERY - 1 or step == STEPS[name] - 1:
            assert_consistent(app, tmp_path, f"{name} after {trail}")
