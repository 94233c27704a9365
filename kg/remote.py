"""A store on a SPARQL 1.1 server: queries over the Protocol, graphs written with the Graph Store Protocol.

``--store http://host:port`` (an Oxigraph server: ``/query``, ``/store``),
``--store http://host:3030/ds`` (a Fuseki dataset: ``/ds/query``, ``/ds/data``)
or ``--store http://host:8890/sparql`` (Virtuoso) names one (:func:`endpoints`). :class:`RemoteStore` answers the part of ``pyoxigraph.Store`` that
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

from kg.query_params import _strip_comments
from kg.store import StoreError

if TYPE_CHECKING:
    from kg.model import Extraction

_TIMEOUT = 120
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_IRI = re.compile(r"<[^<>\s]*>")


class RemoteError(StoreError):
    """The server could not be reached or refused a request (one line, with its status)."""


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_remote(location: object) -> bool:
    """Whether ``location`` is a SPARQL server's address (``http(s)://…``); any other ``scheme://``
    is a :class:`RemoteError` (it would otherwise be taken for a folder of that name)."""
    text = str(location)
    if text[:8].lower().startswith(("http://", "https://")):
        return True
    if _SCHEME.match(text):
        raise RemoteError(f"{text}: not a store: a SPARQL server's address starts with http:// or https://, "
                          "a store on disk is a folder")
    return False


#: Where the facts go on a server whose Graph Store has no default graph (Virtuoso): its queries see
#: the union of all graphs, so the facts still answer patterns outside ``GRAPH``.
FACTS_GRAPH = "https://w3id.org/chanye/id/graph/facts"
_OURS = "https://w3id.org/chanye/id/"  # the graphs kg writes (articles, the build, the facts): the only ones it deletes


def endpoints(url: str) -> tuple[str, str, str | None]:
    """(query URL, graph-store URL, facts graph or None for the default graph) of a server address.

    ``http://host:7878``: Oxigraph (``/query``, ``/store``); ``http://host:3030/ds``
    or ``…/ds/sparql``: a Fuseki dataset (``/ds/query``, ``/ds/data``);
    ``http://host:8890/sparql``: Virtuoso (``/sparql``, ``/sparql-graph-crud``, the
    facts in :data:`FACTS_GRAPH`). Options in the address's query string override
    these: ``gsp=URL`` (absolute, or a path on the same server) and ``facts=IRI``
    (empty: the default graph).
    """
    parts = urllib.parse.urlsplit(url)
    options = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
    path = parts.path.rstrip("/")
    root = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    base = root + path
    facts: str | None = None
    if not path:
        query, gsp = f"{root}/query", f"{root}/store"
    elif path in ("/sparql", "/sparql-auth"):  # Virtuoso
        query, gsp, facts = base, f"{root}/sparql-graph-crud{path[len('/sparql'):]}", FACTS_GRAPH
    elif path.endswith(("/query", "/sparql")):
        dataset = base.rsplit("/", 1)[0]
        query, gsp = base, (f"{dataset}/data" if urllib.parse.urlsplit(dataset).path else f"{root}/store")
    else:
        query, gsp = f"{base}/query", f"{base}/data"
    unknown = sorted(set(options) - {"gsp", "facts"})
    if unknown:
        raise ValueError(f"unknown option {unknown[0]!r} in the address (options: gsp, facts)")
    if "gsp" in options:
        gsp = urllib.parse.urljoin(root + "/", options["gsp"][-1])
    if "facts" in options:
        facts = options["facts"][-1] or None
    return query, gsp, facts


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """The address without its ``user:password@`` part (never shown in a message), and that part."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None, None
    host = parts.hostname or ""
    netloc = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
    plain = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return plain, urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")


def split_credentials_shown(url: str) -> str:
    """The address as it can be shown: without a password, even when the address is malformed."""
    try:
        return split_credentials(url)[0]
    except ValueError:
        return re.sub(r"//[^/@]*@", "//", url)


class RemoteStore:
    """The subset of ``pyoxigraph.Store`` kg uses, over HTTP."""

    def __init__(self, url: str) -> None:
        try:
            self.url, user, password = split_credentials(url)
            self.query_url, self.gsp_url, facts = endpoints(self.url)
            self.facts = ox.NamedNode(facts) if facts else None
            urllib.parse.urlsplit(self.url).port  # noqa: B018 - a port that is no number raises here, not at the first request
        except ValueError as exc:  # a port that is no number, an unclosed [IPv6, a facts graph that is no IRI …
            raise RemoteError(f"not a server address: {split_credentials_shown(url)}: {exc}") from None
        self._target = self.facts or ox.DefaultGraph()  # where the default graph's triples are written
        self._open = urllib.request.urlopen
        if user is not None:  # http://user:password@host/…: HTTP Basic or Digest, as the server asks
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, self.url, user, password or "")
            passwords.add_password(None, self.gsp_url, user, password or "")
            self._open = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                                     urllib.request.HTTPDigestAuthHandler(passwords)).open

    def _request(self, url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
                 method: str | None = None) -> bytes:
        req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            with self._open(req, timeout=_TIMEOUT) as r:  # noqa: S310 - the user's own server
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
        body = urllib.parse.urlencode({"query": head + text}).encode("utf-8")  # the form every server takes
        graph = _FORM.search(_IRI.sub("<>", _strip_comments(text)))
        accept = "application/n-triples" if graph and graph.group(1).upper() in ("CONSTRUCT", "DESCRIBE") \
            else "application/sparql-results+json"  # one type each: a server must not choose JSON for a graph
        data = self._request(self.query_url, body, {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": accept})
        try:
            if data.lstrip().startswith(b"{"):
                if b'"bnode"' in data or b'"typed-literal"' in data:
                    data = _plain_json(data)
                return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
            return _Triples(list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))
        except (SyntaxError, ValueError) as exc:  # (not the query's fault: the server's answer)
            raise RemoteError(f"{self.url}: its answer is not valid {'N-Triples' if accept.endswith('triples') else 'SPARQL JSON'}: "
                              f"{' '.join(str(exc).split())[:200]}") from None

    def quads_for_pattern(self, s: Any, p: Any, o: Any, g: Any = None) -> Iterable[ox.Quad]:
        """Quads matching the pattern (``g``: a graph, ``DefaultGraph()`` or None for the named graphs)."""
        terms = [("?s" if s is None else str(s)), ("?p" if p is None else str(p)), ("?o" if o is None else str(o))]
        triple = " ".join(terms) + " ."
        if isinstance(g, ox.DefaultGraph):
            where = f"GRAPH {self.facts} {{ {triple} }}" if self.facts else triple
            graph_of = lambda row: ox.DefaultGraph()  # noqa: E731
        elif g is None:
            where = f"GRAPH ?g {{ {triple} }}" + (f" FILTER(?g != {self.facts})" if self.facts else "")
            graph_of = lambda row: row["g"]  # noqa: E731
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
        graphs = self._by_graph(quads)
        old = self._by_graph(before) if before is not None else {}
        sizes = self.graph_sizes()
        changed = [name for name in graphs if name != self._target and (
            before is None or sizes.get(name) != len(graphs[name]) or set(graphs[name]) != set(old.get(name, ())))]
        for name in sorted(changed, key=str):
            self.put_graph(name, graphs[name])
        for stale in sorted(set(sizes) - set(graphs) - {self._target}, key=str):
            self.delete_graph(stale)
        self.put_graph(self._target, graphs.get(self._target, []))
        return sum(len(t) for t in graphs.values())

    def graph_sizes(self) -> dict[ox.NamedNode, int]:
        """Each named graph kg wrote on the server (IRIs under ``cyr:``) and its number of triples;
        a server's other graphs (its own, another application's) are not kg's to change."""
        found = self.query(f'SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{_OURS}")) }} GROUP BY ?g')
        return {row["g"]: int(row["n"].value) for row in found}

    def _by_graph(self, quads: Iterable[ox.Quad]) -> dict[Any, list[ox.Triple]]:
        graphs: dict[Any, list[ox.Triple]] = defaultdict(list)
        for q in quads:
            name = self._target if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
            graphs[name].append(ox.Triple(q.subject, q.predicate, q.object))
        return graphs

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
    try:
        url = split_credentials(url)[0]
        query_url, gsp_url, facts = endpoints(url)
        parts = urllib.parse.urlsplit(url.rstrip("/"))
        name = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{parts.hostname}_{parts.port or ''}{parts.path}").strip("_")
    except ValueError as exc:
        raise RemoteError(f"not a server address: {split_credentials_shown(url)}: {exc}") from None
    digest = hashlib.sha256(f"{query_url} {gsp_url} {facts}".encode()).hexdigest()[:8]
    return Path(root).absolute() / f"{name}-{digest}"


def _plain_json(data: bytes) -> bytes:
    """SPARQL JSON results as Oxigraph reads them: Virtuoso names blank nodes ``nodeID://b1``
    (not a valid blank node label) and still writes SPARQL 1.0's ``typed-literal``."""
    import json

    results = json.loads(data)
    for row in results.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = "b" + hashlib.sha256(term["value"].encode()).hexdigest()[:24]
            elif term.get("type") == "typed-literal":
                term["type"] = "literal"
    return json.dumps(results).encode()


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
    from kg import archive, derived, graph, versions

    local = shadow(url)
    try:
        with contextlib.nullcontext() if locked else versions.writer_lock(local):
            archive.keep(local, extractions)  # before the writes, as for a local store
            remote = RemoteStore(url)
            remote.sync(quads + derived.of_quads(quads), graph.build_quads(before) if before else None)  # kg.derived's too
            archive.prune(local, (x.article.digest for x in extractions))
    except versions.StoreBusy as exc:
        raise StoreError(str(exc)) from None
    return remote
