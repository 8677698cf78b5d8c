"""End-to-end triage scenarios for ``threatsignals.assess`` with expected outcomes.

Every scenario is synthetic and non-graphic: a school, what the district archive
already holds (earlier wave messages at other schools, past credible threats, a stock
image bank drawn with Pillow), the report as it arrived, a fixed ``now``, and the
outcome **expected from the CISA guidance's point of view**, written before the
library was run on them:

* ``levels``: the acceptable levels (one, or a range such as LOW or MODERATE);
* ``imminent``: whether the threat should be flagged imminent (``None``: the guidance
  does not settle it);
* ``must`` / ``must_not``: finding codes that must / must not appear; ``any_of``: at
  least one of these codes must appear.

``confident`` is False where the expectation is an interpretation of the guidance
rather than something it says. ``known_gap`` names a disagreement that was analysed
and left for a policy decision (see the evaluation report); such scenarios are kept
out of the regression test but still run in ``bench_scenarios.py``.

Guidance anchors used in the ``why`` notes (Anonymized Threat Response Guidance):
"treat each threat as initially credible"; swatting signs (blocked/spoofed numbers such
as all nines or zeros, failure to answer follow-ups, mispronounced local places);
clusters/waves and recycled material are less concerning; an origin far away or
abroad may be less concerning; stock photos are less concerning; visuals suggesting
proximity increase urgency; imminence markers (diminishing patience, shrinking
opportunity, last resort, legacy token) and a stated time set the response speed;
recycled images with personalised text are harder to assess (do not clear them);
"Report, Don't Repost".
"""

from __future__ import annotations

import dataclasses
import io
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw

import threatsignals as ts
from threatsignals import images as ts_images
from threatsignals._examples import demo_school

__all__ = [
    "NOW",
    "SCENARIOS",
    "ArchiveItem",
    "Check",
    "Expected",
    "Scenario",
    "build_archive",
    "check",
    "run",
]

CHI = ZoneInfo("America/Chicago")
#: Wednesday 11 March 2026, 09:30 in Chicago (CDT, UTC-5): an ordinary school morning.
NOW = datetime(2026, 3, 11, 9, 30, tzinfo=CHI)

L, M, H = ts.Level.LOW, ts.Level.MODERATE, ts.Level.HIGH
LOW = frozenset({L})
MOD = frozenset({M})
HIGH = frozenset({H})
LOW_MOD = frozenset({L, M})
MOD_HIGH = frozenset({M, H})
ANY = frozenset({L, M, H})

IMMINENCE_MARKERS = frozenset(
    {"last_resort", "diminishing_patience", "shrinking_opportunity", "legacy_token"}
)
NO_TIME = frozenset({"stated_time", "time_imminent"})


# ---------------------------------------------------------------------------
# schools


def lhhs(*, exams: bool = False, events: Iterable[ts.Event] = ()) -> ts.School:
    """Lincoln Heights High School (Chicago); ``exams`` puts midterms this week."""
    calendar = list(events)
    if exams:
        calendar.append(
            ts.Event(
                "Midterm exams",
                datetime(2026, 3, 9, 7, 0, tzinfo=CHI),
                datetime(2026, 3, 13, 16, 0, tzinfo=CHI),
                kind="exam",
            )
        )
    # the demo's fictional school, with this scenario's calendar
    return dataclasses.replace(demo_school(), calendar=tuple(calendar))


def other(name: str, sid: str, state: str) -> ts.School:
    """Another school, in the archive only (earlier waves, past cases)."""
    return ts.School(
        name=name, id=sid, region="US", subdivision=state, timezone="America/Chicago"
    )


RIVERSIDE = other("Riverside Middle School", "riverside-ms", "WI")
OAK_VALLEY = other("Oak Valley Elementary", "oak-valley-es", "IN")
WESTFIELD = other("Westfield Academy", "westfield", "MI")
BROOKSIDE = other("Brookside High School", "brookside-hs", "OH")


# ---------------------------------------------------------------------------
# pictures (Pillow drawings standing in for photos; nothing graphic)


def picture(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A distinct, detailed picture: a gradient, shapes and lines from a seed."""
    rng = random.Random(seed)
    w, h = size
    c1 = tuple(rng.randrange(256) for _ in range(3))
    c2 = tuple(rng.randrange(256) for _ in range(3))
    mask = Image.linear_gradient("L").resize(size)  # top to bottom: c1 -> c2
    img = Image.composite(Image.new("RGB", size, c2), Image.new("RGB", size, c1), mask)
    d = ImageDraw.Draw(img)
    for _ in range(7):
        x0, y0 = rng.uniform(0, 0.8) * w, rng.uniform(0, 0.8) * h
        box = (x0, y0, x0 + rng.uniform(0.1, 0.45) * w, y0 + rng.uniform(0.1, 0.45) * h)
        color = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            d.ellipse(box, fill=color)
        else:
            d.rectangle(box, fill=color)
    for _ in range(5):
        pts = [(rng.uniform(0, w), rng.uniform(0, h)) for _ in range(2)]
        d.line(pts, fill=tuple(rng.randrange(256) for _ in range(3)), width=4)
    return img


def reshared(img: Image.Image, *, caption: bool = True) -> bytes:
    """The picture as it comes back in a later threat: smaller, captioned, JPEG."""
    out = img.resize((int(img.width * 0.8), int(img.height * 0.8)))
    if caption:
        bar = Image.new("RGB", (out.width, out.height + 36), (255, 255, 255))
        bar.paste(out, (0, 36))
        ImageDraw.Draw(bar).text((8, 10), "LOOK WHAT I HAVE", fill=(0, 0, 0))
        out = bar
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def camera_photo(
    img: Image.Image,
    *,
    taken: datetime | None = None,
    gps: tuple[float, float] | None = None,
) -> bytes:
    """A JPEG with EXIF capture time (with offset) and GPS, like a phone camera's."""
    exif = Image.Exif()
    if taken is not None:
        sub = exif.get_ifd(0x8769)
        sub[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
        off = taken.utcoffset()
        assert off is not None
        mins = int(off.total_seconds() // 60)
        sign = "-" if mins < 0 else "+"
        sub[0x9011] = f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"
    if gps is not None:
        g = exif.get_ifd(0x8825)
        lat, lon = gps
        g[1] = "N" if lat >= 0 else "S"
        g[2] = (abs(lat), 0.0, 0.0)
        g[3] = "E" if lon >= 0 else "W"
        g[4] = (abs(lon), 0.0, 0.0)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif)
    return buf.getvalue()


STOCK_WEAPON = picture(101)  # "a stock photo of a weapon from a shop site"
HOAX_IMAGE = picture(202)  # attached to an earlier hoax at another school
CREDIBLE_IMAGE = picture(303)  # attached to a past credible threat
NEAR_PHOTO = picture(404)  # a fresh photo of the school's front entrance
GAME_PHOTO = picture(505)  # a fresh photo of a game underway in the gym
STOCK_BANK = (
    *((f"stock-{i}", picture(900 + i)) for i in range(5)),
    ("stock-weapon", STOCK_WEAPON),
)


# ---------------------------------------------------------------------------
# scenario records


@dataclass(frozen=True)
class ArchiveItem:
    """A report already in the district archive, with its outcome."""

    report: ts.Report
    school: ts.School
    outcome: str = "hoax"


@dataclass(frozen=True)
class Expected:
    """What the guidance says the assessment should be."""

    levels: frozenset[ts.Level]
    imminent: bool | None
    must: frozenset[str] = frozenset()
    must_not: frozenset[str] = frozenset()
    any_of: frozenset[str] = frozenset()
    why: str = ""


@dataclass(frozen=True)
class Scenario:
    """One situation a district faces, and the expected triage."""

    name: str
    kind: str
    school: ts.School
    report: ts.Report
    expected: Expected
    now: datetime = NOW
    archive: tuple[ArchiveItem, ...] = ()
    stock: tuple[tuple[str, Image.Image], ...] = STOCK_BANK
    confident: bool = True
    known_gap: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def expect(
    levels: frozenset[ts.Level],
    imminent: bool | None,
    must: Iterable[str] = (),
    must_not: Iterable[str] = (),
    any_of: Iterable[str] = (),
    why: str = "",
) -> Expected:
    """Short constructor for :class:`Expected`."""
    return Expected(
        levels, imminent, frozenset(must), frozenset(must_not), frozenset(any_of), why
    )


def ago(**kw: float) -> datetime:
    """``NOW`` minus a timedelta."""
    return NOW - timedelta(**kw)


# ---------------------------------------------------------------------------
# reusable texts

WAVE_RANSOM = (
    "This is a message for {school}. I have hidden three pipe bombs inside the "
    "building and they will go off at {time} today unless {amount} in bitcoin is sent "
    "to {wallet}. Do not call the police and do not evacuate."
)
WAVE_SHOOTER = (
    "Attention {school} students and staff. A shooter will walk into your school at "
    "{time} tomorrow. This is not a joke. Everyone inside will pay."
)


def ransom(school: str, time: str, n: int) -> str:
    return WAVE_RANSOM.format(
        school=school, time=time, amount=f"${2000 + 250 * n:,}", wallet=f"bc1qwave{n}x"
    )


def wave_items(
    template: Callable[[str, str, int], str], hours: Iterable[float]
) -> tuple[ArchiveItem, ...]:
    """The same template at other schools, ``hours`` before ``NOW``."""
    out = []
    schools = [RIVERSIDE, OAK_VALLEY, WESTFIELD, BROOKSIDE]
    for i, h in enumerate(hours):
        sch = schools[i % len(schools)]
        out.append(
            ArchiveItem(
                ts.Report(
                    id=f"wave-{sch.id}-{i}",
                    text=template(sch.name, f"{9 + i}:45", i),
                    channel="email",
                    received_at=ago(hours=h),
                ),
                sch,
                "hoax",
            )
        )
    return tuple(out)


def shooter(school: str, time: str, n: int) -> str:
    del n
    return WAVE_SHOOTER.format(school=school, time=time)


# ---------------------------------------------------------------------------
# the scenarios

S: list[Scenario] = []


def add(s: Scenario) -> None:
    S.append(s)


# --- swatting calls -----------------------------------------------------------

add(
    Scenario(
        "swat_blocked_all_signs",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-1",
            text=(
                "Caller said there is a man with a gun in the gymnasium at Lincoln "
                "Heights and that people are hurt, then stopped answering."
            ),
            channel="phone",
            received_at=ago(minutes=4),
            caller_id="Restricted",
            interview=ts.Interview(
                gave_name=False,
                gave_callback=False,
                gave_location=False,
                places_mentioned=("Mapel Street",),
                voice_masked=True,
                hung_up=True,
            ),
            awareness="direct",
        ),
        expect(
            LOW,
            None,
            must={
                "caller_id_blocked",
                "caller_failed_followups",
                "caller_misnamed_local_place",
                "voice_masked",
            },
            must_not={"text_wave", "source_local", "text_matches_credible"},
            why="blocked ID, no follow-up answers, misnamed street, masked voice: "
            "every swatting sign the guidance lists",
        ),
    )
)

add(
    Scenario(
        "swat_all_nines_failed_attestation",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-2",
            text="Caller claimed a bomb is in the school and it will go off in 20 minutes.",
            channel="phone",
            received_at=ago(minutes=2),
            caller_id="999-999-9999",
            attestation="TN-Validation-Failed",
            interview={"gave_name": False, "gave_callback": False},
            awareness="direct",
        ),
        expect(
            LOW,
            True,
            must={
                "caller_id_spoof_pattern",
                "attestation_failed",
                "caller_failed_followups",
                "time_imminent",
            },
            why="all-nines is the guidance's own spoofing example; a time 20 minutes "
            "out still sets the response speed",
        ),
    )
)

add(
    Scenario(
        "swat_school_own_number",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-3",
            text="Caller said he is holding people in the main office with a weapon.",
            channel="phone",
            received_at=ago(minutes=3),
            caller_id="(312) 555-0100",
            interview=ts.Interview(gave_name=False, gave_location=False),
        ),
        expect(
            LOW,
            None,
            must={"caller_id_matches_school", "caller_failed_followups"},
            why="the school's own number as caller ID is spoofed; no name or location",
        ),
    )
)

add(
    Scenario(
        "swat_relay_toll_free",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-4",
            text=(
                "Relay operator read: I am in the bathroom near the cafeteria with a "
                "gun and I will shoot anyone who comes in."
            ),
            channel="phone",
            received_at=ago(minutes=6),
            caller_id="+1 877-234-5678",
            interview=ts.Interview(
                gave_location=False, relay_service=True, gave_name=False
            ),
        ),
        expect(
            LOW_MOD,
            None,
            must={"relay_service", "caller_failed_followups"},
            why="relay services are a swatting route and the caller would not say "
            "where they are; the named place keeps it from being clear-cut",
        ),
    )
)

add(
    Scenario(
        "swat_police_line_as_caller_id",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-5",
            text="Caller said an armed man is in the building and told staff to evacuate now.",
            channel="phone",
            received_at=ago(minutes=1),
            caller_id="312.555.0199",
            interview=ts.Interview(gave_callback=False),
        ),
        expect(
            LOW_MOD,
            None,
            must={"caller_id_emergency_number"},
            why="a police line shown as caller ID is spoofed",
        ),
    )
)

add(
    Scenario(
        "swat_fictional_number_misnamed",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-6",
            text="Caller reported a shooting near the north parking lot and asked for the principal.",
            channel="phone",
            received_at=ago(minutes=5),
            caller_id="(312) 555-0147",
            interview=ts.Interview(
                gave_name=True,
                gave_callback=False,
                places_mentioned=("Mapple Stret",),
            ),
        ),
        expect(
            LOW,
            None,
            must={"caller_id_fictional", "caller_misnamed_local_place"},
            why="a 555-01XX number is fictional; mispronouncing the school's street is "
            "a named swatting sign",
        ),
    )
)

add(
    Scenario(
        "swat_international_caller",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-7",
            text="I placed a bomb at Lincoln Heights High School and it explodes at 2 pm.",
            channel="phone",
            received_at=ago(minutes=3),
            caller_id="+33 1 42 68 53 00",
            attestation="C",
        ),
        expect(
            LOW_MOD,
            True,
            must={"caller_id_international", "time_imminent"},
            why="a call from abroad may be less concerning, but 2 pm today is a stated "
            "time hours away",
        ),
    )
)

add(
    Scenario(
        "phone_blocked_only_cooperative",
        "swatting",
        lhhs(),
        ts.Report(
            id="swat-8",
            text="Caller reported hearing what sounded like shots near the football field.",
            channel="phone",
            received_at=ago(minutes=2),
            caller_id="Anonymous",
            interview=ts.Interview(
                gave_name=True, gave_callback=True, gave_location=True
            ),
        ),
        expect(
            MOD,
            None,
            must={"caller_id_blocked"},
            must_not={"caller_failed_followups"},
            why="a blocked number alone never clears a call: initially credible",
        ),
    )
)

add(
    Scenario(
        "phone_parent_relays_post",
        "repost",
        lhhs(),
        ts.Report(
            id="call-parent",
            text=(
                "My son saw a post saying someone will bring a gun to LHHS tomorrow. "
                "I wanted you to know."
            ),
            channel="phone",
            received_at=ago(minutes=10),
            caller_id="(773) 294-8812",
            attestation="A",
            interview=ts.Interview(
                gave_name=True, gave_callback=True, gave_location=True
            ),
            awareness="parent",
        ),
        expect(
            MOD,
            True,
            must={"time_imminent"},
            must_not={
                "caller_id_blocked",
                "caller_failed_followups",
                "attestation_failed",
                "caller_id_invalid",
            },
            why="a cooperative parent passing on a post: the original threat is still "
            "initially credible, and 'tomorrow' sets the speed",
        ),
    )
)

# --- hoax e-mail waves -------------------------------------------------------------

add(
    Scenario(
        "wave_ransom_foreign",
        "wave",
        lhhs(),
        ts.Report(
            id="wave-now-1",
            text=ransom("Lincoln Heights High School", "11:15", 9),
            channel="email",
            received_at=ago(minutes=40),
            source_country="RO",
            awareness="direct",
        ),
        expect(
            LOW,
            True,
            must={"text_wave", "source_far_away"},
            must_not={"text_matches_credible", "source_local"},
            why="the same template at three other schools since yesterday, traced "
            "abroad; the stated time today still sets the speed",
        ),
        archive=wave_items(ransom, (20, 18, 16)),
    )
)

add(
    Scenario(
        "wave_shooter_two_schools",
        "wave",
        lhhs(),
        ts.Report(
            id="wave-now-2",
            text=shooter("Lincoln Heights High School", "10:15", 0),
            channel="email",
            received_at=ago(minutes=25),
        ),
        expect(
            LOW_MOD,
            True,
            must={"text_wave", "time_imminent"},
            why="a cluster: less concerning than a one-off; tomorrow 10:15 is a time",
        ),
        archive=wave_items(shooter, (30, 12)),
    )
)

add(
    Scenario(
        "wave_partner_reports_cluster",
        "wave",
        lhhs(),
        ts.Report(
            id="wave-now-3",
            text="There is a bomb in your building. Everyone inside will die today.",
            channel="email",
            received_at=ago(minutes=15),
            other_schools_reported=5,
            awareness="direct",
        ),
        expect(
            LOW_MOD,
            True,
            must={"reported_by_other_schools"},
            why="neighbouring districts report the same message: a cluster; 'today' "
            "is a stated time",
        ),
    )
)

add(
    Scenario(
        "recycled_old_template",
        "wave",
        lhhs(),
        ts.Report(
            id="recycled-1",
            text=shooter("Lincoln Heights High School", "1:30", 0),
            channel="email",
            received_at=ago(minutes=30),
        ),
        expect(
            LOW_MOD,
            True,
            must={"text_recycled"},
            must_not={"text_wave", "text_matches_credible"},
            why="the template was used eight months ago elsewhere: recycled, not a "
            "current wave",
        ),
        archive=tuple(
            ArchiveItem(
                ts.Report(
                    id=f"old-{s.id}",
                    text=shooter(s.name, "8:00", 0),
                    channel="email",
                    received_at=ago(days=240 + i),
                ),
                s,
                "hoax",
            )
            for i, s in enumerate((RIVERSIDE, WESTFIELD))
        ),
    )
)

add(
    Scenario(
        "ransom_single_far_away",
        "wave",
        lhhs(),
        ts.Report(
            id="ransom-1",
            text=(
                "Send $5,000 in bitcoin to wallet bc1qexample9999zz within 6 hours or "
                "the bombs I hid in Lincoln Heights High School will go off."
            ),
            channel="email",
            received_at=ago(minutes=20),
            source_distance_km=1800.0,
        ),
        expect(
            LOW_MOD,
            True,
            must={"source_far_away", "time_imminent"},
            why="traced 1,800 km away: may be less concerning; 'within 6 hours' sets "
            "the speed",
        ),
    )
)

add(
    Scenario(
        "same_post_reported_by_several_students",
        "repost",
        lhhs(),
        ts.Report(
            id="dup-4",
            text="Someone is going to shoot up LHHS on Friday. Stay home.",
            channel="social_media",
            received_at=ago(minutes=5),
            awareness="student",
        ),
        expect(
            MOD_HIGH,
            True,
            must={"time_imminent"},
            must_not={"text_wave", "text_recycled", "repeated_threats_same_target"},
            why="three students sent the same post this morning: one threat reported "
            "several times, not a wave and not repeated threats",
        ),
        archive=tuple(
            ArchiveItem(
                ts.Report(
                    id=f"dup-{i}",
                    text="Someone is going to shoot up LHHS on Friday. Stay home.",
                    channel="social_media",
                    received_at=ago(minutes=90 - 20 * i),
                    awareness="student",
                ),
                lhhs(),
                "unknown",
            )
            for i in range(3)
        ),
    )
)

add(
    Scenario(
        "wave_two_school_cluster",
        "wave",
        lhhs(),
        ts.Report(
            id="wave-now-4",
            text=ransom("Lincoln Heights High School", "1:00", 7),
            channel="email",
            received_at=ago(minutes=50),
        ),
        expect(
            LOW_MOD,
            True,
            any_of={"text_wave", "text_recycled"},
            must_not={"text_matches_credible"},
            why="the same template hit one other school yesterday: recycled at least",
        ),
        archive=wave_items(ransom, (22,)),
    )
)

# --- social media challenges and reposts ---------------------------------------------

add(
    Scenario(
        "challenge_repost_tiktok",
        "repost",
        lhhs(),
        ts.Report(
            id="tiktok-1",
            text=(
                "idk if this is real but saw this on tiktok: school shooting at every "
                "school in America on 12/18, don't come. stay safe everyone"
            ),
            channel="social_media",
            received_at=ago(hours=1),
            awareness="social_media",
            other_schools_reported=12,
        ),
        expect(
            LOW,
            False,
            must={"text_repost", "reported_by_other_schools"},
            must_not=IMMINENCE_MARKERS | {"time_imminent"},
            why="a nationwide challenge repost seen by many districts; the date is "
            "nine months away",
        ),
    )
)

add(
    Scenario(
        "report_dont_repost_forward",
        "repost",
        lhhs(),
        ts.Report(
            id="fwd-1",
            text=(
                "---------- Forwarded message ---------\n"
                "Subject: Fwd: is this real??\n\n"
                "This was going around on Snapchat: I'm bringing a gun to Lincoln "
                "Heights tomorrow, you've been warned."
            ),
            channel="email",
            received_at=ago(minutes=35),
            awareness="parent",
        ),
        expect(
            MOD,
            True,
            must={"text_repost", "time_imminent"},
            must_not={"text_wave"},
            why="a parent forwards the post (Report, Don't Repost): the original is "
            "still initially credible and 'tomorrow' sets the speed",
        ),
    )
)

add(
    Scenario(
        "scanning_software_rt_joke",
        "repost",
        lhhs(),
        ts.Report(
            id="rt-1",
            text="RT @randomacct: all schools in the district getting shot up friday lol",
            channel="scanning_software",
            received_at=ago(minutes=12),
            awareness="scanning_software",
            other_schools_reported=3,
        ),
        expect(
            LOW_MOD,
            None,
            must={"text_repost"},
            must_not=IMMINENCE_MARKERS,
            why="a retweeted diffuse 'joke' seen at other districts",
        ),
    )
)

# --- specific, personalised threats -----------------------------------------------------

add(
    Scenario(
        "specific_person_place_time",
        "specific",
        lhhs(),
        ts.Report(
            id="spec-1",
            text=(
                "Mr. Okafor failed me on purpose. Friday at lunch I am going to the "
                "North Parking Lot with my dad's gun and he is first."
            ),
            channel="social_media",
            received_at=ago(minutes=20),
            awareness="student",
        ),
        expect(
            HIGH,
            True,
            must={"text_names_person", "text_names_place", "time_imminent"},
            must_not={"text_wave", "text_recycled", "text_repost"},
            why="names a teacher, a place, a weapon and a time two days out",
        ),
    )
)

add(
    Scenario(
        "last_resort_manifesto",
        "imminence",
        lhhs(),
        ts.Report(
            id="manifesto-1",
            text=(
                "I finished my manifesto. They left me no choice. By the time you read "
                "this it is too late for Lincoln Heights. Everyone will remember my name."
            ),
            channel="email",
            received_at=ago(minutes=10),
        ),
        expect(
            HIGH,
            True,
            must={"last_resort", "legacy_token"},
            why="last resort + legacy token: the guidance's imminence indicators",
        ),
    )
)

add(
    Scenario(
        "patience_and_opportunity",
        "imminence",
        lhhs(),
        ts.Report(
            id="patience-1",
            text=(
                "I'm done waiting for Ms. Rivera to stop. This is my last chance before "
                "they expel me. I'm bringing a knife to her classroom."
            ),
            channel="social_media",
            received_at=ago(minutes=25),
            awareness="student",
        ),
        expect(
            HIGH,
            True,
            must={"text_names_person", "diminishing_patience", "shrinking_opportunity"},
            why="diminishing patience + shrinking opportunity, naming a teacher",
        ),
    )
)

add(
    Scenario(
        "bathroom_wall_tomorrow",
        "specific",
        lhhs(),
        ts.Report(
            id="wall-1",
            text="Gym 3rd period tomorrow everyone dies",
            channel="written",
            received_at=ago(minutes=45),
            awareness="staff",
        ),
        expect(
            MOD_HIGH,
            True,
            must={"time_imminent"},
            why="written on a wall inside the school with a day and a period",
        ),
    )
)

add(
    Scenario(
        "tip_about_known_student",
        "specific",
        lhhs(),
        ts.Report(
            id="tip-1",
            text=(
                "A kid in my class keeps saying he is going to shoot up LHHS before "
                "spring break, and he showed a gun on snapchat last night."
            ),
            channel="tip_line",
            received_at=ago(hours=2),
            awareness="tip_line",
        ),
        expect(
            MOD_HIGH,
            None,
            must={"text_names_school"},
            must_not={"text_wave", "text_recycled", "text_disruption_goal"},
            why="a tip about a known subject: a threat assessment team matter, not a "
            "hoax sign",
        ),
    )
)

add(
    Scenario(
        "last_resort_local_trace",
        "imminence",
        lhhs(),
        ts.Report(
            id="local-1",
            text="Nobody listens. I have no other choice. Everyone at Lincoln Heights will pay.",
            channel="social_media",
            received_at=ago(minutes=30),
            source_distance_km=3.0,
        ),
        expect(
            HIGH,
            None,
            must={"last_resort", "source_local"},
            why="a last-resort reference from an origin 3 km from the school",
        ),
    )
)

add(
    Scenario(
        "local_trace_direct_warning",
        "specific",
        lhhs(),
        ts.Report(
            id="local-2",
            text="Don't come to school tomorrow. I'm bringing a gun and I'm serious this time.",
            channel="social_media",
            received_at=ago(minutes=15),
            source_distance_km=4.0,
        ),
        expect(
            MOD_HIGH,
            True,
            must={"source_local", "time_imminent"},
            why="traced close to the school, a weapon and a day",
        ),
    )
)

add(
    Scenario(
        "repeated_threats_same_target",
        "specific",
        lhhs(),
        ts.Report(
            id="repeat-3",
            text="Third time I'm telling you. Lincoln Heights will pay for ignoring me.",
            channel="email",
            received_at=ago(minutes=20),
        ),
        expect(
            MOD_HIGH,
            None,
            must={"repeated_threats_same_target"},
            must_not={"text_wave"},
            why="one of multiple different threats to the same school this fortnight",
        ),
        archive=(
            ArchiveItem(
                ts.Report(
                    id="repeat-1",
                    text="Somebody at this school is going to regret ignoring me.",
                    channel="written",
                    received_at=ago(days=12),
                ),
                lhhs(),
                "unknown",
            ),
            ArchiveItem(
                ts.Report(
                    id="repeat-2",
                    text="You had your warning. Watch the north doors next week.",
                    channel="email",
                    received_at=ago(days=5),
                ),
                lhhs(),
                "unknown",
            ),
        ),
    )
)

add(
    Scenario(
        "past_credible_text_match",
        "recycled",
        lhhs(),
        ts.Report(
            id="cred-new",
            text=(
                "I'm going to bring my rifle to the east stairwell at Lincoln Heights "
                "and make the juniors pay for what they did to me."
            ),
            channel="social_media",
            received_at=ago(minutes=30),
        ),
        expect(
            MOD_HIGH,
            None,
            must={"text_matches_credible"},
            must_not={"text_recycled", "text_wave"},
            why="matches a past threat judged credible: a link to a real case",
        ),
        archive=(
            ArchiveItem(
                ts.Report(
                    id="cred-old",
                    text=(
                        "I'm going to bring my rifle to the east stairwell of Lincoln "
                        "Heights and make the seniors pay for what they did."
                    ),
                    channel="social_media",
                    received_at=ago(days=300),
                ),
                lhhs(),
                "credible",
            ),
        ),
    )
)

# --- exam-day disruption -----------------------------------------------------------------

add(
    Scenario(
        "exam_cancel_or_bomb",
        "exam",
        lhhs(exams=True),
        ts.Report(
            id="exam-1",
            text="There's a bomb in the school. Cancel the exams or it goes off at 10.",
            channel="email",
            received_at=ago(minutes=10),
        ),
        expect(
            LOW_MOD,
            True,
            must={"text_disruption_goal", "during_exam_period", "time_imminent"},
            why="a stated goal of cancelling exams during exam week: disruption; "
            "10:00 is half an hour away",
        ),
    )
)

add(
    Scenario(
        "exam_state_test_tomorrow",
        "exam",
        lhhs(exams=True),
        ts.Report(
            id="exam-2",
            text=(
                "If they don't cancel the test tomorrow I'll make sure nobody takes it. "
                "There will be bombs in the testing room so we don't have to take the test."
            ),
            channel="social_media",
            received_at=ago(minutes=30),
        ),
        expect(
            LOW_MOD,
            True,
            must={"text_disruption_goal", "during_exam_period"},
            why="the goal is to avoid a test in exam week",
        ),
    )
)

# --- images -------------------------------------------------------------------------------

add(
    Scenario(
        "stock_weapon_image",
        "images",
        lhhs(),
        ts.Report(
            id="stock-1",
            text="I'm coming to Lincoln Heights tomorrow. Look what I have.",
            channel="social_media",
            received_at=ago(minutes=20),
            images=(reshared(STOCK_WEAPON),),
        ),
        expect(
            LOW_MOD,
            True,
            must={"image_stock", "time_imminent"},
            must_not={"image_original", "image_near_school"},
            why="reverse image search finds a stock photo: less concerning",
        ),
    )
)

add(
    Scenario(
        "recycled_hoax_image",
        "images",
        lhhs(),
        ts.Report(
            id="recimg-1",
            text="This is what is coming to your school.",
            channel="email",
            received_at=ago(minutes=20),
            images=(reshared(HOAX_IMAGE),),
        ),
        expect(
            LOW_MOD,
            None,
            must={"image_recycled"},
            must_not={"image_original", "image_matches_credible"},
            why="the picture came with an earlier hoax at another school",
        ),
        archive=(
            ArchiveItem(
                ts.Report(
                    id="recimg-old",
                    text="This is what is coming to your school.",
                    channel="email",
                    received_at=ago(days=70),
                    images=(HOAX_IMAGE,),
                ),
                RIVERSIDE,
                "hoax",
            ),
        ),
    )
)

add(
    Scenario(
        "image_from_credible_case",
        "images",
        lhhs(),
        ts.Report(
            id="credimg-1",
            text="Remember me? I'm back.",
            channel="social_media",
            received_at=ago(minutes=20),
            images=(reshared(CREDIBLE_IMAGE, caption=False),),
        ),
        expect(
            MOD_HIGH,
            None,
            must={"image_matches_credible"},
            must_not={"image_recycled", "image_stock"},
            why="reuses the image of a past credible threat: links to a real case",
        ),
        archive=(
            ArchiveItem(
                ts.Report(
                    id="credimg-old",
                    text="You will all regret this.",
                    channel="social_media",
                    received_at=ago(days=180),
                    images=(CREDIBLE_IMAGE,),
                ),
                lhhs(),
                "credible",
            ),
        ),
    )
)

add(
    Scenario(
        "photo_near_school_just_now",
        "images",
        lhhs(),
        ts.Report(
            id="near-1",
            text="I'm right outside LHHS. Today is the day everyone pays.",
            channel="social_media",
            received_at=ago(minutes=5),
            images=(
                camera_photo(
                    NEAR_PHOTO, taken=ago(minutes=12), gps=(41.8825, -87.6310)
                ),
            ),
        ),
        expect(
            HIGH,
            True,
            must={"image_near_school", "image_recent_capture", "time_imminent"},
            must_not={"image_stock", "image_recycled"},
            why="a photo taken minutes ago a few hundred metres from the school",
        ),
    )
)

add(
    Scenario(
        "photo_of_game_underway",
        "images",
        lhhs(),
        ts.Report(
            id="game-1",
            text=(
                "Great seats at the game in the gymnasium. Enjoy it while it lasts, "
                "you will all pay."
            ),
            channel="social_media",
            received_at=ago(minutes=3),
            images=(
                camera_photo(GAME_PHOTO, taken=ago(minutes=6), gps=(41.8801, -87.6302)),
            ),
        ),
        expect(
            HIGH,
            True,
            must={"image_near_school", "image_recent_capture", "text_names_place"},
            why="'photos or videos of school events as they are underway increase the "
            "urgency of threats': urgency even without a stated time",
        ),
        confident=False,
        known_gap="a fresh photo near the school does not set `imminent`: the flag "
        "comes only from stated times and imminence markers (policy/combiner rule)",
    )
)

# --- conflicting signs ------------------------------------------------------------------

add(
    Scenario(
        "conflict_recycled_image_personal_text",
        "conflict",
        lhhs(),
        ts.Report(
            id="conflict-1",
            text=(
                "Ms. Rivera, tomorrow at lunch in the cafeteria you will regret what "
                "you did to me."
            ),
            channel="social_media",
            received_at=ago(minutes=15),
            images=(reshared(HOAX_IMAGE),),
        ),
        expect(
            MOD_HIGH,
            True,
            must={"image_recycled", "text_names_person", "text_names_place"},
            why="the guidance's own hard case: recycled image, specific personal text; "
            "keep assessing, never LOW",
        ),
        archive=(
            ArchiveItem(
                ts.Report(
                    id="conflict-old",
                    text="This is what is coming to your school.",
                    channel="email",
                    received_at=ago(days=60),
                    images=(HOAX_IMAGE,),
                ),
                WESTFIELD,
                "hoax",
            ),
        ),
    )
)

add(
    Scenario(
        "conflict_swatting_call_named_staff",
        "conflict",
        lhhs(),
        ts.Report(
            id="conflict-2",
            text=(
                "Caller said Ms. Rivera will be shot in the gymnasium, then refused to "
                "answer questions."
            ),
            channel="phone",
            received_at=ago(minutes=3),
            caller_id="Private",
            interview=ts.Interview(
                gave_name=False,
                gave_callback=False,
                gave_location=False,
                places_mentioned=("Mapel Street",),
                voice_masked=True,
            ),
        ),
        expect(
            MOD_HIGH,
            None,
            must={"caller_id_blocked", "caller_failed_followups", "text_names_person"},
            why="swatting signs against a named staff member and place: harder to "
            "assess, do not clear",
        ),
    )
)

add(
    Scenario(
        "conflict_wave_text_with_local_photo",
        "conflict",
        lhhs(),
        ts.Report(
            id="conflict-3",
            text=ransom("Lincoln Heights High School", "12:30", 8),
            channel="email",
            received_at=ago(minutes=10),
            images=(
                camera_photo(
                    picture(606), taken=ago(minutes=25), gps=(41.8812, -87.6295)
                ),
            ),
        ),
        expect(
            MOD_HIGH,
            True,
            must={"text_wave", "image_near_school"},
            why="a wave template but with a fresh photo taken near the school: the "
            "proximity visual must keep it from being cleared",
        ),
        archive=wave_items(ransom, (26, 21, 19)),
    )
)

# --- harmless controls ---------------------------------------------------------------------

add(
    Scenario(
        "control_permission_slips",
        "control",
        lhhs(),
        ts.Report(
            id="ctl-1",
            text=(
                "Reminder from the front office: this is the last chance to return "
                "permission slips for Friday's field trip to the science museum."
            ),
            channel="email",
            received_at=ago(hours=1),
            awareness="staff",
        ),
        expect(
            LOW_MOD,
            False,
            must_not=IMMINENCE_MARKERS | NO_TIME | {"text_disruption_goal"},
            why="a routine notice: no threat, nothing imminent",
        ),
    )
)

add(
    Scenario(
        "control_sports_trash_talk",
        "control",
        lhhs(),
        ts.Report(
            id="ctl-2",
            text=(
                "We're going to destroy Westfield on Friday night, they're dead meat. "
                "Our shooters will be lights out from three. #GoLions"
            ),
            channel="social_media",
            received_at=ago(hours=2),
            awareness="scanning_software",
        ),
        expect(
            LOW_MOD,
            False,
            must_not=IMMINENCE_MARKERS | NO_TIME,
            why="sports trash talk",
        ),
    )
)

add(
    Scenario(
        "control_recovered_student",
        "control",
        lhhs(),
        ts.Report(
            id="ctl-3",
            text=(
                "Last year I felt like I had no other choice and wanted to give up, but "
                "I got help from my counselor and I'm doing much better now."
            ),
            channel="scanning_software",
            received_at=ago(hours=3),
            awareness="scanning_software",
        ),
        expect(
            LOW_MOD,
            False,
            must_not=IMMINENCE_MARKERS | NO_TIME,
            why="a student's past struggle, resolved: a mental-health matter, not a threat",
        ),
    )
)

add(
    Scenario(
        "control_drill_notice",
        "control",
        lhhs(),
        ts.Report(
            id="ctl-4",
            text=(
                "Reminder: lockdown drill tomorrow at 10am. Staff, please review the "
                "active shooter drill procedures before we meet in the Gymnasium."
            ),
            channel="email",
            received_at=ago(hours=1),
            awareness="staff",
        ),
        expect(
            LOW_MOD,
            False,
            must_not=IMMINENCE_MARKERS | NO_TIME,
            why="a drill announcement",
        ),
    )
)

add(
    Scenario(
        "control_book_report",
        "control",
        lhhs(),
        ts.Report(
            id="ctl-5",
            text=(
                "For my book report: in the story the villain says he has no other "
                "choice and plants a bomb at the school at noon."
            ),
            channel="scanning_software",
            received_at=ago(hours=1),
            awareness="scanning_software",
        ),
        expect(
            LOW_MOD,
            False,
            must_not=IMMINENCE_MARKERS | {"time_imminent"},
            why="fiction written for class",
        ),
    )
)

add(
    Scenario(
        "control_news_share",
        "control",
        lhhs(),
        ts.Report(
            id="ctl-6",
            text=(
                "The news said police found the 2019 attacker's manifesto; the gunman "
                "wrote that he had no other choice. So sad."
            ),
            channel="social_media",
            received_at=ago(hours=4),
            awareness="media",
        ),
        expect(
            LOW_MOD,
            False,
            must_not=IMMINENCE_MARKERS | {"time_imminent"},
            why="a news report of a past attack, not a threat",
        ),
    )
)

# --- stated time already past ----------------------------------------------------------

add(
    Scenario(
        "stated_time_passed",
        "specific",
        lhhs(),
        ts.Report(
            id="past-1",
            text="A bomb will go off in the cafeteria at 2pm today.",
            channel="email",
            received_at=datetime(2026, 3, 10, 7, 30, tzinfo=CHI),
        ),
        expect(
            LOW_MOD,
            False,
            must={"stated_time_past"},
            must_not={"time_imminent"},
            why="received yesterday for 2 pm yesterday; nothing happened",
        ),
    )
)

# --- messy input -------------------------------------------------------------------------

add(
    Scenario(
        "messy_empty_text_junk_caller_id",
        "messy",
        lhhs(),
        ts.Report(
            id="messy-1",
            text="",
            channel="phone",
            caller_id="??? unknwn ###",
            received_at=ago(minutes=1),
        ),
        expect(
            MOD,
            False,
            any_of={"caller_id_invalid", "caller_id_blocked"},
            must_not=NO_TIME | IMMINENCE_MARKERS,
            why="nothing but a junk caller ID: one sign, initially credible",
        ),
    )
)

add(
    Scenario(
        "messy_no_text_no_anything",
        "messy",
        lhhs(),
        ts.Report(id="messy-2", text=None, channel="email", received_at=ago(minutes=1)),
        expect(MOD, False, must_not=NO_TIME, why="no information: initially credible"),
    )
)

add(
    Scenario(
        "messy_huge_chat_log",
        "messy",
        lhhs(),
        ts.Report(
            id="messy-3",
            text=("yeah that sounds fine to me. " * 10_000)
            + "I will shoot up Lincoln Heights tomorrow at 9am.",
            channel="scanning_software",
            received_at=ago(minutes=5),
        ),
        expect(
            MOD_HIGH,
            True,
            must={"time_imminent", "text_names_school"},
            why="a 290 KB chat export whose last line is a threat with a time",
        ),
        known_gap="text_names_school is not found past the first 20,000 characters "
        "(text analyzer, being changed by another engineer); the stated time is "
        "found since the imminence fix",
    )
)

add(
    Scenario(
        "messy_fullwidth_school_number",
        "messy",
        lhhs(),
        ts.Report(
            id="messy-4",
            text="there is a gun in the cafeteria",
            channel="phone",
            caller_id="＋１ (３１２) ５５５-０１００",
            interview={"gave_name": False, "gave_location": False},
            received_at=ago(minutes=2),
        ),
        expect(
            LOW_MOD,
            None,
            must={"caller_id_matches_school", "caller_failed_followups"},
            why="the school's own number in full-width digits is still spoofed",
        ),
    )
)

add(
    Scenario(
        "messy_uri_zeros_verstat",
        "messy",
        lhhs(),
        ts.Report(
            id="messy-5",
            text="gun at the school right now",
            channel="phone",
            caller_id="tel:000-000-0000;verstat=TN-Validation-Failed",
            attestation="garbage",
            received_at=ago(minutes=2),
        ),
        expect(
            LOW,
            None,
            must={"caller_id_spoof_pattern", "attestation_failed"},
            why="all zeros and a failed verification inside the URI",
        ),
    )
)

add(
    Scenario(
        "messy_unreadable_image",
        "messy",
        lhhs(),
        ts.Report(
            id="messy-6",
            text="You will all pay for what you did.",
            channel="email",
            images=(b"GIF89a this is not really an image",),
            received_at=ago(minutes=2),
        ),
        expect(
            MOD_HIGH,
            None,
            must={"image_unreadable"},
            must_not={"image_stock", "image_recycled", "image_original"},
            why="a broken attachment is recorded for a person to look at",
        ),
    )
)

SCENARIOS: tuple[Scenario, ...] = tuple(S)


# ---------------------------------------------------------------------------
# running and checking


def build_archive(s: Scenario) -> ts.Archive:
    """An in-memory archive holding the scenario's history and stock bank."""
    archive = ts.Archive.open(":memory:")
    for item in s.archive:
        received = item.report.received_at or s.now
        archive.add(item.report, school=item.school, outcome=item.outcome, now=received)
    if s.stock:
        ts_images.add_stock(archive, list(s.stock))
    return archive


def run(s: Scenario) -> ts.Assessment:
    """Assess the scenario's report as the district would."""
    with build_archive(s) as archive:
        return ts.assess(s.report, school=s.school, archive=archive, now=s.now)


@dataclass(frozen=True)
class Check:
    """How an assessment compares with a scenario's expectation."""

    level_ok: bool
    imminent_ok: bool
    missing: frozenset[str]
    unexpected: frozenset[str]
    any_of_ok: bool
    hits: int  # must codes present

    @property
    def ok(self) -> bool:
        """Whether everything matched."""
        return (
            self.level_ok
            and self.imminent_ok
            and not self.missing
            and not self.unexpected
            and self.any_of_ok
        )


def check(s: Scenario, a: ts.Assessment) -> Check:
    """Compare an assessment with the scenario's expectation."""
    codes = frozenset(f.code for f in a.findings)
    exp = s.expected
    return Check(
        level_ok=a.level in exp.levels,
        imminent_ok=exp.imminent is None or a.imminent == exp.imminent,
        missing=exp.must - codes,
        unexpected=exp.must_not & codes,
        any_of_ok=not exp.any_of or bool(exp.any_of & codes),
        hits=len(exp.must & codes),
    )
