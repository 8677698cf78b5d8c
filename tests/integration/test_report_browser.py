"""The trends HTML report renders in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

import threatsignals as ts
from threatsignals.trends import html_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
Image = pytest.importorskip("PIL.Image")

NOW = datetime(2026, 5, 29, 15, 0, tzinfo=UTC)
WIDTH, HEIGHT = 1200, 1600
HOAX = (0x8D, 0xA0, 0xCB)  # #8da0cb, hoax bars
CREDIBLE = (0xE3, 0x4A, 0x33)  # #e34a33, credible bars
WAVE = "There is a bomb in {school}. It goes off at noon on Friday, everyone out."


def _archive() -> ts.Archive:
    archive = ts.Archive.open()
    channels = ("phone", "email", "social_media", "tip_line")
    outcomes = ("hoax", "hoax", "credible", "unknown")
    for i in range(40):
        received = NOW - timedelta(days=5 * i, hours=i % 7)
        archive.add(
            ts.Report(
                text=f"Message {i}: someone will hurt people at room {i} next week",
                channel=channels[i % 4],
                received_at=received,
            ),
            school=ts.School(name=f"School {i % 6}", region="US"),
            outcome=outcomes[i % 4],
            now=received,
        )
    # A wave: the same template at several schools within hours.
    for k in range(5):
        received = NOW - timedelta(days=20, hours=k)
        archive.add(
            ts.Report(
                text=WAVE.format(school=f"Wave School {k}"),
                channel="email",
                received_at=received,
            ),
            school=ts.School(name=f"Wave School {k}", region="US"),
            outcome="hoax",
            now=received,
        )
    return archive


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], tol: int = 6) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(pixel[:3], colour, strict=True))


def test_report_renders_in_headless_chromium(tmp_path):
    out = tmp_path / "report.html"
    with _archive() as archive:
        trends = html_report(archive, out)
    assert trends.total == 45 and trends.waves
    png = tmp_path / "report.png"
    profile = tmp_path / "profile"
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        f"--window-size={WIDTH},{HEIGHT}",
        out.resolve().as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    assert png.exists(), proc.stderr.decode(errors="replace")[-2000:]
    with Image.open(png) as img:
        assert img.size == (WIDTH, HEIGHT)
        rgb = img.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
    assert colours is not None
    counts = {c: n for n, c in colours}
    # Not blank: text, tables and bars give many distinct colours.
    assert len(counts) > 50
    white = counts.get((255, 255, 255), 0)
    assert white < 0.97 * WIDTH * HEIGHT
    # The chart colours are drawn (bars, legend), each over a visible area.
    hoax = sum(n for c, n in counts.items() if _near(c, HOAX))
    credible = sum(n for c, n in counts.items() if _near(c, CREDIBLE))
    assert hoax > 500, hoax
    assert credible > 500, credible
