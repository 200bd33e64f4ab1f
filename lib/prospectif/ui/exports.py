"""Downloads offered by the dashboards: scenario YAML, results as CSV and Excel, and the
run metadata of the CSV files (their JSON sidecar; the workbook has it in its ``meta`` sheet).

Files are embedded in the page as ``data:`` links, so downloading writes nothing on the server.
"""

from __future__ import annotations

import base64
import html

import pandas as pd

from ..results import table_metadata, to_csv_bytes, to_excel_bytes
from ..results.metadata import metadata_json
from ..scenario import Scenario
from ..scenario.io import scenario_document
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


def download_link(content: bytes, filename: str, label: str) -> str:
    """An HTML link that downloads ``content`` as ``filename``."""
    mime = MIME[filename.rsplit(".", 1)[-1]]
    payload = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="prospectif-download" download="{html.escape(filename)}" '
        f'href="data:{mime};base64,{payload}">{html.escape(label)}</a>'
    )


def export_links(scenario: Scenario, results: pd.DataFrame, stem: str, lang: str) -> str:
    """Download links for the scenario and its results, as one HTML list."""
    links = [
        download_link(scenario_yaml(scenario), f"{scenario.id}.yaml", text("download_yaml", lang)),
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
