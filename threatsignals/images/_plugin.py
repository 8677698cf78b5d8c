"""The built-in ``images`` analyzer (discovered by ``assess`` and ``Archive.add``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from threatsignals.guidance import REF_IMAGES
from threatsignals.images import _rules
from threatsignals.model import Finding

if TYPE_CHECKING:
    from threatsignals.analyzers import AnalyzerContext
    from threatsignals.images._analyze import ImageAnalysis
    from threatsignals.model import Report, School

# numpy and Pillow are imported only when a report has images (see _analyze).
ANALYZER_NAME = "images"

__all__ = ["ANALYZER", "ImagesResult"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImagesResult:
    """The image findings of one report.

    Attributes:
        findings: One finding per code; with several images the evidence names
            each image by its position (``image 2``), never by its file name.
        images: The per-image analyses, in the report's order.
    """

    findings: tuple[Finding, ...] = ()
    images: tuple[ImageAnalysis, ...] = ()


def _combine(analyses: list[ImageAnalysis]) -> tuple[Finding, ...]:
    if len(analyses) == 1:
        return analyses[0].findings
    by_code: dict[str, list[tuple[int, Finding]]] = {}
    for i, analysis in enumerate(analyses, start=1):
        for f in analysis.findings:
            by_code.setdefault(f.code, []).append((i, f))
    out: list[Finding] = []
    for items in by_code.values():
        first = items[0][1]
        evidence = "; ".join(f"image {i}: {f.evidence}" for i, f in items)
        out.append(
            Finding(
                code=first.code,
                analyzer=first.analyzer,
                weight=first.weight,
                evidence=evidence,
                guidance=first.guidance,
            )
        )
    return tuple(out)


class ImagesAnalyzer:
    """Recycled and stock images, capture time and place (``report.images``)."""

    name = ANALYZER_NAME
    version = "1.0"

    def analyze_report(self, report: Report, context: AnalyzerContext) -> ImagesResult:
        """Analyse every image of ``report``; one bad image never stops the others.

        Matches to the report's own archived copy are ignored.
        """
        images = tuple(report.images or ())
        if not images:
            return ImagesResult()
        from threatsignals.images._analyze import ImageAnalysis, analyze_one

        exclude: set[str] = set()
        if context.archive is not None:
            from threatsignals.archive import derive_report_id

            exclude.add(derive_report_id(report, context.school))
        received_at = report.received_at or context.now
        analyses: list[ImageAnalysis] = []
        for image in images[: _rules.MAX_IMAGES_PER_REPORT]:
            try:
                analysis = analyze_one(
                    image,
                    school=context.school,
                    archive=context.archive,
                    now=context.now,
                    policy=context.policy,
                    received_at=received_at,
                    exclude=exclude,
                )
            except TypeError:
                analysis = ImageAnalysis(
                    findings=(
                        Finding(
                            code="image_unreadable",
                            analyzer=ANALYZER_NAME,
                            weight=context.policy.weight("image_unreadable"),
                            evidence="image could not be read: unsupported object type",
                            guidance=REF_IMAGES,
                        ),
                    ),
                    reason="unsupported object type",
                )
            analyses.append(analysis)
        if len(images) > _rules.MAX_IMAGES_PER_REPORT:
            _log.info(
                "report has %d images; analysed the first %d",
                len(images),
                _rules.MAX_IMAGES_PER_REPORT,
            )
        return ImagesResult(findings=_combine(analyses), images=tuple(analyses))

    def signals(
        self, report: Report, school: School | None
    ) -> Iterator[tuple[str, str]]:
        """Yield ``("image.fp", fingerprint hex)`` for each decodable image."""
        images = tuple(report.images or ())
        if not images:
            return
        from threatsignals.images._fingerprint import UnreadableImageError, fingerprint

        for image in images[: _rules.MAX_IMAGES_PER_REPORT]:
            try:
                fp = fingerprint(image)
            except (UnreadableImageError, TypeError):
                continue
            yield _rules.SIGNAL_KIND, fp.to_hex()


#: The analyzer instance ``assess`` and ``Archive.add`` discover.
ANALYZER = ImagesAnalyzer()
