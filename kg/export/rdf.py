"""RDF exports: Turtle grouped by subject, JSON-LD with a compact ``@context``, and the plain
N-Triples / TriG / N-Quads dumps of the store.

Turtle and N-Triples hold the union of all graphs (each triple once); TriG,
N-Quads and JSON-LD keep the named graphs (evidence per article). Output is
deterministic: subjects, predicates and objects are written in sorted order.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

import pyoxigraph as ox

from kg.prefixes import PREFIX_IRIS

_RDF_TYPE = PREFIX_IRIS["rdf"] + "type"
_XSD_STRING = PREFIX_IRIS["xsd"] + "string"
_LANG_STRING = PREFIX_IRIS["rdf"] + "langString"


def write(store: ox.Store, path: Path, fmt: str) -> Path:
    """Write ``store`` to ``path`` as ``fmt`` (``ttl``, ``nt``, ``trig``, ``nq`` or ``jsonld``).

    A remote store (:class:`kg.remote.RemoteStore`) is first copied into memory:
    the writers read every graph by quad pattern.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not isinstance(store, ox.Store):
        local = ox.Store()
        local.extend(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))  # the facts
        local.extend(store.quads_for_pattern(None, None, None, None))  # remote: None = the named graphs
        store = local
    if fmt == "ttl":
        with open(path, "wb") as fh:
            write_turtle(store, fh)
    elif fmt == "jsonld":
        with open(path, "w", encoding="utf-8") as fh:
            write_jsonld(store, fh)
    else:
        from kg.store import export as dump

        dump(store, path, fmt)
    return path


def _key(term: Any) -> str:
    return str(term)  # N-Triples form: IRIs, blank nodes and literals each sort among their kind


def union_triples(store: Any) -> list[ox.Triple]:
    """Every triple of every graph, once, sorted by subject, predicate and object."""
    seen = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, None)}
    return sorted(seen, key=lambda t: (_key(t.subject), _key(t.predicate), _key(t.object)))


def write_turtle(store: Any, fh: Any) -> None:
    """Turtle of the union of graphs: one ``subject p o ; p o .`` block per subject, with the
    project's prefixes (:data:`kg.prefixes.PREFIX_IRIS`)."""
    # pyoxigraph's serializer folds consecutive triples of one subject into one block;
    # sorting puts every triple of a subject next to the others
    ox.serialize(union_triples(store), fh, ox.RdfFormat.TURTLE, prefixes=dict(PREFIX_IRIS))


# ---------------------------------------------------------------- JSON-LD


def _compact(iri: str, prefixes: list[tuple[str, str]]) -> str:
    """``cy:Company`` for ``https://w3id.org/chanye/ontology#Company``; the IRI itself when no prefix fits."""
    for prefix, ns in prefixes:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _node_ref(term: Any, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return _compact(term.value, prefixes)


def _value(term: Any, prefixes: list[tuple[str, str]]) -> Any:
    """A JSON-LD value object (or plain string for ``xsd:string``) for an object term."""
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": _compact(term.datatype.value, prefixes)}
    return {"@id": _node_ref(term, prefixes)}


def _node_objects(quads: Iterable[Any], prefixes: list[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Node objects keyed by subject (compact form), predicates and values sorted."""
    by_subject: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for q in quads:
        subject = _node_ref(q.subject, prefixes)
        if q.predicate.value == _RDF_TYPE and isinstance(q.object, ox.NamedNode):
            by_subject[subject]["@type"].append(_compact(q.object.value, prefixes))
        else:
            by_subject[subject][_compact(q.predicate.value, prefixes)].append(_value(q.object, prefixes))
    nodes: dict[str, dict[str, Any]] = {}
    for subject in sorted(by_subject):
        node: dict[str, Any] = {"@id": subject}
        props = by_subject[subject]
        for pred in sorted(props, key=lambda p: (p != "@type", p)):
            values = sorted(props[pred], key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
            node[pred] = values[0] if len(values) == 1 else values
        nodes[subject] = node
    return nodes


def jsonld_document(store: Any) -> dict[str, Any]:
    """The store as one JSON-LD document: ``@context`` of the project's prefixes, the default
    graph's nodes in ``@graph``, and each named graph as a node with its own ``@graph``."""
    prefixes = sorted(PREFIX_IRIS.items(), key=lambda kv: -len(kv[1]))  # longest namespace first
    graphs: dict[Any, list[Any]] = defaultdict(list)
    for q in store.quads_for_pattern(None, None, None, None):
        graphs[q.graph_name].append(q)
    default = _node_objects(graphs.pop(ox.DefaultGraph(), []), prefixes)
    for name in sorted(graphs, key=_key):
        ref = _node_ref(name, prefixes)
        inner = list(_node_objects(graphs[name], prefixes).values())
        default.setdefault(ref, {"@id": ref})["@graph"] = inner
    return {"@context": dict(PREFIX_IRIS), "@graph": [default[k] for k in sorted(default)]}


def write_jsonld(store: Any, fh: Any) -> None:
    """JSON-LD with a compact ``@context`` (see :func:`jsonld_document`), UTF-8, indented."""
    json.dump(jsonld_document(store), fh, ensure_ascii=False, indent=1)
    fh.write("\n")
