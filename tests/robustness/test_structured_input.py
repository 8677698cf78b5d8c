"""Structured input: a clear error naming the field, never echoing the value.

Every bad value below carries the marker ``SECRET``; no message may contain it.
The CLI turns each into exit code 2 and exactly one line on stderr.
"""

from __future__ import annotations

import contextlib
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

import threatsignals as ts
from threatsignals._cli import main

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
NAIVE = datetime(2026, 3, 10, 15, 0)
NAN, INF = float("nan"), float("inf")
#: Aware datetimes with no UTC equivalent (year 0 and year 10000 in UTC).
BEYOND_UTC = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))
LATE_BEYOND_UTC = datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-12)))
MARK = "SECRET"
SECRET_SCHOOL = ts.School(name="x")

#: name -> (callable building the bad object, field the error must name)
PY_CASES = {
    "unknown_channel": (lambda: ts.Report(channel="SECRET-fax"), "report.channel"),
    "channel_wrong_type": (lambda: ts.Report(channel=[MARK]), "report.channel"),
    "naive_received_at": (lambda: ts.Report(received_at=NAIVE), "report.received_at"),
    "received_at_string": (lambda: ts.Report(received_at=MARK), "report.received_at"),
    "distance_nan": (
        lambda: ts.Report(source_distance_km=NAN),
        "report.source_distance_km",
    ),
    "distance_inf": (
        lambda: ts.Report(source_distance_km=INF),
        "report.source_distance_km",
    ),
    "distance_negative": (
        lambda: ts.Report(source_distance_km=-3.5),
        "report.source_distance_km",
    ),
    "distance_string": (
        lambda: ts.Report(source_distance_km=MARK),
        "report.source_distance_km",
    ),
    "distance_bool": (
        lambda: ts.Report(source_distance_km=True),
        "report.source_distance_km",
    ),
    "text_bytes": (lambda: ts.Report(text=MARK.encode()), "report.text"),
    "caller_id_int": (lambda: ts.Report(caller_id=5551234), "report.caller_id"),
    "attestation_list": (lambda: ts.Report(attestation=[MARK]), "report.attestation"),
    "images_int": (lambda: ts.Report(images=5), "report.images[0]"),
    "interview_string": (lambda: ts.Report(interview=MARK), "report.interview"),
    "interview_flag": (
        lambda: ts.Report(interview={"hung_up": MARK}),
        "report.interview.hung_up",
    ),
    "other_schools_nan": (
        lambda: ts.Report(other_schools_reported=NAN),
        "report.other_schools_reported",
    ),
    "other_schools_negative": (
        lambda: ts.Report(other_schools_reported=-1),
        "report.other_schools_reported",
    ),
    "awareness": (lambda: ts.Report(awareness=MARK), "report.awareness"),
    "source_country": (lambda: ts.Report(source_country=MARK), "report.source_country"),
    "local_media": (lambda: ts.Report(local_media=MARK), "report.local_media"),
    "school_name_none": (lambda: ts.School(name=None), "school.name"),
    "school_name_blank": (lambda: ts.School(name="  "), "school.name"),
    "school_location_nan": (
        lambda: ts.School(name="x", location=(NAN, 0.0)),
        "school.location.latitude",
    ),
    "school_location_inf": (
        lambda: ts.School(name="x", location=(0.0, INF)),
        "school.location.longitude",
    ),
    "school_location_range": (
        lambda: ts.School(name="x", location=(91.0, 0.0)),
        "school.location.latitude",
    ),
    "school_location_text": (
        lambda: ts.School(name="x", location=MARK),
        "school.location",
    ),
    "school_timezone": (lambda: ts.School(name="x", timezone=MARK), "school.timezone"),
    "school_region": (lambda: ts.School(name="x", region=MARK), "school.region"),
    "school_places": (
        lambda: ts.School(name="x", places=("ok", 5)),
        "school.places[1]",
    ),
    "school_calendar": (
        lambda: ts.School(name="x", calendar=(MARK,)),
        "school.calendar[0]",
    ),
    "event_naive": (lambda: ts.Event("e", NAIVE, NAIVE), "event.start"),
    "event_backwards": (
        lambda: ts.Event("e", NOW, NOW.replace(year=2025)),
        "event.end",
    ),
    "unknown_report_key": (
        lambda: ts.Report.from_dict({"SECRET with spaces\nand a newline": 1}),
        "report.<unnamed field>",
    ),
    "unknown_interview_key": (
        lambda: ts.Report(interview={"SECRET\n": True}),
        "report.interview.<unnamed field>",
    ),
    "from_dict_not_object": (lambda: ts.Report.from_dict([MARK]), "report"),
    "from_dict_bad_time": (
        lambda: ts.Report.from_dict({"received_at": MARK}),
        "report.received_at",
    ),
    "from_dict_naive_time": (
        lambda: ts.Report.from_dict({"received_at": "2026-03-10T10:00:00"}),
        "report.received_at",
    ),
    "from_dict_bad_base64": (
        lambda: ts.Report.from_dict({"images": [{"base64": "!SECRET!"}]}),
        "report.images[0]",
    ),
    "from_json_invalid": (lambda: ts.Report.from_json("{SECRET"), "report"),
    "from_json_deep": (
        lambda: ts.Report.from_json("[" * 100_000 + "]" * 100_000),
        "report",
    ),
    "assessment_from_json_deep": (
        lambda: ts.Assessment.from_json("[" * 100_000),
        "assessment",
    ),
    "report_id_surrogate": (lambda: ts.Report(id="SECRET\ud800"), "report.id"),
    "school_name_surrogate": (lambda: ts.School(name="SECRET\udc00"), "school.name"),
    "school_id_surrogate": (
        lambda: ts.School(name="x", id="\udfffSECRET"),
        "school.id",
    ),
    "school_subdivision_surrogate": (
        lambda: ts.School(name="x", subdivision="\ud800"),
        "school.subdivision",
    ),
    "policy_prior_huge_negative": (lambda: ts.Policy(prior=-710), "prior"),
    "policy_repeat_days_huge": (lambda: ts.Policy(repeat_days=1e18), "repeat_days"),
    "policy_wave_hours_huge": (lambda: ts.Policy(wave_hours=1e308), "wave_hours"),
    "policy_mapping_prior": (
        lambda: ts.Policy.from_mapping({"prior": -1e6}),
        "prior",
    ),
    "received_at_beyond_utc": (
        lambda: ts.Report(received_at=BEYOND_UTC),
        "report.received_at",
    ),
    "event_beyond_utc": (lambda: ts.Event("e", NOW, LATE_BEYOND_UTC), "event.end"),
    "assess_now_beyond_utc": (lambda: ts.assess(ts.Report(), now=BEYOND_UTC), "now"),
    "text_now_beyond_utc": (lambda: ts.text.analyze("x", now=BEYOND_UTC), "now"),
    "archive_now_beyond_utc": (
        lambda: ts.Archive.open().add(
            ts.Report(), school=SECRET_SCHOOL, now=BEYOND_UTC
        ),
        "now",
    ),
    "policy_nan": (lambda: ts.Policy(prior=NAN), "prior"),
    "policy_weight_nan": (
        lambda: ts.Policy(weights={"caller_id_blocked": NAN}),
        "weights.caller_id_blocked",
    ),
    "archive_outcome": (
        lambda: ts.Archive.open().add(ts.Report(), school=SECRET_SCHOOL, outcome=MARK),
        "outcome",
    ),
    "archive_naive_now": (
        lambda: ts.Archive.open().add(ts.Report(), school=SECRET_SCHOOL, now=NAIVE),
        "now",
    ),
}


@pytest.mark.parametrize("name", list(PY_CASES))
def test_clear_error_names_the_field_without_the_value(name):
    make, field = PY_CASES[name]
    with pytest.raises(ts.ThreatSignalsError) as info:
        make()
    message = str(info.value)
    assert field in message
    assert MARK not in message
    assert "\n" not in message
    if isinstance(info.value, ts.InvalidInputError):
        assert any(p.field.startswith(field) for p in info.value.problems)
        for p in info.value.errors():
            assert MARK not in json.dumps(p)


WRONG_PY_TYPES = {
    "assess_dict": lambda: ts.assess({"text": MARK}),
    "assess_school": lambda: ts.assess(ts.Report(), school=MARK),
    "assess_archive": lambda: ts.assess(ts.Report(), archive=MARK),
    "assess_policy": lambda: ts.assess(ts.Report(), policy=MARK),
    "assess_now": lambda: ts.assess(ts.Report(), now=MARK),
    "archive_add_report": lambda: ts.Archive.open().add(MARK, school=SECRET_SCHOOL),
    "archive_add_school": lambda: ts.Archive.open().add(ts.Report(), school=MARK),
    "text_analyze": lambda: ts.text.analyze(b"SECRET"),
    "imminence_analyze": lambda: ts.imminence.analyze(12345),
    "phone_region": lambda: ts.phone.analyze("x", region=5),
    "images_analyze": lambda: ts.images.analyze(3.5),
    "images_now_naive": lambda: ts.images.analyze(b"", now=NAIVE),
}


@pytest.mark.parametrize("name", list(WRONG_PY_TYPES))
def test_wrong_python_types_raise_type_error(name):
    with pytest.raises(TypeError) as info:
        WRONG_PY_TYPES[name]()
    assert MARK not in str(info.value)


def test_naive_now_is_read_in_the_school_zone_not_rejected():
    school = ts.School(name="x", timezone="America/Chicago")
    a = ts.assess(ts.Report(text="hello"), school=school, now=NAIVE)
    assert a.assessed_at is not None and a.assessed_at.utcoffset() is not None


# ---------------------------------------------------------------------------
# the CLI: exit 2, one line on stderr, no value echoed

CLI_INPUTS = {
    "invalid_json": "{SECRET",
    "truncated_json": '{"text": "SECRET',
    "deep_array": "[" * 100_000 + "]" * 100_000,
    "deep_object": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "nan_distance": '{"text": "SECRET", "source_distance_km": NaN}',
    "inf_distance": '{"text": "SECRET", "source_distance_km": 1e999}',
    "negative_distance": '{"text": "SECRET", "source_distance_km": -5}',
    "unknown_channel": '{"text": "x", "channel": "SECRET"}',
    "naive_datetime": '{"text": "SECRET", "received_at": "2026-03-10T10:00:00"}',
    "wrong_type_text": '{"text": 12345}',
    "interview_flag": '{"interview": {"gave_name": "SECRET"}}',
    "unknown_key_newline": '{"SECRET\\nsecond line": 1}',
    "huge_int": '{"other_schools_reported": ' + "9" * 5000 + "}",
    "not_an_object": '"SECRET"',
    "null": "null",
    "jsonl_second_bad": '{"text": "a"}\n{SECRET',
    "bad_base64": '{"images": [{"base64": "!!SECRET"}]}',
    "images_not_list": '{"images": "SECRET"}',
    "control_char": '{"text": "SECRET\x01"}',
    "bom": '\ufeff{"text": "SECRET"}',
    "empty": "   \n",
    "surrogate_id": '{"text": "SECRET", "id": "\\ud800"}',
}


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", list(CLI_INPUTS))
def test_cli_exits_2_with_one_line(name, tmp_path):
    path = tmp_path / "in.json"
    path.write_text(CLI_INPUTS[name], encoding="utf-8")
    code, out, err = run_cli(
        ["assess", str(path), "--no-archive", "--now", NOW.isoformat()]
    )
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and err.endswith("\n")
    assert err.startswith("threatsignals: error: ")
    assert MARK not in err


def test_cli_names_the_field(tmp_path):
    path = tmp_path / "in.json"
    path.write_text('{"text": "x", "source_distance_km": -1}', encoding="utf-8")
    _, _, err = run_cli(["assess", str(path), "--no-archive"])
    assert "report.source_distance_km" in err


def test_cli_undecodable_file_and_bad_school(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe\x00SECRET")
    code, _, err = run_cli(["assess", str(bad), "--no-archive"])
    assert code == 2 and len(err.splitlines()) == 1 and MARK not in err
    ok = tmp_path / "ok.json"
    ok.write_text('{"text": "x"}', encoding="utf-8")
    school = tmp_path / "school.json"
    school.write_text('{"name": "x", "location": [NaN, 0]}', encoding="utf-8")
    code, _, err = run_cli(["assess", str(ok), "--no-archive", "--school", str(school)])
    assert (
        code == 2 and "school.location.latitude" in err and len(err.splitlines()) == 1
    )
    school.write_text("[" * 100_000, encoding="utf-8")
    code, _, err = run_cli(["assess", str(ok), "--no-archive", "--school", str(school)])
    assert code == 2 and len(err.splitlines()) == 1


@pytest.mark.parametrize("now", ["SECRET", "2026-13-45T99:00"])
def test_cli_bad_now(now, tmp_path):
    ok = tmp_path / "ok.json"
    ok.write_text('{"text": "x"}', encoding="utf-8")
    code, _, err = run_cli(["assess", str(ok), "--no-archive", "--now", now])
    assert code == 2 and "--now" in err and MARK not in err
    assert len(err.splitlines()) == 1


def test_surrogates_in_content_are_archived_and_printed(tmp_path):
    # Lone surrogates are legal JSON escapes; in content (text, places, caller
    # IDs) they must be stored and assessed, and the CLI output must encode.
    school = ts.School(
        name="Oak School",
        places=("\ud800 street",),
        people=("\udc00x",),
        aliases=("\udfff",),
    )
    report = ts.Report(
        text="hi \ud800 street \udc00x oak school",
        caller_id="\ud800",
        target="\ud800",
        interview={"places_mentioned": ["\ud800"]},
        received_at=NOW,
    )
    with ts.Archive.open() as archive:
        archive.add(report, school=school, now=NOW)
        a = ts.assess(report, school=school, archive=archive, now=NOW)
    assert all(r.status == "ok" for r in a.analyzers)
    a.to_json().encode("utf-8")
    path = tmp_path / "in.json"
    path.write_text('{"text": "we meet at \\ud800 maple street"}', encoding="utf-8")
    code, out, err = run_cli(["assess", str(path), "--no-archive"])
    assert code == 0 and err == ""
    out.encode("utf-8")


@pytest.mark.parametrize(
    "mode", ["CMYK", "YCbCr", "LAB", "HSV", "RGBa", "F", "I;16", "1", "P", "LA"]
)
def test_report_to_dict_accepts_every_pil_mode(mode):
    from PIL import Image

    report = ts.Report(text="x", images=(Image.new(mode, (6, 5)),))
    data = json.loads(json.dumps(report.to_dict()))
    again = ts.Report.from_dict(data)
    with Image.open(io.BytesIO(again.images[0])) as img:
        assert img.size == (6, 5)


def test_report_to_dict_names_an_unwritable_image():
    from PIL import Image

    report = ts.Report(images=(Image.new("RGB", (2, 2)), Image.new("La", (2, 2))))
    with pytest.raises(ts.InvalidReportError) as info:
        report.to_dict()
    assert info.value.problems[0].field == "report.images[1]"


@pytest.mark.parametrize(
    "when",
    [datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, 59, tzinfo=UTC)],
)
def test_zero_and_far_dates_are_assessed(when):
    # 0001-01-01 is a common "no date" sentinel of other systems.
    school = ts.School(name="Oak", timezone="America/Chicago")
    report = ts.Report(text="tomorrow at 10", channel="phone", received_at=when)
    with ts.Archive.open() as archive:
        archive.add(report, school=school, now=when)
        for now in (when, NOW):
            a = ts.assess(report, school=school, archive=archive, now=now)
            assert all(r.status == "ok" for r in a.analyzers), a.analyzers
