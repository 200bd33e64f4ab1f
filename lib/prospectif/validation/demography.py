"""Validation of the demography engine against INSEE (figures written to docs/validation.md).

- :func:`insee_2021_reproduction`: France as one unit, from INSEE's own 1 January 2021 pyramid,
  with INSEE's central assumptions, against INSEE's 2021 central projection;
- :func:`backtest`: every département from the 2015 estimates with the rates observed before
  2015, against the INSEE estimates of 2025.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..calibration.demographic import demographic_base, estimates_for
from ..calibration.demography_estimation import residual_migration, trend_quotients
from ..data import load_table
from ..models.axes import FERTILE_AGES, OPEN_AGE, SEXES
from ..models.demography import DemographyEstimates, RatePaths, project, rate_paths
from ..models.lifetable import life_expectancy
from ..pipeline import ADAPTATION_HORIZON
from ..results.schedules import schedule_rows, write_schedules
from ..scenario import Scenario, load_preset, load_scenario_file
from ..scenario.demography import Demography

INSEE_ERROR_2025 = {"2016 projection": 0.7, "2021 projection": -0.9}
"""INSEE's own error on France's 2025 population (%), as quoted in the demography issue."""


def _insee_projection() -> tuple[np.ndarray, np.ndarray]:
    """INSEE 2021 central projection: its years and the persons, shape (year, sex, age 0…105)."""
    table = load_table("projection_insee2021")
    cube = table.pivot_table(index=["year", "sex"], columns="age", values="population")
    years = np.sort(table["year"].unique())
    return years, cube.to_numpy().reshape(len(years), len(SEXES), OPEN_AGE + 1)


def national_estimates(base_year: int, profile: np.ndarray) -> DemographyEstimates:
    """France as a single unit: no differential, no internal migration."""
    ages = OPEN_AGE + 1
    return DemographyEstimates(
        base_year=base_year,
        window=(base_year, base_year),
        fertility_index=np.ones(1),
        mortality_index=np.ones((1, 2)),
        internal_counts=np.zeros((1, 2, ages)),
        internal_rates=np.zeros((1, 2, ages)),
        international_profile=profile,
        population_share=np.ones(1),
    )


def insee_2021_paths(scenario: Scenario) -> RatePaths:
    """France as one unit from INSEE's 2021 base year under ``scenario``'s assumptions (the
    2019 HFD schedule, INSEE's central mortality path adjusted to the scenario's targets).
    """
    base = demographic_base()
    first = int(_insee_projection()[0][0])
    return rate_paths(
        scenario.demography,
        national_estimates(first, estimates_for().international_profile),
        np.zeros(1, int),
        base.qx_forecast,
        base.qx_forecast_years,
        base.asfr_in(2019),
        FERTILE_AGES,
        scenario.horizon,
        OPEN_AGE + 1,
    )


def insee_2021_base() -> np.ndarray:
    """INSEE's population of France on 1 January 2021 (persons), shape (1, sex, age)."""
    return _insee_projection()[1][0][None]


def insee_2021_reproduction(scenario: Scenario | None = None) -> pd.DataFrame:
    """France projected from INSEE's 2021 pyramid with the central assumptions.

    Returns one row per year with our total and INSEE's, the difference (%), and the shares
    of 65+ and 75+ (%) of both.
    """
    scenario = scenario or load_preset("insee-central")
    ours = project(insee_2021_base(), insee_2021_paths(scenario)).population[:, 0]
    return _against_insee(ours)


def _against_insee(ours: np.ndarray) -> pd.DataFrame:
    """Totals and shares of 65+ and 75+ of ``ours`` (year, sex, age from 2021) and INSEE's."""
    years, insee = _insee_projection()
    span = slice(0, len(ours))
    frame = pd.DataFrame({"year": years[span]})
    for name, cube in (("prospectif", ours), ("insee", insee[span])):
        total = cube.sum(axis=(-1, -2))
        frame[f"{name}_population"] = total
        frame[f"{name}_share_65"] = 100 * cube[..., 65:].sum(axis=(-1, -2)) / total
        frame[f"{name}_share_75"] = 100 * cube[..., 75:].sum(axis=(-1, -2)) / total
    frame["difference_pct"] = 100 * (frame["prospectif_population"] / frame["insee_population"] - 1)
    return frame


def write_insee_2021_schedules(folder: Path) -> Path:
    """INSEE's 2021 central assumptions as a demographer's own schedules of France, in
    ``folder``; returns the scenario file naming them (``schedules:`` of ``insee-central``).

    Base population: INSEE's 1 January 2021 pyramid; death quotients: INSEE's central
    mortality hypothesis as embedded (exact ages 0–120, 2021–2100); fertility: 1.8 children
    per woman with the 2019 HFD schedule; migration: +70,000 a year with the age profile of
    France's residual net migration 2015–2025 (as :func:`insee_2021_reproduction`).
    """
    scenario = load_preset("insee-central")
    base = demographic_base()
    years, insee = _insee_projection()
    flows = np.arange(int(years[0]), ADAPTATION_HORIZON)
    shape = base.asfr_in(2019) / base.asfr_in(2019).sum()
    tfr = scenario.demography.fertility.tfr_target
    migration = scenario.demography.migration.france_net_total
    profile = estimates_for().international_profile
    first = int(flows[0] - base.qx_forecast_years[0])
    qx = base.qx_forecast[first : first + len(flows)]
    frames = {
        "population": schedule_rows(insee[:1], years[:1], "population"),
        "fertility": schedule_rows(
            np.broadcast_to(tfr * shape, (len(flows), 1, len(shape))),
            flows,
            "rate",
            int(FERTILE_AGES[0]),
            sexes=False,
        ),
        "mortality": schedule_rows(qx, flows, "quotient"),
        "migration": schedule_rows(
            np.broadcast_to(migration * profile, (len(flows), *profile.shape)),
            flows,
            "net_migration",
        ),
    }
    return write_schedules(frames, scenario, "FR", Path(folder), "exact")


def insee_2021_import(folder: Path) -> pd.DataFrame:
    """France run through the public path (:func:`~prospectif.pipeline.run_chain`) from the
    schedules of :func:`write_insee_2021_schedules`, against INSEE's 2021 central projection
    (columns as :func:`insee_2021_reproduction`).
    """
    from ..pipeline import run_chain
    from ..territory import get_territory

    scenario = load_scenario_file(write_insee_2021_schedules(folder))
    ours = run_chain(get_territory("FR"), scenario).demography.population
    return _against_insee(ours)


def _import_lines() -> list[str]:
    """The lines of ``docs/validation.md`` on INSEE 2021 reproduced through the import path."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        frame = insee_2021_import(Path(folder)).set_index("year")
    lines = [
        "",
        "### The same through the schedule import (France)",
        "",
        "INSEE's 2021 pyramid, the embedded INSEE central death quotients as published",
        "(exact ages, no life-expectancy targeting), 1.8 children per woman (2019 HFD schedule)",
        "and +70,000 a year, written as a demographer's schedules (`write_insee_2021_schedules`)",
        "and run through the public path (`load_scenario_file`, `run_chain`, flag",
        "`schedules-import`); same thresholds.",
        "",
        "| year | difference | 65+ (P / INSEE) | 75+ (P / INSEE) |",
        "|---|---|---|---|",
    ]
    for year in (2030, 2050, 2070):
        r = frame.loc[year]
        lines.append(
            f"| {year} | {r.difference_pct:+.2f} % | "
            f"{r.prospectif_share_65:.1f} / {r.insee_share_65:.1f} % | "
            f"{r.prospectif_share_75:.1f} / {r.insee_share_75:.1f} % |"
        )
    return lines


def backtest_assumptions(
    base_year: int, target_year: int, window: int = 10, data=None
) -> tuple[Demography, DemographyEstimates, np.ndarray, np.ndarray]:
    """What was known in ``base_year``: assumptions (TFR of the year before, mortality trend,
    France's residual net migration), the départements' estimates and the trend quotients.
    """
    base = demographic_base(data)
    estimates = estimates_for(data, base_year=base_year, window=window)
    target_e0_year = max(target_year, 2030)
    qx_years, qx = trend_quotients(
        base.qx_observed, base.qx_observed_years, base_year, 10, target_e0_year
    )
    e0_target = life_expectancy(qx[target_e0_year - int(qx_years[0])])
    tfr = float(base.asfr_in(base_year - 1).sum())
    assumptions = Demography.model_validate(
        {
            "fertility": {"tfr_start": tfr, "tfr_target": tfr},
            "mortality": {
                "target_year": target_e0_year,
                "territorial_differential": 1.0,
                "e0_female_target": float(e0_target[0]),
                "e0_male_target": float(e0_target[1]),
            },
            "migration": {
                "france_net_total": _observed_net_migration(estimates, base, base_year, window)
            },
        }
    )
    return assumptions, estimates, qx, qx_years


def backtest_paths(
    base_year: int, target_year: int, window: int = 10
) -> tuple[RatePaths, DemographyEstimates]:
    """The rates of every département from ``base_year`` to ``target_year`` with what was
    known in ``base_year`` (:func:`backtest_assumptions`), and the estimates behind them.
    """
    base = demographic_base()
    assumptions, estimates, qx, qx_years = backtest_assumptions(base_year, target_year, window)
    paths = rate_paths(
        assumptions,
        estimates,
        np.arange(len(base.deps)),
        qx,
        qx_years,
        base.asfr_in(base_year - 1),
        FERTILE_AGES,
        target_year,
        OPEN_AGE + 1,
    )
    return paths, estimates


def backtest(base_year: int = 2015, target_year: int = 2025, window: int = 10) -> pd.DataFrame:
    """Project every département from ``base_year`` with the rates observed before it.

    Fertility: the national schedule and TFR of ``base_year`` − 1 (HFD), with each
    département's index; mortality: national quotients of ``base_year`` − 1 extended by their
    10-year trend; migration: the residual counts of the ``window`` years before ``base_year``.
    Returns one row per département with projected and estimated totals and 75+ and their
    errors (%).
    """
    base = demographic_base()
    paths, _ = backtest_paths(base_year, target_year, window)
    start = np.nan_to_num(base.population_in(base_year))
    projected = project(start, paths).population[-1]
    observed = base.population_in(target_year)
    frame = pd.DataFrame({"dep": base.deps})
    for label, first in (("total", 0), ("75+", 75)):
        ours = projected[..., first:].sum(axis=(-1, -2))
        truth = observed[..., first:].sum(axis=(-1, -2))
        frame[f"projected_{label}"] = ours
        frame[f"estimated_{label}"] = truth
        frame[f"error_{label}_pct"] = 100 * (ours / truth - 1)
    has_base = np.isfinite(base.population_in(base_year)).all(axis=(-1, -2))
    return frame[has_base].reset_index(drop=True)


def _observed_net_migration(
    estimates: DemographyEstimates, base, base_year: int, window: int
) -> float:
    """France's average net migration over the window (persons per year), residual method."""
    first = base_year - window - int(base.years[0])
    population = base.population[first : first + window + 1]
    qx_first = base_year - window - int(base.qx_observed_years[0])
    counts, _ = residual_migration(
        population,
        base.qx_observed[qx_first : qx_first + window],
        estimates.mortality_index,
        OPEN_AGE,
    )
    return float(np.nansum(counts))


def markdown() -> str:
    """The demography section of ``docs/validation.md``, with the figures computed now."""
    from ..i18n import format_number

    def pct(value: float) -> str:
        return f"{value:+.2f} %"

    repro = insee_2021_reproduction().set_index("year")
    lines = [
        "## Demography",
        "",
        "Generated by `make validation` (`prospectif.validation`); the test "
        "suite checks that this section matches the code and data, and guards the thresholds.",
        "",
        "### Reproduction of INSEE's 2021 central projection (France)",
        "",
        "France projected as one unit from INSEE's own 1 January 2021 pyramid (the first year of",
        "its projection), with the `insee-central` assumptions: TFR 1.8, INSEE's central mortality",
        "path reaching 90.0 / 87.5 years in 2070, +70,000 net migration a year spread by the age",
        "profile of France's residual net migration 2015–2025, and the 2019 HFD fertility "
        "schedule.",
        "Tests require less than 1 % on the total and 1 point on the 65+ and 75+ shares in 2030,",
        "2050 and 2070.",
        "",
        "| year | Prospectif | INSEE 2021 central | difference "
        "| 65+ (P / INSEE) | 75+ (P / INSEE) |",
        "|---|---|---|---|---|---|",
    ]
    for year in (2025, 2030, 2040, 2050, 2060, 2070):
        r = repro.loc[year]
        lines.append(
            f"| {year} | {format_number(r.prospectif_population, 0, 'en')} | "
            f"{format_number(r.insee_population, 0, 'en')} | {pct(r.difference_pct)} | "
            f"{r.prospectif_share_65:.1f} / {r.insee_share_65:.1f} % | "
            f"{r.prospectif_share_75:.1f} / {r.insee_share_75:.1f} % |"
        )
    lines += _import_lines()
    errors = backtest()
    france = 100 * (errors["projected_total"].sum() / errors["estimated_total"].sum() - 1)
    worst = errors.loc[errors["error_total_pct"].abs().idxmax()]
    worst75 = errors.loc[errors["error_75+_pct"].abs().idxmax()]
    lines += [
        "",
        "### Backtest 2015 → 2025 (every département)",
        "",
        "Each département projected from the INSEE estimates of 1 January 2015 with only what was",
        "known before: fertility schedule and TFR of 2014 (HFD), national death quotients of 2014",
        "extended by their 2004–2014 trend, the département's differentials and residual net",
        "migration estimated on 2005–2015; compared with the INSEE estimates of 1 January 2025.",
        "",
        "| measure | total population | population 75+ |",
        "|---|---|---|",
        f"| France (sum of départements) | {pct(france)} | "
        f"{pct(100 * (errors['projected_75+'].sum() / errors['estimated_75+'].sum() - 1))} |",
        "| mean absolute error over départements | "
        f"{errors['error_total_pct'].abs().mean():.2f} % | "
        f"{errors['error_75+_pct'].abs().mean():.2f} % |",
        f"| median error | {pct(errors['error_total_pct'].median())} | "
        f"{pct(errors['error_75+_pct'].median())} |",
        f"| worst département | {pct(worst.error_total_pct)} (DEP-{worst.dep}) | "
        f"{pct(worst75['error_75+_pct'])} (DEP-{worst75.dep}) |",
        "",
        "INSEE's own error on France's 2025 population: "
        + ", ".join(f"{pct(v)} for its {k}" for k, v in INSEE_ERROR_2025.items())
        + ".",
        "The total is overestimated mainly because fertility was held at its 2014 level (2.0)",
        "while it fell to 1.56 by 2025, and the 75+ population because the 2004–2014 pace of",
        "mortality decline did not continue over 2015–2025 (slowdown, then the Covid-19 years).",
        "",
    ]
    return "\n".join(lines)
