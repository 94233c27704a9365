"""IRIs and literals of the graph, minted from content.

Every IRI is a hash of what identifies the thing (:func:`mint`), so the same
input gives the same IRIs whatever the file order, worker count or machine.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox

from kg.prefixes import PREFIX_IRIS


class Vocabulary:
    """The IRIs of one vocabulary as plain strings (``RDF.type``, ``CY.title``): what the graph
    writer needs of rdflib's ``Namespace``, without importing rdflib (0.13 s of every build,
    and of ``kg build --jobs N``'s serial part after the last extraction)."""

    __slots__ = ("_base",)

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._base + name

    def __str__(self) -> str:
        return self._base

    def __format__(self, spec: str) -> str:
        return format(self._base, spec)


CY, CYR, SCHEMA = Vocabulary(PREFIX_IRIS["cy"]), Vocabulary(PREFIX_IRIS["cyr"]), Vocabulary(PREFIX_IRIS["schema"])
RDF, RDFS, SKOS = Vocabulary(PREFIX_IRIS["rdf"]), Vocabulary(PREFIX_IRIS["rdfs"]), Vocabulary(PREFIX_IRIS["skos"])
XSD, DCTERMS, PROV, OWL = (Vocabulary(PREFIX_IRIS[k]) for k in ("xsd", "dcterms", "prov", "owl"))

#: Where every fact, entity, article record and the ontology live, each triple once.
DEFAULT_GRAPH = ox.DefaultGraph()
_CYR = PREFIX_IRIS["cyr"]
G_BUILD = ox.NamedNode(_CYR + "graph/build")
#: One ``rdf:Statement`` node per fact some article states (kg.graph: its provenance, once per fact).
G_STATEMENTS = ox.NamedNode(_CYR + "graph/statements")

_DATE_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_INTEGER = _n(XSD.integer)


# ---------------------------------------------------------------- IRIs


def _hex(*parts: str) -> str:
    return hashlib.sha256("\t".join(parts).encode("utf-8")).hexdigest()[:16]


def mint(kind: str, *parts: str) -> str:
    """The IRI ``cyr:<kind>/<16 hex>`` of a resource, hashed from its identifying parts."""
    return f"{_CYR}{kind}/{_hex(*parts)}"


@lru_cache(maxsize=65536)
def entity_iri(top_type: str, label: str, scope: str = "") -> str:
    """IRI of an entity: kind = lower-case top type, hash of ``top_type \\t label`` (``\\t scope``
    for a name that does not say which one, a person's or a generic event's: :mod:`kg.name_scope`)."""
    return mint(top_type.lower(), top_type, label, scope) if scope else mint(top_type.lower(), top_type, label)


def article_iri(digest: str) -> str:
    """IRI of an article: the first 16 hex of the sha256 of its raw bytes."""
    return f"{_CYR}article/{digest[:16]}"


def industry_iri(label: str) -> str:
    """Taxonomy concepts and extracted industries share this rule, so they are one node."""
    return entity_iri("Industry", label)


# ---------------------------------------------------------------- literals


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def date_literal(value: str) -> ox.Literal | None:
    """'YYYY-MM-DD' -> xsd:date, 'YYYY-MM' -> xsd:gYearMonth, 'YYYY' -> xsd:gYear."""
    for pattern, dtype in _DATE_TYPES:
        if pattern.match(value):
            return ox.Literal(value, datatype=_n(dtype))
    return None


def decimal_lexical(value: Decimal | int) -> str:
    """Canonical xsd:decimal lexical form (no exponent, no trailing zeros)."""
    text = format(Decimal(value).normalize(), "f")
    return text


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_INTEGER)


# ---------------------------------------------------------------- N-Triples text of terms
# The graph writer makes N-Quads lines rather than pyoxigraph terms: a quad whose object is a
# literal or whose graph is the default one costs ~4.5 us to construct (~0.5 us otherwise), a
# line ~0.3 us, and Oxigraph's bulk loader reads lines as fast as it takes terms. Each function
# gives exactly ``str()`` of the pyoxigraph term, so lines from terms and from text agree.

#: oxrdf's escapes in quoted strings (``print_quoted_str``): ECHARs, then \uXXXX for other controls
_ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF) if c not in _ESCAPES})
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff]")


def quoted(text: str) -> str:
    """``text`` as an N-Triples quoted string, escaped as Oxigraph writes it."""
    return f'"{text.translate(_ESCAPES)}"' if _NEEDS_ESCAPE.search(text) else f'"{text}"'


def zh_text(text: str) -> str:
    """N-Triples of :func:`zh`."""
    return f"{quoted(text)}@zh"


def typed_text(value: str, datatype: str) -> str:
    """N-Triples of a literal of ``datatype`` (an IRI; xsd:string is written bare)."""
    return quoted(value) if datatype == _XSD_STRING else f"{quoted(value)}^^<{datatype}>"


_INTEGER_IRI = _INTEGER.value  # (``.value`` makes a new str of the Rust term's at each call)


def integer_text(value: int) -> str:
    """N-Triples of :func:`integer`."""
    return f'"{int(value)}"^^<{_INTEGER_IRI}>'


def date_text(value: str) -> str | None:
    """N-Triples of :func:`date_literal`."""
    for pattern, dtype in _DATE_TYPES:
        if pattern.match(value):
            return f"{quoted(value)}^^<{dtype}>"
    return None


_XSD_STRING = str(XSD.string)


