"""Building blocks of the scenario schema: frozen sections and documented assumptions."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


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
    """
    extra: dict[str, Any] = {
        "unit": unit,
        "label_fr": label_fr,
        "label_en": label_en,
        "source": source,
    }
    if step is not None:
        extra["step"] = step
    return Field(default, ge=ge, le=le, json_schema_extra=extra)


def assumption_meta(section: type[BaseModel], name: str) -> dict[str, Any]:
    """Unit, labels, source, step and range (``ge``, ``le``) of one assumption of a section."""
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
