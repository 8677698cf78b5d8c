"""Combine findings into a score and a level (pure functions, no I/O).

``score = 100 * sigmoid(prior + sum(weights))``. When strong signs point both ways
(the positive weights alone would make the threat HIGH and the negative weights
alone would make it LOW; see ``Policy.conflict_thresholds``), it is *conflicting*:
its score is floored at the MODERATE band so it cannot drop to LOW, and the
conflict becomes an open question. See ``docs/scoring.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from threatsignals.guidance import IMMINENCE_MARKERS
from threatsignals.model import Finding, Level
from threatsignals.policy import Policy

__all__ = ["Combined", "combine_findings", "order_findings", "sigmoid"]


def sigmoid(x: float) -> float:
    """Numerically stable logistic function."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class Combined:
    """The numbers behind an assessment.

    Attributes:
        logit: ``prior + sum(weights)``.
        raw_score: ``100 * sigmoid(logit)`` before the conflict floor.
        score: The reported score, rounded to 0.1.
        level: The level for ``score``.
        conflicting: Whether strong signs point both ways.
        imminent: Whether the findings make the threat imminent.
        findings: The findings, strongest first.
        conflict_codes: The strongest codes on each side when conflicting.
    """

    logit: float
    raw_score: float
    score: float
    level: Level
    conflicting: bool
    imminent: bool
    findings: tuple[Finding, ...]
    conflict_codes: tuple[str, ...]


def order_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Sort findings strongest first, deterministically."""
    return tuple(
        sorted(
            findings,
            key=lambda f: (-abs(f.weight), -f.weight, f.code, f.analyzer, f.evidence),
        )
    )


def combine_findings(findings: Iterable[Finding], policy: Policy) -> Combined:
    """Combine findings under ``policy``.

    Raises:
        ValueError: A finding has a weight that is not a finite number.
    """
    ordered = order_findings(findings)
    pos = 0.0
    neg = 0.0
    for f in ordered:
        if not math.isfinite(f.weight):
            raise ValueError("finding weight must be finite")
        if f.weight > 0:
            pos += f.weight
        else:
            neg += f.weight
    logit = policy.prior + pos + neg
    raw = 100.0 * sigmoid(logit)
    t_pos, t_neg = policy.conflict_thresholds()
    conflicting = pos >= t_pos and neg <= t_neg
    score = max(raw, policy.moderate) if conflicting else raw
    score = round(score, 1)
    if conflicting and score < policy.moderate:  # rounding must not undo the floor
        score = policy.moderate
    level = Level(policy.level_for(score))
    codes = {f.code for f in ordered}
    imminent = "time_imminent" in codes or (
        len(codes & IMMINENCE_MARKERS) >= policy.imminent_min_categories
    )
    conflict_codes: tuple[str, ...] = ()
    if conflicting:
        top_pos = [f.code for f in ordered if f.weight > 0][:2]
        top_neg = [f.code for f in ordered if f.weight < 0][:2]
        conflict_codes = tuple(dict.fromkeys(top_pos + top_neg))
    return Combined(
        logit, raw, score, level, conflicting, imminent, ordered, conflict_codes
    )
