"""Imminence fixes found by the end-to-end scenarios (benchmarks/bench_scenarios.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from threatsignals import imminence
from threatsignals.imminence import _rules
from threatsignals.model import School

CHI = ZoneInfo("America/Chicago")
# Wednesday 11 March 2026, 09:30 in Chicago.
NOW = datetime(2026, 3, 11, 9, 30, tzinfo=CHI)
SCHOOL = School(
    name="Lincoln Heights High School",
    aliases=("LHHS",),
    places=("Gymnasium", "Cafeteria"),
    timezone="America/Chicago",
)


def codes(text: str) -> list[str]:
    return [f.code for f in imminence.analyze(text, now=NOW, school=SCHOOL).findings]


@pytest.mark.parametrize(
    "text",
    [
        "Gym 3rd period tomorrow everyone dies",  # bathroom wall (bathroom_wall_tomorrow)
        "Tomorrow everybody dies.",
        "All of you die tomorrow at noon.",
    ],
)
def test_present_tense_everyone_dies_is_harm(text: str) -> None:
    assert "time_imminent" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Everyone dies in the end of the movie we watched tomorrow? lol",
        "Nobody dies tomorrow.",
    ],
)
def test_everyone_dies_keeps_the_context_rules(text: str) -> None:
    assert "time_imminent" not in codes(text)


def test_basketball_shooting_terms_are_figurative() -> None:
    # control_sports_trash_talk: no harm, so no stated time of an act.
    text = (
        "We're going to destroy Westfield on Friday night, they're dead meat. "
        "Our shooters will be lights out from three. #GoLions"
    )
    assert codes(text) == []


def test_shoot_up_is_an_attack_even_in_a_sports_message() -> None:
    text = (
        "I'm going to shoot up the basketball game on Friday. I have no other choice."
    )
    assert {"last_resort", "time_imminent"} <= set(codes(text))
    # ... while plain sports shooting stays figurative.
    assert codes("Our shooters were lights out at basketball on Friday.") == []


def test_stated_time_at_the_end_of_a_long_message() -> None:
    # messy_huge_chat_log: the threat is sentence 10,001 of a pasted chat log.
    filler = "yeah that sounds fine to me. " * (_rules.MAX_TIME_SENTENCES * 5)
    a = imminence.analyze(
        filler + "I will shoot up Lincoln Heights tomorrow at 9am.",
        now=NOW,
        school=SCHOOL,
    )
    assert a.when == datetime(2026, 3, 12, 9, 0, tzinfo=CHI)


def test_long_message_without_harm_anchor_reads_only_the_start() -> None:
    # Without a harm anchor only the first time is ever used: still bounded.
    filler = "ok. " * (_rules.MAX_TIME_SENTENCES * 2)
    assert imminence.analyze(filler + "tomorrow at 9am", now=NOW).when is None
