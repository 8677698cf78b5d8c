"""Copies of one threat at one school are not "repeated threats" (context findings).

Found by benchmarks/bench_scenarios.py (same_post_reported_by_several_students):
three students sent the same post this morning; the text analyzer already treats
them as the same threat reported again, but ``repeated_threats_same_target`` counted
them as earlier threats.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import threatsignals as ts
from threatsignals._assess import context_findings

NOW = datetime(2026, 3, 11, 15, 30, tzinfo=UTC)
POST = "Someone is going to shoot up LHHS on Friday. Stay home."
OTHER = "You had your warning. Watch the north doors next week."


def _archive(school: ts.School, items: list[tuple[str, str, timedelta]]) -> ts.Archive:
    archive = ts.Archive.open()
    for rid, text, age in items:
        report = ts.Report(
            id=rid, text=text, channel="social_media", received_at=NOW - age
        )
        archive.add(report, school=school, outcome="unknown", now=NOW - age)
    return archive


def _codes(school: ts.School, archive: ts.Archive) -> set[str]:
    report = ts.Report(id="new", text=POST, channel="social_media", received_at=NOW)
    return set(ts.assess(report, school=school, archive=archive, now=NOW).codes)


def test_copies_of_the_same_post_are_one_threat(school: ts.School) -> None:
    items = [(f"copy-{i}", POST, timedelta(minutes=30 * (i + 1))) for i in range(3)]
    with _archive(school, items) as archive:
        codes = _codes(school, archive)
    assert "repeated_threats_same_target" not in codes
    assert "text_recycled" not in codes


def test_a_different_earlier_threat_still_counts(school: ts.School) -> None:
    items = [
        ("copy-0", POST, timedelta(minutes=30)),
        ("earlier", OTHER, timedelta(days=5)),
    ]
    with _archive(school, items) as archive:
        codes = _codes(school, archive)
    assert "repeated_threats_same_target" in codes


def test_the_same_text_outside_the_wave_window_is_a_repeat(school: ts.School) -> None:
    # Ten days later the same text at the same school is a second threat.
    with _archive(school, [("old", POST, timedelta(days=10))]) as archive:
        codes = _codes(school, archive)
    assert "repeated_threats_same_target" in codes


def test_context_findings_accepts_same_threat_ids(school: ts.School) -> None:
    with _archive(school, [("copy-0", POST, timedelta(minutes=30))]) as archive:
        report = ts.Report(id="new", text=POST, received_at=NOW)
        policy = ts.Policy()
        kw = {"school": school, "archive": archive, "now": NOW, "policy": policy}
        before = context_findings(report, **kw)
        after = context_findings(report, same_threat={"copy-0"}, **kw)
    assert [f.code for f in before] == ["repeated_threats_same_target"]
    assert after == []
