"""kg.derived: the summaries every writer keeps in cyr:graph/derived are what the queries would compute."""

from __future__ import annotations

import pyoxigraph as ox
from conftest import SEEDS

from kg import derived
from kg.api import KnowledgeGraph, add, remove
from kg.query import answer

FILES = sorted(SEEDS.glob("*.txt"))
GRAPH = ox.NamedNode(derived.GRAPH)


def _summary(store: ox.Store) -> list[ox.Quad]:
    return list(store.quads_for_pattern(None, None, None, GRAPH))


def _rows(found: list[list[object]]) -> list[tuple[object, ...]]:
    """Brokers rows with each list of labels as a set (GROUP_CONCAT's order is the engine's: a
    memory and a disk store holding the same graph may list the same labels in other orders)."""
    return [(r[0], r[1], frozenset(str(r[2]).split("、")), frozenset(str(r[3]).split("、"))) for r in found]


def _computed(store: ox.Store) -> list[tuple[object, ...]]:
    """The brokers the query computes itself, on a copy of the store without the summary."""
    bare = ox.Store()
    bare.extend(q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != GRAPH)
    assert not _summary(bare) and not derived.has_summary(bare)
    return _rows(answer(bare, "brokers").rows)


def _check(kg: KnowledgeGraph) -> list[tuple[object, ...]]:
    store = kg.store
    marker = ox.Quad(GRAPH, ox.NamedNode(derived.CYD + "brokers"), ox.Literal(str(derived.VERSION), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), GRAPH)
    assert marker in set(_summary(store)) and derived.has_summary(store)
    rows = _rows(answer(store, "brokers").rows)
    assert rows == _computed(store)
    assert len(_summary(store)) == 1 + 4 * len(rows)  # the marker and four triples per firm
    return rows


def test_the_seed_brokers_are_read_from_the_summary_and_equal_the_computed_ones(seed_kg):
    rows = _check(seed_kg)
    assert rows and all(r[1] >= 2 for r in rows)


def test_add_remove_and_load_keep_the_summary_current(tmp_path):
    store = tmp_path / "store"
    kunshan = [f for f in FILES if "新兴产业发展大会" in f.read_text(encoding="utf-8")]  # the article of the seed brokers
    assert len(kunshan) == 1
    small = KnowledgeGraph.build([f for f in FILES if f not in kunshan], store=store)
    before = _check(small)
    grown = add(kunshan, store)
    after = _check(grown)
    assert after != before and after  # the new article made brokers
    assert _check(remove([kunshan[0].name], store)) == before
    add(kunshan, store)
    # a loaded file's own summary (here a stale one, with a firm that is no broker) is replaced
    dump = tmp_path / "graph.nq"
    grown = KnowledgeGraph.open(store)
    grown.export(dump)
    row, g = f"<{derived.CYD}row/stale>", f"<{derived.GRAPH}>"
    stale = "".join(f"{row} <{derived.CYD}{p}> {o} {g} .\n" for p, o in (
        ("firm", '"不是中介"@zh'), ("initiatives", '"9"^^<http://www.w3.org/2001/XMLSchema#integer>'), ("initiativeLabels", '"甲、乙"'), ("events", '"丙"')))
    dump.write_text(dump.read_text(encoding="utf-8") + stale, encoding="utf-8")
    for loaded in (KnowledgeGraph.load([dump], tmp_path / "loaded"), KnowledgeGraph.load([dump], None)):
        rows = _check(loaded)
        assert "不是中介" not in {r[0] for r in rows} and rows == after


def test_a_store_without_the_summary_is_answered_by_the_query_itself(seed_kg):
    bare = ox.Store()
    bare.extend(q for q in seed_kg.store.quads_for_pattern(None, None, None, None) if q.graph_name != GRAPH)
    assert _rows(answer(bare, "brokers").rows) == _rows(answer(seed_kg.store, "brokers").rows)
    derived.write(bare)  # and the writer's summary of it is the same
    assert len(_summary(bare)) == len(_summary(seed_kg.store))
