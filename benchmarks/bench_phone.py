"""Phone analyzer benchmark: speed against bare phonenumbers, and place near-miss quality.

Run: ``.venv/bin/python benchmarks/bench_phone.py`` (about 20 s) or ``--full``.

Speed: per-call cost of ``phone.analyze`` (with and without a school) on a realistic
mix of recorded caller IDs (national and URI formats, international, withheld, junk,
spoof patterns), against ``phonenumbers.parse`` + ``is_valid_number`` on the same
strings, measured in the same run, best of several repeats. Target: at most 3x.
The geocoder's import is measured on its own (paid once, on the first call that
needs an area).

Quality: the labelled place pairs of ``_corpus_phone.py`` at several thresholds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import phonenumbers
from _corpus_phone import caller_id_mix, place_pairs

from threatsignals import School
from threatsignals.phone import _analyze, _rules, analyze, place_similarity

SCHOOL = School(
    name="Lincoln Heights High School",
    phone_numbers=("+13125550142", "+13125550143"),
    emergency_numbers=("312-746-6000",),
    places=("Maple Street", "Gymnasium"),
    subdivision="IL",
)


def baseline(items: list[str | None]) -> None:
    for raw in items:
        try:
            num = phonenumbers.parse(raw if isinstance(raw, str) else "", "US")
        except phonenumbers.NumberParseException:
            continue
        phonenumbers.is_valid_number(num)


def ours(items: list[str | None], school: School | None) -> None:
    for raw in items:
        analyze(raw, school=school)


def best_of(fn: Callable[[], None], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        _analyze._AREA_CACHE.clear()  # no credit for numbers seen in a repeat
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def import_costs() -> None:
    code = (
        "import time;t=time.perf_counter();import threatsignals.phone as p;p.analyze;"
        "a=time.perf_counter()-t;import threatsignals as ts;"
        "s=ts.School(name='x',phone_numbers=('+13125550142',),subdivision='IL');"
        "t=time.perf_counter();p.analyze('+12125551234',school=s);b=time.perf_counter()-t;"
        "t=time.perf_counter();p.analyze('+12145551234',school=s);c=time.perf_counter()-t;"
        "print(f'{a*1000:.0f} {b*1000:.0f} {c*1000:.3f}')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"import threatsignals.phone + its analyzer (cold process): {out[0]} ms")
    print(f"first out-of-area call (loads the geocoder once): {out[1]} ms")
    print(f"second out-of-area call: {out[2]} ms")


def speed(n: int, repeats: int) -> None:
    items = caller_id_mix(n)
    analyze("+12125551234", school=SCHOOL)  # geocoder loaded before timing
    base = best_of(lambda: baseline(items), repeats)
    bare = best_of(lambda: ours(items, None), repeats)
    full = best_of(lambda: ours(items, SCHOOL), repeats)
    per = 1e6 / n
    print(f"\nmix of {n} caller IDs, best of {repeats}")
    print(f"  phonenumbers.parse + is_valid_number: {base * per:7.1f} us/call")
    print(
        f"  phone.analyze (no school):            {bare * per:7.1f} us/call  "
        f"ratio {bare / base:.2f}x"
    )
    print(
        f"  phone.analyze (school, geography):    {full * per:7.1f} us/call  "
        f"ratio {full / base:.2f}x  (target <= 3x)"
    )
    counts = Counter(c for raw in items for c in analyze(raw, school=SCHOOL).codes)
    print("  findings on the mix:", dict(sorted(counts.items())))


def places() -> None:
    pairs = place_pairs()
    near = sum(1 for p in pairs if p[2] == "near")
    other = len(pairs) - near
    print(f"\nplace pairs: {near} near misses, {other} different names")
    default = _rules.NEAR_MISS_THRESHOLD
    for threshold in (70.0, 75.0, 80.0, 85.0, 90.0):
        _rules.NEAR_MISS_THRESHOLD = threshold  # type: ignore[misc]
        caught = false = 0
        for heard, known, label in pairs:
            verdict = place_similarity(heard, known)[0]
            if verdict == "near":
                caught += label == "near"
                false += label == "other"
        mark = "  <- default" if threshold == default else ""
        print(
            f"  threshold {threshold:4.0f}: caught {caught}/{near}, "
            f"false near misses {false}/{other}{mark}"
        )
    _rules.NEAR_MISS_THRESHOLD = default  # type: ignore[misc]
    missed = [
        (h, k)
        for h, k, lab in pairs
        if lab == "near" and place_similarity(h, k)[0] != "near"
    ]
    print("  missed at default:", missed[:5])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", action="store_true", help="larger mix, more repeats")
    args = parser.parse_args()
    import_costs()
    speed(20_000 if args.full else 4_000, 7 if args.full else 5)
    places()


if __name__ == "__main__":
    main()
