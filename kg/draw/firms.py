"""The firms–initiatives view: firms on the left, initiatives on the right, and what ties them between.

The ties are those of :func:`kg.analyse.bipartite.firm_initiative_graph`
(an event the firm took part in that launched the initiative, a project it
invests in signed at such an event, a park it sits in where the event was
held). The view keeps the nodes of every chain and the projection's edges
between consecutive nodes of a chain (with their evidence), and places them
in four columns: firms, projects and parks, events, initiatives. Inside a
column nodes are ordered by the mean place of their neighbours in the next
columns (a few barycentre sweeps), so chains run mostly straight across.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

import networkx as nx

from kg.analyse.bipartite import firm_initiative_graph

#: Column of each class: firms, the projects and parks between, events, initiatives.
COLUMNS = {"Project": 1, "Park": 1, "Event": 2, "Initiative": 3}
#: Screen units between columns and (at most) between the nodes of a column.
COLUMN_GAP, ROW_GAP = 420.0, 100.0

Link = tuple[Hashable, Hashable, tuple[Hashable, ...]]


def firms_initiatives(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, dict[Hashable, tuple[float, float]], list[Link]]:
    """The subgraph to draw, its positions, and the links (firm, initiative, chain of nodes) it shows."""
    B = firm_initiative_graph(graph)
    links: list[Link] = []
    pairs: set[frozenset[Hashable]] = set()
    for firm, initiative, data in sorted(B.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        a, b = (firm, initiative) if B.nodes[firm]["bipartite"] == 0 else (initiative, firm)
        for chain in data["via"]:
            links.append((a, b, tuple(chain)))
            pairs.update(frozenset(p) for p in zip(chain, chain[1:]))
    view = nx.MultiDiGraph()
    for _, _, chain in links:
        for node in chain:
            view.add_node(node, **graph.nodes[node])
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        if u != v and frozenset((u, v)) in pairs:
            view.add_edge(u, v, key=key, **attrs)
    return view, _columns(view, {a for a, _, _ in links}), links


def _columns(view: nx.MultiDiGraph, firms: set[Hashable]) -> dict[Hashable, tuple[float, float]]:
    column = {n: 0 if n in firms else COLUMNS.get(t, 1) for n, t in view.nodes(data="type")}
    cols: dict[int, list[Hashable]] = defaultdict(list)
    for n in sorted(view.nodes, key=lambda n: (str(view.nodes[n].get("label", n)), str(n))):
        cols[column[n]].append(n)
    neighbours = {n: set(view.successors(n)) | set(view.predecessors(n)) for n in view.nodes}
    for sweep in range(6):  # right to left, then left to right, ...
        order = range(3, -1, -1) if sweep % 2 == 0 else range(4)
        for c in order:
            place = {n: i / max(1, len(cols[k]) - 1) for k, members in cols.items() if k != c
                     for i, n in enumerate(members)}
            def key(n: Hashable) -> tuple[float, str]:
                near = [place[m] for m in neighbours[n] if m in place]
                return (sum(near) / len(near) if near else 0.5, str(view.nodes[n].get("label", n)))
            cols[c].sort(key=key)
    tallest = max((len(m) for m in cols.values()), default=1)
    height = max(1, tallest - 1) * ROW_GAP
    positions = {}
    for c, members in cols.items():
        step = height / max(1, len(members) - 1) if len(members) > 1 else 0.0
        top = -height / 2 if len(members) > 1 else 0.0
        for i, n in enumerate(members):
            positions[n] = (c * COLUMN_GAP, top + i * step)
    return positions
