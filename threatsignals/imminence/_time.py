"""Stated-time extraction: when is the threatened act supposed to happen?

The extractor is hand-written on purpose: a fuzzy date parser reads a bare "10" as
the tenth of the month. Every expression is found by one bounded regular
expression (no nested quantifiers) on a sentence of at most
``MAX_SENTENCE_CHARS`` characters, then resolved by plain date arithmetic.

Conventions (also in ``docs/imminence.md``):

* Results are in the school's time zone. Relative expressions are resolved against
  a *reference* time (the time the message was received), not the time of the
  analysis.
* A time or date without a year or day is the next future occurrence after the
  reference; a plain weekday may be today.
* A bare hour 1-6 is afternoon, 7-11 morning, 12 noon; ``tonight``/``evening``/
  ``night``/``afternoon`` make 1-11 afternoon or evening, ``morning`` makes them
  morning.
* ``next <weekday>`` is strictly after today (1 to 7 days ahead).
* Durations (``in 2 hours``, ``in 3 days``) are elapsed time added in UTC, so a
  clock change in between is accounted for.
* ``midnight`` with a day is the end of that day.
* Vague (``soon``, ``next week``) and past-only (``yesterday``) expressions give no
  time.
* Wall times that do not exist (spring forward) move forward by the gap; wall
  times that occur twice (fall back) take the first occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from dateutil.relativedelta import relativedelta

from threatsignals.imminence._rules import (
    DAY_PARTS,
    MAX_SENTENCE_CHARS,
    SCHOOL_PARTS,
    VAGUE_TIME,
)
from threatsignals.model import Event

__all__ = ["StatedTime", "extract_times", "resolve_sentence"]

# fmt: off
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "weds": 2,
    "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
# Abbreviations that are also English words need a prefix ("on fri", "next sat").
_AMBIGUOUS_ABBR = frozenset({"mon", "tue", "wed", "thu", "thur", "fri", "sat", "sun"})
_WEEKDAY_ALT = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fortyeight": 48,
    "twentyfour": 24, "seventytwo": 72, "acouple": 2, "acoupleof": 2, "halfan": 0.5,
    "half": 0.5,
}
# fmt: on
_PART = r"(?: (morning|afternoon|evening|night))?"

_RELDAY = re.compile(
    r"\b(day after )?(today|2day|tonight|tonite|2nite|tomorrow|tomorow|tommorow|"
    r"tommorrow|tmrw|tmrow|tmr|2morrow|2moro|2morow|2mrw)\b" + _PART
)
_THIS_PART = re.compile(r"\bthis (morning|afternoon|evening)\b")
_WEEKDAY = re.compile(
    r"\b(?:(next|this|on|coming|this coming|last|past) )?("
    + _WEEKDAY_ALT
    + r")\b\.?"
    + _PART
)
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_DAY = re.compile(
    r"\b(" + _MONTH_ALT + r")\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4})\b)?"
)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(" + _MONTH_ALT + r")\b(?:,? (\d{4})\b)?"
)
_NTH = re.compile(r"\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b")
_DURATION = re.compile(
    r"\b(?:in|within|after) (?:the next )?(\d{1,3}|an?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"forty[- ]?eight|twenty[- ]?four|seventy[- ]?two|a couple(?: of)?|half an?) "
    r"(minutes?|mins?|hours?|hrs?|hr|days?|weeks?)\b"
)
_CLOCK_AMPM = re.compile(r"\b(\d{1,2})(?:[:.]([0-5]\d))? ?(am|pm)\b")
_CLOCK_COLON = re.compile(r"(?<![\d:/])(\d{1,2}):([0-5]\d)(?![\d:])")
_CLOCK_BARE = re.compile(
    r"(?:\b(?:at|by|around|about|before|until|till|til|from)|@) ?(\d{1,2})"
    r"(?: ?o'?clock)?(?![\d:/.,]\d|\d| ?(?:%|percent|minutes?|mins?|hours?|hrs?|days?|"
    r"weeks?|people|students|kids|guns|rounds|bullets|times|of|years?|grade|th|st|nd|rd))"
)
_OCLOCK = re.compile(r"\b(\d{1,2}) ?o'?clock\b")
_NAMED_CLOCK = re.compile(r"\b(noon|midday|midnight)\b")
_SCHOOL_PART_RES = tuple(
    (re.compile(r"\b(?:" + p + r")\b"), hm, label) for p, hm, label in SCHOOL_PARTS
)
_VAGUE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in VAGUE_TIME) + r")\b")


@dataclass(frozen=True, slots=True)
class StatedTime:
    """A resolved time expression.

    Attributes:
        when: The resolved time, aware, in the school's time zone.
        phrase: The words that stated it (a short fragment of the folded text).
        span: ``(start, end)`` of the fragment in the time-extraction text.
        date_only: True when only a day was stated (no clock time).
    """

    when: datetime
    phrase: str
    span: tuple[int, int]
    date_only: bool


@dataclass(slots=True)
class _Parts:
    day: date | None = None
    day_kind: str = ""  # "explicit" (today, tomorrow, dated), "weekday", "noyear"
    part: str | None = None  # morning/afternoon/evening/night
    hour: int | None = None
    minute: int = 0
    clock_kind: str = ""  # "ampm", "24h", "bare", "midnight", "school"
    start: int = -1
    end: int = -1

    def cover(self, a: int, b: int) -> None:
        self.start = a if self.start < 0 else min(self.start, a)
        self.end = max(self.end, b)


def _local(d: date, hour: int, minute: int, tz: tzinfo) -> datetime:
    """Wall time on ``d`` in ``tz``; nonexistent times move forward by the gap."""
    naive = datetime.combine(d, time(hour, minute))
    aware = naive.replace(tzinfo=tz, fold=0)
    return aware.astimezone(UTC).astimezone(tz)


def _valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _next_month_day(ref: date, month: int, day: int) -> date | None:
    """Next occurrence of month/day on or after ``ref`` (year rollover, Feb 29)."""
    for year in range(ref.year, ref.year + 9):
        d = _valid_date(year, month, day)
        if d is not None and d >= ref:
            return d
    return None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    y = int(text)
    return 2000 + y if y < 100 else y


def _number(word: str) -> float | None:
    key = word.replace(" ", "").replace("-", "")
    if key.isdigit():
        return float(key)
    value = _NUMBER_WORDS.get(key)
    return float(value) if value is not None else None


def _duration(sentence: str) -> tuple[timedelta, re.Match[str]] | None:
    m = _DURATION.search(sentence)
    if m is None:
        return None
    n = _number(m.group(1))
    if n is None or n <= 0:
        return None
    unit = m.group(2)
    if unit.startswith("m"):
        delta = timedelta(minutes=n)
    elif unit.startswith("h"):
        delta = timedelta(hours=n)
    elif unit.startswith("d"):
        delta = timedelta(days=n)
    else:
        delta = timedelta(weeks=n)
    return delta, m


def _find_day(sentence: str, ref_local: datetime, parts: _Parts) -> None:
    """Fill in the day (first one stated in the sentence)."""
    today = ref_local.date()
    found: list[
        tuple[int, int, date, str, str | None]
    ] = []  # start, end, day, kind, part
    d: date | None
    m = _RELDAY.search(sentence)
    if m is not None:
        word = m.group(2)
        part: str | None
        if word in ("today", "2day"):
            d, part = today, None
        elif word in ("tonight", "tonite", "2nite"):
            d, part = today, "tonight"
        else:
            d, part = today + timedelta(days=1), None
        if m.group(1):
            d = today + timedelta(days=2)
        found.append((m.start(), m.end(), d, "explicit", m.group(3) or part))
    m2 = _THIS_PART.search(sentence)
    if m2 is not None:
        found.append((m2.start(), m2.end(), today, "explicit", m2.group(1)))
    for mw in _WEEKDAY.finditer(sentence):
        prefix, name = mw.group(1), mw.group(2)
        if prefix in ("last", "past"):
            continue
        if name in _AMBIGUOUS_ABBR and prefix is None:
            continue
        ahead = (_WEEKDAYS[name] - today.weekday()) % 7
        if prefix == "next" and ahead == 0:
            ahead = 7
        kind = "explicit" if prefix == "next" else "weekday"
        found.append(
            (mw.start(), mw.end(), today + timedelta(days=ahead), kind, mw.group(3))
        )
        break
    for ms in _SLASH_DATE.finditer(sentence):
        a, b, y = int(ms.group(1)), int(ms.group(2)), _year(ms.group(3))
        month, day = (a, b) if a <= 12 else (b, a)  # month/day; day/month if obvious
        d = _valid_date(y, month, day) if y else _next_month_day(today, month, day)
        if d is not None:
            found.append((ms.start(), ms.end(), d, "explicit" if y else "noyear", None))
            break
    mi = _ISO_DATE.search(sentence)
    if mi is not None:
        d = _valid_date(int(mi.group(1)), int(mi.group(2)), int(mi.group(3)))
        if d is not None:
            found.append((mi.start(), mi.end(), d, "explicit", None))
    for rx, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        mm = rx.search(sentence)
        if mm is None:
            continue
        month, day = _MONTHS[mm.group(month_group)], int(mm.group(day_group))
        y = _year(mm.group(3))
        d = _valid_date(y, month, day) if y else _next_month_day(today, month, day)
        if d is not None:
            found.append((mm.start(), mm.end(), d, "explicit" if y else "noyear", None))
    mn = _NTH.search(sentence)
    if mn is not None:
        day = int(mn.group(1))
        for k in range(0, 13):
            base = today.replace(day=1) + relativedelta(months=k)
            d = _valid_date(base.year, base.month, day)
            if d is not None and d >= today:
                found.append((mn.start(), mn.end(), d, "noyear", None))
                break
    if not found:
        return
    start, end, d, kind, part = min(found, key=lambda f: f[0])
    parts.day, parts.day_kind, parts.part = d, kind, part
    parts.cover(start, end)


def _find_clock(sentence: str, parts: _Parts) -> None:
    """Fill in the clock time (first one stated in the sentence)."""
    found: list[tuple[int, int, int, int, str]] = []  # start, end, hour, minute, kind
    m = _CLOCK_AMPM.search(sentence)
    if m is not None:
        h, mins = int(m.group(1)), int(m.group(2) or 0)
        if 1 <= h <= 12:
            h = h % 12 + (12 if m.group(3) == "pm" else 0)
            found.append((m.start(), m.end(), h, mins, "ampm"))
    m = _CLOCK_COLON.search(sentence)
    if m is not None:
        h, mins = int(m.group(1)), int(m.group(2))
        if h <= 23:
            found.append(
                (m.start(), m.end(), h, mins, "24h" if h >= 13 or h == 0 else "bare")
            )
    for rx in (_CLOCK_BARE, _OCLOCK):
        m = rx.search(sentence)
        if m is not None:
            h = int(m.group(1))
            if h <= 23:
                found.append(
                    (m.start(), m.end(), h, 0, "24h" if h >= 13 or h == 0 else "bare")
                )
    m = _NAMED_CLOCK.search(sentence)
    if m is not None:
        word = m.group(1)
        if word == "midnight":
            found.append((m.start(), m.end(), 0, 0, "midnight"))
        else:
            found.append((m.start(), m.end(), 12, 0, "ampm"))
    for rx, (h, mins), _label in _SCHOOL_PART_RES:
        m = rx.search(sentence)
        if m is not None:
            found.append((m.start(), m.end(), h, mins, "school"))
    if not found:
        return
    # An explicit am/pm beats a bare number at the same place ("at 10 pm").
    found.sort(key=lambda f: (f[0], f[4] != "ampm"))
    start, end, h, mins, kind = found[0]
    for other in found[1:]:
        if other[0] < end and other[4] == "ampm":
            start, end, h, mins, kind = other
            break
    parts.hour, parts.minute, parts.clock_kind = h, mins, kind
    parts.cover(start, end)


def _apply_bare_rule(parts: _Parts) -> None:
    if parts.clock_kind != "bare" or parts.hour is None:
        return
    h, part = parts.hour, parts.part
    if part in ("tonight", "evening", "night", "afternoon"):
        if 1 <= h <= 11:
            parts.hour = h + 12
        elif h == 12 and part in ("tonight", "night"):
            parts.hour, parts.clock_kind = 0, "midnight"
    elif part == "morning":
        if h == 12:
            parts.hour = 0
    elif 1 <= h <= 6:
        parts.hour = h + 12  # a bare 1-6 is afternoon; 7-11 morning; 12 noon


def _is_school_day(d: date) -> bool:
    return d.weekday() < 5


def resolve_sentence(
    sentence: str,
    *,
    offset: int,
    ref: datetime,
    tz: tzinfo,
    calendar: Sequence[Event] = (),
) -> StatedTime | None:
    """Resolve the first stated time of the act in one sentence.

    Args:
        sentence: Lower-cased sentence from :func:`time_text`.
        offset: Where the sentence starts in the whole text (for spans).
        ref: The reference time, aware (the time the message was received).
        tz: The school's time zone.
        calendar: School calendar events, matched by name or kind.

    Returns:
        The resolved time, or None when the sentence states no usable time.
    """
    sentence = sentence[:MAX_SENTENCE_CHARS]
    ref_local = ref.astimezone(tz)
    dur = _duration(sentence)
    if dur is not None:
        delta, m = dur
        when = (ref.astimezone(UTC) + delta).astimezone(tz)
        return StatedTime(
            when, m.group(0), (offset + m.start(), offset + m.end()), False
        )
    parts = _Parts()
    _find_day(sentence, ref_local, parts)
    _find_clock(sentence, parts)
    if parts.day is None and parts.hour is None:
        event = _calendar_event(sentence, ref, tz, calendar)
        if event is not None:
            when, a, b = event
            return StatedTime(when, sentence[a:b], (offset + a, offset + b), False)
        return None
    if parts.hour is None and parts.part is not None and parts.day is not None:
        parts.hour, parts.minute = DAY_PARTS[parts.part]
        parts.clock_kind = "part"
    _apply_bare_rule(parts)
    phrase = sentence[parts.start : parts.end]
    span = (offset + parts.start, offset + parts.end)
    if parts.hour is None:
        if parts.day is None:  # pragma: no cover - one of the two is always set
            return None
        start_of_day = _local(parts.day, 0, 0, tz)
        when = (
            max(start_of_day, ref_local)
            if parts.day == ref_local.date()
            else start_of_day
        )
        return StatedTime(when, phrase, span, True)
    hour, minute = parts.hour, parts.minute
    if parts.day is None:
        d = ref_local.date()
        if parts.clock_kind == "midnight":
            d += timedelta(days=1)
        for _ in range(8):
            when = _local(d, hour, minute, tz)
            if when > ref_local and (parts.clock_kind != "school" or _is_school_day(d)):
                return StatedTime(when, phrase, span, False)
            d += timedelta(days=1)
        return None
    d = parts.day + timedelta(days=1) if parts.clock_kind == "midnight" else parts.day
    when = _local(d, hour, minute, tz)
    if when <= ref_local:
        if parts.day_kind == "weekday":
            when = _local(d + timedelta(days=7), hour, minute, tz)
        elif parts.day_kind == "noyear":
            later = _next_month_day(
                parts.day + timedelta(days=1), parts.day.month, parts.day.day
            )
            if later is not None:
                when = _local(later, hour, minute, tz)
    return StatedTime(when, phrase, span, False)


def _calendar_event(
    sentence: str, ref: datetime, tz: tzinfo, calendar: Sequence[Event]
) -> tuple[datetime, int, int] | None:
    """Match a calendar event named in the sentence ("during finals")."""
    best: tuple[datetime, int, int] | None = None
    candidates: list[tuple[Event, int, int]] = []
    for event in calendar:
        for word in (event.name, event.kind):
            key = word.strip().casefold()
            if len(key) < 3 or key in ("event", "other"):
                continue
            i = _find_word(sentence, key)
            if i >= 0:
                candidates.append((event, i, i + len(key)))
                break
    upcoming = [c for c in candidates if c[0].end >= ref]
    if upcoming:
        event, a, b = min(upcoming, key=lambda c: c[0].start)
        best = (max(event.start, ref).astimezone(tz), a, b)
    elif candidates:
        event, a, b = max(candidates, key=lambda c: c[0].end)
        best = (event.start.astimezone(tz), a, b)
    return best


def _find_word(haystack: str, needle: str) -> int:
    """Index of ``needle`` as a whole word (plural ``s`` allowed), or -1."""
    start = 0
    n = len(needle)
    while True:
        i = haystack.find(needle, start)
        if i < 0:
            return -1
        before = haystack[i - 1] if i > 0 else " "
        j = i + n
        if j < len(haystack) and haystack[j] == "s":
            j += 1
        after = haystack[j] if j < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            return i
        start = i + 1


def extract_times(
    sentences: Sequence[tuple[str, int]],
    *,
    ref: datetime,
    tz: tzinfo,
    calendar: Sequence[Event] = (),
) -> list[tuple[int, StatedTime]]:
    """Resolve each sentence; return ``(sentence index, time)`` for those with one.

    Args:
        sentences: ``(sentence text, offset)`` pairs from :func:`time_text` output.
        ref: Reference time (aware).
        tz: The school's time zone.
        calendar: School calendar events.
    """
    out: list[tuple[int, StatedTime]] = []
    for i, (sentence, offset) in enumerate(sentences):
        if _VAGUE.search(sentence) and not _has_specific(sentence):
            continue
        st = resolve_sentence(
            sentence, offset=offset, ref=ref, tz=tz, calendar=calendar
        )
        if st is not None:
            out.append((i, st))
    return out


def _has_specific(sentence: str) -> bool:
    return bool(
        _RELDAY.search(sentence)
        or _CLOCK_AMPM.search(sentence)
        or _WEEKDAY.search(sentence)
        or _SLASH_DATE.search(sentence)
    )
