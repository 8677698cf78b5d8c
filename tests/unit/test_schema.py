from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema

import threatsignals as ts
from threatsignals._examples import DEMO_NOW, demo_archive, demo_reports, demo_school
from threatsignals._schema import (
    assessment_schema,
    report_schema,
    school_schema,
    signals_schema,
)

SCHEMA_DIR = Path(ts.__file__).parent / "schema"


def test_committed_schemas_match_the_code():
    assert (
        json.loads((SCHEMA_DIR / "assessment.schema.json").read_text())
        == assessment_schema()
    )
    assert (
        json.loads((SCHEMA_DIR / "report.schema.json").read_text()) == report_schema()
    )
    assert (
        json.loads((SCHEMA_DIR / "signals.schema.json").read_text()) == signals_schema()
    )
    assert (
        json.loads((SCHEMA_DIR / "school.schema.json").read_text()) == school_schema()
    )


def test_school_schema_validates_schools():
    from threatsignals._examples import demo_school, other_schools

    validator = jsonschema.Draft202012Validator(school_schema())
    for s in [demo_school(), *other_schools()]:
        validator.validate(json.loads(json.dumps(s.to_dict())))


def test_demo_assessments_and_reports_validate():
    validator = jsonschema.Draft202012Validator(assessment_schema())
    rvalidator = jsonschema.Draft202012Validator(report_schema())
    with demo_archive() as archive:
        for _, r in demo_reports():
            a = ts.assess(r, school=demo_school(), archive=archive, now=DEMO_NOW)
            validator.validate(json.loads(a.to_json()))
            rvalidator.validate(r.to_dict())
    validator.validate(
        ts.assess(ts.Report(), now=datetime(2026, 1, 1, tzinfo=UTC)).to_dict()
    )
