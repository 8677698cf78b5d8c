"""Image -> findings: recycled, stock, original, capture time and place.

Pure apart from reading the :class:`~threatsignals.Archive` passed in. Bad content
becomes an ``image_unreadable`` finding, never an exception.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from threatsignals.guidance import REF_IMAGES, REF_RECYCLED
from threatsignals.images import _rules
from threatsignals.images._fingerprint import (
    ImageFingerprint,
    fingerprint_decoded,
    haversine_km,
)
from threatsignals.images._index import ImageIndex
from threatsignals.images._normalize import Decoded, Exif, decode
from threatsignals.model import Finding, School
from threatsignals.policy import Policy

if TYPE_CHECKING:
    from threatsignals.archive import Archive

__all__ = ["ImageAnalysis", "ImageMatch", "analyze", "analyze_one", "archive_indexes"]

_log = logging.getLogger(__name__)

ANALYZER_NAME = "images"
#: Capture times up to this many hours *after* the report are read as clock skew.
_SKEW_HOURS = 0.25


@dataclass(frozen=True, slots=True)
class ImageMatch:
    """One image this image matched.

    Attributes:
        source: ``"archive"`` (an archived threat) or ``"stock"`` (a stock bank).
        key: The archived report id, or the bank entry's key.
        distance: Hamming distance (0..64); lower is closer.
        outcome: For archive matches, ``"hoax"``, ``"credible"`` or ``"unknown"``.
        origin: For archive matches, ``"local"`` or the organisation it came from.
    """

    source: str
    key: str
    distance: int
    outcome: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class ImageAnalysis:
    """What the image analyzer found for one image.

    Attributes:
        findings: The findings (weights from the policy).
        matches: Archive and stock matches, best first.
        fingerprint: The image's fingerprint, or None if unreadable.
        reason: Why the image could not be read (None when it could).
        animated: Whether it had several frames (only the first was analysed).
        captured_at: EXIF capture time, if any.
        gps: EXIF ``(lat, lon)``, if any.
        distance_to_school_km: Distance from the EXIF position to the school.
    """

    findings: tuple[Finding, ...] = ()
    matches: tuple[ImageMatch, ...] = ()
    fingerprint: ImageFingerprint | None = None
    reason: str | None = None
    animated: bool = False
    captured_at: datetime | None = None
    gps: tuple[float, float] | None = field(default=None, repr=False)
    distance_to_school_km: float | None = None

    @property
    def low_detail(self) -> bool:
        """Whether the image is near uniform (flagged, never matched)."""
        return self.fingerprint is not None and self.fingerprint.low_detail


# ---------------------------------------------------------------------------
# archive-backed indexes (kept in archive.cache["images"])


class _ArchiveIndexes:
    """In-memory indexes of an archive's image signals and stock bank."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.revision: int | None = None
        self.deletions = 0
        self.signal_seq = 0
        self.bank_seq = 0
        self.reports = ImageIndex()
        self.stock = ImageIndex()

    def refresh(self, archive: Archive) -> None:
        rev = archive.revision
        if rev == self.revision:
            return
        deletions = archive.deletions
        if deletions != self.deletions:  # rebuild: reports were deleted
            self.signal_seq = self.bank_seq = 0
            self.reports = ImageIndex()
            self.stock = ImageIndex()
            self.deletions = deletions
        bad = 0
        for sig in archive.signals(_rules.SIGNAL_KIND, after=self.signal_seq):
            self.signal_seq = max(self.signal_seq, sig.seq)
            try:
                self.reports.add(sig.report_id, ImageFingerprint.from_hex(sig.value))
            except ValueError:
                bad += 1
        for entry in archive.bank_entries(
            _rules.STOCK_BANK, _rules.SIGNAL_KIND, after=self.bank_seq
        ):
            self.bank_seq = max(self.bank_seq, entry.seq)
            try:
                self.stock.add(entry.report_id, ImageFingerprint.from_hex(entry.value))
            except ValueError:
                bad += 1
        if bad:
            _log.warning("skipped %d malformed image fingerprints in the archive", bad)
        self.revision = rev


def _state(archive: Archive) -> _ArchiveIndexes:
    state = archive.cache.get(ANALYZER_NAME)
    if not isinstance(state, _ArchiveIndexes):
        state = archive.cache.setdefault(ANALYZER_NAME, _ArchiveIndexes())
    assert isinstance(state, _ArchiveIndexes)
    return state


def archive_indexes(archive: Archive) -> tuple[ImageIndex, ImageIndex]:
    """Return (archived reports index, stock bank index), refreshed if needed."""
    state = _state(archive)
    with state.lock:
        state.refresh(archive)
    return state.reports, state.stock


def _archive_matches(
    fp: ImageFingerprint, archive: Archive, exclude: Collection[str]
) -> tuple[list[ImageMatch], int, int]:
    """Return (matches, archived images indexed, stock images indexed)."""
    state = _state(archive)
    with state.lock:  # searches never overlap a refresh of the same index
        state.refresh(archive)
        report_hits = state.reports.search(fp)
        stock_hits = state.stock.search(fp)
        sizes = (len(state.reports), len(state.stock))
    out: list[ImageMatch] = []
    hits = [(k, d) for k, d in report_hits if k not in exclude]
    if hits:
        meta = archive.meta([k for k, _ in hits])
        for key, dist in hits:
            rec = meta.get(key)
            if rec is None:  # deleted since it was indexed
                continue
            out.append(ImageMatch("archive", key, dist, rec.outcome.value, rec.origin))
    out.extend(ImageMatch("stock", key, dist) for key, dist in stock_hits)
    out.sort(key=lambda m: (m.distance, m.source))
    return out, sizes[0], sizes[1]


# ---------------------------------------------------------------------------
# findings


def _finding(code: str, policy: Policy, evidence: str, guidance: str) -> Finding:
    return Finding(
        code=code,
        analyzer=ANALYZER_NAME,
        weight=policy.weight(code),
        evidence=evidence,
        guidance=guidance,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _match_findings(matches: list[ImageMatch], policy: Policy) -> list[Finding]:
    found: list[Finding] = []
    archived = [m for m in matches if m.source == "archive"]
    if archived:
        credible = [m for m in archived if m.outcome == "credible"]
        group = credible or archived
        local = [m for m in group if m.origin == "local"]
        others = sorted({m.origin or "" for m in group if m.origin != "local"})
        parts: list[str] = []
        if local:
            best = local[0]
            if len(local) == 1:
                parts.append(f"archived report {best.key} (distance {best.distance})")
            else:
                parts.append(
                    f"{len(local)} archived reports, closest {best.key} "
                    f"(distance {best.distance})"
                )
        if others:
            best_d = min(m.distance for m in group if m.origin != "local")
            parts.append(
                f"an image reported by {_plural(len(others), 'other organisation')} "
                f"(distance {best_d})"
            )
        what = "matches " + " and ".join(parts)
        if credible:
            found.append(
                _finding(
                    "image_matches_credible",
                    policy,
                    f"{what}, judged credible",
                    REF_RECYCLED,
                )
            )
        else:
            found.append(
                _finding(
                    "image_recycled",
                    policy,
                    f"{what}: the image was used in an earlier threat",
                    REF_RECYCLED,
                )
            )
    stock = [m for m in matches if m.source == "stock"]
    if stock:
        best = stock[0]
        extra = f" and {len(stock) - 1} more" if len(stock) > 1 else ""
        found.append(
            _finding(
                "image_stock",
                policy,
                f"matches stock image {best.key!r}{extra} (distance {best.distance})",
                REF_IMAGES,
            )
        )
    return found


def _exif_findings(
    exif: Exif,
    school: School | None,
    reference: datetime | None,
    policy: Policy,
) -> tuple[list[Finding], float | None]:
    found: list[Finding] = []
    km: float | None = None
    if exif.captured_at is not None and reference is not None:
        captured = exif.captured_at
        assumed = ""
        if captured.tzinfo is None:
            tz = school.tz if school is not None else UTC
            captured = captured.replace(tzinfo=tz)
            assumed = (
                "; no time zone in EXIF, school's local time assumed"
                if (school is not None)
                else "; no time zone in EXIF, UTC assumed"
            )
        hours = (reference - captured).total_seconds() / 3600.0
        if -_SKEW_HOURS <= hours <= policy.recent_capture_hours:
            found.append(
                _finding(
                    "image_recent_capture",
                    policy,
                    f"EXIF capture time {max(hours, 0.0):.1f} h before the report "
                    f"(window {policy.recent_capture_hours:g} h{assumed})",
                    REF_IMAGES,
                )
            )
    if exif.gps is not None and school is not None and school.location is not None:
        km = haversine_km(exif.gps, school.location)
        if km <= policy.near_school_km:
            found.append(
                _finding(
                    "image_near_school",
                    policy,
                    f"EXIF GPS position {km:.2f} km from the school "
                    f"(radius {policy.near_school_km:g} km)",
                    REF_IMAGES,
                )
            )
    return found, km


def analyze_one(
    image: Any,
    *,
    school: School | None = None,
    archive: Archive | None = None,
    now: datetime | None = None,
    policy: Policy | None = None,
    received_at: datetime | None = None,
    exclude: Collection[str] = (),
) -> ImageAnalysis:
    """Analyse one image; like :func:`analyze` plus archive ids to ignore."""
    policy = policy if policy is not None else Policy()
    for name, value in (("now", now), ("received_at", received_at)):
        if value is not None and (
            not isinstance(value, datetime) or value.tzinfo is None
        ):
            raise TypeError(f"{name} must be a timezone-aware datetime")
    decoded: Decoded = decode(image)
    if decoded.gray is None:
        reason = decoded.reason or "unreadable image"
        return ImageAnalysis(
            findings=(
                _finding(
                    "image_unreadable",
                    policy,
                    f"image could not be read: {reason}",
                    REF_IMAGES,
                ),
            ),
            reason=reason,
        )
    fp = fingerprint_decoded(decoded)
    findings: list[Finding] = []
    matches: list[ImageMatch] = []
    if decoded.animated:
        findings.append(
            _finding(
                "image_animated",
                policy,
                "animated image: only the first frame was analysed",
                REF_IMAGES,
            )
        )
    if fp.low_detail:
        findings.append(
            _finding(
                "image_low_detail",
                policy,
                "near-uniform image: too little detail to match",
                REF_IMAGES,
            )
        )
    elif archive is not None:
        matches, n_reports, n_stock = _archive_matches(fp, archive, exclude)
        if matches:
            findings.extend(_match_findings(matches, policy))
        else:
            findings.append(
                _finding(
                    "image_original",
                    policy,
                    f"no match among {_plural(n_reports, 'archived report')} "
                    f"and {_plural(n_stock, 'stock image')}",
                    REF_IMAGES,
                )
            )
    reference = received_at if received_at is not None else now
    exif_found, km = _exif_findings(decoded.exif, school, reference, policy)
    findings.extend(exif_found)
    return ImageAnalysis(
        findings=tuple(findings),
        matches=tuple(matches),
        fingerprint=fp,
        animated=decoded.animated,
        captured_at=decoded.exif.captured_at,
        gps=decoded.exif.gps,
        distance_to_school_km=km,
    )


def analyze(
    image: Any,
    *,
    school: School | None = None,
    archive: Archive | None = None,
    now: datetime | None = None,
    policy: Policy | None = None,
    received_at: datetime | None = None,
) -> ImageAnalysis:
    """Analyse one image: recycled, stock, original, capture time and place.

    Args:
        image: A path, bytes, binary file object or PIL image.
        school: The threatened school (its ``location`` and time zone are used for
            EXIF GPS and naive capture times).
        archive: Archive of earlier threats and stock banks; without one, no
            matching is done and no ``image_original`` is reported.
        now: Time of the assessment; the capture-time reference when
            ``received_at`` is None. With neither, capture time is not judged.
        policy: Weights and windows (``recent_capture_hours``, ``near_school_km``);
            ``Policy()`` when None.
        received_at: When the report arrived (the capture-time reference).

    Returns:
        An :class:`ImageAnalysis`; an undecodable image yields one
        ``image_unreadable`` finding, never an exception.

    Raises:
        TypeError: ``image`` is not an accepted type, or a datetime is naive.
    """
    return analyze_one(
        image,
        school=school,
        archive=archive,
        now=now,
        policy=policy,
        received_at=received_at,
    )
