"""Benchmark: writing HTML views and how long headless Chromium takes to draw them.

For the seed graph and synthetic graphs of 500, 2,000 and 5,000 nodes it
measures, in one run:

* write: ``kg.draw.draw(...).save(path)`` (selection, layout, HTML), seconds;
* size of the HTML file;
* draw: milliseconds from navigation start until vis-network's first
  ``afterDrawing`` (``window.__kgDrawn.ms``), in headless Chromium, offline;
* for the 500-node graph only, the baseline: pyvis's default output for the
  same graph (``Network()`` with default physics, vis-network inlined so it
  can load offline), timed to its first frame after stabilisation, with a
  time limit; the ratio baseline / ours is printed.

Usage::

    .venv/bin/python benchmarks/bench_viz.py [--sizes 500,2000,5000] [--baseline-timeout 120]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the DevTools driver shared with the tests

from browser import Chromium  # noqa: E402

from kg.draw import draw  # noqa: E402
from kg.draw.synthetic import synthetic_graph  # noqa: E402

#: Marks pyvis's first frame after its stabilisation, like our page does.
_PYVIS_HOOK = """<script>
network.once("stabilizationIterationsDone", function () {
  network.once("afterDrawing", function () {
    window.__kgDrawn = {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length,
                        ms: Math.round(performance.now())};
  });
});
</script>
</body>"""


def seed_graph():  # type: ignore[no-untyped-def]
    from kg.api import KnowledgeGraph

    return KnowledgeGraph.build([ROOT / "seeds"]).to_networkx()


def time_drawing(browser: Chromium, path: Path, timeout: float) -> dict | None:
    """``window.__kgDrawn`` of the page, or None if it was not drawn within ``timeout`` seconds."""
    page = browser.page()
    try:
        page.goto(path.as_uri(), timeout)
        return page.wait_for("window.__kgDrawn", timeout, what="first frame")
    except TimeoutError:
        return None
    finally:
        try:
            page.close()
        except Exception:  # a page stuck in physics may not answer; the browser is closed anyway
            pass


def pyvis_default(graph, path: Path) -> float:  # type: ignore[no-untyped-def]
    """pyvis's default page for ``graph``; returns the seconds pyvis took to write it."""
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(cdn_resources="in_line")  # "local"/"remote" would fetch vis-network from a CDN
    ids = {n: i for i, n in enumerate(graph.nodes)}
    for n, d in graph.nodes(data=True):
        net.add_node(ids[n], label=d.get("label", str(n)), title=d.get("type", ""))
    for u, v, k, d in graph.edges(keys=True, data=True):
        net.add_edge(ids[u], ids[v], label=d.get("label", k))
    html = net.generate_html()
    seconds = time.perf_counter() - start
    path.write_text(html.replace("</body>", _PYVIS_HOOK, 1), encoding="utf-8")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="500,2000,5000", help="synthetic graph sizes")
    parser.add_argument("--baseline-timeout", type=float, default=120.0, help="seconds to wait for pyvis's default page")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed graph")
    args = parser.parse_args()

    graphs = [] if args.no_seed else [("seed", seed_graph())]
    graphs += [(f"synthetic {n}", synthetic_graph(int(n))) for n in args.sizes.split(",") if n]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, Chromium() as browser:
        out = Path(tmp)
        for name, graph in graphs:
            start = time.perf_counter()
            view = draw(graph)
            path = view.save(out / f"{name.replace(' ', '_')}.html")
            write = time.perf_counter() - start
            drawn = time_drawing(browser, path, 60)
            row = {"graph": name, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                   "write_s": round(write, 3), "html_mb": round(path.stat().st_size / 1e6, 2),
                   "draw_ms": drawn and drawn["ms"],
                   "drawn_ok": bool(drawn) and (drawn["nodes"], drawn["edges"]) == (view.nodes, view.edges)}
            if graph.number_of_nodes() == 500:
                base = out / "pyvis_default_500.html"
                row["pyvis_write_s"] = round(pyvis_default(graph, base), 3)
                base_drawn = time_drawing(browser, base, args.baseline_timeout)
                row["pyvis_draw_ms"] = base_drawn["ms"] if base_drawn else f">{args.baseline_timeout * 1000:.0f}"
                if base_drawn and drawn:
                    row["speedup"] = round(base_drawn["ms"] / drawn["ms"], 1)
                elif drawn:
                    row["speedup"] = f">{args.baseline_timeout * 1000 / drawn['ms']:.0f}"
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)

    print()
    print(f"{'graph':<16}{'nodes':>7}{'edges':>7}{'write s':>9}{'HTML MB':>9}{'draw ms':>9}  baseline (pyvis default)")
    for r in rows:
        base = ""
        if "pyvis_draw_ms" in r:
            base = f"write {r['pyvis_write_s']} s, draw {r['pyvis_draw_ms']} ms, ours x{r['speedup']} faster"
        print(f"{r['graph']:<16}{r['nodes']:>7}{r['edges']:>7}{r['write_s']:>9}{r['html_mb']:>9}"
              f"{str(r['draw_ms']):>9}  {base}")


if __name__ == "__main__":
    main()
