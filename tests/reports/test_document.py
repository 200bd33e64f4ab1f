"""The 4-page report's HTML: four A4 pages, every section on its page, the facts it states."""

from __future__ import annotations

import re

import pytest

from prospectif.reports import territory_report
from prospectif.reports.document import PAGES, Render, Section, report_html
from prospectif.reports.sections import SECTIONS
from prospectif.results.verdicts import sentence
from prospectif.scenario import scenario_from_presets


def test_the_sections_fill_exactly_the_four_pages():
    assert sorted({s.page for s in SECTIONS}) == list(range(1, PAGES + 1))
    assert len({s.key for s in SECTIONS}) == len(SECTIONS)


def test_the_page_has_four_pages_with_their_sections(sobriety_report):
    page = report_html(sobriety_report, Render("fr"))
    assert page.count('<section class="page"') == PAGES
    bodies = re.findall(r'<section class="page" data-page="(\d)">(.*?)</section>', page, re.S)
    assert [int(n) for n, _ in bodies] == [1, 2, 3, 4]
    for section in SECTIONS:
        assert f'class="section {section.key}"' in bodies[section.page - 1][1]


def test_page_one_states_every_verdict_in_words(sobriety_report):
    page = report_html(sobriety_report, Render("fr"))
    assert len(sobriety_report.verdicts) == 7
    for verdict in sobriety_report.verdicts:
        assert sentence(verdict, "fr").replace("'", "&#x27;") in page
    assert page.count('data-met="') == 7


def test_page_four_lists_what_differs_from_the_trend(sobriety_report):
    page = report_html(sobriety_report, Render("fr"))
    assert "Part des actifs en télétravail" in page
    assert sobriety_report.scenario.hash in page
    trend = territory_report("DEP-71", scenario_from_presets("tendanciel", 2050))
    assert "Aucune : ce scénario est le tendanciel." in report_html(trend, Render("fr"))


def test_the_report_is_available_in_english(sobriety_report):
    page = report_html(sobriety_report, Render("en"))
    assert "Targets: met or missed" in page and 'lang="en"' in page
    assert "Objectifs : atteints" not in page


def test_plotly_is_inlined_or_loaded_from_the_address_given(sobriety_report):
    linked = report_html(sobriety_report, Render("fr", plotly_src="../assets/plotly.min.js"))
    assert '<script src="../assets/plotly.min.js"></script>' in linked
    assert "http://" not in linked.replace("http://www.w3.org", "")
    assert len(report_html(sobriety_report, Render("fr"))) > len(linked) + 3_000_000


def test_a_section_is_one_entry(sobriety_report):
    extra = (*SECTIONS, Section(4, "extra-domain", lambda report, render: "<p>Logement</p>"))
    page = report_html(sobriety_report, Render("fr"), extra)
    assert '<div class="section extra-domain"><p>Logement</p></div>' in page


@pytest.mark.parametrize("code", ["EPCI-200070308", "DEP-976"])
def test_other_territories_have_their_report(code):
    report = territory_report(code, scenario_from_presets("tendanciel", 2050))
    assert report_html(report, Render("fr")).count('<section class="page"') == PAGES
