"""similarity() and masking: templates, slot swaps, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import threatsignals as ts
from threatsignals.text import _rules as rules
from threatsignals.text import normalize, similarity
from threatsignals.text._mask import mask

DEFAULT = rules.DEFAULT_MIN_SCORE

# fmt: off
MASK_CASES = [
    ("There is a bomb at Oak Ridge High School, it goes off at 10:30 am Monday",
     "there is a bomb at <school> it goes off at <num>"),
    ("shoot up cedar grove middle tomorrow at noon", "shoot up <school> <num> at <num>"),
    ("theres a shooter at lincoln high tmrw dont come #lhs", "there is a shooter at <school> <num> do not come <tag>"),
    ("idk if this is real but someone said madison high will be shot up on 12/18, stay safe everyone", "<school> will be shot up on <num>"),
    ("send $5,000 to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh or mail me at a1@b.com",
     "send <num> to <id> or mail me at <email>"),
    ("Coach Dale and Jennifer Smith are next", "<person> and <person> are next"),
    ("meet me at 5th and Elm Street, call (312) 555-0100", "meet me at <num> and <place> call <num>"),
    ("see https://evil.example/x and @someone", "see <url> and <handle>"),
    ("on May 5th or on march 3", "on <num> or on <num>"),
    ("i am going to be there", "i am going to be there"),   # "am" is not a time here
    ("we will destroy them on friday at the stadium", "we will destroy them on <num> at the stadium"),
]
# fmt: on


@pytest.mark.parametrize(("raw", "masked"), MASK_CASES)
def test_mask_table(raw: str, masked: str) -> None:
    assert mask(normalize(raw)) == masked


def test_mask_uses_school_names_fuzzily(school: ts.School) -> None:
    text = (
        "Bomb in Lincon Heights High, by the gymnasium. Ms Rivera is first. LHHS beware"
    )
    assert mask(normalize(text), school) == (
        "bomb in <school> by the <place> <person> is first <school> beware"
    )


def test_mask_strips_repost_commentary() -> None:
    a = mask(
        normalize("idk if this is true but saw this on snapchat: bomb at school at 3pm")
    )
    b = mask(normalize("bomb at school at 3pm"))
    assert a == b


TEMPLATES = [
    "I have placed several explosive devices inside {school}. They will detonate at "
    "{time} on {date} unless I receive {amount} in bitcoin. Send the money to {wallet}. "
    "If you call the police or evacuate, I will set them off early.",
    "This is not a joke. There is a bomb hidden in {room} at {school}. It goes off at "
    "{time}. Everyone inside will pay. Contact {email} if you want to know where it is.",
    "{person} and everyone in {room} at {school} will regret how they treated me. I am "
    "bringing a gun on {date} at {time}. This is your only warning, call {phone}.",
]
SCHOOLS = st.builds(
    lambda a, b: f"{a} {b}",
    st.sampled_from(
        [
            "Oak Ridge",
            "Cedar Grove",
            "Lakeview",
            "Pine Hills",
            "Harbor",
            "Mount Vernon",
            "Willow Creek",
            "Summit",
        ]
    ),
    st.sampled_from(
        [
            "High School",
            "Middle School",
            "Elementary School",
            "Academy",
            "High",
            "Elementary",
            "Junior High",
            "HS",
        ]
    ),
)
SLOTS = st.fixed_dictionaries(
    {
        "school": SCHOOLS,
        "time": st.sampled_from(["10:30 am", "2pm", "noon", "9 AM", "13:45"]),
        "date": st.sampled_from(
            ["Monday", "May 5th", "12/3", "10/14/2026", "Friday, June 2"]
        ),
        "amount": st.sampled_from(["$5,000", "$20000", "3 BTC", "50,000 dollars"]),
        "wallet": st.sampled_from(
            [
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
            ]
        ),
        "room": st.sampled_from(["room 204", "room 8", "building b", "portable 3"]),
        "email": st.sampled_from(["a1@proton.me", "zz99@mail.example.org"]),
        "person": st.sampled_from(
            ["Ms. Rivera", "Coach Dale", "Mr. Okafor", "Dr. Novak", "Principal Haddad"]
        ),
        "phone": st.sampled_from(["(312) 555-0100", "+1 646 555 0199"]),
    }
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(TEMPLATES), SLOTS, SLOTS)
def test_slot_swapped_copies_match(
    template: str, a: dict[str, str], b: dict[str, str]
) -> None:
    assert similarity(template.format(**a), template.format(**b)) >= DEFAULT


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_symmetric_and_bounded(a: str, b: str) -> None:
    s = similarity(a, b)
    assert 0.0 <= s <= 100.0
    assert s == similarity(b, a)
    assert similarity(a, a) == 100.0


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(TEMPLATES), SLOTS)
def test_self_similarity_is_100(template: str, a: dict[str, str]) -> None:
    text = template.format(**a)
    assert similarity(text, text) == 100.0


# fmt: off
DIFFERENT = [
    # different threats sharing vocabulary
    ("There is a bomb in the gym at Oak Ridge High. It goes off at noon. Do not call the police.",
     "I will bring a gun to Oak Ridge High on Friday and shoot everyone in the cafeteria who laughed at me."),
    # an ordinary notice using threat words
    ("There are three bombs in the school building of Lakeview High. The bombs are timed for 2pm "
     "today. I want $50,000 or the building and everyone in it will be destroyed.",
     "Reminder: the county bomb squad will demonstrate their robot for career day in the gym "
     "on Friday at 2pm. Parents are welcome and the building will be open."),
    # sports talk
    ("We will destroy them on Friday, Lakeview doesn't stand a chance, wear red to the game!",
     "I will destroy Lakeview High on Friday, everyone inside will die, nobody will stop me."),
]
# fmt: on


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_messages_stay_below_default(a: str, b: str) -> None:
    assert similarity(a, b) < DEFAULT


def test_obfuscated_copy_matches() -> None:
    a = (
        "This is not a joke. There is a bomb hidden in room 204 at Oak Ridge High School. "
        "It goes off at 10:30 am. Everyone inside will pay for what this town did to me."
    )
    b = (
        "---------- Forwarded message ---------\nFrom: x@y.org\n\n"
        "THІS IS N0T A JOKE 💣 There is a b\u200bomb hiddn in room 8 at Lakeview "
        "Elementary. Everyone inside will pay for what this town did to me. It goes off at noon."
    )
    assert similarity(a, b) >= DEFAULT


def test_short_texts_use_strict_scoring() -> None:
    # token-set scoring would give 100 (all words of the short text are in the long one)
    assert (
        similarity(
            "bomb at school", "there is a bomb at school tomorrow, everyone will die"
        )
        < DEFAULT
    )


def test_type_errors() -> None:
    with pytest.raises(TypeError):
        similarity("a", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        similarity(1, "a")  # type: ignore[arg-type]
