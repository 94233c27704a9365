"""RDF namespaces of the SCHEMA.md contract."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CY = Namespace("https://w3id.org/chanye/ontology#")
CYR = Namespace("https://w3id.org/chanye/id/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, Namespace] = {
    "cy": CY,
    "cyr": CYR,
    "schema": SCHEMA,
    "skos": Namespace(str(SKOS)),
    "rdfs": Namespace(str(RDFS)),
    "rdf": Namespace(str(RDF)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "xsd": Namespace(str(XSD)),
    "owl": Namespace(str(OWL)),
    "org": ORG,
}

__all__ = ["CY", "CYR", "SCHEMA", "ORG", "SH", "PREFIXES", "RDF", "RDFS", "SKOS", "XSD", "DCTERMS", "PROV", "OWL"]
