"""A SELECT answer read as columns of Python values, each distinct term made and converted once.

Why: turning an answer of 160k rows into Python values one cell at a time
(a pyoxigraph term object per cell, then a dictionary lookup per cell to
convert and rank it) cost more than the engine's own work on the large
named answers. Here the engine writes the whole answer as SPARQL TSV in
Rust (one term per cell, in Turtle syntax, escapes included), Python splits
it into columns with ``str.split`` and slicing, and only the *distinct* cell
texts of each column (a few thousand) become pyoxigraph terms (from their
parts, or one Turtle parse for those with escapes or bare numbers) and Python
values. The terms are the ones iterating
the solutions gives: the same text is the same term. The first rows are read
as terms all the same (:data:`HEAD`): for an answer of a few rows, or of a few
long cells, that costs less than writing and parsing text.

:func:`read` returns the columns of terms and of values; :mod:`kg.order`
orders rows by the distinct terms of a column (:meth:`kg.order.Order.permutation`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from typing import Any

import pyoxigraph as ox


@dataclass
class Columns:
    """An answer by column: the cells of each column, the term of each distinct cell (a cell is
    a number standing for a term, or the TSV text of one: equal terms may come as two cells,
    which sort and convert alike)."""

    names: list[str]
    cells: list[list[Any]]  # per column, each row's cell: the number of its distinct term (rows read as terms), or its TSV text ("": unbound)
    terms: list[dict[Any, Any]]  # per column: cell -> pyoxigraph term (None when unbound)

    def __len__(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    def values(self, convert: Callable[[Any], Any], order: list[int] | None = None) -> list[list[Any]]:
        """The columns as lists of Python values (``convert`` applied once per distinct term),
        their rows in ``order`` (row numbers) when given."""
        out = []
        for cells, terms in zip(self.cells, self.terms):
            values = {text: convert(term) for text, term in terms.items()}
            column = list(map(values.__getitem__, cells))
            if order is not None and len(order) > 1:
                column = list(itemgetter(*order)(column))
            out.append(column)
        return out

    def rows(self, convert: Callable[[Any], Any], order: list[int] | None = None) -> list[list[Any]]:
        """:meth:`values` as rows."""
        return list(map(list, zip(*self.values(convert, order))))


#: Solutions read as terms before the rest is read as TSV: an answer of fewer rows is read
#: whole as terms, which costs less when its cells are few or long (``brokers``: 1,381 rows
#: holding 8 MB of labels).
HEAD = 2048


def read(result: Any, names: list[str]) -> Columns | None:
    """``result`` (pyoxigraph ``QuerySolutions`` with variables ``names``) as :class:`Columns`;
    ``None`` when it has no variables (the caller reads it as usual). The first :data:`HEAD`
    rows are read as terms (a cell is then the number of its distinct term); the rest, if any, as TSV."""
    if not names:
        return None
    n = len(names)
    head = list(islice(result, HEAD))
    cells: list[list[Any]] = []
    terms: list[dict[Any, Any]] = []
    for column in zip(*head) if head else [() for _ in names]:
        # a head cell is the number of its distinct term (an int: no TSV text is one), so each
        # term is hashed once here, not again by every later lookup (a term's hash reads its
        # whole text: brokers' 2,005 rows hold 15 MB of labels, 125 distinct event lists)
        number: dict[Any, int] = {}
        cells.append([number.setdefault(term, len(number)) for term in column])
        terms.append({i: term for term, i in number.items()})
    if len(head) < HEAD:
        return Columns(names, cells, terms)
    data = result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
    body = data[data.index("\n") + 1:] if "\n" in data else ""  # the first line names the variables
    if not body:
        return Columns(names, cells, terms)
    flat = body.replace("\n", "\t").split("\t")  # TSV escapes tabs and newlines inside terms
    rows = (len(flat) - 1) // n  # the body ends with a newline: one empty string after the last cell
    if rows * n + 1 != len(flat):
        raise ValueError(f"unexpected TSV answer: {len(flat) - 1} cells for {n} columns")
    rest = [flat[j: rows * n: n] for j in range(n)]
    distinct = [dict.fromkeys(column) for column in rest]
    parsed = _terms({text for column in distinct for text in column})
    for j in range(n):
        cells[j] += rest[j]
        terms[j].update((text, parsed[text]) for text in distinct[j])
    return Columns(names, cells, terms)


def _terms(texts: set[str]) -> dict[str, Any]:
    """The pyoxigraph term of each TSV cell text: IRIs and blank nodes as written, a literal
    with no escape in it (``"…"``, ``"…"@lang``, ``"…"^^<dt>``) from its parts, the other
    literals by one Turtle parse of them all (numbers and booleans may be written bare)."""
    out: dict[str, Any] = {}
    literals = []
    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    for text in texts:
        if not text:
            out[text] = None  # unbound
        elif text[0] == "<" and text[-1] == ">":
            out[text] = named(text[1:-1])
        elif text[0] == '"' and "\\" not in text:
            end = text.rindex('"')
            value, suffix = text[1:end], text[end + 1:]
            if not suffix:
                out[text] = literal(value)
            elif suffix[0] == "@":
                out[text] = literal(value, language=suffix[1:])
            elif suffix[:3] == "^^<" and suffix[-1] == ">":
                out[text] = literal(value, datatype=named(suffix[3:-1]))
            else:
                literals.append(text)
        elif text.startswith("_:"):
            out[text] = blank(text[2:])
        else:
            literals.append(text)
    if literals:
        doc = "".join(f"<urn:kg:{i}> <urn:kg:v> {text} .\n" for i, text in enumerate(literals))
        for quad in ox.parse(doc.encode("utf-8"), format=ox.RdfFormat.TURTLE):
            out[literals[int(quad.subject.value[7:])]] = quad.object
        if len(out) != len(texts):
            raise ValueError("unexpected TSV answer: a term could not be read")
    return out
