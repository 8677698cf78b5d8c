"""Image analyzer: recycled and stock images, capture time and place.

Public names:

* :func:`fingerprint` -> :class:`ImageFingerprint` (``distance``, ``matches``,
  ``to_hex``/``from_hex``) for a path, bytes, binary file object or PIL image;
* :class:`ImageIndex` for fast near-duplicate search;
* :func:`analyze` -> :class:`ImageAnalysis` (``matches``, ``findings``);
* :func:`add_stock` to load a stock bank into an archive.

numpy and Pillow are imported on first use of these names, so that discovering the
built-in analyzers (or assessing a report without images) stays light.
See ``docs/images.md`` for what is hashed, the threshold and its measurements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threatsignals._lazy import lazy_attributes
from threatsignals.images._rules import DEFAULT_THRESHOLD, STOCK_BANK

if TYPE_CHECKING:
    from threatsignals.images._analyze import ImageAnalysis, ImageMatch, analyze
    from threatsignals.images._bank import add_stock
    from threatsignals.images._fingerprint import (
        ImageFingerprint,
        UnreadableImageError,
        fingerprint,
    )
    from threatsignals.images._index import ImageIndex

__all__ = [
    "DEFAULT_THRESHOLD",
    "STOCK_BANK",
    "ImageAnalysis",
    "ImageFingerprint",
    "ImageIndex",
    "ImageMatch",
    "UnreadableImageError",
    "add_stock",
    "analyze",
    "fingerprint",
]

_LAZY = {
    "ImageAnalysis": "_analyze",
    "ImageMatch": "_analyze",
    "analyze": "_analyze",
    "add_stock": "_bank",
    "ImageFingerprint": "_fingerprint",
    "UnreadableImageError": "_fingerprint",
    "fingerprint": "_fingerprint",
    "ImageIndex": "_index",
}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, __all__)
