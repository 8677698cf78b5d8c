from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

import threatsignals as ts
from tests.strategies import findings
from threatsignals._combine import combine_findings, sigmoid

POLICY = ts.Policy()
finding_lists = st.lists(findings, max_size=12)


@given(finding_lists)
def test_score_bounded_and_level_agrees(fs):
    c = combine_findings(fs, POLICY)
    assert 0.0 <= c.score <= 100.0
    assert c.level.value == POLICY.level_for(c.score)
    if c.conflicting:
        assert c.level is not ts.Level.LOW


@given(finding_lists, findings)
def test_positive_finding_never_lowers_negative_never_raises(fs, extra):
    before = combine_findings(fs, POLICY).score
    after = combine_findings([*fs, extra], POLICY).score
    if extra.weight > 0:
        assert after >= before
    elif extra.weight < 0:
        assert after <= before
    else:
        assert after == before


@given(finding_lists)
def test_order_does_not_matter(fs):
    a = combine_findings(fs, POLICY)
    b = combine_findings(list(reversed(fs)), POLICY)
    assert a == b


@given(st.floats(min_value=-700, max_value=700))
def test_sigmoid_stable(x):
    y = sigmoid(x)
    assert 0.0 <= y <= 1.0
    assert math.isclose(y + sigmoid(-x), 1.0, rel_tol=1e-9, abs_tol=1e-12)
