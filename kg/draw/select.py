"""Which part of the graph a view shows: classes, an ego network, the most central nodes.

Works on any MultiDiGraph shaped like the projection (node attrs ``label``,
``type``, ``aliases``), so it is the same for the whole graph, a query result
or a synthetic benchmark graph.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from kg.analyse.lookup import EntityNotFound, lookup

__all__ = ["EntityNotFound", "Selection", "find_entity", "importance", "pagerank", "select"]


@dataclass
class Selection:
    """The subgraph to draw, and what was left out of it (so the page can say so)."""

    graph: nx.MultiDiGraph
    total_nodes: int
    total_edges: int
    dropped: list[str] = field(default_factory=list)  # labels of nodes left out by max_nodes
    dropped_edges: int = 0
    ranked_by: str = "pagerank"
    focus: Hashable | None = None


def pagerank(graph: nx.MultiDiGraph, damping: float = 0.85, tol: float = 1e-10) -> dict[Hashable, float]:
    """PageRank by power iteration in numpy (parallel edges add weight; no scipy needed).

    Nodes and edges are taken in name order, not the graph's: a subgraph view or an ego
    network iterates its nodes in set order, which changes with ``PYTHONHASHSEED``, and the
    sums' order would change the scores' last bits and so how ties rank."""
    nodes = sorted(graph.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    src = np.fromiter((index[u] for u, _ in graph.edges()), dtype=np.int64)
    dst = np.fromiter((index[v] for _, v in graph.edges()), dtype=np.int64)
    by_ends = np.lexsort((dst, src))
    src, dst = src[by_ends], dst[by_ends]
    out = np.bincount(src, minlength=n).astype(float)
    rank = np.full(n, 1.0 / n)
    for _ in range(200):
        share = np.divide(rank, out, out=np.zeros(n), where=out > 0)
        flow = np.bincount(dst, share[src], minlength=n)
        dangling = rank[out == 0].sum()
        new = (1 - damping) / n + damping * (flow + dangling / n)
        if np.abs(new - rank).sum() < tol * n:
            rank = new
            break
        rank = new
    return dict(zip(nodes, rank.tolist()))


def importance(graph: nx.MultiDiGraph, by: str = "pagerank") -> dict[Hashable, float]:
    """How central each node is: ``pagerank`` or ``degree`` (edges in and out)."""
    if by == "pagerank":
        return pagerank(graph)
    if by == "degree":
        return {node: float(d) for node, d in graph.degree()}
    raise ValueError(f"unknown size measure {by!r}: use 'degree' or 'pagerank'")


def find_entity(graph: nx.MultiDiGraph, name: str) -> Hashable:
    """The node whose label or alias is ``name`` (an exact node id also works).

    Names are matched by :func:`kg.analyse.lookup.lookup` (script- and
    width-blind); it raises :class:`EntityNotFound` with close names.
    """
    if name in graph:
        return name
    return lookup(graph, name).iri


def select(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: Iterable[str] | None = None,
    max_nodes: int | None = None,
    rank_by: str = "pagerank",
) -> Selection:
    """Apply the view options in a fixed order: classes, then ego network, then the size cap.

    The whole graph is shown as it is and a class filter or size cap as a
    read-only subgraph view: no copy of the graph is made (only an ego
    network, which is small, is copied by NetworkX).
    """
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    view = graph
    keep: set[str] = set()
    if types:
        keep = {t.strip() for t in types if t.strip()}
        view = view.subgraph([n for n, t in view.nodes(data="type") if t in keep])
    center = None
    if focus:
        center = find_entity(graph, focus)
        if center not in view:  # found, but of a class the view leaves out: the two options disagree
            kind = graph.nodes[center].get("type", "")
            raise ValueError(f"{focus} is a {kind}, not of the classes kept ({', '.join(sorted(keep))}): "
                             f"add {kind} to them or leave the classes out")
        view = nx.ego_graph(view, center, radius=max(0, hops), undirected=True)
    selection = Selection(view, total_nodes, total_edges, ranked_by=rank_by, focus=center)
    if max_nodes is not None and selection.graph.number_of_nodes() > max_nodes:
        _cap(selection, max(0, max_nodes), rank_by)
    return selection


def _cap(selection: Selection, max_nodes: int, rank_by: str) -> None:
    """Keep the ``max_nodes`` most central nodes (the focus always stays)."""
    g = selection.graph
    score = importance(g, rank_by)
    order = sorted(g.nodes, key=lambda n: (n != selection.focus, -score[n], str(g.nodes[n].get("label", n)), str(n)))
    keep, drop = order[:max_nodes], order[max_nodes:]
    before = g.number_of_edges()
    selection.dropped = [str(g.nodes[n].get("label", n)) for n in drop]
    selection.graph = g.subgraph(keep)
    selection.dropped_edges = before - selection.graph.number_of_edges()
