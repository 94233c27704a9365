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
