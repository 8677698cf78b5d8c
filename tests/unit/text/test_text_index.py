"""TextIndex: search semantics, scores equal similarity, agreement with brute force."""

from __future__ import annotations

import random

import numpy as np
import pytest

from threatsignals.text import TextIndex, similarity
from threatsignals.text import _rules as rules
from threatsignals.text._index import (
    minhash,
    minhash_many,
    signature_from_hex,
    signature_hex,
)

BOMB = (
    "I have placed several explosive devices inside {school}. They will detonate at "
    "{time} unless I receive {amount} in bitcoin. If you call the police I will set "
    "them off early."
)
GUN = (
    "I'm going to shoot up {school} on {date}. I have been planning this for months. "
    "Everyone in the cafeteria will regret how they treated me. This is your only warning."
)
NOTICE = (
    "Reminder: our lockdown drill is scheduled for {date} at {time}; students will "
    "shelter in place in their classrooms until the all-clear is given by the office."
)


def _fill(idx: TextIndex) -> None:
    idx.add(
        "bomb-oak", BOMB.format(school="Oak Ridge High", time="2pm", amount="$5,000")
    )
    idx.add(
        "bomb-elm", BOMB.format(school="Elm Park Academy", time="noon", amount="3 BTC")
    )
    idx.add("gun-lake", GUN.format(school="Lakeview Middle School", date="Friday"))
    idx.add("notice", NOTICE.format(date="May 5", time="9 am"))


def test_search_finds_template_best_first() -> None:
    idx = TextIndex()
    _fill(idx)
    query = BOMB.format(
        school="Cedar Grove Elementary", time="10:30 am", amount="$20000"
    )
    hits = idx.search(query)
    assert {k for k, _ in hits} == {"bomb-oak", "bomb-elm"}
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert all(score >= rules.DEFAULT_MIN_SCORE for _, score in hits)
    assert (
        idx.search(GUN.format(school="Oak Ridge High", date="May 5th"))[0][0]
        == "gun-lake"
    )
    assert idx.search("we will destroy them on friday at the stadium, go team") == []


def test_scores_equal_similarity() -> None:
    idx = TextIndex()
    texts = {
        "a": BOMB.format(school="Oak Ridge High", time="2pm", amount="$5,000"),
        "b": GUN.format(school="Lakeview Middle School", date="Friday"),
        "c": NOTICE.format(date="May 5", time="9 am"),
    }
    for k, t in texts.items():
        idx.add(k, t)
    query = BOMB.format(school="Summit High", time="9 AM", amount="$1") + " Share this."
    for key, score in idx.search(query, min_score=0):
        assert score == similarity(query, texts[str(key)])


def test_min_score_filters_and_default_applies() -> None:
    idx = TextIndex()
    _fill(idx)
    query = GUN.format(school="Pine Hills High", date="Monday")
    loose = idx.search(query, min_score=0)
    strict = idx.search(query, min_score=100)
    assert len(loose) >= len(idx.search(query)) >= len(strict)
    assert all(s >= rules.DEFAULT_MIN_SCORE for _, s in idx.search(query))


def test_replace_remove_len_contains() -> None:
    idx = TextIndex()
    _fill(idx)
    assert len(idx) == 4 and "notice" in idx
    idx.add("notice", GUN.format(school="Harbor High", date="Monday"))
    assert len(idx) == 4
    hits = idx.search(GUN.format(school="Summit Academy", date="Tuesday"))
    assert {k for k, _ in hits} == {"gun-lake", "notice"}
    assert idx.remove("gun-lake") is True
    assert idx.remove("gun-lake") is False
    assert {k for k, _ in idx.search(GUN.format(school="X High", date="Monday"))} == {
        "notice"
    }
    assert len(idx) == 3


def test_empty_texts_are_not_indexed() -> None:
    idx = TextIndex()
    idx.add("e", "💣💣💣")
    assert len(idx) == 0
    assert idx.search("💣") == []
    assert TextIndex().search("anything at all") == []


def test_type_errors() -> None:
    idx = TextIndex()
    with pytest.raises(TypeError):
        idx.add("k", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        idx.search(b"x")  # type: ignore[arg-type]


def test_signature_hex_round_trip() -> None:
    sig = minhash("there is a bomb at <school> at <num>")
    assert sig.shape == (rules.NUM_PERM,)
    text = signature_hex(sig)
    back = signature_from_hex(text)
    assert back is not None and np.array_equal(back, sig)
    assert signature_from_hex("mh0:abcd") is None
    assert signature_from_hex(text[:-2] + "zz") is None
    many = minhash_many(["there is a bomb at <school> at <num>", "x"])
    assert np.array_equal(many[0], sig)


def test_deterministic_signatures() -> None:
    a = minhash("i will shoot up <school> on <num>")
    b = minhash("i will shoot up <school> on <num>")
    assert np.array_equal(a, b)


def _corpus(seed: int) -> tuple[list[str], list[str]]:
    r = random.Random(seed)
    schools = [
        "Oak Ridge High",
        "Lakeview Middle School",
        "Summit Academy",
        "Harbor HS",
        "Pine Hills Elementary",
        "Willow Creek Junior High",
    ]
    templates = [BOMB, GUN, NOTICE]
    # unrelated messages: random words from a vocabulary of 400 made-up words
    words = [
        "".join(r.choice("abcdefghijklmnoprstuvwy") for _ in range(r.randint(3, 8)))
        for _ in range(400)
    ]
    archive = []
    for i in range(300):
        if i % 3 == 0:
            t = r.choice(templates)
            archive.append(
                t.format(
                    school=r.choice(schools),
                    time=f"{r.randint(1, 12)}pm",
                    amount=f"${r.randint(1, 9)}000",
                    date="Monday",
                )
            )
        else:
            archive.append(" ".join(r.choice(words) for _ in range(r.randint(8, 30))))
    queries = [
        t.format(school=r.choice(schools), time="noon", amount="$1", date="June 2")
        for t in templates
    ]
    queries += [" ".join(r.choice(words) for _ in range(20)) for _ in range(5)]
    return archive, queries


@pytest.mark.parametrize("seed", [1, 2])
def test_agrees_with_brute_force(seed: int) -> None:
    archive, queries = _corpus(seed)
    idx = TextIndex()
    for i, t in enumerate(archive):
        idx.add(i, t)
    for q in queries:
        hits = idx.search(q)
        brute = idx.brute_force(q)
        assert brute is not None
        if brute[1] >= rules.DEFAULT_MIN_SCORE:
            assert hits and hits[0][1] == brute[1]
        expected = {
            i
            for i, t in enumerate(archive)
            if similarity(q, t) >= rules.DEFAULT_MIN_SCORE
        }
        assert {k for k, _ in hits} == expected


def test_incremental_adds_and_merge_keep_results() -> None:
    archive, queries = _corpus(3)
    one = TextIndex()
    for i, t in enumerate(archive):
        one.add(i, t)  # one at a time: recent additions dictionary, merged in batches
    batch = TextIndex()
    batch.add_many_masked(one.masked_texts())
    for q in queries:
        assert one.search(q) == batch.search(q)


def test_key_given_twice_in_one_batch_keeps_last() -> None:
    idx = TextIndex()
    a = BOMB.format(school="Oak Ridge High", time="2pm", amount="$5,000")
    b = GUN.format(school="Lakeview Middle School", date="Friday")
    idx.add_many_masked([("k", "x y z"), ("other", "p q r"), ("k", "")])
    assert "k" not in idx and len(idx) == 1
    idx.add("k", a)
    idx.add("k", b)
    assert len(idx) == 2
    assert idx.search(a) == []
    assert [k for k, _ in idx.search(b)] == ["k"]
