"""kg.versions: a store survives a writer killed at any step; one writer at a time; readers never wait.

Real processes: ``kg load`` (the same crash-safe replacement as ``kg build``, without extraction's
start-up) is killed with ``KG_STORE_CRASH_AT=<step>`` (``os._exit``, as kill -9), then another
process opens the store.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ENV, store_leftovers
from kg.versions import STEPS, writer_lock

ROOT = Path(__file__).resolve().parents[1]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a a cy:NewsArticle }"


def kg(*args: str, crash: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(ENV, KG_STORE_CRASH_AT=crash) if crash else ENV
    return subprocess.run([sys.executable, "-m", "kg", *args], env=env, capture_output=True, text=True, timeout=300)


def articles(store: Path) -> int:
    proc = kg("query", COUNT, "--store", str(store), "-f", "csv")
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.splitlines()[1])


@pytest.fixture(scope="module")
def graphs(tmp_path_factory, seed_kg):
    """Two RDF files: the whole seed graph (5 articles) and one of 2 seed articles."""
    from kg.api import KnowledgeGraph

    folder = tmp_path_factory.mktemp("graphs")
    big, small = folder / "five.nq", folder / "two.nq"
    seed_kg.export(big)
    KnowledgeGraph.build(sorted((ROOT / "seeds").glob("*.txt"))[:2]).export(small)
    return small, big


@pytest.mark.parametrize("step", [s for s in STEPS if s != "moved-aside"])  # that one: next test
def test_a_writer_killed_at_any_step_leaves_the_old_or_the_new_store(tmp_path, graphs, step):
    small, big = graphs
    store = tmp_path / "store"
    assert kg("load", str(small), "--store", str(store)).returncode == 0
    old = articles(store)
    assert old == 2
    proc = kg("load", str(big), "--store", str(store), crash=step)
    assert proc.returncode == 9, proc.stderr  # killed where asked
    now = articles(store)  # another process opens it: complete, old or new
    expected_new = STEPS.index(step) >= STEPS.index("linked")
    assert now == (5 if expected_new else old), (step, now)
    # the next writer cleans what the killed one left
    assert kg("load", str(big), "--store", str(store)).returncode == 0
    assert articles(store) == 5
    assert store_leftovers(store.parent, projections=True) == []


def test_a_store_from_before_versions_is_taken_over_safely(tmp_path, graphs):
    small, big = graphs
    store = tmp_path / "store"
    from kg.store import write_store

    # an old-style store: a plain directory
    inner = ox.Store(str(store))
    inner.bulk_load(path=str(small), format=ox.RdfFormat.N_QUADS)
    inner.flush()
    del inner
    assert not store.is_symlink()
    old = articles(store)
    assert kg("load", str(big), "--store", str(store), crash="moved-aside").returncode == 9
    assert not store.exists()  # the one window: the old directory moved aside, no link yet
    assert articles(store) == 5  # a reader puts the newest complete version back
    assert old == 2
    write_store(store, ox.parse(path=small, format=ox.RdfFormat.N_QUADS))
    assert store.is_symlink() and articles(store) == 2 and store_leftovers(store.parent, projections=True) == []


def test_one_writer_at_a_time_and_readers_are_not_blocked(tmp_path, graphs):
    small, big = graphs
    store = tmp_path / "store"
    assert kg("load", str(small), "--store", str(store)).returncode == 0
    with writer_lock(store.absolute()):  # this test process is the writer now
        proc = kg("load", str(big), "--store", str(store))
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and f"process {os.getpid()}" in lines[0] and "being written" in lines[0], proc.stderr
        assert articles(store) == 2  # reading while the lock is held
    assert kg("load", str(big), "--store", str(store)).returncode == 0
    assert articles(store) == 5


def test_an_open_graph_answers_from_the_new_store_after_a_rebuild(tmp_path, graphs):
    from kg.api import KnowledgeGraph

    small, big = graphs
    store = tmp_path / "store"
    assert kg("load", str(small), "--store", str(store)).returncode == 0
    opened = KnowledgeGraph.open(store)
    assert int(opened.query(COUNT)["n"][0]) == 2
    assert kg("load", str(big), "--store", str(store)).returncode == 0  # another process rebuilds it
    assert int(opened.query(COUNT)["n"][0]) == 5


@pytest.mark.parametrize("command", ["add", "remove"])
def test_add_and_remove_killed_mid_swap_leave_a_complete_store(tmp_path, command):
    """kg add / kg remove write through the same versions: killed before or after the link, old or new."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    store = tmp_path / "store"
    assert kg("build", *map(str, seeds[:3]), "--store", str(store)).returncode == 0
    args = ["add", str(seeds[3])] if command == "add" else ["remove", seeds[0].name]
    for step, expected in (("filled", 3), ("linked", 4 if command == "add" else 2)):
        proc = kg(*args, "--store", str(store), crash=step)
        assert proc.returncode == 9, proc.stderr
        assert articles(store) == expected, (command, step)
        if expected != 3:
            break
    assert kg("add", str(seeds[4]), "--store", str(store)).returncode == 0  # the next writer cleans up
    assert store_leftovers(store.parent, projections=True) == []


@pytest.mark.parametrize(("make", "line"), [
    (lambda d: (d / "empty.nq").write_bytes(b"") and None or d / "empty.nq", "empty.nq: no triples, nothing loaded (the store is unchanged)"),
    (lambda d: (d / "comments.ttl").write_text("# nothing but a comment\n") and d / "comments.ttl", "comments.ttl: no triples, nothing loaded"),
    (lambda d: (d / "folder.nq").mkdir() or d / "folder.nq", "folder.nq: not a regular file (a folder)"),
    (lambda d: d / "missing.nq", "missing.nq: no such file"),
])
def test_loading_nothing_is_refused_and_the_store_kept(tmp_path, graphs, make, line):
    small, _ = graphs
    store = tmp_path / "store"
    assert kg("load", str(small), "--store", str(store)).returncode == 0
    proc = kg("load", str(make(tmp_path)), "--store", str(store))
    assert proc.returncode == 2 and proc.stderr.startswith("error: ") and line in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert articles(store) == 2
