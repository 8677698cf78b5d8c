from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

import threatsignals as ts
from threatsignals.archive import ARCHIVE_SCHEMA_VERSION, derive_report_id

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def rep(i: int, text: str = "msg") -> ts.Report:
    return ts.Report(
        text=f"{text} {i}", channel="email", received_at=T0 + timedelta(hours=i)
    )


def test_add_get_outcome_and_idempotence(archive, school):
    rid = archive.add(rep(1), school=school, outcome="hoax", now=T0)
    assert archive.add(rep(1), school=school, now=T0) == rid  # same report, same id
    assert len(archive) == 1 and rid in archive
    got = archive.get(rid)
    assert got.school == "lhhs" and got.outcome is ts.Outcome.HOAX
    assert got.received_at == T0 + timedelta(hours=1) and got.origin == "local"
    archive.set_outcome(rid, "credible")
    assert archive.get(rid).outcome is ts.Outcome.CREDIBLE
    with pytest.raises(KeyError):
        archive.set_outcome("nope", "hoax")
    with pytest.raises(ts.InvalidReportError):
        archive.set_outcome(rid, "maybe")
    assert archive.get("nope") is None


def test_ids_are_deterministic(school):
    assert derive_report_id(rep(1), school) == derive_report_id(rep(1), school)
    assert derive_report_id(rep(1), school) != derive_report_id(rep(2), school)
    assert derive_report_id(ts.Report(id="mine"), school) == "mine"


def test_reports_filters_and_revision(archive, school):
    other = ts.School(name="Other", id="other")
    r0 = archive.revision
    for i in range(5):
        archive.add(rep(i), school=school if i % 2 == 0 else other, now=T0)
    assert archive.revision > r0
    assert [r.school for r in archive.reports(school=school)] == ["lhhs"] * 3
    window = archive.reports(
        since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=3)
    )
    assert len(window) == 2
    assert len(archive.reports(outcome="unknown")) == 5
    assert len(archive.reports(channel="phone")) == 0
    with pytest.raises(ts.InvalidReportError):
        archive.reports(since=datetime(2026, 1, 1))
    stats = archive.stats()
    assert stats["reports"] == 5 and stats["by_channel"] == {"email": 5}


def test_signals_and_banks(archive, school):
    rid = archive.add(rep(1), school=school, now=T0, signals=[("test.kind", "abc")])
    sig = archive.signals("test.kind")
    assert [(s.report_id, s.value) for s in sig] == [(rid, "abc")]
    assert archive.signals("test.kind", after=sig[-1].seq) == []
    assert archive.meta([rid, "missing"]).keys() == {rid}
    assert archive.add_bank_entries("stock", [("a.jpg", "image.fp", "ff")], now=T0) == 1
    assert archive.add_bank_entries("stock", [("a.jpg", "image.fp", "ff")], now=T0) == 0
    assert [s.report_id for s in archive.bank_entries("stock", "image.fp")] == ["a.jpg"]
    assert archive.delete(rid) and not archive.delete(rid)
    assert archive.signals("test.kind") == []


def test_file_archive_reopens(tmp_path, school):
    path = tmp_path / "a.db"
    with ts.Archive.open(path) as a:
        rid = a.add(rep(1), school=school, now=T0)
    with ts.Archive.open(path) as a:
        assert a.get(rid) is not None
        assert a._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with ts.Archive.open(path, readonly=True) as a:
        assert len(a) == 1
        with pytest.raises(ts.ArchiveError):
            a.add(rep(2), school=school, now=T0)


def test_damaged_and_foreign_files_are_refused_and_untouched(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    for p in (junk, foreign):
        before = p.read_bytes()
        with pytest.raises(ts.ArchiveError):
            ts.Archive.open(p)
        assert p.read_bytes() == before
    with pytest.raises(ts.ArchiveError):
        ts.Archive.open(tmp_path)  # a directory
    with pytest.raises(ts.ArchiveError):
        ts.Archive.open(tmp_path / "missing.db", readonly=True)


def test_newer_schema_refused(tmp_path):
    path = tmp_path / "a.db"
    ts.Archive.open(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {ARCHIVE_SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(ts.ArchiveError, match="newer"):
        ts.Archive.open(path)


def test_closed_archive_raises(school):
    a = ts.Archive.open()
    a.close()
    a.close()
    with pytest.raises(ts.ArchiveError):
        len(a)


def test_threads_share_one_archive(archive, school):
    def work(k: int) -> None:
        for i in range(25):
            archive.add(rep(1000 * k + i), school=school, now=T0)
            archive.reports(school=school)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(archive) == 100


def _writer(path: str, k: int) -> None:
    school = ts.School(name="S", id="s")
    with ts.Archive.open(path, timeout=30) as a:
        for i in range(20):
            a.add(rep(1000 * k + i), school=school, now=T0)


def test_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "mp.db")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, k)) for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with ts.Archive.open(path) as a:
        assert len(a) == 60


def test_backup(tmp_path, school):
    with ts.Archive.open(tmp_path / "a.db") as a:
        a.add(rep(1), school=school, now=T0)
        a.backup(tmp_path / "b.db")
        with pytest.raises(ts.ArchiveError):
            a.backup(tmp_path / "b.db")
    with ts.Archive.open(tmp_path / "b.db") as b:
        assert len(b) == 1


def test_deleted_reports_leave_the_indexes(archive, school):
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (160, 120), (30, 60, 90))
    ImageDraw.Draw(im).ellipse((20, 20, 120, 100), fill=(250, 200, 10))
    text = (
        "Devices are hidden inside Oakmont High and will go off at 10:15 unless "
        "$1,500 is sent to wallet bc1qexample1"
    )
    other = ts.School(name="Oakmont High", id="oak")
    rid = archive.add(
        ts.Report(text=text, images=(im,), received_at=T0),
        school=other,
        outcome="hoax",
        now=T0,
    )
    query = ts.Report(
        text=text.replace("Oakmont High", "Lincoln Heights High School"),
        images=(im.resize((120, 90)),),
        received_at=T0 + timedelta(hours=1),
    )
    before = ts.assess(query, school=school, archive=archive, now=T0)
    assert before.has("text_recycled") and before.has("image_recycled")
    assert archive.deletions == 0
    archive.delete(rid)
    archive.add(
        ts.Report(text="an unrelated message", received_at=T0), school=other, now=T0
    )
    assert archive.deletions == 1
    after = ts.assess(query, school=school, archive=archive, now=T0)
    assert not after.has("text_recycled") and not after.has("image_recycled")
