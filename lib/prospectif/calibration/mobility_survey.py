"""A territory's own household travel survey (EMD, EMC²) replacing the national defaults.

A survey file gives the residents' local trips per person on a weekday, the share of trips by
mode and, optionally, the mean distance of a trip by mode. YAML::

    format: prospectif-enquete-mobilite/1
    name: EMC² de l'agglomération (2023)
    year: 2023
    trips_per_person: 3.4
    mode_shares: {car_driver: 0.42, car_passenger: 0.11, public_transport: 0.09,
                  bike: 0.03, walking: 0.33, two_wheeler: 0.02}
    mean_distance_km: {car_driver: 9.0, walking: 0.9}

or CSV with columns ``key,mode,value`` (``trips_per_person,,3.4`` /
``mode_share,walking,0.33`` / ``mean_distance_km,walking,0.9`` / ``year,,2023`` /
``name,,EMC² …``). Every problem is reported at once, one line each, naming the file, the key,
the value and the allowed range (docs/methodology/mobility.md).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeGuard

import numpy as np

from ..errors import DataError, InputFileError
from ..fileio import read_user_file
from ..messages import Message
from ..models.mobility import MobilityInputs, telework_factor
from ..scenario.mobility import Avoid
from ..yamlio import MAX_YAML_BYTES, read_yaml

SURVEY_MODES = (
    "car_driver",
    "car_passenger",
    "public_transport",
    "bike",
    "walking",
    "two_wheeler",
)
"""Keys of the modes, in the order of the results' modes (Car Driver … Two-Wheeler)."""

FORMAT = "prospectif-enquete-mobilite/1"
TRIPS_RANGE = (0.5, 8.0)
TRIPS_UNIT = {"fr": " déplacements par personne et par jour", "en": " trips per person per day"}
"""Allowed local trips per person and weekday (trips/person/day)."""
DISTANCE_RANGE = (0.1, 100.0)
"""Allowed mean distance of a trip (km)."""
YEAR_RANGE = (1990, 2100)
SHARE_TOLERANCE = 0.01
"""Largest accepted gap between the sum of the mode shares and 1 (published shares are
rounded)."""

KEYS = ("format", "name", "year", "trips_per_person", "mode_shares", "mean_distance_km", "source")
CSV_COLUMNS = ["key", "mode", "value"]


@dataclass(frozen=True)
class TravelSurvey:
    """Results of a household travel survey, validated.

    Attributes
    ----------
    trips_per_person
        Local trips per resident and weekday (trips/person/day).
    mode_shares
        Share of trips by mode of :data:`SURVEY_MODES` (fraction, renormalised to sum to 1).
    mean_distance_km
        Mean distance of a trip for the modes given (km).
    name, year, source
        Label, survey year and where the figures come from (text).
    origin
        The file it was read from.
    """

    trips_per_person: float
    mode_shares: dict[str, float]
    mean_distance_km: dict[str, float] = field(default_factory=dict)
    name: str = ""
    year: int | None = None
    source: str = ""
    origin: str = ""


def load_survey(path: Path) -> TravelSurvey:
    """Read and validate a survey file, YAML (``.yaml``, ``.yml``) or CSV (``.csv``).

    Raises
    ------
    DataError
        Listing every problem, one line each, prefixed by the file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return survey_from_yaml(path)
    if suffix == ".csv":
        return survey_from_csv(path)
    raise DataError("survey.format", file=path, value=suffix, allowed=".yaml, .yml, .csv")


def survey_from_yaml(path: Path) -> TravelSurvey:
    """Read a YAML survey file (see the module docstring)."""
    try:
        document = read_yaml(path)
    except InputFileError as exc:
        raise DataError.wrap(exc) from None
    return survey_from_dict(document, str(path))


def survey_from_csv(path: Path) -> TravelSurvey:
    """Read a CSV survey file with columns ``key,mode,value`` (see the module docstring)."""
    path = Path(path)
    try:
        text = read_user_file(path, MAX_YAML_BYTES).decode("utf-8-sig")
    except InputFileError as exc:
        raise DataError.wrap(exc) from None
    except UnicodeDecodeError:
        raise DataError("file.not_utf8", file=path) from None
    return survey_from_dict(_csv_document(text, str(path)), str(path))


def _csv_document(text: str, source: str) -> dict:
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if [c.strip() for c in reader.fieldnames or []] != CSV_COLUMNS:
        raise DataError("survey.columns", file=source, columns=",".join(CSV_COLUMNS))
    document: dict = {}
    for line, row in enumerate(reader, start=2):
        key, mode = (row.get("key") or "").strip(), (row.get("mode") or "").strip()
        value = _csv_value((row.get("value") or "").strip())
        if key in {"mode_share", "mean_distance_km"}:
            section = document.setdefault("mode_shares" if key == "mode_share" else key, {})
            if mode in section:
                raise DataError("survey.twice_mode", file=source, line=line, key=key, mode=mode)
            section[mode] = value
        elif key:
            if key in document:
                raise DataError("survey.twice", file=source, line=line, key=key)
            document[key] = value
    return document


def _csv_value(text: str) -> object:
    for kind in (int, float):
        try:
            return kind(text.replace(",", ".") if kind is float else text)
        except ValueError:
            continue
    return text


def survey_from_dict(document: object, source: str = "<survey>") -> TravelSurvey:
    """Validate a survey given as a mapping (e.g. parsed YAML).

    Raises
    ------
    DataError
        Listing every problem, one line each, prefixed by ``source``.
    """
    if not isinstance(document, dict):
        raise DataError("survey.not_mapping", file=source)
    problems = [
        Message("key.unknown", {"key": key, "allowed": ", ".join(KEYS)})
        for key in document
        if key not in KEYS
    ]
    if document.get("format", FORMAT) != FORMAT:
        problems.append(
            Message(
                "survey.format_version",
                {"key": "format", "value": repr(document["format"]), "expected": FORMAT},
            )
        )
    trips = _number(document, "trips_per_person", TRIPS_RANGE, problems, TRIPS_UNIT)
    shares = _modes(document, "mode_shares", (0.0, 1.0), problems, "", required=True)
    distances = _modes(document, "mean_distance_km", DISTANCE_RANGE, problems, " km", False)
    year = document.get("year")
    if year is not None and (
        not isinstance(year, int)
        or isinstance(year, bool)
        or not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]
    ):
        low, high = YEAR_RANGE
        problems.append(
            Message("survey.year", {"key": "year", "value": repr(year), "low": low, "high": high})
        )
    if shares and len(shares) == len(SURVEY_MODES):
        total = sum(shares.values())
        if abs(total - 1.0) > SHARE_TOLERANCE:
            params = {
                "total": total,
                "modes": len(SURVEY_MODES),
                "tolerance": SHARE_TOLERANCE,
            }
            problems.append(Message("survey.shares_sum", params))
    if problems:
        lines = [Message("at", {"source": source, "problem": p}) for p in problems]
        raise DataError("lines", lines=lines)
    total = sum(shares.values())
    return TravelSurvey(
        trips_per_person=trips,
        mode_shares={mode: shares[mode] / total for mode in SURVEY_MODES},
        mean_distance_km=distances,
        name=str(document.get("name", "")),
        year=year,
        source=str(document.get("source", "")),
        origin=source,
    )


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check(key: str, value: object, bounds: tuple[float, float], unit: object) -> Message | None:
    range_ = {"low": f"{bounds[0]:g}", "high": f"{bounds[1]:g}", "unit": unit}
    params = {"key": key, "value": repr(value), "allowed": Message("allowed.range", range_)}
    if not _is_number(value):
        return Message("value.not_number", params)
    if value < 0:
        return Message("value.negative", params)
    if not bounds[0] <= value <= bounds[1]:
        return Message("value.too_small" if value < bounds[0] else "value.too_large", params)
    return None


def _number(
    document: dict, key: str, bounds: tuple[float, float], problems: list[Message], unit: object
) -> float:
    if key not in document:
        problems.append(Message("key.missing", {"key": key}))
        return math.nan
    problem = _check(key, document[key], bounds, unit)
    if problem:
        problems.append(problem)
    return float(document[key]) if _is_number(document[key]) else math.nan


def _modes(
    document: dict,
    key: str,
    bounds: tuple[float, float],
    problems: list[Message],
    unit: object,
    required: bool,
) -> dict[str, float]:
    if key not in document:
        if required:
            params = {"key": key, "allowed": ", ".join(SURVEY_MODES)}
            problems.append(Message("survey.modes_missing", params))
        return {}
    section = document[key]
    if not isinstance(section, dict):
        problems.append(Message("survey.not_modes", {"key": key, "value": repr(section)}))
        return {}
    values: dict[str, float] = {}
    for mode, value in section.items():
        if mode not in SURVEY_MODES:
            params = {"key": f"{key}.{mode}", "allowed": ", ".join(SURVEY_MODES)}
            problems.append(Message("survey.unknown_mode", params))
            continue
        problem = _check(f"{key}.{mode}", value, bounds, unit)
        if problem:
            problems.append(problem)
        else:
            values[mode] = float(value)
    if required:
        missing = [mode for mode in SURVEY_MODES if mode not in section]
        if missing:
            params = {"key": key, "modes": ", ".join(missing)}
            problems.append(Message("survey.some_modes_missing", params))
    return values


# --- Reconciliation with the national defaults ------------------------------------------------
def tilt(shares: np.ndarray, weights: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Shares tilted by one factor per mode until their average matches a target.

    Returns ``shares × f`` renormalised along the last axis, with f found by iterative
    proportional fitting so that the ``weights``-average over the first axis equals ``target``.
    """
    factors = np.ones(shares.shape[-1])
    for _ in range(500):
        tilted = shares * factors
        tilted /= tilted.sum(-1, keepdims=True)
        current = np.tensordot(weights, tilted, axes=1)
        if np.abs(current - target).max() < 1e-12:
            return tilted
        factors *= np.divide(target, current, out=np.zeros_like(target), where=current > 0)
    raise DataError("mobility.shares_fit", value=np.round(target, 4).tolist())


def apply_survey(
    inputs: MobilityInputs, survey: TravelSurvey, population: np.ndarray, year: int
) -> MobilityInputs:
    """Replace the base trips, mode shares, occupancy and distances by a survey's.

    The trips other than commuting are scaled so that in the survey ``year`` (2019–2025) the
    territory's residents aged 6+ (``population`` by age, persons) make ``trips_per_person``,
    commuting reduced by that year's telework; both purposes' mode shares are
    tilted by the same factors until all trips have the survey's split; each mode's trip lengths
    are scaled to the survey's mean; occupancy is (drivers + passengers) / drivers.
    """
    employed = population @ inputs.employment_rate
    residents = population[6:].sum()
    commute = employed * inputs.commute_rate * telework_factor(np.array([year]), Avoid())[0]
    other = survey.trips_per_person * residents - commute
    if other <= 0:
        raise DataError(
            "mobility.survey_trips",
            file=survey.origin,
            value=survey.trips_per_person,
            commute=commute / residents,
        )
    shares = survey.mode_shares
    car = shares["car_driver"] + shares["car_passenger"]
    target = np.array([car, *(shares[m] for m in SURVEY_MODES[2:])])
    weights = np.array([commute, other]) / (commute + other)
    fitted = tilt(inputs.shares, weights, target)
    km = inputs.distance_km.copy()
    for position, wanted in enumerate(_survey_distances(survey)):
        trips = weights * fitted[:, position]
        if np.isfinite(wanted) and trips.sum() > 0:
            km[:, position] *= wanted / (trips @ km[:, position] / trips.sum())
    occupancy = car / shares["car_driver"] if shares["car_driver"] > 0 else inputs.occupancy_local
    return replace(
        inputs,
        shares=fitted,
        distance_km=km,
        other_rate=other / (population @ inputs.age_index),
        occupancy_local=occupancy,
        survey=survey.name or survey.origin,
    )


def _survey_distances(survey: TravelSurvey) -> np.ndarray:
    """Mean trip length by local mode from the survey (km; NaN where not given)."""
    given = survey.mean_distance_km
    shares = survey.mode_shares
    car = [(shares[m], given[m]) for m in ("car_driver", "car_passenger") if m in given]
    weight = sum(w for w, _ in car)
    car_km = sum(w * d for w, d in car) / weight if weight > 0 else math.nan
    return np.array([car_km, *(given.get(m, math.nan) for m in SURVEY_MODES[2:])])
