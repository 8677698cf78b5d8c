"""The public exception tree of threatsignals.

Every error the library raises on purpose derives from :class:`ThreatSignalsError`.
Messages name the field and the problem, never the offending value: threat content
and caller numbers are sensitive and must not leak into logs through exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "AnalyzerFailedError",
    "ArchiveError",
    "ArchiveLockedError",
    "InvalidInputError",
    "InvalidPolicyError",
    "InvalidReportError",
    "MissingDependencyError",
    "Problem",
    "ThreatSignalsError",
]


class ThreatSignalsError(Exception):
    """Base class of every error raised on purpose by threatsignals."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found while validating input.

    Attributes:
        field: Dotted path of the field, e.g. ``"report.channel"``.
        code: Machine-readable problem code, e.g. ``"unknown_value"``.
        message: Human-readable explanation; never contains the value itself.
    """

    field: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InvalidInputError(ThreatSignalsError, ValueError):
    """Structured input (a report, a school, a JSON document) is malformed.

    Attributes:
        problems: Every problem found, each as field + code + message.
    """

    def __init__(self, problems: Iterable[Problem] | str, *, field: str = "input"):
        if isinstance(problems, str):
            problems = (Problem(field, "invalid", problems),)
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems) or "invalid input")

    def errors(self) -> list[dict[str, str]]:
        """Return the problems as plain dicts (``field``, ``code``, ``message``)."""
        return [
            {"field": p.field, "code": p.code, "message": p.message}
            for p in self.problems
        ]


class InvalidReportError(InvalidInputError):
    """A report, school or related record has malformed fields.

    For example an unknown channel, a naive datetime or a NaN distance.
    """


class InvalidPolicyError(InvalidInputError):
    """A policy file or mapping has unknown keys or out-of-range values."""


class MissingDependencyError(ThreatSignalsError, ImportError):
    """An optional dependency is not installed.

    Attributes:
        extra: Name of the ``pip install threatsignals[extra]`` that provides it.
    """

    def __init__(self, package: str, extra: str):
        self.package = package
        self.extra = extra
        super().__init__(
            f"{package} is required for this feature: "
            f"pip install 'threatsignals[{extra}]'"
        )


class ArchiveError(ThreatSignalsError):
    """The archive file is damaged, foreign, too new, or cannot be written."""


class ArchiveLockedError(ArchiveError):
    """The archive stayed locked by another writer for longer than the timeout."""


class AnalyzerFailedError(ThreatSignalsError):
    """An analyzer raised while assessing a report (raised only with ``strict=True``).

    Attributes:
        analyzer: Name of the analyzer that failed.
    """

    def __init__(self, analyzer: str, error_type: str):
        self.analyzer = analyzer
        self.error_type = error_type
        super().__init__(f"analyzer {analyzer!r} failed with {error_type}")
