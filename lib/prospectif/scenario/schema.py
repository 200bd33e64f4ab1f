"""The scenario schema: one frozen, validated model per scenario file."""

from __future__ import annotations

import hashlib
import json
from functools import cached_property

from pydantic import BaseModel, Field, ValidationError

from ..errors import ScenarioError
from .adaptation import Adaptation
from .ageing import Ageing
from .demography import Demography
from .emissions import Emissions
from .energy import Energy
from .fields import Section, assumption
from .mobility import Mobility
from .schedules import Schedules
from .services import Services

SCENARIO_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
"""Scenario ids: lower-case letters, digits and dashes, as in file names ``scenarios/<id>.yaml``."""

MODEL_SECTIONS = (
    "demography",
    "ageing",
    "mobility",
    "energy",
    "emissions",
    "services",
    "adaptation",
)
"""Sections holding model assumptions; they and the horizon make the content hash."""


class Text(Section):
    """A text in French, with an optional English version."""

    fr: str = Field(max_length=2000)
    """French text."""

    en: str = Field("", max_length=2000)
    """English text (falls back to French when empty)."""

    def get(self, lang: str) -> str:
        """The text in ``lang`` ('fr' or 'en'), French when no translation exists."""
        return self.en if lang == "en" and self.en else self.fr


class Scenario(Section):
    """A scenario: identity, horizon and one section of assumptions per model."""

    id: str = Field(pattern=SCENARIO_ID_PATTERN)
    """Identifier, equal to the file name without ``.yaml``."""

    label: Text
    """Short name shown in the dashboards."""

    description: Text = Text(fr="")
    """What the scenario says, in a few sentences."""

    extends: tuple[str, ...] = ()
    """Scenarios this one was built on, in order (provenance; already applied)."""

    horizon: int = assumption(
        2070,
        ge=2026,
        le=2100,
        step=1,
        unit="année",
        label_fr="Horizon",
        label_en="Horizon",
        source="Choix de l'utilisateur",
    )
    """Last year projected (year)."""

    demography: Demography = Demography()
    """Demography assumptions."""

    ageing: Ageing = Ageing()
    """Ageing and autonomy assumptions."""

    mobility: Mobility = Mobility()
    """Mobility assumptions."""

    energy: Energy = Energy()
    """Energy and climate assumptions."""

    emissions: Emissions = Emissions()
    """Emissions outside energy and residents' travel: farming, freight, waste, processes."""

    adaptation: Adaptation = Adaptation()
    """Climate pathway and heat-plan assumptions."""

    services: Services = Services()
    """Services and housing assumptions."""

    schedules: Schedules | None = None
    """A demographer's own schedules of one territory (base population, fertility, mortality,
    migration), replacing the demography section's paths when given."""

    @cached_property
    def hash(self) -> str:
        """Stable content hash (16 hex digits) of the horizon and model assumptions.

        Ids, labels and descriptions do not enter it: two files with the same assumptions
        give the same results and the same hash. Imported schedules enter it by territory,
        convention and file names (not folders); their contents' SHA-256 are in the run
        metadata.
        """
        content = self.model_dump(mode="json", include={"horizon", *MODEL_SECTIONS})
        if self.schedules is not None:  # absent from the hash of scenarios without them
            content["schedules"] = self.schedules.identity()
        canonical = json.dumps(content, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def assumptions(self) -> dict[str, object]:
        """Every model assumption as ``{"demography.fertility.tfr_target": 1.8, ...}``."""
        return flatten(self.model_dump(mode="json", include=set(MODEL_SECTIONS)))

    def with_values(self, changes: dict[str, object], **identity: object) -> Scenario:
        """A validated copy with dotted-key ``changes`` applied (and new id/label if given)."""
        document = self.model_dump(mode="json")
        for key, value in changes.items():
            set_dotted(document, key, value)
        document.update(identity)
        try:
            return Scenario.model_validate(document)
        except ValidationError as exc:
            from .messages import scenario_error

            raise scenario_error(exc, self.id) from None


def flatten(tree: dict, prefix: str = "") -> dict[str, object]:
    """Flatten nested dicts into dotted keys."""
    flat: dict[str, object] = {}
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def set_dotted(tree: dict, key: str, value: object) -> None:
    """Set ``tree["a"]["b"] = value`` for ``key = "a.b"``, creating dicts on the way."""
    *parents, leaf = key.split(".")
    for part in parents:
        tree = tree.setdefault(part, {})
        if not isinstance(tree, dict):
            raise ScenarioError("scenario.not_section", key=key, part=part)
    tree[leaf] = value


def section_models() -> dict[str, type[BaseModel]]:
    """The nested assumption sections by dotted path, e.g. ``"demography.fertility"``."""
    found: dict[str, type[BaseModel]] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            kind = info.annotation
            if isinstance(kind, type) and issubclass(kind, Section) and kind is not Text:
                found[prefix + name] = kind
                walk(kind, prefix + name + ".")

    walk(Scenario, "")
    return found
