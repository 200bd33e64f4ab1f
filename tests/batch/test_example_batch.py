"""The example batch (``scenarios/batches/exemple.yaml``) gives a 4-page A4 PDF per run and a
publishable portal. Its synthesis runs only: the 4-page report is the territory's whole model
chain, the same for its services and adaptation runs, so these four runs print every distinct
report of the batch (a département and an EPCI, under both scenarios).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from prospectif.batch import parse_batch, run_batch
from prospectif.batch.verify import verify_snapshot
from prospectif.portal import publish
from prospectif.reports import REPORT_PDF

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
EXAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "batches" / "exemple.yaml"
A4_POINTS = (595, 842)


def command(*args: str) -> str:
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} missing: install poppler-utils (scripts/ensure-chromium.sh)")
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    text = EXAMPLE.read_text(encoding="utf-8")
    synthesis = text.replace(
        "dashboards: [synthese, services, adaptation]", "dashboards: [synthese]"
    )
    assert synthesis != text
    batch = parse_batch(synthesis, str(EXAMPLE), EXAMPLE.parent)
    output = tmp_path_factory.mktemp("exemple")
    outcome = run_batch(batch, output, "2026-01-01", workers=1)
    assert not outcome.failed, outcome.failed
    return outcome.snapshot


def test_every_run_has_a_four_page_a4_pdf_with_its_territory_in_words(snapshot):
    assert verify_snapshot(snapshot) == []
    pdfs = sorted(snapshot.glob(f"runs/synthese/*/*/{REPORT_PDF}"))
    assert [p.parent.relative_to(snapshot / "runs").as_posix() for p in pdfs] == [
        "synthese/DEP-71/sobriete",
        "synthese/DEP-71/tendanciel",
        "synthese/EPCI-200070308/sobriete",
        "synthese/EPCI-200070308/tendanciel",
    ]
    for pdf in pdfs:
        info = command("pdfinfo", str(pdf))
        assert "Pages:           4" in info, pdf
        size = info.split("Page size:")[1].split("pts")[0].split(" x ")
        assert tuple(round(float(x)) for x in size) == A4_POINTS, pdf
        first = command("pdftotext", "-f", "1", "-l", "1", str(pdf), "-")
        name = "Saône-et-Loire" if "DEP-71" in str(pdf) else "Mâconnais Beaujolais"
        assert name in first and "Objectifs : atteints ou manqués" in first, pdf


def test_the_snapshot_publishes_a_portal_of_both_territories(snapshot, tmp_path):
    index = publish(snapshot, tmp_path / "portail")
    site = index.parent
    page = index.read_text(encoding="utf-8")
    assert page.count('class="territory"') == 2
    assert len(list(site.glob(f"runs/*/*/*/{REPORT_PDF}"))) == 4
    for code in ("DEP-71", "EPCI-200070308"):
        comparison = (site / "comparaisons" / f"{code}.html").read_text(encoding="utf-8")
        head = comparison.split("portal-verdicts")[1].split("</thead>")[0]
        assert head.count("<th>") == 3  # the targets' column, then the two scenarios
