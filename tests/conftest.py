"""Shared fixtures: the repository paths and the seed graph, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "gold"
QUERIES = ROOT / "queries"


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
