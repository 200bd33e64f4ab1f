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

import pandas as pd

from ..results import table_metadata, to_csv_bytes, to_excel_bytes
from ..results.metadata import metadata_json
from ..scenario import Scenario
from ..scenario.io import scenario_document
from ..scenario.schema import set_dotted
from ..yamlio import dump_yaml
from .texts import text

MIME = {
    "yaml": "application/x-yaml",
    "csv": "text/csv",
    "json": "application/json",
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


def download_link(content: bytes, filename: str, label: str) -> str:
    """An HTML link that downloads ``content`` as ``filename``."""
    mime = MIME[filename.rsplit(".", 1)[-1]]
    payload = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="prospectif-download" download="{html.escape(filename)}" '
        f'href="data:{mime};base64,{payload}">{html.escape(label)}</a>'
    )


def export_links(
    scenario_file: tuple[str, bytes], results: pd.DataFrame, stem: str, lang: str
) -> str:
    """Download links for the scenario file (name, content) and its results, as one list."""
    name, content = scenario_file
    links = [
        download_link(content, name, text("download_yaml", lang)),
        download_link(
            to_csv_bytes(results, french=True), f"{stem}.csv", text("download_csv_fr", lang)
        ),
        download_link(to_csv_bytes(results), f"{stem}-intl.csv", text("download_csv", lang)),
        download_link(to_excel_bytes(results), f"{stem}.xlsx", text("download_xlsx", lang)),
    ]
    records = table_metadata(results)
    if records:
        meta = metadata_json(records).encode("utf-8")
        links.append(download_link(meta, f"{stem}.meta.json", text("download_meta", lang)))
    items = "".join(f"<li>{link}</li>" for link in links)
    return f'<ul style="font-size:16px">{items}</ul>'
