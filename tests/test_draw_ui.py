"""kg.draw: the page's tools driven as a person would, in real headless Chromium with no network.

Typing in the search box (Traditional and full-width input), clicking legend
entries and the isolated-nodes switch, moving the importance slider, clicking
a node and reading its card in the side panel, following a fact to the other
entity, and what the first view shows: the labels drawn on the canvas are
recorded from the canvas itself (its ``fillText`` calls), not guessed.
The firms–initiatives view and big "plain lines" views are checked too.
"""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest

from browser import assert_clean, open_view
from handmade import CLOSER, EVIL, hostile

from kg.analyse.bipartite import firm_initiative_graph
from kg.analyse.lookup import normalise
from kg.api import KnowledgeGraph
from kg.draw import draw
from kg.draw.page import LINES, _short
from kg.draw.select import pagerank
from kg.draw.synthetic import synthetic_graph

from conftest import ENV


@pytest.fixture(scope="module")
def seed_page(seed_kg, tmp_path_factory):
    """The whole seed graph's view, written once; and the graph it draws."""
    view = seed_kg.drawing()
    return view.save(tmp_path_factory.mktemp("seed-view") / "graph.html"), view.selection.graph


def node_id(page, label: str) -> int:
    """The page's id of the node with this full name."""
    found = page.evaluate(f"kgView.search({json.dumps(label)}).map(m => m.id)")
    names = page.evaluate(f"{json.dumps(found)}.map(i => kgNetwork.body.data.nodes.get(i).title.split('\\n')[0])")
    return found[names.index(label)]


def node_point(page, node: int) -> dict:
    return page.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPosition({node}))")


def visible(page) -> int:
    shown = page.evaluate("kgNetwork.body.nodeIndices.length")
    assert page.evaluate("+document.body.getAttribute('data-kg-visible')") == shown  # the count the page shows
    return shown


def panel_text(page) -> str:
    return page.evaluate("document.getElementById('kg-card').hidden ? '' : document.getElementById('kg-card-body').innerText")


# ------------------------------------------------------------------ find


def test_search_tolerates_traditional_and_full_width_and_focuses_the_node(seed_page, browser):
    path, G = seed_page
    page, _ = open_view(browser, path)
    page.click_on("#kg-search")
    page.type_text("馮玉川")  # Traditional 馮
    first = page.wait_for("document.querySelector('#kg-results button') &&"
                          " document.querySelector('#kg-results button').innerText", 10, "search results")
    assert first.startswith("冯玉川") and "人物" in first  # the name and its class
    page.press("Enter")
    focused = page.wait_for("window.kgFocused !== undefined && window.kgFocused", 10, "the chosen node")
    iri = next(n for n, d in G.nodes(data=True) if d["label"] == "冯玉川")
    assert focused == list(G.nodes).index(iri)
    # The node is centred, selected with its neighbours, and its card is open.
    at = node_point(page, focused)
    assert abs(at["x"] - 640) < 5 and abs(at["y"] - 400) < 5
    neighbours = {list(G.nodes).index(n) for n in nx.all_neighbors(G, iri)}
    assert set(page.evaluate("kgNetwork.getSelectedNodes()")) == {focused} | neighbours
    assert panel_text(page).startswith("冯玉川")
    # Full-width brackets and a Traditional 崑 find the firm by a part of its name.
    page.evaluate("(() => { const b = document.getElementById('kg-search'); b.value = ''; b.focus(); return 1; })()")
    page.type_text("清陶（崑山）")
    hits = page.wait_for("[...document.querySelectorAll('#kg-results button')].map(b => b.innerText)", 10, "results")
    assert any(h.startswith("清陶(昆山)能源发展股份有限公司") for h in hits)
    # The page folds every name of the graph as kg.analyse.lookup.normalise does.
    names = sorted({d["label"] for _, d in G.nodes(data=True)} | {a for _, d in G.nodes(data=True) for a in d["aliases"]})
    assert page.evaluate(f"{json.dumps(names, ensure_ascii=False)}.map(kgView.norm)") == [normalise(n) for n in names]
    assert_clean(page)
    page.close()


# ------------------------------------------------------------------ filter


def test_legend_hides_a_class_and_isolated_nodes_are_hidden_until_asked(seed_page, browser):
    path, G = seed_page
    isolated = {n for n in G if G.degree(n) == 0}
    assert len(isolated) > 10  # the seed graph has many
    page, drawn = open_view(browser, path)
    assert drawn["nodes"] == G.number_of_nodes()
    assert visible(page) == G.number_of_nodes() - len(isolated)
    assert f"{len(isolated)} 个" in page.evaluate("document.getElementById('kg-isolated-row').innerText")
    companies = {n for n, t in G.nodes(data="type") if t == "Company"}
    page.click_on('#kg-types button[data-group="Company"]')
    assert page.evaluate("document.querySelector('#kg-types button[data-group=\"Company\"]')"
                         ".getAttribute('aria-pressed')") == "false"
    assert visible(page) == G.number_of_nodes() - len(isolated | companies)
    shown = {page.evaluate(f"kgNetwork.body.nodes[{i}].options.group") for i in page.evaluate("kgNetwork.body.nodeIndices")}
    assert "Company" not in shown
    page.click_on('#kg-types button[data-group="Company"]')
    assert visible(page) == G.number_of_nodes() - len(isolated)
    page.click_on("#kg-isolated")
    assert visible(page) == G.number_of_nodes()
    assert_clean(page)
    page.close()


def test_importance_slider_keeps_the_most_important_nodes(browser, tmp_path):
    G = synthetic_graph(2000)
    page, drawn = open_view(browser, draw(G).save(tmp_path / "big.html"), timeout=60)
    assert drawn["visible"] == 2000 and not page.evaluate("document.getElementById('kg-rank').hidden")
    page.evaluate("(() => { const s = document.getElementById('kg-rank-input'); s.value = 100;"
                  " s.dispatchEvent(new Event('input')); return 1; })()")
    page.wait_for("kgNetwork.body.nodeIndices.length === 100", 10, "the slider's filter")
    assert visible(page) == 100
    rank = pagerank(G)
    order = sorted(G.nodes, key=str)  # the page's node ids: name order
    top = sorted(range(2000), key=lambda i: (-rank[order[i]], i))[:100]
    assert set(page.evaluate("kgNetwork.body.nodeIndices")) == set(top)
    assert_clean(page)
    page.close()


# ------------------------------------------------------------------ read


def test_first_view_draws_the_ten_most_important_labels_legibly(seed_page, browser):
    path, G = seed_page
    page, _ = open_view(browser, path)
    # Record what the canvas writes in the next frame: text, on-screen font size and place.
    record = """new Promise(done => {
        const ctx = document.querySelector('#kg-network canvas').getContext('2d'), seen = [];
        const fill = ctx.fillText;
        ctx.fillText = function (text, x, y) {
          const m = ctx.getTransform(), p = m.transformPoint(new DOMPoint(x, y));
          seen.push({text: String(text), px: parseFloat(ctx.font) * m.a, x: p.x, y: p.y});
          return fill.apply(this, arguments);
        };
        kgNetwork.once('afterDrawing', () => { ctx.fillText = fill; done(seen); });
        kgNetwork.redraw();
    })"""
    rank = pagerank(G)
    top = sorted(G, key=lambda n: -rank[n])[:10]

    def missing():
        texts = page.evaluate(record)
        legible = {t["text"] for t in texts if t["px"] >= 12 and 0 <= t["x"] <= 1280 and 0 <= t["y"] <= 800}
        return [G.nodes[n]["label"] for n in top if _short(G.nodes[n]["label"]) not in legible]

    assert missing() == []
    # Zoomed out with the mouse wheel, they stay legible (if still on screen: the view shrinks around the pointer).
    before = page.evaluate("kgNetwork.getScale()")
    for _ in range(6):
        page.call("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": 640, "y": 400, "deltaX": 0, "deltaY": 300})
    page.wait_for(f"kgNetwork.getScale() < {before} * 0.75", 10, "zooming out")
    assert missing() == []
    # Long names are shortened on the canvas and whole in the tooltip.
    long = next(d["label"] for _, d in G.nodes(data=True) if len(d["label"]) > 16)
    assert page.evaluate(f"kgNetwork.body.data.nodes.get().some(n => n.label === {json.dumps(_short(long))}"
                         f" && n.title.split('\\n')[0] === {json.dumps(long)})")
    page.close()


def test_relation_names_show_on_hover(seed_page, browser):
    path, G = seed_page
    page, _ = open_view(browser, path)
    shown = "Object.values(kgNetwork.body.edges).filter(e => (e.options.label || '').trim())"
    assert page.evaluate(f"{shown}.length") == 0
    hub = node_id(page, "昆山")
    at = node_point(page, hub)
    page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": at["x"], "y": at["y"]})
    labelled = page.wait_for(f"{shown}.map(e => e.options.label)", 10, "edge labels")
    iri = next(n for n, d in G.nodes(data=True) if d["label"] == "昆山")
    assert len(labelled) == G.degree(iri)
    edges = [*G.out_edges(iri, data="label"), *G.in_edges(iri, data="label")]
    assert sorted(labelled) == sorted(label for _, _, label in edges)
    page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 5, "y": 400})
    page.wait_for(f"{shown}.length === 0", 10, "labels gone")
    page.close()


# ------------------------------------------------------------------ evidence


def test_clicking_a_node_opens_its_card_from_entity_card_and_facts_lead_on(seed_kg, seed_page, browser):
    path, G = seed_page
    page, _ = open_view(browser, path)
    firm = node_id(page, "友达光电")
    at = node_point(page, firm)
    page.click(at["x"], at["y"])
    text = page.wait_for(lambda: panel_text(page), 10, "the card")
    card = seed_kg.query("entity_card", entity="友达光电")
    sentences = {s for s in card["sentence"] if s}
    assert sentences and all(s in text for s in sentences)  # every sentence of the named query's card
    assert "企业" in text and "卡片来自 entity_card 查询" in text
    assert all(source in text for source in set(card["source"]) if source)
    # Clicking the other entity of a fact moves there and opens its card.
    other = page.evaluate("+document.querySelector('#kg-card button.kg-go').getAttribute('data-id')")
    page.click_on("#kg-card button.kg-go")
    page.wait_for(f"window.kgFocused === {other}", 10, "the move")
    assert page.evaluate("document.getElementById('kg-card').getAttribute('data-id')") == str(other)
    assert abs(node_point(page, other)["x"] - 640) < 5
    assert_clean(page)
    page.close()


def test_firms_initiatives_view_puts_firms_left_and_initiatives_right(seed_kg, browser, tmp_path):
    G = seed_kg.to_networkx()
    B = firm_initiative_graph(G)
    out = tmp_path / "firms.html"
    done = subprocess.run([sys.executable, "-m", "kg", "viz", "--firms-initiatives", "--store", str(seed_kg.store_path),
                           "-o", str(out)], capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    page, drawn = open_view(browser, out)
    nodes = page.evaluate("kgNetwork.body.data.nodes.get().map(n => [n.title.split('\\n')[0], n.group,"
                          " kgNetwork.getPosition(n.id).x])")
    firms = {B.nodes[n]["label"] for n, side in B.nodes(data="bipartite") if side == 0}
    initiatives = {B.nodes[n]["label"] for n, side in B.nodes(data="bipartite") if side == 1}
    assert firms and initiatives
    x = {name: at for name, _, at in nodes}
    assert firms | initiatives <= set(x)
    assert max(x[f] for f in firms) < min(x[i] for i, g, _ in nodes if g in ("Event", "Project", "Park"))
    assert max(at for _, g, at in nodes if g in ("Event", "Project", "Park")) < min(x[i] for i in initiatives)
    # A firm's card lists its initiatives, through which nodes, with the sentence of each hop.
    broker = seed_kg.brokers().iloc[0]
    page.evaluate(f"kgView.card({node_id(page, broker['firm'])})")
    text = panel_text(page)
    assert "关联的政策计划" in text
    for name in broker["initiative_labels"].split("、"):
        assert name in text
    hops = [*G.out_edges(broker["iri"], data="evidence"), *G.in_edges(broker["iri"], data="evidence")]
    assert any(sentence in text for _, _, evidence in hops for _, sentence in evidence)
    # A click on a link (edges are straight here) shows the sentences behind it.
    edge = page.evaluate("kgNetwork.body.data.edges.get().find(e => e.label === '签约于')")
    a, b = node_point(page, edge["from"]), node_point(page, edge["to"])
    page.evaluate("document.getElementById('kg-card').hidden = true")
    page.click((a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
    page.wait_for("!document.getElementById('kg-card').hidden", 10, "the link's evidence")
    assert page.evaluate("document.getElementById('kg-card').getAttribute('data-id')") == f"edge:{edge['id']}"
    names = page.evaluate(f"[{edge['from']}, {edge['to']}].map(i => kgNetwork.body.data.nodes.get(i).title.split('\\n')[0])")
    iri = {d["label"]: n for n, d in G.nodes(data=True)}
    evidence = G.edges[iri[names[0]], iri[names[1]], "signedAt"]["evidence"]
    text = panel_text(page)
    assert evidence and all(sentence in text for _, sentence in evidence)
    assert_clean(page)
    page.close()


# ------------------------------------------------------------------ big views and hostile text


def test_plain_lines_view_keeps_search_and_the_panel(browser, tmp_path):
    G = synthetic_graph(LINES + 1)
    page, drawn = open_view(browser, draw(G).save(tmp_path / "lines.html"), timeout=60)
    assert drawn["lines"] == G.number_of_edges()
    page.click_on("#kg-search")
    page.type_text("第42号")
    page.wait_for("!!document.querySelector('#kg-results button')", 10, "results")
    page.press("Enter")
    focused = page.wait_for("window.kgFocused !== undefined && window.kgFocused + 1", 10, "the focus") - 1
    iri = sorted(G.nodes, key=str)[focused]  # the page's node ids: name order
    assert G.nodes[iri]["label"].startswith("第42号")
    text = panel_text(page)
    sentences = {s for edges in G[iri].values() for e in edges.values() for _, s in e["evidence"]}
    assert sentences and all(s in text for s in sentences)
    assert_clean(page)
    page.close()


def test_hostile_names_stay_text_in_search_panel_and_tooltips(browser, tmp_path):
    evil, closer, x = EVIL, CLOSER, hostile()
    kg = KnowledgeGraph.from_extractions([x])
    page, _ = open_view(browser, kg.view(tmp_path / "evil.html"))
    page.click_on("#kg-search")
    page.type_text("恶意<img")
    hit = page.wait_for("document.querySelector('#kg-results button') &&"
                        " document.querySelector('#kg-results button').innerText", 10, "results")
    assert evil in hit
    page.press("Enter")
    card = page.wait_for(lambda: panel_text(page), 10, "the card")
    assert evil in card and "合作" in card
    page.evaluate(f"kgView.card({node_id(page, '苏州高新区')})")
    assert closer in panel_text(page)  # the alias, as text
    # The edge's tooltip, by hovering its middle.
    mid = page.evaluate("(() => { const e = kgNetwork.body.data.edges.get().find(e => e.title.includes('onerror'));"
                        " const a = kgNetwork.getPosition(e.from), b = kgNetwork.getPosition(e.to);"
                        " return kgNetwork.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}); })()")
    page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": mid["x"], "y": mid["y"]})
    tip = page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                        " return t && t.style.visibility === 'visible' && t.textContent; })()", 10, "tooltip")
    assert evil in tip
    assert page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    assert page.evaluate("[...document.querySelectorAll('#kg-card *, #kg-results *')]"
                         ".every(e => ['DIV','SPAN','BUTTON','H2','H3','LI'].includes(e.tagName))")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert_clean(page)
    page.close()
