"""analyze(): findings table, archive matches, waves, credible matches, plugin."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import threatsignals as ts
from threatsignals.archive import ArchivedReport, Outcome, derive_report_id
from threatsignals.guidance import REF_PATTERNS, REF_RECYCLED
from threatsignals.text import TextAnalysis, analyze
from threatsignals.text._plugin import ANALYZER

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)

TEMPLATE = (
    "I have placed several explosive devices inside {school}. They will detonate at "
    "{time} unless I receive {amount} in bitcoin. Send the money to {wallet}. If you "
    "call the police or evacuate, I will set them off early."
)
OTHER = [
    "Oak Ridge High School",
    "Cedar Grove Middle School",
    "Pine Hills Elementary",
    "Harbor Academy",
]


def codes(a: TextAnalysis) -> list[str]:
    return sorted(f.code for f in a.findings)


def _wave(
    archive: ts.Archive,
    n: int,
    *,
    hours_apart: float = 5,
    outcome: str = "hoax",
    start: datetime = NOW,
) -> list[str]:
    ids = []
    for i in range(n):
        school = ts.School(name=OTHER[i % len(OTHER)], id=f"s{i}")
        report = ts.Report(
            text=TEMPLATE.format(
                school=school.name,
                time=f"{i + 1}pm",
                amount="$5,000",
                wallet="bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            ),
            channel="email",
            received_at=start - timedelta(hours=hours_apart * (i + 1)),
        )
        ids.append(archive.add(report, school=school, outcome=outcome, now=NOW))
    return ids


def _mine() -> str:
    return TEMPLATE.format(
        school="Lincoln Heights High School",
        time="10:30 am",
        amount="$20000",
        wallet="1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    )


# fmt: off
LEXICON = [
    # (text, codes expected among findings, codes that must be absent)
    ("I will do it like Columbine on the anniversary", {"text_significant_event"}, set()),
    ("bomb in the school so we don't have to take the test tomorrow, cancel the exam",
     {"text_disruption_goal"}, set()),
    ("idk if this is true but saw this on snapchat: shooting tomorrow", {"text_repost"},
     {"text_direct_warning"}),
    ("---------- Forwarded message ---------\nFrom: a@b.org\n\nthere is a bomb",
     {"text_repost"}, set()),
    ("RT @someone: there will be a shooting at school", {"text_repost"}, set()),
    ("Fwd: there will be a shooting at school", {"text_repost"}, set()),
    ("From: x@y.org\nSubject: Fwd: hi\n\nthere will be a shooting", {"text_repost"}, set()),
    # the original e-mail pasted with its headers is not a repost
    ("From: x@y.org\nSubject: you will pay\n\nthere will be a shooting", set(),
     {"text_repost"}),
    ("Don't come to school tomorrow. You have been warned.", {"text_direct_warning"},
     {"text_repost"}),
    ("Stay safe everyone, don't come to school tomorrow", {"text_repost"},
     {"text_direct_warning"}),
    ("We will destroy them on Friday, go team!", set(),
     {"text_significant_event", "text_disruption_goal", "text_repost", "text_direct_warning"}),
]
# fmt: on


@pytest.mark.parametrize(("text", "present", "absent"), LEXICON)
def test_lexicon_findings(text: str, present: set[str], absent: set[str]) -> None:
    got = set(codes(analyze(text, now=NOW)))
    assert present <= got
    assert not (absent & got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is a bomb at Lincoln Heights High School", {"text_names_school"}),
        ("bomb at lincon heigths high", {"text_names_school"}),  # misspelled
        ("LHHS is next", {"text_names_school"}),  # alias
        ("meet me on Maple St after school", {"text_names_place"}),
        ("the gymnasium will burn", {"text_names_place"}),
        ("Ms. Rivera is going to pay", {"text_names_person"}),
        ("rivera is going to pay", {"text_names_person"}),
        ("there is a bomb at the school", set()),
        (
            "From: a@b.org\nSubject: Lincoln Heights High\n\nthere is a bomb",
            {"text_names_school"},
        ),
    ],
)
def test_specificity_findings(school: ts.School, text: str, expected: set[str]) -> None:
    names = {"text_names_school", "text_names_place", "text_names_person"}
    got = set(codes(analyze(text, school=school, now=NOW))) & names
    assert got == expected


def test_findings_use_policy_weights_and_guidance(school: ts.School) -> None:
    policy = ts.Policy(weights={"text_names_person": 0.9})
    a = analyze("Ms. Rivera will pay", school=school, now=NOW, policy=policy)
    (f,) = a.findings
    assert f.weight == 0.9 and f.analyzer == "text" and f.guidance == REF_PATTERNS
    assert "Rivera" not in f.evidence


def test_empty_and_blank() -> None:
    assert analyze(None).findings == ()
    assert analyze("").matches == ()
    assert analyze("  \u200b 💣 ").findings == ()


def test_type_errors(school: ts.School) -> None:
    with pytest.raises(TypeError):
        analyze(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyze("x", school="Lincoln")  # type: ignore[arg-type]
    with pytest.raises(ts.InvalidInputError):
        analyze("x", now=datetime(2026, 1, 1))  # naive


def test_recycled_and_wave(school: ts.School, archive: ts.Archive) -> None:
    _wave(archive, 3)
    a = analyze(_mine(), school=school, archive=archive, now=NOW)
    assert len(a.matches) == 3
    assert all(m.score >= 86 for m in a.matches)
    assert [m.score for m in a.matches] == sorted(
        (m.score for m in a.matches), reverse=True
    )
    by_code = {f.code: f for f in a.findings}
    assert by_code["text_recycled"].guidance == REF_RECYCLED
    assert by_code["text_recycled"].weight < 0
    assert "3 hoax" in by_code["text_recycled"].evidence
    wave = by_code["text_wave"]
    assert wave.weight < 0
    assert "3 other schools" in wave.evidence and "spanning 15 h" in wave.evidence
    assert "text_matches_credible" not in by_code
    assert "text_names_school" in by_code


def test_wave_needs_other_schools_within_window(
    school: ts.School, archive: ts.Archive
) -> None:
    _wave(
        archive, 3, hours_apart=40
    )  # 40, 80 and 120 hours before: only one within 72 h
    got = codes(analyze(_mine(), school=school, archive=archive, now=NOW))
    assert "text_recycled" in got and "text_wave" not in got
    policy = ts.Policy(wave_hours=100)
    got = codes(
        analyze(_mine(), school=school, archive=archive, now=NOW, policy=policy)
    )
    assert "text_wave" in got


def test_same_school_same_incident_is_not_recycled(
    school: ts.School, archive: ts.Archive
) -> None:
    # three students report the same post within hours: not recycling, not a wave
    for i in range(3):
        report = ts.Report(
            text=_mine().replace("10:30 am", f"{i + 1}pm"),
            received_at=NOW - timedelta(hours=i + 1),
        )
        archive.add(report, school=school, outcome="hoax", now=NOW)
    a = analyze(_mine(), school=school, archive=archive, now=NOW)
    assert len(a.matches) == 3
    assert "text_wave" not in codes(a) and "text_recycled" not in codes(a)


def test_same_school_earlier_threat_is_recycled(
    school: ts.School, archive: ts.Archive
) -> None:
    for i in range(2):
        report = ts.Report(
            text=_mine().replace("10:30 am", f"{i + 1}pm"),
            received_at=NOW - timedelta(days=20 + i),
        )
        archive.add(report, school=school, outcome="hoax", now=NOW)
    archive.add(
        ts.Report(text=_mine(), received_at=NOW - timedelta(hours=1)),
        school=school,
        now=NOW,
    )
    a = analyze(_mine(), school=school, archive=archive, now=NOW)
    (rec,) = [f for f in a.findings if f.code == "text_recycled"]
    assert "matches 2 archived threats" in rec.evidence
    assert "2 earlier at this school" in rec.evidence
    assert "1 more at this school" in rec.evidence
    assert "text_wave" not in codes(a)


def test_credible_match_raises_instead(school: ts.School, archive: ts.Archive) -> None:
    ids = _wave(archive, 3)
    archive.set_outcome(ids[1], "credible")
    a = analyze(_mine(), school=school, archive=archive, now=NOW)
    got = codes(a)
    assert "text_matches_credible" in got
    assert "text_recycled" not in got and "text_wave" not in got
    (f,) = [f for f in a.findings if f.code == "text_matches_credible"]
    assert f.weight > 0 and "credible" in f.evidence


def test_imported_signals_count_as_other_organisations(
    school: ts.School, archive: ts.Archive
) -> None:
    # signals as another organisation would export them
    sigs = list(
        ANALYZER.signals(ts.Report(text=_mine().replace("10:30 am", "9 am")), None)
    )
    for k, org in enumerate(("district-7", "district-9", "district-9")):
        meta = ArchivedReport(
            id=f"imp-{k}",
            school=f"hashed-{k}",
            channel="email",
            received_at=NOW - timedelta(hours=2 + k),
            added_at=NOW,
            outcome=Outcome.HOAX,
            origin=org,
        )
        assert archive.add_record(meta, sigs)
    a = analyze(_mine(), school=school, archive=archive, now=NOW)
    evidence = " ".join(f.evidence for f in a.findings)
    assert "reported by 2 other organisations" in evidence
    assert "hashed-" not in evidence
    assert "text_wave" in codes(a)


def test_exclude_ids_and_plugin_skips_itself(
    school: ts.School, archive: ts.Archive
) -> None:
    _wave(archive, 1)
    report = ts.Report(text=_mine(), channel="email", received_at=NOW)
    own = archive.add(report, school=school, now=NOW)
    assert own == derive_report_id(report, school)
    ctx = ts.AnalyzerContext(
        school=school, archive=archive, now=NOW, policy=ts.Policy()
    )
    result = ANALYZER.analyze_report(report, ctx)
    assert own not in {m.report_id for m in result.matches}
    assert len(result.matches) == 1
    a = analyze(report.text, archive=archive, now=NOW, exclude_ids={own})
    assert own not in {m.report_id for m in a.matches}


def test_index_refreshes_incrementally_and_after_delete(
    school: ts.School, archive: ts.Archive
) -> None:
    ids = _wave(archive, 2)
    assert len(analyze(_mine(), archive=archive, now=NOW).matches) == 2
    first = archive.cache["text"].index
    _wave(archive, 3, start=NOW - timedelta(days=30))  # more copies, other times
    assert len(analyze(_mine(), archive=archive, now=NOW).matches) == 5
    assert archive.cache["text"].index is first  # incremental
    archive.delete(ids[0])
    assert len(analyze(_mine(), archive=archive, now=NOW).matches) == 4
    assert archive.cache["text"].index is not first  # rebuilt: fewer reports


def test_deleted_then_added_still_never_matches_deleted(archive: ts.Archive) -> None:
    ids = _wave(archive, 2)
    assert len(analyze(_mine(), archive=archive, now=NOW).matches) == 2
    archive.delete(ids[0])
    archive.add(
        ts.Report(text="unrelated note about the bake sale on friday"),
        school=ts.School(name="X"),
        now=NOW,
    )
    got = {m.report_id for m in analyze(_mine(), archive=archive, now=NOW).matches}
    assert got == {ids[1]}


def test_plugin_signals_and_empty_report(school: ts.School) -> None:
    assert ANALYZER.name == "text" and isinstance(ANALYZER.version, str)
    kinds = [k for k, _ in ANALYZER.signals(ts.Report(text=_mine()), school)]
    assert kinds == ["text.norm", "text.masked", "text.minhash"]
    assert list(ANALYZER.signals(ts.Report(text=None), school)) == []
    assert list(ANALYZER.signals(ts.Report(text="💣"), school)) == []
    ctx = ts.AnalyzerContext(school=None, archive=None, now=NOW, policy=ts.Policy())
    assert ANALYZER.analyze_report(ts.Report(text=None), ctx).findings == ()


def test_assess_runs_text_analyzer(school: ts.School, archive: ts.Archive) -> None:
    _wave(archive, 3)
    a = ts.assess(
        ts.Report(text=_mine(), channel="email", received_at=NOW),
        school=school,
        archive=archive,
        now=NOW,
    )
    got = {f.code for f in a.findings}
    assert {"text_recycled", "text_wave"} <= got


def test_no_message_text_in_logs(
    school: ts.School, archive: ts.Archive, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _wave(archive, 2)
    canary = "CANARYWORD"
    text = _mine() + f" {canary} Ms. Rivera"
    archive.add(ts.Report(text=text), school=school, now=NOW)
    analyze(text, school=school, archive=archive, now=NOW)
    assert canary.lower() not in caplog.text.lower()
    assert "rivera" not in caplog.text.lower()


def test_deterministic(school: ts.School, archive: ts.Archive) -> None:
    _wave(archive, 3)
    a = analyze(_mine(), school=school, archive=archive, now=NOW)
    b = analyze(_mine(), school=school, archive=archive, now=NOW)
    assert a == b
    assert a.to_dict()["matches"][0]["outcome"] == "hoax"


def test_hostile_megabyte_message(school: ts.School, archive: ts.Archive) -> None:
    _wave(archive, 2)
    text = ("b\u200bo\u200bm\u200bb " * 100_000) + _mine() + " 💣" * 100_000
    assert len(text) >= 1_000_000
    a = analyze(text, school=school, archive=archive, now=NOW)
    assert isinstance(a, TextAnalysis)
    assert all(f.analyzer == "text" for f in a.findings)


def test_concurrent_analyses_share_one_index(archive: ts.Archive) -> None:
    from concurrent.futures import ThreadPoolExecutor

    _wave(archive, 3)

    def run(i: int) -> int:
        if i % 3 == 0:
            archive.add(
                ts.Report(text=_mine().replace("10:30 am", f"{i}pm")),
                school=ts.School(name=f"School {i}"),
                now=NOW,
            )
        return len(analyze(_mine(), archive=archive, now=NOW).matches)

    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(run, range(12)))
    assert min(counts) >= 3
    assert len(analyze(_mine(), archive=archive, now=NOW).matches) == 7


@pytest.fixture(scope="module")
def shared_archive():
    a = ts.Archive.open()
    _wave(a, 3)
    yield a
    a.close()


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300))
def test_analyze_never_raises(shared_archive: ts.Archive, text: str) -> None:
    school = ts.School(
        name="Lincoln Heights High School",
        places=("Maple Street",),
        people=("Ms. Rivera",),
    )
    a = analyze(text, school=school, archive=shared_archive, now=NOW)
    assert all(f.analyzer == "text" for f in a.findings)
    assert len({f.code for f in a.findings}) == len(a.findings)
