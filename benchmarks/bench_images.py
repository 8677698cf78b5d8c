"""Benchmark of threatsignals.images: match quality, hashing speed, index speed.

Run: ``.venv/bin/python benchmarks/bench_images.py`` (about a minute) or with
``--full`` (more images, more queries). Everything is generated from seeds
(``benchmarks/_corpus_images.py``); plain ``imagehash.phash`` is measured in the same
run as the baseline.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus_images import EDITS, edited, jpeg, make_image

from threatsignals.images import (
    DEFAULT_THRESHOLD,
    ImageFingerprint,
    ImageIndex,
    fingerprint,
)


def _rows(
    fps: list[ImageFingerprint],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pack fingerprints: 'any' hashes (P+M+W, padded) and primaries (padded)."""
    n = len(fps)
    width_a = max(len(f.primaries) + len(f.mirrors) + len(f.windows) for f in fps)
    width_p = max(len(f.primaries) for f in fps)
    a = np.zeros((n, width_a), np.uint64)
    am = np.zeros((n, width_a), bool)
    p = np.zeros((n, width_p), np.uint64)
    pm = np.zeros((n, width_p), bool)
    for i, f in enumerate(fps):
        hs = f.primaries + f.mirrors + f.windows
        a[i, : len(hs)] = hs
        am[i, : len(hs)] = True
        p[i, : len(f.primaries)] = f.primaries
        pm[i, : len(f.primaries)] = True
    return a, am, p, pm


def pairwise(fps: list[ImageFingerprint]) -> np.ndarray:
    """Distance matrix using exactly the rule of ImageFingerprint.distance."""
    a, am, p, pm = _rows(fps)
    n = len(fps)
    d1 = np.full((n, n), 64, np.uint8)
    for i in range(a.shape[1]):
        for j in range(p.shape[1]):
            d = np.bitwise_count(a[:, i][:, None] ^ p[:, j][None, :])
            d[~am[:, i], :] = 64
            d[:, ~pm[:, j]] = 64
            np.minimum(d1, d, out=d1)
    return np.minimum(d1, d1.T)


def plain_pairwise(hashes: list[int]) -> np.ndarray:
    h = np.array(hashes, np.uint64)
    return np.bitwise_count(h[:, None] ^ h[None, :])


def quality(n_src: int, n_distract: int) -> int:
    print(
        f"== quality: {n_src} originals x {len(EDITS)} edits + {n_distract} distractors"
    )
    items: list[tuple[int, str, bytes]] = []  # (source id, edit, jpeg bytes)
    for s in range(n_src):
        img = make_image(s)
        items.append((s, "original", jpeg(img, 92)))
        for e in EDITS:
            items.append((s, e, edited(img, e, s)))
    for k in range(n_distract):
        items.append((100_000 + k, "distractor", jpeg(make_image(100_000 + k), 90)))
    t0 = time.perf_counter()
    fps = [fingerprint(b) for _, _, b in items]
    t1 = time.perf_counter()
    plain = [
        int(str(imagehash.phash(Image.open(io.BytesIO(b)))), 16) for _, _, b in items
    ]
    t2 = time.perf_counter()
    print(
        f"fingerprinted {len(items)} images in {t1 - t0:.1f} s; plain phash {t2 - t1:.1f} s"
    )
    src = np.array([s for s, _, _ in items])
    edit = np.array([e for _, e, _ in items])
    low = np.array([f.low_detail for f in fps])
    ours = pairwise(fps)
    base = plain_pairwise(plain)
    distinct = src[:, None] != src[None, :]
    iu = np.triu_indices(len(items), 1)
    neg = distinct[iu]
    orig_idx = {s: i for i, (s, e, _) in enumerate(items) if e == "original"}
    n_pairs = int(neg.sum())
    print(f"distinct-image pairs: {n_pairs:,}; low-detail images: {int(low.sum())}")

    def recall(mat: np.ndarray, t: int) -> dict[str, float]:
        out = {}
        for e in EDITS:
            idx = np.flatnonzero(edit == e)
            hits = [mat[i, orig_idx[int(src[i])]] <= t for i in idx]
            out[e] = float(np.mean(hits))
        return out

    def fpr(mat: np.ndarray, t: int) -> float:
        return float((mat[iu][neg] <= t).sum()) / max(1, n_pairs)

    print("\nthreshold sweep (ours):  t   FP rate   mean recall")
    for t in range(4, 19, 1):
        r = recall(ours, t)
        print(f"  {t:>2}  {fpr(ours, t):8.4%}   {np.mean(list(r.values())):6.1%}")
    print("threshold sweep (plain phash):")
    for t in range(4, 19, 2):
        r = recall(base, t)
        print(f"  {t:>2}  {fpr(base, t):8.4%}   {np.mean(list(r.values())):6.1%}")

    t_ours = DEFAULT_THRESHOLD
    fp_ours = fpr(ours, t_ours)
    # Plain phash at the same false-positive rate: the largest threshold whose rate
    # does not exceed ours (or the 0.1% target if ours is lower than any).
    budget = max(fp_ours, 0.0)
    t_base = max((t for t in range(0, 33) if fpr(base, t) <= budget), default=0)
    r_ours = recall(ours, t_ours)
    r_base = recall(base, t_base)
    print(
        f"\nours at t={t_ours}: FP rate {fp_ours:.4%} "
        f"({int((ours[iu][neg] <= t_ours).sum())} of {n_pairs:,} pairs)"
    )
    print(f"plain phash at t={t_base}: FP rate {fpr(base, t_base):.4%}")
    print(f"{'edit':<12} {'ours':>7} {'phash':>7}")
    for e in EDITS:
        print(f"{e:<12} {r_ours[e]:7.1%} {r_base[e]:7.1%}")
    m_ours = float(np.mean(list(r_ours.values())))
    m_base = float(np.mean(list(r_base.values())))
    print(f"{'MEAN':<12} {m_ours:7.1%} {m_base:7.1%}")
    for name, mat in (("ours", ours), ("plain phash", base)):
        t_cap = max((t for t in range(0, 33) if fpr(mat, t) <= 0.001), default=0)
        r_cap = float(np.mean(list(recall(mat, t_cap).values())))
        print(
            f"at the 0.1% FP target: {name} t={t_cap} FP {fpr(mat, t_cap):.4%} "
            f"mean recall {r_cap:.1%}"
        )
    ok = (
        fp_ours <= 0.001
        and m_ours >= 0.90
        and min(r_ours["mirror"], r_ours["border"], r_ours["caption"]) >= 0.95
        and r_ours["crop10"] >= 0.80
    )
    # The same through ImageIndex (gated crop windows): originals and distractors
    # indexed, every edited copy searched.
    index = ImageIndex()
    for i, (s_id, e, _) in enumerate(items):
        if e in ("original", "distractor"):
            index.add(str(s_id), fps[i])
    idx_hits: dict[str, list[bool]] = {e: [] for e in EDITS}
    wrong = 0
    for i, (s_id, e, _) in enumerate(items):
        if e in EDITS:
            res = index.search(fps[i])
            idx_hits[e].append(any(k == str(s_id) for k, _ in res))
            wrong += sum(k != str(s_id) for k, _ in res)
    print(
        "via ImageIndex: "
        + ", ".join(f"{e} {np.mean(v):.1%}" for e, v in idx_hits.items())
    )
    n_q = sum(len(v) for v in idx_hits.values())
    print(
        f"via ImageIndex: {wrong} wrong keys returned over {n_q} queries x "
        f"{len(index)} indexed"
    )
    prim = pairwise([ImageFingerprint(primaries=f.primaries) for f in fps])
    from threatsignals.images._rules import GATE_DISTANCE

    gate_share = float((prim[iu][neg] <= GATE_DISTANCE).mean())
    print(f"distinct pairs within the index gate ({GATE_DISTANCE}): {gate_share:.2%}")
    print(
        "targets (FP<=0.1%, mean>=90%, mirror/border/caption>=95%, crop>=80%):",
        "MET" if ok else "NOT MET",
    )
    return 0 if ok else 1


def throughput(n: int) -> None:
    print(f"\n== throughput: {n} JPEGs of 1.2-1.9 MP")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            size = (1600, 1200) if i % 2 == 0 else (1280, 960)
            p = Path(tmp) / f"img{i}.jpg"
            p.write_bytes(jpeg(make_image(50_000 + i, size), 88))
            paths.append(p)
        best_ours, best_base = 1e9, 1e9
        for _ in range(3):
            t = time.perf_counter()
            for p in paths:
                fingerprint(p)
            best_ours = min(best_ours, time.perf_counter() - t)
            t = time.perf_counter()
            for p in paths:
                imagehash.phash(Image.open(p))
            best_base = min(best_base, time.perf_counter() - t)
    print(f"fingerprint(path):              {1000 * best_ours / n:6.2f} ms/image")
    print(f"imagehash.phash(Image.open(p)): {1000 * best_base / n:6.2f} ms/image")
    print(f"speed-up: {best_base / best_ours:.2f}x (target >= 2x)")


def index_speed(n: int, queries: int) -> None:
    print(f"\n== index: {n:,} indexed images, {queries} queries")
    rng = np.random.default_rng(7)
    hashes = rng.integers(0, 2**63, size=(n, 6), dtype=np.uint64) * np.uint64(2)
    hashes |= rng.integers(0, 2, size=(n, 6), dtype=np.uint64)
    # Make the windows close to the primary, as for real images (distance ~16).
    flips = rng.integers(0, 2**63, size=(n, 4), dtype=np.uint64)
    flips &= rng.integers(0, 2**63, size=(n, 4), dtype=np.uint64)
    hashes[:, 1:5] = hashes[:, :1] ^ (flips & (flips >> np.uint64(3)))
    index = ImageIndex()
    t = time.perf_counter()
    rows = hashes.tolist()
    for i, h in enumerate(rows):
        index.add(
            f"k{i}",
            ImageFingerprint(primaries=(h[0],), windows=tuple(h[1:5]), mirrors=(h[5],)),
        )
    print(f"built in {time.perf_counter() - t:.1f} s")
    times = []
    found = 0
    for q in range(queries):
        target = rows[(q * 7919) % n]
        probe = ImageFingerprint(
            primaries=(target[0] ^ 0b101,),
            windows=tuple(int(x) for x in rng.integers(0, 2**63, size=4)),
            mirrors=(int(rng.integers(0, 2**63)),),
        )
        t = time.perf_counter()
        res = index.search(probe)
        times.append(time.perf_counter() - t)
        found += bool(res) and res[0][0] == f"k{(q * 7919) % n}"
    ms = np.array(times) * 1000
    print(
        f"search: median {np.median(ms):.2f} ms, p90 {np.percentile(ms, 90):.2f} ms "
        f"(target <= 5 ms); found {found}/{queries}"
    )
    # Random hashes pass the window gate less often (~0.4%) than real pictures do
    # (~3.5% of distinct pairs in the quality corpus). Gate 24 lets ~3% of random
    # hashes through: the realistic cost of the window stage.
    from threatsignals.images import _rules

    saved = _rules.GATE_DISTANCE
    _rules.GATE_DISTANCE = 24
    try:
        times = []
        for q in range(queries):
            target = rows[(q * 104729) % n]
            probe = ImageFingerprint(
                primaries=(target[0] ^ 0b101,),
                windows=tuple(int(x) for x in rng.integers(0, 2**63, size=4)),
                mirrors=(int(rng.integers(0, 2**63)),),
            )
            t = time.perf_counter()
            index.search(probe)
            times.append(time.perf_counter() - t)
    finally:
        _rules.GATE_DISTANCE = saved
    ms = np.array(times) * 1000
    print(
        f"search with ~3% of the index through the gate: median "
        f"{np.median(ms):.2f} ms, p90 {np.percentile(ms, 90):.2f} ms"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--full", action="store_true", help="larger corpus and index")
    ap.add_argument("--skip-index", action="store_true", help="skip the 1M index")
    ap.add_argument("--sources", type=int, default=None, help="originals to edit")
    args = ap.parse_args()
    n_src, n_dis = (400, 600) if args.full else (150, 250)
    if args.sources:
        n_src, n_dis = args.sources, args.sources * 5 // 3
    rc = quality(n_src, n_dis)
    throughput(40 if args.full else 16)
    if not args.skip_index:
        index_speed(1_000_000, 200 if args.full else 50)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
