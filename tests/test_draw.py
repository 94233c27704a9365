"""kg.draw: the HTML views, opened in real headless Chromium with no network.

Each page is checked as a person would see it: it loads from a file with no
request leaving the machine, no console error, draws exactly the nodes and
edges of the graph, and the screenshot shows a picture. Hostile names from an
article stay text. Graphs come from the seed pipeline (``seed_kg``), from
hand-made extractions through the real graph/store/projection, or are
synthetic (for sizes the seeds never reach).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from browser import assert_clean, open_view, pixel_stats
from handmade import EVIL, handmade, hostile

from kg.analyse.lookup import EntityNotFound
from kg.api import KnowledgeGraph
from kg.draw import draw
from kg.draw.layout import force_layout
from kg.draw.page import LABELLED, LINES, script_json
from kg.draw.select import pagerank
from kg.draw.synthetic import synthetic_graph

ROOT = Path(__file__).resolve().parents[1]
KG_BIN = Path(sys.executable).parent / "kg"


@pytest.fixture(scope="module")
def small_kg():
    """Three hand-made articles through the real graph, store and projection."""
    return KnowledgeGraph.from_extractions(handmade())


def labels(graph: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in graph.nodes(data=True)}


# ------------------------------------------------------------------ pages in the browser


def test_seed_graph_view_opens_offline_and_draws_everything(seed_kg, browser, tmp_path):
    G = seed_kg.to_networkx()
    assert G.number_of_nodes() > 10
    path = seed_kg.view(tmp_path / "graph.html")
    page, drawn = open_view(browser, path)
    assert_clean(page)
    assert all(u.startswith("file:") for u in page.requests)
    assert (drawn["nodes"], drawn["edges"]) == (G.number_of_nodes(), G.number_of_edges())
    shown = page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.title.split('\\n')[0])")
    assert set(shown) == labels(G)
    png = page.screenshot()
    (tmp_path / "graph.png").write_bytes(png)
    stats = pixel_stats(png)
    assert stats["std"] > 8 and stats["nonwhite"] > 0.01 and stats["colours"] > 100, stats
    legend = page.evaluate("document.getElementById('kg-legend').innerText")
    assert "企业" in legend  # the seed articles are about firms
    page.close()


def test_html_is_one_self_contained_file(small_kg, tmp_path):
    html = small_kg.drawing().html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html.split("<script", 1)[0]
    assert "default-src 'none'" in html  # CSP: no fetch of any kind, only our own scripts
    assert html.count("</script>") == 4 and "vis-network" in html and "@license" in html  # data, vis, view, panel


def test_hostile_names_stay_text(browser, tmp_path):
    evil, x = EVIL, hostile()
    kg = KnowledgeGraph.from_extractions([x])
    G = kg.to_networkx()
    assert evil in labels(G)
    view = kg.drawing()
    assert "</script><script>window" not in view.html and "<img src=x" not in view.html
    page, drawn = open_view(browser, view.save(tmp_path / "evil.html"))
    assert (drawn["nodes"], drawn["edges"]) == (G.number_of_nodes(), G.number_of_edges())
    # Hover the hostile node so that vis-network builds its tooltip.
    at = page.evaluate(
        "(() => { const n = kgNetwork.body.data.nodes.get().find(n => n.title.includes('onerror'));"
        " return kgNetwork.canvasToDOM(kgNetwork.getPosition(n.id)); })()")
    page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": at["x"], "y": at["y"]})
    tip = page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                        " return t && t.style.visibility === 'visible' && t.textContent; })()", 10, "tooltip")
    assert evil in tip
    # innerText turns line breaks into <br>; nothing else may become an element.
    assert page.evaluate("[...document.querySelector('div.vis-tooltip').children].every(c => c.tagName === 'BR')")
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert_clean(page)
    page.close()


def test_big_synthetic_view_draws_completely(browser, tmp_path):
    # Speed is measured by benchmarks/bench_viz.py; here: every node and edge of a 2,000-node view is drawn.
    G = synthetic_graph(2000)
    path = draw(G).save(tmp_path / "big.html")
    page, drawn = open_view(browser, path, timeout=60)
    assert_clean(page)
    assert (drawn["nodes"], drawn["edges"]) == (2000, G.number_of_edges())
    # The view still answers: a zoom step redraws without error.
    page.evaluate("(() => { kgNetwork.moveTo({scale: 1.5}); kgNetwork.redraw(); return true; })()")
    assert page.evaluate("kgNetwork.getScale()") > 1.4
    assert_clean(page)
    page.close()


def test_views_above_the_line_threshold_draw_edges_as_lines_and_label_on_zoom(browser, tmp_path):
    # Above LINES nodes edges are canvas lines, not vis-network edges; only the top nodes are labelled at first.
    G = synthetic_graph(LINES + 1)
    view = draw(G)
    page, drawn = open_view(browser, view.save(tmp_path / "lines.html"), timeout=60)
    assert_clean(page)
    assert (drawn["nodes"], drawn["edges"], drawn["lines"]) == (G.number_of_nodes(), G.number_of_edges(),
                                                                 G.number_of_edges())
    labelled = "kgNetwork.body.data.nodes.get().filter(n => n.label !== undefined).length"
    assert page.evaluate(labelled) == LABELLED
    # The biggest nodes are the labelled ones.
    sizes = page.evaluate("kgNetwork.body.data.nodes.get().map(n => [n.size, n.label !== undefined])")
    assert min(s for s, has in sizes if has) >= max(s for s, has in sizes if not has)
    # Zooming in labels the nodes in view, as text (the names come from the graph).
    page.evaluate("(() => { kgNetwork.moveTo({scale: 1.5}); kgNetwork.body.emitter.emit('zoom', {}); return 1; })()")
    more = page.wait_for(f"{labelled} > {LABELLED} && {labelled}", 10, "labels after zooming in")
    assert more > LABELLED
    names = page.evaluate("kgNetwork.body.data.nodes.get().filter(n => n.label !== undefined).map(n => n.label)")
    assert set(names) <= labels(G)
    # Lines of a hidden node are not drawn (as vis-network hides the edges of a hidden node).
    hub = page.evaluate("kgNetwork.body.data.nodes.get().reduce((a, b) => a.size >= b.size ? a : b).id")
    degree = G.degree(list(G.nodes)[hub])
    page.evaluate(f"(() => {{ kgNetwork.body.data.nodes.update({{id: {hub}, hidden: true}});"
                  " kgNetwork.once('afterDrawing', () => { window.__redrawn = kgLines.count; }); kgNetwork.redraw();"
                  " return 1; })()")
    assert page.wait_for("window.__redrawn", 10, "a redraw") == G.number_of_edges() - degree > 0
    assert_clean(page)
    page.close()


def test_same_graph_same_page_bytes():
    G = synthetic_graph(LINES + 1, seed=5)
    assert draw(G).html == draw(G).html
    small = synthetic_graph(700, seed=5)
    assert draw(small).html == draw(small).html


def test_page_does_not_depend_on_the_graphs_order():
    G = synthetic_graph(300, seed=5)
    backwards = nx.MultiDiGraph()
    backwards.add_nodes_from(reversed(list(G.nodes(data=True))))
    backwards.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert list(backwards) != list(G)
    assert draw(backwards).html == draw(G).html
    assert draw(backwards, max_nodes=40).html == draw(G, max_nodes=40).html


def test_focus_view_is_the_same_whatever_the_hash_seed(seed_kg, tmp_path):
    """An ego network iterates its nodes in set order: the page must not follow it."""
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"view{seed}.html"
        run = subprocess.run([str(KG_BIN), "viz", "--focus", "冯玉川", "--hops", "2", "-o", str(out),
                              "--store", str(seed_kg.store_path)], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_layout_keeps_neighbours_closer_than_strangers():
    # Checks the particle-mesh repulsion (components above EXACT_LIMIT) and the exact one alike.
    for n in (300, 3000):
        G = synthetic_graph(n, seed=2)
        pos = force_layout(G, spacing=1.0)
        nodes = list(G)
        xy = np.array([pos[v] for v in nodes])
        index = {v: i for i, v in enumerate(nodes)}
        linked = np.array([np.hypot(*(xy[index[u]] - xy[index[v]])) for u, v in G.edges()])
        rng = np.random.default_rng(0)
        a, b = rng.integers(0, n, 2000), rng.integers(0, n, 2000)
        strangers = np.hypot(*(xy[a] - xy[b]).T)
        assert np.median(linked) < 0.5 * np.median(strangers), (n, np.median(linked), np.median(strangers))
        assert len(np.unique(xy.round(3), axis=0)) == n  # no two nodes on the same spot


def test_max_nodes_says_what_it_dropped(browser, tmp_path):
    G = synthetic_graph(300)
    view = draw(G, max_nodes=40)
    assert view.nodes == 40 and len(view.selection.dropped) == 260
    assert "dropped 260 nodes" in view.message()
    page, drawn = open_view(browser, view.save(tmp_path / "capped.html"))
    assert drawn["nodes"] == 40
    assert "省略了 260 个节点" in page.evaluate("document.getElementById('kg-notes').innerText")
    page.close()
    rank = pagerank(G)
    kept = set(view.selection.graph.nodes)
    assert min(rank[n] for n in kept) >= max(rank[n] for n in G if n not in kept)


def test_notebook_show_renders_in_an_isolated_iframe(browser, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
        "from handmade import handmade\n"
        "from kg.api import KnowledgeGraph\n"
        "kg = KnowledgeGraph.from_extractions(handmade())\n"
        "kg.show(focus='甲乙能源', hops=1, height=500)"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    output = nb.cells[0].outputs[-1]
    html = output["data"]["text/html"]
    assert "<iframe srcdoc=" in html and 'sandbox="allow-scripts"' in html
    assert not any(o.get("name") == "stderr" for o in nb.cells[0].outputs)  # no warning shown
    host = tmp_path / "notebook-output.html"
    host.write_text(f"<!DOCTYPE html><meta charset='utf-8'><body>{html}</body>", encoding="utf-8")
    page = browser.page()
    page.goto(host.as_uri())
    drawn = page.wait_for(lambda: page.evaluate_in_frame("window.__kgDrawn"), 30, "the iframe's first frame")
    assert drawn["nodes"] >= 5
    assert page.evaluate_in_frame("window.origin") == "null"  # sandboxed: no access to the notebook page
    assert page.external_requests() == [] and page.exceptions == [] and page.dialogs == []
    page.close()


# ------------------------------------------------------------------ choosing what to draw


def test_focus_hops_and_types(small_kg):
    one = small_kg.drawing(focus="甲乙能源", hops=1).selection.graph
    assert {"甲乙能源科技有限公司", "苏州新能源产业大会", "苏州高新区", "张三", "新能源"} <= labels(one)
    assert "苏州" not in labels(one) and "王五" not in labels(one)
    assert "苏州" in labels(small_kg.drawing(focus="甲乙能源", hops=2).selection.graph)
    assert labels(small_kg.drawing(focus="甲乙能源", hops=0).selection.graph) == {"甲乙能源科技有限公司"}
    kept = small_kg.drawing(types="Company,Park").selection.graph
    assert {t for _, t in kept.nodes(data="type")} == {"Company", "Park"}
    orgs = small_kg.drawing(types=["Organization"]).selection.graph
    assert {"Company", "GovernmentBody"} <= {t for _, t in orgs.nodes(data="type")}
    with pytest.raises(EntityNotFound, match="甲乙能源科技有限公司"):
        small_kg.drawing(focus="甲乙")
    with pytest.raises(ValueError, match="unknown class"):
        small_kg.drawing(types="Compnay")
    with pytest.raises(ValueError, match="^张三 is a Person, not of the classes kept \\(Company\\): add Person to them"):
        small_kg.drawing(focus="张三", types="Company")


def test_query_results_become_graphs(small_kg, tmp_path):
    rq = tmp_path / "investors.rq"
    rq.write_text("PREFIX cy: <https://w3id.org/chanye/ontology#>\n"
                  "CONSTRUCT { ?p cy:investor ?o . ?p cy:signedAt ?e } WHERE { ?p cy:investor ?o ; cy:signedAt ?e }")
    g = small_kg.drawing(str(rq)).selection.graph
    assert labels(g) == {"丙丁光伏项目", "丙丁光伏", "戊己半导体项目", "戊己集团", "苏州新能源产业大会"}
    assert sorted(d["label"] for *_, d in g.edges(data=True)) == ["投资方", "投资方", "签约于", "签约于"]
    assert {t for _, t in g.nodes(data="type")} == {"Project", "Company", "Event"}
    select = ("PREFIX cy: <https://w3id.org/chanye/ontology#>\n"
              "SELECT ?o ?p ?e WHERE { ?p cy:investor ?o ; cy:signedAt ?e }")
    s = small_kg.drawing(select).selection.graph
    names = {(s.nodes[u]["label"], s.nodes[v]["label"], k) for u, v, k in s.edges(keys=True)}
    assert ("戊己集团", "戊己半导体项目", "p") in names and ("戊己半导体项目", "苏州新能源产业大会", "e") in names
    with pytest.raises(ValueError, match="CONSTRUCT or SELECT"):
        small_kg.drawing("ASK { ?s ?p ?o }")


def test_pagerank_matches_networkx():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    G = synthetic_graph(200, seed=3)
    ours, theirs = pagerank(G), _pagerank_python(G, tol=1e-12)
    assert max(abs(ours[n] - theirs[n]) for n in G) < 1e-6


def test_script_json_cannot_close_the_script_element():
    value = {"s": "</script><!-- \u2028\u2029 & <b>"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


# ------------------------------------------------------------------ the command line


def test_cli_viz_writes_and_says_where(seed_kg, tmp_path):
    out = tmp_path / "v" / "graph.html"
    run = subprocess.run([str(KG_BIN), "viz", "-o", str(out), "--store", str(seed_kg.store_path)],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert f"wrote {out.resolve()}" in run.stdout and out.is_file()
    capped = subprocess.run([str(KG_BIN), "viz", "-o", str(out), "--max-nodes", "5", "--store", str(seed_kg.store_path)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert capped.returncode == 0 and "dropped" in capped.stdout and "(5 nodes" in capped.stdout
    missing = subprocess.run([str(KG_BIN), "viz", "-o", str(out), "--focus", "没有这个实体xyz",
                              "--store", str(seed_kg.store_path)], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "No entity named" in missing.stderr
