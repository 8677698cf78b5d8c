"""Phrase lookup over word tokens: a small trie built from the lexicon tables.

Matching walks the trie from each token, so the cost is linear in the number of
tokens times the longest phrase (a constant), whatever the input looks like.
There are no regular expressions with nested quantifiers anywhere in the path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["PhraseIndex", "PhraseMatch", "expand_pattern"]

_END = "\x00"  # trie key that marks the end of a phrase
_CLAUSE_END = "$"  # pattern token: the phrase must end its clause
_CLAUSE_START = "^"  # first pattern token: the phrase must start its clause
#: Joined forms ("lastresort") are added for phrases at least this long, so short
#: joins do not collide with ordinary words.
_MIN_JOINED = 5
#: ... and for phrases of at most this many words (spaced-letter obfuscation of a
#: long phrase is rare, and joining every long expansion would double the trie).
_MAX_JOINED_WORDS = 4


def expand_pattern(pattern: str) -> list[tuple[str, ...]]:
    """Expand one lexicon pattern into the token sequences it stands for.

    Args:
        pattern: Space-separated positions; ``a|b`` gives alternatives, a trailing
            ``?`` makes the position optional, ``_`` joins several words into one
            alternative (``you_will``).

    Returns:
        Every token sequence, in a stable order, without empty sequences.
    """
    seqs: list[tuple[str, ...]] = [()]
    for position in pattern.split():
        optional = position.endswith("?")
        if optional:
            position = position[:-1]
        alternatives = [tuple(a.split("_")) for a in position.split("|") if a]
        grown: list[tuple[str, ...]] = []
        for seq in seqs:
            grown.extend(seq + alt for alt in alternatives)
            if optional:
                grown.append(seq)
        seqs = grown
    out: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    for seq in seqs:
        if seq and seq not in seen:
            seen.add(seq)
            out.append(seq)
    return out


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One phrase found in a token list.

    Attributes:
        label: The table key the phrase came from (a category).
        start: Index of the first token.
        end: Index one past the last token.
    """

    label: str
    start: int
    end: int


class PhraseIndex:
    """Leftmost-longest phrase matching over word tokens."""

    __slots__ = ("_depth", "_root")

    def __init__(self, tables: Mapping[str, Iterable[str]]) -> None:
        """Build the index.

        Args:
            tables: ``{label: patterns}``; a phrase listed under several labels keeps
                the first label given.
        """
        self._root: dict[str, Any] = {}
        self._depth = 0
        for label, patterns in tables.items():
            for pattern in patterns:
                for seq in expand_pattern(pattern.lower()):
                    self._add(seq, label)
                    words = tuple(
                        t for t in seq if t not in (_CLAUSE_END, _CLAUSE_START)
                    )
                    if 1 < len(words) <= _MAX_JOINED_WORDS:
                        joined = "".join(words)
                        if len(joined) >= _MIN_JOINED:
                            self._add((joined,), label)

    def _add(self, seq: tuple[str, ...], label: str) -> None:
        node = self._root
        for tok in seq:
            child: dict[str, Any] | None = node.get(tok)
            if child is None:
                child = {}
                node[tok] = child
            node = child
        node.setdefault(_END, label)
        self._depth = max(self._depth, len(seq))
        # A "$" pattern adds one trie level but no token; it ends the phrase.

    def __len__(self) -> int:
        """Return the longest phrase length in tokens."""
        return self._depth

    def find(
        self, tokens: Sequence[str], *, limit: int | None = None
    ) -> list[PhraseMatch]:
        """Return non-overlapping matches, leftmost first, longest at each start.

        Args:
            tokens: Lower-case word tokens.
            limit: Stop after this many matches (None: no limit).
        """
        out: list[PhraseMatch] = []
        root = self._root
        n = len(tokens)
        i = 0
        while i < n:
            node = root.get(tokens[i])
            best: PhraseMatch | None = None
            j = i
            while isinstance(node, dict):
                label = node.get(_END)
                if isinstance(label, str):
                    best = PhraseMatch(label, i, j + 1)
                j += 1
                if j >= n:
                    break
                node = node.get(tokens[j])
            if best is None:
                i += 1
                continue
            out.append(best)
            if limit is not None and len(out) >= limit:
                break
            i = best.end
        return out

    def find_all(
        self, tokens: Sequence[str], boundary: Sequence[bool] | None = None
    ) -> list[PhraseMatch]:
        """Return every match (overlapping allowed), longest at each start.

        Args:
            tokens: Lower-case word tokens.
            boundary: ``boundary[k]`` is True when token ``k`` starts a new clause;
                needed for patterns ending in ``$`` (without it they never match).
        """
        out: list[PhraseMatch] = []
        root = self._root
        anchored = root.get(_CLAUSE_START)
        n = len(tokens)
        for i in range(n):
            best = self._walk(root.get(tokens[i]), tokens, i, boundary)
            if isinstance(anchored, dict) and boundary is not None and boundary[i]:
                alt = self._walk(anchored.get(tokens[i]), tokens, i, boundary)
                if alt is not None and (best is None or alt.end > best.end):
                    best = alt
            if best is not None:
                out.append(best)
        return out

    @staticmethod
    def _walk(
        node: Any, tokens: Sequence[str], i: int, boundary: Sequence[bool] | None
    ) -> PhraseMatch | None:
        """Longest phrase starting at token ``i`` from trie ``node`` (or None)."""
        n = len(tokens)
        best: PhraseMatch | None = None
        j = i
        while isinstance(node, dict):
            label = node.get(_END)
            if isinstance(label, str):
                best = PhraseMatch(label, i, j + 1)
            end_node = node.get(_CLAUSE_END)
            if (
                isinstance(end_node, dict)
                and boundary is not None
                and (j + 1 >= n or boundary[j + 1])
            ):
                label = end_node.get(_END)
                if isinstance(label, str):
                    best = PhraseMatch(label, i, j + 1)
            j += 1
            if j >= n:
                break
            node = node.get(tokens[j])
        return best
