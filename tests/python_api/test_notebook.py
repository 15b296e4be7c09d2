"""The example notebook ``docs/kroniek.ipynb`` runs in a real Jupyter kernel on the demo's
database (built here by ``kroniek demo`` with the real Frog) and shows what it promises."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

import kroniek

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.frog
def test_the_example_notebook_runs_on_the_demo_database(cli, db: str,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    demo = cli("demo", "--db", db)
    assert demo.returncode == 0, demo.stderr
    notebook = nbformat.read(ROOT / "docs" / "kroniek.ipynb", as_version=4)
    monkeypatch.setenv("KRONIEK_DB", db)
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src"))
    # The kernel talks to the notebook over Unix sockets, not TCP.
    manager = KernelManager(kernel_name="python3", transport="ipc",
                            ip=str(Path(db).parent / "kernel"))
    NotebookClient(notebook, km=manager, timeout=180).execute(cwd=os.fspath(ROOT))
    outputs = [output for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                     for o in outputs)
    with kroniek.open(db) as opened:
        sanctions = len(opened.events(type="SANCTION"))
        pair = opened.dyad("EU", "BLR", by="week")
        verdict = opened.ask_defence(attacked="ARM", by="AZE", where="Nagorno-Karabakh",
                                     at="2020-10-08").verdict
    assert sanctions >= 1 and f"{sanctions} sanctions" in text
    assert "did you mean SANCTION" in text
    assert pair.total_events >= 1 and any("image/png" in o.get("data", {}) for o in outputs)
    assert verdict in text and "CSTO" in text
