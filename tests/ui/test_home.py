"""The home page (issue 14, item 10): territory first, cards with pictures, links carrying the
choices, the language switch."""

import re
from urllib.parse import parse_qsl

from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.home import THUMBNAILS, HomeApp, home_html
from prospectif.ui.state import ViewState, parse_query

DEFAULTS = ViewState(territory="DEP-71", scenario="insee-central", horizon=2070)


def links(page: str) -> dict[str, dict[str, str]]:
    found = re.findall(
        r'class="prospectif-card prospectif-dashboard-link" href="(\w+)\.ipynb\?([^"]+)"', page
    )
    return {name: dict(parse_qsl(query.replace("&amp;", "&"))) for name, query in found}


def test_every_dashboard_has_a_card_with_its_picture_and_sentence():
    page = home_html(DEFAULTS)
    assert set(links(page)) == set(DASHBOARDS)
    assert page.count('<img src="data:image/png;base64,') == len(DASHBOARDS)
    assert all((THUMBNAILS / f"{name}.png").is_file() for name in DASHBOARDS)
    assert "text-decoration: underline" in page  # links look like links
    for dashboard in DASHBOARDS.values():
        assert dashboard.summary[0].split(":")[0] in page


def test_the_chosen_territory_and_scenario_go_into_every_card():
    app = HomeApp(DEFAULTS, [])
    app.territory_box.value = "974"
    (label,) = [o for o in app.territory_box.options if "(DEP-974)" in o]
    app.territory_box.value = label
    app.scenario_picker.value = "sobriete"
    assert "La Réunion (DEP-974)" in app.chosen.value
    for query in links(app.cards.value).values():
        assert query == {"territory": "DEP-974", "scenario": "sobriete"}


def test_an_unknown_search_is_a_warning_cleared_by_a_good_one():
    app = HomeApp(DEFAULTS, [])
    app.territory_box.value = "zzzz"
    assert app.messages.kinds() == {"territory": "warning"}
    app.territory_box.value = "71"
    assert app.messages.kinds() == {}


def test_the_language_switch_keeps_the_choices_and_english_goes_into_the_cards():
    app = HomeApp(DEFAULTS, [])
    app.scenario_picker.value = "tendanciel"
    href = re.search(r'class="prospectif-language" href="\?([^"]+)"', app.header.value).group(1)
    state, problems = parse_query(href.replace("&amp;", "&"), DEFAULTS)
    assert problems == [] and (state.lang, state.scenario) == ("en", "tendanciel")
    english = HomeApp(state, [])
    assert "Prepare a workshop" in english.widget.children[2].value
    assert all(q["lang"] == "en" for q in links(english.cards.value).values())
    assert "Version française" in english.header.value
