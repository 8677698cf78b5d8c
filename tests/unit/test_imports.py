from __future__ import annotations

import json
import subprocess
import sys

HEAVY = [
    "phonenumbers",
    "imagehash",
    "scipy",
    "numpy",
    "PIL",
    "rapidfuzz",
    "dateutil",
    "phonenumbers.geocoder",
]


def test_import_threatsignals_stays_light():
    code = (
        "import sys, json, threatsignals; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == []


def test_public_names_have_docstrings():
    import threatsignals as ts

    for name in ts.__all__:
        if name in {"__version__", "phone", "text", "imminence", "images"}:
            continue
        obj = getattr(ts, name)
        assert (obj.__doc__ or "").strip(), name
