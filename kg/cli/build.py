"""kg build, add, remove, export, load: making and changing the store."""

from __future__ import annotations

from pathlib import Path as _Path
from typing import TYPE_CHECKING

import typer

from kg.cli.app import (
    kept_if_written,
    _DEFAULT_STORE,
    _STORE_HELP,
    _fail,
    _open,
    _shown,
    _summary_lines,
    _warnings,
    app,
    time_s,
)

if TYPE_CHECKING:
    from kg.pipeline import BuildReport


_JOBS_HELP = ("Extract in N processes; auto: one per core (at most 8), but one per 128 kB of articles "
              "(a few small articles are extracted without a pool).")


def _jobs(value: str) -> int | str:
    """``--jobs``: a number of processes or ``auto`` (:func:`kg.pipeline.check_jobs`), else one error line."""
    from kg.pipeline import AUTO, check_jobs

    word = value.strip().lower()
    try:
        return check_jobs(AUTO if word == AUTO else int(word))
    except ValueError:
        raise _fail(f"--jobs: expected a number of processes (1 or more) or auto, not {value!r}") from None


@app.command("build")
def build_command(
    paths: list[_Path] = typer.Argument(..., readable=False, help="Article files or folders (.txt, .html)."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    output: _Path = typer.Option(None, "-o", "--output", help="Write just these articles' graph to FILE (.ttl .nt .trig .nq .jsonld) instead of the store."),
    jobs: str = typer.Option("auto", "--jobs", "-j", help=_JOBS_HELP),
    replace: bool = typer.Option(False, "--replace", help="Replace a store that holds other articles (else: use kg add)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Extract on a Dask cluster: its scheduler, e.g. tcp://host:8786."),
    dask: int = typer.Option(None, "--dask", min=1, help="Extract on a local Dask cluster of N workers."),
    curation: _Path = typer.Option(None, "--curation", help="Curation file to apply (default: curation.toml beside the store, if any)."),
) -> None:
    """Build the knowledge graph from articles (replaces the store atomically)."""
    from kg.api import BuildError, KnowledgeGraph
    from kg.curation_rules import CurationError
    from kg.store import StoreError, rdf_format

    n_jobs = _jobs(jobs)
    if scheduler is not None and dask is not None:  # (--scheduler won, --dask was dropped unsaid)
        raise _fail("--scheduler and --dask each name where to extract: give one")
    if scheduler is not None and not scheduler.strip():
        raise _fail("--scheduler is empty: give the scheduler's address, e.g. tcp://host:8786")
    if output is None and not replace:
        _refuse_to_drop(paths, store)

    if output is not None:
        try:
            rdf_format(output)
        except ValueError as exc:
            raise _fail(str(exc)) from None
    with kept_if_written(None if output else store, "built"):  # (Ctrl-C after the swap: the store is the new one)
        from kg.progress import BuildProgress

        try:
            with BuildProgress() as progress:  # drawn on a terminal only; piped output stays quiet
                kg = KnowledgeGraph.build(paths, store=None if output else store, jobs=n_jobs, cluster=scheduler or dask,
                                          curation=curation, progress=progress, replace=replace)
        except BuildError as exc:
            for path, reason in exc.report.failures:
                _failed(path, reason)
            raise _fail(str(exc)) from None
        except (StoreError, CurationError) as exc:
            raise _fail(str(exc)) from None
        if output is not None:
            kg.export(output)
            typer.echo(f"wrote {output} ({_outcome(kg.report)})")
        else:
            typer.echo(f"built {_shown(store)} ({_outcome(kg.report)})")
        for line in _summary_lines(kg):
            typer.echo(line)
        _warnings(kg)
        for path, reason in kg.report.failures:
            _failed(path, reason)
        if kg.report.failures:
            raise typer.Exit(1)


def _failed(path: str, reason: str) -> None:
    """The line of a file that gave no article (its name escaped where it is not UTF-8 or holds a line break)."""
    from kg.read import shown

    typer.echo(f"failed: {shown(path)}: {shown(reason)}", err=True)


def _articles(n: int) -> str:
    """'1 article', '5 articles'."""
    return f"{n} article{'' if n == 1 else 's'}"


def _outcome(report: BuildReport) -> str:
    """A build's articles, its time, and the processes it extracted in when more than one."""
    return f"{_articles(len(report.articles))}, {time_s(report.seconds)}" + (f", {report.jobs} processes" if report.jobs > 1 else "")


def _refuse_to_drop(paths: list[_Path], store: str) -> None:
    """``kg build`` into a store holding articles that are not among ``paths``: say so before
    extracting anything (the build checks again under the store's lock before writing)."""
    from kg.incremental import would_drop
    from kg.find import article_files
    from kg.read import ReadFailure, shown

    given = {shown(p.name) for p in article_files(paths) if not isinstance(p, ReadFailure)}
    if not given:
        return  # nothing to read: the build itself says so and leaves the store alone
    refused = would_drop(store, given)
    if refused:
        raise _fail(refused)


@app.command("add")
def add_command(
    paths: list[_Path] = typer.Argument(..., readable=False, help="Article files or folders to add (same file name: replaced)."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    jobs: str = typer.Option("auto", "--jobs", "-j", help=_JOBS_HELP),
    curation: _Path = typer.Option(None, "--curation", help="Curation file to apply (default: curation.toml beside the store, if any)."),
) -> None:
    """Add articles to the store, extracting only them (the rest is kept; the curation is applied again)."""
    from kg.api import BuildError, add
    from kg.archive import ArchiveError
    from kg.curation_rules import CurationError
    from kg.progress import BuildProgress
    from kg.store import StoreError

    n_jobs = _jobs(jobs)
    with kept_if_written(store, "updated"):
        try:
            with BuildProgress() as progress:  # drawn on a terminal only; piped output stays quiet
                kg = add(paths, store, n_jobs, curation, progress)
        except BuildError as exc:
            for path, reason in exc.report.failures:
                _failed(path, reason)
            raise _fail(str(exc)) from None
        except (ArchiveError, StoreError, CurationError) as exc:
            raise _fail(str(exc)) from None
        typer.echo(f"updated {_shown(store)} ({_outcome(kg.report)})")
        _warnings(kg)
        for path, reason in kg.report.failures:
            _failed(path, reason)
        if kg.report.failures:
            raise typer.Exit(1)


@app.command("remove")
def remove_command(
    articles: list[str] = typer.Argument(..., help="Articles to take out: file names (e.g. 003_x.txt) or article IRIs."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help="Curation file to apply (default: curation.toml beside the store, if any)."),
) -> None:
    """Take articles out of the store without re-extracting the others (the curation is applied again)."""
    from kg.api import remove
    from kg.archive import ArchiveError
    from kg.store import StoreError

    with kept_if_written(store, "updated"):
        try:
            kg = remove(articles, store, curation)
        except (ArchiveError, StoreError, ValueError) as exc:  # CurationError is a ValueError
            raise _fail(str(exc)) from None
        typer.echo(f"updated {_shown(store)} ({_articles(len(kg.report.articles))} left)")
        _warnings(kg)

@app.command("export")
def export_command(
    file: str = typer.Argument(..., help="Output file (a folder for neo4j); the format follows the extension."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    fmt: str = typer.Option(None, "--format", help="ttl, nt, trig, nq, jsonld, graphml, gexf or neo4j (default: from the extension)."),
) -> None:
    """Export the graph: RDF (.ttl .nt .trig .nq .jsonld), Gephi (.graphml .gexf) or Neo4j import CSVs (a folder).

    Examples: kg export out/graph.gexf; kg export out/neo4j --format neo4j
    """
    from kg.export import export_format

    if not file.strip():  # (as a path, "" is the working folder: the Neo4j files were written into it)
        raise _fail("give the file (or, for neo4j, the folder) to write")
    try:
        chosen = export_format(file, fmt)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    kg = _open(store)
    path = kg.export(file, chosen)
    typer.echo(f"wrote {path}")
    if chosen == "neo4j":
        typer.echo(f"load it with: sh {path / 'import.sh'}  (neo4j-admin database import full, into an empty database)")


@app.command("load")
def load_command(
    files: list[_Path] = typer.Argument(..., help="RDF files (.ttl .nt .trig .nq .jsonld), e.g. from `kg export`."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Bulk-load RDF files as the store (replaces it atomically)."""
    import time

    from kg.api import KnowledgeGraph
    from kg.store import StoreError

    started = time.perf_counter()
    try:
        kg = KnowledgeGraph.load(files, store)
    except (StoreError, ValueError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"loaded {store} ({len(kg.dataset):,} quads from {len(files)} file{'s' if len(files) != 1 else ''}, "
               f"{time_s(time.perf_counter() - started)})")


