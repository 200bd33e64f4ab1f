"""What changed between two snapshots: inputs (data, code, scenarios) and results.

Results are compared per territory, scenario and indicator over all years; the summary gives
the values at the last year both hold and the largest change, to see how a revision of data
or assumptions moved the results.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from ..fileio import atomic_write_text
from ..i18n import format_number
from ..results import compare, write_results
from .definition import BatchError
from .execute import RESULTS
from .manifest import DEPENDENCIES, read_manifest

KEYS = ["region", "scenario", "variable", "unit"]
STATUS_FR = {"changed": "modifié", "added": "ajouté", "removed": "retiré", "unchanged": "inchangé"}
DIFF_HTML = "ecarts.html"
DIFF_TABLE = "ecarts.parquet"


def load_snapshot(folder: Path) -> tuple[dict, pd.DataFrame]:
    """A snapshot's manifest and combined results.

    Raises
    ------
    BatchError
        If the folder is not a complete snapshot.
    """
    document = read_manifest(folder)
    try:
        results = pd.read_parquet(Path(folder) / RESULTS)
    except (OSError, ValueError) as exc:
        raise BatchError(
            "batch.results_unreadable", folder=folder, file=RESULTS, reason=exc
        ) from None
    return document, results


def diff_results(
    a: pd.DataFrame, b: pd.DataFrame, rtol: float = 1e-9, atol: float = 1e-9
) -> pd.DataFrame:
    """Per territory, scenario and indicator: status, values at the last common year, changes.

    Columns ``region, scenario, variable, unit, status`` (``changed``, ``added``, ``removed``,
    ``unchanged``), ``year`` (last year in both, else the last year), ``a``, ``b``, ``change``
    (b − a), ``change_pct`` (% of ``|a|``), ``max_abs_change`` (over all years),
    ``years_changed``.
    """
    merged = compare(a, b)
    merged["changed"] = ~np.isclose(merged["left"], merged["right"], rtol=rtol, atol=atol)
    merged["abs_change"] = merged["diff"].abs()
    merged["in_a"] = merged["left"].notna()
    merged["in_b"] = merged["right"].notna()
    merged["both"] = merged["in_a"] & merged["in_b"]
    merged = merged.sort_values([*KEYS, "both", "year"], kind="stable")
    last = merged.groupby(KEYS, sort=True).tail(1).set_index(KEYS)
    summary = merged.groupby(KEYS, sort=True).agg(
        in_a=("in_a", "any"),
        in_b=("in_b", "any"),
        years_changed=("changed", "sum"),
        max_abs_change=("abs_change", "max"),
    )
    summary["status"] = np.select(
        [~summary["in_a"], ~summary["in_b"], summary["years_changed"] > 0],
        ["added", "removed", "changed"],
        "unchanged",
    )
    summary["year"] = last["year"]
    summary["a"] = last["left"]
    summary["b"] = last["right"]
    summary["change"] = summary["b"] - summary["a"]
    with np.errstate(divide="ignore", invalid="ignore"):
        summary["change_pct"] = 100 * summary["change"] / summary["a"].abs()
    summary = summary.reset_index()
    columns = [*KEYS, "status", "year", "a", "b", "change", "change_pct", "max_abs_change"]
    return summary[[*columns, "years_changed"]]


def diff_inputs(a: dict, b: dict) -> list[tuple[str, str, str]]:
    """The inputs that differ between two manifests: ``(what, in a, in b)``."""

    def scenario_hashes(doc: dict) -> dict:
        return {k: v.get("hash") or v.get("error") for k, v in doc["batch"]["scenarios"].items()}

    pairs = {
        "data catalogue hash": (a["data"]["catalogue_hash"], b["data"]["catalogue_hash"]),
        "prospectif": (a["environment"]["prospectif"], b["environment"]["prospectif"]),
        "git commit": (a["environment"]["git_commit"], b["environment"]["git_commit"]),
        "python": (a["environment"]["python"], b["environment"]["python"]),
        "horizon": (a["batch"]["definition"]["horizon"], b["batch"]["definition"]["horizon"]),
    }
    for name in DEPENDENCIES:
        pairs[name] = tuple(m["environment"]["dependencies"].get(name) for m in (a, b))
    hashes_a, hashes_b = scenario_hashes(a), scenario_hashes(b)
    for key in sorted(hashes_a.keys() | hashes_b.keys()):
        pairs[f"scenario {key}"] = (hashes_a.get(key), hashes_b.get(key))
    return [(k, _text(x), _text(y)) for k, (x, y) in pairs.items() if x != y]


def _text(value: object) -> str:
    return "–" if value is None else str(value)


def diff_snapshots(a: Path, b: Path) -> tuple[list[tuple[str, str, str]], pd.DataFrame]:
    """Inputs that changed and the results summary (see :func:`diff_results`) from A to B."""
    manifest_a, results_a = load_snapshot(a)
    manifest_b, results_b = load_snapshot(b)
    return diff_inputs(manifest_a, manifest_b), diff_results(results_a, results_b)


def diff_html(a: str, b: str, inputs: list[tuple[str, str, str]], summary: pd.DataFrame) -> str:
    """A French HTML page of the differences (every indicator not unchanged)."""
    e = html.escape
    moved = summary[summary["status"] != "unchanged"]
    inputs_rows = (
        "".join(
            f"<tr><td>{e(w)}</td><td><code>{e(x)}</code></td><td><code>{e(y)}</code></td></tr>"
            for w, x, y in inputs
        )
        or '<tr><td colspan="3">aucune</td></tr>'
    )
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{e(str(r[k]))}</td>" for k in ("region", "scenario", "variable", "unit"))
        + f"<td>{STATUS_FR[r['status']]}</td><td>{r['year']}</td>"
        + "".join(
            f'<td class="num">{format_number(r[k], d)}</td>'
            for k, d in (
                ("a", 2),
                ("b", 2),
                ("change", 2),
                ("change_pct", 2),
                ("max_abs_change", 2),
            )
        )
        + "</tr>"
        for r in moved.to_dict("records")
    )
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Écarts {e(a)} → {e(b)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem}}table{{border-collapse:collapse}}
th,td{{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}}
td.num{{text-align:right;white-space:nowrap}}th{{background:#f3f3f3}}</style></head><body>
<h1>Écarts entre millésimes</h1>
<p>A : <code>{e(a)}</code><br>B : <code>{e(b)}</code></p>
<h2>Entrées modifiées</h2>
<table><thead><tr><th>entrée</th><th>A</th><th>B</th></tr></thead><tbody>{inputs_rows}</tbody>
</table>
<h2>Indicateurs</h2>
<p>{len(moved)} indicateur(s) modifié(s), ajouté(s) ou retiré(s) sur {len(summary)}
(territoire × scénario × indicateur) ; valeurs à la dernière année commune, écart maximal sur
toutes les années.</p>
<table><thead><tr><th>territoire</th><th>scénario</th><th>indicateur</th><th>unité</th>
<th>statut</th><th>année</th><th>A</th><th>B</th><th>écart</th><th>écart (%)</th>
<th>écart maximal</th></tr></thead><tbody>{rows}</tbody></table>
</body></html>
"""


def write_diff(
    output: Path, a: str, b: str, inputs: list[tuple[str, str, str]], summary: pd.DataFrame
) -> list[Path]:
    """Write ``ecarts.parquet`` (the whole summary) and ``ecarts.html`` into ``output``."""
    output = Path(output)
    try:
        return [
            write_results(summary, output / DIFF_TABLE),
            atomic_write_text(output / DIFF_HTML, diff_html(a, b, inputs, summary)),
        ]
    except OSError as exc:
        raise BatchError("cannot_write", file=output, reason=exc.strerror or exc) from None
