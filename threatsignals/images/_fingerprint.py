"""The image fingerprint: a few 64-bit DCT hashes of one picture.

Each hash is the DCT hash of :func:`imagehash.phash` (32x32 grayscale thumbnail,
8x8 lowest frequencies, bit = coefficient above the median), computed with a
precomputed DCT matrix so that several regions of one decoded image cost little.
A fingerprint keeps:

* primaries: the whole image, and the image with uniform borders, screenshot padding
  and caption bars trimmed (when there were any);
* mirrors: the primaries flipped left-right (a flipped hash cannot be derived from
  the original's bits, so it is stored);
* windows: four overlapping corner windows (90% of each side) of the trimmed image,
  so that a moderately cropped copy still lands close to one of them.

Two fingerprints are compared primary-to-primary, mirror-to-primary and
window-to-primary (never window-to-window), see :meth:`ImageFingerprint.distance`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image

from threatsignals.errors import ThreatSignalsError
from threatsignals.images import _rules
from threatsignals.images._normalize import Decoded, decode

__all__ = [
    "ImageFingerprint",
    "UnreadableImageError",
    "fingerprint",
    "fingerprint_decoded",
]

_N = _rules.HASH_SIZE * _rules.HIGHFREQ_FACTOR  # 32
_HEX16 = re.compile(r"^[0-9a-f]{16}$")


class UnreadableImageError(ThreatSignalsError, ValueError):
    """The image could not be decoded (the message says why, never the content).

    A :class:`~threatsignals.ThreatSignalsError` and, for older callers, a
    ``ValueError``.
    """


@lru_cache(maxsize=1)
def _dct_matrix() -> npt.NDArray[np.float64]:
    """Rows 0..7 of the (unnormalised) DCT-II matrix used by scipy.fftpack.dct."""
    k = np.arange(_rules.HASH_SIZE, dtype=np.float64)[:, None]
    n = np.arange(_N, dtype=np.float64)[None, :]
    return 2.0 * np.cos(np.pi * k * (2.0 * n + 1.0) / (2.0 * _N))


#: Sign pattern of a left-right flip: horizontal frequency v flips by (-1)**v.
_FLIP = np.array([[(-1.0) ** v for v in range(_rules.HASH_SIZE)]] * _rules.HASH_SIZE)


def _bits_to_int(bits: npt.NDArray[np.bool_]) -> int:
    return int.from_bytes(np.packbits(bits.reshape(-1)).tobytes(), "big")


def _hashes_of(thumb: npt.NDArray[np.float64]) -> tuple[int, int]:
    """Return (hash, mirrored hash) of one 32x32 thumbnail."""
    d = _dct_matrix()
    low = d @ thumb @ d.T
    h = _bits_to_int(low > np.median(low))
    flipped = low * _FLIP
    m = _bits_to_int(flipped > np.median(flipped))
    return h, m


def _thumb(
    img: Image.Image, box: tuple[float, float, float, float]
) -> npt.NDArray[np.float64]:
    small = img.resize((_N, _N), Image.Resampling.LANCZOS, box=box)
    return np.asarray(small, dtype=np.float64)


@dataclass(frozen=True, slots=True, eq=True)
class ImageFingerprint:
    """The perceptual fingerprint of one image (no pixels, just 64-bit hashes).

    Build one with :func:`fingerprint`; store it with :meth:`to_hex` (also ``str()``)
    and read it back with :meth:`from_hex`.

    Attributes:
        primaries: Hashes of the whole image and of the trimmed image.
        windows: Hashes of four overlapping corner windows of the trimmed image.
        mirrors: Hashes of the left-right flipped primaries.
        low_detail: True for near-uniform images, which are never matched.
        algorithm: Hash scheme name (``"dct64"``).
        version: Layout version of the scheme.
    """

    primaries: tuple[int, ...]
    windows: tuple[int, ...] = ()
    mirrors: tuple[int, ...] = ()
    low_detail: bool = False
    algorithm: str = _rules.ALGORITHM
    version: int = _rules.VERSION

    def __post_init__(self) -> None:
        for group in (self.primaries, self.windows, self.mirrors):
            for h in group:
                if not isinstance(h, int) or not 0 <= h < 1 << 64:
                    raise ValueError("hashes must be 64-bit unsigned integers")
        if not self.primaries:
            raise ValueError("a fingerprint needs at least one hash")

    # -- comparison --------------------------------------------------------------

    def distance(self, other: ImageFingerprint) -> int:
        """Return the Hamming distance (0..64) between two images.

        The smallest distance over the kept hashes: primary to primary, a mirror to
        the other's primaries, and a crop window to the other's primaries (in both
        directions, so the result is symmetric).
        """
        if not isinstance(other, ImageFingerprint):
            raise TypeError("can only compare with another ImageFingerprint")
        best = 64
        for a_set, b_set in (
            (self.primaries + self.mirrors + self.windows, other.primaries),
            (self.primaries, other.mirrors + other.windows),
        ):
            for a in a_set:
                for b in b_set:
                    d = (a ^ b).bit_count()
                    if d < best:
                        best = d
        return best

    def matches(self, other: ImageFingerprint, max_distance: int | None = None) -> bool:
        """Return whether two images are the same picture at the default threshold.

        Near-uniform images (:attr:`low_detail`) never match anything.

        Args:
            other: The fingerprint to compare with.
            max_distance: Override of the default threshold
                (:data:`threatsignals.images.DEFAULT_THRESHOLD`).
        """
        if self.low_detail or other.low_detail:
            return False
        limit = _rules.DEFAULT_THRESHOLD if max_distance is None else max_distance
        return self.distance(other) <= limit

    # -- text form ---------------------------------------------------------------

    def to_hex(self) -> str:
        """Return the text form ``dct64:1:<flags>:<primaries>/<windows>/<mirrors>``.

        Each group is a comma-separated list of 16-digit hex hashes (bit order as in
        ``str(imagehash.phash(...))``); flags is ``d`` for low detail, else ``-``.
        """
        groups = "/".join(
            ",".join(f"{h:016x}" for h in g)
            for g in (self.primaries, self.windows, self.mirrors)
        )
        flags = "d" if self.low_detail else "-"
        return f"{self.algorithm}:{self.version}:{flags}:{groups}"

    def __str__(self) -> str:
        return self.to_hex()

    def __repr__(self) -> str:
        # No hash values: reprs end up in logs, and hashes of reported images
        # must not (they identify the image).
        return (
            f"ImageFingerprint({self.algorithm} v{self.version}, "
            f"{len(self.primaries)}+{len(self.windows)}+{len(self.mirrors)} hashes"
            f"{', low detail' if self.low_detail else ''})"
        )

    @classmethod
    def from_hex(cls, text: str) -> ImageFingerprint:
        """Parse the text form written by :meth:`to_hex`.

        A bare 16-digit hex string (``str(imagehash.phash(img))``) is accepted too, as
        a fingerprint with that single hash.

        Raises:
            ValueError: Malformed text, another algorithm, or a newer version.
        """
        if not isinstance(text, str):
            raise TypeError("from_hex needs a string")
        s = text.strip().lower()
        if _HEX16.match(s):
            return cls(primaries=(int(s, 16),))
        parts = s.split(":")
        if len(parts) != 4:
            raise ValueError("not an image fingerprint")
        algo, ver, flags, body = parts
        if algo != _rules.ALGORITHM:
            raise ValueError("unknown image fingerprint algorithm")
        if not ver.isdigit() or int(ver) > _rules.VERSION or int(ver) < 1:
            raise ValueError("unsupported image fingerprint version")
        if flags not in ("-", "d"):
            raise ValueError("bad image fingerprint flags")
        groups = body.split("/")
        if len(groups) != 3:
            raise ValueError("not an image fingerprint")
        parsed: list[tuple[int, ...]] = []
        for g in groups:
            items = [x for x in g.split(",") if x] if g else []
            if any(not _HEX16.match(x) for x in items) or len(items) > 16:
                raise ValueError("bad hash in image fingerprint")
            parsed.append(tuple(int(x, 16) for x in items))
        return cls(
            primaries=parsed[0],
            windows=parsed[1],
            mirrors=parsed[2],
            low_detail=flags == "d",
            algorithm=algo,
            version=int(ver),
        )


# ---------------------------------------------------------------------------
# trimming


def _shares(
    a: npt.NDArray[np.float32], edge: npt.NDArray[np.float32], axis: int
) -> npt.NDArray[np.float64]:
    """Share of pixels per row (axis=1) or column (axis=0) close to the edge colour.

    ``a`` is channel-first ``(channels, h, w)``, each channel already divided by its
    tolerance (gray by ``BORDER_TOL``, colour channels by ``BORDER_TOL_COLOR``: JPEG
    smears colour further than brightness near an edge). ``edge`` is the edge line,
    ``(channels, n)``; its median is the border colour. A pixel is close when every
    channel is within 1 of it.
    """
    color = np.median(edge, axis=1)
    close = np.abs(a - color[:, None, None]).max(axis=0) <= 1.0
    return close.mean(axis=axis)  # type: ignore[no-any-return]


def _run(shares: npt.NDArray[np.float64], limit: float) -> int:
    bad = np.flatnonzero(shares < limit)
    return int(bad[0]) if bad.size else int(shares.size)


def _bar_cut(shares: npt.NDArray[np.float64]) -> int:
    """Rows to cut from the start of a band of mostly-one-colour rows.

    The band runs while rows are at least ``BAR_SHARE`` bar-coloured (text covers
    the rest); the cut is after the band's last clean row (``BAR_EDGE_SHARE``), the
    margin between a caption and the picture, so that content rows that happen to
    share the bar's colour are never cut.
    """
    if shares.size == 0 or shares[0] < _rules.BAR_EDGE_SHARE:
        return 0
    run = _run(shares, _rules.BAR_SHARE)
    clean = np.flatnonzero(shares[:run] >= _rules.BAR_EDGE_SHARE)
    return int(clean[-1]) + 1


def _trim_bars(
    a: npt.NDArray[np.float32], box: tuple[int, int, int, int]
) -> tuple[int, int, int, int]:
    """Trim bands at the top and bottom that are mostly one colour (caption bars)."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    region = a[:, y0:y1, x0:x1]
    if h < 8 or region.shape[2] < 8:
        return box
    top = _shares(region, region[:, 0], 1)
    run_top = _bar_cut(top)
    bottom = _shares(region, region[:, -1], 1)[::-1]
    run_bottom = _bar_cut(bottom)
    if not _rules.BAR_MIN * h <= run_top <= _rules.BAR_MAX * h:
        run_top = 0
    if not _rules.BAR_MIN * h <= run_bottom <= _rules.BAR_MAX * h:
        run_bottom = 0
    if run_top + run_bottom >= h * 0.8:
        return box
    return (x0, y0 + run_top, x1, y1 - run_bottom)


def _trim_border(
    a: npt.NDArray[np.float32], box: tuple[int, int, int, int]
) -> tuple[int, int, int, int]:
    """Trim uniform borders on all four sides."""
    x0, y0, x1, y1 = box
    region = a[:, y0:y1, x0:x1]
    h, w = region.shape[1:]
    if h < 8 or w < 8:
        return box
    runs = []
    for edge, axis, reverse in (
        (region[:, 0], 1, False),
        (region[:, -1], 1, True),
        (region[:, :, 0], 0, False),
        (region[:, :, -1], 0, True),
    ):
        shares = _shares(region, edge, axis)
        if reverse:
            shares = shares[::-1]
        runs.append(_run(shares, _rules.BORDER_SHARE))
    top, bottom, left, right = runs
    if top + bottom >= h * 0.9 or left + right >= w * 0.9:
        return box
    return (x0 + left, y0 + top, x1 - right, y1 - bottom)


def content_box(a: npt.NDArray[np.float32]) -> tuple[int, int, int, int]:
    """Return the box ``(x0, y0, x1, y1)`` left after trimming borders and bars.

    ``a`` is an (h, w) gray or (h, w, channels) colour array.
    """
    if a.ndim == 2:
        a = (a / _rules.BORDER_TOL)[None]
    else:
        luma = a @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        a = np.concatenate(
            [
                (luma / _rules.BORDER_TOL)[None],
                np.moveaxis(a, 2, 0) / _rules.BORDER_TOL_COLOR,
            ]
        )
    a = np.ascontiguousarray(a, dtype=np.float32)
    h, w = a.shape[1:]
    box = (0, 0, w, h)
    for _ in range(3):
        new = _trim_border(a, _trim_bars(a, box))
        if new == box:
            break
        box = new
    return box


# ---------------------------------------------------------------------------
# fingerprinting


def _work_image(image: Image.Image) -> Image.Image:
    """Reduce large images by an integer factor (box filter): short side < 2*WORK."""
    side = min(image.size)
    factor = side // _rules.WORK_SIZE
    if factor >= 2:
        return image.reduce(factor)
    return image


def _fingerprint_image(image: Image.Image) -> ImageFingerprint:
    """Fingerprint an "RGB" or "L" image (trimming in colour, hashing in gray)."""
    color_work = _work_image(image)
    work = color_work.convert("L") if color_work.mode != "L" else color_work
    w, h = work.size
    a = np.asarray(work, dtype=np.float32)
    low_detail = float(a.std()) < _rules.LOW_DETAIL_STD
    full = (0.0, 0.0, float(w), float(h))
    primaries: list[int] = []
    mirrors: list[int] = []
    # The whole-image hash comes from the decoded image itself (exactly
    # imagehash.phash for images up to HASH_SOURCE_SIZE on the short side); only
    # very large, non-JPEG images are box-reduced first.
    factor = min(image.size) // _rules.HASH_SOURCE_SIZE
    source = image.reduce(factor) if factor >= 2 else image
    source = source.convert("L") if source.mode != "L" else source
    sw, sh = source.size
    p, m = _hashes_of(_thumb(source, (0.0, 0.0, float(sw), float(sh))))
    primaries.append(p)
    mirrors.append(m)
    box: tuple[float, float, float, float] = full
    if not low_detail:
        x0, y0, x1, y1 = content_box(np.asarray(color_work, dtype=np.float32))
        trimmed = (x0, y0, x1, y1) != (0, 0, w, h)
        keep = (x1 - x0) * (y1 - y0) >= _rules.MIN_KEEP_AREA * w * h
        if trimmed and keep and float(a[y0:y1, x0:x1].std()) >= _rules.LOW_DETAIL_STD:
            box = (float(x0), float(y0), float(x1), float(y1))
            tp, tm = _hashes_of(_thumb(work, box))
            if tp != p:
                primaries.append(tp)
                mirrors.append(tm)
    windows: list[int] = []
    if not low_detail:
        bx0, by0, bx1, by1 = box
        ww = (bx1 - bx0) * _rules.WINDOW
        wh = (by1 - by0) * _rules.WINDOW
        for fx, fy in ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)):
            ox = bx0 + fx * (bx1 - bx0 - ww)
            oy = by0 + fy * (by1 - by0 - wh)
            wp, _ = _hashes_of(_thumb(work, (ox, oy, ox + ww, oy + wh)))
            windows.append(wp)
    return ImageFingerprint(
        primaries=tuple(primaries),
        windows=tuple(windows),
        mirrors=tuple(mirrors),
        low_detail=low_detail,
    )


def fingerprint_decoded(decoded: Decoded) -> ImageFingerprint:
    """Fingerprint an already decoded image.

    Raises:
        UnreadableImageError: ``decoded`` carries a failure reason.
    """
    if decoded.gray is None:
        raise UnreadableImageError(decoded.reason or "unreadable image")
    return _fingerprint_image(decoded.gray)


def fingerprint(image: Any) -> ImageFingerprint:
    """Return the perceptual fingerprint of an image.

    Args:
        image: A path, bytes, a binary file object or a PIL image. JPEGs are decoded
            at reduced size (draft mode); EXIF orientation is applied; animations use
            their first frame; transparency is composited over white.

    Returns:
        An :class:`ImageFingerprint`.

    Raises:
        UnreadableImageError: The image cannot be decoded (missing file, directory,
            not an image, truncated, too many pixels); a ``ThreatSignalsError``
            and ``ValueError`` subclass.
        TypeError: ``image`` is none of the accepted types.
    """
    return fingerprint_decoded(decode(image))


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
