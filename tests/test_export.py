"""kg.export: every export re-read by another reader (networkx, rdflib, pyoxigraph, csv), on the seed graph."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from conftest import ENV
from kg.export import FORMATS, export_format
from kg.export.neo4j import relationship_type
from kg.prefixes import PREFIX_IRIS

pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def projection(seed_kg):
    return seed_kg.to_networkx()


def _union(store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store}


# ---------------------------------------------------------------- Gephi


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_reread_with_scalar_attributes(tmp_path, seed_kg, projection, fmt, read):
    path = seed_kg.export(tmp_path / f"graph.{fmt}")
    G = read(path)
    assert G.number_of_nodes() == projection.number_of_nodes() > 100
    assert G.number_of_edges() == projection.number_of_edges() > 100
    for _, data in G.nodes(data=True):
        assert {"label", "type", "iri", "articles"} <= set(data)
        assert all(isinstance(v, (str, int, float)) for v in data.values()), data
    for _, _, data in G.edges(data=True):
        assert {"relation", "label", "sentences"} <= set(data)
        assert all(isinstance(v, (str, int, float)) for v in data.values()), data
    by_label = {d["label"]: d for _, d in G.nodes(data=True)}
    project = by_label["友达LTPS超窄边框面板项目"]
    assert project["type"] == "Project" and project["amount_USD"] == 1.8e9 and project["amount_CNY"] == 0.0
    assert isinstance(project["articles"], int) and project["articles"] >= 1
    relations = {d["relation"] for _, _, d in G.edges(data=True)}
    assert {"holdsPosition", "investor", "signedAt"} <= relations


def test_gexf_marks_edges_directed_and_has_unique_ids(tmp_path, seed_kg):
    text = seed_kg.export(tmp_path / "graph.gexf").read_text(encoding="utf-8")
    assert 'defaultedgetype="directed"' in text
    ids = re.findall(r'<edge [^>]*\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids)) > 100


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_hold_names_with_characters_xml_cannot(tmp_path, fmt, read):
    """A name can carry a control character (a kg rename, RDF loaded from elsewhere): written raw, the
    file was no XML any reader opens; each such character is U+FFFD, the rest of the name kept."""
    from kg.export.network import write

    G = nx.MultiDiGraph()
    G.add_node("https://w3id.org/chanye/resource/person/1", label="冯玉川\x0b(董事长)\x01", type="Person", aliases=["甲\ufffe乙"])
    G.add_node("https://w3id.org/chanye/resource/organization/2", label="清陶\u2028能源", type="Company")
    G.add_edge("https://w3id.org/chanye/resource/person/1", "https://w3id.org/chanye/resource/organization/2", key="holdsPosition",
               title="董事长\x1f", evidence=[("a.txt", "s")])
    H = read(write(G, tmp_path / f"g.{fmt}", fmt))
    nodes = {d["label"]: d for _, d in H.nodes(data=True)}
    assert set(nodes) == {"冯玉川\ufffd(董事长)\ufffd", "清陶\u2028能源"} and nodes["冯玉川\ufffd(董事长)\ufffd"]["aliases"] == "甲\ufffd乙"
    assert [d["title"] for _, _, d in H.edges(data=True)] == ["董事长\ufffd"]
    if fmt == "graphml":  # key ids unique (a node's and an edge's label were both id="label")
        ids = re.findall(r'<key [^>]*\bid="([^"]+)"', (tmp_path / "g.graphml").read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)) > 5


# ---------------------------------------------------------------- Neo4j

#: neo4j-admin import header fields: name:type, or only :ID / :LABEL / :START_ID / :END_ID / :TYPE.
_FIELD = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*)?(?::(?:ID|LABEL|START_ID|END_ID|TYPE|IGNORE)"
                    r"|:(?:int|long|float|double|boolean|byte|short|char|string|date|datetime)(?:\[\])?)?$")


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_neo4j_csv_headers_follow_the_import_format(tmp_path, seed_kg, projection):
    folder = seed_kg.export(tmp_path / "neo4j", "neo4j")
    node_header, nodes = _read_csv(folder / "nodes.csv")
    rel_header, rels = _read_csv(folder / "relationships.csv")
    assert all(_FIELD.match(f) for f in node_header + rel_header), (node_header, rel_header)
    assert node_header[0] == "iri:ID" and ":LABEL" in node_header
    assert {"name", "type", "articles:int", "aliases:string[]"} <= set(node_header)
    assert any(re.fullmatch(r"amount_[A-Z]{3}:double", f) for f in node_header)
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "sentences:int" in rel_header
    assert sum(f.endswith(":ID") for f in node_header) == 1
    assert all(len(r) == len(node_header) for r in nodes) and all(len(r) == len(rel_header) for r in rels)

    ids = [r[0] for r in nodes]
    assert len(ids) == len(set(ids)) == projection.number_of_nodes()
    assert len(rels) == projection.number_of_edges()
    known = set(ids)
    assert all(r[0] in known and r[1] in known for r in rels)
    assert all(re.fullmatch(r"[A-Z][A-Z_]*", r[2]) for r in rels)
    col = {f: i for i, f in enumerate(node_header)}
    for r in nodes:
        int(r[col["articles:int"]])
        labels = r[col[":LABEL"]].split(";")
        assert labels[:2] == ["Entity", r[col["type"]]]
        if r[col["type"]] == "Company":
            assert "Organization" in labels
    import_sh = (folder / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in import_sh and "--nodes=" in import_sh and "--relationships=" in import_sh


def test_relationship_types_are_upper_snake():
    assert relationship_type("holdsPosition") == "HOLDS_POSITION"
    assert relationship_type("locatedIn") == "LOCATED_IN"
    assert relationship_type("investor") == "INVESTOR"


# ---------------------------------------------------------------- RDF


def test_jsonld_has_a_compact_context_and_rereads_to_the_store(tmp_path, seed_kg):
    path = seed_kg.export(tmp_path / "graph.jsonld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"] == PREFIX_IRIS
    text = path.read_text(encoding="utf-8")
    assert '"cy:' in text and '"cyr:' in text
    namespaces = tuple(PREFIX_IRIS.values())
    iris = []  # every property key, @id and @type: compact wherever a prefix fits

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                iris.append(key)
                if key in ("@id", "@type"):
                    iris.extend(value if isinstance(value, list) else [value])
                walk(value)

    walk(doc["@graph"])
    assert len(iris) > 1000 and not [i for i in iris if i.startswith(namespaces) and i not in namespaces]
    store = seed_kg.store
    ds = rdflib.Dataset()
    ds.parse(path, format="json-ld")
    assert sum(1 for _ in ds.quads((None, None, None, None))) == len(store)
    parsed = list(ox.parse(path=path, format=ox.RdfFormat.JSON_LD))  # and `kg load` reads it back
    assert len(set(parsed)) == len(store)
    ground = lambda quads: {q for q in quads if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}  # noqa: E731
    assert ground(parsed) == ground(store)


def test_jsonld_keeps_iris_whose_scheme_is_a_prefix_name(tmp_path):
    """RDF from another tool may hold the IRI <cy:Company> itself: written as "cy:Company" under a context
    with the cy prefix, it was read back as the ontology's Company. That prefix leaves the context."""
    from kg.export.rdf import write_jsonld

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("http://example.org/p"), ox.NamedNode("cy:Company")))
    store.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode("https://w3id.org/chanye/ontology#Company")))
    store.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("http://example.org/q"), ox.NamedNode("rdfs:label")))
    with open(tmp_path / "g.jsonld", "w", encoding="utf-8") as fh:
        write_jsonld(store, fh)
    context = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))["@context"]
    assert "cy" not in context and "rdfs" not in context and context["cyr"] == PREFIX_IRIS["cyr"]
    assert set(ox.parse(path=tmp_path / "g.jsonld", format=ox.RdfFormat.JSON_LD)) == set(store)


def test_turtle_is_one_block_per_subject_with_prefixes(tmp_path, seed_kg):
    path = seed_kg.export(tmp_path / "graph.ttl")
    text = path.read_text(encoding="utf-8")
    for prefix, iri in PREFIX_IRIS.items():
        assert f"@prefix {prefix}: <{iri}> ." in text
    g = rdflib.Graph().parse(path, format="turtle")
    union = _union(seed_kg.store)
    assert len(g) == len(union)
    blocks = [line for line in text.splitlines() if line and not line[0].isspace() and not line.startswith("@prefix")]
    assert len(blocks) == len({t.subject for t in union}) == len(set(g.subjects()))
    assert seed_kg.export(tmp_path / "again.ttl").read_bytes() == path.read_bytes()  # deterministic


@pytest.mark.parametrize("ext, fmt", [("trig", "trig"), ("nq", "nquads")])
def test_named_graph_dumps_reread_to_the_store(tmp_path, seed_kg, ext, fmt):
    ds = rdflib.Dataset().parse(seed_kg.export(tmp_path / f"g.{ext}"), format=fmt)
    assert sum(1 for _ in ds.quads((None, None, None, None))) == len(seed_kg.store)


# ---------------------------------------------------------------- choosing the format


def test_export_format_from_extension_or_option(tmp_path):
    assert export_format(tmp_path / "g.gexf") == "gexf"
    assert export_format(tmp_path / "g.out", "GraphML") == "graphml"
    assert export_format(tmp_path / "neo4j") == "neo4j"
    assert export_format(tmp_path / "g.json-ld") == "jsonld"
    with pytest.raises(ValueError, match="use one of ttl, nt, trig, nq, jsonld, graphml, gexf, neo4j"):
        export_format(tmp_path / "g.xyz")
    with pytest.raises(ValueError, match="a folder of two CSV files, not g.csv: give a folder, e.g. kg export .*g --format neo4j"):
        export_format(tmp_path / "g.csv")


def test_cli_export_gexf_and_unknown_format(tmp_path, seed_kg):
    run = lambda *a: subprocess.run([sys.executable, "-m", "kg", "export", *a, "--store", str(seed_kg.store_path)],  # noqa: E731
                                    env=ENV, capture_output=True, text=True, cwd=tmp_path)
    ok = run("out/g.gexf")
    assert ok.returncode == 0, ok.stderr
    assert nx.read_gexf(tmp_path / "out" / "g.gexf").number_of_nodes() > 100
    bad = run("g.xyz")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.strip().splitlines() == [f"error: unknown export format 'xyz' for g.xyz; use one of {', '.join(FORMATS)}"]
    assert not (tmp_path / "g.xyz").exists()
    empty = run("")  # (a path of "" is the working folder: the Neo4j files were written into it)
    assert empty.returncode == 2 and empty.stderr == "error: give the file (or, for neo4j, the folder) to write\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# ---------------------------------------------------------------- from a SPARQL server

from test_remote import server  # noqa: E402,F401 - the real `oxigraph serve` fixture


def test_export_from_a_remote_store(server, tmp_path):  # noqa: F811
    from conftest import SEEDS
    from kg.api import KnowledgeGraph

    KnowledgeGraph.build(sorted(SEEDS.glob("*.txt"))[:1], store=server)
    remote = KnowledgeGraph.open(server)
    ds = rdflib.Dataset()
    ds.parse(remote.export(tmp_path / "g.jsonld"), format="json-ld")
    assert sum(1 for _ in ds.quads((None, None, None, None))) == len(remote.store) > 100
    assert len(rdflib.Graph().parse(remote.export(tmp_path / "g.ttl"), format="turtle")) > 100
    assert nx.read_gexf(remote.export(tmp_path / "g.gexf")).number_of_nodes() == remote.to_networkx().number_of_nodes()

