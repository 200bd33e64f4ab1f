"""A result variable and the helpers that declare families and trees of them."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("stock", "flow", "ratio", "target", "scalar")
"""Stocks are on 1 January, flows totals during the year; ratios (shares, rates, averages)
and targets do not add up; scalars are one number per run (run metadata)."""


Label = tuple[str, str]
"""(French, English)."""


@dataclass(frozen=True)
class Variable:
    """A result variable.

    Attributes
    ----------
    name, unit, kind
        IAMC name, unit (as in the ``unit`` column), one of :data:`KINDS`.
    label
        (French, English) label.
    partitions
        Lists of variables that each add up to this one (exactly, every year).
    within
        The larger group this sub-group is part of, when it is not in one of its partitions.
    """

    name: str
    unit: str
    kind: str
    label: Label
    partitions: tuple[tuple[str, ...], ...] = ()
    within: str | None = None


def joined(label: Label, part: Label) -> Label:
    """A family member's label: the family's and the part's, joined by a dash."""
    return (f"{label[0]} – {part[0]}", f"{label[1]} – {part[1]}")


def family(
    parent: Variable, parts: dict[str, Label], names: tuple[str, ...], within: str | None = None
) -> list[Variable]:
    """The children ``parent|<name>`` for ``names``: the parent's unit and kind, labels
    from ``parts``.
    """
    label = parent.label
    return [
        Variable(
            f"{parent.name}|{n}", parent.unit, parent.kind, joined(label, parts[n]), within=within
        )
        for n in names
    ]


def children(parent: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names ``parent|name`` of ``names``."""
    return tuple(f"{parent}|{name}" for name in names)


def tree(name: str, unit: str, kind: str, label: Label, parts: dict[str, Label]) -> list[Variable]:
    """An aggregate partitioned into its children ``name|<part>``, and the children."""
    parent = Variable(name, unit, kind, label, (children(name, tuple(parts)),))
    return [parent, *family(parent, parts, tuple(parts))]
