"""threatsignals: consistent, explainable triage of anonymous threats to K-12 schools.

Quick start::

    import threatsignals as ts
    a = ts.assess(ts.Report(text="...", channel="email"), school=school, archive=archive)
    a.score, a.level, a.imminent, a.findings, a.actions, a.open_questions

The analyzer subpackages (``phone``, ``text``, ``imminence``, ``images``) load on
first use, so ``import threatsignals`` stays light.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from threatsignals._assess import assess
from threatsignals._batch import assess_many
from threatsignals._records import to_dataframe, to_records
from threatsignals._version import __version__
from threatsignals.analyzers import Analyzer, AnalyzerContext
from threatsignals.archive import Archive, ArchivedReport, Outcome
from threatsignals.errors import (
    AnalyzerFailedError,
    ArchiveError,
    ArchiveLockedError,
    InvalidInputError,
    InvalidPolicyError,
    InvalidReportError,
    MissingDependencyError,
    ThreatSignalsError,
)
from threatsignals.model import (
    Action,
    AnalyzerRun,
    Assessment,
    Awareness,
    Channel,
    Event,
    Finding,
    Interview,
    Level,
    Question,
    Report,
    School,
)
from threatsignals.policy import Policy

if TYPE_CHECKING:
    from threatsignals import images, imminence, phone, text, trends

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Action",
    "Analyzer",
    "AnalyzerContext",
    "AnalyzerFailedError",
    "AnalyzerRun",
    "Archive",
    "ArchiveError",
    "ArchiveLockedError",
    "ArchivedReport",
    "Assessment",
    "Awareness",
    "Channel",
    "Event",
    "Finding",
    "Interview",
    "InvalidInputError",
    "InvalidPolicyError",
    "InvalidReportError",
    "Level",
    "MissingDependencyError",
    "Outcome",
    "Policy",
    "Question",
    "Report",
    "School",
    "ThreatSignalsError",
    "__version__",
    "assess",
    "assess_many",
    "images",
    "imminence",
    "phone",
    "text",
    "to_dataframe",
    "to_records",
    "trends",
]

_LAZY = {"phone", "text", "imminence", "images", "trends"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f"threatsignals.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'threatsignals' has no attribute {name!r}")
