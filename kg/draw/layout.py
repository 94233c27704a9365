"""Node positions computed in Python, so the browser draws at once with physics off.

vis-network's own physics needs about a thousand simulation steps before its
first frame (tens of seconds for a few hundred nodes in a headless browser).
A force-directed layout in numpy takes a fraction of a second instead:
Fruchterman-Reingold forces, exact repulsion for small graphs and, above
``EXACT_LIMIT`` nodes, repulsion from a fresh random sample of nodes at each
step (scaled up to the whole graph), which keeps a step linear in the number
of nodes. The random generator is seeded: the same graph gives the same picture.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np

#: Up to this many nodes every pair repels exactly; above, by sampling.
EXACT_LIMIT = 400
#: Repelling partners drawn per node and step on big graphs.
SAMPLE = 48


def force_layout(
    graph: nx.Graph,
    *,
    iterations: int | None = None,
    seed: int = 7,
    spacing: float = 110.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in screen units (about ``spacing`` pixels between neighbours)."""
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    pos = _run(n, edges, iterations or (120 if n <= EXACT_LIMIT else 80), np.random.default_rng(seed))
    pos -= pos.mean(axis=0)
    return {node: (float(x) * spacing, float(y) * spacing) for node, (x, y) in zip(nodes, pos)}


def _run(n: int, edges: np.ndarray, iterations: int, rng: np.random.Generator) -> np.ndarray:
    """Fruchterman-Reingold with ideal edge length 1, linear cooling and a weak pull to the centre."""
    side = np.sqrt(n)
    pos = rng.random((n, 2)) * side
    src, dst = edges[:, 0], edges[:, 1]
    temperature = side / 8
    cool = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos, rng)
        if len(edges):
            delta = pos[src] - pos[dst]
            dist = np.sqrt((delta**2).sum(axis=1)) + 1e-9
            pull = delta * dist[:, None]  # |F| = d^2 / k with k = 1
            disp[:, 0] -= np.bincount(src, pull[:, 0], n) - np.bincount(dst, pull[:, 0], n)
            disp[:, 1] -= np.bincount(src, pull[:, 1], n) - np.bincount(dst, pull[:, 1], n)
        centre = pos - pos.mean(axis=0)
        disp -= centre * (0.08 * np.sqrt((centre**2).sum(axis=1)) / side)[:, None]
        length = np.sqrt((disp**2).sum(axis=1)) + 1e-9
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    return pos


def _repulsion(pos: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Sum of k^2/d pushes on every node (exact, or from a scaled random sample)."""
    n = len(pos)
    if n <= EXACT_LIMIT:
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        inv = dx * dx
        inv += dy * dy
        np.maximum(inv, 1e-4, out=inv)
        np.divide(1.0, inv, out=inv)
        np.fill_diagonal(inv, 0.0)
        return np.stack([(dx * inv).sum(axis=1), (dy * inv).sum(axis=1)], axis=1)
    others = rng.integers(0, n - 1, size=(n, SAMPLE))
    others += others >= np.arange(n)[:, None]  # never a node itself
    delta = pos[:, None, :] - pos[others]
    d2 = np.maximum((delta**2).sum(axis=2), 1e-4)
    return (delta / d2[:, :, None]).sum(axis=1) * ((n - 1) / SAMPLE)
