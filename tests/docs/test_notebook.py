"""The tutorial notebook in docs/ runs, cell by cell, in one namespace."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_tutorial_notebook_runs(monkeypatch, capsys):
    nb = json.loads((ROOT / "docs" / "tutorial.ipynb").read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    namespace: dict[str, object] = {"__name__": "__notebook__"}
    monkeypatch.chdir(ROOT)
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 5
    for cell in cells:
        exec(compile("".join(cell["source"]), "<notebook>", "exec"), namespace)
    out = capsys.readouterr().out
    assert "threats:" in out and "demo-specific-post" in out
