"""kg.model: the offsets map of an article, kept as runs."""

from __future__ import annotations

import pickle
import random

import pytest

from conftest import SEEDS
from kg.model import Offsets
from kg.read import read_article


def _random_offsets(rng: random.Random) -> list[int]:
    out, o = [], rng.randint(0, 5)
    for _ in range(rng.randint(0, 40)):
        o += rng.choice([0, 1, 1, 1, 2, 7])  # repeats (a character made of one), runs, jumps (markup dropped)
        out.append(o)
    return out


def test_offsets_are_the_sequence_they_were_made_of():
    rng = random.Random(7)
    for _ in range(500):
        offs = _random_offsets(rng)
        m = Offsets.of(offs)
        assert len(m) == len(offs) and list(m) == offs
        assert [m[i] for i in range(-len(offs), len(offs))] == offs + offs if offs else True
        assert m[2:9] == tuple(offs[2:9]) and m[::3] == tuple(offs[::3])
        assert m == offs and m == tuple(offs) and m == Offsets.of(offs) and hash(m) == hash(Offsets.of(offs))
        assert pickle.loads(pickle.dumps(m)) == m
        with pytest.raises(IndexError):
            m[len(offs)]
    assert Offsets.of([1, 2, 3]) != Offsets.of([1, 2, 4]) and Offsets.of([1, 2]) != [1, 2, 3]


def test_an_article_keeps_its_offsets_as_a_few_runs():
    a = read_article(sorted(SEEDS.glob("*.txt"))[0])
    assert isinstance(a.offsets, Offsets) and len(a.offsets) == len(a.text)
    assert a.raw_text[a.offsets[0]] == a.text[0]
    # what a build holds for each article until its graph is written, and what the workers send back
    assert len(pickle.dumps(a.offsets)) * 10 < len(pickle.dumps(tuple(a.offsets)))
    assert a.source_span(0, 3) == (a.offsets[0], a.offsets[2] + 1)
