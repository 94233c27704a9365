"""kg.guard: queries are read-only, make no network calls and stop in bounded time."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
import time

import pytest

from kg.guard import UnsafeQuery, check
from kg.query import QueryError

from conftest import ENV


@pytest.mark.parametrize("text", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "PREFIX cy: <https://w3id.org/chanye/ontology#>\nDELETE WHERE { ?s cy:title ?t }",
    "# a comment\nDROP ALL",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "clear default",
])
def test_updates_are_refused_with_a_clear_line(text):
    with pytest.raises(UnsafeQuery, match="the store is read-only; use kg add/remove"):
        check(text)


def test_service_is_refused_but_the_word_elsewhere_is_fine():
    with pytest.raises(UnsafeQuery, match="SERVICE is refused"):
        check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    check('SELECT ?service WHERE { ?s <http://x/SERVICE> ?service FILTER(?service != "SERVICE") } # SERVICE')
    check("SELECT * WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("text", [
    # what the guard reads as a string or a comment must be what the parser reads as one
    "SELECT ?a WHERE { BIND(<http://x/'> AS ?x) SERVICE <http://127.0.0.1:9/a> { ?a ?b ?c } BIND(<http://y/'> AS ?y) }",
    "SELECT ?a WHERE { # '''\nSERVICE <http://127.0.0.1:9/b> { ?a ?b ?c }\n# '''\n}",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?a ex:a\\' ?b . SERVICE <http://127.0.0.1:9/c> { ?a ?b ?c } ?a ex:b\\' ?c }",
    'SELECT * WHERE { BIND("""a\\"""" AS ?x) SERVICE <http://127.0.0.1:9/d> { ?a ?b ?c } BIND("x" AS ?y) }',
    "SELECT * WHERE { ?a ?b ?x FILTER(?x<1) SERVICE<http://127.0.0.1:9/e>{?a ?b ?c} FILTER(?x>0) }",
])
def test_service_cannot_hide_behind_a_quote_the_parser_does_not_read_as_a_string(text):
    with pytest.raises(UnsafeQuery, match="SERVICE is refused"):
        check(text)


def test_nesting_deeper_than_any_query_is_refused_before_the_parser_overflows():
    with pytest.raises(UnsafeQuery, match="nests groups or brackets more than 256 deep"):
        check("SELECT * WHERE " + "{" * 3000 + "?s ?p ?o" + "}" * 3000)
    check("SELECT * WHERE " + "{" * 100 + "?s ?p ?o" + "}" * 100)
    check('SELECT * WHERE { ?s ?p "' + "{" * 3000 + '" }')  # (in a string: no nesting)


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_POST(self):  # noqa: N802
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args):
        pass


def test_a_service_query_sends_nothing(seed_kg):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/sparql"
        with pytest.raises(QueryError, match="no network calls"):
            seed_kg.query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
        with pytest.raises(QueryError, match="read-only"):
            seed_kg.query("INSERT DATA { <http://a> <http://b> <http://c> }")
        time.sleep(0.2)
        assert _Recorder.hits == []
    finally:
        server.shutdown()


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_runaway_query_stops_at_its_time_limit(seed_kg):
    t = time.perf_counter()
    with pytest.raises(QueryError, match="stopped after 1 s"):
        seed_kg.query(CARTESIAN, timeout=1)
    assert time.perf_counter() - t < 10


def test_cli_timeout_and_update_are_one_line(seed_kg, tmp_path):
    store = seed_kg.store_path
    proc = subprocess.run([sys.executable, "-m", "kg", "query", CARTESIAN, "--store", str(store), "--timeout", "1"],
                          env=ENV, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "stopped after 1 s" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "DROP ALL", "--store", str(store)],
                          env=ENV, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "read-only" in proc.stderr and "Traceback" not in proc.stderr


def test_ctrl_c_stops_a_running_query_within_a_second(seed_kg):
    import signal

    proc = subprocess.Popen([sys.executable, "-m", "kg", "query", CARTESIAN, "--store", str(seed_kg.store_path),
                             "--timeout", "0"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)  # started and busy (no time limit)
    assert proc.poll() is None
    t = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert time.perf_counter() - t < 1.5, "Ctrl-C took too long"
    assert proc.returncode == 130 and err.strip().splitlines() == ["interrupted"], err


def test_raw_sparql_is_bounded_too(seed_kg):
    t = time.perf_counter()
    with pytest.raises(QueryError, match="stopped after 1 s"):
        seed_kg.sparql(CARTESIAN, timeout=1)
    assert time.perf_counter() - t < 10
    assert len(seed_kg.sparql("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")) == 3


def test_the_api_is_usable_after_a_timeout(seed_kg):
    with pytest.raises(QueryError, match="stopped after"):
        seed_kg.query(CARTESIAN, timeout=0.5)
    assert len(seed_kg.query("timeline")) > 0  # the same graph answers the next query


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_runs_its_queries_on_its_own_workers():
    from kg.guard import bounded

    assert bounded(lambda: 1, 5) == 1  # the parent now has an idle worker thread
    pid = os.fork()
    if pid == 0:  # the child has no thread of the parent's: the query must not wait for one
        try:
            os._exit(0 if bounded(lambda: 2, 3) == 2 else 1)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_streamed_answer_stops_once_its_caller_stopped_waiting(seed_kg):
    """The engine writes a streamed answer (SELECT * over a cross join: 12M rows of the seed graph) as it
    goes: written to a Sink, it ends as soon as the time limit has passed (it ran on, in kg serve and
    in the API, growing by ~35 MB/s, long after the caller had its error)."""
    import pyoxigraph as ox

    from kg import guard

    ended = threading.Event()

    def run() -> None:
        try:
            seed_kg.store.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }").serialize(guard.Sink(), ox.QueryResultsFormat.TSV)
        finally:
            ended.set()

    started = time.monotonic()
    with pytest.raises(guard.QueryTimeout):
        guard.bounded(run, 0.3)
    assert ended.wait(10) and time.monotonic() - started < 5
    ended.clear()
    with pytest.raises(QueryError, match="stopped after"):  # the API reads its answers through a Sink too
        seed_kg.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", timeout=0.3)
    rows = guard.rows(iter(range(10**9)))  # and what it reads row by row: no worker here, so never abandoned
    assert next(rows) == 0 and not guard.abandoned()


def test_a_failing_querys_locals_are_dropped_by_the_thread_that_ran_it():
    """pyoxigraph's solutions may only be dropped by the thread that made them (else they are kept and
    warned of): what a failing query's frames held goes with its worker, not with the caller's error."""
    import gc

    from kg.guard import bounded

    died_in: list[str] = []

    class Held:  # (stands for an engine's answer held by the query's frame)
        def __del__(self) -> None:
            died_in.append(threading.current_thread().name)

    def run() -> None:
        held = Held()  # noqa: F841 - held by the frame, as an answer being read is
        raise ValueError("the query failed")

    with pytest.raises(ValueError, match="the query failed"):
        bounded(run, 5)
    gc.collect()
    assert died_in == ["kg-query"], died_in
