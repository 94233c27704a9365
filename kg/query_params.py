"""Parameters bound into a query safely: checked against the query's header, names folded,
values written as RDF terms by pyoxigraph, placed in a ``VALUES`` block.

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
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kg.library import QueryError, QueryInfo
from kg.names import AmbiguousEntity, Candidate, unbracketed
from kg.prefixes import PREFIX_IRIS

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_XSD = PREFIX_IRIS["xsd"]


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


def fold(store: Any, params: dict[str, Any], unknown: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """:func:`kg.param_names.fold_names` (names folded, ambiguous ones refused, unknown ones
    added to ``unknown``); a store that cannot answer is a :class:`QueryError`."""
    if not params:
        return params
    from kg.param_names import fold_names

    try:
        return fold_names(store, params, unknown)
    except QueryError:
        raise
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from None



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
    text = unbracketed(text)
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


def where_clause(text: str) -> re.Match[str] | None:
    """The query's own ``WHERE {``, where a VALUES block goes: not one inside a string, an IRI or a
    comment (the text is read as SPARQL's lexer reads it, :func:`kg.guard.blanked`)."""
    from kg.guard import blanked

    return _WHERE.search(blanked(text))


def number_or_text(value: str) -> int | str:
    """A parameter value given as text (``-p n=5``, ``?n=5``): an int when it is ASCII digits, else the
    text (``'²'.isdigit()`` is true too, and ``int('²')`` fails)."""
    return int(value) if value.isascii() and value.isdigit() else value


def bind_values(text: str, params: Mapping[str, Any]) -> str:
    """``text`` with ``VALUES (?p …) { (v …) }`` first in its outermost WHERE group."""
    if not params:
        return text
    m = where_clause(text)
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
