"""The vocabulary under the facts: the ontology (its quads, the relations' domains and
ranges) and the industry taxonomy (``kg/data/industries.tsv`` as SKOS concepts)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.resolve import TaxonomyConcept
from kg.terms import CY, DEFAULT_GRAPH, OWL, RDF, RDFS, SKOS, _n, industry_iri, zh

ONTOLOGY_FILE = Path(str(resources.files("kg") / "data" / "ontology" / "chanye.ttl"))
INDUSTRIES_FILE = Path(str(resources.files("kg") / "data" / "industries.tsv"))
INDUSTRY_SCHEME = ox.NamedNode(str(CY) + "IndustryScheme")  # declared in ontology/chanye.ttl

_TYPE = _n(RDF.type)
_LABEL = _n(RDFS.label)
_ALT = _n(SKOS.altLabel)


# ---------------------------------------------------------------- taxonomy and ontology


def load_taxonomy(path: Path = INDUSTRIES_FILE) -> list[TaxonomyConcept]:
    """Read kg/data/industries.tsv (label, broader, aliases); [] when it does not exist yet."""
    if not path.exists():
        return []
    concepts: dict[str, TaxonomyConcept] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        label = cols[0]
        if not label or label.lower() == "label":
            continue
        broader = cols[1] if len(cols) > 1 and cols[1] else None
        aliases = tuple(a for a in re.split(r"[|,，;；、\s]+", cols[2]) if a) if len(cols) > 2 else ()
        concepts[label] = TaxonomyConcept(label, broader, aliases)
    return [concepts[k] for k in sorted(concepts)]


def taxonomy_quads(concepts: Sequence[TaxonomyConcept]) -> list[ox.Quad]:
    """The taxonomy as SKOS (default graph)."""
    g = DEFAULT_GRAPH
    out = [
        ox.Quad(INDUSTRY_SCHEME, _TYPE, _n(SKOS.ConceptScheme), g),
        ox.Quad(INDUSTRY_SCHEME, _n(SKOS.prefLabel), zh("产业分类"), g),
    ]
    labels = {c.label for c in concepts}
    for c in concepts:
        node = ox.NamedNode(industry_iri(c.label))
        out += [
            ox.Quad(node, _TYPE, _n(SKOS.Concept), g),
            ox.Quad(node, _n(SKOS.prefLabel), zh(c.label), g),
            ox.Quad(node, _n(SKOS.inScheme), INDUSTRY_SCHEME, g),
        ]
        out += [ox.Quad(node, _n(SKOS.altLabel), zh(a), g) for a in c.aliases if a != c.label]
        if c.broader:
            out.append(ox.Quad(node, _n(SKOS.broader), ox.NamedNode(industry_iri(c.broader)), g))
            if c.broader not in labels:  # a broader concept named only as such is still a concept
                b = ox.NamedNode(industry_iri(c.broader))
                out += [
                    ox.Quad(b, _TYPE, _n(SKOS.Concept), g),
                    ox.Quad(b, _n(SKOS.prefLabel), zh(c.broader), g),
                    ox.Quad(b, _n(SKOS.inScheme), INDUSTRY_SCHEME, g),
                ]
        else:
            out.append(ox.Quad(node, _n(SKOS.topConceptOf), INDUSTRY_SCHEME, g))
    return out


@lru_cache(maxsize=1)
def ontology_quads() -> tuple[ox.Quad, ...]:
    """The ontology (default graph), blank nodes numbered in the order the file first
    uses them: the same file always gives the same quads (Oxigraph's parser, no rdflib
    canonicalisation, which cost most of a second per build)."""
    if not ONTOLOGY_FILE.exists():
        return ()
    names: dict[str, ox.BlankNode] = {}

    def stable(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(term, ox.BlankNode):
            return names.setdefault(term.value, ox.BlankNode(f"ontology{len(names)}"))
        return term

    triples = ox.parse(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)
    return tuple(ox.Quad(stable(q.subject), q.predicate, stable(q.object), DEFAULT_GRAPH) for q in triples)


@lru_cache(maxsize=1)
def relation_signatures() -> dict[str, tuple[frozenset[str], frozenset[str] | None]]:
    """Domain and range (class local names) of each cy: property, read from the ontology.

    The range is None for literal-valued properties. Used to drop facts whose
    subject or object has the wrong class (e.g. after resolution chose another
    organisation class), so that the graph always keeps the ontology's contract.
    Read from :func:`ontology_quads` (Oxigraph's parse, which the graph needs anyway;
    rdflib's import and parse cost 0.2 s of every build).
    """
    values: dict[tuple[object, str], list[object]] = {}
    for q in ontology_quads():
        values.setdefault((q.subject, q.predicate.value), []).append(q.object)

    def value(node: object, prop: str) -> object | None:
        found = values.get((node, prop))
        return found[0] if found else None

    def members(union: object) -> list[object]:  # an RDF list: rdf:first, then on along rdf:rest
        out = []
        while union is not None and not (isinstance(union, ox.NamedNode) and union.value == RDF.nil):
            first = value(union, RDF.first)
            if first is not None:
                out.append(first)
            union = value(union, RDF.rest)
        return out

    cy = str(CY)

    def classes(node: object) -> frozenset[str] | None:
        if node is None:
            return frozenset()
        union = value(node, OWL.unionOf)
        found = members(union) if union is not None else [node]
        names = [m.value if isinstance(m, ox.NamedNode) else "" for m in found]
        if not all(n.startswith(cy) for n in names):
            return None  # a datatype or a class outside the entity vocabulary
        return frozenset(n[len(cy) :] for n in names)

    kinds = {OWL.ObjectProperty, OWL.DatatypeProperty}
    out = {}
    for q in ontology_quads():
        prop = q.subject
        if q.predicate.value == RDF.type and isinstance(q.object, ox.NamedNode) and q.object.value in kinds \
                and isinstance(prop, ox.NamedNode) and prop.value.startswith(cy):
            dom = classes(value(prop, RDFS.domain)) or frozenset()
            out[prop.value[len(cy) :]] = (dom, classes(value(prop, RDFS.range)))
    return out


@lru_cache(maxsize=64)
def superclasses(local: str) -> frozenset[str]:
    """The class and its superclasses, by local name (the six organisation classes are Organizations)."""
    from kg.model import ORGANIZATION_TYPES

    return frozenset({local, "Organization"} if local in ORGANIZATION_TYPES else {local})


def fits(entity_type: str, allowed: frozenset[str] | None) -> bool:
    """Whether an entity of ``entity_type`` may fill a slot restricted to ``allowed`` (empty: anything)."""
    return not allowed or bool(superclasses(entity_type) & allowed)


def _to_ox(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


