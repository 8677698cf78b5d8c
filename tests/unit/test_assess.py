from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings

import threatsignals as ts
from tests.strategies import reports

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


class Fixed:
    name = "acme_fixed"
    version = "1.0"

    def __init__(self, *findings: ts.Finding) -> None:
        self.findings = findings

    def analyze_report(self, report, context):
        assert isinstance(context, ts.AnalyzerContext)
        return list(self.findings)


class Broken:
    name = "acme_broken"
    version = "0.1"

    def analyze_report(self, report, context):
        raise RuntimeError("boom " + (report.text or ""))


class ReturnsJunk:
    name = "acme_junk"
    version = "0.1"

    def analyze_report(self, report, context):
        return ["not a finding"]


def f(code: str, w: float) -> ts.Finding:
    return ts.Finding(code, "acme_fixed", w, "seen", "ref")


def test_custom_analyzer_findings_are_combined(school):
    a = ts.assess(
        ts.Report(text="x"),
        school=school,
        now=NOW,
        builtin=False,
        analyzers=[Fixed(f("acme_thing", 0.8))],
    )
    assert a.codes == ("acme_thing",)
    assert a.score == round(100 / (1 + 2.718281828459045**-0.8), 1)
    assert a.analyzers == (ts.AnalyzerRun("acme_fixed", "1.0", "ok", None, 1),)
    assert isinstance(ts.Analyzer, type) and isinstance(Fixed(), ts.Analyzer)


def test_failing_analyzer_is_recorded_not_fatal(school, caplog):
    caplog.set_level(logging.DEBUG)
    a = ts.assess(
        ts.Report(text="SECRET-TEXT"),
        school=school,
        now=NOW,
        builtin=False,
        analyzers=[Broken(), ReturnsJunk(), Fixed(f("acme_thing", 0.3))],
    )
    status = {r.name: (r.status, r.error) for r in a.analyzers}
    assert status == {
        "acme_broken": ("failed", "RuntimeError"),
        "acme_junk": ("failed", "TypeError"),
        "acme_fixed": ("ok", None),
    }
    assert a.codes == ("acme_thing",)
    assert "SECRET-TEXT" not in caplog.text
    with pytest.raises(ts.AnalyzerFailedError) as info:
        ts.assess(
            ts.Report(text="SECRET-TEXT"),
            now=NOW,
            builtin=False,
            analyzers=[Broken()],
            strict=True,
        )
    assert info.value.analyzer == "acme_broken" and "SECRET" not in str(info.value)


def test_duplicate_analyzer_names_rejected():
    with pytest.raises(ts.InvalidReportError):
        ts.assess(ts.Report(), now=NOW, builtin=False, analyzers=[Fixed(), Fixed()])


def test_wrong_types_raise_type_error(school):
    with pytest.raises(TypeError):
        ts.assess({"text": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ts.assess(ts.Report(), school="Lincoln")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ts.assess(ts.Report(), archive=":memory:")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ts.assess(ts.Report(), now="2026-01-01")  # type: ignore[arg-type]


def test_naive_now_takes_school_zone(school):
    a = ts.assess(
        ts.Report(), school=school, now=datetime(2026, 3, 10, 9, 0), builtin=False
    )
    assert a.assessed_at.utcoffset() == timedelta(hours=-5)


def ctx_codes(report, school, archive=None, **policy):
    a = ts.assess(
        report,
        school=school,
        archive=archive,
        now=NOW,
        builtin=False,
        policy=ts.Policy(**policy),
    )
    return a


def test_context_source_origin(school):
    assert ctx_codes(ts.Report(source_distance_km=2000), school).codes == (
        "source_far_away",
    )
    assert ctx_codes(ts.Report(source_country="RO"), school).codes == (
        "source_far_away",
    )
    assert ctx_codes(ts.Report(source_distance_km=3), school).codes == ("source_local",)
    assert ctx_codes(ts.Report(source_distance_km=120), school).codes == ()
    # without a school, a country alone says nothing about distance
    assert ts.assess(ts.Report(source_country="RO"), now=NOW, builtin=False).codes == ()


def test_context_exam_period():
    t = NOW - timedelta(days=1)
    s = ts.School(
        name="S",
        calendar=(
            ts.Event("Finals", t, t + timedelta(days=3), "exam"),
            ts.Event("Game", NOW, NOW, "sports"),
        ),
    )
    assert ctx_codes(ts.Report(received_at=NOW), s).codes == ("during_exam_period",)
    assert ctx_codes(ts.Report(received_at=NOW + timedelta(days=5)), s).codes == ()


def test_context_repeated_threats(school, archive):
    r_old = ts.Report(text="old", received_at=NOW - timedelta(days=3))
    archive.add(r_old, school=school, now=NOW)
    a = ctx_codes(ts.Report(text="new", received_at=NOW), school, archive)
    assert a.codes == ("repeated_threats_same_target",)
    # the archived report itself is not its own repeat
    assert ctx_codes(r_old, school, archive).codes == ()
    assert (
        ctx_codes(
            ts.Report(text="new", received_at=NOW), school, archive, repeat_min=2
        ).codes
        == ()
    )


def test_context_partner_reports_and_media(school):
    a = ctx_codes(ts.Report(other_schools_reported=4, local_media=True), school)
    assert set(a.codes) == {"reported_by_other_schools", "local_media_coverage"}
    assert ctx_codes(ts.Report(other_schools_reported=0), school).codes == ()


def test_imminent_actions_start_with_law_enforcement(school):
    a = ts.assess(
        ts.Report(text="x"),
        school=school,
        now=NOW,
        builtin=False,
        analyzers=[Fixed(f("time_imminent", 0.3))],
    )
    assert a.imminent and a.actions[0].code == "contact_law_enforcement_now"
    assert "9-1-1" in a.actions[0].text


def test_levels_scale_the_actions(school):
    low = ts.assess(
        ts.Report(),
        school=school,
        now=NOW,
        builtin=False,
        analyzers=[Fixed(f("a", -0.5), f("b", -0.5))],
    )
    high = ts.assess(
        ts.Report(),
        school=school,
        now=NOW,
        builtin=False,
        analyzers=[Fixed(f("a", 0.5), f("b", 0.5))],
    )
    assert low.level is ts.Level.LOW and "balanced_response" in [
        x.code for x in low.actions
    ]
    assert high.level is ts.Level.HIGH and high.actions[0].code == "scale_up_response"


def test_conflict_becomes_open_question(school):
    a = ts.assess(
        ts.Report(),
        school=school,
        now=NOW,
        builtin=False,
        analyzers=[Fixed(f("image_recycled", -1.5), f("text_names_person", 0.7))],
    )
    assert a.conflicting and a.level is ts.Level.MODERATE and a.score == 35.0
    q = a.open_questions[0]
    assert q.code == "conflicting_signs" and "image_recycled" in q.text


def test_open_questions_follow_what_is_missing(school):
    bare = ts.assess(ts.Report(channel="phone"), now=NOW, builtin=False)
    codes = [q.code for q in bare.open_questions]
    for c in (
        "when_act",
        "target",
        "awareness",
        "caller_followups",
        "caller_number",
        "past_threats",
        "school_context",
    ):
        assert c in codes
    full = ts.assess(
        ts.Report(
            channel="phone",
            caller_id="+13125550123",
            target="gym",
            awareness="direct",
            local_media=False,
            other_schools_reported=0,
            interview=ts.Interview(True, True, True),
        ),
        school=school,
        archive=ts.Archive.open(),
        now=NOW,
        builtin=False,
    )
    assert [q.code for q in full.open_questions] == ["when_act"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_assess_never_raises_and_is_deterministic(report):
    school = ts.School(
        name="Lincoln Heights High School",
        places=("Maple Street",),
        people=("Ms. Rivera",),
        phone_numbers=("+13125550100",),
        timezone="America/Chicago",
    )
    a = ts.assess(report, school=school, now=NOW)
    b = ts.assess(report, school=school, now=NOW)
    assert a.to_json() == b.to_json()
    assert 0 <= a.score <= 100
    assert a.level.value == ts.Policy().level_for(a.score)
    assert all(r.status == "ok" for r in a.analyzers), a.analyzers
    assert ts.Assessment.from_dict(a.to_dict()) == a
