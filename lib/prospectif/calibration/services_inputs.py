"""Inputs of the services and housing models: today's equipment and households of a territory.

Equipment comes from the INSEE BPE (``services_equipment``: schools 2018; childcare, GPs and
pharmacies 2013), households from the 2021 census (``communes_census``). A territory made of
communes (EPCI, commune, perimeter) sums its member communes (communes merged since the BPE year
keep an old code and are missed: about 5 % of the BPE communes); France, régions and
départements sum their départements weighted by their shares. The BPE counts no childcare
places: today's places are the facilities × France's EAJE places per facility (estimate).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..models.axes import BASE_YEAR, ENERGY_BASE_YEAR
from ..models.housing import HousingInputs, households
from ..models.services import ServicesInputs
from ..models.services_constants import (
    EAJE_PLACES_FRANCE,
    SCHOOL_LEVELS,
    SECOND_HOME_SHARE,
    VACANT_SHARE,
    consultation_profile,
    headship_profile,
)
from ..territory import Territory
from .demographic import demographic_base

SCHOOL_COLUMNS = tuple(f"{level.lower()}_2018" for level in SCHOOL_LEVELS)
"""Columns of ``services_equipment`` holding the schools of each level."""
OTHER_COLUMNS = ("childcare_2013", "gps_2013", "pharmacies_2013")


def territory_counts(table: pd.DataFrame, columns: list[str], territory: Territory) -> pd.Series:
    """Counts of a commune table (columns ``code``, ``dep``) summed over ``territory``."""
    if territory.members:
        return table.loc[table["code"].isin(territory.members), columns].sum()
    by_dep = departement_counts(table, columns).reindex(territory.shares.index, fill_value=0.0)
    return by_dep.mul(territory.shares, axis=0).sum()


def departement_counts(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Counts of a commune table by département (index ``dep``)."""
    return table.groupby("dep")[columns].sum()


def _france_population(data: Dataset, year: int) -> np.ndarray:
    """Persons of France by (sex, age) on 1 January of ``year`` (INSEE estimates)."""
    return demographic_base(data).population_in(year).sum(0)


def national_headship(data: Dataset | None = None) -> np.ndarray:
    """Headship rates by (sex, age) at France's level: the project's profile scaled so that
    France's 2021 population gives its 2021 census households (kept on the data set).
    """
    data = data or open_data()

    def compute() -> np.ndarray:
        profile = headship_profile()
        census = float(data.table("communes_census")["households_2021"].sum())
        year = np.array([ENERGY_BASE_YEAR])
        modelled = households(profile, _france_population(data, ENERGY_BASE_YEAR)[None], year, 0.0)
        return profile * census / float(modelled[0])

    return data.derived("services.headship", compute)


def normalised_consultations(data: Dataset) -> np.ndarray:
    """The consultation profile scaled so France's mean per person in 2025 is 1."""

    def compute() -> np.ndarray:
        profile, people = consultation_profile(), _france_population(data, BASE_YEAR)
        return profile * people.sum() / float((profile * people).sum())

    return data.derived("services.consultations", compute)


def services_inputs(territory: Territory, data: Dataset | None = None) -> ServicesInputs:
    """Today's schools, childcare, GPs and pharmacies of ``territory``."""
    data = data or open_data()
    table = data.table("services_equipment")
    counts = territory_counts(table, [*SCHOOL_COLUMNS, *OTHER_COLUMNS], territory)
    per_facility = EAJE_PLACES_FRANCE / float(table["childcare_2013"].sum())
    return ServicesInputs(
        schools_today=counts[list(SCHOOL_COLUMNS)].to_numpy(dtype=float),
        childcare_facilities=float(counts["childcare_2013"]),
        childcare_places_today=float(counts["childcare_2013"]) * per_facility,
        gps_today=float(counts["gps_2013"]),
        pharmacies_today=float(counts["pharmacies_2013"]),
        consultation_profile=normalised_consultations(data),
    )


def housing_inputs(territory: Territory, data: Dataset | None = None) -> HousingInputs:
    """National headship rates, ``territory``'s 2021 census households (NaN where the census
    gives none: Mayotte) and today's shares.
    """
    data = data or open_data()
    census = data.table("communes_census")
    count = territory_counts(census, ["households_2021"], territory)["households_2021"]
    return HousingInputs(
        headship=national_headship(data),
        households_2021=float(count) if count > 0 else float("nan"),
        vacant_share=VACANT_SHARE,
        second_home_share=SECOND_HOME_SHARE,
    )
