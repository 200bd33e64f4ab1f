"""The ranges of the numeric assumptions: allowed (the sliders') and plausible (the key ones).

The allowed range is what validation accepts; the plausible range, declared on the key
assumptions with its source (``assumption(..., plausible=(low, high), plausible_source=...)``),
is what published variants and the contrasted presets span. The sensitivity analysis moves each
key assumption across its plausible range; goal seeking searches a lever's allowed range and
says whether the answer is plausible.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import cast

from ..errors import ScenarioError
from .fields import assumption_meta
from .schema import section_models


@dataclass(frozen=True)
class Bounds:
    """The ranges of one numeric assumption.

    Attributes
    ----------
    key
        Dotted key, e.g. ``"energy.residential.renovation_rate"``.
    label, unit
        (French, English) label and the unit in French, as in the schema.
    allowed
        Allowed range ``(ge, le)``, inclusive.
    step
        Slider step (``None`` if the schema gives none).
    plausible, plausible_source
        Plausible range ``(low, high)`` and its source, or ``None`` and ``""``.
    integer
        Whether the assumption takes whole numbers.
    """

    key: str
    label: tuple[str, str]
    unit: str
    allowed: tuple[float, float]
    step: float | None
    plausible: tuple[float, float] | None
    plausible_source: str
    integer: bool

    @property
    def span(self) -> tuple[float, float]:
        """The plausible range of a key assumption (one :func:`plausible_bounds` gives)."""
        assert self.plausible is not None, f"{self.key} has no plausible range"
        return self.plausible

    def label_in(self, lang: str) -> str:
        """The label in ``lang`` ('fr' or 'en')."""
        return self.label[1] if lang == "en" else self.label[0]


def as_number(value: object) -> float:
    """A numeric assumption's value (from :meth:`Scenario.assumptions`) as a float."""
    return float(cast(float, value))


def step_decimals(step: float | None) -> int:
    """Decimals written in ``step`` itself: 0.25 → 2, 0.01 → 2, 5000 → 0 (none: 6)."""
    if step is None:
        return 6
    written = f"{step:.10f}".rstrip("0")
    return len(written.split(".")[1])


@functools.cache
def _all_bounds() -> dict[str, Bounds]:
    sections = section_models()
    found: dict[str, Bounds] = {}
    for path, section in sections.items():
        for name, info in section.model_fields.items():
            key = f"{path}.{name}"
            meta = assumption_meta(section, name)
            if key in sections or info.annotation not in (int, float):
                continue
            if "ge" not in meta or "le" not in meta:
                continue
            plausible = meta.get("plausible")
            found[key] = Bounds(
                key=key,
                label=(meta.get("label_fr", name), meta.get("label_en", name)),
                unit=meta.get("unit", ""),
                allowed=(float(meta["ge"]), float(meta["le"])),
                step=meta.get("step"),
                plausible=(float(plausible[0]), float(plausible[1])) if plausible else None,
                plausible_source=meta.get("plausible_source", ""),
                integer=info.annotation is int,
            )
    return found


def bounds(key: str) -> Bounds:
    """The ranges of the numeric assumption ``key``; ScenarioError if there is none."""
    found = _all_bounds()
    if key not in found:
        raise ScenarioError("scenario.not_numeric", key=key)
    return found[key]


def plausible_bounds() -> tuple[Bounds, ...]:
    """The key assumptions (those with a plausible range), in the order of the schema."""
    return tuple(b for b in _all_bounds().values() if b.plausible is not None)
