from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from PIL import Image

import threatsignals as ts
from tests.strategies import reports

CANARY = "CANARY-7f3a91"


def test_report_defaults_and_coercion():
    r = ts.Report(text="hello", channel="email", images=["a.png"])
    assert r.channel is ts.Channel.EMAIL
    assert r.images == ("a.png",)
    iv = ts.Report(interview={"gave_name": False}).interview
    assert isinstance(iv, ts.Interview) and iv.gave_name is False


def test_invalid_report_lists_every_problem_without_values():
    with pytest.raises(ts.InvalidReportError) as info:
        ts.Report(
            channel=CANARY,
            received_at=datetime(2026, 1, 1),  # naive
            source_distance_km=float("nan"),
            other_schools_reported=-1,
            source_country=CANARY,
        )
    err = info.value
    fields = {p.field for p in err.problems}
    assert fields == {
        "report.channel",
        "report.received_at",
        "report.source_distance_km",
        "report.other_schools_reported",
        "report.source_country",
    }
    assert CANARY not in str(err)
    assert isinstance(err, ValueError) and isinstance(err, ts.ThreatSignalsError)
    assert {e["code"] for e in err.errors()} >= {
        "unknown_value",
        "naive_datetime",
        "not_finite",
        "out_of_range",
    }


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": 12},
        {"images": [object()]},
        {"interview": "yes"},
        {"interview": {"gave_name": "yes"}},
        {"local_media": "no"},
        {"other_schools_reported": True},
        {"source_distance_km": -1.0},
        {"source_distance_km": float("inf")},
        {"awareness": "rumour"},
    ],
)
def test_bad_report_fields(kwargs):
    with pytest.raises(ts.InvalidReportError):
        ts.Report(**kwargs)


def test_reprs_mask_content(school):
    r = ts.Report(
        text=CANARY * 3,
        caller_id="+1 312 555 0187",
        channel="phone",
        interview={"places_mentioned": [CANARY]},
    )
    assert CANARY not in repr(r)
    assert "0187" not in repr(r) and "***87" in repr(r)
    assert "<39 chars>" in repr(r)
    assert CANARY not in repr(r.interview)
    s = ts.School(name=CANARY, people=(CANARY,), places=(CANARY,))
    assert CANARY not in repr(s)


def test_school_validation():
    with pytest.raises(ts.InvalidReportError) as info:
        ts.School(name=" ", region="USA", location=(91, 0), timezone="Mars/Olympus")
    assert {p.field for p in info.value.problems} == {
        "school.name",
        "school.region",
        "school.location.latitude",
        "school.timezone",
    }
    s = ts.School(name="X", region="gb", location=[51.5, -0.1], places=["A St"])
    assert s.region == "GB" and s.location == (51.5, -0.1) and s.places == ("A St",)
    assert s.key == "X" and ts.School(name="X", id="x1").key == "x1"


def test_event_validation():
    t = datetime(2026, 5, 1, tzinfo=UTC)
    with pytest.raises(ts.InvalidReportError):
        ts.Event("Finals", t, t - timedelta(days=1))
    with pytest.raises(ts.InvalidReportError):
        ts.Event("Finals", datetime(2026, 5, 1), t)
    ev = ts.Event("Finals", t, t + timedelta(days=2), kind="exam")
    assert ev.covers(t + timedelta(days=1)) and not ev.covers(t + timedelta(days=3))


def test_report_round_trip_with_images(tmp_path):
    img = Image.new("RGB", (4, 4), (200, 10, 10))
    r = ts.Report(
        text="t",
        channel="social_media",
        received_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
        caller_id=None,
        attestation="B",
        interview=ts.Interview(gave_name=True, places_mentioned=("Maple St",)),
        images=(str(tmp_path / "x.png"), b"\x89PNG...", img),
        source_country="us",
        source_distance_km=12.5,
        awareness="student",
        target="gym",
        local_media=True,
        other_schools_reported=2,
        id="r1",
    )
    d = json.loads(json.dumps(r.to_dict()))
    back = ts.Report.from_dict(d)
    assert back.images[0] == str(tmp_path / "x.png")
    assert back.images[1] == b"\x89PNG..."
    assert isinstance(back.images[2], bytes) and back.images[2].startswith(b"\x89PNG")
    assert back.to_dict()["images"][:2] == d["images"][:2]
    assert back.source_country == "US" and back.interview == r.interview
    assert back.received_at == r.received_at


@given(reports)
def test_report_to_dict_from_dict_round_trip(r):
    again = ts.Report.from_dict(json.loads(json.dumps(r.to_dict())))
    assert again.to_dict() == r.to_dict()
    assert again == r


def test_report_from_dict_rejects_unknown_and_bad_json():
    with pytest.raises(ts.InvalidReportError) as info:
        ts.Report.from_dict({"text": "x", "colour": "red"})
    assert info.value.problems[0].code == "unknown_field"
    with pytest.raises(ts.InvalidReportError):
        ts.Report.from_json("{not json")
    with pytest.raises(ts.InvalidReportError):
        ts.Report.from_dict(["not", "a", "dict"])  # type: ignore[arg-type]
    with pytest.raises(ts.InvalidReportError):
        ts.Report.from_dict({"received_at": "yesterday"})
    with pytest.raises(ts.InvalidReportError):
        ts.Report.from_dict({"images": [{"base64": "***"}]})


def test_school_round_trip_and_files(tmp_path):
    t = datetime(2026, 5, 11, 7, tzinfo=UTC)
    s = ts.School(
        name="A",
        aliases=("B",),
        places=("P",),
        people=("Q",),
        location=(1.0, 2.0),
        timezone="America/Chicago",
        calendar=(ts.Event("Finals", t, t + timedelta(days=4), "exam"),),
        subdivision="IL",
        id="a",
    )
    assert ts.School.from_dict(json.loads(json.dumps(s.to_dict()))) == s
    (tmp_path / "s.json").write_text(json.dumps(s.to_dict()))
    assert ts.School.from_file(tmp_path / "s.json") == s
    (tmp_path / "s.toml").write_text(
        '[school]\nname = "A"\naliases = ["B"]\nplaces = ["P"]\npeople = ["Q"]\n'
        'location = [1.0, 2.0]\ntimezone = "America/Chicago"\nsubdivision = "IL"\nid = "a"\n'
        '[[school.calendar]]\nname = "Finals"\nstart = 2026-05-11T07:00:00Z\n'
        'end = 2026-05-15T07:00:00Z\nkind = "exam"\n'
    )
    assert ts.School.from_file(tmp_path / "s.toml") == s
    (tmp_path / "bad.toml").write_text("name = ")
    with pytest.raises(ts.InvalidReportError):
        ts.School.from_file(tmp_path / "bad.toml")
    with pytest.raises(ts.InvalidReportError):
        ts.School.from_file(tmp_path / "missing.json")


def test_interview_coerce_is_lenient():
    iv = ts.Interview.coerce(
        {"gave_name": "no", "hung_up": True, "places_mentioned": 5, "extra": 1}
    )
    assert iv == ts.Interview(hung_up=True)
    assert ts.Interview.coerce(["x"]) is None
    assert ts.Interview.coerce({"places_mentioned": "Maple St"}).places_mentioned == (
        "Maple St",
    )


def test_assessment_round_trip_and_html():
    a = ts.Assessment(
        score=61.2,
        level=ts.Level.MODERATE,
        imminent=True,
        when=datetime(2026, 3, 11, 16, 0, tzinfo=UTC),
        findings=(ts.Finding("text_names_person", "text", 0.5, "<b>names</b>", "ref"),),
        actions=(ts.Action("a", "do <x>", "ref"),),
        open_questions=(ts.Question("q", "why?", "ref"),),
        analyzers=(ts.AnalyzerRun("text", "1.0", "ok", None, 1),),
        assessed_at=datetime(2026, 3, 10, tzinfo=UTC),
        report_id="r1",
    )
    back = ts.Assessment.from_dict(json.loads(a.to_json()))
    assert back == a
    assert ts.Assessment.from_json(a.to_json()) == a
    html = a._repr_html_()
    assert "<b>names</b>" not in html and "&lt;b&gt;names&lt;/b&gt;" in html
    assert "do &lt;x&gt;" in html
    with pytest.raises(ts.InvalidReportError):
        ts.Assessment.from_dict({**a.to_dict(), "schema_version": 99})
    with pytest.raises(ts.InvalidReportError):
        ts.Assessment.from_dict({"score": 1})
