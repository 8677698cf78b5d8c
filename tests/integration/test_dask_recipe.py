"""The Dask recipe (docs/distributed.md) on a real local cluster of 2 processes."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest

pytest.importorskip("dask.distributed")
pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

import dask.dataframe as dd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import threatsignals as ts  # noqa: E402
from threatsignals import distributed as tsd  # noqa: E402

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
TEMPLATES = (
    "There is a bomb in {school}. Everyone will pay on {day}. Stay home.",
    "I am coming to {school} with a gun tomorrow, tell {person} it is over",
    "Reposting: someone said {school} will be shot up this {day}, be careful",
)
CALLERS = ("Anonymous", "+1 312 555 0100", "(773) 202-5555", "999-999-9999", None)


def _text(i: int) -> str:
    if i % 3 == 0:
        return TEMPLATES[i % len(TEMPLATES)].format(
            school=f"School {i % 17}", day="Friday", person=f"Mr. Lee{i % 5}"
        )
    return f"Note {i}: the bake sale at the gym moved to room {i % 40}, no worries"


@pytest.fixture(scope="module")
def cluster_client():
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=50,
    )
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture
def archive_path(tmp_path, school):
    path = tmp_path / "threats.db"
    with ts.Archive.open(path) as archive:
        for i in range(120):
            archive.add(
                ts.Report(
                    text=_text(i),
                    channel="email",
                    received_at=NOW - timedelta(days=3, minutes=i),
                ),
                school=ts.School(name=f"School {i % 17}", region="US"),
                outcome="hoax" if i % 2 else "unknown",
                now=NOW - timedelta(days=2),
            )
    return path


def _table(n: int):
    return pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(n)],
            "text": [_text(i + 1000) for i in range(n)],
            "channel": ["phone" if i % 2 else "email" for i in range(n)],
            "received_at": [NOW - timedelta(minutes=i) for i in range(n)],
            "caller_id": [CALLERS[i % len(CALLERS)] for i in range(n)],
        }
    )


def test_cluster_results_equal_a_local_assess_many(
    cluster_client, archive_path, school
):
    table = _table(200)
    ddf = dd.from_pandas(table, npartitions=6)
    scored = tsd.assess_dask(
        ddf, archive=archive_path, school=school, now=NOW, client=cluster_client
    )
    got = scored.compute()

    with ts.Archive.open(archive_path, readonly=True) as archive:
        local = list(
            ts.assess_many(
                [tsd.report_from_row(r) for r in table.to_dict(orient="records")],
                school=school,
                archive=archive,
                now=NOW,
            )
        )
    expected = tsd.assessments_frame(local)
    assert list(got["report_id"]) == [f"r{i}" for i in range(200)]
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)
    assert got.to_dict(orient="records") == expected.to_dict(orient="records")
    # The archive mattered: recycled templates were found in it.
    assert got["codes"].str.contains("text_recycled").sum() > 10
    # Both worker processes did some of the work.
    assert len(cluster_client.scheduler_info()["workers"]) == 2


def test_per_finding_rows(cluster_client, archive_path, school):
    table = _table(30)
    scored = tsd.assess_dask(
        dd.from_pandas(table, npartitions=3),
        archive=tsd.snapshot_archive(archive_path),
        school=school,
        now=NOW,
        per="finding",
        client=cluster_client,
    ).compute()
    assert list(scored.columns) == list(tsd.FINDING_COLUMNS)
    assert set(scored["report_id"]) <= {f"r{i}" for i in range(30)}
    assert len(scored) > 30


def test_snapshot_refuses_memory_archive():
    with pytest.raises(ts.InvalidInputError):
        tsd.snapshot_archive(ts.Archive.open())


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(ts.MissingDependencyError) as info:
        tsd.assess_dask(None)
    assert info.value.extra == "dask"
