"""A report of Saône-et-Loire under the sobriety preset, and one printer for the module."""

from __future__ import annotations

import pytest

from prospectif.reports import territory_report
from prospectif.reports.printing import Printer
from prospectif.scenario import scenario_from_presets


@pytest.fixture(scope="session")
def sobriety_report():
    return territory_report("DEP-71", scenario_from_presets("sobriete", 2050))


@pytest.fixture(scope="session")
def printer():
    with Printer() as started:
        yield started
