"""The built-in text analyzer as ``assess`` and ``Archive.add`` discover it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from threatsignals.text import _rules as rules

if TYPE_CHECKING:
    from threatsignals.analyzers import AnalyzerContext
    from threatsignals.model import Report, School
    from threatsignals.text._analyze import TextAnalysis

__all__ = ["ANALYZER", "TextAnalyzer"]


class TextAnalyzer:
    """Runs :func:`threatsignals.text.analyze` on a report's text.

    Attributes:
        name: ``"text"``.
        version: Version of the normalisation, masking and scoring logic.
    """

    name = rules.ANALYZER_NAME
    version = rules.ANALYZER_VERSION

    def signals(
        self, report: Report, school: School | None
    ) -> Iterable[tuple[str, str]]:
        """Return the fingerprints the archive stores for ``report``.

        ``text.norm`` (normalised text, cut to ``MAX_STORED_CHARS``),
        ``text.masked`` (the template with slots masked, as compared) and
        ``text.minhash`` (its MinHash signature as hex, so that the index is
        rebuilt without recomputing it). Nothing for a report without text.
        """
        text = report.text
        if not text:
            return []
        from threatsignals.text._index import minhash, signature_hex
        from threatsignals.text._mask import mask
        from threatsignals.text._normalize import normalize

        norm = normalize(text)
        if not norm:
            return []
        out = [("text.norm", norm[: rules.MAX_STORED_CHARS])]
        masked = mask(norm, school)
        if masked:
            out.append(("text.masked", masked))
            out.append(("text.minhash", signature_hex(minhash(masked))))
        return out

    def analyze_report(self, report: Report, context: AnalyzerContext) -> TextAnalysis:
        """Analyse ``report.text`` against the context's school and archive.

        The report's own archived id is never matched, and its time is
        ``report.received_at`` (else ``context.now``).
        """
        from threatsignals.text._analyze import TextAnalysis, analyze

        if not report.text:
            return TextAnalysis()
        exclude: tuple[str, ...] = ()
        if context.archive is not None:
            from threatsignals.archive import derive_report_id

            exclude = (derive_report_id(report, context.school),)
        return analyze(
            report.text,
            school=context.school,
            archive=context.archive,
            now=context.now,
            policy=context.policy,
            received_at=report.received_at or context.now,
            exclude_ids=exclude,
        )


#: The instance ``assess`` and ``Archive.add`` discover.
ANALYZER = TextAnalyzer()
