"""The reference page of the result variables (``docs/variables.md``), from the registry."""

from __future__ import annotations

from .registry import MODELS_VARIABLES, RENAMED, Variable

HEADER = """# Result variables

Generated from `prospectif.results.registry` by `prospectif results docs` (`make docs`); do not
edit by hand. Stocks are on 1 January of `year`, flows are totals during `year`; ratios and
targets do not add up; scalars are one number per run, in the run metadata (not in the table).
"Adds up" lists the partitions, each exact to 1e-9 relative every year
(`tests/results/test_registry.py`, with pyam's `check_aggregate`); "within" marks a sub-group
that is part of a larger group without partitioning it.

Probabilistic runs (`prospectif run --draws`, `prospectif.uncertainty.run_uncertain`) export
the same variables with one more index column, `quantile`: the quantile of the draws as a
fraction (0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975 — the median and the 50, 80 and 95 %
bands; pyam: `extra_cols=["quantile"]`). Quantile rows do not add up
(`docs/methodology/uncertainty.md`).
"""

TITLES = {
    "demography": "Demography",
    "ageing": "Ageing and autonomy",
    "mobility": "Mobility",
    "energy": "Energy and climate",
    "emissions": "Whole greenhouse-gas inventory (estimated)",
    "adaptation": "Climate adaptation (DRIAS-2020: one model, ALADIN63 / CNRM-CM5)",
    "services": "Services (schools, childcare, general practitioners)",
    "housing": "Housing (households and dwellings needed)",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _structure(variable: Variable) -> str:
    sums = [" + ".join(f"`{_cell(c)}`" for c in p) for p in variable.partitions]
    within = [f"within `{_cell(variable.within)}`"] if variable.within else []
    return "; ".join([*(f"= {s}" for s in sums), *within])


def _row(variable: Variable) -> str:
    cells = [
        f"`{_cell(variable.name)}`",
        _cell(variable.unit),
        variable.kind,
        _cell(variable.label[0]),
        _cell(variable.label[1]),
        _structure(variable),
    ]
    return f"| {' | '.join(cells)} |"


def variables_markdown() -> str:
    """The Markdown reference of every registered variable, by model, then the renames."""
    parts = [HEADER.rstrip("\n")]
    for model, variables in MODELS_VARIABLES.items():
        parts.append(f"\n## {TITLES[model]}\n")
        parts.append("| variable | unit | kind | label (fr) | label (en) | adds up |")
        parts.append("|---|---|---|---|---|---|")
        parts += [_row(v) for v in variables]
    parts.append("\n## Renamed variables\n")
    parts.append("| former name | now |")
    parts.append("|---|---|")
    parts += [f"| `{_cell(old)}` | {_cell(new)} |" for old, new in RENAMED.items()]
    return "\n".join(parts) + "\n"
