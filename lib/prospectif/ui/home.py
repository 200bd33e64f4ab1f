"""The home page, for people with uneven digital skills: « Préparer un atelier » in three
steps — choose the territory (by name, département number or code), choose the starting
scenario, open a dashboard from a large card (picture, one sentence, a link that looks like
one) carrying both choices — with the language switch at the top.

The cards come from the one list of dashboards (:data:`~prospectif.ui.catalogue.DASHBOARDS`):
adding a dashboard there adds its card; its picture is ``thumbnails/<name>.png`` in this
package when it exists (``make screenshots`` makes them from the browser tests).
"""

from __future__ import annotations

import base64
import html
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

from ..messages import Message
from ..territory import get_territory
from .catalogue import DASHBOARDS
from .notices import Notices
from .search import TerritoryFinder, dashboard_presets
from .state import ViewState, base_scenario, parse_query
from .texts import pick, text

THUMBNAILS = Path(__file__).with_name("thumbnails")

INTRO = (
    "Explorer l'avenir d'un territoire sous des hypothèses explicites et réglables : "
    "démographie, vieillissement, mobilité, énergie et climat. Données ouvertes INSEE, DREES, "
    "ORE, Enedis, IGN embarquées.",
    "Explore a territory's future under explicit, adjustable assumptions: demography, ageing, "
    "mobility, energy and climate. INSEE, DREES, ORE, Enedis and IGN open data embedded.",
)
WORDS = {
    "prepare": ("Préparer un atelier", "Prepare a workshop"),
    "step_territory": ("1. Choisir le territoire", "1. Choose the territory"),
    "chosen": ("Territoire choisi : {name} ({code})", "Chosen territory: {name} ({code})"),
    "step_scenario": ("2. Choisir le scénario de départ", "2. Choose the starting scenario"),
    "step_dashboard": ("3. Ouvrir un tableau de bord", "3. Open a dashboard"),
    "open": ("Ouvrir", "Open"),
}

STYLE = """<style>
.prospectif-home { max-width: 1180px; font-size: 19px; }
.prospectif-home h1 { font-size: 36px; margin: 6px 0; }
.prospectif-home .widget-html-content, .prospectif-home p { font-size: 19px; line-height: 1.45; }
.prospectif-home input, .prospectif-home select { font-size: 19px; height: 42px; }
.prospectif-home h2 { font-size: 26px; margin: 22px 0 8px; }
.prospectif-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
  gap: 20px; }
.prospectif-card { display: block; border: 2px solid #1f4e8c; border-radius: 10px;
  padding: 12px; color: #1a1a1a; text-decoration: none; background: #fff; }
.prospectif-card:hover, .prospectif-card:focus { background: #eef4fb; outline: 3px solid #1f4e8c; }
.prospectif-card img { width: 100%; border: 1px solid #ccc; }
.prospectif-card .prospectif-card-title { font-size: 26px; color: #1f4e8c;
  text-decoration: underline; }
.prospectif-card .prospectif-card-open { display: inline-block; margin-top: 8px; padding: 6px 14px;
  background: #1f4e8c; color: #fff; border-radius: 6px; font-size: 19px; }
.prospectif-home a.prospectif-language { font-size: 20px; color: #1f4e8c;
  text-decoration: underline; }
</style>"""


def word(key: str, lang: str, **values: object) -> str:
    """A text of the home page in ``lang``."""
    return pick(WORDS[key], lang).format(**values)


def thumbnail(name: str) -> str:
    """The picture of dashboard ``name`` as a ``data:`` address, or "" when there is none."""
    path = THUMBNAILS / f"{name}.png"
    if not path.is_file():
        return ""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def dashboard_query(state: ViewState) -> str:
    """The query string a card carries: territory, scenario, and the language if English."""
    pairs = {"territory": state.territory, "scenario": state.scenario}
    if state.lang != "fr":
        pairs["lang"] = state.lang
    return urlencode(pairs)


def cards_html(state: ViewState) -> str:
    """One large linked card per dashboard, opening it on ``state``'s territory and scenario."""
    query = html.escape(dashboard_query(state))
    cards = []
    for name, dashboard in DASHBOARDS.items():
        title = html.escape(pick(dashboard.title, state.lang))
        picture = thumbnail(name)
        image = f'<img src="{picture}" alt="{title}">' if picture else ""
        cards.append(
            f'<a class="prospectif-card prospectif-dashboard-link" href="{name}.ipynb?{query}">'
            f'{image}<div class="prospectif-card-title">{title}</div>'
            f"<div>{html.escape(pick(dashboard.summary, state.lang), quote=False)}</div>"
            f'<span class="prospectif-card-open">{word("open", state.lang)} ›</span></a>'
        )
    return f'<div class="prospectif-cards">{"".join(cards)}</div>'


def language_link(state: ViewState) -> str:
    """The link to the same home page in the other language."""
    other = replace(state, lang="en" if state.lang == "fr" else "fr")
    query = dashboard_query(other) + ("" if other.lang == "en" else "&lang=fr")
    return (
        f'<a class="prospectif-language" href="?{html.escape(query)}">'
        f"{text('other_language', state.lang)}</a>"
    )


def home_html(state: ViewState) -> str:
    """The whole home page as static HTML (a report): title, language switch, cards."""
    return (
        f'{STYLE}<div class="prospectif-home">{language_link(state)}'
        "<h1>Prospectif</h1>"
        f"<p>{html.escape(pick(INTRO, state.lang), quote=False)}</p>{cards_html(state)}</div>"
    )


class HomeApp:
    """The served home page: the three steps of « Préparer un atelier »; ``widget`` is what
    the notebook displays.
    """

    def __init__(self, state: ViewState, problems: list[Message]):
        import ipywidgets as w

        self.state = state
        lang = state.lang
        self.messages = Notices(lang)
        for number, problem in enumerate(problems):
            self.messages.show(
                f"address.{number}", "warning", Message("ui.query_problem", {"problem": problem})
            )
        self.territory_box = w.Combobox(
            placeholder=text("territory_search", lang),
            ensure_option=False,
            layout={"width": "640px"},
        )
        self.territory_box.add_class("prospectif-home-search")
        self.finder = TerritoryFinder(self.territory_box, self.messages, lang)
        self.territory_box.observe(self._typed, names="value")
        self.chosen = w.HTML()
        presets = dashboard_presets(DASHBOARDS["synthese"])
        self.scenario_picker = w.Dropdown(
            options=[(base_scenario(p, 2070).label.get(lang), p) for p in presets],
            value=state.scenario if state.scenario in presets else presets[0],
            layout={"width": "640px"},
        )
        self.scenario_picker.observe(self._picked, names="value")
        self.header = w.HTML()
        self.cards = w.HTML()
        heading = f"<h2>{word('prepare', lang)}</h2>"
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                self.header,
                w.HTML(heading + f"<h2>{word('step_territory', lang)}</h2>"),
                self.territory_box,
                self.messages,
                self.chosen,
                w.HTML(f"<h2>{word('step_scenario', lang)}</h2>"),
                self.scenario_picker,
                w.HTML(f"<h2>{word('step_dashboard', lang)}</h2>"),
                self.cards,
            ]
        )
        self.widget.add_class("prospectif-home")
        self._picked(None)

    def _typed(self, change: dict) -> None:
        code = self.finder.typed(change["new"])
        if code is not None:
            self.state = replace(self.state, territory=code)
            self._draw()

    def _picked(self, _change: dict | None) -> None:
        self.state = replace(self.state, scenario=self.scenario_picker.value)
        self._draw()

    def _draw(self) -> None:
        lang = self.state.lang
        name = get_territory(self.state.territory).name
        self.chosen.value = (
            f"<p style='font-size:21px'><b>"
            f"{html.escape(word('chosen', lang, name=name, code=self.state.territory))}</b></p>"
        )
        self.header.value = (
            f"{language_link(self.state)}<h1>Prospectif</h1>"
            f"<p>{html.escape(pick(INTRO, lang), quote=False)}</p>"
        )
        self.cards.value = cards_html(self.state)


def show_home(territory: str, scenario: str, mode: str) -> None:
    """Display the home page: the live three steps when served, static cards in a report."""
    from IPython.display import HTML, display

    defaults = ViewState(territory=territory, scenario=scenario, horizon=2070)
    if mode == "interactive":
        from . import query_string

        state, problems = parse_query(query_string(), defaults)
        display(HomeApp(replace(state, changes=()), problems).widget)
    else:
        display(HTML(home_html(defaults)))
