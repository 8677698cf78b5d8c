"""Hostile input, linear time (structurally), fuzzing and the plug-in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import threatsignals as ts
from threatsignals import imminence
from threatsignals.analyzers import AnalyzerContext
from threatsignals.imminence import _analyze, _normalize, _rules, _time
from threatsignals.imminence._analyze import ImminenceAnalysis, _index
from threatsignals.imminence._plugin import ANALYZER
from threatsignals.policy import Policy

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
CODES = {*_rules.CATEGORIES, "stated_time", "time_imminent", "stated_time_past"}

# ---------------------------------------------------------------------------
# structural linear-time guarantees


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for mod in (_analyze, _normalize, _time):
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern):
                yield f"{mod.__name__}.{name}", value
    for rx, _hm, label in _time._SCHOOL_PART_RES:
        yield f"school part {label}", rx


_REPEATS = {
    sre_c.MAX_REPEAT,
    sre_c.MIN_REPEAT,
    getattr(sre_c, "POSSESSIVE_REPEAT", None),
}


def _has_nested_repeat(items: Any, inside: bool) -> bool:
    for op, av in items:
        if op in _REPEATS:
            _lo, hi, sub = av
            many = hi > 1
            if inside and many:
                return True
            if _has_nested_repeat(sub, inside or many):
                return True
        elif op == sre_c.SUBPATTERN:
            if _has_nested_repeat(av[-1], inside):
                return True
        elif op == sre_c.BRANCH:
            if any(_has_nested_repeat(b, inside) for b in av[1]):
                return True
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT) and _has_nested_repeat(
            av[1], inside
        ):
            return True
    return False


def test_there_are_patterns_to_check() -> None:
    assert len(list(_patterns())) > 15


@pytest.mark.parametrize(("name", "pattern"), list(_patterns()))
def test_no_regex_has_nested_quantifiers(name: str, pattern: re.Pattern[str]) -> None:
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    assert not _has_nested_repeat(tree, False), name


def test_nested_repeat_detector_can_fail() -> None:
    assert _has_nested_repeat(sre_parse.parse(r"(a+)+b"), False)
    assert _has_nested_repeat(sre_parse.parse(r"(?:x(?:y|z)*)*"), False)
    assert not _has_nested_repeat(sre_parse.parse(r"(?:ab){2,}c"), False)


class _Counting(list[str]):
    reads = 0

    def __getitem__(self, i: Any) -> Any:
        type(self).reads += 1
        return super().__getitem__(i)


@pytest.mark.parametrize(
    "unit",
    [["last"], ["no", "other"], ["not"], ["a"], ["i", "have", "to", "do"], ["gun"]],
)
def test_phrase_matching_reads_grow_linearly(unit: list[str]) -> None:
    def reads(n: int) -> int:
        _Counting.reads = 0
        toks = _Counting(unit * n)
        _index().find_all(toks, [False] * len(toks))
        return _Counting.reads

    small, big = reads(2000), reads(8000)
    assert big <= 4.2 * small


@pytest.mark.parametrize(
    "text",
    [
        "not " * 20000,
        "a" * 50000 + "!",
        "1 " * 20000,
        "l a s t " * 5000,
        "!" * 30000,
        "at 1" * 10000,
        "12/12/" * 10000,
        "in 1 " * 10000,
        "\u200b" * 50000 + "gun",
        "'" * 50000,
        '"' * 50001,
        "tomorrow " * 10000 + "gun",
        "no other choice, gun at school tomorrow at 10am. " * 2000,
        "he said no other choice gun " * 20000,
        "last year no other choice gun now " * 20000,
        "gun tomorrow at 10. " * 20000,
        "lol jk " * 20000 + "gun",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_hostile_input_completes(text: str) -> None:
    a = imminence.analyze(text, now=NOW)
    assert isinstance(a, ImminenceAnalysis)


def test_one_megabyte_message() -> None:
    unit = "I have no other choice. Gun at school tomorrow at 10am. Lunch was fine. "
    text = unit * (1_000_000 // len(unit))
    a = imminence.analyze(text, now=NOW)
    assert a.categories == ("last_resort",)
    assert a.when is not None


# ---------------------------------------------------------------------------
# fuzzing

_FRAGMENTS = st.sampled_from(
    [
        "no other choice", "gun", "tomorrow", "at 10", "not", "if", "?", ".", "!", ",",
        '"', "\u201c", "\u201d", "lol", "jk", "he said", "last chance", "12/17",
        "friday", "midnight", "in 2 hours", "l a s t", "n0", "\u200b", "\u0430",
        "manifesto", "shoot", "had enough", "\n", " ", "'", "2:45", "on the 31st",
        "feb 30", "13/45", "99:99", "at 0", "noon", "before school", "finals",
    ]
)  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(_FRAGMENTS, max_size=40).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, hours=st.integers(min_value=-5000, max_value=5000))
def test_fuzz_never_raises_and_results_are_consistent(text: str, hours: int) -> None:
    now = NOW + timedelta(hours=hours)
    a = imminence.analyze(text, now=now, tz="America/Chicago")
    folded = imminence.marker_text(text)
    for m in a.markers:
        assert m.category in _rules.CATEGORIES
        assert folded[m.span[0] : m.span[1]] == m.phrase
    assert {f.code for f in a.findings} <= CODES
    assert len({f.code for f in a.findings}) == len(a.findings)
    if a.when is not None:
        assert a.when.tzinfo is not None and a.hours_until is not None
    else:
        assert a.hours_until is None
    assert imminence.analyze(text, now=now, tz="America/Chicago") == a


@settings(max_examples=200, deadline=None)
@given(text=_TEXT)
def test_marker_text_is_idempotent(text: str) -> None:
    once = imminence.marker_text(text)
    assert imminence.marker_text(once) == once


# ---------------------------------------------------------------------------
# the plug-in


def _context(school: ts.School | None = None, now: datetime = NOW) -> AnalyzerContext:
    return AnalyzerContext(school=school, archive=None, now=now, policy=Policy())


def test_plugin_shape() -> None:
    assert ANALYZER.name == "imminence"
    assert isinstance(ANALYZER.version, str) and ANALYZER.version
    assert isinstance(ANALYZER, ts.Analyzer)


@pytest.mark.parametrize("text", [None, ""])
def test_plugin_empty_report(text: str | None) -> None:
    res = ANALYZER.analyze_report(ts.Report(text=text), _context())
    assert res.findings == () and res.when is None


def test_plugin_resolves_against_received_at_and_measures_from_now() -> None:
    chi = ts.School(name="LHHS", timezone="America/Chicago")
    now = datetime(2026, 12, 2, 16, 0, tzinfo=UTC)  # Wed 10:00 in Chicago
    report = ts.Report(
        text="I'm done waiting. Gun at school tomorrow at 11am.",
        received_at=now - timedelta(days=1),
    )
    res = ANALYZER.analyze_report(report, _context(chi, now))
    assert res.when == datetime(2026, 12, 2, 11, 0, tzinfo=chi.tz)  # today
    assert res.hours_until == 1.0
    assert [f.code for f in res.findings] == [
        "diminishing_patience",
        "stated_time",
        "time_imminent",
    ]


def test_plugin_without_school_uses_utc() -> None:
    report = ts.Report(text="Gun at school at 10am.", received_at=None)
    res = ANALYZER.analyze_report(report, _context(None, NOW))
    assert res.when == datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def test_plugin_is_discovered() -> None:
    from threatsignals.analyzers import builtin_analyzers

    assert any(getattr(a, "name", None) == "imminence" for a in builtin_analyzers())
