"""End-to-end agreement of ``threatsignals.assess`` with guidance-based expectations.

Runs every scenario in ``benchmarks/_scenarios.py`` and prints one row per scenario
(expected vs actual level, imminence, missing and unexpected codes) and a summary:

* level agreement: actual level within the expected range;
* imminence agreement: over scenarios whose expectation sets it;
* code precision: required codes present / (required present + forbidden present);
* code recall: required codes present / required codes.

Usage: ``.venv/bin/python benchmarks/bench_scenarios.py [--verbose] [NAME ...]``
(``--verbose`` prints each disagreeing scenario's findings and weights).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._scenarios import SCENARIOS, Check, check, run


def _levels(levels: frozenset[object]) -> str:
    order = ["low", "moderate", "high"]
    names = sorted((str(v) for v in levels), key=order.index)
    return "/".join(n[:3] for n in names)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--full", action="store_true", help="accepted for run.py")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args(argv)
    chosen = [s for s in SCENARIOS if not args.names or s.name in args.names]

    rows: list[tuple[str, str, str, str, str, str, str, str]] = []
    results: list[tuple[Check, bool]] = []
    details: list[str] = []
    t0 = time.perf_counter()
    for s in chosen:
        a = run(s)
        c = check(s, a)
        exp = s.expected
        results.append((c, exp.imminent is not None))
        flag = "ok" if c.ok else "DIFF"
        imm_exp = "-" if exp.imminent is None else ("yes" if exp.imminent else "no")
        problems = []
        if c.missing:
            problems.append("missing " + ",".join(sorted(c.missing)))
        if c.unexpected:
            problems.append("unexpected " + ",".join(sorted(c.unexpected)))
        if not c.any_of_ok:
            problems.append("none of " + ",".join(sorted(s.expected.any_of)))
        rows.append(
            (
                flag,
                s.name,
                _levels(exp.levels),
                f"{a.level.value[:3]} {a.score:5.1f}",
                imm_exp,
                "yes" if a.imminent else "no",
                "; ".join(problems),
                ("known gap" if s.known_gap else "")
                + ("" if s.confident else " not confident"),
            )
        )
        if args.verbose and not c.ok:
            fs = ", ".join(f"{f.code}{f.weight:+.2f}" for f in a.findings)
            details.append(f"{s.name}: conflicting={a.conflicting} [{fs}]")
    elapsed = time.perf_counter() - t0

    head = ("", "scenario", "expected", "actual", "imm exp", "imm", "codes", "conf")
    widths = [max(len(r[i]) for r in [*rows, head]) for i in range(len(head) - 1)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths[:-1]) + "  {}"
    print(fmt.format(*head[:-1]) + "  " + head[-1])
    for r in rows:
        print(fmt.format(*r[:-1]) + (f"  ({r[-1].strip()})" if r[-1] else ""))
    for line in details:
        print(line)

    n = len(results)
    level = sum(c.level_ok for c, _ in results)
    imm_n = sum(1 for _, has in results if has)
    imm = sum(c.imminent_ok for c, has in results if has)
    hits = sum(c.hits for c, _ in results)
    required = sum(c.hits + len(c.missing) for c, _ in results)
    forbidden = sum(len(c.unexpected) for c, _ in results)
    any_n = sum(1 for s in chosen if s.expected.any_of)
    any_ok = sum(
        c.any_of_ok
        for (c, _), s in zip(results, chosen, strict=True)
        if s.expected.any_of
    )
    all_ok = sum(c.ok for c, _ in results)
    print()
    print(f"scenarios: {n} ({all_ok} fully agree), {elapsed:.1f} s")
    print(f"level agreement:     {level}/{n} = {level / n:.1%}")
    if imm_n:
        print(f"imminence agreement: {imm}/{imm_n} = {imm / imm_n:.1%}")
    prec = hits / (hits + forbidden) if hits + forbidden else 1.0
    rec = hits / required if required else 1.0
    print(f"code precision:      {prec:.3f} ({forbidden} forbidden code(s) present)")
    print(f"code recall:         {rec:.3f} ({hits}/{required} required codes present)")
    if any_n:
        print(f"any-of satisfied:    {any_ok}/{any_n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
