"""Seed-level checks: every class and property of SCHEMA.md is found somewhere across the seeds,
and extraction keeps its contracts (labels, offsets, relation arguments)."""

from pathlib import Path

import pytest

from kg.extract import extract
from kg.model import ENTITY_TYPES, RELATION_PROPERTIES, Amount, DateValue
from kg.read import read_article

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def extractions():
    return [extract(read_article(p)) for p in SEEDS]


def test_every_entity_type_is_found(extractions):
    found = {e.type for x in extractions for e in x.entities}
    assert set(ENTITY_TYPES) <= found, set(ENTITY_TYPES) - found


def test_every_relation_property_is_found(extractions):
    found = {r.predicate for x in extractions for r in x.relations}
    assert set(RELATION_PROPERTIES) - {"mentionedIn"} <= found, set(RELATION_PROPERTIES) - found


def test_contracts(extractions):
    for x in extractions:
        labels = {e.label for e in x.entities}
        assert len(labels) == len(x.entities)
        for e in x.entities:
            assert e.label and not any(q in e.label for q in "“”《》 ")
            for m in e.mentions:
                assert x.article.text[m.start : m.end] == m.text
                assert x.sentences[m.sentence].start <= m.start < x.sentences[m.sentence].end
        for r in x.relations:
            assert r.predicate in RELATION_PROPERTIES
            assert r.subject in labels
            if isinstance(r.object, str):
                assert r.object in labels
            elif r.predicate in ("investment",):
                assert isinstance(r.object, Amount) and r.object.value > 0
            elif r.predicate == "date":
                assert isinstance(r.object, DateValue)
            assert (r.title is not None) == (r.predicate == "holdsPosition")


def test_extraction_is_deterministic():
    a = extract(read_article(SEEDS[0]))
    b = extract(read_article(SEEDS[0]))
    assert [(e.type, e.label, sorted(e.aliases)) for e in a.entities] == [(e.type, e.label, sorted(e.aliases)) for e in b.entities]
    assert a.relations == b.relations
