"""Fingerprints: hashing, edits, hex form, decoding safety."""

from __future__ import annotations

import contextlib
import io
import itertools

import imagehash
import numpy as np
import pytest
from _images_draw import (
    border,
    caption,
    crop10,
    draw,
    mirror,
    recompress,
    resize,
    rotate,
    screenshot,
    to_bytes,
    watermark,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from threatsignals.images import (
    DEFAULT_THRESHOLD,
    ImageFingerprint,
    UnreadableImageError,
    _rules,
    fingerprint,
)

# Pinned values: a change here means Pillow, numpy or our hashing moved, and stored
# fingerprints would drift. Update only together with _rules.VERSION.
# fmt: off
PINNED = {
    1: "dct64:1:-:8c8d6731cc0f71ce/8ccd66b9cc32c738,8fe461bec619d20e,9c894f63c94c33c7,"
       "8f8c6131e6c739d2/d9d93264995b6493",
    2: "dct64:1:-:85615a3ca95b7a8e/8763143a9f529cad,80705b3dab5bc7a4,8563d43ca997729c,"
       "80705b1fbc8979cb/d0340f69fc0f0dd3",
    3: "dct64:1:-:cb34a44b719ec3a3/db348d4330dde31c,c93f86413fcab00f,db34accf631854a3,"
       "c83fa6c0711f5af0/9e61f11e24c996f4",
}
# fmt: on


def test_primary_hash_is_imagehash_phash() -> None:
    img = draw(1)
    fp = fingerprint(img)
    assert f"{fp.primaries[0]:016x}" == str(imagehash.phash(img))


@pytest.mark.parametrize("seed", sorted(PINNED))
def test_pinned_hex_values(seed: int) -> None:
    assert fingerprint(draw(seed)).to_hex() == PINNED[seed]


@pytest.mark.parametrize(
    "edit",
    [
        border,
        caption,
        screenshot,
        crop10,
        mirror,
        resize,
        recompress,
        watermark,
        rotate,
    ],
    ids=lambda f: f.__name__,
)
@pytest.mark.parametrize("seed", [0, 2, 5])
def test_edited_copy_matches_original(edit, seed: int) -> None:
    original = fingerprint(to_bytes(draw(seed)))
    copy = fingerprint(to_bytes(edit(draw(seed))))
    assert original.matches(copy)
    assert copy.matches(original)


def test_plain_phash_misses_mirror_and_border() -> None:
    # Documents why the extra hashes exist: the plain hash alone fails these.
    img = draw(0)
    plain = imagehash.phash(img)
    assert plain - imagehash.phash(mirror(img)) > DEFAULT_THRESHOLD
    assert plain - imagehash.phash(screenshot(img)) > DEFAULT_THRESHOLD


def test_distinct_images_do_not_match() -> None:
    fps = [fingerprint(draw(s)) for s in range(20, 40)]
    close = [(a, b) for a, b in itertools.combinations(fps, 2) if a.matches(b)]
    assert close == []


def test_distance_is_symmetric_and_zero_on_self() -> None:
    a = fingerprint(draw(3))
    b = fingerprint(to_bytes(crop10(draw(3))))
    c = fingerprint(draw(4))
    assert a.distance(a) == 0
    assert a.distance(b) == b.distance(a)
    assert a.distance(c) == c.distance(a)
    assert a.distance(c) > DEFAULT_THRESHOLD


def test_distance_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        fingerprint(draw(1)).distance("8c8d6731cc0f71ce")  # type: ignore[arg-type]


# -- hex form --------------------------------------------------------------------

_hash = st.integers(min_value=0, max_value=(1 << 64) - 1)


@given(
    primaries=st.lists(_hash, min_size=1, max_size=2),
    windows=st.lists(_hash, max_size=4),
    mirrors=st.lists(_hash, max_size=2),
    low=st.booleans(),
)
def test_hex_round_trip(primaries, windows, mirrors, low) -> None:
    fp = ImageFingerprint(tuple(primaries), tuple(windows), tuple(mirrors), low)
    text = fp.to_hex()
    assert str(fp) == text
    assert text.startswith(f"{_rules.ALGORITHM}:{_rules.VERSION}:")
    assert ImageFingerprint.from_hex(text) == fp


def test_from_hex_accepts_plain_imagehash_hex() -> None:
    img = draw(2)
    fp = ImageFingerprint.from_hex(str(imagehash.phash(img)))
    assert fp.primaries == fingerprint(img).primaries[:1]
    assert fp.matches(fingerprint(img))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "pdq:1:-:8c8d6731cc0f71ce//",
        "dct64:99:-:8c8d6731cc0f71ce//",
        "dct64:1:x:8c8d6731cc0f71ce//",
        "dct64:1:-:8c8d6731cc0f71c//",
        "dct64:1:-://",
        "dct64:1:-:8c8d6731cc0f71ce/zz",
    ],
)
def test_from_hex_rejects_malformed(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        ImageFingerprint.from_hex(text)


def test_repr_hides_hash_values() -> None:
    fp = fingerprint(draw(1))
    assert f"{fp.primaries[0]:016x}" not in repr(fp)


# -- inputs and modes ------------------------------------------------------------


def test_accepts_path_bytes_file_and_pil(tmp_path) -> None:
    img = draw(6)
    data = to_bytes(img, "PNG")
    path = tmp_path / "a.png"
    path.write_bytes(data)
    fps = {
        fingerprint(img),
        fingerprint(data),
        fingerprint(bytearray(data)),
        fingerprint(str(path)),
        fingerprint(path),
        fingerprint(io.BytesIO(data)),
    }
    assert len(fps) == 1


@pytest.mark.parametrize("bad", [123, 4.5, None, ["x"]])
def test_wrong_python_type_raises_type_error(bad) -> None:
    with pytest.raises(TypeError):
        fingerprint(bad)


def _variants(img: Image.Image) -> dict[str, bytes | Image.Image]:
    rgba = img.convert("RGBA")
    arr16 = (np.asarray(img.convert("L"), dtype=np.uint16) * 257).astype(np.uint16)
    return {
        "cmyk_jpeg": to_bytes(img.convert("CMYK"), "JPEG", quality=95),
        "palette_png": to_bytes(
            img.convert("P", palette=Image.Palette.ADAPTIVE), "PNG"
        ),
        "rgba_png": to_bytes(rgba, "PNG"),
        "gray16_png": to_bytes(Image.fromarray(arr16), "PNG"),
        "la_png": to_bytes(img.convert("LA"), "PNG"),
        "webp": to_bytes(img, "WEBP", quality=90),
        "bmp": to_bytes(img, "BMP"),
        "tiff": to_bytes(img, "TIFF"),
        "float_pil": Image.fromarray(np.asarray(img.convert("L"), dtype=np.float32)),
    }


@pytest.mark.parametrize(
    "name",
    [
        "cmyk_jpeg",
        "palette_png",
        "rgba_png",
        "gray16_png",
        "la_png",
        "webp",
        "bmp",
        "tiff",
        "float_pil",
    ],
)
def test_other_modes_match_the_rgb_original(name: str) -> None:
    img = draw(7)
    assert fingerprint(img).matches(fingerprint(_variants(img)[name]))


def test_transparent_pixels_are_white() -> None:
    img = draw(8)
    rgba = img.convert("RGBA")
    rgba.putalpha(255)
    over = Image.new("RGBA", (img.width + 80, img.height), (0, 0, 0, 0))
    over.paste(rgba, (40, 0))
    white = Image.new("RGB", over.size, (255, 255, 255))
    white.paste(img, (40, 0))
    assert fingerprint(to_bytes(over, "PNG")).distance(fingerprint(white)) == 0


def test_animated_gif_uses_first_frame() -> None:
    frames = [draw(9).convert("P"), draw(10).convert("P")]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    fp = fingerprint(buf.getvalue())
    assert fp.matches(fingerprint(draw(9)))
    assert not fp.matches(fingerprint(draw(10)))


def test_exif_orientation_is_applied() -> None:
    img = draw(11)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated; viewers turn it 90 degrees clockwise
    stored = img.rotate(90, expand=True)
    data = to_bytes(stored, "JPEG", quality=95, exif=exif)
    assert fingerprint(data).distance(fingerprint(img)) <= 2


def test_jpeg_draft_mode_keeps_the_hash() -> None:
    big = draw(12, size=(1600, 1200))
    data = to_bytes(big, "JPEG", quality=92)
    assert fingerprint(data).distance(fingerprint(big)) <= 4


def test_low_detail_is_flagged_and_never_matches() -> None:
    flat = Image.new("RGB", (200, 150), (120, 130, 140))
    fp = fingerprint(flat)
    assert fp.low_detail
    assert not fp.matches(fp)
    assert ImageFingerprint.from_hex(fp.to_hex()).low_detail


# -- unreadable input ------------------------------------------------------------


def _truncated() -> bytes:
    data = to_bytes(draw(13), "JPEG")
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: b"not an image at all", "not an image"),
        (lambda tmp: b"", "empty"),
        (lambda tmp: _truncated(), "truncated"),
        (lambda tmp: to_bytes(draw(13), "PNG")[:200], "truncated"),
        (lambda tmp: tmp / "missing.jpg", "not found"),
        (lambda tmp: tmp, "directory"),
        (lambda tmp: str(tmp / "missing.jpg"), "not found"),
    ],
)
def test_unreadable_inputs_raise_clear_error(tmp_path, make, reason: str) -> None:
    with pytest.raises(UnreadableImageError, match=reason):
        fingerprint(make(tmp_path))


def test_pixel_limit_refuses_decompression_bombs(monkeypatch) -> None:
    data = to_bytes(draw(14, size=(400, 300)), "PNG")
    monkeypatch.setattr(_rules, "MAX_PIXELS", 100 * 100)
    with pytest.raises(UnreadableImageError, match="decompression bomb"):
        fingerprint(data)


def test_pillow_bomb_warning_never_escapes(monkeypatch) -> None:
    # 400x300 = 120,000 pixels: above Pillow's limit, so Pillow warns (an error
    # under pytest's filterwarnings); our own, larger limit decides instead.
    data = to_bytes(draw(14, size=(400, 300)), "PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 300 * 200)
    monkeypatch.setattr(_rules, "MAX_PIXELS", 10 * 400 * 300)
    assert fingerprint(data).matches(fingerprint(draw(14, size=(400, 300))))


def test_pillow_bomb_error_becomes_unreadable(monkeypatch) -> None:
    # More than twice Pillow's limit: Pillow raises DecompressionBombError.
    data = to_bytes(draw(14, size=(400, 300)), "PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100 * 100)
    monkeypatch.setattr(_rules, "MAX_PIXELS", 10 * 400 * 300)
    with pytest.raises(UnreadableImageError, match="decompression bomb"):
        fingerprint(data)


def test_callers_pil_image_is_not_changed(tmp_path) -> None:
    path = tmp_path / "big.jpg"
    path.write_bytes(to_bytes(draw(15, size=(1024, 768))))
    frames = [draw(16).convert("P"), draw(17).convert("P")]
    gif = tmp_path / "a.gif"
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:])
    with Image.open(path) as jpg, Image.open(gif) as anim:
        anim.seek(1)
        fingerprint(jpg)
        fp = fingerprint(anim)
        assert jpg.size == (1024, 768)
        assert anim.tell() == 1
    assert fp.matches(fingerprint(draw(16)))


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    with contextlib.suppress(UnreadableImageError):
        fingerprint(data)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 40),
    st.integers(1, 40),
    st.sampled_from(["L", "RGB", "RGBA", "P", "1", "I", "F", "CMYK"]),
    st.integers(0, 2**32 - 1),
)
def test_any_small_image_fingerprints(w: int, h: int, mode: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    img = Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8)).convert(mode)
    fp = fingerprint(img)
    assert ImageFingerprint.from_hex(fp.to_hex()) == fp


@pytest.mark.parametrize("path", ["bad\x00name.jpg", "x" * 5000])
def test_odd_paths_are_unreadable(path: str) -> None:
    with pytest.raises(UnreadableImageError):
        fingerprint(path)


def test_empty_pil_image_is_unreadable() -> None:
    with pytest.raises(UnreadableImageError, match="no pixels"):
        fingerprint(Image.new("RGB", (0, 0)))
