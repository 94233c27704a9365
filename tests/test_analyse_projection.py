"""kg.analyse.projection: the RDF graph as a NetworkX multigraph, per docs/ARCHITECTURE.md."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analyse.projection import simple_view, to_networkx


@pytest.fixture(scope="module")
def G(contract_ds):
    return to_networkx(contract_ds)


def node(G, label):
    found = [n for n, d in G.nodes(data=True) if d["label"] == label]
    assert len(found) == 1, f"{label}: {found}"
    return found[0]


def test_nodes_are_entities_with_contract_attributes(G, contract_ds):
    assert isinstance(G, nx.MultiDiGraph)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    # every labelled minted entity is a node, nothing else (no positions, amounts, articles)
    expected = {str(l) for (l,) in contract_ds.query(
        "SELECT ?l WHERE { ?e rdfs:label ?l FILTER(STRSTARTS(STR(?e), 'https://w3id.org/chanye/id/')) }")}
    assert labels == expected
    youda = G.nodes[node(G, "友达光电")]
    assert youda["type"] == "Company"
    assert youda["aliases"] == ["友达"]
    assert youda["articles"] == ["a1.txt", "a2.txt"]
    assert G.nodes[node(G, "昆山市新兴产业发展大会")]["date"] == "2021-11-09"


def test_amounts_fold_onto_nodes_and_investor_edges(G):
    project = node(G, "友达LTPS超窄边框面板项目")
    assert G.nodes[project]["amounts"] == [(1800000000, "USD")]
    assert G.nodes[node(G, "昆山市新兴产业发展大会")]["amounts"] == [(98060000000, "CNY")]
    edge = G.get_edge_data(project, node(G, "友达光电"), key="investor")
    assert edge["amounts"] == [(1800000000, "USD")]


def test_positions_fold_to_person_organisation_edges_with_title(G):
    feng, qingtao = node(G, "冯玉川"), node(G, "清陶(昆山)能源发展股份有限公司")
    edge = G.get_edge_data(feng, qingtao, key="holdsPosition")
    assert edge["title"] == "董事长"
    assert edge["label"] == "担任职务"
    assert edge["predicate"] == "https://w3id.org/chanye/ontology#holdsPosition"
    assert edge["evidence"] and all(f == "a1.txt" and "冯玉川" in s for f, s in edge["evidence"])
    # a post without an organisation is dropped, the person stays
    wang = node(G, "王永锟")
    assert all(k != "holdsPosition" for _, _, k in G.out_edges(wang, keys=True))


def test_edges_carry_chinese_label_and_evidence(G):
    for u, v, key, data in G.edges(keys=True, data=True):
        assert data["predicate"].endswith("#" + key)
        assert data["label"] and data["label"] != key, key  # the ontology names every contract property
        assert data["evidence"], (G.nodes[u]["label"], key, G.nodes[v]["label"])
    signed = G.get_edge_data(node(G, "友达LTPS超窄边框面板项目"), node(G, "昆山市新兴产业发展大会"), key="signedAt")
    assert signed["label"] == "签约于"
    [(source, sentence)] = signed["evidence"]
    assert source == "a1.txt" and "现场签约" in sentence


def test_no_provenance_or_literal_edges(G):
    keys = {k for _, _, k in G.edges(keys=True)}
    assert not keys & {"mentionedIn", "investment", "date", "projectCount", "organization", "title"}


def test_simple_view_counts_parallel_relations():
    M = nx.MultiDiGraph()
    M.add_node("a", label="a", type="Company")
    M.add_node("b", label="b", type="Company")
    M.add_edge("a", "b", key="partnerOf")
    M.add_edge("b", "a", key="subsidiaryOf")
    H = simple_view(M)
    assert H["a"]["b"]["weight"] == 2 and H.number_of_edges() == 1


# ---------------------------------------------------------------- seed graph


def test_seed_projection_has_posts_with_titles_and_evidence(seed_kg):
    G = seed_kg.to_networkx()
    assert G is seed_kg.to_networkx()  # cached
    feng = [n for n, d in G.nodes(data=True) if d["label"] == "冯玉川"]
    assert feng and G.nodes[feng[0]]["type"] == "Person"
    posts = [(G.nodes[o]["label"], d["title"], d["evidence"]) for _, o, k, d in G.out_edges(feng[0], keys=True, data=True) if k == "holdsPosition"]
    assert any("清陶" in org and title == "董事长" and evidence for org, title, evidence in posts), posts
    for _, _, data in G.edges(data=True):
        assert data["label"] and data["predicate"].startswith("https://w3id.org/chanye/ontology#")
        for source_file, sentence in data["evidence"]:
            assert source_file.endswith(".txt") and sentence
    amounts = [a for _, a in G.nodes(data="amounts") if a]
    assert amounts and {c for a in amounts for _, c in a} >= {"CNY"}


def test_projection_is_kept_beside_the_store_per_version(tmp_path):
    """A second process (a new KnowledgeGraph) loads the projection instead of re-reading the store;
    a rebuild is a new version."""
    from kg.analyse.cache import cache_path, store_version
    from kg.api import KnowledgeGraph
    from kg.query import _store_of

    from conftest import SEEDS

    store = tmp_path / "store"
    first = KnowledgeGraph.build([SEEDS / "000_a75f8161f974aa14.txt"], store=store)
    G = first.to_networkx()
    version = store_version(_store_of(first.dataset))
    kept = cache_path(store, version)
    assert kept.is_file()
    again = KnowledgeGraph.open(store).to_networkx()
    assert again is not G and sorted(again.nodes(data="label")) == sorted(G.nodes(data="label"))
    assert sorted(again.edges(keys=True)) == sorted(G.edges(keys=True))
    first.close()
    second = KnowledgeGraph.build([SEEDS], store=store)
    assert store_version(_store_of(second.dataset)) != version
    bigger = second.to_networkx()
    assert bigger.number_of_nodes() > G.number_of_nodes()
    assert not kept.exists()  # the stale version is gone


def test_projection_of_a_loaded_store_is_kept_per_version_directory(tmp_path):
    """A store made by ``kg load`` has no build record: its projection is kept under the version
    directory its link points to, and a new load (a new directory) is projected afresh."""
    import pyoxigraph as ox

    from kg.analyse.cache import cache_path, directory_version
    from kg.api import KnowledgeGraph

    data = tmp_path / "facts.nq"
    quads = [ox.Quad(ox.NamedNode("https://w3id.org/chanye/id/organization/a"), ox.NamedNode(_LABEL), ox.Literal("甲", language="zh")),
             ox.Quad(ox.NamedNode("https://w3id.org/chanye/id/organization/a"), ox.NamedNode(_TYPE), ox.NamedNode(_COMPANY))]
    ox.serialize(quads, str(data), ox.RdfFormat.N_QUADS)
    store = tmp_path / "store"
    G = KnowledgeGraph.load([data], store).to_networkx()
    version = directory_version(store)
    assert version and cache_path(store, version).is_file()
    assert [d["label"] for _, d in KnowledgeGraph.open(store).to_networkx().nodes(data=True)] == ["甲"] == [d["label"] for _, d in G.nodes(data=True)]
    quads.append(ox.Quad(ox.NamedNode("https://w3id.org/chanye/id/organization/b"), ox.NamedNode(_LABEL), ox.Literal("乙", language="zh")))
    quads.append(ox.Quad(ox.NamedNode("https://w3id.org/chanye/id/organization/b"), ox.NamedNode(_TYPE), ox.NamedNode(_COMPANY)))
    ox.serialize(quads, str(data), ox.RdfFormat.N_QUADS)
    again = KnowledgeGraph.load([data], store).to_networkx()
    assert directory_version(store) != version and not cache_path(store, version).exists()
    assert sorted(d["label"] for _, d in again.nodes(data=True)) == ["乙", "甲"]


_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_COMPANY = "https://w3id.org/chanye/ontology#Company"


def test_projection_and_its_cached_copy_are_made_with_the_collector_paused(tmp_path):
    """The projection is ~10^6 small containers at 1M triples, none garbage: with the cyclic
    collector running, making it (8.9 -> 8.0 s) and loading its kept copy (0.77 -> 0.19 s) took longer."""
    from kg.api import KnowledgeGraph

    from conftest import SEEDS, collections

    KnowledgeGraph.build([SEEDS], store=tmp_path / "store").close()
    with collections() as runs:
        made = KnowledgeGraph.open(tmp_path / "store").to_networkx()  # made, and kept beside the store
        loaded = KnowledgeGraph.open(tmp_path / "store").to_networkx()  # read back
    assert runs == []
    assert loaded is not made and loaded.number_of_edges() == made.number_of_edges() > 0
