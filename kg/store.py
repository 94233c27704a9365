"""The on-disk Oxigraph store, seen through rdflib (oxrdflib), replaced atomically.

A build never edits a store in place: it bulk-loads a fresh store in a
temporary sibling directory and swaps it in with ``rename``. An exception or
Ctrl-C before the swap leaves the previous store as it was and removes the
temporary directory, so readers only ever see a complete graph.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from oxrdflib import OxigraphStore

from kg.namespaces import PREFIXES

DEFAULT_STORE = Path("out/store")
_CHUNK = 50_000


class StoreError(Exception):
    """The store does not exist or cannot be opened."""


def _dataset(inner: ox.Store) -> rdflib.Dataset:
    ds = rdflib.Dataset(store=OxigraphStore(store=inner), default_union=False)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, str(ns), override=True)
    return ds


def load(inner: ox.Store, quads: Iterable[ox.Quad]) -> int:
    """Bulk-load quads in chunks (much faster than one rdflib ``add`` per triple); returns the count."""
    n = 0
    chunk: list[ox.Quad] = []
    for q in quads:
        chunk.append(q)
        if len(chunk) >= _CHUNK:
            inner.bulk_extend(chunk)
            n += len(chunk)
            chunk = []
    if chunk:
        inner.bulk_extend(chunk)
        n += len(chunk)
    return n


def memory_dataset(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """An in-memory Oxigraph dataset holding ``quads``."""
    inner = ox.Store()
    inner.extend(quads)
    return _dataset(inner)


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` looks like an Oxigraph (RocksDB) store directory."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").exists()


def open_dataset(path: str | os.PathLike[str] = DEFAULT_STORE, read_only: bool = True) -> rdflib.Dataset:
    """Open an existing on-disk store as an rdflib Dataset (default graph: the facts; named
    graphs: each article's evidence).

    Read-only by default, so that several processes (a notebook, the CLI) can
    read the same store at once.
    """
    p = Path(path)
    if not is_store(p):
        raise StoreError(f"no knowledge-graph store at {p} (run `kg build PATH... --store {p}` first)")
    try:
        inner = ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {p}: {exc}") from exc
    return _dataset(inner)


def write_store(path: str | os.PathLike[str], quads: Iterable[ox.Quad]) -> int:
    """Write ``quads`` as the new store at ``path``, atomically; returns the number loaded.

    ``quads`` may be a lazy iterable: if it raises (or the user interrupts),
    the previous store is untouched and the temporary directory is removed.
    """
    return _replace_store(path, lambda inner: load(inner, quads))


def load_files(path: str | os.PathLike[str], files: Iterable[str | os.PathLike[str]]) -> int:
    """Bulk-load RDF files (.ttl .nt .trig .nq .jsonld) as the new store at ``path``, atomically.

    Parsing and loading happen in Oxigraph's bulk loader (no Python objects per
    quad); triples of graph formats go to the default graph. Returns the store's size.
    """
    paths = [Path(f) for f in files]
    formats = [rdf_format(f) for f in paths]  # fail on a bad extension before touching anything

    def fill(inner: ox.Store) -> int:
        for f, fmt in zip(paths, formats):
            try:
                inner.bulk_load(path=str(f), format=fmt)
            except SyntaxError as exc:
                raise StoreError(f"{f}: not valid {fmt.name}: {exc}") from None
        return len(inner)

    return _replace_store(path, fill)


def _replace_store(path: str | os.PathLike[str], fill: Callable[[ox.Store], int]) -> int:
    """Make a new store with ``fill`` in a temporary sibling directory, then swap it in."""
    target = Path(path).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        inner = ox.Store(str(tmp))
        n = fill(inner)
        inner.flush()
        del inner  # closes RocksDB before the directory moves
        if target.exists():
            if not is_store(target) and any(target.iterdir()):
                raise StoreError(f"{target} exists and is not a knowledge-graph store; refusing to replace it")
            os.rename(target, old)
        try:
            os.rename(tmp, target)
        except BaseException:
            if old.exists():
                os.rename(old, target)
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return n


def export(dataset: rdflib.Dataset, path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write the dataset to ``path``; see :func:`serialize` for formats."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    inner: ox.Store = dataset.store._inner  # type: ignore[attr-defined]
    fmt = rdf_format(p, format)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        # graph formats get the union of all graphs, each triple once
        triples = inner.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        with open(p, "wb") as fh:
            ox.serialize(triples, fh, fmt, prefixes=_prefixes() if fmt == ox.RdfFormat.TURTLE else None)
    else:
        with open(p, "wb") as fh:
            inner.dump(fh, fmt, prefixes=_prefixes() if fmt != ox.RdfFormat.N_QUADS else None)
    return p


def serialize_quads(quads: Iterable[ox.Quad], path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write quads straight to a file (``kg build -o FILE``), without a store on disk."""
    return export(memory_dataset(quads), path, format)


FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def rdf_format(path: Path, format: str | None = None) -> ox.RdfFormat:
    """The serialisation named by ``format`` or else by the file extension."""
    key = (format or path.suffix.lstrip(".")).lower()
    if key not in FORMATS:
        raise ValueError(f"unknown RDF format {key!r} for {path}; use one of .ttl .nt .trig .nq .jsonld")
    return FORMATS[key]


def _prefixes() -> dict[str, str]:
    return {k: str(v) for k, v in PREFIXES.items()}
