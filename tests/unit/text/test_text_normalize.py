"""normalize(): folding table, idempotence, wrappers, hostile input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threatsignals.text import normalize
from threatsignals.text._normalize import split_wrapper

# fmt: off
CASES = [
    # (raw, normalised)
    ("There is a BOMB", "there is a bomb"),
    ("b0mb the sch00l", "bomb the school"),                      # leetspeak
    ("k!ll sh00t1ng bl@st $chool", "kill shooting blast school"),
    ("b o m b the s c h o o l", "bomb the school"),              # spaced letters
    ("b.o.m.b at s-h-o-o-l", "bomb at shool"),
    ("f\u200bre\u200de\u2060 zero\u00adwidth", "free zerowidth"),  # format characters
    ("\u202ebidi\u202c text\ufe0f", "bidi text"),
    ("ЬоmЬ іn ѕсһооl", "bomb in school"),                       # Cyrillic homoglyphs
    ("ΒΟΜΒ", "bomb"),                                           # Greek capitals
    ("ｂｏｍｂ 𝐛𝐨𝐦𝐛 ⓑⓞⓜⓑ", "bomb bomb bomb"),                 # compatibility forms
    ("café naïve résumé", "cafe naive resume"),                  # accents
    ("Straße ŁÓDŹ Ærø", "strasse lodz aero"),
    ("don’t “come” to school…", 'don\'t "come" to school...'),  # quotes, ellipsis
    ("wait!!! really??? ok,,, -- fine....", "wait! really? ok, - fine..."),
    ("💣💣 at noon 🔫", "at noon"),                               # emoji to spaces
    ("at 3pm on 5/12, room 204 or rm204", "at 3pm on 5/12, room 204 or rm204"),
    ("10:30am 2nd 5k covid19 b12", "10:30am 2nd 5k covid19 b12"),  # not leet
    ("mail Bob.Smith@Example.com or https://x.co/a_b?c=1", "mail bob.smith@example.com or https://x.co/a_b?c=1"),
    ("@b0b said hi", "@bob said hi"),
    ("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh"),
    ("line one\r\n\r\n\tline   two  ", "line one\nline two"),
    ("", ""),
    ("   \u200b  ", ""),
]
# fmt: on


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_normalize_table(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        (
            "---------- Forwarded message ---------\nFrom: Jane <j@x.org>\n"
            "Subject: Fwd: warning\n\nthere is a b.o.m.b in the gym",
            [
                "- forwarded message -",
                "from: jane <j@x.org>",
                "subject: fwd: warning",
                "there is a bomb in the gym",
            ],
        ),
        (
            "-----Original Message----- From: a Sent: b body here",
            ["- original message -", "from: a", "sent: b body here"],
        ),
        ("RT @user123: idk if this is true", ["rt @user123:", "idk if this is true"]),
        (
            "text then ----- forwarded message ----- more",
            ["text then", "- forwarded message -", "more"],
        ),
    ],
)
def test_wrappers_on_their_own_lines(raw: str, lines: list[str]) -> None:
    assert normalize(raw).split("\n") == lines


def test_split_wrapper_separates_body() -> None:
    norm = normalize(
        "---------- Forwarded message ---------\nFrom: x@y.org\nDate: Mon\n\n"
        "RT @someone: Fwd: there is a bomb at school"
    )
    body, wrapper = split_wrapper(norm)
    assert body == "there is a bomb at school"
    assert "- forwarded message -" in wrapper
    assert any(w.startswith("from:") for w in wrapper)
    assert "rt @someone:" in wrapper


def test_type_error() -> None:
    with pytest.raises(TypeError):
        normalize(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]


_PIECES = st.sampled_from(
    [
        *list("ab01345789 .-!?$@_*\n\t'\"lxo"),
        "\u200b",
        "é",
        "а",
        "Η",
        "ﬀ",
        "…",
        "rt @u: ",
        "from: ",
        "- forwarded message -",
        "-----original message-----",
        "fwd: ",
        "http://",
        "x@y.z",
        "3pm",
        "ß",
        "İ",
        "ǰ",
        "\u0301",
        "　",
        "ǅ",
        "ﷺ",
        "💣",
        "b o m b",
        "sh00t",
        "k!ll",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_idempotent_on_tricky_pieces(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_idempotent_on_any_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip()
    assert "  " not in once and "\n\n" not in once


def test_hostile_zero_width_flood() -> None:
    text = "b\u200bo" * 50_000 + "\u200b" * 100_000 + " mb"
    out = normalize(text)
    assert "\u200b" not in out
    assert len(out) == 100_003


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        normalize(text)
        best = min(best, time.process_time() - t)
    return max(best, 1e-4)


@pytest.mark.parametrize(
    "unit",
    [
        "a ",  # spaced letters: one huge joined token
        "a.",  # dotted letters in one chunk
        "0a",  # one long mixed token
        "- forwarded message - ",  # many wrapper cuts on one line
        "rt @x: ",
        "from: x ",
        "\u200b",
        "x@y.z ",
    ],
)
def test_linear_time_on_hostile_input(unit: str) -> None:
    # 4x the input must cost far less than 16x (what quadratic work would cost);
    # generous bound, CPU time, best of three.
    n = 100_000 // len(unit)
    small = _cost(unit * n)
    large = _cost(unit * (4 * n))
    assert large / small < 10
