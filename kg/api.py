"""The typed Python API: build, open, query and export the knowledge graph.

The CLI, notebooks and tests use only this module::

    from kg.api import KnowledgeGraph
    kg = KnowledgeGraph.build(["seeds/"], store="out/store")
    kg.query("people_posts", person="冯玉川")
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import query as _query
from kg import store as _store
from kg.model import Extraction
from kg.pipeline import (  # noqa: F401 - re-exported: part of the API
    BuildError,
    BuildReport,
    Jobs,
    _in_pool,
    _pipeline,
    extract_all,
)

# Names for type hints only: pandas alone costs ~0.5 s of start-up (kg.query imports it when a
# DataFrame is made).
if TYPE_CHECKING:
    import pandas as pd
    import rdflib

__all__ = ["KnowledgeGraph", "BuildReport", "BuildError", "open_graph", "build", "build_file", "extract_all", "add", "remove",
           "seed_articles"]


class KnowledgeGraph:
    """A built or opened knowledge graph: an Oxigraph store, seen through rdflib when asked.

    Queries and the projection go straight to pyoxigraph; the rdflib Dataset
    (:attr:`dataset`) is made on first use, so ``kg query`` never loads rdflib's
    SPARQL engine.
    """

    def __init__(self, store: Any, report: BuildReport | None = None, path: Path | None = None) -> None:
        inner = _query._store_of(store)  # a pyoxigraph or remote store, or the one behind an rdflib Dataset
        self._inner, self._ds = inner, (None if inner is store else store)
        self._report = report
        self.store_path = path
        self._version = os.path.realpath(path) if path is not None else None
        #: the user's folders of named queries (.rq), searched before the shipped ones (and $KG_QUERIES)
        self.query_folders: list[Path] = []

    # ------------------------------------------------------------ construction

    def __repr__(self) -> str:
        url = getattr(self._inner, "url", None)  # (a kg.remote.RemoteStore's, without its password)
        where = (f"store {str(self.store_path)!r}" if self.store_path is not None else f"SPARQL server {url}" if url
                 else "closed" if self._inner is None else "in memory")
        return f"<KnowledgeGraph: {where}>"

    @classmethod
    def build(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        store: str | os.PathLike[str] | None = None,
        jobs: Jobs = 1,
        cluster: str | int | None = None,
        progress: Any = None,
        curation: str | os.PathLike[str] | None = None,
        replace: bool = True,
    ) -> KnowledgeGraph:
        """read -> extract -> resolve -> graph -> store (``store=None``: in memory).

        ``jobs``: extract in that many local processes, or ``"auto"`` (:func:`kg.pipeline.auto_jobs`).
        ``cluster``: extract on Dask instead, a scheduler address (``tcp://host:8786``) or a number
        of local workers; the graph is the same either way. ``progress``: called as
        ``progress(files_done, files_total, facts_found)`` after each file
        (:class:`kg.progress.BuildProgress` draws it on a terminal). ``curation``: a curation file
        (:mod:`kg.curation`; default: ``curation.toml`` beside a local store, if any).
        ``replace=False``: refuse (:class:`kg.store.StoreError`, nothing written) to replace an
        on-disk store holding articles other than these files (``kg build`` without ``--replace``).

        An on-disk store is replaced atomically, under its writer lock, checked once the articles
        are extracted (as ``kg add`` does: a writer that finished meanwhile is not overwritten
        unseen); if the build fails the previous store stays as it was. Raises
        :class:`BuildError` if no article could be read, :class:`kg.store.StoreError` when another
        process is writing the store.
        """
        started = datetime.now(timezone.utc)
        from kg.curation import for_store

        cur = for_store(store, curation)  # a wrong file fails now, before any extraction
        from kg.remote import is_remote

        keep = Path(store) if store is not None and not is_remote(store) else None  # workers' pickles kept as they come
        from kg.pipeline import collector_paused

        # Python's cyclic collector paused for the whole build (workers forked meanwhile inherit it):
        # the extractions live to its end, and every few thousand allocations the collector would walk
        # them again (~0.5 s of the main process's cpu at 4 MB with --jobs 2, unpickling the workers'
        # answers); reading and extracting leave no cyclic garbage to collect (none on that corpus)
        from kg.incremental import check_replace, held_names

        held_before = held_names(keep) if keep is not None and replace else set()
        with collector_paused():
            extractions, report = _pipeline(paths, jobs, cluster, progress, keep)
            if keep is None:
                return cls.from_extractions(extractions, store, report, started, curation=cur if cur is not None else False)
            from kg import versions

            try:
                with versions.writer_lock(keep.absolute()):
                    check_replace(keep, extractions, report, held_before, replace)
                    return cls.from_extractions(extractions, store, report, started, locked=True,
                                                curation=cur if cur is not None else False)
            except versions.StoreBusy as exc:
                raise _store.StoreError(str(exc)) from None

    @classmethod
    def from_extractions(
        cls,
        extractions: Sequence[Extraction],
        store: str | os.PathLike[str] | None = None,
        report: BuildReport | None = None,
        started: datetime | None = None,
        locked: bool = False,
        before: Sequence[Extraction] | None = None,
        curation: Any = None,
    ) -> KnowledgeGraph:
        """resolve -> graph -> store for extractions made elsewhere (tests, evaluation).

        An on-disk store keeps the extractions beside it (:mod:`kg.archive`) for
        ``kg add``/``kg remove``, a remote one on this machine (:func:`kg.remote.shadow`);
        ``locked``: the caller holds the writer lock. ``before``: for a remote store, the
        extractions of the articles it holds now, so that only the graphs that change are sent.
        ``curation``: a :class:`kg.curation.Curation` or a file; None: the
        ``curation.toml`` beside a local store, if any; False: none. Rules that
        could not be applied are listed in ``report.warnings``."""
        started = started or datetime.now(timezone.utc)
        report = report or BuildReport(articles=[x.article.source_file for x in extractions])
        from kg.write import write_graph

        inner, path = write_graph(extractions, store, report, started, locked, before, curation)
        return cls(inner, report, path)

    @classmethod
    def load(cls, files: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str] | None = _store.DEFAULT_STORE) -> KnowledgeGraph:
        """Bulk-load RDF files (e.g. an export of another build, or a synthetic benchmark graph)
        as the store, replacing it atomically (``store=None``: into memory, which answers
        queries several times faster than a disk store). Raises :class:`kg.store.StoreError`
        or ``ValueError``."""
        if store is None:
            return cls(_store.memory_store_from_files(files))
        _store.load_files(store, files)
        return cls.open(store)

    @classmethod
    def open(cls, store: str | os.PathLike[str] = _store.DEFAULT_STORE,
             queries: Iterable[str | os.PathLike[str]] = ()) -> KnowledgeGraph:
        """Open a store written by :meth:`build` (read-only). Raises :class:`kg.store.StoreError`.

        ``queries``: folders of your own named queries (.rq), beside the shipped ones
        (:class:`kg.query.QueryError` when one does not exist)."""
        from kg.remote import RemoteStore, is_remote

        _query.query_folders(queries)  # a folder that does not exist: one error now, not at the first query
        if is_remote(store):
            remote = RemoteStore(str(store))
            remote.query("ASK { ?s ?p ?o }")  # reach it now: a wrong address is one line here, not later
            graph = cls(remote)
        else:
            inner = _store.open_store(store)
            _store.check_shape(inner, store)  # a store of the old provenance shape: one line, not empty sentences
            graph = cls(inner, None, Path(store))
        graph.query_folders = [Path(q) for q in queries]
        return graph

    def queries(self) -> list[_query.QueryInfo]:
        """The named queries this graph answers, by name: the shipped ones and yours (:attr:`query_folders`, ``$KG_QUERIES``; one of a shipped name replaces it)."""
        return _query.list_queries(extra=self.query_folders)

    # ------------------------------------------------------------ access

    @property
    def dataset(self) -> rdflib.Dataset:
        """The rdflib Dataset: facts in the default graph, evidence in one named graph per article."""
        self._follow()
        if self._ds is None:
            from kg.remote import RemoteStore

            if isinstance(self._inner, RemoteStore):
                raise _store.StoreError("a remote store has no rdflib Dataset: use query(), sparql text or to_networkx()")
            self._ds = _store.dataset(self._inner)
        return self._ds

    @property
    def store(self) -> Any:
        """The ``pyoxigraph.Store`` itself (for raw SPARQL or quad patterns at full speed)."""
        self._follow()
        return self._inner

    def _follow(self) -> None:
        """After a rebuild or ``kg load`` of an opened store, answer from the new version."""
        if self._version is None or self._inner is None:
            return
        now = os.path.realpath(self.store_path)
        if now != self._version and _store.is_store(now):
            self._inner, self._ds, self._nx, self._report = _store.open_store(self.store_path), None, None, None
            self._version = now

    @property
    def report(self) -> BuildReport:
        """The build report; for an opened store, the articles it holds."""
        if self._report is None:
            files = self.query("SELECT DISTINCT ?f WHERE { ?a a cy:NewsArticle ; cy:sourceFile ?f } ORDER BY ?f")
            self._report = BuildReport(articles=list(files["f"]))
        return self._report

    def query(self, sparql_or_query_name: str, timeout: float | None = None, **params: Any) -> pd.DataFrame:
        """Run a named query, a .rq file or SPARQL text; the answer as a DataFrame.

        Read-only and bounded: updates and ``SERVICE`` are refused, and the query
        stops after ``timeout`` seconds (default 30, ``KG_QUERY_TIMEOUT``) with a
        :class:`kg.query.QueryError`. A name given as a parameter is folded as
        :meth:`lookup` folds it; one that names several entities of one type raises
        :class:`kg.query.AmbiguousParameter` (its ``candidates``: type, article count).
        """
        return _query.run_query(self.store, sparql_or_query_name, params, timeout, self.query_folders)

    def add(self, paths: Iterable[str | os.PathLike[str]], jobs: Jobs = 1) -> KnowledgeGraph:
        """Add your own articles (files or folders) to this on-disk store; only they are extracted,
        and an article with the file name of one already held replaces it. Returns this graph,
        which now answers from the new store version."""
        target = self.store_path if self.store_path is not None else getattr(self._inner, "url", None)  # disk or server
        if target is None:
            raise _store.StoreError("add needs a store on disk or a SPARQL server: build with store=PATH, "
                                    "or build again with the articles")
        updated = add(paths, target, jobs)
        if self.store_path is None:  # a server: the same graph names, answered by the new writes
            self._inner, self._nx = updated._inner, None
        self._follow()
        self._report = updated.report
        return self

    def sparql(self, sparql: str, timeout: float | None = None, **params: Any) -> rdflib.query.Result:
        """Run SPARQL (or a named query) and return the raw rdflib result (read-only and bounded as :meth:`query`)."""
        return _query.sparql(self.dataset, sparql, params, self.query_folders, timeout)

    def export(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the graph for another tool; the format follows ``format`` or the extension.

        RDF: .ttl (grouped by subject) and .nt (union of graphs), .trig/.nq/.jsonld (named
        graphs; JSON-LD with a compact ``@context``). Networks: .graphml and .gexf (Gephi),
        ``neo4j`` (a folder of ``neo4j-admin database import`` CSVs). See :mod:`kg.export`.
        """
        from kg.export import export

        self._follow()
        return export(self, path, format)

    def summary(self) -> dict[str, Any]:
        """Counts for a short summary: articles, entities per class, relations, triples."""
        return _query.counts(self.store)

    # ------------------------------------------------------------ analyses (kg.analyse)

    def to_networkx(self) -> Any:
        """The graph projected to entities and labelled relations (``networkx.MultiDiGraph``).

        Built once per store version and kept: in this object, and for an
        on-disk store in a file beside it that the next process reuses
        (:mod:`kg.analyse.cache`). See :func:`kg.analyse.projection.to_networkx`
        for the attributes.
        """
        self._follow()
        if getattr(self, "_nx", None) is None:
            from kg.analyse.projection import to_networkx

            if self.store_path is not None:
                from kg.analyse.cache import cached_projection

                self._nx = cached_projection(self.store_path, self._inner, lambda: to_networkx(self._inner))
            else:
                self._nx = to_networkx(self._inner)
        return self._nx

    def lookup(self, name: str) -> Any:
        """The entity named ``name`` (label or alias; Traditional script and full-width tolerated).

        Raises :class:`kg.analyse.lookup.EntityNotFound` (with suggestions) when nothing matches,
        :class:`kg.analyse.lookup.AmbiguousEntity` (with the candidates: type, article count)
        when several entities have the name; an entity's IRI always names it alone.
        """
        from kg.analyse.lookup import lookup

        return lookup(self.to_networkx(), name)

    def centrality(self, type: str | None = None, top: int = 10, by: str = "pagerank") -> pd.DataFrame:
        """Top entities (of a type) by PageRank, betweenness or degree."""
        from kg.analyse.centrality import top_entities

        return top_entities(self.to_networkx(), type=type, top=top, by=by)

    def path(self, a: str, b: str, limit: int = 3, avoid: tuple[str, ...] = ()) -> list[Any]:
        """Shortest paths between two named entities, each hop with its relation and evidence."""
        from kg.analyse.paths import shortest_paths

        return shortest_paths(self.to_networkx(), a, b, limit=limit, avoid=avoid)

    def communities(self, seed: int = 42, resolution: float = 1.0) -> list[Any]:
        """Seeded Leiden (modularity) communities, each with its members and dominant industries."""
        from kg.analyse.communities import communities

        return communities(self.to_networkx(), seed=seed, resolution=resolution)

    def brokers(self, min_initiatives: int = 2) -> pd.DataFrame:
        """Firms linking two or more initiatives, ranked by number and betweenness."""
        from kg.analyse.bipartite import brokers

        return brokers(self.to_networkx(), min_initiatives=min_initiatives)

    # ------------------------------------------------------------ views (kg.draw)

    def drawing(self, query: str | None = None, **options: Any) -> Any:
        """A :class:`kg.draw.View` of the graph, or of a CONSTRUCT/SELECT query's answer.

        Options: ``focus`` (entity name), ``hops``, ``types`` ("Company,Park" or a
        list), ``max_nodes``, ``size_by`` ("pagerank" or "degree"), ``title``,
        ``firms_initiatives`` (firms and initiatives with what ties them). The
        side panel's entity cards are the store's answers to ``entity_card``.
        See :func:`kg.draw.graph_view.graph_view`.
        """
        from kg.draw.graph_view import graph_view

        return graph_view(self, query, **options)

    def view(self, path: str | os.PathLike[str] = "out/graph.html", query: str | None = None, **options: Any) -> Path:
        """Write the view as one self-contained HTML file (opens offline); returns its path."""
        return self.drawing(query, **options).save(path)

    def show(self, query: str | None = None, height: int = 600, **options: Any) -> Any:
        """Show the view inline in a notebook (sandboxed ``<iframe srcdoc>``, no server needed)."""
        from IPython.display import HTML

        return HTML(self.drawing(query, **options).notebook_html(height))

    def close(self) -> None:
        """Release the store (also done when the object is garbage-collected)."""
        if self._ds is not None:
            self._ds.close()
        self._ds = None
        self._inner = None



def build(paths: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str] | None = None, jobs: Jobs = 1,
          curation: str | os.PathLike[str] | None = None) -> KnowledgeGraph:
    """Shortcut for :meth:`KnowledgeGraph.build`."""
    return KnowledgeGraph.build(paths, store=store, jobs=jobs, curation=curation)


def add(paths: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str] = _store.DEFAULT_STORE, jobs: Jobs = 1,
        curation: str | os.PathLike[str] | None = None, progress: Any = None) -> KnowledgeGraph:
    """Add articles to a store, local or a SPARQL server (or replace those of the same file name);
    see :func:`kg.incremental.add`."""
    from kg import incremental

    return incremental.add(paths, store, jobs, curation, progress)


def remove(articles: Iterable[str], store: str | os.PathLike[str] = _store.DEFAULT_STORE,
           curation: str | os.PathLike[str] | None = None) -> KnowledgeGraph:
    """Take articles out of a store, local or a SPARQL server; see :func:`kg.incremental.remove`."""
    from kg import incremental

    return incremental.remove(articles, store, curation)


def seed_articles() -> Path:
    """The folder of the five seed articles shipped in the package (for a first build or a test)."""
    from importlib import resources

    return Path(str(resources.files("kg") / "data" / "seeds"))


def open_graph(store: str | os.PathLike[str] = _store.DEFAULT_STORE,
               queries: Iterable[str | os.PathLike[str]] = ()) -> KnowledgeGraph:
    """Shortcut for :meth:`KnowledgeGraph.open`."""
    return KnowledgeGraph.open(store, queries)


def build_file(paths: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str], format: str | None = None, jobs: Jobs = 1) -> tuple[Path, BuildReport]:
    """The graph of just ``paths`` straight to a file (no store touched)."""
    kg = KnowledgeGraph.build(paths, store=None, jobs=jobs)
    return kg.export(output, format), kg.report
