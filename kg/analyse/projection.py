"""Project the RDF graph onto entities and labelled relations (a NetworkX multigraph).

SPARQL answers "which rows"; graph algorithms (centrality, paths, communities)
want nodes and edges. The projection keeps only what those need: entities as
nodes, binary relations between entities as edges, and the provenance of each
edge as a list of ``(source_file, sentence)`` pairs. The two n-ary shapes of
the contract are folded:

* ``person cy:holdsPosition [cy:title t; cy:organization org]`` becomes an edge
  ``person -holdsPosition-> org`` with attribute ``title`` (posts without an
  organisation are dropped);
* ``x cy:investment [schema:value v; schema:currency c]`` becomes the node
  attribute ``amounts = [(v, c), ...]`` on ``x``, repeated on the ``investor``
  edges leaving a project so that "who put money where" is one hop.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any, Callable

import networkx as nx
from rdflib import Graph

from kg.model import ENTITY_TYPES, ORGANIZATION_TYPES
from kg.namespaces import CY

#: Properties that are not edges between entities (provenance, n-ary, literals).
NOT_EDGES = frozenset(
    {"mentionedIn", "holdsPosition", "investment", "organization", "title", "date", "projectCount",
     "sentence", "startOffset", "endOffset", "sourceFile"}
)

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_SCHEMA = "https://schema.org/"
_CY = str(CY)

#: Rank of each contract class when an entity carries several types (most specific wins).
_TYPE_RANK = {t: i for i, t in enumerate(ENTITY_TYPES)}
_TYPE_RANK["Organization"] = len(ENTITY_TYPES)
#: IRIs of entities (kinds minted by kg.graph.entity_iri).
_ENTITY_IRIS = tuple(f"https://w3id.org/chanye/id/{kind}/" for kind in
                     ("person", "organization", "park", "place", "industry", "event", "initiative", "project"))
#: Entity-valued properties drawn as edges.
_EDGE_PROPERTIES = frozenset({"participatedIn", "location", "launched", "signedAt", "investor", "locatedIn",
                              "settledIn", "inIndustry", "partnerOf", "subsidiaryOf"})


def local_name(iri: Any) -> str:
    """The part of an IRI after ``#`` or the last ``/``."""
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def amount_value(literal: Any) -> int | float:
    """An ``xsd:decimal`` as a plain number: ``int`` when whole, else ``float``."""
    value = Decimal(str(literal))
    return int(value) if value == value.to_integral_value() else float(value)


def _store(graph: Any) -> Any:
    """The store behind ``graph`` (an rdflib Dataset over Oxigraph, a pyoxigraph or remote store);
    any other rdflib graph is copied into an in-memory store, its triples in the default graph."""
    import pyoxigraph as ox

    from kg.query import _store_of

    found = _store_of(graph)
    if found is not None:
        return found
    from kg.graph import _to_ox

    store = ox.Store()
    store.extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in graph.triples((None, None, None)))
    return store


class _Reader:
    """Reads the projection's inputs from the store by quad pattern: no SPARQL, no string FILTERs.

    Facts sit in the default graph (one copy each); evidence in the article graphs."""

    def __init__(self, store: Any) -> None:
        import pyoxigraph as ox

        self.ox = ox
        self.store = store
        self.default = ox.DefaultGraph()

    def pairs(self, predicate: str, graph: Any = None) -> list[tuple[Any, Any]]:
        """(subject, object) of every default-graph quad with ``predicate`` (any graph if ``graph`` is ...)."""
        g = self.default if graph is None else graph
        p = self.ox.NamedNode(predicate)
        return [(q.subject, q.object) for q in self.store.quads_for_pattern(None, p, None, g)]

    def values(self, predicate: str) -> dict[Any, Any]:
        return dict(self.pairs(predicate))

    def evidence(self) -> list[tuple[str, str, str, Any]]:
        """(subject, predicate, object, evidence node) of every cy:Evidence in any article graph."""
        ox = self.ox
        quads = self.store.quads_for_pattern
        subj = {q.subject: q.object.value for q in quads(None, ox.NamedNode(_RDF + "subject"), None, None)}
        pred = {q.subject: q.object.value for q in quads(None, ox.NamedNode(_RDF + "predicate"), None, None)}
        out = []
        for q in quads(None, ox.NamedNode(_RDF + "object"), None, None):
            ev = q.subject
            if ev in subj and ev in pred and isinstance(q.object, ox.NamedNode):
                out.append((subj[ev], pred[ev], q.object.value, ev))
        return out

    def sentence_sources(self) -> dict[Any, tuple[str, str]]:
        """Evidence node -> (source file, sentence)."""
        ox = self.ox
        files = {a: f.value for a, f in self.pairs(_CY + "sourceFile")}
        out = {}
        for q in self.store.quads_for_pattern(None, ox.NamedNode(_CY + "sentence"), None, None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name in files:
                out[q.subject] = (files[q.graph_name], q.object.value)
        return out


def property_labels(graph: Graph) -> dict[str, str]:
    """Chinese names of the ``cy:`` properties labelled by the ontology in the graph."""
    r = _Reader(_store(graph))
    return {
        local_name(p.value): o.value
        for p, o in r.pairs(_RDFS + "label")
        if p.value.startswith(_CY) and getattr(o, "language", None) == "zh"
    }


def _property_namer(graph: Graph) -> Callable[[str], str]:
    """Name a property: the graph's ontology first, then :mod:`kg.ontology`, then the local name."""
    labels = property_labels(graph)

    def name(prop: str) -> str:
        if prop in labels:
            return labels[prop]
        try:
            from kg.ontology import property_label

            return property_label(prop) or prop
        except Exception:  # no ontology module or unknown property: keep the local name
            return prop

    return name


def _best_type(types: set[str]) -> str:
    return min(types, key=lambda t: (_TYPE_RANK.get(t, len(_TYPE_RANK)), t))


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Project an RDF graph in the contract shape onto a :class:`networkx.MultiDiGraph`.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        The knowledge graph in the contract shape (facts in the default graph,
        evidence in article graphs): an rdflib Dataset over Oxigraph, a
        ``pyoxigraph.Store``, or any rdflib graph (copied into memory first).

    Returns
    -------
    networkx.MultiDiGraph
        Node id = entity IRI; node attributes ``label``, ``type`` (most specific
        class local name), ``aliases``, ``articles`` (sorted source files),
        ``amounts`` (list of ``(value, currency)``) and, for events, ``date``.
        Edge key = property local name; edge attributes ``predicate``,
        ``label`` (Chinese property name), ``title`` (folded posts),
        ``amounts`` (on ``investor`` edges) and ``evidence`` (sorted list of
        ``(source_file, sentence)``).

    Examples
    --------
    >>> G = to_networkx(kg.dataset)                       # doctest: +SKIP
    >>> G.nodes[iri]["label"], G.nodes[iri]["type"]        # doctest: +SKIP
    ('冯玉川', 'Person')
    >>> [(d["label"], d["title"]) for _, _, d in G.out_edges(iri, data=True)]  # doctest: +SKIP
    [('担任职务', '董事长'), ('参与', None)]
    """
    r = _Reader(_store(graph))
    G = nx.MultiDiGraph()
    labels = {e.value: o.value for e, o in r.pairs(_RDFS + "label") if e.value.startswith(_ENTITY_IRIS)}
    types: dict[str, set[str]] = defaultdict(set)
    for e, t in r.pairs(_RDF + "type"):
        if e.value in labels and t.value.startswith(_CY) and t.value[len(_CY):] in _TYPE_RANK:
            types[e.value].add(t.value[len(_CY):])
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, alias in r.pairs(_SKOS + "altLabel"):
        aliases[e.value].add(alias.value)
    files = {a: f.value for a, f in r.pairs(_CY + "sourceFile")}
    articles: dict[str, set[str]] = defaultdict(set)
    for e, a in r.pairs(_CY + "mentionedIn"):
        if a in files:
            articles[e.value].add(files[a])
    money_value, money_currency = r.values(_SCHEMA + "value"), r.values(_SCHEMA + "currency")
    amounts: dict[str, set[tuple[int | float, str]]] = defaultdict(set)
    for e, amt in r.pairs(_CY + "investment"):
        if amt in money_value and amt in money_currency:
            amounts[e.value].add((amount_value(money_value[amt].value), money_currency[amt].value))
    dates = {e.value: d.value for e, d in r.pairs(_CY + "date")}

    for iri in sorted(types):
        G.add_node(
            iri,
            label=labels[iri],
            type=_best_type(types[iri]),
            aliases=sorted(aliases[iri] - {labels[iri]}),
            articles=sorted(articles[iri]),
            amounts=sorted(amounts[iri], key=lambda a: (a[1], a[0])),
        )
        if iri in dates:
            G.nodes[iri]["date"] = dates[iri]

    name = _property_namer(graph)
    sources = r.sentence_sources()
    evidence: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
    for s, p, o, ev in r.evidence():
        if ev in sources:
            evidence[(s, local_name(p), o)].add(sources[ev])

    edges = sorted(
        (s.value, p, o.value)
        for p in sorted(_EDGE_PROPERTIES)
        for s, o in r.pairs(_CY + p)
        if s.value in G and o.value in G and s.value != o.value
    )
    for s, p, o in edges:
        attrs: dict[str, Any] = {
            "predicate": _CY + p,
            "label": name(p),
            "title": None,
            "evidence": sorted(evidence.get((s, p, o), ())),
        }
        if p == "investor":
            attrs["amounts"] = G.nodes[s]["amounts"]
        G.add_edge(s, o, key=p, **attrs)

    titles, orgs = r.values(_CY + "title"), r.values(_CY + "organization")
    posts: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: {"titles": set(), "evidence": set()})
    for person, pos in r.pairs(_CY + "holdsPosition"):
        org = orgs.get(pos)
        if person.value not in G or org is None or org.value not in G or pos not in titles:
            continue
        post = posts[(person.value, org.value)]
        post["titles"].add(titles[pos].value)
        post["evidence"].update(evidence.get((person.value, "holdsPosition", pos.value), ()))
    p = "holdsPosition"
    for (person, org), post in sorted(posts.items()):
        titles_ = sorted(post["titles"])
        G.add_edge(
            person,
            org,
            key=p,
            predicate=_CY + p,
            label=name(p),
            title="、".join(titles_),
            titles=titles_,
            evidence=sorted(post["evidence"]),
        )
    return G


def is_organization(node_type: str) -> bool:
    """True for ``Organization`` and its six subclasses."""
    return node_type == "Organization" or node_type in ORGANIZATION_TYPES


def matches_type(node_type: str, wanted: str | None) -> bool:
    """Type filter used by the analyses: ``Organization`` covers its subclasses."""
    if wanted is None:
        return True
    if wanted == "Organization":
        return is_organization(node_type)
    return node_type == wanted


def simple_view(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph with ``weight`` = number of relations between two nodes.

    Nodes are added in sorted order so that seeded algorithms are deterministic
    whatever the order the store returned the triples in.
    """
    H = nx.Graph()
    for n in sorted(G.nodes):
        H.add_node(n, **G.nodes[n])
    for u, v in sorted(G.edges(keys=False)):
        if H.has_edge(u, v):
            H[u][v]["weight"] += 1
        else:
            H.add_edge(u, v, weight=1)
    return H
