"""Caller IDs and interviews: any string, huge input or wrong type is a finding."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import threatsignals as ts
from tests.strategies import hostile_caller_ids, interviews
from threatsignals import phone

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
SCHOOL = ts.School(
    name="Lincoln Heights High School",
    region="US",
    phone_numbers=("+13125550100",),
    emergency_numbers=("+13125550199",),
    places=("Maple Street", "Gymnasium"),
    id="lhhs",
)
SETTINGS = settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)


def _ok_findings(findings) -> None:
    for f in findings:
        assert isinstance(f, ts.Finding)
        assert f.analyzer == "phone"
        assert math.isfinite(f.weight)
        assert isinstance(f.evidence, str) and len(f.evidence) < 2_000


junk_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)

#: Interview dicts as messy intake forms produce them: wrong types, unknown keys.
junk_interview_dicts = st.dictionaries(
    st.one_of(
        st.sampled_from(
            [
                "gave_name",
                "gave_callback",
                "gave_location",
                "places_mentioned",
                "voice_masked",
                "hung_up",
                "relay_service",
            ]
        ),
        st.text(max_size=10),
        st.integers(),
    ),
    junk_values,
    max_size=8,
)


@SETTINGS
@given(caller_id=hostile_caller_ids, attestation=junk_values, interview=junk_values)
def test_phone_analyze_never_raises_on_content(caller_id, attestation, interview):
    a = phone.analyze(
        caller_id, school=SCHOOL, attestation=attestation, interview=interview
    )
    _ok_findings(a.findings)
    assert a.number is None or a.number.startswith("+")


@SETTINGS
@given(caller_id=st.text(max_size=200), region=st.text(max_size=4))
def test_phone_analyze_any_string_any_region(caller_id, region):
    _ok_findings(phone.analyze(caller_id, region=region).findings)


@SETTINGS
@given(interview=junk_interview_dicts)
def test_wrong_types_in_interview_dicts_are_not_asked(interview):
    a = phone.analyze("Anonymous", school=SCHOOL, interview=interview)
    _ok_findings(a.findings)
    assert "caller_id_blocked" in [f.code for f in a.findings]


@pytest.mark.parametrize(
    "interview",
    [
        {"gave_name": "no", "gave_callback": 0, "hung_up": "yes"},
        {"places_mentioned": 5},
        {"places_mentioned": [1, None, b"x", "Mapel Street"]},
        {"places_mentioned": ["x" * 1_000_000]},
        {"places_mentioned": ["Mapel Stret"] * 100_000},
        {7: True, None: False, ("a",): 1},
        {"gave_name": float("nan"), "voice_masked": [True]},
        ["gave_name", False],
        "gave_name=False",
        42,
    ],
)
def test_messy_interviews_give_findings(interview):
    a = phone.analyze("+13125550100", school=SCHOOL, interview=interview)
    _ok_findings(a.findings)
    assert "caller_id_matches_school" in [f.code for f in a.findings]


def test_wrong_typed_flag_counts_as_not_asked():
    a = phone.analyze(None, interview={"gave_name": "False", "hung_up": 1})
    codes = [f.code for f in a.findings]
    assert "caller_failed_followups" not in codes and "caller_hung_up" not in codes


@pytest.mark.parametrize(
    "caller_id",
    [
        "9" * 10_000,
        "+" * 10_000,
        "tel:" + "1" * 9_990,
        "1-" * 5_000,
        ";ext=" * 2_000,
        "(" * 10_000,
        "sip:" + "a" * 9_000 + "@x.invalid",
        "\u0661" * 10_000,
        " " * 10_000,
        "\x00" * 10_000,
        "\ud800" * 10_000,
    ],
)
def test_huge_caller_ids_via_assess(caller_id):
    report = ts.Report(
        channel="phone", caller_id=caller_id, attestation="C", received_at=NOW
    )
    a = ts.assess(report, school=SCHOOL, now=NOW)
    assert all(r.status == "ok" for r in a.analyzers)
    assert a.has("caller_id_invalid") or a.has("caller_id_spoof_pattern")
    assert caller_id[:12] not in a.to_json() or caller_id[:12].strip() == ""


def test_huge_interview_via_assess():
    iv = ts.Interview(
        gave_name=False,
        hung_up=True,
        places_mentioned=tuple(f"Mapel Stret {i}" for i in range(20_000)),
    )
    a = ts.assess(ts.Report(channel="phone", interview=iv), school=SCHOOL, now=NOW)
    assert all(r.status == "ok" for r in a.analyzers)
    assert a.has("caller_failed_followups") and a.has("caller_hung_up")
    assert all(len(f.evidence) < 2_000 for f in a.findings)


@SETTINGS
@given(caller_id=hostile_caller_ids, interview=interviews)
def test_assess_phone_reports_never_fail(caller_id, interview):
    report = ts.Report(channel="phone", caller_id=caller_id, interview=interview)
    a = ts.assess(report, school=SCHOOL, now=NOW)
    assert all(r.status == "ok" for r in a.analyzers), a.analyzers
    _ok_findings(f for f in a.findings if f.analyzer == "phone")


def test_report_rejects_wrong_types_in_interview_dicts_by_field():
    # At the Report boundary wrong types are structured-input errors (named field,
    # no value); the lenient path is phone.analyze's and the analyzer's own.
    with pytest.raises(ts.InvalidReportError) as info:
        ts.Report(channel="phone", interview={"gave_name": "SECRET-VALUE"})
    assert "report.interview.gave_name" in str(info.value)
    assert "SECRET-VALUE" not in str(info.value)


def test_assess_survives_an_interview_that_skipped_validation():
    report = ts.Report(channel="phone", caller_id="Anonymous")
    # duck-typed intake code may hand the analyzer anything; it must cope
    object.__setattr__(report, "interview", {"gave_name": "no", "hung_up": [1]})
    a = ts.assess(report, school=SCHOOL, now=NOW)
    assert all(r.status == "ok" for r in a.analyzers)
    assert a.has("caller_id_blocked")
