"""Tables for the phone analyzer: codes, withheld words, ranges, thresholds.

Light to import on purpose (``policy.py`` reads ``EXTRA_WEIGHTS`` from here): no
phonenumbers, no rapidfuzz. Every entry says why it is there.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from threatsignals.guidance import REF_PHONE, REF_SOCIAL_MEDIA_TRACE

#: Analyzer name used in every finding.
ANALYZER_NAME: Final = "phone"
#: Version of the analyzer's logic (bump when findings change for the same input).
ANALYZER_VERSION: Final = "1.0"

# --- finding codes (stable API: never rename) --------------------------------
BLOCKED: Final = "caller_id_blocked"
SPOOF_PATTERN: Final = "caller_id_spoof_pattern"
INVALID: Final = "caller_id_invalid"
FICTIONAL: Final = "caller_id_fictional"
VOIP: Final = "caller_id_voip"
TOLL_FREE: Final = "caller_id_toll_free"
PREMIUM: Final = "caller_id_premium"
OUT_OF_AREA: Final = "caller_id_out_of_area"
INTERNATIONAL: Final = "caller_id_international"
MATCHES_SCHOOL: Final = "caller_id_matches_school"
EMERGENCY: Final = "caller_id_emergency_number"
ATTESTATION_FAILED: Final = "attestation_failed"
ATTESTATION_UNVERIFIED: Final = "attestation_unverified"
FAILED_FOLLOWUPS: Final = "caller_failed_followups"
MISNAMED_PLACE: Final = "caller_misnamed_local_place"
VOICE_MASKED: Final = "voice_masked"
HUNG_UP: Final = "caller_hung_up"
RELAY: Final = "relay_service"

#: Codes this package adds beyond ``policy.py``'s table: ``(weight, reason)``.
EXTRA_WEIGHTS: Final = MappingProxyType(
    {
        # Premium-rate lines (NANP 900, UK 09...) bill the *caller*; nobody phones a
        # school from one, so the ID is spoofed or a scam. As weak as VoIP: some
        # PBXs present odd billing numbers.
        PREMIUM: (
            -0.2,
            "premium-rate numbers bill the caller and almost never "
            "originate calls to a school; spoofed or scam",
        ),
    }
)

#: Guidance reference per code (geography leans on the origin-tracing passage).
GUIDANCE: Final = MappingProxyType(
    {
        INTERNATIONAL: REF_SOCIAL_MEDIA_TRACE,
        OUT_OF_AREA: REF_SOCIAL_MEDIA_TRACE,
    }
)
DEFAULT_GUIDANCE: Final = REF_PHONE

# --- input limits --------------------------------------------------------------
#: Raw caller IDs longer than this are invalid without further work (a SIP From
#: header with display name and parameters stays well under 300 characters).
MAX_RAW_CHARS: Final = 1024
#: phonenumbers refuses more than 17 national digits (and E.164 allows 15 in all);
#: longer digit strings are invalid, not errors.
MAX_DIGITS: Final = 17
#: Longest extension kept (PBX extensions are 2..7 digits).
MAX_EXTENSION_DIGITS: Final = 7

# --- withheld caller IDs ---------------------------------------------------------
#: What carriers, handsets and PBXs show instead of a number, folded (casefold,
#: letters and digits only). Sources: Bellcore GR-30 "P" (private) and "O" (out of
#: area); RFC 3323/3325 SIP "anonymous"; handset and carrier display strings.
WITHHELD: Final = frozenset(
    {
        "p",  # Bellcore/Telcordia GR-30: presentation private
        "o",  # Bellcore/Telcordia GR-30: out of area (unavailable)
        "anonymous",
        "anonymouscaller",
        "anonymouscall",
        "anon",  # SIP, VoIP PBXs
        "private",
        "privatenumber",
        "privatecaller",
        "privatename",
        "privatecall",
        "restricted",
        "restrictednumber",
        "presentationrestricted",  # 3GPP wording
        "unavailable",
        "numberunavailable",
        "callerunavailable",
        "notavailable",
        "unknown",
        "unknowncaller",
        "unknownnumber",
        "unknownname",
        "unk",
        "unknownnameunknownnumber",
        "outofarea",
        "outofareacall",
        "outofareacaller",
        "nocallerid",
        "nocalleridprovided",
        "noid",
        "nonumber",
        "nocli",
        "withheld",
        "numberwithheld",
        "callerwithheld",
        "withheldnumber",
        "blocked",
        "blockednumber",
        "calleridblocked",
        "callerblocked",
        "hidden",
        "hiddennumber",
        "numberhidden",
        "suppressed",
        "numbersuppressed",
        "na",
        "none",
        "null",  # intake forms: "N/A", "none"
        "266696687",  # "ANONYMOUS" spelled on a keypad; some VoIP gateways send it
    }
)
#: SIP user parts and hosts that mean "withheld" (RFC 3323 section 4.1.1.3).
SIP_WITHHELD_USERS: Final = frozenset(
    {"anonymous", "restricted", "unavailable", "unknown", "private", "anon"}
)
SIP_WITHHELD_HOSTS: Final = frozenset({"anonymous.invalid", "anonymous"})

# --- spoof patterns ---------------------------------------------------------------
#: National numbers shorter than this are not checked for runs (short codes and
#: junk are handled elsewhere).
MIN_SPOOF_DIGITS: Final = 7
#: All one digit counts from this many digits ("0000", "99999").
MIN_REPEAT_DIGITS: Final = 4

# --- fictional ranges ----------------------------------------------------------------
#: ``(country calling code, national-number prefix, national-number length)``.
#: Ofcom's drama numbers (UK numbering plan "numbers for drama", 1,000 each),
#: ACMA's numbers for creative works (Australia, landline blocks). NANP 555-01XX
#: is checked by rule (any area code, line numbers 0100-0199).
FICTIONAL_RANGES: Final = (
    (44, "1134960", 10),  # Leeds 0113 496 0xxx
    (44, "1144960", 10),  # Sheffield
    (44, "1154960", 10),  # Nottingham
    (44, "1164960", 10),  # Leicester
    (44, "1174960", 10),  # Bristol
    (44, "1184960", 10),  # Reading
    (44, "1214960", 10),  # Birmingham
    (44, "1314960", 10),  # Edinburgh
    (44, "1414960", 10),  # Glasgow
    (44, "1514960", 10),  # Liverpool
    (44, "1614960", 10),  # Manchester
    (44, "2079460", 10),  # London 020 7946 0xxx
    (44, "1914980", 10),  # Tyneside 0191 498 0xxx
    (44, "2890180", 10),  # Northern Ireland 028 9018 0xxx
    (44, "2920180", 10),  # Cardiff 029 2018 0xxx
    (44, "1632960", 10),  # no area 01632 960xxx
    (44, "7700900", 10),  # mobile 07700 900xxx
    (44, "8081570", 10),  # freephone 08081 570xxx
    (44, "9098790", 10),  # premium rate 0909 879 0xxx
    (44, "3069990", 10),  # UK-wide 03069 990xxx
    (61, "25550", 9),  # Australia (02) 5550 xxxx
    (61, "35550", 9),  # (03) 5550 xxxx
    (61, "75550", 9),  # (07) 5550 xxxx
    (61, "85550", 9),  # (08) 5550 xxxx
    (61, "27010", 9),  # (02) 7010 xxxx
    (61, "37010", 9),  # (03) 7010 xxxx
    (61, "77010", 9),  # (07) 7010 xxxx
    (61, "87010", 9),  # (08) 7010 xxxx
)

#: NANP N11 code for Telecommunications Relay Service (TRS) access: a caller ID of
#: 711 is a relay call, not an invalid number.
NANP_RELAY_CODE: Final = "711"

# --- carrier lookups -------------------------------------------------------------------
#: Line types that carrier lookup services report (Twilio ``line_type_intelligence``
#: and its older ``carrier.type``, Telnyx, Vonage, Numverify...), folded to our
#: classes. Unknown values are ignored.
LOOKUP_LINE_TYPES: Final = MappingProxyType(
    {
        "voip": "voip",
        "nonfixedvoip": "voip",  # Twilio: over-the-top VoIP (Google Voice, TextNow)
        "fixedvoip": "voip",  # Twilio: VoIP tied to an address (cable phone)
        "voipnonfixed": "voip",
        "voipfixed": "voip",
        "interconnectedvoip": "voip",
        "noninterconnectedvoip": "voip",
        "ipphone": "voip",
        "mobile": "mobile",
        "wireless": "mobile",
        "cellular": "mobile",
        "cell": "mobile",
        "landline": "fixed",
        "fixed": "fixed",
        "fixedline": "fixed",
        "wireline": "fixed",
        "tollfree": "toll_free",
        "premium": "premium",
        "premiumrate": "premium",
        "personal": "personal",
        "personalnumber": "personal",
        "pager": "pager",
        "sharedcost": "shared_cost",
        "uan": "uan",
        "voicemail": "voicemail",
    }
)
#: Keys (folded) under which lookup responses carry the line type.
LOOKUP_TYPE_KEYS: Final = ("linetype", "type", "numbertype", "phonetype", "carriertype")
#: Keys (folded) under which they carry the carrier's name.
LOOKUP_CARRIER_KEYS: Final = (
    "carriername",
    "carrier",
    "name",
    "network",
    "operator",
    "operatorname",
)
#: Keys (folded) naming the lookup service itself, for the evidence.
LOOKUP_SOURCE_KEYS: Final = ("source", "provider", "vendor", "service")

# --- places ----------------------------------------------------------------------------
#: Abbreviations folded to one spelling before places are compared (USPS
#: Publication 28 street suffixes and directionals, plus common building words).
PLACE_ABBREVIATIONS: Final = MappingProxyType(
    {
        "st": "street",
        "str": "street",
        "ave": "avenue",
        "av": "avenue",
        "avn": "avenue",
        "blvd": "boulevard",
        "boul": "boulevard",
        "rd": "road",
        "dr": "drive",
        "drv": "drive",
        "hwy": "highway",
        "hiway": "highway",
        "pkwy": "parkway",
        "pky": "parkway",
        "ln": "lane",
        "ct": "court",
        "pl": "place",
        "sq": "square",
        "ter": "terrace",
        "terr": "terrace",
        "cir": "circle",
        "trl": "trail",
        "cres": "crescent",
        "expy": "expressway",
        "fwy": "freeway",
        "tpke": "turnpike",
        "n": "north",
        "s": "south",
        "e": "east",
        "w": "west",
        "ne": "northeast",
        "nw": "northwest",
        "se": "southeast",
        "sw": "southwest",
        "mt": "mount",
        "ft": "fort",
        "bldg": "building",
        "rm": "room",
        "ctr": "center",
        "centre": "center",
        "hs": "high school",
        "ms": "middle school",
        "es": "elementary school",
        "elem": "elementary",
        "gym": "gymnasium",
        "caf": "cafeteria",
        "hosp": "hospital",
        "univ": "university",
    }
)
#: Street types: when heard and known both name one and they differ ("Greene
#: Avenue" vs "Green Street"), the caller named a different street, not a slip.
STREET_TYPES: Final = frozenset(
    {
        "street",
        "avenue",
        "boulevard",
        "road",
        "drive",
        "highway",
        "parkway",
        "lane",
        "court",
        "place",
        "square",
        "terrace",
        "circle",
        "trail",
        "crescent",
        "expressway",
        "freeway",
        "turnpike",
        "way",
        "pike",
    }
)
#: Near-miss threshold (rapidfuzz ``fuzz.ratio``, 0..100, on the folded names with
#: generic words removed): at or above it, but not equal, is a misnamed local
#: place. Chosen on the labelled corpus in ``benchmarks/_corpus_phone.py`` (99
#: misspelt or phonetically transcribed local names, 2,926 pairs of different
#: real names; see docs/phone.md): at 80 the rules catch 98/99 near misses with 0
#: false near misses; 75 gives 4 false, 85 catches only 85/99.
NEAR_MISS_THRESHOLD: Final = 80.0
#: A heard name whose sound skeleton (see ``PHONETIC``) equals a known one's is a
#: near miss down to this ratio ("Skoolkill" for "Schuylkill" scores 63).
PHONETIC_MIN_RATIO: Final = 50.0
#: Sound skeletons shorter than this say too little ("Mn" for Main and Moon).
PHONETIC_MIN_CHARS: Final = 4
#: English spelling-to-sound folds applied before vowels are dropped for the
#: skeleton (a light Metaphone): "sch" is said "sk", "ph" "f", and so on.
PHONETIC: Final = (
    ("sch", "sk"),
    ("tch", "ch"),
    ("ph", "f"),
    ("ck", "k"),
    ("gh", "g"),
    ("wh", "w"),
    ("kn", "n"),
    ("wr", "r"),
    ("x", "ks"),
    ("q", "k"),
    ("z", "s"),
)
#: Words that say what kind of place something is, not which one; a caller who
#: leaves them out ("Maple" for "Maple Street") still named the place.
PLACE_GENERIC: Final = STREET_TYPES | frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "the",
        "of",
        "and",
    }
)
#: Names shorter than this (folded core) are never near misses: "Elm"/"Elk" or
#: "Oak"/"Oat" are as likely different streets as a slip.
NEAR_MISS_MIN_CHARS: Final = 5
#: A last word of at least this many letters, one edit away from a street type of
#: at least one more letter ("stret", "avenu", "boulvard"), is read as that type, so
#: a misspelt type does not become part of the compared name ("Mapple Stret").
#: Shorter types ("lane", "road", "drive", "court") are left alone: one edit from
#: them is often another word ("lake", "rod", "drove", "count").
MISSPELT_TYPE_MIN_CHARS: Final = 5
#: At most this many places are compared per call (intake notes can be long).
MAX_PLACES: Final = 50

# --- geography (NANP) ---------------------------------------------------------------------
#: Full names that phonenumbers' English geocoder gives for US and Canadian area
#: codes, mapped to postal codes, so "Chicago, IL" and "Illinois" compare equal.
#: NANP numbers are compared at state/province level: the geocoder's city-level
#: answers split suburbs from their city, and area-code overlays are not in the
#: metadata.
NANP_AREA_NAMES: Final = MappingProxyType(
    {
        "alabama": "AL",
        "alaska": "AK",
        "arizona": "AZ",
        "arkansas": "AR",
        "california": "CA",
        "colorado": "CO",
        "connecticut": "CT",
        "delaware": "DE",
        "florida": "FL",
        "georgia": "GA",
        "hawaii": "HI",
        "idaho": "ID",
        "illinois": "IL",
        "indiana": "IN",
        "iowa": "IA",
        "kansas": "KS",
        "kentucky": "KY",
        "louisiana": "LA",
        "maine": "ME",
        "maryland": "MD",
        "massachusetts": "MA",
        "michigan": "MI",
        "minnesota": "MN",
        "mississippi": "MS",
        "missouri": "MO",
        "montana": "MT",
        "nebraska": "NE",
        "nevada": "NV",
        "new hampshire": "NH",
        "new jersey": "NJ",
        "new mexico": "NM",
        "new york": "NY",
        "north carolina": "NC",
        "north dakota": "ND",
        "ohio": "OH",
        "oklahoma": "OK",
        "oregon": "OR",
        "pennsylvania": "PA",
        "rhode island": "RI",
        "south carolina": "SC",
        "south dakota": "SD",
        "tennessee": "TN",
        "texas": "TX",
        "utah": "UT",
        "vermont": "VT",
        "virginia": "VA",
        "washington state": "WA",
        "washington d.c.": "DC",
        "west virginia": "WV",
        "wisconsin": "WI",
        "wyoming": "WY",
        "alberta": "AB",
        "british columbia": "BC",
        "british colombia": "BC",
        "manitoba": "MB",
        "new brunswick": "NB",
        "newfoundland and labrador": "NL",
        "nova scotia": "NS",
        "prince edward island": "PE",
        "ontario": "ON",
        "quebec": "QC",
        "saskatchewan": "SK",
        "northwest territories": "NT",
        "nunavut": "NU",
        "yukon": "YT",
        "puerto rico": "PR",
        "u.s. virgin islands": "VI",
        "guam": "GU",
        "northern mariana islands": "MP",
        "american samoa": "AS",
    }
)

#: Regions that phonenumbers keeps apart but that are domestic for a school in the
#: key region: US territories in the NANP, and the Crown Dependencies in the UK
#: numbering plan. Calls from them are compared by area instead of being
#: "international".
DOMESTIC_REGIONS: Final = MappingProxyType(
    {
        "US": frozenset({"US", "PR", "VI", "GU", "AS", "MP"}),
        "GB": frozenset({"GB", "GG", "JE", "IM"}),
    }
)

# --- STIR/SHAKEN -----------------------------------------------------------------------------
#: Words some intake systems use for the three attestation levels.
ATTESTATION_WORDS: Final = MappingProxyType(
    {
        "a": "A",
        "full": "A",
        "fullattestation": "A",
        "attestationa": "A",
        "b": "B",
        "partial": "B",
        "partialattestation": "B",
        "attestationb": "B",
        "c": "C",
        "gateway": "C",
        "gatewayattestation": "C",
        "attestationc": "C",
        "unsigned": "none",
        "none": "none",
        "noattestation": "none",
        "notsigned": "none",
        "unverified": "none",
    }
)
