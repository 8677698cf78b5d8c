"""Stock banks: fingerprints of known public or stock images (never the images)."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from threatsignals.images import _rules
from threatsignals.images._fingerprint import (
    ImageFingerprint,
    UnreadableImageError,
    fingerprint,
)

if TYPE_CHECKING:
    from threatsignals.archive import Archive

__all__ = ["add_stock"]

_log = logging.getLogger(__name__)


def _walk(root: Path) -> Iterator[tuple[str, Path]]:
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in _rules.IMAGE_SUFFIXES
    )
    for p in files:
        yield p.relative_to(root).as_posix(), p


def _items(images: Any) -> Iterator[tuple[str | None, Any]]:
    if isinstance(images, str | os.PathLike):
        p = Path(os.fspath(images))
        if p.is_dir():
            yield from _walk(p)
        else:
            yield p.name, p
        return
    if isinstance(images, bytes | bytearray | memoryview) or hasattr(
        images, "getbands"
    ):
        yield None, images
        return
    if not isinstance(images, Iterable):
        raise TypeError("images must be a directory, a path, or an iterable of images")
    for item in images:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            yield item[0], item[1]
        elif isinstance(item, str | os.PathLike):
            p = Path(os.fspath(item))
            if p.is_dir():
                yield from _walk(p)
            else:
                yield p.name, p
        else:
            yield None, item


def add_stock(
    archive: Archive,
    images: Any,
    *,
    bank: str = _rules.STOCK_BANK,
) -> int:
    """Fingerprint known public or stock images and store them in a bank.

    Only fingerprints are stored (``archive.add_bank_entries``), never the images.
    Later analyses report ``image_stock`` when a threat's image matches one.
    This is what ``threatsignals images add-stock DIR`` calls.

    Args:
        archive: The archive to store the bank in.
        images: A directory (read recursively: .jpg, .png, .gif, .webp, .bmp,
            .tif, .heic), a single image path, or an iterable of paths, bytes,
            PIL images or ``(key, image)`` pairs. Files are keyed by their path
            relative to the directory (or their name); other images by a digest.
        bank: The bank's name; analyses consult ``"stock_images"``.

    Returns:
        How many new entries were stored (re-adding a key is a no-op; unreadable
        and near-uniform images are skipped and counted in the log).

    Raises:
        TypeError: ``images`` is not one of the accepted shapes.
    """
    entries: list[tuple[str, str, str]] = []
    skipped = 0
    for key, image in _items(images):
        try:
            fp: ImageFingerprint = fingerprint(image)
        except UnreadableImageError:
            skipped += 1
            continue
        if fp.low_detail:
            skipped += 1
            continue
        text = fp.to_hex()
        if key is None:
            key = "fp:" + hashlib.sha256(text.encode()).hexdigest()[:16]
        entries.append((key, _rules.SIGNAL_KIND, text))
    added = archive.add_bank_entries(bank, entries) if entries else 0
    _log.info("stock bank: %d added, %d skipped", added, skipped)
    return added
