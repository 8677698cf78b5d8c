"""Built-in example data for ``threatsignals demo`` and the tutorials.

Everything here is synthetic and non-graphic: a fictional school, a small archive
holding a fictional hoax wave, and four reports that show the main patterns.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from threatsignals.archive import Archive
from threatsignals.model import Event, Interview, Report, School

__all__ = ["DEMO_NOW", "demo_archive", "demo_reports", "demo_school", "other_schools"]

_TZ = ZoneInfo("America/Chicago")

#: The fixed "now" of the demo (a Tuesday morning during finals week).
DEMO_NOW = datetime(2026, 5, 12, 9, 30, tzinfo=_TZ)

_WAVE_TEMPLATE = (
    "Attention {school}. Several devices have been hidden inside the building and "
    "they will be set off at {time} today. Transfer {amount} in bitcoin to wallet "
    "{wallet} or everyone will regret it. Do not contact the police."
)


def demo_school() -> School:
    """Return the fictional school used by the demo."""
    return School(
        name="Lincoln Heights High School",
        aliases=("LHHS", "Lincoln Heights"),
        region="US",
        subdivision="IL",
        phone_numbers=("+13125550100",),
        emergency_numbers=("+13125550199",),
        places=("Maple Street", "Gymnasium", "Cafeteria", "North Parking Lot"),
        people=("Ms. Rivera", "Mr. Okafor"),
        location=(41.88, -87.63),
        timezone="America/Chicago",
        calendar=(
            Event(
                "Spring finals",
                datetime(2026, 5, 11, 7, 0, tzinfo=_TZ),
                datetime(2026, 5, 15, 16, 0, tzinfo=_TZ),
                kind="exam",
            ),
        ),
        id="lhhs",
    )


def other_schools() -> list[School]:
    """Return the fictional schools that received the earlier wave."""
    names = [
        ("Riverside Middle School", "riverside-ms", "WI"),
        ("Oak Valley Elementary", "oak-valley-es", "IN"),
        ("Westfield Academy", "westfield", "MI"),
    ]
    return [
        School(name=n, id=i, region="US", subdivision=s, timezone="America/Chicago")
        for n, i, s in names
    ]


def _wave_text(school: str, time: str, amount: str, wallet: str) -> str:
    return _WAVE_TEMPLATE.format(school=school, time=time, amount=amount, wallet=wallet)


def demo_archive(path: str | None = None) -> Archive:
    """Return an archive (in memory by default) holding a small fictional history.

    It holds a hoax email wave sent to three other schools the day before
    ``DEMO_NOW`` and an older, unrelated hoax call to Lincoln Heights.
    """
    archive = Archive.open(path)
    wallets = ["bc1qexampleaaaa1111", "bc1qexamplebbbb2222", "bc1qexamplecccc3333"]
    for i, school in enumerate(other_schools()):
        report = Report(
            text=_wave_text(
                school.name, f"{10 + i}:30", f"${2000 + 500 * i}", wallets[i]
            ),
            channel="email",
            received_at=DEMO_NOW - timedelta(hours=20 - 2 * i),
        )
        archive.add(report, school=school, outcome="hoax", now=DEMO_NOW)
    old = Report(
        text="Caller claimed a student had brought a weapon; no details given.",
        channel="phone",
        caller_id="Restricted",
        received_at=DEMO_NOW - timedelta(days=45),
    )
    archive.add(old, school=demo_school(), outcome="hoax", now=DEMO_NOW)
    return archive


def demo_reports() -> list[tuple[str, Report]]:
    """Return ``(label, report)`` pairs: the four demo cases."""
    swatting = Report(
        id="demo-swatting-call",
        text=(
            "Caller said a person with a gun was in the gymnasium at Lincoln Heights "
            "and that people were hurt, then would not answer questions."
        ),
        channel="phone",
        received_at=DEMO_NOW - timedelta(minutes=5),
        caller_id="000-000-0000",
        attestation="C",
        interview=Interview(
            gave_name=False,
            gave_callback=False,
            gave_location=False,
            places_mentioned=("Mapel Street",),
            voice_masked=True,
            hung_up=True,
        ),
        awareness="direct",
    )
    wave = Report(
        id="demo-wave-email",
        text=_wave_text(
            "Lincoln Heights High School", "11:15", "$2,500", "bc1qexampledddd4444"
        ),
        channel="email",
        received_at=DEMO_NOW - timedelta(minutes=40),
        awareness="direct",
        source_country="RO",
    )
    specific = Report(
        id="demo-specific-post",
        text=(
            "Ms. Rivera and everyone at LHHS pushed me to my last resort. I'm done "
            "waiting. Tomorrow at lunch in the cafeteria you will all remember my "
            "name."
        ),
        channel="social_media",
        received_at=DEMO_NOW - timedelta(minutes=15),
        awareness="student",
        target="Ms. Rivera and the cafeteria at lunch",
    )
    control = Report(
        id="demo-control-notice",
        text=(
            "Reminder from the front office: this is the last chance to return "
            "permission slips for Friday's field trip to the science museum."
        ),
        channel="email",
        received_at=DEMO_NOW - timedelta(hours=1),
        awareness="staff",
        target="none (a routine notice)",
        local_media=False,
        other_schools_reported=0,
    )
    return [
        ("swatting-style call", swatting),
        ("recycled email from a wave", wave),
        ("specific social-media post", specific),
        ("harmless control", control),
    ]
