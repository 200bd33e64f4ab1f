"""How the climate pathway changes the buildings' energy: less heating, more cooling.

Heating follows heating degree-days. A degree-day counts how far the outdoor temperature is
below the indoor base, so 1 °C of outdoor warming removes the same degree-days as 1 °C lower
indoors: the outdoor warming is added to the scenario's indoor ``temperature_reduction`` and
both save :data:`~prospectif.models.energy.HEAT_SAVING_PER_DEGREE` (ADEME, 7 % per °C) of
heating per degree. Cooling follows the days over 25 °C: the base year's air-conditioning
electricity grows with their number. Sources and limits: ``docs/methodology/adaptation.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TERTIARY_HEATING_SHARE = 0.51
"""Heating share of tertiary final energy (fraction): 51 % in 2007 (SDES, « La consommation
d'énergie du secteur tertiaire », Essentiels sur l'environnement, CEREN data)."""
RESIDENTIAL_COOLING_SHARE = 4.9 / 156.0
"""Air conditioning in residential electricity (fraction): 4.9 TWh in 2020 (ADEME, « La
climatisation de confort dans les bâtiments résidentiels et tertiaires », 2021, relayed by AFP)
over 156 TWh of residential electricity in 2023 (SDES, Bilan énergétique 2023, §5.3), ≈ 3.1 %."""
TERTIARY_COOLING_SHARE = (15.5 - 4.9) / 127.0
"""Air conditioning in tertiary electricity (fraction): 15.5 − 4.9 = 10.6 TWh in 2020 (ADEME,
2021) over 127 TWh of tertiary electricity in 2023 (SDES, Bilan énergétique 2023), ≈ 8.3 %."""


@dataclass(frozen=True)
class ClimateEffect:
    """The climate pathway as the energy model sees it, by year from the base year 2021.

    Attributes
    ----------
    warming
        Annual mean temperature minus the base year's (°C).
    summer_ratio
        Days over 25 °C relative to the base year (ratio).
    """

    warming: np.ndarray
    summer_ratio: np.ndarray

    @classmethod
    def constant(cls, count: int) -> ClimateEffect:
        """The climate of the base year held (no warming)."""
        return cls(np.zeros(count), np.ones(count))

    def cooling_extra(self) -> np.ndarray:
        """Cooling electricity added to the base year's, relative to it (fraction), by year."""
        return self.summer_ratio - 1.0
