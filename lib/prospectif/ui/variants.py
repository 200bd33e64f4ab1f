"""Variants saved during a workshop session: naming, storing, renaming, deleting, saving on
the server, and their form in a view's address (so a link or a change of language keeps them).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ScenarioError
from ..i18n import format_number
from ..messages import Message
from ..scenario import Scenario, check_id, list_presets, presets_dir, save_scenario
from ..scenario.schema import MODEL_SECTIONS
from .panel import panel_groups

MAX_COMPARED = 4
"""Variants overlaid at most in the comparison figures."""

MAX_NAME_LENGTH = 60
MAX_VARIANTS = 12
"""Variants a view's address may carry."""


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


def clean_name(name: str) -> str:
    """A variant name on one line, spaces collapsed, at most :data:`MAX_NAME_LENGTH` long."""
    return " ".join(name.split())[:MAX_NAME_LENGTH]


def workshop_dir(day: dt.date | None = None) -> Path:
    """Where the variants of a day's workshop are saved: ``scenarios/ateliers/<date>/``."""
    return presets_dir() / "ateliers" / (day or dt.date.today()).isoformat()


@dataclass(frozen=True)
class Variant:
    """A saved variant: its name, what it starts from (``base``: preset ids joined by commas,
    or a scenario file), the assumptions moved from it, the presets it names under
    ``extends:`` and the scenario they give.
    """

    name: str
    base: str | Path
    changes: tuple[tuple[str, object], ...]
    extends: tuple[str, ...]
    scenario: Scenario


def changes_text(base: Scenario, changes: dict[str, object], lang: str) -> str:
    """The moved assumptions in words: « Fécondité visée : 1,75 → 2 (enfants par femme) »."""
    before = base.assumptions()
    controls = {c.key: c for g in panel_groups(MODEL_SECTIONS, lang) for c in g.controls}
    parts = []
    for key, value in sorted(changes.items()):
        control = controls.get(key)
        label, unit = (control.label, control.unit) if control else (key, "")
        shown = [_plain(v, lang) for v in (before.get(key), value)]
        parts.append(f"{label} : {shown[0]} → {shown[1]}" + (f" ({unit})" if unit else ""))
    return " ; ".join(parts)


def _plain(value: object, lang: str) -> str:
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 3, lang).rstrip("0")
    return str(value)


def variant_scenario(
    name: str, base: Scenario, changes: dict[str, object], extends: tuple[str, ...]
) -> Scenario:
    """The scenario of the variant ``name``: ``base`` with ``changes``, its own id, the typed
    name as French label (no English label: the name is what the room wrote), and a
    description of its own saying what it starts from and what moved.
    """
    day = dt.date.today().isoformat()
    fr = f"Variante « {name} » construite en atelier le {day} à partir de « {base.label.fr} »" + (
        f". Hypothèses modifiées : {changes_text(base, changes, 'fr')}." if changes else "."
    )
    en = f"Variant “{name}” built in a workshop on {day} from “{base.label.get('en')}”" + (
        f". Changed assumptions: {changes_text(base, changes, 'en')}." if changes else "."
    )
    own = variant_id(name)
    if own in list_presets():  # never under a preset's name, even exported
        own = own[: 64 - len("-variante")] + "-variante"
    return base.with_values(
        changes,
        id=own,
        label={"fr": name, "en": ""},
        description={"fr": fr[:2000], "en": en[:2000]},
        extends=extends,
    )


@dataclass
class VariantStore:
    """The variants of one session, in the order they were saved (a name appears once), and
    the files written for them.
    """

    variants: dict[str, Scenario] = field(default_factory=dict)
    saved: dict[str, Variant] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    def add(
        self,
        name: str,
        reference: str | Path,
        base: Scenario,
        changes: dict[str, object],
        extends: tuple[str, ...],
    ) -> Variant:
        """Keep the variant ``name``: ``base`` (read from ``reference``) with ``changes``,
        naming the presets ``extends`` (it replaces a variant of the same name: ask first, see
        :meth:`taken`).
        """
        name = clean_name(name)
        scenario = variant_scenario(name, base, changes, extends)
        variant = Variant(name, reference, tuple(sorted(changes.items())), extends, scenario)
        self.saved[name] = variant
        self.variants[name] = variant.scenario
        return variant

    def taken(self, name: str) -> bool:
        """Whether a variant is already called ``name``."""
        return clean_name(name) in self.variants

    def delete(self, name: str) -> None:
        """Forget the variant ``name`` and remove the file this session wrote for it."""
        self.saved.pop(name, None)
        self.variants.pop(name, None)
        path = self.files.pop(name, None)
        if path is not None:
            path.unlink(missing_ok=True)

    def names(self) -> list[str]:
        """Names of the saved variants."""
        return list(self.variants)

    def links(self, compared: tuple[str, ...]) -> tuple[VariantLink, ...]:
        """The variants as an address carries them, ``compared`` ones marked (those built on
        a scenario file are left out: an address names presets only).
        """
        return tuple(
            VariantLink(v.name, v.base, v.changes, v.name in compared)
            for v in self.saved.values()
            if isinstance(v.base, str)
        )


def save_variant(variant: Scenario, folder: Path | None = None) -> Path:
    """Write a variant as a self-contained scenario file in today's workshop folder."""
    folder = folder or workshop_dir()
    return save_scenario(variant, folder / f"{check_id(variant.id)}.yaml")


@dataclass(frozen=True)
class VariantLink:
    """A variant as an address carries it: name, starting presets, moved values, compared."""

    name: str
    base: str
    changes: tuple[tuple[str, object], ...]
    compared: bool = False


def variant_param(link: VariantLink) -> str:
    """The variant as one ``variant=`` value of a view's address (compact JSON)."""
    document: dict[str, object] = {
        "name": link.name,
        "scenario": link.base,
        "changes": dict(link.changes),
    }
    if link.compared:
        document["compared"] = True
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def parse_variant(value: str) -> VariantLink:
    """The variant of one ``variant=`` address value (see :func:`variant_param`).

    Raises
    ------
    ScenarioError
        When it is not such a value (the name and values are checked when the variant is
        rebuilt).
    """
    try:
        document = json.loads(value)
        name, base, changes = document["name"], document["scenario"], document.get("changes", {})
    except (ValueError, TypeError, KeyError):
        raise ScenarioError("scenario.variant_link", value=value[:60]) from None
    if not (isinstance(name, str) and isinstance(base, str) and isinstance(changes, dict)):
        raise ScenarioError("scenario.variant_link", value=value[:60])
    variant_id(name)
    for preset in base.split(","):
        check_id(preset, Message("what.scenario"))
    return VariantLink(
        clean_name(name), base, tuple(sorted(changes.items())), document.get("compared") is True
    )
