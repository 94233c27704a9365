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
#: Pull towards the centre of a component (keeps long branches short).
GRAVITY = 0.25


def force_layout(
    graph: nx.Graph,
    *,
    iterations: int | None = None,
    seed: int = 7,
    spacing: float = 90.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in screen units (about ``spacing`` pixels between neighbours).

    Each connected component is laid out on its own and the components are
    packed in rows, biggest first, so small islands do not drift to the edges
    and shrink the main picture when the view is fitted to the screen.
    """
    undirected = nx.Graph(graph)
    parts = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    rng = np.random.default_rng(seed)
    boxes = []
    for part in parts:
        nodes = sorted(part, key=str)
        boxes.append((nodes, _component(undirected.subgraph(nodes), nodes, iterations, rng)))
    placed = _pack(boxes)
    return {node: (float(x) * spacing, float(y) * spacing) for node, (x, y) in placed.items()}


def _component(graph: nx.Graph, nodes: list[Hashable], iterations: int | None, rng: np.random.Generator) -> np.ndarray:
    n = len(nodes)
    if n <= 2:
        return np.array([[float(i), 0.0] for i in range(n)])
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array(sorted((min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v),
                     dtype=np.int64).reshape(-1, 2)
    steps = iterations or (max(30, min(120, 8 * n)) if n <= EXACT_LIMIT else 80)
    return _run(n, edges, steps, rng)


def _pack(boxes: list[tuple[list[Hashable], np.ndarray]], margin: float = 1.5) -> dict[Hashable, np.ndarray]:
    """Shelf packing of component layouts, rows about as wide as the whole is tall."""
    shapes = []
    for nodes, pos in boxes:
        pos = pos - pos.min(axis=0)
        gap = margin if len(nodes) > 1 else 1.4  # lone nodes sit closer together
        shapes.append((nodes, pos, pos[:, 0].max() + gap, pos[:, 1].max() + gap))
    # Rows as wide as a 16:10 screen wants for this area.
    area = sum(w * h for *_, w, h in shapes)
    row_width = max(max((w for *_, w, _ in shapes), default=1.0), np.sqrt(area * 1.6))
    out: dict[Hashable, np.ndarray] = {}
    x = y = row_height = 0.0
    for nodes, pos, w, h in shapes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, p in zip(nodes, pos):
            out[node] = p + (x, y)
        x += w
        row_height = max(row_height, h)
    centre = np.mean(list(out.values()), axis=0) if out else np.zeros(2)
    return {node: p - centre for node, p in out.items()}


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
        disp -= centre * (GRAVITY * np.sqrt((centre**2).sum(axis=1)) / side)[:, None]
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
    x, y = pos[:, 0], pos[:, 1]
    dx = x[:, None] - x[others]
    dy = y[:, None] - y[others]
    inv = dx * dx
    inv += dy * dy
    np.maximum(inv, 1e-4, out=inv)
    np.divide((n - 1) / SAMPLE, inv, out=inv)
    return np.stack([(dx * inv).sum(axis=1), (dy * inv).sum(axis=1)], axis=1)
