"""Validation of the climate inputs and the adaptation model (figures written to
docs/validation.md).

- :func:`reference_check`: the model's 1976–2005 climate of a few départements beside
  Météo-France figures for one station in each, and France's mean temperature beside the
  national normals;
- :func:`nievre_2050`: summer days over 25 °C around 2050 by pathway, beside the 97 days of
  the départemental plan;
- :func:`france_checks`: France's heatwave excess deaths, heating and cooling changes beside
  the published orders of magnitude.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..calibration.adaptation_inputs import (
    ALERT_SHARE,
    SURVEILLANCE_DAYS,
    alert_ratio,
    territory_warming,
    unit_indicator,
)
from ..data import Dataset, open_data
from ..i18n import format_number
from ..models.adaptation import HEATWAVE_EXCESS
from ..models.adaptation import HEATWAVE_EXCESS_HIGH as EXCESS_HIGH
from ..models.adaptation import HEATWAVE_EXCESS_LOW as EXCESS_LOW
from ..models.energy import HEAT_SAVING_PER_DEGREE
from ..pipeline import run_chain
from ..scenario import load_preset
from ..scenario.adaptation import PATHWAYS
from ..territory import get_territory


@dataclass(frozen=True)
class StationNormal:
    """A published Météo-France figure for one station, beside which the model's 1976–2005
    average of the station's département is shown.
    """

    dep: str
    station: str
    indicator: str
    value: float
    period: str
    source: str


_TF1 = (
    "Météo-France normals presented by É. Dhéliat, « Météo France change ses normales de "
    "saison » (TF1, June 2022)"
)
_AFP_2014 = (
    "Météo-France (F. Nathan) quoted by AFP, « En 2014, les jours de gel exceptionnellement "
    "rares » (Tendance Ouest, 2014)"
)
_NICE = (
    "Météo-France (F. Gibier) quoted by France 3 Provence-Alpes-Côte d'Azur, « C'est un record "
    "à Nice cet été avec soixante nuits tropicales consécutives » (2022)"
)
_NEVERS = "Météo-France normals relayed by « Climat de la Nièvre » (Wikimonde, copy of Wikipédia)"
_BFMTV = "BFMTV, « Combien de journées d'été cette année dans votre ville ? » (2018)"
_RUE89 = (
    "Météo-France (S. Roy, Direction Nord-Est) quoted by Rue89 Strasbourg, « Prévisions : des "
    "canicules plus fréquentes à Strasbourg » (2020)"
)
_STRASBOURG = "about 1990, derived: 43 a year in 1950 and 5 more each decade"
STATION_NORMALS = (
    StationNormal("58", "Nevers", "mean_temperature", 10.5, "period not stated", _NEVERS),
    StationNormal("69", "Lyon", "frost_days", 52, "1981–2010", _TF1),
    StationNormal("69", "Lyon", "frost_days", 42, "1991–2020", _TF1),
    StationNormal("75", "Paris-Montsouris", "frost_days", 25, "the 30 years to 2014", _AFP_2014),
    StationNormal("75", "Paris", "summer_days", 49, "period, station not stated", _BFMTV),
    StationNormal("25", "Besançon", "frost_days", 65, "the 30 years to 2014", _AFP_2014),
    StationNormal("06", "Nice", "tropical_nights", 46, "1961–1990", _NICE),
    StationNormal("06", "Nice", "tropical_nights", 56, "1991–2020", _NICE),
    StationNormal("67", "Strasbourg-Entzheim", "summer_days", 43 + 5 * 4, _STRASBOURG, _RUE89),
)
"""Météo-France figures for a few stations (relayed: the normals' own sheets were not
reachable offline). Each is a station, the model gives a département average."""
FRANCE_MEAN_TEMPERATURE = (("1961–1990", 11.82), ("1981–2010", 12.55), ("1991–2020", 12.97))
"""Météo-France normals of France's annual mean temperature (°C), announced with the 1991–2020
normals (:data:`FRANCE_SOURCE`)."""
FRANCE_SOURCE = (
    "Météo-France quoted by France Bleu, « Plus chaud, plus sec, moins de gelées : Météo France "
    "met à jour ses normales saisonnières » (June 2022)"
)
QUANTITIES = {
    "mean_temperature": "mean temperature (°C)",
    "frost_days": "frost days (Tmin < 0 °C, days/yr)",
    "tropical_nights": "tropical nights (Tmin > 20 °C, days/yr)",
    "summer_days": "summer days (Tmax > 25 °C, days/yr)",
}
PLAN_SUMMER_DAYS_2050 = 97
"""« jusqu'à 97 jours à plus de 25 °C » by 2050: the Nièvre's 2050 adaptation plan, as quoted
in the project's seed documents."""
SPF_HEATWAVE_DEATHS = 0.28 * 32_658 / 9
"""Heat-attributable deaths a year during heatwaves, 2014–2022 (persons a year): 28 % of
32,658 over nine summers (Santé publique France, 2023), ≈ 1,016."""
SPF_SHARE_75 = 23_080 / 32_658
"""Share of the heat-attributable deaths of 2014–2022 aged 75+ (fraction): 23,080 of 32,658
(same study), ≈ 71 %."""
HDD_CHANGE_2100 = -28.0
"""Heating degree-days of France by 2100, "at least −28 %" (study in *Climate Services*,
EURO-CORDEX ensemble, relayed by Révolution Énergétique)."""
CDD_RATIO_2100 = (3.0, 4.0)
"""Cooling degree-days of France by 2100: ×3 to ×4 (same study)."""


def reference_check(data: Dataset | None = None) -> pd.DataFrame:
    """The model's simulated 1976–2005 climate of each département of
    :data:`STATION_NORMALS` beside the Météo-France figure of its station, and France's mean
    temperature (mean of the 96 départements) beside the national normals.
    """
    data = data or open_data()
    table = data.table("climate_drias2020")
    ref = table[(table["pathway"] == "reference") & (table["season"] == "annual")]
    value = ref.set_index(["dep", "indicator"])["value"]
    rows = [
        (n.dep, n.station, n.indicator, value[n.dep, n.indicator], n.value, n.period, n.source)
        for n in STATION_NORMALS
    ]
    france = float(ref[ref["indicator"] == "mean_temperature"]["value"].mean())
    rows += [
        ("France", "national", "mean_temperature", france, normal, period, FRANCE_SOURCE)
        for period, normal in FRANCE_MEAN_TEMPERATURE
    ]
    columns = ["dep", "station", "indicator", "model_1976_2005", "meteo_france", "period"]
    return pd.DataFrame(rows, columns=[*columns, "source"])


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
    """France under ``tendanciel`` (TRACC): excess deaths during heatwave alerts in 2025 (central,
    bounds, share aged 75+), and the heating and cooling change from 2021 to 2100 under RCP 8.5
    (metropolitan départements).
    """
    data = data or open_data()
    france = get_territory("FR", data)
    chain = run_chain(france, load_preset("tendanciel"), data=data)
    deaths = chain.adaptation.excess_deaths()[:, 0]
    low, high = (chain.adaptation.excess_deaths(e)[0, 0] for e in (EXCESS_LOW, EXCESS_HIGH))
    years = np.arange(2021, 2101)
    persons = chain.demography.projection.population[0].sum(axis=(-1, -2))
    effect = territory_warming(chain.demography.units, persons, "rcp85", years, data)
    heating = 100 * ((1 - HEAT_SAVING_PER_DEGREE) ** effect.warming[-1] - 1)
    return {
        "excess_deaths_2025": float(deaths[0]),
        "excess_deaths_2025_low": float(low),
        "excess_deaths_2025_high": float(high),
        "share_75_2025": float(deaths[1] / deaths[0]),
        **{f"alert_ratio_{p}": alert_ratio(data, p) for p in ("rcp26", "rcp45", "rcp85")},
        "warming_2021_2100": float(effect.warming[-1]),
        "heating_change_pct": float(heating),
        "summer_days_ratio": float(effect.summer_ratio[-1]),
    }


def _n(value: float, decimals: int = 0) -> str:
    return format_number(value, decimals, "en")


def _decimals(row) -> int:
    """Decimals of a published figure: as published (°C to 0.01 for France, 0.1 for a
    station; whole days).
    """
    if row.indicator != "mean_temperature":
        return 0
    return 2 if row.dep == "France" else 1


def _model(ref: pd.DataFrame, dep: str, indicator: str) -> float:
    """The model's value of ``dep`` and ``indicator`` in the :func:`reference_check` table."""
    rows = ref[(ref["dep"] == dep) & (ref["indicator"] == indicator)]
    return float(rows["model_1976_2005"].iloc[0])


def _days(value: float) -> str:
    return _n(value, 1) if np.isfinite(value) else "missing"


def _france_rows(france: dict[str, float]) -> list[tuple[str, str, str]]:
    low, high = CDD_RATIO_2100
    warming = _n(france["warming_2021_2100"], 1)
    return [
        (
            "excess deaths during heatwave alerts, 2025 (TRACC, persons/yr; range)",
            f"{_n(france['excess_deaths_2025'])} ({_n(france['excess_deaths_2025_low'])}–"
            f"{_n(france['excess_deaths_2025_high'])})",
            f"{_n(SPF_HEATWAVE_DEATHS)} a year during heatwaves 2014–2022 (1,435 in 2019, "
            "2,816 in 2022) (SPF)",
        ),
        (
            "share of those excess deaths aged 75+",
            f"{_n(100 * france['share_75_2025'])} %",
            f"{_n(100 * SPF_SHARE_75)} % of the heat-attributable deaths of 2014–2022 (SPF)",
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
        f"| {r.dep} | {r.station} | {QUANTITIES[r.indicator]} | {_n(r.model_1976_2005, 1)} | "
        f"{_n(r.meteo_france, _decimals(r))} ({r.period}) | {r.source} |"
        for r in ref.itertuples()
    )
    pathways = "\n".join(
        f"| {r.pathway} | {_days(r.summer_days_2050)} | {r.plan} |" for r in nievre.itertuples()
    )
    checks = "\n".join(f"| {' | '.join(row)} |" for row in _france_rows(france))
    alert_days = ALERT_SHARE * SURVEILLANCE_DAYS
    return f"""
## Climate adaptation (DRIAS-2020: one model, ALADIN63 / CNRM-CM5)

Every climate figure here comes from **one simulation** (ALADIN63 driven by CNRM-CM5), averaged
over each département; other models of the DRIAS set give other values. Method:
[methodology/adaptation.md](methodology/adaptation.md).

### Reference period against Météo-France figures (stations in six départements, France)

The model's 1976–2005 mean of each département (DRIAS « reference » period) beside a published
Météo-France figure for one station in it. The normals' own sheets (fiches climatologiques)
could not be fetched offline: every figure below is Météo-France's as relayed by the press,
and its period is given as published.

| dép. | station | quantity | model, département mean, 1976–2005 | Météo-France (period) | source |
|---|---|---|---|---|---|
{rows}

Reading the gaps — a station is a point, often in a valley, a city or on the coast, where the
model gives the average of the 8 km grid cells of a whole département, with its heights; and
the periods differ (the 1991–2020 normals are about 0.4 °C warmer than 1981–2010 for France):

- **Close where the département is like its station.** Nièvre: mean temperature within a tenth
  of a degree of Nevers. Rhône: {_n(_model(ref, "69", "frost_days"))} frost days against Lyon's 52
  of 1981–2010, the period closest to 1976–2005; Lyon's 1991–2020 normal (42) shows how much
  fifteen years of warming move such a count. Paris: {_n(_model(ref, "75", "frost_days"))} frost
  days against 25 at Montsouris, and {_n(_model(ref, "75", "summer_days"))} summer days against
  « about 49 » (a normal whose period and station BFMTV does not give).
- **Far where the département has heights its station does not.** Doubs:
  {_n(_model(ref, "25", "frost_days"))} frost days against 65 at Besançon (the Jura plateaus
  and mountains are in the average); Bas-Rhin: {_n(_model(ref, "67", "summer_days"))} summer
  days against about 63 at Strasbourg-Entzheim (a value derived from a trend quoted by
  Météo-France; the Vosges are in the average); Alpes-Maritimes:
  {_n(_model(ref, "06", "tropical_nights"), 1)} tropical nights against 46 to 56 at Nice, on the
  coast, where the sea keeps nights warm, while most of the département is mountain.
- **France:** the mean of the 96 départements, {_n(_model(ref, "France", "mean_temperature"), 1)}
  °C, is below the national normals (11.82 °C for 1961–1990, 12.55 °C for 1981–2010), which are
  station figures; the area average includes the Alps, the Pyrenees and the Massif central.

What it means for the results: where people live in a warm lowland or on a coast and the
département also has mountains, the département average **understates** the heat they live,
tropical nights above all (Alpes-Maritimes, and probably the other Mediterranean and Alpine
départements). The exposure of the oldest there is a low estimate. And all of it is one model:
no spread between models is shown.

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

**Heat-related excess deaths: why a first version gave twice Santé publique France's figure.**
The relative excess (+9.1 %, SPF's bilan of the 2019 heatwaves; +3.8 % to +16.7 % as bounds)
is measured on SPF's heat-alert days (canicule: three-day means of the minimum and maximum
temperatures above thresholds set for each département). It was applied to every DRIAS « jour
de vague de chaleur » (NORTXHWD), a looser count: in this simulation
{_n(alert_days / france["alert_ratio_rcp85"], 1)} days a year on average over the 96
départements in 2014–2022, against {_n(alert_days, 1)} alert days ({_n(100 * ALERT_SHARE)} % of
the {SURVEILLANCE_DAYS} days from 1 June to 15 September, SPF study of 2014–2022). France came
out at 2,325 deaths in 2025, 2.3 times SPF's 1,016 a year. The exposure definition was the
cause, not the relative risk, the baseline mortality or the population: counted on SPF's alert
days, the same {_n(100 * HEATWAVE_EXCESS, 1)} %, the projection's deaths and its population give
SPF's figure. The DRIAS heatwave days are now converted to alert days by the ratio
{_n(france["alert_ratio_rcp85"], 2)} (alert days of 2014–2022 over the simulation's heatwave
days of the same years), and France in 2025 is {_n(france["excess_deaths_2025"])} deaths, close
to SPF's average — a consistency check of the conversion, not an independent validation, since
the alert-day count and the deaths on those days come from the same SPF study.

Uncertainty, largest first: the relative excess (the range above, carried in
`Range|Adaptation|Excess Deaths|Low/High`, from the central value net of harvesting to the
summer 2022 heatwaves); the conversion ratio, computed on the RCP 8.5 path
({_n(france["alert_ratio_rcp26"], 2)} on RCP 2.6 and {_n(france["alert_ratio_rcp45"], 2)} on
RCP 4.5, whose 2021–2050 windows already differ in this one model: up to
{_n(100 * (1 - france["alert_ratio_rcp26"] / france["alert_ratio_rcp85"]))} % fewer deaths);
the assumption that alert days grow like DRIAS heatwave days (no published projection of alert
days was found); annual-average daily deaths (summer deaths are fewer, so the central value is
a little high); no acclimatisation, air conditioning or heat-plan effect. The share aged 75+
({_n(100 * france["share_75_2025"])} %) comes from applying the same relative excess at every
age; SPF finds {_n(100 * SPF_SHARE_75)} %. These are deaths during heatwave alerts only: SPF
attributes 3.6 times as many deaths to heat over the whole summer (32,658 in 2014–2022, 28 %
during alerts), which this model does not estimate.

The heating change is smaller than the study's
because 7 % per °C is a national average and the warming here is that of one simulation; the
days over 25 °C grow less than cooling degree-days, so the cooling added is likely low.
"""
