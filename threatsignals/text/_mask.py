"""Slot masking: turn a normalised message into its template.

Waves keep a fixed skeleton and swap the slots. Masking replaces each slot with a
placeholder so that two instances of one template compare as (nearly) equal:

- ``<school>``: the school's name and aliases (fuzzy, for misspellings) and generic
  school or district names ("oak ridge high school", "maple isd");
- ``<place>``: the school's places (fuzzy) and generic street names ("elm street");
- ``<person>``: the school's people (fuzzy), a title and a name ("ms rivera",
  "coach dale"), and common first names (with the following surname);
- ``<num>``: numbers, dates, weekday and month names, times, phone numbers,
  amounts, room numbers, ordinals (one placeholder: "on 5/12" and "on Tuesday"
  are the same slot);
- ``<url>``, ``<email>``, ``<handle>``, ``<id>`` (long ids and wallet addresses).

Punctuation is dropped from the masked text, and runs of the same placeholder
collapse to one. Everything here is linear in the number of words except the
fuzzy name search, which is bounded by :data:`_rules.MAX_COMPARE_CHARS`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from threatsignals.text import _rules as rules
from threatsignals.text._normalize import normalize, split_wrapper

if TYPE_CHECKING:
    from threatsignals.model import School

__all__ = [
    "NameHit",
    "Names",
    "expand_text",
    "mask",
    "mask_words",
    "names_for",
    "words",
]

_EDGE_PUNCT = ".,?!'\":;-/&%#()"
_URL_TLDS = (
    ".com",
    ".org",
    ".net",
    ".edu",
    ".gov",
    ".io",
    ".ly",
    ".co",
    ".us",
    ".info",
)
_NUMBERISH = re.compile(
    r"[$#]?\d[\d:/.,\-]*(?:st|nd|rd|th|am|pm|a|p|k|m|s|h|hrs?|mins?|x)?\$?"
)
_MIXED_ID = re.compile(r"[a-z]{0,4}\d+[a-z]?")
_ID_MIN = 16

PLACEHOLDERS = frozenset(
    {
        "<school>",
        "<place>",
        "<person>",
        "<num>",
        "<url>",
        "<email>",
        "<handle>",
        "<id>",
        "<tag>",
    }
)

#: Relative day words (and their text-speak spellings): a slot like a weekday.
_RELATIVE_DAYS = frozenset(
    [
        "today",
        "todays",
        "tonight",
        "tonite",
        "tomorrow",
        "tomorrows",
        "tmrw",
        "tmr",
        "tmrrw",
        "tmrow",
        "tmw",
        "2morrow",
        "2moro",
        "2mrw",
        "tomorow",
        "tommorow",
        "tommorrow",
        "yesterday",
    ]
)

#: Contractions and text-speak expanded before comparison, so that "theres a
#: shooter coming tmrw dont come" and "there is a shooter coming tomorrow, do not
#: come" share their words. Only unambiguous forms ("its", "ill", "well" are not).
_EXPAND: dict[str, tuple[str, ...]] = {
    **{k: ("there", "is") for k in ("theres", "there's")},
    **{k: ("do", "not") for k in ("dont", "don't")},
    **{k: ("does", "not") for k in ("doesnt", "doesn't")},
    **{k: ("did", "not") for k in ("didnt", "didn't")},
    **{k: ("can", "not") for k in ("cant", "can't", "cannot")},
    **{k: ("will", "not") for k in ("wont", "won't")},
    **{k: ("is", "not") for k in ("isnt", "isn't")},
    **{k: ("are", "not") for k in ("arent", "aren't")},
    **{k: ("i", "am") for k in ("im", "i'm")},
    **{k: ("i", "will") for k in ("i'll",)},
    **{k: ("he", "will") for k in ("he'll",)},
    **{k: ("she", "will") for k in ("she'll",)},
    **{k: ("we", "will") for k in ("we'll",)},
    **{k: ("you", "will") for k in ("you'll", "youll")},
    **{k: ("they", "will") for k in ("they'll", "theyll")},
    **{k: ("it", "will") for k in ("it'll",)},
    **{k: ("i", "have") for k in ("i've", "ive")},
    **{k: ("we", "have") for k in ("we've",)},
    **{k: ("you", "have") for k in ("you've", "youve")},
    **{k: ("they", "have") for k in ("they've", "theyve")},
    **{k: ("was", "not") for k in ("wasnt", "wasn't")},
    **{k: ("were", "not") for k in ("werent", "weren't")},
    **{k: ("have", "not") for k in ("havent", "haven't")},
    **{k: ("has", "not") for k in ("hasnt", "hasn't")},
    **{k: ("would", "not") for k in ("wouldnt", "wouldn't")},
    **{k: ("could", "not") for k in ("couldnt", "couldn't")},
    **{k: ("should", "not") for k in ("shouldnt", "shouldn't")},
    **{k: ("you", "are") for k in ("youre", "you're")},
    **{k: ("they", "are") for k in ("theyre", "they're")},
    **{k: ("we", "are") for k in ("we're",)},
    **{k: ("it", "is") for k in ("it's",)},
    **{k: ("that", "is") for k in ("thats", "that's")},
    **{k: ("going", "to") for k in ("gonna", "gunna")},
    **{k: ("want", "to") for k in ("wanna",)},
    **{k: ("got", "to") for k in ("gotta",)},
    "u": ("you",),
    "ur": ("your",),
    "r": ("are",),
    "pls": ("please",),
    "plz": ("please",),
    "ppl": ("people",),
    "b4": ("before",),
    "bc": ("because",),
    "cuz": ("because",),
    "coz": ("because",),
    "bcuz": ("because",),
    "tho": ("though",),
    "thru": ("through",),
    "skool": ("school",),
    "ya'll": ("you", "all"),
    "y'all": ("you", "all"),
    "yall": ("you", "all"),
}


def expand(ws: Sequence[str]) -> list[str]:
    """Expand contractions and text-speak (see ``_EXPAND``)."""
    out: list[str] = []
    for w in ws:
        rep = _EXPAND.get(w)
        if rep is None:
            out.append(w)
        else:
            out.extend(rep)
    return out


_EXPAND_RE = re.compile(
    r"(?<![a-z0-9'])(?:"
    + "|".join(re.escape(k) for k in sorted(_EXPAND, key=len, reverse=True))
    + r")(?![a-z0-9'])"
)


def expand_text(text: str) -> str:
    """Expand contractions and text-speak in running normalised text.

    Like :func:`expand`, but keeps punctuation and spacing; linear in the text.
    """
    return _EXPAND_RE.sub(lambda m: " ".join(_EXPAND[m.group(0)]), text)


@dataclass(frozen=True, slots=True)
class NameHit:
    """A name from ``School`` found in a message.

    Attributes:
        kind: ``"school"``, ``"place"`` or ``"person"``.
        index: Position of the name in the school's list (name 0, aliases 1..).
        start: First word index of the match.
        end: One past the last word index.
        score: rapidfuzz ratio of the match (100 = exact).
    """

    kind: str
    index: int
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Names:
    """Normalised name variants of a school, ready for matching.

    Attributes:
        variants: ``(kind, index, words)`` triples.
    """

    variants: tuple[tuple[str, int, tuple[str, ...]], ...]


def _core(token: str) -> str:
    if "@" in token or "://" in token:
        return token.strip(".,?!'\":;()")
    return token.strip(_EDGE_PUNCT)


def words(normalized: str) -> list[str]:
    """Split normalised text into words with edge punctuation removed."""
    out = []
    for tok in normalized.split():
        if len(tok) > 1 and tok[0] == "#" and tok[1:2].isalnum():
            out.append("<tag>")  # hashtags often encode the school (#lhsthreat)
            continue
        core = _core(tok)
        if core:
            out.append(core)
    return out


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(words(normalize(text)))


def _strip_heads(ws: tuple[str, ...]) -> tuple[str, ...]:
    out = list(ws)
    while out and (out[-1] in rules.SCHOOL_HEADS or out[-1] in {"junior", "senior"}):
        out.pop()
    return tuple(out)


def _useful(ws: tuple[str, ...]) -> bool:
    if not ws:
        return False
    text = " ".join(ws)
    if len(text) < 3:
        return False
    return not all(w in rules.STOPWORDS or w in rules.SCHOOL_HEADS for w in ws)


_NAMES_CACHE: dict[int, tuple[object, Names]] = {}
_STREET_SHORT = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "lane": "ln",
    "drive": "dr",
}


def names_for(school: School | None) -> Names:
    """Return the name variants of ``school`` (cached per School object)."""
    if school is None:
        return Names(())
    key = id(school)
    hit = _NAMES_CACHE.get(key)
    if hit is not None and hit[0] is school:
        return hit[1]
    variants: list[tuple[str, int, tuple[str, ...]]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()

    def add(kind: str, index: int, ws: tuple[str, ...]) -> None:
        if _useful(ws) and (kind, ws) not in seen:
            seen.add((kind, ws))
            variants.append((kind, index, ws))

    for i, name in enumerate(school.names):
        ws = _name_words(name)
        add("school", i, ws)
        stripped = _strip_heads(ws)
        if stripped != ws and len(" ".join(stripped)) >= rules.NAME_EXACT_BELOW:
            add("school", i, stripped)
    for i, place in enumerate(school.places):
        ws = _name_words(place)
        add("place", i, ws)
        short = _STREET_SHORT.get(ws[-1]) if len(ws) > 1 else None
        if short is not None:
            add("place", i, (*ws[:-1], short))
    for i, person in enumerate(school.people):
        ws = _name_words(person)
        add("person", i, ws)
        bare = tuple(w for w in ws if w not in rules.PERSON_TITLES)
        if bare != ws:
            add("person", i, bare)
            if len(bare) > 1 and ws[0] in rules.PERSON_TITLES:
                add("person", i, (ws[0], bare[0]))  # "coach dale", "nurse patty"
        if len(bare) > 1 and len(bare[-1]) >= rules.NAME_EXACT_BELOW - 1:
            add("person", i, bare[-1:])
    names = Names(tuple(variants))
    if len(_NAMES_CACHE) > 256:
        _NAMES_CACHE.clear()
    _NAMES_CACHE[key] = (school, names)
    return names


def find_names(ws: Sequence[str], names: Names) -> list[NameHit]:
    """Find the school's names in a word list (fuzzy; non-overlapping, longest first)."""
    if not names.variants or not ws:
        return []
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    n = len(ws)
    found: list[NameHit] = []
    for kind, index, variant in names.variants:
        target = " ".join(variant)
        k = len(variant)
        exact_only = len(target) < rules.NAME_EXACT_BELOW
        # a one-word name (a surname) is fuzzy only when long, and then only by
        # one typo: "okonkow" is Okonkwo, "river" is not Rivera
        one_typo = k == 1 and not exact_only
        if one_typo and len(target) < rules.NAME_ONE_WORD_FUZZY_MIN:
            exact_only = True
        first = variant[0]
        sizes = (k,) if exact_only or k == 1 else (k, k - 1)
        for size in sizes:
            if size < 1 or size > n:
                continue
            for i in range(n - size + 1):
                w0 = ws[i]
                if exact_only:
                    if w0 != first or tuple(ws[i : i + size]) != variant:
                        continue
                    found.append(NameHit(kind, index, i, i + size, 100.0))
                    continue
                # cheap prefilter: first letters or a shared first word
                if w0[:1] != first[:1] and (
                    size == 1 or ws[i + 1][:1] != variant[-1][:1]
                ):
                    continue
                window = " ".join(ws[i : i + size])
                if one_typo:
                    score = (
                        100.0
                        if window == target
                        else (
                            fuzz.ratio(window, target)
                            if abs(len(window) - len(target)) <= 1
                            and OSA.distance(window, target, score_cutoff=1) <= 1
                            else 0.0
                        )
                    )
                else:
                    score = fuzz.ratio(
                        window, target, score_cutoff=rules.NAME_FUZZY_MIN
                    )
                if score:
                    found.append(NameHit(kind, index, i, i + size, float(score)))
    # keep the best non-overlapping hits: longer spans and better scores first
    found.sort(key=lambda h: (-(h.end - h.start), -h.score, h.start))
    taken = [False] * n
    kept: list[NameHit] = []
    for hit in found:
        if any(taken[hit.start : hit.end]):
            continue
        for j in range(hit.start, hit.end):
            taken[j] = True
        kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept


def _classify(w: str) -> str | None:
    """Placeholder for a single word, or None."""
    if "@" in w and "://" not in w:
        if w.startswith("@"):
            return "<handle>" if len(w) > 1 else None
        return "<email>"
    if w.startswith(("http", "www.", "hxxp")) or "://" in w or w.endswith(_URL_TLDS):
        return "<url>"
    if w in rules.WEEKDAYS or w in rules.MONTHS:
        return "<num>"
    if w in rules.TIME_WORDS or w in _RELATIVE_DAYS:
        return "<num>"
    has_digit = any(c.isdigit() for c in w)
    if not has_digit:
        return None
    if len(w) >= _ID_MIN:
        return "<id>"
    if _NUMBERISH.fullmatch(w) or _MIXED_ID.fullmatch(w):
        return "<num>"
    if sum(c.isdigit() for c in w) * 2 >= len(w):
        return "<num>"
    return None


_HEAD_CACHE: dict[str, str | None] = {}
_FUZZY_HEADS = ("school", "elementary", "academy", "middle", "preparatory", "district")


def _head(w: str) -> str | None:
    """Return the school head word ``w`` stands for (allowing one typo), or None."""
    if w in rules.SCHOOL_HEADS:
        return w
    if len(w) < 5 or not w.isalpha():
        return None
    hit = _HEAD_CACHE.get(w, "")
    if hit != "":
        return hit
    from rapidfuzz.distance import Levenshtein

    found: str | None = None
    for head in _FUZZY_HEADS:
        limit = 2 if len(head) >= 9 else 1
        if (
            abs(len(w) - len(head)) <= limit
            and Levenshtein.distance(w, head, score_cutoff=limit) <= limit
        ):
            found = head
            break
    if len(_HEAD_CACHE) < 50_000:
        _HEAD_CACHE[w] = found
    return found


def _name_word(w: str) -> bool:
    return (
        w.replace("'", "").isalpha()
        and w not in rules.STOPWORDS
        and _head(w) is None
        and w not in rules.TITLES
    )


def mask_words(ws: Sequence[str], names: Names | None = None) -> list[str]:
    """Mask slots in a list of words (see the module docstring)."""
    n = len(ws)
    out: list[str | None] = list(ws)
    w: str | None
    if names is not None and names.variants:
        for hit in find_names(ws, names):
            out[hit.start] = "<" + hit.kind + ">"
            for j in range(hit.start + 1, hit.end):
                out[j] = None
    # single-word slots
    for i, w in enumerate(ws):
        if out[i] != w:
            continue
        ph = _classify(w)
        if ph is None and w in rules.MONTHS_AMBIGUOUS:
            prev = ws[i - 1] if i > 0 else ""
            nxt = ws[i + 1] if i + 1 < n else ""
            if _classify(prev) == "<num>" or _classify(nxt) == "<num>":
                ph = "<num>"
        if ph is None and w in rules.TIME_SUFFIXES and i > 0 and out[i - 1] == "<num>":
            ph = "<num>"
        if ph is not None:
            out[i] = ph
    # titles and first names -> <person>
    i = 0
    while i < n:
        w = out[i]
        if (
            w is not None
            and w == ws[i]
            and (w in rules.TITLES or w in rules.FIRST_NAMES)
        ):
            j = i + 1
            limit = i + (3 if w in rules.TITLES else 2)
            while j < n and j < limit and out[j] == ws[j] and _name_word(ws[j]):
                j += 1
            if j > i + 1 or w in rules.FIRST_NAMES:
                if (
                    j == i + 1
                    and j < n
                    and out[j] == ws[j]
                    and _head(ws[j]) is not None
                ):
                    i += 1  # "Madison High", "Kennedy Middle": a school, not a person
                    continue
                out[i] = "<person>"
                for k in range(i + 1, j):
                    out[k] = None
                i = j
                continue
        i += 1
    # generic school and place names: up to 3 name words before a head
    i = 0
    while i < n:
        w = out[i]
        if w is None or w != ws[i]:
            i += 1
            continue
        head_len = 0
        kind = ""
        h1 = _head(w)
        h2 = _head(ws[i + 1]) if i + 1 < n and out[i + 1] == ws[i + 1] else None
        if h1 is not None and h2 is not None and (h1, h2) in rules.SCHOOL_HEADS_2:
            head_len, kind = 2, "<school>"
        elif h1 is not None:
            head_len, kind = 1, "<school>"
        elif w in rules.PLACE_HEADS:
            head_len, kind = 1, "<place>"
        if not head_len:
            i += 1
            continue
        start = i
        while (
            start > 0
            and i - start < 3
            and out[start - 1] == ws[start - 1]
            and _name_word(ws[start - 1])
        ):
            start -= 1
        j = start - 1
        while j >= 0 and out[j] is None:
            j -= 1
        prev_ph = out[j] if j >= 0 else None
        if start < i:
            out[start] = kind
            for k in range(start + 1, i + head_len):
                out[k] = None
        elif prev_ph == "<school>" and kind == "<school>":
            # "<school> high school": absorb the head
            for k in range(i, i + head_len):
                out[k] = None
        i += head_len
    # drop removed words and collapse repeated placeholders
    result: list[str] = []
    for w in out:
        if w is None:
            continue
        if result and w == result[-1] and w in PLACEHOLDERS:
            continue
        result.append(w)
    return result


_REPOST_RE = re.compile(
    r"(?<![a-z0-9'])(?:"
    + "|".join(
        re.escape(p) for p in sorted(rules.REPOST_PHRASES, key=len, reverse=True)
    )
    + r")(?![a-z0-9'])"
)


def strip_repost(body: str) -> str:
    """Drop repost commentary ("idk if this is true but saw this on snap:").

    Leading and trailing lines that contain a repost phrase are dropped (never
    the longest line); on a single line, the text before the first ``:`` or ``"`` is dropped when it
    contains a repost phrase.
    """
    lines = body.split("\n")
    if len(lines) > 1:
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        while (
            len(lines) > 1 and longest > 0 and _REPOST_RE.search(lines[0]) is not None
        ):
            lines.pop(0)
            longest -= 1
        while (
            len(lines) > 1
            and longest < len(lines) - 1
            and (_REPOST_RE.search(lines[-1]) is not None)
        ):
            lines.pop()
        if len(lines) > 1:
            return "\n".join(lines)
    line = lines[0]
    cut = -1
    for sep in (":", '"'):
        pos = line.find(sep)
        if pos > 0 and (cut < 0 or pos < cut):
            cut = pos
    if cut > 0 and cut < len(line) - 1 and _REPOST_RE.search(line, 0, cut) is not None:
        return line[cut + 1 :]
    return _strip_inline_hedges(line)


_LEAD_CONNECTOR = re.compile(r"\s*(?:[,.;:!-]\s*)*(?:(?:but|and|that|so)\s+)?")
_TRAIL_RE = re.compile(
    r"(?<![a-z0-9'])(?:stay safe|be safe|be careful|please share|pls share|plz share|"
    r"share this|spread the word|rt to warn)(?![a-z0-9'])"
)
#: A leading hedge must start within this many characters of the line start, and
#: a trailing sign-off within this many of its end.
_HEDGE_WINDOW = 40


def _strip_inline_hedges(line: str) -> str:
    """Drop a leading repost hedge and a trailing sign-off from a one-line message.

    For example "idk if this is real but ..." and "... stay safe everyone".
    """
    m = _REPOST_RE.search(line, 0, _HEDGE_WINDOW + 30)
    if m is not None and m.start() <= _HEDGE_WINDOW:
        rest = line[m.end() :]
        rest = rest[_LEAD_CONNECTOR.match(rest).end() :]  # type: ignore[union-attr]
        if len(rest.split()) >= 5:
            line = rest
    tail_from = max(0, len(line) - _HEDGE_WINDOW - 20)
    last = None
    for t in _TRAIL_RE.finditer(line, tail_from):
        last = t
    if last is not None and len(line) - last.start() <= _HEDGE_WINDOW + 20:
        head = line[: last.start()]
        if len(head.split()) >= 5:
            line = head
    return line


def mask(normalized: str, school: School | None = None) -> str:
    """Return the masked template of a normalised message.

    Args:
        normalized: Output of :func:`~threatsignals.text.normalize`.
        school: The school the message is about; its names, places and people
            are masked too (fuzzy).

    Returns:
        Words and placeholders separated by single spaces; no punctuation.
    """
    body, _ = split_wrapper(normalized[: rules.MAX_COMPARE_CHARS])
    return " ".join(mask_words(expand(words(strip_repost(body))), names_for(school)))
