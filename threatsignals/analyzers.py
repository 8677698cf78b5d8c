"""The analyzer protocol, the context handed to analyzers, and the built-in set.

An analyzer is any object with ``name``, ``version`` and
``analyze_report(report, context) -> Iterable[Finding]``. It may instead return an
object with a ``.findings`` attribute (and optionally ``.when``, the stated time of
the act), which is how the built-in imminence analyzer passes its time on.

An analyzer may also offer ``signals(report, school) -> Iterable[tuple[str, str]]``:
the fingerprints the :class:`~threatsignals.Archive` stores for a report so that
later reports can be matched against it (the text and image analyzers do).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from threatsignals.policy import Policy

if TYPE_CHECKING:
    from threatsignals.archive import Archive
    from threatsignals.model import Finding, Report, School

__all__ = ["Analyzer", "AnalyzerContext", "SignalSource", "builtin_analyzers"]

_log = logging.getLogger(__name__)

#: Built-in analyzer packages, in the order they run.
BUILTIN_PACKAGES: tuple[str, ...] = ("phone", "text", "imminence", "images")


@dataclass(frozen=True, slots=True)
class AnalyzerContext:
    """What an analyzer may use besides the report itself.

    Attributes:
        school: The threatened school, or None.
        archive: The archive of earlier threats, or None.
        now: The time of the assessment (timezone-aware).
        policy: The scoring policy (weights, windows, thresholds).
    """

    school: School | None
    archive: Archive | None
    now: datetime
    policy: Policy


@runtime_checkable
class Analyzer(Protocol):
    """What ``assess(..., analyzers=[...])`` accepts.

    Attributes:
        name: Stable, unique name, recorded in every assessment (``"acme_osint"``).
        version: Version string of the analyzer's logic.
    """

    name: str
    version: str

    def analyze_report(
        self, report: Report, context: AnalyzerContext
    ) -> Iterable[Finding]:
        """Return the findings for ``report``; pure: no printing, no global state."""
        ...


@runtime_checkable
class SignalSource(Protocol):
    """An analyzer that also gives the archive fingerprints to store."""

    name: str

    def signals(
        self, report: Report, school: School | None
    ) -> Iterable[tuple[str, str]]:
        """Return ``(kind, value)`` pairs to store for ``report``."""
        ...


_BUILTINS: list[Any] | None = None


def builtin_analyzers() -> list[Any]:
    """Return the built-in analyzers that are installed, in run order.

    Each built-in package exposes a module-level ``ANALYZER`` in its ``_plugin``
    module; packages not present are skipped (never replaced by placeholders).
    """
    global _BUILTINS
    if _BUILTINS is None:
        found: list[Any] = []
        for pkg in BUILTIN_PACKAGES:
            try:
                mod = importlib.import_module(f"threatsignals.{pkg}._plugin")
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.startswith(f"threatsignals.{pkg}"):
                    continue
                raise
            found.append(mod.ANALYZER)
        _BUILTINS = found
    return list(_BUILTINS)
