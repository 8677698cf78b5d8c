"""Stated time of the act: every convention, time zones, clock changes, year end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from threatsignals import imminence
from threatsignals.imminence._analyze import analyze_text
from threatsignals.model import Event, School
from threatsignals.policy import Policy

CHI = ZoneInfo("America/Chicago")
# Monday 30 November 2026, 09:00 in Chicago.
MON = datetime(2026, 11, 30, 9, 0, tzinfo=CHI)


def when(
    text: str, now: datetime = MON, tz: str = "America/Chicago"
) -> datetime | None:
    a = imminence.analyze(f"I will bring a gun to school {text}.", now=now, tz=tz)
    return a.when


def local(*args: int, tz: ZoneInfo = CHI) -> datetime:
    return datetime(*args, tzinfo=tz)


# fmt: off
CASES = [
    # relative days
    ("today", local(2026, 11, 30, 9, 0)),           # the day has begun: now
    ("tonight", local(2026, 11, 30, 20, 0)),
    ("tomorrow", local(2026, 12, 1)),
    ("tmrw", local(2026, 12, 1)),
    ("tomorrow morning", local(2026, 12, 1, 8, 0)),
    ("tomorrow at 10am", local(2026, 12, 1, 10, 0)),
    ("10am tomorrow", local(2026, 12, 1, 10, 0)),
    ("day after tomorrow", local(2026, 12, 2)),
    ("this afternoon", local(2026, 11, 30, 13, 0)),
    # durations: elapsed time
    ("in 2 hours", local(2026, 11, 30, 11, 0)),
    ("in an hour", local(2026, 11, 30, 10, 0)),
    ("in 30 minutes", local(2026, 11, 30, 9, 30)),
    ("in 3 days", local(2026, 12, 3, 9, 0)),
    ("within 24 hours", local(2026, 12, 1, 9, 0)),
    ("in half an hour", local(2026, 11, 30, 9, 30)),
    # weekdays
    ("on Friday", local(2026, 12, 4)),
    ("friday at 2:45", local(2026, 12, 4, 14, 45)),
    ("Monday", local(2026, 11, 30, 9, 0)),         # today is Monday
    ("next Monday", local(2026, 12, 7)),          # strictly after today
    ("next Tuesday", local(2026, 12, 1)),         # tomorrow is the next Tuesday
    ("Monday at 8am", local(2026, 12, 7, 8, 0)),  # 8am today has passed: next one
    ("on fri", local(2026, 12, 4)),
    # month/day dates
    ("on 12/17", local(2026, 12, 17)),
    ("on Dec 17th", local(2026, 12, 17)),
    ("on December 17", local(2026, 12, 17)),
    ("on 17 December", local(2026, 12, 17)),
    ("on 12/17/2026 at 10", local(2026, 12, 17, 10, 0)),
    ("on 2026-12-17", local(2026, 12, 17)),
    ("on the 5th", local(2026, 12, 5)),
    # clock times, no day: next future occurrence
    ("at 10", local(2026, 11, 30, 10, 0)),        # bare 7-11: morning
    ("at 8", local(2026, 12, 1, 8, 0)),           # 8am has passed today
    ("at 3", local(2026, 11, 30, 15, 0)),         # bare 1-6: afternoon
    ("at 12", local(2026, 11, 30, 12, 0)),        # bare 12: noon
    ("at 2:45", local(2026, 11, 30, 14, 45)),
    ("at 14:30", local(2026, 11, 30, 14, 30)),
    ("at 9pm", local(2026, 11, 30, 21, 0)),
    ("at 7 a.m.", local(2026, 12, 1, 7, 0)),
    ("at noon", local(2026, 11, 30, 12, 0)),
    ("at midnight", local(2026, 12, 1, 0, 0)),
    ("friday at midnight", local(2026, 12, 5, 0, 0)),  # end of Friday
    ("tonight at 9", local(2026, 11, 30, 21, 0)),
    ("tonight at 12", local(2026, 12, 1, 0, 0)),
    ("at 3 o'clock", local(2026, 11, 30, 15, 0)),
    # school parts of the day
    ("before school", local(2026, 12, 1, 7, 30)),
    ("at lunch", local(2026, 11, 30, 12, 0)),
    ("after school", local(2026, 11, 30, 15, 15)),
    ("during 1st period tomorrow", local(2026, 12, 1, 8, 0)),
    ("friday after school", local(2026, 12, 4, 15, 15)),
]

NO_TIME = [
    "soon", "next week", "someday", "yesterday", "last friday", "one day",
    "at 9 people", "with 3 guns", "sometime", "",
]
# fmt: on


@pytest.mark.parametrize(("phrase", "expected"), CASES)
def test_time_conventions(phrase: str, expected: datetime) -> None:
    got = when(phrase)
    assert got == expected
    assert got is not None and got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("phrase", NO_TIME)
def test_vague_or_past_only_gives_no_time(phrase: str) -> None:
    assert when(phrase) is None


def test_result_is_in_the_school_zone() -> None:
    got = when("tomorrow at 10am", now=MON.astimezone(UTC))
    assert got is not None and got.tzinfo == CHI


def test_naive_now_takes_the_school_zone() -> None:
    naive = datetime(2026, 11, 30, 9, 0)
    assert when("at 10", now=naive) == local(2026, 11, 30, 10, 0)
    school = School(name="X", timezone="Asia/Tokyo")
    a = imminence.analyze("gun at school at 10", now=naive, school=school)
    assert a.when == datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert a.hours_until == 1.0


@pytest.mark.parametrize(
    ("tz", "now_utc", "phrase", "expected_local"),
    [
        # same instant, different school zones: "tomorrow" is a different date
        ("Asia/Tokyo", datetime(2026, 6, 10, 20, 0, tzinfo=UTC), "tomorrow at 9am",
         datetime(2026, 6, 12, 9, 0)),
        ("America/Los_Angeles", datetime(2026, 6, 10, 20, 0, tzinfo=UTC),
         "tomorrow at 9am", datetime(2026, 6, 11, 9, 0)),
        ("Europe/Berlin", datetime(2026, 6, 10, 20, 0, tzinfo=UTC), "at 3",
         datetime(2026, 6, 11, 15, 0)),
        ("Australia/Sydney", datetime(2026, 6, 10, 20, 0, tzinfo=UTC), "at lunch",
         datetime(2026, 6, 11, 12, 0)),
        ("UTC", datetime(2026, 6, 10, 20, 0, tzinfo=UTC), "tonight at 9",
         datetime(2026, 6, 10, 21, 0)),
    ],
)  # fmt: skip
def test_time_zones(
    tz: str, now_utc: datetime, phrase: str, expected_local: datetime
) -> None:
    zone = ZoneInfo(tz)
    got = when(phrase, now=now_utc, tz=tz)
    assert got == expected_local.replace(tzinfo=zone)
    assert got is not None and got.tzinfo == zone


# US clock changes 2026: spring forward Sunday 8 March 02:00 CST -> 03:00 CDT;
# fall back Sunday 1 November 02:00 CDT -> 01:00 CST.
SAT_BEFORE_SPRING = local(2026, 3, 7, 22, 0)  # CST, UTC-6
SAT_BEFORE_FALL = local(2026, 10, 31, 22, 0)  # CDT, UTC-5


def test_spring_forward_duration_is_elapsed_time() -> None:
    got = when("in 6 hours", now=SAT_BEFORE_SPRING)
    assert got == local(2026, 3, 8, 5, 0)  # 6 real hours; the wall clock moved 7
    assert got is not None and got.utcoffset() == timedelta(hours=-5)


def test_spring_forward_wall_time_and_hours_until() -> None:
    a = imminence.analyze(
        "gun at school tomorrow at 10am", now=SAT_BEFORE_SPRING, tz="America/Chicago"
    )
    assert a.when == local(2026, 3, 8, 10, 0)
    assert a.hours_until == 11.0  # one hour shorter night


def test_spring_forward_nonexistent_time_moves_forward() -> None:
    got = when("tomorrow at 2:30am", now=SAT_BEFORE_SPRING)
    assert got == local(2026, 3, 8, 3, 30)
    assert got is not None and got.utcoffset() == timedelta(hours=-5)


def test_fall_back_duration_is_elapsed_time() -> None:
    got = when("in 6 hours", now=SAT_BEFORE_FALL)
    assert got is not None
    assert got.astimezone(UTC) == datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    assert got.replace(tzinfo=None) == datetime(2026, 11, 1, 3, 0)  # wall clock moved 5


def test_fall_back_wall_time_and_hours_until() -> None:
    a = imminence.analyze(
        "gun at school tomorrow at 10am", now=SAT_BEFORE_FALL, tz="America/Chicago"
    )
    assert a.when == local(2026, 11, 1, 10, 0)
    assert a.hours_until == 13.0  # one hour longer night


def test_fall_back_ambiguous_time_takes_first_occurrence() -> None:
    got = when("tomorrow at 1:30am", now=SAT_BEFORE_FALL)
    assert got is not None
    assert got.astimezone(UTC) == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # CDT


def test_durations_in_days_are_elapsed_across_a_clock_change() -> None:
    got = when("in 1 day", now=SAT_BEFORE_SPRING)
    assert got is not None
    assert got.astimezone(UTC) - SAT_BEFORE_SPRING.astimezone(UTC) == timedelta(
        hours=24
    )
    assert got.replace(tzinfo=None) == datetime(2026, 3, 8, 23, 0)


@pytest.mark.parametrize(
    ("now", "phrase", "expected"),
    [
        (local(2026, 12, 30, 10, 0), "on jan 3", local(2027, 1, 3)),
        (local(2026, 12, 30, 10, 0), "on 1/3", local(2027, 1, 3)),
        (local(2026, 12, 30, 10, 0), "on 12/31", local(2026, 12, 31)),
        (local(2026, 12, 31, 22, 0), "tomorrow at 9am", local(2027, 1, 1, 9, 0)),
        (local(2026, 12, 31, 22, 0), "at midnight", local(2027, 1, 1, 0, 0)),
        (local(2026, 12, 31, 22, 0), "friday", local(2027, 1, 1)),
        (local(2026, 12, 31, 22, 0), "in 3 hours", local(2027, 1, 1, 1, 0)),
        (local(2026, 12, 30, 10, 0), "on the 2nd", local(2027, 1, 2)),
        (local(2027, 1, 2, 10, 0), "on 12/30", local(2027, 12, 30)),
        (local(2026, 3, 1, 10, 0), "on feb 29", local(2028, 2, 29)),  # next leap day
    ],
)  # fmt: skip
def test_year_rollover(now: datetime, phrase: str, expected: datetime) -> None:
    assert when(phrase, now=now) == expected


def test_explicit_past_date_is_stated_time_past() -> None:
    a = imminence.analyze("gun at school on 11/2/2026", now=MON)
    codes = [f.code for f in a.findings]
    assert codes == ["stated_time_past"]
    assert a.hours_until is not None and a.hours_until < 0


def test_time_imminent_window_boundaries() -> None:
    def codes(phrase: str, policy: Policy | None = None) -> list[str]:
        a = imminence.analyze(f"gun at school {phrase}", now=MON, policy=policy)
        return [f.code for f in a.findings]

    assert codes("in 72 hours") == ["stated_time", "time_imminent"]
    assert codes("in 73 hours") == ["stated_time"]
    assert codes("in 2 hours") == ["stated_time", "time_imminent"]
    p48 = Policy(imminent_hours=48)
    assert codes("in 72 hours", p48) == ["stated_time"]
    assert codes("in 48 hours", p48) == ["stated_time", "time_imminent"]


def test_today_without_time_is_imminent_now() -> None:
    a = imminence.analyze("gun at school today", now=MON)
    assert a.hours_until == 0.0
    assert [f.code for f in a.findings] == ["stated_time", "time_imminent"]


def test_reference_time_resolves_relative_expressions() -> None:
    received = MON - timedelta(days=1)  # Sunday 09:00
    a = analyze_text(
        "gun at school tomorrow at 10am",
        now=MON,
        reference=received,
        tz="America/Chicago",
    )
    assert a.when == local(2026, 11, 30, 10, 0)  # "tomorrow" of Sunday is today
    assert a.hours_until == 1.0
    a = analyze_text(
        "gun at school tomorrow at 8am",
        now=MON,
        reference=received,
        tz="America/Chicago",
    )
    assert [f.code for f in a.findings] == ["stated_time_past"]
    a = analyze_text(
        "gun at school tomorrow", now=MON, reference=received, tz="America/Chicago"
    )
    assert [f.code for f in a.findings] == [
        "stated_time",
        "time_imminent",
    ]  # day not over


def test_calendar_events_by_name_and_kind() -> None:
    finals = Event(
        "Finals", local(2026, 12, 14, 8, 0), local(2026, 12, 18, 15, 0), kind="exam"
    )
    assembly = Event(
        "Winter Assembly",
        local(2026, 12, 3, 13, 0),
        local(2026, 12, 3, 14, 0),
        kind="assembly",
    )
    old = Event("Pep Rally", local(2026, 10, 1, 14, 0), local(2026, 10, 1, 15, 0))
    school = School(
        name="LHHS", timezone="America/Chicago", calendar=(finals, assembly, old)
    )

    def at(text: str, now: datetime = MON) -> datetime | None:
        return imminence.analyze(text, now=now, school=school).when

    assert at("I will shoot up the school during finals.") == finals.start
    assert at("Bomb in the gym during the assembly.") == assembly.start
    # an ongoing event: the time is now
    during = local(2026, 12, 15, 10, 0)
    assert at("Gun at school during finals.", now=during) == during
    # a past event
    a = imminence.analyze("Gun at the pep rally.", now=MON, school=school)
    assert a.when == old.start
    assert [f.code for f in a.findings] == ["stated_time_past"]


def test_time_needs_a_harm_context() -> None:
    a = imminence.analyze("See you tomorrow at lunch!", now=MON, tz="America/Chicago")
    assert a.when is None and a.findings == ()
    a = imminence.analyze("I would never bring a gun tomorrow.", now=MON)
    assert a.when is None


def test_time_from_the_harm_sentence_is_preferred() -> None:
    a = imminence.analyze(
        "Math test on Monday at 8am. The shooting is Friday at noon. Lunch at 11.",
        now=MON,
        tz="America/Chicago",
    )
    assert a.when == local(2026, 12, 4, 12, 0)


def test_questions_give_no_time() -> None:
    a = imminence.analyze(
        "Are you coming tomorrow at 10? I will bring a gun.",
        now=MON,
        tz="America/Chicago",
    )
    assert a.when is None
