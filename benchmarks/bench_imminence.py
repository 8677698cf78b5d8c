"""Benchmark the imminence analyzer: quality on a labelled corpus, and speed.

Run: ``.venv/bin/python benchmarks/bench_imminence.py [--full] [--errors]``.

Quality: per-category precision/recall/F1, micro-F1 and the share of negatives
flagged, on the synthetic corpus in ``_corpus_imminence.py`` (with its three small
held-out sets) and on the generalisation sets in ``_heldout_imminence.py``: DEV2, DEV3
and DEV4 (tuning allowed) and HELDOUT (never tuned on; its errors are printed only with
``--heldout-errors``), all in the same run. Speed: messages per
second against a naive baseline measured in the same run (one ``re`` keyword scan
per category, no folding and no context), plus hostile inputs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus_imminence import CATEGORIES, corpus, heldout, heldout2, heldout3
from _heldout_imminence import dev2, dev3, dev4
from _heldout_imminence import heldout as heldout_final

from threatsignals import imminence
from threatsignals.model import School

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
#: The school the corpora speak of (names, people and places count as targets).
SCHOOL = School(
    name="Lincoln Heights High School",
    aliases=("LHHS", "Lincoln", "Lincoln High"),
    people=("Ms. Rivera", "Mr. Cole", "Jake", "Coach Diaz"),
    places=("cafeteria", "gym", "library", "band room", "auditorium"),
    timezone="America/Chicago",
)

# The naive baseline: a keyword scan per category (what a quick script would do).
BASELINE = {
    "last_resort": re.compile(
        r"last resort|no other choice|nothing (?:left )?to lose|"
        r"only way|no choice",
        re.I,
    ),
    "diminishing_patience": re.compile(
        r"done waiting|had enough|can'?t take it|"
        r"enough is enough|fed up|last straw",
        re.I,
    ),
    "shrinking_opportunity": re.compile(
        r"last chance|too late|running out of time|"
        r"now or never|time is running out",
        re.I,
    ),
    "legacy_token": re.compile(
        r"manifesto|last will|goodbye letter|remember my name|"
        r"suicide note",
        re.I,
    ),
}


def baseline(text: str) -> set[str]:
    return {cat for cat, rx in BASELINE.items() if rx.search(text)}


def ours(text: str) -> set[str]:
    return {m.category for m in imminence.analyze(text, now=NOW, school=SCHOOL).markers}


def score(items: list[tuple[str, set[str], str]], predict) -> dict[str, object]:
    tp = dict.fromkeys(CATEGORIES, 0)
    fp = dict.fromkeys(CATEGORIES, 0)
    fn = dict.fromkeys(CATEGORIES, 0)
    neg = neg_flagged = 0
    errors: list[tuple[str, set[str], set[str], str]] = []
    for text, expected, kind in items:
        got = predict(text)
        for cat in CATEGORIES:
            if cat in got and cat in expected:
                tp[cat] += 1
            elif cat in got:
                fp[cat] += 1
            elif cat in expected:
                fn[cat] += 1
        if not expected:
            neg += 1
            neg_flagged += bool(got)
        if got != expected:
            errors.append((text, expected, got, kind))
    per = {}
    for cat in CATEGORIES:
        p = tp[cat] / (tp[cat] + fp[cat]) if tp[cat] + fp[cat] else 0.0
        r = tp[cat] / (tp[cat] + fn[cat]) if tp[cat] + fn[cat] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[cat] = (p, r, f, tp[cat] + fn[cat])
    s_tp, s_fp, s_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    mp = s_tp / (s_tp + s_fp) if s_tp + s_fp else 0.0
    mr = s_tp / (s_tp + s_fn) if s_tp + s_fn else 0.0
    mf = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    return {
        "per": per,
        "micro": (mp, mr, mf),
        "neg": neg,
        "neg_flagged": neg_flagged / neg if neg else 0.0,
        "errors": errors,
    }


def show(name: str, res: dict[str, object]) -> None:
    print(f"\n== {name}")
    per = res["per"]
    assert isinstance(per, dict)
    print(f"{'category':24} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for cat, (p, r, f, n) in per.items():
        print(f"{cat:24} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")
    mp, mr, mf = res["micro"]  # type: ignore[misc]
    print(f"{'micro':24} {mp:6.3f} {mr:6.3f} {mf:6.3f}")
    print(f"negatives flagged: {res['neg_flagged']:.1%} of {res['neg']}")


def throughput(texts: list[str], fn, min_seconds: float = 1.0) -> float:
    n = 0
    t0 = time.perf_counter()
    while True:
        for t in texts:
            fn(t)
        n += len(texts)
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            return n / dt


def timed(fn, arg, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--full", action="store_true", help="larger corpus, longer timing")
    ap.add_argument("--errors", action="store_true", help="print misclassified items")
    ap.add_argument(
        "--heldout-errors",
        action="store_true",
        help="also print HELDOUT errors (only after the final measurement)",
    )
    args = ap.parse_args(argv)
    items = corpus(7, n_generated=600 if args.full else 160)
    n_pos = sum(1 for _, e, _ in items if e)
    print(
        f"corpus: {len(items)} messages, {n_pos} positive, {len(items) - n_pos} negative"
    )
    res = score(items, ours)
    show("threatsignals.imminence", res)
    show("baseline: naive keyword regex", score(items, baseline))
    held = heldout()
    held_res = score(held, ours)
    show(f"held-out v1 ({len(held)} messages; used for one tuning round)", held_res)
    held2 = heldout2()
    held2_res = score(held2, ours)
    show(f"held-out v2 ({len(held2)} messages; used for one tuning round)", held2_res)
    held3 = heldout3()
    held3_res = score(held3, ours)
    show(
        f"held-out v3 ({len(held3)} messages; its misses fed the DEV2 round)", held3_res
    )
    show("held-out v3, baseline", score(held3, baseline))
    d2 = dev2()
    d2_res = score(d2, ours)
    show(f"DEV2 ({len(d2)} messages; generalisation round, tuning allowed)", d2_res)
    show("DEV2, baseline", score(d2, baseline))
    d3 = dev3()
    d3_res = score(d3, ours)
    show(f"DEV3 ({len(d3)} messages; second tuning round)", d3_res)
    d4 = dev4()
    d4_res = score(d4, ours)
    show(f"DEV4 ({len(d4)} messages; third tuning round)", d4_res)
    fin = heldout_final()
    fin_res = score(fin, ours)
    show(f"HELDOUT ({len(fin)} messages; never tuned on)", fin_res)
    show("HELDOUT, baseline", score(fin, baseline))
    errors = [*res["errors"], *held_res["errors"], *held2_res["errors"]]
    errors += [*held3_res["errors"], *d2_res["errors"], *d3_res["errors"]]
    errors += d4_res["errors"]  # type: ignore[misc]  # type: ignore[misc]
    if args.heldout_errors:
        errors += fin_res["errors"]  # type: ignore[misc]
    if args.errors:
        print("\nmisclassified (HELDOUT only with --heldout-errors):")
        for text, exp, got, kind in errors:
            print(f"  [{kind}] expected={sorted(exp)} got={sorted(got)}: {text!r}")
    kinds: dict[str, list[int]] = {}
    for text, exp, kind in items:
        if not exp:
            k = kinds.setdefault(kind, [0, 0])
            k[0] += 1
            k[1] += bool(ours(text))
    print(
        "\nnegatives flagged by kind: "
        + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(kinds.items()))
    )

    texts = [t for t, _, _ in items]
    secs = 3.0 if args.full else 1.0
    ours_rate = throughput(texts, ours, secs)
    base_rate = throughput(texts, baseline, secs)
    print(
        f"\nthroughput: {ours_rate:,.0f} msg/s (baseline {base_rate:,.0f} msg/s, "
        f"ratio {ours_rate / base_rate:.3f})"
    )

    def analyze(t: str) -> object:
        return imminence.analyze(t, now=NOW, tz="America/Chicago")

    print("\nhostile and large inputs (best of 3, seconds; 4n/n is ~4 if linear):")
    unit = "I have no other choice, gun at school tomorrow at 10am. "
    cases = {
        "1 MB text": (unit * (250_000 // len(unit)), unit * (1_000_000 // len(unit))),
        "'not ' * n": ("not " * 5_000, "not " * 20_000),
        "'a' * n + '!'": ("a" * 12_500 + "!", "a" * 50_000 + "!"),
        "'1 ' * n": ("1 " * 5_000, "1 " * 20_000),
        "'l a s t ' * n": ("l a s t " * 2_000, "l a s t " * 8_000),
    }
    for name, (small, big) in cases.items():
        a, b = timed(analyze, small), timed(analyze, big)
        print(f"  {name:18} n: {a:.3f}s  4n: {b:.3f}s  ratio {b / max(a, 1e-9):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
