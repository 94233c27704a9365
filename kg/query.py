"""Running SPARQL: a named query (:mod:`kg.library`), a ``.rq`` file or inline text,
with parameters bound safely (:mod:`kg.query_params`), answered as rows
(:class:`kg.query_answer.Answer`) or a typed DataFrame (:mod:`kg.frame`);
:mod:`kg.tables` prints them.

Queries run read-only and bounded in time (:mod:`kg.guard`); an engine's
error is a :class:`QueryError` that says where the text is wrong.

A query's trailing ``ORDER BY`` is applied in Python when :mod:`kg.order` can
order the engine's terms exactly as SPARQL does (Oxigraph re-evaluates the
sort keys on every comparison: most of the time of a large answer). A SELECT
answer is read by column (:mod:`kg.solutions`): each distinct term made and
converted once, not once per cell.

The names of :mod:`kg.library`, :mod:`kg.query_params`, :mod:`kg.query_answer`
and :mod:`kg.tables` that callers use are re-exported here.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from kg import order as _order
from kg import solutions as _solutions
from kg.frame import PartialDate, typed_frame  # noqa: F401 - PartialDate re-exported
from kg.library import (  # noqa: F401 - re-exported: kg.query is where callers find them
    QUERIES_DIR,
    QUERIES_ENV,
    QueryError,
    QueryInfo,
    _folders,
    _named,
    list_queries,
    load_query,
    parse_header,
    query_folders,
    query_info,
    resolve_query,
)
from kg.prefixes import PREFIX_IRIS
from kg.query_answer import (  # noqa: F401 - Answer and to_python re-exported; the converters for tests
    Answer,
    _answer_rdflib,
    _cached,
    _parts_converter,
    _term_converter,
    to_python,
)
from kg.query_params import (  # noqa: F401 - re-exported: the binding API, and _strip_comments for tests
    AmbiguousParameter,
    _check_params,
    _strip_comments,
    bind_values,
    fold,
    ox_term,
    sparql_term,
)
from kg.tables import TABLE_FORMATS, _jsonable, format_table  # noqa: F401 - re-exported

if TYPE_CHECKING:
    import pandas as pd
    import rdflib

_ERROR_AT = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def _syntax_error(exc: BaseException) -> QueryError:
    text = str(exc)
    m = _ERROR_AT.search(text)
    if not m:
        return QueryError(f"malformed SPARQL: {text.strip()}")
    line, col, msg = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    if len(msg) > 120:  # the parser lists every token it would accept; keep the first few
        cut = msg.rfind(", ", 0, 110)
        msg = (msg[:cut] if cut > 0 else msg[:110]) + ", …"
    return QueryError(f"malformed SPARQL at line {line}, column {col}: {msg}", line, col)



def sparql(dataset: rdflib.Dataset, query: str, params: Mapping[str, Any] | None = None,
           folders: Iterable[str | os.PathLike[str]] = (), timeout: float | None = None) -> rdflib.query.Result:
    """Run a query (name, .rq path or SPARQL text) with ``params`` bound by :func:`bind_values`;
    ``folders``: the user's query folders (see :func:`query_folders`). Bounded as :func:`answer`
    (``timeout``): the answer is read whole in the query's thread, so that the limit holds."""
    text, info = resolve_query(query, extra=folders)
    params = {k: v for k, v in dict(params or {}).items() if v is not None}
    _check_params(info, params)
    inner = _store_of(dataset)
    text = bind_values(text, fold(inner, params) if inner is not None else params)
    from kg import guard

    try:
        guard.check(text)
    except guard.UnsafeQuery as exc:
        raise QueryError(str(exc)) from None

    def run() -> rdflib.query.Result:
        result = dataset.query(text)
        if result.type == "SELECT":
            result.bindings  # noqa: B018 - read whole here, not later outside the limit
        return result

    try:
        return guard.bounded(run, timeout)
    except guard.QueryTimeout as exc:
        raise QueryError(str(exc)) from None
    except SyntaxError as exc:
        raise _syntax_error(exc) from None
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def _store_of(dataset: Any) -> Any:
    """The store to query: a ``pyoxigraph.Store`` or :class:`kg.remote.RemoteStore` as given, or the
    pyoxigraph store behind an rdflib Dataset over Oxigraph (None for other graphs)."""
    import pyoxigraph as ox

    if isinstance(dataset, ox.Store) or type(dataset).__name__ == "RemoteStore":  # no import of kg.remote here
        return dataset
    inner = getattr(getattr(dataset, "store", None), "_inner", None)
    return inner if isinstance(inner, ox.Store) else None



@functools.lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[_order.Order | None, str | None]:
    """What :func:`answer` reads off a query's text before running it: the plan of its trailing
    ``ORDER BY`` (:func:`kg.order.plan`) and why the text is refused (:func:`kg.guard.check`;
    None: it is not). Kept per text: a named query's text is the same at every call, and
    reading it again cost ~1 ms of a 20-30 ms answer (``investment_by_park`` in memory at 1M triples)."""
    from kg import guard

    try:
        guard.check(text)
        problem = None
    except guard.UnsafeQuery as exc:
        problem = str(exc)
    return _order.plan(text, _strip_comments(text)), problem


def answer(dataset: Any, query: str, params: Mapping[str, Any] | None = None, timeout: float | None = None,
           folders: Iterable[str | os.PathLike[str]] = ()) -> Answer:
    """Run a SELECT (or ASK/CONSTRUCT) query; columns and rows of Python values.

    On an Oxigraph-backed dataset the query goes straight to pyoxigraph (no
    rdflib term conversion), over the store's real default graph: facts there,
    provenance in named graphs (each fact's statement in ``cyr:graph/statements``,
    the sentences stating it in the article graphs: ``GRAPH ?a { ?sn cy:states ?st }``). Updates and
    ``SERVICE`` are refused, and the query stops after ``timeout`` seconds
    (default :data:`kg.guard.DEFAULT_TIMEOUT`) with a :class:`QueryError`.
    """
    import pyoxigraph as ox

    from kg import guard

    inner = _store_of(dataset)
    if inner is None:
        return _answer_rdflib(sparql(dataset, query, params, folders))
    text, info = resolve_query(query, extra=folders)
    params = {k: v for k, v in dict(params or {}).items() if v is not None}
    _check_params(info, params)
    unknown: list[tuple[str, str]] = []
    text = bind_values(text, fold(inner, params, unknown))
    ordered, unsafe = _prepared(text)

    def run() -> Answer:
        if ordered is not None:  # sort in Python: far cheaper than the engine's ORDER BY (see kg.order)
            result = inner.query(ordered.text, prefixes=PREFIX_IRIS)
            if isinstance(result, ox.QuerySolutions):
                cols = [v.value for v in result.variables]
                table = _solutions.read(result, cols)
                order = ordered.permutation(cols, table.cells, table.parts) if table is not None else None
                if table is not None and order is not None:
                    return Answer(cols, by_column=table.values(_parts_converter(), order))
        result = inner.query(text, prefixes=PREFIX_IRIS)
        if isinstance(result, ox.QueryBoolean):
            return Answer(["answer"], [[bool(result)]])
        if isinstance(result, (ox.QueryTriples, list)):  # a list: CONSTRUCT from a remote store
            convert = _term_converter()
            rows = [[convert(t.subject), convert(t.predicate), convert(t.object)] for t in guard.rows(result)]
            return Answer(["subject", "predicate", "object"], rows)
        cols = [v.value for v in result.variables]
        table = _solutions.read(result, cols)  # by column: each distinct cell converted once
        if table is not None:
            return Answer(cols, by_column=table.values(_parts_converter()))
        convert = _cached(_term_converter())
        return Answer(cols, [[convert(term) for term in solution] for solution in guard.rows(result)])

    try:
        if unsafe is not None:
            raise QueryError(unsafe)
        found = guard.bounded(run, timeout)
        found.unknown = unknown
        return found
    except (guard.UnsafeQuery, guard.QueryTimeout) as exc:
        raise QueryError(str(exc)) from None
    except SyntaxError as exc:
        raise _syntax_error(exc) from None
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def run_query(dataset: Any, query: str, params: Mapping[str, Any] | None = None, timeout: float | None = None,
              folders: Iterable[str | os.PathLike[str]] = ()) -> pd.DataFrame:
    """Run a SELECT (or ASK/CONSTRUCT) query; the answer as a typed DataFrame (see :func:`typed_frame`);
    ``attrs["unknown_names"]``: the parameters that named no entity, as (parameter, name)."""
    found = answer(dataset, query, params, timeout, folders)
    frame = typed_frame(found)
    frame.attrs["unknown_names"] = list(getattr(found, "unknown", []))
    return frame


def counts(store: Any) -> dict[str, Any]:
    """A store's counts for a short summary (:meth:`kg.api.KnowledgeGraph.summary`): articles,
    entities per class, distinct relation facts and triples."""
    from kg.model import RELATION_PROPERTIES

    types = run_query(store,
        "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t ; rdfs:label ?l . "
        'FILTER(STRSTARTS(STR(?e), "https://w3id.org/chanye/id/") && STRSTARTS(STR(?t), STR(cy:))) '
        'BIND(STRAFTER(STR(?t), "#") AS ?type) } GROUP BY ?type ORDER BY ?type'
    )
    props = ", ".join(f"cy:{p}" for p in RELATION_PROPERTIES)
    rel = run_query(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(?p IN ({props})) }} }}")
    arts = run_query(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a cy:NewsArticle }")
    return {
        "articles": int(arts["n"][0]),
        "entities": {str(t): int(n) for t, n in zip(types["type"], types["n"])},
        "relations": int(rel["n"][0]),
        "triples": len(store),
    }
