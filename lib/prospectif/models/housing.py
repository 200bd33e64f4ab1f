"""Housing: households from headship rates and dwellings needed by the « point mort » method.

Pure NumPy on a territory's population by (year, sex, age) on 1 January from 2021:

  H(t) = k · Σ_{s,a} min(h(s, a) · (1 + d)^(t − 2021), 1) · P(t, s, a),

with h the headship rates (households per person), d the decohabitation lever and k the
territory's calibration factor (its 2021 census households over the modelled ones). With
persons per household n = P / H and the stock S = H / (1 − v − r) (v vacant, r second-home
shares), the dwellings needed during year t → t + 1 are the sum of five components:

* renewal ρ · S(t) and change of use γ · S(t);
* decohabitation P(t) / n(t+1) − P(t) / n(t) (households at constant population);
* vacancy and second homes (v + r)(t+1) · S(t+1) − (v + r)(t) · S(t);
* demographic growth (P(t+1) − P(t)) / n(t+1);

the first four are the « point mort » (dwellings needed at constant population). Their sum is
S(t+1) − S(t) + (ρ + γ) · S(t) exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ModelError
from .axes import ENERGY_BASE_YEAR as CENSUS_YEAR

if TYPE_CHECKING:
    from ..scenario.services import Housing

__all__ = ["COMPONENTS", "HousingInputs", "HousingResult", "households", "project_housing"]

COMPONENTS = ("Renewal", "Change of Use", "Decohabitation", "Vacancy and Second Homes", "Growth")
"""The point-mort components, in the order of :attr:`HousingResult.components`."""


@dataclass(frozen=True)
class HousingInputs:
    """Headship rates, the territory's calibration and today's stock shares.

    Attributes
    ----------
    headship
        Households per person by (sex, age), France's level (households per person).
    households_2021
        Households of the 2021 census (households); NaN where the census gives none (Mayotte
        in the comparateur): the national rates are then used as they are.
    vacant_share, second_home_share
        Vacant and second-home shares of the stock today (%).
    """

    headship: np.ndarray
    households_2021: float
    vacant_share: float
    second_home_share: float


@dataclass(frozen=True)
class HousingResult:
    """Households, stock and dwellings needed.

    Attributes
    ----------
    factor
        The territory's census households 2021 over those the national rates give
        (dimensionless).
    years
        Stock years (1 January) from 2021; flows cover all but the last.
    population, households, stock
        Persons, households (= main residences) and dwellings, shape (year,).
    components
        Dwellings needed during each flow year by :data:`COMPONENTS`, shape (year − 1, 5).
    """

    years: np.ndarray
    population: np.ndarray
    households: np.ndarray
    stock: np.ndarray
    components: np.ndarray
    factor: float
    inputs: HousingInputs

    @property
    def needed(self) -> np.ndarray:
        """Dwellings needed during each flow year (dwellings per year)."""
        return self.components.sum(1)

    @property
    def point_mort(self) -> np.ndarray:
        """Dwellings needed at constant population (every component but growth)."""
        return self.components[:, :-1].sum(1)


def households(
    headship: np.ndarray, population: np.ndarray, years: np.ndarray, decohabitation: float
) -> np.ndarray:
    """Households by year: headship rates × persons, the rates changing by ``decohabitation``
    (% per year, compounded from 2021, each rate capped at 1), shape (year,).
    """
    growth = (1.0 + decohabitation / 100.0) ** (np.asarray(years) - CENSUS_YEAR)
    rates = np.minimum(headship[None] * growth[:, None, None], 1.0)
    return np.einsum("tsa,tsa->t", rates, population)


def project_housing(
    inputs: HousingInputs, years: np.ndarray, population: np.ndarray, params: Housing
) -> HousingResult:
    """Households and dwellings needed for ``population`` (persons by (year, sex, age)).

    Raises
    ------
    ModelError
        If ``years`` do not start in 2021, the census year the households are calibrated on.
    """
    years = np.asarray(years)
    if int(years[0]) != CENSUS_YEAR:
        raise ModelError("model.years_from", first=CENSUS_YEAR, value=int(years[0]))
    people = population.sum(axis=(1, 2))
    modelled = households(inputs.headship, population, years, params.decohabitation)
    known = np.isfinite(inputs.households_2021)
    factor = inputs.households_2021 / float(modelled[0]) if known else 1.0
    count = factor * modelled
    size = people / count
    progress = np.clip((years - CENSUS_YEAR) / max(params.target_year - CENSUS_YEAR, 1), 0, 1)
    empty = (
        inputs.vacant_share
        + inputs.second_home_share
        + progress * (params.vacancy_change + params.second_homes_change)
    ) / 100.0
    stock = count / (1.0 - empty)
    before, after = slice(None, -1), slice(1, None)
    components = np.stack(
        [
            params.renewal_rate / 100.0 * stock[before],
            params.change_of_use / 100.0 * stock[before],
            people[before] / size[after] - people[before] / size[before],
            empty[after] * stock[after] - empty[before] * stock[before],
            (people[after] - people[before]) / size[after],
        ],
        axis=1,
    )
    return HousingResult(years, people, count, stock, components, factor, inputs)
