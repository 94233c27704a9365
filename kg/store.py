"""The on-disk Oxigraph store, seen through rdflib (oxrdflib), replaced atomically.

A build never edits a store in place: it bulk-loads a fresh store in a
temporary sibling directory and swaps it in with ``rename``. An exception or
Ctrl-C before the swap leaves the previous store as it was and removes the
temporary directory, so readers only ever see a complete graph.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:  # rdflib and oxrdflib load only when a Dataset is asked for (~0.4 s of start-up)
    import rdflib

from kg import derived
from kg.prefixes import PREFIX_IRIS
from kg.summary_facts import Written

DEFAULT_STORE = Path("out/store")
_CHUNK = 50_000


class StoreError(Exception):
    """The store does not exist or cannot be opened."""


def dataset(inner: ox.Store) -> rdflib.Dataset:
    """The store seen as an rdflib Dataset (its default graph is the store's default graph)."""
    import rdflib
    from oxrdflib import OxigraphStore

    ds = rdflib.Dataset(store=OxigraphStore(store=inner), default_union=False)
    for prefix, ns in PREFIX_IRIS.items():
        ds.bind(prefix, ns, override=True)
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


_dataset = dataset


def memory_store(quads: Iterable[ox.Quad]) -> ox.Store:
    """An in-memory Oxigraph store holding ``quads``."""
    inner = ox.Store()
    inner.extend(quads)
    return inner


def memory_dataset(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """An in-memory Oxigraph dataset holding ``quads``."""
    return dataset(memory_store(quads))


#: the SPARQL of :meth:`kg.api.KnowledgeGraph.summary`, run on the store itself (see :func:`counts`)
_COUNT_TYPES = (
    "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t ; rdfs:label ?l . "
    'FILTER(STRSTARTS(STR(?e), "https://w3id.org/chanye/id/") && STRSTARTS(STR(?t), STR(cy:))) '
    'BIND(STRAFTER(STR(?t), "#") AS ?type) } GROUP BY ?type ORDER BY ?type'
)
_COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a cy:NewsArticle }"


def counts(inner: ox.Store) -> dict[str, object]:
    """What :meth:`kg.api.KnowledgeGraph.summary` counts (articles, entities per class, relations,
    triples), by the same SPARQL run on the store itself (the relations read by each property's index):
    what the CLI prints of a store, without loading pandas for three numbers (0.6 s). After a build it
    prints what the graph's writer counted instead (:attr:`kg.pipeline.BuildReport.counts`, the same
    figures: tested) and the store's size: these queries took 0.2-0.3 s of a 4 MB build's serial end."""
    from kg.model import RELATION_PROPERTIES

    prefixes = f"PREFIX rdfs: <{PREFIX_IRIS['rdfs']}>\nPREFIX cy: <{PREFIX_IRIS['cy']}>\n"
    props = " ".join(f"cy:{p}" for p in RELATION_PROPERTIES)
    # summary()'s DISTINCT triples of these properties, counted as each property's triples read by its
    # index (the default graph holds a triple once), not every triple of the default graph read and
    # filtered: 0.075 -> 0.006 s cpu on the store of the 4 MB bench corpus
    relations = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o }}"
    types = {row["type"].value: int(row["n"].value) for row in inner.query(prefixes + _COUNT_TYPES)}
    (rel,) = list(inner.query(prefixes + relations))
    (arts,) = list(inner.query(prefixes + _COUNT_ARTICLES))
    return {"articles": int(arts["n"].value), "entities": types, "relations": int(rel["n"].value), "triples": len(inner)}


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` looks like an Oxigraph (RocksDB) store directory."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").exists()


def open_store(path: str | os.PathLike[str] = DEFAULT_STORE, read_only: bool = True) -> ox.Store:
    """Open an existing on-disk store, read-only by default (several readers at once)."""
    from kg.versions import recover

    p = Path(path)
    if not p.exists():
        recover(p.absolute())  # a writer killed while first moving an old-style store aside
    if not is_store(p):
        raise StoreError(f"no knowledge-graph store at {p} (run `kg build PATH... --store {p}` first)")
    try:
        return ox.Store.read_only(str(p.resolve())) if read_only else ox.Store(str(p.resolve()))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {p}: {exc}") from exc


#: The predicate of the provenance shape before cy:Sentence nodes: the sentence text on every evidence node.
_OLD_SENTENCE = ox.NamedNode(PREFIX_IRIS["cy"] + "sentence")


def check_shape(inner: ox.Store, path: str | os.PathLike[str]) -> None:
    """Raise :class:`StoreError` (one line) for a store of the provenance shape before 30 Nov 2026,
    whose evidence nodes each hold their sentence (``cy:sentence``): its facts would answer, but
    every sentence column would come back empty. One index seek; ``kg add``/``kg remove`` do
    not call it, so either rewrites such a store from its kept extractions."""
    if next(iter(inner.quads_for_pattern(None, _OLD_SENTENCE, None, None)), None) is not None:
        raise StoreError(f"the store at {path} was built by an older kg (its evidence nodes hold their sentences, "
                         f"cy:sentence; sentences are now cy:Sentence nodes): rebuild it with kg build PATHS --store {path}")


def open_dataset(path: str | os.PathLike[str] = DEFAULT_STORE, read_only: bool = True) -> rdflib.Dataset:
    """Open an existing on-disk store as an rdflib Dataset (default graph: the facts; named
    graphs: each article's evidence).

    Read-only by default, so that several processes (a notebook, the CLI) can
    read the same store at once.
    """
    return dataset(open_store(path, read_only))


def write_store(path: str | os.PathLike[str], quads: Iterable[ox.Quad], locked: bool = False) -> int:
    """Write ``quads`` as the new store at ``path``, atomically; returns the number loaded.

    ``quads`` may be a lazy iterable: if it raises (or the user interrupts),
    the previous store is untouched and the temporary directory is removed.
    """
    return _replace_store(path, lambda inner: load(inner, quads), locked)


def write_text(path: str | os.PathLike[str], text: str | bytes | Iterable[bytes], quads: Iterable[ox.Quad] = (), locked: bool = False,
               meanwhile: Callable[[], object] | None = None,
               stated: derived.StatementArticles | Callable[[], derived.StatementArticles | None] | None = None,
               written: Written | Callable[[], Written | None] | None = None, at_once: int = 2,
               retract: Callable[[], Iterable[str]] | None = None) -> None:
    """Write the N-Quads ``text`` (or its UTF-8 bytes, or parts of them: an iterable of bytes) and
    ``quads`` as the new store at ``path``, atomically.

    Oxigraph's bulk loader parses the text (no Python object per quad: the cheapest way to a
    store). The text must come from a writer that escapes and validates what it writes
    (:mod:`kg.terms`), since it is read leniently (IRIs not re-validated); ``quads`` are for
    terms a text loader would change (it renames blank nodes). ``meanwhile``: work done in
    this thread while Oxigraph loads in another (its loader releases the GIL), e.g. keeping
    the extractions beside the store; the new store is swapped in once both are done, and not
    at all if either fails.

    Oxigraph 0.5 parses in the calling thread, then encodes and sorts the keys of each batch
    of up to 10^6 quads for its 9 quad indexes in one more thread (~9 us per quad, ~60% of a
    build's graph+store). Parts of the text loaded in parallel would use more cores but leave
    several SST files per index: the named queries then took ~45% more cpu (and compacting
    them cost more than the load saved), so the text is loaded whole, or in parts that share no
    quad index but the named graphs' quads, in two halves (:meth:`kg.graph.GraphText.parts`: their
    six indexes then hold two files each, and the few queries that read them took at most ~5 % more
    cpu), then the default graph's: the first ``at_once`` parts each in a loader thread as soon as it is
    made, any others made and loaded in this thread after ``meanwhile`` (see :func:`_load_meanwhile`),
    as a load of the whole would load them (a quad is a quad, whichever part holds its line). A build
    loads every part in a thread of its own: its default graph's, made and loaded here after the
    derived summaries, loaded alone for ~0.6 s at the end of a 4 MB build with the other core idle
    (its graph and store 0.2 s faster, median of 16 interleaved runs). The
    summaries are added after the text: added while it loaded, their files made the c4 store's
    projects_by_event query take ~30% more cpu. ``stated``: the articles
    stating the facts the derived summaries need (:attr:`kg.graph.GraphText.statement_articles`),
    which spares :func:`kg.derived.write` a query of the new store. ``written``: what the writer
    knows of the facts (:attr:`kg.graph.GraphText.written`, or a function giving it, called once the
    loads have started), from which the summaries are made
    while Oxigraph loads (:func:`kg.derived.quads_written`), not read back from the new store
    (``stated`` may be a function too, called after the loads). ``at_once``: the parts loaded each in
    its own thread (see :func:`_load_meanwhile`). ``retract``: a function giving N-Quads lines
    loaded that are not part of the graph after all, taken out once the loads are done (a build
    loads the sentence nodes before it knows which state a fact: :meth:`kg.graph_prepared.Prepared.sentence_nodes`)."""
    _replace_store(path, lambda inner: _load_text(inner, text, quads, meanwhile, stated, written, at_once, retract), locked)


def memory_store_text(text: str | bytes | Iterable[bytes], quads: Iterable[ox.Quad] = (), stated: derived.StatementArticles | None = None,
                      written: Written | Callable[[], Written | None] | None = None) -> ox.Store:
    """An in-memory Oxigraph store holding the N-Quads ``text`` and ``quads`` (see :func:`write_text`)."""
    inner = ox.Store()
    _load_text(inner, text, quads, stated=stated, written=written)
    return inner


def _load_text(inner: ox.Store, text: str | bytes | Iterable[bytes], quads: Iterable[ox.Quad], meanwhile: Callable[[], object] | None = None,
               stated: derived.StatementArticles | Callable[[], derived.StatementArticles | None] | None = None,
               written: Written | Callable[[], Written | None] | None = None, at_once: int = 0,
               retract: Callable[[], Iterable[str]] | None = None) -> int:
    """``at_once``: the first that many parts of ``text`` each loaded in its own thread (a store on
    disk: each load writes files of its own); else the parts one after the other."""
    quads = list(quads)
    if quads:
        inner.bulk_extend(quads)
    found: list[list[ox.Quad] | None] = []

    def summaries() -> None:  # the derived summaries, from what the writer knows (no need of the store)
        facts = written() if callable(written) else written
        if facts is not None:
            found.append(derived.quads_written(facts))

    if meanwhile is None and written is None:
        for part in _parts(text):
            inner.bulk_load(part, ox.RdfFormat.N_QUADS, lenient=True)
    else:
        _load_meanwhile(inner, text, lambda: (meanwhile() if meanwhile is not None else None, summaries()), at_once)
    if retract is not None:
        lines = "".join(retract())
        for quad in ox.parse(lines, ox.RdfFormat.N_QUADS) if lines else ():
            inner.remove(quad)
    # a knowledge graph's summaries (kg.derived), before readers see it: made meanwhile, or read from the
    # store; added once the text is loaded (added while it loads, their files made the c4 store's
    # projects_by_event query take ~30% more cpu)
    derived.write(inner, stated() if callable(stated) else stated, found=found[0] if found else None)
    return 0


def _parts(text: str | bytes | Iterable[bytes]) -> Iterator[bytes]:
    """The non-empty parts of ``text`` as UTF-8 bytes (a ``str`` or ``bytes`` is one part)."""
    if isinstance(text, (str, bytes)):
        text = (text.encode("utf-8") if isinstance(text, str) else text,)
    return (part for part in text if part)


def _load_meanwhile(inner: ox.Store, text: str | bytes | Iterable[bytes], meanwhile: Callable[[], object],
                    at_once: int = 0) -> None:
    """Load ``text`` in Oxigraph's loader threads (its loader releases the GIL) while ``meanwhile`` runs
    here; ``at_once``: its first that many parts each in a thread as soon as it is made, any others
    made and loaded here after ``meanwhile``, while those still load; else every part in one thread."""
    import threading
    from itertools import islice

    failed: list[BaseException] = []
    parts = iter(_parts(text))

    def load(parts: Iterable[bytes]) -> None:
        try:
            for part in parts:
                inner.bulk_load(part, ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            failed.append(exc)

    loaders: list[threading.Thread] = []
    try:
        for share in (([part] for part in islice(parts, at_once)) if at_once else iter([list(parts)])):
            if share:  # (each part made as its turn comes: the first loads while the next is made)
                loaders.append(threading.Thread(target=load, args=(share,), name="kg-store-load"))
                loaders[-1].start()
            del share  # (held by its loader alone)
        meanwhile()
        load(parts)  # (at_once: the other parts; else nothing left)
    finally:
        for loader in loaders:
            loader.join()  # (an interrupted build waits for the loaders, then removes the new store)
    if failed:
        raise failed[0]


def load_files(path: str | os.PathLike[str], files: Iterable[str | os.PathLike[str]]) -> int:
    """Bulk-load RDF files (.ttl .nt .trig .nq .jsonld) as the new store at ``path``, atomically.

    Parsing and loading happen in Oxigraph's bulk loader (no Python objects per
    quad); triples of graph formats go to the default graph. Returns the store's size.
    """
    sources = _rdf_sources(files)  # fail on a bad extension before touching anything
    return _replace_store(path, lambda inner: _bulk_load(inner, sources))


def _rdf_sources(files: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, ox.RdfFormat]]:
    """Each file with its format, after checking that it is a file that can be read to its end."""
    out = []
    for f in files:
        path = Path(f)
        fmt = rdf_format(path)
        try:
            info = path.stat()
        except OSError as exc:
            raise StoreError(f"{path}: {'no such file' if isinstance(exc, FileNotFoundError) else exc.strerror or exc}") from None
        if not stat.S_ISREG(info.st_mode):  # a folder, a named pipe, /dev/zero: nothing to load, or no end
            raise StoreError(f"{path}: not a regular file ({'a folder' if stat.S_ISDIR(info.st_mode) else 'a special file'})")
        out.append((path, fmt))
    return out


def _bulk_load(inner: ox.Store, sources: list[tuple[Path, ox.RdfFormat]]) -> int:
    """Load each (file, format) into ``inner`` with Oxigraph's bulk loader; a syntax error is one line."""
    for path, fmt in sources:
        try:
            inner.bulk_load(path=str(path), format=fmt)
        except SyntaxError as exc:
            raise StoreError(f"{path}: not valid {fmt.name}: {exc}") from None
    if not len(inner):  # an empty file (or comments only) would replace the store with nothing
        raise StoreError(f"{', '.join(str(p) for p, _ in sources)}: no triples, nothing loaded (the store is unchanged)")
    derived.write(inner)  # the loaded graph's summaries (kg.derived), its files' own replaced
    return len(inner)


def memory_store_from_files(files: Iterable[str | os.PathLike[str]]) -> ox.Store:
    """An in-memory store bulk-loaded from RDF files."""
    inner = ox.Store()
    _bulk_load(inner, _rdf_sources(files))
    return inner


def _replace_store(path: str | os.PathLike[str], fill: Callable[[ox.Store], int], locked: bool = False) -> int:
    """Make a new store with ``fill`` and swap it in crash-safely (:mod:`kg.versions`)."""
    from kg import versions

    def make(directory: Path) -> int:
        inner = ox.Store(str(directory))
        n = fill(inner)
        inner.flush()
        del inner  # closes RocksDB before the directory moves
        return n

    try:
        return versions.replace(Path(path), make, is_store, locked)
    except versions.StoreBusy as exc:
        raise StoreError(str(exc)) from None


def export(graph: ox.Store | rdflib.Dataset, path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write the store (or an rdflib Dataset over one) to ``path``; see :func:`rdf_format` for formats."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    inner: ox.Store = graph if isinstance(graph, ox.Store) else graph.store._inner  # type: ignore[attr-defined]
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
    return export(memory_store(quads), path, format)


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
    return dict(PREFIX_IRIS)
