"""Run every benchmark in this folder (each prints its own figures and ratios).

Usage: python benchmarks/run.py [--full] [NAME ...]   e.g. NAME = core, text
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    full = "--full" in argv
    names = [a for a in argv if not a.startswith("-")]
    files = sorted(HERE.glob("bench_*.py"))
    if names:
        files = [f for f in files if f.stem.removeprefix("bench_") in names]
    failed = 0
    for f in files:
        print(f"\n===== {f.stem} =====", flush=True)
        cmd = [sys.executable, str(f), *(["--full"] if full else [])]
        failed += subprocess.run(cmd, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
