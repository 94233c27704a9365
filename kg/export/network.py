"""GraphML and GEXF of the entity network, for Gephi (and yEd, Cytoscape).

The projection (:func:`kg.analyse.projection.to_networkx`) keeps lists on its
nodes and edges (aliases, articles, amounts, evidence), which neither format
can hold; :func:`flat_graph` turns each into scalars:

* node: ``label``, ``type``, ``iri``, ``articles`` (how many articles mention it),
  ``aliases`` (joined with 、), ``date`` (events), ``amount_<CUR>`` (the largest
  stated amount per currency, a float: one attribute per currency, never added
  across currencies) and ``amounts`` (all stated amounts as text);
* edge: ``relation`` (property local name), ``label`` (its Chinese name),
  ``predicate`` (IRI), ``title`` (posts), ``sentences`` (evidence count),
  ``articles`` (how many articles state it), ``weight`` (1.0).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx

#: what XML 1.0 cannot hold: control characters but tab and line breaks, surrogates, U+FFFE/U+FFFF.
#: A name can carry one (a kg rename, RDF loaded from elsewhere); written raw, no reader opens the file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _amounts(pairs: list[tuple[Any, str]]) -> dict[str, float]:
    """Largest stated amount per currency (a total and its parts are not summed)."""
    out: dict[str, float] = {}
    for value, currency in pairs:
        out[currency] = max(out.get(currency, 0.0), float(value))
    return out


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the projection with scalar attributes only (str, int, float), no ``None``."""
    H = nx.MultiDiGraph(name="chanye-kg")
    currencies = sorted({c for _, d in G.nodes(data=True) for _, c in d.get("amounts", ())})
    for n in sorted(G.nodes):
        d = G.nodes[n]
        attrs: dict[str, Any] = {
            "label": _xml(d.get("label", n)),
            "type": d.get("type", ""),
            "iri": n,
            "articles": len(d.get("articles", ())),
            "aliases": _xml("、".join(d.get("aliases", ()))),
            "date": str(d.get("date", "")),
            "amounts": "; ".join(f"{v} {c}" for v, c in d.get("amounts", ())),
        }
        most = _amounts(d.get("amounts", ()))
        for currency in currencies:  # every node has every column (Gephi's table wants one type per column)
            attrs[f"amount_{currency}"] = most.get(currency, 0.0)
        H.add_node(n, **attrs)
    for i, (u, v, key, d) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        evidence = d.get("evidence", ())
        H.add_edge(u, v, key=f"e{i}", id=f"e{i}", relation=str(key), label=d.get("label") or str(key),
                   predicate=d.get("predicate", ""), title=_xml(d.get("title") or ""),
                   sentences=len(evidence), articles=len({f for f, _ in evidence}), weight=1.0)
    return H


def write(G: nx.MultiDiGraph, path: Path, fmt: str) -> Path:
    """Write the projection ``G`` as GraphML (``fmt='graphml'``) or GEXF 1.2 (``'gexf'``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    H = flat_graph(G)
    if fmt == "graphml":
        # keys d0, d1, …: named by attribute, a node's and an edge's "label" were one id twice (GraphML's
        # schema wants ids unique; readers go by attr.name)
        nx.write_graphml(H, path, encoding="utf-8", prettyprint=True)
    elif fmt == "gexf":
        nx.write_gexf(H, path, encoding="utf-8", prettyprint=True, version="1.2draft")
    else:
        raise ValueError(f"unknown network format {fmt!r}; use graphml or gexf")
    return path
