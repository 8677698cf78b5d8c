"""The imminence analyzer as a built-in plug-in for :func:`threatsignals.assess`."""

from __future__ import annotations

from datetime import UTC

from threatsignals.analyzers import AnalyzerContext
from threatsignals.imminence._analyze import ImminenceAnalysis, analyze_text
from threatsignals.imminence._rules import ANALYZER_NAME, VERSION
from threatsignals.model import Report

__all__ = ["ANALYZER", "ImminenceAnalyzer"]


class ImminenceAnalyzer:
    """Runs :func:`threatsignals.imminence.analyze` on a report's text.

    Time convention: relative expressions ("tomorrow", "in 2 hours", "Friday") are
    resolved against ``report.received_at`` when it is given (a message received
    yesterday that says "tomorrow" means today), else against ``context.now``;
    ``hours_until`` is always measured from ``context.now``. The time zone is the
    school's, or UTC without a school.
    """

    name = ANALYZER_NAME
    version = VERSION

    def analyze_report(
        self, report: Report, context: AnalyzerContext
    ) -> ImminenceAnalysis:
        """Return the imminence analysis of ``report.text`` (empty without text).

        Args:
            report: The report; only ``text`` and ``received_at`` are read.
            context: School (time zone, calendar), ``now`` and the policy.
        """
        text = report.text
        if not text:
            return ImminenceAnalysis()
        school = context.school
        tz = school.tz if school is not None else UTC
        return analyze_text(
            text,
            now=context.now,
            reference=report.received_at or context.now,
            tz=tz,
            school=school,
            policy=context.policy,
        )


#: The instance :func:`threatsignals.analyzers.builtin_analyzers` discovers.
ANALYZER = ImminenceAnalyzer()
