"""A plain pandas, row-by-row implementation of the same projection step, as a reference point
for the vectorised engine (used only by the benchmark)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from prospectif.models.demography import Projection, RatePaths


def project_rows(base: np.ndarray, paths: RatePaths) -> Projection:
    """Project one unit (base shape (1, sex, age)) looping over rows of a DataFrame."""
    ages = base.shape[-1]
    index = pd.MultiIndex.from_product([range(2), range(ages)], names=["sex", "age"])
    frame = pd.DataFrame({"population": base[0].ravel()}, index=index)
    stocks = [frame["population"].to_numpy().reshape(2, ages).copy()]
    for t in range(len(paths.years)):
        new = pd.Series(0.0, index=index)
        deaths = pd.Series(0.0, index=index)
        for (sex, age), row in frame.iterrows():
            survived = row["population"] * paths.survival[t, 0, sex, age]
            deaths[(sex, age)] = row["population"] - survived
            new[(sex, min(age + 1, ages - 1))] += survived
        migration = paths.migration_counts[t, 0]
        for sex, age in index:
            if age > 0:
                new[(sex, age)] = max(new[(sex, age)] + migration[sex, age], 0.0)
        births = 0.0
        for age in range(ages):
            exposure = 0.5 * (frame.loc[(0, age), "population"] + new[(0, age)])
            births += paths.asfr[t, 0, age] * exposure
        for sex, share in ((0, 1 - paths.boys_share), (1, paths.boys_share)):
            newborns = births * share * paths.birth_survival[t, 0, sex]
            new[(sex, 0)] = max(newborns + migration[sex, 0], 0.0)
        frame = pd.DataFrame({"population": new})
        stocks.append(new.to_numpy().reshape(2, ages))
    population = np.stack(stocks)[:, None]
    empty = np.zeros(0)
    return Projection(
        np.append(paths.years, paths.years[-1] + 1), population, empty, empty, empty, empty
    )
