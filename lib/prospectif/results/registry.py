"""The registry of result variables: every name the models emit, declared once.

Each variable has a unit, a kind and French and English labels; an aggregate lists the
partitions that add up to it (``Population`` = Female + Male = the three age groups), so every
tree of the results table is additive and pyam's ``check_aggregate`` passes. A sub-group that
is not a partition (``Population|Age 75+`` within ``Population|Age 65+``) says so with
``within``. Targets, shares and scalars live outside the trees they are not part of:
``Target|…``, ``Share|…``, and the run metadata for scalars (kind ``scalar``, never in the table).

Families (``Final Energy|<sector>|<carrier>``) are generated from the models' name tuples, but
every name is explicit in :data:`VARIABLES` once expanded (``docs/variables.md`` lists them).
"""

from __future__ import annotations

import numpy as np

from .people_variables import (
    AGE_LABELS,
    adaptation_variables,
    ageing_variables,
    demography_variables,
    housing_variables,
    services_variables,
)
from .tidy import Series
from .transition_variables import energy_variables, inventory_variables, mobility_variables
from .variable import Variable

MODELS_VARIABLES: dict[str, tuple[Variable, ...]] = {
    "demography": tuple(demography_variables()),
    "ageing": tuple(ageing_variables()),
    "mobility": tuple(mobility_variables()),
    "energy": tuple(energy_variables()),
    "emissions": tuple(inventory_variables()),
    "adaptation": tuple(adaptation_variables()),
    "services": tuple(services_variables()),
    "housing": tuple(housing_variables()),
}
"""The variables of each model, in the order of the results table."""


VARIABLES: dict[str, Variable] = {v.name: v for vs in MODELS_VARIABLES.values() for v in vs}
"""Every result variable by name."""


RENAMED: dict[str, str] = {
    **{f"Population|Share|Age {a}": f"Share|Population|Age {a}" for a in AGE_LABELS},
    "Population|Peak": "Population Peak (run metadata, with Population Peak Year)",
    "Autonomy|APA Beneficiaries|Share of 60+": "Share|Autonomy|APA Beneficiaries",
    "Final Energy|Target": "Target|Final Energy",
    "Emissions|GHG|Target SNBC": "Target|Emissions|GHG",
    "Emissions|GHG|Mobility|Tailpipe": "Mobility|Emissions|Tailpipe",
    "Emissions|GHG|Mobility|Life Cycle": "Mobility|Emissions|Life Cycle",
    "Emissions|GHG|Mobility|Life Cycle|Air": "Mobility|Emissions|Life Cycle|Air",
}
"""Former names (before the registry) and where each went."""


def series(name: str, years: np.ndarray, values: np.ndarray) -> Series:
    """A result series of the registered variable ``name`` (its unit from the registry).

    Raises
    ------
    KeyError
        If ``name`` is not registered.
    """
    return Series(name, VARIABLES[name].unit, years, values)


def label(name: str, lang: str = "fr") -> str:
    """The label of a registered variable in ``lang`` (``"fr"`` or ``"en"``)."""
    return VARIABLES[name].label[lang == "en"]


def partitions() -> list[tuple[str, tuple[str, ...]]]:
    """Every declared partition as ``(aggregate, components)``."""
    return [(v.name, p) for v in VARIABLES.values() for p in v.partitions]
