"""Signal exchange between organisations: fingerprints in, no content out."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import jsonschema
import pytest
from PIL import Image, ImageDraw

import threatsignals as ts
from threatsignals._cli import main
from threatsignals._schema import signals_schema

NOW = datetime(2026, 4, 20, 15, 0, tzinfo=UTC)
TEMPLATE = (
    "Attention {school}. Several devices are hidden inside the building and will be "
    "set off at {time} today unless {amount} is sent to wallet {wallet}. Do not call "
    "the police or everyone will regret it."
)


def _wave_report(school: ts.School, i: int, hours_ago: float) -> ts.Report:
    return ts.Report(
        text=TEMPLATE.format(
            school=school.name,
            time=f"{9 + i % 3}:{15 + i}",
            amount=f"${1500 + 100 * i}",
            wallet=f"bc1qwave{i}abcdefgh",
        ),
        channel="email",
        received_at=NOW - timedelta(hours=hours_ago),
    )


def _photo(seed: int) -> Image.Image:
    im = Image.new("RGB", (240, 180), (40 + seed, 80, 140))
    d = ImageDraw.Draw(im)
    for k in range(12):
        x, y = (k * 37 + seed * 11) % 200, (k * 53 + seed * 7) % 140
        d.rectangle(
            (x, y, x + 30, y + 25), fill=((k * 40) % 255, (seed * 60) % 255, 90)
        )
    return im


@pytest.fixture
def district_a():
    a = ts.Archive.open()
    schools = [
        ts.School(name=f"{n} High School", id=f"a-{n.lower()}", subdivision="OH")
        for n in ("Oakmont", "Birchwood", "Cedar Falls")
    ]
    for i, s in enumerate(schools):
        a.add(
            _wave_report(s, i, hours_ago=10 - 2 * i), school=s, outcome="hoax", now=NOW
        )
    a.add(
        ts.Report(
            text="A photo was posted with a threat",
            channel="social_media",
            received_at=NOW - timedelta(days=3),
            images=(_photo(1),),
        ),
        school=schools[0],
        outcome="credible",
        now=NOW,
    )
    yield a
    a.close()


def test_round_trip_is_idempotent_and_keeps_provenance(tmp_path, district_a):
    out = tmp_path / "a.jsonl"
    assert district_a.export_signals(out, org="district-a", now=NOW) == 4
    validator = jsonschema.Draft202012Validator(signals_schema())
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    for rec in lines:
        validator.validate(rec)
    assert lines[0]["type"] == "header" and lines[0]["count"] == 4
    assert all(r["time"].endswith(":00:00+00:00") for r in lines[1:])
    b = ts.Archive.open()
    first = b.import_signals(out, now=NOW)
    assert (first.org, first.added, first.duplicates, first.rejected) == (
        "district-a",
        4,
        0,
        (),
    )
    again = b.import_signals(out, now=NOW)
    assert (again.added, again.duplicates) == (0, 4)
    assert len(b) == 4
    assert {r.origin for r in b.reports()} == {"district-a"}
    # a second export is byte-identical (stable ids and tokens)
    out2 = tmp_path / "a2.jsonl"
    district_a.export_signals(out2, org="district-a", now=NOW)
    assert out.read_bytes() == out2.read_bytes()
    # imported reports are not re-exported as one's own
    assert b.export_signals(tmp_path / "b.jsonl", org="district-b", now=NOW) == 0


def test_imported_signals_take_part_in_matching(tmp_path, district_a):
    out = tmp_path / "a.jsonl"
    district_a.export_signals(out, org="district-a", now=NOW)
    b = ts.Archive.open()
    b.import_signals(out, now=NOW)
    mine = ts.School(name="Elm Grove High School", id="b-elm")
    a = ts.assess(_wave_report(mine, 7, hours_ago=0), school=mine, archive=b, now=NOW)
    assert a.has("text_recycled") and a.has("text_wave")
    wave = next(f for f in a.findings if f.code == "text_wave")
    assert "reported by 1 other organisation" in wave.evidence
    for name in ("Oakmont", "Birchwood", "Cedar"):
        assert name not in a.to_json()
    # images: the credible photo, re-posted elsewhere, matches the imported fingerprint
    photo = ts.assess(
        ts.Report(
            text="look",
            channel="social_media",
            received_at=NOW,
            images=(_photo(1).resize((200, 150)),),
        ),
        school=mine,
        archive=b,
        now=NOW,
    )
    assert photo.has("image_matches_credible"), photo.codes


def test_without_import_no_match(district_a):
    mine = ts.School(name="Elm Grove High School", id="b-elm")
    a = ts.assess(
        _wave_report(mine, 7, hours_ago=0),
        school=mine,
        archive=ts.Archive.open(),
        now=NOW,
    )
    assert not a.has("text_recycled") and not a.has("text_wave")


def test_export_reveals_no_content(tmp_path):
    canary = "qx9canary"
    a = ts.Archive.open()
    for i in range(20):
        school = ts.School(
            name=f"{canary} School {i}",
            people=(f"Ms. {canary}son",),
            places=(f"{canary} Street",),
            phone_numbers=("+13125550142",),
            id=f"{canary}-{i}",
        )
        a.add(
            ts.Report(
                text=f"{canary} will be at {canary} Street with Ms. {canary}son at "
                f"noon; call +1 312 555 0142 {canary}{i}",
                channel="phone",
                caller_id="+13125550142",
                received_at=NOW - timedelta(hours=i),
            ),
            school=school,
            now=NOW,
        )
    out = tmp_path / "x.jsonl"
    a.export_signals(out, org="district-x", now=NOW)
    data = out.read_text()
    assert canary not in data.lower()
    assert "555" not in re.sub(
        r"[0-9a-f]{16,}", "", data
    )  # no phone digits outside hashes
    assert "street" not in data.lower() and "noon" not in data
    named = tmp_path / "named.jsonl"
    a.export_signals(named, org="district-x", include_school_names=True, now=NOW)
    assert f"{canary}-3" in named.read_text()  # only when the exporter opts in


def test_bad_lines_are_reported_and_skipped(tmp_path, district_a):
    out = tmp_path / "a.jsonl"
    district_a.export_signals(out, org="district-a", now=NOW)
    lines = out.read_text().splitlines()
    good = json.loads(lines[1])
    bad = [
        "{not json",
        json.dumps({**good, "channel": "fax"}),
        json.dumps({**good, "text": {**good["text"], "bands": "zz"}}),
        json.dumps({**good, "org": "someone-else"}),
        json.dumps({**good, "colour": "red"}),
        json.dumps({**good, "time": "yesterday"}),
        json.dumps({**good, "images": ["not-a-fingerprint"]}),
        json.dumps([1, 2]),
    ]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([lines[0], *bad, *lines[1:]]) + "\n")
    b = ts.Archive.open()
    result = b.import_signals(mixed, now=NOW)
    assert [n for n, _ in result.rejected] == list(range(2, 2 + len(bad)))
    assert result.added == 4
    assert all(
        "red" not in reason and "fax" not in reason for _, reason in result.rejected
    )


@pytest.mark.parametrize(
    ("header", "error"),
    [
        (
            {
                "type": "header",
                "format": "threatsignals.signals",
                "version": 99,
                "org": "o",
            },
            ts.ArchiveError,
        ),
        (
            {"type": "header", "format": "something.else", "version": 1, "org": "o"},
            ts.InvalidInputError,
        ),
        (
            {
                "type": "header",
                "format": "threatsignals.signals",
                "version": 1,
                "org": "bad org",
            },
            ts.InvalidInputError,
        ),
    ],
)
def test_bad_headers(tmp_path, header, error):
    p = tmp_path / "h.jsonl"
    p.write_text(json.dumps(header) + "\n")
    with pytest.raises(error):
        ts.Archive.open().import_signals(p)


def test_bad_org_and_empty_file(tmp_path, district_a):
    with pytest.raises(ts.InvalidInputError):
        district_a.export_signals(tmp_path / "x.jsonl", org="not ok!")
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(ts.InvalidInputError):
        district_a.import_signals(tmp_path / "empty.jsonl")


def test_cli_export_import(tmp_path, capsys, district_a):
    db_a = tmp_path / "a.db"
    district_a.backup(db_a)
    out = tmp_path / "s.jsonl"
    assert (
        main(
            [
                "archive",
                "export",
                "--archive",
                str(db_a),
                "--org",
                "district-a",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "exported 4" in capsys.readouterr().err
    db_b = tmp_path / "b.db"
    assert main(["archive", "import", str(out), "--archive", str(db_b)]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 4
