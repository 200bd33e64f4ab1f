"""Downloads offered by the dashboards: scenario YAML, results as CSV and Excel, and the
run metadata of the CSV files (their JSON sidecar; the workbook has it in its ``meta`` sheet).

A setting moved from a preset is exported as a new scenario, never under the preset's id or
label: ``<preset>-variante-<hash>`` (or the saved variant of the same values), ``extends:`` the
preset(s) and holding only the moved values. Files are embedded in the page as ``data:``
links, so downloading writes nothing on the server.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..pipeline import ChainRun
from ..results import table_metadata, to_csv_bytes, to_excel_bytes, to_french_csv_bytes
from ..results.exports import DIGITS, significant
from ..results.metadata import metadata_json
from ..scenario import Scenario
from ..scenario.io import scenario_document
from ..scenario.schema import MODEL_SECTIONS, set_dotted
from ..yamlio import dump_yaml
from .panel import panel_groups
from .texts import pick, text

MIME = {
    "yaml": "application/x-yaml",
    "csv": "text/csv",
    "json": "application/json",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def scenario_yaml(scenario: Scenario) -> bytes:
    """The self-contained YAML of a scenario, as :func:`prospectif.scenario.save_scenario`
    writes it.
    """
    return dump_yaml(scenario_document(scenario)).encode("utf-8")


VARIANT_SUFFIX = "-variante"
MAX_ID = 64
"""Scenario ids are at most 64 characters (``SCENARIO_ID_PATTERN``)."""


def exported_scenario(
    base: Scenario,
    extends: tuple[str, ...],
    changes: dict[str, object],
    variants: Iterable[Scenario] = (),
) -> Scenario:
    """The scenario of ``base`` (built on the presets ``extends``) with ``changes``: ``base``
    itself when nothing moved, else the first of ``variants`` with the same values, else a new
    scenario labelled « <base label> — variante ».
    """
    if not changes:
        return base
    moved = base.with_values(changes)
    same = next((v for v in variants if v.hash == moved.hash), None)
    if same is not None:
        return same
    suffix = f"{VARIANT_SUFFIX}-{moved.hash[:6]}"
    return moved.with_values(
        {},
        id=base.id[: MAX_ID - len(suffix)].rstrip("-") + suffix,
        label={
            "fr": f"{base.label.fr} — {text('variant_word', 'fr')}",
            "en": f"{base.label.get('en')} — {text('variant_word', 'en')}",
        },
        description={"fr": text("variant_description", "fr", base=base.label.fr), "en": ""},
        extends=extends or base.extends,
    )


def scenario_export(
    scenario: Scenario, extends: tuple[str, ...], changes: dict[str, object]
) -> tuple[str, bytes]:
    """File name and YAML of ``scenario``: built on the presets ``extends`` by ``changes``, it
    names them under ``extends:`` and holds only the changed values (and its horizon);
    without presets (a scenario file) or changes it is written whole.
    """
    if not (extends and changes):
        return f"{scenario.id}.yaml", scenario_yaml(scenario)
    whole = scenario_document(scenario)
    document = {k: whole[k] for k in ("format", "id", "label", "description", "horizon")}
    document["extends"] = list(extends)
    for key, value in sorted(changes.items()):
        set_dotted(document, key, value)
    return f"{scenario.id}.yaml", dump_yaml(document).encode("utf-8")


HYPOTHESES_COLUMNS = {
    "key": ("clé", "key"),
    "label": ("hypothèse", "assumption"),
    "value": ("valeur", "value"),
    "unit": ("unité", "unit"),
    "source": ("source", "source"),
    "changed": ("modifiée en atelier", "changed in the workshop"),
}


def hypotheses_sheet(scenario: Scenario, base: Scenario, lang: str) -> pd.DataFrame:
    """Each assumption of ``scenario``: label, value, unit, source, and whether the room moved
    it away from ``base`` (yes/no in ``lang``).
    """
    values, start = scenario.assumptions(), base.assumptions()
    answers = pick(("oui", "yes"), lang), pick(("non", "no"), lang)
    rows = [
        {
            "key": c.key,
            "label": c.label,
            "value": values[c.key],
            "unit": c.unit,
            "source": c.source,
            "changed": answers[0] if values[c.key] != start[c.key] else answers[1],
        }
        for group in panel_groups(MODEL_SECTIONS, lang)
        for c in group.controls
    ]
    columns = {key: pick(label, lang) for key, label in HYPOTHESES_COLUMNS.items()}
    return pd.DataFrame(rows, columns=list(columns)).rename(columns=columns)


def download_link(content: bytes, filename: str, label: str) -> str:
    """An HTML link that downloads ``content`` as ``filename``."""
    mime = MIME[filename.rsplit(".", 1)[-1]]
    payload = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="prospectif-download" download="{html.escape(filename)}" '
        f'href="data:{mime};base64,{payload}">{html.escape(label)}</a>'
    )


def report_pdf(run: ChainRun, table: pd.DataFrame, lang: str) -> bytes:
    """The 4-page report of the setting on screen, printed by this kernel's Chromium."""
    import tempfile

    from ..reports import write_report
    from ..reports.document import make_report
    from ..reports.printing import shared_printer

    with tempfile.TemporaryDirectory() as folder:
        _, pdf = write_report(make_report(run, table), Path(folder), shared_printer(), lang)
        return pdf.read_bytes()


def export_links(
    scenario_file: tuple[str, bytes],
    results: pd.DataFrame,
    stem: str,
    lang: str,
    hypotheses: pd.DataFrame | None = None,
) -> str:
    """Download links for the scenario file (name, content) and its results, as one list;
    ``hypotheses`` is the workbook's assumptions sheet (see :func:`hypotheses_sheet`).
    """
    name, content = scenario_file
    workbook = to_excel_bytes(results, hypotheses, digits=DIGITS)
    rounded = results.assign(value=significant(results["value"]))
    links = [
        download_link(content, name, text("download_yaml", lang)),
        download_link(to_french_csv_bytes(results), f"{stem}.csv", text("download_csv_fr", lang)),
        download_link(to_csv_bytes(rounded), f"{stem}-intl.csv", text("download_csv", lang)),
        download_link(workbook, f"{stem}.xlsx", text("download_xlsx", lang)),
    ]
    records = table_metadata(results)
    if records:
        meta = metadata_json(records).encode("utf-8")
        links.append(download_link(meta, f"{stem}.meta.json", text("download_meta", lang)))
    items = "".join(f"<li>{link}</li>" for link in links)
    return f'<ul style="font-size:16px">{items}</ul>'
