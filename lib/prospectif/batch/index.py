"""The snapshot's ``index.html``: every run by territory, scenario and dashboard, from disk.

One self-contained page (no network, no server): a summary of the batch, filters, and a table
with each run's status, headline indicators and links to its report, notebook and results.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import pandas as pd

from ..fileio import atomic_write_text
from ..i18n import format_number
from .definition import Batch
from .execute import REPORT, RESULTS, output_names
from .plan import Run

INDEX = "index.html"
LINKS = {REPORT: "rapport", RESULTS: "résultats"}
"""Link text of a run's files (its notebook: « notebook »)."""
HEADLINES = (
    ("Population", "Population", 0),
    ("Share|Population|Age 65+", "Part des 65 ans ou plus (%)", 1),
    ("Population|Age 75+", "Personnes de 75 ans ou plus", 0),
    ("Autonomy|APA Beneficiaries", "Bénéficiaires de l'APA", 0),
    ("Final Energy", "Énergie finale (GWh)", 0),
    ("Emissions|GHG", "Émissions (kt CO2e)", 0),
)
"""Indicators shown at the horizon when a run's results hold them: variable, label, decimals."""

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
h1{margin-bottom:.2rem}.muted{color:#666}
table{border-collapse:collapse;width:100%;font-size:15px}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}td.num{text-align:right;white-space:nowrap}
tr.failed td{background:#fdecea}.filters{margin:1rem 0}.filters label{margin-right:1.5rem}
"""

SCRIPT = """
const filters = [...document.querySelectorAll('.filters select')];
function apply() {
  const wanted = Object.fromEntries(filters.map(f => [f.name, f.value]));
  let shown = 0;
  document.querySelectorAll('#runs tbody tr').forEach(row => {
    const ok = filters.every(f => !wanted[f.name] || row.dataset[f.name] === wanted[f.name]);
    row.hidden = !ok; shown += ok;
  });
  document.getElementById('shown').textContent = shown;
}
filters.forEach(f => f.addEventListener('change', apply));
"""


def index_html(
    batch: Batch, runs: list[Run], records: dict[str, dict], results: pd.DataFrame, manifest: dict
) -> str:
    """The index page of a snapshot (French)."""
    definition = batch.definition
    horizon = definition.horizon
    values = _headline_values(results, horizon)
    counts = manifest["counts"]
    env = manifest["environment"]
    e = html.escape
    columns = [
        "Territoire",
        "Scénario",
        "Tableau de bord",
        "Statut",
        *(f"{label} {horizon}" for _, label, _ in HEADLINES),
        "Durée (s)",
        "Fichiers",
    ]
    rows = "\n".join(_row(batch, run, records.get(run.id), values) for run in runs)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Millésime {e(manifest["vintage"])} — {e(definition.label or definition.id)}</title>
<style>{STYLE}</style></head>
<body>
<h1>Millésime {e(manifest["vintage"])} — {e(definition.label or definition.id)}</h1>
<p class="muted">{e(definition.description)}</p>
<ul>
<li>{counts["runs"]} exécutions : {counts["ok"]} réussies, {counts["failed"]} en échec,
{counts["pending"]} en attente (horizon {horizon}).</li>
<li>Début {e(manifest["started"])}, fin {e(manifest["ended"])}, durée
{format_number(manifest["duration_s"], 0)} s.</li>
<li>Données : empreinte <code>{e(manifest["data"]["catalogue_hash"][:16])}</code> ; code :
prospectif {e(str(env["prospectif"]))}, commit <code>{e(str(env["git_commit"]))}</code>,
Python {e(env["python"])}.</li>
<li>Fichiers : <a href="manifest.json">manifest.json</a> (entrées, versions, durées),
<a href="{RESULTS}">{RESULTS}</a> (tous les résultats, format IAMC).</li>
</ul>
<div class="filters">
{_select("territory", "Territoire", {r.territory: _territory_label(batch, r) for r in runs})}
{_select("scenario", "Scénario", {r.scenario.key: r.scenario.key for r in runs})}
{_select("dashboard", "Tableau de bord", {r.dashboard: r.dashboard for r in runs})}
{_select("status", "Statut", {"ok": "réussi", "failed": "échec", "pending": "en attente"})}
<span class="muted"><span id="shown">{len(runs)}</span> exécution(s) affichée(s)</span>
</div>
<table id="runs"><thead><tr>{"".join(f"<th>{e(c)}</th>" for c in columns)}</tr></thead>
<tbody>
{rows}
</tbody></table>
<script>{SCRIPT}</script>
</body></html>
"""


def write_index(snapshot: Path, page: str) -> Path:
    """Write ``index.html`` atomically."""
    return atomic_write_text(Path(snapshot) / INDEX, page)


def _headline_values(results: pd.DataFrame, horizon: int) -> dict:
    if results.empty:
        return {}
    wanted = results[
        results["variable"].isin([v for v, _, _ in HEADLINES]) & (results["year"] == horizon)
    ]
    return {
        (row.region, row.scenario, row.variable): row.value
        for row in wanted.itertuples(index=False)
    }


def _territory_label(batch: Batch, run: Run) -> str:
    return f"{batch.territories.get(run.territory, '')} ({run.territory})"


def _row(batch: Batch, run: Run, record: dict | None, values: dict) -> str:
    e = html.escape
    status = record["status"] if record else "pending"
    label = {"ok": "réussi", "failed": "échec", "pending": "en attente"}[status]
    if record and status == "failed":
        label = f"échec : {record['error']}"
    folder = run.folder.as_posix()
    links = (
        " · ".join(
            f'<a href="{folder}/{name}">{LINKS.get(name, "notebook")}</a>'
            for name in output_names(run)
        )
        if status == "ok"
        else (f'<a href="{folder}/">dossier</a>' if record else "")
    )
    scenario = (
        f"{run.scenario.label} ({run.scenario.key})" if run.scenario.label else run.scenario.key
    )
    numbers = [
        _number(values.get((run.territory, run.scenario.key, v)), d) for v, _, d in HEADLINES
    ]
    duration = format_number(record["duration_s"], 1) if record else "–"
    cells = [e(_territory_label(batch, run)), e(scenario), e(run.dashboard), e(label)]
    tds = "".join(f"<td>{c}</td>" for c in cells)
    tds += "".join(f'<td class="num">{n}</td>' for n in [*numbers, duration])
    return (
        f'<tr class="{status}" data-territory="{e(run.territory)}" '
        f'data-scenario="{e(run.scenario.key)}" data-dashboard="{e(run.dashboard)}" '
        f'data-status="{status}">{tds}<td>{links}</td></tr>'
    )


def _number(value: float | None, decimals: int) -> str:
    return "–" if value is None or not math.isfinite(value) else format_number(value, decimals)


def _select(name: str, label: str, options: dict[str, str]) -> str:
    e = html.escape
    items = "".join(f'<option value="{e(k)}">{e(v)}</option>' for k, v in sorted(options.items()))
    return (
        f'<label>{e(label)} <select name="{name}"><option value="">(tous)</option>'
        f"{items}</select></label>"
    )
