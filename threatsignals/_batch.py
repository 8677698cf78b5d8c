"""assess_many(): stream assessments for many reports, optionally in several processes."""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from threatsignals._assess import assess
from threatsignals.archive import Archive
from threatsignals.errors import InvalidInputError, MissingDependencyError
from threatsignals.model import Assessment, Report, School
from threatsignals.policy import Policy

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["assess_many"]

_log = logging.getLogger(__name__)

# Per-process state of a worker: set once by the pool initializer.
_WORKER: dict[str, Any] = {}


def _init_worker(
    archive_path: str | None,
    school: School | None,
    policy: Policy | None,
    now: datetime | None,
    analyzers: Sequence[Any],
) -> None:
    _WORKER["archive"] = (
        Archive.open(archive_path, readonly=True) if archive_path is not None else None
    )
    _WORKER["school"] = school
    _WORKER["policy"] = policy
    _WORKER["now"] = now
    _WORKER["analyzers"] = analyzers


def _work(chunk: list[Report]) -> list[dict[str, Any]]:
    return [
        assess(
            r,
            school=_WORKER["school"],
            archive=_WORKER["archive"],
            now=_WORKER["now"],
            policy=_WORKER["policy"],
            analyzers=_WORKER["analyzers"],
        ).to_dict()
        for r in chunk
    ]


def _chunks(items: Iterable[Report], size: int) -> Iterator[list[Report]]:
    chunk: list[Report] = []
    for item in items:
        if not isinstance(item, Report):
            raise TypeError("assess_many takes an iterable of threatsignals.Report")
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _progress_bar(progress: bool | None, total: int | None) -> Any:
    wanted = progress is True or (progress is None and sys.stderr.isatty())
    if not wanted:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        if progress is True:
            raise MissingDependencyError("tqdm", "progress") from None
        return None
    return tqdm(total=total, unit="report", file=sys.stderr, leave=False)


def assess_many(
    reports: Iterable[Report],
    *,
    school: School | None = None,
    archive: Archive | None = None,
    now: datetime | None = None,
    policy: Policy | None = None,
    analyzers: Sequence[Any] = (),
    workers: int | None = None,
    chunk_size: int = 64,
    progress: bool | None = None,
) -> Iterator[Assessment]:
    """Assess many reports, yielding assessments in input order as they are ready.

    Args:
        reports: Any iterable of :class:`Report` (consumed lazily, in windows).
        school: The threatened school, shared by all reports.
        archive: The archive to match against. With ``workers > 1`` it must be a
            file archive: each worker process opens it read-only.
        now: The assessment time for every report; defaults to the time of the call
            (one value for the whole batch, so results do not drift during a run).
        policy: The scoring policy.
        analyzers: Custom analyzers (must be picklable when ``workers > 1``).
        workers: Processes to use; ``None`` or 1 runs in this process, 0 uses every
            core. Worker processes are started with "spawn", so a script that uses
            them must guard its entry point with ``if __name__ == "__main__":``.
            Each worker opens the archive and builds its indexes once (about 2 s
            for a 10k-report archive), so processes pay off on large batches.
        chunk_size: Reports sent to a worker at a time.
        progress: Show a progress bar on stderr (needs ``tqdm``): ``None`` shows it
            only when stderr is a terminal.

    Yields:
        One :class:`Assessment` per report, in input order.
    """
    if now is None:
        now = datetime.now(UTC)
    if workers == 0:
        workers = os.cpu_count() or 1
    if workers is not None and workers < 0:
        raise InvalidInputError("workers must be >= 0", field="workers")
    total = len(reports) if isinstance(reports, Sequence) else None
    bar = _progress_bar(progress, total)
    try:
        if not workers or workers == 1:
            for r in reports:
                if not isinstance(r, Report):
                    raise TypeError(
                        "assess_many takes an iterable of threatsignals.Report"
                    )
                yield assess(
                    r,
                    school=school,
                    archive=archive,
                    now=now,
                    policy=policy,
                    analyzers=analyzers,
                )
                if bar is not None:
                    bar.update(1)
            return
        path = None
        if archive is not None:
            path = archive.path
            if path is None:
                raise InvalidInputError(
                    "an in-memory archive cannot be shared with worker processes; "
                    "use a file archive or workers=1",
                    field="archive",
                )
        yield from _parallel(
            reports, path, school, policy, now, analyzers, workers, chunk_size, bar
        )
    finally:
        if bar is not None:
            bar.close()


def _parallel(
    reports: Iterable[Report],
    path: str | None,
    school: School | None,
    policy: Policy | None,
    now: datetime,
    analyzers: Sequence[Any],
    workers: int,
    chunk_size: int,
    bar: Any,
) -> Iterator[Assessment]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn" is safe with threads and SQLite connections in the parent.
    ctx = multiprocessing.get_context("spawn")
    window: deque[Future[list[dict[str, Any]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(path, school, policy, now, tuple(analyzers)),
    ) as pool:
        for chunk in _chunks(reports, chunk_size):
            window.append(pool.submit(_work, chunk))
            if len(window) >= workers * 3:
                yield from _drain(window.popleft(), bar)
        while window:
            yield from _drain(window.popleft(), bar)


def _drain(fut: Future[list[dict[str, Any]]], bar: Any) -> Iterator[Assessment]:
    for d in fut.result():
        if bar is not None:
            bar.update(1)
        yield Assessment.from_dict(d)
