"""Fixes from the independent quality round (``benchmarks/_fresh_text.py``).

Threat-kind guard in similarity, the analysis path masking like the archive,
contractions, one-typo surnames, person titles, and lexicon pattern families.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import threatsignals as ts
from threatsignals.text import TextIndex, analyze, normalize, similarity
from threatsignals.text._index import masked_score, threat_kinds
from threatsignals.text._mask import expand_text, mask
from threatsignals.text._rules import DEFAULT_MIN_SCORE

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)

SCHOOL = ts.School(
    name="Lincoln Heights High School",
    aliases=("LHHS",),
    places=("Maple Street", "Chapel"),
    people=("Ms. Rivera", "Principal Harold Okonkwo", "Nurse Patty Gould"),
)

# ---------------------------------------------------------------------------
# threat-kind guard

# fmt: off
SUBSTITUTED = [
    # one threat word swapped for harmless words: a different message
    ("someone is bringing a gun to maple grove tmrw during 3rd period",
     "someone is bringing a cake to maple grove tmrw during 3rd period for the party"),
    ("Caller stated there is a bomb in the gym at Marshall High and hung up.",
     "Caller stated there is a water leak in the gym at Marshall High and hung up."),
    ("In the building of school Kingsley High there is installed explosive device. "
     "The device will be activated at 11:00.",
     "In the building of school Kingsley High there is installed new heating system. "
     "The system will be activated at 11:00."),
    ("i will kill mr dawson if he fails me on the final",
     "i will die if mr dawson fails me on the final lmao"),
    # the same word read as a game, not a threat
    ("I'm going to shoot up the school tomorrow at lunch. Nobody will stop me.",
     "I'm going to shoot hoops after school tomorrow at lunch. Nobody will stop me."),
    ("We will blow up every school in Brazos Valley ISD on Wednesday.",
     "We will celebrate every school in Brazos Valley ISD on Wednesday."),
]
KEPT = [
    # a misspelled threat word is the same template
    ("there is a bomb hidden in the gym at Oak High, it goes off at noon, everyone "
     "inside will pay for what this town did to me",
     "there is a uomb hidden in the gym at Elm High, it goes off at 2pm, everyone "
     "inside will pay for what this town did to me"),
    ("the teachers at Oak High think this is a joke but on Monday i am bringing my "
     "brothers gun, do not come if you want to live",
     "the teachers at Elm High think this is a joke but on Friday i am bringing my "
     "brothers ggun, do not come if you want to live"),
    # one text adds a sentence with a threat word: a notice with one more item
    ("please remember that the school will be closed on Monday for staff training",
     "please remember that the school will be closed on Monday for staff training. "
     "The archery unit starts Tuesday, students will shoot at targets."),
    # slang and euphemisms are the same kind
    ("I left a bomb in the auditorium of Oak High. It is set for 1 pm.",
     "I left a package in the auditorium of Elm High. It is set for 2 pm."),
    ("im bringing a strap to oak high tmrw, stay home",
     "im bringing a gun to elm high tomorrow, stay home"),
    # paraphrase within a kind
    ("I am going to shoot everyone in the cafeteria at lunch on Friday, nobody leaves",
     "I am going to kill everyone in the cafeteria at lunch on Friday, nobody leaves"),
]
# fmt: on


@pytest.mark.parametrize(("a", "b"), SUBSTITUTED)
def test_substituted_threat_is_a_different_message(a: str, b: str) -> None:
    assert similarity(a, b) < DEFAULT_MIN_SCORE
    assert similarity(b, a) == similarity(a, b)


@pytest.mark.parametrize(("a", "b"), KEPT)
def test_typos_additions_and_paraphrases_still_match(a: str, b: str) -> None:
    assert similarity(a, b) >= DEFAULT_MIN_SCORE


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("bring a gun", {"firearm"}),
        ("shoot everyone", {"firearm", "attack"}),
        ("shoot hoops after school", set()),
        ("blow it up", {"explosive"}),
        ("blow them out of the water", set()),
        ("the cafeteria blows up", {"explosive"}),
        ("ten students will die", {"death"}),
        ("this is your last warning", {"warning"}),
        ("bring cookies", set()),
    ],
)
def test_threat_kinds(text: str, kinds: set[str]) -> None:
    assert threat_kinds(mask(normalize(text))) == kinds


def test_index_scores_equal_similarity_with_the_guard() -> None:
    idx = TextIndex()
    for i, (a, _) in enumerate(SUBSTITUTED + KEPT):
        idx.add(i, a)
    for i, (a, b) in enumerate(SUBSTITUTED + KEPT):
        found = dict(idx.search(b, min_score=0))
        if i in found:
            assert found[i] == similarity(a, b)
        assert (i in dict(idx.search(b))) == (similarity(a, b) >= DEFAULT_MIN_SCORE)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "gun",
                "bomb",
                "cake",
                "shoot",
                "hoops",
                "a",
                "the",
                "kill",
                "will",
                "at",
                "school",
                "uomb",
                "up",
                "blow",
            ]
        ),
        max_size=14,
    ),
    st.lists(
        st.sampled_from(
            [
                "gun",
                "bomb",
                "cake",
                "shoot",
                "hoops",
                "a",
                "the",
                "kill",
                "will",
                "at",
                "school",
                "uomb",
                "up",
                "blow",
            ]
        ),
        max_size=14,
    ),
)
def test_guarded_score_is_symmetric_and_bounded(a: list[str], b: list[str]) -> None:
    x, y = " ".join(a), " ".join(b)
    s = masked_score(x, y)
    assert s == masked_score(y, x)
    assert 0.0 <= s <= 100.0


# ---------------------------------------------------------------------------
# analysis path and masking


def test_analyze_masks_like_the_archive() -> None:
    """A query in text-speak matches the archived spelled-out copy via analyze."""
    archive = ts.Archive.open()
    archive.add(
        ts.Report(
            text="There is going to be a shooting at Oak Ridge High on Thursday. You "
            "have been warned. Do not come to school.",
            received_at=NOW,
        ),
        school=ts.School(name="Oak Ridge High"),
        outcome="hoax",
        now=NOW,
    )
    a = analyze(
        "theres gonna be a shooting at Lincoln Heights High on wed. u have been "
        "warned. dont come to school",
        school=SCHOOL,
        archive=archive,
        now=NOW,
    )
    assert a.matches, "the analysis path must expand contractions like mask()"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("they'll see what happens", "they will see what happens"),
        ("i've hidden it well", "i have hidden it well"),
        ("you wouldn't listen", "you would not listen"),
    ],
)
def test_more_contractions_expand(a: str, b: str) -> None:
    assert mask(normalize(a)) == mask(normalize(b))


def test_expand_text_keeps_punctuation() -> None:
    assert expand_text("u have been warned. dont come!") == (
        "you have been warned. do not come!"
    )


# ---------------------------------------------------------------------------
# names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("principal okonkow is going to pay", True),  # one swapped letter
        ("okonkwo better watch out", True),
        ("nurse patty better leave early", True),  # title + first name
        ("patty gould is next", True),
        ("the river is flooding near the school", False),  # not Rivera
        ("riveras taco truck is parked outside", False),
        ("rivera is going to pay", True),
    ],
)
def test_person_names(text: str, expected: bool) -> None:
    got = {f.code for f in analyze(text, school=SCHOOL, now=NOW).findings}
    assert ("text_names_person" in got) is expected


def test_short_one_word_place_is_exact() -> None:
    got = {f.code for f in analyze("the chapel at noon", school=SCHOOL).findings}
    assert "text_names_place" in got
    got = {f.code for f in analyze("the chapl at noon", school=SCHOOL).findings}
    assert "text_names_place" not in got


# ---------------------------------------------------------------------------
# lexicon pattern families

# fmt: off
PATTERNS = [
    # (text, code, expected)
    ("columbyne part 2 coming soon", "text_significant_event", True),
    ("its gonna be just like the nashville shooting", "text_significant_event", True),
    ("bigger than the santa fe shooting", "text_significant_event", True),
    ("friday is the anniversary. you know what that means", "text_significant_event",
     True),
    ("happy anniversary mom and dad, love you", "text_significant_event", False),
    ("happy 10 year anniversary to the best teacher", "text_significant_event", False),
    ("the one year anniversary of the shooting is friday", "text_significant_event",
     True),
    ("remember sandyhook? friday", "text_significant_event", True),
    ("the test tomorrow is going to be hard", "text_disruption_goal", False),
    ("a parent forwarded me this screenshot", "text_repost", True),
    ("do not send ur kids tomorrow", "text_direct_warning", True),
    ("our wedding anniversary dinner is friday", "text_significant_event", False),
    ("he is going to be like messi at the game", "text_significant_event", False),
    ("someone pls call in a threat, i haven't studied for the chem test",
     "text_disruption_goal", True),
    ("bomb in the gym, no more finals", "text_disruption_goal", True),
    ("hope they cancel the algebra exam", "text_disruption_goal", True),
    ("the test is in room 12, good luck everyone", "text_disruption_goal", False),
    ("not sure if its real but people are saying theres a bomb", "text_repost", True),
    ("screenshot going around on insta: shooting tomorrow", "text_repost", True),
    ("heard from a friend that someone is bringing a gun", "text_repost", True),
    ("this was posted in the class group chat: bomb in the gym", "text_repost", True),
    ("my daughter received this message from an unknown number", "text_repost", True),
    ("reporting just in case, someone said there is a gun", "text_repost", True),
    ("i'm going around the school with a gun friday", "text_repost", False),
    ("they were saying i'm a loser. now they pay", "text_repost", False),
    ("you will get a message at noon, then it starts", "text_repost", False),
    ("consider this your only warning", "text_direct_warning", True),
    ("u have been warned", "text_direct_warning", True),
    ("parents keep ur kids home on friday", "text_direct_warning", True),
    ("the weather service has warned of storms friday", "text_direct_warning", False),
]
# fmt: on


@pytest.mark.parametrize(("text", "code", "expected"), PATTERNS)
def test_pattern_families(text: str, code: str, expected: bool) -> None:
    got = {f.code for f in analyze(text, now=NOW).findings}
    assert (code in got) is expected


def test_evidence_names_the_matched_pattern() -> None:
    a = analyze("consider this your only warning", now=NOW)
    (f,) = [f for f in a.findings if f.code == "text_direct_warning"]
    assert "your only warning" in f.evidence


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        ("I will shoot everyone during finals week", False),
        ("see you on exam day, bring pencils", False),
        ("there will be a bomb so finals get cancelled lol", True),
        ("bomb in the gym until school is closed for good", True),
    ],
)
def test_disruption_goal_is_a_goal_not_a_timing(message, goal):
    from threatsignals import text

    codes = [f.code for f in text.analyze(message).findings]
    assert ("text_disruption_goal" in codes) is goal
