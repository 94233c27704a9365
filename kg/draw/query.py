"""Draw what a SPARQL query returns: its answer turned into a projection-shaped graph.

* CONSTRUCT / DESCRIBE: every triple whose object is a resource is an edge
  (key = the property's local name, label = its Chinese ``rdfs:label`` from
  the ontology); ``rdf:type`` and ``rdfs:label`` triples set the node's class
  and name; other literals are listed in the node's tooltip.
* SELECT: every IRI in a row is a node; IRIs in consecutive columns of a row
  are joined by an edge named after the later column; literal cells are
  listed in the tooltip of the row's nearest IRI to their left.

Labels, classes, aliases and source articles of the nodes are read from the
dataset, so a query need not fetch them itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from kg.draw.page import styles
from kg.namespaces import CY, RDF, RDFS

_PREFIXES = """PREFIX cy: <https://w3id.org/chanye/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_GENERAL = {"Organization", "Other"}


def local_name(term: Any) -> str:
    """The part of an IRI after the last ``#`` or ``/``."""
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def result_graph(result: Result, dataset: Any) -> nx.MultiDiGraph:
    """The graph to draw for a query result (``dataset`` supplies names and classes)."""
    graph = nx.MultiDiGraph()
    facts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    edges: list[tuple[str, str, str, str]] = []  # (u, v, key, predicate IRI or "")
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        for s, p, o in result.graph:
            u = str(s)
            graph.add_node(u)
            if p == RDF.type and isinstance(o, URIRef):
                if str(o).startswith(str(CY)):
                    kinds[u] = _specific(kinds.get(u), local_name(o))
            elif p == RDFS.label and isinstance(o, Literal):
                names[u] = str(o)
            elif isinstance(o, (URIRef, BNode)):
                edges.append((u, str(o), local_name(p), str(p)))
            else:
                facts[u].append((local_name(p), str(o)))
    elif result.type == "SELECT":
        columns = [str(v) for v in result.vars or ()]
        for row in result:
            previous: str | None = None
            for column, value in zip(columns, row):
                if value is None:
                    continue
                if isinstance(value, (URIRef, BNode)):
                    node = str(value)
                    graph.add_node(node)
                    if previous is not None and previous != node:
                        edges.append((previous, node, column, ""))
                    previous = node
                elif previous is not None:
                    facts[previous].append((column, str(value)))
    else:
        raise ValueError(f"a {result.type} query has nothing to draw: use CONSTRUCT or SELECT")
    for u, v, _, _ in edges:
        graph.add_node(v)
    info = _describe([n for n in graph.nodes if not n.startswith("_:")], dataset)
    labels = _property_labels({p for *_, p in edges if p}, dataset)
    for node in graph.nodes:
        known = info.get(node, {})
        graph.nodes[node].update(
            label=names.get(node) or known.get("label") or local_name(node),
            type=_specific(kinds.get(node), known.get("type")) or "Other",
            aliases=sorted(known.get("aliases", ())),
            articles=sorted(known.get("articles", ())),
            amounts=[],
            facts=sorted(set(facts.get(node, ()))),
        )
    seen = set()
    for u, v, key, predicate in edges:
        if (u, v, key) in seen:
            continue
        seen.add((u, v, key))
        graph.add_edge(u, v, key=key, predicate=predicate, label=labels.get(predicate, key), title=None, evidence=[])
    return graph


def _specific(current: str | None, candidate: str | None) -> str | None:
    """Of two class names, the one the styles know and that is not a general one."""
    known = styles()["classes"]
    for name in (candidate, current):
        if name in known and name not in _GENERAL:
            return name
    return current or candidate


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{iri}>" for iri in iris)


def _describe(iris: list[str], dataset: Any) -> dict[str, dict[str, Any]]:
    """Label, most specific class, aliases and source files of each IRI, in a few queries."""
    out: dict[str, dict[str, Any]] = {iri: {"aliases": set(), "articles": set()} for iri in iris}
    for start in range(0, len(iris), 500):
        chunk = _values(iris[start : start + 500])
        rows = dataset.query(_PREFIXES + f"""
SELECT ?e ?label ?type ?alias ?file WHERE {{
  VALUES ?e {{ {chunk} }}
  {{ ?e rdfs:label ?label }} UNION {{ ?e a ?type FILTER(STRSTARTS(STR(?type), STR(cy:))) }}
  UNION {{ ?e skos:altLabel ?alias }} UNION {{ ?e cy:mentionedIn ?a . ?a cy:sourceFile ?file }}
}}""")
        for e, label, kind, alias, file in rows:
            entry = out[str(e)]
            if label is not None and ("label" not in entry or getattr(label, "language", None) == "zh"):
                entry["label"] = str(label)
            if kind is not None:
                entry["type"] = _specific(entry.get("type"), local_name(kind))
            if alias is not None:
                entry["aliases"].add(str(alias))
            if file is not None:
                entry["articles"].add(str(file))
    return out


def _property_labels(predicates: set[str], dataset: Any) -> dict[str, str]:
    """Chinese ``rdfs:label`` of each property (from the ontology graph)."""
    if not predicates:
        return {}
    rows = dataset.query(_PREFIXES + f"""
SELECT ?p ?label WHERE {{ VALUES ?p {{ {_values(sorted(predicates))} }} ?p rdfs:label ?label FILTER(LANG(?label) = "zh") }}""")
    return {str(p): str(label) for p, label in rows}
