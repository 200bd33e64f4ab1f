"""Calibration of the probabilistic projections (figures written to docs/validation.md).

- :func:`coverage`: the stochastic model fitted on data up to 2015, every département drawn
  from its 2015 estimates with the 2015 backtest's rates (:func:`.demography.backtest_paths`):
  how often the 80 % and 95 % intervals for 2025 contain INSEE's estimates;
- :func:`national_bands`: France's 80 % band under the INSEE central assumptions against the
  envelope of INSEE's 2021 variants (the presets) and INSEE's published extreme scenarios.
"""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pandas as pd

from ..calibration.demographic import demographic_base, estimates_for
from ..calibration.uncertainty import stochastic_parameters
from ..data import open_data
from ..models.demography import RatePaths, project
from ..models.lifetable import life_expectancy
from ..scenario import load_preset
from ..scenario.demography import INSEE_VARIANTS
from ..uncertainty import Block, draw_groups, map_groups, projected
from .demography import (
    backtest_assumptions,
    backtest_paths,
    insee_2021_base,
    insee_2021_paths,
)

COVERAGE_DRAWS = 1000
COVERAGE_SEED = 2015
BAND_DRAWS = 1000
BAND_SEED = 2021
INSEE_EXTREMES_2070 = (58.0e6, 79.1e6)
"""INSEE 2021 « population basse » and « population haute » scenarios, France, 2070
(persons; Insee Première n°1881, 2021, relayed by AFP)."""
COVERAGE_TARGETS = {0.8: (70.0, 90.0), 0.95: (90.0, 100.0)}
"""Share of départements (%) whose interval should contain the estimate."""
LEVELS = {0.8: (0.1, 0.9), 0.95: (0.025, 0.975)}


def coverage(
    base_year: int = 2015,
    target_year: int = 2025,
    draws: int = COVERAGE_DRAWS,
    seed: int = COVERAGE_SEED,
) -> pd.DataFrame:
    """One row per département with a base: INSEE's estimate of ``target_year`` and the
    quantiles of the draws, total and 75+, and whether each interval contains the estimate.
    """
    data = open_data()
    base = demographic_base(data)
    paths, estimates = backtest_paths(base_year, target_year)
    parameters = stochastic_parameters(data, until=base_year)
    present = np.isfinite(base.population_in(base_year)).all(axis=(-1, -2))
    start = np.nan_to_num(base.population_in(base_year))
    share = np.nan_to_num(estimates.population_share)
    finals = {label: np.empty((draws, len(base.deps))) for label in ("total", "75+")}
    groups = draw_groups(
        start, paths, parameters, draws, seed, share, estimates.international_profile
    )
    for totals in map_groups(functools.partial(_final_totals, start, paths), groups):
        for block, total, old in totals:
            finals["total"][block.draws, block.rows] = total
            finals["75+"][block.draws, block.rows] = old
    observed = base.population_in(target_year)
    frame = pd.DataFrame({"dep": base.deps})
    for label, first in (("total", 0), ("75+", 75)):
        truth = observed[..., first:].sum(axis=(-1, -2))
        frame[f"estimated_{label}"] = truth
        for level, (low, high) in LEVELS.items():
            q_low, q_high = np.quantile(finals[label], [low, high], axis=0)
            frame[f"low_{label}_{level}"] = q_low
            frame[f"high_{label}_{level}"] = q_high
            frame[f"inside_{label}_{level}"] = (truth >= q_low) & (truth <= q_high)
        frame[f"median_{label}"] = np.median(finals[label], axis=0)
    return frame[present].reset_index(drop=True)


def _final_totals(
    start: np.ndarray, paths: RatePaths, group: list[Block]
) -> list[tuple[Block, np.ndarray, np.ndarray]]:
    """Each block of the group and its persons in the last year, all ages and 75+, by
    (draw, unit).
    """
    out = []
    for block, projection in projected(start, paths, group):
        final = projection.population[-1]
        out.append((block, final.sum(axis=(-1, -2)), final[..., 75:].sum(axis=(-1, -2))))
    return out


def _totals(start: np.ndarray, paths: RatePaths, group: list[Block]) -> np.ndarray:
    """Persons of the group's draws by (year, draw, unit)."""
    totals = [p.population.sum(axis=(-1, -2)) for _, p in projected(start, paths, group)]
    return np.concatenate(totals, axis=-1)


def mortality_gap(base_year: int = 2015, target_year: int = 2025) -> np.ndarray:
    """Life expectancy at birth in ``target_year`` by the backtest's trend minus observed
    (years), women and men.
    """
    base = demographic_base()
    _, _, qx, qx_years = backtest_assumptions(base_year, target_year)
    observed = base.qx_observed[target_year - base.qx_observed_years[0]]
    return life_expectancy(qx[target_year - qx_years[0]]) - life_expectancy(observed)


def coverage_rates(frame: pd.DataFrame) -> dict[tuple[str, float], float]:
    """Share of départements (%) whose interval contains the estimate, by (group, level)."""
    return {
        (label, level): 100.0 * float(frame[f"inside_{label}_{level}"].mean())
        for label in ("total", "75+")
        for level in LEVELS
    }


def national_bands(
    years: tuple[int, ...] = (2050, 2070), draws: int = BAND_DRAWS, seed: int = BAND_SEED
) -> pd.DataFrame:
    """France in ``years``, projected as one unit from INSEE's 2021 pyramid (as in
    :func:`.demography.insee_2021_reproduction`): the 10 %, 50 % and 90 % quantiles of the
    draws around ``insee-central`` (national deviations only, fitted to 2025), the central
    path, and the lowest and highest of INSEE's variants (presets).
    """
    parameters = dataclasses.replace(
        stochastic_parameters(open_data()),
        fertility_local_sigma=0.0,
        mortality_local_sigma=0.0,
        migration_local_sigma=0.0,
    )
    central = load_preset("insee-central")
    start = insee_2021_base()
    paths = insee_2021_paths(central)
    profile = estimates_for().international_profile
    groups = draw_groups(start, paths, parameters, draws, seed, np.ones(1), profile)
    totals = np.concatenate(map_groups(functools.partial(_totals, start, paths), groups), 1)
    variants = np.array(
        [
            project(start, insee_2021_paths(load_preset(v))).population.sum(axis=(-1, -2))[:, 0]
            for v in INSEE_VARIANTS
        ]
    )
    middle = project(start, paths).population.sum(axis=(-1, -2))[:, 0]
    first = int(paths.years[0])
    rows = []
    for year in years:
        t = year - first
        q10, q50, q90 = np.quantile(totals[t, :, 0], [0.1, 0.5, 0.9])
        rows.append(
            {
                "year": year,
                "q10": q10,
                "median": q50,
                "q90": q90,
                "central": middle[t],
                "variants_low": variants[:, t].min(),
                "variants_high": variants[:, t].max(),
            }
        )
    return pd.DataFrame(rows)


def markdown() -> str:
    """The uncertainty section of ``docs/validation.md``, with the figures computed now."""
    frame = coverage()
    rates = coverage_rates(frame)
    parameters = stochastic_parameters(open_data(), until=2015)
    bands = national_bands().set_index("year")

    def millions(value: float) -> str:
        return f"{value / 1e6:.1f} M"

    lines = [
        "## Probabilistic projections",
        "",
        "Generated by `prospectif.validation`; the test suite checks this section matches the "
        "code and data, and guards the thresholds.",
        "",
        "### Coverage 2015 → 2025 (every département)",
        "",
        f"The stochastic model (`docs/methodology/uncertainty.md`) fitted only on data up to "
        f"{parameters.fitted_until}, {COVERAGE_DRAWS:,} draws (seed {COVERAGE_SEED}) of every",
        "département from the INSEE estimates of 1 January 2015 around the 2015 backtest's",
        "rates (above); share of départements whose interval for 1 January 2025 contains",
        "INSEE's estimate. Targets: 70–90 % for the 80 % interval, at least 90 % for the 95 %.",
        "",
        "| interval | total population | population 75+ | target |",
        "|---|---|---|---|",
    ]
    for level, (low, high) in COVERAGE_TARGETS.items():
        target = f"{low:.0f}–{high:.0f} %" if high < 100 else f"≥ {low:.0f} %"
        lines.append(
            f"| {level * 100:.0f} % | {rates[('total', level)]:.1f} % | "
            f"{rates[('75+', level)]:.1f} % "
            f"| {target} |"
        )
    missed = [
        f"{group} at {level * 100:.0f} %"
        for group in ("total", "75+")
        for level, (low, high) in COVERAGE_TARGETS.items()
        if not low <= rates[(group, level)] <= high
    ]
    gap = mortality_gap()
    if missed:
        lines += [
            "",
            f"**Missed: {', '.join(missed)}.** Life expectancy at birth in 2025 fell "
            f"{gap[0]:.1f} (women) and {gap[1]:.1f} years (men) short of the 2004–2014 trend",
            "the backtest extends (slowdown, then the Covid-19 years): a national error shared",
            "by every département, beyond what the drift error fitted to 2015 (the ex-post",
            "errors of the same trend since 1960) allows, so the 75+ intervals miss together.",
        ]
    width = {
        label: 100
        * float(
            (
                (frame[f"high_{label}_0.8"] - frame[f"low_{label}_0.8"]) / frame[f"median_{label}"]
            ).median()
        )
        for label in ("total", "75+")
    }
    lines += [
        "",
        f"Median width of the 80 % interval: {width['total']:.1f} % of the median (total), "
        f"{width['75+']:.1f} % (75+). Parameters fitted to 2015: TFR AR(1) φ = "
        f"{parameters.tfr_phi:.2f}, σ = {parameters.tfr_sigma:.3f}; life expectancy step "
        f"{parameters.e0_sigma:.2f} years, drift error {parameters.e0_drift_sigma:.3f} "
        f"years a year; France's net migration AR(1) φ = {parameters.migration_phi:.2f}, "
        f"σ = {parameters.migration_sigma:,.0f} a year; local migration rate φ = "
        f"{parameters.migration_local_phi:.2f}, σ = {parameters.migration_local_sigma * 1e3:.2f} "
        "per 1,000.",
        "",
        "### France: the 80 % band against INSEE's 2021 variants",
        "",
        f"France projected as one unit from INSEE's 1 January 2021 pyramid (as above), "
        f"{BAND_DRAWS:,} draws (seed {BAND_SEED}) of the national deviations fitted to 2025",
        "around the `insee-central` preset, against the lowest and highest population of the",
        "six one-at-a-time variant presets (fertility 1.6/2.0, life expectancy, migration",
        "±50,000) and INSEE's",
        "published « population basse / haute » scenarios for 2070 (58.0 / 79.1 M, Insee",
        "Première n°1881, 2021).",
        "",
        "| year | central | 80 % band (10 %–90 %) | variants' envelope | INSEE basse–haute |",
        "|---|---|---|---|---|",
    ]
    for year, r in bands.iterrows():
        extremes = (
            f"{millions(INSEE_EXTREMES_2070[0])}–{millions(INSEE_EXTREMES_2070[1])}"
            if year == 2070
            else "not found"
        )
        lines.append(
            f"| {year} | {millions(r.central)} | {millions(r.q10)}–{millions(r.q90)} | "
            f"{millions(r.variants_low)}–{millions(r.variants_high)} | {extremes} |"
        )
    r50, r70 = bands.loc[2050], bands.loc[2070]

    def compared(row) -> str:
        ratio = (row.q90 - row.q10) / (row.variants_high - row.variants_low)
        return f"{ratio:.2f} times"

    lines += [
        "",
        f"The 80 % band is {compared(r50)} as wide as the variants' envelope in 2050 and "
        f"{compared(r70)} in 2070, and {millions(r70.q90 - r70.q10)} against "
        f"{millions(INSEE_EXTREMES_2070[1] - INSEE_EXTREMES_2070[0])} for INSEE's extreme",
        "scenarios in 2070. They differ in kind: a variant moves one assumption to a fixed level",
        "held for fifty years, the draws move all three together as they wandered in",
        "1975–2025 (partly offsetting each other), and INSEE's « basse / haute » scenarios set",
        "every assumption at its low or high value at once, which is why they lie far outside",
        "the 80 % band: they are bounds of plausibility, not a probability interval. The band",
        "is centred on the central path (median within "
        f"{100 * abs(r70['median'] / r70.central - 1):.1f} % of it in 2070).",
        "",
    ]
    return "\n".join(lines)
