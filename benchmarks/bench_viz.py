"""Benchmark: writing HTML views and how long headless Chromium takes to draw them.

For the seed graph and synthetic graphs (default 2,000 and 20,000 nodes) it
measures, in one run:

* write: ``kg.draw.draw(...).save(path)`` (selection, layout, HTML): wall
  seconds and CPU seconds of this process (``time.process_time``);
* size of the HTML file;
* draw: milliseconds from navigation start until vis-network's first
  ``afterDrawing`` (``window.__kgDrawn.ms``), in headless Chromium, offline,
  and the CPU seconds all Chromium processes spent meanwhile (read from
  /proc, so the figure holds on a busy machine where wall time does not);
* the baseline for each synthetic size: pyvis's default output for the same
  graph (``Network()`` with default physics, vis-network inlined so it can
  load offline): the time pyvis's ``add_node``/``add_edge`` take to write it
  (quadratic: past the time limit the page is built from the same dicts
  directly) and the time to its first frame after stabilisation, with a time
  limit; ratios baseline / ours are printed (``>x`` when the limit was hit).

It also checks that a big view answers at once: the milliseconds from typing a
name in the search box (once the page has settled after its first frame) to
the node being focused with its card open (``search_ms``, DevTools round
trips included).

With ``--screenshots DIR`` it instead writes the screenshots of the views as a
reader uses them (seed graph: first view, search, class filter, entity card;
the firms–initiatives view; a focus view; a 20,000-node view after a search),
each made by driving the page in headless Chromium, and prints what each shows.

Usage::

    .venv/bin/python benchmarks/bench_viz.py [--sizes 2000,20000] [--baseline-timeout 60] [--no-seed]
    .venv/bin/python benchmarks/bench_viz.py --screenshots out/shots
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the DevTools driver shared with the tests

from browser import Chromium, open_view  # noqa: E402

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


def _cpu_by_process(root: int) -> dict[int, float]:
    """CPU seconds (user + system) of ``root`` and each process under it, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        out[pid] = cpu.get(pid, 0.0)
        todo += children.get(pid, [])
    return out


def time_drawing(browser: Chromium, path: Path, timeout: float) -> dict | None:
    """``window.__kgDrawn`` plus ``cpu_s`` (CPU seconds of all Chromium processes), or None if not drawn in time."""
    before = _cpu_by_process(browser._proc.pid)
    page = browser.page()
    try:
        page.goto(path.as_uri(), timeout)
        drawn = page.wait_for("window.__kgDrawn", timeout, what="first frame")
        after = _cpu_by_process(browser._proc.pid)
        drawn["cpu_s"] = round(sum(t - before.get(pid, 0.0) for pid, t in after.items()), 2)
        return drawn
    except TimeoutError:
        return None
    finally:
        try:
            page.close()
        except Exception:  # a page stuck in physics may not answer; the browser is closed anyway
            pass


def pyvis_default(graph, path: Path, checked: bool = True) -> None:  # type: ignore[no-untyped-def]
    """pyvis's default page for ``graph``.

    ``checked``: through ``add_node``/``add_edge`` as users call them (each
    ``add_edge`` scans every edge so far: quadratic); otherwise the same node
    and edge dicts are appended directly, for a baseline page in seconds.
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    net = Network(cdn_resources="in_line")  # "local"/"remote" would fetch vis-network from a CDN
    ids = {n: i for i, n in enumerate(graph.nodes)}
    for n, d in graph.nodes(data=True):
        if checked:
            net.add_node(ids[n], label=d.get("label", str(n)), title=d.get("type", ""))
        else:
            node = Node(ids[n], "dot", label=d.get("label", str(n)), color="#97c2fc", font_color=net.font_color,
                        title=d.get("type", ""))
            net.nodes.append(node.options)
            net.node_ids.append(ids[n])
            net.node_map[ids[n]] = node.options
    for u, v, k, d in graph.edges(keys=True, data=True):
        if checked:
            net.add_edge(ids[u], ids[v], label=d.get("label", k))
        else:
            net.edges.append(Edge(ids[u], ids[v], net.directed, label=d.get("label", k)).options)
    html = net.generate_html()
    path.write_text(html.replace("</body>", _PYVIS_HOOK, 1), encoding="utf-8")


def pyvis_write_seconds(graph, path: Path, limit: float) -> float | None:  # type: ignore[no-untyped-def]
    """Seconds pyvis's own API takes to write ``graph`` (in a child process), or None past ``limit``."""
    context = multiprocessing.get_context("fork")
    child = context.Process(target=pyvis_default, args=(graph, path))
    start = time.perf_counter()
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return time.perf_counter() - start


def ratio(base: float | None, ours: float, limit: float) -> str:
    """``base / ours`` as text; ``>x..`` when the baseline hit its time limit."""
    return f"x{base / ours:.1f}" if base is not None else f">x{limit / ours:.0f}"


def search_ms(browser: Chromium, path: Path, name: str) -> int:
    """Milliseconds from typing ``name`` in the page's search box (and Enter) to the node focused with its card."""
    page, _ = open_view(browser, path, 120)
    try:
        page.evaluate("new Promise(done => requestIdleCallback(() => done(1)))")  # the page has settled
        page.click_on("#kg-search")
        start = page.evaluate("performance.now()")
        page.type_text(name)
        page.press("Enter")
        end = page.wait_for("window.kgFocused !== undefined && !document.getElementById('kg-card').hidden"
                            " && performance.now()", 60, "the focus")
        return round(end - start)
    finally:
        page.close()


def _shot(page, path: Path, what: str) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("new Promise(done => { kgNetwork.once('afterDrawing', () => done(1)); kgNetwork.redraw(); })")
    path.write_bytes(page.screenshot())
    print(f"{path}  {what}", flush=True)


def screenshots(out: Path) -> None:
    """Drive the views as a reader does and save what the screen shows."""
    from kg.api import KnowledgeGraph

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Chromium() as browser:
        kg = KnowledgeGraph.build([ROOT / "seeds"], store=Path(tmp) / "store")
        seed = kg.view(Path(tmp) / "seed.html")

        page, _ = open_view(browser, seed)
        _shot(page, out / "01_seed_first_view.png",
              "the whole seed graph as it opens: fitted to its largest connected part, the 20 most important names "
              "drawn legibly, isolated nodes hidden (count and switch in the legend)")
        page.click_on("#kg-search")
        page.type_text("馮玉川")
        page.wait_for("!!document.querySelector('#kg-results button')", 10, "results")
        _shot(page, out / "02_search_results.png",
              "typing the Traditional 馮玉川 in the search box lists 冯玉川 with its class")
        page.press("Enter")
        page.wait_for("window.kgFocused !== undefined", 10, "the focus")
        _shot(page, out / "03_search_focus_card.png",
              "after Enter: 冯玉川 centred and selected with its neighbours, its entity card in the side panel")
        page.close()

        page, _ = open_view(browser, seed)
        page.click_on('#kg-types button[data-group="Industry"]')
        page.click_on('#kg-types button[data-group="Place"]')
        _shot(page, out / "04_legend_filter.png",
              "legend clicks hid the classes 产业 and 地点 (struck through); the header counts the visible nodes")
        page.close()

        page, _ = open_view(browser, seed)
        at = page.evaluate("(() => { const m = kgView.search('友达光电').find(m => kgNetwork.body.data.nodes"
                           ".get(m.id).title.startsWith('友达光电\\n'));"
                           " return kgNetwork.canvasToDOM(kgNetwork.getPosition(m.id)); })()")
        page.click(at["x"], at["y"])
        page.wait_for("!document.getElementById('kg-card').hidden", 10, "the card")
        _shot(page, out / "05_entity_card.png",
              "clicking 友达光电: its card (type, articles, every fact with the other entity, sentence and article)")
        page.close()

        firms = kg.view(Path(tmp) / "firms.html", firms_initiatives=True)
        page, _ = open_view(browser, firms)
        broker = kg.brokers().iloc[0]["firm"]
        page.evaluate(f"kgView.focus(kgView.search({json.dumps(broker)})[0].id)")
        page.evaluate("kgNetwork.fit({animation: false})")
        _shot(page, out / "06_firms_initiatives.png",
              f"kg viz --firms-initiatives: firms left, projects/parks and events between, initiatives right; "
              f"the card of {broker} lists each initiative it reaches, through which nodes, with each hop's sentence")
        page.close()

        focus = kg.view(Path(tmp) / "focus.html", focus="友达光电", hops=2)
        page, _ = open_view(browser, focus)
        _shot(page, out / "07_focus_two_hops.png", "kg viz --focus 友达光电 --hops 2: the neighbourhood with relation names")
        page.close()

        big = draw(synthetic_graph(20000)).save(Path(tmp) / "big.html")
        page, _ = open_view(browser, big, 120)
        page.click_on("#kg-search")
        page.type_text("第42号")
        page.press("Enter")
        page.wait_for("window.kgFocused !== undefined", 60, "the focus")
        _shot(page, out / "08_synthetic_20000_search.png",
              "a 20,000-node synthetic view (plain-lines mode): search found 第42号…, its card with the sentences")
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="synthetic graph sizes")
    parser.add_argument("--baseline-timeout", type=float, default=60.0,
                        help="seconds to wait for pyvis to write its default page, and again for it to draw")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed graph")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="write screenshots of the views there instead")
    args = parser.parse_args()
    if args.screenshots:
        screenshots(args.screenshots)
        return

    graphs = [] if args.no_seed else [("seed", seed_graph())]
    graphs += [(f"synthetic {n}", synthetic_graph(int(n))) for n in args.sizes.split(",") if n]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, Chromium() as browser:
        out = Path(tmp)
        for name, graph in graphs:
            start, cpu = time.perf_counter(), time.process_time()
            view = draw(graph)
            path = view.save(out / f"{name.replace(' ', '_')}.html")
            write, write_cpu = time.perf_counter() - start, time.process_time() - cpu
            drawn = time_drawing(browser, path, 120)
            row = {"graph": name, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                   "write_s": round(write, 2), "write_cpu_s": round(write_cpu, 2),
                   "html_mb": round(path.stat().st_size / 1e6, 2),
                   "draw_ms": drawn and drawn["ms"], "draw_cpu_s": drawn and drawn["cpu_s"],
                   "drawn_ok": bool(drawn) and (drawn["nodes"], drawn["edges"]) == (view.nodes, view.edges)}
            if name.startswith("synthetic"):
                row["search_ms"] = search_ms(browser, path, "第42号")
            if name.startswith("synthetic"):
                base = out / f"pyvis_default_{graph.number_of_nodes()}.html"
                seconds = pyvis_write_seconds(graph, base, args.baseline_timeout)
                row["pyvis_write_s"] = seconds and round(seconds, 2)
                if seconds is None:  # drawn from the same page, written without pyvis's quadratic checks
                    pyvis_default(graph, base, checked=False)
                base_drawn = time_drawing(browser, base, args.baseline_timeout)
                row["pyvis_draw_ms"] = base_drawn["ms"] if base_drawn else None
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)

    limit = args.baseline_timeout * 1000
    print()
    print(f"{'graph':<16}{'nodes':>7}{'edges':>7}{'write s':>9}{'(cpu)':>7}{'HTML MB':>9}{'draw ms':>9}{'(cpu s)':>8}"
          f"{'search ms':>10}"
          "   baseline: pyvis defaults, and pyvis / ours")
    for r in rows:
        base = ""
        if "pyvis_write_s" in r and r["draw_ms"]:
            shown = r["pyvis_draw_ms"] if r["pyvis_draw_ms"] is not None else f">{limit:.0f}"
            written = r["pyvis_write_s"] if r["pyvis_write_s"] is not None else f">{args.baseline_timeout:.0f}"
            base = (f"   write {written} s ({ratio(r['pyvis_write_s'], r['write_s'], args.baseline_timeout)}), "
                    f"draw {shown} ms ({ratio(r['pyvis_draw_ms'], r['draw_ms'], limit)})")
        print(f"{r['graph']:<16}{r['nodes']:>7}{r['edges']:>7}{r['write_s']:>9}{r['write_cpu_s']:>7}"
              f"{r['html_mb']:>9}{r['draw_ms']!s:>9}{r['draw_cpu_s']!s:>8}{r.get('search_ms', '')!s:>10}{base}")


if __name__ == "__main__":
    main()
