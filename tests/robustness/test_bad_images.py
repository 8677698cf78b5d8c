"""Bad images: every image entry point answers with a finding or a documented error.

Bounds on work are structural (no wall-clock limits): a bomb must be refused
before Pillow decodes any pixel data, and before any buffer of its claimed size
is allocated.
"""

from __future__ import annotations

import io
import random
import struct
import tracemalloc
import zlib
from datetime import UTC, datetime

import numpy as np
import pytest
from PIL import Image, ImageFile

import threatsignals as ts
from threatsignals import images
from threatsignals.images import _rules

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
SCHOOL = ts.School(name="Robust Test High", location=(41.88, -87.63), id="rth")


# ---------------------------------------------------------------------------
# inputs, written by hand or drawn with Pillow


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_header_bomb(w: int = 100_000, h: int = 100_000) -> bytes:
    """A ~60-byte PNG whose IHDR claims w x h RGB pixels (30 GB decoded)."""
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + _chunk(b"IEND", b"")
    )


def gif_header_bomb() -> bytes:
    """A GIF whose screen and frame claim 65535 x 65535 pixels."""
    return (
        b"GIF89a"
        + struct.pack("<HHBBB", 65535, 65535, 0, 0, 0)
        + b","
        + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0)
        + b"\x02\x02\x44\x01\x00;"
    )


def encode(img: Image.Image, fmt: str = "PNG", **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def picture(seed: int = 1, size: tuple[int, int] = (96, 80)) -> Image.Image:
    rng = np.random.default_rng(seed)
    cells = rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)
    return Image.fromarray(cells).resize(size, Image.Resampling.NEAREST)


def exif_bytes(
    lat: list[tuple[int, int]], lon: list[tuple[int, int]], orientation: int | None
) -> bytes:
    """A big-endian EXIF block: optional orientation and a GPS IFD of rationals."""
    n0 = 1 + (orientation is not None)
    gps_off = 8 + 2 + 12 * n0 + 4
    data_off = gps_off + 2 + 12 * 4 + 4
    ifd0 = struct.pack(">H", n0)
    if orientation is not None:
        ifd0 += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    ifd0 += struct.pack(">HHII", 0x8825, 4, 1, gps_off) + b"\0\0\0\0"
    gps = struct.pack(">H", 4)
    gps += struct.pack(">HHI", 1, 2, 2) + b"N\0\0\0"
    gps += struct.pack(">HHII", 2, 5, 3, data_off)
    gps += struct.pack(">HHI", 3, 2, 2) + b"W\0\0\0"
    gps += struct.pack(">HHII", 4, 5, 3, data_off + 24)
    gps += b"\0\0\0\0"
    data = b"".join(struct.pack(">II", n, d) for n, d in lat + lon)
    return b"Exif\x00\x00MM\x00\x2a" + struct.pack(">I", 8) + ifd0 + gps + data


def gif_frames(n: int) -> bytes:
    rng = random.Random(7)
    frames = [
        Image.new("P", (16, 16), rng.randrange(1, 255)).convert("RGB") for _ in range(n)
    ]
    for i, f in enumerate(frames):
        f.putpixel((i % 16, (i // 16) % 16), (255, 0, 0))
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=20)
    return buf.getvalue()


def sixteen_bit() -> bytes:
    arr = (np.arange(64 * 48, dtype=np.uint32).reshape(48, 64) * 21).astype(np.uint16)
    return encode(Image.fromarray(arr), "PNG")


def palette_transparent() -> bytes:
    pal = picture(3).convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    return encode(pal, "PNG", transparency=0)


JPEG = encode(picture(2), "JPEG", quality=90)


def jpeg_header_bomb() -> bytes:
    """A tiny JPEG whose SOF0 frame header claims 65000 x 65000 pixels."""
    data = bytearray(encode(Image.new("RGB", (8, 8), (1, 2, 3)), "JPEG"))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65000, 65000)
    return bytes(data)


def bmp_header_bomb() -> bytes:
    """A BMP header claiming 60000 x 60000 24-bit pixels, with no pixel data."""
    header = struct.pack("<IHHI", 0, 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, 60000, 60000, 1, 24, 0, 0, 0, 0, 0, 0)
    return b"BM" + header + info + b"\0" * 64


#: name -> (input factory, the code analyze must give, or None for "readable")
CASES = {
    "png_header_bomb": (png_header_bomb, "image_unreadable"),
    "gif_header_bomb": (gif_header_bomb, "image_unreadable"),
    "jpeg_header_bomb": (jpeg_header_bomb, "image_unreadable"),
    "bmp_header_bomb": (bmp_header_bomb, "image_unreadable"),
    "truncated_jpeg": (lambda: JPEG[: len(JPEG) // 2], "image_unreadable"),
    "jpeg_header_only": (lambda: JPEG[:20], "image_unreadable"),
    "zero_bytes": (lambda: b"", "image_unreadable"),
    "random_bytes": (lambda: random.Random(5).randbytes(4096), "image_unreadable"),
    "text_file": (lambda: b"not an image, just some text\n" * 20, "image_unreadable"),
    "gif_300_frames": (lambda: gif_frames(300), "image_animated"),
    "one_pixel": (
        lambda: encode(Image.new("RGB", (1, 1), (200, 10, 10))),
        "image_low_detail",
    ),
    "uniform": (lambda: encode(Image.new("L", (200, 150), 77)), "image_low_detail"),
    "cmyk_jpeg": (lambda: encode(picture(4).convert("CMYK"), "JPEG"), None),
    "sixteen_bit_png": (sixteen_bit, None),
    "palette_transparency": (palette_transparent, None),
    "exif_orientation": (
        lambda: encode(
            picture(5),
            "JPEG",
            exif=exif_bytes([(41, 1), (0, 1), (0, 1)], [(87, 1), (0, 1), (0, 1)], 6),
        ),
        None,
    ),
    "exif_gps_zero_denominators": (
        lambda: encode(
            picture(6),
            "JPEG",
            exif=exif_bytes([(41, 0), (0, 0), (0, 0)], [(87, 0), (1, 0), (0, 0)], 3),
        ),
        None,
    ),
}


@pytest.fixture(scope="module")
def tmp_inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("imgs")
    return {"missing": d / "does-not-exist.png", "directory": d}


def _input(name, tmp_inputs):
    if name in tmp_inputs:
        return tmp_inputs[name], "image_unreadable"
    make, code = CASES[name]
    return make(), code


ALL = [*CASES, "missing", "directory"]


@pytest.mark.parametrize("name", ALL)
def test_fingerprint_answers_or_raises_documented_error(name, tmp_inputs):
    data, code = _input(name, tmp_inputs)
    if code == "image_unreadable":
        with pytest.raises(ts.ThreatSignalsError) as info:
            images.fingerprint(data)
        assert isinstance(info.value, images.UnreadableImageError)
        assert isinstance(info.value, ValueError)  # documented, kept for old callers
    else:
        fp = images.fingerprint(data)
        assert images.ImageFingerprint.from_hex(fp.to_hex()) == fp


@pytest.mark.parametrize("name", ALL)
def test_analyze_gives_a_finding(name, tmp_inputs):
    data, code = _input(name, tmp_inputs)
    a = images.analyze(data, school=SCHOOL, now=NOW)
    codes = [f.code for f in a.findings]
    if code is not None:
        assert code in codes
    else:
        assert "image_unreadable" not in codes
        assert a.fingerprint is not None
    assert (a.reason is not None) == ("image_unreadable" in codes)


@pytest.mark.parametrize("name", ALL)
def test_assess_and_archive_add_answer(name, tmp_inputs):
    data, code = _input(name, tmp_inputs)
    report = ts.Report(
        text="see the attached picture",
        channel="email",
        images=(data,),
        received_at=NOW,
    )
    a = ts.assess(report, school=SCHOOL, now=NOW)
    assert all(run.status == "ok" for run in a.analyzers)
    if code is not None:
        assert a.has(code)
    with ts.Archive.open() as archive:
        rid = archive.add(report, school=SCHOOL, now=NOW)
        kinds = [s.kind for s in archive.signals("image.fp")]
        assert len(kinds) == (0 if code == "image_unreadable" else 1)
        assert rid in {r.id for r in archive.reports()}


def test_malformed_gps_is_ignored_and_valid_gps_is_used():
    bad = images.analyze(
        CASES["exif_gps_zero_denominators"][0](), school=SCHOOL, now=NOW
    )
    assert bad.gps is None and not any(
        f.code == "image_near_school" for f in bad.findings
    )
    good = images.analyze(CASES["exif_orientation"][0](), school=SCHOOL, now=NOW)
    assert good.gps == pytest.approx((41.0, -87.0))


def test_exif_orientation_is_applied():
    img = picture(8, (120, 60))
    rotated = encode(
        img, "JPEG", quality=95, exif=exif_bytes([(1, 1)] * 3, [(1, 1)] * 3, 6)
    )
    upright = encode(img.transpose(Image.Transpose.ROTATE_270), "JPEG", quality=95)
    assert images.fingerprint(rotated).distance(images.fingerprint(upright)) <= 6


def _spy_on_decoding(monkeypatch):
    calls = []
    real = ImageFile.ImageFile.load

    def load(self):
        calls.append(self.size)
        return real(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return calls


@pytest.mark.parametrize(
    ("make", "claimed_pixels"),
    [
        (png_header_bomb, 100_000 * 100_000),
        (gif_header_bomb, 65535 * 65535),
        (jpeg_header_bomb, 65000 * 65000),
        (bmp_header_bomb, 60000 * 60000),
    ],
)
def test_header_bomb_is_refused_before_decoding(make, claimed_pixels, monkeypatch):
    data = make()
    assert len(data) < 1_000
    images.analyze(JPEG)  # warm up: lazy imports are not the bomb's doing
    calls = _spy_on_decoding(monkeypatch)
    tracemalloc.start()
    try:
        a = images.analyze(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert a.reason is not None and "pixels" in a.reason
    assert calls == []  # no pixel data decoded at all
    assert peak < 32 * 2**20  # < 32 MiB traced, vs >= 3.6 GB claimed
    assert peak < claimed_pixels // 100


def test_real_image_over_the_pixel_limit_is_refused_before_decoding(monkeypatch):
    # A real, complete image (1-bit, so cheap to build) with more pixels than
    # MAX_PIXELS: 8000 x 7000 = 56 MP.
    big = Image.new("1", (8000, 7000), 1)
    data = encode(big, "PNG")
    del big
    assert _rules.MAX_PIXELS < 8000 * 7000
    calls = _spy_on_decoding(monkeypatch)
    a = images.analyze(data)
    assert a.reason is not None and "pixels" in a.reason
    assert calls == []
    with pytest.raises(images.UnreadableImageError):
        images.fingerprint(data)


def test_limit_is_the_one_in_rules(monkeypatch):
    data = encode(picture(9, (40, 40)))
    monkeypatch.setattr(_rules, "MAX_PIXELS", 40 * 40 - 1)
    assert images.analyze(data).reason is not None
    monkeypatch.setattr(_rules, "MAX_PIXELS", 40 * 40)
    assert images.analyze(data).reason is None


def test_animation_decodes_only_the_first_frame(monkeypatch):
    from PIL import GifImagePlugin

    data = gif_frames(300)
    frames = []
    real = GifImagePlugin.GifImageFile._seek

    def _seek(self, frame, *args, **kwargs):
        frames.append(frame)
        return real(self, frame, *args, **kwargs)

    monkeypatch.setattr(GifImagePlugin.GifImageFile, "_seek", _seek)
    a = images.analyze(data)
    assert a.animated and any(f.code == "image_animated" for f in a.findings)
    assert frames and max(frames) <= 1  # is_animated peeks at frame 1, never 299


def test_one_bad_image_does_not_stop_the_others():
    good = encode(picture(11), "PNG")
    school = SCHOOL
    with ts.Archive.open() as archive:
        archive.add(
            ts.Report(text="old", channel="email", images=(good,), received_at=NOW),
            school=school,
            outcome="hoax",
            now=NOW,
        )
        report = ts.Report(
            text="new",
            channel="email",
            images=(png_header_bomb(), b"", good, b"junk", "/nonexistent/x.png"),
            received_at=NOW,
        )
        a = ts.assess(report, school=school, archive=archive, now=NOW)
        assert all(run.status == "ok" for run in a.analyzers)
        assert a.has("image_unreadable") and a.has("image_recycled")
        recycled = next(f for f in a.findings if f.code == "image_recycled")
        assert recycled.evidence.startswith("image 3:")
        unreadable = next(f for f in a.findings if f.code == "image_unreadable")
        assert [p.split(":")[0] for p in unreadable.evidence.split("; ")] == [
            "image 1",
            "image 2",
            "image 4",
            "image 5",
        ]
        archive.add(report, school=school, now=NOW)
        assert (
            len(list(archive.signals("image.fp"))) == 2
        )  # the old and the new good one


def test_pil_image_that_fails_to_load_is_a_finding():
    lazy = Image.open(io.BytesIO(JPEG[: len(JPEG) // 3]))
    a = images.analyze(lazy)
    assert [f.code for f in a.findings] == ["image_unreadable"]


@pytest.mark.parametrize("bad", [12, 3.5, object(), ["a"], None])
def test_wrong_python_types_raise_type_error(bad):
    with pytest.raises(TypeError):
        images.fingerprint(bad)
    with pytest.raises(TypeError):
        images.analyze(bad)
