"""Imminence markers: categories, context rules, obfuscation, findings."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from threatsignals import imminence
from threatsignals.guidance import REF_IMMINENCE
from threatsignals.imminence import _rules
from threatsignals.imminence._analyze import analyze_text
from threatsignals.imminence._index import PhraseIndex, expand_pattern
from threatsignals.policy import Policy

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def cats(text: str) -> set[str]:
    return {m.category for m in imminence.analyze(text, now=NOW).markers}


# fmt: off
POSITIVE = [
    # last resort
    ("I have no other choice. I'm bringing a gun to school.", "last_resort"),
    ("This is my last resort, the bomb is ready.", "last_resort"),
    ("Nothing left to lose. I will shoot up the school.", "last_resort"),
    ("They left me no choice, I will hurt everyone.", "last_resort"),
    ("aint got nothing to lose, the knife is in my bag", "last_resort"),
    ("It's the only way they'll listen. Bringing the rifle Friday.", "last_resort"),
    ("If nobody listens, I have no other choice but to bring my gun.", "last_resort"),
    # diminishing patience
    ("I'm done waiting. Everyone will pay for this.", "diminishing_patience"),
    ("I can't take it anymore, I'm bringing my dad's gun.", "diminishing_patience"),
    ("Enough is enough. The attack is tomorrow.", "diminishing_patience"),
    ("I've had enough. Gun at school monday.", "diminishing_patience"),
    ("i'm so done with everyone here, gonna shoot", "diminishing_patience"),
    ("That was the last straw, I will kill them.", "diminishing_patience"),
    # shrinking opportunity
    ("This is my last chance. Bomb goes off at noon.", "shrinking_opportunity"),
    ("Before it's too late I'm taking the pistol to school.", "shrinking_opportunity"),
    ("It's now or never, I shoot monday.", "shrinking_opportunity"),
    ("I'll do it while I still can. The gun is loaded.", "shrinking_opportunity"),
    ("Time is running out for all of you. Shooting Friday.", "shrinking_opportunity"),
    # legacy token
    ("My manifesto is on my desk. I will shoot up the school.", "legacy_token"),
    ("Remember my name after the shooting.", "legacy_token"),
    ("I wrote my last will. Gun at school tomorrow.", "legacy_token"),
    ("By the time you read this the bomb will be in the gym.", "legacy_token"),
    ("I already gave away my stuff, the rifle is ready.", "legacy_token"),
]

OBFUSCATED = [
    ("n0 0th3r ch01c3. I'm bringing a gun to school.", "last_resort"),
    ("n\u200bo o\u200bther c\u200bhoice. I'm bringing a gun to school.", "last_resort"),
    ("l a s t  r e s o r t. I'm bringing a gun to school.", "last_resort"),
    ("l\u0430st r\u0435s\u043ert. I'm bringing a gun to school.", "last_resort"),  # Cyrillic
    ("d0n3 w4171ng. I'm bringing a gun to school.", "diminishing_patience"),
    ("h a d  e n o u g h. I'm bringing a gun to school.", "diminishing_patience"),
    ("l@st ch@nce. I'm bringing a gun to school.", "shrinking_opportunity"),
    ("\uff4c\uff41\uff53\uff54 \uff43\uff48\uff41\uff4e\uff43\uff45. Gun at school.",
     "shrinking_opportunity"),  # full-width
    ("m4n1f3st0 is done. I'm bringing a gun to school.", "legacy_token"),
    ("r e m e m b e r  m y  n a m e. I'm bringing a gun to school.", "legacy_token"),
    ("I'm bringing a g u n to school. n0th1ng l3ft 2 l0se.", "last_resort"),
]

NEGATIVE = [
    # negation
    ("I'm not done waiting, and I would never hurt anyone.", "negation"),
    ("It's not my last resort. Nobody is bringing a gun.", "negation"),
    ("I don't feel like it's my last chance. I won't bring a weapon.", "negation"),
    # hypothetical
    ("If I ever had no other choice, I hope someone would take the gun away.", "hypo"),
    ("What if someone had nothing left to lose and brought a gun to school?", "hypo"),
    ("Imagine being fed up enough to attack a school.", "hypo"),
    # question
    ("Do you think he has nothing left to lose? Does he have a gun?", "question"),
    ("Are you fed up with the bomb drills too?", "question"),
    # reported speech and quotes
    ("Someone posted 'this is my last chance, bring a gun Friday' on Snapchat.", "reported"),
    ("My friend said he can't take it anymore and wants to shoot people.", "reported"),
    ('He wrote "I\'m done waiting" next to a picture of a gun.', "reported"),
    ("FWD: I have no other choice, the school will blow up tomorrow", "reported"),
    # past or resolved
    ("Last year I felt I had no other choice and thought about hurting people.", "past"),
    ("I used to think it was my last resort, now I'd never touch a gun.", "past"),
    # jokes and lyrics
    ("had enough of this homework, gonna blow up the math building lol jk", "joke"),
    ("this is my last chance to beat the boss, gonna shoot everything lmao", "joke"),
    ("Singing along: nothing left to lose, bang bang shoot em up, best song", "lyrics"),
    # benign notices, exams, politics, fiction
    ("Last chance to return permission slips for the water gun fundraiser!", "notice"),
    ("Last chance to buy yearbooks before it's too late!", "notice"),
    ("Final exam Friday. This is your last chance to pass the class.", "exam"),
    ("Running out of time on the history test, I'm going to kill this final.", "exam"),
    ("The Green Party manifesto calls for a ban on assault weapons.", "politics"),
    ("Compare each party platform on gun control and the party manifesto.", "politics"),
    ("In my story the main character has nothing left to lose and shoots the villain.",
     "fiction"),
    ("In Fortnite I had no other choice but to snipe him with the rifle.", "game"),
    # no harm context / figurative harm
    ("I can't take it anymore, this traffic is terrible.", "no_harm"),
    ("This is my last chance to make varsity.", "no_harm"),
    ("I'm fed up, this homework is killing me.", "figurative"),
    ("Last chance to shoot hoops before the gym closes!", "figurative"),
    ("I had a panic attack, I can't take it anymore.", "figurative"),
    # a threat without imminence language has no marker
    ("I will shoot up the school on Friday.", "plain"),
]
# fmt: on


@pytest.mark.parametrize(("text", "category"), POSITIVE)
def test_positive_cue_is_found(text: str, category: str) -> None:
    assert category in cats(text)


@pytest.mark.parametrize(("text", "category"), OBFUSCATED)
def test_obfuscated_cue_is_found(text: str, category: str) -> None:
    assert category in cats(text)


@pytest.mark.parametrize(("text", "kind"), NEGATIVE)
def test_tricky_negative_has_no_marker(text: str, kind: str) -> None:
    assert cats(text) == set(), kind


def test_multiple_categories_one_finding_each() -> None:
    a = imminence.analyze(
        "I've had enough. Nothing left to lose. This is my last chance. Read my "
        "manifesto. I have no other choice, gun at school.",
        now=NOW,
    )
    codes = [f.code for f in a.findings]
    assert codes == list(_rules.CATEGORIES)
    assert a.categories == _rules.CATEGORIES
    assert len([m for m in a.markers if m.category == "last_resort"]) == 2
    for f in a.findings:
        assert f.analyzer == "imminence"
        assert f.guidance == REF_IMMINENCE
        assert f.weight == Policy().weight(f.code)


def test_weights_come_from_the_policy() -> None:
    policy = Policy().with_weights(last_resort=1.25)
    a = imminence.analyze("No other choice, gun at school.", now=NOW, policy=policy)
    assert [f.weight for f in a.findings if f.code == "last_resort"] == [1.25]


def test_spans_point_into_the_folded_text() -> None:
    text = "Th\u200bis is my l@st ch@nce. N0 0ther ch0ice. Gun at school."
    folded = imminence.marker_text(text)
    a = imminence.analyze(text, now=NOW)
    assert a.markers
    for m in a.markers:
        start, end = m.span
        assert folded[start:end] == m.phrase


def test_evidence_does_not_quote_the_whole_message() -> None:
    secret = "zebracanary"
    text = f"I have no other choice. {secret} gun at school tomorrow. " * 5
    a = imminence.analyze(text, now=NOW)
    assert a.findings
    for f in a.findings:
        assert secret not in f.evidence
        assert len(f.evidence) < 160
    assert secret not in repr(a)


def test_no_text_in_logs(caplog: pytest.LogCaptureFixture) -> None:
    secret = "zebracanary"
    with caplog.at_level(logging.DEBUG, logger="threatsignals"):
        imminence.analyze(f"No other choice {secret}, gun at school tomorrow.", now=NOW)
    assert caplog.records
    assert all(secret not in r.getMessage() for r in caplog.records)


def test_empty_and_blank_text() -> None:
    for text in ("", "   \n\t"):
        a = imminence.analyze(text, now=NOW)
        assert a.markers == () and a.findings == () and a.when is None


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        imminence.analyze(None, now=NOW)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        imminence.analyze("x", now="tomorrow")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        imminence.analyze("x", now=NOW, school="LHHS")  # type: ignore[arg-type]


def test_unknown_time_zone_is_invalid_input() -> None:
    from threatsignals.errors import InvalidInputError

    with pytest.raises(InvalidInputError):
        imminence.analyze("x", now=NOW, tz="Mars/Olympus")


def test_extra_phrases_extend_the_lexicon() -> None:
    text = "The reckoning has come, gun at school."
    assert analyze_text(text, now=NOW).markers == ()
    a = analyze_text(
        text,
        now=NOW,
        extra_phrases={"shrinking_opportunity": ["reckoning has|is come"]},
    )
    assert [m.category for m in a.markers] == ["shrinking_opportunity"]


def test_deterministic() -> None:
    text = "I'm done waiting. Remember my name. Gun at LHHS tomorrow at 10."
    assert imminence.analyze(text, now=NOW) == imminence.analyze(text, now=NOW)


def test_to_dict_is_json_ready() -> None:
    import json

    a = imminence.analyze("No other choice, gun at school at noon.", now=NOW)
    d = a.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["markers"][0]["category"] == "last_resort"


# fmt: off
EXPAND_CASES = [
    ("last resort", [("last", "resort")]),
    ("a|b c", [("a", "c"), ("b", "c")]),
    ("the? end", [("the", "end"), ("end",)]),
    ("you_will pay", [("you", "will", "pay")]),
    ("had enough $", [("had", "enough", "$")]),
]
# fmt: on


@pytest.mark.parametrize(("pattern", "expected"), EXPAND_CASES)
def test_expand_pattern(pattern: str, expected: list[tuple[str, ...]]) -> None:
    assert expand_pattern(pattern) == expected


def test_phrase_index_leftmost_longest_and_clause_end() -> None:
    idx = PhraseIndex(
        {"x": ["last chance", "this is my last chance"], "y": ["had enough $"]}
    )
    toks = ["this", "is", "my", "last", "chance"]
    assert [(m.label, m.start, m.end) for m in idx.find(toks)] == [("x", 0, 5)]
    toks = ["had", "enough", "of"]
    assert idx.find_all(toks, [True, False, False]) == []
    assert [m.label for m in idx.find_all(toks, [True, False, True])] == ["y"]
    assert [m.label for m in idx.find_all(["lastchance"])] == ["x"]  # joined form


def test_every_lexicon_entry_matches_its_own_text() -> None:
    """Each expanded phrase, written out with a harm term, is found as its category."""
    tables = [*_rules.LEXICON.items(), *_rules.RHETORICAL.items()]
    for category, entries in tables:
        for pattern, comment in entries:
            assert comment, pattern
            for seq in expand_pattern(pattern)[:3]:
                words = [w for w in seq if w not in ("$", "^")]
                text = "gun at school. " + " ".join(words) + "."
                got = {m.category for m in analyze_text(text, now=NOW).markers}
                assert category in got, (pattern, text)
