"""Shared fixtures: the repository paths and the seed graph, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "gold"
QUERIES = ROOT / "queries"
#: Environment for ``python -m kg`` and benchmark subprocesses: this checkout's ``kg`` first.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def store_leftovers(parent: Path, name: str = "store", projections: bool = False) -> list[str]:
    """Hidden siblings of a store other than its lock, its kept extractions and the version its link
    points to: what a killed or finished writer must not leave behind (``projections``: also ignore
    the projection cache, which analyses write on purpose)."""
    link = parent / name
    current = link.resolve().name if link.is_symlink() else None
    return sorted(p.name for p in parent.iterdir()
                  if p.name.startswith(f".{name}.") and p.name not in (f".{name}.lock", f".{name}.articles", current)
                  and not (projections and ".projection-" in p.name))


@pytest.fixture(scope="session")
def seed_kg(tmp_path_factory):
    """The seed articles built into a real on-disk Oxigraph store."""
    from kg.api import KnowledgeGraph

    store = tmp_path_factory.mktemp("seed-store") / "store"
    return KnowledgeGraph.build([SEEDS], store=store)


# ---------------------------------------------------------------- analyse (hand-made graph)


@pytest.fixture(scope="session")
def contract_ds():
    """A small hand-made graph in the ARCHITECTURE.md shape, in a real Oxigraph-backed Dataset."""
    import pyoxigraph as ox

    from kg.store import memory_dataset

    return memory_dataset(ox.parse(path=ROOT / "tests" / "data" / "analyse_contract.trig", format=ox.RdfFormat.TRIG))
