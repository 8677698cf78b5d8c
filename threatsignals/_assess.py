"""assess(): run the analyzers, add context findings, combine into an Assessment."""

from __future__ import annotations

import logging
import math
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from threatsignals._combine import combine_findings
from threatsignals.analyzers import AnalyzerContext, builtin_analyzers
from threatsignals.archive import Archive, derive_report_id
from threatsignals.errors import AnalyzerFailedError, InvalidReportError, Problem
from threatsignals.guidance import (
    REF_BACKGROUND,
    REF_ONGOING,
    REF_PATTERNS,
    REF_RECYCLED,
    REF_SOCIAL_MEDIA_TRACE,
    Situation,
    actions_for,
    questions_for,
)
from threatsignals.model import AnalyzerRun, Assessment, Finding, Report, School
from threatsignals.policy import Policy

__all__ = ["assess", "context_findings"]

_log = logging.getLogger(__name__)
_DEFAULT_POLICY: Policy | None = None


def _default_policy() -> Policy:
    global _DEFAULT_POLICY
    if _DEFAULT_POLICY is None:
        _DEFAULT_POLICY = Policy()
    return _DEFAULT_POLICY


def _resolve_now(now: datetime | None, school: School | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if not isinstance(now, datetime):
        raise TypeError("now must be a datetime")
    if now.tzinfo is None or now.utcoffset() is None:
        # A naive `now` is read in the school's time zone (UTC without a school).
        now = now.replace(tzinfo=school.tz if school is not None else UTC)
    try:
        now.astimezone(UTC)
    except OverflowError:
        raise InvalidReportError(
            [Problem("now", "out_of_range", "not representable in UTC")]
        ) from None
    return now


def _haversine_free(km: float) -> str:
    return f"{km:,.0f} km"


def context_findings(
    report: Report,
    *,
    school: School | None,
    archive: Archive | None,
    now: datetime,
    policy: Policy,
    when: datetime | None = None,
    same_threat: Collection[str] = (),
) -> list[Finding]:
    """Return the findings ``assess`` derives from the report's context.

    Source origin (far away, abroad, local), exam periods on the school calendar,
    repeated threats to the same school in the archive, partners' reports of the
    same message, and local media coverage.

    ``same_threat`` holds archived report ids that are this same threat reported
    again (the text analyzer's copies at this school within the wave window, e.g.
    several students sending one post): they are not *repeated* threats.
    """
    out: list[Finding] = []

    def add(code: str, evidence: str, ref: str) -> None:
        out.append(Finding(code, "context", policy.weight(code), evidence, ref))

    dist = report.source_distance_km
    abroad = (
        report.source_country is not None
        and school is not None
        and report.source_country != school.region
    )
    if abroad:
        add(
            "source_far_away",
            "origin traced outside the school's country",
            REF_SOCIAL_MEDIA_TRACE,
        )
    elif dist is not None and dist >= policy.far_km:
        add(
            "source_far_away",
            f"origin traced {_haversine_free(dist)} from the school",
            REF_SOCIAL_MEDIA_TRACE,
        )
    elif dist is not None and dist <= policy.local_km:
        add(
            "source_local",
            f"origin traced {_haversine_free(dist)} from the school",
            REF_SOCIAL_MEDIA_TRACE,
        )

    received = report.received_at or now
    if school is not None:
        for event in school.calendar:
            if event.kind.lower() not in {"exam", "exams", "test", "testing"}:
                continue
            hit = event.covers(received)
            if not hit and when is not None:
                hit = event.covers(when)
            if hit:
                add(
                    "during_exam_period",
                    "threat arrives during, or names a time within, an exam period "
                    "on the school calendar",
                    REF_PATTERNS,
                )
                break

    if archive is not None and school is not None:
        own = derive_report_id(report, school)
        try:
            since = received - timedelta(days=policy.repeat_days)
        except OverflowError:  # received near year 1 (a "zero date" sentinel)
            since = datetime.min.replace(tzinfo=UTC)
        earlier = [
            r
            for r in archive.reports(school=school, since=since, until=received)
            if r.id != own and r.id not in same_threat
        ]
        if len(earlier) >= policy.repeat_min:
            add(
                "repeated_threats_same_target",
                f"{len(earlier)} earlier threat(s) to this school in the archive within "
                f"{policy.repeat_days:g} days",
                REF_BACKGROUND,
            )

    n = report.other_schools_reported
    if n is not None and n >= 1:
        add(
            "reported_by_other_schools",
            f"partners report the same message at {n} other school(s) or district(s)",
            REF_RECYCLED,
        )
    if report.local_media is True:
        add(
            "local_media_coverage",
            "local media has reported on this threat",
            REF_ONGOING,
        )
    return out


def _same_threat_ids(
    result: Any, report: Report, school: School, now: datetime, policy: Policy
) -> set[str]:
    """Ids of archived copies of this message at this school within the wave window.

    The text analyzer lists them in ``matches`` (and does not call them recycled):
    the same threat reported again is one threat, not repeated threats.
    """
    received = report.received_at or now
    window = timedelta(hours=policy.wave_hours)
    out: set[str] = set()
    for m in getattr(result, "matches", None) or ():
        rid = getattr(m, "report_id", None)
        t = getattr(m, "time", None)
        if (
            isinstance(rid, str)
            and getattr(m, "origin", "local") == "local"
            and getattr(m, "school", None) == school.key
            and isinstance(t, datetime)
            and t.tzinfo is not None
            and abs(t - received) <= window
        ):
            out.add(rid)
    return out


def _check_findings(result: Any, name: str) -> tuple[list[Finding], datetime | None]:
    findings_obj = getattr(result, "findings", result)
    when = getattr(result, "when", None)
    if findings_obj is None:
        findings_obj = ()
    if not isinstance(findings_obj, Iterable):
        raise TypeError(f"analyzer {name!r} returned no findings iterable")
    findings: list[Finding] = []
    for f in findings_obj:
        if not isinstance(f, Finding):
            raise TypeError(f"analyzer {name!r} returned a non-Finding")
        if not isinstance(f.weight, int | float) or not math.isfinite(f.weight):
            raise ValueError(f"analyzer {name!r} returned a non-finite weight")
        findings.append(f)
    if when is not None and not (
        isinstance(when, datetime) and when.tzinfo is not None
    ):
        when = None
    return findings, when


def assess(
    report: Report,
    *,
    school: School | None = None,
    archive: Archive | None = None,
    now: datetime | None = None,
    policy: Policy | None = None,
    analyzers: Sequence[Any] = (),
    builtin: bool = True,
    strict: bool = False,
) -> Assessment:
    """Assess one report: run the analyzers, add context findings and combine them.

    Args:
        report: The threat as it arrived.
        school: The threatened school (names, places, people, calendar, numbers).
        archive: Past threats, to find recycled content, waves and repeats.
        now: The time of the assessment; defaults to the current time. A naive
            datetime is read in the school's time zone.
        policy: Weights, bands and windows; :class:`Policy` defaults when None.
        analyzers: Custom analyzers to run after the built-in ones.
        builtin: Whether to run the built-in analyzers.
        strict: Re-raise an analyzer's exception as
            :class:`~threatsignals.errors.AnalyzerFailedError` instead of recording it.

    Returns:
        The :class:`Assessment`.

    Raises:
        TypeError: ``report``, ``school``, ``archive`` or ``policy`` has the wrong type.
    """
    if not isinstance(report, Report):
        raise TypeError("report must be a threatsignals.Report")
    if school is not None and not isinstance(school, School):
        raise TypeError("school must be a threatsignals.School or None")
    if archive is not None and not isinstance(archive, Archive):
        raise TypeError("archive must be a threatsignals.Archive or None")
    if policy is None:
        policy = _default_policy()
    elif not isinstance(policy, Policy):
        raise TypeError("policy must be a threatsignals.Policy or None")
    now = _resolve_now(now, school)
    context = AnalyzerContext(school=school, archive=archive, now=now, policy=policy)

    runs: list[AnalyzerRun] = []
    findings: list[Finding] = []
    when: datetime | None = None
    same_threat: set[str] = set()
    to_run = [*(builtin_analyzers() if builtin else ()), *analyzers]
    seen: set[str] = set()
    for analyzer in to_run:
        name = str(getattr(analyzer, "name", type(analyzer).__name__))
        version = str(getattr(analyzer, "version", "?"))
        if name in seen:
            raise InvalidReportError(
                [Problem("analyzers", "duplicate_name", "two analyzers share one name")]
            )
        seen.add(name)
        try:
            result = analyzer.analyze_report(report, context)
            got, got_when = _check_findings(result, name)
        except Exception as exc:  # one broken analyzer must not hide a threat
            if strict:
                raise AnalyzerFailedError(name, type(exc).__name__) from exc
            _log.warning("analyzer %s failed with %s", name, type(exc).__name__)
            runs.append(AnalyzerRun(name, version, "failed", type(exc).__name__, 0))
            continue
        if got_when is not None and when is None:
            when = got_when
        if name == "text" and builtin and school is not None:
            same_threat |= _same_threat_ids(result, report, school, now, policy)
        findings.extend(got)
        runs.append(AnalyzerRun(name, version, "ok", None, len(got)))

    findings.extend(
        context_findings(
            report,
            school=school,
            archive=archive,
            now=now,
            policy=policy,
            when=when,
            same_threat=same_threat,
        )
    )
    combined = combine_findings(findings, policy)
    codes = frozenset(f.code for f in combined.findings)
    situation = Situation(
        report=report,
        codes=codes,
        level=combined.level.value,
        imminent=combined.imminent,
        conflicting=combined.conflicting,
        has_school=school is not None,
        has_archive=archive is not None,
        has_when=when is not None,
        conflict_codes=combined.conflict_codes,
    )
    report_id = report.id or (derive_report_id(report, school) if school else None)
    _log.debug(
        "assessed report %s: level=%s codes=%s",
        report_id,
        combined.level.value,
        ",".join(sorted(codes)),
    )
    return Assessment(
        score=combined.score,
        level=combined.level,
        imminent=combined.imminent,
        when=when,
        findings=combined.findings,
        actions=actions_for(situation),
        open_questions=questions_for(situation),
        conflicting=combined.conflicting,
        report_id=report_id,
        assessed_at=now,
        analyzers=tuple(runs),
        policy=policy.name,
    )
