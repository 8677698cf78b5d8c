"""Signal exchange between districts: export and import fingerprints, never content.

File format (JSON Lines, UTF-8), documented in ``docs/exchange.md`` with a JSON Schema
in ``threatsignals/schema/signals.schema.json``:

- line 1, the header: ``{"type": "header", "format": "threatsignals.signals",
  "version": 1, "org": ..., "exported_at": <hour>, "count": n}``
- then one ``{"type": "signal", ...}`` record per archived report: a stable signal
  id, the exporting organisation, time rounded down to the hour, channel, outcome,
  country and state, an opaque school token (the school key only when the exporter
  opts in), shared text fingerprints (:mod:`threatsignals.text._shared`) and image
  fingerprints (hex with algorithm and version).

Never exported: message text (normalised or masked), images, names of schools
(unless opted in), people, places or phone numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from threatsignals.errors import ArchiveError, InvalidInputError, Problem

if TYPE_CHECKING:
    from threatsignals.archive import Archive, ArchivedReport

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ImportResult",
    "export_signals",
    "import_signals",
]

_log = logging.getLogger(__name__)

#: The ``format`` value of the header line.
FORMAT = "threatsignals.signals"
#: The newest file format version this library reads and the one it writes.
FORMAT_VERSION = 1

_ORG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
_ID_RE = re.compile(r"^[0-9a-f]{24}$")
_HEX_RE = re.compile(r"^[0-9a-f]+$")
_CHANNELS = {
    "phone",
    "email",
    "social_media",
    "written",
    "tip_line",
    "scanning_software",
    "in_person",
    "other",
}
_OUTCOMES = {"hoax", "credible", "unknown"}
_MAX_LINE = 1_000_000
_MAX_IMAGES = 32


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What :meth:`Archive.import_signals` did.

    Attributes:
        org: The exporting organisation named in the header.
        added: Records stored as new imported reports.
        duplicates: Records already present (importing is idempotent).
        rejected: ``(line_number, reason)`` for each invalid record, skipped.
    """

    org: str
    added: int
    duplicates: int
    rejected: tuple[tuple[int, str], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "org": self.org,
            "added": self.added,
            "duplicates": self.duplicates,
            "rejected": [{"line": n, "reason": r} for n, r in self.rejected],
        }


def _hour(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(minute=0, second=0, microsecond=0).isoformat()


def _secret(archive: Archive) -> bytes:
    """The archive's own export secret (created once, stored in its meta table)."""
    value = archive.meta_value("export_secret")
    if value is None:
        value = secrets.token_hex(32)
        archive.set_meta_value("export_secret", value)
        value = archive.meta_value("export_secret") or value
    return bytes.fromhex(value)


def export_signals(
    archive: Archive,
    path: str | os.PathLike[str],
    *,
    org: str,
    since: datetime | None = None,
    schools: Sequence[str] | None = None,
    include_school_names: bool = False,
    now: datetime | None = None,
) -> int:
    """Write the archive's own reports as shareable signals; return how many."""
    from threatsignals.text._index import signature_from_hex
    from threatsignals.text._shared import SHARED_ALGORITHM, shared_fingerprint

    if not isinstance(org, str) or not _ORG_RE.match(org):
        raise InvalidInputError(
            "org must be 1-64 letters, digits or . _ : - (an organisation id)",
            field="org",
        )
    wanted = set(schools) if schools is not None else None
    rows = [
        r
        for r in archive.reports(since=since)
        if r.origin == "local" and (wanted is None or r.school in wanted)
    ]
    secret = _secret(archive)
    exported_at = _hour(now or datetime.now(UTC))
    target = Path(path)
    tmp = target.with_name(target.name + ".partial")
    n = 0
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        header = {
            "type": "header",
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "org": org,
            "exported_at": exported_at,
            "count": len(rows),
            "text_algorithm": SHARED_ALGORITHM,
        }
        fh.write(json.dumps(header, sort_keys=True) + "\n")
        wanted_ids = {r.id for r in rows}
        masked_by_id = {
            s.report_id: s.value
            for s in archive.signals("text.masked")
            if s.report_id in wanted_ids
        }
        sigs_by_id = {
            s.report_id: s.value
            for s in archive.signals("text.minhash")
            if s.report_id in wanted_ids
        }
        images_by_id: dict[str, list[str]] = {}
        for s in archive.signals("image.fp"):
            if s.report_id in wanted_ids:
                images_by_id.setdefault(s.report_id, []).append(s.value)
        for rec in rows:
            masked = masked_by_id.get(rec.id)
            text: dict[str, Any] | None = None
            if masked:
                stored = sigs_by_id.get(rec.id)
                bands, exact = shared_fingerprint(
                    masked, signature_from_hex(stored) if stored else None
                )
                text = {"algorithm": SHARED_ALGORITHM, "bands": bands, "exact": exact}
            images = images_by_id.get(rec.id, [])[:_MAX_IMAGES]
            token = hmac.new(
                secret, rec.school.encode("utf-8", "surrogatepass"), hashlib.sha256
            ).hexdigest()[:24]
            signal_id = hmac.new(
                secret, rec.id.encode("utf-8", "surrogatepass"), hashlib.sha256
            ).hexdigest()[:24]
            record = {
                "type": "signal",
                "signal_id": signal_id,
                "org": org,
                "time": _hour(rec.received_at),
                "channel": rec.channel,
                "outcome": rec.outcome.value,
                "region": rec.region,
                "subdivision": rec.subdivision,
                "school_token": token,
                "school": rec.school if include_school_names else None,
                "text": text,
                "images": images,
            }
            fh.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, target)
    _log.info("exported %d signal(s)", n)
    return n


def _problem(field: str, message: str) -> str:
    return f"{field}: {message}"


def _validate(record: object, org: str) -> tuple[dict[str, Any] | None, str | None]:
    """Return ``(record, None)`` when valid, else ``(None, reason)``."""
    if not isinstance(record, dict):
        return None, "not a JSON object"
    if record.get("type") != "signal":
        return None, _problem("type", 'expected "signal"')
    allowed = {
        "type",
        "signal_id",
        "org",
        "time",
        "channel",
        "outcome",
        "region",
        "subdivision",
        "school_token",
        "school",
        "text",
        "images",
    }
    unknown = sorted(k for k in record if k not in allowed)
    if unknown:
        return None, _problem("record", f"{len(unknown)} unknown field(s)")
    sid = record.get("signal_id")
    if not isinstance(sid, str) or not _ID_RE.match(sid):
        return None, _problem("signal_id", "expected 24 lowercase hex digits")
    if record.get("org") != org:
        return None, _problem("org", "differs from the header's organisation")
    t = record.get("time")
    try:
        when = datetime.fromisoformat(t) if isinstance(t, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        return None, _problem("time", "expected an ISO 8601 time with offset")
    if record.get("channel") not in _CHANNELS:
        return None, _problem("channel", "unknown channel")
    if record.get("outcome") not in _OUTCOMES:
        return None, _problem("outcome", "expected hoax, credible or unknown")
    for name, limit in (("region", 2), ("subdivision", 16), ("school", 256)):
        v = record.get(name)
        if v is not None and (not isinstance(v, str) or len(v) > limit):
            return None, _problem(name, "wrong type or too long")
    token = record.get("school_token")
    if not isinstance(token, str) or not _ID_RE.match(token):
        return None, _problem("school_token", "expected 24 lowercase hex digits")
    text = record.get("text")
    if text is not None:
        from threatsignals.text._shared import SHARED_ALGORITHM, bands_from_hex

        if not isinstance(text, dict):
            return None, _problem("text", "expected an object or null")
        if text.get("algorithm") != SHARED_ALGORITHM:
            return None, _problem("text.algorithm", "unsupported text fingerprint")
        if bands_from_hex(text.get("bands", "")) is None:
            return None, _problem("text.bands", "malformed")
        exact = text.get("exact")
        if not isinstance(exact, str) or len(exact) != 64 or not _HEX_RE.match(exact):
            return None, _problem("text.exact", "expected a SHA-256 hex digest")
    images = record.get("images", [])
    if not isinstance(images, list) or len(images) > _MAX_IMAGES:
        return None, _problem("images", f"expected a list of at most {_MAX_IMAGES}")
    from threatsignals.images import ImageFingerprint

    for i, value in enumerate(images):
        try:
            ImageFingerprint.from_hex(value)
        except (ValueError, TypeError):
            return None, _problem(f"images[{i}]", "not an image fingerprint")
    record = dict(record)
    record["_time"] = when
    return record, None


def _lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, str]]:
    try:
        fh = Path(path).open(encoding="utf-8", errors="strict")  # noqa: SIM115
    except OSError as exc:
        raise InvalidInputError(
            f"cannot read signals file ({type(exc).__name__})", field="path"
        ) from None
    with fh:
        n = 0
        while True:
            n += 1
            try:
                line = fh.readline(_MAX_LINE + 1)
            except UnicodeDecodeError:
                yield n, "\x00invalid-utf8"
                return
            if not line:
                return
            if len(line) > _MAX_LINE and not line.endswith("\n"):
                fh.readline()  # skip the rest of an over-long line
                yield n, "\x00too-long"
                continue
            yield n, line


def import_signals(
    archive: Archive,
    path: str | os.PathLike[str],
    *,
    now: datetime | None = None,
    batch: int = 2000,
) -> ImportResult:
    """Import a signals file into the archive (idempotent, validating every line)."""
    from threatsignals.archive import ArchivedReport, Outcome

    lines = _lines(path)
    header_line = next(lines, None)
    if header_line is None:
        raise InvalidInputError("signals file is empty", field="path")
    try:
        header = json.loads(header_line[1])
    except ValueError:
        header = None
    if (
        not isinstance(header, dict)
        or header.get("type") != "header"
        or header.get("format") != FORMAT
    ):
        raise InvalidInputError(
            [Problem("line 1", "bad_header", "not a threatsignals signals file")]
        )
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidInputError(
            [Problem("line 1", "bad_header", "missing format version")]
        )
    if version > FORMAT_VERSION:
        raise ArchiveError(
            f"signals file format version {version} is newer than this "
            f"library reads ({FORMAT_VERSION}); upgrade threatsignals"
        )
    org = header.get("org")
    if not isinstance(org, str) or not _ORG_RE.match(org):
        raise InvalidInputError([Problem("line 1", "bad_header", "invalid org id")])
    added_at = now or datetime.now(UTC)
    rejected: list[tuple[int, str]] = []
    added = 0
    duplicates = 0
    pending: list[tuple[ArchivedReport, list[tuple[str, str]]]] = []

    def flush() -> None:
        nonlocal added, duplicates
        if pending:
            new = archive.add_records(pending)
            added += new
            duplicates += len(pending) - new
            pending.clear()

    for n, line in lines:
        if not line.strip():
            continue
        if line.startswith("\x00"):
            rejected.append(
                (n, "line is not valid UTF-8" if "utf8" in line else "line is too long")
            )
            continue
        try:
            raw = json.loads(line)
        except ValueError:
            rejected.append((n, "not valid JSON"))
            continue
        record, reason = _validate(raw, org)
        if record is None:
            rejected.append((n, reason or "invalid"))
            continue
        school = record["school"] or f"{org}:{record['school_token']}"
        meta = ArchivedReport(
            id=f"x:{org}:{record['signal_id']}",
            school=school,
            channel=record["channel"],
            received_at=record["_time"],
            added_at=added_at,
            outcome=Outcome(record["outcome"]),
            origin=org,
            region=record.get("region"),
            subdivision=record.get("subdivision"),
        )
        signals: list[tuple[str, str]] = []
        if record.get("text"):
            signals.append(("xtext.bands", record["text"]["bands"]))
            signals.append(("xtext.exact", record["text"]["exact"]))
        signals.extend(("image.fp", v) for v in record.get("images", []))
        pending.append((meta, signals))
        if len(pending) >= batch:
            flush()
    flush()
    _log.info(
        "imported signals: %d added, %d duplicate, %d rejected",
        added,
        duplicates,
        len(rejected),
    )
    return ImportResult(
        org=org, added=added, duplicates=duplicates, rejected=tuple(rejected)
    )


def iter_records(path: str | os.PathLike[str]) -> Iterable[dict[str, Any]]:
    """Yield the JSON objects of a signals file (header first), for inspection."""
    for _, line in _lines(path):
        if line.strip() and not line.startswith("\x00"):
            yield json.loads(line)
