"""The prefixes of the SCHEMA.md contract as plain strings (no rdflib import: the query
path and the CLI use these; :mod:`kg.namespaces` builds rdflib Namespaces from them)."""

PREFIX_IRIS: dict[str, str] = {
    "cy": "https://w3id.org/chanye/ontology#",
    "cyr": "https://w3id.org/chanye/id/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#",
}
