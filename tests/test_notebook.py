"""The worked example ``docs/notebooks/quickstart.ipynb`` runs offline and shows its quotes."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "quickstart.ipynb"


@pytest.fixture(scope="module")
def executed() -> Any:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=240,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    # the kernel must import this checkout's quotex, as the test process does
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", path)
        client.execute()
    return notebook


def _html_outputs(notebook: Any) -> list[str]:
    return [
        output["data"]["text/html"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.get("output_type") in {"execute_result", "display_data"} and "text/html" in output.get("data", {})
    ]


@pytest.mark.needs_model
@pytest.mark.slow
def test_notebook_runs_without_errors(executed: Any) -> None:
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


@pytest.mark.needs_model
@pytest.mark.slow
def test_document_display_highlights_quotes_and_speakers(executed: Any) -> None:
    html = next(h for h in _html_outputs(executed) if 'class="quotex"' in h)
    quotes = re.findall(r'<mark class="quotex-quote[^"]*" data-id="q\d+" data-speaker="([^"]+)"', html)
    assert "Elena Marsh" in quotes and "Daniel Okoro" in quotes
    assert 'class="quotex-speaker"' in html and 'class="quotex-legend"' in html
    assert "We have never seen a fire move this fast in June," in html


@pytest.mark.needs_model
@pytest.mark.slow
def test_table_lists_quotes_and_claims(executed: Any) -> None:
    tables = [h for h in _html_outputs(executed) if "<table" in h and "doc_id" in h]
    assert tables and "quote" in tables[0] and "claim" in tables[0]
