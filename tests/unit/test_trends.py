from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

import threatsignals as ts
from threatsignals import trends
from threatsignals._cli import main

T0 = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)  # a Monday
TEMPLATE = (
    "Attention {school}. Devices are hidden in the building and will be set off "
    "at {time} today unless {amount} is paid to wallet {wallet}."
)


def _fill(archive: ts.Archive) -> None:
    schools = [ts.School(name=f"School {c}", id=f"s{c}") for c in "ABCD"]
    # a wave: one template at four schools within six hours
    for i, s in enumerate(schools):
        archive.add(
            ts.Report(
                text=TEMPLATE.format(
                    school=s.name,
                    time=f"{9 + i}:30",
                    amount=f"${1000 + i}",
                    wallet=f"bc1qwallet{i}xyz",
                ),
                channel="email",
                received_at=T0 + timedelta(hours=2 * i),
            ),
            school=s,
            outcome="hoax",
            now=T0,
        )
    # repeated threats to school A, weeks apart; one credible
    for k, outcome in enumerate(["credible", "unknown"]):
        archive.add(
            ts.Report(
                text=f"Different message number {k} about the parking lot",
                channel="social_media",
                received_at=T0 + timedelta(days=20 + 7 * k),
            ),
            school=schools[0],
            outcome=outcome,
            now=T0,
        )


def test_summarize_counts(archive):
    _fill(archive)
    t = trends.summarize(archive, waves=False)
    assert t.total == 6
    assert t.by_month == {"2026-01": 5, "2026-02": 1}
    assert t.by_channel == {"email": 4, "social_media": 2}
    assert t.by_outcome == {"hoax": 4, "credible": 1, "unknown": 1}
    assert t.hoax_share == pytest.approx(0.8)
    assert t.repeat_targets == (("sA", 3),)
    assert t.disruption_days[0][1:] == (4, 4)
    assert t.records("by_channel")[0] == {"channel": "email", "threats": 4}
    only_a = trends.summarize(archive, school="sA", waves=False)
    assert only_a.total == 3
    with pytest.raises(ts.InvalidInputError):
        t.records("nope")


def test_waves_found(archive):
    pytest.importorskip("threatsignals.text._plugin")
    _fill(archive)
    t = trends.summarize(archive)
    assert len(t.waves) == 1
    w = t.waves[0]
    assert w.size == 4 and len(w.schools) == 4 and w.span_hours == pytest.approx(6.0)


def test_empty_archive(archive):
    t = trends.summarize(archive)
    assert t.total == 0 and t.hoax_share is None and t.waves == ()
    assert "No threats in this period" in trends.render_html(t)


def test_html_report_is_self_contained_and_escaped(tmp_path, archive):
    _fill(archive)
    for k in range(2):
        archive.add(
            ts.Report(text=f"x{k}", received_at=T0 + timedelta(days=k)),
            school=ts.School(name="<script>", id="<b>"),
            now=T0,
        )
    out = tmp_path / "r.html"
    trends.html_report(archive, out)
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "<script>" not in page and "&lt;b&gt;" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for word in ("Devices", "wallet", "parking"):
        assert word not in page  # no message content


def test_cli_report_and_trends(tmp_path, capsys):
    db = tmp_path / "a.db"
    with ts.Archive.open(db) as a:
        _fill(a)
    assert (
        main(["report", "--archive", str(db), "--out", str(tmp_path / "r.html")]) == 0
    )
    assert (tmp_path / "r.html").exists()
    capsys.readouterr()
    assert (
        main(["trends", "--archive", str(db), "--since", "2026-02-01T00:00:00+00:00"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["total"] == 1
    assert main(["trends", "--archive", str(tmp_path / "none.db")]) == 2


def test_matplotlib_plots(archive, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _fill(archive)
    t = trends.summarize(archive)
    ax = trends.plot_timeline(t)
    bars = [p for p in ax.patches]
    assert len(bars) == 3 * len(t.by_month)  # one stacked bar per outcome and month
    assert any("wave" in a.get_text() for a in ax.texts)
    axes = trends.plot_breakdowns(t)
    assert [b.get_width() for b in axes[0].patches] == [2, 4]
    ax.figure.savefig(tmp_path / "timeline.png")
    assert (tmp_path / "timeline.png").stat().st_size > 1000
    plt.close("all")


def test_plots_need_matplotlib(monkeypatch, archive):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ts.MissingDependencyError) as info:
        trends.plot_timeline(trends.summarize(archive, waves=False))
    assert info.value.extra == "plots"
