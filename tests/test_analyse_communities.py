"""kg.analyse.communities: seeded Louvain, members and dominant industries."""

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
