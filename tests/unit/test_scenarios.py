"""End-to-end regression test: the guidance-based scenarios of benchmarks/_scenarios.py.

Runs every scenario whose expectation is confident and not a documented known gap
(those are analysed in the evaluation report and still run in
``benchmarks/bench_scenarios.py``), and checks the level range, the imminence flag,
and the codes that must and must not appear.
"""

from __future__ import annotations

import pytest

from benchmarks._scenarios import SCENARIOS, Scenario, check, run

CHECKED = [s for s in SCENARIOS if s.confident and s.known_gap is None]


def test_enough_scenarios_are_checked() -> None:
    assert len(SCENARIOS) >= 40
    assert len(CHECKED) >= 40
    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)


@pytest.mark.parametrize("scenario", CHECKED, ids=[s.name for s in CHECKED])
def test_scenario(scenario: Scenario) -> None:
    a = run(scenario)
    c = check(scenario, a)
    exp = scenario.expected
    seen = ", ".join(f"{f.code}{f.weight:+.2f}" for f in a.findings)
    why = f"{scenario.name}: {exp.why}; got {a.level.value} {a.score} [{seen}]"
    assert c.level_ok, f"level not in {sorted(exp.levels)}: {why}"
    assert c.imminent_ok, f"imminent should be {exp.imminent}: {why}"
    assert not c.missing, f"missing {sorted(c.missing)}: {why}"
    assert not c.unexpected, f"unexpected {sorted(c.unexpected)}: {why}"
    assert c.any_of_ok, f"none of {sorted(exp.any_of)}: {why}"


def test_conflicting_signs_never_drop_to_low() -> None:
    # The guidance's hard case: swatting signs against a named person and place.
    (s,) = [s for s in SCENARIOS if s.name == "conflict_swatting_call_named_staff"]
    a = run(s)
    assert a.conflicting
    assert a.open_questions
