"""Remote stores: the real Oxigraph server (``oxigraph serve``) started by the test, written and queried over HTTP."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.query import list_queries

from conftest import SEEDS
from test_queries_library import SEED_PARAMS
from conftest import ENV

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server is not installed (pip install oxigraph; it is a dev dependency)")
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
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
