"""Axes and calendar shared by the models and their calibration (one definition each).

Population arrays are indexed (year, unit, sex ``SEXES``, age 0…``OPEN_AGE``+); life tables
run to ``LIFE_TABLE_LAST_AGE``.
"""

from __future__ import annotations

import numpy as np

SEXES = ("F", "M")
OPEN_AGE = 105
"""Last age of the population arrays, an open group (years)."""
LIFE_TABLE_LAST_AGE = 120
FERTILE_AGES = np.arange(12, 56)
"""Ages of the fertility rates (years)."""

BASE_YEAR = 2025
"""Base year of the demography (INSEE estimate of 1 January 2025); scenario levers move from
it, the mobility results start in it and the 2025 car fleet and care places are its state."""
ENERGY_BASE_YEAR = 2021
"""First year of the energy balance (the last ORE consumption year); mobility runs from it too
so that its transport energy covers the balance's years."""

TRANSPORT_CARRIERS = ("petrol", "diesel", "electricity", "other")
"""Carriers of the transport energy the mobility model hands to the energy model (GWh/yr)."""
