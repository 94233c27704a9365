"""Safe by default: queries are read-only, make no network calls and stop in bounded time.

Oxigraph would run ``SERVICE <http://…>`` by sending the sub-query to that
address, and refuses an update with a parser message about CONSTRUCT; a
cartesian query would run until killed and ignore Ctrl-C. :func:`check` turns
the first two into one clear line before anything runs, and :func:`bounded`
runs the query in a worker thread (pyoxigraph releases the GIL) that the
caller stops waiting for after ``timeout`` seconds or on Ctrl-C.
"""

from __future__ import annotations

import os
import queue
import re
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

#: Seconds a query may run unless told otherwise (``KG_QUERY_TIMEOUT``, read at each query, or ``timeout=``).
DEFAULT_TIMEOUT = 30.0

_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE\b", re.IGNORECASE)
#: What the guard must not look into, read left to right as SPARQL's lexer reads it, so that one
#: cannot hide another (a quote in an IRI or a comment opening no string): a comment, a long or
#: short string (with its escapes), an IRI (IRIREF: no space, quote, brace, bar, caret, backquote
#: or backslash in it), an escaped character of a prefixed name (``ex:a\'b``: no string's start).
_OPAQUE = re.compile(r'#[^\n\r]*'
                     r'|"""(?:\\[\s\S]|"{1,2}(?!")|[^"\\])*"""'
                     r"|\'\'\'(?:\\[\s\S]|'{1,2}(?!')|[^'\\])*\'\'\'"
                     r'|"(?:[^"\\\n\r]|\\.)*"'
                     r"|'(?:[^'\\\n\r]|\\.)*'"
                     r'|<[^<>"{}|^`\\\x00-\x20]*>'
                     r'|\\.')
_BLANK = {"#": " ", '"': '""', "'": '""', "<": "<>", "\\": " "}
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_COMMENT = re.compile(r"#[^\n]*")
#: Deeper nesting of groups and brackets than any real query has; Oxigraph's recursive parser
#: overflows its stack (a crash, not an error) at a few thousand levels
MAX_DEPTH = 256


class UnsafeQuery(ValueError):
    """A query that would write to the store or reach the network."""


def blanked(text: str) -> str:
    """``text`` with its strings, IRIs and comments blanked to spaces (same length: offsets still
    point into ``text``), so that a keyword found in it is a keyword."""
    return _OPAQUE.sub(lambda m: " " * len(m.group()), text)


#: a limit this long or longer (``inf``) is no limit: a thread's wait takes at most ~292 years
NO_LIMIT_FROM = 1e9


def _limit(timeout: float | None) -> float:
    """The time limit in seconds: ``timeout``, else ``KG_QUERY_TIMEOUT``, else :data:`DEFAULT_TIMEOUT`."""
    if timeout is None:
        raw = os.environ.get("KG_QUERY_TIMEOUT")
        if raw is None:
            return DEFAULT_TIMEOUT
        try:
            timeout = float(raw)
        except ValueError:
            raise ValueError(f"KG_QUERY_TIMEOUT must be a number of seconds (0: no limit), not {raw!r}") from None
    if timeout != timeout or timeout < 0:  # NaN: no comparison holds, so it would wait for ever
        raise ValueError(f"a time limit must be a number of seconds (0: no limit), not {timeout:g}")
    return 0.0 if timeout >= NO_LIMIT_FROM else timeout  # (inf, 1e300: no platform timer takes them)


def _code(text: str) -> str:
    """The query with strings, IRIs and comments blanked, so keywords are found only where they are keywords."""
    return _OPAQUE.sub(lambda m: _BLANK[m.group()[0]], text)


def _depth(code: str) -> int:
    """The deepest nesting of ``{`` and ``(`` in ``code`` (strings and IRIs blanked)."""
    depth = deepest = 0
    for ch in re.sub(r"[^{}()]", "", code):
        depth += 1 if ch in "{(" else -1
        deepest = max(deepest, depth)
    return deepest


def check(text: str) -> None:
    """Raise :class:`UnsafeQuery` for an update, a ``SERVICE`` call or nesting no query needs."""
    problem = _problem(text)
    if problem is not None:
        raise UnsafeQuery(problem)


@lru_cache(maxsize=512)
def _problem(text: str) -> str | None:
    """What :func:`check` refuses ``text`` for, or None (kept per text: reading a named query's
    few kB costs ~0.1-0.3 ms, as much as a small answer, and the same texts come again)."""
    code = _code(text)
    m = _UPDATE.match(code)
    if m:
        return f"the store is read-only; use kg add/remove ({m.group(1).upper()} is an update)"
    if _SERVICE.search(code):
        return "SERVICE is refused: queries make no network calls"
    if _depth(code) > MAX_DEPTH:
        return f"the query nests groups or brackets more than {MAX_DEPTH} deep"
    return None


class QueryTimeout(TimeoutError):
    """The query ran longer than its time limit."""


class _Worker:
    """A daemon thread that runs the queries handed to it, one at a time, and waits for the next.

    Why kept: a new thread per query cost ~5 ms of CPU more than the query's own 20 ms when
    a disk store is open in the process (``investment_by_park`` in memory at 1M triples,
    measured by ``benchmarks/bench_queries.py``); an idle worker is reused instead."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[tuple[Callable[[], object], dict[str, object], threading.Event, threading.Event]] = \
            queue.SimpleQueue()
        threading.Thread(target=self._loop, name="kg-query", daemon=True).start()

    def _loop(self) -> None:
        while True:
            run, box, done, abandoned = self.jobs.get()
            _job.abandoned = abandoned
            try:
                box["value"] = run()
            except BaseException as exc:  # handed to the caller's thread
                # (its frames' locals cleared here: an engine's answer they hold, pyoxigraph's solutions,
                # may only be dropped by the thread that made it; dropped elsewhere, it is kept and warned of)
                traceback.clear_frames(exc.__traceback__)
                box["error"] = exc
            finally:
                _job.abandoned = None
            with _LOCK:
                _IDLE.append(self)  # idle again before the caller hears of it: the next query finds it
            done.set()


#: The query a worker runs: ``abandoned`` is set once its caller stopped waiting (its time limit passed).
_job = threading.local()


def abandoned() -> bool:
    """Whether the caller of the query this thread runs has stopped waiting for it."""
    event = getattr(_job, "abandoned", None)
    return event is not None and event.is_set()


class Sink:
    """Where the engine writes an answer (``result.serialize(sink, format)``): the bytes, and the end
    of the writing (:class:`QueryTimeout`) once the query's caller stopped waiting for it. The engine
    cannot be stopped while it computes, but it writes a streamed answer (``SELECT *`` over a cross
    join) as it goes: left to run past its time limit, such a query went on for ever, growing by
    ~35 MB/s in ``kg serve``, after its caller had its 503."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        if abandoned():
            raise QueryTimeout("the query's caller stopped waiting for it")
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self._parts)


def rows(items: Iterable[T]) -> Iterator[T]:
    """``items`` (a query's solutions or triples, read one by one), ended as :class:`Sink` ends."""
    for i, item in enumerate(items):
        if not i % 1024 and abandoned():
            raise QueryTimeout("the query's caller stopped waiting for it")
        yield item


#: Workers waiting for a query; one that a caller stopped waiting for comes back when its query ends.
_IDLE: list[_Worker] = []
_LOCK = threading.Lock()
# a forked child has none of the parent's threads: its idle list must not hand it a dead worker
os.register_at_fork(after_in_child=_IDLE.clear)


def bounded(run: Callable[[], T], timeout: float | None = None) -> T:
    """``run()`` in a worker thread; :class:`QueryTimeout` after ``timeout`` seconds (None: the default,
    0 or less: no limit). Ctrl-C stops the wait at once. A query the caller stopped waiting for keeps
    its (daemon) worker until the engine finishes computing or, writing its answer to a :class:`Sink`
    or reading it through :func:`rows`, at once; the next query gets another worker."""
    limit = _limit(timeout)
    with _LOCK:
        worker = _IDLE.pop() if _IDLE else None
    if worker is None:
        worker = _Worker()
    box: dict[str, object] = {}
    done, gone = threading.Event(), threading.Event()
    worker.jobs.put((run, box, done, gone))
    try:
        finished = done.wait(limit or None)  # (0: no limit)
    except BaseException:  # Ctrl-C
        gone.set()
        raise
    if not finished:
        gone.set()  # (its answer, written as it streams, stops there: see Sink)
        raise QueryTimeout(f"the query was stopped after {limit:g} s (raise the limit with --timeout or timeout=)")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
