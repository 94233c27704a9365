"""resolve -> graph -> store: what a build writes once its articles are extracted.

:meth:`kg.api.KnowledgeGraph.from_extractions` is the typed entry point; this module does the
work: the graph text (resolution, curation, provenance), then the store it goes to — in memory,
a SPARQL server, or an on-disk store replaced atomically with the extractions kept beside it
(:mod:`kg.archive`) for ``kg add``/``kg remove``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
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

    cur = None if curation is False else curation if isinstance(curation, Curation) else for_store(store, curation)
    prepared, report.prepared = report.prepared, None
    graph = _graph.build_text(extractions, curation=cur, prepared=prepared)
    if cur is not None:
        report.warnings += cur.notes
    graph.add_quads(_graph.build_activity([x.article for x in extractions], started))
    report.quads = len(graph)  # (one line per quad)
    out = _to_store(graph, extractions, store, locked, before, report)
    # the time the user waited, the store's writing included (~10 s of a 40 MB build's ~51 s)
    report.seconds = (datetime.now(timezone.utc) - started).total_seconds()
    return out


def _to_store(graph: Any, extractions: Sequence[Extraction], store: str | os.PathLike[str] | None, locked: bool,
             before: Sequence[Extraction] | None, report: BuildReport) -> tuple[Any, Path | None]:
    """``graph`` (a :class:`kg.graph.GraphText`) written to ``store``: what :func:`write_graph` returns."""
    if store is None:
        return _store.memory_store_text(graph.parts(), graph.blank, graph.statement_articles, lambda: graph.written), None
    from kg.remote import is_remote, write_graph as write_remote

    if is_remote(store):  # a SPARQL server: graphs written with GSP PUT/DELETE
        return write_remote(str(store), extractions, graph.quads(), before, locked), None
    from kg import archive

    # kept while Oxigraph loads, before the swap: a kept store always has its extractions
    # (as the workers pickled them, if they did)
    pickles, report.pickles = report.pickles, {}
    # the named graphs' part loads (two halves at once) while the default graph's is made and loaded beside it (GraphText.parts)
    _store.write_text(store, graph.parts(), graph.blank, locked, meanwhile=lambda: archive.keep(Path(store), extractions, pickles),
                      stated=graph.statement_articles, written=lambda: graph.written)  # (made as the text loads)
    archive.prune(Path(store), (x.article.digest for x in extractions))
    return _store.open_store(store), Path(store)
