"""Node positions computed in Python, so the browser draws at once with physics off.

vis-network's own physics needs about a thousand simulation steps before its
first frame (tens of seconds for a few hundred nodes in a headless browser).
A force-directed layout in numpy takes a fraction of a second instead:
Fruchterman-Reingold forces, exact repulsion between every pair for small
components and, above ``EXACT_LIMIT`` nodes, repulsion from a particle mesh:
node masses are spread on a grid (cloud-in-cell), the k²/d field of the whole
grid is one FFT convolution, and each node reads its push back from the grid.
A step then costs O(n + G² log G) instead of O(n²), so 20,000 nodes lay out
in about a second. Nothing is random but the seeded start: the same graph
gives the same picture.

The graph is read once into index arrays (no NetworkX copy of it is made).
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

#: Up to this many nodes in a component every pair repels exactly; above, through the grid.
EXACT_LIMIT = 400
#: Pull towards the centre of a component (keeps long branches short).
GRAVITY = 0.25
#: Grid cells per unit of ideal edge length for the particle mesh (capped by ``MAX_CELLS``).
CELLS_PER_UNIT, MAX_CELLS = 1.0, 128


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
    nodes = sorted(graph.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    pairs = np.unique(np.sort(pairs, axis=1), axis=0)  # one undirected edge per linked pair, sorted
    adjacency = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    count, label = connected_components(adjacency, directed=False)
    # Components biggest first, ties by their first node (nodes are sorted by str, so index order is name order).
    sizes = np.bincount(label, minlength=count)
    first = np.full(count, n)
    np.minimum.at(first, label, np.arange(n))
    order = np.lexsort((first, -sizes))
    members = np.argsort(label, kind="stable")  # node indices grouped by component, ascending inside
    starts = np.concatenate(([0], np.cumsum(sizes)))
    edge_order = np.argsort(label[pairs[:, 0]], kind="stable")
    edge_starts = np.concatenate(([0], np.cumsum(np.bincount(label[pairs[:, 0]], minlength=count))))
    local = np.empty(n, dtype=np.int64)
    rng = np.random.default_rng(seed)
    boxes = []
    for c in order:
        part = members[starts[c] : starts[c + 1]]
        local[part] = np.arange(len(part))
        edges = local[pairs[edge_order[edge_starts[c] : edge_starts[c + 1]]]]
        boxes.append((part, _component(len(part), edges, iterations, rng)))
    placed = _pack(boxes, n)
    return {node: (float(x) * spacing, float(y) * spacing) for node, (x, y) in zip(nodes, placed.tolist())}


def _component(n: int, edges: np.ndarray, iterations: int | None, rng: np.random.Generator) -> np.ndarray:
    if n <= 2:
        return np.array([[float(i), 0.0] for i in range(n)])
    steps = iterations or (max(30, min(120, 8 * n)) if n <= EXACT_LIMIT else 80)
    return _run(n, edges, steps, rng)


def _pack(boxes: list[tuple[np.ndarray, np.ndarray]], n: int, margin: float = 1.5) -> np.ndarray:
    """Shelf packing of component layouts, rows about as wide as the whole is tall."""
    shapes = []
    for part, pos in boxes:
        pos = pos - pos.min(axis=0)
        gap = margin if len(part) > 1 else 1.4  # lone nodes sit closer together
        shapes.append((part, pos, pos[:, 0].max() + gap, pos[:, 1].max() + gap))
    # Rows as wide as a 16:10 screen wants for this area.
    area = sum(w * h for *_, w, h in shapes)
    row_width = max(max((w for *_, w, _ in shapes), default=1.0), np.sqrt(area * 1.6))
    out = np.zeros((n, 2))
    x = y = row_height = 0.0
    for part, pos, w, h in shapes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out[part] = pos + (x, y)
        x += w
        row_height = max(row_height, h)
    return out - out.mean(axis=0)


def _run(n: int, edges: np.ndarray, iterations: int, rng: np.random.Generator) -> np.ndarray:
    """Fruchterman-Reingold with ideal edge length 1, linear cooling and a weak pull to the centre."""
    side = np.sqrt(n)
    pos = rng.random((n, 2)) * side
    src, dst = edges[:, 0], edges[:, 1]
    temperature = side / 8
    cool = temperature / (iterations + 1)
    mesh = None if n <= EXACT_LIMIT else _Mesh(min(MAX_CELLS, max(32, int(CELLS_PER_UNIT * side * 1.5))))
    for _ in range(iterations):
        disp = _repulsion(pos) if mesh is None else mesh.repulsion(pos)
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


def _repulsion(pos: np.ndarray) -> np.ndarray:
    """Exact sum of k^2/d pushes on every node from every other (O(n²): small components only)."""
    dx = pos[:, 0, None] - pos[None, :, 0]
    dy = pos[:, 1, None] - pos[None, :, 1]
    inv = dx * dx
    inv += dy * dy
    np.maximum(inv, 1e-4, out=inv)
    np.divide(1.0, inv, out=inv)
    np.fill_diagonal(inv, 0.0)
    return np.stack([(dx * inv).sum(axis=1), (dy * inv).sum(axis=1)], axis=1)


class _Mesh:
    """Particle-mesh repulsion on a ``cells`` × ``cells`` grid spanning the current layout.

    The kernel is the FR push d/|d|² between grid points (softened below half a
    cell); cloud-in-cell assignment and the same weights for reading back make
    a node's push on itself cancel.
    """

    def __init__(self, cells: int) -> None:
        self.cells = cells
        size = 2 * cells
        offset = np.arange(size, dtype=float)
        offset[offset >= cells] -= size  # wrap-around order for a circular convolution
        ox, oy = np.meshgrid(offset, offset, indexing="ij")
        d2 = ox * ox + oy * oy + 0.25  # in cells, softened below half a cell
        d2[0, 0] = np.inf  # a cell does not push itself
        # Spectra of the kernel for a cell of side 1; for side s the push is 1/s of it.
        self._kx, self._ky = np.fft.rfft2(ox / d2), np.fft.rfft2(oy / d2)

    def repulsion(self, pos: np.ndarray) -> np.ndarray:
        cells, size = self.cells, 2 * self.cells
        low = pos.min(axis=0)
        step = max(float((pos.max(axis=0) - low).max()), 1e-9) / (cells - 1.001)
        grid = (pos - low) / step
        cell = np.minimum(grid.astype(np.int64), cells - 2)
        frac = grid - cell
        corners = [(0, 0, (1 - frac[:, 0]) * (1 - frac[:, 1])), (1, 0, frac[:, 0] * (1 - frac[:, 1])),
                   (0, 1, (1 - frac[:, 0]) * frac[:, 1]), (1, 1, frac[:, 0] * frac[:, 1])]
        mass = np.zeros(size * size)
        flat = []
        for di, dj, w in corners:
            at = (cell[:, 0] + di) * size + (cell[:, 1] + dj)
            flat.append((at, w))
            mass += np.bincount(at, w, size * size)
        spectrum = np.fft.rfft2(mass.reshape(size, size)) / step
        fx = np.fft.irfft2(spectrum * self._kx, s=(size, size)).ravel()
        fy = np.fft.irfft2(spectrum * self._ky, s=(size, size)).ravel()
        out = np.zeros_like(pos)
        for at, w in flat:
            out[:, 0] += fx[at] * w
            out[:, 1] += fy[at] * w
        return out
