"""Running SPARQL: a named query (:mod:`kg.library`), a ``.rq`` file or inline text,
with parameters bound safely, answered as rows (:class:`Answer`) or a typed
DataFrame (:mod:`kg.frame`); :mod:`kg.tables` prints them.

Parameters are bound by a ``VALUES`` block placed first in the outermost
``WHERE`` group (:func:`bind_values`): the engine starts from the bound value,
so a card for one entity reads that entity's triples, not the whole graph.
Each value is serialised as an RDF term by pyoxigraph (quotes escaped, IRIs
validated), so no parameter can change the query. ``# required: a|b`` in the
header names parameters of which at least one must be given.

A name given as a parameter is folded as :mod:`kg.analyse.lookup` folds it
(Traditional→Simplified, full width, quotes and spaces): ``person=馮玉川``
binds 冯玉川 when that is the name in the graph (:mod:`kg.param_names`). A
name of several entities is refused with :class:`AmbiguousParameter`, which
lists them, rather than answered for one or all of them silently.

A query's trailing ``ORDER BY`` is applied in Python when :mod:`kg.order` can
order the engine's terms exactly as SPARQL does (Oxigraph re-evaluates the
sort keys on every comparison: most of the time of a large answer). A SELECT
answer is read by column (:mod:`kg.solutions`): each distinct term made and
converted once, not once per cell.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kg import order as _order
from kg import solutions as _solutions
from kg.frame import _PARTIAL_DATES, PartialDate, typed_frame
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
from kg.names import AmbiguousEntity, Candidate
from kg.prefixes import PREFIX_IRIS
from kg.tables import TABLE_FORMATS, _jsonable, format_table  # noqa: F401 - re-exported

if TYPE_CHECKING:
    import pandas as pd
    import rdflib

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_ERROR_AT = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def to_python(term: Any) -> Any:
    """A readable Python value: str for IRIs and text, int/Decimal for numbers, date for xsd:date."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        if term.language or term.datatype in (None, XSD.string):
            return str(term)
        if term.datatype in (XSD.gYear, XSD.gYearMonth):
            return PartialDate(term)
        value = term.toPython()
        if isinstance(value, Literal):
            return str(term)
        return value
    return str(term)


def _check_params(info: QueryInfo | None, params: Mapping[str, Any]) -> None:
    if info is not None and info.required and not any(params.get(p) not in (None, "") for p in info.required):
        raise QueryError(f"query {info.name!r} needs {' or '.join(info.required)} (e.g. -p {info.required[0]}=…)")
    if info is None or not params:
        return
    allowed = {p for p, _ in info.params}
    unknown = sorted(set(params) - allowed)
    if unknown:
        names = ", ".join(sorted(allowed)) or "none"
        raise QueryError(f"query {info.name!r} has no parameter {', '.join(unknown)} (parameters: {names})")


class AmbiguousParameter(QueryError, AmbiguousEntity):
    """A parameter value that names several entities; ``candidates`` lists them (type, article count)."""

    def __init__(self, param: str, value: str, candidates: list[Candidate]) -> None:
        AmbiguousEntity.__init__(self, value, candidates)
        self.param, self.line, self.column = param, None, None


def fold(store: Any, params: dict[str, Any]) -> dict[str, Any]:
    """:func:`kg.param_names.fold_names` (names folded, ambiguous ones refused); a store that
    cannot answer is a :class:`QueryError`."""
    if not params:
        return params
    from kg.param_names import fold_names

    try:
        return fold_names(store, params)
    except QueryError:
        raise
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from None


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


_XSD_OF = ((bool, "boolean"), (int, "integer"), (Decimal, "decimal"), (float, "double"), (datetime, "dateTime"), (date, "date"))


def ox_term(value: Any) -> Any:
    """A Python parameter value as a pyoxigraph term.

    rdflib and pyoxigraph terms are kept; strings that look like IRIs (or
    ``prefix:local`` with a known prefix) are IRIs; strings with Chinese
    characters are ``@zh`` literals, since every Chinese text in the graph is
    tagged ``@zh``; other values get their XSD type.
    """
    import pyoxigraph as ox

    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if hasattr(value, "n3") and hasattr(value, "toPython"):  # an rdflib term
        if getattr(value, "language", None):
            return ox.Literal(str(value), language=value.language)
        if getattr(value, "datatype", None):
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.NamedNode(str(value)) if type(value).__name__ == "URIRef" else ox.Literal(str(value))
    for kind, xsd in _XSD_OF:
        if isinstance(value, kind):
            text = ("true" if value else "false") if kind is bool else (value.isoformat() if kind in (date, datetime) else str(value))
            return ox.Literal(text, datatype=ox.NamedNode(_XSD + xsd))
    text = str(value)
    if re.match(r"^(https?|urn|file):", text):
        return ox.NamedNode(text)
    m = re.match(r"^([a-z]+):(\S+)$", text)
    if m and m.group(1) in PREFIX_IRIS:
        return ox.NamedNode(PREFIX_IRIS[m.group(1)] + m.group(2))
    if _CJK.search(text):
        return ox.Literal(text, language="zh")
    return ox.Literal(text)


def sparql_term(value: Any) -> str:
    """``value`` (see :func:`ox_term`) written as a SPARQL term, escaped by pyoxigraph."""
    try:
        return str(ox_term(value))
    except ValueError as exc:
        raise QueryError(f"bad parameter value {value!r}: {exc}") from None


def bind_values(text: str, params: Mapping[str, Any]) -> str:
    """``text`` with ``VALUES (?p …) { (v …) }`` first in its outermost WHERE group."""
    if not params:
        return text
    m = _WHERE.search(_strip_comments(text))
    if m is None:
        raise QueryError("parameters need a query with a WHERE clause")
    names = sorted(params)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"bad parameter name {name!r}")
    values = "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(sparql_term(params[n]) for n in names) + ") }"
    return text[: m.end()] + " " + values + " " + text[m.end():]  # same line: error lines stay right


def _strip_comments(text: str) -> str:
    """``text`` with ``#`` comments blanked (same length), so offsets still point into ``text``."""
    out = []
    for line in text.split("\n"):
        cut = _comment_start(line)
        out.append(line if cut is None else line[:cut] + " " * (len(line) - cut))
    return "\n".join(out)


def _comment_start(line: str) -> int | None:
    """Where a ``#`` comment starts in one line of SPARQL (not inside a string or an IRI)."""
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch in "\"'":
            i += 1
            while i < n and line[i] != ch:
                i += 2 if line[i] == "\\" else 1
        elif ch == "<":
            end = line.find(">", i)
            if end > 0 and not re.search(r"\s", line[i:end]):
                i = end
        elif ch == "#":
            return i
        i += 1
    return None


def sparql(dataset: rdflib.Dataset, query: str, params: Mapping[str, Any] | None = None,
           folders: Iterable[str | os.PathLike[str]] = ()) -> rdflib.query.Result:
    """Run a query (name, .rq path or SPARQL text) with ``params`` bound by :func:`bind_values`;
    ``folders``: the user's query folders (see :func:`query_folders`)."""
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
    try:
        return dataset.query(text)
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


_XSD = "http://www.w3.org/2001/XMLSchema#"


def _parse_boolean(text: str) -> bool:
    return text in ("true", "1")


def _parse_datetime(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


#: How a literal of each XSD datatype becomes a Python value (other literals stay text).
_FROM_XSD: dict[str, Any] = {
    _XSD + "integer": int, _XSD + "int": int, _XSD + "long": int, _XSD + "nonNegativeInteger": int,
    _XSD + "decimal": Decimal, _XSD + "double": float, _XSD + "float": float, _XSD + "boolean": _parse_boolean,
    _XSD + "date": date.fromisoformat, _XSD + "dateTime": _parse_datetime,
    **{dt: PartialDate for dt in _PARTIAL_DATES},  # xsd:gYear, xsd:gYearMonth: as precise as stated
}


def _term_converter() -> Any:
    """A function making a pyoxigraph term the Python value :func:`to_python` gives for the rdflib term.

    It runs once per cell of every answer (the API's cost over raw pyoxigraph
    is mostly this loop), so it does as little as it can: one type test, and
    for literals one datatype lookup."""
    import pyoxigraph as ox

    literal, from_xsd = ox.Literal, _FROM_XSD

    def convert(term: Any) -> Any:
        if term is None:
            return None
        if type(term) is literal:
            parse = from_xsd.get(term.datatype.value)
            if parse is None:
                return term.value
            try:
                return parse(term.value)
            except ValueError:
                return term.value
        return term.value

    return convert


def _parts_converter() -> Any:
    """:func:`_term_converter` for a term given as its parts (:data:`kg.solutions.Parts`): what
    :meth:`kg.solutions.Columns.values` applies to each distinct cell, with no term object made."""
    from_xsd = _FROM_XSD

    def convert(parts: Any) -> Any:
        if parts is None:
            return None
        kind, value, _, datatype = parts
        if kind == "literal":
            parse = from_xsd.get(datatype)
            if parse is not None:
                try:
                    return parse(value)
                except ValueError:
                    return value
        return value

    return convert


def _cached(convert: Any) -> Any:
    """``convert`` remembering each distinct term: an answer repeats its names and IRIs in many
    rows (160k rows of ``firm_initiative_links`` hold a few thousand distinct terms), and a
    dictionary lookup costs a fraction of a conversion."""
    cache: dict[Any, Any] = {}

    def convert_once(term: Any) -> Any:
        try:
            return cache[term]
        except KeyError:
            value = cache[term] = convert(term)
            return value

    return convert_once


class Answer:
    """A query's answer as columns and rows of Python values (no pandas needed).

    It has what :func:`format_table` reads of a DataFrame (``columns``,
    ``itertuples``), so ``kg query`` prints without importing pandas;
    :func:`run_query` turns it into a DataFrame.
    """

    def __init__(self, columns: list[str], rows: list[list[Any]] | None = None,
                 by_column: list[list[Any]] | None = None) -> None:
        self.columns = columns
        self._rows = rows if rows is not None or by_column is not None else []
        self._by_column = by_column  # the same values by column (kg.solutions reads them so)

    @property
    def rows(self) -> list[list[Any]]:
        """The rows, as lists of values (made from the columns on first use)."""
        if self._rows is None:
            self._rows = list(map(list, zip(*self._by_column))) if self._by_column else []
        return self._rows

    @rows.setter
    def rows(self, rows: list[list[Any]]) -> None:
        self._rows, self._by_column = rows, None

    def column(self, i: int) -> list[Any]:
        """The values of column ``i`` (what :func:`kg.frame.typed_frame` reads: no rows made for it)."""
        if self._by_column is not None:
            return self._by_column[i]
        return [row[i] for row in self.rows]

    def __len__(self) -> int:
        if self._rows is None and self._by_column:
            return len(self._by_column[0])
        return len(self.rows)

    def itertuples(self, index: bool = False, name: str | None = None) -> Any:
        return iter(tuple(r) for r in self.rows)


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
    text = bind_values(text, fold(inner, params))
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
            rows = [[convert(t.subject), convert(t.predicate), convert(t.object)] for t in result]
            return Answer(["subject", "predicate", "object"], rows)
        cols = [v.value for v in result.variables]
        table = _solutions.read(result, cols)  # by column: each distinct cell converted once
        if table is not None:
            return Answer(cols, by_column=table.values(_parts_converter()))
        convert = _cached(_term_converter())
        return Answer(cols, [[convert(term) for term in solution] for solution in result])

    try:
        if unsafe is not None:
            raise QueryError(unsafe)
        return guard.bounded(run, timeout)
    except (guard.UnsafeQuery, guard.QueryTimeout) as exc:
        raise QueryError(str(exc)) from None
    except SyntaxError as exc:
        raise _syntax_error(exc) from None
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def run_query(dataset: Any, query: str, params: Mapping[str, Any] | None = None, timeout: float | None = None,
              folders: Iterable[str | os.PathLike[str]] = ()) -> pd.DataFrame:
    """Run a SELECT (or ASK/CONSTRUCT) query; the answer as a typed DataFrame (see :func:`typed_frame`)."""
    return typed_frame(answer(dataset, query, params, timeout, folders))


def _answer_rdflib(result: rdflib.query.Result) -> Answer:
    if result.type == "ASK":
        return Answer(["answer"], [[bool(result.askAnswer)]])
    if result.type == "CONSTRUCT":
        rows = [[to_python(s), to_python(p), to_python(o)] for s, p, o in result.graph]
        return Answer(["subject", "predicate", "object"], rows)
    return Answer([str(v) for v in result.vars or []], [[to_python(b.get(v)) for v in result.vars] for b in result.bindings])


