"""The demography of any territory: départements projected once, local structures raked to
them, imported schedules, census bases, variants and the INSEE envelope.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..calibration.ageing_calibration import ageing_inputs
from ..calibration.demographic import demographic_base, estimates_for
from ..calibration.local_components import (
    LocalComponents,
    LocalPlan,
    local_components,
    local_estimates,
    local_plan,
    plan_components,
)
from ..calibration.local_structure import local_structures
from ..census import census_structure
from ..data import Dataset, open_data
from ..errors import ScenarioError
from ..models.ageing import AgeingResult, project_ageing
from ..models.axes import BASE_YEAR, FERTILE_AGES, LIFE_TABLE_LAST_AGE, OPEN_AGE
from ..models.demography import (
    DemographyEstimates,
    Projection,
    RatePaths,
    boys_share,
    project,
    rate_paths,
    schedule_paths,
    stack_paths,
)
from ..models.raking import concat_projections, rake_projection
from ..results import long_table
from ..results.convert import demography_scalars, demography_series
from ..results.metadata import MODEL_NAME, RunMetadata, run_metadata
from ..scenario import Scenario
from ..scenario.schedules import SCHEDULE_FILES, Schedules, ScheduleTables, read_schedules
from ..territory import (
    STRUCTURE_CENSUS,
    STRUCTURE_ESTIMATES,
    STRUCTURE_LOCAL,
    STRUCTURE_SCHEDULES,
    STRUCTURE_SHARE,
    Territory,
    get_territory,
)


@dataclass(frozen=True)
class DemographyRun:
    """A projection of a territory: its départements' projections and their weights.

    The territory's stocks and flows are the weighted sums over ``units`` (its départements,
    with the share of each département's population it holds).
    """

    territory: Territory
    scenario: Scenario
    units: tuple[str, ...]
    weights: np.ndarray
    projection: Projection
    paths: RatePaths
    structure: str
    data: Dataset
    components: dict[str, float] = dataclasses.field(default_factory=dict)
    """Local components of an EPCI or a commune (fields of ``RunMetadata.components``)."""
    schedules: dict[str, str] = dataclasses.field(default_factory=dict)
    """SHA-256 of the schedule files imported (fields of ``RunMetadata.schedules``)."""

    @property
    def unit_territory(self) -> Territory:
        """The territory as projected: its départements (units) and their weights."""
        shares = pd.Series(self.weights, index=list(self.units))
        return dataclasses.replace(self.territory, shares=shares)

    def population_since(self, first_year: int) -> tuple[np.ndarray, np.ndarray]:
        """Years from ``first_year`` to the horizon and persons by (year, sex, age): INSEE
        estimates before the base year, the projection from it.

        Each unit's estimates are scaled by its base-year ratio of projection to estimate
        (its weight for a share of a département, the piece's share of its département for an
        EPCI or a commune with a local structure) so the series has no break and each piece
        follows its own département.
        """
        base = demographic_base(self.data)
        start = int(self.years[0])
        if start <= first_year:  # imported schedules may start before ``first_year``
            return self.years[first_year - start :], self.population[first_year - start :]
        observed = base.population[first_year - base.years[0] : start - base.years[0] + 1]
        observed = observed[:, base.dep_index(self.units)]
        projected = self.projection.population[0].sum(axis=(-1, -2)) * self.weights
        ratios = projected / observed[-1].sum(axis=(-1, -2))
        history = np.tensordot(observed[:-1], ratios, ([1], [0]))
        years = np.arange(first_year, int(self.years[-1]) + 1)
        return years, np.concatenate([history, self.population])

    def _sum(self, values: np.ndarray) -> np.ndarray:
        return np.tensordot(values, self.weights, axes=([1], [0]))

    @property
    def years(self) -> np.ndarray:
        """Stock years (1 January)."""
        return self.projection.years

    @functools.cached_property
    def population(self) -> np.ndarray:
        """Persons on 1 January by (year, sex, age)."""
        return self._sum(self.projection.population)

    def series(self) -> list:
        """The demography result series of the territory."""
        p = self.projection
        births = self._sum(p.births).sum(-1)
        deaths = self._sum(p.deaths).sum(axis=(-1, -2)) + self._sum(p.infant_deaths).sum(-1)
        migration = self._sum(p.migration).sum(axis=(-1, -2))
        unit_births = p.births.sum(-1)
        tfr = (unit_births @ self.weights) / ((unit_births / self.paths.tfr) @ self.weights)
        people = p.population[:-1].sum(-1) * self.weights[None, :, None]
        e0 = (self.paths.life_expectancy * people).sum(1) / people.sum(1)
        return demography_series(self.years, self.population, births, deaths, migration, tfr, e0)

    def metadata(self) -> RunMetadata:
        """What the run was computed from, with the population peak."""
        scalars = demography_scalars(self.years, self.population)
        code, name = self.territory.code, self.territory.name
        return run_metadata(
            code,
            name,
            self.scenario,
            self.structure,
            scalars,
            self.data,
            self.components,
            self.schedules,
        )

    def table(self) -> pd.DataFrame:
        """The IAMC long table of the demography results; ``attrs["base_structure"]`` says how
        the base age structure was obtained, ``attrs["metadata"]`` holds the run metadata.
        """
        return results_table(self.series(), self.metadata())


def _rate_paths(
    units: tuple[str, ...] | np.ndarray,
    scenario: Scenario,
    data: Dataset,
    estimates: DemographyEstimates,
) -> RatePaths:
    """The scenario's year-by-year rates for the départements ``units`` (codes), or for the
    rows ``units`` (positions) of ``estimates``.
    """
    base = demographic_base(data)
    return rate_paths(
        scenario.demography,
        estimates,
        units if isinstance(units, np.ndarray) else base.dep_index(units),
        base.qx_forecast,
        base.qx_forecast_years,
        base.asfr_in(int(base.asfr_years[-1])),
        FERTILE_AGES,
        scenario.horizon,
        OPEN_AGE + 1,
    )


def _base_population(
    units: tuple[str, ...], data: Dataset, estimates: DemographyEstimates
) -> np.ndarray:
    """Persons of the départements ``units`` in the base year, shape (unit, sex, age)."""
    base = demographic_base(data)
    return base.population_in(estimates.base_year)[base.dep_index(units)]


def _unit_projection(
    units: tuple[str, ...],
    scenario: Scenario,
    data: Dataset,
    estimates: DemographyEstimates | None = None,
    base_population: np.ndarray | None = None,
) -> tuple[Projection, RatePaths]:
    """The projection and rate paths of the départements ``units`` (one unit per département).

    ``base_population`` (persons, shape (sex, age) for a single unit, or (unit, sex, age))
    replaces the base of the units, whose migration counts are scaled to it.
    """
    estimates = estimates or estimates_for(data)
    paths = _rate_paths(units, scenario, data, estimates)
    start = _base_population(units, data, estimates)
    if base_population is not None:
        local = np.asarray(base_population, dtype=float).reshape(start.shape)
        ratio = np.array([float(b.sum() / s.sum()) for b, s in zip(local, start, strict=True)])
        counts = paths.migration_counts
        scale = ratio.reshape(1, -1, *([1] * (counts.ndim - 2)))
        paths = dataclasses.replace(paths, migration_counts=counts * scale)
        start = local
    return project(start, paths), paths


def run_demography(
    territory: Territory,
    scenario: Scenario,
    base_population: np.ndarray | None = None,
    estimates: DemographyEstimates | None = None,
    data: Dataset | None = None,
) -> DemographyRun:
    """Project a territory under a scenario from its base year to the scenario's horizon.

    Parameters
    ----------
    base_population
        Optional base structure of the territory (persons, shape (sex, age)), e.g. from an
        INSEE census import; it is projected with the rates of its main département. Without
        it an EPCI or a commune (flag ``local-marginals``) starts from its local structure
        (:func:`~prospectif.calibration.local_structure.local_base`), projected the same way.
    estimates
        Differentials and migration (default: estimated at 2025 on the INSEE series).
    data
        The data set (default: :func:`~prospectif.data.open_data`).
    """
    data = data or open_data()
    if scenario.schedules is not None:
        return _schedules_run(territory, scenario, data)
    units = territory.departements
    weights = territory.shares.to_numpy(dtype=float)
    structure = territory.structure if base_population is None else STRUCTURE_CENSUS
    if base_population is None and structure == STRUCTURE_LOCAL:
        return _local_runs([territory], scenario, data)[0]
    if base_population is not None:
        units, weights = (territory.shares.idxmax(),), np.ones(1)
    projection, paths = _unit_projection(tuple(units), scenario, data, estimates, base_population)
    return DemographyRun(
        territory, scenario, tuple(units), weights, projection, paths, structure, data
    )


def _schedules_run(territory: Territory, scenario: Scenario, data: Dataset) -> DemographyRun:
    """The territory projected as one unit with the scenario's imported schedules.

    The projection is then split over the territory's départements (in proportion to their
    weighted population by sex and age in the base year) for the models calibrated by
    département (ageing, adaptation); the split adds up to the projection exactly.

    Raises
    ------
    ScenarioError
        If the schedules describe another territory, or their files are no longer valid.
    """
    spec = scenario.schedules
    assert spec is not None
    if spec.territory != territory.code:
        raise ScenarioError(
            "schedules.territory",
            scenario=scenario.id,
            expected=spec.territory,
            code=territory.code,
        )
    tables = _schedule_tables(spec, data)
    boys = boys_share(scenario.demography.fertility.sex_ratio_at_birth)
    paths = schedule_paths(tables, scenario.horizon, boys, LIFE_TABLE_LAST_AGE)
    whole = project(tables.population[None], paths)
    units = territory.departements
    weights = territory.shares.to_numpy(dtype=float)
    base = demographic_base(data)
    persons = np.nan_to_num(base.population_in(tables.base_year)[base.dep_index(units)])
    return DemographyRun(
        territory,
        scenario,
        tuple(units),
        weights,
        _split(whole, persons * weights[:, None, None], weights),
        paths.take(np.zeros(len(units), dtype=int)),
        STRUCTURE_SCHEDULES,
        data,
        schedules=tables.digests,
    )


def _schedule_tables(spec: Schedules, data: Dataset) -> ScheduleTables:
    """The schedules' files read, kept on the data set while none of them changes on disk
    (keyed by each file's device, inode, size and modification time).
    """
    try:
        stats = [os.stat(getattr(spec, key)) for key in SCHEDULE_FILES]
    except OSError:  # read_schedules says what is wrong with which file
        return read_schedules(spec)
    key = ".".join(f"{s.st_dev}:{s.st_ino}:{s.st_size}:{s.st_mtime_ns}" for s in stats)
    return data.derived(f"schedules.{spec.identity()}.{key}", lambda: read_schedules(spec))


def _split(whole: Projection, persons: np.ndarray, weights: np.ndarray) -> Projection:
    """The one-unit ``whole`` split over units holding ``persons`` (unit, sex, age) of it, each
    unit's arrays divided by its weight so the weighted sum is ``whole``.
    """

    def shares(counts: np.ndarray) -> np.ndarray:
        total = counts.sum(0, keepdims=True)
        even = np.full_like(counts, 1.0 / len(counts))
        return np.divide(counts, total, out=even, where=total > 0) / weights.reshape(
            -1, *([1] * (counts.ndim - 1))
        )

    by_age, by_sex = shares(persons)[None], shares(persons.sum(-1))[None]
    return Projection(
        whole.years,
        whole.population * by_age,
        whole.births * by_sex,
        whole.deaths * by_age,
        whole.infant_deaths * by_sex,
        whole.migration * by_age,
    )


@dataclass(frozen=True)
class UnitsRun:
    """Départements projected together for many territories (see :func:`run_chains`).

    The demography and the ageing model, vectorised over units, run once for all of them;
    each territory takes its départements' rows with its weights.
    """

    demography: DemographyRun
    """The projection of every département, each with weight 1."""

    def rows(self, territory: Territory) -> np.ndarray:
        """Positions of ``territory``'s départements among the units."""
        position = {dep: i for i, dep in enumerate(self.demography.units)}
        return np.array([position[dep] for dep in territory.departements], dtype=int)

    def demography_of(self, territory: Territory) -> DemographyRun:
        """The demography of ``territory``: its départements' rows, weighted by its shares."""
        rows, whole = self.rows(territory), self.demography
        return DemographyRun(
            territory,
            whole.scenario,
            territory.departements,
            territory.shares.to_numpy(dtype=float),
            whole.projection.take(rows),
            whole.paths.take(rows),
            territory.structure,
            whole.data,
        )

    @functools.cached_property
    def ageing(self) -> AgeingResult:
        """The ageing model of every unit (weights 1)."""
        return ageing_of(self.demography)


def units_run(territories: list[Territory], scenario: Scenario, data: Dataset) -> UnitsRun:
    """Every département the territories touch, projected once as the units of one run."""
    units = sorted({dep for t in territories for dep in t.departements})
    shares = pd.Series(1.0, index=pd.Index(units, name="dep"))
    whole = Territory("UNITS", "UNITS", "+".join(units), (), shares, STRUCTURE_ESTIMATES)
    return UnitsRun(run_demography(whole, scenario, data=data))


def run_demographies(
    territories: Iterable[Territory], scenario: Scenario, data: Dataset | None = None
) -> list[DemographyRun]:
    """Project many territories in one call: every département they touch is projected once.

    Each run equals :func:`run_demography` of its territory (the units are independent).
    """
    data = data or open_data()
    territories = list(territories)
    units, local = split_runs(territories, scenario, data)
    return [
        local[i] if units is None or i in local else units.demography_of(t)
        for i, t in enumerate(territories)
    ]


def split_runs(
    territories: list[Territory], scenario: Scenario, data: Dataset
) -> tuple[UnitsRun | None, dict[int, DemographyRun]]:
    """The départements of the territories projected once, and the territories with a local
    base structure (``local-marginals``) projected together, one unit each (by position).
    """
    if scenario.schedules is not None:  # one territory's own schedules: each run alone
        alone = [run_demography(t, scenario, data=data) for t in territories]
        return None, dict(enumerate(alone))
    local = [i for i, t in enumerate(territories) if t.structure == STRUCTURE_LOCAL]
    others = [t for i, t in enumerate(territories) if i not in set(local)]
    runs = _local_runs([territories[i] for i in local], scenario, data) if local else []
    return units_run(others or territories, scenario, data), dict(zip(local, runs, strict=True))


def local_projection(
    territories: list[Territory], scenario: Scenario, data: Dataset | None = None
) -> tuple[LocalPlan, Projection, RatePaths, LocalComponents]:
    """The raked projection of every unit of the territories' plan
    (:func:`~prospectif.calibration.local_components.local_plan`): its pieces add up to their
    départements and a commune with the rest of its piece to the piece, by year, sex and age.
    """
    data = data or open_data()
    plan = local_plan(territories, data)
    base = demographic_base(data)
    structures = local_structures(data)
    bases = np.stack([structures.of(m) for m in plan.members])
    deps = base.dep_index(plan.deps)
    components = plan_components(plan, data)
    estimates = local_estimates(deps, bases, components, data)
    paths = _rate_paths(np.arange(len(bases)), scenario, data, estimates)
    projection = project(bases, paths)
    departements = units_run([get_territory(f"DEP-{d}", data) for d in plan.deps], scenario, data)
    whole = departements.demography
    pieces = np.flatnonzero(plan.parent < 0)
    position = {dep: i for i, dep in enumerate(whole.units)}
    raked = rake_projection(
        projection.take(pieces),
        np.array([position[plan.deps[u]] for u in pieces]),
        whole.projection,
    )
    sub = np.flatnonzero(plan.parent >= 0)
    if len(sub):
        within = rake_projection(
            projection.take(sub), np.searchsorted(pieces, plan.parent[sub]), raked
        )
        raked = concat_projections([raked, within])
    order = np.argsort(np.concatenate([pieces, sub]))
    return plan, raked.take(order), paths, components


def _local_runs(
    territories: list[Territory], scenario: Scenario, data: Dataset
) -> list[DemographyRun]:
    """EPCI and communes with their local structures and components, raked to their départements.

    The pieces of every département they touch (its communes grouped by EPCI) and, for a
    commune, the commune and the rest of its piece are projected in one call of the engine,
    each unit with its département's rates times its local indices
    (:mod:`~prospectif.calibration.local_components`); the pieces are then raked to the
    département's projection and a commune with the rest of its piece to the piece
    (:func:`~prospectif.models.raking.rake_projection`).
    """
    plan, raked, paths, components = local_projection(territories, scenario, data)
    structures = local_structures(data)
    runs = []
    for t, units in zip(territories, plan.territories, strict=True):
        rows = np.array(units)
        members = structures.codes.get_indexer(list(t.members))
        flag = (
            STRUCTURE_LOCAL if structures.fitted[members[members >= 0]].any() else STRUCTURE_SHARE
        )
        runs.append(
            DemographyRun(
                t,
                scenario,
                tuple(plan.deps[u] for u in units),
                np.ones(len(units)),
                raked.take(rows),
                paths.take(rows),
                flag,
                data,
                _components_record(t, units, components, data),
            )
        )
    return runs


def _components_record(
    territory: Territory, units: list[int], components: LocalComponents, data: Dataset
) -> dict[str, float]:
    """The local components of a territory (its unit's, or an EPCI's over its communes when it
    spans several pieces) as one-number fields for its metadata.
    """
    c = (
        components.take(np.array(units))
        if len(units) == 1
        else local_components([territory.members], ["EPCI"], data)
    )
    return {
        "fertility_index": float(c.fertility[0]),
        "mortality_index": float(c.mortality[0]),
        "excess_migration_per_1000": float(1000 * c.excess_migration[0]),
        "births_2022": float(c.births[0]),
        "expected_births": float(c.expected_births[0]),
        "deaths_2022": float(c.deaths[0]),
        "expected_deaths": float(c.expected_deaths[0]),
    }


def run_demography_variants(
    territory: Territory, scenarios: Iterable[Scenario], data: Dataset | None = None
) -> list[DemographyRun]:
    """Project one territory under several scenarios with few calls of the engine.

    Scenarios with the same horizon, sex ratio at birth and migration mode are stacked along
    the unit axis and projected together; each run equals :func:`run_demography`. A territory
    with a local base structure (``local-marginals``) is projected once per scenario.
    """
    data = data or open_data()
    scenarios = list(scenarios)
    if territory.structure == STRUCTURE_LOCAL or any(s.schedules for s in scenarios):
        return [run_demography(territory, s, data=data) for s in scenarios]
    estimates = estimates_for(data)
    units = territory.departements
    scenarios = list(scenarios)
    paths = [_rate_paths(units, s, data, estimates) for s in scenarios]
    groups: dict[tuple, list[int]] = {}
    for i, p in enumerate(paths):
        key = (len(p.years), p.boys_share, p.migration_rates is None)
        groups.setdefault(key, []).append(i)
    start = _base_population(units, data, estimates)
    runs: dict[int, DemographyRun] = {}
    weights = territory.shares.to_numpy(dtype=float)
    for members in groups.values():
        stacked = stack_paths([paths[i] for i in members])
        projection = project(np.concatenate([start] * len(members)), stacked)
        for k, i in enumerate(members):
            rows = np.arange(k * len(units), (k + 1) * len(units))
            runs[i] = DemographyRun(
                territory,
                scenarios[i],
                units,
                weights,
                projection.take(rows),
                stacked.take(rows),
                territory.structure,
                data,
            )
    return [runs[i] for i in range(len(scenarios))]


def population_envelope(
    territory: Territory, scenarios: Iterable[Scenario], data: Dataset | None = None
) -> tuple[pd.Series, pd.Series]:
    """Lowest and highest population of ``territory`` each year over ``scenarios`` (persons),
    kept on the data set for these scenarios' assumptions.
    """
    data = data or open_data()
    scenarios = list(scenarios)
    key = f"envelope.{territory_key(territory)}.{'.'.join(s.hash for s in scenarios)}"
    return data.derived(key, lambda: _envelope(run_demography_variants(territory, scenarios, data)))


def _envelope(runs: list[DemographyRun]) -> tuple[pd.Series, pd.Series]:
    totals = np.array([run.population.sum(axis=(-1, -2)) for run in runs])
    years = runs[0].years
    return pd.Series(totals.min(0), index=years), pd.Series(totals.max(0), index=years)


def census_base(
    territory: Territory, census: pd.DataFrame, data: Dataset | None = None
) -> np.ndarray:
    """Base population of a commune, EPCI or perimeter from an INSEE census table.

    The age–sex structure comes from the census (see :mod:`prospectif.census`); the total is
    the territory's 2025 estimate (its communes' share of their départements).
    """
    base = demographic_base(data)
    population = base.population_in(BASE_YEAR)
    positions = base.dep_index(territory.departements)
    total = float(np.nansum(population[positions].sum(axis=(-1, -2)) * territory.shares.to_numpy()))
    reference = population[base.dep_index([territory.shares.idxmax()])[0]]
    return census_structure(census, list(territory.members), reference, total)


def ageing_of(demography: DemographyRun) -> AgeingResult:
    """The ageing model on the units of ``demography``."""
    return project_ageing(
        ageing_inputs(demography.unit_territory, demography.data),
        demography.years,
        demography.projection.population,
        demography.weights,
        demography.paths.life_expectancy,
        demography.scenario.ageing,
    )


def territory_key(territory: Territory) -> str:
    """A key of the territory's composition (a perimeter file may change its communes)."""
    shares = tuple(territory.shares.items())
    return f"{territory.code}.{hash(territory.members)}.{hash(shares)}"


def results_table(series: list, metadata: RunMetadata) -> pd.DataFrame:
    """The long results table of ``series``, its metadata and base structure in ``attrs``."""
    table = long_table(series, MODEL_NAME, metadata.scenario, metadata.territory)
    table.attrs["base_structure"] = metadata.base_structure
    table.attrs["metadata"] = (metadata,)
    return table
