"""Local components of EPCI and communes: fertility, mortality and migration relative to the
département, estimated from the communes' births, deaths and census totals.

**Fertility and mortality** are indirectly standardised. A commune's expected births are its
women by age (its local base structure, :mod:`.local_structure`) times the département's
fertility schedule, and its expected deaths its persons by sex and age times the département's
death quotients, both scaled to the commune's 2021 census population; within each département
the expected counts are then scaled to add up to the observed ones (births and deaths 2022 of
the INSEE *comparateur de territoires*), so a territory's ratio O/E is relative to its
département. Small populations are shrunk towards the département with the Poisson–gamma
empirical Bayes estimator (Clayton and Kaldor 1987): O ~ Poisson(θE), θ ~ Gamma(α, α), so the
posterior mean is θ̂ = (O + α)/(E + α), a credibility weighting of O/E (weight E/(E + α)) and of
the département (1). The prior variance 1/α is estimated by Marshall's (1991) method of
moments over all territories of the same level (EPCI pieces, or communes):
A = Σ E(O/E − 1)² / ΣE − n/ΣE, floored at :data:`MIN_PRIOR_VARIANCE`.

**Net migration** is the residual of the 2015→2021 census growth net of the natural balance
(births less deaths of 2022 times six years, the only years published by commune), as a rate
of the mean population, less the same rate of the territory's département: the excess rate δ.
It is spread over sex and age like the département's internal migration (the absolute value of
its net internal migration by sex and age, normalised), so a territory's migration is its
département's rates plus δ times that profile. The residual is not shrunk (census counts are
exhaustive for the totals); its error is that of the natural balance.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..models.axes import BASE_YEAR, FERTILE_AGES, OPEN_AGE, SEXES
from ..models.demography import DemographyEstimates
from .demographic import demographic_base, estimates_for
from .local_structure import local_structures

GROWTH_YEARS = 6
"""Years between the two census populations (1 January 2015 and 2021 in INSEE's convention)."""
MIN_PRIOR_VARIANCE = 1e-4
"""Smallest prior variance of a relative index (a standard deviation of 1 %)."""
LEVELS = ("EPCI", "COM")
"""Levels with their own prior: EPCI (and their pieces in one département) and communes."""


@dataclass(frozen=True)
class LocalSignals:
    """Observed and expected counts of every commune, relative to its département.

    Attributes
    ----------
    codes
        Commune codes (the order of every array).
    births, expected_births, deaths, expected_deaths
        Observed counts of 2022 and expected counts (persons), expected scaled within each
        département to the observed total.
    excess_growth
        Net migration 2015→2021 beyond the département's rate (persons over the six years).
    person_years
        Six times the mean of the 2015 and 2021 populations (person-years).
    alpha
        Prior shape α of the fertility and the mortality index for each level of
        :data:`LEVELS`, ``{"fertility": {...}, "mortality": {...}}``.
    """

    codes: pd.Index
    births: np.ndarray
    expected_births: np.ndarray
    deaths: np.ndarray
    expected_deaths: np.ndarray
    excess_growth: np.ndarray
    person_years: np.ndarray
    alpha: dict[str, dict[str, float]]

    @functools.cached_property
    def position(self) -> dict[str, int]:
        """Row of each commune code."""
        return {code: i for i, code in enumerate(self.codes)}


@dataclass(frozen=True)
class LocalComponents:
    """Indices of a set of territories relative to their département.

    Attributes
    ----------
    fertility, mortality
        Shrunk indices θ̂ (ratio to the département), shape (territory,).
    fertility_raw, mortality_raw
        Unshrunk O/E (NaN where E is 0).
    excess_migration
        Net migration rate beyond the département's (per person per year), shape (territory,).
    births, expected_births, deaths, expected_deaths
        The counts behind the indices (persons).
    """

    fertility: np.ndarray
    mortality: np.ndarray
    fertility_raw: np.ndarray
    mortality_raw: np.ndarray
    excess_migration: np.ndarray
    births: np.ndarray
    expected_births: np.ndarray
    deaths: np.ndarray
    expected_deaths: np.ndarray

    def take(self, rows: np.ndarray) -> LocalComponents:
        """The components of the territories at positions ``rows``."""
        return LocalComponents(*(getattr(self, f.name)[rows] for f in fields(self)))

    def put(self, rows: np.ndarray, other: LocalComponents) -> LocalComponents:
        """These components with the territories at ``rows`` replaced by ``other``'s."""
        arrays = []
        for f in fields(self):
            values = getattr(self, f.name).copy()
            values[rows] = getattr(other, f.name)
            arrays.append(values)
        return LocalComponents(*arrays)


def prior_alpha(observed: np.ndarray, expected: np.ndarray) -> float:
    """Gamma prior shape α = 1/A of relative indices, Marshall's moment estimator (mean 1).

    Units with no expected count are left out.
    """
    keep = expected > 0
    o, e = observed[keep], expected[keep]
    spread = (e * (o / e - 1.0) ** 2).sum() / e.sum() - keep.sum() / e.sum()
    return 1.0 / max(spread, MIN_PRIOR_VARIANCE)


def shrink(
    observed: np.ndarray,
    expected: np.ndarray,
    alpha: np.ndarray | float,
    prior: np.ndarray | float = 1.0,
) -> np.ndarray:
    """Poisson–gamma posterior mean (O + α)/(E + α/μ) of a relative index, prior Gamma(α, α/μ)
    of mean μ (``prior``: 1 for the département, an EPCI's index for its communes).
    """
    return (observed + alpha) / (expected + alpha / prior)


def local_signals(data: Dataset | None = None, structures_year: int | None = None) -> LocalSignals:
    """The signals of every commune (computed once per data set), expected counts from the
    local structures of 2025 or, for the backtests, of the census ``structures_year``.
    """
    data = data or open_data()
    key = f"calibration.local_signals.{structures_year}"
    return data.derived(key, lambda: _local_signals(data, structures_year))


def _within(values: np.ndarray, dep: np.ndarray, n: int) -> np.ndarray:
    """Sum of ``values`` over each commune's département, per commune."""
    return np.bincount(dep, values, minlength=n)[dep]


def _local_signals(data: Dataset, structures_year: int | None) -> LocalSignals:
    base, estimates = demographic_base(data), estimates_for(data)
    if structures_year is None:
        local = local_structures(data)
    else:
        local = local_structures(data, structures_year, structures_year)
    communes = data.table("communes").set_index("code")
    codes = local.codes
    dep_pos = base.dep_index(communes.loc[codes, "dep"])
    signals = data.table("communes_census").set_index("code").reindex(codes)
    known = signals[["population_2015", "population_2021", "births_2022", "deaths_2022"]]
    known = known.notna().all(axis=1).to_numpy()
    col = {k: np.nan_to_num(signals[k].to_numpy(dtype=float)) for k in signals.columns[1:6]}
    totals = local.population.sum(axis=(1, 2))
    schedule = np.zeros(OPEN_AGE + 1)
    schedule[FERTILE_AGES] = base.asfr_in(int(base.asfr_years[-1]))
    women = local.population[:, SEXES.index("F")]
    birth_rate = (women @ schedule) / np.maximum(totals, 1e-300)
    qx = base.qx_observed[-1][:, : OPEN_AGE + 1]
    unit_dep = np.zeros(len(local.population), dtype=int)
    unit_dep[local.units] = dep_pos
    quotients = qx[None] * estimates.mortality_index[unit_dep][..., None]
    death_rate = (local.population * quotients).sum(axis=(1, 2)) / np.maximum(totals, 1e-300)
    n = len(base.deps)
    people = np.where(known, col["population_2021"], 0.0)
    births, deaths = (
        np.where(known, col["births_2022"], 0.0),
        np.where(known, col["deaths_2022"], 0.0),
    )
    expected = {}
    for name, rate, observed in (("births", birth_rate, births), ("deaths", death_rate, deaths)):
        raw = people * rate[local.units]
        expected[name] = (
            raw * _within(observed, dep_pos, n) / np.maximum(_within(raw, dep_pos, n), 1e-300)
        )
    natural = GROWTH_YEARS * (births - deaths)
    migration = np.where(known, col["population_2021"] - col["population_2015"], 0.0) - natural
    person_years = GROWTH_YEARS * np.where(known, 0.5 * (col["population_2015"] + people), 0.0)
    dep_rate = _within(migration, dep_pos, n) / np.maximum(
        _within(person_years, dep_pos, n), 1e-300
    )
    excess = migration - dep_rate * person_years
    pieces = (
        pd.Series(dep_pos).astype(str) + "|" + communes.loc[codes, "epci"].fillna("").to_numpy()
    )
    piece = pd.factorize(pieces)[0]
    alpha = {}
    for name, observed in (("fertility", births), ("mortality", deaths)):
        e = expected["births" if name == "fertility" else "deaths"]
        alpha[name] = {
            "EPCI": prior_alpha(np.bincount(piece, observed), np.bincount(piece, e)),
            "COM": prior_alpha(observed, e),
        }
    return LocalSignals(
        codes, births, expected["births"], deaths, expected["deaths"], excess, person_years, alpha
    )


def local_components(
    members: list[tuple[str, ...]],
    levels: list[str],
    data: Dataset | None = None,
    signals: LocalSignals | None = None,
    prior: LocalComponents | None = None,
) -> LocalComponents:
    """Indices of territories given by their communes and level (``EPCI`` or ``COM``),
    shrunk towards the département or, with ``prior`` (one row per territory), towards the
    prior's indices (a commune towards its EPCI: two-level credibility).
    """
    signals = signals or local_signals(data)
    sums = []
    position = signals.position
    for codes in members:
        rows = np.array([position[c] for c in codes if c in position], dtype=int)
        sums.append(
            [
                getattr(signals, f)[rows].sum()
                for f in ("births", "expected_births", "deaths", "expected_deaths")
                + ("excess_growth", "person_years")
            ]
        )
    b, eb, d, ed, excess, person_years = np.array(sums, dtype=float).reshape(-1, 6).T
    fert = np.array([signals.alpha["fertility"][lv] for lv in levels])
    mort = np.array([signals.alpha["mortality"][lv] for lv in levels])
    with np.errstate(divide="ignore", invalid="ignore"):
        return LocalComponents(
            shrink(b, eb, fert, 1.0 if prior is None else prior.fertility),
            shrink(d, ed, mort, 1.0 if prior is None else prior.mortality),
            np.where(eb > 0, b / eb, np.nan),
            np.where(ed > 0, d / ed, np.nan),
            np.where(person_years > 0, excess / person_years, 0.0),
            b,
            eb,
            d,
            ed,
        )


def migration_profile(estimates: DemographyEstimates, deps: np.ndarray) -> np.ndarray:
    """Sex–age profile of excess migration of each département (fractions summing to 1),
    the absolute value of its net internal migration, shape (dep, sex, age).
    """
    size = np.abs(estimates.internal_counts[deps])
    return size / size.sum(axis=(1, 2), keepdims=True)


def local_estimates(
    deps: np.ndarray,
    bases: np.ndarray,
    components: LocalComponents,
    data: Dataset | None = None,
    base_year: int = BASE_YEAR,
) -> DemographyEstimates:
    """Estimates of local units (one per row of ``bases``): their département's (positions
    ``deps``) times the local indices, with the excess migration added.

    Parameters
    ----------
    deps
        Position of each unit's département.
    bases
        Base-year persons of each unit, shape (unit, sex, age).
    components
        The units' indices (:func:`local_components`).
    """
    estimates = estimates_for(data, base_year)
    base = demographic_base(data).population_in(base_year)[deps]
    ratio = bases.sum(axis=(1, 2)) / base.sum(axis=(1, 2))
    excess = (
        components.excess_migration[:, None, None]
        * bases.sum(axis=(1, 2))[:, None, None]
        * migration_profile(estimates, deps)
    )
    counts = estimates.internal_counts[deps] * ratio[:, None, None] + excess
    return DemographyEstimates(
        base_year=estimates.base_year,
        window=estimates.window,
        fertility_index=estimates.fertility_index[deps] * components.fertility,
        mortality_index=estimates.mortality_index[deps] * components.mortality[:, None],
        internal_counts=counts,
        internal_rates=estimates.internal_rates[deps] + excess / np.maximum(bases, 1.0),
        international_profile=estimates.international_profile,
        population_share=estimates.population_share[deps] * ratio,
    )


@dataclass(frozen=True)
class LocalPlan:
    """The units projected for a set of EPCI and communes, and how they are raked.

    Every département a territory touches is cut into *pieces*, its communes grouped by EPCI
    (communes outside any EPCI form one piece): the pieces are raked to the département. A
    commune is projected with the rest of its piece as a second unit, and the two are raked to
    the piece, so the commune is bounded by its EPCI.

    Attributes
    ----------
    members, levels
        Communes and level (``EPCI`` or ``COM``) of each unit.
    deps
        Département code of each unit.
    parent
        For a piece, -1; for a commune or the rest of its piece, the piece's unit.
    territories
        Units adding up to each territory, in the order asked.
    """

    members: list[tuple[str, ...]]
    levels: list[str]
    deps: tuple[str, ...]
    parent: np.ndarray
    territories: list[list[int]]


def _pieces(data: Dataset) -> tuple[dict[str, str], dict[str, dict[str, tuple[str, ...]]]]:
    """Piece key (``dep|epci``) of every commune with a structure, and the communes of each
    piece by département, pieces sorted.
    """
    communes = data.table("communes")
    codes = communes["code"].to_numpy(dtype=object)
    communes = communes[local_structures(data).codes.get_indexer(codes) >= 0]
    dep = communes["dep"].to_numpy(dtype=object)
    key = pd.Series(dep + "|" + communes["epci"].fillna("").to_numpy(dtype=object))
    key.index = communes["code"].to_numpy(dtype=object)
    by_dep: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, members in sorted(key.groupby(key.to_numpy()).groups.items()):
        by_dep.setdefault(name.split("|")[0], {})[name] = tuple(members)
    return dict(key.items()), by_dep


def local_plan(territories: list, data: Dataset | None = None) -> LocalPlan:
    """The units and raking of ``territories`` (:class:`~prospectif.territory.Territory`)."""
    data = data or open_data()
    key, by_dep = data.derived("calibration.local_pieces", lambda: _pieces(data))
    deps = sorted({d for t in territories for d in t.departements})
    pieces = {name: codes for d in deps for name, codes in by_dep.get(d, {}).items()}
    names = list(pieces)
    position = {name: i for i, name in enumerate(names)}
    members = [pieces[n] for n in names]
    levels = ["EPCI"] * len(names)
    unit_deps = [n.split("|")[0] for n in names]
    parent = [-1] * len(names)
    asked = []
    for t in territories:
        if t.kind != "COM":
            keys = {key[c] for c in t.members if c in key}
            asked.append(sorted(position[k] for k in keys))
            continue
        (code,) = t.members
        piece = position[key[code]]
        rest = tuple(c for c in pieces[key[code]] if c != code)
        if not rest:
            asked.append([piece])
            continue
        asked.append([len(members)])
        for unit in ((code,), rest):
            members.append(unit)
            levels.append("COM")
            unit_deps.append(unit_deps[piece])
            parent.append(piece)
    return LocalPlan(members, levels, tuple(unit_deps), np.array(parent, dtype=int), asked)


def plan_components(plan: LocalPlan, data: Dataset | None = None) -> LocalComponents:
    """Components of every unit of ``plan``: pieces shrunk towards their département, a
    commune and the rest of its piece towards the piece (two-level credibility: the backtest
    of totals shows a commune's own signals are noisier than its EPCI's).
    """
    components = local_components(plan.members, plan.levels, data)
    sub = np.flatnonzero(plan.parent >= 0)
    if not len(sub):
        return components
    members = [plan.members[u] for u in sub]
    prior = components.take(plan.parent[sub])
    return components.put(sub, local_components(members, ["COM"] * len(sub), data, prior=prior))


def territory_components(territory, data: Dataset | None = None) -> LocalComponents:
    """Components of one EPCI or commune as projected (one row): a commune's shrunk towards
    its EPCI, an EPCI's over all its communes.
    """
    plan = local_plan([territory], data)
    (units,) = plan.territories
    if len(units) == 1:
        return plan_components(plan, data).take(np.array(units))
    return local_components([territory.members], ["EPCI"], data)
