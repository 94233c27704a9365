"""Clusters of entities that are more tied to each other than to the rest (modularity, Leiden).

The communities maximise modularity, found by python-igraph's Leiden algorithm
(Louvain with a refinement step; :func:`kg.analyse.fast.leiden`) on the
undirected simple view of the projection (``weight`` = number of relations
between two nodes). It is randomised; the seed, given to igraph as its random
generator, and the sorted node order make the answer the same on every run. A cluster is described the way an analyst would: its most connected
members and the industries it is about (industry nodes in the cluster plus
the ``inIndustry`` targets of its members).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from kg.analyse import checks, fast


@dataclass(frozen=True)
class Community:
    """One community, members sorted by degree (most connected first)."""

    index: int
    members: list[str]  # IRIs
    labels: list[str]
    types: dict[str, int]  # type -> count
    industries: list[tuple[str, int]]  # dominant industries: (label, weight), strongest first

    @property
    def size(self) -> int:
        return len(self.members)


def communities(
    G: nx.MultiDiGraph, seed: int = 42, resolution: float = 1.0, min_size: int = 2
) -> list[Community]:
    """Modularity (Leiden) communities of the projection, largest first.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection.
    seed : int
        Random seed of Leiden (same seed, same graph → same communities).
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    min_size : int
        Communities smaller than this (isolated entities) are left out.

    Examples
    --------
    >>> for c in communities(G)[:2]:                      # doctest: +SKIP
    ...     print(c.size, c.labels[:3], c.industries[:2])
    14 ['昆山市新兴产业发展大会', '昆山', '链长制'] [('新能源', 2), ('新显示', 1)]
    """
    checks.count(seed, "seed", None)
    checks.positive(resolution, "resolution")
    view = fast.igraph_view(G)  # vertex ids follow the sorted node order
    parts = fast.leiden(view, seed=seed, resolution=resolution)
    degree = view.graph.degree()
    nodes, attrs = view.nodes, G.nodes
    out: list[Community] = []
    for part in sorted(parts, key=lambda p: (-len(p), min(p))):
        if len(part) < min_size:
            continue
        ranked = sorted(part, key=lambda i: (-degree[i], attrs[nodes[i]]["label"], nodes[i]))
        members = [nodes[i] for i in ranked]
        industries: Counter[str] = Counter()
        for n in members:
            if attrs[n]["type"] == "Industry":
                industries[attrs[n]["label"]] += 1
            for _, target, key in G.out_edges(n, keys=True):
                if key == "inIndustry":
                    industries[attrs[target]["label"]] += 1
        out.append(
            Community(
                index=len(out),
                members=members,
                labels=[attrs[n]["label"] for n in members],
                types=dict(Counter(attrs[n]["type"] for n in members).most_common()),
                industries=sorted(industries.items(), key=lambda kv: (-kv[1], kv[0])),
            )
        )
    return out


def communities_table(found: list[Community], members: int = 8, industries: int = 3) -> pd.DataFrame:
    """One row per community: size, main members, dominant industries, type mix."""
    rows = [
        {
            "community": c.index,
            "size": c.size,
            "members": "、".join(c.labels[:members]) + ("…" if c.size > members else ""),
            "industries": "、".join(label for label, _ in c.industries[:industries]),
            "types": ", ".join(f"{t}:{n}" for t, n in c.types.items()),
        }
        for c in found
    ]
    return pd.DataFrame(rows, columns=["community", "size", "members", "industries", "types"])
