"""kg.analyse.bipartite: the firm–initiative network and its brokers."""

from __future__ import annotations

import pytest

from kg.analyse.bipartite import brokers, firm_initiative_graph
from kg.analyse.projection import to_networkx


@pytest.fixture(scope="module")
def G(contract_ds):
    return to_networkx(contract_ds)


def labels(B, nodes):
    return sorted(B.nodes[n]["label"] for n in nodes)


def test_links_through_events_projects_and_parks(G):
    B = firm_initiative_graph(G)
    firms = {n: d for n, d in B.nodes(data=True) if d["bipartite"] == 0}
    by_label = {d["label"]: n for n, d in firms.items()}
    # through projects signed at the conference and by taking part in the metaverse conference
    assert labels(B, B[by_label["友达光电"]]) == ["元宇宙产业三年行动计划", "昆山市新兴产业生态联盟计划", "链长制"]
    # through the park where the metaverse conference was held
    guiji = by_label["硅基智能"]
    assert labels(B, B[guiji]) == ["元宇宙产业三年行动计划"]
    [chain] = [c for c in B[guiji][next(iter(B[guiji]))]["via"]]
    assert [G.nodes[n]["type"] for n in chain] == ["Company", "Park", "Event", "Initiative"]
    # firms with no tie to an initiative are not in the network
    assert "上汽集团" not in by_label


def test_brokers_rank_firms_linking_two_or_more(G):
    table = brokers(G)
    assert list(table["firm"]) == ["友达光电"]
    row = table.iloc[0]
    assert row["initiatives"] == 3 and row["betweenness"] > 0
    assert "友达光电 → 友达LTPS超窄边框面板项目 → 昆山市新兴产业发展大会 → 链长制" in row["via"]
    assert len(brokers(G, min_initiatives=1)) == 2


# ---------------------------------------------------------------- seed graph


def test_seed_brokers_agree_with_the_named_query(seed_kg):
    table = seed_kg.brokers()
    assert len(table) > 0 and (table["initiatives"] >= 2).all()
    from_sparql = seed_kg.query("brokers")
    assert set(table["firm"]) == set(from_sparql["firm"])


# ---------------------------------------------------------------- igraph betweenness


def networkx_betweenness(table, B):
    import networkx as nx

    exact = nx.betweenness_centrality(B, normalized=True)
    return [round(exact[iri], 6) for iri in table["iri"]]


def test_betweenness_is_networkx_exact_on_small_networks(G):
    from kg.draw.synthetic import synthetic_projection

    table = brokers(G, min_initiatives=1)
    assert table.attrs == {"betweenness": "exact"}
    assert list(table["betweenness"]) == networkx_betweenness(table, firm_initiative_graph(G))
    P = synthetic_projection(20_000, seed=3)
    B = firm_initiative_graph(P)
    assert 200 < B.number_of_nodes() <= 2000
    table = brokers(P)
    assert len(table) > 50 and (table["initiatives"] >= 2).all()
    assert max(abs(a - b) for a, b in zip(table["betweenness"], networkx_betweenness(table, B))) <= 1e-6


def test_betweenness_is_sampled_and_reported_on_large_networks():
    from kg.draw.synthetic import synthetic_projection

    P = synthetic_projection(100_000, seed=1)
    table = brokers(P)
    assert firm_initiative_graph(P).number_of_nodes() > 2000
    assert table.attrs == {"betweenness": "sampled", "betweenness_k": 500, "betweenness_seed": 0}
    assert table.equals(brokers(P))
    exact = brokers(P, k=None)
    assert exact.attrs == {"betweenness": "exact"}
    assert set(exact["iri"]) == set(table["iri"])  # same firms, only the betweenness estimate differs
