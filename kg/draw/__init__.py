"""Interactive views of the graph as single HTML files that open anywhere, offline.

``select`` picks what to show, ``layout`` places it, ``page`` writes the HTML,
``query`` turns a SPARQL result into a graph to draw, ``cards`` gathers the
entity cards of the side panel, ``search`` the name folding of the search box,
``firms`` the firms–initiatives view. This module joins them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.model import ORGANIZATION_TYPES

from kg.draw.cards import STORE_LIMIT, CardMaker
from kg.draw.firms import firms_initiatives as _firms_initiatives
from kg.draw.page import iframe, render, styles
from kg.draw.query import result_graph
from kg.draw.select import EntityNotFound, Selection, find_entity, select

__all__ = ["EntityNotFound", "View", "draw", "find_entity", "iframe", "result_graph"]


@dataclass
class View:
    """A rendered page and what it shows."""

    html: str
    selection: Selection
    seconds: float

    @property
    def nodes(self) -> int:
        return self.selection.graph.number_of_nodes()

    @property
    def edges(self) -> int:
        return self.selection.graph.number_of_edges()

    def save(self, path: str | Path) -> Path:
        """Write the page (creating folders); returns the absolute path."""
        out = Path(path).expanduser().resolve()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(self.html, encoding="utf-8")
        return out

    def notebook_html(self, height: int = 600) -> str:
        """The page in a sandboxed ``<iframe srcdoc>`` for notebook output."""
        return iframe(self.html, height)

    def _repr_html_(self) -> str:
        """A view left as a notebook cell's value is drawn there (as :meth:`notebook_html`)."""
        return self.notebook_html()

    def __repr__(self) -> str:  # (the dataclass's would hold the whole page)
        return f"<View: {self.nodes} nodes, {self.edges} edges, {len(self.html) / 1e6:.1f} MB of HTML>"

    def message(self) -> str | None:
        """One line about what ``max_nodes`` left out, or None."""
        s = self.selection
        if not s.dropped:
            return None
        more = ", ..." if len(s.dropped) > 5 else ""
        return (f"kept the {self.nodes} most central nodes by {s.ranked_by} of {s.graph.number_of_nodes() + len(s.dropped)}; "
                f"dropped {len(s.dropped)} nodes and {s.dropped_edges} edges: {', '.join(s.dropped[:5])}{more}")


def draw(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: Iterable[str] | str | None = None,
    max_nodes: int | None = None,
    size_by: str = "pagerank",
    title: str | None = None,
    cards: CardMaker | None = None,
    firms_initiatives: bool = False,
) -> View:
    """Select, lay out and render a projection-shaped graph (see docs/ARCHITECTURE.md).

    ``cards(nodes, ids)`` makes the side panel's entity cards (a store-backed
    graph passes :func:`kg.draw.cards.from_store`); without it, or above
    ``STORE_LIMIT`` nodes, they are made from the graph's own evidence.
    ``firms_initiatives``: draw the firms, the initiatives and the events,
    projects and parks that tie them (:mod:`kg.draw.firms`) in columns.
    """
    start = time.perf_counter()
    if hops < 0:
        raise ValueError("hops must be 0 or more")
    if max_nodes is not None and max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    if size_by not in ("pagerank", "degree"):
        raise ValueError(f"unknown size measure {size_by!r}: use 'pagerank' or 'degree'")
    types = _classes(types)
    positions = links = None
    if firms_initiatives:
        graph, positions, links = _firms_initiatives(graph)
    selection = select(graph, focus=focus, hops=hops, types=types, max_nodes=max_nodes, rank_by=size_by)
    if links is not None:
        kept = selection.graph
        links = [link for link in links if all(n in kept for n in link[2])]
    notes = []
    if cards is not None and selection.graph.number_of_nodes() > STORE_LIMIT:
        cards = None
        notes.append(f"节点多于 {STORE_LIMIT} 个：侧栏的实体卡片取自图投影的证据，而非 entity_card 查询")
    if title is None:
        title = "产业知识图谱：企业与政策计划" if firms_initiatives else "产业知识图谱"
        if selection.focus is not None:
            title += f"：{graph.nodes[selection.focus].get('label', selection.focus)}（{hops} 跳）"
    page = render(selection, title=title, size_by=size_by, positions=positions, cards=cards, links=links,
                  notes=notes)
    return View(page, selection, time.perf_counter() - start)


def _classes(types: Iterable[str] | str | None) -> list[str] | None:
    """Checked class names; ``Organization`` stands for its six subclasses."""
    if types is None:
        return None
    wanted = [t.strip() for t in (types.split(",") if isinstance(types, str) else types) if t.strip()]
    known = [c for c in styles()["classes"] if c != "Other"]
    unknown = [t for t in wanted if t not in known]
    if unknown:
        raise ValueError(f"unknown class {', '.join(unknown)}; use any of {', '.join(known)}")
    if "Organization" in wanted:
        wanted += sorted(ORGANIZATION_TYPES)
    return wanted or None
