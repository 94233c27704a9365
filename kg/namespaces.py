"""RDF namespaces of the SCHEMA.md contract."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.prefixes import PREFIX_IRIS

CY = Namespace(PREFIX_IRIS["cy"])
CYR = Namespace(PREFIX_IRIS["cyr"])
SCHEMA = Namespace(PREFIX_IRIS["schema"])
ORG = Namespace(PREFIX_IRIS["org"])
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, Namespace] = {k: Namespace(v) for k, v in PREFIX_IRIS.items()}

__all__ = ["CY", "CYR", "SCHEMA", "ORG", "SH", "PREFIXES", "RDF", "RDFS", "SKOS", "XSD", "DCTERMS", "PROV", "OWL"]
