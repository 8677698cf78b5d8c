"""images.analyze and the stock bank: findings, weights, EXIF, archive matching."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from _images_draw import caption, draw, mirror, to_bytes
from PIL import Image

from threatsignals.archive import Archive, ArchivedReport, Outcome
from threatsignals.guidance import REF_IMAGES, REF_RECYCLED
from threatsignals.images import STOCK_BANK, ImageFingerprint, add_stock, analyze
from threatsignals.model import Report, School
from threatsignals.policy import Policy

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SCHOOL = School(
    name="Lincoln Heights High School",
    location=(41.88, -87.63),
    timezone="America/Chicago",
)


def _codes(result) -> list[str]:
    return [f.code for f in result.findings]


@pytest.fixture
def archive():
    with Archive.open() as arc:
        yield arc


def _archive_image(arc: Archive, image, outcome: str = "hoax", text: str = "x") -> str:
    report = Report(text=text, images=(image,), received_at=NOW - timedelta(days=5))
    return arc.add(report, school=SCHOOL, outcome=outcome, now=NOW - timedelta(days=5))


def _exif_jpeg(
    img: Image.Image,
    *,
    when: str | None = None,
    offset: str | None = None,
    gps: tuple[float, float] | None = None,
) -> bytes:
    exif = Image.Exif()
    if when is not None:
        sub = exif.get_ifd(0x8769)
        sub[0x9003] = when
        if offset is not None:
            sub[0x9011] = offset
    if gps is not None:
        g = exif.get_ifd(0x8825)
        lat, lon = gps
        g[1] = "N" if lat >= 0 else "S"
        g[2] = (abs(lat), 0.0, 0.0)
        g[3] = "E" if lon >= 0 else "W"
        g[4] = (abs(lon), 0.0, 0.0)
    return to_bytes(img, "JPEG", quality=92, exif=exif)


# -- matching --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "code", "weight"),
    [
        ("hoax", "image_recycled", -0.5),
        ("unknown", "image_recycled", -0.5),
        ("credible", "image_matches_credible", 0.6),
    ],
)
def test_archived_match(archive, outcome: str, code: str, weight: float) -> None:
    rid = _archive_image(archive, to_bytes(draw(1)), outcome)
    result = analyze(to_bytes(mirror(draw(1))), school=SCHOOL, archive=archive, now=NOW)
    assert _codes(result) == [code]
    finding = result.findings[0]
    assert finding.weight == weight
    assert finding.analyzer == "images"
    assert finding.guidance == REF_RECYCLED
    assert rid in finding.evidence
    assert "distance" in finding.evidence
    assert result.matches[0].key == rid
    assert result.matches[0].outcome == outcome


def test_credible_wins_over_hoax(archive) -> None:
    _archive_image(archive, to_bytes(draw(1)), "hoax", text="a")
    _archive_image(archive, to_bytes(caption(draw(1))), "credible", text="b")
    result = analyze(draw(1), archive=archive, now=NOW)
    assert _codes(result) == ["image_matches_credible"]
    assert len(result.matches) == 2


def test_original_when_nothing_matches(archive) -> None:
    _archive_image(archive, to_bytes(draw(1)))
    result = analyze(draw(2), school=SCHOOL, archive=archive, now=NOW)
    assert _codes(result) == ["image_original"]
    assert result.findings[0].weight == 0.15
    assert result.findings[0].guidance == REF_IMAGES
    assert result.matches == ()


def test_no_archive_means_no_matching_claims() -> None:
    assert _codes(analyze(draw(2), now=NOW)) == []


def test_archive_index_refreshes_after_new_reports(archive) -> None:
    assert _codes(analyze(draw(3), archive=archive, now=NOW)) == ["image_original"]
    _archive_image(archive, draw(3))
    assert _codes(analyze(draw(3), archive=archive, now=NOW)) == ["image_recycled"]


def test_deleted_reports_are_not_matched(archive) -> None:
    rid = _archive_image(archive, draw(3))
    assert _codes(analyze(draw(3), archive=archive, now=NOW)) == ["image_recycled"]
    archive.delete(rid)
    assert _codes(analyze(draw(3), archive=archive, now=NOW)) == ["image_original"]


def test_imported_matches_name_organisations_not_schools(archive) -> None:
    fp = analyze(draw(4)).fingerprint
    assert fp is not None
    for i, org in enumerate(("org-a", "org-b", "org-b")):
        archive.add_record(
            ArchivedReport(
                id=f"imp-{i}",
                school="Secret Middle School",
                channel="email",
                received_at=NOW - timedelta(days=2),
                added_at=NOW - timedelta(days=1),
                outcome=Outcome.HOAX,
                origin=org,
            ),
            [("image.fp", fp.to_hex())],
        )
    result = analyze(draw(4), archive=archive, now=NOW)
    assert _codes(result) == ["image_recycled"]
    evidence = result.findings[0].evidence
    assert "reported by 2 other organisations" in evidence
    assert "Secret" not in evidence
    assert "imp-" not in evidence


def test_malformed_archived_fingerprints_are_skipped(archive) -> None:
    archive.add_record(
        ArchivedReport(
            id="bad",
            school="s",
            channel="email",
            received_at=NOW,
            added_at=NOW,
            outcome=Outcome.HOAX,
        ),
        [("image.fp", "garbage")],
    )
    assert _codes(analyze(draw(5), archive=archive, now=NOW)) == ["image_original"]


def test_weights_come_from_the_policy(archive) -> None:
    add_stock(archive, [("logo.png", draw(6))])
    policy = Policy(weights={"image_stock": -1.25})
    result = analyze(draw(6), archive=archive, now=NOW, policy=policy)
    assert [(f.code, f.weight) for f in result.findings] == [("image_stock", -1.25)]


# -- stock bank ------------------------------------------------------------------


def test_add_stock_directory_stores_fingerprints_only(archive, tmp_path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.jpg").write_bytes(to_bytes(draw(7)))
    (tmp_path / "sub" / "b.png").write_bytes(to_bytes(draw(8), "PNG"))
    (tmp_path / "notes.txt").write_text("not an image")
    (tmp_path / "broken.jpg").write_bytes(b"broken")
    (tmp_path / "flat.png").write_bytes(to_bytes(Image.new("RGB", (50, 50)), "PNG"))
    assert add_stock(archive, tmp_path) == 2
    assert add_stock(archive, str(tmp_path)) == 0  # re-adding is a no-op
    entries = archive.bank_entries(STOCK_BANK, "image.fp")
    assert sorted(e.report_id for e in entries) == ["a.jpg", "sub/b.png"]
    for e in entries:
        assert ImageFingerprint.from_hex(e.value)
    result = analyze(to_bytes(caption(draw(8))), archive=archive, now=NOW)
    assert _codes(result) == ["image_stock"]
    assert "sub/b.png" in result.findings[0].evidence


def test_add_stock_accepts_bytes_pil_and_pairs(archive, tmp_path) -> None:
    path = tmp_path / "c.jpg"
    path.write_bytes(to_bytes(draw(9)))
    n = add_stock(archive, [to_bytes(draw(10)), draw(11), ("named", draw(12)), path])
    assert n == 4
    keys = sorted(e.report_id for e in archive.bank_entries(STOCK_BANK, "image.fp"))
    assert "named" in keys
    assert "c.jpg" in keys
    assert sum(k.startswith("fp:") for k in keys) == 2
    assert add_stock(archive, draw(13), bank="other") == 1
    assert len(archive.bank_entries("other", "image.fp")) == 1


def test_add_stock_rejects_wrong_types(archive) -> None:
    with pytest.raises(TypeError):
        add_stock(archive, 42)


# -- EXIF ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "offset", "expect"),
    [
        ("2026:03:02 08:00:00", "-06:00", True),  # 1 h before the report
        ("2026:03:01 08:00:00", "-06:00", False),  # 25 h before
        ("2026:03:02 08:00:00", None, True),  # naive: school's local time assumed
        ("2026:03:02 12:00:00", "-06:00", False),  # 3 h after the report: clock wrong
        ("garbage", None, False),
    ],
)
def test_recent_capture(when: str, offset: str | None, expect: bool) -> None:
    data = _exif_jpeg(draw(14), when=when, offset=offset)
    result = analyze(data, school=SCHOOL, received_at=NOW)
    assert ("image_recent_capture" in _codes(result)) is expect


def test_recent_capture_window_comes_from_policy() -> None:
    data = _exif_jpeg(draw(14), when="2026:03:01 08:00:00", offset="-06:00")
    policy = Policy(recent_capture_hours=48)
    result = analyze(data, school=SCHOOL, received_at=NOW, policy=policy)
    assert _codes(result) == ["image_recent_capture"]
    assert "25.0 h" in result.findings[0].evidence


def test_capture_time_needs_a_reference_time() -> None:
    data = _exif_jpeg(draw(14), when="2026:03:02 08:00:00", offset="-06:00")
    assert _codes(analyze(data, school=SCHOOL)) == []
    assert _codes(analyze(data, school=SCHOOL, now=NOW)) == ["image_recent_capture"]


@pytest.mark.parametrize(
    ("gps", "expect"),
    [
        ((41.883, -87.632), True),  # ~0.4 km
        ((41.95, -87.63), False),  # ~7.8 km
        ((-41.88, 87.63), False),  # other hemisphere
    ],
)
def test_near_school(gps: tuple[float, float], expect: bool) -> None:
    result = analyze(_exif_jpeg(draw(15), gps=gps), school=SCHOOL)
    assert ("image_near_school" in _codes(result)) is expect
    assert result.distance_to_school_km is not None
    if expect:
        assert "km from the school" in result.findings[0].evidence
        assert result.findings[0].weight == 0.6


def test_gps_without_school_location_says_nothing() -> None:
    school = School(name="No Location School")
    result = analyze(_exif_jpeg(draw(15), gps=(41.88, -87.63)), school=school)
    assert _codes(result) == []
    assert result.gps == pytest.approx((41.88, -87.63))


def test_malformed_exif_is_ignored() -> None:
    data = bytearray(_exif_jpeg(draw(16), when="2026:03:02 08:00:00", offset="-06:00"))
    start = data.find(b"Exif\x00\x00")
    assert start > 0
    data[start + 6 : start + 40] = b"\xff" * 34  # clobber the TIFF header
    result = analyze(bytes(data), school=SCHOOL, received_at=NOW)
    assert result.fingerprint is not None
    assert "image_unreadable" not in _codes(result)


# -- unreadable, low detail, animated ----------------------------------------------


def test_unreadable_is_a_finding(tmp_path) -> None:
    for bad in (b"\x89PNG\r\n\x1a\n broken", tmp_path / "nope.png", tmp_path):
        result = analyze(bad, archive=None, now=NOW)
        assert _codes(result) == ["image_unreadable"]
        assert result.findings[0].weight == 0.0
        assert result.reason
        assert str(tmp_path) not in result.findings[0].evidence


def test_low_detail_is_flagged_not_matched(archive) -> None:
    flat = Image.new("RGB", (120, 90), (200, 200, 200))
    _archive_image(archive, flat)
    result = analyze(flat, archive=archive, now=NOW)
    assert _codes(result) == ["image_low_detail"]
    assert result.low_detail


def test_animated_gets_a_note() -> None:
    import io

    frames = [draw(17).convert("P"), draw(18).convert("P")]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    result = analyze(buf.getvalue())
    assert _codes(result) == ["image_animated"]
    assert result.animated


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(TypeError):
        analyze(draw(1), now=datetime(2026, 1, 1))
