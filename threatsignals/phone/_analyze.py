"""Caller ID, attestation and interview -> swatting findings.

Pure: input in, findings out. The caller ID gets at most one "what the number
is" finding (blocked, emergency, the school's own number, spoof pattern,
fictional, invalid), because those describe the same evidence and must not add
up; only a valid number can add type (VoIP, toll-free, premium) and geography
(international, out of area) findings. Attestation and interview findings are
independent evidence and add to it. Every weight comes from the policy.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberType, shortnumberinfo

from threatsignals.errors import InvalidReportError
from threatsignals.model import Finding, Interview, School
from threatsignals.phone import _rules
from threatsignals.phone._normalize import (
    CallerId,
    LookupInfo,
    fold_place,
    parse_attestation,
    parse_caller_id,
    parse_lookup,
)
from threatsignals.policy import Policy

__all__ = ["CallerAnalysis", "analyze"]

_log = logging.getLogger(__name__)

_TYPE_NAMES: dict[int, str] = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}
#: Types whose number says where the line is (the rest are not geographic).
_GEOGRAPHIC = frozenset(
    {PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
)
#: NANP types that are nation-wide, so never "international" for a NANP school.
_NANP_NATIONWIDE = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.PERSONAL_NUMBER,
    }
)
_SUPPORTED = frozenset(phonenumbers.SUPPORTED_REGIONS)
_SOFT_C = re.compile(r"c(?=[eiy])")
_SKELETON_DROP = re.compile(r"[aeiouyhw]")
_DOUBLES = re.compile(r"(.)\1+")
_FOLLOWUPS = (
    ("gave_name", "full name"),
    ("gave_callback", "callback number"),
    ("gave_location", "current location"),
)


@dataclass(frozen=True, slots=True)
class CallerAnalysis:
    """What the phone analyzer found about one call.

    Attributes:
        number: The caller's number in E.164 without extension, when it is a
            valid number, a fictional one, or one of the school's own numbers or
            emergency contacts; None for withheld IDs, short codes, invalid
            numbers and junk.
        region: ISO 3166 region of the number per phonenumbers (``"001"`` for
            non-geographic services such as +800), or None when unknown.
        findings: The findings, in rule order.
        extension: The extension, if the caller ID carried one.
        line_type: The line type: a carrier lookup's answer when given, else
            phonenumbers' (``"mobile"``, ``"fixed_line_or_mobile"``, ``"voip"``,
            ``"toll_free"``...); None when unknown.
        attestation: Canonical STIR/SHAKEN label seen (``"attestation A"``,
            ``"TN-Validation-Failed-B"``, ``"No-TN-Validation"``), or None.
    """

    number: str | None
    region: str | None
    findings: tuple[Finding, ...]
    extension: str | None = None
    line_type: str | None = None
    attestation: str | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        """The finding codes, in order."""
        return tuple(f.code for f in self.findings)

    def __repr__(self) -> str:
        masked = None if self.number is None else "***" + self.number[-2:]
        return (
            f"CallerAnalysis(number={masked!r}, region={self.region!r}, "
            f"codes={self.codes!r})"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "number": self.number,
            "region": self.region,
            "extension": self.extension,
            "line_type": self.line_type,
            "attestation": self.attestation,
            "findings": [f.to_dict() for f in self.findings],
        }


# --- lazily loaded geocoder ---------------------------------------------------------

_GEOCODER: ModuleType | None = None


def _geocoder() -> ModuleType:
    """Import ``phonenumbers.geocoder`` on first use only (about 0.5 s, once)."""
    global _GEOCODER
    if _GEOCODER is None:
        from phonenumbers import geocoder

        _GEOCODER = geocoder
    return _GEOCODER


#: Area per ``(country code, key)``: the NANP geocoder resolves at most NPA-NXX
#: (six digits), so NANP numbers share one entry per exchange; others use the
#: whole national number. Bounded: cleared when full.
_AREA_CACHE: dict[tuple[int, str], frozenset[str] | None] = {}
_AREA_CACHE_MAX = 8192


def _area(num: phonenumbers.PhoneNumber, region: str) -> frozenset[str] | None:
    """Area of a valid geographic number, as comparable keys, or None if unknown."""
    cc = int(num.country_code or 0)
    nsn = phonenumbers.national_significant_number(num)
    key = (cc, nsn[:6] if cc == 1 else nsn)
    try:
        return _AREA_CACHE[key]
    except KeyError:
        pass
    area = _area_uncached(num, region)
    if len(_AREA_CACHE) >= _AREA_CACHE_MAX:
        _AREA_CACHE.clear()
    _AREA_CACHE[key] = area
    return area


@functools.lru_cache(maxsize=512)
def _country_name(region: str) -> str:
    geo = _geocoder()
    example = phonenumbers.example_number(region)
    return geo.country_name_for_number(example, "en") if example is not None else ""


def _area_uncached(num: phonenumbers.PhoneNumber, region: str) -> frozenset[str] | None:
    desc = _geocoder().description_for_valid_number(num, "en")
    if num.country_code == 1:
        _, sep, tail = desc.rpartition(",")
        if sep and len(tail.strip()) == 2 and tail.strip().isalpha():
            return frozenset({tail.strip().upper()})
        codes = set()
        for part in desc.split("/"):
            code = _rules.NANP_AREA_NAMES.get(part.strip().casefold())
            if code is None:  # a country name or an unknown place
                return None
            codes.add(code)
        return frozenset(codes) or None
    if not desc or desc == _country_name(region):
        return None
    return frozenset({desc.casefold()})


def _area_label(area: frozenset[str]) -> str:
    return "/".join(sorted(area))


# --- the school's own numbers ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _SchoolNumbers:
    own: frozenset[str]  # E.164 of the school's numbers
    emergency: frozenset[str]  # E.164 of its emergency contacts
    emergency_short: frozenset[str]  # short codes listed as emergency contacts
    home_numbers: tuple[str, ...]  # E.164 of geographic numbers, for the area


def _e164(raw: str, region: str) -> tuple[str | None, phonenumbers.PhoneNumber | None]:
    cid = parse_caller_id(raw)
    if cid.kind != "number":
        return None, None
    if not cid.dial.startswith("+") and len(cid.dial) <= 6:
        return cid.dial, None
    try:
        num = phonenumbers.parse(cid.dial, region if region in _SUPPORTED else "ZZ")
    except phonenumbers.NumberParseException:
        return None, None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), num


@functools.lru_cache(maxsize=256)
def _school_numbers(
    own: tuple[str, ...], emergency: tuple[str, ...], region: str
) -> _SchoolNumbers:
    own_set: set[str] = set()
    em_set: set[str] = set()
    em_short: set[str] = set()
    home: list[str] = []
    for group, target in ((own, own_set), (emergency, em_set)):
        for raw in group:
            e164, num = _e164(raw, region)
            if e164 is None:
                continue
            if num is None:
                if target is em_set:
                    em_short.add(e164)
                continue
            target.add(e164)
            if phonenumbers.number_type(num) in _GEOGRAPHIC:
                home.append(e164)
    return _SchoolNumbers(
        frozenset(own_set), frozenset(em_set), frozenset(em_short), tuple(home)
    )


@functools.lru_cache(maxsize=256)
def _school_areas(
    home_numbers: tuple[str, ...], subdivision: str | None, nanp: bool
) -> frozenset[str]:
    areas: set[str] = set()
    for e164 in home_numbers:
        num = phonenumbers.parse(e164)
        area = _area(num, phonenumbers.region_code_for_number(num) or "ZZ")
        if area:
            areas |= area
    if nanp and subdivision:
        areas.add(subdivision.strip().upper())
    return frozenset(areas)


@functools.lru_cache(maxsize=256)
def _known_places(places: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """``(as written, folded, core)`` for the school's places (cached per school)."""
    out = []
    for p in places[: _rules.MAX_PLACES]:
        folded, core = fold_place(p[:200])
        if core:
            out.append((p, folded, core))
    return tuple(out)


# --- spoof patterns and fictional ranges ------------------------------------------------


def _spoof_pattern(digits: str) -> str | None:
    """Name the spoof pattern in a national number, or None."""
    n = len(digits)
    if n >= _rules.MIN_REPEAT_DIGITS and digits == digits[0] * n:
        return f"all {n} digits are {digits[0]}"
    if n < _rules.MIN_SPOOF_DIGITS:
        return None
    last7 = digits[-7:]
    if last7 == last7[0] * 7:
        return f"the last seven digits are all {last7[0]}"
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(digits)}
    if steps == {1}:
        return "the digits run in one ascending sequence"
    if steps == {9}:
        return "the digits run in one descending sequence"
    return None


def _fictional(num: phonenumbers.PhoneNumber, nsn: str) -> str | None:
    cc = num.country_code
    if cc == 1 and len(nsn) == 10 and nsn[3:6] == "555" and nsn[6:8] == "01":
        return "NANP 555-0100..0199 is reserved for fiction"
    for rcc, prefix, length in _rules.FICTIONAL_RANGES:
        if cc == rcc and len(nsn) == length and nsn.startswith(prefix):
            what = "Ofcom drama range" if cc == 44 else "ACMA range for creative works"
            return f"{what} (+{cc})"
    return None


# --- the analysis ------------------------------------------------------------------------

_DEFAULT_POLICY: Policy | None = None


def _default_policy() -> Policy:
    global _DEFAULT_POLICY
    if _DEFAULT_POLICY is None:
        _DEFAULT_POLICY = Policy()
    return _DEFAULT_POLICY


class _Out:
    """Collects findings with the policy's weights."""

    __slots__ = ("codes", "findings", "policy")

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.findings: list[Finding] = []
        self.codes: set[str] = set()

    def add(self, code: str, evidence: str) -> None:
        if code in self.codes:
            return
        self.codes.add(code)
        self.findings.append(
            Finding(
                code=code,
                analyzer=_rules.ANALYZER_NAME,
                weight=self.policy.weight(code),
                evidence=evidence,
                guidance=_rules.GUIDANCE.get(code, _rules.DEFAULT_GUIDANCE),
            )
        )


def analyze(
    caller_id: object,
    *,
    region: str = "US",
    school: School | None = None,
    attestation: object = None,
    interview: Interview | Mapping[str, Any] | None = None,
    lookup: object = None,
    policy: Policy | None = None,
) -> CallerAnalysis:
    """Look for swatting signs in a call: caller ID, STIR/SHAKEN, interview.

    Args:
        caller_id: The caller ID as recorded (any text: E.164, national formats,
            ``tel:``/``sip:`` URIs, SIP display names, extensions, withheld words)
            or None (withheld). Other types are an invalid caller ID.
        region: ISO 3166 code used to read numbers written without a country
            code. When a ``school`` in another country is given, numbers that do
            not read as valid in ``region`` are also read in the school's.
        school: The threatened school: its country (for "international"), its own
            numbers and emergency contacts, its places, and its numbers' area
            (for "out of area").
        attestation: STIR/SHAKEN level ``"A"``/``"B"``/``"C"`` or a verstat string
            (``"TN-Validation-Failed-A"``, ``"No-TN-Validation"``).
        interview: An :class:`~threatsignals.Interview` or a dict with its keys.
        lookup: What a carrier lookup service returned: a dict (Twilio Lookup
            v1/v2, flat ``{"line_type": ..., "carrier": ..., "source": ...}``) or a
            line-type string (``"nonFixedVoip"``).
        policy: Weights to use; ``Policy()`` when None.

    Returns:
        A :class:`CallerAnalysis`. Bad content becomes a finding; this never
        raises for any string or None.

    Raises:
        TypeError: If ``region``, ``school`` or ``policy`` has the wrong type.
    """
    if not isinstance(region, str):
        raise TypeError(f"region: expected str, got {type(region).__name__}")
    if school is not None and not isinstance(school, School):
        raise TypeError(f"school: expected School, got {type(school).__name__}")
    if policy is not None and not isinstance(policy, Policy):
        raise TypeError(f"policy: expected Policy, got {type(policy).__name__}")
    out = _Out(policy if policy is not None else _default_policy())
    parse_region = region.strip().upper()
    if parse_region not in _SUPPORTED:
        parse_region = "ZZ"
    home = school.region if school is not None else parse_region
    info = parse_lookup(lookup)
    cid = parse_caller_id(caller_id)
    number, num_region, line_type = _caller_id_findings(
        cid, parse_region, home, school, info, out
    )
    if info is not None and info.line_type is not None:
        line_type = info.line_type
    label = _attestation_findings(attestation, cid.verstat, out)
    _interview_findings(interview, school, out)
    _log.debug(
        "phone analysis: %d findings (%s)",
        len(out.findings),
        ",".join(f.code for f in out.findings),
    )
    return CallerAnalysis(
        number=number,
        region=num_region,
        findings=tuple(out.findings),
        extension=cid.extension,
        line_type=line_type,
        attestation=label,
    )


def _parse(dial: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(dial, region)
    except phonenumbers.NumberParseException:
        return None


def _caller_id_findings(
    cid: CallerId,
    parse_region: str,
    home: str,
    school: School | None,
    info: LookupInfo | None,
    out: _Out,
) -> tuple[str | None, str | None, str | None]:
    """Add the caller-ID findings; return ``(E.164, region, line type)``."""
    if cid.kind == "blocked":
        out.add(_rules.BLOCKED, f"caller ID withheld ({cid.reason})")
        return None, None, None
    if cid.kind == "invalid":
        out.add(_rules.INVALID, f"caller ID is invalid: {cid.reason}")
        return None, None, None
    dial = cid.dial
    nums = (
        _school_numbers(school.phone_numbers, school.emergency_numbers, school.region)
        if school is not None
        else None
    )
    # Short codes: emergency services, the TRS relay code, or junk.
    if not dial.startswith("+") and len(dial) <= 6:
        for reg in dict.fromkeys((home, parse_region)):
            if reg != "ZZ" and shortnumberinfo.is_emergency_number(dial, reg):
                out.add(
                    _rules.EMERGENCY, f"caller ID is an emergency short code in {reg}"
                )
                return None, None, None
        if nums is not None and dial in nums.emergency_short:
            out.add(
                _rules.EMERGENCY, "caller ID is one of the school's emergency contacts"
            )
            return None, None, None
        nanp = any(
            phonenumbers.country_code_for_region(r) == 1 for r in (home, parse_region)
        )
        if nanp and dial == _rules.NANP_RELAY_CODE:
            out.add(
                _rules.RELAY, "caller ID 711 is the relay service (TRS) access code"
            )
            return None, None, None
    num = _parse(dial, parse_region)
    ntype = (
        phonenumbers.number_type(num) if num is not None else PhoneNumberType.UNKNOWN
    )
    if (
        ntype == PhoneNumberType.UNKNOWN
        and home != parse_region
        and not dial.startswith("+")
    ):
        alt = _parse(dial, home)
        if alt is not None:
            alt_type = phonenumbers.number_type(alt)
            if alt_type != PhoneNumberType.UNKNOWN or num is None:
                num, ntype = alt, alt_type
    if num is None:
        pattern = _spoof_pattern(dial.lstrip("+"))
        if pattern:
            out.add(_rules.SPOOF_PATTERN, f"spoof pattern: {pattern}")
        else:
            out.add(
                _rules.INVALID,
                f"caller ID cannot be read as a number for {parse_region}",
            )
        return None, None, None
    nsn = phonenumbers.national_significant_number(num)
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    number = e164 if ntype != PhoneNumberType.UNKNOWN else None
    if nums is not None:
        if e164 in nums.own:
            out.add(_rules.MATCHES_SCHOOL, "caller ID shows the school's own number")
            return e164, None, None
        if e164 in nums.emergency:
            out.add(
                _rules.EMERGENCY, "caller ID is one of the school's emergency contacts"
            )
            return e164, None, None
    pattern = _spoof_pattern(nsn)
    if pattern:
        out.add(_rules.SPOOF_PATTERN, f"spoof pattern: {pattern}")
        return number, None, None
    fiction = _fictional(num, nsn)
    if fiction:
        out.add(_rules.FICTIONAL, f"fictional number: {fiction}")
        return e164, None, None
    if ntype == PhoneNumberType.UNKNOWN:
        out.add(
            _rules.INVALID,
            f"not a valid number (+{num.country_code}, {len(nsn)} national digits)",
        )
        return number, None, None
    num_region = phonenumbers.region_code_for_number(num)
    lt = info.line_type if info is not None else None
    # Type.
    if lt == "voip":
        out.add(_rules.VOIP, _lookup_evidence(info))
    elif ntype == PhoneNumberType.VOIP:
        out.add(_rules.VOIP, "phonenumbers' metadata types this range as VoIP")
    if ntype == PhoneNumberType.TOLL_FREE or lt == "toll_free":
        out.add(_rules.TOLL_FREE, "toll-free number")
    if ntype == PhoneNumberType.PREMIUM_RATE or lt == "premium":
        out.add(_rules.PREMIUM, "premium-rate number")
    # Geography.
    home_cc = phonenumbers.country_code_for_region(home)
    if home not in _SUPPORTED:
        pass  # no home country known: geography cannot be judged
    elif num_region not in _rules.DOMESTIC_REGIONS.get(home, (home,)):
        if not (num.country_code == 1 and home_cc == 1 and ntype in _NANP_NATIONWIDE):
            where = (
                f"a non-geographic international service (+{num.country_code})"
                if num_region in (None, "001")
                else f"{num_region} (+{num.country_code})"
            )
            out.add(
                _rules.INTERNATIONAL, f"number is from {where}; the school is in {home}"
            )
    elif (
        school is not None
        and nums is not None
        and ntype in _GEOGRAPHIC
        and lt not in ("mobile", "voip")
    ):
        areas = _school_areas(nums.home_numbers, school.subdivision, home_cc == 1)
        if areas:
            caller_area = _area(num, home)
            if caller_area is not None and caller_area.isdisjoint(areas):
                out.add(
                    _rules.OUT_OF_AREA,
                    f"number's area ({_area_label(caller_area)}) differs from the "
                    f"school's ({_area_label(areas)})",
                )
    return number, num_region, _TYPE_NAMES.get(ntype)


def _lookup_evidence(info: LookupInfo | None) -> str:
    if info is None:  # pragma: no cover - only called with a lookup
        return "carrier lookup reports VoIP"
    src = f" ({info.source})" if info.source else ""
    carrier = f", carrier {info.carrier}" if info.carrier else ""
    return f"carrier lookup{src} reports line type {info.raw_type}{carrier}"


def _attestation_findings(
    attestation: object, verstat: str | None, out: _Out
) -> str | None:
    given = parse_attestation(attestation)
    seen = parse_attestation(verstat) if verstat else None
    for att, where in ((given, "attestation"), (seen, "caller ID verstat")):
        if att is not None and att.status == "failed":
            out.add(
                _rules.ATTESTATION_FAILED,
                f"STIR/SHAKEN verification failed ({att.text}, from the {where})",
            )
            return att.text
    att = given if given is not None else seen
    if att is None:
        return None
    if att.status == "unsigned":
        out.add(_rules.ATTESTATION_UNVERIFIED, f"call was not signed ({att.text})")
    elif att.level == "C":
        out.add(
            _rules.ATTESTATION_UNVERIFIED,
            f"gateway (C) attestation: the originating carrier cannot vouch for the "
            f"number ({att.text})",
        )
    return att.text


def _coerce_interview(value: object) -> Interview | None:
    try:
        return Interview.coerce(value)
    except (InvalidReportError, TypeError, ValueError, AttributeError):
        return None


def _interview_findings(value: object, school: School | None, out: _Out) -> None:
    iv = _coerce_interview(value)
    if iv is None:
        return
    failed = [label for name, label in _FOLLOWUPS if getattr(iv, name) is False]
    if failed:
        out.add(_rules.FAILED_FOLLOWUPS, "asked but not given: " + ", ".join(failed))
    if school is not None and iv.places_mentioned:
        known = _known_places((*school.places, school.name))
        misses = _near_misses(iv.places_mentioned, known)
        if misses:
            out.add(_rules.MISNAMED_PLACE, "; ".join(misses))
    if iv.voice_masked is True:
        out.add(_rules.VOICE_MASKED, "voice sounded computer-generated or distorted")
    if iv.hung_up is True:
        out.add(_rules.HUNG_UP, "caller hung up when questioned")
    if iv.relay_service is True:
        out.add(_rules.RELAY, "call came through a relay service (TRS/IP relay)")


def _is_abbreviation(heard: list[str], known: list[str]) -> bool:
    """Whether ``heard`` names ``known`` by a shorter form (part or initials)."""
    if not heard or not known:
        return False
    n = len(heard)
    if any(known[i : i + n] == heard for i in range(len(known) - n + 1)):
        return any(len(w) >= 3 for w in heard)
    if n == 1 and len(heard[0]) >= 2 and len(known) >= 2:
        return heard[0] == "".join(w[0] for w in known)
    return False


def place_similarity(heard: str, known: str) -> tuple[str, float]:
    """Compare a heard place with a known one after folding.

    Returns:
        ``("match", 100.0)`` for an exact or abbreviated match, else
        ``("near", score)`` or ``("other", score)`` with rapidfuzz's
        ``fuzz.ratio`` (0..100) of the folded cores.
    """
    from rapidfuzz import fuzz

    hf, hc = fold_place(heard[:200])
    kf, kc = fold_place(known[:200])
    return _verdict(hf, hc, kf, kc, fuzz.ratio)


def _skeleton(core: str) -> str:
    """A light Metaphone: spelling folded to sound, vowels dropped, doubles merged."""
    s = core.replace(" ", "")
    for a, b in _rules.PHONETIC:
        s = s.replace(a, b)
    s = _SOFT_C.sub("s", s).replace("c", "k")
    if s:
        s = s[0] + _SKELETON_DROP.sub("", s[1:])
    return _DOUBLES.sub(r"\1", s)


def _verdict(
    hf: str, hc: str, kf: str, kc: str, ratio: Callable[[str, str], float]
) -> tuple[str, float]:
    if not hc or not kc:
        return "other", 0.0
    if hf == kf or hc == kc or _is_abbreviation(hc.split(), kc.split()):
        return "match", 100.0
    score = float(ratio(hc, kc))
    ht = _rules.STREET_TYPES.intersection(hf.split())
    kt = _rules.STREET_TYPES.intersection(kf.split())
    if ht and kt and ht.isdisjoint(kt):
        return "other", score  # a different street, not a slip
    short = min(len(hc.replace(" ", "")), len(kc.replace(" ", "")))
    if short < _rules.NEAR_MISS_MIN_CHARS:
        return "other", score
    if score >= _rules.NEAR_MISS_THRESHOLD:
        return "near", score
    if score >= _rules.PHONETIC_MIN_RATIO:
        hs = _skeleton(hc)
        if len(hs) >= _rules.PHONETIC_MIN_CHARS and hs == _skeleton(kc):
            return "near", score
    return "other", score


def _near_misses(
    mentioned: tuple[str, ...], known: tuple[tuple[str, str, str], ...]
) -> list[str]:
    if not known:
        return []
    from rapidfuzz import fuzz

    misses: list[str] = []
    for heard in mentioned[: _rules.MAX_PLACES]:
        hf, hc = fold_place(heard[:200])
        best: tuple[float, str] | None = None
        matched = False
        for written, kf, kc in known:
            verdict, score = _verdict(hf, hc, kf, kc, fuzz.ratio)
            if verdict == "match":
                matched = True
                break
            if verdict == "near" and (best is None or score > best[0]):
                best = (score, written)
        if not matched and best is not None:
            misses.append(
                f"heard {_quote(heard)}, close to local {_quote(best[1])} "
                f"(similarity {best[0]:.0f})"
            )
    return misses[:3]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 40 else text[:39] + "…")
