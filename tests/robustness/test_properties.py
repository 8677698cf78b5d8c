"""Property tests over every public entry point, driven by tests/strategies.py."""

from __future__ import annotations

import contextlib
import json
import math
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import threatsignals as ts
from tests.strategies import (
    aware_datetimes,
    hostile_caller_ids,
    hostile_reports,
    hostile_texts,
    image_inputs,
    interviews,
    reports,
    schools,
    small_images,
)
from threatsignals import images, imminence, phone, text

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
SETTINGS = settings(
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _valid(a: ts.Assessment) -> None:
    assert 0.0 <= a.score <= 100.0 and math.isfinite(a.score)
    assert a.level in tuple(ts.Level)
    assert all(math.isfinite(f.weight) for f in a.findings)
    assert all(r.status == "ok" for r in a.analyzers), a.analyzers
    back = ts.Assessment.from_json(a.to_json())
    assert back.to_dict() == json.loads(a.to_json())


@SETTINGS
@given(report=hostile_reports, school=st.one_of(st.none(), schools))
def test_assess_always_answers(report, school):
    _valid(ts.assess(report, school=school, now=NOW))


@SETTINGS
@given(report=hostile_reports, school=schools)
def test_assess_with_archive_and_archive_add(report, school):
    with ts.Archive.open() as archive:
        rid = archive.add(report, school=school, now=NOW)
        assert archive.add(report, school=school, now=NOW) == rid  # idempotent
        a = ts.assess(report, school=school, archive=archive, now=NOW)
        _valid(a)
        assert not a.has("text_recycled") and not a.has("image_recycled")  # not itself


@settings(deadline=None, max_examples=15)
@given(batch=st.lists(reports, max_size=4), school=st.one_of(st.none(), schools))
def test_assess_many_equals_assess_in_order(batch, school):
    many = list(ts.assess_many(batch, school=school, now=NOW))
    assert [a.to_json() for a in many] == [
        ts.assess(r, school=school, now=NOW).to_json() for r in batch
    ]


@SETTINGS
@given(caller_id=hostile_caller_ids, interview=interviews, school=schools)
def test_phone_analyze(caller_id, interview, school):
    a = phone.analyze(caller_id, school=school, interview=interview)
    assert all(f.analyzer == "phone" and math.isfinite(f.weight) for f in a.findings)
    assert len({f.code for f in a.findings}) == len(a.findings)


@SETTINGS
@given(s=hostile_texts, school=st.one_of(st.none(), schools))
def test_text_analyze(s, school):
    a = text.analyze(s, school=school, now=NOW)
    assert all(f.analyzer == "text" and math.isfinite(f.weight) for f in a.findings)


@SETTINGS
@given(s=hostile_texts.filter(lambda x: x is not None), now=aware_datetimes)
def test_imminence_analyze(s, now):
    a = imminence.analyze(s, now=now)
    assert all(math.isfinite(f.weight) for f in a.findings)
    assert a.when is None or a.when.tzinfo is not None
    assert a.hours_until is None or math.isfinite(a.hours_until)


@SETTINGS
@given(image=image_inputs, school=st.one_of(st.none(), schools))
def test_images_analyze(image, school):
    a = images.analyze(image, school=school, now=NOW)
    codes = [f.code for f in a.findings]
    assert (a.fingerprint is None) == ("image_unreadable" in codes)


@SETTINGS
@given(png=small_images)
def test_fingerprint_of_generated_images_round_trips(png):
    fp = images.fingerprint(png)
    assert images.ImageFingerprint.from_hex(fp.to_hex()) == fp
    assert fp.distance(fp) == 0


@SETTINGS
@given(s=hostile_texts.filter(lambda x: x is not None))
def test_normalize_is_idempotent(s):
    once = text.normalize(s)
    assert text.normalize(once) == once


@SETTINGS
@given(a=hostile_texts.filter(lambda x: x is not None), b=st.text(max_size=100))
def test_similarity_is_bounded_and_symmetric(a, b):
    s = text.similarity(a, b)
    assert 0.0 <= s <= 100.0
    assert abs(s - text.similarity(b, a)) < 1e-9


@SETTINGS
@given(report=reports)
def test_report_round_trips_through_json(report):
    again = ts.Report.from_dict(json.loads(json.dumps(report.to_dict())))
    assert again.to_dict() == report.to_dict()


@SETTINGS
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                *("text", "channel", "received_at", "caller_id", "source_distance_km"),
                *("images", "interview", "awareness", "other_schools_reported", "x"),
            ]
        ),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(),
            st.text(max_size=20),
            st.lists(st.text(max_size=5), max_size=2),
            st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
        ),
        max_size=6,
    )
)
def test_report_from_dict_accepts_or_raises_invalid_report(data):
    fields: list[str] = []
    try:
        r = ts.Report.from_dict(data)
    except ts.InvalidReportError as exc:
        fields = [p.field for p in exc.problems] or ["<no problem listed>"]
    else:
        _valid(ts.assess(r, now=NOW))
    assert all(f.startswith("report") for f in fields)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda c: (
        st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3)
    ),
    max_leaves=8,
)


def _fields_of(names):
    return st.dictionaries(
        st.one_of(st.sampled_from(names), st.text(max_size=5)), json_values, max_size=6
    )


LOADERS = {
    "school": (
        ts.School.from_dict,
        [
            *("name", "aliases", "region", "places", "people", "location"),
            *("timezone", "calendar", "subdivision", "id", "phone_numbers"),
        ],
    ),
    "event": (ts.Event.from_dict, ["name", "start", "end", "kind"]),
    "interview": (ts.Interview.from_dict, ["gave_name", "hung_up", "places_mentioned"]),
    "assessment": (
        ts.Assessment.from_dict,
        ["score", "level", "imminent", "findings", "actions", "when", "schema_version"],
    ),
}


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.sampled_from(sorted(LOADERS)),
    data=st.data(),
)
def test_loaders_accept_or_raise_threatsignals_error(which, data):
    load, names = LOADERS[which]
    value = data.draw(st.one_of(json_values, _fields_of(names)))
    with contextlib.suppress(ts.ThreatSignalsError):
        load(value)


policy_tables = st.fixed_dictionaries(
    {},
    optional={
        "prior": json_values,
        "name": st.text(max_size=5),
        "bands": _fields_of(["moderate", "high"]),
        "windows": _fields_of(["imminent_hours", "wave_hours", "repeat_days"]),
        "thresholds": _fields_of(["repeat_min", "far_km", "conflict_weight"]),
        "weights": _fields_of(["caller_id_blocked", "text_recycled"]),
    },
)


@settings(deadline=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.one_of(json_values, policy_tables))
def test_policy_from_mapping_accepts_or_raises_invalid_policy(table):
    try:
        policy = ts.Policy.from_mapping(table)
    except ts.InvalidPolicyError:
        return
    a = ts.assess(
        ts.Report(text="we will be at maple street tomorrow at 10", received_at=NOW),
        now=NOW,
        policy=policy,
    )
    _valid(a)


any_aware = st.datetimes(
    timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]
    )
)


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    received=st.one_of(st.none(), any_aware),
    now=any_aware,
    words=st.sampled_from(["tomorrow at 10", "on friday at noon", "in 3 days", "hi"]),
)
def test_any_datetime_is_assessed_or_rejected_by_field(received, now, words):
    school = ts.School(name="Oak", timezone="America/Chicago")
    rejected: set[str] = set()
    try:
        report = ts.Report(text=words, channel="phone", received_at=received)
        with ts.Archive.open() as archive:
            archive.add(report, school=school, now=now)
            a = ts.assess(report, school=school, archive=archive, now=now)
    except ts.InvalidInputError as exc:
        rejected = {p.field for p in exc.problems}
    else:
        assert all(r.status == "ok" for r in a.analyzers), a.analyzers
    assert rejected <= {"report.received_at", "now"}
