"""Plain-language validation messages: one line per problem, naming key, value and range."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import ProspectifError, ScenarioError
from ..messages import Message
from .fields import assumption_meta

PROBLEMS = {
    "greater_than_equal": "value.too_small",
    "less_than_equal": "value.too_large",
    "finite_number": "value.not_finite",
}
"""Catalogue ids of the pydantic error kinds named precisely; others are ``scenario.invalid``."""
EXPECTED = {
    "float_parsing": "expected.number",
    "float_type": "expected.number",
    "int_parsing": "expected.integer",
    "int_type": "expected.integer",
    "int_from_float": "expected.integer",
    "bool_parsing": "expected.boolean",
    "bool_type": "expected.boolean",
    "string_type": "expected.text",
    "dict_type": "expected.mapping",
    "model_type": "expected.mapping",
    "list_type": "expected.list",
    "tuple_type": "expected.list",
    "string_too_long": "expected.shorter",
    "too_long": "expected.fewer",
    "string_pattern_mismatch": "expected.pattern",
}
"""Catalogue ids saying what a pydantic error kind expected, by kind."""


def scenario_error(exc: ValidationError, source: str) -> ScenarioError:
    """A ScenarioError listing every problem of ``exc``, one line each, prefixed by ``source``."""
    return ScenarioError("lines", lines=located_problems(exc, source))


def located_problems(exc: ValidationError, source: str) -> list[Message]:
    """One message per problem of ``exc``, each prefixed by ``source``."""
    return [Message("at", {"source": source, "problem": describe_error(e)}) for e in exc.errors()]


def describe_error(error: Mapping[str, Any]) -> Message:
    """One plain-language message for a pydantic error: key, value, problem and allowed values."""
    loc = [str(part) for part in error["loc"]]
    key = ".".join(_shown_key(part) for part in loc) or "(file)"
    kind = error["type"]
    if kind == "missing":
        return Message("key.missing", {"key": key})
    if kind == "extra_forbidden":
        return Message("key.unknown", {"key": key, "allowed": _allowed_keys(loc[:-1])})
    params = {"key": key, "value": _short_repr(error.get("input"))}
    return Message(PROBLEMS.get(kind, "value.invalid"), {**params, "allowed": _allowed(error)})


def _allowed(error: Mapping[str, Any]) -> Message:
    meta = _field_meta([str(part) for part in error["loc"]])
    kind, ctx = error["type"], error.get("ctx", {})
    if "ge" in meta or "le" in meta:
        unit = meta.get("unit")
        return Message(
            "allowed.range",
            {
                "low": _fmt(meta.get("ge")),
                "high": _fmt(meta.get("le")),
                "unit": {"fr": f" {unit}" if unit else "", "en": ""},  # units are in French
            },
        )
    if kind == "literal_error":
        allowed = ctx.get("expected", "").replace(" or ", ", ")  # pydantic's "'a', 'b' or 'c'"
        return Message("allowed.values", {"allowed": allowed})
    if isinstance(ctx.get("error"), ProspectifError):  # raised by a validator
        return ctx["error"].message
    return Message(EXPECTED.get(kind, "expected.valid"), {k: str(v) for k, v in ctx.items()})


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


def _allowed_keys(loc: list[str]) -> str:
    model = _model_at(loc)
    return ", ".join(sorted(model.model_fields)) if model else ""


def _field_meta(loc: list[str]) -> dict[str, Any]:
    model = _model_at(loc[:-1])
    if model is None or not loc or loc[-1] not in model.model_fields:
        return {}
    return assumption_meta(model, loc[-1])
