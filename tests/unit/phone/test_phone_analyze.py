"""phone.analyze: one table per rule, and one test per finding code."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from threatsignals import Interview, Policy, Report, School
from threatsignals.analyzers import AnalyzerContext
from threatsignals.guidance import REF_PHONE
from threatsignals.phone import analyze, place_similarity
from threatsignals.phone._plugin import ANALYZER
from threatsignals.phone._rules import EXTRA_WEIGHTS, NEAR_MISS_THRESHOLD
from threatsignals.policy import DEFAULT_WEIGHTS

SCHOOL = School(
    name="Lincoln Heights High School",
    aliases=("LHHS",),
    region="US",
    phone_numbers=("+1 (312) 555-0142", "312-555-0143 ext. 200"),
    emergency_numbers=("(312) 746-6000",),
    places=("Maple Street", "Gymnasium", "N. Wacker Dr", "Schuylkill Avenue"),
    subdivision="IL",
    timezone="America/Chicago",
)
UK_SCHOOL = School(
    name="Hillside Academy",
    region="GB",
    phone_numbers=("020 7123 4567",),
    places=("Marylebone Road",),
    timezone="Europe/London",
)


def codes(caller_id: object, **kwargs: Any) -> tuple[str, ...]:
    return analyze(caller_id, **kwargs).codes


# --- rule 2: blocked ------------------------------------------------------------------


@pytest.mark.parametrize(
    "caller_id",
    [
        None,
        "",
        "Anonymous",
        "Private",
        "Restricted",
        "Unavailable",
        "Unknown",
        "Out of Area",
        "No Caller ID",
        "Withheld",
        "Blocked",
        "P",
        "O",
        '"Anonymous" <sip:anonymous@anonymous.invalid>',
    ],
)
def test_blocked_only(caller_id: str | None) -> None:
    a = analyze(caller_id, school=SCHOOL)
    assert a.codes == ("caller_id_blocked",)
    assert a.number is None
    assert a.findings[0].weight == DEFAULT_WEIGHTS["caller_id_blocked"]
    assert a.findings[0].guidance == REF_PHONE
    assert a.findings[0].analyzer == "phone"


# --- rule 3: emergency numbers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("caller_id", "region", "school"),
    [
        ("911", "US", None),
        ("9-1-1", "US", None),
        ("112", "US", None),
        ("999", "GB", None),
        ("112", "GB", None),
        ("000", "AU", None),
        ("(312) 746-6000", "US", SCHOOL),  # the school's listed police line
        ("+13127466000", "US", SCHOOL),
        ("tel:+1-312-746-6000", "US", SCHOOL),
    ],
)
def test_emergency(caller_id: str, region: str, school: School | None) -> None:
    assert codes(caller_id, region=region, school=school) == (
        "caller_id_emergency_number",
    )


def test_emergency_short_code_listed_by_school() -> None:
    school = School(name="X", emergency_numbers=("311",))
    assert codes("311", school=school) == ("caller_id_emergency_number",)


# --- rule 4: spoof patterns and fictional ranges -------------------------------------------


@pytest.mark.parametrize(
    "caller_id",
    [
        "999-999-9999",
        "(000) 000-0000",
        "+1 999 999 9999",
        "1-111-111-1111",
        "0000000",
        "99999",
        "312-999-9999",
        "312-000-0000",
        "123-456-7890",
        "(987) 654-3210",
        "+1 234 567 8901",
        "0123456789",
        "+44 9999 999999",
    ],
)
def test_spoof_pattern(caller_id: str) -> None:
    a = analyze(caller_id, school=SCHOOL)
    assert a.codes == ("caller_id_spoof_pattern",), a.findings


@pytest.mark.parametrize(
    ("caller_id", "region"),
    [
        ("312-555-0100", "US"),
        ("(212) 555-0199", "US"),
        ("+1 416 555 0123", "US"),
        ("020 7946 0321", "GB"),
        ("+44 113 496 0000", "US"),
        ("0161 496 0999", "GB"),
        ("07700 900123", "GB"),
        ("01632 960001", "GB"),
        ("0808 157 0456", "GB"),
        ("(02) 5550 1234", "AU"),
    ],
)
def test_fictional(caller_id: str, region: str) -> None:
    assert codes(caller_id, region=region) == ("caller_id_fictional",)


@pytest.mark.parametrize("caller_id", ["312-555-0200", "312-555-1234", "020 7946 1234"])
def test_not_fictional_next_to_the_range(caller_id: str) -> None:
    assert "caller_id_fictional" not in codes(
        caller_id, region="GB" if "020" in caller_id else "US"
    )


# --- rule 5: validity ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caller_id",
    [
        "abc",
        "12",
        "555-1234",
        "+1 (312) 555-12345678",
        "+999 1234 5678",
        "1" * 40,
        "x" * 3000,
        "+1-",
        "(123) 555-1234",
        "+44 1234",
    ],
)
def test_invalid(caller_id: str) -> None:
    a = analyze(caller_id, school=SCHOOL)
    assert a.codes == ("caller_id_invalid",), a.findings
    assert a.region is None


@pytest.mark.parametrize(
    "caller_id", [3125551234, 3.14, b"+13125551234", ["911"], {"a": 1}]
)
def test_non_text_caller_id_is_invalid(caller_id: object) -> None:
    assert codes(caller_id) == ("caller_id_invalid",)


def test_unknown_region_reads_international_numbers_only() -> None:
    assert codes("+1 312 555 1234", region="zz") == ()
    assert codes("312 555 1234", region="zz") == ("caller_id_invalid",)


# --- rule 6: type ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("caller_id", "code"),
    [
        ("+1 800 555 1234", "caller_id_toll_free"),
        ("1-888-555-1234", "caller_id_toll_free"),
        ("(877) 555-1234", "caller_id_toll_free"),
        ("1-900-555-1234", "caller_id_premium"),
    ],
)
def test_nanp_types_are_not_international(caller_id: str, code: str) -> None:
    assert codes(caller_id, school=SCHOOL) == (code,)


def test_uk_voip_range() -> None:
    a = analyze("056 0123 4567", region="GB", school=UK_SCHOOL)
    assert a.codes == ("caller_id_voip",)
    assert "phonenumbers" in a.findings[0].evidence
    assert a.line_type == "voip"


def test_uk_freephone_and_premium() -> None:
    assert codes("0800 123 4567", region="GB", school=UK_SCHOOL) == (
        "caller_id_toll_free",
    )
    assert codes("0906 123 4567", region="GB", school=UK_SCHOOL) == (
        "caller_id_premium",
    )


@pytest.mark.parametrize(
    "lookup",
    [
        "nonFixedVoip",
        {
            "line_type_intelligence": {
                "type": "nonFixedVoip",
                "carrier_name": "Acme Voice",
            }
        },
        {"carrier": {"type": "voip", "name": "Bandwidth"}},
        {"line_type": "fixedVoip", "source": "vendor-x"},
    ],
)
def test_lookup_makes_nanp_voip(lookup: object) -> None:
    plain = analyze("+1 773 555 1234", school=SCHOOL)
    assert "caller_id_voip" not in plain.codes
    a = analyze("+1 773 555 1234", school=SCHOOL, lookup=lookup)
    assert a.codes == ("caller_id_voip",)
    assert a.findings[0].evidence.startswith("carrier lookup")
    assert a.line_type == "voip"


def test_lookup_evidence_names_source_and_carrier() -> None:
    a = analyze(
        "+1 773 555 1234",
        lookup={"line_type": "nonFixedVoip", "source": "twilio", "carrier": "Acme"},
    )
    assert "twilio" in a.findings[0].evidence
    assert "Acme" in a.findings[0].evidence


@pytest.mark.parametrize(
    "lookup", [None, "mobile", {"line_type": "landline"}, 42, "??"]
)
def test_lookup_non_voip(lookup: object) -> None:
    assert "caller_id_voip" not in codes(
        "+1 773 555 1234", school=SCHOOL, lookup=lookup
    )


# --- rule 7: geography ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caller_id",
    [
        "+44 20 7123 4567",
        "+1 416 555 1234",
        "+1 876 555 1234",
        "011 44 20 7123 4567",
        "+52 55 1234 5678",
        "+800 1234 5679",
        "+91 98765 43219",
    ],
)
def test_international(caller_id: str) -> None:
    a = analyze(caller_id, school=SCHOOL)
    assert "caller_id_international" in a.codes
    assert "caller_id_out_of_area" not in a.codes


def test_international_from_a_uk_school() -> None:
    assert codes("+1 312 555 1234", region="GB", school=UK_SCHOOL) == (
        "caller_id_international",
    )


@pytest.mark.parametrize(
    ("caller_id", "expected"),
    [
        ("+1 214 555 1234", ("caller_id_out_of_area",)),  # Dallas, TX
        ("(212) 555-1234", ("caller_id_out_of_area",)),  # New York
        ("(773) 555-1234", ()),  # Chicago overlay
        ("(847) 555-1234", ()),  # Illinois suburbs
        ("(618) 555-1234", ()),  # southern Illinois: same state
        ("(312) 555-1234", ()),
    ],
)
def test_out_of_area_nanp(caller_id: str, expected: tuple[str, ...]) -> None:
    assert codes(caller_id, school=SCHOOL) == expected


def test_out_of_area_excludes_mobile_by_lookup() -> None:
    assert codes("+1 214 555 1234", school=SCHOOL, lookup="mobile") == ()


def test_out_of_area_uses_subdivision_when_the_school_has_no_numbers() -> None:
    school = School(name="Y", subdivision="TX")
    assert codes("(212) 555-1234", school=school) == ("caller_id_out_of_area",)
    assert codes("+1 214 555 1234", school=school) == ()


def test_out_of_area_needs_a_known_school_area() -> None:
    assert codes("+1 214 555 1234", school=School(name="Z")) == ()
    assert codes("+1 214 555 1234") == ()


def test_out_of_area_uk() -> None:
    assert codes("0113 123 4567", region="GB", school=UK_SCHOOL) == (
        "caller_id_out_of_area",
    )
    assert codes("020 3123 4567", region="GB", school=UK_SCHOOL) == ()
    assert codes("07400 123456", region="GB", school=UK_SCHOOL) == ()  # mobile excluded


def test_school_region_reads_national_numbers() -> None:
    # region defaults to US; numbers invalid there are also read in the school's country
    assert codes("020 3123 4567", school=UK_SCHOOL) == ()


# --- rule 8: the school's own number --------------------------------------------------------------


@pytest.mark.parametrize(
    "caller_id",
    [
        "+13125550142",
        "(312) 555-0142",
        "312.555.0142 x 9",
        "312-555-0143",
        "sip:+13125550143@carrier.example",
        "1 312 555 0142 ext. 44",
    ],
)
def test_matches_school(caller_id: str) -> None:
    a = analyze(caller_id, school=SCHOOL)
    assert a.codes == ("caller_id_matches_school",)
    assert a.number is not None


# --- rule 9: STIR/SHAKEN ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attestation", "caller_id", "expected"),
    [
        ("A", "+13125551234", ()),
        ("B", "+13125551234", ()),
        ("C", "+13125551234", ("attestation_unverified",)),
        ("TN-Validation-Passed-A", "+13125551234", ()),
        ("TN-Validation-Passed-C", "+13125551234", ("attestation_unverified",)),
        ("TN-Validation-Failed", "+13125551234", ("attestation_failed",)),
        ("TN-Validation-Failed-A", "+13125551234", ("attestation_failed",)),
        ("No-TN-Validation", "+13125551234", ("attestation_unverified",)),
        (
            None,
            "<sip:+13125551234@c.example;verstat=TN-Validation-Failed>",
            ("attestation_failed",),
        ),
        (
            None,
            "<sip:+13125551234@c.example;verstat=No-TN-Validation>",
            ("attestation_unverified",),
        ),
        (None, "<sip:+13125551234@c.example;verstat=TN-Validation-Passed>", ()),
        (
            "A",
            "<sip:+13125551234@c.example;verstat=TN-Validation-Failed>",
            ("attestation_failed",),
        ),
        ("nonsense", "+13125551234", ()),
        (7, "+13125551234", ()),
    ],
)
def test_attestation(
    attestation: object, caller_id: str, expected: tuple[str, ...]
) -> None:
    assert codes(caller_id, attestation=attestation, school=SCHOOL) == expected


def test_attestation_with_blocked_caller_id() -> None:
    a = analyze("Anonymous", attestation="TN-Validation-Failed-A")
    assert a.codes == ("caller_id_blocked", "attestation_failed")
    assert a.attestation == "TN-Validation-Failed-A"


# --- rule 10: interview --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("interview", "expected", "evidence"),
    [
        ({"gave_name": False}, ("caller_failed_followups",), "full name"),
        (
            {"gave_callback": False, "gave_location": False},
            ("caller_failed_followups",),
            "callback number, current location",
        ),
        ({"gave_name": True, "gave_callback": True, "gave_location": True}, (), None),
        ({"gave_name": None}, (), None),  # not asked
        ({"voice_masked": True}, ("voice_masked",), None),
        ({"hung_up": True}, ("caller_hung_up",), None),
        ({"relay_service": True}, ("relay_service",), None),
        ({"voice_masked": False, "hung_up": False, "relay_service": False}, (), None),
        (
            Interview(gave_name=False, hung_up=True),
            ("caller_failed_followups", "caller_hung_up"),
            None,
        ),
        ({"gave_name": "no"}, (), None),  # wrong type: lenient, not asked
        ({"unknown_key": 1}, (), None),
        ("junk", (), None),
        (42, (), None),
    ],
)
def test_interview(
    interview: object, expected: tuple[str, ...], evidence: str | None
) -> None:
    a = analyze("+13125551234", school=SCHOOL, interview=interview)  # type: ignore[arg-type]
    assert a.codes == expected
    if evidence:
        assert evidence in a.findings[0].evidence


@pytest.mark.parametrize(
    ("heard", "misnamed"),
    [
        ("Maple Street", False),
        ("maple st.", False),
        ("Maple", False),  # street type left out
        ("the gym", False),  # abbreviation of Gymnasium
        ("North Wacker Drive", False),
        ("Wacker", False),
        ("Lincoln Heights", False),  # part of the school's name
        ("Mapel Street", True),
        ("Maypole Street", True),
        ("Whacker Drive", True),
        ("Skoolkill Avenue", True),
        ("Schuylkil Ave", True),
        ("Lincon Heights High School", True),
        ("Gymnasim", True),
        ("Main Street", False),  # an unrelated name is nothing
        ("Oak Avenue", False),
        ("the library", False),
        ("", False),
    ],
)
def test_places(heard: str, misnamed: bool) -> None:
    a = analyze(None, school=SCHOOL, interview={"places_mentioned": [heard]})
    assert ("caller_misnamed_local_place" in a.codes) is misnamed, a.findings


def test_places_one_finding_for_many_misses() -> None:
    a = analyze(
        None,
        school=SCHOOL,
        interview={"places_mentioned": ["Mapel St", "Whacker Dr", "Maple Street"]},
    )
    found = [f for f in a.findings if f.code == "caller_misnamed_local_place"]
    assert len(found) == 1
    assert "Mapel" in found[0].evidence
    assert "Whacker" in found[0].evidence


def test_places_need_a_school() -> None:
    assert codes(None, interview={"places_mentioned": ["Mapel Street"]}) == (
        "caller_id_blocked",
    )


def test_place_similarity_threshold() -> None:
    verdict, score = place_similarity("Mapel Street", "Maple Street")
    assert verdict == "near"
    assert NEAR_MISS_THRESHOLD <= score < 100
    assert place_similarity("Maple St", "Maple Street") == ("match", 100.0)
    assert place_similarity("Elk St", "Elm Street")[0] == "other"  # too short to judge


@pytest.mark.parametrize(
    ("heard", "misnamed"),
    [
        ("Mapple Stret", True),  # misspelt street type used to hide the near miss
        ("Mapel Streeet", True),
        ("Maple Stret", False),  # the right name, only the type misspelt
        ("Maple Avenu", False),
        ("Lake Street", False),  # short types are never guessed ("lake"/"lane")
        ("Stret", False),  # a lone word is a name, not a type
    ],
)
def test_misspelt_street_type_is_still_a_type(heard: str, misnamed: bool) -> None:
    # Found by benchmarks/bench_scenarios.py (swat_fictional_number_misnamed).
    a = analyze(None, school=SCHOOL, interview={"places_mentioned": [heard]})
    assert ("caller_misnamed_local_place" in a.codes) is misnamed, a.findings


# --- one test per finding code ------------------------------------------------------------------------

EVERY_CODE: dict[str, dict[str, Any]] = {
    "caller_id_blocked": {"caller_id": "Private"},
    "caller_id_spoof_pattern": {"caller_id": "999-999-9999"},
    "caller_id_invalid": {"caller_id": "12345"},
    "caller_id_fictional": {"caller_id": "312-555-0123"},
    "caller_id_voip": {"caller_id": "+1 773 555 1234", "lookup": "nonFixedVoip"},
    "caller_id_toll_free": {"caller_id": "1-800-555-1234"},
    "caller_id_premium": {"caller_id": "1-900-555-1234"},
    "caller_id_out_of_area": {"caller_id": "(212) 555-1234", "school": SCHOOL},
    "caller_id_international": {"caller_id": "+44 20 7123 4567"},
    "caller_id_matches_school": {"caller_id": "312-555-0142", "school": SCHOOL},
    "caller_id_emergency_number": {"caller_id": "911"},
    "attestation_failed": {
        "caller_id": "+13125551234",
        "attestation": "TN-Validation-Failed",
    },
    "attestation_unverified": {"caller_id": "+13125551234", "attestation": "C"},
    "caller_failed_followups": {
        "caller_id": "+13125551234",
        "interview": {"gave_location": False},
    },
    "caller_misnamed_local_place": {
        "caller_id": "+13125551234",
        "school": SCHOOL,
        "interview": {"places_mentioned": ["Mapel Street"]},
    },
    "voice_masked": {"caller_id": "+13125551234", "interview": {"voice_masked": True}},
    "caller_hung_up": {"caller_id": "+13125551234", "interview": {"hung_up": True}},
    "relay_service": {"caller_id": "711"},
}


@pytest.mark.parametrize("code", sorted(EVERY_CODE))
def test_every_code(code: str) -> None:
    kwargs = dict(EVERY_CODE[code])
    caller_id = kwargs.pop("caller_id")
    a = analyze(caller_id, **kwargs)
    assert code in a.codes, a.findings
    f = next(f for f in a.findings if f.code == code)
    expected = DEFAULT_WEIGHTS.get(code, EXTRA_WEIGHTS.get(code, (0.0, ""))[0])
    assert f.weight == expected
    assert f.weight < 0  # swatting signs lower concern
    assert f.evidence
    assert "5551234" not in f.evidence.replace("-", "").replace(
        " ", ""
    )  # no number echoed


def test_every_contract_code_is_covered() -> None:
    contract = {
        "caller_id_blocked",
        "caller_id_spoof_pattern",
        "caller_id_invalid",
        "caller_id_fictional",
        "caller_id_voip",
        "caller_id_toll_free",
        "caller_id_out_of_area",
        "caller_id_international",
        "caller_id_matches_school",
        "caller_id_emergency_number",
        "attestation_failed",
        "attestation_unverified",
        "caller_failed_followups",
        "caller_misnamed_local_place",
        "voice_masked",
        "caller_hung_up",
        "relay_service",
    }
    assert contract <= set(EVERY_CODE)


def test_policy_weights_are_used() -> None:
    policy = Policy(weights={"caller_id_blocked": -0.05})
    assert analyze(None, policy=policy).findings[0].weight == -0.05


def test_no_single_call_sign_leaves_moderate() -> None:
    # Caller-ID findings do not stack: the worst number alone stays within the band.
    for caller_id, kw in [
        ("999-999-9999", {}),
        ("+44 56 0123 4567", {}),
        ("Anonymous", {}),
        ("+1 214 555 1234", {"lookup": "nonFixedVoip", "school": SCHOOL}),
    ]:
        total = sum(f.weight for f in analyze(caller_id, **kw).findings)
        assert total > -0.62, caller_id


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        analyze("911", region=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyze("911", school="Lincoln")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyze("911", policy={})  # type: ignore[arg-type]


def test_result_shape() -> None:
    a = analyze("tel:+1-312-555-1234;ext=12", attestation="A")
    assert a.number == "+13125551234"
    assert a.extension == "12"
    assert a.region == "US"
    assert a.attestation == "attestation A"
    assert isinstance(a.findings, tuple)
    d = a.to_dict()
    assert d["number"] == "+13125551234"
    assert "5551234" not in repr(a)


def test_deterministic() -> None:
    kw: dict[str, Any] = {
        "school": SCHOOL,
        "interview": {"places_mentioned": ["Mapel St"]},
    }
    assert analyze("(212) 555-1234", **kw) == analyze("(212) 555-1234", **kw)


# --- plugin ----------------------------------------------------------------------------------------------

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def ctx(school: School | None = SCHOOL) -> AnalyzerContext:
    return AnalyzerContext(school=school, archive=None, now=NOW, policy=Policy())


def test_plugin_identity() -> None:
    assert ANALYZER.name == "phone"
    assert isinstance(ANALYZER.version, str)


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (Report(text="hello", channel="email"), ()),
        (Report(channel="phone"), ("caller_id_blocked",)),
        (
            Report(channel="phone", caller_id="312-555-0142"),
            ("caller_id_matches_school",),
        ),
        (
            Report(channel="other", caller_id="(212) 555-1234"),
            ("caller_id_out_of_area",),
        ),
        (
            Report(
                channel="tip_line",
                attestation="TN-Validation-Failed",
                caller_id="3125551234",
            ),
            ("attestation_failed",),
        ),
        (
            Report(
                channel="phone",
                caller_id="+13125551234",
                interview={"gave_name": False, "places_mentioned": ["Mapel St"]},
            ),
            ("caller_failed_followups", "caller_misnamed_local_place"),
        ),
    ],
)
def test_plugin(report: Report, expected: tuple[str, ...]) -> None:
    result = ANALYZER.analyze_report(report, ctx())
    assert tuple(f.code for f in result.findings) == expected


def test_plugin_uses_school_region() -> None:
    report = Report(channel="phone", caller_id="020 3123 4567")
    assert ANALYZER.analyze_report(report, ctx(UK_SCHOOL)).findings == ()
    # without a school, US rules: a UK national number is not valid
    assert [f.code for f in ANALYZER.analyze_report(report, ctx(None)).findings] == [
        "caller_id_invalid"
    ]


def test_plugin_uses_context_policy() -> None:
    c = AnalyzerContext(
        school=None,
        archive=None,
        now=NOW,
        policy=Policy(weights={"caller_id_blocked": -0.2}),
    )
    assert (
        ANALYZER.analyze_report(Report(channel="phone"), c).findings[0].weight == -0.2
    )


# --- lazy geocoder, measured corpus ---------------------------------------------------------------------


def test_geocoder_is_loaded_lazily_and_once() -> None:
    import subprocess
    import sys

    code = (
        "import sys, threatsignals as ts\n"
        "from threatsignals import phone\n"
        "from threatsignals.phone import _analyze\n"
        "assert 'phonenumbers.geocoder' not in sys.modules\n"
        "assert 'rapidfuzz' not in sys.modules\n"
        "phone.analyze('+13125551234'); phone.analyze('Anonymous')\n"
        "assert 'phonenumbers.geocoder' not in sys.modules\n"
        "s = ts.School(name='x', subdivision='IL')\n"
        "phone.analyze('+12125551234', school=s)\n"
        "geo = _analyze._GEOCODER\n"
        "assert geo is not None\n"
        "phone.analyze('+12145551234', school=s)\n"
        "assert _analyze._GEOCODER is geo\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_near_miss_threshold_on_the_benchmark_corpus() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "benchmarks" / "_corpus_phone.py"
    spec = importlib.util.spec_from_file_location("_corpus_phone", path)
    assert spec is not None
    assert spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    pairs = corpus.place_pairs()
    near = [p for p in pairs if p[2] == "near"]
    other = [p for p in pairs if p[2] == "other"]
    caught = sum(place_similarity(h, k)[0] == "near" for h, k, _ in near)
    false = sum(place_similarity(h, k)[0] == "near" for h, k, _ in other)
    assert caught >= 0.95 * len(near)
    assert false == 0
