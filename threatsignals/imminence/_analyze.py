"""Imminence markers and the stated time of the act: text in, findings out.

Pipeline (pure, no I/O):

1. Fold the message (:func:`~threatsignals.imminence._normalize.marker_text`) and
   scan it once into word tokens, each tagged with its sentence, clause and whether
   it sits inside quotation marks.
2. One trie pass finds lexicon cues, harm terms, figurative uses and context
   frames (reported speech, fiction, jokes, lyrics, past, resolution).
3. A cue becomes a :class:`Marker` only if the message has a harm context and the
   cue is not negated, hypothetical, a question, quoted or reported, past or about
   a benign object.
4. The stated time is taken from sentences that speak of harm (or their
   neighbours) and resolved by :mod:`~threatsignals.imminence._time`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from threatsignals.errors import InvalidInputError
from threatsignals.guidance import REF_IMMINENCE
from threatsignals.imminence import _rules
from threatsignals.imminence._index import PhraseIndex, PhraseMatch, expand_pattern
from threatsignals.imminence._normalize import marker_text, time_text, tokenize
from threatsignals.imminence._time import StatedTime, extract_times
from threatsignals.model import Event, Finding, School
from threatsignals.policy import Policy

__all__ = ["ImminenceAnalysis", "Marker", "analyze", "analyze_text"]

_log = logging.getLogger(__name__)

_NOW_WORDS = frozenset(
    {"now", "today", "tonight", "tomorrow", "anymore", "but", "still"}
)
_MAX_PHRASE = 60  # characters of a cue quoted in evidence


@dataclass(frozen=True, slots=True)
class Marker:
    """One imminence cue that survived the context checks.

    Attributes:
        category: ``last_resort``, ``diminishing_patience``, ``shrinking_opportunity``
            or ``legacy_token``.
        phrase: The cue as matched, from the folded text (a few words).
        span: ``(start, end)`` character offsets of the cue in the folded text
            returned by :func:`threatsignals.imminence.marker_text` (not the
            original message: folding can change lengths).
    """

    category: str
    phrase: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "category": self.category,
            "phrase": self.phrase,
            "span": list(self.span),
        }


@dataclass(frozen=True, slots=True)
class ImminenceAnalysis:
    """What the imminence analyzer found in one message.

    Attributes:
        markers: Cues that survived the context checks, in text order.
        when: The stated time of the act (aware, in the school's time zone), or None.
        hours_until: Hours from ``now`` to ``when`` (negative when past), or None.
        findings: One finding per marker category present, plus ``stated_time``
            with ``time_imminent`` or ``stated_time_past`` when a time was stated.
        time_phrase: The words that stated the time, from the folded text, or None.
    """

    markers: tuple[Marker, ...] = ()
    when: datetime | None = None
    hours_until: float | None = None
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    time_phrase: str | None = None

    @property
    def categories(self) -> tuple[str, ...]:
        """Distinct marker categories present, in the standard order."""
        present = {m.category for m in self.markers}
        return tuple(c for c in _rules.CATEGORIES if c in present)

    @property
    def imminent_time(self) -> bool:
        """Whether a ``time_imminent`` finding was made."""
        return any(f.code == "time_imminent" for f in self.findings)

    def __repr__(self) -> str:
        when = None if self.when is None else self.when.isoformat()
        return (
            f"ImminenceAnalysis(categories={self.categories!r}, markers={len(self.markers)}, "
            f"when={when!r}, hours_until={self.hours_until!r}, "
            f"findings={[f.code for f in self.findings]!r})"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "markers": [m.to_dict() for m in self.markers],
            "when": None if self.when is None else self.when.isoformat(),
            "hours_until": self.hours_until,
            "findings": [f.to_dict() for f in self.findings],
            "time_phrase": self.time_phrase,
        }


# ---------------------------------------------------------------------------
# the combined phrase index

_FRAME_TABLES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("harm", _rules.HARM),
    ("intent", _rules.INTENT),
    ("intent_weak", _rules.INTENT_WEAK),
    ("target", _rules.TARGETS),
    ("farewell", _rules.FAREWELL),
    ("fig", _rules.FIGURATIVE),
    ("report", _rules.REPORT_FRAMES),
    ("report_msg", _rules.REPORT_MESSAGE),
    ("news_msg", _rules.NEWS_MESSAGE),
    ("hypo_msg", _rules.HYPOTHETICAL_MESSAGE),
    ("joke_msg", _rules.JOKE_MESSAGE),
    ("joke_sent", _rules.JOKE_SENTENCE),
    ("lyrics_msg", _rules.LYRICS_MESSAGE),
    ("sports_msg", _rules.SPORTS_MESSAGE),
    ("toy", _rules.TOY_GUNS),
    ("resolved_msg", _rules.RESOLVED_MESSAGE),
    ("past", _rules.PAST_CUES),
)
#: Target labels: generic collectives and the school's own names.
_TARGET_LABELS = frozenset({"target", "target_school"})


#: Label suffix of cues that stay cues in a (rhetorical) question.
_RHETORICAL = "_rhetorical"


def _category(label: str) -> str:
    return label.removesuffix(_RHETORICAL)


@lru_cache(maxsize=1)
def _lexicon_index() -> PhraseIndex:
    tables: dict[str, list[str]] = {c: [] for c in _rules.CATEGORIES}
    for cat, entries in _rules.LEXICON.items():
        tables[cat].extend(p for p, _ in entries)
    for cat, entries in _rules.RHETORICAL.items():
        tables[cat + _RHETORICAL] = [p for p, _ in entries]
    return PhraseIndex(tables)


@lru_cache(maxsize=64)
def _index(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> PhraseIndex:
    """The cue index: the built-in lexicon, or only ``extra`` patterns when given.

    Extra patterns (a district's lexicon extension, a school's names) get their
    own small index so the large built-in one is built once per process.
    """
    if not extra:
        return _lexicon_index()
    tables: dict[str, list[str]] = {}
    for cat, patterns in extra:
        tables.setdefault(cat, []).extend(patterns)
    return PhraseIndex(tables)


@lru_cache(maxsize=1)
def _frame_index() -> PhraseIndex:
    """Harm terms, threat intent, targets and context frames (one trie)."""
    tables: dict[str, list[str]] = {}
    for label, entries in _FRAME_TABLES:
        tables.setdefault(label, []).extend(p for p, _ in entries)
    return PhraseIndex(tables)


_TARGET_WORD = re.compile(r"[a-z0-9]+")
#: Words too common to stand alone as a school target.
_COMMON = frozenset(
    {
        "high",
        "school",
        "middle",
        "elementary",
        "the",
        "room",
        "hall",
        "main",
        "north",
        "south",
        "east",
        "west",
        "center",
        "central",
        "field",
        "office",
        "new",
        "old",
    }
)


def _school_targets(school: School | None) -> tuple[str, ...]:
    """Lexicon patterns for the school's names, aliases, people and places."""
    if school is None:
        return ()
    return _target_patterns(
        (school.name, *school.aliases), tuple(school.people), tuple(school.places)
    )


@lru_cache(maxsize=64)
def _target_patterns(
    school_names: tuple[str, ...], people: tuple[str, ...], places: tuple[str, ...]
) -> tuple[str, ...]:
    out: list[str] = []
    names = (*school_names, *people, *places)
    n_people = len(school_names) + len(people)
    for i, name in enumerate(names):
        words = _TARGET_WORD.findall(marker_text(name).replace("'", ""))
        if not words or " ".join(words) in _COMMON:
            continue
        if i >= n_people:  # a place is a target as the place of an act
            out.append(f"{_rules.PLACE_PREPOSITIONS} the|our? " + " ".join(words))
            continue
        out.append(" ".join(words))
        is_person = i >= len(school_names)
        if is_person and len(words) > 1 and len(words[-1]) >= 3:
            out.append(words[-1])  # "Ms. Rivera" is also "Rivera"
    return tuple(sorted(set(out)))


# ---------------------------------------------------------------------------
# scanning

_SCAN = re.compile(
    r"[a-z0-9][a-z0-9']*|[.!?;\n]|[,:()\u2014\u2013]|[\"\u201c\u201d\u00ab\u00bb]"
)


_ELONGATED = re.compile(r"([a-z])\1{2,}")


@dataclass(slots=True)
class _Doc:
    words: list[str]
    starts: list[int]
    ends: list[int]
    sent: list[int]
    clause: list[int]
    quoted: list[bool]
    question: set[int]


def _scan(text: str) -> _Doc:
    """Tokenize once, tagging each word with sentence, clause and quote state."""
    use_straight = text.count('"') % 2 == 0
    use_curly = text.count("\u201c") == text.count("\u201d")
    use_guillemet = text.count("\u00ab") == text.count("\u00bb")
    doc = _Doc([], [], [], [], [], [], set())
    slang = _rules.SLANG
    fillers = _rules.FILLERS
    abbrev = _rules.SENTENCE_ABBREVIATIONS
    sent = clause = 0
    in_quote = False
    sent_has_words = False
    for m in _SCAN.finditer(text):
        tok = m.group(0)
        c = tok[0]
        if c.isalnum():
            word = tok.replace("'", "")
            if len(word) > 2:
                word = _ELONGATED.sub(r"\1", word)  # "sooo" -> "so", "doneee" -> "done"
            word = slang.get(word, word)
            if word in fillers:
                continue
            doc.words.append(word)
            doc.starts.append(m.start())
            doc.ends.append(m.end())
            doc.sent.append(sent)
            doc.clause.append(clause)
            doc.quoted.append(in_quote)
            sent_has_words = True
        elif c in ".!?;\n":
            if (
                c == "."
                and doc.words
                and doc.ends[-1] == m.start()
                and doc.words[-1] in abbrev
            ):
                continue  # "Mr. Cole": not the end of a sentence
            if c == "?":
                doc.question.add(sent)
            if sent_has_words:
                sent += 1
                clause += 1
                sent_has_words = False
        elif c == '"':
            if use_straight:
                in_quote = not in_quote
                clause += 1
        elif c in "\u201c\u00ab":
            if (use_curly and c == "\u201c") or (use_guillemet and c == "\u00ab"):
                in_quote = True
                clause += 1
        elif c in "\u201d\u00bb":
            if (use_curly and c == "\u201d") or (use_guillemet and c == "\u00bb"):
                in_quote = False
                clause += 1
        else:
            clause += 1
    return doc


# ---------------------------------------------------------------------------
# context checks


def _negated(
    doc: _Doc, start: int, window: int, ignore: frozenset[str] = frozenset()
) -> bool:
    clause = doc.clause[start]
    for k in range(start - 1, max(-1, start - window - 1), -1):
        if doc.clause[k] != clause:
            return False
        if doc.words[k] in _rules.NEGATORS and doc.words[k] not in ignore:
            return True
    return False


def _hypothetical(doc: _Doc, start: int, words: frozenset[str]) -> bool:
    clause = doc.clause[start]
    k = start - 1
    while k >= 0 and doc.clause[k] == clause and start - k <= 12:
        if doc.words[k] in words:
            return True
        if doc.words[k] in _rules.MAIN_CLAUSE_MARKERS:
            return False  # "if I wait any longer I'll lose my chance": the main clause
        k -= 1
    return False


def _benign(
    doc: _Doc, match: PhraseMatch, category: str, harm_tokens: set[int]
) -> bool:
    words = _rules.BENIGN_CONTEXT.get(category)
    if not words:
        return False
    sent = doc.clause[match.start]
    n = len(doc.words)
    for k in range(match.end, min(n, match.end + _rules.BENIGN_WINDOW)):
        if doc.sent[k] != doc.sent[match.start]:
            break
        if doc.words[k] in words and k not in harm_tokens:
            return True
    for k in range(
        match.start - 1, max(-1, match.start - _rules.BENIGN_WINDOW_BEFORE - 1), -1
    ):
        if doc.clause[k] != sent:
            break
        if doc.words[k] in words:
            return True
    return False


@dataclass(slots=True)
class _Frames:
    """Positions of context frames found in the message."""

    report_msg: bool = False
    news_msg: bool = False
    hypo_msg: bool = False
    joke_msg: bool = False
    lyrics_msg: bool = False
    sports_msg: bool = False
    resolved_msg: bool = False
    report_at: list[int] = field(default_factory=list)  # token index of frame end
    past_at: list[int] = field(default_factory=list)
    last_report: list[int] = field(default_factory=list)  # per token, see _lookback
    last_report_verb: list[int] = field(default_factory=list)
    last_past: list[int] = field(default_factory=list)
    last_now: list[int] = field(default_factory=list)
    joke_sents: set[int] = field(default_factory=set)
    fig_tokens: set[int] = field(default_factory=set)


def _frames(doc: _Doc, matches: Sequence[PhraseMatch]) -> _Frames:
    fr = _Frames()
    for m in matches:
        label = m.label
        if label in ("fig", "toy"):
            fr.fig_tokens.update(range(m.start, m.end))
            fr.sports_msg = fr.sports_msg or label == "toy"
        elif label == "past":
            fr.past_at.append(m.end - 1)
        elif label == "report":
            fr.report_at.append(m.end - 1)
        elif label.endswith("_msg") or label == "joke_sent":
            if _negated(doc, m.start, 3):
                continue  # "this is not a joke", "I'm not kidding"
            if label == "joke_sent":
                fr.joke_sents.add(doc.sent[m.start])
            else:
                setattr(fr, label, True)
    fr.last_report = _lookback(doc, set(fr.report_at))
    fr.last_report_verb = _lookback(doc, _report_verbs(doc), by_clause=True)
    fr.last_past = _lookback(doc, set(fr.past_at))
    now_at = {k for k, w in enumerate(doc.words) if w in _NOW_WORDS}
    fr.last_now = _lookback(doc, now_at)
    return fr


def _report_verbs(doc: _Doc) -> set[int]:
    """Reporting verbs whose subject is not the writer ("a kid ... keeps saying")."""
    out: set[int] = set()
    verbs, skip, own = _rules.REPORT_VERBS, _rules.REPORT_SKIP, _rules.OWN_SUBJECTS
    for k, w in enumerate(doc.words):
        if w not in verbs:
            continue
        j = k - 1
        while (
            j >= 0
            and k - j <= 4
            and doc.clause[j] == doc.clause[k]
            and doc.words[j] in skip
        ):
            j -= 1
        if j < 0 or doc.clause[j] != doc.clause[k] or doc.words[j] in own:
            continue
        out.add(k)
    return out


def _lookback(doc: _Doc, marks: set[int], *, by_clause: bool = False) -> list[int]:
    """For each token, the latest marked token before it in its sentence (or -1).

    One linear pass, so context checks cost O(1) per cue whatever the input.
    With ``by_clause`` the search stays inside the token's clause.
    """
    out: list[int] = []
    last = -1
    sent = -1
    unit = doc.clause if by_clause else doc.sent
    for k in range(len(doc.words)):
        if unit[k] != sent:
            sent, last = unit[k], -1
        out.append(last)
        if k in marks:
            last = k
    return out


def _reported(doc: _Doc, fr: _Frames, start: int) -> bool:
    return fr.last_report[start] >= 0 or fr.last_report_verb[start] >= 0


def _third_person(doc: _Doc, m: PhraseMatch) -> bool:
    """The cue's clause is about "he"/"she", not the writer."""
    first = _rules.FIRST_PERSON
    if any(
        doc.words[k] in first or doc.words[k] in ("me", "my")
        for k in range(m.start, m.end)
    ):
        return False
    clause = doc.clause[m.start]
    k = m.start - 1
    while k >= 0 and doc.clause[k] == clause and m.start - k <= 6:
        w = doc.words[k]
        if w in first or w in ("me", "my"):
            return False
        if w in _rules.THIRD_PERSON:
            return True
        k -= 1
    return False


def _past(doc: _Doc, fr: _Frames, start: int) -> bool:
    k = fr.last_past[start]
    if k < 0 or start - k > _rules.PAST_WINDOW:
        return False
    return fr.last_now[start] < k  # "last year ... but now": not past


def _harm_ok(doc: _Doc, fr: _Frames, m: PhraseMatch) -> bool:
    if any(k in fr.fig_tokens for k in range(m.start, m.end)):
        return False
    if (
        fr.sports_msg
        and all(doc.words[k] in _rules.SHOOT_WORDS for k in range(m.start, m.end))
        and not (
            m.end < len(doc.words) and doc.words[m.end] in _rules.SHOOT_ATTACK_PARTICLES
        )
    ):
        return False
    sent = doc.sent[m.start]
    if sent in doc.question or sent in fr.joke_sents:
        return False
    return not (
        _negated(doc, m.start, 3)
        or _hypothetical(doc, m.start, _rules.HYPOTHETICAL_STRONG)
    )


def _cue_ok(doc: _Doc, fr: _Frames, m: PhraseMatch, harm_tokens: set[int]) -> bool:
    sent = doc.sent[m.start]
    rhetorical = m.label.endswith(_RHETORICAL)
    if (sent in doc.question and not rhetorical) or sent in fr.joke_sents:
        return False
    if doc.quoted[m.start]:
        return False
    negative_cue = any(doc.words[k] in _rules.NEGATORS for k in range(m.start, m.end))
    ignore = _rules.DOUBLE_NEGATIVES if negative_cue else frozenset()
    if _negated(doc, m.start, _rules.NEGATION_WINDOW, ignore):
        return False
    if _hypothetical(doc, m.start, _rules.HYPOTHETICAL_CLAUSE):
        return False
    if _reported(doc, fr, m.start) or _past(doc, fr, m.start):
        return False
    if _third_person(doc, m):
        return False
    return not _benign(doc, m, _category(m.label), harm_tokens)


def _intent_ok(doc: _Doc, fr: _Frames, m: PhraseMatch, targets: set[int]) -> bool:
    """Context rules for a threat-intent phrase (an implicit harm term)."""
    if not _harm_ok(doc, fr, m) or doc.quoted[m.start] or _reported(doc, fr, m.start):
        return False
    if _third_person(doc, m):
        return False
    clause = doc.clause[m.start]
    if doc.words[m.start] in _rules.INTENT_SUBJECT_CHECK:
        k = m.start - 1
        while (
            k >= 0
            and doc.clause[k] == clause
            and doc.words[k] in ("all", "will", "and")
        ):
            k -= 1
        if k >= 0 and doc.clause[k] == clause and doc.words[k] in _rules.FIRST_PERSON:
            return False  # "I will pay for lunch"
    if m.label != "intent_weak":
        return True
    collective = _rules.COLLECTIVE_SUBJECTS
    lo = max(0, m.start - _rules.INTENT_SUBJECT_WINDOW)
    for k in range(lo, m.end):
        if doc.clause[k] != clause and k < m.start:
            continue
        if doc.words[k] in collective or k in targets:
            return True
    return False


def _target_ok(doc: _Doc, fr: _Frames, m: PhraseMatch) -> bool:
    sent = doc.sent[m.start]
    if sent in doc.question or sent in fr.joke_sents or doc.quoted[m.start]:
        return False
    return not (_negated(doc, m.start, 3) or _reported(doc, fr, m.start))


# ---------------------------------------------------------------------------
# time


_SENTENCE_END = re.compile(
    r"[!?;\n]|(?<!\bmr)(?<!\bms)(?<!\bdr)(?<!\bst)(?<!\bmrs)\.(?!\d)"
)


def _sentences(text: str) -> list[tuple[int, int, bool]]:
    """Split on sentence punctuation: ``(start, end, is_question)`` offsets."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start(), m.group(0) == "?"))
        start = m.end()
    if start < len(text):
        out.append((start, len(text), False))
    return out


def _stated_time(
    text: str,
    *,
    anchors: frozenset[str],
    targets: PhraseIndex | None,
    fallback: bool,
    max_distance: int,
    max_words: int | None = None,
    ref: datetime,
    tz: tzinfo,
    calendar: Sequence[Event],
) -> StatedTime | None:
    """The stated time nearest to a sentence holding one of the ``anchors`` labels.

    Args:
        text: The message as received (it is folded lightly here).
        anchors: Frame labels that mark a sentence as speaking of the act.
        targets: The school's own target index (labelled ``target``), if any.
        fallback: Take the first time when no anchor is visible in the light text
            (the harm was only visible after folding obfuscation).
        max_distance: How many sentences away from an anchor a time may be.
        max_words: Only sentences of at most this many words can be anchors.
        ref: Reference time for relative expressions.
        tz: The school's time zone.
        calendar: The school's calendar events.
    """
    light = time_text(text)
    sentences = _sentences(light)
    if not sentences:
        return None
    tokens = tokenize(light)
    words = [t[0] for t in tokens]
    starts = [t[1] for t in tokens]
    sent_starts = [s[0] for s in sentences]
    anchor_sents: set[int] = set()
    fig: set[int] = set()
    found = _frame_index().find_all(words)
    if targets is not None and "target_school" in anchors:
        found += targets.find_all(words)
    for m in found:
        if m.label in ("fig", "toy"):
            fig.update(range(m.start, m.end))
    negators = _rules.NEGATORS
    for m in found:
        if m.label not in anchors or any(k in fig for k in range(m.start, m.end)):
            continue
        if any(words[k] in negators for k in range(max(0, m.start - 3), m.start)):
            continue
        anchor_sents.add(_sentence_of(sent_starts, starts[m.start]))
    if max_words is not None:
        sizes = [0] * len(sentences)
        for pos in starts:
            sizes[_sentence_of(sent_starts, pos)] += 1
        anchor_sents = {i for i in anchor_sents if sizes[i] <= max_words}
    # Times are only ever taken from anchor sentences and their neighbours (or,
    # without anchors, the first time in the message), so only those sentences
    # are searched, at most MAX_TIME_SENTENCES of them: a threat at the end of a
    # long chat log is still read.
    if anchor_sents:
        candidates: Sequence[int] = sorted(
            {
                j
                for i in anchor_sents
                for j in range(i - max_distance, i + max_distance + 1)
                if 0 <= j < len(sentences)
            }
        )[: _rules.MAX_TIME_SENTENCES]
    else:
        candidates = range(min(len(sentences), _rules.MAX_TIME_SENTENCES))
    usable_ids = [i for i in candidates if not sentences[i][2]]
    usable = [
        (light[sentences[i][0] : sentences[i][1]], sentences[i][0]) for i in usable_ids
    ]
    times = extract_times(usable, ref=ref, tz=tz, calendar=calendar)
    if not times:
        return None
    resolved = [(usable_ids[i], st) for i, st in times]
    for sid, st in resolved:
        if sid in anchor_sents:
            return st
    for distance in range(1, max_distance + 1):
        for sid, st in resolved:
            if sid - distance in anchor_sents or sid + distance in anchor_sents:
                return st
    if fallback and not anchor_sents:
        return resolved[0][1]
    return None


def _sentence_of(sent_starts: Sequence[int], pos: int) -> int:
    lo, hi = 0, len(sent_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sent_starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


# ---------------------------------------------------------------------------
# entry points


def _resolve_tz(tz: str | tzinfo | None, school: School | None) -> tzinfo:
    if tz is None:
        return school.tz if school is not None else UTC
    if isinstance(tz, str):
        try:
            return ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInputError("not an IANA time zone name", field="tz") from None
    if isinstance(tz, tzinfo):
        return tz
    raise TypeError(f"tz must be a str or tzinfo, not {type(tz).__name__}")


def _aware(value: datetime | None, tz: tzinfo, name: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=tz)
    return value


def analyze_text(
    text: str,
    *,
    now: datetime | None = None,
    reference: datetime | None = None,
    tz: str | tzinfo | None = None,
    school: School | None = None,
    policy: Policy | None = None,
    extra_phrases: Mapping[str, Sequence[str]] | None = None,
) -> ImminenceAnalysis:
    """Analyse ``text``; like :func:`analyze` plus a separate reference time.

    Args:
        text: The message.
        now: Time of the analysis (``hours_until`` is measured from it).
        reference: Time relative expressions are resolved against (when the
            message was received); defaults to ``now``.
        tz: The school's time zone (name or tzinfo); defaults to the school's, or UTC.
        school: The threatened school (time zone and calendar).
        policy: Weights and the imminence window; ``Policy()`` when None.
        extra_phrases: Extra lexicon patterns per category (same syntax as
            ``_rules.LEXICON``).

    Returns:
        The analysis; an empty one for empty text.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if school is not None and not isinstance(school, School):
        raise TypeError(f"school must be a School, not {type(school).__name__}")
    policy = policy if policy is not None else Policy()
    zone = _resolve_tz(tz, school)
    now_ = _aware(now, zone, "now") or datetime.now(UTC)
    ref = _aware(reference, zone, "reference") or now_
    if not text.strip():
        return ImminenceAnalysis()

    folded = marker_text(text)
    doc = _scan(folded)
    boundary = [
        k == 0 or doc.clause[k] != doc.clause[k - 1] for k in range(len(doc.words))
    ]
    cues = _index().find_all(doc.words, boundary)
    extra = _extra_key(extra_phrases)
    if extra:
        cues = _by_position(cues + _index(extra).find_all(doc.words, boundary))
    school_targets = _school_targets(school)
    target_index = (
        _index((("target_school", school_targets),)) if school_targets else None
    )
    frames = _frame_index().find_all(doc.words, boundary)
    if target_index is not None:
        frames += target_index.find_all(doc.words, boundary)
    fr = _frames(doc, frames)
    targets = [
        m for m in frames if m.label in _TARGET_LABELS and _target_ok(doc, fr, m)
    ]
    target_tokens = {k for m in targets for k in range(m.start, m.end)}
    harm = [m for m in frames if m.label == "harm" and _harm_ok(doc, fr, m)]
    intents = [
        m
        for m in frames
        if m.label in ("intent", "intent_weak")
        and _intent_ok(doc, fr, m, target_tokens)
    ]
    farewell = [
        m for m in frames if m.label == "farewell" and _cue_ok(doc, fr, m, set())
    ]
    framed = fr.hypo_msg or fr.joke_msg or fr.lyrics_msg
    calendar = school.calendar if school is not None else ()
    stated: StatedTime | None = None
    message_harm = False
    if not framed and (harm or intents or (farewell and targets)):
        message_harm = True
        stated = _stated_time(
            text,
            anchors=frozenset({"harm", "intent", "intent_weak", *_TARGET_LABELS}),
            targets=target_index,
            fallback=True,
            max_distance=2,
            ref=ref,
            tz=zone,
            calendar=calendar,
        )
    elif not framed and targets:
        # A target with a stated time of the act: a collective target ("everyone at
        # LHHS, Monday at 10") in the time's sentence or the next; the school's own
        # names only in a short sentence of their own with the time ("LHHS. Friday,
        # noon."), since "the SAT at LHHS is Saturday" is everyday talk.
        for labels, distance, max_words in (
            (frozenset({"target"}), 1, None),
            (frozenset({"target_school"}), 0, _rules.TARGET_TIME_MAX_WORDS),
        ):
            if not any(m.label in labels for m in targets):
                continue
            stated = _stated_time(
                text,
                anchors=labels,
                targets=target_index,
                fallback=False,
                max_distance=distance,
                max_words=max_words,
                ref=ref,
                tz=zone,
                calendar=calendar,
            )
            if stated is not None:
                break
        message_harm = stated is not None
    harm_tokens = {k for m in (*harm, *intents) for k in range(m.start, m.end)}
    harm_tokens |= target_tokens

    markers: list[Marker] = []
    if message_harm and not (fr.report_msg or fr.resolved_msg or fr.news_msg):
        covered_to = -1
        for m in cues:
            category = _category(m.label)
            if category not in _rules.CATEGORIES:
                continue
            if m.start < covered_to:
                continue  # inside a longer cue already taken
            if not _cue_ok(doc, fr, m, harm_tokens):
                continue
            a, b = doc.starts[m.start], doc.ends[m.end - 1]
            markers.append(Marker(category, folded[a:b][:_MAX_PHRASE], (a, b)))
            covered_to = m.end

    findings = _findings(markers, stated, now_, policy)
    when = stated.when if stated is not None else None
    hours = _hours_until(stated, now_) if stated is not None else None
    _log.debug(
        "imminence: %d markers in %d categories, time=%s, findings=%s",
        len(markers),
        len({m.category for m in markers}),
        stated is not None,
        [f.code for f in findings],
    )
    return ImminenceAnalysis(
        markers=tuple(markers),
        when=when,
        hours_until=hours,
        findings=tuple(findings),
        time_phrase=None if stated is None else stated.phrase[:_MAX_PHRASE],
    )


def _by_position(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Sort matches by start, longest first at each start."""
    return sorted(matches, key=lambda m: (m.start, -m.end))


def _extra_key(
    extra: Mapping[str, Sequence[str]] | None,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not extra:
        return ()
    if not isinstance(extra, Mapping):
        raise TypeError(f"extra_phrases must be a mapping, not {type(extra).__name__}")
    out = []
    for cat, patterns in sorted(extra.items()):
        if cat not in _rules.CATEGORIES:
            raise InvalidInputError("unknown marker category", field="extra_phrases")
        if isinstance(patterns, str):
            patterns = (patterns,)
        cleaned = []
        for p in patterns:
            if not isinstance(p, str):
                raise TypeError(f"a pattern must be a str, not {type(p).__name__}")
            folded = " ".join(
                p.casefold().replace("'", "").replace("\u2019", "").split()
            )
            if not folded or not expand_pattern(folded):
                raise InvalidInputError("empty lexicon pattern", field="extra_phrases")
            cleaned.append(folded)
        out.append((cat, tuple(cleaned)))
    return tuple(out)


def _is_past(stated: StatedTime, now: datetime) -> bool:
    if stated.date_only:
        local = stated.when
        end_of_day = datetime.combine(
            local.date() + timedelta(days=1), datetime.min.time(), tzinfo=local.tzinfo
        )
        return end_of_day <= now
    return stated.when < now


def _hours_until(stated: StatedTime, now: datetime) -> float:
    hours = (stated.when.astimezone(UTC) - now.astimezone(UTC)).total_seconds() / 3600.0
    if stated.date_only and not _is_past(stated, now):
        hours = max(0.0, hours)
    return round(hours, 4)


def _findings(
    markers: Sequence[Marker], stated: StatedTime | None, now: datetime, policy: Policy
) -> list[Finding]:
    out: list[Finding] = []
    for cat in _rules.CATEGORIES:
        cues = [m for m in markers if m.category == cat]
        if not cues:
            continue
        example = cues[0].phrase
        out.append(
            Finding(
                code=cat,
                analyzer=_rules.ANALYZER_NAME,
                weight=policy.weight(cat),
                evidence=f"{len(cues)} {cat.replace('_', ' ')} cue(s), e.g. '{example}'",
                guidance=REF_IMMINENCE,
            )
        )
    if stated is None:
        return out
    hours = _hours_until(stated, now)
    iso = stated.when.isoformat(timespec="minutes")
    what = "day" if stated.date_only else "time"
    phrase = stated.phrase[:_MAX_PHRASE]
    if _is_past(stated, now):
        out.append(
            Finding(
                code="stated_time_past",
                analyzer=_rules.ANALYZER_NAME,
                weight=policy.weight("stated_time_past"),
                evidence=f"stated {what} {iso} ('{phrase}') passed {abs(hours):.1f} h ago",
                guidance=REF_IMMINENCE,
            )
        )
        return out
    out.append(
        Finding(
            code="stated_time",
            analyzer=_rules.ANALYZER_NAME,
            weight=policy.weight("stated_time"),
            evidence=f"stated {what} {iso} ('{phrase}'), in {hours:.1f} h",
            guidance=REF_IMMINENCE,
        )
    )
    if 0.0 <= hours <= policy.imminent_hours:
        out.append(
            Finding(
                code="time_imminent",
                analyzer=_rules.ANALYZER_NAME,
                weight=policy.weight("time_imminent"),
                evidence=f"stated {what} is {hours:.1f} h away, within the "
                f"{policy.imminent_hours:g} h window",
                guidance=REF_IMMINENCE,
            )
        )
    return out


def analyze(
    text: str,
    *,
    now: datetime | None = None,
    tz: str | tzinfo | None = None,
    school: School | None = None,
    policy: Policy | None = None,
    extra_phrases: Mapping[str, Sequence[str]] | None = None,
) -> ImminenceAnalysis:
    """Find imminence markers and the stated time of the act in a message.

    Args:
        text: The message (any content; obfuscation is folded first).
        now: When the message is assessed; relative expressions ("tomorrow") are
            resolved against it and ``hours_until`` is measured from it. A naive
            value takes the school's zone. Defaults to the current time.
        tz: The school's time zone (IANA name or tzinfo); defaults to
            ``school.timezone``, else UTC.
        school: The threatened school: time zone and calendar events.
        policy: Weights and the imminence window; ``Policy()`` when None.
        extra_phrases: A district's own cue patterns, ``{category: [pattern,
            ...]}``, added to the built-in lexicon (same pattern syntax as
            ``_rules.LEXICON``: ``a|b`` alternatives, ``word?`` optional,
            ``two_words`` as one alternative, a final ``$`` for clause end). The
            context rules (harm context, negation, questions, ...) apply to them
            as to the built-in cues. See ``docs/imminence.md``.

    Returns:
        An :class:`ImminenceAnalysis` with ``markers``, ``when``, ``hours_until``
        and ``findings``.

    Raises:
        TypeError: If an argument has the wrong type.
        InvalidInputError: If ``tz`` is not a known time zone name, or
            ``extra_phrases`` names an unknown category or holds an empty pattern.
    """
    return analyze_text(
        text,
        now=now,
        tz=tz,
        school=school,
        policy=policy,
        extra_phrases=extra_phrases,
    )
