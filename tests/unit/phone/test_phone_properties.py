"""Properties: analyze never raises, normalisation is idempotent, formats agree."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threatsignals import Finding, School
from threatsignals.phone import analyze, normalize_caller_id

SCHOOL = School(
    name="Lincoln Heights High School",
    phone_numbers=("+13125550142",),
    emergency_numbers=("312-746-6000", "911"),
    places=("Maple Street", "Gymnasium"),
    subdivision="IL",
)
SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

phone_like = st.text(
    alphabet=st.sampled_from(
        [*'0123456789+-.() x#;,:@<>"=extsip', "\u200e", "\u00a0", "１", "٣", "\u200b"]
    ),
    max_size=40,
)
any_text = st.one_of(st.text(max_size=60), phone_like, st.text(max_size=2000))
junk = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
interview_dicts = st.dictionaries(
    st.sampled_from(
        [
            "gave_name",
            "gave_callback",
            "gave_location",
            "places_mentioned",
            "voice_masked",
            "hung_up",
            "relay_service",
            "other",
        ]
    ),
    st.one_of(
        st.booleans(),
        st.none(),
        st.text(max_size=30),
        st.lists(st.one_of(st.text(max_size=30), st.integers()), max_size=4),
        st.integers(),
    ),
    max_size=8,
)
lookups = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.recursive(
        st.dictionaries(
            st.text(max_size=12),
            st.one_of(st.text(max_size=12), st.integers(), st.none()),
            max_size=4,
        ),
        lambda children: st.dictionaries(st.text(max_size=12), children, max_size=3),
        max_leaves=10,
    ),
)


def _check(result: Any) -> None:
    assert isinstance(result.findings, tuple)
    for f in result.findings:
        assert isinstance(f, Finding)
        assert f.analyzer == "phone"
        assert f.weight <= 0
    codes = [f.code for f in result.findings]
    assert len(codes) == len(set(codes))
    assert result.number is None or (
        result.number.startswith("+") and result.number[1:].isdigit()
    )


@SETTINGS
@given(
    caller_id=st.one_of(any_text, junk),
    attestation=st.one_of(any_text, junk),
    interview=st.one_of(interview_dicts, junk),
    lookup=lookups,
    region=st.sampled_from(["US", "GB", "zz", "", "DE", "AU"]),
    with_school=st.booleans(),
)
def test_analyze_never_raises(
    caller_id: object,
    attestation: object,
    interview: Any,
    lookup: object,
    region: str,
    with_school: bool,
) -> None:
    _check(
        analyze(
            caller_id,
            region=region,
            school=SCHOOL if with_school else None,
            attestation=attestation,
            interview=interview,
            lookup=lookup,
        )
    )


@SETTINGS
@given(st.one_of(any_text, st.none()))
def test_normalize_is_idempotent(raw: str | None) -> None:
    once = normalize_caller_id(raw)
    assert normalize_caller_id(once) == once


@SETTINGS
@given(
    st.one_of(
        phone_like, st.sampled_from(["Anonymous", "P", "", "911", "+13125550142"])
    )
)
def test_normalized_form_gives_the_same_findings(raw: str) -> None:
    if "verstat" in raw.casefold():
        return
    a = analyze(raw, school=SCHOOL)
    b = analyze(normalize_caller_id(raw), school=SCHOOL)
    assert a.codes == b.codes
    assert a.number == b.number


NANP = st.tuples(
    st.sampled_from(
        ["312", "773", "212", "214", "800", "999", "555", "416", "876", "123"]
    ),
    st.integers(200, 999),
    st.integers(0, 9999),
)
VARIANTS = [
    "({a}) {b}-{c}",
    "{a}-{b}-{c}",
    "{a}.{b}.{c}",
    "+1 {a} {b} {c}",
    "1-{a}-{b}-{c}",
    "+1{a}{b}{c}",
    "tel:+1-{a}-{b}-{c}",
    "sip:+1{a}{b}{c}@carrier.example;user=phone",
    '"Caller" <sip:+1{a}{b}{c}@pbx.example>',
    "{a}-{b}-{c} x12",
    "{a} {b} {c} ext. 9",
    "Phone: ({a}) {b}-{c}",
    "＋１ {a} {b} {c}",
    "\u200e+1 {a}\u00a0{b} {c}\u200f",
]


@SETTINGS
@given(NANP)
def test_formatting_variants_agree(parts: tuple[str, int, int]) -> None:
    a, b, c = parts[0], f"{parts[1]:03d}", f"{parts[2]:04d}"
    results = {
        (r.number, r.codes)
        for r in (analyze(v.format(a=a, b=b, c=c), school=SCHOOL) for v in VARIANTS)
    }
    assert len(results) == 1, results


@SETTINGS
@given(st.lists(st.text(max_size=40), max_size=5))
def test_places_never_raise(places: list[str]) -> None:
    _check(analyze(None, school=SCHOOL, interview={"places_mentioned": places}))
