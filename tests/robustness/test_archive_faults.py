"""Faults and load on the archive: kills, concurrent writers, backups, bad files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

import threatsignals as ts
from threatsignals.archive import ARCHIVE_SCHEMA_VERSION, MIGRATIONS

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

WRITER = r"""
import sys
from datetime import UTC, datetime, timedelta
import threatsignals as ts
path, start = sys.argv[1], int(sys.argv[2])
school = ts.School(name="S", id="s")
t0 = datetime(2026, 3, 1, tzinfo=UTC)
with ts.Archive.open(path, timeout=30) as a:
    i = start
    while True:
        rid = a.add(ts.Report(text=f"report {i}", channel="email",
                              received_at=t0 + timedelta(seconds=i)), school=school, now=t0)
        print(rid, flush=True)   # acknowledged: the transaction has committed
        i += 1
"""


def _start_writer(path, start):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(start)],
        stdout=subprocess.PIPE,
        text=True,
    )


def _read_acks(proc, n):
    acks = []
    while len(acks) < n:
        line = proc.stdout.readline()
        if not line:
            break
        acks.append(line.strip())
    return acks


def test_sigkill_mid_stream_loses_no_acknowledged_report(tmp_path):
    path = tmp_path / "kill.db"
    ts.Archive.open(path).close()
    proc = _start_writer(path, 0)
    acks = _read_acks(proc, 150)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    acks += [line.strip() for line in proc.stdout if line.strip()]
    proc.stdout.close()
    assert len(acks) >= 150
    with ts.Archive.open(path) as a:
        stored = {r.id for r in a.reports()}
        assert set(acks) <= stored
        assert a._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_while_writers_run(tmp_path):
    path = tmp_path / "live.db"
    ts.Archive.open(path).close()
    writers = [_start_writer(path, k * 100_000) for k in range(2)]
    try:
        for w in writers:
            _read_acks(w, 20)
        with ts.Archive.open(path) as a:
            a.backup(tmp_path / "copy.db")
    finally:
        for w in writers:
            w.kill()
            w.wait()
            w.stdout.close()
    with ts.Archive.open(tmp_path / "copy.db", readonly=True) as b:
        n = len(b)
        assert n >= 40
        assert b._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00" * 4096,
        os.urandom(8192),
        b"SQLite format 3\x00" + os.urandom(8000),
        b"PK\x03\x04 a zip file, not an archive" * 20,
    ],
)
def test_bad_files_raise_and_stay_untouched(tmp_path, content):
    p = tmp_path / "bad.db"
    p.write_bytes(content)
    if content == b"":
        # an empty file is a fresh database: it becomes an archive
        ts.Archive.open(p).close()
        return
    with pytest.raises(ts.ArchiveError), ts.Archive.open(p) as a:
        len(a)
    assert p.read_bytes() == content


def test_damaged_pages_raise_archive_error(tmp_path):
    p = tmp_path / "dmg.db"
    with ts.Archive.open(p) as a:
        school = ts.School(name="S")
        for i in range(300):
            a.add(
                ts.Report(text=f"report {i} " + "x" * 200, received_at=T0),
                school=school,
                now=T0,
            )
    con = sqlite3.connect(p)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(p.read_bytes())
    for off in range(4096 * 3, len(data), 4096):  # smash every page after the third
        data[off + 100 : off + 400] = os.urandom(300)
    p.write_bytes(bytes(data))

    def read_all() -> None:
        with ts.Archive.open(p) as a:
            a.reports()
            a.signals("text.masked")

    with pytest.raises(ts.ArchiveError):
        read_all()


def test_foreign_sqlite_file_untouched(tmp_path):
    p = tmp_path / "other.sqlite"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.execute("INSERT INTO customers VALUES ('x')")
    con.commit()
    con.close()
    before = p.read_bytes()
    with pytest.raises(ts.ArchiveError, match="not a threatsignals archive"):
        ts.Archive.open(p)
    assert p.read_bytes() == before


def test_locked_archive_raises_locked_error(tmp_path):
    p = tmp_path / "locked.db"
    ts.Archive.open(p).close()
    holder = sqlite3.connect(p, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with ts.Archive.open(p, timeout=0.2) as a, pytest.raises(ts.ArchiveLockedError):
            a.add(ts.Report(text="x"), school=ts.School(name="S"), now=T0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_every_schema_version_has_a_migration():
    assert sorted(MIGRATIONS) == list(range(1, ARCHIVE_SCHEMA_VERSION))


def test_readonly_archive_reads(tmp_path):
    p = tmp_path / "ro.db"
    with ts.Archive.open(p) as a:
        a.add(ts.Report(text="x", received_at=T0), school=ts.School(name="S"), now=T0)
    with ts.Archive.open(p, readonly=True) as a:
        assert len(a) == 1 and a.readonly
        with pytest.raises(ts.ArchiveError, match="read-only"):
            a.set_outcome(a.reports()[0].id, "hoax")


def test_eight_threads_match_single_threaded(tmp_path):
    school = ts.School(
        name="Lincoln Heights High School",
        id="lhhs",
        places=("Maple Street",),
        people=("Ms. Rivera",),
        timezone="America/Chicago",
    )
    archive = ts.Archive.open(tmp_path / "mt.db")
    for i in range(60):
        archive.add(
            ts.Report(
                text=f"Earlier message {i} about the gym",
                channel="email",
                received_at=T0 - timedelta(hours=i),
            ),
            school=ts.School(name=f"S{i % 6}"),
            outcome="hoax",
            now=T0,
        )
    reports = [
        ts.Report(
            text=f"Message {i}: trouble at Maple Street tomorrow",
            channel="email",
            received_at=T0 + timedelta(minutes=i),
        )
        for i in range(40)
    ]
    expected = [
        ts.assess(r, school=school, archive=archive, now=T0).to_json() for r in reports
    ]
    stop = time.monotonic() + 3.0
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(k: int) -> int:
        rounds = 0
        while time.monotonic() < stop:
            for i in range(k % 5, len(reports), 5):
                got = ts.assess(
                    reports[i], school=school, archive=archive, now=T0
                ).to_json()
                if got != expected[i]:
                    with lock:
                        errors.append(AssertionError(f"report {i} differs"))
            rounds += 1
        return rounds

    with ThreadPoolExecutor(8) as pool:
        rounds = list(pool.map(worker, range(8)))
    archive.close()
    assert not errors
    assert all(r >= 1 for r in rounds)
