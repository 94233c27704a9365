"""Extraction on a Dask cluster (a real LocalCluster): the same graph as a local build."""

from __future__ import annotations

from kg.api import KnowledgeGraph
from kg.graph import G_BUILD

from conftest import SEEDS


def test_a_local_dask_cluster_builds_the_same_graph(seed_kg, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_bytes(b"\x00\x01binary")  # a failure is reported the same way
    files = [*sorted(SEEDS.glob("*.txt")), other]
    local = KnowledgeGraph.build(files)
    dask = KnowledgeGraph.build(files, cluster=2)
    quads = lambda kg: {q for q in kg.store.quads_for_pattern(None, None, None, None) if q.graph_name != G_BUILD}  # noqa: E731
    assert quads(dask) == quads(local) == quads(seed_kg)
    assert dask.report.articles == local.report.articles and dask.report.failures == local.report.failures
