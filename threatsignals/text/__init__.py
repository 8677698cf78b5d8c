"""Text analyzer: recycled messages, waves, specificity (``threatsignals.text``).

Public names:

- :func:`normalize`: fold obfuscation (confusables, zero-width characters,
  accents, leetspeak, spaced letters) while keeping words and sentence
  punctuation. The imminence analyzer reuses it.
- :func:`similarity`: template-aware similarity 0..100 (slots masked first).
- :class:`TextIndex`: scalable search of archived texts by similarity.
- :func:`analyze`: findings for one message against a school and an archive.

Heavy parts (rapidfuzz, numpy) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threatsignals._lazy import lazy_attributes
from threatsignals.text._normalize import normalize

if TYPE_CHECKING:
    from threatsignals.text._analyze import TextAnalysis, TextMatch, analyze
    from threatsignals.text._index import TextIndex, similarity

__all__ = [
    "TextAnalysis",
    "TextIndex",
    "TextMatch",
    "analyze",
    "normalize",
    "similarity",
]

_LAZY = {
    "TextAnalysis": "threatsignals.text._analyze",
    "TextMatch": "threatsignals.text._analyze",
    "analyze": "threatsignals.text._analyze",
    "TextIndex": "threatsignals.text._index",
    "similarity": "threatsignals.text._index",
}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, __all__)
