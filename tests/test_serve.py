"""kg serve: a real HTTP server on 127.0.0.1 speaking the SPARQL 1.1 Protocol over the seed store."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.serve import serve_in_thread


@pytest.fixture(scope="module")
def endpoint(seed_kg):
    server = serve_in_thread(seed_kg.store, timeout=2)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def fetch(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8")


SELECT = "SELECT ?l WHERE { ?e a cy:Person ; rdfs:label ?l } ORDER BY ?l"


def test_select_by_get_and_post_in_every_results_format(endpoint):
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": SELECT})
    status, headers, body = fetch(url)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    names = [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert "冯玉川" in names and headers["Access-Control-Allow-Origin"] == "*"
    for accept, marker in (("application/sparql-results+xml", "<sparql"), ("text/csv", "l\r\n"), ("text/tab-separated-values", "?l")):
        status, headers, body = fetch(url, headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(accept) and marker in body and "冯玉川" in body, accept
    status, _, body = fetch(f"{endpoint}/sparql", data=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and "冯玉川" in body
    form = urllib.parse.urlencode({"query": SELECT}).encode()
    status, _, body = fetch(f"{endpoint}/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "冯玉川" in body


def test_construct_as_turtle_ntriples_and_jsonld(endpoint):
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a cy:Person ; rdfs:label ?l }"})
    for accept in ("text/turtle", "application/n-triples", "application/ld+json"):
        status, headers, body = fetch(url, headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(accept) and "冯玉川" in body, accept


def test_read_only_no_service_and_bounded(endpoint):
    status, _, body = fetch(f"{endpoint}/sparql", data=b"INSERT DATA { <http://a> <http://b> <http://c> }",
                            headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "DROP ALL"}))
    assert status == 403
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": q}))
    assert status == 400 and "SERVICE is refused" in body
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    t = time.perf_counter()
    status, _, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": slow}))
    assert status == 503 and time.perf_counter() - t < 10
    status, _, _ = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": SELECT}))
    assert status == 200  # still serving
    status, _, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x }"}))
    assert status == 400 and "malformed" in body


def test_requests_are_served_side_by_side(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    results = {}
    t = threading.Thread(target=lambda: results.setdefault("slow", fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": slow}))))
    t.start()
    time.sleep(0.3)
    start = time.perf_counter()
    status, _, _ = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": SELECT}))
    assert status == 200 and time.perf_counter() - start < 1.5  # not queued behind the slow one
    t.join()


def test_named_queries_over_http(endpoint):
    status, _, body = fetch(f"{endpoint}/queries")
    listing = {q["name"]: q for q in json.loads(body)}
    assert status == 200 and "people_posts" in listing and listing["entity_card"]["required"] == ["entity"]
    status, _, body = fetch(f"{endpoint}/queries/people_posts?" + urllib.parse.urlencode({"person": "冯玉川"}))
    rows = json.loads(body)
    assert status == 200 and rows and {r["person"] for r in rows} == {"冯玉川"}
    status, headers, body = fetch(f"{endpoint}/queries/timeline", headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv") and body.startswith("date,event")
    assert fetch(f"{endpoint}/queries/nope")[0] == 404
    assert fetch(f"{endpoint}/queries/entity_card")[0] == 400


def test_root_describes_the_service_and_gives_browsers_a_page(endpoint):
    status, headers, body = fetch(f"{endpoint}/")
    assert status == 200 and "sd:Service" in body and headers["Content-Type"].startswith("text/turtle")
    status, headers, body = fetch(f"{endpoint}/", headers={"Accept": "text/html"})
    assert status == 200 and "<textarea" in body and "people_posts" in body
    # offline: no external script or style, the only request goes to the relative endpoint
    assert "<script src" not in body and "<link" not in body and 'fetch("sparql"' in body
    status, headers, _ = fetch(f"{endpoint}/sparql", method="OPTIONS")
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"


def test_kg_serve_command_runs_until_ctrl_c(seed_kg):
    import re
    import signal
    import subprocess
    import sys

    from conftest import ENV

    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(seed_kg.store_path), "--port", "0"],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        port = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line).group(1)
        status, _, body = fetch(f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": SELECT}))
        assert status == 200 and "冯玉川" in body
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "stopped" in err


def test_sparqlwrapper_reads_the_endpoint(endpoint):
    """A real client library, as analysts use it."""
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery("PREFIX cy: <https://w3id.org/chanye/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                    "SELECT ?l WHERE { ?e a cy:Person ; rdfs:label ?l }")
    client.setReturnFormat(JSON)
    names = {b["l"]["value"] for b in client.query().convert()["results"]["bindings"]}
    assert "冯玉川" in names
    client.setMethod("POST")
    assert "冯玉川" in {b["l"]["value"] for b in client.query().convert()["results"]["bindings"]}
