"""Input clean-up for the phone analyzer: caller IDs, attestations, lookups, places.

Pure functions, no phonenumbers import: they turn what intake systems and people
actually record into a small, typed shape that ``_analyze`` reads.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from threatsignals.phone import _rules

__all__ = [
    "CallerId",
    "LookupInfo",
    "fold_place",
    "normalize_caller_id",
    "parse_attestation",
    "parse_caller_id",
    "parse_lookup",
]

_log = logging.getLogger(__name__)

Kind = Literal["number", "blocked", "invalid"]


@dataclass(frozen=True, slots=True)
class CallerId:
    """A caller ID after clean-up.

    Attributes:
        kind: ``"number"`` (digits to read), ``"blocked"`` (withheld) or
            ``"invalid"`` (nothing that could be a number).
        dial: Digits with an optional leading ``+`` (empty unless a number).
        extension: Extension digits, or None.
        verstat: A ``verstat=`` parameter found in the caller ID, or None.
        reason: Short, value-free reason for blocked/invalid (for the evidence).
        cleaned: The cleaned text (used by :func:`normalize_caller_id` for junk).
    """

    kind: Kind
    dial: str = ""
    extension: str | None = None
    verstat: str | None = None
    reason: str = ""
    cleaned: str = ""


# Characters removed outright: format characters (bidi marks, zero-width joiners,
# BOM, soft hyphen) are category Cf; control characters are Cc.
_DROP_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cs", "Cn"})
_WS = re.compile(r"\s+")
_FAST_OK = re.compile(r"[+0-9 ()./-]{3,40}")
_VERSTAT = re.compile(r"[;?&]?\s*verstat\s*=\s*([A-Za-z0-9-]*)", re.IGNORECASE)
_SIP = re.compile(r"(?i)(?<![a-z])(sips?):\s*([^\s<>\"]+)")
_TEL = re.compile(r"(?i)(?<![a-z])(tel)\s*:\s*([^<>\"]+)")
_DISPLAY = re.compile(r'^\s*"?([^"<]*)"?\s*<')
_LABEL = re.compile(
    r"(?i)^(?:"
    r"caller[\s_-]*id(?:\s*number)?|cid|clid|cli|ani|"
    r"(?:tele)?phone(?:\s*(?:number|no\.?|num|#))?|ph|tel(?:ephone)?|"
    r"mobile|cell(?:\s*phone)?|number|no\.|num|from|"
    r"call(?:back)?(?:\s*number)?|call(?:ed)?\s+from|incoming(?:\s+call)?(?:\s+from)?"
    r")\s*(?:[:#=]|-(?=\s)|\.(?=\s))\s*"
)
_EXT = re.compile(
    r"(?i)(?:;\s*ext\s*=\s*|\s*(?:extension|ext\.?|ex\.?|x|#|,+|;)\s*[:.]?\s*)"
    rf"(\d{{1,{_rules.MAX_EXTENSION_DIGITS}}})\s*#?\s*$"
)
_NUMBER_CHARS = re.compile(r"^\+?[0-9\s().\-/\[\]\u2010-\u2015\u2212]*$")
_VANITY = re.compile(r"^\+?[0-9][0-9\s().\-]*[A-Za-z][A-Za-z0-9\s().\-]*$")
_RUN = re.compile(r"\+?\(?\d[\d\s().\-\u2010-\u2015]*\d")
_MIN_RUN_DIGITS = 7
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
_URI_PARAM = re.compile(r";\s*([A-Za-z-]+)\s*=\s*([^;]*)")


def _fold_word(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def _clean(text: str) -> str:
    """NFKC, Unicode digits to ASCII, format marks dropped, whitespace collapsed."""
    if text.isascii() and _FAST_OK.fullmatch(text):
        return text.strip()
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        if unicodedata.category(ch) in _DROP_CATEGORIES:
            continue
        d = unicodedata.decimal(ch, None)
        if d is not None:
            out.append(str(d))
        elif ch.isspace():
            out.append(" ")
        else:
            out.append(ch)
    cleaned = "".join(out)
    # ASCII control characters other than whitespace are noise too.
    cleaned = "".join(c for c in cleaned if c.isprintable() or c.isspace())
    return _WS.sub(" ", cleaned).strip()


def _vanity(text: str) -> bool:
    """Return whether ``text`` looks like a vanity number ("1-800-FLOWERS")."""
    if not _VANITY.match(text):
        return False
    first = next(i for i, c in enumerate(text) if c.isalpha())
    letters = sum(c.isalpha() for c in text)
    alnum = sum(c.isalnum() for c in text)
    return (
        sum(c.isdigit() for c in text[:first]) >= 3
        and letters <= 7
        and 7 <= alnum <= 15
    )


def _withheld(text: str) -> bool:
    return _fold_word(text) in _rules.WITHHELD


def _strip_label(text: str) -> str:
    # Labels may be stacked ("Caller ID: Phone: ..."); strip a few at most.
    for _ in range(3):
        new = _LABEL.sub("", text, count=1)
        if new == text:
            break
        text = new.strip()
    return text


def _from_uri(scheme: str, body: str, before: str) -> tuple[str, str | None] | CallerId:
    """Return ``(number text, extension)`` from a URI, or a blocked/invalid result."""
    body = unquote(body)
    ext: str | None = None
    if scheme.lower() == "tel":
        user, _, params = body.partition(";")
        host = ""
    else:
        user, at, host = body.partition("@")
        if not at:  # "sip:host" without a user part
            user, host = "", body
        user, _, params = user.partition(";")
        host = host.partition(";")[0].partition(":")[0].casefold()
    for key, value in _URI_PARAM.findall(";" + params):
        if key.casefold() == "ext" and value.strip().isdigit():
            ext = value.strip()
    if user.casefold() in _rules.SIP_WITHHELD_USERS or _withheld(user):
        return CallerId("blocked", reason="SIP anonymous URI")
    if host in _rules.SIP_WITHHELD_HOSTS:
        return CallerId("blocked", reason="SIP anonymous URI")
    if not any(c.isdigit() for c in user):
        display = _DISPLAY.match(before)
        if display and _withheld(display.group(1)):
            return CallerId("blocked", reason="withheld display name")
        return CallerId("invalid", reason="URI user part is not a number")
    return user, ext


def parse_caller_id(raw: object) -> CallerId:
    """Clean a caller ID as recorded and classify it (never raises).

    Args:
        raw: What the intake system or a person recorded; any object.

    Returns:
        A :class:`CallerId`. ``None``, empty text and the withheld words
        (Anonymous, Private, Restricted, P, O, ...) are ``"blocked"``; non-text and
        text that cannot hold a number are ``"invalid"``.
    """
    if raw is None:
        return CallerId("blocked", reason="no caller ID")
    if not isinstance(raw, str):
        return CallerId("invalid", reason=f"not text ({type(raw).__name__})")
    if len(raw) > _rules.MAX_RAW_CHARS:
        return CallerId("invalid", reason="longer than any caller ID")
    text = _clean(raw)
    verstat: str | None = None
    if "verstat" in text.casefold():
        m = _VERSTAT.search(text)
        if m:
            verstat = m.group(1) or None
            text = (text[: m.start()] + text[m.end() :]).strip()
    result = _classify(text)
    if verstat is not None:
        return CallerId(
            result.kind,
            result.dial,
            result.extension,
            verstat,
            result.reason,
            result.cleaned,
        )
    return result


def _classify(text: str) -> CallerId:
    if not text or all(unicodedata.category(c)[0] in "PZ" for c in text):
        return CallerId("blocked", reason="no caller ID shown", cleaned="")
    if not any(c.isalnum() for c in text):
        return CallerId("invalid", reason="no digits", cleaned=text)
    if _withheld(text):
        return CallerId("blocked", reason="shown as a withheld marker", cleaned=text)
    ext: str | None = None
    uri = _SIP.search(text) or _TEL.search(text)
    if uri:
        got = _from_uri(uri.group(1), uri.group(2), text[: uri.start()])
        if isinstance(got, CallerId):
            return CallerId(got.kind, reason=got.reason, cleaned=text)
        number, ext = got
    else:
        number = _strip_label(text)
        if not number or _withheld(number):
            return CallerId(
                "blocked", reason="shown as a withheld marker", cleaned=text
            )
    m = _EXT.search(number)
    if m and any(c.isdigit() for c in number[: m.start()]):
        ext = m.group(1)
        number = number[: m.start()].strip()
    if not _NUMBER_CHARS.match(number):
        if _vanity(number):
            number = number.upper().translate(_KEYPAD)
        else:
            # A display name beside the number ("CHICAGO IL 312-555-1234",
            # "WIRELESS CALLER (312) 555-1234"): read the first number-like run.
            run = _RUN.search(number)
            if run is None or sum(c.isdigit() for c in run.group()) < _MIN_RUN_DIGITS:
                return CallerId("invalid", reason="not a phone number", cleaned=text)
            number = run.group()
    digits = "".join(c for c in number if c.isdigit())
    if not digits:
        return CallerId("invalid", reason="no digits", cleaned=text)
    if len(digits) > _rules.MAX_DIGITS:
        return CallerId("invalid", reason="too many digits", cleaned=text)
    plus = "+" if number.lstrip().startswith("+") else ""
    if digits in _rules.WITHHELD:  # keypad spelling of ANONYMOUS
        return CallerId("blocked", reason="shown as a withheld marker", cleaned=text)
    return CallerId("number", plus + digits, ext, cleaned=text)


def normalize_caller_id(caller_id: str | None) -> str:
    """Return a caller ID in one canonical written form.

    Numbers become their digits with an optional leading ``+`` and
    ``;ext=N`` for an extension (``"(312) 555-0100 x12"`` ->
    ``"3125550100;ext=12"``; no country code is added). Withheld IDs (None,
    empty, Anonymous, Private, P, SIP anonymous...) become ``"anonymous"``. Text
    that holds no number comes back cleaned (Unicode-folded, marks removed,
    whitespace collapsed). Idempotent: ``normalize_caller_id(normalize_caller_id(x))
    == normalize_caller_id(x)``. A ``verstat=`` parameter is dropped.

    Args:
        caller_id: The caller ID as recorded, or None.

    Returns:
        The canonical form.

    Raises:
        TypeError: If ``caller_id`` is neither a string nor None.
    """
    if caller_id is not None and not isinstance(caller_id, str):
        raise TypeError(
            f"caller_id: expected str or None, got {type(caller_id).__name__}"
        )
    parsed = parse_caller_id(caller_id)
    if parsed.kind == "blocked":
        return "anonymous"
    if parsed.kind == "number":
        if parsed.extension:
            return f"{parsed.dial};ext={parsed.extension}"
        return parsed.dial
    return parsed.cleaned


# --- STIR/SHAKEN ------------------------------------------------------------------

_VERSTAT_VALUE = re.compile(
    r"(?i)^(?:verstat\s*=\s*)?(tn-validation-(passed|failed)(?:-([abc]))?|no-tn-validation)$"
)


@dataclass(frozen=True, slots=True)
class Attestation:
    """STIR/SHAKEN outcome.

    Attributes:
        level: ``"A"``, ``"B"``, ``"C"``, or None when not stated.
        status: ``"passed"``, ``"failed"``, ``"unsigned"`` or ``"level"`` (only a
            level was given, no verification result).
        text: A short, canonical label for the evidence.
    """

    level: str | None
    status: str
    text: str


def parse_attestation(value: object) -> Attestation | None:
    """Read an attestation level or verstat string; None when unrecognised."""
    if not isinstance(value, str) or len(value) > 256:
        return None
    text = _WS.sub("", unicodedata.normalize("NFKC", value)).strip()
    m = _VERSTAT_VALUE.match(text)
    if m:
        if m.group(1).casefold() == "no-tn-validation":
            return Attestation(None, "unsigned", "No-TN-Validation")
        status = m.group(2).casefold()
        level = m.group(3).upper() if m.group(3) else None
        label = f"TN-Validation-{status.capitalize()}" + (f"-{level}" if level else "")
        return Attestation(level, status, label)
    word = _rules.ATTESTATION_WORDS.get(_fold_word(text))
    if word is None:
        return None
    if word == "none":
        return Attestation(None, "unsigned", "no attestation")
    return Attestation(word, "level", f"attestation {word}")


# --- carrier lookups ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LookupInfo:
    """What a carrier lookup service said.

    Attributes:
        line_type: Our class (``"voip"``, ``"mobile"``, ``"fixed"``...), or None.
        raw_type: The service's own word for it (short, for the evidence).
        carrier: Carrier name, if given.
        source: Name of the service, if given.
    """

    line_type: str | None
    raw_type: str | None
    carrier: str | None
    source: str | None


def _short(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return _WS.sub(" ", value.strip())[:60]
    return None


def parse_lookup(value: object) -> LookupInfo | None:
    """Read a carrier lookup response (a mapping, nested or flat, or a line type).

    Accepts Twilio Lookup v2 (``{"line_type_intelligence": {"type":
    "nonFixedVoip", "carrier_name": ...}}``), v1 (``{"carrier": {"type":
    "voip", "name": ...}}``), flat dicts (``{"line_type": "mobile", "carrier":
    ..., "source": ...}``) or a bare string (``"nonFixedVoip"``). Junk gives None.
    """
    if isinstance(value, str):
        key = _fold_word(value)
        lt = _rules.LOOKUP_LINE_TYPES.get(key)
        return LookupInfo(lt, _short(value), None, None) if lt else None
    if not isinstance(value, Mapping):
        return None
    line_type: str | None = None
    raw_type: str | None = None
    carrier: str | None = None
    source: str | None = None
    stack: list[tuple[Mapping[object, object], int]] = [(value, 0)]
    seen = 0
    while stack and seen < 64:
        node, depth = stack.pop(0)
        seen += 1
        try:
            items = list(node.items())[:100]
        except Exception:  # a broken mapping is junk, not an error
            _log.debug("lookup: unreadable mapping skipped")
            continue
        for k, v in items:
            if not isinstance(k, str):
                continue
            fk = _fold_word(k)
            if isinstance(v, Mapping):
                if depth < 3:
                    stack.append((v, depth + 1))
                continue
            if (
                line_type is None
                and fk in _rules.LOOKUP_TYPE_KEYS
                and isinstance(v, str)
            ):
                lt = _rules.LOOKUP_LINE_TYPES.get(_fold_word(v))
                if lt is not None:
                    line_type, raw_type = lt, _short(v)
            elif carrier is None and fk in _rules.LOOKUP_CARRIER_KEYS:
                carrier = _short(v)
            elif source is None and fk in _rules.LOOKUP_SOURCE_KEYS:
                source = _short(v)
    if line_type is None and carrier is None:
        return None
    return LookupInfo(line_type, raw_type, carrier, source)


# --- places ------------------------------------------------------------------------------

_PLACE_SPLIT = re.compile(r"[^0-9a-z]+")


def fold_place(name: str) -> tuple[str, str]:
    """Fold a place name for comparison.

    Case, accents and punctuation are folded; apostrophes vanish ("O'Hare" ->
    "ohare"); abbreviations are spelled out (St -> street, N -> north; a leading
    "St" before another word is "saint").

    Args:
        name: A street, building or room as written or heard.

    Returns:
        ``(folded, core)``: the full folded name, and the name without generic
        words (street types, directions, "the"), which is what identifies it.
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "")
    words = [w for w in _PLACE_SPLIT.split(text) if w]
    out: list[str] = []
    for i, w in enumerate(words):
        if w == "st" and i == 0 and len(words) > 1:
            out.append("saint")
        elif i > 0 and i == len(words) - 1 and (typo := _misspelt_street_type(w)):
            # "Mapple Stret": a call taker's spelling of the street type must not
            # make the type part of the name being compared.
            out.append(typo)
        else:
            out.extend(_rules.PLACE_ABBREVIATIONS.get(w, w).split())
    folded = " ".join(out)
    core = " ".join(w for w in out if w not in _rules.PLACE_GENERIC)
    return folded, core or folded


def _misspelt_street_type(word: str) -> str | None:
    """The long street type ``word`` misspells by one edit ("stret"), else None."""
    if len(word) < _rules.MISSPELT_TYPE_MIN_CHARS or word in _rules.STREET_TYPES:
        return None
    for kind in _rules.STREET_TYPES:
        if len(kind) >= _rules.MISSPELT_TYPE_MIN_CHARS + 1 and _one_edit(word, kind):
            return kind
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one edit (with transpositions)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True  # one substitution
        return (
            i + 1 < len(a)
            and a[i] == b[i + 1]
            and a[i + 1] == b[i]
            and a[i + 2 :] == b[i + 2 :]
        )
    return a[i:] == b[i + 1 :]  # one insertion
