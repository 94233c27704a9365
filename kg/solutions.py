"""A SELECT answer read as columns of Python values, each distinct cell read once, with no term objects.

Why: turning an answer into Python values one cell at a time (a pyoxigraph
term object per cell, then a dictionary lookup per cell to convert and rank
it) cost more than the engine's own work on the large named answers; and
even one pyoxigraph term per *distinct* cell cost about 3 us to make (its
language tag or datatype IRI validated again) and as much again to read back
(``value``, ``language``, ``datatype.value``: each a new Python object), which
for ``brokers`` (2,005 rows, 3,880 distinct cells at 1M triples) was half of
the API's time over raw pyoxigraph. So the engine writes the whole answer as
SPARQL TSV in Rust (one term per cell, in Turtle syntax, escapes included),
Python splits it into columns with ``str.split`` and slicing, and each
*distinct* cell text is read into its :data:`Parts` (kind, value, language,
datatype) by slicing the text: IRIs, blank nodes, literals without escapes,
bare integers. The rest (a literal with an escape, a bare decimal, double or
boolean) is read by one Turtle parse of them all. The parts are what
iterating the solutions gives: :func:`term` makes the pyoxigraph term of
parts, and :attr:`Columns.terms` gives them all (tests compare them).

:func:`read` returns the columns; :mod:`kg.order` orders rows by the parts of
a column (:meth:`kg.order.Order.permutation`), and :meth:`Columns.values`
converts each distinct cell once (:func:`kg.query_answer._parts_converter`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import Any

import pyoxigraph as ox

from kg.guard import Sink

#: A term as its parts: (kind, value, language, datatype IRI). kind is "iri", "blank" or
#: "literal"; language is None but for a tagged string; datatype is None but for a literal
#: (``rdf:langString`` for a tagged one). An unbound cell has no parts (None).
Parts = tuple[str, str, str | None, str | None]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING, _INTEGER = _XSD + "string", _XSD + "integer"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass
class Columns:
    """An answer by column: each row's cell (its TSV text, "" when unbound), and the parts of each
    distinct cell (equal terms written alike are one cell)."""

    names: list[str]
    cells: list[list[str]]  # per column, each row's TSV text ("": unbound)
    parts: list[dict[str, Parts | None]]  # per column: cell -> its parts (None when unbound)

    def __len__(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    @property
    def terms(self) -> list[dict[str, Any]]:
        """Per column: cell -> its pyoxigraph term (None when unbound), made now (the API reads parts)."""
        return [{cell: term(p) for cell, p in column.items()} for column in self.parts]

    def values(self, convert: Callable[[Parts | None], Any], order: list[int] | None = None) -> list[list[Any]]:
        """The columns as lists of Python values (``convert`` applied once per distinct cell, to
        its parts), their rows in ``order`` (row numbers) when given."""
        out = []
        for cells, parts in zip(self.cells, self.parts):
            values = {text: convert(p) for text, p in parts.items()}
            column = list(map(values.__getitem__, cells))
            if order is not None and len(order) > 1:
                column = list(itemgetter(*order)(column))
            out.append(column)
        return out

    def rows(self, convert: Callable[[Parts | None], Any], order: list[int] | None = None) -> list[list[Any]]:
        """:meth:`values` as rows."""
        return list(map(list, zip(*self.values(convert, order))))


def read(result: Any, names: list[str]) -> Columns | None:
    """``result`` (pyoxigraph ``QuerySolutions`` with variables ``names``) as :class:`Columns`;
    ``None`` when it has no variables (the caller reads it as usual)."""
    if not names:
        return None
    n = len(names)
    sink = Sink()  # (the answer stops there once its caller stopped waiting: see kg.guard.Sink)
    result.serialize(sink, format=ox.QueryResultsFormat.TSV)
    data = sink.getvalue().decode("utf-8")
    body = data[data.index("\n") + 1:] if "\n" in data else ""  # the first line names the variables
    if not body:
        return Columns(names, [[] for _ in names], [{} for _ in names])
    flat = body.replace("\n", "\t").split("\t")  # TSV escapes tabs and newlines inside terms
    rows = (len(flat) - 1) // n  # the body ends with a newline: one empty string after the last cell
    if rows * n + 1 != len(flat):
        raise ValueError(f"unexpected TSV answer: {len(flat) - 1} cells for {n} columns")
    cells = [flat[j: rows * n: n] for j in range(n)]
    return Columns(names, cells, [_parts(dict.fromkeys(column)) for column in cells])


def _parts(out: dict[str, Any]) -> dict[str, Parts | None]:
    """``out`` (its keys: TSV cell texts) with the parts of each text as its value: IRIs, blank
    nodes, bare integers and literals with no escape in them (``"…"``, ``"…"@lang``, ``"…"^^<dt>``)
    by slicing the text, the other literals by one Turtle parse of them all (a number or boolean
    may be written bare). A column of literals of one language or datatype (the usual column:
    labels, dates, amounts) is read by :func:`_one_kind`, in a few passes over the whole column."""
    texts = [text for text in out if text]  # "": unbound
    if "" in out:
        out[""] = None
    if _one_kind(out, texts):
        return out
    literals = []
    for text in texts:
        if not text:
            out[text] = None  # unbound
        elif text[0] == '"' and "\\" not in text:
            end = text.rindex('"')
            value, suffix = text[1:end], text[end + 1:]
            if not suffix:
                out[text] = ("literal", value, None, _STRING)
            elif suffix[0] == "@":
                out[text] = ("literal", value, suffix[1:], _LANG_STRING)
            elif suffix[:3] == "^^<" and suffix[-1] == ">":
                out[text] = ("literal", value, None, suffix[3:-1])
            else:
                literals.append(text)
        elif text[0] == "<" and text[-1] == ">":
            out[text] = ("iri", text[1:-1], None, None)
        elif text.startswith("_:"):
            out[text] = ("blank", text[2:], None, None)
        elif text.isascii() and (text.isdigit() or (text[0] == "-" and text[1:].isdigit())):
            out[text] = ("literal", text, None, _INTEGER)  # as the engine writes an xsd:integer
        else:
            literals.append(text)
    if literals:
        doc = "".join(f"<urn:kg:{i}> <urn:kg:v> {text} .\n" for i, text in enumerate(literals))
        found = 0
        for quad in ox.parse(doc.encode("utf-8"), format=ox.RdfFormat.TURTLE):
            out[literals[int(quad.subject.value[7:])]] = parts_of(quad.object)
            found += 1
        if found != len(literals):
            raise ValueError("unexpected TSV answer: a term could not be read")
    return out


def _one_kind(out: dict[str, Any], texts: list[str]) -> bool:
    """Fill ``out`` with the parts of ``texts`` when they are all literals of the first one's kind
    (``"…"@zh``, ``"…"``, ``"…"^^<dt>``) with no escape; False (nothing done) when not. Why: each
    text sliced in Python cost about 1 us (an answer of 87k cells has 23k distinct ones); joined,
    counted and split at the quotes they cost a tenth of that. No escape in the column means no
    quote inside a value: each text has two quotes, and ends with the first text's suffix."""
    first = texts[0] if texts else ""
    if first[:1] != '"' or "\\" in first:
        return False
    suffix = first[first.rindex('"'):]  # '"@zh', '"' or '"^^<datatype>'
    joined = "\n".join(texts) + "\n"  # TSV cells hold no newline (it is escaped)
    n = len(texts)
    if "\\" in joined or joined.count('"') != 2 * n or joined.count(suffix + "\n") != n:
        return False
    values = joined[1: -len(suffix) - 1].split(suffix + '\n"')
    if len(values) != n:
        return False
    if suffix[1:2] == "@":
        language, datatype = suffix[2:], _LANG_STRING
    elif suffix == '"':
        language, datatype = None, _STRING
    elif suffix[1:4] == "^^<" and suffix[-1] == ">":
        language, datatype = None, suffix[4:-1]
    else:
        return False
    out.update(zip(texts, zip(repeat("literal"), values, repeat(language), repeat(datatype))))
    return True


def parts_of(t: Any) -> Parts | None:
    """The parts of a pyoxigraph term (None: unbound)."""
    if t is None:
        return None
    if type(t) is ox.Literal:
        return ("literal", t.value, t.language, t.datatype.value)
    if type(t) is ox.NamedNode:
        return ("iri", t.value, None, None)
    if type(t) is ox.BlankNode:
        return ("blank", t.value, None, None)
    raise ValueError(f"unexpected term in an answer: {t!r}")


def term(p: Parts | None) -> Any:
    """The pyoxigraph term of parts (None: unbound)."""
    if p is None:
        return None
    kind, value, language, datatype = p
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "blank":
        return ox.BlankNode(value)
    if language is not None:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(datatype))  # type: ignore[arg-type]
