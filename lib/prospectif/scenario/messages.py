"""Plain-language validation messages: one line per problem, naming key, value and range."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import ScenarioError
from .fields import assumption_meta


def scenario_error(exc: ValidationError, source: str) -> ScenarioError:
    """A ScenarioError listing every problem of ``exc``, one line each, prefixed by ``source``."""
    return ScenarioError("\n".join(f"{source}: {describe_error(err)}" for err in exc.errors()))


def describe_error(error: Mapping[str, Any]) -> str:
    """One plain-language line for a pydantic error: key, value, problem and allowed values."""
    loc = [str(part) for part in error["loc"]]
    key = ".".join(_shown_key(part) for part in loc) or "(file)"
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return f"{key}: missing (required)"
    if kind == "extra_forbidden":
        keys = _allowed_keys(loc[:-1])
        return f"{key}: unknown key; allowed keys here: {', '.join(keys)}"
    shown = _short_repr(value)
    meta = _field_meta(loc)
    unit = f" {meta['unit']}" if meta.get("unit") else ""
    if "ge" in meta or "le" in meta:
        allowed = f"allowed range {_fmt(meta.get('ge'))} to {_fmt(meta.get('le'))}{unit}"
    elif kind == "literal_error":
        allowed = f"allowed values {error.get('ctx', {}).get('expected', '')}"
    else:
        allowed = error["msg"][0].lower() + error["msg"][1:]
    problem = {
        "greater_than_equal": "too small",
        "less_than_equal": "too large",
        "finite_number": "not a finite number",
    }.get(kind, "invalid")
    return f"{key} = {shown}: {problem}; {allowed}"


def _shown_key(part: str) -> str:
    """A key as shown in a message: quoted if it holds line breaks or control characters."""
    text = part if part.isprintable() else repr(part)
    return text if len(text) <= 60 else text[:57] + "..."


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fmt(bound: float | None) -> str:
    if bound is None:
        return "…"
    number = float(bound)
    return f"{number:g}" if abs(number) < 1e6 else f"{number:,.0f}"


def _model_at(loc: list[str]) -> type[BaseModel] | None:
    from .schema import Scenario

    model: type[BaseModel] | None = Scenario
    for part in loc:
        if model is None or part not in model.model_fields:
            return None
        annotation = model.model_fields[part].annotation
        model = (
            annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel)
            else None
        )
    return model


def _allowed_keys(loc: list[str]) -> list[str]:
    model = _model_at(loc)
    return sorted(model.model_fields) if model else []


def _field_meta(loc: list[str]) -> dict[str, Any]:
    model = _model_at(loc[:-1])
    if model is None or not loc or loc[-1] not in model.model_fields:
        return {}
    return assumption_meta(model, loc[-1])
