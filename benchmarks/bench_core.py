"""Core figures: import cost and assess() throughput on text-only reports.

Baselines are measured in the same run: the import cost of the standard-library
modules the core needs, and the cost of building the same reports and serialising
them to JSON (the least any pipeline does per report).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta


def import_time(stmt: str, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        code = (
            f"import time; t=time.perf_counter(); {stmt}; print(time.perf_counter()-t)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        samples.append(float(out))
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true")
    n = 5000 if ap.parse_args().full else 1000

    base = import_time("import json, sqlite3, dataclasses, datetime, zoneinfo, logging")
    core = import_time("import threatsignals")
    print(
        f"import: stdlib baseline {base * 1000:.1f} ms, threatsignals {core * 1000:.1f} ms "
        f"(ratio {core / base:.1f}x)"
    )
    for pkg in ("phone", "text", "imminence", "images"):
        try:
            t = import_time(f"import threatsignals.{pkg}")
            print(f"import threatsignals.{pkg}: {t * 1000:.1f} ms")
        except subprocess.CalledProcessError:
            print(f"import threatsignals.{pkg}: not available")

    import threatsignals as ts

    now = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    school = ts.School(
        name="Lincoln Heights High School",
        aliases=("LHHS",),
        places=("Maple Street", "Gymnasium"),
        people=("Ms. Rivera",),
        timezone="America/Chicago",
        id="lhhs",
    )
    texts = [
        f"Message {i}: someone said there will be trouble at the gym on Friday, "
        f"stay home {i % 7}"
        for i in range(n)
    ]

    def baseline() -> float:
        t = time.perf_counter()
        for i, text in enumerate(texts):
            r = ts.Report(
                text=text, channel="email", received_at=now - timedelta(minutes=i)
            )
            ts.Assessment(
                score=50.0,
                level=ts.Level.MODERATE,
                imminent=False,
                when=None,
                findings=(),
                actions=(),
                open_questions=(),
            ).to_json()
            r.to_dict()
        return time.perf_counter() - t

    def run(archive: ts.Archive | None) -> float:
        t = time.perf_counter()
        for i, text in enumerate(texts):
            r = ts.Report(
                text=text, channel="email", received_at=now - timedelta(minutes=i)
            )
            ts.assess(r, school=school, archive=archive, now=now).to_json()
        return time.perf_counter() - t

    run(None)  # warm up lazy imports
    b = min(baseline() for _ in range(3))
    t_none = min(run(None) for _ in range(2))
    archive = ts.Archive.open()
    for i in range(1000):
        archive.add(
            ts.Report(
                text=f"archived threat number {i} about school {i % 50}",
                channel="email",
                received_at=now - timedelta(days=1, minutes=i),
            ),
            school=ts.School(name=f"School {i % 50}"),
            now=now,
        )
    run(archive)
    t_arch = min(run(archive) for _ in range(2))
    print(
        f"assess text-only, {n} reports: baseline (build + JSON) {n / b:,.0f}/s; "
        f"assess no archive {n / t_none:,.0f}/s ({t_none / b:.1f}x baseline cost, "
        f"{t_none / n * 1e6:.0f} us/report); with a 1,000-report archive "
        f"{n / t_arch:,.0f}/s ({t_arch / n * 1e6:.0f} us/report)"
    )


if __name__ == "__main__":
    main()
