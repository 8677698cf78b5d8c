"""Text clean-up: :func:`normalize` (fold obfuscation, keep sentence structure).

Steps, in order (all linear in the length of the input):

1. **Per-character folding** (cached per distinct character, iterated to a fixed
   point): a small confusables table (Unicode TR39 skeleton idea: Cyrillic, Greek,
   Armenian and small-capital look-alikes, dashes, quote marks), then NFKD
   (compatibility forms: full-width, mathematical alphanumerics, ligatures,
   ``…`` -> ``...``), then casefolding, then the table again. Combining marks
   (accents), format characters (zero-width, bidi controls, soft hyphen, word
   joiner), variation selectors and control characters other than line breaks are
   removed. Letters with no decomposition that carry a stroke (``ø ł đ ħ``) and
   ligatures (``æ œ``) are spelled out.
2. **Character classes**: letters and digits of any script survive; so do the
   punctuation marks ``. , ? ! ' " : ; - / @ # $ % &`` (all quote variants are
   folded to ``'`` or ``"``, all dashes to ``-``). Every other character (emoji,
   symbols, brackets, ``* _ = + < > | ~ ^``) becomes a space. Whitespace collapses
   to one space; line breaks are kept (one newline between non-empty lines).
   Whitespace-delimited chunks that look like URLs or e-mail addresses keep all
   their printable ASCII characters and are never leet-folded.
3. **Punctuation runs**: ``!!!`` -> ``!``, ``???`` -> ``?`` (same for ``, ; : -``),
   two or more dots -> ``...``.
4. **Spaced letters**: three or more single characters separated by single spaces,
   dots or dashes, at least two of them letters (``b o m b``, ``b.o.m.b``,
   ``s-h-o-o-t``) are joined.
5. **Leetspeak** inside mixed letter/digit tokens (``b0mb`` -> ``bomb``,
   ``sh00t`` -> ``shoot``, ``k!ll`` -> ``kill``, ``$chool`` -> ``school``,
   ``bl@st`` -> ``blast``). Left alone: pure numbers, numbers with a short unit or
   ordinal (``3pm``, ``10am``, ``2nd``, ``5k``), short prefixes with numbers
   (``b12``, ``rm204``), tokens with digits 2, 6 or 9, tokens of 20+ characters
   (ids, wallet addresses), and ``@handles``.
6. **Wrappers**: forwarding markers (``- forwarded message -``,
   ``begin forwarded message:``, ``- original message -``) and repost prefixes
   (``rt @user:``) are put on their own line, and a line that starts with a header
   key (``from: to: sent: date: subject: cc:``) is split before each further header
   key, so that :func:`split_wrapper` can separate the wrapper from the body.

The result is idempotent: ``normalize(normalize(x)) == normalize(x)``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

__all__ = ["normalize", "split_wrapper"]

# ---------------------------------------------------------------------------
# step 1: per-character folding

#: Look-alike characters folded to ASCII (a TR39-style skeleton, much reduced:
#: the characters seen in obfuscated threats and spam). Checked before NFKD and
#: casefolding, so capitals map by their own shape (Greek Eta looks like "h").
# fmt: off
_CONFUSABLES: dict[str, str] = {
    # Cyrillic capitals and small letters that look Latin
    "А": "a", "а": "a", "В": "b", "в": "b", "Е": "e", "е": "e", "К": "k",
    "к": "k", "М": "m", "м": "m", "Н": "h", "н": "h", "О": "o", "о": "o",
    "Р": "p", "р": "p", "С": "c", "с": "c", "Т": "t", "т": "t", "У": "y",
    "у": "y", "Х": "x", "х": "x", "Ѕ": "s", "ѕ": "s", "І": "i", "і": "i",
    "Ј": "j", "ј": "j", "Ԁ": "d", "ԁ": "d", "Ԛ": "q", "ԛ": "q", "Ԝ": "w",
    "ԝ": "w", "Ү": "y", "ү": "y", "Һ": "h", "һ": "h", "Ӏ": "l", "ӏ": "l",
    "Ь": "b", "ь": "b", "п": "n", "г": "r", "Ғ": "f", "ғ": "f",
    # Greek
    "Α": "a", "α": "a", "Β": "b", "β": "b", "Ε": "e", "ε": "e", "Ζ": "z",
    "Η": "h", "η": "n", "Ι": "i", "ι": "i", "Κ": "k", "κ": "k", "Μ": "m",
    "Ν": "n", "ν": "v", "Ο": "o", "ο": "o", "Ρ": "p", "ρ": "p", "Τ": "t",
    "τ": "t", "Υ": "y", "υ": "u", "Χ": "x", "χ": "x", "ϲ": "c", "Ϲ": "c",
    "ς": "c", "ω": "w", "ϳ": "j",
    # Armenian
    "օ": "o", "ս": "u", "ո": "n", "հ": "h", "ց": "g", "զ": "q",
    # Latin look-alikes and small capitals
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i", "ɡ": "g", "ʟ": "l", "ɢ": "g",
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ʜ": "h",
    "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p",
    "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y",
    "ᴢ": "z",
    # letters without a decomposition: spell out
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h",
    "Ħ": "h", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
    "ð": "d", "Ð": "d", "ŧ": "t", "ƀ": "b", "ɨ": "i",
    # quote marks and apostrophes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u00b4": "'", "`": "'", "\u02bc": "'", "\u02b9": "'", "\u2039": "'",
    "\u203a": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u02ba": '"', "\u3003": '"',
    # dashes and minus signs
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
}
# fmt: on

#: Punctuation that survives (outside URL and e-mail chunks).
_KEEP_PUNCT = frozenset(".,?!'\":;-/@#$%&")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_DROP_CATEGORIES = frozenset({"Mn", "Me", "Cf"})

_FOLD_CACHE: dict[str, str] = {}


def _step(c: str) -> str:
    """One folding step for one character (returns a string)."""
    mapped = _CONFUSABLES.get(c)
    if mapped is not None:
        return mapped
    if c in _LINE_BREAKS:
        return "\n"
    if c.isspace():
        return " "
    cat = unicodedata.category(c)
    if cat in _DROP_CATEGORIES or cat == "Cc":
        return ""
    if 0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF:
        return ""  # variation selectors (also Mn, kept explicit)
    decomposed = unicodedata.normalize("NFKD", c)
    if decomposed != c:
        return decomposed
    folded = c.casefold()
    if folded != c:
        return folded
    return c


def _fold_char(c: str) -> str:
    """Fold one character to its fixed point under :func:`_step`."""
    hit = _FOLD_CACHE.get(c)
    if hit is not None:
        return hit
    s = c
    for _ in range(8):
        t = "".join(_step(x) for x in s)
        if t == s:
            break
        s = t
    else:  # pragma: no cover - no Unicode character needs this many steps
        s = "".join(x for x in s if x.isalnum() or x in " \n")
    if len(_FOLD_CACHE) < 200_000:
        _FOLD_CACHE[c] = s
    return s


def _class_char(c: str) -> str:
    """Map a folded character to itself (kept) or a space."""
    if c.isalnum() or c in _KEEP_PUNCT or c == " ":
        return c
    return " "


class _ClassMap(dict[int, str]):
    """``str.translate`` table computed lazily: survivors kept, others to space."""

    def __missing__(self, key: int) -> str:
        value = _class_char(chr(key))
        self[key] = value
        return value


_CLASS_MAP = _ClassMap()

# ---------------------------------------------------------------------------
# steps 2-5: chunks and tokens

_URL_PREFIXES = ("http://", "https://", "www.", "hxxp://", "hxxps://")
_ASCII_PRINTABLE = frozenset(chr(i) for i in range(33, 127))

_PUNCT_RUN = re.compile(r"([!?,;:\-])\1+|\.{2,}")
_ASCII_RUN = re.compile(r"[a-z0-9@$!]+")
_SPACED = re.compile(r"(?:[^\W_][.\-]){2,}[^\W_]\.?")
#: digits then a short unit or ordinal (3pm, 10am, 2nd, 5k) - not leet
_UNIT = re.compile(r"\d+[a-z]{1,3}")
#: short letter prefix then digits (b12, rm204) - not leet
_PREFIXED_NUMBER = re.compile(r"[a-z]{1,3}\d+")

#: Leetspeak substitutions used inside mixed tokens only.
_LEET = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "8": "b",
    "@": "a",
    "$": "s",
    "!": "i",
}
_NOT_LEET_DIGITS = frozenset("269")
_MAX_LEET_TOKEN = 19


def _is_url_or_email(chunk: str) -> bool:
    if chunk.startswith(_URL_PREFIXES):
        return True
    at = chunk.find("@")
    if at <= 0:
        return False
    dot = chunk.find(".", at + 2)
    return 0 < dot < len(chunk) - 1


def _leet_token(tok: str) -> str:
    """Fold leetspeak in one ASCII run of ``[a-z0-9@$!]``."""
    if len(tok) > _MAX_LEET_TOKEN or len(tok) < 2:
        return tok
    has_letter = has_leet = False
    for ch in tok:
        if "a" <= ch <= "z":
            has_letter = True
        elif ch in _NOT_LEET_DIGITS:
            return tok
        else:
            has_leet = True
    if not (has_letter and has_leet):
        return tok
    core_start = 0
    core_end = len(tok)
    # keep a leading @ or # (handles) and leading/trailing "!" (sentence marks)
    while core_start < core_end and tok[core_start] in "@!":
        core_start += 1
    while core_end > core_start and tok[core_end - 1] == "!":
        core_end -= 1
    core = tok[core_start:core_end]
    if not core or _UNIT.fullmatch(core) or _PREFIXED_NUMBER.fullmatch(core):
        return tok
    if core.isdigit() or not any("a" <= ch <= "z" for ch in core):
        return tok
    folded = "".join(_LEET.get(ch, ch) for ch in core)
    return tok[:core_start] + folded + tok[core_end:]


def _leet(sub: str) -> str:
    if not any(ch in _LEET for ch in sub):
        return sub
    return _ASCII_RUN.sub(lambda m: _leet_token(m.group(0)), sub)


def _single(tok: str) -> bool:
    return len(tok) == 1 and tok.isalnum()


def _single_tail(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isalnum() and tok[1] in ".,!?;:"


def _collapse_spaced(tokens: list[str]) -> list[str]:
    """Join runs of >= 3 single characters (>= 2 of them letters)."""
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        if _single(tokens[i]):
            j = i
            while j < n and _single(tokens[j]):
                j += 1
            end = j + 1 if j < n and _single_tail(tokens[j]) else j
            run = tokens[i:end]
            letters = sum(1 for t in run if t[0].isalpha())
            if len(run) >= 3 and letters >= 2:
                out.append("".join(run))
                i = end
                continue
            out.extend(tokens[i:j])
            i = j
            continue
        tok = tokens[i]
        if _SPACED.fullmatch(tok):
            body = tok[:-1] if tok.endswith(".") and len(tok) % 2 == 0 else tok
            chars = body[0::2]
            if sum(1 for ch in chars if ch.isalpha()) >= 2:
                tok = chars + tok[len(body) :]
        out.append(tok)
        i += 1
    return out


# ---------------------------------------------------------------------------
# step 6: wrappers

_FORWARD_MARKERS = (
    "- forwarded message -",
    "begin forwarded message:",
    "- original message -",
)
#: Forwarding markers at token boundaries, with or without spaces inside the dashes.
_MARKER_RE = re.compile(
    r"(?<![^ ])(?:-+ ?(forwarded|original) message ?-+|(begin) forwarded message:)(?![^ ])"
)
_HEADER_KEYS = ("from:", "to:", "sent:", "date:", "subject:", "cc:")
_HEADER_SPLIT = re.compile(r" (?=(?:from|to|sent|date|subject|cc): )")
_RT_PREFIX = re.compile(r"rt @[^ ]+:? ")
_RT_ONLY = re.compile(r"rt @[^ ]+:?")
_REPOST_PREFIX = re.compile(r"(?:fwd?|fw):(?: (?:fwd?|fw):)* ")


def _split_line(line: str) -> list[str]:
    """Put forwarding markers, repost prefixes and header keys on their own lines."""
    cuts: set[int] = set()
    canonical: dict[tuple[int, int], str] = {}
    for mk in _MARKER_RE.finditer(line):
        cuts.add(mk.start())
        cuts.add(mk.end())
        canonical[mk.start(), mk.end()] = (
            "begin forwarded message:" if mk.group(2) else f"- {mk.group(1)} message -"
        )
    if cuts:
        bounds = sorted({0, *cuts, len(line)})
        pieces = [
            canonical.get((a, b), line[a:b]).strip()
            for a, b in itertools.pairwise(bounds)
        ]
    else:
        pieces = [line]
    out: list[str] = []
    for piece in pieces:
        at = 0
        m: re.Match[str] | None = _RT_PREFIX.match(piece)
        while m is not None and m.end() < len(piece):
            out.append(piece[at : m.end()].rstrip())
            at = m.end()
            m = _RT_PREFIX.match(piece, at)
        piece = piece[at:]
        if piece.startswith(_HEADER_KEYS):
            out.extend(p.strip() for p in _HEADER_SPLIT.split(piece))
        else:
            out.append(piece)
    return [p for p in out if p]


# ---------------------------------------------------------------------------
# public


def _punct_run(m: re.Match[str]) -> str:
    return "..." if m.group(0)[0] == "." else m.group(1)


def _line(line: str) -> list[str]:
    chunks = line.split()
    if not chunks:
        return []
    protected: set[int] = set()
    tokens: list[str] = []
    for chunk in chunks:
        if _is_url_or_email(chunk) and all(c in _ASCII_PRINTABLE for c in chunk):
            protected.add(len(tokens))
            tokens.append(chunk)
            continue
        mapped = _PUNCT_RUN.sub(_punct_run, chunk.translate(_CLASS_MAP))
        tokens.extend(mapped.split())
    if protected:
        # URL/e-mail tokens bypass spaced-letter joining and leet folding
        out: list[str] = []
        segment: list[str] = []
        for idx, tok in enumerate(tokens):
            if idx in protected:
                out.extend(_leet(t) for t in _collapse_spaced(segment))
                segment = []
                out.append(tok)
            else:
                segment.append(tok)
        out.extend(_leet(t) for t in _collapse_spaced(segment))
    else:
        out = [_leet(t) for t in _collapse_spaced(tokens)]
    joined = " ".join(out)
    return _split_line(joined) if joined else []


def normalize(text: str) -> str:
    """Fold a message to a canonical form that defeats cheap obfuscation.

    Confusables, compatibility forms, accents, case, format characters
    (zero-width, bidi, soft hyphen, variation selectors), leetspeak inside mixed
    tokens, spaced-out letters and emoji are folded away; words, sentence
    punctuation (``. , ? ! ' " : ; -`` and ``/ @ # $ % &``) and line breaks are
    kept, and forwarding headers are put on lines of their own. See the module
    docstring for each step.

    Args:
        text: Any string (empty and hostile input included).

    Returns:
        The normalised text: lines separated by a newline, words by one space,
        no leading or trailing whitespace. Idempotent.

    Raises:
        TypeError: ``text`` is not a string.

    Example:
        >>> normalize("I wіll b0mb  ＬＩＮＣＯＬＮ High!!! 🙂")
        'i will bomb lincoln high!'
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if not text:
        return ""
    folded = "".join(map(_fold_char, text))
    lines: list[str] = []
    for raw in folded.split("\n"):
        lines.extend(_line(raw))
    return "\n".join(lines)


def split_wrapper(normalized: str) -> tuple[str, tuple[str, ...]]:
    """Separate forwarding headers and repost prefixes from the message body.

    Args:
        normalized: Output of :func:`normalize`.

    Returns:
        ``(body, wrapper_lines)``: the body lines joined with newlines, and the
        lines (or line prefixes) recognised as forwarding or repost wrapper.
    """
    body: list[str] = []
    wrapper: list[str] = []
    for line in normalized.split("\n"):
        if line in _FORWARD_MARKERS or line.startswith(_HEADER_KEYS):
            wrapper.append(line)
            continue
        if _RT_ONLY.fullmatch(line) is not None:
            wrapper.append(line)
            continue
        m = _RT_PREFIX.match(line)
        if m is not None:
            wrapper.append(line[: m.end()].strip())
            line = line[m.end() :]
        m = _REPOST_PREFIX.match(line)
        if m is not None:
            wrapper.append(line[: m.end()].strip())
            line = line[m.end() :]
        if line:
            body.append(line)
    return "\n".join(body), tuple(wrapper)
