"""The built-in phone analyzer as seen by ``assess`` (``ANALYZER``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from threatsignals.model import Channel
from threatsignals.phone import _rules
from threatsignals.phone._analyze import CallerAnalysis, analyze

if TYPE_CHECKING:
    from threatsignals.analyzers import AnalyzerContext
    from threatsignals.model import Report

__all__ = ["ANALYZER", "PhoneAnalyzer"]


class PhoneAnalyzer:
    """Runs :func:`threatsignals.phone.analyze` on phone reports.

    A report is for this analyzer when its channel is ``phone`` or it carries a
    caller ID, an attestation or an interview; other reports get an empty result.
    """

    name: ClassVar[str] = _rules.ANALYZER_NAME
    version: ClassVar[str] = _rules.ANALYZER_VERSION

    def analyze_report(
        self, report: Report, context: AnalyzerContext
    ) -> CallerAnalysis:
        """Return the phone findings for ``report`` (empty when it is not a call)."""
        is_call = (
            report.channel == Channel.PHONE
            or report.caller_id is not None
            or report.attestation is not None
            or report.interview is not None
        )
        if not is_call:
            return CallerAnalysis(number=None, region=None, findings=())
        school = context.school
        return analyze(
            report.caller_id,
            region=school.region if school is not None else "US",
            school=school,
            attestation=report.attestation,
            interview=report.interview,
            policy=context.policy,
        )


#: The instance ``assess`` and the archive discover.
ANALYZER = PhoneAnalyzer()
