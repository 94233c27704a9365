"""kg.derived: the summaries every writer keeps in cyr:graph/derived are what the queries would compute."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
from conftest import SEEDS

from kg import derived, investment_by_park, summary_facts
from kg.api import KnowledgeGraph, add, remove
from kg.prefixes import PREFIX_IRIS
from kg.query import answer

FILES = sorted(SEEDS.glob("*.txt"))
GRAPH = ox.NamedNode(derived.GRAPH)


def _summary(store: ox.Store) -> list[ox.Quad]:
    return list(store.quads_for_pattern(None, None, None, GRAPH))


def _rows(found: list[list[object]]) -> list[tuple[object, ...]]:
    """Brokers rows as tuples: (firm, initiatives, their first labels, events, their first labels),
    each listing in code-point order on every store (the summary's and the query's alike)."""
    return [tuple(r) for r in found]


def _bare(store: ox.Store) -> ox.Store:
    """A copy of the store without the summary (the queries then compute their rows themselves)."""
    bare = ox.Store()
    bare.extend(q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != GRAPH)
    assert not _summary(bare) and not derived.has_summary(bare)
    return bare


def _computed(store: ox.Store) -> list[tuple[object, ...]]:
    """The brokers the query computes itself, on a copy of the store without the summary."""
    return _rows(answer(_bare(store), "brokers").rows)


def _link_rows(found: list[list[object]]) -> list[tuple[object, ...]]:
    """firm_initiative_links rows with each list (initiatives, articles) as a set, sorted."""
    return sorted((r[0], frozenset(str(r[1]).split("、")), r[2], r[3], frozenset(str(r[4]).split("、")) if r[4] else None)
                  for r in found)


#: The question of firm_initiative_links asked plainly (basic graph patterns, no summary): one row
#: per firm, initiative, path and article, the article stating the firm's side of the path.
PLAIN_LINKS = """
SELECT DISTINCT ?firm ?initiative ?via ?viaLabel ?article WHERE {
  { ?f cy:participatedIn ?v . ?v cy:launched ?i . BIND("event" AS ?via) BIND(?f AS ?s) BIND(cy:participatedIn AS ?p) BIND(?v AS ?o) }
  UNION { ?v cy:launched ?f , ?i . BIND("event" AS ?via) BIND(?v AS ?s) BIND(cy:launched AS ?p) BIND(?f AS ?o) }
  UNION { ?v cy:investor ?f ; cy:signedAt ?e . ?e cy:launched ?i . BIND("project" AS ?via) BIND(?v AS ?s) BIND(cy:investor AS ?p) BIND(?f AS ?o) }
  UNION { ?f cy:settledIn ?v . { ?e cy:launched ?i ; cy:location ?v } UNION { ?e cy:launched ?i , ?v }
          BIND("park" AS ?via) BIND(?f AS ?s) BIND(cy:settledIn AS ?p) BIND(?v AS ?o) }
  ?f a cy:Company ; rdfs:label ?firm . ?i a cy:Initiative ; rdfs:label ?initiative . ?v rdfs:label ?viaLabel .
  OPTIONAL { GRAPH <https://w3id.org/chanye/id/graph/statements> { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
             GRAPH ?g { ?sn cy:states ?st } ?g cy:sourceFile ?article }
}"""


def _expanded(found: list[list[object]]) -> set[tuple[object, ...]]:
    """Each row of firm_initiative_links as its initiatives times its articles."""
    return {(r[0], i, r[2], r[3], a) for r in found for i in str(r[1]).split("、")
            for a in (str(r[4]).split("、") if r[4] else [None])}


def _check_links(store: ox.Store) -> list[tuple[object, ...]]:
    """The link rows read from the summary are those the query computes itself, and they are the
    plain question's rows, each row its initiatives times its articles (nothing lost or added)."""
    kept = answer(store, "firm_initiative_links").rows
    computed = answer(_bare(store), "firm_initiative_links").rows
    assert _link_rows(kept) == _link_rows(computed)
    plain = {tuple(r) for r in answer(store, PLAIN_LINKS).rows}
    assert _expanded(kept) == plain == _expanded(computed)
    return _link_rows(kept)


def _park_rows(found: list[list[object]]) -> list[tuple[object, ...]]:
    """investment_by_park rows, sorted (the listing of the largest items is the same on every store)."""
    return sorted(tuple(r) for r in found)


def _check_park(store: ox.Store) -> list[tuple[object, ...]]:
    """The investment_by_park rows read from the summary are those the query computes itself, in
    the query's own order (parks first), with each list of items in code-point order."""
    kept = answer(store, "investment_by_park").rows
    computed = answer(_bare(store), "investment_by_park").rows
    assert _park_rows(kept) == _park_rows(computed) and len(kept) == len(computed)
    assert [r[:4] for r in kept] == [r[:4] for r in computed]  # the ORDER BY applies to both
    for r in kept:  # at most five items listed, "…" after them when the row has more
        listed = str(r[6]).split("、")
        assert len(listed) == min(r[5], 5) + (r[5] > 5) and (listed[-1] == "…") == (r[5] > 5), r
    return _park_rows(kept)


def _card_rows(store: ox.Store, entity: str) -> dict[tuple[str, str], list[list[object]]]:
    """The card's rows of ``entity`` by (direction, property)."""
    found = answer(store, "entity_card", {"entity": ox.NamedNode(entity)})
    col = {c: i for i, c in enumerate(found.columns)}
    out: dict[tuple[str, str], list[list[object]]] = {}
    for r in found.rows:
        out.setdefault((r[col["direction"]], r[col["property"]]), []).append([r[col[c]] for c in ("value", "facts", "articles", "sentence")])
    return out


def _check_caps(store: ox.Store) -> list[tuple[object, ...]]:
    """Each relation the summary counts (more than CARD_LIMIT facts) is one card row with that
    number; the store without the summary shows that many facts (one row each) instead."""
    caps = derived._card_caps(store, derived.CARD_LIMIT)
    kept = {(r[0].value, r[1], r[2].value, r[3]) for r in _card_caps_kept(store)}
    assert kept == {(e.value, d, p.value, n) for e, d, p, n in caps}
    bare = _bare(store) if caps else None
    for e, d, p, n in caps:
        prop = p.value.split("#")[1]
        capped, full = _card_rows(store, e.value), _card_rows(bare, e.value)
        assert capped[(d, prop)] == [[None, n, 0, None]]
        assert len(full[(d, prop)]) == n and all(r[1] is None for r in full[(d, prop)])
        assert {k: v for k, v in capped.items() if k != (d, prop) and k not in {(c[1], c[2].value.split("#")[1]) for c in caps if c[0] == e}} \
            == {k: v for k, v in full.items() if k != (d, prop) and k not in {(c[1], c[2].value.split("#")[1]) for c in caps if c[0] == e}}
    return caps


def _card_caps_kept(store: ox.Store) -> list[tuple[object, ...]]:
    """(entity, direction, property, facts) of each relation counted in the summary."""
    text = f"""SELECT ?e ?d ?p ?n {{ GRAPH <{derived.GRAPH}> {{ ?c <{derived.CYD}cardEntity> ?e ; <{derived.CYD}cardDirection> ?d ;
               <{derived.CYD}cardProperty> ?p ; <{derived.CYD}cardFacts> ?n . ?e ?check ?p }} }}"""
    return [(r[0], r[1].value, r[2], int(r[3].value)) for r in store.query(text)]


def _check(kg: KnowledgeGraph) -> list[tuple[object, ...]]:
    store = kg.store
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    markers = {ox.Quad(GRAPH, ox.NamedNode(derived.CYD + "brokers"), ox.Literal(str(derived.VERSION), datatype=integer), GRAPH),
               ox.Quad(GRAPH, ox.NamedNode(derived.CYD + "firmInitiativeLinks"), ox.Literal(str(derived.LINKS_VERSION), datatype=integer), GRAPH),
               ox.Quad(GRAPH, ox.NamedNode(derived.CYD + "parkInvestment"), ox.Literal(str(derived.PARK_VERSION), datatype=integer), GRAPH),
               ox.Quad(GRAPH, ox.NamedNode(derived.CYD + "cardCaps"), ox.Literal(str(derived.CARD_VERSION), datatype=integer), GRAPH)}
    assert markers <= set(_summary(store)) and derived.has_summary(store)
    rows = _rows(answer(store, "brokers").rows)
    assert rows == _computed(store)
    links = _check_links(store)
    stated = sum(1 for r in links if r[4] is not None)
    park = _check_park(store)
    totals = sum(1 for r in park if r[4] is not None)
    caps = _check_caps(store)
    # the markers, five triples per broker, four per link and one more for its articles,
    # six per park row and one more for its total, five per relation the card counts
    assert len(_summary(store)) == 4 + 5 * len(rows) + 4 * len(links) + stated + 6 * len(park) + totals + 5 * len(caps)
    return rows


def test_the_seed_brokers_are_read_from_the_summary_and_equal_the_computed_ones(seed_kg):
    rows = _check(seed_kg)
    assert rows and all(r[1] >= 2 for r in rows)


def test_the_seed_links_are_read_from_the_summary_one_row_per_firm_and_path(seed_kg):
    links = _check_links(seed_kg.store)
    assert len({(r[0], r[2], r[3]) for r in links}) == len(links)  # one row per firm and path
    assert any(len(r[1]) >= 2 for r in links)  # a path leading to two initiatives is one row
    plain = answer(seed_kg.store, PLAIN_LINKS).rows
    assert len(plain) > len(links)


def test_the_seed_park_investment_is_read_from_the_summary(seed_kg):
    park = _check_park(seed_kg.store)
    assert park and {r[1] for r in park} <= {"Park", "Place"}
    assert any(len(r[6]) >= 2 for r in park)  # a row summing two or more items


def test_an_events_total_and_its_parts_count_once(seed_kg):
    """Seed 002's event: 总投资1290亿元 for 150 projects, of which 720亿元 signed and 570亿元 begun. Its
    investment by park (the summary and the query's own) and by industry is 1290亿, not 2580亿."""
    event = "苏州市电子信息产业创新集群建设推进大会"
    for store in (seed_kg.store, _bare(seed_kg.store)):
        rows = [r for r in answer(store, "investment_by_park").rows if r[2] == "Event" and str(r[6]).startswith(event)]
        assert rows and {(r[3], r[4], r[5]) for r in rows} == {("CNY", Decimal("129000000000"), 1)}, rows
    by_industry = seed_kg.query("investment_by_industry")
    row = by_industry[(by_industry["industry"] == "电子信息") & (by_industry["kind"] == "Event")]
    assert list(row["total"]) == [129000000000] and list(row["items"]) == [1]


def _listing(cell: object, count: int) -> list[str]:
    """The labels a listing cell names; checked: the first five at most, "…" after them when
    ``count`` (the number beside it) is larger."""
    names = str(cell).split("、")
    if count > 5:
        assert len(names) == 6 and names[-1] == "…", (cell, count)
        return names[:-1]
    assert 1 <= len(names) <= count and "…" not in names, (cell, count)
    return names


def test_long_listings_are_cut_alike_by_the_summary_and_the_query():
    """On a synthetic graph (firms meeting dozens of events, parks of a hundred projects) each
    listing cell holds five labels and "…": the summary's cells are those the query computes on
    the store without it; brokers lists in code-point order, investment_by_park the largest items
    (by amount, then label) first."""
    from kg.synthetic import synthetic_quads

    store = ox.Store()
    store.extend(synthetic_quads(triples=20000))
    derived.write(store)
    rows = _rows(answer(store, "brokers").rows)
    assert rows == _computed(store)
    for firm, initiatives, initiative_labels, events, event_labels in rows:
        for cell, count in ((initiative_labels, initiatives), (event_labels, events)):
            names = _listing(cell, count)
            assert names == sorted(set(names))
    assert any(r[1] > 5 for r in rows) and any(r[3] > 5 for r in rows)
    park = _check_park(store)
    assert any(r[5] > 5 for r in park)
    amounts = """SELECT ?item ?currency (MAX(?value) AS ?largest) { ?x rdfs:label ?item ; cy:investment ?amt .
                  ?amt <https://schema.org/value> ?value ; <https://schema.org/currency> ?currency } GROUP BY ?item ?currency"""
    largest = {(r[0], r[1]): r[2] for r in answer(store, amounts).rows}
    for r in park:
        names = _listing(r[6], r[5])
        keys = [(-largest[(name, r[3])], name) for name in names]
        assert keys == sorted(keys), r


def test_a_relation_of_many_facts_is_one_card_row(seed_kg, monkeypatch):
    """Above CARD_LIMIT facts a relation is one row of entity_card, its number of facts; at the
    seeds' scale none is (the limit is set low here, and the writer's own summary made with it)."""
    assert derived._card_caps(seed_kg.store, derived.CARD_LIMIT) == []
    store = _bare(seed_kg.store)
    monkeypatch.setattr(derived, "CARD_LIMIT", 2)
    derived.write(store)
    caps = _check_caps(store)
    kinds = {(d, p.value.split("#")[1]) for _, d, p, _ in caps}
    assert {("", "mentionedIn"), ("←", "holdsPosition"), ("←", "inIndustry")} <= kinds, kinds
    assert len(caps) == len({(e, d, p) for e, d, p, _ in caps})


def test_add_remove_and_load_keep_the_summary_current(tmp_path, monkeypatch):
    store = tmp_path / "store"
    monkeypatch.setattr(derived, "CARD_LIMIT", 3)  # some relations counted for entity_card, checked by _check
    kunshan = [f for f in FILES if "新兴产业发展大会" in f.read_text(encoding="utf-8")]  # the article of the seed brokers
    assert len(kunshan) == 1
    small = KnowledgeGraph.build([f for f in FILES if f not in kunshan], store=store)
    before, links_before, park_before = _check(small), _check_links(small.store), _check_park(small.store)
    grown = add(kunshan, store)
    after, links_after, park_after = _check(grown), _check_links(grown.store), _check_park(grown.store)
    assert after != before and after  # the new article made brokers
    assert links_after != links_before  # and links
    assert park_after != park_before  # and its investments count in their parks
    assert _check(remove([kunshan[0].name], store)) == before
    assert _check_links(KnowledgeGraph.open(store).store) == links_before
    assert _check_park(KnowledgeGraph.open(store).store) == park_before
    add(kunshan, store)
    # a loaded file's own summary (here a stale one, with a firm that is no broker) is replaced
    dump = tmp_path / "graph.nq"
    grown = KnowledgeGraph.open(store)
    grown.export(dump)
    row, link, g = f"<{derived.CYD}row/stale>", f"<{derived.CYD}row/stale-link>", f"<{derived.GRAPH}>"
    stale = "".join(f"{row} <{derived.CYD}{p}> {o} {g} .\n" for p, o in (
        ("firm", '"不是中介"@zh'), ("initiatives", '"9"^^<http://www.w3.org/2001/XMLSchema#integer>'), ("initiativeLabels", '"甲、乙"'),
        ("events", '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'), ("eventLabels", '"丙"')))
    stale += "".join(f"{link} <{derived.CYD}{p}> {o} {g} .\n" for p, o in (
        ("linkFirm", '"不是企业"@zh'), ("linkInitiatives", '"甲"@zh'), ("linkVia", '"park"'), ("linkViaLabel", '"乙"@zh')))
    stale += "".join(f"<{derived.CYD}row/stale-park> <{derived.CYD}{p}> {o} {g} .\n" for p, o in (
        ("parkLocation", '"不是园区"@zh'), ("parkLocationType", '"Park"'), ("parkKind", '"Project"'), ("parkCurrency", '"CNY"'),
        ("parkItems", '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'), ("parkLargestItems", '"丁"')))
    dump.write_text(dump.read_text(encoding="utf-8") + stale, encoding="utf-8")
    for loaded in (KnowledgeGraph.load([dump], tmp_path / "loaded"), KnowledgeGraph.load([dump], None)):
        rows = _check(loaded)
        assert "不是中介" not in {r[0] for r in rows} and rows == after
        assert _check_links(loaded.store) == links_after
        assert _check_park(loaded.store) == park_after and "不是园区" not in {r[0] for r in park_after}


def test_a_curation_rewrite_keeps_the_summary_current(tmp_path):
    """kg merge (and every curation rule) rewrites the store through the same writer: the links follow."""
    from kg import curation

    store = tmp_path / "store"
    kg = KnowledgeGraph.build(FILES, store=store)
    firms = {r[0] for r in _check_links(kg.store)}
    assert {"友达", "友达光电"} <= firms
    merged = curation.merge(store, "友达光电", "友达", curation=tmp_path / "curation.toml")
    _check(merged)
    firms = {r[0] for r in _check_links(merged.store)}
    assert "友达光电" in firms and "友达" not in firms


def test_a_store_without_the_summary_is_answered_by_the_query_itself(seed_kg):
    bare = ox.Store()
    bare.extend(q for q in seed_kg.store.quads_for_pattern(None, None, None, None) if q.graph_name != GRAPH)
    assert _rows(answer(bare, "brokers").rows) == _rows(answer(seed_kg.store, "brokers").rows)
    assert _link_rows(answer(bare, "firm_initiative_links").rows) == _link_rows(answer(seed_kg.store, "firm_initiative_links").rows)
    assert _park_rows(answer(bare, "investment_by_park").rows) == _park_rows(answer(seed_kg.store, "investment_by_park").rows)
    derived.write(bare)  # and the writer's summary of it is the same
    assert set(_summary(bare)) == set(_summary(seed_kg.store))


def test_the_writer_knows_the_articles_stating_each_link_as_the_store_query_finds_them(seed_kg):
    """kg build hands kg.derived the articles stating each firm-side fact (kept as the graph is
    written) instead of querying the new store for them: both give the same mapping."""
    from kg import graph
    from kg import store as _store
    from kg.archive import articles_in, load

    extractions = load(seed_kg.store_path, list(articles_in(seed_kg.store)))
    text = graph.build_text(extractions)
    assert text.statement_articles  # the seeds state firm-side facts of firm_initiative_links
    inner = _store.memory_store_text(text.text(), text.blank)
    assert text.statement_articles == derived._statement_articles(inner)
    assert sorted(map(str, derived.quads_of(inner, text.statement_articles))) == sorted(map(str, derived.quads_of(inner)))


def test_the_park_rows_read_by_pattern_are_the_query_s_own():
    """investment_by_park's rows computed from pattern reads equal the query's aggregate, also with
    two labels on an item, two values on an amount, two amounts on an item and a park that is also a Place; a value the
    engine sums otherwise (an xsd:integer) leaves the rows to the query."""
    from kg.synthetic import synthetic_quads

    store = ox.Store()
    store.extend(synthetic_quads(triples=20000))
    cy, xsd = PREFIX_IRIS["cy"], PREFIX_IRIS["xsd"]
    label, value = ox.NamedNode(PREFIX_IRIS["rdfs"] + "label"), ox.NamedNode("https://schema.org/value")
    amounts = list(store.quads_for_pattern(None, ox.NamedNode(cy + "investment"), None, ox.DefaultGraph()))
    for i, q in enumerate(amounts[:10]):
        store.add(ox.Quad(q.subject, label, ox.Literal(f"别名{i}", language="zh")))
        store.add(ox.Quad(q.object, value, ox.Literal(f"{i}.25", datatype=ox.NamedNode(xsd + "decimal"))))
    currency = ox.NamedNode("https://schema.org/currency")
    for i, q in enumerate(amounts[30:40]):  # a second amount on an item (its total and a part): the larger counts
        extra = ox.NamedNode(f"{q.object.value}-part{i}")
        cur = next(iter(store.quads_for_pattern(q.object, currency, None, ox.DefaultGraph()))).object
        store.add(ox.Quad(q.subject, q.predicate, extra))
        store.add(ox.Quad(extra, value, ox.Literal("7.5" if i % 2 else "123456789012.5", datatype=ox.NamedNode(xsd + "decimal"))))
        store.add(ox.Quad(extra, currency, cur))
    for q in list(store.quads_for_pattern(None, ox.NamedNode(PREFIX_IRIS["rdf"] + "type"), ox.NamedNode(cy + "Park"), ox.DefaultGraph()))[:3]:
        store.add(ox.Quad(q.subject, q.predicate, ox.NamedNode(cy + "Place")))
        store.add(ox.Quad(q.subject, label, ox.Literal("第二名")))
    computed = investment_by_park._park_rows(store)
    assert any(r[5].value != "1" for r in computed) and investment_by_park._park_rows_read(summary_facts._Facts(store)) == computed
    store.add(ox.Quad(amounts[20].object, value, ox.Literal("12", datatype=ox.NamedNode(xsd + "integer"))))
    assert investment_by_park._park_rows_read(summary_facts._Facts(store)) is None
    assert investment_by_park._park_rows(store, summary_facts._Facts(store)) == investment_by_park._park_rows(store)


@pytest.mark.parametrize("card_limit", [None, 2])
def test_the_writer_makes_the_summaries_the_store_gives(seed_kg, card_limit):
    """The summaries made from what the graph writer knows (while Oxigraph loads) are those read
    back from the store it writes: on the seeds and on synthetic articles (positions, amounts,
    parks), the card's counts with a low limit too."""
    from kg import graph
    from kg.archive import articles_in, load
    from kg.synthetic import synthetic_extractions

    for extractions in (load(seed_kg.store_path, list(articles_in(seed_kg.store))), synthetic_extractions(120)):
        text = graph.build_text(extractions)
        inner = ox.Store()
        inner.bulk_extend(list(text.blank))
        inner.bulk_load(text.text().encode(), ox.RdfFormat.N_QUADS, lenient=True)
        made = derived.quads_written(text.written, card_limit)
        assert made is not None and sorted(map(str, made)) == sorted(map(str, derived.quads_of(inner, None, card_limit)))


def test_the_ontology_and_taxonomy_hold_nothing_the_summaries_read():
    """What kg.summary_facts.Written leaves out of the default graph: no fact of a cy: property, no node
    of a cy: class, no label of such a node."""
    from kg import graph

    cy = PREFIX_IRIS["cy"]
    quads = [*graph.ontology_quads(), *graph.taxonomy_quads(graph.load_taxonomy())]
    assert not [q for q in quads if q.predicate.value.startswith(cy)]
    assert not [q for q in quads if q.predicate.value == PREFIX_IRIS["rdf"] + "type" and q.object.value.startswith(cy)]
