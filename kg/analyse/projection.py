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
     "states", "text", "startOffset", "endOffset", "sourceFile"}
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
    """Reads the projection's inputs from the store one property at a time: no string FILTERs.

    Facts sit in the default graph (one copy each); evidence in the article graphs.
    Each read is a one-pattern ``SELECT ?s ?o`` rather than ``quads_for_pattern``:
    on a disk store every term handed to Python is an id-to-string lookup, and a
    quad hands over four terms where the SELECT hands over the two it needs (the
    1M-triple store reads 2-3x faster so). The evidence is joined in the store
    (hash joins of one-property sub-SELECTs) so each (fact, sentence) link comes
    out as one row."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def pairs(self, predicate: str) -> list[tuple[Any, Any]]:
        """(subject, object) terms of every default-graph triple with ``predicate``."""
        return [(row[0], row[1]) for row in self.store.query(f"SELECT ?s ?o WHERE {{ ?s <{predicate}> ?o }}")]

    def strings(self, predicate: str) -> list[tuple[str, str]]:
        """(subject, object) of every default-graph triple with ``predicate``, as strings."""
        return [(row[0].value, row[1].value) for row in self.store.query(f"SELECT ?s ?o WHERE {{ ?s <{predicate}> ?o }}")]

    def subjects(self, predicate: str, value: str) -> list[str]:
        """Subjects of every default-graph triple with ``predicate`` and the IRI ``value``."""
        return [row[0].value for row in self.store.query(f"SELECT ?s WHERE {{ ?s <{predicate}> <{value}> }}")]

    def values(self, predicate: str) -> dict[str, str]:
        return dict(self.strings(predicate))

    def evidence(self) -> list[tuple[str, str, str, str, str]]:
        """(subject, predicate, object, source file, sentence text) of every fact whose object is an
        IRI, once per sentence stating it: the fact's rdf:Statement in ``cyr:graph/statements``, each
        ``cy:Sentence`` that ``cy:states`` it, the article graph holding that sentence."""
        from kg.terms import G_STATEMENTS

        g = str(G_STATEMENTS)  # (a NamedNode prints as <iri>)
        text = f"""SELECT ?s ?p ?o ?file ?sentence WHERE {{
          {{ SELECT ?st ?s {{ GRAPH {g} {{ ?st <{_RDF}subject> ?s }} }} }}
          {{ SELECT ?st ?p {{ GRAPH {g} {{ ?st <{_RDF}predicate> ?p }} }} }}
          {{ SELECT ?st ?o {{ GRAPH {g} {{ ?st <{_RDF}object> ?o FILTER(isIRI(?o)) }} }} }}
          {{ SELECT ?st ?g ?sn {{ GRAPH ?g {{ ?sn <{_CY}states> ?st }} }} }}
          {{ SELECT ?sn ?g ?sentence {{ GRAPH ?g {{ ?sn <{_CY}text> ?sentence }} }} }}
          {{ SELECT ?g ?file {{ ?g <{_CY}sourceFile> ?file }} }}
        }}"""
        return [(r[0].value, r[1].value, r[2].value, r[3].value, r[4].value) for r in self.store.query(text)]


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
    from kg.pipeline import collector_paused

    # ~10^6 attribute dicts, lists and tuples, none garbage: the cyclic collector would walk them again
    # and again as they are made (8.4 -> 6.6 s cpu at 1M triples with it paused)
    with collector_paused():
        return _projection(graph)


def _projection(graph: Graph) -> nx.MultiDiGraph:
    r = _Reader(_store(graph))
    G = nx.MultiDiGraph()
    labels = {e: o for e, o in r.strings(_RDFS + "label") if e.startswith(_ENTITY_IRIS)}
    types: dict[str, set[str]] = defaultdict(set)
    for kind in _TYPE_RANK:  # one read per entity class: amounts, posts and articles are never read
        for e in r.subjects(_RDF + "type", _CY + kind):
            if e in labels:
                types[e].add(kind)
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, alias in r.strings(_SKOS + "altLabel"):
        aliases[e].add(alias)
    files = r.values(_CY + "sourceFile")
    articles: dict[str, set[str]] = defaultdict(set)
    for e, a in r.strings(_CY + "mentionedIn"):
        if a in files:
            articles[e].add(files[a])
    money_value, money_currency = r.values(_SCHEMA + "value"), r.values(_SCHEMA + "currency")
    amounts: dict[str, set[tuple[int | float, str]]] = defaultdict(set)
    for e, amt in r.strings(_CY + "investment"):
        if amt in money_value and amt in money_currency:
            amounts[e].add((amount_value(money_value[amt]), money_currency[amt]))
    dates = r.values(_CY + "date")

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
    evidence: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
    for s, p, o, source, sentence in r.evidence():
        evidence[(s, local_name(p), o)].add((source, sentence))

    edges = sorted(
        (s, p, o)
        for p in sorted(_EDGE_PROPERTIES)
        for s, o in r.strings(_CY + p)
        if s in G and o in G and s != o
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
    for person, pos in r.strings(_CY + "holdsPosition"):
        org = orgs.get(pos)
        if person not in G or org is None or org not in G or pos not in titles:
            continue
        post = posts[(person, org)]
        post["titles"].add(titles[pos])
        post["evidence"].update(evidence.get((person, "holdsPosition", pos), ()))
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
