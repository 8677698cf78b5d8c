"""Input clean-up for the imminence analyzer.

Two views of the same message are used:

* :func:`marker_text` folds obfuscation (homoglyphs, zero-width characters,
  leetspeak, spaced letters) with :func:`threatsignals.text.normalize` when that is
  installed, or with the small fallback below. Marker spans point into this text.
* :func:`time_text` is a lighter fold for the time extractor: digits must stay
  digits ("10am" is a time, not leetspeak), so only Unicode compatibility forms,
  zero-width characters, homoglyphs and case are folded.

Both are pure functions and idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from threatsignals.imminence._rules import EMOJI_WORDS

__all__ = ["marker_text", "time_text", "tokenize"]

# Zero-width and other invisible format characters used to break up words.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff]"
)
# Cyrillic and Greek letters that look like Latin ones (after case folding).
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "з": "3",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ɡ": "g",
        "ı": "i",
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        "ς": "s",
        "σ": "o",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
    }
)
# Leetspeak digits and symbols, applied only inside tokens that also hold letters.
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "+": "t",
    }
)
# Candidate obfuscated tokens: letters, digits and leet symbols; "!" and "|" only
# when a letter or digit follows, so sentence punctuation survives.
_MIXED = re.compile(r"(?:[a-z0-9@$+]|[!|](?=[a-z0-9]))+")
_HAS_LETTER = re.compile(r"[a-z]")
_HAS_LEET = re.compile(r"[0-9@$!|+]")
# Tokens that are numbers or times, never leetspeak ("10am", "3rd", "2:45", "9mm").
_NUMERIC = re.compile(r"\d+(?:am|pm|st|nd|rd|th|s|h|hr|hrs|min|mm|k)?")
# Runs of single letters separated by single spaces: "l a s t" -> "last".
# Model names that mix letters and digits on purpose ("ar15", "ak47", "m16").
_MODEL = re.compile(r"ar15|ak47|ak74|m16|m4|m4a1|g17|g19|mp5|m1911|sks|ar10")
_SPACED = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b")
_WORD = re.compile(r"[a-z0-9][a-z0-9']*")
# Weapon emoji read as words (" gun "), see ``_rules.EMOJI_WORDS``.
_EMOJI = str.maketrans({k: f" {v} " for k, v in EMOJI_WORDS.items()})


def _leet_token(match: re.Match[str]) -> str:
    tok = match.group(0)
    if not _HAS_LETTER.search(tok) or not _HAS_LEET.search(tok):
        return tok
    if _NUMERIC.fullmatch(tok) or _MODEL.fullmatch(tok):
        return tok
    return tok.translate(_LEET)


def _fallback_normalize(text: str) -> str:
    """Fold obfuscation when ``threatsignals.text.normalize`` is not installed."""
    out = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    out = out.translate(_HOMOGLYPHS)
    out = _MIXED.sub(_leet_token, out)
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), out)


def _shared_normalize() -> Callable[[str], str] | None:
    try:
        from threatsignals.text import normalize
    except ImportError:
        return None
    return normalize if callable(normalize) else None


def marker_text(text: str) -> str:
    """Return the folded text that imminence markers are matched on.

    Uses :func:`threatsignals.text.normalize` (the library's shared folding) when
    it is available, then case-folds and maps apostrophe look-alikes so the
    tokenizer sees plain ``'``. Marker spans are offsets into this string.

    Args:
        text: The message as received.

    Raises:
        TypeError: If ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    shared = _shared_normalize()
    text = text.translate(_EMOJI)  # before folding, which may drop emoji
    folded = shared(text) if shared is not None else _fallback_normalize(text)
    folded = _INVISIBLE.sub("", folded).casefold().translate(_HOMOGLYPHS)
    # Short leet tokens the shared fold may leave ("n0", "t0") are folded here.
    return _MIXED.sub(_leet_token, folded)


def time_text(text: str) -> str:
    """Return the lightly folded text the time extractor reads.

    Unicode compatibility forms (full-width digits), invisible characters,
    homoglyphs and case are folded; digits stay digits; ``a.m.``/``p.m.`` become
    ``am``/``pm`` (the replacement keeps the length, so offsets stay close).

    Args:
        text: The message as received.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    out = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    out = out.translate(_HOMOGLYPHS)
    return out.replace("a.m.", "am  ").replace("p.m.", "pm  ")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split folded text into ``(word, start, end)``; apostrophes are dropped.

    Args:
        text: Output of :func:`marker_text` or :func:`time_text`.
    """
    return [
        (m.group(0).replace("'", ""), m.start(), m.end()) for m in _WORD.finditer(text)
    ]
