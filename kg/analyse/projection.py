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

#: Prefixes for the SPARQL used by the analyses.
PREFIXES = """\
PREFIX cy: <https://w3id.org/chanye/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

#: Properties that are not edges between entities (provenance, n-ary, literals).
NOT_EDGES = frozenset(
    {"mentionedIn", "holdsPosition", "investment", "organization", "title", "date", "projectCount",
     "sentence", "startOffset", "endOffset", "sourceFile"}
)

_ENTITIES = PREFIXES + """
SELECT DISTINCT ?e ?type ?label WHERE {
  ?e a ?type ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?type), STR(cy:)))
}"""

_ALIASES = PREFIXES + "SELECT DISTINCT ?e ?alias WHERE { ?e rdfs:label ?l ; skos:altLabel ?alias . }"

_ARTICLES = PREFIXES + """
SELECT DISTINCT ?e ?file WHERE { ?e cy:mentionedIn ?a . ?a cy:sourceFile ?file . }"""

_AMOUNTS = PREFIXES + """
SELECT DISTINCT ?e ?value ?currency WHERE {
  ?e cy:investment ?amt . ?amt schema:value ?value ; schema:currency ?currency .
}"""

_DATES = PREFIXES + "SELECT DISTINCT ?e ?date WHERE { ?e cy:date ?date . }"

_EDGES = PREFIXES + """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o .
  FILTER(STRSTARTS(STR(?p), STR(cy:)) && isIRI(?o))
}"""

_EVIDENCE = PREFIXES + """
SELECT DISTINCT ?s ?p ?o ?file ?sentence WHERE {
  ?ev a cy:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      cy:sentence ?sentence ; prov:wasDerivedFrom ?a .
  ?a cy:sourceFile ?file .
}"""

_POSITIONS = PREFIXES + """
SELECT DISTINCT ?person ?org ?title ?file ?sentence WHERE {
  ?person cy:holdsPosition ?pos . ?pos cy:title ?title ; cy:organization ?org .
  OPTIONAL { ?pos cy:sentence ?sentence ; prov:wasDerivedFrom ?a . ?a cy:sourceFile ?file . }
}"""

_PROPERTY_LABELS = PREFIXES + """
SELECT ?p ?label WHERE {
  ?p rdfs:label ?label . FILTER(STRSTARTS(STR(?p), STR(cy:)) && LANGMATCHES(LANG(?label), "zh"))
}"""

#: Rank of each contract class when an entity carries several types (most specific wins).
_TYPE_RANK = {t: i for i, t in enumerate(ENTITY_TYPES)}
_TYPE_RANK["Organization"] = len(ENTITY_TYPES)


def local_name(iri: Any) -> str:
    """The part of an IRI after ``#`` or the last ``/``."""
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def amount_value(literal: Any) -> int | float:
    """An ``xsd:decimal`` as a plain number: ``int`` when whole, else ``float``."""
    value = Decimal(str(literal))
    return int(value) if value == value.to_integral_value() else float(value)


def property_labels(graph: Graph) -> dict[str, str]:
    """Chinese names of the ``cy:`` properties labelled by the ontology in the graph."""
    return {local_name(p): str(label) for p, label in graph.query(_PROPERTY_LABELS)}


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
        The knowledge graph; a Dataset must have ``default_union=True`` so that
        the per-article named graphs are all seen.

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
    G = nx.MultiDiGraph()
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for e, t, label in graph.query(_ENTITIES):
        name = local_name(t)
        if name in _TYPE_RANK:
            types[str(e)].add(name)
            labels.setdefault(str(e), str(label))
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, alias in graph.query(_ALIASES):
        aliases[str(e)].add(str(alias))
    articles: dict[str, set[str]] = defaultdict(set)
    for e, f in graph.query(_ARTICLES):
        articles[str(e)].add(str(f))
    amounts: dict[str, set[tuple[int | float, str]]] = defaultdict(set)
    for e, v, c in graph.query(_AMOUNTS):
        amounts[str(e)].add((amount_value(v), str(c)))
    dates = {str(e): str(d) for e, d in graph.query(_DATES)}

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
    for s, p, o, f, sentence in graph.query(_EVIDENCE):
        evidence[(str(s), local_name(p), str(o))].add((str(f), str(sentence)))

    edges = sorted(
        (str(s), local_name(p), str(o))
        for s, p, o in graph.query(_EDGES)
        if local_name(p) not in NOT_EDGES and str(s) in G and str(o) in G and str(s) != str(o)
    )
    for s, p, o in edges:
        attrs: dict[str, Any] = {
            "predicate": str(CY[p]),
            "label": name(p),
            "title": None,
            "evidence": sorted(evidence.get((s, p, o), ())),
        }
        if p == "investor":
            attrs["amounts"] = G.nodes[s]["amounts"]
        G.add_edge(s, o, key=p, **attrs)

    posts: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: {"titles": set(), "evidence": set()})
    for person, org, title, f, sentence in graph.query(_POSITIONS):
        if str(person) not in G or str(org) not in G:
            continue
        post = posts[(str(person), str(org))]
        post["titles"].add(str(title))
        if f is not None and sentence is not None:
            post["evidence"].add((str(f), str(sentence)))
    p = "holdsPosition"
    for (person, org), post in sorted(posts.items()):
        titles = sorted(post["titles"])
        G.add_edge(
            person,
            org,
            key=p,
            predicate=str(CY[p]),
            label=name(p),
            title="、".join(titles),
            titles=titles,
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
