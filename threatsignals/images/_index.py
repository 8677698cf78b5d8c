"""ImageIndex: vectorised Hamming search over many image fingerprints.

Hashes live in two growable ``uint64`` arrays: the primaries of every indexed image,
and their crop windows. A query XORs each of its hashes against an array and counts
bits with ``numpy.bitwise_count``:

* the query's primaries and mirrors against the indexed primaries (same picture,
  trimmed or flipped);
* the query's primaries against the indexed windows (the query is a crop);
* the query's windows against the indexed primaries (the indexed image is a crop).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import numpy.typing as npt

from threatsignals.images import _rules
from threatsignals.images._fingerprint import ImageFingerprint, fingerprint

__all__ = ["ImageIndex"]

_N_WINDOWS = 4


class _Grow:
    """A growable 2-D ``uint64`` array (rows appended at the end)."""

    __slots__ = ("data", "n")

    def __init__(self, width: int) -> None:
        self.data: npt.NDArray[np.uint64] = np.zeros((1024, width), dtype=np.uint64)
        self.n = 0

    def append(self, row: list[int]) -> None:
        if self.n == self.data.shape[0]:
            grown = np.zeros((self.n * 2, self.data.shape[1]), dtype=np.uint64)
            grown[: self.n] = self.data
            self.data = grown
        self.data[self.n] = row
        self.n += 1

    @property
    def view(self) -> npt.NDArray[np.uint64]:
        return self.data[: self.n]


def _popcount_xor(hashes: npt.NDArray[np.uint64], q: int) -> npt.NDArray[np.uint8]:
    return np.bitwise_count(np.bitwise_xor(hashes, np.uint64(q)))


class ImageIndex:
    """An in-memory index of image fingerprints for fast near-duplicate search.

    Example:
        >>> index = ImageIndex()
        >>> index.add("report-1", fingerprint_of_archived_image)  # doctest: +SKIP
        >>> index.search(new_image)  # doctest: +SKIP
        [('report-1', 2)]

    Near-uniform (low-detail) images are not indexed and never found.
    """

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._owner: dict[str, int] = {}
        # One row per indexed fingerprint: its first primary (contiguous, scanned
        # in full) and its 4 windows (padded with the primary, which never lowers a
        # minimum; read only for gated candidates).
        self._first = _Grow(1)
        self._windows = _Grow(_N_WINDOWS)
        self._row_owner: list[int] = []
        self._owners: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        # Extra primaries (the trimmed image), sparse: hash and row number.
        self._extra = _Grow(2)

    def __len__(self) -> int:
        """Number of keys indexed."""
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._owner

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def add(self, key: str, image: ImageFingerprint | Any) -> bool:
        """Index an image under ``key``.

        Adding several images under one key is allowed; a search then reports the
        key once, with its best distance.

        Args:
            key: Any string (a report id, a stock file name).
            image: An :class:`ImageFingerprint`, or anything :func:`fingerprint`
                accepts.

        Returns:
            True if indexed, False for a low-detail image (never matched).

        Raises:
            UnreadableImageError: ``image`` is not a fingerprint and cannot be decoded.
        """
        if not isinstance(key, str):
            raise TypeError("key must be a string")
        fp = image if isinstance(image, ImageFingerprint) else fingerprint(image)
        if fp.low_detail:
            return False
        owner = self._owner.get(key)
        if owner is None:
            owner = len(self._keys)
            self._owner[key] = owner
            self._keys.append(key)
        first = fp.primaries[0]
        windows = list(fp.windows[:_N_WINDOWS])
        windows += [first] * (_N_WINDOWS - len(windows))
        row = self._first.n
        self._first.append([first])
        self._windows.append(windows)
        self._row_owner.append(owner)
        for extra in fp.primaries[1:]:
            self._extra.append([extra, row])
        return True

    def _owner_array(self) -> npt.NDArray[np.int64]:
        if self._owners.size != len(self._row_owner):
            self._owners = np.asarray(self._row_owner, dtype=np.int64)
        return self._owners

    def search(
        self, image: ImageFingerprint | Any, max_distance: int | None = None
    ) -> list[tuple[str, int]]:
        """Return indexed keys within ``max_distance`` of ``image``, best first.

        The comparison rule is that of :meth:`ImageFingerprint.distance`. To stay
        fast, crop windows are compared only for indexed images whose primary hash
        is within ``GATE_DISTANCE`` of a query primary (see ``docs/images.md``).

        Args:
            image: An :class:`ImageFingerprint`, or anything :func:`fingerprint`
                accepts.
            max_distance: Largest Hamming distance (0..64) to report; the default
                threshold (:data:`~threatsignals.images.DEFAULT_THRESHOLD`) when None.

        Returns:
            ``(key, distance)`` pairs sorted by distance, then by insertion order.
            Empty for a low-detail query.
        """
        fp = image if isinstance(image, ImageFingerprint) else fingerprint(image)
        limit = _rules.DEFAULT_THRESHOLD if max_distance is None else int(max_distance)
        if fp.low_detail or limit < 0 or not self._keys:
            return []
        limit = min(limit, 64)
        gate = max(limit, _rules.GATE_DISTANCE)
        first = self._first.view.reshape(-1)
        extra = self._extra.view
        hit_rows: list[npt.NDArray[np.int64]] = []
        hit_dist: list[npt.NDArray[np.uint8]] = []
        candidates: list[npt.NDArray[np.int64]] = []

        def scan(
            store: npt.NDArray[np.uint64], row_ids: npt.NDArray[np.int64] | None
        ) -> None:
            """Query primaries and mirrors against indexed primaries, in one scan.

            Hits use primaries and mirrors; gate candidates (whose windows are
            compared next) use the primaries only.
            """
            d_prim: npt.NDArray[np.uint8] | None = None
            for h in fp.primaries:
                d = _popcount_xor(store, h)
                d_prim = d if d_prim is None else np.minimum(d_prim, d, out=d_prim)
            assert d_prim is not None
            d_all = d_prim
            for h in fp.mirrors:
                d = _popcount_xor(store, h)
                d_all = np.minimum(d_all, d, out=d if d_all is d_prim else d_all)
            near = np.flatnonzero(d_all <= gate)
            if not near.size:
                return
            close = d_all[near]
            hit = near[close <= limit]
            if hit.size:
                hit_rows.append(hit if row_ids is None else row_ids[hit])
                hit_dist.append(close[close <= limit])
            gated = near[d_prim[near] <= gate]
            if gated.size:
                candidates.append(gated if row_ids is None else row_ids[gated])

        scan(first, None)
        if extra.shape[0]:
            scan(np.ascontiguousarray(extra[:, 0]), extra[:, 1].astype(np.int64))
        if candidates:
            cand = (
                candidates[0]
                if len(candidates) == 1
                else np.unique(np.concatenate(candidates))
            )
            # np.take is much faster than fancy indexing for row gathers.
            sub = np.take(self._windows.view, cand, axis=0)
            sub_first = np.take(first, cand)
            best = np.full(cand.size, 64, dtype=np.uint8)
            for h in fp.primaries:  # query is a crop of an indexed image
                d = np.bitwise_count(sub ^ np.uint64(h))
                # Column-wise minimum (a reduce over a short axis is slow in numpy).
                for k in range(_N_WINDOWS):
                    np.minimum(best, d[:, k], out=best)
            for w in fp.windows:  # an indexed image is a crop of the query
                np.minimum(best, _popcount_xor(sub_first, w), out=best)
            hit = np.flatnonzero(best <= limit)
            if hit.size:
                hit_rows.append(cand[hit])
                hit_dist.append(best[hit])
        if not hit_rows:
            return []
        owners = self._owner_array()[np.concatenate(hit_rows)]
        dists = np.concatenate(hit_dist).astype(np.int64)
        order = np.lexsort((owners, dists))
        owners, dists = owners[order], dists[order]
        _, first_seen = np.unique(owners, return_index=True)
        first_seen.sort()
        return [(self._keys[int(owners[i])], int(dists[i])) for i in first_seen]
