"""Whole assessments pinned as JSON. Regenerate after a deliberate change with
THREATSIGNALS_REGEN_GOLDEN=1 python -m pytest tests/golden, then review the diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

import threatsignals as ts
from threatsignals._examples import DEMO_NOW, demo_archive, demo_reports, demo_school
from threatsignals._schema import assessment_schema

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases").glob("*.json"))
REGEN = os.environ.get("THREATSIGNALS_REGEN_GOLDEN") == "1"
VALIDATOR = jsonschema.Draft202012Validator(assessment_schema())


def _assess_case(case: dict) -> dict:
    school = (
        ts.School.from_dict(case["school"]) if case.get("school") else demo_school()
    )
    now = (
        ts.Report.from_dict({"received_at": case["now"]}).received_at
        if case.get("now")
        else DEMO_NOW
    )
    archive = demo_archive() if case.get("demo_archive", True) else ts.Archive.open()
    with archive:
        for item in case.get("archive", []):
            archive.add(
                ts.Report.from_dict(item["report"]),
                school=ts.School.from_dict(item["school"])
                if "school" in item
                else school,
                outcome=item.get("outcome", "unknown"),
                now=now,
            )
        report = ts.Report.from_dict(case["report"])
        return ts.assess(report, school=school, archive=archive, now=now).to_dict()


def _demo_cases() -> list[tuple[str, dict]]:
    return [
        (label.replace(" ", "_").replace("-", "_"), {"report": r.to_dict()})
        for label, r in demo_reports()
    ]


ALL = [(p.stem, json.loads(p.read_text())) for p in CASES] + _demo_cases()


@pytest.mark.parametrize(("name", "case"), ALL, ids=[n for n, _ in ALL])
def test_golden(name, case):
    got = _assess_case(case)
    VALIDATOR.validate(got)
    path = HERE / "expected" / f"{name}.json"
    if REGEN:
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n")
    assert path.exists(), "missing golden file: run with THREATSIGNALS_REGEN_GOLDEN=1"
    assert got == json.loads(path.read_text())


def test_same_input_gives_byte_identical_json():
    case = _demo_cases()[2][1]
    assert json.dumps(_assess_case(case)) == json.dumps(_assess_case(case))
