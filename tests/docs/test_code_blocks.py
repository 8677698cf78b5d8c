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
# A page may name optional modules its blocks need: <!-- requires: dask pandas -->
REQUIRES = re.compile(r"<!-- requires: ([\w. ]+) -->")


def _pages():
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        blocks = BLOCK.findall(text)
        needs = REQUIRES.search(text)
        if blocks:
            yield pytest.param(
                blocks, needs.group(1).split() if needs else [], id=path.name
            )


@pytest.mark.parametrize(("blocks", "requires"), list(_pages()))
def test_code_blocks_run(blocks, requires, monkeypatch, capsys):
    for module in requires:
        pytest.importorskip(module)
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
