"""Text analysis: recycled messages, waves, specificity, goals, reposts.

Pure: the only I/O goes through the :class:`~threatsignals.Archive` passed in
(reading signals and metadata). The derived in-memory :class:`TextIndex` is kept
in ``archive.cache["text"]`` and refreshed incrementally when the archive's
revision changes.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from threatsignals.errors import InvalidInputError, Problem
from threatsignals.guidance import REF_PATTERNS, REF_RECYCLED, REF_REPORTING
from threatsignals.model import Finding, School
from threatsignals.policy import Policy
from threatsignals.text import _rules as rules
from threatsignals.text._index import TextIndex, signature_from_hex
from threatsignals.text._mask import (
    expand_text,
    find_names,
    mask,
    names_for,
    words,
)
from threatsignals.text._normalize import normalize, split_wrapper
from threatsignals.text._shared import SharedTextIndex

if TYPE_CHECKING:
    from threatsignals.archive import Archive

__all__ = ["TextAnalysis", "TextMatch", "analyze", "archive_index"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TextMatch:
    """An archived report whose text shares this message's template.

    Attributes:
        report_id: The archived report's id.
        score: Similarity 0..100 (see :func:`~threatsignals.text.similarity`); for
            a report imported from another organisation, which carries no text,
            the share of equal fingerprint bands in percent (``docs/exchange.md``).
        school: The archived report's school key (as stored; imported reports
            carry whatever key their organisation exported).
        time: When the archived report was received (UTC).
        outcome: ``"hoax"``, ``"credible"`` or ``"unknown"``.
        origin: ``"local"`` or the organisation it was imported from.
    """

    report_id: str
    score: float
    school: str
    time: datetime
    outcome: str
    origin: str = "local"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "report_id": self.report_id,
            "score": self.score,
            "school": self.school,
            "time": self.time.isoformat(),
            "outcome": self.outcome,
            "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """Result of :func:`analyze`.

    Attributes:
        matches: Archived reports sharing the template, best first.
        findings: Findings for the combiner (weights from the policy).
    """

    matches: tuple[TextMatch, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "matches": [m.to_dict() for m in self.matches],
            "findings": [f.to_dict() for f in self.findings],
        }


# ---------------------------------------------------------------------------
# phrase lexicons


def _phrase_re(phrases: Iterable[str], patterns: Iterable[str] = ()) -> re.Pattern[str]:
    alts = [re.escape(p) for p in sorted(set(phrases), key=len, reverse=True)]
    alts.extend(patterns)
    return re.compile(r"(?<![a-z0-9'])(?:" + "|".join(alts) + r")(?![a-z0-9'])")


_EVENT_RE = _phrase_re(
    (*rules.SIGNIFICANT_EVENTS, *rules.EVENT_PHRASES), rules.EVENT_PATTERNS
)
_DISRUPTION_RE = _phrase_re(rules.DISRUPTION_PHRASES, rules.DISRUPTION_PATTERNS)
_REPOST_RE = _phrase_re(rules.REPOST_PHRASES, rules.REPOST_PATTERNS)
_WARNING_RE = _phrase_re(rules.DIRECT_WARNING_PHRASES, rules.WARNING_PATTERNS)
#: Single-word event names found with one typo (see ``EVENT_FUZZY_MIN``).
_FUZZY_EVENTS = tuple(
    sorted(
        {
            e.replace(" ", "")
            for e in rules.SIGNIFICANT_EVENTS
            if len(e.replace(" ", "")) >= rules.EVENT_FUZZY_MIN
        }
    )
)


def _personal_anniversary(text: str, m: re.Match[str]) -> bool:
    """An "anniversary" with "happy", "wedding", "our"... up to 3 words before."""
    if not m.group(0).startswith("anniversary"):
        return False
    before = text[max(0, m.start() - 60) : m.start()].split()[-3:]
    return any(w.strip(".,!?'\"") in rules.PERSONAL_ANNIVERSARY for w in before)


def _first(
    pattern: re.Pattern[str],
    *texts: str,
    reject: Callable[[str, re.Match[str]], bool] | None = None,
) -> tuple[str | None, int]:
    """Return the first matched phrase and how many distinct phrases matched."""
    found: dict[str, None] = {}
    for text in texts:
        for m in pattern.finditer(text):
            if reject is not None and reject(text, m):
                continue
            found.setdefault(m.group(0))
            if len(found) >= 5:
                break
    if not found:
        return None, 0
    return next(iter(found)), len(found)


def _fuzzy_event(ws: Iterable[str]) -> str | None:
    """A single-word event name written with one typo ("columbyne"), or None."""
    from rapidfuzz.distance import OSA

    for w in ws:
        if len(w) < rules.EVENT_FUZZY_MIN - 1 or not w.isalpha():
            continue
        for e in _FUZZY_EVENTS:
            if abs(len(w) - len(e)) <= 1 and OSA.distance(w, e, score_cutoff=1) <= 1:
                return e
    return None


# ---------------------------------------------------------------------------
# archive index


@dataclass(slots=True)
class _ArchiveState:
    index: TextIndex
    revision: int
    last_seq: int
    last_sig_seq: int
    n_reports: int  # the archive's deletion count when built


def _load(archive: Archive, state: _ArchiveState) -> None:
    """Add signals newer than the state's sequence numbers to its index."""
    masked = archive.signals("text.masked", after=state.last_seq)
    sigs = archive.signals("text.minhash", after=state.last_sig_seq)
    by_id = {s.report_id: s.value for s in sigs}
    if masked:
        state.last_seq = masked[-1].seq
    if sigs:
        state.last_sig_seq = sigs[-1].seq
    items: list[tuple[Hashable, str]] = []
    signatures = []
    for s in masked:
        items.append((s.report_id, s.value))
        hexsig = by_id.get(s.report_id)
        signatures.append(signature_from_hex(hexsig) if hexsig else None)
    if items:
        state.index.add_many_masked(items, signatures)
        _log.debug("text index: added %d archived texts", len(items))


_LOCKS_GUARD = threading.Lock()


def _lock(archive: Archive) -> Any:
    """The lock that serialises this archive's text index (assess may run in threads)."""
    with _LOCKS_GUARD:
        lock = archive.cache.get("text.lock")
        if lock is None:
            lock = threading.RLock()
            archive.cache["text.lock"] = lock
    return lock


def archive_index(archive: Archive) -> TextIndex:
    """Return the archive's text index, built or refreshed as needed.

    Kept in ``archive.cache["text"]`` with the archive revision it reflects. When
    the revision changed, new ``text.masked`` signals are added incrementally; when
    reports were deleted (``archive.deletions`` changed), the index is rebuilt.
    Deleted reports that slipped through are also dropped when a search hits them
    and ``archive.meta`` no longer knows them. Thread-safe per archive.
    """
    with _lock(archive):
        revision = archive.revision
        state = archive.cache.get("text")
        if isinstance(state, _ArchiveState) and state.revision == revision:
            return state.index
        n_reports = archive.deletions  # rebuild after any deletion
        if not isinstance(state, _ArchiveState) or n_reports != state.n_reports:
            state = _ArchiveState(TextIndex(), revision, 0, 0, n_reports)
            _log.debug("text index: full build")
        _load(archive, state)
        state.revision = revision
        state.n_reports = n_reports
        archive.cache["text"] = state
        return state.index


@dataclass(slots=True)
class _SharedState:
    index: SharedTextIndex
    revision: int
    last_seq: int
    n_reports: int  # the archive's deletion count when built


#: Signal kinds of text fingerprints imported from other organisations.
SHARED_BANDS_KIND = "xtext.bands"
SHARED_EXACT_KIND = "xtext.exact"


def shared_index(archive: Archive) -> SharedTextIndex:
    """Return the index of imported text fingerprints, refreshed as needed.

    Imported reports carry no text, only shared fingerprints
    (:mod:`threatsignals.text._shared`); they are matched by equal bands.
    Kept in ``archive.cache["text.shared"]``; thread-safe per archive.
    """
    with _lock(archive):
        revision = archive.revision
        state = archive.cache.get("text.shared")
        if isinstance(state, _SharedState) and state.revision == revision:
            return state.index
        n_reports = archive.deletions  # rebuild after any deletion
        if not isinstance(state, _SharedState) or n_reports != state.n_reports:
            state = _SharedState(SharedTextIndex(), revision, 0, n_reports)
        bands = archive.signals(SHARED_BANDS_KIND, after=state.last_seq)
        if bands:
            exact = {
                sig.report_id: sig.value
                for sig in archive.signals(SHARED_EXACT_KIND, after=state.last_seq)
            }
            state.index.add_many(
                (sig.report_id, sig.value, exact.get(sig.report_id)) for sig in bands
            )
            state.last_seq = bands[-1].seq
            _log.debug("shared text index: added %d imported fingerprints", len(bands))
        state.revision = revision
        state.n_reports = n_reports
        archive.cache["text.shared"] = state
        return state.index


# ---------------------------------------------------------------------------
# analysis


def _aware(value: datetime | None, name: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError(
            [Problem(name, "naive_datetime", "datetime has no timezone")]
        )
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise InvalidInputError(
            [Problem(name, "out_of_range", "not representable in UTC")]
        ) from None
    return value


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}es" if word.endswith(("ch", "sh", "s", "x")) else f"{n} {word}s"


def _matches(
    archive: Archive,
    masked: str,
    exclude: Collection[str],
    min_score: float | None,
) -> list[TextMatch]:
    with _lock(archive):
        index = archive_index(archive)
        found = index.search_masked(masked, min_score)
        shared = shared_index(archive)
        if len(shared):
            seen = {k for k, _ in found}
            found = found + [
                (k, sc) for k, sc in shared.search_masked(masked) if k not in seen
            ]
    hits = [(k, s) for k, s in found if k not in exclude]
    if not hits:
        return []
    ids = [str(k) for k, _ in hits]
    meta = archive.meta(ids)
    out: list[TextMatch] = []
    for (key, score), rid in zip(hits, ids, strict=True):
        rec = meta.get(rid)
        if rec is None:
            with _lock(archive):
                index.remove(key)  # deleted since the index was built
            continue
        out.append(
            TextMatch(
                report_id=rid,
                score=score,
                school=rec.school,
                time=rec.received_at,
                outcome=str(rec.outcome.value),
                origin=rec.origin,
            )
        )
    return out


def _match_findings(
    matches: list[TextMatch],
    school: School | None,
    when: datetime,
    policy: Policy,
) -> list[Finding]:
    out: list[Finding] = []
    if not matches:
        return out
    here = school.key if school is not None else None
    imported = {m.origin for m in matches if m.origin != "local"}
    orgs = (
        f"; reported by {_plural(len(imported), 'other organisation')}"
        if imported
        else ""
    )
    credible = [m for m in matches if m.outcome == "credible"]
    if credible:
        out.append(
            Finding(
                code=rules.CODE_MATCHES_CREDIBLE,
                analyzer=rules.ANALYZER_NAME,
                weight=policy.weight(rules.CODE_MATCHES_CREDIBLE),
                evidence=(
                    f"matches {_plural(len(credible), 'archived threat')} judged credible "
                    f"(best similarity {credible[0].score:.0f}/100; "
                    f"{_plural(len(matches), 'match')} in all{orgs}); a match to a "
                    "credible threat raises concern and is not treated as recycling"
                ),
                guidance=REF_RECYCLED,
            )
        )
        return out
    window = timedelta(hours=policy.wave_hours)

    def _same_incident(m: TextMatch) -> bool:
        # the same text at this school within the window is the same threat
        # reported again (several students forward one post), not recycling
        return m.origin == "local" and m.school == here and abs(m.time - when) <= window

    recycled = [m for m in matches if not _same_incident(m)]
    duplicates = len(matches) - len(recycled)
    if recycled:
        same = sum(1 for m in recycled if m.origin == "local" and m.school == here)
        outcomes: dict[str, int] = {}
        for m in recycled:
            outcomes[m.outcome] = outcomes.get(m.outcome, 0) + 1
        outcome_text = ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items()))
        dup_text = (
            f"; {duplicates} more at this school within {policy.wave_hours:g} h "
            "(the same threat reported again)"
            if duplicates
            else ""
        )
        out.append(
            Finding(
                code=rules.CODE_RECYCLED,
                analyzer=rules.ANALYZER_NAME,
                weight=policy.weight(rules.CODE_RECYCLED),
                evidence=(
                    f"matches {_plural(len(recycled), 'archived threat')} "
                    f"(best similarity {recycled[0].score:.0f}/100; {same} earlier at "
                    f"this school; outcomes: {outcome_text}{orgs}{dup_text})"
                ),
                guidance=REF_RECYCLED,
            )
        )
    wave = [
        m
        for m in matches
        if abs(m.time - when) <= window
        and not (m.origin == "local" and m.school == here)
    ]
    schools = {(m.origin, m.school) for m in wave}
    if len(schools) >= policy.wave_min_schools:
        times = [m.time for m in wave] + [when]
        span_h = (max(times) - min(times)).total_seconds() / 3600
        local_schools = {s for o, s in schools if o == "local"}
        wave_orgs = {o for o, _ in schools if o != "local"}
        parts = [f"same template at {_plural(len(schools), 'other school')}"]
        if wave_orgs:
            parts.append(
                f"({len(local_schools)} local; reported by "
                f"{_plural(len(wave_orgs), 'other organisation')})"
            )
        parts.append(
            f"within {policy.wave_hours:g} h of this report, spanning {span_h:.0f} h"
        )
        out.append(
            Finding(
                code=rules.CODE_WAVE,
                analyzer=rules.ANALYZER_NAME,
                weight=policy.weight(rules.CODE_WAVE),
                evidence=" ".join(parts),
                guidance=REF_PATTERNS,
            )
        )
    return out


def _name_findings(ws: list[str], school: School, policy: Policy) -> list[Finding]:
    hits = find_names(ws, names_for(school))
    out: list[Finding] = []
    school_hits = [h for h in hits if h.kind == "school"]
    if school_hits:
        h = max(school_hits, key=lambda x: x.score)
        how = "its name" if h.index == 0 else "an alias"
        fuzzy = "" if h.score >= 100 else f", misspelled (similarity {h.score:.0f}/100)"
        out.append(
            Finding(
                code=rules.CODE_NAMES_SCHOOL,
                analyzer=rules.ANALYZER_NAME,
                weight=policy.weight(rules.CODE_NAMES_SCHOOL),
                evidence=f"names the school by {how}{fuzzy}",
                guidance=REF_PATTERNS,
            )
        )
    places = sorted({h.index for h in hits if h.kind == "place"})
    if places:
        # positions in School.places, not the names: evidence never repeats them
        shown = ", ".join(f"#{i + 1}" for i in places[:5])
        out.append(
            Finding(
                code=rules.CODE_NAMES_PLACE,
                analyzer=rules.ANALYZER_NAME,
                weight=policy.weight(rules.CODE_NAMES_PLACE),
                evidence=(
                    f"names {_plural(len(places), 'local place')} from the school's "
                    f"list (places {shown}): specific local knowledge"
                ),
                guidance=REF_PATTERNS,
            )
        )
    people = {h.index for h in hits if h.kind == "person"}
    if people:
        out.append(
            Finding(
                code=rules.CODE_NAMES_PERSON,
                analyzer=rules.ANALYZER_NAME,
                weight=policy.weight(rules.CODE_NAMES_PERSON),
                evidence=(
                    f"names {_plural(len(people), 'person')} from the school's list "
                    "(a personalised threat)"
                ),
                guidance=REF_PATTERNS,
            )
        )
    return out


_FWD_SUBJECT = re.compile(r"subject: (?:re: )*(?:fwd?|fw):")


def _forwarded(wrapper: tuple[str, ...]) -> bool:
    """Whether the wrapper lines show forwarding or reposting.

    Plain header lines (``from:``, ``subject:``) are not enough: a school often
    pastes the original threat e-mail with its headers. A forwarding marker, an
    ``rt @user:`` or ``fwd:`` prefix, or a forwarded subject line is.
    """
    for line in wrapper:
        if line.startswith(
            (
                "- forwarded message -",
                "- original message -",
                "begin forwarded message:",
                "rt @",
                "fwd:",
                "fw:",
            )
        ):
            return True
        if _FWD_SUBJECT.match(line):
            return True
    return False


def _finding(code: str, evidence: str, guidance: str, policy: Policy) -> Finding:
    return Finding(code, rules.ANALYZER_NAME, policy.weight(code), evidence, guidance)


def _more(phrase: str, n: int) -> str:
    """``'phrase'`` plus how many more matches there were."""
    return f"'{phrase}'" + (f" and {n - 1} more" if n > 1 else "")


def _lexicon_findings(
    flat: str, wrapper: tuple[str, ...], policy: Policy
) -> list[Finding]:
    out: list[Finding] = []
    # the lexicons read the text as written and with text-speak expanded
    # ("u have been warned", "keep ur kids home")
    expanded = expand_text(flat)
    texts = (flat,) if expanded == flat else (flat, expanded)
    phrase, n = _first(_EVENT_RE, *texts, reject=_personal_anniversary)
    if phrase is None:
        phrase = _fuzzy_event(words(flat))
        n = 1 if phrase is not None else 0
    if phrase is not None:
        out.append(
            _finding(
                rules.CODE_SIGNIFICANT_EVENT,
                f"refers to a significant event or anniversary ({_more(phrase, n)})",
                REF_PATTERNS,
                policy,
            )
        )
    phrase, n = _first(_DISRUPTION_RE, *texts)
    if phrase is not None:
        out.append(
            _finding(
                rules.CODE_DISRUPTION_GOAL,
                f"states a disruption goal ({_more(phrase, n)})",
                REF_PATTERNS,
                policy,
            )
        )
    phrase, n = _first(_REPOST_RE, *texts)
    forwarded = _forwarded(wrapper)
    repost = phrase is not None or forwarded
    if repost:
        signs = []
        if forwarded:
            signs.append("forwarding or repost header")
        if phrase is not None:
            signs.append(f"repost wording ('{phrase}')")
        out.append(
            _finding(
                rules.CODE_REPOST,
                "someone passing a threat on: " + " and ".join(signs),
                REF_REPORTING,
                policy,
            )
        )
    if not repost:
        phrase, n = _first(_WARNING_RE, *texts)
        if phrase is not None:
            out.append(
                _finding(
                    rules.CODE_DIRECT_WARNING,
                    f"warns the target directly ('{phrase}'); most attackers do not, "
                    "but this is never enough on its own",
                    REF_PATTERNS,
                    policy,
                )
            )
    return out


def analyze(
    text: str | None,
    *,
    school: School | None = None,
    archive: Archive | None = None,
    now: datetime | None = None,
    policy: Policy | None = None,
    received_at: datetime | None = None,
    exclude_ids: Collection[str] = (),
    min_score: float | None = None,
) -> TextAnalysis:
    """Analyse a message: recycled or wave template, specificity, goals, reposts.

    Args:
        text: The message (a transcript for calls). None or blank gives an
            empty result.
        school: The threatened school; its names, aliases, places and people are
            looked for (fuzzy) and masked when matching templates.
        archive: Past threats; matches come from its ``text.masked`` signals.
        now: The time of the analysis (timezone-aware); the report time when
            ``received_at`` is not given.
        policy: Weights and the wave window; ``Policy()`` when None.
        received_at: When the message was received (timezone-aware).
        exclude_ids: Archived report ids never to match (the report itself).
        min_score: Lowest similarity for a match; the index default when None.

    Returns:
        A :class:`TextAnalysis` with ``matches`` (best first) and ``findings``.

    Raises:
        TypeError: ``text`` is not a string or None, or ``school`` is not a School.
        InvalidInputError: ``now`` or ``received_at`` has no timezone.

    Example:
        >>> a = analyze("idk if this is true but saw this on snap: no school tomorrow")
        >>> sorted(f.code for f in a.findings)
        ['text_disruption_goal', 'text_repost']
    """
    if text is not None and not isinstance(text, str):
        raise TypeError("text must be a str or None")
    if school is not None and not isinstance(school, School):
        raise TypeError("school must be a threatsignals.School or None")
    now = _aware(now, "now")
    received_at = _aware(received_at, "received_at")
    policy = policy if policy is not None else Policy()
    if not text or not text.strip():
        return TextAnalysis()
    norm = normalize(text)
    if not norm:
        return TextAnalysis()
    when = (received_at or now or datetime.now(UTC)).astimezone(UTC)
    _, wrapper = split_wrapper(norm)
    # names are looked for everywhere, subject lines included
    all_words = words(norm[: rules.MAX_COMPARE_CHARS])
    # exactly what the archive stores for a report (``mask``), contractions and
    # text-speak expanded included
    masked = mask(norm, school)
    findings: list[Finding] = []
    matches: list[TextMatch] = []
    if archive is not None and masked:
        matches = _matches(archive, masked, frozenset(exclude_ids), min_score)
        findings.extend(_match_findings(matches, school, when, policy))
    if school is not None:
        findings.extend(_name_findings(all_words, school, policy))
    findings.extend(_lexicon_findings(norm.replace("\n", " "), wrapper, policy))
    _log.debug(
        "text analysis: %d matches, findings %s",
        len(matches),
        ",".join(f.code for f in findings) or "none",
    )
    return TextAnalysis(matches=tuple(matches), findings=tuple(findings))
