"""Benchmark of threatsignals.text: match quality and TextIndex speed.

Run: ``.venv/bin/python benchmarks/bench_text.py`` (default: archives of 1k, 10k
and 20k texts, well under 90 s) or ``--full`` (adds 100k).

Quality: a synthetic labelled corpus (``_corpus_text.py``): message families
instantiated for many fictional schools with slot swaps and obfuscation, plus hard
negatives. Every query is scored against every archived text (brute force, the
exact scorer) to sweep thresholds; the chosen default is then measured through
``TextIndex.search`` (the real path). A pair is positive when both texts come from
the same template (one's parts contain the other's), negative when their parts
are disjoint; partial overlaps are left out.

Speed: ``TextIndex.search`` against rapidfuzz brute force
(``process.extractOne`` with ``token_set_ratio`` over the same masked texts) in
the same run, with build time and memory (tracemalloc).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus_text import (
    FAMILIES,
    Generator,
    labelled_corpus,
    relation,
    scale_corpus,
)

from threatsignals.text import _rules as rules
from threatsignals.text import normalize
from threatsignals.text._index import TextIndex, masked_score
from threatsignals.text._mask import mask

THRESHOLDS = (70, 75, 78, 80, 82, 84, 85, 86, 87, 88, 90, 92, 95)
#: The default is the lowest threshold whose pair precision reaches this.
TARGET_PRECISION = 0.999


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_matrix(qm: list[str], am: list[str]) -> np.ndarray:
    """Exact scores of every (query, archived) pair, as ``masked_score`` gives."""
    ts = process.cdist(qm, am, scorer=fuzz.token_set_ratio, dtype=np.float64)
    ra = process.cdist(qm, am, scorer=fuzz.ratio, dtype=np.float64)
    qw = np.array([len(x.split()) for x in qm])
    aw = np.array([len(x.split()) for x in am])
    short = np.minimum(qw[:, None], aw[None, :]) < rules.SHORT_TEXT_TOKENS
    s = np.round(np.where(short, ra, ts), 1)
    eq = np.array([[q == a for a in am] for q in qm])
    s[eq] = 100.0
    empty = (qw[:, None] == 0) | (aw[None, :] == 0)
    s[empty & ~eq] = 0.0
    # the threat-kind guard (it only lowers scores): exact for every pair at or
    # above the lowest threshold swept
    for i, j in zip(*np.nonzero((s >= min(THRESHOLDS)) & ~eq), strict=True):
        s[i, j] = masked_score(qm[i], am[j])
    return s


def quality() -> None:
    print("== quality: labelled synthetic corpus ==")
    t0 = time.perf_counter()
    archive, queries = labelled_corpus()
    am = [mask(normalize(i.text)) for i in archive]
    qm = [mask(normalize(i.text)) for i in queries]
    rel = np.array([[relation(q, a) for a in archive] for q in queries])
    truth = rel == 1
    valid = rel >= 0
    n_pos_q = int(truth.any(axis=1).sum())
    kinds: dict[str, int] = {}
    for item in archive + queries:
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    print(
        f"archive {len(archive)} texts, queries {len(queries)} "
        f"({n_pos_q} with a same-template text archived); kinds {kinds}"
    )
    print(
        f"pairs: {int(truth.sum())} positive, {int((rel == 0).sum())} negative, "
        f"{int((~valid).sum())} ambiguous (left out)"
    )
    s = score_matrix(qm, am)
    print("\nthreshold sweep (brute force, exact scorer), pair level and query level")
    print(
        "query level: a query is flagged 'recycled' when its best match reaches the "
        "threshold; correct when that best match is the same template"
    )
    print(
        f"{'min':>5} {'P':>7} {'R':>7} {'F1':>7} {'FP':>5} {'FN':>5} | "
        f"{'qP':>7} {'qR':>7} {'qF1':>7}"
    )
    chosen = None
    rows = np.arange(len(queries))
    best = s.argmax(axis=1)
    best_ok = truth[rows, best]
    for th in THRESHOLDS:
        pred = (s >= th) & valid
        tp = int((pred & truth).sum())
        fp = int((pred & ~truth).sum())
        fn = int((~pred & truth).sum())
        p, r, f = _prf(tp, fp, fn)
        flagged = s.max(axis=1) >= th
        qtp = int((flagged & best_ok).sum())
        qfp = int((flagged & ~best_ok).sum())
        qfn = n_pos_q - qtp
        qp, qr, qf = _prf(qtp, qfp, qfn)
        mark = ""
        if chosen is None and p >= TARGET_PRECISION:
            chosen = th
            mark = f"  <- lowest with P >= {TARGET_PRECISION:.3f}"
        print(
            f"{th:>5} {p:7.4f} {r:7.4f} {f:7.4f} {fp:5d} {fn:5d} | "
            f"{qp:7.4f} {qr:7.4f} {qf:7.4f}{mark}"
        )
    default = rules.DEFAULT_MIN_SCORE
    print(f"\ndefault min_score in _rules.py: {default} (sweep suggests {chosen})")

    # the real path: TextIndex.search at the default threshold
    idx = TextIndex()
    idx.add_many_masked(list(enumerate(am)))
    tp = fp = fn = 0
    qtp = qfp = 0
    for qi, q in enumerate(qm):
        hits = idx.search_masked(q)
        got = {k for k, _ in hits}
        for ai in np.nonzero(truth[qi])[0].tolist():
            if ai in got:
                tp += 1
            else:
                fn += 1
        for ai in got:
            if rel[qi, ai] == 0:
                fp += 1
        if hits:
            if truth[qi, hits[0][0]]:
                qtp += 1
            else:
                qfp += 1
    p, r, f = _prf(tp, fp, fn)
    qp, qr, qf = _prf(qtp, qfp, n_pos_q - qtp)
    print(
        f"TextIndex.search at default {default}: pairs P={p:.4f} R={r:.4f} F1={f:.4f} "
        f"(tp={tp} fp={fp} fn={fn}); queries P={qp:.4f} R={qr:.4f} F1={qf:.4f}"
    )
    by_kind: dict[str, list[int]] = {}
    for qi, item in enumerate(queries):
        flagged = bool(idx.search_masked(qm[qi]))
        pos = bool(truth[qi].any())
        b = by_kind.setdefault(
            item.kind + (" (archived family)" if pos else ""), [0, 0]
        )
        b[0] += 1
        b[1] += flagged
    for k, (n, fl) in sorted(by_kind.items()):
        print(f"  {k:32s} {n:4d} queries, flagged recycled: {fl}")
    print(f"(quality section {time.perf_counter() - t0:.1f} s)")


def fresh() -> None:
    """Figures on the independent set (``_fresh_text.py``), written separately."""
    from _fresh_text import CODES, DIFFERENT, FINDINGS, SAME, SCHOOLS

    from threatsignals.text import analyze, similarity

    print("\n== quality: independent set (_fresh_text.py) ==")
    thr = rules.DEFAULT_MIN_SCORE
    tp = sum(similarity(a, b) >= thr for a, b in SAME)
    fp = sum(similarity(a, b) >= thr for a, b in DIFFERENT)
    idx = TextIndex()
    for i, (a, _) in enumerate(SAME):
        idx.add(("same", i), a)
    for i, (a, _) in enumerate(DIFFERENT):
        idx.add(("diff", i), a)
    itp = sum(
        ("same", i) in {k for k, _ in idx.search(b)} for i, (_, b) in enumerate(SAME)
    )
    ifp = sum(
        ("diff", i) in {k for k, _ in idx.search(b)}
        for i, (_, b) in enumerate(DIFFERENT)
    )
    p, r, f = _prf(tp, fp, len(SAME) - tp)
    print(
        f"pairs at {thr:g} (similarity): same-template {tp}/{len(SAME)} matched, "
        f"different-template {fp}/{len(DIFFERENT)} matched: P={p:.3f} R={r:.3f} "
        f"F1={f:.3f}"
    )
    print(
        f"through TextIndex.search (all {len(SAME) + len(DIFFERENT)} first texts "
        f"archived): same-template partner found {itp}/{len(SAME)}, "
        f"different-template partner returned {ifp}/{len(DIFFERENT)}"
    )
    counts = {c: [0, 0, 0] for c in sorted(CODES)}
    exact = 0
    for message, key, expected in FINDINGS:
        got = {f.code for f in analyze(message, school=SCHOOLS[key]).findings} & CODES
        exact += got == expected
        for c in CODES:
            counts[c][0 if c in got and c in expected else 1 if c in got else 2] += (
                c in got or c in expected
            )
    print(f"findings: {exact}/{len(FINDINGS)} messages with exactly the expected codes")
    print(f"  {'code':24s} {'tp':>3} {'fp':>3} {'fn':>3}      P      R")
    tot = [0, 0, 0]
    for c, (ctp, cfp, cfn) in counts.items():
        tot = [tot[0] + ctp, tot[1] + cfp, tot[2] + cfn]
        cp, cr, _ = _prf(ctp, cfp, cfn)
        print(f"  {c:24s} {ctp:3d} {cfp:3d} {cfn:3d}  {cp:.3f}  {cr:.3f}")
    cp, cr, _ = _prf(*tot)
    print(
        f"  {'all (micro)':24s} {tot[0]:3d} {tot[1]:3d} {tot[2]:3d}  {cp:.3f}  {cr:.3f}"
    )


def _queries(n: int, seed: int = 99) -> tuple[list[str], list[str]]:
    """Wave-template instances and phrase-bank unique threats (masked, long enough
    for token-set scoring, so that brute force uses the same scorer)."""
    g = Generator(seed)
    wave = [g.instantiate(k % len(FAMILIES), g.school()) for k in range(n * 3 // 4)]
    unique = [
        g.unique_threat(g.school(), distinct=False)[0] for _ in range(n - len(wave))
    ]

    def prep(texts: list[str]) -> list[str]:
        masked = [mask(normalize(t)) for t in texts]
        return [m for m in masked if len(m.split()) >= rules.SHORT_TEXT_TOKENS]

    return prep(wave), prep(unique)


def _time_search(
    idx: TextIndex, queries: list[str], passes: int = 3
) -> tuple[list[float], list[list]]:
    """Per-query latency, the best of ``passes`` runs (the machine is shared)."""
    best = [float("inf")] * len(queries)
    results: list[list] = []
    for _ in range(passes):
        results = []
        for i, q in enumerate(queries):
            t = time.perf_counter()
            results.append(idx.search_masked(q))
            best[i] = min(best[i], time.perf_counter() - t)
    return best, results


def speed(sizes: list[int], n_queries: int) -> None:
    print("\n== speed: TextIndex.search vs rapidfuzz brute force ==")
    wave_q, unique_q = _queries(n_queries)
    print(
        f"queries: {len(wave_q)} wave-template instances (mutated copies of archived "
        f"templates) and {len(unique_q)} unique threats from the phrase bank (an "
        "adversarial case: half the archive is built from the same 75 phrases)"
    )
    print(
        "archive: 5% wave instances of "
        f"{len(FAMILIES)} templates, 95% negatives (phrase-bank threats, notices, sports)"
    )
    print(
        f"{'size':>7} {'mask s':>7} {'build s':>8} {'mem MB':>7} {'wave ms':>8} "
        f"{'p95':>6} {'uniq ms':>8} {'p95':>6} {'brute ms':>9} {'x wave':>7} "
        f"{'x all':>6} {'same best':>10} {'hits/q':>7}"
    )
    for n in sizes:
        items = scale_corpus(n, wave_share=0.05)
        t = time.perf_counter()
        masked = [mask(normalize(i.text)) for i in items]
        t_mask = time.perf_counter() - t
        pairs = list(enumerate(masked))
        gc.collect()
        t = time.perf_counter()
        idx = TextIndex()
        idx.add_many_masked(pairs)
        t_build = time.perf_counter() - t
        del idx
        gc.collect()
        tracemalloc.start()
        idx = TextIndex()
        idx.add_many_masked(pairs)
        idx._merge()
        mem = tracemalloc.get_traced_memory()[0] / 1e6
        tracemalloc.stop()
        w_lat, w_res = _time_search(idx, wave_q)
        u_lat, u_res = _time_search(idx, unique_q)
        queries = wave_q + unique_q
        results = w_res + u_res
        # brute force on a subset when large (it is slow by construction)
        step = 1 if n <= 20_000 else 5
        bf_lat = []
        same = 0
        compared = 0
        for q, res in list(zip(queries, results, strict=True))[::step]:
            t = time.perf_counter()
            best = process.extractOne(q, masked, scorer=fuzz.token_set_ratio)
            bf_lat.append(time.perf_counter() - t)
            assert best is not None
            # the exact best: raw scores at the threshold, then the threat-kind
            # guard that masked_score applies (it only lowers scores)
            hits = process.extract(
                q,
                masked,
                scorer=fuzz.token_set_ratio,
                score_cutoff=rules.DEFAULT_MIN_SCORE - 0.05,
                limit=None,
            )
            bscore = max(
                (masked_score(q, masked[h[2]]) for h in hits),
                default=round(float(best[1]), 1),
            )
            if short := len(masked[best[2]].split()) < rules.SHORT_TEXT_TOKENS:
                pass  # brute force scored a short text with token_set: not comparable
            compared += not short
            if not short and (
                (bscore < rules.DEFAULT_MIN_SCORE and not res)
                or (res and res[0][1] == bscore)
            ):
                same += 1
        wm = statistics.mean(w_lat) * 1000
        um = statistics.mean(u_lat) * 1000
        am_ = statistics.mean(w_lat + u_lat) * 1000
        bms = statistics.mean(bf_lat) * 1000
        hits = statistics.mean(len(r) for r in results)
        print(
            f"{n:>7} {t_mask:7.1f} {t_build:8.2f} {mem:7.1f} {wm:8.2f} "
            f"{np.percentile(w_lat, 95) * 1000:6.2f} {um:8.2f} "
            f"{np.percentile(u_lat, 95) * 1000:6.2f} {bms:9.1f} {bms / wm:6.0f}x "
            f"{bms / am_:5.0f}x {same:>4}/{compared:<5} {hits:7.1f}"
        )
        del idx, masked, pairs, items
        gc.collect()
    print(
        "index latency: best of 3 runs per query; brute force: one run (every "
        "query up to 20k, every 5th at 100k)"
    )
    print(
        "x wave / x all: brute-force time over index time for wave queries / all "
        "queries; 'same best': the index's best score equals brute force's best "
        "score (or both find nothing at the default threshold)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="also measure 100k texts")
    ap.add_argument("--queries", type=int, default=120)
    ap.add_argument("--skip-quality", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if not args.skip_quality:
        quality()
        fresh()
    sizes = [1_000, 10_000, 20_000] + ([100_000] if args.full else [])
    speed(sizes, args.queries)
    print(f"\ntotal {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
