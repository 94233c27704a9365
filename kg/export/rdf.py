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
    text: dict[Any, str] = {}  # each term written once, however many triples it is in

    def key(term: Any) -> str:
        found = text.get(term)
        if found is None:
            found = text[term] = _key(term)
        return found

    return sorted(seen, key=lambda t: (key(t.subject), key(t.predicate), key(t.object)))


def write_turtle(store: Any, fh: Any) -> None:
    """Turtle of the union of graphs: one ``subject p o ; p o .`` block per subject, with the
    project's prefixes (:data:`kg.prefixes.PREFIX_IRIS`)."""
    # pyoxigraph's serializer folds consecutive triples of one subject into one block;
    # sorting puts every triple of a subject next to the others
    ox.serialize(union_triples(store), fh, ox.RdfFormat.TURTLE, prefixes=dict(PREFIX_IRIS))


# ---------------------------------------------------------------- JSON-LD


class _Compactor:
    """``cy:Company`` for ``https://w3id.org/chanye/ontology#Company``; the IRI itself when no prefix fits.

    One regular expression of the namespaces, longest first, so each IRI is matched once."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        import re

        self.prefix_of = {ns: prefix for prefix, ns in prefixes.items()}
        self.names = frozenset(prefixes)
        self.pattern = re.compile("|".join(re.escape(ns) for ns in sorted(self.prefix_of, key=len, reverse=True)))
        #: the prefixes that are the scheme of an IRI written whole (``cy:x`` from another tool's data):
        #: in the context, JSON-LD would read that IRI as compact (see :func:`jsonld_document`)
        self.clashes: set[str] = set()

    def __call__(self, iri: str) -> str:
        m = self.pattern.match(iri)
        if m is None or m.end() == len(iri) or iri.startswith("//", m.end()):
            scheme = iri.split(":", 1)[0]
            if scheme in self.names:
                self.clashes.add(scheme)
            return iri
        return f"{self.prefix_of[m.group(0)]}:{iri[m.end():]}"


def _node_ref(term: Any, compact: _Compactor) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return compact(term.value)


def _value(term: Any, compact: _Compactor) -> Any:
    """A JSON-LD value object (or plain string for ``xsd:string``) for an object term."""
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact(term.datatype.value)}
    return {"@id": _node_ref(term, compact)}


def _value_key(value: Any) -> tuple[str, ...]:
    """Sort key of a JSON-LD value: plain strings, then node references and value objects."""
    if isinstance(value, str):
        return ("", value)
    return (value.get("@id", "\uffff"), value.get("@value", ""), value.get("@type", ""), value.get("@language", ""))


def _node_objects(quads: Iterable[Any], compact: _Compactor) -> dict[str, dict[str, Any]]:
    """Node objects keyed by subject (compact form), predicates and values sorted."""
    by_subject: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for q in quads:
        subject = _node_ref(q.subject, compact)
        if q.predicate.value == _RDF_TYPE and isinstance(q.object, ox.NamedNode):
            by_subject[subject]["@type"].append(compact(q.object.value))
        else:
            by_subject[subject][compact(q.predicate.value)].append(_value(q.object, compact))
    nodes: dict[str, dict[str, Any]] = {}
    for subject in sorted(by_subject):
        node: dict[str, Any] = {"@id": subject}
        props = by_subject[subject]
        for pred in sorted(props, key=lambda p: (p != "@type", p)):
            values = sorted(props[pred], key=_value_key)
            node[pred] = values[0] if len(values) == 1 else values
        nodes[subject] = node
    return nodes


def jsonld_document(store: Any) -> dict[str, Any]:
    """The store as one JSON-LD document: ``@context`` of the project's prefixes, the default
    graph's nodes in ``@graph``, and each named graph as a node with its own ``@graph``.

    A prefix that is the scheme of an IRI of the store (``cy:Company`` itself, from RDF loaded
    from elsewhere) is left out of the context, its namespace's IRIs written whole: in it, that
    IRI would be read back as the prefix's (the TriG and N-Quads exports keep it as it is)."""
    prefixes = dict(PREFIX_IRIS)
    while True:
        compact = _Compactor(prefixes)
        graph = _graph(store, compact)
        if not compact.clashes:
            return {"@context": prefixes, "@graph": graph}
        prefixes = {p: ns for p, ns in prefixes.items() if p not in compact.clashes}


def _graph(store: Any, compact: _Compactor) -> list[dict[str, Any]]:
    """The ``@graph`` of :func:`jsonld_document`, IRIs compacted by ``compact``."""
    graphs: dict[Any, list[Any]] = defaultdict(list)
    for q in store.quads_for_pattern(None, None, None, None):
        graphs[q.graph_name].append(q)
    default = _node_objects(graphs.pop(ox.DefaultGraph(), []), compact)
    for name in sorted(graphs, key=_key):
        ref = _node_ref(name, compact)
        inner = list(_node_objects(graphs[name], compact).values())
        default.setdefault(ref, {"@id": ref})["@graph"] = inner
    return [default[k] for k in sorted(default)]


def write_jsonld(store: Any, fh: Any) -> None:
    """JSON-LD with a compact ``@context`` (see :func:`jsonld_document`), UTF-8, one node object a line
    (json's C encoder writes a line at a time; ``indent`` would make it the pure-Python one)."""
    doc = jsonld_document(store)
    dumps = lambda value: json.dumps(value, ensure_ascii=False, separators=(", ", ": "))  # noqa: E731
    fh.write('{\n"@context": ' + dumps(doc["@context"]) + ',\n"@graph": [\n')
    fh.write(",\n".join(dumps(node) for node in doc["@graph"]))
    fh.write("\n]}\n")
