"""One self-contained HTML page per view: data, vis-network and our scripts (view.js, view_panel.js) inlined.

The writer is linear in the size of the graph (pyvis's ``add_node`` is
quadratic): it turns nodes and edges into one JSON document, escaped so that
no text from an article can close the ``<script>`` element, and fills
``kg/data/view.html``. vis-network is pyvis's own bundled copy (vis-network
9.1.2, Apache-2.0 or MIT, licence header kept). A Content-Security-Policy
allows only the page's own scripts (by hash) and no network access at all,
so even a broken escape could neither load nor run anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
import re
import tomllib
from collections import Counter
from collections.abc import Hashable, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.draw.cards import CardMaker, from_graph
from kg.draw.firms import Link
from kg.draw.layout import force_layout
from kg.draw.search import dropped, t2s_table
from kg.draw.select import Selection, importance

#: Above this many nodes edges are drawn straight and hidden while dragging/zooming.
BIG = 300
#: Above this many nodes the edges are not vis-network objects (each costs ~0.1 ms to build in the
#: browser) but lines that the page's script strokes under the nodes in one canvas path; and only the
#: ``LABELLED`` most important nodes carry a label at first, the others get theirs as the user zooms in
#: (vis-network measures every label before its first frame, even those too small to draw).
LINES = 5000
LABELLED = 300
#: Above this many edges relation names are shown on hover (and for the selected node), not all at once.
EDGE_LABELS = 60
#: Nodes whose labels are drawn at any zoom (at least ``MIN_LABEL_PX`` high on screen); other labels are drawn
#: once they would be ``READABLE`` pixels high.
TOP_LABELS, MIN_LABEL_PX, READABLE = 20, 13, 8
#: Evidence sentences shown per edge tooltip, and their length.
MAX_EVIDENCE, MAX_SENTENCE = 3, 160
_GLYPHS = {"dot": "●", "square": "■", "triangle": "▲", "triangleDown": "▼", "diamond": "◆",
           "star": "★", "hexagon": "⬢"}


@cache
def styles() -> dict[str, Any]:
    """``kg/data/styles.toml``: colour, shape and legend name per class."""
    return tomllib.loads(resources.files("kg").joinpath("data/styles.toml").read_text("utf-8"))


@cache
def _asset(package: str, name: str, inline: bool = True) -> str:
    text = resources.files(package).joinpath(name).read_text("utf-8")
    if inline and re.search(r"</script|<!--", text, re.IGNORECASE):  # would end the inline <script> early
        raise ValueError(f"{package}/{name} cannot be inlined in a <script> element")
    return text


def vis_js() -> str:
    """pyvis's bundled vis-network standalone build (read without importing pyvis, which takes a second)."""
    return _vendored("lib/vis-9.1.2/vis-network.min.js")


@cache
def _vendored(name: str) -> str:
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed: it supplies the vis-network script of the views")
    text = (Path(next(iter(spec.submodule_search_locations))) / name).read_text("utf-8")
    if re.search(r"</script|<!--", text, re.IGNORECASE):  # would end the inline <script> early
        raise ValueError(f"pyvis/{name} cannot be inlined in a <script> element")
    return text


def script_json(value: Any) -> str:
    """JSON that is inert inside ``<script>``: no ``<``, ``>``, ``&``, U+2028/2029 left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def class_of(node_type: str | None) -> str:
    """The styles.toml class for a node type (unknown types draw as ``Other``)."""
    return node_type if node_type in styles()["classes"] else "Other"


def format_amount(value: Any, currency: str) -> str:
    """``1800000000, USD`` -> ``18亿 USD``: how Chinese readers count money."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return f"{value} {currency}"
    for unit, size in (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
        if abs(number) >= size:
            return f"{(number / size).normalize():f}{unit} {currency}"
    return f"{number.normalize():f} {currency}"


def node_tooltip(attrs: dict[str, Any]) -> str:
    """Plain-text tooltip: name, class, aliases, amounts, source articles."""
    cls = styles()["classes"][class_of(attrs.get("type"))]
    lines = [str(attrs.get("label", "")), f"类型：{cls['name']}（{attrs.get('type') or '未知'}）"]
    if attrs.get("date"):
        lines.append(f"日期：{attrs['date']}")
    if attrs.get("aliases"):
        lines.append("别名：" + "、".join(map(str, attrs["aliases"])))
    if attrs.get("amounts"):
        lines.append("金额：" + "；".join(format_amount(v, c) for v, c in attrs["amounts"]))
    if attrs.get("articles"):
        lines.append("来源：" + "，".join(map(str, attrs["articles"])))
    for name, value in attrs.get("facts") or ():  # literal values of a query result
        lines.append(f"{name}：{value}")
    return "\n".join(lines)


def edge_tooltip(graph: nx.MultiDiGraph, u: Hashable, v: Hashable, key: Any, attrs: dict[str, Any]) -> str:
    """Plain-text tooltip: the fact, its relation, and up to three evidence sentences."""
    label = attrs.get("label") or key
    lines = [f"{graph.nodes[u].get('label', u)} —{label}→ {graph.nodes[v].get('label', v)}", f"关系：{label}（{key}）"]
    if attrs.get("title"):
        lines.append(f"职务：{attrs['title']}")
    evidence = attrs.get("evidence") or []
    for source, sentence in evidence[:MAX_EVIDENCE]:
        text = str(sentence)
        text = text if len(text) <= MAX_SENTENCE else text[: MAX_SENTENCE - 1] + "…"
        lines.append(f"证据［{source}］：{text}")
    if len(evidence) > MAX_EVIDENCE:
        lines.append(f"……另有 {len(evidence) - MAX_EVIDENCE} 条证据")
    return "\n".join(lines)


def _short(label: str) -> str:
    limit = styles()["label"]["max_chars"]
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _sizes(score: dict[Hashable, float]) -> dict[Hashable, float]:
    low, high = styles()["size"]["min"], styles()["size"]["max"]
    top = max(score.values(), default=0.0)
    bottom = min(score.values(), default=0.0)
    span = math.sqrt(top - bottom) or 1.0
    return {n: round(low + (high - low) * math.sqrt(s - bottom) / span, 1) for n, s in score.items()}


def payload(
    graph: nx.MultiDiGraph,
    size_by: str = "pagerank",
    *,
    positions: dict[Hashable, tuple[float, float]] | None = None,
    cards: CardMaker | None = None,
    links: list[Link] | None = None,
) -> dict[str, Any]:
    """The JSON the page draws: vis-network nodes, edges and options, and what the page's tools need.

    Views of more than ``LINES`` nodes put their edges under ``lines`` (drawn by
    ``view.js``, without tooltips) and label only the ``LABELLED`` most
    important nodes; the others keep their label as ``name`` and ``fontSize``
    for the page to show on zooming in. Besides: ``top`` (the most important
    nodes, labelled at any zoom), ``main`` (what the first view fits: the
    largest connected part and the ten most important nodes), ``cards`` (the
    side panel's entity cards, from ``cards`` or from the graph), ``t2s`` and
    ``drop`` (the search box's name folding, see :mod:`kg.draw.search`), ``order``
    (node ids, most important first: the importance filter and search ranks),
    ``types`` (legend names) and ``links`` (firm, initiative, chain of node ids).
    Isolated nodes start hidden (``iso``; unless all are isolated: ``isolatedShown``); the page can show them.
    """
    st = styles()
    n = graph.number_of_nodes()
    big, lines = n > BIG, n > LINES
    if positions is None:  # small views are zoomed in to fit: more room between nodes keeps long names apart
        positions = force_layout(graph, spacing=160.0 if n <= 50 else 120.0 if n <= BIG else 90.0)
    score = importance(graph, size_by)
    sizes = _sizes(score)
    boost = 0.6 if n > 60 else 0.15  # zoomed-out views: names of central nodes drawn larger
    # ids and the order of nodes and edges by name, not the graph's order (a subgraph view or an ego
    # network iterates in set order, which changes with PYTHONHASHSEED): the same page every run
    order = sorted(graph.nodes, key=str)
    ids = {node: i for i, node in enumerate(order)}
    edge_list = sorted(graph.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], str(e[2])))
    ranked = sorted(ids, key=lambda node: (-score[node], ids[node]))
    labelled = set(ranked[:LABELLED]) if lines else None
    isolated = {node for node, degree in graph.degree() if degree == 0}
    isolated |= {node for node in nx.nodes_with_selfloops(graph) if set(nx.all_neighbors(graph, node)) == {node}}
    hide_isolated = len(isolated) < n  # a view of isolated nodes only (e.g. one class) shows them
    nodes = []
    names: list[str] = []
    for node in order:
        attrs = graph.nodes[node]
        x, y = positions[node]
        full = str(attrs.get("label", node))
        item = {"id": ids[node], "label": _short(full), "title": node_tooltip(attrs),
                "group": class_of(attrs.get("type")), "size": sizes[node], "x": round(x, 1), "y": round(y, 1),
                "font": {"size": round(12 + boost * (sizes[node] - st["size"]["min"]))}}
        if item["label"] != full:
            item["full"] = full
        if attrs.get("aliases"):
            item["aliases"] = [str(a) for a in attrs["aliases"]]
        if node in isolated:
            item["iso"] = 1
            if hide_isolated:
                item["hidden"] = True
        if labelled is not None and node not in labelled:
            item["name"], item["fontSize"] = item.pop("label"), item.pop("font")["size"]
        names.append(full)
        names.extend(item.get("aliases", ()))
        nodes.append(item)
    edges = []
    for i, (u, v, key, attrs) in enumerate(edge_list):
        edge = {"id": i, "from": ids[u], "to": ids[v], "label": str(attrs.get("label") or key)}
        if not lines:  # lines have no tooltip: their evidence is in the panel
            edge["title"] = edge_tooltip(graph, u, v, key, attrs)
        edges.append(edge)
    hover_labels = len(edges) > EDGE_LABELS  # (counting a MultiDiGraph's edges is slow: counted here)
    if hover_labels:
        for edge in edges:
            edge["rel"] = edge.pop("label")
    font = st["label"]["font"]
    groups = {name: {"shape": c["shape"], "color": {"background": c["color"], "border": _darker(c["color"]),
                                                    "highlight": {"background": c["color"], "border": "#111"},
                                                    "hover": {"background": c["color"], "border": "#111"}}}
              for name, c in st["classes"].items()}
    options = {
        "physics": False,
        "layout": {"improvedLayout": False},
        "groups": groups,
        "nodes": {"font": {"face": font, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1.5, "scaling": {"label": {"drawThreshold": READABLE}}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
            "font": {"face": font, "size": 11, "align": "middle", "color": "#555555",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": False if big or links is not None else
            {"enabled": True, "type": "curvedCW", "roundness": 0.12},
            "width": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
    }
    main = _largest_part(graph, ids) | {ids[node] for node in ranked[:10] if node not in isolated}
    made = cards(order, ids) if cards is not None else from_graph(graph, ids, edge_list)
    out: dict[str, Any] = {
        "nodes": nodes, "edges": [] if lines else edges, "options": options,
        "top": [ids[node] for node in ranked[:TOP_LABELS] if node not in isolated],
        "main": sorted(main), "isolatedShown": not hide_isolated, "order": [ids[node] for node in ranked],
        "hoverLabels": hover_labels, "slider": n > BIG,
        "cards": made.json(), "t2s": t2s_table(names), "drop": dropped(),
        "types": {name: c["name"] for name, c in st["classes"].items()},
        "minLabel": MIN_LABEL_PX,
    }
    if lines:
        out["lines"] = edges
    if links is not None:
        out["links"] = [[ids[a], ids[b], [ids[x] for x in chain]] for a, b, chain in links]
    return out


def _largest_part(graph: nx.MultiDiGraph, ids: dict[Hashable, int]) -> set[int]:
    """Ids of the nodes of the largest weakly connected component (ties: the one with the smallest id)."""
    best: set[Hashable] = set()
    for part in nx.weakly_connected_components(graph):
        if len(part) > len(best) or (len(part) == len(best) and min(ids[n] for n in part) < min(ids[n] for n in best)):
            best = part
    return {ids[n] for n in best}


def _darker(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.65) for c in (r, g, b)))


def legend_html(graph: nx.MultiDiGraph) -> str:
    """One button per class present (glyph in its colour, Chinese name, count): a click hides or shows the class."""
    counts = Counter(class_of(t) for _, t in graph.nodes(data="type"))
    rows = []
    for name, c in styles()["classes"].items():
        if counts[name]:
            glyph = _GLYPHS.get(c["shape"], "●")
            rows.append(f'<button type="button" class="kg-type" data-group="{html.escape(name)}" aria-pressed="true">'
                        f'<span class="kg-glyph" style="color:{html.escape(c["color"])}">{glyph}</span>'
                        f'{html.escape(c["name"])} {counts[name]}</button>')
    return "".join(rows)


def notes_for(selection: Selection) -> list[str]:
    """What the page should tell about nodes left out (in Chinese, shown in the page)."""
    if not selection.dropped:
        return []
    measure = "PageRank" if selection.ranked_by == "pagerank" else "度数"
    sample = "、".join(selection.dropped[:8]) + ("等" if len(selection.dropped) > 8 else "")
    return [f"只显示按{measure}最重要的 {selection.graph.number_of_nodes()} 个节点；"
            f"省略了 {len(selection.dropped)} 个节点和 {selection.dropped_edges} 条关系：{sample}"]


def render(
    selection: Selection,
    *,
    title: str = "产业知识图谱",
    size_by: str = "pagerank",
    positions: dict[Hashable, tuple[float, float]] | None = None,
    cards: CardMaker | None = None,
    links: list[Link] | None = None,
    notes: Sequence[str] = (),
) -> str:
    """The complete HTML document for a selection (``positions``, ``cards``, ``links``: see :func:`payload`)."""
    graph = selection.graph
    scripts = [vis_js(), _asset("kg", "data/view.js"), _asset("kg", "data/view_panel.js")]
    csp = ("default-src 'none'; " + "script-src " + " ".join(_hash(s) for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:")
    data = payload(graph, size_by, positions=positions, cards=cards, links=links)
    edge_count = len(data["edges"]) + len(data.get("lines", ()))  # counting a MultiDiGraph's edges is slow
    summary = f"{len(data['nodes'])} 个节点 · {edge_count} 条关系"
    if selection.total_nodes != graph.number_of_nodes():
        summary += f"（全图 {selection.total_nodes} 个节点 · {selection.total_edges} 条关系）"
    fields = {
        "CSP": html.escape(csp, quote=False).replace("\"", "&quot;"),
        "TITLE": html.escape(title),
        "FONT": styles()["label"]["font"],
        "SUMMARY": html.escape(summary),
        "NOTES": "".join(f"<div>{html.escape(n)}</div>" for n in [*notes_for(selection), *notes]),
        "LEGEND": legend_html(graph),
        "ISOLATED": str(sum(1 for n in data["nodes"] if n.get("iso"))),
        "TOTAL": str(len(data["nodes"])),
        "DATA": script_json(data),
        "VIS_JS": scripts[0],
        "APP_JS": scripts[1],
        "PANEL_JS": scripts[2],
    }
    template = _asset("kg", "data/view.html", inline=False)
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: fields[m.group(1)], template)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def iframe(page: str, height: int = 600) -> str:
    """The page inside a sandboxed ``<iframe srcdoc>``: works offline in any notebook front end."""
    # Wrapped in a <div>: IPython warns about HTML output that starts with "<iframe".
    return (f'<div class="kg-view"><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
            f'title="knowledge graph view"></iframe></div>')
