"""A store on a SPARQL 1.1 server: queries over the Protocol, graphs written with the Graph Store Protocol.

``--store http://host:port`` (an Oxigraph server: ``/query``, ``/store``) or
``--store http://host:3030/ds`` (a Fuseki dataset: ``/ds/query``, ``/ds/data``)
names one. :class:`RemoteStore` answers the part of ``pyoxigraph.Store`` that
the rest of kg uses (``query``, ``quads_for_pattern``, ``len``), so named
queries, analyses and views run unchanged. A build, ``kg add`` and ``kg remove``
make the graph here, as for a local store, then write it with the Graph Store
Protocol (:meth:`RemoteStore.sync`): an idempotent ``PUT`` for each article's
named graph that changed, ``DELETE`` for the graphs of articles gone, and a
``PUT`` of the default graph (facts, entities, article records). The kept
extractions that add and remove need live on this machine (:func:`shadow`).

The named queries say ``GRAPH`` where they mean provenance and nothing else
where they mean facts, so they give the same rows whether the server's
default graph is its real default graph or the union of all graphs.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.store import StoreError

if TYPE_CHECKING:
    from kg.model import Extraction

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
        return self.sync(quads)

    def sync(self, quads: Iterable[ox.Quad], before: Iterable[ox.Quad] | None = None) -> int:
        """Make the server hold exactly ``quads``, writing only the named graphs that change.

        ``before`` is what the server should hold now (the graph of the articles
        it lists, made again from their kept extractions). A named graph is
        written (GSP ``PUT``) when its triples differ from ``before``'s, or when
        the server's copy has another size (a write that a crash cut short, or
        a graph someone else changed); graphs not in ``quads`` are deleted (GSP
        ``DELETE``); the default graph is always written, and written last:
        its article records are what the next add or remove reads as the
        store's articles, so a run cut short anywhere is finished by the next
        one. Every request is idempotent. ``before=None`` writes every graph.
        """
        graphs = _by_graph(quads)
        old = _by_graph(before) if before is not None else {}
        sizes = self.graph_sizes()
        changed = [name for name in graphs if not isinstance(name, ox.DefaultGraph) and (
            before is None or sizes.get(name) != len(graphs[name]) or set(graphs[name]) != set(old.get(name, ())))]
        for name in sorted(changed, key=str):
            self.put_graph(name, graphs[name])
        for stale in sorted(set(sizes) - set(graphs), key=str):
            self.delete_graph(stale)
        self.put_graph(ox.DefaultGraph(), graphs.get(ox.DefaultGraph(), []))
        return sum(len(t) for t in graphs.values())

    def graph_sizes(self) -> dict[ox.NamedNode, int]:
        """Each named graph on the server and its number of triples."""
        found = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {row["g"]: int(row["n"].value) for row in found}

    def put_graph(self, name: Any, triples: list[ox.Triple]) -> None:
        """Replace one graph (GSP PUT: the same request twice leaves the same graph)."""
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        self._request(self._graph_url(name), body, {"Content-Type": "application/n-triples"}, method="PUT")

    def delete_graph(self, name: Any) -> None:
        """Drop one graph (GSP DELETE); a graph already gone is not an error."""
        try:
            self._request(self._graph_url(name), method="DELETE")
        except RemoteError as exc:
            if ": 404 " not in str(exc):
                raise

    def _graph_url(self, name: Any) -> str:
        if isinstance(name, ox.DefaultGraph):
            return f"{self.gsp_url}?default"
        return f"{self.gsp_url}?graph={urllib.parse.quote(name.value, safe='')}"


def _by_graph(quads: Iterable[ox.Quad]) -> dict[Any, list[ox.Triple]]:
    graphs: dict[Any, list[ox.Triple]] = defaultdict(list)
    for q in quads:
        graphs[q.graph_name].append(ox.Triple(q.subject, q.predicate, q.object))
    return graphs


def shadow(url: str) -> Path:
    """Where this machine keeps what a remote store needs beside it, as a local store would.

    ``kg add``/``kg remove`` rebuild the graph from the kept extractions of the
    store's articles (:mod:`kg.archive`); for a server these live in
    ``$KG_REMOTE_ARCHIVE`` (default ``~/.cache/chanye-kg/remote``), under
    ``.<host>_<port>_<path>-<hash>.articles``, with the writer lock beside
    them. :func:`kg.archive.folder` and :func:`kg.versions.writer_lock` take
    the returned path as they take a local store's.
    """
    root = os.environ.get("KG_REMOTE_ARCHIVE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "chanye-kg", "remote")
    query_url, gsp_url = endpoints(url)
    parts = urllib.parse.urlsplit(url.rstrip("/"))
    name = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{parts.hostname}_{parts.port or ''}{parts.path}").strip("_")
    digest = hashlib.sha256(f"{query_url} {gsp_url}".encode()).hexdigest()[:8]
    return Path(root).absolute() / f"{name}-{digest}"


class _Triples(list):
    """CONSTRUCT/DESCRIBE results from the server (iterable triples, like ``pyoxigraph.QueryTriples``)."""


def write_graph(url: str, extractions: Sequence[Extraction], quads: list[ox.Quad],
                before: Sequence[Extraction] | None = None, locked: bool = False) -> RemoteStore:
    """Write a graph made from ``extractions`` to the server at ``url``, keeping them for add/remove.

    ``before``: the extractions of the articles the server holds now (add and
    remove pass them), so only the article graphs that change are written;
    None writes every graph. ``locked``: the caller holds the writer lock of
    :func:`shadow` (one writer per store on this machine).
    """
    from kg import archive, graph, versions

    local = shadow(url)
    try:
        with contextlib.nullcontext() if locked else versions.writer_lock(local):
            archive.keep(local, extractions)  # before the writes, as for a local store
            remote = RemoteStore(url)
            remote.sync(quads, graph.build_quads(before) if before else None)
            archive.prune(local, (x.article.digest for x in extractions))
    except versions.StoreBusy as exc:
        raise StoreError(str(exc)) from None
    return remote
