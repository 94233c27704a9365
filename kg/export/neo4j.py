"""CSV files for Neo4j's bulk importer (``neo4j-admin database import full``).

``nodes.csv`` has one row per entity: ``iri:ID`` (the entity IRI), ``name``,
``type``, ``aliases:string[]``, ``articles:int``, ``date`` (events; partial dates
such as 2021-04 stay text), ``amount_<CUR>:double`` per currency and ``:LABEL``
(``Entity``, its class and, for firms and the like, ``Organization``).
``relationships.csv`` has ``:START_ID``, ``:END_ID``, ``:TYPE`` (the property in
UPPER_SNAKE case, e.g. ``HOLDS_POSITION``), ``name`` (its Chinese label),
``predicate``, ``title``, ``sentences:int`` and ``sources:string[]`` (source
files). Arrays use the importer's default delimiter ``;`` (which the importer cannot escape: a
``;`` inside an item, as in a file name, is written as ``,``). The command that loads them is
written beside them in ``import.sh``, with ``--multiline-fields=true`` (a field may hold a line
break, e.g. a file name; the CSV quotes it, but the importer reads it only with that option).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analyse.projection import is_organization
from kg.export.network import _amounts

NODE_FILE = "nodes.csv"
RELATIONSHIP_FILE = "relationships.csv"
ARRAY_DELIMITER = ";"


def relationship_type(name: str) -> str:
    """``holdsPosition`` -> ``HOLDS_POSITION`` (Neo4j's naming convention for relationship types)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def _array(items: Any) -> str:
    return ARRAY_DELIMITER.join(str(i).replace(ARRAY_DELIMITER, ",") for i in items)


def labels(node_type: str) -> str:
    """``:LABEL`` cell: ``Entity;Company;Organization`` for a firm, ``Entity;Person`` for a person."""
    out = ["Entity", node_type] if node_type else ["Entity"]
    if node_type != "Organization" and is_organization(node_type):
        out.append("Organization")
    return ARRAY_DELIMITER.join(out)


def write(G: nx.MultiDiGraph, folder: Path) -> Path:
    """Write ``nodes.csv``, ``relationships.csv`` and ``import.sh`` into ``folder``; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    currencies = sorted({c for _, d in G.nodes(data=True) for _, c in d.get("amounts", ())})
    with open(folder / NODE_FILE, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["iri:ID", "name", "type", "aliases:string[]", "articles:int", "date",
                    *[f"amount_{c}:double" for c in currencies], ":LABEL"])
        for n in sorted(G.nodes):
            d = G.nodes[n]
            most = _amounts(d.get("amounts", ()))
            w.writerow([n, d.get("label", n), d.get("type", ""), _array(d.get("aliases", ())),
                        len(d.get("articles", ())), d.get("date", ""),
                        *[repr(most[c]) if c in most else "" for c in currencies], labels(d.get("type", ""))])
    with open(folder / RELATIONSHIP_FILE, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([":START_ID", ":END_ID", ":TYPE", "name", "predicate", "title", "sentences:int", "sources:string[]"])
        for u, v, key, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            evidence = d.get("evidence", ())
            w.writerow([u, v, relationship_type(str(key)), d.get("label") or key, d.get("predicate", ""),
                        d.get("title") or "", len(evidence), _array(sorted({f for f, _ in evidence}))])
    (folder / "import.sh").write_text(
        "#!/bin/sh\n# Load into an empty Neo4j database (stop it first), then start it.\n"
        f'neo4j-admin database import full --nodes="$(dirname "$0")/{NODE_FILE}" '
        f'--relationships="$(dirname "$0")/{RELATIONSHIP_FILE}" --array-delimiter="{ARRAY_DELIMITER}" '
        '--multiline-fields=true "${1:-neo4j}"\n',
        encoding="utf-8",
    )
    return folder
