"""``prospectif publish``: a millésime as a static site that needs no kernel and no network.

The site holds an index searchable by territory (accent-insensitive, in the browser), each
run's 4-page report (interactive figures, its PDF), one comparison page per territory (its
scenarios' verdicts and key trajectories side by side) and the « ce qui a changé » page (the
diff with the previous millésime). plotly.js is one file of the site; every address is
relative, so the folder can be opened from disk or served by any static file server.
"""

from __future__ import annotations

import html
import shutil
import unicodedata
from pathlib import Path, PurePosixPath
from typing import cast

import pandas as pd
import plotly.graph_objects as go

from ..batch.execute import PLOTLY_ASSET, RESULTS, write_plotly_asset
from ..batch.manifest import MANIFEST, read_manifest
from ..errors import BatchError
from ..fileio import atomic_write_text
from ..reports import REPORT_HTML, REPORT_PDF
from ..results import read_metadata
from ..results.registry import label as variable_label
from ..results.verdicts import Verdict, goals, verdict
from ..ui.texts import pick
from ..ui.views.synthese import verdict_table
from ..viz.trajectories import Line, trajectories_spec
from .assets import PORTAL_CSS, SEARCH_JS
from .changes import changes_html

INDEX = "index.html"
CHANGES = "changements.html"
COMPARISONS = "comparaisons"
CSS_ASSET = PurePosixPath("assets", "portail.css")
JS_ASSET = PurePosixPath("assets", "recherche.js")
TRAJECTORIES = (
    ("Population", ("personnes", "persons"), ""),
    ("Population|Age 85+", ("personnes", "persons"), ""),
    ("Autonomy|Places Needed", ("places", "places"), "Autonomy|Places|Today"),
    ("Final Energy", ("GWh par an", "GWh a year"), "Target|Final Energy"),
    ("Emissions|GHG", ("kt CO2e par an", "kt CO2e a year"), "Target|Emissions|GHG"),
    ("Renewable Coverage", ("%", "%"), ""),
)
"""The small multiples of the comparison page: variable, unit label, dotted reference."""


def search_key(text: str) -> str:
    """Lower case without accents (« Saône » → « saone »), as the page's script does."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def previous_snapshot(snapshot: Path) -> Path | None:
    """The newest complete snapshot next to ``snapshot`` whose name sorts before it."""
    snapshot = Path(snapshot).resolve()
    found = []
    for folder in snapshot.parent.iterdir():
        if folder.name >= snapshot.name or not (folder / MANIFEST).is_file():
            continue
        try:
            if read_manifest(folder)["status"] == "complete":
                found.append(folder)
        except BatchError:
            continue
    return max(found, key=lambda f: f.name, default=None)


def published_runs(document: dict) -> dict[tuple[str, str], dict]:
    """The first successful run with a 4-page report of each (territory, scenario)."""
    runs: dict[tuple[str, str], dict] = {}
    for record in document["runs"]:
        if record.get("status") == "ok" and REPORT_PDF in record.get("files", {}):
            runs.setdefault((record["territory"], record["scenario"]), record)
    return runs


def compared_runs(
    runs: dict[tuple[str, str], dict], code: str, definition: dict
) -> dict[str, dict]:
    """The runs of territory ``code`` its comparison page shows, by scenario: those of the
    batch's ``compare`` key in its order (when the territory has at least two), else all.
    """
    held = {s: r for (t, s), r in runs.items() if t == code}
    chosen = {s: held[s] for s in definition.get("compare") or () if s in held}
    return chosen if len(chosen) >= 2 else held


def publish(snapshot: Path, output: Path, previous: Path | None = None, lang: str = "fr") -> Path:
    """Write the static site of ``snapshot`` into ``output``; return its index page.

    Parameters
    ----------
    previous
        The millésime the « ce qui a changé » page compares with (default:
        :func:`previous_snapshot`).

    Raises
    ------
    BatchError
        If ``snapshot`` is not a snapshot or ``output`` cannot be written.
    """
    snapshot, output = Path(snapshot).resolve(), Path(output).resolve()
    document = read_manifest(snapshot)
    previous = previous_snapshot(snapshot) if previous is None else Path(previous).resolve()
    runs = published_runs(document)
    territories = document["batch"]["territories"]
    labels = {k: v.get("label") or k for k, v in document["batch"]["scenarios"].items()}
    try:
        output.mkdir(parents=True, exist_ok=True)
        write_plotly_asset(output)
        atomic_write_text(output / CSS_ASSET, PORTAL_CSS)
        atomic_write_text(output / JS_ASSET, SEARCH_JS)
        for record in runs.values():
            _copy_report(snapshot, output, record, lang)
        for code in dict.fromkeys(t for t, _ in runs):
            scenarios = compared_runs(runs, code, document["batch"]["definition"])
            page = comparison_html(snapshot, code, territories, scenarios, labels, lang)
            atomic_write_text(output / COMPARISONS / f"{code}.html", page)
        body = changes_html(snapshot, previous, territories, lang)
        title = pick(("Ce qui a changé", "What changed"), lang)
        atomic_write_text(output / CHANGES, _page(title, body, "", lang))
        index = atomic_write_text(
            output / INDEX, index_html(document, runs, territories, labels, previous, lang)
        )
        readable(output)
        return index
    except OSError as exc:
        raise BatchError("cannot_write", file=output, reason=exc.strerror or exc) from None


def readable(site: Path) -> None:
    """Let any web server read the site: files 0644 (atomic writes create them 0600)."""
    for path in site.rglob("*"):
        if path.is_file():
            path.chmod(0o644)


def _run_folder(record: dict) -> PurePosixPath:
    return PurePosixPath("runs", *record["id"].split("/"))


def _copy_report(snapshot: Path, output: Path, record: dict, lang: str) -> None:
    """The run's report (links to the index added, shown on screen only) and its PDF."""
    folder = _run_folder(record)
    target = output / folder
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(snapshot / folder / REPORT_PDF, target / REPORT_PDF)
    depth = "../" * len(folder.parts)
    links = (
        f'<nav class="screen-only portal-nav" style="text-align:center;margin:4mm">'
        f'<a href="{depth}{INDEX}">{pick(("← Tous les territoires", "← All territories"), lang)}'
        f'</a> · <a href="{REPORT_PDF}" download>{pick(("PDF (4 pages)", "PDF (4 pages)"), lang)}'
        f'</a> · <a href="{depth}{COMPARISONS}/{record["territory"]}.html">'
        f"{pick(('Comparer les scénarios', 'Compare the scenarios'), lang)}</a></nav>"
    )
    page = (snapshot / folder / REPORT_HTML).read_text(encoding="utf-8")
    atomic_write_text(target / REPORT_HTML, page.replace("<body>", f"<body>{links}", 1))


def _page(title: str, body: str, head: str, lang: str, depth: str = "") -> str:
    e = html.escape
    home = pick(("Accueil du millésime", "Vintage home"), lang)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{e(title)}</title><link rel="stylesheet" href="{depth}{CSS_ASSET}">{head}'
        f'</head><body><nav><a href="{depth}{INDEX}">{e(home)}</a></nav>'
        f"<h1>{e(title)}</h1>{body}</body></html>"
    )


def _run_results(path: Path) -> tuple[pd.DataFrame, tuple[float, int]]:
    """A run's results table and its renewable-coverage target (from its metadata)."""
    meta = read_metadata(path)[0]
    return pd.read_parquet(path), (
        float(cast(float, meta.assumptions["energy.renewables.coverage_target"])),
        int(cast(int, meta.assumptions["energy.renewables.coverage_target_year"])),
    )


def _verdicts(table: pd.DataFrame, coverage: tuple[float, int]) -> list[Verdict]:
    """The verdicts of the goals whose variables a run's table holds (a dashboard's table may
    hold only its models).
    """
    held, last = set(table["variable"]), int(table["year"].max())
    return [
        verdict(table, g)
        for g in goals(*coverage)
        if g.year <= last and g.variable in held and (not g.target or g.target in held)
    ]


def comparison_html(
    snapshot: Path,
    code: str,
    territories: dict[str, str],
    runs: dict[str, dict],
    labels: dict[str, str],
    lang: str,
) -> str:
    """A territory's scenarios side by side: every verdict, then the key trajectories."""
    import plotly.io as pio

    results = {
        labels.get(s, s): _run_results(snapshot / _run_folder(r) / RESULTS) for s, r in runs.items()
    }
    tables = {label: table for label, (table, _) in results.items()}
    shown = [_verdicts(table, coverage) for table, coverage in results.values()]
    title = pick(("Verdicts par scénario", "Verdicts by scenario"), lang)
    body = verdict_table(title, list(tables), shown, lang, css="portal-verdicts")
    figures = []
    held = set(next(iter(tables.values()))["variable"])
    for i, (variable, unit, reference) in enumerate(TRAJECTORIES):
        if variable not in held:
            continue
        name = variable_label(variable, lang)
        fig = go.Figure(
            trajectories_spec(
                tables,
                Line(variable, name),
                name,
                pick(unit, lang),
                lang,
                reference=Line(reference, variable_label(reference, lang))
                if reference in held
                else None,
                percent=variable == "Renewable Coverage",
            )
        )
        fig.update_layout(
            height=360, font={"size": 12}, title={"font": {"size": 15}}, legend={"y": -0.3}
        )
        figures.append(
            pio.to_html(
                fig,
                include_plotlyjs=False,
                full_html=False,
                div_id=f"trajectory-{i}",
                validate=False,
                config={"displaylogo": False, "responsive": True},
            )
        )
    links = " · ".join(
        f'<a href="../{_run_folder(r)}/{REPORT_HTML}">{html.escape(labels.get(s, s))}</a>'
        for s, r in runs.items()
    )
    reports = pick(("Rapports 4 pages", "4-page reports"), lang)
    body += (
        f"<p>{reports} : {links}</p>"
        f"<h2>{pick(('Trajectoires clés', 'Key trajectories'), lang)}</h2>"
        f'<div class="multiples">{"".join(f"<div>{f}</div>" for f in figures)}</div>'
    )
    name = territories.get(code, code)
    title = pick(("{n} : les scénarios côte à côte", "{n}: scenarios side by side"), lang)
    head = f'<script src="../{PLOTLY_ASSET}"></script>'
    return _page(title.format(n=f"{name} ({code})"), body, head, lang, "../")


def index_html(
    document: dict,
    runs: dict[tuple[str, str], dict],
    territories: dict[str, str],
    labels: dict[str, str],
    previous: Path | None,
    lang: str,
) -> str:
    """The home page: the territories, searchable, each with its reports and comparison."""
    e = html.escape
    items = []
    for code in dict.fromkeys(t for t, _ in runs):
        name = territories.get(code, code)
        reports = " · ".join(
            f'<a href="{_run_folder(r)}/{REPORT_HTML}">{e(labels.get(s, s))}</a> '
            f'(<a href="{_run_folder(r)}/{REPORT_PDF}" download>PDF</a>)'
            for (t, s), r in runs.items()
            if t == code
        )
        compare = pick(("comparer les scénarios", "compare the scenarios"), lang)
        items.append(
            f'<li class="territory" data-search="{e(search_key(f"{name} {code}"))}">'
            f"<b>{e(name)}</b> <span class='muted'>({e(code)})</span><br>{reports} · "
            f'<a href="{COMPARISONS}/{e(code)}.html">{compare}</a></li>'
        )
    vintage = document["vintage"]
    label = document["batch"]["definition"].get("label") or document["batch"]["definition"]["id"]
    since = (
        pick(("depuis le millésime {p}", "since the vintage {p}"), lang).format(p=previous.name)
        if previous
        else pick(("premier millésime", "first vintage"), lang)
    )
    search = pick(("Rechercher un territoire", "Search a territory"), lang)
    none = pick(("Aucun territoire ne correspond.", "No territory matches."), lang)
    counts = pick(("{n} territoire(s), {r} rapport(s)", "{n} territories, {r} reports"), lang)
    changed = pick(("Ce qui a changé", "What changed"), lang)
    body = (
        f'<p class="muted">{e(label)} — {counts.format(n=len(items), r=len(runs))} — '
        f'<a href="{CHANGES}">{changed}</a> ({e(since)})</p>'
        f'<label>{e(search)} <input id="search" type="search" autocomplete="off" '
        f'placeholder="Saône-et-Loire, 71…"></label> <span id="count">{len(items)}</span>'
        f'<ul id="territories">{"".join(items)}</ul><p id="none" hidden>{e(none)}</p>'
        f'<script src="{JS_ASSET}"></script>'
    )
    title = pick(("Millésime {v}", "Vintage {v}"), lang).format(v=vintage)
    return _page(title, body, "", lang)
