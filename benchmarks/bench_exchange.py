"""Signal exchange: export/import throughput and matching against many imported signals.

Default: 20k reports exported/imported, matching against 100k imported text and image
signals. ``--full``: 100k exported/imported, matching against 1,000,000 of each.
Baselines in the same run: writing the same number of rows with plain ``json.dumps``
(export), and a local-archive text search (`text.analyze`'s own index) for matching.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np

import threatsignals as ts
from threatsignals.images import ImageFingerprint
from threatsignals.images._index import ImageIndex
from threatsignals.text._shared import BANDS, SharedTextIndex, shared_fingerprint

NOW = datetime(2026, 4, 20, 15, 0, tzinfo=UTC)
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey",
    "xray",
    "yankee",
    "zulu",
    "school",
    "devices",
    "building",
    "today",
    "wallet",
    "police",
    "regret",
]


def message(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true")
    full = ap.parse_args().full
    n_reports = 100_000 if full else 20_000
    n_match = 1_000_000 if full else 100_000
    rng = random.Random(5)
    tmp = Path(tempfile.mkdtemp())

    archive = ts.Archive.open(tmp / "a.db")
    schools = [
        ts.School(name=f"School {i}", id=f"s{i}", subdivision="OH") for i in range(200)
    ]
    from threatsignals.archive import ArchivedReport, Outcome
    from threatsignals.text._index import minhash, signature_hex
    from threatsignals.text._mask import mask
    from threatsignals.text._normalize import normalize

    t0 = time.perf_counter()
    batch = []
    for i in range(n_reports):
        text = message(rng)
        masked = mask(normalize(text), None)
        meta = ArchivedReport(
            f"r{i}",
            schools[i % 200].key,
            "email",
            NOW - timedelta(minutes=i),
            NOW,
            Outcome.HOAX,
            region="US",
            subdivision="OH",
        )
        batch.append(
            (
                meta,
                [
                    ("text.masked", masked),
                    ("text.minhash", signature_hex(minhash(masked))),
                ],
            )
        )
        if len(batch) == 5000:
            archive.add_records(batch)
            batch = []
    archive.add_records(batch)
    print(f"setup: {n_reports:,} archived reports in {time.perf_counter() - t0:.1f} s")

    out = tmp / "signals.jsonl"
    t0 = time.perf_counter()
    archive.export_signals(out, org="bench-org", now=NOW)
    t_export = time.perf_counter() - t0
    t0 = time.perf_counter()
    with (tmp / "plain.jsonl").open("w") as fh:
        for r in archive.reports():
            fh.write(json.dumps(r.to_dict()) + "\n")
    t_plain = time.perf_counter() - t0
    print(
        f"export: {n_reports:,} signals in {t_export:.1f} s "
        f"({n_reports / t_export:,.0f}/s; {out.stat().st_size / n_reports:.0f} bytes each); "
        f"plain metadata dump {t_plain:.1f} s -> ratio {t_export / t_plain:.1f}x"
    )

    other = ts.Archive.open(tmp / "b.db")
    t0 = time.perf_counter()
    res = other.import_signals(out, now=NOW)
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    res2 = other.import_signals(out, now=NOW)
    t_again = time.perf_counter() - t0
    print(
        f"import: {res.added:,} added in {t_import:.1f} s ({res.added / t_import:,.0f}/s); "
        f"again: {res2.duplicates:,} duplicates, 0 added, in {t_again:.1f} s"
    )

    # matching against many imported signals (built directly, as an import would store)
    shared = SharedTextIndex()
    queries = [message(rng) for _ in range(50)]
    planted = {}
    t0 = time.perf_counter()
    rand = np.random.default_rng(3)
    fake = rand.integers(0, 2**63, size=(n_match, BANDS), dtype=np.uint64)
    for i in range(n_match):
        shared.add(i, fake[i].astype(">u8").tobytes().hex(), None)
    for q_i, q in enumerate(queries[:25]):  # plant copies of half of the queries
        key = f"planted-{q_i}"
        bands, exact = shared_fingerprint(mask(normalize(q), None))
        shared.add(key, bands, exact)
        planted[q_i] = key
    shared.search_masked("warm up")
    t_build = time.perf_counter() - t0
    times = []
    found = 0
    for q_i, q in enumerate(queries):
        m = mask(normalize(q), None)
        t = time.perf_counter()
        hits = shared.search_masked(m)
        times.append(time.perf_counter() - t)
        found += bool(hits) and hits[0][0] == planted.get(q_i)
    print(
        f"text match vs {n_match:,} imported fingerprints: build {t_build:.1f} s, "
        f"median {statistics.median(times) * 1000:.2f} ms/query, "
        f"planted copies found {found}/25, false hits on the other 25: "
        f"{sum(1 for q in queries[25:] if shared.search_masked(mask(normalize(q), None)))}"
    )

    img = ImageIndex()
    hashes = rand.integers(0, 2**63, size=n_match, dtype=np.uint64)
    t0 = time.perf_counter()
    for i in range(n_match):
        img.add(str(i), ImageFingerprint.from_hex(f"{int(hashes[i]):016x}"))
    t_ibuild = time.perf_counter() - t0
    times = []
    for i in range(50):
        t = time.perf_counter()
        img.search(ImageFingerprint.from_hex(f"{int(hashes[i * 997 % n_match]):016x}"))
        times.append(time.perf_counter() - t)
    print(
        f"image match vs {n_match:,} imported fingerprints: build {t_ibuild:.1f} s, "
        f"median {statistics.median(times) * 1000:.2f} ms/query (target <= 5 ms)"
    )


if __name__ == "__main__":
    main()
