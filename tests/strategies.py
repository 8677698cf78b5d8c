"""Hypothesis strategies shared by the property tests (one home, as in attrs)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import strategies as st

import threatsignals as ts

CODES = sorted(ts.Policy().weights)

#: Ids of reports and schools: any text but lone surrogates (ids are archive keys
#: and must be valid UTF-8; Report and School reject them with a named field).
_ids = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20
)

aware_datetimes = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
    ),
)

texts = st.one_of(
    st.none(),
    st.text(max_size=400),
    st.sampled_from(
        [
            "",
            "\u200b" * 50,
            "not " * 200,
            "a" * 500 + "!",
            "I will be at Maple Street tomorrow at 10",
            "idk if this is true but saw this on snap, stay safe",
        ]
    ),
)

caller_ids = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "Anonymous",
            "+13125550100",
            "(312) 555-0123",
            "000-000-0000",
            "sip:anonymous@anonymous.invalid",
            "tel:+442079460000;ext=12",
            "９９９９９９９９９９",
            "P",
            "O",
        ]
    ),
)

interviews = st.one_of(
    st.none(),
    st.builds(
        ts.Interview,
        gave_name=st.sampled_from([None, True, False]),
        gave_callback=st.sampled_from([None, True, False]),
        gave_location=st.sampled_from([None, True, False]),
        places_mentioned=st.lists(st.text(max_size=30), max_size=3).map(tuple),
        voice_masked=st.sampled_from([None, True, False]),
        hung_up=st.sampled_from([None, True, False]),
        relay_service=st.sampled_from([None, True, False]),
    ),
)

reports = st.builds(
    ts.Report,
    text=texts,
    channel=st.sampled_from([c.value for c in ts.Channel]),
    received_at=st.one_of(st.none(), aware_datetimes),
    caller_id=caller_ids,
    attestation=st.sampled_from(
        [None, "A", "B", "C", "TN-Validation-Failed-A", "junk"]
    ),
    interview=interviews,
    source_country=st.sampled_from([None, "US", "RO", "CA"]),
    source_distance_km=st.one_of(st.none(), st.floats(min_value=0, max_value=20000)),
    awareness=st.sampled_from([None, *[a.value for a in ts.Awareness]]),
    target=st.one_of(st.none(), st.text(max_size=40)),
    local_media=st.sampled_from([None, True, False]),
    other_schools_reported=st.one_of(st.none(), st.integers(0, 500)),
    id=st.one_of(st.none(), _ids),
)

findings = st.builds(
    ts.Finding,
    code=st.sampled_from(CODES),
    analyzer=st.sampled_from(["phone", "text", "images", "imminence", "context"]),
    weight=st.floats(min_value=-3, max_value=3, allow_nan=False),
    evidence=st.text(max_size=30),
    guidance=st.just("ref"),
)

# ---------------------------------------------------------------------------
# robustness strategies (tests/robustness): schools, hostile caller IDs and
# texts, small generated images

_names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")

schools = st.builds(
    ts.School,
    name=_names,
    aliases=st.lists(_names, max_size=2).map(tuple),
    region=st.sampled_from(["US", "CA", "GB", "RO", "IN"]),
    phone_numbers=st.lists(
        st.sampled_from(["+13125550100", "+14165550123", "junk", ""]), max_size=2
    ).map(tuple),
    places=st.lists(_names, max_size=3).map(tuple),
    people=st.lists(_names, max_size=2).map(tuple),
    location=st.one_of(
        st.none(),
        st.tuples(
            st.floats(min_value=-90, max_value=90),
            st.floats(min_value=-180, max_value=180),
        ),
    ),
    timezone=st.sampled_from(["UTC", "America/Chicago", "Asia/Kolkata"]),
    id=st.one_of(st.none(), _ids),
)

#: Caller IDs as hostile senders and broken switches produce them.
hostile_caller_ids = st.one_of(
    caller_ids,
    st.text(max_size=200),
    st.text(alphabet="0123456789+-() #*;=:@.", max_size=60),
    st.sampled_from(
        [
            "9" * 10_000,
            "+" * 5_000,
            "tel:" + "1" * 3_000,
            "sip:" + "a" * 3_000 + "@x.invalid",
            "\x00\x00\x00",
            "+1\u202e0010555213",
            "\ud800\udfff",
            "１２３４５６７８９０",
            "٠١٢٣٤٥٦٧٨٩",
            ";ext=" * 500,
        ]
    ),
)

#: Building blocks of hostile texts: invisible, combining, surrogate, control,
#: bidi and emoji characters, mixed scripts and regex-hostile repetitions.
HOSTILE_UNITS = {
    "zero_width": "\u200b",
    "combining": "e\u0301\u0308",
    "lone_surrogate": "a\ud800 ",
    "nul": "x\x00",
    "bidi": "\u202eabc\u202c ",
    "emoji": "\U0001f600\u200d\U0001f525",
    "mixed_scripts": "мир world 世界 ",
    "not": "not ",
    "a": "a",
    "newline": "x\n",
    "digits_time": "10:10 ",
    "spaced": "a b ",
}

hostile_texts = st.one_of(
    texts,
    st.text(
        alphabet=st.sampled_from(
            [*"ab .!?\n0123456789:", "\u200b", "\u0301", "\ud800", "\x00"]
        ),
        max_size=300,
    ),
    st.builds(
        lambda unit, n, tail: unit * n + tail,
        st.sampled_from(list(HOSTILE_UNITS.values())),
        st.integers(0, 400),
        st.sampled_from(["", "!", " tomorrow at 10", " Maple Street"]),
    ),
)


def png_from_seed(seed: int, size: tuple[int, int] = (24, 24)) -> bytes:
    """A small seeded PNG: blocks of random colour (distinct per seed)."""
    import io
    import random

    from PIL import Image

    rng = random.Random(seed)
    w, h = size
    img = Image.new("RGB", (w, h))
    px = img.load()
    block = max(1, min(w, h) // 4)
    colours = {}
    for y in range(h):
        for x in range(w):
            key = (x // block, y // block)
            if key not in colours:
                colours[key] = tuple(rng.randrange(256) for _ in range(3))
            px[x, y] = colours[key]
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


small_images = st.builds(
    png_from_seed,
    st.integers(0, 2**32 - 1),
    st.tuples(st.integers(1, 48), st.integers(1, 48)),
)

#: An image as a report may carry it: good PNG bytes, junk bytes, a bad path.
image_inputs = st.one_of(
    small_images,
    st.binary(max_size=64),
    st.sampled_from(["/nonexistent/threatsignals/x.png", b"\x89PNG\r\n\x1a\n"]),
)

hostile_reports = st.builds(
    ts.Report,
    text=st.one_of(st.none(), hostile_texts),
    channel=st.sampled_from([c.value for c in ts.Channel]),
    received_at=st.one_of(st.none(), aware_datetimes),
    caller_id=st.one_of(st.none(), hostile_caller_ids),
    interview=interviews,
    images=st.lists(image_inputs, max_size=2).map(tuple),
    source_distance_km=st.one_of(st.none(), st.floats(min_value=0, max_value=40_100)),
)
