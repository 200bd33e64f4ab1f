"""Validation of the climate inputs and the adaptation model (figures written to
docs/validation.md).

- :func:`reference_check`: the model's 1976–2005 climate of the Nièvre beside Météo-France
  figures for Nevers;
- :func:`nievre_2050`: summer days over 25 °C around 2050 by pathway, beside the 97 days of
  the départemental plan;
- :func:`france_checks`: France's heatwave excess deaths, heating and cooling changes beside
  the published orders of magnitude.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..calibration.adaptation_inputs import territory_warming, unit_indicator
from ..data import Dataset, open_data
from ..i18n import format_number
from ..models.energy import HEAT_SAVING_PER_DEGREE
from ..pipeline import run_chain
from ..scenario import load_preset
from ..scenario.adaptation import PATHWAYS
from ..territory import get_territory

NEVERS_MEAN_TEMPERATURE = 10.5
"""Annual mean temperature at Nevers (°C): Météo-France station normals as relayed by
« Climat de la Nièvre » (Wikimonde, copy of Wikipédia; the normal period is not stated)."""
NEVERS_SUMMER_DAYS_2003, NEVERS_SUMMER_DAYS_2018 = 86, 89
"""Days over 25 °C at Nevers in 2003 and in 2018 (to mid-September), the two highest since
1946: Météo-France quoted by France 3 Bourgogne-Franche-Comté (« 2018, déjà année record de
jours de chaleur à Nevers », 2018)."""
PLAN_SUMMER_DAYS_2050 = 97
"""« jusqu'à 97 jours à plus de 25 °C » by 2050: the Nièvre's 2050 adaptation plan, as quoted
in the project's seed documents."""
SPF_HEATWAVE_DEATHS = 0.28 * 32_658 / 9
"""Heat-attributable deaths a year during heatwaves, 2014–2022 (persons a year): 28 % of
32,658 over nine summers (Santé publique France, 2023), ≈ 1,016."""
HDD_CHANGE_2100 = -28.0
"""Heating degree-days of France by 2100, "at least −28 %" (study in *Climate Services*,
EURO-CORDEX ensemble, relayed by Révolution Énergétique)."""
CDD_RATIO_2100 = (3.0, 4.0)
"""Cooling degree-days of France by 2100: ×3 to ×4 (same study)."""


def reference_check(data: Dataset | None = None) -> pd.DataFrame:
    """The Nièvre's simulated 1976–2005 climate beside the Météo-France figures for Nevers."""
    data = data or open_data()
    table = data.table("climate_drias2020")
    ref = table[(table["pathway"] == "reference") & (table["dep"] == "58")]
    value = ref.set_index(["indicator", "season"])["value"]
    return pd.DataFrame(
        {
            "quantity": ["mean temperature (°C)", "summer days > 25 °C (days/yr)"],
            "model_1976_2005": [
                value["mean_temperature", "annual"],
                value["summer_days", "annual"],
            ],
            "meteo_france": [
                f"{NEVERS_MEAN_TEMPERATURE} (Nevers, station normal)",
                f"{NEVERS_SUMMER_DAYS_2003} in 2003, {NEVERS_SUMMER_DAYS_2018} in 2018 (records)",
            ],
        }
    )


def nievre_2050(data: Dataset | None = None) -> pd.DataFrame:
    """Summer days over 25 °C in the Nièvre in 2050 by pathway (days a year, NaN if missing)."""
    data = data or open_data()
    values = [
        float(unit_indicator(("58",), p, "summer_days", np.array([2050]), data)[0, 0])
        for p in PATHWAYS
    ]
    return pd.DataFrame(
        {"pathway": list(PATHWAYS), "summer_days_2050": values, "plan": PLAN_SUMMER_DAYS_2050}
    )


def france_checks(data: Dataset | None = None) -> dict[str, float]:
    """France under ``tendanciel`` (TRACC): excess deaths on heatwave days in 2025, and the
    heating and cooling change from 2021 to 2100 under RCP 8.5 (metropolitan départements).
    """
    data = data or open_data()
    france = get_territory("FR", data)
    chain = run_chain(france, load_preset("tendanciel"), data=data)
    deaths = chain.adaptation.excess_deaths()[0, 0]
    years = np.arange(2021, 2101)
    persons = chain.demography.projection.population[0].sum(axis=(-1, -2))
    effect = territory_warming(chain.demography.units, persons, "rcp85", years, data)
    heating = 100 * ((1 - HEAT_SAVING_PER_DEGREE) ** effect.warming[-1] - 1)
    return {
        "excess_deaths_2025": float(deaths),
        "warming_2021_2100": float(effect.warming[-1]),
        "heating_change_pct": float(heating),
        "summer_days_ratio": float(effect.summer_ratio[-1]),
    }


def _n(value: float, decimals: int = 0) -> str:
    return format_number(value, decimals, "en")


def _days(value: float) -> str:
    return _n(value, 1) if np.isfinite(value) else "missing"


def _france_rows(france: dict[str, float]) -> list[tuple[str, str, str]]:
    low, high = CDD_RATIO_2100
    warming = _n(france["warming_2021_2100"], 1)
    return [
        (
            "excess deaths on heatwave days, 2025 (TRACC, persons/yr)",
            _n(france["excess_deaths_2025"]),
            f"{_n(SPF_HEATWAVE_DEATHS)} a year during heatwaves 2014–2022; 1,435 in 2019; "
            "2,816 in 2022 (SPF)",
        ),
        (
            f"heating need, 2021→2100, RCP 8.5 (warming {warming} °C)",
            f"{_n(france['heating_change_pct'])} %",
            f"heating degree-days at least {_n(HDD_CHANGE_2100)} % (EURO-CORDEX study)",
        ),
        (
            "cooling driver (days > 25 °C), 2100 / 2021, RCP 8.5",
            f"×{_n(france['summer_days_ratio'], 1)}",
            f"cooling degree-days ×{_n(low)} to ×{_n(high)} (same study)",
        ),
    ]


def markdown() -> str:
    """The adaptation section of ``docs/validation.md``, with the figures computed now."""
    ref = reference_check()
    nievre = nievre_2050()
    france = france_checks()
    rows = "\n".join(
        f"| {r.quantity} | {_n(r.model_1976_2005, 1)} | {r.meteo_france} |"
        for r in ref.itertuples()
    )
    pathways = "\n".join(
        f"| {r.pathway} | {_days(r.summer_days_2050)} | {r.plan} |" for r in nievre.itertuples()
    )
    checks = "\n".join(f"| {' | '.join(row)} |" for row in _france_rows(france))
    return f"""
## Climate adaptation (DRIAS-2020: one model, ALADIN63 / CNRM-CM5)

Every climate figure here comes from **one simulation** (ALADIN63 driven by CNRM-CM5), averaged
over each département; other models of the DRIAS set give other values. Method:
[methodology/adaptation.md](methodology/adaptation.md).

### Reference period against Météo-France figures (Nièvre)

| quantity | model, Nièvre average, 1976–2005 | Météo-France, Nevers |
|---|---|---|
{rows}

The simulated mean temperature of the département is within a tenth of a degree of the Nevers
station normal (a relayed figure whose period is not stated). The 36.6 summer days a year of
1976–2005 are well below the record years 2003 and 2018 at Nevers, as a 30-year mean should be.
**Not checked:** the Météo-France 1991–2020 normals of other départements (no normals are in the
project's reference notes and none could be fetched offline); the comparison stops at one
département and two quantities.

### Nièvre (DEP-58): summer days over 25 °C in 2050

| pathway | this model, 2050 (days/yr) | départemental plan, « jusqu'à » |
|---|---|---|
{pathways}

This single model gives about 58 summer days in 2050 under TRACC, RCP 2.6 and RCP 8.5 (RCP 4.5
is missing after 2035 in the Nièvre), some **40 days fewer** than the plan's 97. The plan's
figure is an upper bound (« jusqu'à ») that probably comes from the warm end of a multi-model
ensemble or the hottest part of the département; this model's end-of-century RCP 8.5 mean
(86.9 days, 2071–2100) still stays below it. Show the two side by side, never one for the other.

### France: orders of magnitude

| check | Prospectif | published |
|---|---|---|
{checks}

The excess deaths apply the +9.1 % of the 2019 heatwaves to every DRIAS heatwave day. The
model's France figure is above the SPF average over 2014–2022, because the DRIAS "heatwave day"
count of this simulation (about 18 days a year around 2025 in the Nièvre) is larger than the
days Santé publique France counted as heatwave days; read it as an order of magnitude, with the
range (+3.8 % to +16.7 %) in the results. The heating change is smaller than the study's
because 7 % per °C is a national average and the warming here is that of one simulation; the
days over 25 °C grow less than cooling degree-days, so the cooling added is likely low.
"""
