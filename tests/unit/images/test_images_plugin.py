"""The built-in images analyzer: report-level behaviour and archive signals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from _images_draw import border, draw, to_bytes

from threatsignals.analyzers import AnalyzerContext
from threatsignals.archive import Archive, derive_report_id
from threatsignals.images._plugin import ANALYZER, ImagesResult
from threatsignals.model import Report, School
from threatsignals.policy import Policy

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SCHOOL = School(name="Lincoln Heights High School", location=(41.88, -87.63))


def _ctx(archive=None, now=NOW) -> AnalyzerContext:
    return AnalyzerContext(school=SCHOOL, archive=archive, now=now, policy=Policy())


@pytest.fixture
def archive():
    with Archive.open() as arc:
        yield arc


def test_identity() -> None:
    assert ANALYZER.name == "images"
    assert ANALYZER.version


def test_report_without_images_is_empty() -> None:
    result = ANALYZER.analyze_report(Report(text="hello"), _ctx())
    assert isinstance(result, ImagesResult)
    assert result.findings == ()


def test_signals_only_for_decodable_images(tmp_path) -> None:
    report = Report(text="x", images=(draw(1), b"junk", tmp_path / "missing.png"))
    signals = list(ANALYZER.signals(report, SCHOOL))
    assert [k for k, _ in signals] == ["image.fp"]
    assert signals[0][1].startswith("dct64:1:")


def test_archive_add_stores_image_signals(archive) -> None:
    rid = archive.add(Report(text="x", images=(draw(1),)), school=SCHOOL, now=NOW)
    assert [s.kind for s in archive.signals_for(rid)].count("image.fp") == 1


def test_own_archived_copy_is_not_a_match(archive) -> None:
    report = Report(text="x", images=(to_bytes(draw(2)),), received_at=NOW)
    archive.add(report, school=SCHOOL, now=NOW)
    result = ANALYZER.analyze_report(report, _ctx(archive))
    assert [f.code for f in result.findings] == ["image_original"]
    other = Report(text="y", images=(to_bytes(border(draw(2))),), received_at=NOW)
    result = ANALYZER.analyze_report(other, _ctx(archive))
    assert [f.code for f in result.findings] == ["image_recycled"]
    assert derive_report_id(report, SCHOOL) in result.findings[0].evidence


def test_several_images_one_bad_and_evidence_by_index(archive, tmp_path) -> None:
    archive.add(
        Report(text="old", images=(draw(3),)),
        school=SCHOOL,
        outcome="hoax",
        now=NOW - timedelta(days=9),
    )
    secret = tmp_path / "student-name-photo.jpg"
    secret.write_bytes(b"not really a jpeg")
    report = Report(
        text="new", images=(to_bytes(draw(3)), str(secret), draw(4)), received_at=NOW
    )
    result = ANALYZER.analyze_report(report, _ctx(archive))
    codes = {f.code: f for f in result.findings}
    assert set(codes) == {"image_recycled", "image_unreadable", "image_original"}
    assert codes["image_recycled"].evidence.startswith("image 1: ")
    assert codes["image_unreadable"].evidence.startswith("image 2: ")
    assert codes["image_original"].evidence.startswith("image 3: ")
    assert all("student" not in f.evidence for f in result.findings)
    assert len(result.images) == 3


def test_same_code_on_several_images_counts_once(archive) -> None:
    report = Report(text="z", images=(draw(5), draw(6)), received_at=NOW)
    result = ANALYZER.analyze_report(report, _ctx(archive))
    assert [f.code for f in result.findings] == ["image_original"]
    assert result.findings[0].weight == Policy().weight("image_original")
    assert "image 1:" in result.findings[0].evidence
    assert "image 2:" in result.findings[0].evidence


def test_received_at_falls_back_to_context_now() -> None:
    from PIL import Image

    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2026:03:02 14:00:00"
    exif.get_ifd(0x8769)[0x9011] = "+00:00"
    data = to_bytes(draw(7), "JPEG", exif=exif)
    result = ANALYZER.analyze_report(Report(text="x", images=(data,)), _ctx())
    assert [f.code for f in result.findings] == ["image_recent_capture"]
    late = ANALYZER.analyze_report(
        Report(text="x", images=(data,)), _ctx(now=NOW + timedelta(days=3))
    )
    assert late.findings == ()


def test_discovery_and_text_only_reports_stay_light() -> None:
    import json
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "from threatsignals.images._plugin import ANALYZER\n"
        "from threatsignals.images import DEFAULT_THRESHOLD\n"
        "from threatsignals.model import Report, School\n"
        "list(ANALYZER.signals(Report(text='x'), School(name='s')))\n"
        "print(json.dumps([m for m in ('numpy', 'PIL', 'scipy', 'imagehash')"
        " if m in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == []


def test_public_names_have_docstrings() -> None:
    from threatsignals import images

    for name in images.__all__:
        obj = getattr(images, name)
        if isinstance(obj, int | str):
            continue
        assert (obj.__doc__ or "").strip(), name
