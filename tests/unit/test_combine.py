from __future__ import annotations

import math

import pytest

import threatsignals as ts
from threatsignals._combine import combine_findings


def f(code: str, w: float) -> ts.Finding:
    return ts.Finding(code, "t", w, "e", "ref")


def test_no_findings_is_initially_credible():
    c = combine_findings([], ts.Policy())
    assert c.score == 50.0 and c.level is ts.Level.MODERATE and not c.imminent


def test_worked_example_from_docs():
    # docs/scoring.md: blocked caller (-0.4) + failed follow-ups (-0.5) + voice
    # masked (-0.3): logit -1.2 -> 100 * sigmoid(-1.2) = 23.1 -> LOW.
    c = combine_findings(
        [
            f("caller_id_blocked", -0.4),
            f("caller_failed_followups", -0.5),
            f("voice_masked", -0.3),
        ],
        ts.Policy(),
    )
    assert math.isclose(c.logit, -1.2)
    assert c.score == 23.1 and c.level is ts.Level.LOW and not c.conflicting
    # add a personalised detail (+0.5): conflicting signs, floored at 35.0 MODERATE
    c2 = combine_findings([*c.findings, f("text_names_person", 0.5)], ts.Policy())
    assert round(100 / (1 + math.exp(0.7)), 1) == 33.2
    assert c2.conflicting and c2.score == 35.0 and c2.level is ts.Level.MODERATE
    assert c2.conflict_codes == (
        "text_names_person",
        "caller_failed_followups",
        "caller_id_blocked",
    )


def test_single_signs_never_leave_moderate():
    p = ts.Policy()
    for code, w in p.weights.items():
        c = combine_findings([f(code, w)], p)
        assert c.level is ts.Level.MODERATE, code


def test_imminence_rules():
    p = ts.Policy()
    assert combine_findings([f("time_imminent", 0.3)], p).imminent
    assert not combine_findings([f("last_resort", 0.6)], p).imminent
    assert combine_findings([f("last_resort", 0.6), f("legacy_token", 0.6)], p).imminent
    strict = ts.Policy(imminent_min_categories=3)
    assert not combine_findings(
        [f("last_resort", 0.6), f("legacy_token", 0.6)], strict
    ).imminent


def test_findings_sorted_strongest_first():
    c = combine_findings([f("a", 0.1), f("b", -0.9), f("c", 0.5)], ts.Policy())
    assert [x.code for x in c.findings] == ["b", "c", "a"]


def test_non_finite_weight_rejected():
    with pytest.raises(ValueError, match="finite"):
        combine_findings([f("a", float("nan"))], ts.Policy())
