"""Remote stores: the real Oxigraph server (``oxigraph serve``) started by the test, written and queried over HTTP."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.query import list_queries

from conftest import SEEDS
from test_queries_library import SEED_PARAMS
from conftest import ENV, OXIGRAPH, free_port, start_oxigraph  # noqa: F401

@pytest.fixture(scope="module", autouse=True)
def kept_extractions(tmp_path_factory):
    """Remote stores keep their articles' extractions on this machine: here, not in the home folder."""
    import os

    old = os.environ.get("KG_REMOTE_ARCHIVE")
    os.environ["KG_REMOTE_ARCHIVE"] = ENV["KG_REMOTE_ARCHIVE"] = str(tmp_path_factory.mktemp("remote-archive"))
    yield Path(os.environ["KG_REMOTE_ARCHIVE"])
    if old is None:
        os.environ.pop("KG_REMOTE_ARCHIVE")
        ENV.pop("KG_REMOTE_ARCHIVE", None)
    else:
        os.environ["KG_REMOTE_ARCHIVE"] = ENV["KG_REMOTE_ARCHIVE"] = old


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    proc, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def rows(df):
    def norm(v):
        return "|".join(sorted(str(v).split("、"))) if isinstance(v, str) else str(v)

    return sorted(tuple(norm(v) for v in r) for r in df.itertuples(index=False))


def test_build_on_the_server_and_every_named_query_answers_as_embedded(server, seed_kg):
    remote = KnowledgeGraph.build([SEEDS], store=server)
    facts = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the default graph: identical
    assert int(remote.query(facts)["n"][0]) == int(seed_kg.query(facts)["n"][0])
    for info in list_queries():
        params = SEED_PARAMS.get(info.name, {})
        if info.required and not params:
            continue
        ours, theirs = seed_kg.query(info.name, **params), KnowledgeGraph.open(server).query(info.name, **params)
        if "sources" in ours:  # GROUP_CONCAT order is the engine's
            ours, theirs = ours.drop(columns="sources"), theirs.drop(columns="sources")
        assert rows(ours) == rows(theirs), info.name


def test_analyses_and_the_cli_on_the_server(server):
    KnowledgeGraph.build(sorted(SEEDS.glob("*.txt"))[:2], store=server)  # rebuilt: stale article graphs go
    kg = KnowledgeGraph.open(server)
    assert set(kg.query("SELECT ?f WHERE { ?a cy:sourceFile ?f }")["f"]) == {p.name for p in sorted(SEEDS.glob("*.txt"))[:2]}
    G = kg.to_networkx()
    assert G.number_of_nodes() > 10 and any(d["evidence"] for _, _, d in G.edges(data=True))
    assert len(kg.centrality(top=5)) == 5
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "timeline", "--store", server], env=ENV,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "rows)" in proc.stdout, proc.stderr
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "timeline", "--store", "http://127.0.0.1:9"], env=ENV,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "cannot reach" in proc.stderr


def graphs_of(store) -> dict[str, set[tuple[str, str, str]]]:
    """Every graph of a store (local or remote) as sets of triples; blank nodes (the ontology's) as one name."""
    import pyoxigraph as ox

    def text(term):
        return "_:b" if isinstance(term, ox.BlankNode) else str(term)

    out: dict[str, set] = {}
    for q in list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())) + list(store.quads_for_pattern(None, None, None, None)):
        out.setdefault(text(q.graph_name), set()).add((text(q.subject), text(q.predicate), text(q.object)))
    out.pop("<https://w3id.org/chanye/id/graph/build>", None)  # the build's times differ
    return {g: t for g, t in out.items() if g == "DEFAULT" or g.startswith("<https://w3id.org/chanye/id/")}  # kg's graphs


def same_as_local(remote_url, local_path):
    """The remote store holds the local store's graphs, and every named query gives the same rows."""
    remote, local = KnowledgeGraph.open(remote_url), KnowledgeGraph.open(local_path)
    assert graphs_of(remote.store) == graphs_of(local.store)
    for info in list_queries():
        params = SEED_PARAMS.get(info.name, {})
        if info.required and not params:
            continue
        ours, theirs = local.query(info.name, **params), remote.query(info.name, **params)
        if "sources" in ours:  # GROUP_CONCAT order is the engine's
            ours, theirs = ours.drop(columns="sources"), theirs.drop(columns="sources")
        assert rows(ours) == rows(theirs), info.name


def test_add_and_remove_on_the_server_match_the_local_store(server, tmp_path, kept_extractions):
    from kg import api

    seeds = sorted(SEEDS.glob("*.txt"))
    local = tmp_path / "store"
    KnowledgeGraph.build(seeds[:3], store=local)
    KnowledgeGraph.build(seeds[:3], store=server)
    assert any(p.name.endswith(".articles") for p in kept_extractions.iterdir())  # kept on this machine
    api.add(seeds[3:], local)
    api.add(seeds[3:], server)
    assert len(KnowledgeGraph.open(server).report.articles) == len(seeds)
    same_as_local(server, local)
    api.add(seeds[3:4], server)  # again: idempotent, nothing changes
    same_as_local(server, local)
    api.remove([seeds[0].name], local)
    api.remove([seeds[0].name], server)
    same_as_local(server, local)
    gone = KnowledgeGraph.open(server).query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not any(seeds[0].name in str(g) for g in gone["g"])


def test_an_add_cut_short_is_finished_by_the_next(server, tmp_path):
    """A remote write interrupted after some article graphs (the default graph not yet written) leaves
    the server listing the old articles; the next add writes what is missing or stale."""
    from kg import api
    from kg.remote import RemoteStore

    seeds = sorted(SEEDS.glob("*.txt"))
    local = tmp_path / "store"
    KnowledgeGraph.build(seeds[:2], store=local)
    KnowledgeGraph.build(seeds[:2], store=server)
    remote = RemoteStore(server)
    some_graph = sorted(remote.graph_sizes(), key=str)[0]
    remote.delete_graph(some_graph)  # a graph lost, as if a write had died half-way
    remote.put_graph(ox_named("https://w3id.org/chanye/id/article/0000000000000000"), [])  # and a stray one
    api.add(seeds[2:3], local)
    api.add(seeds[2:3], server)
    same_as_local(server, local)


def ox_named(iri):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_kg_add_and_remove_commands_on_the_server(server, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    KnowledgeGraph.build(seeds[:2], store=server)

    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg", *args], env=ENV, capture_output=True, text=True, timeout=300)

    proc = kg("add", str(seeds[2]), "--store", server)
    assert proc.returncode == 0 and f"updated {server} (3 articles" in proc.stdout, proc.stderr
    proc = kg("remove", seeds[0].name, "--store", server)
    assert proc.returncode == 0 and "(2 articles left)" in proc.stdout, proc.stderr
    held = set(KnowledgeGraph.open(server).report.articles)
    assert held == {seeds[1].name, seeds[2].name}
    proc = kg("remove", "nope.txt", "--store", server)
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1 and "holds no article" in proc.stderr
    elsewhere = {**ENV, "KG_REMOTE_ARCHIVE": str(tmp_path / "another-machine")}  # the extractions are not here
    proc = subprocess.run([sys.executable, "-m", "kg", "add", str(seeds[3]), "--store", server], env=elsewhere,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "kg build" in proc.stderr, proc.stderr
    assert set(KnowledgeGraph.open(server).report.articles) == held  # nothing written


def test_sync_rewrites_a_graph_whose_triples_change_at_the_same_size(server):
    """A new article can change an old article's evidence (an entity gets a fuller label, so a new
    IRI) without changing its size: such a graph is written too; one that does not change is not."""
    import pyoxigraph as ox

    from kg.remote import RemoteStore

    remote = RemoteStore(server)
    a, b = ox_named("https://w3id.org/chanye/id/article/aaaaaaaaaaaaaaaa"), ox_named("https://w3id.org/chanye/id/article/bbbbbbbbbbbbbbbb")
    p = ox_named("https://w3id.org/chanye/ontology#text")

    def graph(word, other):
        return [ox.Quad(a, p, ox.Literal(word), a), ox.Quad(b, p, ox.Literal(other), b),
                ox.Quad(a, p, ox.Literal("fact"), ox.DefaultGraph())]

    remote.replace_all(graph("old", "same"))
    remote.put_graph(b, [ox.Triple(b, p, ox.Literal("changed behind our back, same size"))])
    remote.sync(graph("new", "same"), before=graph("old", "same"))
    held = {(str(q.graph_name), q.object.value) for q in remote.quads_for_pattern(None, p, None)}
    assert ("<https://w3id.org/chanye/id/article/aaaaaaaaaaaaaaaa>", "new") in held
    # b did not change between before and now, and its size matches: left alone (only sizes and our own
    # record say what the server holds; a same-size edit by someone else is not looked for)
    assert ("<https://w3id.org/chanye/id/article/bbbbbbbbbbbbbbbb>", "changed behind our back, same size") in held
    remote.sync(graph("new", "same"))  # before=None: every graph written
    held = {(str(q.graph_name), q.object.value) for q in remote.quads_for_pattern(None, p, None)}
    assert held == {("<https://w3id.org/chanye/id/article/aaaaaaaaaaaaaaaa>", "new"), ("<https://w3id.org/chanye/id/article/bbbbbbbbbbbbbbbb>", "same")}


def test_a_server_whose_queries_see_the_union_of_graphs_with_the_facts_in_a_named_graph(tmp_path):
    """As Virtuoso is (its Graph Store has no default graph; its queries see every graph): the facts
    go to a named graph (``?facts=IRI``), and add/remove still match the local store. A graph that
    is not kg's stays untouched."""
    import pyoxigraph as ox

    from kg import api
    from kg.remote import FACTS_GRAPH, RemoteStore

    proc, url = start_oxigraph(tmp_path / "union", "--union-default-graph")
    try:
        store = f"{url}?facts={FACTS_GRAPH}"
        other = ox.NamedNode("http://example.org/someone-else")
        RemoteStore(url).put_graph(other, [ox.Triple(other, ox.NamedNode("http://example.org/p"), ox.Literal("kept"))])
        seeds = sorted(SEEDS.glob("*.txt"))
        local = tmp_path / "store"
        KnowledgeGraph.build(seeds[:3], store=local)
        KnowledgeGraph.build(seeds[:3], store=store)
        assert FACTS_GRAPH in {str(g.value) for g in RemoteStore(url).graph_sizes()}
        api.add(seeds[3:], local)
        api.add(seeds[3:], store)
        same_as_local(store, local)
        api.remove([seeds[1].name], local)
        api.remove([seeds[1].name], store)
        same_as_local(store, local)
        assert len(list(RemoteStore(url).quads_for_pattern(None, None, None, other))) == 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_addresses_of_oxigraph_fuseki_and_virtuoso():
    from kg.remote import FACTS_GRAPH, RemoteStore, endpoints

    assert endpoints("http://h:7878") == ("http://h:7878/query", "http://h:7878/store", None)
    assert endpoints("http://h:3030/kg") == ("http://h:3030/kg/query", "http://h:3030/kg/data", None)
    assert endpoints("http://h:3030/kg/sparql") == ("http://h:3030/kg/sparql", "http://h:3030/kg/data", None)
    assert endpoints("http://h:8890/sparql") == ("http://h:8890/sparql", "http://h:8890/sparql-graph-crud", FACTS_GRAPH)
    assert endpoints("http://h:8890/sparql-auth")[1] == "http://h:8890/sparql-graph-crud-auth"
    assert endpoints("http://h:9/q?gsp=/graphs&facts=") == ("http://h:9/q/query", "http://h:9/graphs", None)
    remote = RemoteStore("http://me:s%40cret@127.0.0.1:9/kg")
    assert remote.url == "http://127.0.0.1:9/kg"  # the password is never in a message
    with pytest.raises(Exception) as caught:
        remote.graph_sizes()
    assert "cannot reach http://127.0.0.1:9/kg" in str(caught.value) and "cret" not in str(caught.value)


def test_kg_serve_over_a_remote_store(server):
    """The endpoint in front of a SPARQL server: SELECT in CSV, CONSTRUCT in Turtle, a named query."""
    import json
    import urllib.parse

    from kg.remote import RemoteStore
    from kg.serve import serve_in_thread

    KnowledgeGraph.build([SEEDS], store=server)
    endpoint = serve_in_thread(RemoteStore(server), timeout=30)
    base = f"http://127.0.0.1:{endpoint.server_address[1]}"
    try:
        def get(path, accept):
            req = urllib.request.Request(base + path, headers={"Accept": accept})
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.headers["Content-Type"], r.read().decode("utf-8")

        q = urllib.parse.urlencode({"query": "SELECT ?l WHERE { ?e a cy:Person ; rdfs:label ?l } ORDER BY ?l"})
        media, body = get(f"/sparql?{q}", "text/csv")
        assert media.startswith("text/csv") and body.startswith("l\r\n") and "冯玉川" in body
        q = urllib.parse.urlencode({"query": "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a cy:Person ; rdfs:label ?l }"})
        media, body = get(f"/sparql?{q}", "text/turtle")
        assert media.startswith("text/turtle") and '"冯玉川"@zh' in body
        media, body = get("/queries/people_posts?" + urllib.parse.urlencode({"person": "冯玉川"}), "application/json")
        assert {r["person"] for r in json.loads(body)} == {"冯玉川"}
    finally:
        endpoint.shutdown()


@pytest.mark.parametrize(("address", "line"), [
    ("http://[::1", "error: not a server address: http://[::1: Invalid IPv6 URL"),
    ("http://127.0.0.1:abc", "error: not a server address: http://127.0.0.1:abc: Port could not be cast to integer"),
    ("http://127.0.0.1:9?facts=not%20an%20iri", "error: not a server address: http://127.0.0.1:9?facts=not%20an%20iri: Invalid IRI"),
    ("http://127.0.0.1:9?fact=x", "error: not a server address: http://127.0.0.1:9?fact=x: unknown option 'fact'"),
    ("http://user:secret@[::1", "error: not a server address: http://[::1: Invalid IPv6 URL"),
    ("ftp://127.0.0.1:9", "error: ftp://127.0.0.1:9: not a store: a SPARQL server's address starts with http://"),
])
def test_an_address_that_is_no_server_is_one_line(tmp_path, address, line):
    for args in (["query", "timeline"], ["build", str(SEEDS)]):
        proc = subprocess.run([sys.executable, "-m", "kg", *args, "--store", address], env=ENV, cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2 and proc.stderr.startswith(line), (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and "secret" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # (ftp://… was once made a folder)


def test_a_server_answering_nonsense_is_one_line(tmp_path):
    import http.server
    import threading

    class Nonsense(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b"{not json"
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Nonsense)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}"
        for args in (["query", "timeline"], ["analyze", "centrality"], ["viz", "-o", str(tmp_path / "v.html")]):
            proc = subprocess.run([sys.executable, "-m", "kg", *args, "--store", address], env=ENV,
                                  capture_output=True, text=True, timeout=300)
            assert proc.returncode == 2, (args, proc.stderr)
            assert proc.stderr.startswith(f"error: {address}: its answer is not valid SPARQL JSON"), (args, proc.stderr)
    finally:
        server.shutdown()
