"""read -> extract over many files: in this process, a process pool (``jobs``) or a
Dask cluster (``cluster``); the build's report of what was read and what failed.

Workers are started once and load the dictionary and lexicons once
(:mod:`kg.workers`); each file is read and extracted in the same worker, so
only the small :class:`~kg.model.Extraction` travels back.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import Article, Extraction
from kg.workers import _chunk, _chunks, _in_pool, _pool_results

# kg.read brings numpy and charset-normalizer: imported when reading, named here for type hints only.
if TYPE_CHECKING:
    from kg.read import ReadFailure


@dataclass
class BuildReport:
    """What a build read and what it could not."""

    articles: list[str] = field(default_factory=list)  # source files read (file names)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    jobs: int = 1  # the processes extraction ran in (``jobs="auto"`` decided from the input)
    quads: int = 0
    #: what :func:`kg.store.counts` counts of the graph written but its triples (articles, entities of each
    #: class, relations), as the graph's writer knew them (None: not known)
    counts: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # e.g. curation rules that named no entity
    #: article digest -> its extraction pickled as kg.archive keeps it, when a worker process pickled
    #: it (the main process then keeps these bytes instead of pickling again); emptied once kept
    pickles: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)
    #: the graph writer's work on each extraction done as it came from a worker (a
    #: :class:`kg.graph_prepared.Prepared`, while the workers extracted the rest); None once used
    prepared: Any = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.failures


class BuildError(Exception):
    """Nothing could be built (no article could be read); ``report`` says why."""

    def __init__(self, message: str, report: BuildReport) -> None:
        super().__init__(message)
        self.report = report


Outcome = tuple[Extraction | None, str | None]  # an extraction, or the reason it failed

Jobs = int | str  # a number of processes, or "auto"

AUTO = "auto"
#: ``jobs="auto"``: at most one process per this many bytes of input. Below ~0.1 MB a pool's start
#: and the trips of the extractions cost more than the second core saves (the 4 MB bench corpus's
#: first files, in one process: two processes were 0.75x as fast as one on 15 files of 0.04 MB,
#: 1.19x as fast on 40 files of 0.12 MB, 1.62x on 250 files of 0.74 MB).
BYTES_PER_JOB = 128 * 1024
#: ``jobs="auto"`` uses no more processes than this (each holds the dictionary and lexicons)
MAX_AUTO_JOBS = 8


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_jobs(jobs: Jobs) -> Jobs:
    """``jobs`` if it is a number of processes (>= 1) or ``"auto"``, else ValueError."""
    if jobs == AUTO or (isinstance(jobs, int) and not isinstance(jobs, bool) and jobs >= 1):
        return jobs
    raise ValueError(f"jobs must be a number >= 1 or 'auto', not {jobs!r}")


def auto_jobs(files: Sequence[Path]) -> int:
    """The processes ``jobs="auto"`` extracts ``files`` in: one per usable core (at most
    :data:`MAX_AUTO_JOBS`), and at most one per :data:`BYTES_PER_JOB` of input, so that a few
    small articles are extracted here, without a pool."""
    size = 0
    for f in files:
        try:
            size += f.stat().st_size
        except OSError:  # (its reading will say what is wrong with it)
            pass
    return max(1, min(usable_cores(), MAX_AUTO_JOBS, size // BYTES_PER_JOB, len(files)))


#: Seconds one article's extraction may take (``KG_EXTRACT_TIMEOUT``; 0: no limit). An article
#: takes milliseconds; some rules grow faster than linearly with an article's length, so a
#: megabyte of one run-on sentence or a list of ten thousand firms could take minutes and hold
#: the whole build: past the limit it fails with its line, and the rest is built.
EXTRACT_TIMEOUT = 120.0


class _TookTooLong(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise _TookTooLong


def _ready() -> None:
    """The extractor's tables loaded (the rules, the lexicons, jieba's dictionary and tags), once per
    process and outside any article's time limit: with the start-up cache cold they take seconds,
    which the first article's limit counted (a seed article stopped at KG_EXTRACT_TIMEOUT=1)."""
    global _READY
    if not _READY:
        from kg.extract.registry import default_pipeline
        from kg.extract.segment import pos_tags, tokens

        default_pipeline()
        tokens("预热")
        pos_tags()
        _READY = True


_READY = False


def _extract_one(article: Article) -> Outcome:
    """Extraction of one article, or the reason it failed (one line)."""
    import signal
    import threading

    from kg.extract import extract

    _ready()

    try:
        limit = float(os.environ.get("KG_EXTRACT_TIMEOUT", EXTRACT_TIMEOUT))
    except ValueError:
        limit = EXTRACT_TIMEOUT
    # (a timer signal reaches a process's main thread only: a Dask worker's threads run without it)
    timed = limit > 0 and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    before = signal.signal(signal.SIGALRM, _on_alarm) if timed else None
    try:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, limit)
        return extract(article), None
    except _TookTooLong:
        return None, (f"extraction stopped after {limit:g} s (an article of {len(article.text):,} characters; "
                      "KG_EXTRACT_TIMEOUT sets the limit)")
    except Exception as exc:  # one bad article must not stop a build
        return None, f"extraction failed: {type(exc).__name__}: {exc}".splitlines()[0]
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, before)


def _read_extract(path: Path) -> tuple[Article | ReadFailure, Outcome | None]:
    """Read, clean and extract one file: ``(article, outcome)``, or ``(ReadFailure, None)``."""
    from kg.read import ReadError, ReadFailure, read_article

    try:
        article = read_article(path)
    except ReadError as exc:
        return ReadFailure(exc.path, exc.reason), None
    return article, _extract_one(article)


def _read_extract_pickled(path: Path) -> tuple[Article | ReadFailure | None, Outcome | bytes | None]:
    """:func:`_read_extract` in a worker process: an extraction comes back pickled as
    :mod:`kg.archive` keeps it (``(None, bytes)``), so that one pickling serves both the trip
    to the main process and the copy kept beside the store."""
    article, outcome = _read_extract(path)
    if outcome is None or outcome[0] is None:
        return article, outcome
    from kg.archive import pickled

    return None, pickled(outcome[0])


def _unpickled(done: tuple[Any, Any], pickles: dict[str, bytes], pack: Any = None,
               prepared: Any = None, later: dict[tuple[str, str], bytes] | None = None) -> tuple[Any, Outcome | None]:
    """A worker's answer as :func:`_read_extract` gives it; its pickled extraction goes to ``pickles``,
    or with ``pack`` (a :class:`kg.archive.Pack` of the store being built) into that pack at once;
    ``prepared`` (a :class:`kg.graph_prepared.Prepared`) does the graph writer's work on it meanwhile.
    A copy of an article already come (the same bytes) goes to ``later`` (by digest and path) instead:
    which of the copies is kept is decided once all have come (:func:`_keep_copies`)."""
    article, outcome = done
    if article is not None:
        return article, outcome
    from kg.archive import unpickled

    ex = unpickled(outcome)
    digest = ex.article.digest
    if later is not None and (digest in pickles or pack is not None and digest in pack):
        later[(digest, str(ex.article.path))] = outcome
        return ex.article, (ex, None)
    if pack is not None:
        pack.add(digest, outcome)
    else:
        pickles[digest] = outcome
    if prepared is not None:
        prepared.add(ex)
    return ex.article, (ex, None)


def _each_unpickled(done: Iterable[tuple[Any, Any]], pickles: dict[str, bytes],
                    pack: Any = None, prepared: Any = None,
                    later: dict[tuple[str, str], bytes] | None = None) -> Iterator[tuple[Any, Outcome | None]]:
    """:func:`_unpickled` of each answer, the collector paused meanwhile (see :func:`collector_paused`)."""
    for d in done:
        with collector_paused():
            out = _unpickled(d, pickles, pack, prepared, later)
        yield out


def _keep_copies(kept: list[tuple[Article, Outcome]], pickles: dict[str, bytes], pack: Any, prepared: Any,
                 later: dict[tuple[str, str], bytes]) -> None:
    """Of files with the same bytes the one kept (:func:`kg.find.duplicates`: the first by name) is the
    one stored, whichever came first from the workers (its ``sourceFile``, its kept extraction)."""
    for article, (ex, _) in kept:
        data = later.get((article.digest, str(article.path)))
        if data is None or ex is None:
            continue  # (the copy that came first is the one kept)
        if pack is not None:
            pack.add(article.digest, data, replace=True)
        else:
            pickles[article.digest] = data
        if prepared is not None:
            prepared.add(ex, replace=True)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (restored after).

    Unpickling the workers' extractions, resolution and graph writing each make ~10^5
    short acyclic containers; every 700 of them the collector would walk the young ones
    and now and then every live object (the extractions): ~0.1 s each for no garbage.

    On the way out the objects made meanwhile join the oldest generation (``gc.freeze()``
    then ``gc.unfreeze()``, when nothing else is frozen) instead of the youngest: enabled as
    it was, the collector's first act would be to walk every one of them, the caller's
    extractions included (~0.2 s at the end of a 4 MB build), just before the caller drops
    them. They are collected, if ever garbage, at the next full collection, as any old object."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def extract_all(articles: Sequence[Article], jobs: int = 1) -> list[Outcome]:
    """Extract every article, in order; with ``jobs > 1`` in a process pool (same output)."""
    if jobs <= 1 or len(articles) < 2:
        return [_extract_one(a) for a in articles]
    return _in_pool(_extract_one, articles, jobs)


def _on_cluster(func: Any, items: Sequence[Any], cluster: str | int) -> Iterator[Any]:
    """``func(x) for x in items`` on a Dask cluster (a scheduler address, or N local workers): each
    result as soon as it and those before it are done, as :func:`_pool_results` gives them, so
    that this process unpickles and prepares them while the workers extract the rest.

    Each worker reads, cleans and extracts the files it is given (by path: the
    files must be readable where the workers run).
    The files go as tasks of several (:func:`_chunks`, sized for the worker threads there
    when the work is sent): a Dask task costs ~3 ms of scheduling and messages, as much as
    extracting a short article: one task per file made a 1,496-file build on one local
    worker 5-7 s slower (``benchmarks/bench_dask.py``).
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise BuildError("Dask is not installed: pip install 'dask[distributed]' (or the project's [dask] extra)", BuildReport()) from None
    from functools import partial

    def chunked(client: Any, workers: int) -> Iterator[Any]:
        for future in client.map(partial(_chunk, func), _chunks(items, max(1, workers)), pure=False):
            yield from future.result()

    if isinstance(cluster, int):
        import logging

        quiet = logging.CRITICAL  # a worker's heartbeat racing the shutdown is not the user's concern
        with LocalCluster(n_workers=cluster, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=quiet) as local, Client(local) as client:
            yield from chunked(client, cluster)
    else:
        try:
            client = Client(cluster, timeout=30)
        except (ValueError, OSError, TimeoutError) as exc:  # (an address that is none, a scheduler not there)
            raise BuildError(f"cannot reach the Dask scheduler {cluster!r}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
                             BuildReport()) from None
        with client:
            yield from chunked(client, sum(client.nthreads().values()))  # the threads that take tasks


def _pipeline(paths: Iterable[str | os.PathLike[str]], jobs: Jobs, cluster: str | int | None = None,
              progress: Any = None, keep: Path | None = None) -> tuple[list[Extraction], BuildReport]:
    """read -> extract, each file read and extracted in the same process (a worker with ``jobs > 1``).

    ``jobs``: a number of processes, or ``"auto"`` (:func:`auto_jobs`). The report is the same
    whatever ``jobs`` (but its :attr:`BuildReport.jobs`): read failures (and byte-identical
    duplicates, decided here in file order) first, then extraction failures.
    ``keep``: the on-disk store being built, whose kept extractions (:mod:`kg.archive`) the
    workers' pickles are written to as they arrive (in this process's idle time, not after
    the last extraction, when the graph is written alone), in one pack renamed into place
    once the last has come.
    """
    report = BuildReport()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    from kg.find import article_files

    plan = article_files([Path(p) for p in paths])
    files = [p for p in plan if isinstance(p, Path)]
    jobs = auto_jobs(files) if check_jobs(jobs) == AUTO else int(jobs)
    report.jobs = max(1, min(jobs, len(files))) if cluster is None else 1  # (the pool has no more workers than files)
    pack = None
    if keep is not None and (cluster is not None or jobs > 1):
        from kg.archive import Pack

        pack = Pack(keep)
    try:
        extractions = _collect(plan, jobs, cluster, progress, report, pack)
    except BaseException:
        if pack is not None:
            pack.abort()
        raise
    if pack is not None:
        pack.close()
    if not extractions:
        raise BuildError("no article could be read" + (f" ({len(report.failures)} failed)" if report.failures else ""), report)
    named: dict[str, list[str]] = {}  # (a store knows its articles by file name: kg add and kg remove)
    for x in extractions:
        named.setdefault(x.article.source_file, []).append(str(x.article.path))
    report.warnings += [f"{len(held)} articles are named {name} ({', '.join(sorted(held))}): a store knows its articles by "
                        f"file name, so kg add or kg remove of {name} takes them together" for name, held in sorted(named.items()) if len(held) > 1]
    return extractions, report


def _collect(plan: list[Any], jobs: int, cluster: str | int | None, progress: Any, report: BuildReport,
             pack: Any) -> list[Extraction]:
    """The extractions of the files of ``plan`` (the failures into ``report``), see :func:`_pipeline`."""
    from kg.find import duplicates
    from kg.read import ReadFailure

    files = [p for p in plan if not isinstance(p, ReadFailure)]
    pickles: dict[str, bytes] = {}
    later: dict[tuple[str, str], bytes] = {}  # copies of the same bytes, come after the first
    if (cluster is not None and files) or (jobs > 1 and len(files) >= 2):
        from kg.graph_prepared import Prepared

        report.prepared = Prepared()
    if cluster is not None and files:
        done = _each_unpickled(_on_cluster(_read_extract_pickled, files, cluster), pickles, pack, report.prepared, later)
    elif jobs <= 1 or len(files) < 2:
        done = iter(map(_read_extract, files))
    else:  # unpickled (and prepared for the graph) here as they come, while the workers extract the rest
        done = _each_unpickled(_pool_results(_read_extract_pickled, files, jobs), pickles, pack, report.prepared, later)
    got: list[ReadFailure | tuple[Article | ReadFailure, Outcome]] = []
    finished = facts = 0
    for item in plan:
        if isinstance(item, ReadFailure):
            got.append(item)
            continue
        article, outcome = next(done)
        got.append((article, outcome))
        if progress is not None:
            finished += 1
            facts += len(outcome[0].relations) if outcome is not None and outcome[0] is not None else 0
            progress(finished, len(files), facts)
    copies = iter(duplicates([(x[0].path, x[0].digest) for x in got if isinstance(x, tuple) and not isinstance(x[0], ReadFailure)]))
    read: list[tuple[Article, Outcome]] = []
    for x in got:
        failure = x if isinstance(x, ReadFailure) else x[0] if isinstance(x[0], ReadFailure) else next(copies)
        if failure is not None:
            report.failures.append((str(failure.path), failure.reason))
        else:
            read.append(x)  # type: ignore[arg-type]
    if later:
        _keep_copies(read, pickles, pack, report.prepared, later)
    extractions: list[Extraction] = []
    for article, (ex, reason) in read:
        if ex is None:
            report.failures.append((str(article.path), reason or "extraction failed"))
        else:
            extractions.append(ex)
            report.articles.append(article.source_file)
            if article.digest in pickles:
                report.pickles[article.digest] = pickles[article.digest]
    return extractions
