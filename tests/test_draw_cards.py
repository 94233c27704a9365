"""kg.draw.cards, kg.draw.search and kg.draw.firms: the data behind the page's panel, search box and firms view.

No browser here (tests/test_draw_ui.py drives the page): the cards are
checked against the named query ``entity_card`` run on a real store, the
search table against OpenCC through :func:`kg.analyse.lookup.normalise`, and
the firms view against :func:`kg.analyse.bipartite.firm_initiative_graph`.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from handmade import handmade

from kg.analyse.bipartite import firm_initiative_graph
from kg.analyse.lookup import normalise
from kg.api import KnowledgeGraph
from kg.draw import draw
from kg.draw.cards import from_graph, from_store
from kg.draw.firms import firms_initiatives
from kg.draw.page import payload
from kg.draw.search import dropped, t2s_table
from kg.draw.synthetic import synthetic_graph

from conftest import ENV


@pytest.fixture(scope="module")
def small_kg():
    return KnowledgeGraph.from_extractions(handmade())


def _facts(cards, node_id):
    s = cards.strings
    return [(f[0], s[f[1]], f[3], s[f[5]] if f[5] >= 0 else None, s[f[6]] if f[6] >= 0 else None)
            for f in cards.nodes[node_id]["facts"]]


def test_store_cards_are_the_entity_card_answers(seed_kg):
    G = seed_kg.to_networkx()
    ids = {n: i for i, n in enumerate(G)}
    cards = from_store(seed_kg.dataset, list(G), ids)
    assert cards.source == "store" and set(cards.nodes) == set(ids.values())
    for label in ("友达光电", "冯玉川", "昆山市新兴产业发展大会"):
        iri = next(n for n, d in G.nodes(data=True) if d["label"] == label)
        rows = seed_kg.query("entity_card", entity=iri)
        facts = rows[rows["direction"] != ""]
        mine = _facts(cards, ids[iri])
        assert len(mine) == len(facts) > 0
        assert sorted(s for *_, s, _ in mine) == sorted(facts["sentence"])
        assert {src for *_, src in mine} == set(facts["source"])
        # The other entity is a node id when it is drawn, so the panel can move there.
        drawn = {ids[o] for o in facts["other"] if o in ids}
        assert {o for _, _, o, _, _ in mine if o >= 0} == drawn
        card = cards.nodes[ids[iri]]
        assert sorted(card["aliases"]) == sorted(rows[rows["property"] == "altLabel"]["value"])
        assert {cards.strings[a] for a, _ in card["articles"]} == set(rows[rows["property"] == "mentionedIn"]["source"])


def test_a_relation_of_many_facts_is_one_line_of_its_card(seed_kg, monkeypatch):
    """A relation entity_card shows as its number (more than kg.derived.CARD_LIMIT facts) is one
    line of the node's card: the number, no fact of it listed."""
    import pyoxigraph as ox

    from kg import derived

    store = ox.Store()
    store.extend(seed_kg.store.quads_for_pattern(None, None, None, None))
    monkeypatch.setattr(derived, "CARD_LIMIT", 2)
    derived.write(store)
    G = seed_kg.to_networkx()
    ids = {n: i for i, n in enumerate(G)}
    iri = next(n for n, d in G.nodes(data=True) if d["label"] == "昆山市新兴产业发展大会")
    capped = {(d, p.value.split("#")[1]): n for e, d, p, n in derived._card_caps(store, 2) if e.value == iri}
    assert capped
    card = from_store(store, [iri], {iri: ids[iri]})
    s = card.strings
    counted = [f for f in card.nodes[ids[iri]]["facts"] if f[2] >= 0 and s[f[2]].endswith("项（未逐条列出）")]
    assert sorted(s[f[2]] for f in counted) == sorted(f"{n} 项（未逐条列出）" for n in capped.values())
    full = from_store(seed_kg.store, [iri], {iri: ids[iri]})
    assert len(full.nodes[ids[iri]]["facts"]) > len(card.nodes[ids[iri]]["facts"])


def test_graph_cards_keep_each_edge_once_with_its_evidence():
    G = synthetic_graph(300)
    ids = {n: i for i, n in enumerate(G)}
    cards = from_graph(G, ids)
    assert cards.source == "graph"
    s = cards.strings
    edges = list(G.edges(data=True))
    assert len(cards.edges) == len(edges)  # one row per edge, in the page's edge order
    for row, (_, _, data) in zip(cards.edges, edges):
        assert (s[row[0]] if row[0] >= 0 else None) == data["title"]
        assert [(s[row[i + 1]], s[row[i]]) for i in range(1, len(row), 2)] == [tuple(e) for e in data["evidence"]]
    # Per node: its articles and value facts (investment amounts) only.
    project = next(n for n, t in G.nodes(data="type") if t == "Project")
    card = cards.nodes[ids[project]]
    assert [s[f[2]] for f in card["facts"]] == ["18亿 CNY"]
    assert {s[a] for a, _ in card["articles"]} == set(G.nodes[project]["articles"])
    assert len(cards.strings) == len(set(cards.strings))  # each string once
    assert "edges" in cards.json()


def test_views_of_a_store_embed_its_cards_and_bare_graphs_their_own(small_kg):
    store_view = small_kg.drawing()
    assert '"source":"store"' in store_view.html
    assert '"source":"graph"' in draw(small_kg.to_networkx()).html


def test_search_table_folds_as_lookup_does():
    names = ["清陶(昆山)能源发展股份有限公司", "冯玉川", "链长制", "馮氏"]
    table = t2s_table(names)
    assert table["崑"] == "昆" and table["馮"] == "冯" and table["長"] == "长" and table["鏈"] == "链"
    assert table["發"] == "发" and "經" not in table  # 经 is in none of the names
    assert all(len(t) == len(s) == 1 for t, s in table.items())
    # Folding a query character by character with the table gives lookup's normalise.
    drop = set(dropped())
    for query in ("清陶（崑山）能源發展股份有限公司", "“鏈長制”", "馮 玉川", "ＡＢＣ馮"):
        import unicodedata

        folded = "".join(table.get(c, c) for c in unicodedata.normalize("NFKC", query) if c not in drop).lower()
        assert folded == normalise(query)


def test_payload_hides_isolated_nodes_and_fits_the_largest_part():
    import networkx as nx

    G = synthetic_graph(120)
    G.add_node("lonely", label="孤立的公司", type="Company", aliases=[], articles=[], amounts=[])
    data = payload(G)
    lonely = next(n for n in data["nodes"] if n.get("full", n.get("label")) == "孤立的公司")
    assert lonely["hidden"] and lonely["iso"]
    assert sum(1 for n in data["nodes"] if n.get("hidden")) == 1
    largest = max(nx.weakly_connected_components(G), key=len)
    ids = {n: i for i, n in enumerate(G)}
    assert {ids[n] for n in largest} <= set(data["main"])
    assert lonely["id"] not in data["top"] and len(data["top"]) == 20
    json.dumps(data)  # all of it is data
    # A view of isolated nodes only (one class, say) shows them.
    alone = nx.MultiDiGraph()
    for i in range(3):
        alone.add_node(f"n{i}", label=f"公司{i}", type="Company", aliases=[], articles=[], amounts=[])
    data = payload(alone)
    assert data["isolatedShown"] and not any(n.get("hidden") for n in data["nodes"])


def test_firms_view_keeps_each_chain_and_places_columns(seed_kg):
    G = seed_kg.to_networkx()
    B = firm_initiative_graph(G)
    view, positions, links = firms_initiatives(G)
    assert {(a, b) for a, b, _ in links} == {(f, i) if B.nodes[f]["bipartite"] == 0 else (i, f) for f, i in B.edges}
    for _, _, chain in links:
        assert set(chain) <= set(view)
        for a, b in zip(chain, chain[1:]):
            assert view.has_edge(a, b) or view.has_edge(b, a)
    column = {n: positions[n][0] for n in view}
    firms = {a for a, _, _ in links}
    initiatives = {b for _, b, _ in links}
    middle = set(view) - firms - initiatives
    assert max(column[n] for n in firms) < min(column[n] for n in middle | initiatives)
    assert max(column[n] for n in middle) < min(column[n] for n in initiatives)
    assert len({positions[n] for n in view}) == view.number_of_nodes()  # no two nodes on one spot


def test_cli_firms_initiatives_and_its_errors(seed_kg, tmp_path):
    out = tmp_path / "f.html"
    base = [sys.executable, "-m", "kg", "viz", "--store", str(seed_kg.store_path)]
    done = subprocess.run([*base, "--firms-initiatives", "-o", str(out)], capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert done.returncode == 0 and out.exists() and "nodes" in done.stdout, done.stderr
    bad = subprocess.run([*base, "--firms-initiatives", "--query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                          "-o", str(out)], capture_output=True, text=True, env=ENV, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--firms-initiatives" in bad.stderr
    # a person is no firm or initiative: said so ("No entity named '冯玉川'" was wrong: the graph has him)
    person = subprocess.run([*base, "--firms-initiatives", "--focus", "冯玉川", "-o", str(out)], capture_output=True,
                            text=True, env=ENV, timeout=120)
    assert person.returncode == 2 and person.stderr.startswith("error: 冯玉川 is not in this view (the firms and"), person.stderr
    with pytest.raises(ValueError, match="is not in this view .the query's answer"):
        seed_kg.drawing("SELECT ?f WHERE { ?f a cy:Company }", focus="冯玉川")


def test_views_of_a_remote_store_take_their_cards_from_it(tmp_path, monkeypatch):
    """``oxigraph serve`` started here: the cards come over the SPARQL protocol like any query."""
    from conftest import SEEDS, start_oxigraph

    monkeypatch.setenv("KG_REMOTE_ARCHIVE", str(tmp_path / "archive"))  # not in the home folder
    proc, url = start_oxigraph(tmp_path / "ox")
    try:
        KnowledgeGraph.build(sorted(SEEDS.glob("*.txt"))[:1], store=url)
        kg = KnowledgeGraph.open(url)
        view = kg.drawing(focus="冯玉川", hops=1)
        data = json.loads(view.html.split('id="kg-data">', 1)[1].split("</script>", 1)[0])
        assert data["cards"]["source"] == "store"
        sentences = set(kg.query("entity_card", entity="冯玉川")["sentence"]) - {None}
        assert sentences and sentences <= set(data["cards"]["strings"])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
