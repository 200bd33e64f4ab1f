"""Validation of the ageing model against DREES (figures written to docs/validation.md).

- :func:`base_year_reproduction`: the DREES APA counts of the end of 2022 by département;
- :func:`calibration_spread`: the calibration factors across départements;
- :func:`france_projection`: France under each autonomy preset (with ``insee-central``),
  set beside the published DREES Livia projections.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..calibration.ageing_calibration import (
    CALIBRATION_YEAR,
    CORSICA,
    CORSICA_APA,
    GROUP_STARTS,
    POPULATION_YEAR,
    SETTINGS,
    STATUS_DREES,
    STATUS_NATIONAL,
    ageing_inputs,
    calibration,
    fitted_counts,
    group_of_age,
    prevalence_levels,
)
from ..calibration.demographic import demographic_base
from ..data import load_table
from ..i18n import format_number
from ..models.ageing import project_ageing
from ..models.axes import OPEN_AGE
from ..pipeline import run_demography
from ..results.convert import ageing_series
from ..scenario import compose
from ..territory import get_territory

PRESETS = (
    "autonomie-optimiste",
    "autonomie-intermediaire",
    "autonomie-pessimiste",
)
DREES_APA = {2030: 1_500_000, 2050: 1_900_000}
"""APA beneficiaries projected by DREES (Livia, intermediate path; DREES 2024 revision, via
Banque des Territoires)."""
DREES_DEPENDENT = {
    "autonomie-optimiste": 3_300_000,
    "autonomie-intermediaire": 3_600_000,
    "autonomie-pessimiste": 4_800_000,
    "constant": 4_200_000,
}
"""Dependent seniors in 2050 by DREES path (optimistic, intermediate, pessimistic, stable)."""
DREES_DEPENDENT_2030 = 3_000_000
"""Dependent seniors in 2030, intermediate path (DREES Livia revision 2024)."""
DREES_EHPAD_GROWTH = {(2019, 2030): 104_000, (2030, 2050): 205_000}
"""Extra Ehpad residents needed at current institutionalisation rates (DREES Livia)."""
EHPA_RESIDENTS_2023 = 697_000
"""Residents of EHPA at the end of 2023 (DREES, enquête EHPA 2023)."""


def base_year_reproduction() -> pd.DataFrame:
    """DREES APA counts of 2022 and the model's reproduction, by DREES unit and setting.

    Columns ``dep, status, <setting>_drees, <setting>_model`` (persons) for home and
    institution; Corsica (2A, 2B) is one DREES unit, '20'; Mayotte has no DREES count.
    """
    cal = calibration()
    fitted = pd.DataFrame(cal.fitted, columns=[f"{s}_model" for s in SETTINGS])
    fitted["dep"] = pd.Series(cal.deps).replace({c: CORSICA_APA for c in CORSICA})
    fitted["status"] = cal.status
    model = fitted.groupby(["dep", "status"], as_index=False).sum()
    apa = load_table("apa_departement")
    drees = apa[apa["year"] == CALIBRATION_YEAR].set_index("dep")[list(SETTINGS)]
    drees.columns = [f"{s}_drees" for s in SETTINGS]
    return model.merge(drees, left_on="dep", right_index=True, how="outer")


def carried_counts(year: int, below: int = OPEN_AGE + 1) -> float:
    """Beneficiaries on 1 January ``year`` + 1 with the calibrated 2022 rates (persons).

    Sum over the départements DREES covers and the ages under ``below``: the constant-prevalence
    rule that carries 2022 to the 2025 base year.
    """
    cal = calibration()
    population = np.nan_to_num(demographic_base().population_in(year + 1))
    population[..., below:] = 0.0
    counts = fitted_counts(cal.prevalence, cal.factors, population)
    return float(counts[[s != STATUS_NATIONAL for s in cal.status]].sum())


def calibration_spread() -> pd.DataFrame:
    """Factor (DREES beneficiaries / national prevalence × population) of each département.

    Columns ``dep, name, factor, home, institution, status``; Corsica as one row per
    département with the shared factor.
    """
    cal = calibration()
    names = load_table("departements").set_index("code")["name"]
    total = cal.fitted.sum(1) / cal.expected.sum(1)
    return pd.DataFrame(
        {
            "dep": cal.deps,
            "name": [names.get(d, d) for d in cal.deps],
            "factor": total,
            "home": cal.factors[:, 0],
            "institution": cal.factors[:, 1],
            "status": cal.status,
        }
    )


def national_counts(year: int, below: int = OPEN_AGE + 1) -> float:
    """Beneficiaries implied at the end of ``year`` by DREES's national prevalence (persons).

    DREES prevalence of ``year`` × population of 1 January ``year`` + 1, over the départements
    DREES covers and the ages under ``below`` (a group boundary).
    """
    cal = calibration()
    covered = np.array([s != STATUS_NATIONAL for s in cal.status])
    population = np.nan_to_num(demographic_base().population_in(year + 1))[covered].sum(0)
    population[..., below:] = 0.0
    groups = group_of_age(np.arange(OPEN_AGE + 1))
    by_group = np.stack([population[:, groups == g].sum(-1) for g in range(len(GROUP_STARTS))], -1)
    return float((prevalence_levels(load_table("apa_prevalence"), year) * by_group).sum())


def france_projection() -> pd.DataFrame:
    """France under constant prevalence and each autonomy preset, with ``insee-central``.

    One row per (scenario, year) with beneficiaries (total, home, institution) and places.
    """
    territory = get_territory("FR")
    inputs = ageing_inputs(territory)
    rows = []
    for preset in ("constant", *PRESETS):
        ids = ["insee-central"] + ([] if preset == "constant" else [preset])
        scenario = compose(ids)
        run = run_demography(territory, scenario)
        result = project_ageing(
            inputs,
            run.years,
            run.projection.population,
            run.weights,
            run.paths.life_expectancy,
            scenario.ageing,
        )
        series = {s.variable: s for s in ageing_series(result)}
        for t, year in enumerate(run.years):
            rows.append(
                {
                    "scenario": preset,
                    "year": int(year),
                    "beneficiaries": series["Autonomy|APA Beneficiaries"].values[t],
                    "home": series["Autonomy|APA Beneficiaries|Home"].values[t],
                    "institution": series["Autonomy|APA Beneficiaries|Institution"].values[t],
                    "places": series["Autonomy|Places Needed"].values[t],
                }
            )
    return pd.DataFrame(rows)


def _n(value: float) -> str:
    return format_number(value, 0, "en")


def _pct(value: float) -> str:
    return f"{value:+.1f} %"


def _base_section() -> list[str]:
    repro = base_year_reproduction()
    drees = repro[repro["status"] != STATUS_NATIONAL]
    error = max(np.max(np.abs(drees[f"{s}_model"] / drees[f"{s}_drees"] - 1.0)) for s in SETTINGS)
    sums = drees.sum(numeric_only=True)
    mayotte = repro.loc[repro["status"] == STATUS_NATIONAL, ["home_model", "institution_model"]]
    spread = calibration_spread()
    own = spread[spread["status"] == STATUS_DREES]
    quantiles = own["factor"].quantile([0.1, 0.25, 0.5, 0.75, 0.9])
    low, high = own.loc[own["factor"].idxmin()], own.loc[own["factor"].idxmax()]
    national = spread.loc[spread["status"] == STATUS_NATIONAL, "factor"]
    rows = [("APA beneficiaries", ("home", "institution")), ("at home", ("home",))]
    rows.append(("in institution", ("institution",)))
    table = [
        f"| {label} | {_n(sum(sums[f'{s}_drees'] for s in part))} | "
        f"{_n(sum(sums[f'{s}_model'] for s in part))} |"
        for label, part in rows
    ]
    oldest = int(GROUP_STARTS[-1])
    carried = [
        (
            year,
            *(
                f(year, below)
                for below in (OPEN_AGE + 1, oldest)
                for f in (carried_counts, national_counts)
            ),
        )
        for year in (2023, 2024)
    ]
    return [
        "## Ageing and autonomy",
        "",
        "Generated by `make validation` (`prospectif.validation.ageing`).",
        "",
        f"### Base year: DREES APA beneficiaries at the end of {CALIBRATION_YEAR}",
        "",
        "The national DREES prevalence by sex and single age, times the population of",
        f"1 January {POPULATION_YEAR}, times one factor per département and setting, reproduces",
        "each département's DREES count by construction: largest relative error over the",
        f"DREES units {error:.0e} (Corsica is one DREES unit, '20', calibrated jointly).",
        "",
        "| France (DREES départements) | DREES | Prospectif |",
        "|---|---|---|",
        *table,
        "",
        "Mayotte has no DREES count: it takes the national factor "
        f"({national.iloc[0]:.4f}) and adds {_n(mayotte.to_numpy().sum())} estimated "
        "beneficiaries to France (flagged `national` in the inputs).",
        "",
        "Calibration factor (DREES beneficiaries / national prevalence × population) across the",
        f"{len(own)} départements with their own count: minimum {low.factor:.2f}",
        f"({low['name']}), 10th percentile {quantiles[0.1]:.2f}, quartiles",
        f"{quantiles[0.25]:.2f} / {quantiles[0.5]:.2f} / {quantiles[0.75]:.2f}, 90th percentile",
        f"{quantiles[0.9]:.2f}, maximum {high.factor:.2f} ({high['name']}); France as a whole",
        f"{national.iloc[0]:.4f} (DREES divides by earlier population estimates than the",
        "embedded ones). Age and sex explain only part of the differences between",
        "départements: take-up of the APA and GIR assessment practices differ too.",
        "",
        "Carrying the 2022 rates forward (the rule that gives the 2025 base year), against",
        "DREES's later national prevalence × population of the following 1 January:",
        "",
        "| end of year | Prospectif, 2022 rates | DREES rates of the year | difference | "
        f"difference under {oldest} |",
        "|---|---|---|---|---|",
        *[
            f"| {year} | {_n(ours)} | {_n(theirs)} | {_pct(100 * (ours / theirs - 1))} | "
            f"{_pct(100 * (young / young_theirs - 1))} |"
            for year, ours, theirs, young, young_theirs in carried
        ],
        "",
        f"DREES's rates for {oldest}+ move a lot from year to year (small denominators,",
        "population revisions; see `docs/data.md`); under that age, carrying the 2022 rates",
        "stays close to DREES's later years.",
        "",
    ]


def _projection_section() -> list[str]:
    frame = france_projection().set_index(["scenario", "year"])
    mid = frame.loc["autonomie-intermediaire"]
    constant = frame.loc["constant"]
    lines = [
        "### France projection against DREES Livia",
        "",
        "France (all départements) with the `insee-central` demography and each autonomy",
        "preset; `constant` keeps the 2022 prevalence by age (DREES's 'stable' path). The",
        "presets' curve shifts (0.75 and 0.45 year per year of life expectancy gained towards",
        "older ages, 0.4 towards younger ages) were chosen so that the 2050 ratio to constant",
        "prevalence matches DREES's ratio between its paths (3.3, 3.6 and 4.8 million dependent",
        "seniors against 4.2 million at stable prevalence); the levels are not fitted.",
        "",
        "| APA beneficiaries | 2025 | 2030 | 2050 | 2070 | 2050 / constant | DREES 2050 ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for preset in ("constant", *PRESETS):
        rows = frame.loc[preset, "beneficiaries"]
        ratio = DREES_DEPENDENT[preset] / DREES_DEPENDENT["constant"]
        lines.append(
            f"| {preset} | {_n(rows[2025])} | {_n(rows[2030])} | {_n(rows[2050])} | "
            f"{_n(rows[2070])} | {rows[2050] / constant.loc[2050, 'beneficiaries']:.3f} | "
            f"{ratio:.3f} |"
        )
    lines += [
        "",
        "| intermediate path | Prospectif | DREES Livia | difference |",
        "|---|---|---|---|",
    ]
    for year, value in DREES_APA.items():
        ours = mid.loc[year, "beneficiaries"]
        lines.append(
            f"| APA beneficiaries {year} | {_n(ours)} | {_n(value)} | "
            f"{_pct(100 * (ours / value - 1))} |"
        )
    growth = mid.loc[2050, "beneficiaries"] / mid.loc[2030, "beneficiaries"] - 1
    drees_growth = DREES_APA[2050] / DREES_APA[2030] - 1
    residents = EHPA_RESIDENTS_2023 / _drees_institution()
    extra = residents * (mid.loc[2050, "institution"] - mid.loc[2030, "institution"])
    stable = constant.loc[2050, "beneficiaries"]
    drees_stable = DREES_APA[2050] * DREES_DEPENDENT["constant"] / DREES_DEPENDENT[PRESETS[1]]
    lines += [
        f"| growth of APA beneficiaries 2030 → 2050 | {_pct(100 * growth)} | "
        f"{_pct(100 * drees_growth)} | |",
        f"| extra residents in institution 2030 → 2050 | {_n(extra)} | "
        f"{_n(DREES_EHPAD_GROWTH[(2030, 2050)])} | |",
        "| dependent seniors 2030 | not modelled (2 × APA: "
        f"{_n(2 * mid.loc[2030, 'beneficiaries'])}) | {_n(DREES_DEPENDENT_2030)} | |",
        "",
        "Residents in institution: beneficiaries in institution × 697,000 EHPA residents (end",
        "2023) / 542,482 beneficiaries in institution (end 2022). Why the figures differ:",
        "",
        "- **Starting point and population.** Livia starts from 2015–2019 with its own",
        "  population projection; here the 2022 rates on the INSEE 2021 central path from the",
        f"  2025 estimates give {_n(stable)} APA beneficiaries in 2050 at constant prevalence,",
        f"  {_pct(100 * (stable / drees_stable - 1))} against the {_n(drees_stable)} that DREES's",
        "  figures imply for its stable path (1.9 million × 4.2 / 3.6): the gap is already in",
        "  the constant path, i.e. in the population and the starting rates, not in the",
        "  prevalence scenario.",
        "- **What is projected.** Livia projects seniors losing autonomy from surveys (GIR 1–4,",
        "  about twice the APA count, 'la moitié seraient bénéficiaires de l'APA') and its APA",
        "  figures follow; here APA beneficiaries are projected directly from the 2022 DREES",
        "  rates, and the presets reproduce DREES's ratios between paths, not its levels.",
        "- **Institutions.** The model keeps each age's 2022 split between home and",
        "  institution, so residents grow with the oldest ages; Livia's 'current practices'",
        "  figure comes from its own 2019 rates by GIR and place of living.",
        "- **Relayed figures.** DREES's 1.5 and 1.9 million are rounded figures relayed by the",
        "  press (Banque des Territoires), not a table of the Livia results.",
        "",
    ]
    return lines


def _drees_institution() -> float:
    """APA beneficiaries in institution at the end of 2022 (DREES, sum of départements)."""
    repro = base_year_reproduction()
    return float(repro["institution_drees"].sum())


def markdown() -> str:
    """The ageing section of ``docs/validation.md``, with the figures computed now."""
    return "\n".join(_base_section() + _projection_section())
