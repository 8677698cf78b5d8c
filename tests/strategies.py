"""Hypothesis strategies shared by the property tests (one home, as in attrs)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import strategies as st

import threatsignals as ts

CODES = sorted(ts.Policy().weights)

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
    id=st.one_of(st.none(), st.text(min_size=1, max_size=20)),
)

findings = st.builds(
    ts.Finding,
    code=st.sampled_from(CODES),
    analyzer=st.sampled_from(["phone", "text", "images", "imminence", "context"]),
    weight=st.floats(min_value=-3, max_value=3, allow_nan=False),
    evidence=st.text(max_size=30),
    guidance=st.just("ref"),
)
