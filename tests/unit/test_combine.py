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
    # docs/scoring.md: blocked caller (-0.4), failed follow-ups (-0.5), misnamed
    # place (-0.5), masked voice (-0.3): logit -1.7 -> 15.4 -> LOW.
    swatting = [
        f("caller_id_blocked", -0.4),
        f("caller_failed_followups", -0.5),
        f("caller_misnamed_local_place", -0.5),
        f("voice_masked", -0.3),
    ]
    c = combine_findings(swatting, ts.Policy())
    assert math.isclose(c.logit, -1.7)
    assert c.score == 15.4 and c.level is ts.Level.LOW and not c.conflicting
    # add a named person (+0.5) and place (+0.4): logit -0.8 -> 31.0, but each side
    # alone would leave MODERATE, so the signs conflict: floored at 35.0
    c2 = combine_findings(
        [*swatting, f("text_names_person", 0.5), f("text_names_place", 0.4)],
        ts.Policy(),
    )
    assert math.isclose(c2.logit, -0.8) and round(c2.raw_score, 1) == 31.0
    assert c2.conflicting and c2.score == 35.0 and c2.level is ts.Level.MODERATE
    assert c2.conflict_codes == (
        "text_names_person",
        "text_names_place",
        "caller_failed_followups",
        "caller_misnamed_local_place",
    )


def test_conflict_needs_both_sides_strong_enough():
    p = ts.Policy()
    weak = combine_findings([f("text_names_place", 0.4), f("a", -2.0)], p)
    assert not weak.conflicting and weak.level is ts.Level.LOW
    fixed = ts.Policy(conflict_weight=0.4)
    assert combine_findings(
        [f("text_names_place", 0.4), f("a", -2.0)], fixed
    ).conflicting
    assert p.conflict_thresholds() == pytest.approx((0.619, -0.619), abs=1e-3)


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


def test_same_evidence_is_counted_once():
    p = ts.Policy()
    c = combine_findings(
        [
            f("text_recycled", -0.5),
            f("text_wave", -0.6),
            f("reported_by_other_schools", -0.5),
        ],
        p,
    )
    weights = {x.code: x.weight for x in c.findings}
    assert weights == {
        "text_wave": -0.6,
        "text_recycled": 0.0,
        "reported_by_other_schools": 0.0,
    }
    assert math.isclose(c.logit, -0.6) and c.level is ts.Level.MODERATE
    assert (
        "counted once"
        in next(x for x in c.findings if x.code == "text_recycled").evidence
    )
    # the shown weights still add up to the logit
    assert math.isclose(sum(x.weight for x in c.findings) + p.prior, c.logit)
    # outside a group, findings add up as usual
    assert math.isclose(
        combine_findings([f("text_recycled", -0.5), f("voice_masked", -0.3)], p).logit,
        -0.8,
    )
    # a district can switch it off
    flat = ts.Policy(same_evidence=())
    assert math.isclose(
        combine_findings([f("text_recycled", -0.5), f("text_wave", -0.6)], flat).logit,
        -1.1,
    )


def test_photo_near_school_just_taken_is_imminent():
    p = ts.Policy()
    assert combine_findings(
        [f("image_near_school", 0.6), f("image_recent_capture", 0.3)], p
    ).imminent
    assert not combine_findings([f("image_near_school", 0.6)], p).imminent


def test_school_name_explained_by_a_recycled_template():
    p = ts.Policy()
    c = combine_findings([f("text_names_school", 0.15), f("text_wave", -0.6)], p)
    named = next(x for x in c.findings if x.code == "text_names_school")
    assert named.weight == 0.0 and "explained by text_wave" in named.evidence
    assert math.isclose(c.logit, -0.6)
    alone = combine_findings([f("text_names_school", 0.15)], p)
    assert math.isclose(alone.logit, 0.15)
    # names of people are not explained away: that is a conflict to look into
    c2 = combine_findings([f("text_names_person", 0.5), f("text_wave", -0.6)], p)
    assert math.isclose(c2.logit, -0.1)
    p2 = ts.Policy.from_mapping({"explained_by": {"text_names_place": ["text_wave"]}})
    c3 = combine_findings([f("text_names_place", 0.4), f("text_wave", -0.6)], p2)
    assert math.isclose(c3.logit, -0.6)
