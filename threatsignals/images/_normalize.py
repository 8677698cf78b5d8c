"""Decoding: any accepted input -> a small RGB or grayscale image plus EXIF facts.

Never raises for bad content: unreadable input yields a :class:`Decoded` with
``reason`` set. Wrong Python types raise :class:`TypeError`.
"""

from __future__ import annotations

import io
import logging
import os
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from threatsignals.images import _rules

_log = logging.getLogger(__name__)

_HEIF_READY: bool | None = None


def _enable_heif() -> None:
    """Register the optional ``pillow-heif`` opener once, if it is installed."""
    global _HEIF_READY
    if _HEIF_READY is None:
        try:
            from pillow_heif import register_heif_opener  # type: ignore[import-not-found]

            register_heif_opener()
            _HEIF_READY = True
        except Exception:  # optional extra; absent or broken is fine
            _HEIF_READY = False


@dataclass(frozen=True, slots=True)
class Exif:
    """What the EXIF block said (only the facts the analyzer uses).

    Attributes:
        captured_at: DateTimeOriginal (aware when an offset was recorded).
        offset_known: Whether the capture time carried a UTC offset.
        gps: ``(latitude, longitude)`` in degrees, or None.
    """

    captured_at: datetime | None = None
    offset_known: bool = False
    gps: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded image ready for hashing, or the reason it could not be decoded.

    Attributes:
        gray: The picture in mode "RGB" or "L" (despite the name: colour is kept
            for border trimming), orientation applied, or None if unreadable.
        reason: Why decoding failed (None on success).
        exif: EXIF facts (empty when absent or malformed).
        animated: Whether the input had several frames (the first was used).
        format: The container format Pillow detected (e.g. "JPEG"), if any.
    """

    gray: Image.Image | None
    reason: str | None = None
    exif: Exif = Exif()
    animated: bool = False
    format: str | None = None


def _fail(reason: str) -> Decoded:
    return Decoded(gray=None, reason=reason)


def _open_source(image: Any) -> tuple[IO[bytes] | None, Image.Image | None, str | None]:
    """Return (stream, pil_image, failure reason) for an accepted input."""
    if isinstance(image, Image.Image):
        return None, image, None
    if isinstance(image, bytes | bytearray | memoryview):
        data = bytes(image)
        if not data:
            return None, None, "empty data"
        if len(data) > _rules.MAX_BYTES:
            return None, None, "file too large"
        return io.BytesIO(data), None, None
    if isinstance(image, str | os.PathLike):
        p = Path(os.fspath(image))
        try:
            if p.is_dir():
                return None, None, "path is a directory"
            if not p.is_file():
                return None, None, "file not found"
            if p.stat().st_size > _rules.MAX_BYTES:
                return None, None, "file too large"
            return io.BytesIO(p.read_bytes()), None, None
        except (OSError, ValueError) as exc:  # ValueError: NUL in the path
            return None, None, f"cannot read file ({type(exc).__name__})"
    read = getattr(image, "read", None)
    if callable(read):
        try:
            data = read(_rules.MAX_BYTES + 1)
        except (OSError, ValueError) as exc:
            return None, None, f"cannot read stream ({type(exc).__name__})"
        if isinstance(data, str):
            raise TypeError("file object must be opened in binary mode")
        if not isinstance(data, bytes | bytearray):
            return None, None, "stream returned no bytes"
        if len(data) > _rules.MAX_BYTES:
            return None, None, "file too large"
        if not data:
            return None, None, "empty data"
        return io.BytesIO(bytes(data)), None, None
    raise TypeError(
        "image must be a path, bytes, a binary file object or a PIL image, "
        f"not {type(image).__name__}"
    )


def decode(image: Any) -> Decoded:
    """Decode ``image`` into a small grayscale image plus EXIF facts.

    Args:
        image: A path, bytes, binary file object or PIL image.

    Returns:
        A :class:`Decoded`; ``gray`` is None and ``reason`` says why when the input
        cannot be decoded (missing file, not an image, truncated, too many pixels).

    Raises:
        TypeError: ``image`` is none of the accepted types.
    """
    stream, pil, reason = _open_source(image)
    if reason is not None:
        return _fail(reason)
    try:
        with warnings.catch_warnings():
            # A DecompressionBombWarning must never escape (or become an error
            # under -W error); our own MAX_PIXELS check below decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            warnings.simplefilter("ignore", UserWarning)
            if pil is None:
                assert stream is not None
                _enable_heif()
                return _decode_pil(Image.open(stream), owned=True)
            return _decode_pil(pil, owned=False)
    except Image.DecompressionBombError:
        return _fail("too many pixels (possible decompression bomb)")
    except UnidentifiedImageError:
        return _fail("not an image")
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        msg = str(exc).lower()
        if "truncated" in msg or isinstance(exc, EOFError):
            return _fail("truncated image data")
        return _fail(f"cannot decode image ({type(exc).__name__})")
    except (MemoryError, Image.DecompressionBombWarning):
        return _fail("too many pixels (possible decompression bomb)")
    except Exception as exc:  # a hostile file must not sink an analysis
        _log.debug("image decoder failed: %s", type(exc).__name__)
        return _fail(f"cannot decode image ({type(exc).__name__})")


def _decode_pil(im: Image.Image, *, owned: bool) -> Decoded:
    """Decode an opened image; a caller's image (``owned=False``) is not changed."""
    w, h = im.size
    if w <= 0 or h <= 0:
        return _fail("image has no pixels")
    if w * h > _rules.MAX_PIXELS:
        return _fail("too many pixels (possible decompression bomb)")
    fmt = im.format
    animated = bool(getattr(im, "is_animated", False)) or getattr(im, "n_frames", 1) > 1
    if animated:
        if owned:
            im.seek(0)
        else:
            current = im.tell()
            im.seek(0)
            first = im.copy()
            im.seek(current)
            first.info.update(im.info)
            im = first
    exif_raw = _safe_getexif(im)
    exif = _exif_facts(exif_raw)
    if owned and fmt == "JPEG" and im.mode in ("RGB", "L", "YCbCr"):
        # Decode at 1/2..1/8 scale directly from the DCT coefficients.
        im.draft(im.mode, (_rules.DRAFT_SIZE, _rules.DRAFT_SIZE))
    im.load()
    orientation = exif_raw.get(0x0112) if exif_raw is not None else None
    if isinstance(orientation, int) and 2 <= orientation <= 8:
        try:
            transposed = ImageOps.exif_transpose(im)
            if transposed is not None:
                im = transposed
        except Exception:  # malformed EXIF is ignored, never fatal
            _log.debug("exif_transpose failed; orientation ignored")
    gray = _to_rgb_or_l(im)
    return Decoded(gray=gray, exif=exif, animated=animated, format=fmt)


def _to_rgb_or_l(im: Image.Image) -> Image.Image:
    """Convert any mode to "RGB" or "L": transparency over white, 16-bit scaled."""
    mode = im.mode
    if mode in ("L", "RGB"):
        return im
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        if mode.startswith("I;16"):
            arr = arr / 257.0
        else:
            lo, hi = float(np.nanmin(arr)), float(np.nanmax(arr))
            arr = (arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)
        arr = np.nan_to_num(arr, nan=0.0)
        return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), mode="L")
    if mode == "P" and "transparency" not in im.info:
        return im.convert("RGB")
    if mode in ("RGBA", "LA", "PA", "P", "RGBa", "La") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    if mode == "1":
        return im.convert("L")
    return im.convert("RGB")


def _safe_getexif(im: Image.Image) -> Image.Exif | None:
    try:
        return im.getexif()
    except Exception:  # malformed EXIF is ignored, never fatal
        return None


def _rational(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:
        num, den = value
        return float(num) / float(den)
    return float(value)


def _exif_facts(exif: Image.Exif | None) -> Exif:
    if exif is None:
        return Exif()
    captured: datetime | None = None
    offset_known = False
    gps: tuple[float, float] | None = None
    try:
        sub = exif.get_ifd(0x8769)  # Exif IFD
        # DateTimeOriginal, else DateTimeDigitized (never IFD0 DateTime: that is
        # when software last changed the file).
        raw = sub.get(0x9003) or sub.get(0x9004)
        offset = sub.get(0x9011) if sub.get(0x9003) else sub.get(0x9012)
        if isinstance(raw, bytes):
            raw = raw.decode("ascii", "replace")
        if isinstance(raw, str):
            captured = datetime.strptime(raw.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
            if isinstance(offset, bytes):
                offset = offset.decode("ascii", "replace")
            if isinstance(offset, str):
                tz = _parse_offset(offset.strip("\x00 "))
                if tz is not None:
                    captured = captured.replace(tzinfo=tz)
                    offset_known = True
    except Exception:  # malformed EXIF is ignored, never fatal
        captured, offset_known = None, False
    try:
        g = exif.get_ifd(0x8825)  # GPS IFD
        lat_v, lon_v = g.get(2), g.get(4)
        if lat_v and lon_v:
            lat = _dms(lat_v)
            lon = _dms(lon_v)
            if str(g.get(1, "N")).upper().startswith("S"):
                lat = -lat
            if str(g.get(3, "E")).upper().startswith("W"):
                lon = -lon
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                gps = (lat, lon)
    except Exception:  # malformed EXIF is ignored, never fatal
        gps = None
    return Exif(captured_at=captured, offset_known=offset_known, gps=gps)


def _dms(value: Any) -> float:
    parts = [_rational(v) for v in value]
    while len(parts) < 3:
        parts.append(0.0)
    deg, minutes, seconds = parts[:3]
    out = deg + minutes / 60.0 + seconds / 3600.0
    if out != out:  # NaN
        raise ValueError("bad GPS value")
    return out


def _parse_offset(text: str) -> timezone | None:
    if len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(delta if text[0] == "+" else -delta)
