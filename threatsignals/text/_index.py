"""Similarity of messages and the scalable :class:`TextIndex`.

Scoring (:func:`similarity`): both texts are normalised and masked
(:mod:`._mask`), then compared with rapidfuzz's ``token_set_ratio``; when either
masked text has fewer than :data:`_rules.SHORT_TEXT_TOKENS` words the strict
character-level ``fuzz.ratio`` is used instead (a short text shares all of its
few words with many longer ones). Scores are rounded to 0.1.

Search (:class:`TextIndex`): an exact dictionary on the masked form, then MinHash
over character shingles of the masked text with LSH banding (a sorted numpy array
of band keys plus a small dictionary for recent additions) to find candidates,
then the same scorer on the candidates only.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from threatsignals.errors import InvalidInputError
from threatsignals.text import _rules as rules
from threatsignals.text._mask import mask
from threatsignals.text._normalize import normalize

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["TextIndex", "masked_score", "minhash", "similarity"]

_log = logging.getLogger(__name__)

_SEED = 0x54534947  # "TSIG": fixed, so signatures are stable across runs
_MAX_CANDIDATES = 4000
_MERGE_MIN = 2048


def _n_words(masked: str) -> int:
    return masked.count(" ") + 1 if masked else 0


_KINDS_CACHE: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
_SHOOT_WORDS = rules.THREAT_KINDS["firearm"] & rules.THREAT_KINDS["attack"]


def _threat_at(ws: list[str]) -> list[tuple[int, str]]:
    """``(position, kind)`` of each threat word in a masked word list."""
    out: list[tuple[int, str]] = []
    for i, w in enumerate(ws):
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if w in rules.BLOW_WORDS:
            if nxt == "up" or (
                nxt in {"it", "them", "us"} and ws[i + 2 : i + 3] == ["up"]
            ):
                out.append((i, "explosive"))
            continue
        if w in _SHOOT_WORDS and nxt in rules.SHOOT_NOT_THREAT_NEXT:
            continue
        for kind, vocab in rules.THREAT_KINDS.items():
            if w in vocab:
                out.append((i, kind))
    return out


def _threat(masked: str) -> tuple[frozenset[str], frozenset[str]]:
    """``(kinds, words)``: the kinds of harm a masked text threatens and the words."""
    hit = _KINDS_CACHE.get(masked)
    if hit is not None:
        return hit
    ws = masked.split()
    at = _threat_at(ws)
    out = (frozenset(k for _, k in at), frozenset(ws[i] for i, _ in at))
    if len(_KINDS_CACHE) > 4096:
        _KINDS_CACHE.clear()
    _KINDS_CACHE[masked] = out
    return out


def threat_kinds(masked: str) -> frozenset[str]:
    """Kinds of harm a masked text threatens (see ``_rules.THREAT_KINDS``)."""
    return _threat(masked)[0]


def _misspelled_in(found: frozenset[str], other: str) -> bool:
    """Whether a threat word of one text appears misspelled in the other."""
    if not found:
        return False
    for v in set(other.split()):
        for w in found:
            # short words ("gun") only with a doubled or added letter ("ggun")
            lo = len(w) - (1 if len(w) >= rules.THREAT_TYPO_MIN else 0)
            if (
                lo <= len(v) <= len(w) + 1
                and v != w
                and v not in rules.STOPWORDS  # "will" is not "kill"
                and OSA.distance(v, w, score_cutoff=1) <= 1
            ):
                return True
    return False


def _guard(a: str, b: str, score: float) -> float:
    """Lower ``score`` when one text substitutes a threat the other lacks.

    The texts' kinds of harm (:func:`threat_kinds`) must be disjoint, and a
    threat word of one must stand where the other has other words, aligned word
    by word ("bringing a gun to" / "bringing a cake to"; a bomb / a water leak).
    A threat word in a sentence the other text does not have at all is an
    addition (a notice with one more item), and a threat word the other text
    has misspelled ("uomb", "bombss") is no difference.
    """
    ka, wa = _threat(a)
    kb, wb = _threat(b)
    if not (ka or kb) or (ka & kb):
        return score
    if _misspelled_in(wa, b) or _misspelled_in(wb, a):
        return score
    xa = a.split()
    xb = b.split()
    if (wa and _substituted(xa, xb)) or (wb and _substituted(xb, xa)):
        return round(score * rules.THREAT_KIND_PENALTY, 1)
    return score


def _substituted(src: list[str], dest: list[str]) -> bool:
    """Whether a threat word of ``src`` is replaced by other words in ``dest``.

    A threat word aligned with the same word in ``dest`` counts too: ``dest``
    does not read it as a threat ("shoot up the" / "shoot hoops after").
    """
    at = sorted({i for i, _ in _threat_at(src)})
    for op in Levenshtein.opcodes(src, dest):
        if op.tag in ("replace", "equal") and any(
            op.src_start <= i < op.src_end for i in at
        ):
            return True
    return False


def masked_score(a: str, b: str) -> float:
    """Score two masked templates (0..100), symmetric.

    Args:
        a: A masked text (see :func:`threatsignals.text._mask.mask`).
        b: Another masked text.

    Returns:
        ``token_set_ratio``, or ``ratio`` when either text is short; 100 when
        equal (two empty texts included), 0 when exactly one is empty. Scaled by
        ``_rules.THREAT_KIND_PENALTY`` when the texts threaten disjoint kinds of
        harm (:func:`threat_kinds`: a gun against nothing, a bomb against a leak).
    """
    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    if min(_n_words(a), _n_words(b)) < rules.SHORT_TEXT_TOKENS:
        return _guard(a, b, round(float(fuzz.ratio(a, b)), 1))
    return _guard(a, b, round(float(fuzz.token_set_ratio(a, b)), 1))


def similarity(a: str, b: str) -> float:
    """Return how alike two messages are as templates, 0..100.

    Slots (school names, people, places, dates, times, numbers, contacts, ids)
    are masked first, so the same message sent to another school with another
    date scores (close to) 100. Symmetric; ``similarity(x, x) == 100``.

    Args:
        a: A message.
        b: Another message.

    Returns:
        The similarity, 0..100.

    Raises:
        TypeError: Either argument is not a string.

    Example:
        >>> similarity("Bomb in Oak High at 3pm", "bomb in Elm High at 10am") >= 80
        True
    """
    if not isinstance(a, str) or not isinstance(b, str):
        raise TypeError("similarity() takes two strings")
    if a == b:
        return 100.0
    return masked_score(mask(normalize(a)), mask(normalize(b)))


# ---------------------------------------------------------------------------
# MinHash


def _perms() -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 2**63, size=rules.NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=rules.NUM_PERM, dtype=np.uint64)
    return a, b


_A, _B = _perms()
_ROWS = rules.NUM_PERM // rules.BANDS
_BAND_MIX = np.random.default_rng(_SEED + 1).integers(
    1, 2**63, size=(rules.BANDS, _ROWS), dtype=np.uint64
) | np.uint64(1)
_BAND_SALT = np.random.default_rng(_SEED + 2).integers(
    0, 2**63, size=rules.BANDS, dtype=np.uint64
)


def _shingle_hashes(masked: str) -> NDArray[np.uint64]:
    k = rules.SHINGLE
    if len(masked) <= k:
        grams = {masked}
    else:
        grams = {masked[i : i + k] for i in range(len(masked) - k + 1)}
        plain = {g for g in grams if "<" not in g and ">" not in g}
        if plain:
            grams = plain
    return np.fromiter(
        (zlib.crc32(g.encode("utf-8", "surrogatepass")) for g in grams),
        dtype=np.uint64,
        count=len(grams),
    )


def minhash(masked: str) -> NDArray[np.uint32]:
    """Return the MinHash signature (``NUM_PERM`` uint32 values) of a masked text."""
    h = _shingle_hashes(masked)
    vals = (h[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    out: NDArray[np.uint32] = vals.min(axis=0).astype(np.uint32)
    return out


def minhash_many(texts: Sequence[str], chunk: int = 256) -> NDArray[np.uint32]:
    """Return signatures of many masked texts at once, shape ``(len, NUM_PERM)``."""
    out = np.empty((len(texts), rules.NUM_PERM), dtype=np.uint32)
    for start in range(0, len(texts), chunk):
        part = texts[start : start + chunk]
        hs = [_shingle_hashes(t) for t in part]
        lengths = np.fromiter((len(x) for x in hs), dtype=np.int64, count=len(hs))
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        allh = np.concatenate(hs)
        vals = np.multiply(allh[:, None], _A[None, :])
        vals += _B[None, :]
        vals >>= np.uint64(32)
        out[start : start + len(part)] = np.minimum.reduceat(vals, offsets, axis=0)
    return out


_SIG_PREFIX = f"mh1-{rules.SHINGLE}-{rules.NUM_PERM}:"


def signature_hex(sig: NDArray[np.uint32]) -> str:
    """Encode a signature as hex text (big-endian uint32s) with a version prefix."""
    return _SIG_PREFIX + sig.astype(">u4").tobytes().hex()


def signature_from_hex(text: str) -> NDArray[np.uint32] | None:
    """Decode :func:`signature_hex` output; None if it is not a current signature."""
    n = len(_SIG_PREFIX)
    if not text.startswith(_SIG_PREFIX) or len(text) != n + rules.NUM_PERM * 8:
        return None
    try:
        raw = bytes.fromhex(text[n:])
    except ValueError:
        return None
    return np.frombuffer(raw, dtype=">u4").astype(np.uint32)


def _band_keys(sigs: NDArray[np.uint32]) -> NDArray[np.uint64]:
    """Band keys, shape ``(n, BANDS)``: one 64-bit hash per band of each signature."""
    s = sigs.astype(np.uint64).reshape(len(sigs), rules.BANDS, _ROWS)
    mixed = (s * _BAND_MIX[None, :, :]).sum(axis=2, dtype=np.uint64)
    out: NDArray[np.uint64] = mixed ^ _BAND_SALT[None, :]
    return out


def _jaccard_bound(min_score: float) -> float:
    for score, bound in rules.MIN_JACCARD:
        if min_score >= score:
            return bound
    return 0.0


# ---------------------------------------------------------------------------
# the index


class TextIndex:
    """Find archived messages that share a template with a new one.

    ``add(key, text)`` stores a message; ``search(text)`` returns
    ``[(key, score), ...]`` best first with ``score >= min_score``, where
    ``score == similarity(text, stored_text)``. Lookups use an exact table on the
    masked form and MinHash-LSH candidates re-ranked with rapidfuzz, so they stay
    fast at 100k messages. Not thread-safe for concurrent ``add``.

    Examples:
        >>> idx = TextIndex()
        >>> idx.add("r1", "There is a bomb at Oak Ridge High, it goes off at 2pm")
        >>> [k for k, _ in idx.search("there is a b0mb at Elm Park High it goes off at noon")]
        ['r1']
    """

    def __init__(self) -> None:
        self._keys: list[Hashable | None] = []
        self._masked: list[str] = []
        self._doc: dict[Hashable, int] = {}
        self._exact: dict[str, list[int]] = {}
        self._sorted_keys: NDArray[np.uint64] = np.empty(0, dtype=np.uint64)
        self._sorted_docs: NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self._tail: dict[int, list[int]] = {}
        self._tail_docs = 0
        self._live = 0
        self._sigs: NDArray[np.uint32] = np.empty((64, rules.NUM_PERM), dtype=np.uint32)
        self._alive: NDArray[np.bool_] = np.zeros(64, dtype=np.bool_)
        self._short_arr: NDArray[np.bool_] = np.zeros(64, dtype=np.bool_)

    def __len__(self) -> int:
        return self._live

    def __contains__(self, key: object) -> bool:
        return isinstance(key, Hashable) and key in self._doc

    def __repr__(self) -> str:
        return f"TextIndex(size={self._live})"

    # -- adding ----------------------------------------------------------------

    def add(self, key: Hashable, text: str) -> None:
        """Index ``text`` under ``key`` (replacing what ``key`` held before).

        Args:
            key: Any hashable id (an archive report id, a file name).
            text: The raw message.

        Raises:
            TypeError: ``text`` is not a string.
        """
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        self.add_masked(key, mask(normalize(text)))

    def add_masked(
        self, key: Hashable, masked: str, signature: NDArray[np.uint32] | None = None
    ) -> None:
        """Index an already masked text (the archive stores masked texts).

        Args:
            key: Any hashable id.
            masked: Output of the masking step.
            signature: Its MinHash signature, if already known.
        """
        self.add_many_masked(
            [(key, masked)], None if signature is None else [signature]
        )

    def add_many_masked(
        self,
        items: Sequence[tuple[Hashable, str]],
        signatures: Sequence[NDArray[np.uint32] | None] | None = None,
    ) -> None:
        """Index many masked texts at once (vectorised MinHash).

        Args:
            items: ``(key, masked)`` pairs.
            signatures: Matching signatures (or None entries) if already known.
        """
        latest: dict[Hashable, tuple[str, NDArray[np.uint32] | None]] = {}
        for pos, (key, masked) in enumerate(items):
            if key in self._doc:
                self.remove(key)
            latest.pop(key, None)  # a key given twice keeps its last text
            sig = signatures[pos] if signatures is not None else None
            latest[key] = (masked, sig)
        todo = [(k, m, sig) for k, (m, sig) in latest.items() if m]
        if not todo:
            return
        missing = [i for i, t in enumerate(todo) if t[2] is None]
        sigs = np.empty((len(todo), rules.NUM_PERM), dtype=np.uint32)
        if missing:
            sigs[missing] = minhash_many([todo[i][1] for i in missing])
        for i, t in enumerate(todo):
            if t[2] is not None:
                sigs[i] = t[2]
        keys = _band_keys(sigs)
        need = len(self._keys) + len(todo)
        if need > len(self._sigs):
            grown = np.empty(
                (max(need, 2 * len(self._sigs)), rules.NUM_PERM), dtype=np.uint32
            )
            grown[: len(self._keys)] = self._sigs[: len(self._keys)]
            self._sigs = grown
            alive = np.zeros(len(grown), dtype=np.bool_)
            alive[: len(self._keys)] = self._alive[: len(self._keys)]
            self._alive = alive
            short = np.zeros(len(grown), dtype=np.bool_)
            short[: len(self._keys)] = self._short_arr[: len(self._keys)]
            self._short_arr = short
        self._sigs[len(self._keys) : need] = sigs
        self._alive[len(self._keys) : need] = True
        first = len(self._keys)
        bulk = len(todo) >= _MERGE_MIN
        for (key, masked, _), row in zip(todo, keys, strict=True):
            doc = len(self._keys)
            self._keys.append(key)
            self._masked.append(masked)
            self._short_arr[doc] = _n_words(masked) < rules.SHORT_TEXT_TOKENS
            self._doc[key] = doc
            self._exact.setdefault(masked, []).append(doc)
            if not bulk:
                for bk in row.tolist():
                    self._tail.setdefault(bk, []).append(doc)
                self._tail_docs += 1
            self._live += 1
        if bulk:
            # large batches go straight into the sorted arrays (one sort)
            docs = np.repeat(
                np.arange(first, first + len(todo), dtype=np.int64), rules.BANDS
            )
            self._merge(keys.reshape(-1), docs)
        elif self._tail_docs >= max(
            _MERGE_MIN, len(self._sorted_docs) // (4 * rules.BANDS)
        ):
            self._merge()

    def _merge(
        self,
        extra_keys: NDArray[np.uint64] | None = None,
        extra_docs: NDArray[np.int64] | None = None,
    ) -> None:
        """Move recent additions (and a bulk batch) into the sorted arrays."""
        parts_k = [self._sorted_keys]
        parts_d = [self._sorted_docs]
        if self._tail:
            n = sum(len(v) for v in self._tail.values())
            tk = np.empty(n, dtype=np.uint64)
            td = np.empty(n, dtype=np.int64)
            pos = 0
            for bk, docs in self._tail.items():
                m = len(docs)
                tk[pos : pos + m] = bk
                td[pos : pos + m] = docs
                pos += m
            parts_k.append(tk)
            parts_d.append(td)
        if extra_keys is not None and extra_docs is not None:
            parts_k.append(extra_keys)
            parts_d.append(extra_docs)
        if len(parts_k) == 1:
            return
        keys = np.concatenate(parts_k)
        docs_all = np.concatenate(parts_d)
        order = np.argsort(keys, kind="stable")
        self._sorted_keys = keys[order]
        self._sorted_docs = docs_all[order]
        self._tail = {}
        self._tail_docs = 0

    def remove(self, key: Hashable) -> bool:
        """Forget ``key``; returns whether it was present."""
        doc = self._doc.pop(key, None)
        if doc is None:
            return False
        self._keys[doc] = None
        self._alive[doc] = False
        masked = self._masked[doc]
        docs = self._exact.get(masked)
        if docs is not None:
            docs.remove(doc)
            if not docs:
                del self._exact[masked]
        self._live -= 1
        return True

    # -- searching -------------------------------------------------------------

    def search(
        self, text: str, min_score: float | None = None
    ) -> list[tuple[Hashable, float]]:
        """Return stored messages similar to ``text``, best first.

        Args:
            text: The raw message.
            min_score: Lowest score returned (0..100); the default threshold
                (:data:`DEFAULT_MIN_SCORE`, chosen on the labelled corpus) when None.

        Returns:
            ``(key, score)`` pairs, highest score first (ties by insertion order).

        Raises:
            TypeError: ``text`` is not a string.
            InvalidInputError: ``min_score`` is NaN (above 100 nothing matches;
                below 0 counts as 0).
        """
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        return self.search_masked(mask(normalize(text)), min_score)

    def _candidates(self, masked: str, min_score: float = 0.0) -> list[int]:
        sig = minhash(masked)
        qk = _band_keys(sig[None, :])[0]
        found: list[NDArray[np.int64]] = []
        if len(self._sorted_keys):
            lo = np.searchsorted(self._sorted_keys, qk, side="left")
            hi = np.searchsorted(self._sorted_keys, qk, side="right")
            for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
                if b > a:
                    found.append(self._sorted_docs[a:b])
        for bk in qk.tolist():
            docs = self._tail.get(bk)
            if docs:
                found.append(np.asarray(docs, dtype=np.int64))
        if not found:
            return []
        uniq = np.unique(np.concatenate(found))
        # estimated Jaccard from the full signatures: drop chance collisions
        est = (self._sigs[uniq] == sig[None, :]).mean(axis=1)
        keep = est >= _jaccard_bound(min_score)
        uniq, est = uniq[keep], est[keep]
        if len(uniq) > _MAX_CANDIDATES:
            top = np.argsort(-est, kind="stable")[:_MAX_CANDIDATES]
            uniq = np.sort(uniq[top])
        uniq = uniq[self._alive[uniq]]
        result: list[int] = uniq.tolist()
        return result

    def search_masked(
        self, masked: str, min_score: float | None = None
    ) -> list[tuple[Hashable, float]]:
        """Like :meth:`search` for an already masked text."""
        threshold = rules.DEFAULT_MIN_SCORE if min_score is None else float(min_score)
        if threshold != threshold:  # NaN
            raise InvalidInputError("must be a number within 0..100", field="min_score")
        if not masked or not self._live or threshold > 100.0:
            return []
        threshold = max(threshold, 0.0)  # rapidfuzz rejects cut-offs outside 0..100
        exact = self._exact.get(masked, [])
        cands = self._candidates(masked, threshold)
        if exact:
            cands = sorted(set(cands).union(exact))
        if not cands:
            return []
        out = self._score(masked, cands, exact, threshold)
        out.sort(key=lambda t: (-t[1], t[0]))
        return [(self._keys[d], s) for d, s in out]

    def _score(
        self, masked: str, docs: list[int], exact: list[int], threshold: float
    ) -> list[tuple[int, float]]:
        """Return ``(doc, score)`` of candidates at or above ``threshold``.

        Scores are exactly what :func:`masked_score` gives for the pair.
        """
        texts = [self._masked[d] for d in docs]
        q_short = _n_words(masked) < rules.SHORT_TEXT_TOKENS
        # score each distinct text once (wave copies often mask to the same text)
        slot: dict[str, int] = {}
        inv = np.fromiter(
            (slot.setdefault(t, len(slot)) for t in texts),
            dtype=np.int64,
            count=len(texts),
        )
        # rapidfuzz may skip work below the cutoff; scores at or above it are exact
        cutoff = max(0.0, threshold - 0.05)
        scorer = fuzz.ratio if q_short else fuzz.token_set_ratio
        raw = process.cdist(
            [masked], list(slot), scorer=scorer, dtype=np.float64, score_cutoff=cutoff
        )[0][inv]
        out: list[tuple[int, float]] = []
        exact_set = set(exact)
        if not q_short:
            # short stored texts are scored with the strict scorer instead
            for i in np.nonzero(self._short_arr[docs])[0].tolist():
                raw[i] = -1.0  # recomputed below
        for i in np.nonzero((raw >= cutoff) | (raw < 0))[0].tolist():
            d = docs[i]
            if d in exact_set:
                score = 100.0
            elif raw[i] < 0:
                score = round(float(fuzz.ratio(masked, texts[i])), 1)
            else:
                score = round(float(raw[i]), 1)
            if d not in exact_set:
                score = _guard(masked, texts[i], score)
            if score >= threshold:
                out.append((d, score))
        return out

    # -- for benchmarks and tests ----------------------------------------------

    def brute_force(self, text: str) -> tuple[Hashable, float] | None:
        """Best match by scoring every stored text (slow; a reference for tests)."""
        masked = mask(normalize(text))
        best: tuple[Hashable, float] | None = None
        for doc, key in enumerate(self._keys):
            if key is None:
                continue
            s = masked_score(masked, self._masked[doc])
            if best is None or s > best[1]:
                best = (key, s)
        return best

    def masked_texts(self) -> list[tuple[Hashable, str]]:
        """Return ``(key, masked)`` pairs of everything stored, in insertion order."""
        return [
            (k, m)
            for k, m in zip(self._keys, self._masked, strict=True)
            if k is not None
        ]
