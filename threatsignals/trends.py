"""Trends over an archive: the guidance's "taking stock" questions, answered as data.

The reference guide asks districts to take stock: how often they were targeted, how
they became aware of threats, whether threats were mostly hoaxes, whether they came
in waves, whether the same targets were hit again, and whether school days were
disrupted. :func:`summarize` answers those from an :class:`~threatsignals.Archive`
(metadata and fingerprints only: no message content), as plain records that any
frame library accepts; :func:`html_report` turns them into a self-contained HTML page
for a safety-team meeting, with inline SVG charts (no plotting library needed).
"""

from __future__ import annotations

import html
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from threatsignals.archive import Archive, ArchivedReport
from threatsignals.errors import InvalidInputError, MissingDependencyError
from threatsignals.policy import Policy

__all__ = [
    "Trends",
    "Wave",
    "find_waves",
    "html_report",
    "plot_breakdowns",
    "plot_timeline",
    "summarize",
]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Wave:
    """A cluster of matching threats at several schools within the wave window.

    Attributes:
        id: A stable id (the earliest member's report id).
        report_ids: Members, oldest first.
        schools: Distinct school keys (imported signals count by origin).
        start: First received time.
        end: Last received time.
    """

    id: str
    report_ids: tuple[str, ...]
    schools: tuple[str, ...]
    start: datetime
    end: datetime

    @property
    def size(self) -> int:
        """Number of reports in the wave."""
        return len(self.report_ids)

    @property
    def span_hours(self) -> float:
        """Hours from the first to the last report."""
        return (self.end - self.start).total_seconds() / 3600

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "id": self.id,
            "size": self.size,
            "schools": len(self.schools),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "span_hours": round(self.span_hours, 2),
        }


@dataclass(frozen=True, slots=True)
class Trends:
    """Counts and patterns over a time window of an archive.

    Attributes:
        since: Start of the window (inclusive), or None for everything.
        until: End of the window (exclusive), or None.
        total: Number of reports in the window.
        by_month: ``{"2026-03": n}``, months in order.
        by_channel: ``{"email": n}``.
        by_school: ``{school_key: n}``.
        by_outcome: ``{"hoax": n, "credible": n, "unknown": n}``.
        by_month_outcome: ``{"2026-03": {"hoax": n, ...}}``.
        hoax_share: Share of reports with a known outcome that were hoaxes (None
            when no outcome is known).
        waves: Clusters of matching threats at several schools.
        repeat_targets: ``(school, n)`` for schools threatened more than once within
            the policy's repeat window, most first.
        disruption_days: ``(day, threats, schools)`` for school days (Monday-Friday,
            UTC dates) with at least two threats, most first.
    """

    since: datetime | None
    until: datetime | None
    total: int
    by_month: dict[str, int]
    by_channel: dict[str, int]
    by_school: dict[str, int]
    by_outcome: dict[str, int]
    by_month_outcome: dict[str, dict[str, int]]
    hoax_share: float | None
    waves: tuple[Wave, ...] = ()
    repeat_targets: tuple[tuple[str, int], ...] = ()
    disruption_days: tuple[tuple[date, int, int], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "total": self.total,
            "by_month": self.by_month,
            "by_channel": self.by_channel,
            "by_school": self.by_school,
            "by_outcome": self.by_outcome,
            "by_month_outcome": self.by_month_outcome,
            "hoax_share": self.hoax_share,
            "waves": [w.to_dict() for w in self.waves],
            "repeat_targets": [
                {"school": s, "threats": n} for s, n in self.repeat_targets
            ],
            "disruption_days": [
                {"day": d.isoformat(), "threats": n, "schools": k}
                for d, n, k in self.disruption_days
            ],
        }

    def records(self, table: str) -> list[dict[str, Any]]:
        """Return one table as flat records (for ``pandas.DataFrame.from_records``).

        Args:
            table: ``"by_month"``, ``"by_channel"``, ``"by_school"``,
                ``"by_outcome"``, ``"waves"``, ``"repeat_targets"`` or
                ``"disruption_days"``.
        """
        if table in {"by_month", "by_channel", "by_school", "by_outcome"}:
            key = table.removeprefix("by_")
            return [{key: k, "threats": v} for k, v in getattr(self, table).items()]
        data = self.to_dict()
        if table in {"waves", "repeat_targets", "disruption_days"}:
            rows: list[dict[str, Any]] = data[table]
            return rows
        raise InvalidInputError("unknown table", field="table")

    def to_dataframe(self, table: str) -> Any:
        """Return one table as a pandas DataFrame (pandas imported only here)."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependencyError("pandas", "pandas") from None
        return pd.DataFrame.from_records(self.records(table))


def _month(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}"


def find_waves(
    archive: Archive,
    reports: Sequence[ArchivedReport] | None = None,
    *,
    policy: Policy | None = None,
) -> list[Wave]:
    """Group archived reports whose text matches into waves.

    Two reports are linked when their texts match (the text analyzer's template-aware
    similarity at its default threshold) and they arrived within the policy's wave
    window; a connected group is a wave when it spans at least
    ``policy.wave_min_schools + 1`` schools. Needs the text analyzer; without it no
    waves are reported.
    """
    policy = policy or Policy()
    if reports is None:
        reports = archive.reports()
    links = _match_pairs(archive, [r.id for r in reports])
    by_id = {r.id: r for r in reports}
    parent: dict[str, str] = {r.id: r.id for r in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    window = timedelta(hours=policy.wave_hours)
    for a, b in links:
        ra, rb = by_id.get(a), by_id.get(b)
        if ra is None or rb is None:
            continue
        if abs(ra.received_at - rb.received_at) <= window:
            pa, pb = find(a), find(b)
            if pa != pb:
                parent[max(pa, pb)] = min(pa, pb)
    groups: dict[str, list[ArchivedReport]] = defaultdict(list)
    for r in reports:
        groups[find(r.id)].append(r)
    waves = []
    for members in groups.values():
        schools = {
            m.school if m.origin == "local" else f"{m.origin}:{m.school}"
            for m in members
        }
        if len(schools) < policy.wave_min_schools + 1:
            continue
        members.sort(key=lambda m: (m.received_at, m.id))
        waves.append(
            Wave(
                id=members[0].id,
                report_ids=tuple(m.id for m in members),
                schools=tuple(sorted(schools)),
                start=members[0].received_at,
                end=members[-1].received_at,
            )
        )
    waves.sort(key=lambda w: (w.start, w.id))
    return waves


def _match_pairs(archive: Archive, ids: Sequence[str]) -> list[tuple[str, str]]:
    """Return pairs of archived reports whose masked texts match."""
    from threatsignals.text._analyze import archive_index

    index = archive_index(archive)
    wanted = set(ids)
    masked = {
        s.report_id: s.value
        for s in archive.signals("text.masked")
        if s.report_id in wanted
    }
    pairs: list[tuple[str, str]] = []
    for rid in ids:
        m = masked.get(rid)
        if not m:
            continue
        for key, _score in index.search_masked(m):
            if key != rid and isinstance(key, str):
                pairs.append((rid, key))
    return pairs


def summarize(
    archive: Archive,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    school: str | None = None,
    policy: Policy | None = None,
    waves: bool = True,
) -> Trends:
    """Answer the "taking stock" questions for an archive.

    Args:
        archive: The archive.
        since: Only reports received at or after this time.
        until: Only reports received before this time.
        school: Only this school key (waves still look across all schools).
        policy: Windows for waves and repeats.
        waves: Whether to look for waves (needs the text analyzer; costs one
            text-index search per report).
    """
    if not isinstance(archive, Archive):
        raise TypeError("archive must be a threatsignals.Archive")
    policy = policy or Policy()
    everything = archive.reports(since=since, until=until)
    rows = [r for r in everything if school is None or r.school == school]
    by_month = Counter(_month(r.received_at) for r in rows)
    by_month_outcome: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_month_outcome[_month(r.received_at)][r.outcome.value] += 1
    by_outcome = Counter(r.outcome.value for r in rows)
    known = by_outcome.get("hoax", 0) + by_outcome.get("credible", 0)
    hoax_share = by_outcome.get("hoax", 0) / known if known else None

    repeat: Counter[str] = Counter()
    window = timedelta(days=policy.repeat_days)
    per_school: dict[str, list[datetime]] = defaultdict(list)
    for r in rows:
        if r.origin == "local":
            per_school[r.school].append(r.received_at)
    for key, times in per_school.items():
        times.sort()
        if any(b - a <= window for a, b in pairwise(times)):
            repeat[key] = len(times)

    days: dict[date, list[ArchivedReport]] = defaultdict(list)
    for r in rows:
        d = r.received_at.astimezone(UTC).date()
        if d.weekday() < 5:
            days[d].append(r)
    disruption = sorted(
        (
            (d, len(rs), len({r.school for r in rs}))
            for d, rs in days.items()
            if len(rs) >= 2
        ),
        key=lambda x: (-x[1], x[0]),
    )
    found = find_waves(archive, everything, policy=policy) if waves else []
    if school is not None:
        ids = {r.id for r in rows}
        found = [w for w in found if ids & set(w.report_ids)]
    _log.debug("trends over %d reports: %d waves", len(rows), len(found))
    return Trends(
        since=since,
        until=until,
        total=len(rows),
        by_month=dict(sorted(by_month.items())),
        by_channel=dict(by_channel_sorted(rows)),
        by_school=dict(Counter(r.school for r in rows).most_common()),
        by_outcome={k: by_outcome.get(k, 0) for k in ("hoax", "credible", "unknown")},
        by_month_outcome={m: dict(c) for m, c in sorted(by_month_outcome.items())},
        hoax_share=hoax_share,
        waves=tuple(found),
        repeat_targets=tuple(repeat.most_common()),
        disruption_days=tuple(disruption),
    )


def by_channel_sorted(rows: Iterable[ArchivedReport]) -> list[tuple[str, int]]:
    """Return ``(channel, count)`` pairs, most first then by name."""
    c = Counter(r.channel for r in rows)
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))


# ---------------------------------------------------------------------------
# HTML report with inline SVG

_COLORS = {"hoax": "#8da0cb", "credible": "#e34a33", "unknown": "#bdbdbd"}


def _svg_timeline(t: Trends) -> str:
    months = list(t.by_month_outcome)
    if not months:
        return "<p>No threats in this period.</p>"
    width, height, pad = 720, 240, 40
    peak = max(sum(v.values()) for v in t.by_month_outcome.values()) or 1
    bw = (width - 2 * pad) / len(months)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Threats per month by outcome">'
    ]
    wave_months = Counter(_month(w.start) for w in t.waves)
    for i, m in enumerate(months):
        y: float = height - pad
        for outcome in ("credible", "hoax", "unknown"):
            n = t.by_month_outcome[m].get(outcome, 0)
            if not n:
                continue
            h = (height - 2 * pad) * n / peak
            y -= h
            parts.append(
                f'<rect x="{pad + i * bw + 2:.1f}" y="{y:.1f}" width="{bw - 4:.1f}" '
                f'height="{h:.1f}" fill="{_COLORS[outcome]}">'
                f"<title>{html.escape(m)}: {n} {outcome}</title></rect>"
            )
        if wave_months.get(m):
            parts.append(
                f'<text x="{pad + (i + 0.5) * bw:.1f}" y="{pad - 8}" '
                f'text-anchor="middle" font-size="12" fill="#d95f02">'
                f"{wave_months[m]} wave{'s' if wave_months[m] > 1 else ''}</text>"
            )
        parts.append(
            f'<text x="{pad + (i + 0.5) * bw:.1f}" y="{height - pad + 16}" '
            f'text-anchor="middle" font-size="11">{html.escape(m)}</text>'
        )
    parts.append(
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" '
        f'y2="{height - pad}" stroke="#333"/>'
    )
    parts.append(
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="#333"/>'
        f'<line x1="{pad - 4}" y1="{pad}" x2="{pad}" y2="{pad}" stroke="#333"/>'
    )
    parts.append(
        f'<text x="{pad - 6}" y="{pad + 4}" text-anchor="end" font-size="11">'
        f'{peak}</text><text x="{pad - 6}" y="{height - pad + 4}" '
        f'text-anchor="end" font-size="11">0</text></svg>'
    )
    return "".join(parts)


def _svg_bars(data: dict[str, int], label: str) -> str:
    if not data:
        return "<p>None.</p>"
    width, row = 480, 22
    peak = max(data.values()) or 1
    height = row * len(data) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{html.escape(label)}">'
    ]
    for i, (k, v) in enumerate(data.items()):
        w = (width - 200) * v / peak
        y = 5 + i * row
        parts.append(
            f'<text x="150" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{html.escape(str(k))}</text>"
        )
        parts.append(
            f'<rect x="158" y="{y + 3}" width="{w:.1f}" height="{row - 6}" '
            f'fill="{_COLORS.get(str(k), "#66c2a5")}"/>'
        )
        parts.append(f'<text x="{162 + w:.1f}" y="{y + 15}" font-size="12">{v}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(t: Trends, *, title: str = "Anonymous threats: taking stock") -> str:
    """Return a self-contained HTML page (inline CSS and SVG, no scripts)."""
    share = "no outcomes recorded" if t.hoax_share is None else f"{t.hoax_share:.0%}"
    period = (
        f"{t.since.date() if t.since else 'start'} to "
        f"{t.until.date() if t.until else 'now'}"
    )
    waves = (
        _table(
            ["wave", "reports", "schools", "first", "last", "span (h)"],
            [
                (
                    w.id,
                    w.size,
                    len(w.schools),
                    w.start.isoformat(timespec="minutes"),
                    w.end.isoformat(timespec="minutes"),
                    f"{w.span_hours:.1f}",
                )
                for w in t.waves
            ],
        )
        if t.waves
        else "<p>No waves found.</p>"
    )
    repeats = (
        _table(["school", "threats"], t.repeat_targets)
        if t.repeat_targets
        else "<p>No school was threatened repeatedly.</p>"
    )
    days = (
        _table(
            ["day", "threats", "schools"],
            [(d.isoformat(), n, k) for d, n, k in t.disruption_days[:15]],
        )
        if t.disruption_days
        else "<p>No school day had more than one threat.</p>"
    )
    esc = html.escape
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 60em; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.15em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: 3px 8px; white-space: nowrap; text-align: left; }}
.kpis {{ display: flex; flex-wrap: wrap; gap: 1.2em 2.5em; }}
.kpi b {{ font-size: 1.6em; }}
.legend span {{ display: inline-block; padding: 0 .6em; margin-right: .4em; color: #fff; }}
</style></head><body>
<h1>{esc(title)}</h1>
<p>Period: {esc(period)}. Counts come from the archive's metadata; no message content
appears in this report.</p>
<div class="kpis"><span class="kpi"><b>{t.total}</b><br>threats</span>
<span class="kpi"><b>{esc(share)}</b><br>of resolved threats were hoaxes</span>
<span class="kpi"><b>{len(t.waves)}</b><br>waves</span>
<span class="kpi"><b>{len(t.repeat_targets)}</b><br>repeat targets</span></div>
<h2>Threats per month, by outcome (waves marked)</h2>
<p class="legend"><span style="background:{_COLORS["credible"]}">credible</span>
<span style="background:{_COLORS["hoax"]}">hoax</span>
<span style="background:{_COLORS["unknown"]}">unknown</span></p>
{_svg_timeline(t)}
<h2>How threats arrived</h2>
{_svg_bars(t.by_channel, "Threats by channel")}
<h2>Outcomes</h2>
{_svg_bars(t.by_outcome, "Threats by outcome")}
<h2>Waves</h2>
{waves}
<h2>Repeat targets</h2>
{repeats}
<h2>School days with several threats</h2>
{days}
<p><small>Generated by threatsignals. Questions from CISA's Anonymized Threat Response
Guidance, "Taking Stock of Anonymized Threats at Your School".</small></p>
</body></html>
"""


def html_report(
    archive: Archive,
    out: str | Path,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    school: str | None = None,
    policy: Policy | None = None,
) -> Trends:
    """Write the taking-stock HTML report to ``out`` and return the trends behind it."""
    t = summarize(archive, since=since, until=until, school=school, policy=policy)
    Path(out).write_text(render_html(t), encoding="utf-8")
    return t


# ---------------------------------------------------------------------------
# matplotlib plots (optional extra "plots")


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependencyError("matplotlib", "plots") from None
    return plt


def plot_timeline(t: Trends, ax: Any = None) -> Any:
    """Plot threats per month, stacked by outcome, with waves marked.

    Args:
        t: The trends (from :func:`summarize`).
        ax: A matplotlib ``Axes`` to draw on; a new figure is made when None.

    Returns:
        The ``Axes``.

    Raises:
        MissingDependencyError: matplotlib is not installed (extra ``plots``).
    """
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.5))
    months = list(t.by_month_outcome)
    bottom = [0] * len(months)
    for outcome in ("credible", "hoax", "unknown"):
        values = [t.by_month_outcome[m].get(outcome, 0) for m in months]
        ax.bar(months, values, bottom=bottom, color=_COLORS[outcome], label=outcome)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    waves = Counter(_month(w.start) for w in t.waves)
    for i, m in enumerate(months):
        if waves.get(m):
            ax.annotate(
                f"{waves[m]} wave{'s' if waves[m] > 1 else ''}",
                (i, bottom[i]),
                textcoords="offset points",
                xytext=(0, 4),
                ha="center",
                color="#d95f02",
                fontsize=8,
            )
    ax.set_ylabel("threats")
    ax.set_title("Threats per month, by outcome (waves marked)")
    ax.legend(frameon=False, fontsize=8)
    return ax


def plot_breakdowns(t: Trends, axes: Sequence[Any] | None = None) -> Sequence[Any]:
    """Plot threats by channel and by outcome as two horizontal bar charts.

    Args:
        t: The trends.
        axes: Two matplotlib ``Axes``; a new figure is made when None.

    Returns:
        The two ``Axes``.

    Raises:
        MissingDependencyError: matplotlib is not installed (extra ``plots``).
    """
    plt = _pyplot()
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(9, 3))
    for ax, data, title in (
        (axes[0], t.by_channel, "By channel"),
        (axes[1], t.by_outcome, "By outcome"),
    ):
        keys = list(data)[::-1]
        ax.barh(
            keys,
            [data[k] for k in keys],
            color=[_COLORS.get(k, "#66c2a5") for k in keys],
        )
        ax.set_title(title)
        ax.set_xlabel("threats")
    return axes
