"""Generalisation round: implicit threats as harm context, pattern families, context.

Every message here is synthetic and non-graphic.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from threatsignals import imminence
from threatsignals.errors import InvalidInputError
from threatsignals.imminence import _rules
from threatsignals.imminence._analyze import _frame_index, _school_targets
from threatsignals.model import School

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)  # a Wednesday, 09:00 in Chicago
CHI = ZoneInfo("America/Chicago")
SCHOOL = School(
    name="Lincoln Heights High School",
    aliases=("LHHS", "Lincoln"),
    people=("Ms. Rivera", "Mr. Cole"),
    places=("cafeteria", "gym"),
    timezone="America/Chicago",
)


def cats(text: str, school: School | None = SCHOOL) -> set[str]:
    a = imminence.analyze(text, now=NOW, school=school, tz="America/Chicago")
    return {m.category for m in a.markers}


# ---------------------------------------------------------------------------
# the three concrete failures


def test_implicit_threat_with_school_target_and_lunch() -> None:
    text = (
        "Ms. Rivera and everyone at LHHS pushed me to my last resort. I'm done "
        "waiting. Tomorrow at lunch in the cafeteria you will all remember my name."
    )
    a = imminence.analyze(text, now=NOW, school=SCHOOL)
    assert {m.category for m in a.markers} == {
        "last_resort",
        "diminishing_patience",
        "legacy_token",
    }
    assert a.when == datetime(2026, 12, 3, 12, 0, tzinfo=CHI)


def test_will_pay_with_a_gap_is_harm_context_and_gives_monday() -> None:
    text = "I cant take it anymore. everyone at LHHS will pay on monday. my manifesto is posted"
    a = imminence.analyze(text, now=NOW, school=SCHOOL)
    assert {m.category for m in a.markers} == {"diminishing_patience", "legacy_token"}
    assert a.when is not None and a.when.date() == datetime(2026, 12, 7).date()
    assert a.when.weekday() == 0


def test_no_other_path_left_is_last_resort() -> None:
    text = "No other path left for me. The gym, 2pm. I have had it with all of you. Bringing a knife."
    a = imminence.analyze(text, now=NOW, school=SCHOOL)
    assert {m.category for m in a.markers} == {"last_resort", "diminishing_patience"}
    assert a.when == datetime(2026, 12, 2, 14, 0, tzinfo=CHI)


# ---------------------------------------------------------------------------
# harm context beyond weapons

# fmt: off
IMPLICIT_HARM = [
    "I'm done waiting. You will all pay.",
    "I'm done waiting. You'll regret it.",
    "I'm done waiting. You've been warned.",
    "I'm done waiting. I'm coming for all of you.",
    "I'm done waiting. You won't see tomorrow.",
    "I'm done waiting. It ends today.",
    "I'm done waiting. Tomorrow is the last day for all of you.",
    "I'm done waiting. Everyone will finally understand.",
    "I'm done waiting. They will finally see.",
    "I'm done waiting. Revenge is coming.",
    "I'm done waiting. Everyone at Lincoln, Friday at noon.",  # target + time
    "I'm done waiting. LHHS, Friday at noon.",  # the school's name, short sentence
]
NOT_HARM = [
    "I'm done waiting. I will pay for lunch.",  # first person
    "I'm done waiting. You'll see, my band will be famous.",  # "you'll see" alone
    "I'm done waiting for the SAT at LHHS, it is on Saturday at 8.",  # everyday
    "I'm done waiting. Everyone at LHHS.",  # a target without a time
    "I'm done waiting. Do you think they will pay?",  # a question
    "I'm sick and tired of the cafeteria food. Bringing lunch tomorrow.",  # bare place
]
# fmt: on


@pytest.mark.parametrize("text", IMPLICIT_HARM)
def test_implicit_threats_are_harm_context(text: str) -> None:
    assert "diminishing_patience" in cats(text)


@pytest.mark.parametrize("text", NOT_HARM)
def test_everyday_wording_is_not_harm_context(text: str) -> None:
    assert cats(text) == set()


def test_farewell_needs_a_target() -> None:
    assert cats("This is my goodbye to all of you.") == {"legacy_token"}
    assert cats("This is my goodbye.") == set()


def test_place_is_a_target_only_as_the_place_of_an_act() -> None:
    patterns = _school_targets(SCHOOL)
    assert "lhhs" in patterns and "rivera" in patterns and "ms rivera" in patterns
    assert any(p.endswith(" cafeteria") and p.startswith("in|") for p in patterns)
    assert "cafeteria" not in patterns
    assert _school_targets(None) == ()


# ---------------------------------------------------------------------------
# pattern families (contractions and apostrophe-less forms)

# fmt: off
FAMILIES = [
    ("There's no other option left. Gun Friday.", "last_resort"),
    ("theres no other option left. gun friday", "last_resort"),
    ("I don't see any other way. Gun Friday.", "last_resort"),
    ("i dont see any other way. gun friday", "last_resort"),
    ("Nothing else will work. Gun Friday.", "last_resort"),
    ("I've run out of options. Gun Friday.", "last_resort"),
    ("No alternative remains. Gun Friday.", "last_resort"),
    ("What choice do I have? Gun Friday.", "last_resort"),  # rhetorical question
    ("I ain't got no choice. Gun Friday.", "last_resort"),  # slang double negative
    ("I can't stand this school anymore. Gun Friday.", "diminishing_patience"),
    ("i cant deal with u people anymore. gun friday", "diminishing_patience"),
    ("My patience has run out. Gun Friday.", "diminishing_patience"),
    ("I've been patient for too long. Gun Friday.", "diminishing_patience"),
    ("Im sooo done with all of you. Gun Friday.", "diminishing_patience"),
    ("I won't get another chance. Gun Friday.", "shrinking_opportunity"),
    ("Time is almost up. Gun Friday.", "shrinking_opportunity"),
    ("Before anyone can stop me. Gun Friday.", "shrinking_opportunity"),
    ("I'm running out of time. Gun Friday.", "shrinking_opportunity"),
    ("Everyone will know my name. Gun Friday.", "legacy_token"),
    ("Nobody will forget me. Gun Friday.", "legacy_token"),
    ("I said my goodbyes. Gun Friday.", "legacy_token"),
    ("My journal explains everything. Gun Friday.", "legacy_token"),
    ("im done waiting \U0001f52b friday", "diminishing_patience"),  # emoji weapon
]
# fmt: on


@pytest.mark.parametrize(("text", "category"), FAMILIES)
def test_pattern_families(text: str, category: str) -> None:
    assert category in cats(text)


# ---------------------------------------------------------------------------
# context rules that keep precision

# fmt: off
CONTEXT_NEGATIVES = [
    "A kid in my class keeps saying he can't take it anymore and wants a gun.",
    "She has nothing left to lose and talks about a gun.",
    "The news said the shooter left a manifesto before the attack.",
    "Lockdown drill tomorrow at 10, last chance to review the plan.",
    "running out of ammo, no other choice but the knife, gg",
    "I'm not out of options, and nobody is bringing a gun.",
    "If you ever feel like there's no way out, call 988 before anyone gets hurt.",
    "Last chance, all of you: bake sale tomorrow after school.",
    "Our last day at LHHS is Friday, we're moving. I'll miss all of you!",
    "I'm fed up with being the joke of this school. Not bringing anything, ever.",
]
# fmt: on


@pytest.mark.parametrize("text", CONTEXT_NEGATIVES)
def test_context_rules_keep_precision(text: str) -> None:
    assert cats(text) == set()


def test_conditional_main_clause_is_not_hypothetical() -> None:
    assert cats("If I wait any longer I'll lose my chance. Knife Friday.") == {
        "shrinking_opportunity"
    }
    assert (
        cats("If I ever felt I had no other choice I would call someone. Gun.") == set()
    )


def test_abbreviation_does_not_end_a_sentence() -> None:
    a = imminence.analyze(
        "Mr. Cole will regret it. I'm done waiting, Friday at noon.",
        now=NOW,
        school=SCHOOL,
    )
    assert a.categories == ("diminishing_patience",)
    assert a.when == datetime(2026, 12, 4, 12, 0, tzinfo=CHI)


# ---------------------------------------------------------------------------
# a district's own lexicon


def test_extra_phrases_through_the_public_analyze() -> None:
    text = "The reckoning has come, gun at school."
    assert imminence.analyze(text, now=NOW).markers == ()
    a = imminence.analyze(
        text,
        now=NOW,
        extra_phrases={"shrinking_opportunity": ["Reckoning has|is come"]},
    )
    assert [m.category for m in a.markers] == ["shrinking_opportunity"]
    assert a.markers[0].phrase == "reckoning has come"
    assert "shrinking_opportunity" in {f.code for f in a.findings}


def test_extra_phrases_obey_the_context_rules() -> None:
    extra = {"last_resort": ["point of no return"]}
    assert cats_extra("Point of no return. Gun Friday.", extra) == {"last_resort"}
    assert cats_extra("It's not the point of no return. Gun Friday.", extra) == set()
    assert cats_extra("Point of no return?", extra) == set()
    assert cats_extra("Point of no return.", extra) == set()  # no harm context


def cats_extra(text: str, extra: dict[str, list[str]]) -> set[str]:
    a = imminence.analyze(text, now=NOW, extra_phrases=extra)
    return {m.category for m in a.markers}


def test_extra_phrases_are_validated() -> None:
    with pytest.raises(InvalidInputError):
        imminence.analyze("x", now=NOW, extra_phrases={"rage": ["x"]})
    with pytest.raises(InvalidInputError):
        imminence.analyze("x", now=NOW, extra_phrases={"last_resort": ["   "]})
    with pytest.raises(TypeError):
        imminence.analyze("x", now=NOW, extra_phrases={"last_resort": [3]})  # type: ignore[list-item]
    with pytest.raises(TypeError):
        imminence.analyze("x", now=NOW, extra_phrases=["last_resort"])  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# tables are data and stay linear


def test_new_tables_have_comments() -> None:
    tables = [
        _rules.INTENT,
        _rules.INTENT_WEAK,
        _rules.TARGETS,
        _rules.FAREWELL,
        _rules.NEWS_MESSAGE,
        *_rules.RHETORICAL.values(),
    ]
    for table in tables:
        for pattern, comment in table:
            assert pattern.strip() and comment.strip()


class _Counting(list[str]):
    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        _Counting.reads += 1
        return super().__getitem__(i)


@pytest.mark.parametrize("unit", [["you", "will", "all"], ["everyone", "at"], ["the"]])
def test_frame_index_reads_grow_linearly(unit: list[str]) -> None:
    def reads(n: int) -> int:
        _Counting.reads = 0
        toks = _Counting(unit * n)
        _frame_index().find_all(toks, [True] * len(toks))
        return _Counting.reads

    assert reads(8000) <= 4.2 * reads(2000)
