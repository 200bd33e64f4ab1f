"""Climate inputs of the adaptation and energy models, from the DRIAS-2020 and TRACC tables.

A pathway is read with :func:`prospectif.data.climate.climate_path` (30-year window means at
their middle years, linear in between; missing cells stay NaN). The TRACC pathway is read on
the RCP 8.5 simulation by warming level: each year takes the RCP 8.5 values of the year in which
the simulation's mean warming over the metropolitan départements equals the TRACC warming of
that year, measured from the model's 1976–2005 reference (docs/methodology/adaptation.md).
"""

from __future__ import annotations

import numpy as np

from ..data import Dataset, open_data
from ..data.climate import TABLE, anchors, interpolate
from ..models.adaptation import ClimateInputs
from ..models.energy_climate import ClimateEffect

TRACC_TABLE = "tracc_warming"
TRACC_ALONG = "rcp85"
"""The simulation the TRACC warming levels are read on (the only pathway reaching them)."""
OBSERVED_YEAR, OBSERVED_WARMING = 2023, 1.7
"""Observed warming of France in 2023 above 1850–1900 (°C): Ministère de la Transition
écologique, dossier « Réchauffement : la trajectoire de référence » (2024). It anchors the
TRACC levels (above 1850–1900) onto the model's anomalies (above 1976–2005)."""
WARMING = "mean_temperature_anomaly"
INDICATORS = ("heatwave_days", "tropical_nights", "summer_days", "hot_days")
ALERT_SHARE, SURVEILLANCE_DAYS = 0.06, 107
"""Heat-alert (canicule) days were 6 % of the days of the summer surveillance, 1 June to
15 September (107 days), in the metropolitan départements over 2014–2022 (Santé publique France,
« Estimation de la fraction de la mortalité attribuable à l'exposition de la population générale
à la chaleur en France métropolitaine », 2023, relayed by EHPAD Magazine and Destination Santé):
about 6.4 alert days a year and département."""
ALERT_YEARS = np.arange(2014, 2023)
"""The summers of that study."""


def tracc_years(years: np.ndarray, data: Dataset | None = None) -> np.ndarray:
    """Years of the RCP 8.5 simulation at which it reaches the TRACC warming of ``years``.

    TRACC gives the warming of metropolitan France above 1850–1900 in 2030, 2050 and 2100
    (linear between them, from the observed +1.7 °C of 2023). The model's national warming is
    the mean over départements of its annual mean-temperature anomaly from 1976–2005; the
    offset between the two references is the observed 2023 warming minus the model's 2023
    anomaly.
    """
    data = data or open_data()
    middle, values = window_means(TRACC_ALONG, WARMING, data)
    national = values.to_numpy().mean(axis=0)
    tracc = data.table(TRACC_TABLE).sort_values("year")
    levels_years = np.concatenate([[OBSERVED_YEAR], tracc["year"].to_numpy()])
    levels = np.concatenate([[OBSERVED_WARMING], tracc["warming_france_c"].to_numpy()])
    offset = OBSERVED_WARMING - np.interp(OBSERVED_YEAR, middle, national)
    anomaly = np.interp(np.asarray(years, dtype=float), levels_years, levels) - offset
    return np.interp(anomaly, national, middle)


def read_years(
    pathway: str, years: np.ndarray, data: Dataset | None = None
) -> tuple[str, np.ndarray]:
    """The DRIAS pathway and the years to read it at for the scenario ``pathway``."""
    if pathway == "tracc":
        return TRACC_ALONG, tracc_years(years, data)
    return pathway, np.asarray(years, dtype=float)


def window_means(pathway: str, indicator: str, data: Dataset):
    """Middle years and window means by département of a DRIAS pathway and indicator
    (:func:`prospectif.data.climate.anchors`), kept on the data set.
    """
    return data.derived(
        f"climate.anchors.{pathway}.{indicator}",
        lambda: anchors(data.table(TABLE), pathway, indicator),
    )


def alert_ratio(data: Dataset | None = None, pathway: str = TRACC_ALONG) -> float:
    """Heat-alert (canicule) days of Santé publique France per DRIAS heatwave day (ratio).

    The relative excess mortality is measured on SPF's alert days (three-day means of the
    minimum and maximum temperatures above département thresholds); DRIAS counts « jours de
    vague de chaleur » (NORTXHWD) under its own definition, which gives more days. The ratio
    is SPF's alert days of 2014–2022 (:data:`ALERT_SHARE` × :data:`SURVEILLANCE_DAYS`) over the
    mean DRIAS heatwave days of the 96 metropolitan départements in the same years, on the
    ``pathway`` path (by default RCP 8.5, the one TRACC is read on; every pathway of the model
    uses this one ratio). It is held constant: the alert days are assumed to grow like the DRIAS
    heatwave days. Kept on the data set.
    """
    data = data or open_data()

    def compute() -> float:
        middle, values = window_means(pathway, "heatwave_days", data)
        days = interpolate(middle, values.to_numpy(), ALERT_YEARS).mean()
        return float(ALERT_SHARE * SURVEILLANCE_DAYS / days)

    return data.derived(f"adaptation.alert_ratio.{pathway}", compute)


def unit_indicator(
    units: tuple[str, ...], pathway: str, indicator: str, years: np.ndarray, data: Dataset
) -> np.ndarray:
    """One indicator by (year, unit) for the scenario ``pathway``; NaN for units DRIAS does
    not cover (overseas départements) and for missing cells. Kept on the data set (read-only).
    """
    key = f"climate.units.{pathway}.{indicator}.{'.'.join(units)}.{int(years[0])}.{len(years)}"
    return data.derived(key, lambda: _unit_indicator(units, pathway, indicator, years, data))


def _unit_indicator(
    units: tuple[str, ...], pathway: str, indicator: str, years: np.ndarray, data: Dataset
) -> np.ndarray:
    source, read = read_years(pathway, years, data)
    middle, values = window_means(source, indicator, data)
    covered = [i for i, u in enumerate(units) if u in values.index]
    out = np.full((len(years), len(units)), np.nan)
    if covered:
        rows = values.loc[[units[i] for i in covered]].to_numpy()
        out[:, covered] = interpolate(middle, rows, read).T
    out.flags.writeable = False
    return out


def climate_inputs(
    units: tuple[str, ...], pathway: str, years: np.ndarray, data: Dataset | None = None
) -> ClimateInputs:
    """Heat indicators of the départements ``units`` for each of ``years``, kept on the data
    set.
    """
    data = data or open_data()
    key = f"adaptation.climate.{pathway}.{'.'.join(units)}.{int(years[0])}.{len(years)}"
    return data.derived(
        key,
        lambda: ClimateInputs(
            *(unit_indicator(units, pathway, name, np.asarray(years), data) for name in INDICATORS)
        ),
    )


def territory_warming(
    units: tuple[str, ...],
    weights: np.ndarray,
    pathway: str,
    years: np.ndarray,
    data: Dataset | None = None,
) -> ClimateEffect:
    """Warming since ``years[0]`` (°C) and summer days relative to ``years[0]`` (ratio) of a
    territory, by year, for the energy model.

    Départements are weighted by ``weights`` (persons); those without climate data (overseas)
    are left out, and a territory with none of them keeps a constant climate (0 °C, ratio 1).
    A year whose value is missing (RCP 4.5 after 2035 in most départements) keeps the last
    year given: the energy balance needs a number and the climate effect is not extrapolated.
    """
    data = data or open_data()
    years = np.asarray(years)
    warming = unit_indicator(units, pathway, WARMING, years, data)
    summer = unit_indicator(units, pathway, "summer_days", years, data)
    covered = ~np.isnan(warming[0])
    if not covered.any():
        return ClimateEffect.constant(len(years))
    w = np.asarray(weights, dtype=float)[covered]
    mean = [_held(values[:, covered] @ w / w.sum()) for values in (warming, summer)]
    return ClimateEffect(mean[0] - mean[0][0], mean[1] / mean[1][0])


def _held(values: np.ndarray) -> np.ndarray:
    """``values`` with each NaN replaced by the last value before it."""
    given = np.where(~np.isnan(values), np.arange(len(values)), 0)
    return values[np.maximum.accumulate(given)]
