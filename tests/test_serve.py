"""kg serve: a real HTTP server on 127.0.0.1 speaking the SPARQL 1.1 Protocol over the seed store."""

from __future__ import annotations

import json
import re
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
    assert "冯玉川" in names and "Access-Control-Allow-Origin" not in headers  # no other web page reads it
    for accept, marker in (("application/sparql-results+xml", "<sparql"), ("text/csv", "l\r\n"), ("text/tab-separated-values", "?l")):
        status, headers, body = fetch(url, headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(accept) and marker in body and "冯玉川" in body, accept
    status, _, body = fetch(f"{endpoint}/sparql", data=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and "冯玉川" in body
    form = urllib.parse.urlencode({"query": SELECT}).encode()
    status, _, body = fetch(f"{endpoint}/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "冯玉川" in body


def test_the_protocols_one_query_and_formats_the_answer_can_come_in(endpoint):
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode([("query", SELECT), ("query", "ASK {}")])
    status, _, body = fetch(url)
    assert status == 400 and "one query parameter" in body, body
    form = urllib.parse.urlencode([("query", SELECT), ("query", "ASK {}")]).encode()
    assert fetch(f"{endpoint}/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400
    both = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
    assert fetch(both, data=urllib.parse.urlencode({"query": SELECT}).encode(),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400  # (one in the URL, one in the body)
    assert fetch(both, data=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})[0] == 400
    ask = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    for accept in ("text/csv", "text/tab-separated-values"):  # (the CSV and TSV formats define no boolean)
        status, _, body = fetch(ask, headers={"Accept": accept})
        assert status == 406 and "accepts none" in body, (accept, status, body)
    status, headers, body = fetch(ask, headers={"Accept": "text/csv, application/sparql-results+json;q=0.5"})
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json") and "true" in body
    select = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": SELECT})
    for accept in ("text/turtle", "text/html"):
        assert fetch(select, headers={"Accept": accept})[0] == 406, accept
    assert fetch(select, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})[0] == 200  # (a browser's)


def test_a_named_query_of_a_name_no_entity_has_is_not_found(endpoint):
    status, _, body = fetch(f"{endpoint}/queries/people_posts?" + urllib.parse.urlencode({"person": "查无此人"}))
    assert status == 404 and "no entity is named 查无此人 (parameter person)" in body, (status, body)


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
    status, _, body = fetch(f"{endpoint}/queries/" + urllib.parse.quote("人物"))  # said as asked, not %-escaped
    assert status == 404 and "no named query '人物'" in body, body
    assert fetch(f"{endpoint}/queries/entity_card")[0] == 400


def test_root_describes_the_service_and_gives_browsers_the_vendored_editor(endpoint):
    status, headers, body = fetch(f"{endpoint}/")
    assert status == 200 and "sd:Service" in body and headers["Content-Type"].startswith("text/turtle")
    status, headers, body = fetch(f"{endpoint}/", headers={"Accept": "text/html"})
    assert status == 200 and "people_posts" in body and 'src="assets/yasgui.min.js"' in body
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "script-src 'self'" in csp
    assert not re.search(r'(src|href)="(https?:)?//', body)  # every script, style and link is local
    for name, media in (("yasgui.min.js", "text/javascript"), ("yasgui.min.css", "text/css"), ("query.js", "text/javascript")):
        status, headers, asset = fetch(f"{endpoint}/assets/{name}")
        assert status == 200 and headers["Content-Type"].startswith(media) and len(asset) > 100, name
    status, _, licence = fetch(f"{endpoint}/assets/LICENSE")
    assert status == 200 and "MIT License" in licence and "@zazuko/yasgui 4.6.2" in licence
    assert fetch(f"{endpoint}/assets/../serve.py")[0] == 404 and fetch(f"{endpoint}/assets/view.js")[0] == 404
    status, headers, _ = fetch(f"{endpoint}/sparql", method="OPTIONS")
    assert status == 204 and "Access-Control-Allow-Origin" not in headers


def test_requests_named_for_another_host_are_refused(endpoint):
    """DNS rebinding: evil.example pointed at 127.0.0.1 makes its page of the server's origin, and the
    store readable without CORS; a server on 127.0.0.1 answers requests for itself only."""
    query = "/sparql?" + urllib.parse.urlencode({"query": SELECT})
    for host in ("evil.example", "evil.example:7878", "a b"):
        for method, data in (("GET", None), ("POST", b"ASK {}"), ("OPTIONS", None)):
            headers = {"Host": host, "Content-Type": "application/sparql-query"}
            status, _, body = fetch(endpoint + (query if method == "GET" else "/sparql"), data, headers, method)
            assert status == 403 and (method == "OPTIONS" or "127.0.0.1 or localhost only" in body), (host, method, status)
    assert fetch(endpoint + query)[0] == 200


def test_other_web_pages_read_the_answers_only_from_the_origin_named(seed_kg):
    """Open by default (*), any site the user visited could read the whole store from 127.0.0.1."""
    server = serve_in_thread(seed_kg.store, timeout=5, cors="https://yasgui.example")
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        status, headers, _ = fetch(f"{base}/sparql?" + urllib.parse.urlencode({"query": SELECT}))
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
        status, headers, _ = fetch(f"{base}/sparql", method="OPTIONS")
        assert status == 204 and headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    finally:
        server.shutdown()
    with pytest.raises(ValueError, match="--cors takes one origin"):
        serve_in_thread(seed_kg.store, cors="https://a.example, https://b.example")


def test_every_named_query_is_a_tab_with_its_parameters_explained(seed_kg):
    from kg.query import list_queries
    from kg.serve_page import page_config

    tabs = {t["name"]: t["query"] for t in page_config(seed_kg.store)["tabs"]}
    assert set(tabs) == {"SPARQL"} | {q.name for q in list_queries()}
    assert "PREFIX cy: <https://w3id.org/chanye/ontology#>" in tabs["SPARQL"]
    assert "GET /queries/people_posts?person=…" in tabs["people_posts"]
    assert '# VALUES ?person { "周伟"@zh }' in tabs["people_posts"]  # the header's example, commented out
    live = re.search(r"^  VALUES \?entity \{ (.+) \}$", tabs["entity_card"], re.M)  # needed: bound, to an entity of the store
    assert live and seed_kg.query("entity_card", entity=ox_literal(live.group(1))).shape[0] > 0


def ox_literal(term: str) -> str:
    return re.fullmatch(r'"(.*)"@zh', term).group(1)


def run_tab(page, name):
    """Select the tab of a named query and press YASGUI's run button, as a person would."""
    page.evaluate(f"""(() => {{ const t = Object.values(kgYasgui._tabs).find(t => t.getName() === {json.dumps(name)});
        kgYasgui.selectTabId(t.getId()); return true; }})()""")
    page.wait_for("document.querySelector('.tabPanel.active .yasqe_queryButton') !== null", 10)
    page.evaluate("document.querySelector('.tabPanel.active .yasqe_queryButton').click()")
    return page.wait_for("kgYasgui.getTab().getYasr().results && kgYasgui.getTab().getYasr().results.getBindings()"
                         " && document.querySelectorAll('.tabPanel.active .yasr tbody tr').length", 30, what=name)


def test_a_tabs_values_lines_go_in_the_real_where(tmp_path):
    """A user's query with "WHERE {" in a string: the tab's VALUES lines went into the string (the
    page found WHERE as bind_values did before it read the query as the lexer does)."""
    from kg.library import query_info
    from kg.serve_page import example_text

    rq = tmp_path / "mine.rq"
    rq.write_text('# title: Mine\n# params: firm (a firm)\nSELECT ?s ("a WHERE {b" AS ?t) WHERE { BIND(1 AS ?s) }\n',
                  encoding="utf-8")
    tab = example_text(query_info(rq))
    assert '("a WHERE {b" AS ?t) WHERE {\n  # VALUES ?firm' in tab, tab


def test_the_query_page_works_offline_in_a_browser(endpoint, seed_kg, browser):
    page = browser.page()
    page.allow_only(endpoint)
    page.goto(f"{endpoint}/")
    page.wait_for("window.kgYasgui && Object.keys(kgYasgui._tabs).length > 1", 30, what="YASGUI")
    names = page.evaluate("Object.values(kgYasgui._tabs).map(t => t.getName())")
    assert "people_posts" in names and "timeline" in names
    assert page.evaluate("kgYasgui.getTab().getEndpoint()") == f"{endpoint}/sparql"
    shown = run_tab(page, "people_posts")
    bindings = page.evaluate("kgYasgui.getTab().getYasr().results.getBindings().map(b => b.person.value)")
    assert len(bindings) == len(seed_kg.query("people_posts")) and "冯玉川" in bindings
    assert shown == min(len(bindings), 50)  # the table YASR drew (50 rows a page)
    assert "冯玉川" in page.evaluate("document.querySelector('.tabPanel.active .yasr tbody').innerText")
    run_tab(page, "entity_card")  # its parameter is bound in the tab, to an entity of the store
    assert page.evaluate("kgYasgui.getTab().getYasr().results.getBindings().length") > 0
    assert all(u.startswith(f"{endpoint}/") for u in page.requests), page.requests
    assert page.outside_requests() == [] and f"{endpoint}/sparql" in page.requests
    assert not page.console_errors and not page.exceptions, (page.console_errors, page.exceptions)
    page.close()


def test_the_query_page_shows_literals_as_the_store_holds_them(endpoint, browser):
    """YASR replaced each {{name}} in a literal with the row's ?name (or the bare name): a name or sentence
    holding braces was shown as another text (the vendored copy leaves literals alone, see its LICENSE)."""
    page = browser.page()
    page.allow_only(endpoint)
    page.goto(f"{endpoint}/")
    page.wait_for("window.kgYasgui && Object.keys(kgYasgui._tabs).length > 1", 30, what="YASGUI")
    query = 'SELECT ?l ?b WHERE { VALUES (?l ?b) { ("a{{b}}c" "甲") ("{{ l }}" "乙") } } ORDER BY ?b'
    page.evaluate(f"kgYasgui.addTab(true, {{name: 'braces', yasqe: {{value: {json.dumps(query)}}}}}) && true")
    assert run_tab(page, "braces") == 2
    cells = page.evaluate("[...document.querySelectorAll('.tabPanel.active .yasr tbody td')].map(td => td.innerText)")
    assert "a{{b}}c" in cells and "{{ l }}" in cells, cells
    assert not page.exceptions, page.exceptions
    page.close()


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


def raw_request(endpoint: str, request: bytes) -> bytes:
    """Send bytes as they are (what urllib would not send) and read the answer until the server closes."""
    import socket

    host, port = urllib.parse.urlsplit(endpoint).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(request)
        conn.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(("length", "status"), [(b"abc", b"400"), (b"-1", b"400"), (None, b"411")])
def test_a_post_without_a_usable_length_is_refused_at_once(endpoint, length, status):
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    head += b"Content-Length: " + length + b"\r\n" if length is not None else b""
    answer = raw_request(endpoint, head + b"\r\nASK {}")
    assert answer.startswith(b"HTTP/1.0 " + status) or answer.startswith(b"HTTP/1.1 " + status), answer[:80]
    assert b"Content-Length" in answer.split(b"\r\n\r\n")[1]


def test_bodies_and_urls_are_read_as_their_charset_strictly(endpoint):
    headers = {"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    status, _, body = fetch(f"{endpoint}/sparql", 'SELECT ("\xff" AS ?x) WHERE {}'.encode("latin-1"), headers)
    assert (status, body) == (400, "the body is not valid utf-8\n")
    gb = {**headers, "Content-Type": "application/sparql-query; charset=gb18030"}
    status, _, body = fetch(f"{endpoint}/sparql", 'SELECT ("中文" AS ?x) WHERE {}'.encode("gb18030"), gb)
    assert status == 200 and body.splitlines()[1] == "中文"
    status, _, body = fetch(f"{endpoint}/sparql?query=%FF%FE")
    assert (status, body) == (400, "the parameters are not valid UTF-8 once %-decoded\n")


def test_other_methods_are_not_allowed(endpoint):
    for method in ("PUT", "DELETE", "PATCH"):
        status, headers, body = fetch(f"{endpoint}/sparql", b"x", {"Content-Type": "text/turtle"}, method)
        assert status == 405 and headers["Allow"] == "GET, HEAD, POST, OPTIONS" and "read-only" in body


def test_the_protocols_dataset_replaces_the_querys_and_fetches_nothing(endpoint):
    count = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    whole = fetch(f"{endpoint}/sparql?query={count}", headers={"Accept": "text/csv"})[2].splitlines()[1]
    assert int(whole) > 1000
    elsewhere = urllib.parse.quote("http://127.0.0.1:9/graph")  # (nothing listens there: nothing is fetched)
    status, _, body = fetch(f"{endpoint}/sparql?query={count}&default-graph-uri={elsewhere}", headers={"Accept": "text/csv"})
    assert status == 200 and body.splitlines()[1] == "0"
    named = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    status, _, body = fetch(f"{endpoint}/sparql?query={named}&named-graph-uri={elsewhere}", headers={"Accept": "text/csv"})
    assert status == 200 and body.splitlines()[1] == "0"
    assert fetch(f"{endpoint}/sparql?query={count}&default-graph-uri=not%20an%20iri")[0] == 400


def test_the_service_description_takes_no_odd_host_and_claims_no_federation(seed_kg):
    import pyoxigraph as ox

    # listening for other machines (no Host check): an odd Host header is not written into the IRIs
    server = serve_in_thread(seed_kg.store, host="0.0.0.0")
    port = server.server_address[1]
    try:
        for host in ("a b", 'x> <http://evil/> <http://evil/p> "1', f"localhost:{port}"):
            status, _, body = fetch(f"http://127.0.0.1:{port}/", headers={"Host": host})
            assert status == 200 and "BasicFederatedQuery" not in body
            triples = list(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE))
            named = host if host.startswith("localhost") else f"0.0.0.0:{port}"
            assert "evil" not in body and {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)} == {
                f"http://{named}/sparql"}, body
    finally:
        server.shutdown()


def test_the_server_answers_from_the_store_s_current_version(tmp_path):
    """kg serve over a store that a kg add rewrites meanwhile: it answered from the old version (whose
    files the writer then removed: 'No such file' errors, and once a runaway of 24 GB)."""
    from conftest import SEEDS

    from kg.api import KnowledgeGraph, add

    seeds = sorted(SEEDS.glob("*.txt"))
    store = tmp_path / "store"
    KnowledgeGraph.build(seeds[:1], store=store)
    server = serve_in_thread(KnowledgeGraph.open(store), timeout=30)
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql?" + urllib.parse.urlencode(
        {"query": "SELECT (COUNT(?a) AS ?n) WHERE { ?a a cy:NewsArticle }"})
    try:
        count = lambda: json.loads(fetch(url)[2])["results"]["bindings"][0]["n"]["value"]  # noqa: E731
        assert count() == "1"
        add(seeds[1:3], store)
        assert count() == "3"
        status, _, body = fetch(f"http://127.0.0.1:{server.server_address[1]}/queries/people_posts")
        assert status == 200 and "冯玉川" in body
    finally:
        server.shutdown()
