"""Score a large table of reports on a Dask cluster, the archive broadcast read-only.

The recipe (see ``docs/distributed.md``):

1. take a consistent, self-contained copy of the archive file
   (:func:`snapshot_archive`: fingerprints and metadata, a few MB for 10k reports);
2. broadcast it once to every worker (``client.scatter(..., broadcast=True)``);
   each worker process writes it to a local temporary file and opens it with
   ``Archive.open(path, readonly=True)`` (once per process, then reused);
3. score each partition with :func:`~threatsignals.assess_many` against that copy
   (:func:`score_frame`), returning flat records (one row per assessment or per
   finding, the columns of :func:`~threatsignals.to_records`).

:func:`assess_dask` does all three. Dask and pandas are imported only inside the
functions (extras ``dask`` and ``pandas``); without them
:class:`~threatsignals.errors.MissingDependencyError` names the extra to install.
"""

from __future__ import annotations

import hashlib
import importlib
import math
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from threatsignals._batch import assess_many
from threatsignals._records import to_records
from threatsignals.archive import Archive
from threatsignals.errors import InvalidInputError, MissingDependencyError
from threatsignals.model import Assessment, Report, School
from threatsignals.policy import Policy

__all__ = [
    "ASSESSMENT_COLUMNS",
    "FINDING_COLUMNS",
    "ArchiveSnapshot",
    "assess_dask",
    "assessments_frame",
    "report_from_row",
    "score_frame",
    "snapshot_archive",
]

#: Columns (and pandas dtypes) of the per-assessment table; datetimes are ISO 8601
#: strings, so every partition has the same dtypes.
ASSESSMENT_COLUMNS: dict[str, str] = {
    "report_id": "object",
    "score": "float64",
    "level": "object",
    "imminent": "bool",
    "when": "object",
    "conflicting": "bool",
    "n_findings": "int64",
    "codes": "object",
    "raising": "float64",
    "lowering": "float64",
    "first_action": "object",
    "open_questions": "int64",
    "failed_analyzers": "object",
    "assessed_at": "object",
    "policy": "object",
}

#: Columns (and pandas dtypes) of the per-finding table.
FINDING_COLUMNS: dict[str, str] = {
    "report_id": "object",
    "score": "float64",
    "level": "object",
    "imminent": "bool",
    "rank": "int64",
    "code": "object",
    "analyzer": "object",
    "weight": "float64",
    "evidence": "object",
    "guidance": "object",
}

# Per-process cache of opened snapshot copies, keyed by digest: a worker opens
# each snapshot once and its analyzers keep their indexes warm across partitions.
_OPENED: dict[str, Archive] = {}
_OPENED_LOCK = threading.Lock()


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None
    return pd


@dataclass(frozen=True, slots=True)
class ArchiveSnapshot:
    """A self-contained, read-only copy of an archive file, ready to broadcast.

    Attributes:
        digest: SHA-256 of :attr:`data` (names the copy on each worker).
        data: The SQLite file (rollback-journal mode, no ``-wal`` file needed).
    """

    digest: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        """Size of the copy in bytes."""
        return len(self.data)

    def open(self, directory: str | os.PathLike[str] | None = None) -> Archive:
        """Write the copy to a local file (once per process) and open it read-only.

        Args:
            directory: Where to keep the copy; defaults to a ``threatsignals-snapshots``
                folder in the system temporary directory.

        Returns:
            A read-only :class:`Archive`, shared by every call in this process. Do not
            close it; it lives as long as the worker process.
        """
        with _OPENED_LOCK:
            cached = _OPENED.get(self.digest)
            if cached is not None:
                return cached
            folder = Path(
                directory or Path(tempfile.gettempdir()) / "threatsignals-snapshots"
            )
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{self.digest[:32]}.db"
            if not target.exists():
                # Several worker processes on one host may race: write, then rename.
                fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
                with os.fdopen(fd, "wb") as fh:
                    fh.write(self.data)
                os.replace(tmp, target)
            archive = Archive.open(target, readonly=True)
            _OPENED[self.digest] = archive
            return archive


def snapshot_archive(archive: Archive | str | os.PathLike[str]) -> ArchiveSnapshot:
    """Take a consistent copy of a file archive for broadcasting to workers.

    Uses SQLite's online backup, so it is safe while others write, then switches
    the copy to rollback-journal mode so it opens read-only anywhere.

    Args:
        archive: An open file archive, or the path of one.

    Returns:
        The snapshot (held in memory).

    Raises:
        InvalidInputError: ``archive`` is an in-memory archive.
    """
    if not isinstance(archive, Archive):
        with Archive.open(archive, readonly=True) as opened:
            return snapshot_archive(opened)
    if archive.path is None:
        raise InvalidInputError(
            "an in-memory archive cannot be snapshotted; use a file archive",
            field="archive",
        )
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "snapshot.db"
        archive.backup(target)
        conn = sqlite3.connect(target)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        data = target.read_bytes()
    return ArchiveSnapshot(hashlib.sha256(data).hexdigest(), data)


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    # pandas.NaT and pandas.NA: not equal to themselves or ambiguous as booleans.
    return type(value).__name__ in {"NaTType", "NAType"}


def report_from_row(row: Mapping[str, Any]) -> Report:
    """Build a :class:`Report` from one table row (``Report.to_dict`` keys).

    Missing cells (``None``, ``NaN``, ``NaT``, ``NA``) are left out and pandas
    timestamps are accepted as datetimes; any other column name is an error.

    Raises:
        InvalidReportError: A field is malformed (unknown column, bad channel...).
    """
    clean: dict[str, Any] = {}
    for key, value in row.items():
        if _missing(value):
            continue
        to_py = getattr(value, "to_pydatetime", None)
        if callable(to_py):
            value = to_py()
        elif hasattr(value, "tolist") and not isinstance(value, str | bytes):
            value = value.tolist()  # numpy scalars and arrays to Python values
        clean[str(key)] = value
    return Report.from_dict(clean)


def assessments_frame(
    assessments: Iterable[Assessment],
    *,
    per: Literal["assessment", "finding"] = "assessment",
) -> Any:
    """Return :func:`~threatsignals.to_records` as a DataFrame with fixed dtypes.

    Datetimes become ISO 8601 strings, so that every partition of a distributed
    run (and a local run) has the same columns and dtypes.

    Raises:
        MissingDependencyError: pandas is not installed (extra ``pandas``).
    """
    pd = _pandas()
    columns = ASSESSMENT_COLUMNS if per == "assessment" else FINDING_COLUMNS
    rows = to_records(assessments, per=per)
    for row in rows:
        for key in ("when", "assessed_at"):
            value = row.get(key)
            if isinstance(value, datetime):
                row[key] = value.isoformat()
    # Column by column with explicit dtypes: missing text stays None (not NaN).
    return pd.DataFrame(
        {
            name: pd.Series([row[name] for row in rows], dtype=dtype)
            for name, dtype in columns.items()
        }
    )


def score_frame(
    frame: Any,
    *,
    archive: Archive | ArchiveSnapshot | None = None,
    school: School | None = None,
    now: datetime | None = None,
    policy: Policy | None = None,
    per: Literal["assessment", "finding"] = "assessment",
) -> Any:
    """Score one pandas DataFrame of reports (a partition) with ``assess_many``.

    Args:
        frame: One row per report, columns named like ``Report.to_dict`` keys
            (``text``, ``channel``, ``received_at``, ``caller_id``, ``id``...).
        archive: The archive to match against; an :class:`ArchiveSnapshot` is
            opened read-only from a local copy (once per process).
        school: The threatened school, shared by every row.
        now: Assessment time; pass one value for the whole table.
        policy: The scoring policy.
        per: ``"assessment"`` or ``"finding"`` rows (see :func:`assessments_frame`).

    Returns:
        A pandas DataFrame with :data:`ASSESSMENT_COLUMNS` or :data:`FINDING_COLUMNS`.
    """
    opened = archive.open() if isinstance(archive, ArchiveSnapshot) else archive
    reports = [report_from_row(row) for row in frame.to_dict(orient="records")]
    assessed = assess_many(
        reports,
        school=school,
        archive=opened,
        now=now,
        policy=policy,
        progress=False,
    )
    return assessments_frame(assessed, per=per)


def _score_partition(
    frame: Any,
    snapshot: ArchiveSnapshot | None,
    school: School | None,
    now: datetime,
    policy: Policy | None,
    per: Literal["assessment", "finding"],
) -> Any:
    out = score_frame(
        frame, archive=snapshot, school=school, now=now, policy=policy, per=per
    )
    if per == "assessment":
        out.index = frame.index  # one row per report: keep the input's index
    return out


def assess_dask(
    reports: Any,
    *,
    archive: Archive | ArchiveSnapshot | str | os.PathLike[str] | None = None,
    school: School | None = None,
    now: datetime | None = None,
    policy: Policy | None = None,
    per: Literal["assessment", "finding"] = "assessment",
    client: Any = None,
) -> Any:
    """Score a Dask DataFrame of reports on a cluster (lazy; call ``.compute()``).

    Args:
        reports: A ``dask.dataframe.DataFrame``, one row per report, columns named
            like ``Report.to_dict`` keys.
        archive: A file archive (open, or its path) or a snapshot of one. It is
            snapshotted and broadcast read-only to every worker.
        school: The threatened school, shared by every row.
        now: Assessment time for every row; defaults to the time of this call, taken
            once so that all partitions agree.
        policy: The scoring policy (sent to the workers with the tasks).
        per: ``"assessment"`` (one row per report, same index as ``reports``) or
            ``"finding"`` (one row per finding).
        client: A ``distributed.Client``; the snapshot is scattered to all its
            workers with ``broadcast=True``. Defaults to the current client if any;
            without one the snapshot travels inside the task graph.

    Returns:
        A lazy Dask DataFrame with :data:`ASSESSMENT_COLUMNS` or
        :data:`FINDING_COLUMNS`.

    Raises:
        MissingDependencyError: dask or pandas is not installed (extra ``dask``).
    """
    # importlib keeps mypy independent of whether dask (untyped here) is installed.
    try:
        importlib.import_module("dask")
        dask_delayed: Any = importlib.import_module("dask.delayed").delayed
        importlib.import_module("dask.dataframe")  # needs dask[dataframe]
    except ImportError:
        raise MissingDependencyError("dask", "dask") from None
    _pandas()
    if per not in {"assessment", "finding"}:
        raise InvalidInputError('per must be "assessment" or "finding"', field="per")
    if now is None:
        now = datetime.now(UTC)
    snapshot: ArchiveSnapshot | None = None
    if isinstance(archive, ArchiveSnapshot):
        snapshot = archive
    elif archive is not None:
        snapshot = snapshot_archive(archive)
    if client is None:
        try:
            client = importlib.import_module("distributed").get_client()
        except (ImportError, ValueError):
            client = None
    shared: Any = snapshot
    if snapshot is not None:
        if client is not None:
            shared = client.scatter(snapshot, broadcast=True, hash=False)
        else:
            shared = dask_delayed(snapshot, pure=True)
    meta = assessments_frame([], per=per)
    return reports.map_partitions(
        _score_partition,
        shared,
        school,
        now,
        policy,
        per,
        meta=meta,
        align_dataframes=False,
    )
