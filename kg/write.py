"""resolve -> graph -> store: what a build writes once its articles are extracted.

:meth:`kg.api.KnowledgeGraph.from_extractions` is the typed entry point; this module does the
work: the graph text (resolution, curation, provenance), then the store it goes to — in memory,
a SPARQL server, or an on-disk store replaced atomically with the extractions kept beside it
(:mod:`kg.archive`) for ``kg add``/``kg remove``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from kg import store as _store
from kg.model import Extraction
from kg.pipeline import BuildReport


def write_graph(extractions: Sequence[Extraction], store: str | os.PathLike[str] | None, report: BuildReport,
                started: datetime, locked: bool = False, before: Sequence[Extraction] | None = None,
                curation: Any = None) -> tuple[Any, Path | None]:
    """The graph of ``extractions`` written to ``store``: ``(the store written, its path if on disk)``.

    ``report`` gets the quad count, the seconds since ``started`` and the curation rules that
    could not be applied; the rest as :meth:`kg.api.KnowledgeGraph.from_extractions` says."""
    from kg import graph as _graph  # rdflib and the ontology: only when building
    from kg.curation import Curation, for_store
    from kg.remote import is_remote

    cur = None if curation is False else curation if isinstance(curation, Curation) else for_store(store, curation)
    prepared, report.prepared = report.prepared, None

    def made(preloaded: bool = False) -> Generator[bytes, None, Any]:
        """The graph's text; with ``preloaded``, the first half of its named graphs given as soon as written."""
        graph = yield from _graph.text_parts(extractions, curation=cur, prepared=prepared, preloaded=preloaded, early=preloaded)
        if cur is not None:
            report.warnings += cur.notes
        graph.add_quads(_graph.build_activity([x.article for x in extractions], started))
        report.quads = len(graph)  # (one line per quad, and the sentence nodes loaded before)
        report.counts = graph.counts
        return graph

    if store is None or is_remote(store):
        out = _to_store(_graph.returned(made()), extractions, store, locked, before)
    else:
        if prepared is None:
            prepared = _prepare(extractions)
        out = _to_disk(made, prepared, extractions, Path(store), locked, report)
    # the time the user waited, the store's writing included (~10 s of a 40 MB build's ~51 s)
    report.seconds = (datetime.now(timezone.utc) - started).total_seconds()
    return out


def _prepare(extractions: Sequence[Extraction]) -> Any:
    """The :class:`kg.graph_prepared.Prepared` of ``extractions`` (as ``kg build -jN`` makes it while they come)."""
    from kg.graph_prepared import Prepared

    prepared = Prepared()
    for ex in extractions:
        prepared.add(ex)
    return prepared


def _to_store(graph: Any, extractions: Sequence[Extraction], store: str | os.PathLike[str] | None, locked: bool,
              before: Sequence[Extraction] | None) -> tuple[Any, Path | None]:
    """``graph`` (a :class:`kg.graph.GraphText`) written to a memory store (``store`` None) or a SPARQL server."""
    if store is None:
        return _store.memory_store_text(graph.parts(), graph.blank, graph.statement_articles, lambda: graph.written), None
    from kg.remote import write_graph as write_remote

    # a SPARQL server: graphs written with GSP PUT/DELETE
    return write_remote(str(store), extractions, graph.quads(), before, locked), None


def _to_disk(made: Callable[[bool], Generator[bytes, None, Any]], prepared: Any, extractions: Sequence[Extraction], store: Path, locked: bool,
             report: BuildReport) -> tuple[Any, Path]:
    """The graph ``made`` (``made(preloaded)``: a generator of :func:`kg.graph.text_parts`) written as the store on disk.

    The sentence nodes that ``prepared`` holds (text, offsets, article: ~1/3 of the named graphs'
    bytes) load first, in a thread of their own, while resolution and the rest of the graph text are
    made in this one: the second core was idle meanwhile, and those lines need no resolution
    (the few nodes that end up stating no fact are taken out after). The named graphs' quads load in
    two halves: the first as soon as the articles giving it are written, while the rest are written
    (the second core was idle then too), the second once the text is done, beside the default graph's,
    each part in a loader thread of its own while this one makes the derived summaries
    (:func:`kg.graph.text_parts`, :meth:`kg.graph.GraphText.parts`).
    The extractions are kept beside the store as Oxigraph loads (as the workers pickled them, if
    they did), before the swap: a kept store always has its extractions."""
    from contextlib import nullcontext

    from kg import versions

    pickles, report.pickles = report.pickles, {}
    try:
        # (the writer lock held from the first prune to the last: a writer that loses the lock to
        # another, kg add racing a kg build, must not drop the extractions the other keeps)
        with nullcontext() if locked else versions.writer_lock(Path(store).absolute()):
            _write_locked(made, prepared, extractions, store, pickles)
    except versions.StoreBusy as exc:
        raise _store.StoreError(str(exc)) from None
    return _store.open_store(store), store


def _write_locked(made: Callable[[bool], Generator[bytes, None, Any]], prepared: Any, extractions: Sequence[Extraction],
                  store: Path, pickles: dict[str, bytes]) -> None:
    """:func:`_to_disk`'s work, under the store's writer lock."""
    from kg import archive
    from kg.graph import ontology_blank_quads

    # what an earlier writer left (one that failed, e.g. on a full disk, or was killed) goes first:
    # the extractions of articles neither in the store nor in this write, dead writers' temporary files
    from kg.incremental import current_articles

    try:
        held = current_articles(store)
    except Exception:  # noqa: BLE001 - a store that cannot be read now: leave its files be (the write will say why)
        held = None
    if held is not None:
        archive.prune(store, [*held, *(x.article.digest for x in extractions)])
    early = prepared.covers(extractions)  # (no two extractions of one article: else none early)
    blank = ontology_blank_quads()
    graphs: list[Any] = []

    def parts() -> Iterator[bytes]:
        if early:
            yield prepared.sentence_nodes()
        graph = yield from made(early)  # (its first named half, once written, loads while it writes the rest)
        if not graph.blank <= blank:  # pragma: no cover - the ontology's are the only ones a build writes
            raise RuntimeError("the graph has quads with blank nodes that are not the ontology's")
        graphs.append(graph)
        yield from graph.parts()

    _store.write_text(store, parts(), blank, True, meanwhile=lambda: archive.keep(store, extractions, pickles),
                      stated=lambda: graphs[0].statement_articles, written=lambda: graphs[0].written,
                      at_once=4 if early else 3, retract=lambda: graphs[0].unlinked)
    archive.prune(store, (x.article.digest for x in extractions))
