"""Caller-ID clean-up: the formats intake systems and people actually record."""

from __future__ import annotations

import pytest

from threatsignals.phone import normalize_caller_id
from threatsignals.phone._normalize import (
    fold_place,
    parse_attestation,
    parse_caller_id,
    parse_lookup,
)

# (recorded caller ID, canonical form)
NUMBER_FORMATS = [
    ("+13125551234", "+13125551234"),
    ("(312) 555-1234", "3125551234"),
    ("312.555.1234", "3125551234"),
    ("312 555 1234", "3125551234"),
    ("1-312-555-1234", "13125551234"),
    ("+1 (312) 555-1234", "+13125551234"),
    ("tel:+1-312-555-1234", "+13125551234"),
    ("TEL:+13125551234", "+13125551234"),
    ("tel:+1-312-555-1234;ext=12", "+13125551234;ext=12"),
    ("tel:+1-312-555-1234;phone-context=example.com", "+13125551234"),
    ("sip:+13125551234@carrier.example;user=phone", "+13125551234"),
    ("sips:+13125551234@carrier.example", "+13125551234"),
    ("sip:%2B13125551234@carrier.example", "+13125551234"),
    ('"John Q" <sip:+13125551234@pbx.example>;tag=8a7b', "+13125551234"),
    ("<sip:3125551234@10.0.0.1:5060>", "3125551234"),
    ("sip:+13125551234;ext=7@pbx.example;user=phone", "+13125551234;ext=7"),
    ("312-555-1234 x12", "3125551234;ext=12"),
    ("312-555-1234x12", "3125551234;ext=12"),
    ("312-555-1234 ext. 12", "3125551234;ext=12"),
    ("312-555-1234 ext 12", "3125551234;ext=12"),
    ("312-555-1234 extension 12", "3125551234;ext=12"),
    ("312-555-1234 #12", "3125551234;ext=12"),
    ("3125551234#12", "3125551234;ext=12"),
    ("+1 312 555 1234,,12", "+13125551234;ext=12"),
    ("＋１ （３１２） ５５５－１２３４", "+13125551234"),  # full-width
    ("٣١٢٥٥٥١٢٣٤", "3125551234"),  # Arabic-Indic digits
    ("३१२५५५१२३४", "3125551234"),  # Devanagari digits
    ("\u200e+1 312 555 1234\u200f", "+13125551234"),  # bidi marks
    ("\u202a+1\u200b312\u200d5551234\u202c", "+13125551234"),  # embedding, zero-width
    ("+1\u00a0312\u00a0555\u00a01234", "+13125551234"),  # NBSP
    (
        "+1\u2009312\u2011555\u20111234",
        "+13125551234",
    ),  # thin space, non-breaking hyphen
    ("\ufeff3125551234", "3125551234"),  # BOM
    ("Phone: 312-555-1234", "3125551234"),
    ("Caller ID: (312) 555-1234", "3125551234"),
    ("Tel: 312 555 1234", "3125551234"),
    ("Tel. 312 555 1234", "3125551234"),
    ("CID: +13125551234", "+13125551234"),
    ("Call from: 312-555-1234", "3125551234"),
    ("Phone: tel:+13125551234", "+13125551234"),
    ("+44 (0)20 7946 0123", "+4402079460123"),
    ("011 44 20 7946 0123", "011442079460123"),
    ("1-800-FLOWERS", "18003569377"),
    ("CHICAGO IL 312-555-1234", "3125551234"),  # CNAM display name beside the number
    ("WIRELESS CALLER (312) 555-1234", "3125551234"),
    ("JOHN SMITH +1 312 555 1234 x5", "+13125551234;ext=5"),
    ("Private 312-555-1234", "3125551234"),  # a number shown wins over the word
]

WITHHELD = [
    None,
    "",
    "   ",
    "\u200e",
    "Anonymous",
    "ANONYMOUS",
    "anonymous caller",
    "Private",
    "Private Number",
    "PRIVATE CALLER",
    "Restricted",
    "Unavailable",
    "Unknown",
    "Unknown Caller",
    "Out of Area",
    "OUT-OF-AREA",
    "No Caller ID",
    "Withheld",
    "Number withheld",
    "Blocked",
    "Caller ID Blocked",
    "P",
    "O",
    "p",
    "N/A",
    "Caller ID: Private",
    "Phone: Unknown",
    "---",
    "266696687",
    "tel:",
    '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1928301774',
    "sip:anonymous@anonymous.invalid",
    "<sip:restricted@carrier.example>",
    '"Unavailable" <sip:unavailable@carrier.example>',
    '"Anonymous" <sip:pbx.example>',
    "sip:anonymous@anonymous.invalid;verstat=No-TN-Validation",
]

JUNK = [
    "abc",
    "hello world",
    "call me maybe",
    "sip:bob@example.com",
    "+-()",
    "1" * 18,
    "+" + "9" * 30,
    "x" * 5000,
    "🙂📞",
]


@pytest.mark.parametrize(("raw", "expected"), NUMBER_FORMATS)
def test_number_formats(raw: str, expected: str) -> None:
    assert normalize_caller_id(raw) == expected
    assert parse_caller_id(raw).kind == "number"


@pytest.mark.parametrize("raw", WITHHELD)
def test_withheld_is_blocked(raw: str | None) -> None:
    assert parse_caller_id(raw).kind == "blocked"
    assert normalize_caller_id(raw) == "anonymous"


@pytest.mark.parametrize("raw", JUNK)
def test_junk_is_invalid(raw: str) -> None:
    assert parse_caller_id(raw).kind == "invalid"


@pytest.mark.parametrize("raw", [123, 3.5, b"3125551234", ["312"], object()])
def test_non_text_is_invalid(raw: object) -> None:
    assert parse_caller_id(raw).kind == "invalid"


def test_normalize_rejects_wrong_type() -> None:
    with pytest.raises(TypeError):
        normalize_caller_id(3125551234)  # type: ignore[arg-type]


def test_verstat_is_extracted() -> None:
    cid = parse_caller_id(
        "<sip:+13125551234@carrier.example;user=phone;verstat=TN-Validation-Failed>"
    )
    assert cid.kind == "number"
    assert cid.dial == "+13125551234"
    assert cid.verstat == "TN-Validation-Failed"


@pytest.mark.parametrize(
    ("value", "level", "status"),
    [
        ("A", "A", "level"),
        ("b", "B", "level"),
        (" C ", "C", "level"),
        ("full", "A", "level"),
        ("gateway", "C", "level"),
        ("TN-Validation-Passed", None, "passed"),
        ("TN-Validation-Passed-A", "A", "passed"),
        ("tn-validation-passed-c", "C", "passed"),
        ("TN-Validation-Failed", None, "failed"),
        ("TN-Validation-Failed-B", "B", "failed"),
        ("verstat=TN-Validation-Failed-A", "A", "failed"),
        ("No-TN-Validation", None, "unsigned"),
        ("unsigned", None, "unsigned"),
    ],
)
def test_attestation_values(value: str, level: str | None, status: str) -> None:
    att = parse_attestation(value)
    assert att is not None
    assert (att.level, att.status) == (level, status)


@pytest.mark.parametrize(
    "value", [None, "", "D", "maybe", 3, "TN-Validation-Sorta", "x" * 999]
)
def test_attestation_unrecognised(value: object) -> None:
    assert parse_attestation(value) is None


@pytest.mark.parametrize(
    ("lookup", "line_type", "carrier"),
    [
        ("nonFixedVoip", "voip", None),
        (
            {
                "line_type_intelligence": {
                    "type": "nonFixedVoip",
                    "carrier_name": "Acme",
                }
            },
            "voip",
            "Acme",
        ),
        ({"carrier": {"type": "voip", "name": "Bandwidth"}}, "voip", "Bandwidth"),
        ({"line_type": "fixedVoip", "source": "vendor-x"}, "voip", None),
        (
            {"data": {"carrier": {"type": "mobile", "name": "T-Mobile"}}},
            "mobile",
            "T-Mobile",
        ),
        ({"lineType": "Landline"}, "fixed", None),
        ({"type": "wireless"}, "mobile", None),
    ],
)
def test_lookup_shapes(lookup: object, line_type: str, carrier: str | None) -> None:
    info = parse_lookup(lookup)
    assert info is not None
    assert info.line_type == line_type
    assert info.carrier == carrier


@pytest.mark.parametrize(
    "lookup", [None, 5, "banana", {}, {"type": 3}, [1, 2], {"a": {"b": {}}}]
)
def test_lookup_junk(lookup: object) -> None:
    info = parse_lookup(lookup)
    assert info is None or info.line_type is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Maple St.", "maple street"),
        ("MAPLE STREET", "Maple Street"),
        ("N. Wacker Dr", "North Wacker Drive"),
        ("Lake Shore Blvd", "Lake Shore Boulevard"),
        ("Route 9 Hwy", "Route 9 Highway"),
        ("Garden State Pkwy", "Garden State Parkway"),
        ("Elm Rd", "Elm Road"),
        ("5th Ave", "5th Avenue"),
        ("O'Hare", "Ohare"),
        ("Café Rouge", "cafe rouge"),
        ("St. Mary's Church", "Saint Marys Church"),
        ("Gym", "Gymnasium"),
    ],
)
def test_fold_place_equal(a: str, b: str) -> None:
    assert fold_place(a)[0] == fold_place(b)[0]


def test_fold_place_core_drops_generic_words() -> None:
    assert fold_place("N Maple St")[1] == "maple"
    assert fold_place("The Avenue")[1] == "the avenue"  # all generic: keep the whole
