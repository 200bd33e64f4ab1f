"""Validation of the services and housing models (figures written to docs/validation.md).

- :func:`households_2021`: households the national headship rates give each département in
  2021, against the census;
- :func:`pupils_france`: pupils of France in 2025 against the DEPP totals of rentrée 2024;
- :func:`gps_by_departement`: GPs needed in 2025 against the BPE 2013 count by département.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..calibration.demographic import demographic_base
from ..calibration.services_inputs import (
    departement_counts,
    national_headship,
    normalised_consultations,
)
from ..data import open_data
from ..i18n import format_number
from ..models.axes import BASE_YEAR, ENERGY_BASE_YEAR
from ..models.housing import households
from ..models.services import ServicesInputs, project_services
from ..scenario.services import Services

DEPP_PRIMARY_2024 = 6_262_000
"""Pupils of the first degree, public and private under contract, rentrée 2024 (DEPP, Note
d'information « 6,262 millions d'élèves scolarisés à la rentrée 2024 »)."""
DEPP_SECONDARY_2024 = 5_600_000
"""Pupils of the second degree, rentrée 2024, « quelque 5,6 millions » (ministry figures relayed
by CCCA-BTP; the last exact official total is 5.686 million at rentrée 2020, DEPP NI 20.37)."""


def households_2021() -> pd.DataFrame:
    """Census and modelled households of 2021 by département (columns ``dep, census, model,
    gap`` in households and %), the model being France's headship rates without local
    calibration on the département's INSEE estimate of 1 January 2021.
    """
    data = open_data()
    base = demographic_base(data)
    population = base.population_in(ENERGY_BASE_YEAR)
    rates = national_headship(data)
    year = np.array([ENERGY_BASE_YEAR])
    model = [float(households(rates, p[None], year, 0.0)[0]) for p in population]
    census = departement_counts(data.table("communes_census"), ["households_2021"])
    frame = pd.DataFrame({"dep": list(base.deps), "model": model})
    frame["census"] = census["households_2021"].reindex(frame["dep"]).to_numpy()
    frame = frame[frame["census"] > 0].copy()  # Mayotte: no households in the comparateur
    frame["gap"] = 100 * (frame["model"] / frame["census"] - 1)
    return frame[["dep", "census", "model", "gap"]].reset_index(drop=True)


def _departement_services() -> tuple[pd.DataFrame, list]:
    """Each département's services in 2025 at the default assumptions, and the BPE counts."""
    data = open_data()
    base = demographic_base(data)
    population = base.population_in(BASE_YEAR)
    table = data.table("services_equipment")
    counts = departement_counts(table, ["gps_2013", "childcare_2013"]).reindex(list(base.deps))
    profile = normalised_consultations(data)
    inputs = ServicesInputs(np.zeros(4), 0.0, 1.0, 0.0, 0.0, profile)
    year = np.array([BASE_YEAR])
    results = [project_services(inputs, year, people[None], Services()) for people in population]
    return counts, results


def pupils_france() -> dict[str, float]:
    """Modelled pupils of France in 2025 (first and second degree) and the DEPP totals."""
    _, results = _departement_services()
    pupils = np.sum([r.pupils[0] for r in results], axis=0)
    return {
        "primary": float(pupils[:2].sum()),
        "secondary": float(pupils[2:].sum()),
        "maternelle": float(pupils[0]),
        "elementaire": float(pupils[1]),
        "college": float(pupils[2]),
        "lycee": float(pupils[3]),
    }


def gps_by_departement() -> pd.DataFrame:
    """GPs needed in 2025 (defaults) and BPE 2013 GPs by département (columns ``dep, bpe,
    needed, ratio``).
    """
    counts, results = _departement_services()
    frame = pd.DataFrame(
        {
            "dep": counts.index,
            "bpe": counts["gps_2013"].to_numpy(),
            "needed": [float(r.gps[0]) for r in results],
        }
    )
    frame["ratio"] = frame["bpe"] / frame["needed"]
    return frame


def _n(value: float) -> str:
    return format_number(value, 0, "en")


def _pct(value: float) -> str:
    return f"{value:+.1f} %"


def _households_section() -> list[str]:
    frame = households_2021().sort_values("gap")
    gap = frame["gap"]
    shown = pd.concat([frame.head(4), frame[frame["dep"] == "71"], frame.tail(4)])
    lines = [
        "## Services and housing",
        "",
        "### Households 2021 by département against the census",
        "",
        "France's headship rates by sex and age (the project's profile, scaled so that France's",
        "2021 population gives its 2021 census households) applied to each département's INSEE",
        "estimate of 1 January 2021, without the local calibration the projection uses (there,",
        "every territory starts from its own census households exactly).",
        "",
        f"Across the {len(frame)} départements with census households (the comparateur gives "
        "none for Mayotte, where the model uses the national rates as they are):",
        f"median gap {_pct(float(gap.median()))}, "
        f"median absolute gap {float(gap.abs().median()):.1f} %, "
        f"{int((gap.abs() <= 5).sum())} within ±5 %.",
        "",
        "| département | census 2021 | modelled | gap |",
        "|---|---|---|---|",
        *(
            f"| {r.dep} | {_n(r.census)} | {_n(r.model)} | {_pct(r.gap)} |"
            for r in shown.itertuples()
        ),
        "",
        "Why they differ: cohabitation is not the same everywhere. Where people live alone more",
        "often (Paris, university cities) one national profile gives too few households; where",
        "households are larger (overseas départements, Seine-Saint-Denis, young families) too",
        "many. People in institutions (care homes, barracks, boarding schools) count in the",
        "population but form no ordinary household. The census households are those of the",
        "comparateur de territoires, the population an estimate of 1 January: a small gap comes",
        "from the dates. This is why the projection calibrates each territory on its census.",
        "",
    ]
    return lines


def _pupils_section() -> list[str]:
    p = pupils_france()
    return [
        "### Pupils of France against the DEPP totals",
        "",
        "Children by single age on 1 January 2025 are the cohorts of rentrée 2024 (children aged",
        "3 on 1 January 2025 were born in 2021 and entered petite section in September 2024),",
        "with the default schooling rates (9 % at 2, 98.5 % at 3, all of 4–14, 88 % of 15–17 in",
        "lycée).",
        "",
        "| pupils | Prospectif 2025 | DEPP rentrée 2024 | difference |",
        "|---|---|---|---|",
        f"| first degree (maternelle + élémentaire) | {_n(p['primary'])} | "
        f"{_n(DEPP_PRIMARY_2024)} | {_pct(100 * (p['primary'] / DEPP_PRIMARY_2024 - 1))} |",
        f"| second degree (collège + lycée) | {_n(p['secondary'])} | "
        f"about {_n(DEPP_SECONDARY_2024)} | "
        f"{_pct(100 * (p['secondary'] / DEPP_SECONDARY_2024 - 1))} |",
        "",
        f"By level: maternelle {_n(p['maternelle'])}, élémentaire {_n(p['elementaire'])}, "
        f"collège {_n(p['college'])}, lycée {_n(p['lycee'])}.",
        "",
        "DEPP: Note d'information « Les effectifs dans le premier degré : 6,262 millions",
        "d'élèves scolarisés à la rentrée 2024 » (public and private under contract); second",
        "degree « quelque 5,6 millions » (ministry figures relayed by CCCA-BTP). Why they",
        "differ: the model puts every child at its theoretical level (no grade repetition or",
        "skipping; pupils of 11 in élémentaire or of 18 in lycée are counted at their age), the",
        "DEPP totals leave out pupils of agricultural lycées (Ministry of Agriculture) and of",
        "private schools without contract, and the lycée rate (88 %) is the project's own",
        "assumption (no published schooling rate of 15–17-year-olds was found).",
        "",
    ]


def _gps_section() -> list[str]:
    frame = gps_by_departement().sort_values("ratio")
    shown = pd.concat([frame.head(4), frame[frame["dep"] == "71"], frame.tail(4)])
    total_bpe, total_needed = frame["bpe"].sum(), frame["needed"].sum()
    return [
        "### GPs by département against the BPE count",
        "",
        "GPs needed in 2025 (consultations from each département's age structure at 2.8 a",
        "person on France's mean, 3,000 consultations per GP) against the general",
        "practitioners of the BPE 2013. The national workload is derived from the BPE itself",
        "(190 million consultations for 63,482 GPs), so France's totals are close:",
        f"{_n(total_bpe)} in the BPE, {_n(total_needed)} needed.",
        "",
        f"Ratio BPE / needed across départements: median {frame['ratio'].median():.2f}, "
        f"from {frame['ratio'].min():.2f} to {frame['ratio'].max():.2f}.",
        "",
        "| département | BPE 2013 | needed 2025 | BPE / needed |",
        "|---|---|---|---|",
        *(
            f"| {r.dep} | {_n(r.bpe)} | {_n(r.needed)} | {r.ratio:.2f} |"
            for r in shown.itertuples()
        ),
        "",
        "Why they differ: the need is a demand at one national workload, the BPE a supply. The",
        "supply is unevenly spread (the DREES finds 49 to 290 GPs per 100,000 residents by",
        "département in 2023), so départements with few doctors (a ratio below 1) are those",
        "where access is worst, and those with many (sun belt, university hospitals) above 1.",
        "The BPE counts self-employed GPs (and some with a special practice), 63,482 in 2013,",
        "while the DREES counts 99,457 GPs in activity in 2023 including salaried ones; and",
        "2013 is twelve years before 2025: GPs have declined since 2012.",
        "",
    ]


def markdown() -> str:
    """The services and housing section of ``docs/validation.md``, with figures computed now."""
    return "\n".join(_households_section() + _pupils_section() + _gps_section())
