"""Building blocks of the scenario schema: frozen sections and documented assumptions."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PRESET_RANGE = (
    "Plage des préréglages tendanciel, sobriété et technologie de Prospectif, construits dans "
    "l'esprit de l'ADEME (Transition(s) 2050, 2021)"
)
"""Source of the plausible range of a transition lever: the span of the full presets."""


class Section(BaseModel):
    """A frozen group of assumptions; unknown keys, NaN and infinities are refused."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, use_attribute_docstrings=True
    )


def assumption(
    default: Any,
    *,
    unit: str,
    label_fr: str,
    label_en: str,
    source: str,
    ge: float | None = None,
    le: float | None = None,
    step: float | None = None,
    plausible: tuple[float, float] | None = None,
    plausible_source: str = "",
) -> Any:
    """A scenario assumption: a default, an allowed range, a unit, labels and a source.

    Parameters
    ----------
    default
        Value used when no scenario sets it.
    unit
        Unit in plain language, in French (e.g. ``"enfants par femme"``).
    label_fr, label_en
        Short labels for the assumption panel.
    source
        Where the default comes from: publisher, title and year, or the rationale.
    ge, le
        Allowed range (inclusive); ``None`` for an unbounded side.
    step
        Slider step for the dashboards.
    plausible, plausible_source
        For the key assumptions: the plausible range ``(low, high)``, inside the allowed one,
        and where it comes from (published variants and figures). The sensitivity analysis
        moves each assumption across it (:mod:`prospectif.analysis.sensitivity`).
    """
    extra: dict[str, Any] = {
        "unit": unit,
        "label_fr": label_fr,
        "label_en": label_en,
        "source": source,
    }
    if step is not None:
        extra["step"] = step
    if plausible is not None:
        extra["plausible"] = tuple(plausible)
        extra["plausible_source"] = plausible_source
    return Field(default, ge=ge, le=le, json_schema_extra=extra)


def assumption_meta(section: type[BaseModel], name: str) -> dict[str, Any]:
    """Unit, labels, source, step, range (``ge``, ``le``) and, for the key assumptions, the
    plausible range (``plausible``, ``plausible_source``) of one assumption of a section.
    """
    info = section.model_fields[name]
    extra = info.json_schema_extra
    meta = dict(extra) if isinstance(extra, dict) else {}
    for constraint in info.metadata:
        for bound in ("ge", "le"):
            if hasattr(constraint, bound):
                meta[bound] = getattr(constraint, bound)
    meta["default"] = info.default
    meta["doc"] = info.description or ""
    return meta
