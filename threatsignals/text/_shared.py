"""Text fingerprints that can be shared between organisations without the text.

A shared text fingerprint is:

- ``bands``: the MinHash signature of the masked text (:mod:`._index`), cut into
  ``BANDS`` bands of ``ROWS`` values, each band passed through SHA-256 (tagged with
  its position) and cut to 64 bits. Two templates that share a band almost
  certainly share the ``ROWS`` shingles behind it; the number of equal bands
  estimates their similarity (``P(equal band) = J ** ROWS`` for Jaccard ``J``).
  Hashing each band with SHA-256 means a recipient cannot invert single MinHash
  values back into the 6-character shingles that produced them: reading a band back
  would need the right guess for three shingles at once.
- ``exact``: SHA-256 of the masked text, for identical templates.

What a recipient can do: test whether a message they already hold was shared
(compute its fingerprint and compare). What they cannot do: read the text back.
See ``docs/exchange.md``.

:class:`SharedTextIndex` matches a new message against imported fingerprints: an
inverted index from band hash to documents (sorted numpy arrays), counting equal
bands per candidate.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING

import numpy as np

from threatsignals.text import _rules as rules
from threatsignals.text._index import minhash

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "MIN_SHARED_BANDS",
    "SHARED_ALGORITHM",
    "SharedTextIndex",
    "bands_from_hex",
    "shared_fingerprint",
]

_log = logging.getLogger(__name__)

#: Rows (MinHash values) per shared band.
ROWS = 3
#: Number of shared bands.
BANDS = rules.NUM_PERM // ROWS
#: Identifies the fingerprint recipe; a different value never matches.
SHARED_ALGORITHM = f"mh1-{rules.SHINGLE}-{rules.NUM_PERM}/b{BANDS}x{ROWS}/sha256-64"
#: Equal bands needed for a match. Measured on the text benchmark's labelled corpus
#: (2,970 same-template pairs, 372,640 different-template pairs): >= 6 bands gives
#: pair precision 0.996 / recall 0.70; >= 7 gives 0.998 / 0.65; >= 8 gives 0.9994 /
#: 0.60. A false "recycled" lowers concern, so precision wins: 7.
MIN_SHARED_BANDS = 7

_TAG = b"threatsignals-band-v1"


def _band_hashes(sig: NDArray[np.uint32]) -> NDArray[np.uint64]:
    rows = sig.astype(">u4").reshape(BANDS, ROWS)
    out = np.empty(BANDS, dtype=np.uint64)
    for i in range(BANDS):
        digest = hashlib.sha256(_TAG + bytes((i,)) + rows[i].tobytes()).digest()
        out[i] = int.from_bytes(digest[:8], "big")
    return out


def shared_fingerprint(
    masked: str, signature: NDArray[np.uint32] | None = None
) -> tuple[str, str]:
    """Return ``(bands_hex, exact_hex)`` for a masked text (see the module doc).

    Args:
        masked: The masked text.
        signature: Its MinHash signature, when already known (saves recomputing).
    """
    bands = _band_hashes(minhash(masked) if signature is None else signature)
    exact = hashlib.sha256(masked.encode("utf-8", "surrogatepass")).hexdigest()
    return bands.astype(">u8").tobytes().hex(), exact


def bands_from_hex(text: str) -> NDArray[np.uint64] | None:
    """Decode ``bands_hex``; None when it is not ``BANDS`` 64-bit values in hex."""
    if not isinstance(text, str) or len(text) != BANDS * 16:
        return None
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        return None
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64)


class SharedTextIndex:
    """Imported text fingerprints, searchable by equal bands or exact hash."""

    def __init__(self) -> None:
        self._keys: list[Hashable] = []
        self._exact: dict[str, list[int]] = {}
        self._pending_keys: list[NDArray[np.uint64]] = []
        self._pending_docs: list[NDArray[np.int64]] = []
        self._sorted_keys: NDArray[np.uint64] = np.empty(0, dtype=np.uint64)
        self._sorted_docs: NDArray[np.int64] = np.empty(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._keys)

    @staticmethod
    def _positional(bands: NDArray[np.uint64]) -> NDArray[np.uint64]:
        # fold the band position in, so band i only ever meets band i
        pos = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        out: NDArray[np.uint64] = bands ^ pos
        return out

    def add(self, key: Hashable, bands_hex: str, exact_hex: str | None = None) -> bool:
        """Add one imported fingerprint; returns False when ``bands_hex`` is invalid."""
        bands = bands_from_hex(bands_hex)
        if bands is None:
            return False
        doc = len(self._keys)
        self._keys.append(key)
        self._pending_keys.append(self._positional(bands))
        self._pending_docs.append(np.full(BANDS, doc, dtype=np.int64))
        if exact_hex:
            self._exact.setdefault(exact_hex, []).append(doc)
        return True

    def add_many(self, items: Iterable[tuple[Hashable, str, str | None]]) -> int:
        """Add ``(key, bands_hex, exact_hex)`` triples; returns how many were valid."""
        n = sum(1 for k, b, e in items if self.add(k, b, e))
        self._merge()
        return n

    def _merge(self) -> None:
        if not self._pending_keys:
            return
        keys = np.concatenate([self._sorted_keys, *self._pending_keys])
        docs = np.concatenate([self._sorted_docs, *self._pending_docs])
        order = np.argsort(keys, kind="stable")
        self._sorted_keys = keys[order]
        self._sorted_docs = docs[order]
        self._pending_keys.clear()
        self._pending_docs.clear()

    def search_masked(
        self, masked: str, min_bands: int | None = None
    ) -> list[tuple[Hashable, float]]:
        """Return ``(key, score)`` best first for a masked query text.

        ``score`` is the share of equal bands in percent (100 for an identical
        template); only candidates with at least ``min_bands`` equal bands
        (default :data:`MIN_SHARED_BANDS`) or an equal exact hash are returned.
        """
        if not masked or not self._keys:
            return []
        self._merge()
        need = MIN_SHARED_BANDS if min_bands is None else int(min_bands)
        bands_hex, exact = shared_fingerprint(masked)
        query = self._positional(
            np.frombuffer(bytes.fromhex(bands_hex), dtype=">u8").astype(np.uint64)
        )
        lo = np.searchsorted(self._sorted_keys, query, side="left")
        hi = np.searchsorted(self._sorted_keys, query, side="right")
        counts: dict[int, int] = {}
        slices = [
            self._sorted_docs[a:b]
            for a, b in zip(lo.tolist(), hi.tolist(), strict=True)
            if b > a
        ]
        if slices:
            docs, cnt = np.unique(np.concatenate(slices), return_counts=True)
            counts = dict(zip(docs.tolist(), cnt.tolist(), strict=True))
        for doc in self._exact.get(exact, ()):
            counts[doc] = BANDS
        hits = [(doc, n) for doc, n in counts.items() if n >= need]
        hits.sort(key=lambda t: (-t[1], t[0]))
        return [(self._keys[d], round(100.0 * n / BANDS, 1)) for d, n in hits]
