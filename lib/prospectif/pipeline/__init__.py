"""Run the model chain for a territory and a scenario: the analysts' entry point.

>>> from prospectif.pipeline import run
>>> table = run("DEP-71", load_preset("insee-central"))   # IAMC long table

Every function takes ``data`` (a :class:`~prospectif.data.Dataset`, default the process's
:func:`~prospectif.data.open_data`); :func:`run_chains` runs many territories in one call.
"""

from __future__ import annotations

from .chain import (
    ADAPTATION_HORIZON,
    MODELS,
    MODELS_OF_SECTION,
    SERIES,
    ChainRun,
    climate_by_pathway,
    export_schedules,
    run,
    run_adaptation_units,
    run_chain,
    run_chains,
    territory_base_inventory,
    territory_energy_inputs,
    territory_housing_inputs,
    territory_mobility_inputs,
    territory_services_inputs,
    variant_chains,
    warm_up,
)
from .demography import (
    DemographyRun,
    UnitsRun,
    census_base,
    local_projection,
    population_envelope,
    run_demographies,
    run_demography,
    run_demography_variants,
)

__all__ = [
    "ADAPTATION_HORIZON",
    "ChainRun",
    "DemographyRun",
    "MODELS",
    "MODELS_OF_SECTION",
    "SERIES",
    "UnitsRun",
    "census_base",
    "climate_by_pathway",
    "export_schedules",
    "local_projection",
    "population_envelope",
    "run",
    "run_adaptation_units",
    "run_chain",
    "run_chains",
    "run_demographies",
    "run_demography",
    "run_demography_variants",
    "territory_base_inventory",
    "territory_energy_inputs",
    "territory_housing_inputs",
    "territory_mobility_inputs",
    "territory_services_inputs",
    "variant_chains",
    "warm_up",
]
