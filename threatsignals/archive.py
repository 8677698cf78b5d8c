"""The archive of past threats (SQLite), used to find recycled content and waves.

One file per district (or ``":memory:"`` for tests). SQLite in WAL mode, a versioned
schema with migrations, parameterised SQL only, no pickle. Per report it stores ids,
school key, channel, times, outcome, and the fingerprints ("signals") the analyzers
derive: normalised and masked text, text fingerprints, image hashes. It never stores
images, and stores message text only in normalised form (see ``docs/archive.md``).

Safe to share between threads (one connection behind a lock) and between processes
(SQLite file locking with a busy timeout). A damaged or foreign file raises
:class:`~threatsignals.errors.ArchiveError` and is never overwritten.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from threatsignals.errors import (
    ArchiveError,
    ArchiveLockedError,
    InvalidReportError,
    Problem,
)
from threatsignals.model import Report, School

__all__ = ["ARCHIVE_SCHEMA_VERSION", "Archive", "ArchivedReport", "Outcome", "Signal"]

_log = logging.getLogger(__name__)

#: Current schema version, kept in SQLite's ``user_version``.
ARCHIVE_SCHEMA_VERSION = 1
#: Marks a SQLite file as a threatsignals archive (``PRAGMA application_id``): "TSIG".
_APPLICATION_ID = 0x54534947
_SQLITE_MAGIC = b"SQLite format 3\x00"


class Outcome(StrEnum):
    """What an archived threat turned out to be."""

    HOAX = "hoax"
    CREDIBLE = "credible"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ArchivedReport:
    """Metadata of one archived report (no message content).

    Attributes:
        id: The report id.
        school: The school key (``School.key``).
        channel: Delivery channel.
        received_at: When it was received (UTC).
        added_at: When it was archived (UTC).
        outcome: hoax, credible or unknown.
        origin: ``"local"``, or the organisation id it was imported from.
        region: The school's country code.
        subdivision: The school's state or province, if known.
    """

    id: str
    school: str
    channel: str
    received_at: datetime
    added_at: datetime
    outcome: Outcome
    origin: str = "local"
    region: str | None = None
    subdivision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "id": self.id,
            "school": self.school,
            "channel": self.channel,
            "received_at": self.received_at.isoformat(),
            "added_at": self.added_at.isoformat(),
            "outcome": self.outcome.value,
            "origin": self.origin,
            "region": self.region,
            "subdivision": self.subdivision,
        }


@dataclass(frozen=True, slots=True)
class Signal:
    """One stored fingerprint.

    Attributes:
        seq: Monotonic row number; analyzers use it to index incrementally.
        report_id: The report it belongs to.
        kind: Namespaced kind, e.g. ``"text.masked"`` or ``"image.dct64"``.
        value: The fingerprint as text.
    """

    seq: int
    report_id: str
    kind: str
    value: str


_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    school TEXT NOT NULL,
    region TEXT,
    subdivision TEXT,
    channel TEXT NOT NULL,
    received_at TEXT NOT NULL,
    received_ts REAL NOT NULL,
    added_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('hoax', 'credible', 'unknown')),
    origin TEXT NOT NULL DEFAULT 'local'
);
CREATE INDEX reports_school_ts ON reports (school, received_ts);
CREATE INDEX reports_ts ON reports (received_ts);
CREATE TABLE signals (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX signals_kind_seq ON signals (kind, seq);
CREATE INDEX signals_report ON signals (report_id);
CREATE TABLE bank (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    bank TEXT NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (bank, key, kind)
);
CREATE INDEX bank_kind_seq ON bank (bank, kind, seq);
INSERT INTO meta (key, value) VALUES ('revision', '0');
"""

#: Migrations: MIGRATIONS[n] upgrades a version-n schema to n + 1.
MIGRATIONS: dict[int, str] = {}


def _utc(dt: datetime) -> datetime:
    return dt.astimezone(UTC)


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def derive_report_id(report: Report, school: School | None) -> str:
    """Return a deterministic id for a report: its own ``id``, else a content hash.

    The same report for the same school always gets the same id, so adding it twice
    is idempotent and an assessment of an archived report can skip matching itself.
    """
    if report.id:
        return report.id
    h = hashlib.sha256()
    h.update(
        (school.key if school is not None else "").encode("utf-8", "surrogatepass")
    )
    h.update(b"\x00")
    h.update(str(report.channel).encode())
    h.update(b"\x00")
    h.update((report.received_at.isoformat() if report.received_at else "").encode())
    h.update(b"\x00")
    h.update((report.text or "").encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update((report.caller_id or "").encode("utf-8", "surrogatepass"))
    for img in report.images:
        h.update(b"\x00")
        if isinstance(img, bytes | bytearray | memoryview):
            h.update(hashlib.sha256(bytes(img)).digest())
        elif isinstance(img, str | os.PathLike):
            h.update(os.fspath(img).encode("utf-8", "surrogatepass"))
        else:
            h.update(repr(getattr(img, "size", "")).encode())
    return "r-" + h.hexdigest()[:24]


class Archive:
    """A store of past threats: ``Archive.open("threats.db")`` or ``Archive.open()``.

    Use as a context manager or call :meth:`close`. All methods are thread-safe.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: str | None,
        *,
        readonly: bool = False,
    ) -> None:
        self._conn = conn
        self._path = path
        self._readonly = readonly
        self._lock = threading.RLock()
        self._closed = False
        #: Per-instance memo where analyzers keep derived in-memory indexes,
        #: keyed by analyzer name; they check :attr:`revision` to refresh.
        self.cache: dict[str, Any] = {}

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        timeout: float = 10.0,
        readonly: bool = False,
    ) -> Archive:
        """Open (or create) an archive.

        Args:
            path: A file path; ``None`` or ``":memory:"`` for an in-memory archive.
            timeout: Seconds to wait for another writer's lock before
                :class:`~threatsignals.errors.ArchiveLockedError`.
            readonly: Open without write access (the file must exist).

        Raises:
            ArchiveError: The file is not a threatsignals archive, is damaged, or was
                written by a newer version. The file is left untouched.
        """
        memory = path is None or os.fspath(path) == ":memory:"
        spath = None if memory else os.fspath(path)  # type: ignore[arg-type]
        if spath is not None:
            p = Path(spath)
            if p.is_dir():
                raise ArchiveError("archive path is a directory")
            if p.exists():
                try:
                    with p.open("rb") as fh:
                        head = fh.read(16)
                except OSError as exc:
                    raise ArchiveError(
                        f"cannot read archive file ({type(exc).__name__})"
                    ) from None
                if head and head != _SQLITE_MAGIC:
                    raise ArchiveError(
                        "file is not a SQLite database; refusing to touch it"
                    )
                if readonly is False and not os.access(spath, os.W_OK):
                    readonly = True
            elif readonly:
                raise ArchiveError("archive file does not exist")
            else:
                p.parent.mkdir(parents=True, exist_ok=True)
        try:
            if spath is None:
                conn = sqlite3.connect(
                    ":memory:",
                    timeout=timeout,
                    check_same_thread=False,
                    isolation_level=None,
                )
            elif readonly:
                uri = Path(spath).resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(
                    uri,
                    uri=True,
                    timeout=timeout,
                    check_same_thread=False,
                    isolation_level=None,
                )
            else:
                conn = sqlite3.connect(
                    spath,
                    timeout=timeout,
                    check_same_thread=False,
                    isolation_level=None,
                )
        except sqlite3.Error as exc:
            raise ArchiveError(f"cannot open archive ({type(exc).__name__})") from None
        archive = cls(conn, spath, readonly=readonly)
        try:
            archive._setup_with_retry(timeout)
        except BaseException:
            conn.close()
            raise
        return archive

    def _setup_with_retry(self, timeout: float) -> None:
        # Creating the schema or switching to WAL needs an exclusive lock, and SQLite
        # does not always call its busy handler for those: retry until the timeout.
        deadline = time.monotonic() + timeout
        delay = 0.005
        while True:
            try:
                self._setup(timeout)
                return
            except ArchiveLockedError:
                if time.monotonic() + delay > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.2)

    def _setup(self, timeout: float) -> None:
        conn = self._conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            n_tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            wrapped = self._wrap(exc)
            if isinstance(wrapped, ArchiveLockedError):
                raise wrapped from None
            raise ArchiveError(
                f"archive file is damaged or not a database ({type(exc).__name__})"
            ) from None
        if app_id != _APPLICATION_ID:
            if n_tables or app_id:
                raise ArchiveError(
                    "file is a SQLite database but not a threatsignals "
                    "archive; refusing to touch it"
                )
            if self._readonly:
                raise ArchiveError("archive file is empty and opened read-only")
            self._create()
            return
        if version > ARCHIVE_SCHEMA_VERSION:
            raise ArchiveError(
                f"archive schema version {version} is newer than this "
                f"library supports ({ARCHIVE_SCHEMA_VERSION}); upgrade"
            )
        if not self._readonly:
            try:
                mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
            except sqlite3.OperationalError as exc:
                raise self._wrap(exc) from None
            if version < ARCHIVE_SCHEMA_VERSION:
                self._migrate(version)
        elif version < ARCHIVE_SCHEMA_VERSION:
            raise ArchiveError(
                "archive needs a schema migration; open it writable once"
            )

    def _create(self) -> None:
        conn = self._conn
        try:
            if self._path is not None:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("BEGIN IMMEDIATE")
            # Re-check inside the write lock: another process may have created it.
            if conn.execute("PRAGMA application_id").fetchone()[0] == _APPLICATION_ID:
                conn.execute("COMMIT")
                return
            for statement in _SCHEMA_V1.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {ARCHIVE_SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise self._wrap(exc) from None
        _log.debug("archive created (schema %d)", ARCHIVE_SCHEMA_VERSION)

    def _migrate(self, version: int) -> None:
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            while current < ARCHIVE_SCHEMA_VERSION:
                script = MIGRATIONS.get(current)
                if script is None:
                    raise ArchiveError(f"no migration from schema version {current}")
                for statement in script.split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
                current += 1
                conn.execute(f"PRAGMA user_version = {current}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise self._wrap(exc) from None
        except ArchiveError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        _log.info(
            "archive migrated from schema %d to %d", version, ARCHIVE_SCHEMA_VERSION
        )

    @staticmethod
    def _wrap(exc: sqlite3.Error) -> ArchiveError:
        msg = str(exc).lower()
        if "locked" in msg or "busy" in msg:
            return ArchiveLockedError("archive is locked by another writer; try again")
        if "readonly" in msg or "read-only" in msg:
            return ArchiveError("archive is read-only")
        if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
            return ArchiveError("archive file is damaged")
        return ArchiveError(f"archive operation failed ({type(exc).__name__})")

    # -- plumbing ----------------------------------------------------------------

    @property
    def path(self) -> str | None:
        """The file path, or None for an in-memory archive."""
        return self._path

    @property
    def readonly(self) -> bool:
        """Whether the archive was opened without write access."""
        return self._readonly

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = "memory" if self._path is None else "file"
        return f"Archive({where}, readonly={self._readonly})"

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise ArchiveError("archive is closed")
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise self._wrap(exc) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise ArchiveError("archive is closed")
            if self._readonly:
                raise ArchiveError("archive is read-only")
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute(
                    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'"
                )
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise self._wrap(exc) from None
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @property
    def revision(self) -> int:
        """A number that changes whenever anything is written, by any process."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT value FROM meta WHERE key = 'revision'"
            ).fetchone()
        return int(row[0])

    # -- reports -----------------------------------------------------------------

    def add(
        self,
        report: Report,
        *,
        school: School,
        outcome: Outcome | str = Outcome.UNKNOWN,
        now: datetime | None = None,
        signals: Iterable[tuple[str, str]] | None = None,
    ) -> str:
        """Archive a report and the fingerprints the built-in analyzers derive from it.

        Adding the same report twice is a no-op that returns the same id.

        Args:
            report: The report.
            school: The school it was aimed at.
            outcome: ``"hoax"``, ``"credible"`` or ``"unknown"``.
            now: When it was archived (defaults to the current time); also the
                received time when the report has none.
            signals: Extra ``(kind, value)`` fingerprints to store.

        Returns:
            The report id.
        """
        if not isinstance(report, Report):
            raise TypeError("report must be a threatsignals.Report")
        if not isinstance(school, School):
            raise TypeError("school must be a threatsignals.School")
        out = _outcome(outcome)
        now = _now(now)
        rid = derive_report_id(report, school)
        received = _utc(report.received_at or now)
        pairs = list(_builtin_signals(report, school))
        if signals is not None:
            pairs.extend((str(k), str(v)) for k, v in signals)
        with self._write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO reports (id, school, region, subdivision, channel, "
                "received_at, received_ts, added_at, outcome) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    rid,
                    school.key,
                    school.region,
                    school.subdivision,
                    str(report.channel),
                    received.isoformat(),
                    received.timestamp(),
                    _utc(now).isoformat(),
                    out.value,
                ),
            )
            if cur.rowcount:
                conn.executemany(
                    "INSERT INTO signals (report_id, kind, value) VALUES (?,?,?)",
                    [(rid, k, v) for k, v in pairs],
                )
        _log.debug("archived report %s (%d signals)", rid, len(pairs))
        return rid

    def add_record(
        self,
        meta: ArchivedReport,
        signals: Iterable[tuple[str, str]],
    ) -> bool:
        """Store a report known only by metadata and fingerprints (e.g. imported).

        Returns:
            True if it was new, False if a report with that id already existed.
        """
        return self.add_records([(meta, signals)]) == 1

    def add_records(
        self, records: Iterable[tuple[ArchivedReport, Iterable[tuple[str, str]]]]
    ) -> int:
        """Store many ``(metadata, signals)`` records in one transaction.

        Returns:
            How many were new (records whose id exists are left unchanged).
        """
        n = 0
        with self._write() as conn:
            for meta, signals in records:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO reports (id, school, region, subdivision, "
                    "channel, received_at, received_ts, added_at, outcome, origin) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        meta.id,
                        meta.school,
                        meta.region,
                        meta.subdivision,
                        meta.channel,
                        _utc(meta.received_at).isoformat(),
                        meta.received_at.timestamp(),
                        _utc(meta.added_at).isoformat(),
                        meta.outcome.value,
                        meta.origin,
                    ),
                )
                if cur.rowcount:
                    n += 1
                    conn.executemany(
                        "INSERT INTO signals (report_id, kind, value) VALUES (?,?,?)",
                        [(meta.id, str(k), str(v)) for k, v in signals],
                    )
        return n

    def meta_value(self, key: str) -> str | None:
        """Return a value from the archive's ``meta`` table (or None)."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT value FROM meta WHERE key = ?", (key,)
            ).fetchone()
        return None if row is None else str(row[0])

    def set_meta_value(self, key: str, value: str, *, overwrite: bool = False) -> None:
        """Store a value in the ``meta`` table (kept if present unless ``overwrite``)."""
        if key in {"revision", "deletions"}:
            raise ArchiveError("this counter is managed by the archive")
        verb = "INSERT OR REPLACE" if overwrite else "INSERT OR IGNORE"
        with self._write() as conn:
            conn.execute(
                f"{verb} INTO meta (key, value) VALUES (?, ?)",
                (key, value),
            )

    def export_signals(
        self,
        path: str | os.PathLike[str],
        *,
        org: str,
        since: datetime | None = None,
        schools: Sequence[str] | None = None,
        include_school_names: bool = False,
        now: datetime | None = None,
    ) -> int:
        """Write this archive's own reports as shareable signals (JSON Lines).

        Fingerprints and coarse metadata only: never message text, images, names of
        people or places, or phone numbers; school names only with
        ``include_school_names``. See ``docs/exchange.md``.

        Args:
            path: The file to write (written to a temporary file, then renamed).
            org: Your organisation id (1-64 letters, digits, ``. _ : -``).
            since: Only reports received at or after this time.
            schools: Only these school keys.
            include_school_names: Put school keys in the file (off: opaque tokens).
            now: The export time recorded in the header (rounded to the hour).

        Returns:
            How many signals were written.
        """
        from threatsignals._exchange import export_signals

        return export_signals(
            self,
            path,
            org=org,
            since=since,
            schools=schools,
            include_school_names=include_school_names,
            now=now,
        )

    def import_signals(
        self, path: str | os.PathLike[str], *, now: datetime | None = None
    ) -> Any:
        """Import another organisation's signals file; returns an ``ImportResult``.

        Idempotent (the same file twice adds nothing), keeps provenance (each
        imported report's ``origin`` is the exporting organisation), validates every
        record (a bad line is reported with its number and skipped), and refuses
        files from a newer format version with :class:`ArchiveError`.
        """
        from threatsignals._exchange import import_signals

        return import_signals(self, path, now=now)

    def get(self, report_id: str) -> ArchivedReport | None:
        """Return the metadata of one report, or None."""
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_COLS} FROM reports WHERE id = ?",  # noqa: S608
                (report_id,),
            ).fetchone()
        return _row(row) if row else None

    def __contains__(self, report_id: object) -> bool:
        return isinstance(report_id, str) and self.get(report_id) is not None

    def __len__(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])

    def set_outcome(self, report_id: str, outcome: Outcome | str) -> None:
        """Record what a report turned out to be.

        Raises:
            KeyError: No report has that id.
        """
        out = _outcome(outcome)
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE reports SET outcome = ? WHERE id = ?", (out.value, report_id)
            )
            if not cur.rowcount:
                raise KeyError("no archived report with that id")

    def delete(self, report_id: str) -> bool:
        """Delete a report and its fingerprints; returns whether it existed."""
        with self._write() as conn:
            conn.execute("DELETE FROM signals WHERE report_id = ?", (report_id,))
            cur = conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
            if cur.rowcount:
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('deletions', '0')"
                )
                conn.execute(
                    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                    "WHERE key = 'deletions'"
                )
            return bool(cur.rowcount)

    @property
    def deletions(self) -> int:
        """How many reports were ever deleted (by any process).

        Analyzers keeping in-memory indexes rebuild them when this changes.
        """
        value = self.meta_value("deletions")
        return int(value) if value is not None else 0

    def reports(
        self,
        *,
        school: School | str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        outcome: Outcome | str | None = None,
        channel: str | None = None,
    ) -> list[ArchivedReport]:
        """Return archived reports, oldest first, filtered by school and time window.

        Args:
            school: A :class:`School` or a school key.
            since: Received at or after this time.
            until: Received before this time.
            outcome: Only this outcome.
            channel: Only this channel.
        """
        where: list[str] = []
        params: list[Any] = []
        if school is not None:
            where.append("school = ?")
            params.append(school.key if isinstance(school, School) else str(school))
        if since is not None:
            where.append("received_ts >= ?")
            params.append(_aware(since, "since").timestamp())
        if until is not None:
            where.append("received_ts < ?")
            params.append(_aware(until, "until").timestamp())
        if outcome is not None:
            where.append("outcome = ?")
            params.append(_outcome(outcome).value)
        if channel is not None:
            where.append("channel = ?")
            params.append(str(channel))
        sql = f"SELECT {_COLS} FROM reports"  # noqa: S608 (columns are constants)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY received_ts, seq"
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_row(r) for r in rows]

    def __iter__(self) -> Iterator[ArchivedReport]:
        return iter(self.reports())

    def meta(self, report_ids: Sequence[str]) -> dict[str, ArchivedReport]:
        """Return metadata for many report ids at once (missing ids are left out)."""
        out: dict[str, ArchivedReport] = {}
        ids = list(dict.fromkeys(report_ids))
        with self._read() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for row in conn.execute(
                    f"SELECT {_COLS} FROM reports WHERE id IN ({marks})",  # noqa: S608
                    chunk,
                ):
                    rec = _row(row)
                    out[rec.id] = rec
        return out

    # -- signals -------------------------------------------------------------------

    def signals(self, kind: str, *, after: int = 0) -> list[Signal]:
        """Return stored fingerprints of one kind with ``seq > after``, in order."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT seq, report_id, kind, value FROM signals WHERE kind = ? AND seq > ? "
                "ORDER BY seq",
                (kind, after),
            ).fetchall()
        return [Signal(*r) for r in rows]

    def signals_for(self, report_id: str) -> list[Signal]:
        """Return every fingerprint stored for one report."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT seq, report_id, kind, value FROM signals WHERE report_id = ? "
                "ORDER BY seq",
                (report_id,),
            ).fetchall()
        return [Signal(*r) for r in rows]

    # -- banks (reference fingerprints, e.g. known stock images) --------------------

    def add_bank_entries(
        self,
        bank: str,
        entries: Iterable[tuple[str, str, str]],
        *,
        now: datetime | None = None,
    ) -> int:
        """Store reference fingerprints in a named bank (e.g. ``"stock_images"``).

        Args:
            bank: The bank's name.
            entries: ``(key, kind, value)`` triples; a key names the entry (a file
                name or a URL), kind and value are as for signals.
            now: When they were added.

        Returns:
            How many entries were new (re-adding a key is a no-op).
        """
        added = _utc(_now(now)).isoformat()
        rows = [(bank, str(k), str(kind), str(v), added) for k, kind, v in entries]
        with self._write() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO bank (bank, key, kind, value, added_at) "
                "VALUES (?,?,?,?,?)",
                rows,
            )
            return conn.total_changes - before

    def bank_entries(self, bank: str, kind: str, *, after: int = 0) -> list[Signal]:
        """Return a bank's fingerprints of one kind with ``seq > after``.

        The returned :class:`Signal` carries the entry's key in ``report_id``.
        """
        with self._read() as conn:
            rows = conn.execute(
                "SELECT seq, key, kind, value FROM bank WHERE bank = ? AND kind = ? "
                "AND seq > ? ORDER BY seq",
                (bank, kind, after),
            ).fetchall()
        return [Signal(*r) for r in rows]

    def stats(self) -> dict[str, Any]:
        """Return counts by outcome, channel and origin (no content)."""
        with self._read() as conn:
            by_outcome = dict(
                conn.execute(
                    "SELECT outcome, count(*) FROM reports GROUP BY outcome"
                ).fetchall()
            )
            by_channel = dict(
                conn.execute(
                    "SELECT channel, count(*) FROM reports GROUP BY channel"
                ).fetchall()
            )
            by_origin = dict(
                conn.execute(
                    "SELECT origin, count(*) FROM reports GROUP BY origin"
                ).fetchall()
            )
            n_signals = conn.execute("SELECT count(*) FROM signals").fetchone()[0]
        return {
            "reports": sum(by_outcome.values()),
            "signals": n_signals,
            "by_outcome": by_outcome,
            "by_channel": by_channel,
            "by_origin": by_origin,
        }

    def backup(self, target: str | os.PathLike[str]) -> None:
        """Copy the archive to ``target`` with SQLite's online backup.

        Safe while other threads and processes write.
        """
        tpath = os.fspath(target)
        if Path(tpath).exists():
            raise ArchiveError("backup target exists; refusing to overwrite it")
        try:
            dest = sqlite3.connect(tpath)
        except sqlite3.Error as exc:
            raise self._wrap(exc) from None
        try:
            with self._read() as conn:
                conn.backup(dest)
        finally:
            dest.close()


_COLS = (
    "id, school, channel, received_at, added_at, outcome, origin, region, subdivision"
)


def _row(row: Sequence[Any]) -> ArchivedReport:
    return ArchivedReport(
        id=row[0],
        school=row[1],
        channel=row[2],
        received_at=_parse(row[3]),
        added_at=_parse(row[4]),
        outcome=Outcome(row[5]),
        origin=row[6],
        region=row[7],
        subdivision=row[8],
    )


def _outcome(value: Outcome | str) -> Outcome:
    try:
        return Outcome(value)
    except ValueError:
        raise InvalidReportError(
            [Problem("outcome", "unknown_value", "expected hoax, credible or unknown")]
        ) from None


def _aware(value: datetime, name: str) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime")
    if value.tzinfo is None:
        raise InvalidReportError(
            [Problem(name, "naive_datetime", "datetime has no timezone")]
        )
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise InvalidReportError(
            [Problem(name, "out_of_range", "not representable in UTC")]
        ) from None
    return value


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    return _aware(now, "now")


def _builtin_signals(report: Report, school: School) -> Iterator[tuple[str, str]]:
    from threatsignals.analyzers import builtin_analyzers

    for analyzer in builtin_analyzers():
        fn = getattr(analyzer, "signals", None)
        if fn is None:
            continue
        for kind, value in fn(report, school):
            yield str(kind), str(value)
