"""Flat records and DataFrames of assessments, for notebooks and analysis."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from threatsignals.errors import InvalidInputError, MissingDependencyError
from threatsignals.model import Assessment

__all__ = ["to_dataframe", "to_records"]


def to_records(
    assessments: Iterable[Assessment],
    *,
    per: Literal["assessment", "finding"] = "assessment",
) -> list[dict[str, Any]]:
    """Return flat dicts that any frame library accepts.

    Args:
        assessments: The assessments.
        per: ``"assessment"``: one row each (score, level, imminent, when, codes,
            first action...); ``"finding"``: one row per finding, with the
            assessment's id, score and level repeated.
    """
    if per not in {"assessment", "finding"}:
        raise InvalidInputError('per must be "assessment" or "finding"', field="per")
    rows: list[dict[str, Any]] = []
    for a in assessments:
        if not isinstance(a, Assessment):
            raise TypeError("to_records takes Assessment objects")
        base = {
            "report_id": a.report_id,
            "score": a.score,
            "level": a.level.value,
            "imminent": a.imminent,
        }
        if per == "assessment":
            rows.append(
                {
                    **base,
                    "when": a.when,
                    "conflicting": a.conflicting,
                    "n_findings": len(a.findings),
                    "codes": ",".join(a.codes),
                    "raising": sum(f.weight for f in a.findings if f.weight > 0),
                    "lowering": sum(f.weight for f in a.findings if f.weight < 0),
                    "first_action": a.actions[0].code if a.actions else None,
                    "open_questions": len(a.open_questions),
                    "failed_analyzers": ",".join(
                        r.name for r in a.analyzers if r.status == "failed"
                    ),
                    "assessed_at": a.assessed_at,
                    "policy": a.policy,
                }
            )
        else:
            for rank, f in enumerate(a.findings):
                rows.append(
                    {
                        **base,
                        "rank": rank,
                        "code": f.code,
                        "analyzer": f.analyzer,
                        "weight": f.weight,
                        "evidence": f.evidence,
                        "guidance": f.guidance,
                    }
                )
    return rows


def to_dataframe(
    assessments: Iterable[Assessment],
    *,
    per: Literal["assessment", "finding"] = "assessment",
) -> Any:
    """Return :func:`to_records` as a pandas DataFrame (pandas is imported here only).

    Raises:
        MissingDependencyError: pandas is not installed (extra ``pandas``).
    """
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None
    return pd.DataFrame.from_records(to_records(assessments, per=per))
