"""A unique marker placed in every sensitive field must never reach logs, reprs,
exception messages or CLI stderr."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest
from PIL import Image

import threatsignals as ts
from threatsignals._cli import main

CANARY = "zq7canary41x"
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def debug_everything(caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("threatsignals", "threatsignals.archive", ""):
        logging.getLogger(name).setLevel(logging.DEBUG)
    return caplog


def test_canary_never_logged_or_repr(tmp_path, debug_everything):
    img_path = tmp_path / f"{CANARY}.png"
    Image.new("RGB", (32, 32), (10, 200, 30)).save(img_path)
    school = ts.School(
        name=f"School {CANARY}",
        people=(f"Ms. {CANARY}",),
        places=(f"{CANARY} Street",),
        timezone="America/Chicago",
    )
    report = ts.Report(
        text=f"I will come to {CANARY} Street tomorrow {CANARY}",
        channel="phone",
        caller_id=f"+1 312 555 0142 {CANARY}",
        images=(str(img_path), str(tmp_path / f"missing-{CANARY}.png")),
        interview={"places_mentioned": [CANARY]},
        target=CANARY,
        received_at=NOW,
    )
    archive = ts.Archive.open(tmp_path / "a.db")
    archive.add(report, school=school, now=NOW)
    a = ts.assess(report, school=school, archive=archive, now=NOW)
    for obj in (report, school, archive, report.interview, *a.findings, *a.analyzers):
        assert CANARY not in repr(obj)
    for rec in debug_everything.records:
        assert CANARY not in rec.getMessage()
        assert CANARY not in str(rec.args)
    archive.close()


def test_canary_not_in_errors(tmp_path):
    with pytest.raises(ts.InvalidReportError) as info:
        ts.Report(channel=CANARY, source_country=CANARY, awareness=CANARY)
    assert CANARY not in str(info.value)
    with pytest.raises(ts.InvalidReportError) as info2:
        ts.Report.from_dict({CANARY: 1})
    assert CANARY in info2.value.problems[0].field  # names the unknown *key* ...
    with pytest.raises(ts.InvalidReportError) as info3:
        ts.Report.from_dict({"text": 5, "channel": CANARY})
    assert CANARY not in str(info3.value)  # ... but never a value


def test_canary_not_on_cli_stderr(tmp_path, capsys):
    bad = tmp_path / "r.jsonl"
    bad.write_text(
        json.dumps({"text": CANARY, "channel": CANARY}) + "\n" + "{" + CANARY + "\n"
    )
    assert main(["assess", str(bad), "--no-archive"]) == 2
    assert CANARY not in capsys.readouterr().err
    good = tmp_path / "g.json"
    good.write_text(
        json.dumps({"text": CANARY, "caller_id": CANARY, "channel": "phone"})
    )
    assert main(["assess", str(good), "--no-archive", "--format", "text"]) == 0
    assert CANARY not in capsys.readouterr().err
