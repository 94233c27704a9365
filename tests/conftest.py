"""Shared fixtures: the repository paths and the seed graph, built once per session."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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


def graph_quads(kg) -> set:  # type: ignore[no-untyped-def]
    """Every quad of a graph's store but its build record's (when and how it was built): what two
    builds of the same articles must share."""
    from kg.graph import G_BUILD

    return {q for q in kg.store.quads_for_pattern(None, None, None, None) if q.graph_name != G_BUILD}


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


# ---------------------------------------------------------------- real servers and browsers the tests start

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location, *flags):
    """``oxigraph serve`` on a free port of 127.0.0.1; (process, url) once it answers."""
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server is not installed (pip install oxigraph; it is a dev dependency)")
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *flags],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return proc, url


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for a module's view tests (``bash .ci/browser.sh`` installs it)."""
    from browser import Chromium, chromium_path

    if chromium_path() is None:
        pytest.fail("chromium is not installed: run `bash .ci/browser.sh`")
    with Chromium() as chromium:
        yield chromium


@contextmanager
def collections() -> Iterator[list[int]]:
    """The generations of the cyclic collector's runs while the block runs (appended as they start)."""
    import gc

    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        yield runs
    finally:
        gc.callbacks.remove(count)
