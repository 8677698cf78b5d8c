"""Data model: what arrived (Report), who is threatened (School), and the result.

All classes are frozen, slotted dataclasses. Input classes (:class:`Report`,
:class:`School`, :class:`Event`, :class:`Interview`) validate themselves when built
and raise :class:`~threatsignals.errors.InvalidReportError` listing every problem as
field + message, never echoing the offending value. Each class has hand-written
``to_dict``/``from_dict`` that round-trip through JSON (datetimes as ISO 8601 with
offset).
"""

from __future__ import annotations

import base64
import binascii
import html
import io
import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar, Self, TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from threatsignals.errors import InvalidReportError, Problem

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "AnalyzerRun",
    "Assessment",
    "Awareness",
    "Channel",
    "Event",
    "Finding",
    "ImageInput",
    "Interview",
    "Level",
    "Question",
    "Report",
    "School",
]

#: Version of the JSON shape written by ``to_dict``; moves only on breaking changes.
SCHEMA_VERSION = 1

#: What ``Report.images`` accepts: a path, raw bytes, or a PIL image.
ImageInput: TypeAlias = "str | os.PathLike[str] | bytes | Any"

_MAX_TEXT = 10_000_000  # characters; larger reports are rejected, not truncated
_MAX_SHORT = 10_000  # characters for names, caller IDs and other short fields


class Level(StrEnum):
    """Level of concern, from the score and the policy's bands."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Channel(StrEnum):
    """How the threat was delivered."""

    PHONE = "phone"
    EMAIL = "email"
    SOCIAL_MEDIA = "social_media"
    WRITTEN = "written"
    TIP_LINE = "tip_line"
    SCANNING_SOFTWARE = "scanning_software"
    IN_PERSON = "in_person"
    OTHER = "other"


class Awareness(StrEnum):
    """How the school became aware of the threat (the guidance asks for it)."""

    DIRECT = "direct"  # sent or spoken to the school itself
    STUDENT = "student"  # a student reported it
    STAFF = "staff"
    PARENT = "parent"
    TIP_LINE = "tip_line"
    SCANNING_SOFTWARE = "scanning_software"
    SOCIAL_MEDIA = "social_media"  # seen being shared online
    LAW_ENFORCEMENT = "law_enforcement"
    MEDIA = "media"
    PARTNER = "partner"  # another school, district or fusion center
    OTHER = "other"


# ---------------------------------------------------------------------------
# validation helpers


class _Checker:
    """Collects problems for one object; raises them all at once."""

    __slots__ = ("prefix", "problems")

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.problems: list[Problem] = []

    def add(self, name: str, code: str, message: str) -> None:
        self.problems.append(Problem(f"{self.prefix}.{name}", code, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidReportError(self.problems)

    def text(self, name: str, value: object, *, limit: int = _MAX_SHORT) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            self.add(
                name, "wrong_type", f"expected a string, got {type(value).__name__}"
            )
        elif len(value) > limit:
            self.add(name, "too_long", f"longer than {limit} characters")

    def aware(self, name: str, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, datetime):
            self.add(
                name, "wrong_type", f"expected a datetime, got {type(value).__name__}"
            )
        elif value.tzinfo is None or value.utcoffset() is None:
            self.add(name, "naive_datetime", "datetime has no timezone; give an offset")
        elif not _utc_representable(value):
            self.add(name, "out_of_range", "not representable in UTC (year 1..9999)")

    def number(
        self,
        name: str,
        value: object,
        *,
        low: float | None = None,
        high: float | None = None,
    ) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(
                name, "wrong_type", f"expected a number, got {type(value).__name__}"
            )
            return
        if not math.isfinite(value):
            self.add(name, "not_finite", "must be a finite number")
        elif low is not None and value < low:
            self.add(name, "out_of_range", f"must be >= {low}")
        elif high is not None and value > high:
            self.add(name, "out_of_range", f"must be <= {high}")

    def strings(self, obj: object, name: str) -> tuple[str, ...]:
        """Coerce a sequence of strings to a tuple, recording problems."""
        value = getattr(obj, name)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, Iterable):
            self.add(name, "wrong_type", "expected a list of strings")
            return ()
        items = tuple(value)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                self.add(f"{name}[{i}]", "wrong_type", "expected a string")
            elif len(item) > _MAX_SHORT:
                self.add(
                    f"{name}[{i}]", "too_long", f"longer than {_MAX_SHORT} characters"
                )
        return items


def _utc_representable(value: datetime) -> bool:
    """Whether an aware datetime converts to UTC (0001-01-01 00:00+14:00 does not)."""
    try:
        value.astimezone(UTC)
    except OverflowError:
        return False
    return True


def _has_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _mask_text(value: str | None) -> str:
    return "None" if value is None else f"<{len(value)} chars>"


def _mask_number(value: str | None) -> str:
    if value is None:
        return "None"
    digits = [c for c in value if c.isdigit()]
    if len(digits) < 4:
        return "<masked>"
    return "***" + "".join(digits[-2:])


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_dt(value: object, where: str, check: _Checker) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        check.add(where, "wrong_type", "expected an ISO 8601 datetime string")
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        check.add(where, "bad_datetime", "not an ISO 8601 datetime")
        return None


def _mapping(data: object, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise InvalidReportError(
            [
                Problem(
                    what, "wrong_type", f"expected an object, got {type(data).__name__}"
                )
            ]
        )
    return data


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


def _key_name(key: object) -> str:
    """An unknown key as shown in a problem: identifier-like keys only.

    Any other key (spaces, newlines, long text, non-strings) may be content a
    sender put there, so it is never echoed.
    """
    if isinstance(key, str) and _FIELD_NAME.fullmatch(key):
        return key
    return "<unnamed field>"


def _unknown_keys(
    data: Mapping[str, Any], cls: type, what: str, extra: set[str]
) -> None:
    known = {f.name for f in fields(cls)} | extra
    unknown = sorted({_key_name(k) for k in data if k not in known})
    if unknown:
        raise InvalidReportError(
            [Problem(f"{what}.{k}", "unknown_field", "unknown field") for k in unknown]
        )


# ---------------------------------------------------------------------------
# input records


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event on the school calendar (an exam period, an assembly, a game).

    Attributes:
        name: What the event is called, e.g. ``"Finals"``.
        start: When it starts (timezone-aware).
        end: When it ends (timezone-aware, not before ``start``).
        kind: ``"exam"`` marks a testing period (a common disruption goal);
            other values (``"event"``, ``"assembly"``, ``"sports"``, ``"holiday"``,
            ``"anniversary"``) are informational.
    """

    name: str
    start: datetime
    end: datetime
    kind: str = "event"

    def __post_init__(self) -> None:
        check = _Checker("event")
        check.text("name", self.name)
        if not isinstance(self.name, str) or not self.name.strip():
            check.add("name", "empty", "an event needs a name")
        check.aware("start", self.start)
        check.aware("end", self.end)
        check.text("kind", self.kind, limit=64)
        check.raise_if_any()
        if self.end < self.start:
            check.add("end", "out_of_range", "ends before it starts")
        check.raise_if_any()

    def covers(self, when: datetime) -> bool:
        """Return whether ``when`` falls within the event (inclusive)."""
        return self.start <= when <= self.end

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "name": self.name,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """Build an event from a dict as written by :meth:`to_dict`."""
        data = _mapping(data, "event")
        _unknown_keys(data, cls, "event", set())
        check = _Checker("event")
        start = _parse_dt(data.get("start"), "start", check)
        end = _parse_dt(data.get("end"), "end", check)
        if start is None:
            check.add("start", "missing", "required")
        if end is None:
            check.add("end", "missing", "required")
        check.raise_if_any()
        if start is None or end is None:  # pragma: no cover - reported above
            raise InvalidReportError(
                [Problem("event", "missing", "start and end required")]
            )
        return cls(
            name=data.get("name", ""),
            start=start,
            end=end,
            kind=data.get("kind", "event"),
        )


@dataclass(frozen=True, slots=True)
class School:
    """The school (or district office) that is threatened.

    Attributes:
        name: Official name, e.g. ``"Lincoln Heights High School"``.
        aliases: Other names people use (``"LHHS"``, ``"Lincoln"``).
        region: ISO 3166-1 alpha-2 country code used to read phone numbers.
        phone_numbers: The school's own numbers (a caller ID showing one is spoofed).
        emergency_numbers: Local emergency contacts, e.g. the police non-emergency line.
        places: Streets, buildings and rooms a local would name.
        people: Staff and students who might be named in a threat.
        location: ``(latitude, longitude)`` in degrees, or None.
        timezone: IANA time zone name; stated times are resolved in it.
        calendar: Exam periods and events.
        subdivision: State or province code (``"IL"``); shared in signal exports
            instead of the school's name.
        id: A stable identifier; defaults to the name.
    """

    name: str
    aliases: tuple[str, ...] = ()
    region: str = "US"
    phone_numbers: tuple[str, ...] = ()
    emergency_numbers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    location: tuple[float, float] | None = None
    timezone: str = "UTC"
    calendar: tuple[Event, ...] = ()
    subdivision: str | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        check = _Checker("school")
        check.text("name", self.name)
        for key_field in ("name", "id", "subdivision"):
            value = getattr(self, key_field)
            if isinstance(value, str) and _has_surrogate(value):
                # The archive stores these (SQLite text is UTF-8 only).
                check.add(key_field, "bad_text", "contains unpaired surrogates")
        if self.name is None:
            check.add("name", "missing", "a school needs a name")
        elif isinstance(self.name, str) and not self.name.strip():
            check.add("name", "empty", "a school needs a name")
        for name in (
            "aliases",
            "phone_numbers",
            "emergency_numbers",
            "places",
            "people",
        ):
            object.__setattr__(self, name, check.strings(self, name))
        if (
            not isinstance(self.region, str)
            or len(self.region) != 2
            or not self.region.isalpha()
        ):
            check.add(
                "region", "bad_region", "expected a two-letter ISO 3166 country code"
            )
        else:
            object.__setattr__(self, "region", self.region.upper())
        if self.location is not None:
            loc = self.location
            if not isinstance(loc, Sequence) or isinstance(loc, str) or len(loc) != 2:
                check.add("location", "wrong_type", "expected (latitude, longitude)")
            else:
                check.number("location.latitude", loc[0], low=-90, high=90)
                check.number("location.longitude", loc[1], low=-180, high=180)
                if not check.problems:
                    object.__setattr__(self, "location", (float(loc[0]), float(loc[1])))
        if not isinstance(self.timezone, str):
            check.add("timezone", "wrong_type", "expected an IANA time zone name")
        else:
            try:
                ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                check.add("timezone", "unknown_timezone", "not an IANA time zone name")
        cal = self.calendar if self.calendar is not None else ()
        if isinstance(cal, Event):
            cal = (cal,)
        if not isinstance(cal, Iterable):
            check.add("calendar", "wrong_type", "expected a list of Event")
            cal = ()
        cal = tuple(cal)
        for i, ev in enumerate(cal):
            if not isinstance(ev, Event):
                check.add(f"calendar[{i}]", "wrong_type", "expected an Event")
        object.__setattr__(self, "calendar", cal)
        check.text("subdivision", self.subdivision, limit=16)
        check.text("id", self.id, limit=256)
        check.raise_if_any()

    @property
    def key(self) -> str:
        """Stable key used by the archive: ``id`` if given, else the name."""
        return self.id if self.id else self.name

    @property
    def tz(self) -> tzinfo:
        """The school's time zone as a ``tzinfo``."""
        return ZoneInfo(self.timezone)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)

    def __repr__(self) -> str:
        return (
            f"School(name=<{len(self.name)} chars>, region={self.region!r}, "
            f"places={len(self.places)}, people={len(self.people)}, "
            f"phone_numbers={len(self.phone_numbers)}, timezone={self.timezone!r})"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "region": self.region,
            "phone_numbers": list(self.phone_numbers),
            "emergency_numbers": list(self.emergency_numbers),
            "places": list(self.places),
            "people": list(self.people),
            "location": list(self.location) if self.location is not None else None,
            "timezone": self.timezone,
            "calendar": [e.to_dict() for e in self.calendar],
            "subdivision": self.subdivision,
            "id": self.id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> School:
        """Build a school from a dict (JSON or TOML shaped like :meth:`to_dict`)."""
        data = _mapping(data, "school")
        _unknown_keys(data, cls, "school", set())
        kwargs = dict(data)
        cal = kwargs.get("calendar")
        if cal is not None:
            if not isinstance(cal, list):
                raise InvalidReportError(
                    [
                        Problem(
                            "school.calendar", "wrong_type", "expected a list of events"
                        )
                    ]
                )
            kwargs["calendar"] = tuple(Event.from_dict(e) for e in cal)
        loc = kwargs.get("location")
        if isinstance(loc, list):
            kwargs["location"] = tuple(loc)
        if "name" not in kwargs:
            raise InvalidReportError([Problem("school.name", "missing", "required")])
        return cls(**kwargs)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> School:
        """Read a school from a ``.toml`` or ``.json`` file.

        A TOML file may hold the fields at top level or under a ``[school]`` table.
        """
        p = Path(path)
        try:
            raw = p.read_bytes()
        except OSError as exc:
            raise InvalidReportError(
                [
                    Problem(
                        "school_file",
                        "unreadable",
                        f"cannot read file ({type(exc).__name__})",
                    )
                ]
            ) from None
        try:
            if p.suffix.lower() == ".toml":
                import tomllib

                data: Any = tomllib.loads(raw.decode("utf-8"))
                if isinstance(data, dict) and isinstance(data.get("school"), dict):
                    data = data["school"]
            else:
                data = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise InvalidReportError(
                [
                    Problem(
                        "school_file",
                        "bad_syntax",
                        f"not valid {p.suffix or 'JSON'}: {type(exc).__name__}",
                    )
                ]
            ) from None
        return cls.from_dict(data)


@dataclass(frozen=True, slots=True)
class Interview:
    """What the person who took a phone threat learned by asking follow-up questions.

    For the three ``gave_*`` fields: ``True`` = answered, ``False`` = asked and not
    answered, ``None`` = not asked.

    Attributes:
        gave_name: Whether the caller gave a full name.
        gave_callback: Whether the caller gave a callback number.
        gave_location: Whether the caller said where they are now.
        places_mentioned: Streets and buildings the caller named, as heard.
        voice_masked: Whether the voice sounded computer-generated or distorted.
        hung_up: Whether the caller hung up when questioned.
        relay_service: Whether the call came through a relay service (TRS/IP relay).
    """

    gave_name: bool | None = None
    gave_callback: bool | None = None
    gave_location: bool | None = None
    places_mentioned: tuple[str, ...] = ()
    voice_masked: bool | None = None
    hung_up: bool | None = None
    relay_service: bool | None = None

    _FLAGS: ClassVar[tuple[str, ...]] = (
        "gave_name",
        "gave_callback",
        "gave_location",
        "voice_masked",
        "hung_up",
        "relay_service",
    )

    def __post_init__(self) -> None:
        check = _Checker("interview")
        for name in self._FLAGS:
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                check.add(name, "wrong_type", "expected true, false or null")
        object.__setattr__(
            self, "places_mentioned", check.strings(self, "places_mentioned")
        )
        check.raise_if_any()

    def __repr__(self) -> str:
        flags = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._FLAGS)
        return f"Interview({flags}, places_mentioned={len(self.places_mentioned)})"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        out: dict[str, Any] = {n: getattr(self, n) for n in self._FLAGS}
        out["places_mentioned"] = list(self.places_mentioned)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Interview:
        """Build an interview from a dict with the same keys."""
        data = _mapping(data, "interview")
        _unknown_keys(data, cls, "interview", set())
        return cls(**data)

    @classmethod
    def coerce(cls, value: object) -> Interview | None:
        """Return ``value`` as an Interview (accepts a dict), or None.

        Lenient: unknown keys are ignored and values of the wrong type count as
        "not asked", so that messy intake data never sinks an analysis.
        """
        if value is None or isinstance(value, Interview):
            return value
        if not isinstance(value, Mapping):
            return None
        kwargs: dict[str, Any] = {}
        for name in cls._FLAGS:
            v = value.get(name)
            kwargs[name] = v if isinstance(v, bool) else None
        places = value.get("places_mentioned")
        if isinstance(places, str):
            places = (places,)
        if isinstance(places, Iterable):
            kwargs["places_mentioned"] = tuple(
                p[:_MAX_SHORT] for p in places if isinstance(p, str)
            )[:100]
        return cls(**kwargs)


def _check_image(item: object) -> bool:
    if isinstance(item, str | bytes | bytearray | memoryview | os.PathLike):
        return True
    return hasattr(item, "getbands") and hasattr(item, "size")


@dataclass(frozen=True, slots=True)
class Report:
    """One anonymous threat as it arrived.

    Attributes:
        text: The message text, a transcript of the call, or a description of writing.
        channel: How it was delivered (see :class:`Channel`).
        received_at: When the school received it (timezone-aware).
        caller_id: The caller ID as shown, for phone threats; any junk is accepted.
        attestation: STIR/SHAKEN attestation (``"A"``, ``"B"``, ``"C"``) or verstat.
        interview: Follow-up questions asked of a caller (:class:`Interview` or dict).
        images: Attached images: paths, bytes or PIL images.
        source_country: ISO country where the message was traced (e.g. an IP trace).
        source_distance_km: Distance from the school to the traced origin, in km.
        awareness: How the school became aware of it (see :class:`Awareness`).
        target: The stated target in the investigator's words (a person, a building).
        local_media: Whether local media has reported on this threat.
        other_schools_reported: How many other schools or districts reported the
            same message (when a partner told you).
        id: A caller-chosen identifier; the archive derives one when None.
    """

    text: str | None = None
    channel: Channel | str = Channel.OTHER
    received_at: datetime | None = None
    caller_id: str | None = None
    attestation: str | None = None
    interview: Interview | Mapping[str, Any] | None = None
    images: tuple[ImageInput, ...] = ()
    source_country: str | None = None
    source_distance_km: float | None = None
    awareness: Awareness | str | None = None
    target: str | None = None
    local_media: bool | None = None
    other_schools_reported: int | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        check = _Checker("report")
        check.text("text", self.text, limit=_MAX_TEXT)
        try:
            object.__setattr__(self, "channel", Channel(self.channel))
        except ValueError:
            check.add(
                "channel",
                "unknown_value",
                "unknown channel; expected one of "
                + ", ".join(c.value for c in Channel),
            )
        check.aware("received_at", self.received_at)
        check.text("caller_id", self.caller_id)
        check.text("attestation", self.attestation, limit=256)
        if self.interview is not None:
            if isinstance(self.interview, Mapping):
                try:
                    object.__setattr__(
                        self, "interview", Interview.from_dict(self.interview)
                    )
                except InvalidReportError as exc:
                    check.problems.extend(
                        replace(p, field="report." + p.field) for p in exc.problems
                    )
            elif not isinstance(self.interview, Interview):
                check.add("interview", "wrong_type", "expected an Interview or a dict")
        imgs = self.images
        if imgs is None:
            imgs = ()
        elif isinstance(imgs, str | bytes | bytearray | os.PathLike) or not isinstance(
            imgs, Iterable
        ):
            imgs = (imgs,)
        imgs = tuple(imgs)
        for i, item in enumerate(imgs):
            if not _check_image(item):
                check.add(
                    f"images[{i}]", "wrong_type", "expected a path, bytes or PIL image"
                )
        object.__setattr__(self, "images", imgs)
        if self.source_country is not None:
            sc = self.source_country
            if not isinstance(sc, str) or len(sc) != 2 or not sc.isalpha():
                check.add(
                    "source_country", "bad_region", "expected a two-letter country code"
                )
            else:
                object.__setattr__(self, "source_country", sc.upper())
        check.number("source_distance_km", self.source_distance_km, low=0, high=40_100)
        if self.awareness is not None:
            try:
                object.__setattr__(self, "awareness", Awareness(self.awareness))
            except ValueError:
                check.add(
                    "awareness",
                    "unknown_value",
                    "unknown value; expected one of "
                    + ", ".join(a.value for a in Awareness),
                )
        check.text("target", self.target)
        if self.local_media is not None and not isinstance(self.local_media, bool):
            check.add("local_media", "wrong_type", "expected true, false or null")
        osr = self.other_schools_reported
        if osr is not None and (isinstance(osr, bool) or not isinstance(osr, int)):
            check.add("other_schools_reported", "wrong_type", "expected a whole number")
        else:
            check.number("other_schools_reported", osr, low=0)
        check.text("id", self.id, limit=256)
        if isinstance(self.id, str) and _has_surrogate(self.id):
            # The id is an archive key and is printed; it must be valid UTF-8.
            check.add("id", "bad_text", "contains unpaired surrogates")
        check.raise_if_any()

    @property
    def interview_record(self) -> Interview | None:
        """The interview as an :class:`Interview` (dicts are converted on build)."""
        iv = self.interview
        return iv if isinstance(iv, Interview) else None

    def __repr__(self) -> str:
        return (
            f"Report(id={self.id!r}, channel={str(self.channel)!r}, "
            f"received_at={_iso(self.received_at)!r}, text={_mask_text(self.text)}, "
            f"caller_id={_mask_number(self.caller_id)}, images={len(self.images)})"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; images become paths or base64 data."""
        iv = self.interview_record
        return {
            "id": self.id,
            "text": self.text,
            "channel": str(self.channel),
            "received_at": _iso(self.received_at),
            "caller_id": self.caller_id,
            "attestation": self.attestation,
            "interview": iv.to_dict() if iv is not None else None,
            "images": [_image_to_json(img, i) for i, img in enumerate(self.images)],
            "source_country": self.source_country,
            "source_distance_km": self.source_distance_km,
            "awareness": str(self.awareness) if self.awareness is not None else None,
            "target": self.target,
            "local_media": self.local_media,
            "other_schools_reported": self.other_schools_reported,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Build a report from a JSON-shaped dict as written by :meth:`to_dict`.

        Images may be given as a path string, ``{"path": ...}`` or
        ``{"base64": ...}``. Raises :class:`InvalidReportError` on any problem.
        """
        data = _mapping(data, "report")
        _unknown_keys(data, cls, "report", {"schema_version"})
        kwargs = {k: v for k, v in data.items() if k != "schema_version"}
        check = _Checker("report")
        if "received_at" in kwargs:
            kwargs["received_at"] = _parse_dt(
                kwargs["received_at"], "received_at", check
            )
        images = kwargs.get("images")
        if images is not None:
            if not isinstance(images, list):
                check.add("images", "wrong_type", "expected a list")
                kwargs["images"] = ()
            else:
                kwargs["images"] = tuple(
                    _image_from_json(v, i, check) for i, v in enumerate(images)
                )
        check.raise_if_any()
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        """Parse a report from a JSON document."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise InvalidReportError(
                [
                    Problem(
                        "report", "bad_json", f"not valid JSON ({type(exc).__name__})"
                    )
                ]
            ) from None
        return cls.from_dict(data)


def _image_to_json(item: object, i: int = 0) -> Any:
    if isinstance(item, str | os.PathLike):
        return {"path": os.fspath(item)}
    if isinstance(item, bytes | bytearray | memoryview):
        return {"base64": base64.b64encode(bytes(item)).decode("ascii")}
    buf = io.BytesIO()
    try:
        item.save(buf, format="PNG")  # type: ignore[attr-defined]
    except (OSError, ValueError, KeyError):
        # PNG cannot hold every mode (CMYK, YCbCr, LAB, F...): store RGB(A).
        buf = io.BytesIO()
        try:
            alpha = any(b in ("A", "a") for b in item.getbands())  # type: ignore[attr-defined]
            item.convert("RGBA" if alpha else "RGB").save(buf, format="PNG")  # type: ignore[attr-defined]
        except (OSError, ValueError, KeyError):
            raise InvalidReportError(
                [
                    Problem(
                        f"report.images[{i}]",
                        "unsupported_mode",
                        "this image mode cannot be written as PNG",
                    )
                ]
            ) from None
    return {"base64": base64.b64encode(buf.getvalue()).decode("ascii")}


def _image_from_json(value: object, i: int, check: _Checker) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        if isinstance(value.get("path"), str):
            return value["path"]
        if isinstance(value.get("base64"), str):
            try:
                return base64.b64decode(value["base64"], validate=True)
            except (binascii.Error, ValueError):
                check.add(f"images[{i}]", "bad_base64", "not valid base64")
                return b""
    check.add(f"images[{i}]", "wrong_type", 'expected a path or {"base64": ...}')
    return b""


# ---------------------------------------------------------------------------
# results


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation that raises or lowers the level of concern.

    Attributes:
        code: Stable snake_case code (see ``docs/findings.md``).
        analyzer: Name of the analyzer that produced it (``"phone"``, ``"context"``...).
        weight: Signed log-odds contribution: > 0 raises concern that the threatened
            violence is real, < 0 lowers it (swatting and hoax signs).
        evidence: What was seen, without quoting whole messages.
        guidance: The part of the guidance the finding rests on.
    """

    code: str
    analyzer: str
    weight: float
    evidence: str
    guidance: str

    def __repr__(self) -> str:
        # Evidence may name the school's people and places: keep it out of reprs
        # (and so out of logs and tracebacks); it is in to_dict() for the user.
        return (
            f"Finding(code={self.code!r}, analyzer={self.analyzer!r}, "
            f"weight={self.weight!r}, evidence=<{len(self.evidence)} chars>)"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "code": self.code,
            "analyzer": self.analyzer,
            "weight": self.weight,
            "evidence": self.evidence,
            "guidance": self.guidance,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Build a finding from :meth:`to_dict` output."""
        return cls(
            code=str(data["code"]),
            analyzer=str(data["analyzer"]),
            weight=float(data["weight"]),
            evidence=str(data["evidence"]),
            guidance=str(data["guidance"]),
        )


@dataclass(frozen=True, slots=True)
class _Advice:
    """Shared shape of :class:`Action` and :class:`Question`."""

    code: str
    text: str
    guidance: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"code": self.code, "text": self.text, "guidance": self.guidance}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build one from :meth:`to_dict` output."""
        return cls(
            code=str(data["code"]),
            text=str(data["text"]),
            guidance=str(data["guidance"]),
        )


@dataclass(frozen=True, slots=True)
class Action(_Advice):
    """A recommended response step.

    Attributes:
        code: Stable code, e.g. ``"contact_law_enforcement"``.
        text: What to do, in plain words.
        guidance: The part of the guidance it rests on.
    """


@dataclass(frozen=True, slots=True)
class Question(_Advice):
    """A question the report does not answer yet, worth asking next.

    Attributes:
        code: Stable code, e.g. ``"trace_origin"``.
        text: The question.
        guidance: The part of the guidance it rests on.
    """


@dataclass(frozen=True, slots=True)
class AnalyzerRun:
    """Which analyzer ran, and how it ended.

    Attributes:
        name: Analyzer name.
        version: Analyzer version.
        status: ``"ok"``, ``"failed"`` (exception recorded) or ``"skipped"``.
        error: Exception class name when it failed (never the message).
        findings: How many findings it produced.
    """

    name: str
    version: str
    status: str = "ok"
    error: str | None = None
    findings: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "name": self.name,
            "version": self.version,
            "status": self.status,
            "error": self.error,
            "findings": self.findings,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnalyzerRun:
        """Build from :meth:`to_dict` output."""
        return cls(
            name=str(data["name"]),
            version=str(data["version"]),
            status=str(data.get("status", "ok")),
            error=data.get("error"),
            findings=int(data.get("findings", 0)),
        )


@dataclass(frozen=True, slots=True)
class Assessment:
    """The combined result for one report.

    Attributes:
        score: 0..100, ``100 * sigmoid(prior + sum of weights)`` (after the conflict
            floor, see ``docs/scoring.md``).
        level: :class:`Level` from the score and the policy's bands.
        imminent: Whether the threatened act appears imminent.
        when: When the act is said to happen, if stated (timezone-aware).
        findings: Every finding, strongest first.
        actions: Recommended actions, most urgent first.
        open_questions: What the report does not answer yet.
        conflicting: Whether strong signs point both ways (kept out of LOW).
        report_id: The report's id, if known.
        assessed_at: The ``now`` the assessment was made at.
        analyzers: Which analyzers ran and how they ended.
        policy: Name of the policy used.
        schema_version: Version of the JSON shape.
    """

    score: float
    level: Level
    imminent: bool
    when: datetime | None
    findings: tuple[Finding, ...]
    actions: tuple[Action, ...]
    open_questions: tuple[Question, ...]
    conflicting: bool = False
    report_id: str | None = None
    assessed_at: datetime | None = None
    analyzers: tuple[AnalyzerRun, ...] = ()
    policy: str = "default"
    schema_version: int = field(default=SCHEMA_VERSION)

    @property
    def codes(self) -> tuple[str, ...]:
        """The finding codes, in order."""
        return tuple(f.code for f in self.findings)

    def has(self, code: str) -> bool:
        """Return whether a finding with ``code`` is present."""
        return any(f.code == code for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (no report content beyond finding evidence)."""
        return {
            "schema_version": self.schema_version,
            "report_id": self.report_id,
            "score": self.score,
            "level": self.level.value,
            "imminent": self.imminent,
            "when": _iso(self.when),
            "conflicting": self.conflicting,
            "findings": [f.to_dict() for f in self.findings],
            "actions": [a.to_dict() for a in self.actions],
            "open_questions": [q.to_dict() for q in self.open_questions],
            "analyzers": [r.to_dict() for r in self.analyzers],
            "assessed_at": _iso(self.assessed_at),
            "policy": self.policy,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Return the assessment as a JSON string (deterministic key order)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assessment:
        """Rebuild an assessment from :meth:`to_dict` output."""
        data = _mapping(data, "assessment")
        version = data.get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise InvalidReportError(
                [
                    Problem(
                        "assessment.schema_version",
                        "unsupported",
                        f"newer than this library understands ({SCHEMA_VERSION})",
                    )
                ]
            )
        try:
            check = _Checker("assessment")
            when = _parse_dt(data.get("when"), "when", check)
            at = _parse_dt(data.get("assessed_at"), "assessed_at", check)
            check.raise_if_any()
            return cls(
                score=float(data["score"]),
                level=Level(data["level"]),
                imminent=bool(data["imminent"]),
                when=when,
                findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
                actions=tuple(Action.from_dict(a) for a in data.get("actions", ())),
                open_questions=tuple(
                    Question.from_dict(q) for q in data.get("open_questions", ())
                ),
                conflicting=bool(data.get("conflicting", False)),
                report_id=data.get("report_id"),
                assessed_at=at,
                analyzers=tuple(
                    AnalyzerRun.from_dict(r) for r in data.get("analyzers", ())
                ),
                policy=str(data.get("policy", "default")),
                schema_version=version,
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, InvalidReportError):
                raise
            raise InvalidReportError(
                [
                    Problem(
                        "assessment",
                        "bad_shape",
                        f"malformed assessment ({type(exc).__name__})",
                    )
                ]
            ) from None

    @classmethod
    def from_json(cls, text: str | bytes) -> Assessment:
        """Parse an assessment from JSON."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise InvalidReportError(
                [Problem("assessment", "bad_json", "not valid JSON")]
            ) from None
        return cls.from_dict(data)

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><td>{esc(f.code)}</td><td>{f.weight:+.2f}</td><td>{esc(f.analyzer)}</td>"
            f"<td>{esc(f.evidence)}</td></tr>"
            for f in self.findings
        )
        actions = "".join(f"<li>{esc(a.text)}</li>" for a in self.actions)
        return (
            f"<div><b>score {self.score:.1f}</b> &middot; level <b>{esc(self.level.value)}</b>"
            f" &middot; imminent <b>{'yes' if self.imminent else 'no'}</b>"
            f"<table><tr><th>code</th><th>weight</th><th>analyzer</th><th>evidence</th></tr>"
            f"{rows}</table><ol>{actions}</ol></div>"
        )

    def __rich_repr__(self) -> Iterable[tuple[str, Any]]:
        yield "score", self.score
        yield "level", self.level.value
        yield "imminent", self.imminent
        yield "codes", self.codes
