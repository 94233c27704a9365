"""``kg serve``: the store as a read-only SPARQL 1.1 Protocol endpoint, and the named queries over HTTP.

Routes (all read-only). No other web page may read the answers unless ``cors`` names its origin
(``kg serve --cors https://yasgui.example``, or ``*`` for any): the query page is served here
and needs none, and open by default any site the user visits could read the whole store from
``127.0.0.1`` while the server runs.

* ``GET|POST /sparql`` — the SPARQL 1.1 Protocol: ``query=`` (URL or form) or
  an ``application/sparql-query`` body (its ``charset``, default UTF-8), with
  the protocol's ``default-graph-uri`` and ``named-graph-uri``. SELECT/ASK answers as SPARQL JSON
  (default), XML, CSV or TSV by ``Accept``; CONSTRUCT/DESCRIBE as Turtle
  (default), N-Triples or JSON-LD. Updates get 403, ``SERVICE`` 400, a query
  past its time limit 503 (the server keeps serving), a body or URL that is not
  valid text 400, another method 405.
* ``GET /`` — the service description (Turtle), or for a browser the query
  page: YASGUI, vendored, with the named queries as tabs (:mod:`kg.serve_page`);
  ``GET /assets/NAME`` — its script, styles and licence, from package data.
* ``GET /queries`` — the named queries and their headers (JSON);
  ``GET /queries/NAME?param=value`` — one of them, parameters bound as
  ``kg query -p`` binds them (JSON records, or CSV by ``Accept``).

Each request runs in its own thread (``ThreadingHTTPServer``); pyoxigraph
releases the GIL, so queries run side by side. The server binds 127.0.0.1
unless told otherwise.
"""

from __future__ import annotations

import json
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from kg import guard, serve_page
from kg.prefixes import PREFIX_IRIS
from kg.query import QueryError, answer, format_table, list_queries
from kg.query_params import number_or_text

_RESULTS = {  # media type -> pyoxigraph QueryResultsFormat name
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
_GRAPHS = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/ld+json": "JSON_LD"}
#: an ASK's answer: the CSV and TSV results formats define none for a boolean
_BOOLEAN_RESULTS = {k: v for k, v in _RESULTS.items() if v in ("JSON", "XML")}
_UPDATE_TYPES = ("application/sparql-update",)
#: a Host header that can be written into the service description's IRIs as it is
_HOST = re.compile(r"[A-Za-z0-9.\-]+(?::[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?")


def _loopback(address: str) -> bool:
    """Whether ``address`` (an IP address, maybe in brackets) is this machine's loopback."""
    import ipaddress

    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return address == "localhost"


class _BadRequest(ValueError):
    """A request that is not valid as sent (its answer: 400 with the message)."""


def _params(query: str) -> dict[str, list[str]]:
    """A URL query or form body's parameters, its %-escapes read as UTF-8 (the protocol's), strictly."""
    try:
        return parse_qs(query, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise _BadRequest("the parameters are not valid UTF-8 once %-decoded") from None


class _NotAcceptable(ValueError):
    """An Accept header that lists none of the answer's formats and no wildcard (its answer: 406)."""


def _choose(accept: str, offered: dict[str, str], default: str) -> tuple[str, str]:
    """The first offered media type the client accepts (by q, then order); the default for a
    wildcard or no Accept; :class:`_NotAcceptable` when it accepts only formats not offered."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = next((float(b[2:]) for b in bits[1:] if b.startswith("q=") and b[2:].replace(".", "", 1).isdigit()), 1.0)
        if bits[0] and q > 0:
            ranked.append((-q, i, bits[0].lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media, offered[media]
        if media in ("*/*", "application/*", "text/*"):
            break
    else:
        if ranked:
            raise _NotAcceptable(f"this answer comes as {', '.join(sorted(set(offered)))}; the request accepts none of them")
    return default, offered[default]


def service_description(base: str) -> str:
    """The SPARQL 1.1 Service Description of the endpoint (Turtle)."""
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix cy: <{PREFIX_IRIS['cy']}> .
<{base}sparql> a sd:Service ;
    sd:endpoint <{base}sparql> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>, <http://www.w3.org/ns/formats/SPARQL_Results_XML>,
        <http://www.w3.org/ns/formats/SPARQL_Results_CSV>, <http://www.w3.org/ns/formats/SPARQL_Results_TSV>,
        <http://www.w3.org/ns/formats/Turtle>, <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/JSON-LD> ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


class _Handler(BaseHTTPRequestHandler):
    server_version = "chanye-kg"
    #: a store, or a :class:`kg.api.KnowledgeGraph` whose current version each request reads
    source: Any = None
    timeout_s: float | None = None
    cors: str | None = None  # the origin other web pages may read the answers from (None: none)

    @property
    def store(self) -> Any:
        """The store this request reads: a graph's current version (a ``kg add`` or rebuild while
        serving made a new one and removed the old: kept, the server answered stale data, then
        failed on the removed files)."""
        source = self.source
        return source.store if isinstance(getattr(type(source), "store", None), property) else source

    # ---------------------------------------------------------------- plumbing

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet unless asked
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes | str, media: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8" if media.startswith("text/") or "json" in media else media)
        self.send_header("Content-Length", str(len(data)))
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", self.cors)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: int, message: str) -> None:
        self._send(status, message + "\n", "text/plain")

    def _not_allowed(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.command} is not served: the endpoint is read-only "
                   "(GET, HEAD, POST of a query, OPTIONS)\n", "text/plain", {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed  # noqa: N815

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight
        if self._foreign():
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", self.cors)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    def _foreign(self) -> bool:
        """Refuse (403) a request named for another host while the server listens on this machine only:
        a page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) would otherwise be
        of the server's own origin, and read the store without any CORS header."""
        if not _loopback(str(self.server.server_address[0])):
            return False  # (listening for other machines: the user chose whom to answer)
        host = self.headers.get("Host")
        if host is None:  # (an HTTP/1.0 client without one: no browser sends such a request)
            return False
        name = host[: host.index("]") + 1] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
        if _loopback(name.lower()):
            return False
        self._error(HTTPStatus.FORBIDDEN, "this server answers requests for 127.0.0.1 or localhost only "
                    f"(the request names {host[:100]!r})")
        return True

    # ---------------------------------------------------------------- routes

    def do_GET(self) -> None:  # noqa: N802
        if self._foreign():
            return None
        url = urlsplit(self.path)
        try:
            every = _params(url.query)
        except _BadRequest as exc:
            return self._error(HTTPStatus.BAD_REQUEST, str(exc))
        params = {k: v[-1] for k, v in every.items()}
        if url.path in ("/sparql", "/sparql/"):
            if "update" in params:
                return self._error(HTTPStatus.FORBIDDEN, "the store is read-only; use kg add/remove")
            if "query" not in params:
                return self._error(HTTPStatus.BAD_REQUEST, "give the query as ?query=…")
            if len(every["query"]) > 1:
                return self._error(HTTPStatus.BAD_REQUEST, "give one query parameter, not several (SPARQL 1.1 Protocol)")
            return self._sparql(params["query"], every)
        if url.path == "/":
            if "text/html" in self.headers.get("Accept", ""):
                page = serve_page.query_page(self.store)
                return self._send(HTTPStatus.OK, page, "text/html", {"Content-Security-Policy": serve_page.CSP,
                                                                     "Cache-Control": "no-cache"})
            host = self.headers.get("Host", "")
            if not _HOST.fullmatch(host):  # (written into IRIs: only a host name or address and a port)
                host = "{}:{}".format(*self.server.server_address[:2])
            base = f"http://{host}/"
            return self._send(HTTPStatus.OK, service_description(base), "text/turtle")
        if url.path.startswith("/assets/"):
            found = serve_page.asset(url.path[len("/assets/"):])
            if found is None:
                return self._error(HTTPStatus.NOT_FOUND, f"no such asset {url.path}")
            return self._send(HTTPStatus.OK, found[0], found[1], {"Cache-Control": "max-age=3600"})
        if url.path in ("/queries", "/queries/"):
            listing = [{"name": q.name, "title": q.title, "question": q.question, "showcase": q.showcase,
                        "params": [{"name": n, "description": d} for n, d in q.params], "required": list(q.required)}
                       for q in list_queries()]
            return self._send(HTTPStatus.OK, json.dumps(listing, ensure_ascii=False, indent=1), "application/json")
        if url.path.startswith("/queries/"):
            return self._named(unquote(url.path[len("/queries/"):], errors="replace"), params)
        return self._error(HTTPStatus.NOT_FOUND, f"no such resource {url.path} (try /sparql, /queries or /)")

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        if self._foreign():
            self.close_connection = True  # (its body is left unread)
            return None
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/sparql/"):
            return self._error(HTTPStatus.NOT_FOUND, f"POST goes to /sparql, not {url.path}")
        declared = self.headers.get("Content-Length")
        if declared is None or not declared.strip().isdigit():
            self.close_connection = True  # (the body's end is unknown: nothing more is read from this connection)
            return self._error(HTTPStatus.LENGTH_REQUIRED if declared is None else HTTPStatus.BAD_REQUEST,
                               "a POST needs a Content-Length of the body's bytes")
        length = int(declared)
        if length > 1_000_000:
            self.close_connection = True
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query longer than 1 MB")
        data = self.rfile.read(length)
        kind, _, rest = self.headers.get("Content-Type", "").partition(";")
        kind = kind.strip().lower()
        if kind in _UPDATE_TYPES:
            return self._error(HTTPStatus.FORBIDDEN, "the store is read-only; use kg add/remove")
        charset = (re.search(r'charset\s*=\s*"?([\w.:-]+)', rest, re.IGNORECASE) or [None, "utf-8"])[1]
        try:
            body = data.decode(charset)
        except LookupError:
            return self._error(HTTPStatus.BAD_REQUEST, f"unknown charset {charset!r}")
        except UnicodeDecodeError:
            return self._error(HTTPStatus.BAD_REQUEST, f"the body is not valid {charset}")
        try:
            every = _params(urlsplit(self.path).query)
            if kind == "application/sparql-query":
                if "query" in every:  # (the body is the query: one in the URL too is a second)
                    return self._error(HTTPStatus.BAD_REQUEST, "give one query, not one in the URL and one in the body (SPARQL 1.1 Protocol)")
                return self._sparql(body, every)
            form = _params(body)
            every = {k: every.get(k, []) + form.get(k, []) for k in {*every, *form}}  # (a query in both: two, a 400 below)
        except _BadRequest as exc:
            return self._error(HTTPStatus.BAD_REQUEST, str(exc))
        form = {k: v[-1] for k, v in every.items()}
        if "update" in form:
            return self._error(HTTPStatus.FORBIDDEN, "the store is read-only; use kg add/remove")
        if "query" not in form:
            return self._error(HTTPStatus.BAD_REQUEST, "POST a query=… form or an application/sparql-query body")
        if len(every["query"]) > 1:
            return self._error(HTTPStatus.BAD_REQUEST, "give one query parameter, not several (SPARQL 1.1 Protocol)")
        return self._sparql(form["query"], every)

    # ---------------------------------------------------------------- answers

    def _sparql(self, text: str, params: dict[str, list[str]] | None = None) -> None:
        import pyoxigraph as ox

        try:
            guard.check(text)
        except guard.UnsafeQuery as exc:
            status = HTTPStatus.FORBIDDEN if "read-only" in str(exc) else HTTPStatus.BAD_REQUEST
            return self._error(status, str(exc))
        accept = self.headers.get("Accept", "") or "*/*"
        dataset: dict[str, Any] = {}  # the protocol's RDF dataset, which replaces the query's FROM (NAMED)
        try:
            for key, option in (("default-graph-uri", "default_graph"), ("named-graph-uri", "named_graphs")):
                if (params or {}).get(key):
                    dataset[option] = [ox.NamedNode(iri) for iri in params[key]]  # type: ignore[index]
        except ValueError as exc:
            return self._error(HTTPStatus.BAD_REQUEST, f"not an IRI: {exc}")

        def run() -> tuple[str, bytes]:
            result = self.store.query(text, prefixes=PREFIX_IRIS, **dataset)
            buf = guard.Sink()  # (a streamed answer stops there once its time limit passed)
            if isinstance(result, (ox.QueryTriples, list)):  # a list: CONSTRUCT answered by a remote store
                media, fmt = _choose(accept, _GRAPHS, "text/turtle")
                if isinstance(result, list):
                    ox.serialize(result, buf, getattr(ox.RdfFormat, fmt))
                else:
                    result.serialize(buf, getattr(ox.RdfFormat, fmt))
            else:
                offered = _RESULTS if not isinstance(result, ox.QueryBoolean) else _BOOLEAN_RESULTS
                media, fmt = _choose(accept, offered, "application/sparql-results+json")
                result.serialize(buf, getattr(ox.QueryResultsFormat, fmt))
            return media, buf.getvalue()

        try:
            media, body = guard.bounded(run, self.timeout_s)
        except guard.QueryTimeout as exc:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except _NotAcceptable as exc:
            return self._error(HTTPStatus.NOT_ACCEPTABLE, str(exc))
        except SyntaxError as exc:
            return self._error(HTTPStatus.BAD_REQUEST, f"malformed SPARQL: {' '.join(str(exc).split())[:300]}")
        except (RuntimeError, ValueError, OSError) as exc:
            return self._error(HTTPStatus.BAD_REQUEST, f"query failed: {exc}")
        self._send(HTTPStatus.OK, body, media)

    def _named(self, name: str, params: dict[str, str]) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
            return self._error(HTTPStatus.NOT_FOUND, f"no named query {name!r}")
        try:
            found = answer(self.store, name, {k: number_or_text(v) for k, v in params.items()}, self.timeout_s)
        except QueryError as exc:
            status = HTTPStatus.SERVICE_UNAVAILABLE if "stopped after" in str(exc) else (
                HTTPStatus.NOT_FOUND if "no named query" in str(exc) else HTTPStatus.BAD_REQUEST)
            return self._error(status, str(exc))
        if not found.rows and getattr(found, "unknown", None):  # (as kg query: a name no entity has is no empty answer)
            return self._error(HTTPStatus.NOT_FOUND, "; ".join(f"no entity is named {name} (parameter {param})" for param, name in found.unknown))
        try:
            media, _ = _choose(self.headers.get("Accept", "") or "*/*", {"application/json": "json", "text/csv": "csv"}, "application/json")
        except _NotAcceptable as exc:
            return self._error(HTTPStatus.NOT_ACCEPTABLE, str(exc))
        self._send(HTTPStatus.OK, format_table(found, "csv" if media == "text/csv" else "json"), media)


def make_server(store: Any, host: str = "127.0.0.1", port: int = 7878, timeout: float | None = None,
                verbose: bool = False, cors: str | None = None) -> ThreadingHTTPServer:
    """A ready (not yet serving) endpoint over ``store`` (a ``pyoxigraph.Store``, or a
    :class:`kg.api.KnowledgeGraph`: each request then reads its current version); ``port=0`` picks a free one.
    ValueError for a port outside 0-65535 or a time limit that is no number of seconds (at once, not
    at every request)."""
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise ValueError(f"a port is a number from 0 to 65535, not {port!r}")
    timeout = guard._limit(timeout) if timeout is not None else None
    if cors is not None and (not cors.strip() or any(ch in cors for ch in "\r\n ,")):
        raise ValueError(f"--cors takes one origin (e.g. https://yasgui.example) or *, not {cors!r}")
    handler = type("Handler", (_Handler,), {"source": store, "timeout_s": timeout, "cors": cors})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose  # type: ignore[attr-defined]
    return server


def serve_in_thread(store: Any, host: str = "127.0.0.1", port: int = 0, timeout: float | None = None,
                    cors: str | None = None) -> ThreadingHTTPServer:
    """Start an endpoint in a background thread (notebooks, tests); ``server.shutdown()`` stops it."""
    server = make_server(store, host, port, timeout, cors=cors)
    threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True).start()
    return server


__all__ = ["make_server", "serve_in_thread", "service_description"]
