"""The home page: every dashboard with one sentence and a link carrying the territory."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from .catalogue import DASHBOARDS
from .texts import pick

INTRO = (
    "Explorer l'avenir d'un territoire sous des hypothèses explicites et réglables : "
    "démographie, vieillissement, mobilité, énergie et climat. Données ouvertes INSEE, DREES, "
    "ORE, Enedis, IGN embarquées.",
    "Explore a territory's future under explicit, adjustable assumptions: demography, ageing, "
    "mobility, energy and climate. INSEE, DREES, ORE, Enedis and IGN open data embedded.",
)


def home_html(territory: str, scenario: str, lang: str = "fr") -> str:
    """The home page: title, introduction and one linked card per dashboard."""
    query = html.escape(urlencode({"territory": territory, "scenario": scenario}))
    cards = "".join(
        f'<li style="margin:14px 0"><a class="prospectif-dashboard-link" '
        f'href="{name}.ipynb?{query}" style="font-size:24px">'
        f"{html.escape(pick(d.title, lang))}</a><br>"
        f'<span style="font-size:18px">{html.escape(pick(d.summary, lang))}</span></li>'
        for name, d in DASHBOARDS.items()
    )
    return (
        '<div class="prospectif-home" style="max-width:980px">'
        "<h1 style='font-size:34px'>Prospectif</h1>"
        f"<p style='font-size:19px'>{html.escape(pick(INTRO, lang))}</p>"
        f'<ul style="list-style:none;padding:0">{cards}</ul></div>'
    )


def show_home(territory: str, scenario: str, mode: str) -> None:
    """Display the home page: as a widget when served (plain links), as HTML in a report."""
    from IPython.display import HTML, display

    page = home_html(territory, scenario)
    if mode == "interactive":
        import ipywidgets as w

        display(w.HTML(page))
    else:
        display(HTML(page))
