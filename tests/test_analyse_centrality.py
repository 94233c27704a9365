"""kg.analyse.centrality: degree, betweenness and PageRank, ranked per type."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analyse.centrality import centrality_scores, top_entities
from kg.analyse.projection import to_networkx


@pytest.fixture(scope="module")
def G(contract_ds):
    return to_networkx(contract_ds)


def test_scores_match_networkx_on_the_undirected_view(G):
    scores = centrality_scores(G)
    H = nx.Graph(G.to_undirected())
    assert set(scores.index) == set(G.nodes)
    for n in G.nodes:
        assert scores.loc[n, "degree"] == H.degree(n)
    assert abs(scores["pagerank"].sum() - 1.0) < 1e-3
    # the conference ties most things together
    assert scores.sort_values("betweenness", ascending=False).iloc[0]["label"] == "昆山市新兴产业发展大会"


def test_top_per_type(G):
    top = top_entities(G, type="Company", top=2)
    assert len(top) == 2 and set(top["type"]) == {"Company"}
    assert list(top["pagerank"]) == sorted(top["pagerank"], reverse=True)
    orgs = top_entities(G, type="Organization", top=50)
    assert set(orgs["type"]) == {"Company", "GovernmentBody", "Fund"}
    by_degree = top_entities(G, top=1, by="degree")
    assert by_degree.iloc[0]["degree"] == max(d for _, d in nx.Graph(G.to_undirected()).degree())


def test_unknown_measure(G):
    with pytest.raises(ValueError, match="unknown measure"):
        top_entities(G, by="fame")


# ---------------------------------------------------------------- seed graph


def test_seed_top_companies(seed_kg):
    top = seed_kg.centrality(type="Company", top=10)
    assert 0 < len(top) <= 10 and set(top["type"]) == {"Company"}
    assert list(top["pagerank"]) == sorted(top["pagerank"], reverse=True)
    assert (top["degree"] > 0).all()


# ---------------------------------------------------------------- igraph agrees with NetworkX


def test_exact_betweenness_and_pagerank_equal_networkx(G):
    from kg.analyse.projection import simple_view

    H = simple_view(G)
    scores = centrality_scores(G)
    assert scores.attrs["betweenness"] == "exact"
    exact = nx.betweenness_centrality(H, normalized=True)
    # NetworkX's default stops its power iteration within n·1e-6 (L1); this is the value it converges to
    rank = nx.pagerank(H, weight="weight", tol=1e-12, max_iter=10_000)
    for n in H:
        assert abs(scores.loc[n, "betweenness"] - exact[n]) <= 5e-7 + 1e-12  # the table rounds to 6 decimals
        assert abs(scores.loc[n, "pagerank"] - rank[n]) <= 5e-7 + 1e-9


def test_raw_values_on_a_larger_graph_agree_with_networkx():
    from kg.analyse import fast
    from kg.analyse.projection import simple_view
    from kg.draw.synthetic import synthetic_projection

    P = synthetic_projection(4_000, seed=5)
    H = simple_view(P)
    view = fast.igraph_view(P)
    assert sorted(view.graph.get_edgelist()) == sorted(
        tuple(sorted((view.index[u], view.index[v]))) for u, v in H.edges()
    )
    assert view.graph.es["weight"] == [H.edges[view.nodes[a], view.nodes[b]]["weight"] for a, b in view.graph.get_edgelist()]
    between, info = fast.betweenness(view)
    assert info == {"betweenness": "exact"}
    exact = nx.betweenness_centrality(H, normalized=True)
    assert max(abs(b - exact[n]) for n, b in view.by_node(between).items()) <= 1e-9
    rank = nx.pagerank(H, weight="weight", tol=1e-12, max_iter=10_000)
    assert max(abs(r - rank[n]) for n, r in view.by_node(fast.pagerank(view)).items()) <= 1e-9
    default = nx.pagerank(H, weight="weight")  # within NetworkX's own tolerance of its default run
    assert max(abs(r - default[n]) for n, r in view.by_node(fast.pagerank(view)).items()) <= len(H) * 1e-6


def test_sampled_betweenness_is_seeded_reported_and_close_to_exact():
    from kg.analyse import fast
    from kg.draw.synthetic import synthetic_projection

    P = synthetic_projection(30_000, seed=2)  # 3,300 nodes: above the exact limit
    scores = centrality_scores(P)
    assert scores.attrs == {"betweenness": "sampled", "betweenness_k": fast.SAMPLE_SOURCES, "betweenness_seed": 0}
    assert scores["betweenness"].equals(centrality_scores(P)["betweenness"])
    other = centrality_scores(P, seed=1)
    assert other.attrs["betweenness_seed"] == 1 and not other["betweenness"].equals(scores["betweenness"])
    assert top_entities(P, top=3, by="betweenness").attrs == scores.attrs
    exact = centrality_scores(P, k=None)
    assert exact.attrs == {"betweenness": "exact"}
    # the estimate is scaled like the exact values and ranks the leading entities nearly the same
    sampled, truth = scores["betweenness"], exact["betweenness"]
    assert abs(sampled.sum() / truth.sum() - 1) < 0.1
    assert sampled.corr(truth) > 0.95
    top10 = set(truth.nlargest(10).index)
    assert sampled.idxmax() == truth.idxmax() and len(top10 & set(sampled.nlargest(20).index)) >= 9


def test_igraph_copy_is_cached_until_the_graph_changes():
    from kg.analyse import fast
    from kg.draw.synthetic import synthetic_projection

    P = synthetic_projection(2_000)
    view = fast.igraph_view(P)
    assert fast.igraph_view(P) is view
    u, v = view.nodes[0], view.nodes[-1]
    assert not view.graph.are_adjacent(0, len(view.nodes) - 1)
    P.add_edge(u, v, key="partnerOf")
    again = fast.igraph_view(P)
    assert again is not view and again.graph.are_adjacent(again.index[u], again.index[v])


def test_an_unknown_type_is_an_error_not_an_empty_table(G):
    import pytest

    with pytest.raises(ValueError, match="unknown type 'Compny'; choose one of Organization, Person, Company"):
        top_entities(G, type="Compny")
