"""Variants saved during a workshop session: naming, storing, saving on the server."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ScenarioError
from ..scenario import Scenario, check_id, presets_dir, save_scenario

MAX_COMPARED = 4
"""Variants overlaid at most in the comparison figures."""

MAX_NAME_LENGTH = 60


def variant_id(name: str) -> str:
    """A file-safe scenario id from a variant name: 'Sobriété forte' → 'sobriete-forte'.

    Raises
    ------
    ScenarioError
        When the name holds no letter or digit.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:MAX_NAME_LENGTH].strip("-")
    if not slug:
        raise ScenarioError("scenario.variant_name", value=name[:40])
    return check_id(slug)


def workshop_dir(day: dt.date | None = None) -> Path:
    """Where the variants of a day's workshop are saved: ``scenarios/ateliers/<date>/``."""
    return presets_dir() / "ateliers" / (day or dt.date.today()).isoformat()


@dataclass
class VariantStore:
    """The variants of one session, in the order they were saved (a name appears once)."""

    variants: dict[str, Scenario] = field(default_factory=dict)

    def add(self, name: str, scenario: Scenario) -> Scenario:
        """Keep ``scenario`` as the variant ``name`` (replacing one of the same name)."""
        name = " ".join(name.split())[:MAX_NAME_LENGTH]
        variant = scenario.with_values({}, id=variant_id(name), label={"fr": name, "en": name})
        self.variants[name] = variant
        return variant

    def names(self) -> list[str]:
        """Names of the saved variants."""
        return list(self.variants)


def save_variant(variant: Scenario, folder: Path | None = None) -> Path:
    """Write a variant as a self-contained scenario file in today's workshop folder."""
    folder = folder or workshop_dir()
    return save_scenario(variant, folder / f"{check_id(variant.id)}.yaml")
