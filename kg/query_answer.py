"""A query's answer as Python values: :class:`Answer` (columns and rows, no pandas needed) and
how the engine's RDF terms become values (str, int, Decimal, date, :class:`kg.frame.PartialDate`).

A SELECT answer is read by column (:mod:`kg.solutions`): each distinct term
made and converted once, not once per cell (:func:`_parts_converter`).
:func:`kg.frame.typed_frame` turns an :class:`Answer` into a typed DataFrame.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kg.frame import _PARTIAL_DATES, PartialDate
from kg.prefixes import PREFIX_IRIS

if TYPE_CHECKING:
    import rdflib

_XSD = PREFIX_IRIS["xsd"]


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

    It has what :func:`kg.tables.format_table` reads of a DataFrame (``columns``,
    ``itertuples``), so ``kg query`` prints without importing pandas;
    :func:`kg.query.run_query` turns it into a DataFrame.
    """

    def __init__(self, columns: list[str], rows: list[list[Any]] | None = None,
                 by_column: list[list[Any]] | None = None) -> None:
        self.columns = columns
        self._rows = rows if rows is not None or by_column is not None else []
        self._by_column = by_column  # the same values by column (kg.solutions reads them so)
        #: the parameters that named no entity, as (parameter, name): the reason an answer may be empty
        self.unknown: list[tuple[str, str]] = []

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


def _answer_rdflib(result: rdflib.query.Result) -> Answer:
    """The answer of rdflib's engine (a graph not over Oxigraph), converted by :func:`to_python`."""
    if result.type == "ASK":
        return Answer(["answer"], [[bool(result.askAnswer)]])
    if result.type == "CONSTRUCT":
        rows = [[to_python(s), to_python(p), to_python(o)] for s, p, o in result.graph]
        return Answer(["subject", "predicate", "object"], rows)
    return Answer([str(v) for v in result.vars or []], [[to_python(b.get(v)) for v in result.vars] for b in result.bindings])
