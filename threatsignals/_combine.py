"""Combine findings into a score and a level (pure functions, no I/O).

``score = 100 * sigmoid(prior + sum(weights))``. When strong signs point both ways
(the positive weights alone would make the threat HIGH and the negative weights
alone would make it LOW; see ``Policy.conflict_thresholds``), it is *conflicting*:
its score is floored at the MODERATE band so it cannot drop to LOW, and the
conflict becomes an open question. See ``docs/scoring.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from threatsignals.guidance import IMMINENCE_MARKERS
from threatsignals.model import Finding, Level
from threatsignals.policy import Policy

__all__ = [
    "Combined",
    "combine_findings",
    "count_once",
    "explain_away",
    "order_findings",
    "sigmoid",
]


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


def count_once(
    ordered: tuple[Finding, ...], groups: Iterable[frozenset[str]]
) -> tuple[Finding, ...]:
    """Count findings that rest on the same evidence once.

    Within each group of codes (``Policy.same_evidence``), only the strongest
    positive and the strongest negative finding keep their weight; the others stay
    in the assessment, with weight 0 and a note, so the shown weights still add up
    to the score. Taking the strongest on each side keeps the score monotone: a new
    positive finding can only raise its side's maximum, a new negative one only
    lower its side's minimum.
    """
    out = list(ordered)
    for group in groups:
        for sign in (1, -1):
            members = [
                i for i, f in enumerate(out) if f.code in group and f.weight * sign > 0
            ]
            if len(members) < 2:
                continue
            keep = max(members, key=lambda i: (out[i].weight * sign, -i))
            for i in members:
                if i != keep:
                    f = out[i]
                    out[i] = replace(
                        f,
                        weight=0.0,
                        evidence=f"{f.evidence} (same evidence as {out[keep].code}: "
                        f"counted once, weight {f.weight:+.2f} not added)",
                    )
    return order_findings(out)


def explain_away(
    ordered: tuple[Finding, ...], explained_by: Mapping[str, frozenset[str]]
) -> tuple[Finding, ...]:
    """Zero positive findings that a present negative finding explains away.

    Monotone: a new negative finding can only zero positive weights (the score
    falls further), and a new positive finding that is explained away adds nothing.
    """
    negative = {f.code for f in ordered if f.weight < 0}
    out = []
    for f in ordered:
        why = explained_by.get(f.code)
        hit = sorted(why & negative) if why and f.weight > 0 else []
        if hit:
            f = replace(
                f,
                weight=0.0,
                evidence=f"{f.evidence} (explained by {hit[0]}: a slot of the "
                f"recycled template, weight {f.weight:+.2f} not added)",
            )
        out.append(f)
    return order_findings(out)


def combine_findings(findings: Iterable[Finding], policy: Policy) -> Combined:
    """Combine findings under ``policy``.

    Raises:
        ValueError: A finding has a weight that is not a finite number.
    """
    ordered = order_findings(findings)
    for f in ordered:
        if not math.isfinite(f.weight):
            raise ValueError("finding weight must be finite")
    ordered = count_once(ordered, policy.same_evidence)
    ordered = explain_away(ordered, policy.explained_by)
    pos = 0.0
    neg = 0.0
    for f in ordered:
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
    imminent = (
        "time_imminent" in codes
        or len(codes & IMMINENCE_MARKERS) >= policy.imminent_min_categories
        # a photo taken just now near the school: an event as it happens
        or {"image_near_school", "image_recent_capture"} <= codes
    )
    conflict_codes: tuple[str, ...] = ()
    if conflicting:
        top_pos = [f.code for f in ordered if f.weight > 0][:2]
        top_neg = [f.code for f in ordered if f.weight < 0][:2]
        conflict_codes = tuple(dict.fromkeys(top_pos + top_neg))
    return Combined(
        logit, raw, score, level, conflicting, imminent, ordered, conflict_codes
    )
