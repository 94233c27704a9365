"""kg.resolve and kg.graph: identity across articles, the graph shape, determinism."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from handmade import HEADER, extraction, handmade
from kg.graph import (
    DEFAULT_GRAPH,
    G_STATEMENTS,
    article_iri,
    build_activity,
    build_quads,
    build_text,
    date_literal,
    decimal_lexical,
    entity_iri,
    load_taxonomy,
    mint,
)
from kg.model import Entity
from kg import namespaces as ns
from kg.namespaces import CY, CYR, DCTERMS, PROV, RDF, RDFS, SCHEMA, SKOS
from kg.resolve import TaxonomyConcept, normalise, resolve

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

N = lambda iri: ox.NamedNode(str(iri))  # noqa: E731


def shuffled(extractions, seed):
    """The same extractions in another file order, each with its entities and aliases reordered."""
    rng = random.Random(seed)
    out = []
    for x in extractions:
        ents = [Entity(e.type, e.label, set(sorted(e.aliases, key=lambda _: rng.random())), list(e.mentions)) for e in x.entities]
        rng.shuffle(ents)
        out.append(replace(x, entities=ents, relations=rng.sample(x.relations, len(x.relations))))
    rng.shuffle(out)
    return out


def objects(quads, s, p, g=None):
    return {q.object for q in quads if q.subject == s and q.predicate == p and (g is None or q.graph_name == g)}


# ---------------------------------------------------------------- IRIs and literals


def test_mint_is_content_hash():
    iri = entity_iri("Person", "张三")
    assert re.fullmatch(re.escape(str(CYR)) + r"person/[0-9a-f]{16}", iri)
    assert iri == entity_iri("Person", "张三") != entity_iri("Person", "李四")
    assert entity_iri("Organization", "x").startswith(f"{CYR}organization/")
    assert mint("position", "a", "", "董事长") != mint("position", "a", "b", "董事长")
    assert article_iri("ab" * 32) == f"{CYR}article/{'ab' * 8}"


@pytest.mark.parametrize(
    ("value", "dtype"),
    [("2021-11-09", ns.XSD.date), ("2021-11", ns.XSD.gYearMonth), ("2021", ns.XSD.gYear)],
)
def test_date_literals(value, dtype):
    lit = date_literal(value)
    assert lit.value == value and lit.datatype == N(dtype)


def test_bad_date_is_dropped():
    assert date_literal("11月9日") is None


def test_decimal_lexical_has_no_exponent():
    from decimal import Decimal

    assert decimal_lexical(Decimal("9.806E+10")) == "98060000000"
    assert decimal_lexical(Decimal("1.50")) == "1.5"
    assert decimal_lexical(1800000000) == "1800000000"


# ---------------------------------------------------------------- resolution


def test_normalise_folds_script_brackets_quotes_spaces():
    assert normalise("清陶（昆山）能源 ") == normalise("清陶(昆山)能源")
    assert normalise("“链长制”") == "链长制"
    assert normalise("蘇州") == normalise("苏州")


def test_resolution_merges_label_and_alias_across_articles():
    res = resolve(handmade())
    firm = next(e for e in res.entities if e.label == "甲乙能源科技有限公司")
    assert firm.type == "Company" and "甲乙能源" in firm.alt_labels
    # article a2 calls it 甲乙能源 and a3 too: both resolve to the same entity
    for x in handmade():
        if x.entity("甲乙能源"):
            assert res.lookup(x.article.digest, "甲乙能源") == firm
    assert not any(e.label == "甲乙能源" for e in res.entities)


def test_ambiguous_alias_links_nothing():
    res = resolve(handmade())
    labels = {e.label for e in res.entities if e.top_type == "Organization"}
    assert {"苏州市委", "昆山市委"} <= labels


def test_canonical_label_is_longest_then_smallest():
    x1 = extraction("x1.txt", "甲。", [("Company", "友达光电", {"友达"})], [])
    x2 = extraction("x2.txt", "乙。", [("Company", "友达", set())], [])
    x3 = extraction("x3.txt", "丙。", [("Company", "友达光電", set())], [])  # traditional form of the first
    ents = resolve([x1, x2, x3]).entities
    assert len(ents) == 1
    assert ents[0].label == "友达光电" and set(ents[0].alt_labels) == {"友达", "友达光電"}


def test_same_name_different_top_type_stays_apart():
    x = extraction("x.txt", "甲。", [("Company", "丙丁光伏", set()), ("Project", "丙丁光伏项目", {"丙丁光伏"})], [])
    assert len(resolve([x]).entities) == 2


def test_taxonomy_anchors_industries():
    tax = [TaxonomyConcept("新能源", None, ("新能源产业",)), TaxonomyConcept("光伏", "新能源", ())]
    res = resolve(handmade(), tax)
    industries = [e for e in res.entities if e.top_type == "Industry"]
    assert [e.label for e in industries] == ["新能源"]
    assert industries[0].alt_labels == ("新能源产业",)


def test_resolution_is_order_independent():
    base = resolve(handmade()).entities
    for seed in range(5):
        assert resolve(shuffled(handmade(), seed)).entities == base


def test_most_specific_type_by_majority():
    xs = [
        extraction("a.txt", "甲。", [("Company", "某某投资", set())], []),
        extraction("b.txt", "乙。", [("Fund", "某某投资", set())], []),
        extraction("c.txt", "丙。", [("Fund", "某某投资", set())], []),
    ]
    assert [e.type for e in resolve(xs).entities] == ["Fund"]


# ---------------------------------------------------------------- graph shape


@pytest.fixture(scope="module")
def quads():
    return build_quads(handmade(), taxonomy=[TaxonomyConcept("新能源", None, ("新能源产业",))])


def test_same_input_same_quads_whatever_the_order(quads):
    tax = [TaxonomyConcept("新能源", None, ("新能源产业",))]
    for seed in range(3):
        assert set(build_quads(shuffled(handmade(), seed), taxonomy=tax)) == set(quads)
    assert len(set(quads)) == len(quads)


def test_every_entity_has_one_label_and_a_type(quads):
    kinds = tuple(f"{CYR}{k}/" for k in ("person", "organization", "park", "place", "industry", "event", "initiative", "project"))
    ents = [q for q in quads if q.graph_name == DEFAULT_GRAPH and q.subject.value.startswith(kinds)
            and q.predicate in (N(RDFS.label), N(RDF.type), N(SKOS.altLabel)) and q.object != N(SKOS.Concept)]
    labels = Counter(q.subject for q in ents if q.predicate == N(RDFS.label))
    types = Counter(q.subject for q in ents if q.predicate == N(RDF.type))
    assert labels and set(labels.values()) == {1} and set(types.values()) == {1}
    assert set(labels) == set(types)
    assert all(q.object.language == "zh" for q in ents if q.predicate in (N(RDFS.label), N(SKOS.altLabel)))
    assert all(str(q.object.value).startswith(str(CY)) for q in ents if q.predicate == N(RDF.type))


def test_article_records_and_mentions_are_in_the_default_graph(quads):
    for x in handmade():
        art = N(article_iri(x.article.digest))
        mine = [q for q in quads if q.graph_name == DEFAULT_GRAPH]
        assert objects(mine, art, N(RDF.type)) == {N(CY.NewsArticle)}
        assert objects(mine, art, N(CY.sourceFile)) == {ox.Literal(x.article.source_file)}
        assert objects(mine, art, N(DCTERMS.title)) == {ox.Literal(x.article.title, language="zh")}
        mentioned = {q.subject for q in mine if q.predicate == N(CY.mentionedIn) and q.object == art}
        res = resolve(handmade(), [TaxonomyConcept("新能源", None, ("新能源产业",))])
        expected = {N(entity_iri(e.top_type, e.label, e.scope)) for e in res.mentioned_in(x.article.digest)}
        assert mentioned == expected and len(mentioned) > 0
    a2 = N(article_iri(handmade()[1].article.digest))
    assert {q.object for q in quads if q.subject == a2 and q.predicate == N(DCTERMS.date)} == {
        ox.Literal("2023-06", datatype=N(ns.XSD.gYearMonth))
    }


def test_evidence_offsets_point_at_the_sentence_in_the_raw_file(quads):
    by_file = {x.article.digest: x.article for x in handmade()}
    sentences = {q.subject for q in quads if q.predicate == N(RDF.type) and q.object == N(CY.Sentence)}
    assert len(sentences) > 10
    for node in sentences:
        graphs = {q.graph_name for q in quads if q.subject == node}
        assert len(graphs) == 1 and DEFAULT_GRAPH not in graphs  # each sentence in its article's graph
        for g in graphs:
            art = by_file[{a: d for d, a in ((d, article_iri(d)) for d in by_file)}[g.value]]
            text = objects(quads, node, N(CY.text), g)
            start = objects(quads, node, N(CY.startOffset), g)
            end = objects(quads, node, N(CY.endOffset), g)
            assert objects(quads, node, N(PROV.wasDerivedFrom), g) == {g}
            assert objects(quads, node, N(CY.states), g)  # only sentences that state a fact are written
            assert len(text) == len(start) == len(end) == 1
            s, e = int(start.pop().value), int(end.pop().value)
            assert s >= len(HEADER)
            assert art.raw_text[s:e] == text.pop().value


def test_provenance_is_once_per_fact_and_once_per_sentence(quads):
    """A fact stated by several sentences has one rdf:Statement (cyr:graph/statements); a sentence
    stating several facts is one node, linked to each (cy:states); neither copies the other."""
    statements = [q for q in quads if q.graph_name == G_STATEMENTS]
    nodes = {q.subject for q in statements}
    assert len(statements) == 3 * len(nodes)  # rdf:subject, rdf:predicate, rdf:object: nothing else
    assert {q.predicate for q in statements} == {N(RDF.subject), N(RDF.predicate), N(RDF.object)}
    links = [q for q in quads if q.predicate == N(CY.states)]
    assert {q.object for q in links} == nodes  # every statement is stated, by a sentence
    assert len({(q.subject, q.object, q.graph_name) for q in links}) == len(links)
    assert len(links) > len({q.subject for q in links})  # some sentence states several facts
    sentences = {q.subject for q in quads if q.predicate == N(RDF.type) and q.object == N(CY.Sentence)}
    for pred in (CY.text, CY.startOffset, CY.endOffset, PROV.wasDerivedFrom):
        holders = [q.subject for q in quads if q.predicate == N(pred)]
        assert sorted(holders) == sorted(sentences)  # once per sentence, only on sentences


def test_every_fact_is_one_default_graph_triple_with_its_evidence(quads):
    stated = set()
    for st in {q.subject for q in quads if q.graph_name == G_STATEMENTS}:
        (s,), (p,), (o,) = (objects(quads, st, N(x), G_STATEMENTS) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert ox.Quad(s, p, o, DEFAULT_GRAPH) in set(quads)
        stated.add((s, p, o))
    preds = {p for _, p, _ in stated}
    assert {N(CY.date), N(CY.launched), N(CY.projectCount), N(CY.signedAt), N(CY.holdsPosition), N(CY.investment)} <= preds
    # every cy: fact between minted resources has evidence; no fact triple sits in an article graph
    facts = {(q.subject, q.predicate, q.object) for q in quads if q.graph_name == DEFAULT_GRAPH
             and q.predicate.value.startswith(str(CY)) and q.subject.value.startswith(str(CYR))
             and q.predicate not in (N(CY.mentionedIn), N(CY.sourceFile), N(CY.title), N(CY.organization))
             and not q.subject.value.startswith((f"{CYR}amount/", f"{CYR}position/", f"{CYR}article/"))}
    assert facts == stated
    assert not [q for q in quads if q.graph_name != DEFAULT_GRAPH and q.predicate in preds]


def _person(label: str) -> ox.NamedNode:
    """A person's IRI: its scope (the organisations of its posts, kg.name_scope) is part of it."""
    e = next(e for e in resolve(handmade()).entities if e.top_type == "Person" and e.label == label)
    return N(entity_iri("Person", label, e.scope))


def test_positions_and_amounts(quads):
    zhang = _person("张三")
    posts = objects(quads, zhang, N(CY.holdsPosition))
    titles = {next(iter(objects(quads, p, N(CY.title)))).value for p in posts}
    assert titles == {"董事长", "总经理"}
    firm = N(entity_iri("Organization", "甲乙能源科技有限公司"))
    assert all(objects(quads, p, N(CY.organization)) == {firm} for p in posts)
    wang = _person("王五")
    assert any(not objects(quads, p, N(CY.organization)) for p in objects(quads, wang, N(CY.holdsPosition)))
    event = N(entity_iri("Event", "苏州新能源产业大会"))
    (amt,) = objects(quads, event, N(CY.investment))
    assert objects(quads, amt, N(SCHEMA.value)) == {ox.Literal("30000000000", datatype=N(ns.XSD.decimal))}
    assert objects(quads, amt, N(SCHEMA.currency)) == {ox.Literal("CNY")}
    assert objects(quads, event, N(CY.projectCount)) == {ox.Literal("12", datatype=N(ns.XSD.integer))}
    # the same amount stated by two articles is one node and one triple, with evidence in both article graphs
    proj = N(entity_iri("Project", "丙丁光伏项目"))
    (pamt,) = objects(quads, proj, N(CY.investment))
    assert len([q for q in quads if q.subject == proj and q.predicate == N(CY.investment)]) == 1
    (st,) = {q.subject for q in quads if q.predicate == N(RDF.object) and q.object == pamt}  # one statement
    assert len({q.graph_name for q in quads if q.predicate == N(CY.states) and q.object == st}) == 2


def test_extracted_industry_is_the_taxonomy_concept(quads):
    node = N(entity_iri("Industry", "新能源"))
    assert objects(quads, node, N(RDF.type), DEFAULT_GRAPH) == {N(SKOS.Concept), N(CY.Industry)}
    assert objects(quads, node, N(RDFS.label), DEFAULT_GRAPH) == {ox.Literal("新能源", language="zh")}


def test_taxonomy_file_and_broader(tmp_path):
    tsv = tmp_path / "industries.tsv"
    tsv.write_text("# label\tbroader\taliases\n新能源\t\t新能源产业\n光伏\t新能源\t光伏产业|太阳能光伏\n", encoding="utf-8")
    tax = load_taxonomy(tsv)
    assert tax == [TaxonomyConcept("光伏", "新能源", ("光伏产业", "太阳能光伏")), TaxonomyConcept("新能源", None, ("新能源产业",))]
    q = build_quads([], taxonomy=tax)
    pv, ne = N(entity_iri("Industry", "光伏")), N(entity_iri("Industry", "新能源"))
    assert objects(q, pv, N(SKOS.broader)) == {ne}
    assert objects(q, pv, N(SKOS.prefLabel)) == {ox.Literal("光伏", language="zh")}
    assert load_taxonomy(tmp_path / "missing.tsv") == []


def test_ontology_is_in_the_default_graph_and_stable(quads):
    onto = {q for q in quads if q.graph_name == DEFAULT_GRAPH}
    assert any(q.subject == N(CY.Company) and q.predicate == N(RDF.type) for q in onto)
    # blank nodes of the ontology get the same labels each build
    assert set(build_quads([], taxonomy=[])) <= onto


def test_build_activity_lists_inputs():
    from datetime import datetime, timezone

    xs = handmade()
    act = build_activity([x.article for x in xs], datetime(2024, 1, 1, tzinfo=timezone.utc))
    used = {q.object for q in act if q.predicate == N(PROV.used)}
    assert used == {N(article_iri(x.article.digest)) for x in xs}
    assert any(q.predicate == N(PROV.startedAtTime) for q in act)


def test_facts_outside_the_ontology_domain_and_range_are_dropped():
    x = extraction(
        "x.txt",
        "张三发布链长制。会议在张三举行。",
        [("Person", "张三", set()), ("Initiative", "链长制", set()), ("Event", "会议", set())],
        [
            ("launched", "张三", "链长制", "发布"),  # a person cannot launch (domain: Event)
            ("location", "会议", "张三", "举行"),  # a person is not a place (range: Place or Park)
            ("participatedIn", "张三", "会议", "举行"),  # fine
        ],
    )
    q = build_quads([x], taxonomy=[])
    preds = {p.predicate for p in q if p.graph_name == DEFAULT_GRAPH}
    assert N(CY.participatedIn) in preds
    assert N(CY.launched) not in preds and N(CY.location) not in preds


def test_a_name_shared_by_two_types_resolves_by_the_slot():
    x = extraction(
        "x.txt",
        "丙丁光伏项目签约，丙丁光伏投资。",
        [("Company", "丙丁光伏", set()), ("Project", "丙丁光伏项目", {"丙丁光伏"})],
        [("investor", "丙丁光伏", "丙丁光伏", "投资")],  # subject: the project (by alias), object: the firm
    )
    q = build_quads([x], taxonomy=[])
    proj, firm = N(entity_iri("Project", "丙丁光伏项目")), N(entity_iri("Organization", "丙丁光伏"))
    assert objects(q, proj, N(CY.investor)) == {firm}


def test_names_with_quotes_backslashes_and_breaks_reach_the_store_unchanged():
    """The graph is written as N-Quads text: what an article says must come out of the store as it went in."""
    name, firm = 'a "quoted" \\ name.txt', '甲"乙"\\丙公司'
    text = '甲"乙"\\丙公司在苏州\n签约\t项目。'
    x = extraction(name, text, [("Company", firm, {'甲\\乙'}), ("Place", "苏州", set())],
                   [("locatedIn", firm, "苏州", "签约")])
    graph = build_text([x], taxonomy=[])
    store = ox.Store()
    store.bulk_extend(graph.blank)
    store.bulk_load(graph.text().encode("utf-8"), ox.RdfFormat.N_QUADS)  # strict: IRIs and escapes checked
    assert set(store) == set(graph.quads()) and len(store) == len(graph)
    art, node = N(article_iri(x.article.digest)), N(entity_iri("Organization", firm))
    assert objects(store, art, N(CY.sourceFile)) == {ox.Literal(name)}
    assert objects(store, art, N(DCTERMS.title)) == {ox.Literal(x.article.title, language="zh")}
    assert objects(store, node, N(RDFS.label)) == {ox.Literal(firm, language="zh")}
    assert objects(store, node, N(SKOS.altLabel)) == {ox.Literal('甲\\乙', language="zh")}
    assert objects(store, node, N(CY.locatedIn)) == {N(entity_iri("Place", "苏州"))}
    assert {q.object.value for q in store if q.predicate == N(CY.text)} == {text}


def test_the_graph_counts_each_quad_once():
    """Two articles stating one fact, the taxonomy naming an extracted industry: the count is the store's."""
    graph = build_text(handmade() + handmade()[:1], taxonomy=[TaxonomyConcept("新能源", None, ("新能源产业",))])
    quads = graph.quads()
    assert len(graph) == len(set(quads)) == len(quads)


def test_relation_signatures_are_the_ontologys_domains_and_ranges():
    """Read from Oxigraph's parse of the ontology: the same as rdflib reads there."""
    import rdflib
    from rdflib.collection import Collection
    from rdflib.namespace import OWL

    from kg.namespaces import CY
    from kg.vocabulary import ONTOLOGY_FILE, relation_signatures

    g = rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")
    cy = str(CY)

    def classes(node):  # type: ignore[no-untyped-def]
        if node is None:
            return frozenset()
        union = g.value(node, OWL.unionOf)
        members = list(Collection(g, union)) if union is not None else [node]
        if not all(str(m).startswith(cy) for m in members):
            return None
        return frozenset(str(m)[len(cy):] for m in members)

    want = {}
    for prop in set(g.subjects(rdflib.RDF.type, OWL.ObjectProperty)) | set(g.subjects(rdflib.RDF.type, OWL.DatatypeProperty)):
        if str(prop).startswith(cy):
            want[str(prop)[len(cy):]] = (classes(g.value(prop, rdflib.RDFS.domain)) or frozenset(),
                                         classes(g.value(prop, rdflib.RDFS.range)))
    got = relation_signatures()
    assert got == want
    assert got["investor"] == (frozenset({"Project"}), frozenset({"Organization"}))
    assert got["investment"][1] is None  # a literal-valued property


def test_a_build_does_not_import_rdflib(tmp_path):
    """The graph writer names its IRIs as plain strings: rdflib (0.13 s to import) is for the
    views and the rdflib Dataset, not for kg build."""
    import subprocess
    import sys

    code = ("import sys\nfrom kg.api import KnowledgeGraph\n"
            f"KnowledgeGraph.build([{str(SEEDS / '000_a75f8161f974aa14.txt')!r}], store={str(tmp_path / 'store')!r})\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rdflib'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_work_prepared_as_extractions_come_gives_the_same_graph():
    """kg build -jN does the graph writer's per-article work (kg.graph_prepared.Prepared) as each extraction
    comes from a worker: the lines are those written without it; a Prepared of other articles is
    not used."""
    from kg.graph_prepared import Prepared

    extractions = handmade()
    prepared = Prepared()
    for x in [*extractions, extractions[0]]:  # (an article of the same bytes again: prepared once)
        prepared.add(x)
    plain, ready = build_text(extractions), build_text(extractions, prepared=prepared)
    assert prepared.covers(extractions) and not prepared.covers(extractions[1:])
    assert (ready.lines, ready.statements, ready.evidence, ready.statement_articles) == \
        (plain.lines, plain.statements, plain.evidence, plain.statement_articles)
    other = build_text(extractions[1:], prepared=prepared)
    assert other.lines == build_text(extractions[1:]).lines


def test_parts_hand_over_the_text_and_load_the_same_quads():
    """``parts()`` (a build's store load) drops the graph's lines as it goes, so they are not held
    while Oxigraph loads; the quads are those of ``data()``."""
    import pyoxigraph as ox

    from kg.extract import extract
    from kg.graph import build_text
    from kg.read import read_articles

    articles, _ = read_articles(sorted(SEEDS.glob("*.txt")))
    text = build_text([extract(a) for a in articles])
    kept = text.data()
    n = len(text)
    parts = list(text.parts())
    released = b"".join(parts)
    assert not text.lines and not text.statements and not text.evidence
    # the named graphs' quads in two halves of about as many quads each (loaded at once), then the default graph's
    assert len(parts) == 3
    named = [list(ox.parse(part, ox.RdfFormat.N_QUADS)) for part in parts[:2]]
    assert all(q.graph_name != ox.DefaultGraph() for half in named for q in half)
    assert all(q.graph_name == ox.DefaultGraph() for q in ox.parse(parts[2], ox.RdfFormat.N_QUADS))
    assert abs(len(named[0]) - len(named[1])) <= 0.1 * (len(named[0]) + len(named[1]))
    assert sorted(released.splitlines()) == sorted(kept.splitlines()) and len(kept.splitlines()) == n - len(text.blank)
    assert set(ox.parse(released, ox.RdfFormat.N_QUADS)) == set(ox.parse(kept, ox.RdfFormat.N_QUADS))
