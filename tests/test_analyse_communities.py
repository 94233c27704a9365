"""kg.analyse.communities: seeded Leiden (modularity), members and dominant industries."""

from __future__ import annotations

import pytest

from kg.analyse.communities import communities, communities_table
from kg.analyse.projection import to_networkx


@pytest.fixture(scope="module")
def G(contract_ds):
    return to_networkx(contract_ds)


def test_partition_is_deterministic_and_covers_connected_nodes(G):
    first, again = communities(G, seed=7), communities(G, seed=7)
    assert [c.members for c in first] == [c.members for c in again]
    covered = [n for c in first for n in c.members]
    assert len(covered) == len(set(covered))
    assert set(covered) == {n for n in G.nodes if G.degree(n) > 0}
    assert [c.size for c in first] == sorted((c.size for c in first), reverse=True)


def test_description_names_members_and_industries(G):
    found = communities(G)
    for c in found:
        assert c.labels == [G.nodes[n]["label"] for n in c.members]
        assert sum(c.types.values()) == c.size
    # the metaverse cluster is described by its industry
    metaverse = [c for c in found if "元宇宙产业三年行动计划" in c.labels]
    assert metaverse and metaverse[0].industries[0][0] == "元宇宙"
    table = communities_table(found)
    assert list(table.columns) == ["community", "size", "members", "industries", "types"]
    assert len(table) == len(found)


# ---------------------------------------------------------------- seed graph


def test_seed_communities_are_stable_and_described(seed_kg):
    found = seed_kg.communities(seed=42)
    assert len(found) >= 2
    assert [c.members for c in found] == [c.members for c in seed_kg.communities(seed=42)]
    assert any(c.industries for c in found)


# ---------------------------------------------------------------- igraph Leiden


@pytest.fixture(scope="module")
def P():
    from kg.draw.synthetic import synthetic_projection

    return synthetic_projection(20_000, seed=4)  # 2,200 nodes, 6,800 edges


def test_leiden_is_a_partition_as_good_as_networkx_louvain(P):
    import networkx as nx

    from kg.analyse.projection import simple_view

    found = communities(P, min_size=1)
    members = [n for c in found for n in c.members]
    assert sorted(members) == sorted(P.nodes)  # every node once
    H = simple_view(P)
    ours = nx.community.modularity(H, [set(c.members) for c in found], weight="weight")
    theirs = nx.community.modularity(H, nx.community.louvain_communities(H, weight="weight", seed=42), weight="weight")
    assert ours >= theirs - 0.02
    assert len(communities(P, resolution=3.0, min_size=1)) > len(found)


def test_leiden_is_seeded_and_leaves_the_global_random_alone(P):
    import random

    import networkx as nx

    random.seed(11)
    expected = random.random()
    random.seed(11)
    first = communities(P, seed=3)
    assert random.random() == expected
    assert [c.members for c in first] == [c.members for c in communities(P, seed=3)]
    assert [c.members for c in first] != [c.members for c in communities(P, seed=4)]
    # the order the graph was built in does not matter
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(P.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(P.edges(keys=True, data=True))))
    assert [c.members for c in communities(shuffled, seed=3)] == [c.members for c in first]
    assert communities_table(first).equals(communities_table(communities(shuffled, seed=3)))
