"""Extraction on a Dask cluster (a real LocalCluster): the same graph as a local build."""

from __future__ import annotations

from kg.api import KnowledgeGraph

from conftest import SEEDS, graph_quads


def test_a_local_dask_cluster_builds_the_same_graph(seed_kg, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_bytes(b"\x00\x01binary")  # a failure is reported the same way
    files = [*sorted(SEEDS.glob("*.txt")), other]
    local = KnowledgeGraph.build(files)
    dask = KnowledgeGraph.build(files, cluster=2)
    assert graph_quads(dask) == graph_quads(local) == graph_quads(seed_kg)
    assert dask.report.articles == local.report.articles and dask.report.failures == local.report.failures


def test_many_files_go_to_a_cluster_in_chunks_and_come_back_in_order(tmp_path):
    """40 files: tasks of several files each (see kg.workers._chunks), on a LocalCluster given as a
    number of workers and on the same kind of cluster given by its scheduler's address."""
    import logging

    from dask.distributed import LocalCluster

    from kg.workers import _chunks

    seeds = sorted(SEEDS.glob("*.txt"))
    files = []
    (tmp_path / "corpus").mkdir()
    for i in range(40):
        path = tmp_path / "corpus" / f"a{i:02d}.txt"
        path.write_bytes(seeds[i % len(seeds)].read_bytes() + f"\n稿件编号:CY{i:04d}\n".encode())
        files.append(path)
    assert max(len(c) for c in _chunks(files, 2)) > 1  # the chunks hold several files
    local = KnowledgeGraph.build(files)
    by_count = KnowledgeGraph.build(files, cluster=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.CRITICAL) as cluster:
        by_address = KnowledgeGraph.build(files, cluster=cluster.scheduler_address)
    for dask in (by_count, by_address):
        assert dask.report.articles == local.report.articles == [p.name for p in files]
        assert graph_quads(dask) == graph_quads(local)
