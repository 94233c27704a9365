"""The process pool of a build: workers forked once from a process that has loaded the dictionary and
lexicons (:func:`_worker_start`), fed ordered chunks that shrink towards the end so that the workers
finish together (:func:`_chunk_sizes`); each answer as soon as it and those before it are done."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any


_WARM_UP = "2023年3月15日,测试科技有限公司在昆山市签约建设新项目,总投资1亿元。\n".encode()


def _worker_start() -> None:
    """Pool initializer: load jieba's dictionary, the lexicons and the reader once per worker.

    It extracts a one-line article; whatever goes wrong is left for the real
    articles to report (an initializer that raises makes the pool respawn it forever).
    """
    try:
        from kg.clean import clean
        from kg.extract import extract
        from kg.read import decode

        text, encoding = decode(_WARM_UP)
        extract(clean(text, "warm-up.txt", Path("warm-up.txt"), "", encoding, html=False))
    except Exception:  # noqa: BLE001, S110 - see the docstring (not Ctrl-C: the main process runs it too)
        pass


def _in_worker() -> None:
    """Pool initializer: Ctrl-C is the main process's to handle (it ends the pool; a worker's own
    KeyboardInterrupt would print its traceback), and a worker ends with the main process (left
    running, each printed a BrokenPipeError traceback on sending its next answer); then
    :func:`_worker_start`."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # (held while it was forked: see _pool_results)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):  # not Linux: the worker ends on its next send
        pass
    _worker_start()


def _chunk(func: Any, items: list[Any]) -> list[Any]:
    return [func(item) for item in items]


def _in_pool(func: Any, items: Sequence[Any], jobs: int) -> list[Any]:
    """``[func(x) for x in items]`` in ``jobs`` worker processes (see :func:`_pool_results`)."""
    return list(_pool_results(func, items, jobs))


def _chunk_sizes(n: int, jobs: int) -> list[int]:
    """The sizes of the chunks :func:`_pool_results` sends ``n`` items in: ``~n/(8 jobs)``, at most 16,
    until the items left are fewer than 4 chunks per worker, then a quarter of a worker's share
    of what is left (down to 1). With chunks of one size, the worker given the last chunk
    worked on alone for up to a chunk's time (16 articles, ~60 ms of a 4 MB build's ~2.7 s of
    extraction on 2 cores) while the other waited; the main process then waits as long."""
    size = max(1, min(16, n // (jobs * 8)))
    out = []
    while n > 0:
        step = max(1, min(size, -(-n // (4 * jobs))))
        out.append(step)
        n -= step
    return out


def _chunks(items: Sequence[Any], jobs: int) -> list[list[Any]]:
    """``items`` cut in order into chunks of :func:`_chunk_sizes`."""
    chunks, start = [], 0
    for size in _chunk_sizes(len(items), jobs):
        chunks.append(list(items[start : start + size]))
        start += size
    return chunks


def _pool_results(func: Any, items: Sequence[Any], jobs: int) -> Iterator[Any]:
    """``func(x) for x in items`` in ``jobs`` worker processes, started once, fed in ordered chunks;
    each result as soon as it and those before it are done (the pool ends with the iteration).

    The dictionary and lexicons are loaded here, once, before the workers are
    forked: they inherit them (the initializer then has nothing left to load),
    which costs the same wall time as loading in each worker in parallel but
    half the CPU on a shared machine. Chunks of ~1/(8 jobs) of the items, at
    most 16, send few messages; the last ones shrink (:func:`_chunk_sizes`) so
    that the workers finish together.
    """
    import multiprocessing
    import signal
    from functools import partial

    _worker_start()
    jobs = min(jobs, len(items))
    # Ctrl-C held while the workers are forked: one that came between a fork and the worker's
    # ignoring it would interrupt the new process before its initializer (a traceback); it is
    # delivered here once the pool is made (the pool's threads keep it held: the main thread takes it)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_in_worker)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    with pool:
        for part in pool.imap(partial(_chunk, func), _chunks(items, jobs)):
            yield from part
