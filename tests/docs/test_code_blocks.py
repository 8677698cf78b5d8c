"""Every ```python block in the README and docs/ runs (imagehash's test_readme idea).

The blocks of one page run in order in one namespace, as a reader would run them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _pages():
    for path in FILES:
        blocks = BLOCK.findall(path.read_text(encoding="utf-8"))
        if blocks:
            yield pytest.param(blocks, id=path.name)


@pytest.mark.parametrize("blocks", list(_pages()))
def test_code_blocks_run(blocks, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__doc__"}
    for i, code in enumerate(blocks):
        exec(compile(code, f"<block {i}>", "exec"), namespace)


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    assert "threatsignals demo" in blocks[0]
    assert 'pip install -e ".[test]"' in blocks[1] and "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python -m pytest -q" in ci
