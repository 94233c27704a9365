"""Write the graph in the formats other tools read: RDF for triple stores, GraphML/GEXF for Gephi,
CSV for Neo4j's bulk importer.

One entry point, :func:`export`, picks the writer from ``format`` or the file
extension; each writer lives in its own module:

* :mod:`kg.export.rdf` — Turtle grouped by subject (one block per subject, with
  the project's prefixes), N-Triples, TriG, N-Quads, and JSON-LD with a compact
  ``@context``;
* :mod:`kg.export.network` — GraphML and GEXF of the projection
  (:meth:`kg.api.KnowledgeGraph.to_networkx`) with scalar attributes only, which
  is what Gephi reads;
* :mod:`kg.export.neo4j` — ``nodes.csv`` and ``relationships.csv`` with the typed
  headers of ``neo4j-admin database import``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: format name -> what it writes (the keys are the accepted ``--format`` values and extensions).
FORMATS: dict[str, str] = {
    "ttl": "Turtle, grouped by subject (union of graphs)",
    "nt": "N-Triples (union of graphs)",
    "trig": "TriG (named graphs)",
    "nq": "N-Quads (named graphs)",
    "jsonld": "JSON-LD with a compact @context (named graphs)",
    "graphml": "GraphML of the entity network (Gephi, yEd, Cytoscape)",
    "gexf": "GEXF of the entity network (Gephi)",
    "neo4j": "a folder of nodes.csv and relationships.csv for neo4j-admin database import",
}
_ALIASES = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json-ld": "jsonld"}


def export_format(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format named by ``format``, else by the extension of ``path`` (no extension: ``neo4j``).

    Raises ``ValueError`` naming the accepted formats in one line.
    """
    p = Path(path)
    key = (format or p.suffix.lstrip(".") or "neo4j").lower()
    key = _ALIASES.get(key, key)
    if key == "csv":
        raise ValueError(f"the Neo4j export is a folder of two CSV files, not {p.name}: "
                         f"give a folder, e.g. kg export {p.with_suffix('')} --format neo4j")
    if key not in FORMATS:
        raise ValueError(f"unknown export format {key!r} for {p}; use one of {', '.join(FORMATS)}")
    return key


def export(graph: Any, path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write ``graph`` (a :class:`kg.api.KnowledgeGraph`) to ``path``; returns the path written.

    RDF formats read the store; GraphML, GEXF and Neo4j read the projection
    (entities and labelled relations, with evidence counts).
    """
    fmt = export_format(path, format)
    p = Path(path)
    if fmt in ("graphml", "gexf"):
        from kg.export import network

        return network.write(graph.to_networkx(), p, fmt)
    if fmt == "neo4j":
        from kg.export import neo4j

        return neo4j.write(graph.to_networkx(), p)
    from kg.export import rdf

    return rdf.write(graph.store, p, fmt)


__all__ = ["FORMATS", "export", "export_format"]
