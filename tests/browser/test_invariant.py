"""The invariant in a real browser: after random inputs, once the page is idle, every figure
plotted in the page (plotly's ``gd.data`` read back from the DOM), the indicator table and the
notes under it equal the same outputs built from a headless library run of the scenario the
page exports and of the variants it saved.

A seeded generator drives every dashboard (``STEPS`` inputs, 210 in all): key repeats on
sliders, drags, resets, preset and territory changes, variants saved and compared, year and
map-indicator moves, tabs of figures opened. The state is checked halfway and at the end of
each sequence.
"""

from __future__ import annotations

import base64
import itertools
import random
import re
import time

import numpy as np
import pytest

from prospectif.pipeline import run_chain
from prospectif.scenario import load_scenario_file
from prospectif.territory import get_territory
from prospectif.ui import DASHBOARDS
from prospectif.ui.content import indicator_table
from prospectif.ui.spec import Context
from prospectif.ui.variants import MAX_COMPARED, variant_id

from .test_dashboards import REVISION, open_dashboard, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(280)]

STEPS = dict.fromkeys(DASHBOARDS, 30)
"""Random inputs per dashboard (210 in all for the seven dashboards)."""
TERRITORIES = ("DEP-2A", "DEP-71")
KEYS = ("ArrowRight", "ArrowLeft", "PageUp", "PageDown")
FULL_PRESETS_SHOWN = 4
"""The first options of the preset picker (the full presets) the sequences choose from."""
SAVED = itertools.count(1)
"""Variant names are unique over the run (the server's workshop folder is shared)."""

PLOTTED = """() => Array.from(document.querySelectorAll('.prospectif-app .js-plotly-plot')).map(
  g => g.data.map(t => {
    const a = v => (v === undefined || v === null) ? null : Array.from(v);
    return {name: t.name ?? null, x: a(t.x), y: a(t.y), z: a(t.z), values: a(t.values),
            link: t.link ? a(t.link.value) : null};
  }))"""
CELLS = """({selector, html}) => {
  // Text of every cell, row by row, of the tables of an element of the page, or of HTML parsed
  // the same way, then the whole text: the page and the library's HTML are compared after the
  // same normalisation.
  let root = selector ? document.querySelector(selector) : document.createElement('div');
  if (!selector) root.innerHTML = html;
  const text = node => node.textContent.replace(/\\s+/g, ' ').trim();
  return {cells: Array.from(root.querySelectorAll('tr')).map(
            r => Array.from(r.querySelectorAll('th, td')).map(text)),
          text: text(root)};
}"""


def slider_handles(page):
    return page.locator(".prospectif-panel .noUi-handle:visible")


def press_keys(page, rng):
    handles = slider_handles(page)
    if handles.count():
        handle = handles.nth(rng.randrange(handles.count()))
        handle.focus()
        key = rng.choice(KEYS)
        for _ in range(rng.randint(1, 4)):
            handle.press(key)


def drag(page, rng):
    handles = slider_handles(page)
    if not handles.count():
        return
    box = handles.nth(rng.randrange(handles.count())).bounding_box()
    if box:
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + rng.randint(-60, 60), y, steps=4)
        page.mouse.up()


def open_section(page, rng):
    titles = page.locator(".prospectif-panel .jupyter-widget-Collapse-header:visible")
    if titles.count():
        titles.nth(rng.randrange(titles.count())).click()


def reset(page, rng):
    page.get_by_role("button", name="Revenir au scénario de départ").click()


def pick_preset(page, rng):
    picker = page.locator(".prospectif-app select").first
    labels = picker.locator("option").all_inner_texts()[:FULL_PRESETS_SHOWN]
    picker.select_option(label=rng.choice(labels))


def pick_territory(page, rng):
    box = page.locator(".prospectif-app input[list]").first
    box.fill(rng.choice(TERRITORIES))
    box.press("Enter")


def save(page, rng):
    page.fill("input[placeholder='Nom de la variante']", f"Variante {next(SAVED)}")
    page.get_by_role("button", name="Enregistrer la variante").click()


def compare(page, rng):
    chooser = page.locator(".prospectif-variants select")
    names = chooser.locator("option").all_inner_texts()
    chooser.select_option(rng.sample(names, min(len(names), rng.randint(0, MAX_COMPARED - 2))))


def move_year(page, rng):
    handle = page.locator(".prospectif-year .noUi-handle")
    if handle.is_visible():
        handle.focus()
        for _ in range(rng.randint(1, 5)):
            handle.press(rng.choice(("ArrowLeft", "ArrowRight")))


def pick_choice(page, rng):
    chooser = page.locator(".prospectif-choice select")
    if chooser.is_visible():
        chooser.select_option(index=rng.randrange(chooser.locator("option").count()))


def open_tab(page, rng):
    tabs = page.locator(".prospectif-tabs button")
    if tabs.count() and tabs.first.is_visible():
        tabs.nth(rng.randrange(tabs.count())).click()


ACTIONS = (
    (press_keys, 8),
    (drag, 2),
    (open_section, 1),
    (reset, 1),
    (pick_preset, 1),
    (pick_territory, 1),
    (save, 1),
    (compare, 2),
    (move_year, 2),
    (pick_choice, 1),
    (open_tab, 1),
)


EXPORTED = ".prospectif-exports a.prospectif-download[download$='.yaml']"
LINK_OR_DRAWING = f"""drawing => document.querySelector("{EXPORTED}") !== null
    || ({REVISION})() !== drawing"""
"""The scenario's download link is offered, or the page draws another state."""
EXPORT_WAIT_S = 60
"""Longest wait for the page to stop drawing the inputs still on their way (s)."""


def exported_scenario(page, tmp_path):
    """The scenario file the page exports, read from its download link. A key press still on
    its way when the button is clicked reaches the kernel after the click and makes the links
    stale at once (the kernel replaces them by a line saying so): the button is clicked again
    while the kernel works through the inputs still queued (under load, a drag and a few key
    repeats can queue more than ten drawings), for a minute at most. The links of an earlier
    click are taken off the page first: read before the kernel has seen this click, they would
    be replaced by « Calcul en cours » at once (the kernel always sends its new links)."""
    deadline, drawings = time.monotonic() + EXPORT_WAIT_S, []
    while True:
        drawing = wait_until_idle(page)
        drawings.append(drawing)
        page.evaluate(f'() => document.querySelectorAll("{EXPORTED}").forEach(a => a.remove())')
        page.get_by_role("button", name="Préparer les fichiers").click()
        page.wait_for_function(LINK_OR_DRAWING, arg=drawing)
        link = page.query_selector(EXPORTED)
        if link is not None and wait_until_idle(page) == drawing:
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"no link after {EXPORT_WAIT_S} s of clicks; drawings {drawings}")
    path = tmp_path / link.get_attribute("download")
    path.write_bytes(base64.b64decode(re.sub(r"^data:[^,]+,", "", link.get_attribute("href"))))
    return load_scenario_file(path)


SETTLE_MS = 500
"""Time for an input shown in the page (a slider's readout moves at once) to reach the kernel
and start a drawing."""


def page_inputs(page):
    """What the page's own controls show: the year and the values of the assumption boxes."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.prospectif-year .widget-readout, "
        ".prospectif-panel .prospectif-exact input')].map(e => e.textContent || e.value)"
    )


def page_state(page, tmp_path):
    """Territory, exported scenario, compared names, year, choice, plotted traces, table and
    notes, read while the page stays idle at one drawing."""
    while True:
        drawing = wait_until_idle(page)
        href = page.get_attribute("a.prospectif-link", "href")
        state = {
            "inputs": page_inputs(page),
            "href": href,
            "territory": re.search(r"territory=([^&]+)", href).group(1),
            "scenario": exported_scenario(page, tmp_path),
            "compared": [  # the select shows spaces as no-break spaces
                n.replace("\xa0", " ")
                for n in page.locator(
                    ".prospectif-variants select option:checked"
                ).all_inner_texts()
            ],
            "year": int(page.text_content(".prospectif-year .widget-readout")),
            "choice": page.evaluate(
                "() => { const s = document.querySelector('.prospectif-choice select');"
                " return s ? s.selectedIndex : -1; }"
            ),
            "tab": page.evaluate(
                "() => [...document.querySelectorAll('.prospectif-tabs button')]"
                ".findIndex(b => b.classList.contains('mod-active'))"
            ),
            "plotted": page.evaluate(PLOTTED),
            "table": page.evaluate(CELLS, {"selector": ".prospectif-indicators"}),
            "notes": page.evaluate(CELLS, {"selector": ".prospectif-notes"}),
        }
        page.wait_for_timeout(SETTLE_MS)
        if page.evaluate(REVISION) == drawing and page_inputs(page) == state["inputs"]:
            return state


def expected_context(name, state, saved):
    """The context of the state read from the page, computed headlessly from its files."""
    dashboard = DASHBOARDS[name]
    territory = get_territory(state["territory"])
    scenarios = [("Réglage en cours", state["scenario"])]
    scenarios += [(n, load_scenario_file(saved[variant_id(n)])) for n in state["compared"]]
    runs = [(label, run_chain(territory, s)) for label, s in scenarios]
    choices = [key for key, _ in dashboard.choices]
    return Context(
        runs=tuple(runs),
        tables=tuple(run.table(dashboard.models) for _, run in runs),
        year=state["year"],
        lang="fr",
        choice=choices[state["choice"]] if choices else "",
        tab=state["tab"] if dashboard.tabs else None,
    )


def as_array(values):
    return None if values is None else np.asarray(values, dtype=object)


def numbers(values):
    """``values`` as floats, gaps (None, which is how the page gives NaN) as NaN; None when
    they are not all numbers (text)."""
    try:
        return np.array([np.nan if v is None else v for v in values.ravel()], float)
    except (TypeError, ValueError):
        return None


def plot_differences(shown, figure):
    """What differs between the traces read from the page and those of ``figure``: names,
    then (trace, property, how) for each data property."""
    expected = [t.to_plotly_json() for t in figure.data]
    names = [t.get("name") for t in expected]
    if [t["name"] for t in shown] != names:
        return [("names", [t["name"] for t in shown], names)]
    differences = []
    for got, want in zip(shown, expected, strict=True):
        for key in ("x", "y", "z", "values", "link"):
            wanted = want.get(key)
            if key == "link":
                wanted = (wanted or {}).get("value")
            if wanted is None:
                continue
            wanted, seen = np.asarray(wanted), as_array(got[key])
            if seen is None or seen.shape != wanted.shape:
                differences.append((got["name"], key, "shape"))
                continue
            seen_numbers, wanted_numbers = numbers(seen), numbers(wanted)
            if seen_numbers is not None and wanted_numbers is not None:
                if not np.allclose(seen_numbers, wanted_numbers, rtol=1e-9, equal_nan=True):
                    scale = np.maximum(np.abs(wanted_numbers), 1e-12)
                    gap = np.abs(seen_numbers - wanted_numbers) / scale
                    differences.append((got["name"], key, f"relative gap {np.nanmax(gap):.3g}"))
            elif [str(v) for v in seen.ravel()] != [str(v) for v in wanted.ravel()]:
                differences.append((got["name"], key, "text"))
    return differences


def assert_page_is_the_headless_run(page, name, state, context, where):
    dashboard = DASHBOARDS[name]
    figures = dashboard.shown(context)  # the uncertainty bands stay off
    assert len(state["plotted"]) == len(figures), where
    differences = {
        spec.key: found
        for shown, spec in zip(state["plotted"], figures, strict=True)
        if (found := plot_differences(shown, spec.build(context)))
    }
    assert not differences, (where, differences, state["href"])
    table = page.evaluate(CELLS, {"html": indicator_table(dashboard, context)})
    assert state["table"] == table, where
    notes = "".join(note(context) for note in dashboard.notes)
    assert state["notes"] == page.evaluate(CELLS, {"html": notes}), where


@pytest.mark.parametrize("name", list(STEPS))
def test_random_inputs_leave_the_page_equal_to_a_headless_run(
    page, server, workshop_scenarios, tmp_path, name
):
    rng = random.Random(f"prospectif-browser-{name}")
    open_dashboard(page, server, name, "?territory=DEP-71&scenario=tendanciel&view=atelier")
    actions, weights = zip(*ACTIONS, strict=True)
    trail = []
    for step in range(STEPS[name]):
        action = rng.choices(actions, weights)[0]
        action(page, rng)
        trail.append(action.__name__)
        if step in (STEPS[name] // 2, STEPS[name] - 1):
            state = page_state(page, tmp_path)
            saved = {p.stem: p for p in (workshop_scenarios / "ateliers").glob("*/*.yaml")}
            context = expected_context(name, state, saved)
            assert_page_is_the_headless_run(page, name, state, context, f"{name} after {trail}")
