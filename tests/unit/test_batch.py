from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest

import threatsignals as ts

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def _reports(n: int) -> list[ts.Report]:
    return [
        ts.Report(
            text=f"Message {i}: see you at Maple Street on Friday",
            channel="email",
            received_at=NOW - timedelta(minutes=i),
            id=f"r{i}",
        )
        for i in range(n)
    ]


def test_sequential_matches_assess(school, archive):
    reports = _reports(20)
    got = list(ts.assess_many(iter(reports), school=school, archive=archive, now=NOW))
    assert [a.report_id for a in got] == [f"r{i}" for i in range(20)]
    assert got == [
        ts.assess(r, school=school, archive=archive, now=NOW) for r in reports
    ]


def test_processes_give_the_same_results_in_order(tmp_path, school):
    path = tmp_path / "a.db"
    with ts.Archive.open(path) as archive:
        for i in range(30):
            archive.add(
                ts.Report(
                    text=f"Archived message {i} about the gym",
                    channel="email",
                    received_at=NOW - timedelta(days=1, minutes=i),
                ),
                school=ts.School(name=f"S{i % 5}"),
                outcome="hoax",
                now=NOW,
            )
        reports = _reports(50)
        seq = [
            a.to_json()
            for a in ts.assess_many(reports, school=school, archive=archive, now=NOW)
        ]
        par = [
            a.to_json()
            for a in ts.assess_many(
                reports,
                school=school,
                archive=archive,
                now=NOW,
                workers=2,
                chunk_size=7,
            )
        ]
    assert par == seq


def test_bad_arguments(school):
    with pytest.raises(ts.InvalidInputError):
        list(ts.assess_many(_reports(2), archive=ts.Archive.open(), workers=2))
    with pytest.raises(ts.InvalidInputError):
        list(ts.assess_many(_reports(2), workers=-1))
    with pytest.raises(TypeError):
        list(ts.assess_many([{"text": "x"}]))  # type: ignore[list-item]


def test_progress_needs_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(ts.MissingDependencyError) as info:
        list(ts.assess_many(_reports(1), now=NOW, progress=True))
    assert info.value.extra == "progress"
    assert len(list(ts.assess_many(_reports(3), now=NOW, progress=False))) == 3


def test_records(school):
    assessments = list(ts.assess_many(_reports(3), school=school, now=NOW))
    rows = ts.to_records(assessments)
    assert [r["report_id"] for r in rows] == ["r0", "r1", "r2"]
    assert set(rows[0]) >= {"score", "level", "imminent", "codes", "first_action"}
    per_finding = ts.to_records(assessments, per="finding")
    assert len(per_finding) == sum(len(a.findings) for a in assessments)
    with pytest.raises(ts.InvalidInputError):
        ts.to_records(assessments, per="school")  # type: ignore[arg-type]


def test_dataframe_missing_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ts.MissingDependencyError) as info:
        ts.to_dataframe([])
    assert info.value.extra == "pandas" and "pip install" in str(info.value)


def test_dataframe_with_pandas(school):
    pd = pytest.importorskip("pandas")
    df = ts.to_dataframe(list(ts.assess_many(_reports(2), school=school, now=NOW)))
    assert isinstance(df, pd.DataFrame) and list(df["report_id"]) == ["r0", "r1"]
