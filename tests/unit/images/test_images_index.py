"""ImageIndex: search order, thresholds, agreement with ImageFingerprint.distance."""

from __future__ import annotations

import random

import pytest
from _images_draw import crop10, draw, mirror, screenshot, to_bytes
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from threatsignals.images import (
    DEFAULT_THRESHOLD,
    ImageFingerprint,
    ImageIndex,
    fingerprint,
)


def test_finds_edited_copies_best_first() -> None:
    index = ImageIndex()
    for seed in range(10):
        index.add(f"img-{seed}", fingerprint(draw(seed)))
    assert len(index) == 10
    for seed, edit in [(3, mirror), (4, crop10), (5, screenshot)]:
        result = index.search(to_bytes(edit(draw(seed))))
        assert result
        assert result[0][0] == f"img-{seed}"
        assert all(d <= DEFAULT_THRESHOLD for _, d in result)
        assert [d for _, d in result] == sorted(d for _, d in result)


def test_unrelated_query_finds_nothing() -> None:
    index = ImageIndex()
    for seed in range(10):
        index.add(f"img-{seed}", draw(seed))
    assert index.search(draw(99)) == []


def test_max_distance_widens_and_narrows() -> None:
    h = 0x0F0F_0F0F_0F0F_0F0F
    index = ImageIndex()
    index.add("near", ImageFingerprint((h ^ 0b11,)))
    index.add("far", ImageFingerprint((h ^ 0xFFFF,)))
    query = ImageFingerprint((h,))
    assert index.search(query) == [("near", 2)]
    assert index.search(query, max_distance=16) == [("near", 2), ("far", 16)]
    assert index.search(query, max_distance=1) == []
    assert index.search(query, max_distance=-1) == []


def test_ties_keep_insertion_order_and_keys_are_unique() -> None:
    h = 0x1234_5678_9ABC_DEF0
    index = ImageIndex()
    index.add("b", ImageFingerprint((h ^ 1,)))
    index.add("a", ImageFingerprint((h ^ 2,)))
    index.add("b", ImageFingerprint((h,)))  # a second image under the same key
    assert index.search(ImageFingerprint((h,))) == [("b", 0), ("a", 1)]
    assert len(index) == 2
    assert "a" in index
    assert list(index) == ["b", "a"]


def test_low_detail_is_not_indexed_or_searched() -> None:
    flat = Image.new("RGB", (100, 80), (9, 9, 9))
    index = ImageIndex()
    assert index.add("flat", flat) is False
    assert len(index) == 0
    index.add("x", draw(1))
    assert index.search(flat) == []


def test_empty_index_and_bad_key() -> None:
    index = ImageIndex()
    assert index.search(draw(1)) == []
    with pytest.raises(TypeError):
        index.add(1, draw(1))  # type: ignore[arg-type]


_hash = st.integers(min_value=0, max_value=(1 << 64) - 1)
_fp = st.builds(
    ImageFingerprint,
    primaries=st.lists(_hash, min_size=1, max_size=2).map(tuple),
    mirrors=st.lists(_hash, max_size=2).map(tuple),
)


_stored_fp = st.builds(
    ImageFingerprint, primaries=st.lists(_hash, min_size=1, max_size=2).map(tuple)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_stored_fp, min_size=1, max_size=30), _fp, st.integers(0, 40))
def test_search_equals_brute_force_distance(stored, query, limit) -> None:
    # The index compares the query's mirrors with stored primaries (not stored
    # mirrors with the query's primaries: for real images that is the same
    # comparison, see docs/images.md), so stored fingerprints carry no mirrors here.
    index = ImageIndex()
    for i, fp in enumerate(stored):
        index.add(f"k{i}", fp)
    expected = sorted(
        ((f"k{i}", query.distance(fp)) for i, fp in enumerate(stored)),
        key=lambda kd: (kd[1], int(kd[0][1:])),
    )
    assert index.search(query, max_distance=limit) == [
        e for e in expected if e[1] <= limit
    ]


def test_windows_are_searched_for_gated_candidates() -> None:
    rng = random.Random(5)
    base = rng.getrandbits(64)
    window = base ^ 0xFF  # a window within the gate of its own primary
    index = ImageIndex()
    index.add("orig", ImageFingerprint((base,), windows=(window, base, base, base)))
    for i in range(200):
        index.add(f"other{i}", ImageFingerprint((rng.getrandbits(64),)))
    # A crop of "orig": its primary equals orig's window.
    assert index.search(ImageFingerprint((window,)))[0] == ("orig", 0)
