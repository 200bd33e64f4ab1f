"""Report-mode content of the dashboards: figures, indicator tables and the sources panel.

Each function returns objects to display (plotly figures, HTML); the notebooks display them.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .i18n import format_number
from .pipeline import run_demography
from .results import write_results
from .scenario import Scenario, compose
from .territory import get_territory
from .viz import pyramid_figure, trajectory_figure

INDICATORS = (
    ("Population", "Population", "persons", 0),
    ("Population|Share|Age 65+", "Part des 65 ans ou plus", "%", 1),
    ("Population|Age 75+", "Personnes de 75 ans ou plus", "persons", 0),
    ("Population|Age 85+", "Personnes de 85 ans ou plus", "persons", 0),
    ("Births", "Naissances dans l'année", "persons/yr", 0),
    ("Deaths", "Décès dans l'année", "persons/yr", 0),
    ("Net Migration", "Solde migratoire de l'année", "persons/yr", 0),
    ("Median Age", "Âge médian (années)", "years", 1),
    ("Old-Age Dependency Ratio", "65 ans ou plus pour 100 personnes de 20 à 64 ans", "", 1),
)
BAND_SCENARIOS = ("insee-fecondite-basse", "insee-fecondite-haute")

SOURCES_FR = """
<details class="prospectif-sources"><summary><b>Sources et méthode</b></summary>
<ul>
<li>Population au 1er janvier 2025 : INSEE, <i>Estimations de population par département, sexe
et âge quinquennal, 1975-2025</i> (décembre 2024), réparties par âge détaillé.</li>
<li>Mortalité : INSEE, <i>Projections de population 2021-2070</i>, hypothèse centrale, ajustée
pour atteindre l'espérance de vie visée ; écart de mortalité du département estimé.</li>
<li>Fécondité : Human Fertility Database (calendrier France 2022), indice ajusté par département.</li>
<li>Migrations : soldes estimés par la méthode résiduelle sur 2015-2025 (estimations INSEE).</li>
<li>Structure du territoire : {structure}.</li>
<li>Méthode complète : <code>docs/methodology/demography.md</code> ; validation :
<code>docs/validation.md</code>.</li>
</ul></details>
"""

STRUCTURES_FR = {
    "insee-estimates": "estimations INSEE du ou des départements",
    "departement-share": "estimée : part des communes dans la population du département "
    "(population légale 2017), structure par âge du département",
    "census-import": "importée du recensement de l'INSEE",
}


def scenario_for(scenario_ids: str, horizon: int) -> Scenario:
    """The scenario named by ``scenario_ids`` (ids joined by commas) with the given horizon."""
    return compose(scenario_ids.split(",")).with_values({"horizon": horizon})


def indicator_table(results: pd.DataFrame, years: list[int]) -> str:
    """HTML table of the headline indicators in French, for some years."""
    table = results.pivot_table(index="variable", columns="year", values="value")
    header = "".join(f"<th>{y}</th>" for y in years)
    rows = []
    for variable, label, _, decimals in INDICATORS:
        cells = "".join(
            f"<td>{format_number(table.at[variable, y], decimals) if y in table.columns else '–'}</td>"
            for y in years
        )
        rows.append(f"<tr><th>{html.escape(label)}</th>{cells}</tr>")
    return (
        '<table class="prospectif-table" style="font-size:18px;text-align:right">'
        f"<thead><tr><th></th>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def demography_report(
    territory_code: str, scenario_ids: str, horizon: int, output_dir: str = "", mode: str = "report"
) -> list:
    """Objects of the demography report: title, pyramid, trajectory, indicators, sources.

    Writes the results table to ``output_dir/resultats.parquet`` when ``output_dir`` is set.

    Raises
    ------
    ValueError
        For a mode other than ``report`` (the interactive mode is not built yet).
    """
    from IPython.display import HTML

    if mode != "report":
        raise ValueError(f"mode {mode!r} non disponible : seul le mode 'report' existe")
    territory = get_territory(territory_code)
    scenario = scenario_for(scenario_ids, horizon)
    run = run_demography(territory, scenario)
    base_year = int(run.years[0])
    band_tables = [
        run_demography(territory, compose([b]).with_values({"horizon": horizon})).table()
        for b in BAND_SCENARIOS
    ]
    band = tuple(t[t["variable"] == "Population"].set_index("year")["value"] for t in band_tables)
    label = scenario.label.fr
    results = run.table()
    if output_dir:
        write_results(results, Path(output_dir) / "resultats.parquet")
    years = sorted({base_year, *range(2030, horizon + 1, 10), horizon})
    return [
        HTML(f"<h1>{html.escape(territory.name)} — {html.escape(label)}</h1>"),
        pyramid_figure(
            run.population,
            run.years,
            base_year,
            horizon,
            f"Pyramide des âges {base_year} et {horizon}",
        ),
        trajectory_figure(
            {label: results}, "Population", "personnes", "Population au 1er janvier", band=band
        ),
        HTML(indicator_table(results, years)),
        HTML(SOURCES_FR.format(structure=STRUCTURES_FR[run.structure])),
    ]
