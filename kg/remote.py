"""A store on a SPARQL 1.1 server: queries over the Protocol, graphs written with the Graph Store Protocol.

``--store http://host:port`` (an Oxigraph server: ``/query``, ``/store``) or
``--store http://host:3030/ds`` (a Fuseki dataset: ``/ds/query``, ``/ds/data``)
names one. :class:`RemoteStore` answers the part of ``pyoxigraph.Store`` that
the rest of kg uses (``query``, ``quads_for_pattern``, ``len``), so named
queries, analyses and views run unchanged; a build is made in memory and each
graph is written with an idempotent GSP ``PUT`` (the default graph of facts,
then one graph per article), after the old article graphs are deleted.

The named queries say ``GRAPH`` where they mean provenance and nothing else
where they mean facts, so they give the same rows whether the server's
default graph is its real default graph or the union of all graphs.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from kg.store import StoreError

_TIMEOUT = 120


class RemoteError(StoreError):
    """The server could not be reached or refused a request (one line, with its status)."""


def is_remote(location: object) -> bool:
    return str(location).startswith(("http://", "https://"))


def endpoints(url: str) -> tuple[str, str]:
    """(query URL, graph-store URL) of a server address: Oxigraph at a root, a Fuseki-style dataset below one."""
    url = url.rstrip("/")
    path = urllib.parse.urlsplit(url).path
    if not path:
        return f"{url}/query", f"{url}/store"
    if path.endswith(("/query", "/sparql")):
        base = url.rsplit("/", 1)[0]
        return url, (f"{base}/store" if not urllib.parse.urlsplit(base).path else f"{base}/data")
    return f"{url}/query", f"{url}/data"


class RemoteStore:
    """The subset of ``pyoxigraph.Store`` kg uses, over HTTP."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.query_url, self.gsp_url = endpoints(url)

    def _request(self, url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
                 method: str | None = None) -> bytes:
        req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=_TIMEOUT) as r:  # noqa: S310 - the user's own server
                return r.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise RemoteError(f"{self.url}: {exc.code} {exc.reason}{': ' + detail[0][:200] if detail else ''}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise RemoteError(f"cannot reach {self.url}: {getattr(exc, 'reason', exc)}") from None

    # ---------------------------------------------------------------- reading

    def query(self, text: str, prefixes: dict[str, str] | None = None, **_: Any) -> Any:
        """Run a query on the server; the answer as pyoxigraph results (solutions, boolean or triples)."""
        head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in (prefixes or {}).items() if f"{k}:" in text)
        body = (head + text).encode("utf-8")
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        data = self._request(self.query_url, body, {"Content-Type": "application/sparql-query", "Accept": accept})
        if data.lstrip().startswith(b"{"):
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        return _Triples(list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))

    def quads_for_pattern(self, s: Any, p: Any, o: Any, g: Any = None) -> Iterable[ox.Quad]:
        """Quads matching the pattern (``g``: a graph, ``DefaultGraph()`` or None for the named graphs)."""
        terms = [("?s" if s is None else str(s)), ("?p" if p is None else str(p)), ("?o" if o is None else str(o))]
        triple = " ".join(terms) + " ."
        if isinstance(g, ox.DefaultGraph):
            where, graph_of = triple, lambda row: ox.DefaultGraph()
        elif g is None:
            where, graph_of = f"GRAPH ?g {{ {triple} }}", lambda row: row["g"]
        else:
            where, graph_of = f"GRAPH {g} {{ {triple} }}", lambda row: g
        for row in self.query(f"SELECT * WHERE {{ {where} }}"):
            yield ox.Quad(s if s is not None else row["s"], p if p is not None else row["p"],
                          o if o is not None else row["o"], graph_of(row))

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"))
        return int(rows[0]["n"].value)

    # ---------------------------------------------------------------- writing

    def replace_all(self, quads: Iterable[ox.Quad]) -> int:
        """Make the server hold exactly ``quads``: each graph written with GSP PUT, stale graphs deleted."""
        graphs: dict[Any, list[ox.Triple]] = defaultdict(list)
        for q in quads:
            graphs[q.graph_name].append(ox.Triple(q.subject, q.predicate, q.object))
        before = {row["g"] for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
        for name in sorted(graphs, key=lambda n: (not isinstance(n, ox.DefaultGraph), str(n))):
            self.put_graph(name, graphs[name])
        for stale in sorted(before - set(graphs), key=str):
            self._request(self._graph_url(stale), method="DELETE")
        return sum(len(t) for t in graphs.values())

    def put_graph(self, name: Any, triples: list[ox.Triple]) -> None:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        self._request(self._graph_url(name), body, {"Content-Type": "application/n-triples"}, method="PUT")

    def _graph_url(self, name: Any) -> str:
        if isinstance(name, ox.DefaultGraph):
            return f"{self.gsp_url}?default"
        return f"{self.gsp_url}?graph={urllib.parse.quote(name.value, safe='')}"


class _Triples(list):
    """CONSTRUCT/DESCRIBE results from the server (iterable triples, like ``pyoxigraph.QueryTriples``)."""
