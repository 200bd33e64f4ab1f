"""The dashboards' interface: one call per notebook, live (Voilà) or as a static report.

>>> show("demographie", territory="DEP-71", scenario="tendanciel", horizon=2070,
...      mode="interactive", output_dir="")
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from ..errors import InputError, ProspectifError
from ..messages import Message
from ..resources import release_memory
from ..results import write_results
from .catalogue import DASHBOARDS, Context, Dashboard
from .content import figure_caption, indicator_table, sources_html
from .state import ViewState, compare_references, compared_scenarios, parse_query, resolve
from .texts import pick, text

MODES = ("interactive", "report")


def query_string() -> str:
    """The query string of the page when served by Voilà (empty otherwise).

    A preheated kernel waits here for the viewer's request, after the imports, the data
    loading and the dashboard's default view built before it, so the viewer only waits for
    the view their address asks for (:meth:`~.app.DashboardApp.open_view`).
    """
    if "VOILA_KERNEL_ID" not in os.environ:
        return ""
    from voila.utils import get_query_string

    release_memory()  # what building the default view read and dropped (issue 15)

    return get_query_string() or ""


def show(
    name: str,
    territory: str,
    scenario: str,
    horizon: int,
    mode: str,
    output_dir: str = "",
    scenario_file: str = "",
    compare: str = "",
) -> None:
    """Display dashboard ``name`` in the notebook: the live app or the static report.

    ``scenario`` is preset ids joined by commas; a ``scenario_file`` (a batch's) replaces them.
    ``compare`` names the scenarios a dashboard that compares shows side by side (see
    :func:`~.state.compare_references`; empty: the four full presets).
    """
    from IPython.display import HTML, display

    if mode not in MODES:
        raise InputError("ui.mode", value=mode, allowed=", ".join(MODES))
    dashboard = DASHBOARDS[name]
    defaults = default_state(dashboard, territory, scenario, horizon, scenario_file, compare)
    if mode == "interactive":
        from ..pipeline import warm_up
        from .app import DashboardApp

        warm_up()
        app = DashboardApp(dashboard, defaults)  # in a preheated kernel: before the request
        state, problems = parse_query(query_string(), defaults)
        display(app.open_view(state, problems).widget)
        return
    items: list = []
    try:
        items = report(dashboard, defaults, output_dir)
    except ProspectifError as exc:
        failed = Message("ui.error", {"message": exc.message}).render("fr")
        items = [HTML(f"<p>{html.escape(failed)}</p>")]
        raise
    finally:
        for item in items:
            display(item)


def default_state(
    dashboard: Dashboard,
    territory: str,
    scenario: str,
    horizon: int,
    scenario_file: str = "",
    compare: str = "",
) -> ViewState:
    """The view a dashboard opens on, from its notebook's parameters (see :func:`show`)."""
    return ViewState(
        territory=territory,
        scenario=Path(scenario_file) if scenario_file else scenario,
        horizon=horizon,
        presentation=dashboard.presentation,
        compared=compare_references(compare),
    )


def report(dashboard: Dashboard, state: ViewState, output_dir: str = "") -> list:
    """Objects of the static report (each figure followed by its source line); writes
    ``output_dir/resultats.parquet`` when set.
    """
    from IPython.display import HTML

    from ..pipeline import run_chain
    from ..territory import get_territory

    scenario = resolve(state)
    run = run_chain(get_territory(state.territory), scenario)
    table = run.table(dashboard.models)
    if output_dir:
        write_results(table, Path(output_dir) / "resultats.parquet")
    label = scenario.label.get(state.lang)
    choice = dashboard.choices[0][0] if dashboard.choices else ""
    compared = compared_scenarios(state)
    context = Context(((label, run),), (table,), scenario.horizon, state.lang, choice, compared)
    title = (
        f"<h1>{html.escape(pick(dashboard.title, state.lang))} — "
        f"{html.escape(run.territory.name)}</h1><p style='font-size:18px'>"
        f"{html.escape(label)}</p>"
    )
    return [
        HTML(title),
        *(
            item
            for spec in dashboard.shown(context)
            for item in (spec.figure(context), HTML(figure_caption(dashboard, spec, state.lang)))
        ),
        HTML(indicator_table(dashboard, context)),
        *(HTML(note(context)) for note in dashboard.notes),
        HTML(
            f"<h2>{text('sources', state.lang)}</h2>"
            + sources_html(dashboard, scenario, run.demography.structure, state.lang)
        ),
    ]


__all__ = ["DASHBOARDS", "report", "show"]
