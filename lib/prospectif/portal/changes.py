"""The « ce qui a changé » page: what moved since the previous millésime, and why.

The manifests say which inputs changed between the two snapshots: the data (catalogue hash),
the code (Prospectif's version, its commit, Python and the dependencies) and each scenario's
assumptions (its content hash, the horizon). Each indicator that moved is put under the causes
that can explain it (its scenario's assumptions, the data, the code), largest changes first.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import numpy as np
import pandas as pd

from ..batch.diff import diff_inputs, diff_results, load_snapshot
from ..batch.manifest import DEPENDENCIES
from ..i18n import format_number
from ..results.registry import VARIABLES
from ..results.registry import label as variable_label
from ..results.unit_labels import unit_label
from ..ui.texts import pick

CAUSES = {
    "assumptions": ("Hypothèses", "Assumptions"),
    "data": ("Données", "Data"),
    "code": ("Code", "Code"),
}
CODE_INPUTS = ("prospectif", "git commit", "python", *DEPENDENCIES)
MAX_ROWS = 60
"""Indicators listed per cause at most, largest changes first (the others are counted)."""


def input_causes(inputs: list[tuple[str, str, str]]) -> dict[str, list[tuple[str, str, str]]]:
    """The changed inputs of :func:`~prospectif.batch.diff.diff_inputs` sorted by cause."""
    causes: dict[str, list[tuple[str, str, str]]] = {c: [] for c in CAUSES}
    for item in inputs:
        what = item[0]
        if what == "data catalogue hash":
            causes["data"].append(item)
        elif what in CODE_INPUTS:
            causes["code"].append(item)
        else:
            causes["assumptions"].append(item)
    return causes


def explained(summary: pd.DataFrame, inputs: list[tuple[str, str, str]]) -> pd.DataFrame:
    """The indicators that moved, each with its ``causes`` (``+``-joined keys of
    :data:`CAUSES`) and the size of its change, largest first.
    """
    causes = input_causes(inputs)
    moved = summary[summary["status"] != "unchanged"].copy()
    scenarios = {w.removeprefix("scenario ") for w, _, _ in causes["assumptions"]}
    horizon = any(w == "horizon" for w, _, _ in causes["assumptions"])
    shared = [c for c in ("data", "code") if causes[c]]

    def cause(scenario: str) -> str:
        own = ["assumptions"] if horizon or scenario in scenarios else []
        return "+".join([*own, *shared]) or "unknown"

    moved["causes"] = [cause(s) for s in moved["scenario"]]
    with np.errstate(invalid="ignore"):
        size = moved["change_pct"].abs().where(np.isfinite(moved["change_pct"]), np.inf)
    moved["size"] = size.fillna(np.inf)
    return moved.sort_values(["size", "max_abs_change"], ascending=False, kind="stable")


def changes_html(
    current: Path, previous: Path | None, territories: dict[str, str], lang: str = "fr"
) -> str:
    """The body of the page: inputs changed by cause, then the indicators that moved."""
    e = html.escape
    if previous is None:
        none = pick(
            (
                "Premier millésime publié : pas de millésime précédent à comparer.",
                "First published vintage: no previous vintage to compare with.",
            ),
            lang,
        )
        return f'<p class="no-previous">{e(none)}</p>'
    inputs, summary = _diff(previous, current)
    causes, moved = input_causes(inputs), explained(summary, inputs)
    intro = pick(
        (
            "{n} indicateur(s) sur {t} ont changé entre {a} et {b} ; les plus grands écarts "
            "d'abord, rangés par cause.",
            "{n} of {t} indicators changed from {a} to {b}; largest changes first, by cause.",
        ),
        lang,
    ).format(n=len(moved), t=len(summary), a=previous.name, b=current.name)
    parts = [f"<p>{e(intro)}</p>", _inputs_table(causes, lang)]
    for key, group in moved.groupby("causes", sort=False):
        title = " + ".join(pick(CAUSES.get(c, ("?", "?")), lang) for c in key.split("+"))
        parts.append(
            f'<section class="cause" data-cause="{e(key)}"><h2>{e(title)}</h2>'
            + _moved_table(group, territories, lang)
            + "</section>"
        )
    return "".join(parts)


def _diff(previous: Path, current: Path):
    manifest_a, results_a = load_snapshot(previous)
    manifest_b, results_b = load_snapshot(current)
    return diff_inputs(manifest_a, manifest_b), diff_results(results_a, results_b)


def _inputs_table(causes: dict[str, list[tuple[str, str, str]]], lang: str) -> str:
    e = html.escape
    rows = (
        "".join(
            f"<tr><td>{e(pick(CAUSES[c], lang))}</td><td>{e(w)}</td><td><code>{e(a)}</code></td>"
            f"<td><code>{e(b)}</code></td></tr>"
            for c, items in causes.items()
            for w, a, b in items
        )
        or f'<tr><td colspan="4">{pick(("aucune", "none"), lang)}</td></tr>'
    )
    head = pick(("Entrées modifiées", "Inputs changed"), lang)
    cols = pick(("cause", "cause"), lang), pick(("entrée", "input"), lang)
    return (
        f"<h2>{head}</h2><table class='inputs'><thead><tr><th>{cols[0]}</th><th>{cols[1]}</th>"
        f"<th>{pick(('avant', 'before'), lang)}</th><th>{pick(('après', 'after'), lang)}</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _moved_table(group: pd.DataFrame, territories: dict[str, str], lang: str) -> str:
    e = html.escape
    rows = ""
    for r in group.head(MAX_ROWS).to_dict("records"):
        known = r["variable"] in VARIABLES
        name = variable_label(r["variable"], lang) if known else r["variable"]
        pct = r["change_pct"]
        pct_text = format_number(pct, 1, lang) + " %" if math.isfinite(pct) else "–"
        rows += (
            f"<tr><td>{e(territories.get(r['region'], r['region']))}</td>"
            f"<td>{e(r['scenario'])}</td><td>{e(name)}</td>"
            f"<td>{e(unit_label(r['unit'], lang))}</td>"
            f"<td class='num'>{r['year']}</td>"
            + "".join(
                f"<td class='num'>{format_number(r[k], 1, lang)}</td>" for k in ("a", "b", "change")
            )
            + f"<td class='num'>{pct_text}</td></tr>"
        )
    more = ""
    if len(group) > MAX_ROWS:
        more = pick(("… et {n} autres, plus petits.", "… and {n} smaller ones."), lang)
        more = f"<p class='muted'>{e(more.format(n=len(group) - MAX_ROWS))}</p>"
    head = (
        ("territoire", "territory"),
        ("scénario", "scenario"),
        ("indicateur", "indicator"),
        ("unité", "unit"),
        ("année", "year"),
        ("avant", "before"),
        ("après", "after"),
        ("écart", "change"),
        ("écart (%)", "change (%)"),
    )
    cells = "".join(f"<th>{pick(h, lang)}</th>" for h in head)
    return (
        f"<table class='moved'><thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table>{more}"
    )
