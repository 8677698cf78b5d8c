from __future__ import annotations

from datetime import UTC, datetime

import pytest

import threatsignals as ts

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def school() -> ts.School:
    return ts.School(
        name="Lincoln Heights High School",
        aliases=("LHHS",),
        region="US",
        phone_numbers=("+13125550100",),
        places=("Maple Street", "Gymnasium"),
        people=("Ms. Rivera",),
        location=(41.88, -87.63),
        timezone="America/Chicago",
        id="lhhs",
    )


@pytest.fixture
def archive():
    a = ts.Archive.open()
    yield a
    a.close()
