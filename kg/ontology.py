"""The ontology and the SHACL shapes: loading, labels, validation.

The Turtle files live in ``ontology/`` at the repository root so that they are
readable and publishable as they are; this module is the one place that knows
where they are. Labels for views and projections come from the ontology, not
from string tables in code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.namespaces import CY

#: The ontology and shapes, shipped in the package (``ontology/`` at the top of the repository links here).
ONTOLOGY_DIR = Path(str(resources.files("kg") / "data" / "ontology"))
ONTOLOGY_PATH = ONTOLOGY_DIR / "chanye.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


def load_ontology() -> Graph:
    """A fresh graph holding ``ontology/chanye.ttl`` (callers may change it freely)."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def load_shapes() -> Graph:
    """A fresh graph holding the SHACL shapes ``ontology/shapes.ttl``."""
    return Graph().parse(SHAPES_PATH, format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    """The ontology parsed once, for read-only lookups."""
    return load_ontology()


def _term(name: str) -> URIRef:
    """A local name in the ``cy:`` namespace, or a full IRI as it is."""
    return URIRef(name) if "://" in name else CY[name]


def _label(name: str, lang: str) -> str:
    term = _term(name)
    labels = {lit.language: str(lit) for lit in _ontology().objects(term, RDFS.label) if isinstance(lit, Literal)}
    if not labels:
        raise KeyError(f"{name!r} is not labelled in the ontology")
    for choice in (lang, "en", None):
        if choice in labels:
            return labels[choice]
    return next(iter(labels.values()))


def property_label(local_name: str, lang: str = "zh") -> str:
    """The ontology's label of a property (``'holdsPosition'`` -> ``'担任职务'``).

    Falls back to the English label when ``lang`` is missing; raises ``KeyError``
    for a term the ontology does not declare, so typos do not pass silently.
    """
    return _label(local_name, lang)


def class_label(local_name: str, lang: str = "zh") -> str:
    """The ontology's label of a class (``'Company'`` -> ``'企业'``); same rules as :func:`property_label`."""
    return _label(local_name, lang)


def _plain(term):  # type: ignore[no-untyped-def]
    """``"x"^^xsd:string`` as the plain literal ``"x"``: the same term in RDF 1.1.

    Oxigraph hands back plain literals typed ``xsd:string``; rdflib compares them
    unequal to ``"x"``, which would break ``sh:in`` and friends.
    """
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _flatten(graph: Graph) -> Graph:
    """All triples of a graph or of every named graph of a dataset, in one in-memory graph."""
    flat = Graph()
    triples = (q[:3] for q in graph.quads((None, None, None, None))) if hasattr(graph, "quads") else iter(graph)
    for s, p, o in triples:
        flat.add((s, p, _plain(o)))
    return flat


def _class_hierarchy() -> Graph:
    """The ``rdfs:subClassOf`` triples between ``cy:`` classes: what ``sh:class`` needs."""
    hierarchy = Graph()
    for sub, sup in _ontology().subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and sub.startswith(str(CY)):
            hierarchy.add((sub, RDFS.subClassOf, sup))
    return hierarchy


def validate(graph: Graph) -> tuple[bool, str]:
    """Check data against ``ontology/shapes.ttl``; returns ``(conforms, report_text)``.

    Accepts a Graph or a Dataset (named graphs are flattened into one graph, as
    facts sit in the default graph and their evidence in article graphs).
    The ontology's subclass hierarchy is added so that a ``cy:Company`` counts as a
    ``cy:Organization``; no RDFS inference is run, because the ontology's domain
    and range axioms would infer the very types the shapes check. Warnings (the
    IRI minting rule) are reported but do not make the data non-conforming.
    """
    from pyshacl import validate as shacl_validate  # heavy import, only when validating

    data = _flatten(graph)
    data += _class_hierarchy()
    conforms, _results, text = shacl_validate(
        data,
        shacl_graph=load_shapes(),
        inference="none",
        allow_warnings=True,
        advanced=False,
    )
    return bool(conforms), str(text)


__all__ = [
    "ONTOLOGY_PATH",
    "SHAPES_PATH",
    "load_ontology",
    "load_shapes",
    "property_label",
    "class_label",
    "validate",
]
