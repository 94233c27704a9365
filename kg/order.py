"""A query's final ``ORDER BY`` applied in Python, on the engine's terms, exactly as SPARQL orders them.

Why: Oxigraph sorts by evaluating every ``ORDER BY`` expression again on both
rows of every comparison, decoding each string (from disk, on a disk store)
each time; at 1M triples that is most of the time of the queries that answer
with many rows (``firm_initiative_links``: about 6 of its 10 CPU seconds for
160k rows). Computing each row's key once and sorting with Python's sort costs
a small fraction of that. So :func:`plan` splits a trailing ``ORDER BY`` off a
query when every key is one this module evaluates exactly (``?v``, ``STR(?v)``,
``CONCAT(?v, "s")``, ``?v = "s"``, each bare or in ``ASC``/``DESC``), and
:meth:`Order.sort` orders the solutions as the SPARQL ordering does: unbound
first, then IRIs (by their text), then literals, compared within a key as
strings (code point order, as Oxigraph compares them; tagged strings only
with strings of their own language), numbers or booleans. Anything else (a
blank node, a tagged string compared for equality, a date, two kinds of
literal under one key, a variable the query does not project) makes
:meth:`Order.sort` return ``None``, and the caller runs the query as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = _XSD + "string"
_NUMBERS = {_XSD + t: Decimal for t in ("decimal",)} | {
    _XSD + t: int for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                            "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
                            "unsignedShort", "unsignedByte")} | {_XSD + "double": float, _XSD + "float": float}
_BOOLEAN = _XSD + "boolean"

_LIT = r'"((?:[^"\\]|\\.)*)"'
_VAR = r"[?$]([A-Za-z_][A-Za-z0-9_]*)"
_EXPRS = [
    ("eq", re.compile(rf"{_VAR}\s*=\s*{_LIT}")),
    ("concat", re.compile(rf"CONCAT\s*\(\s*{_VAR}\s*,\s*{_LIT}\s*\)", re.IGNORECASE)),
    ("str", re.compile(rf"STR\s*\(\s*{_VAR}\s*\)", re.IGNORECASE)),
    ("var", re.compile(_VAR)),
]
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class Unsupported(Exception):
    """A value this module cannot order exactly as the engine would."""


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        s = m.group(1)
        if s[0] in "uU":
            return chr(int(s[1:], 16))
        return _ESCAPES[s]

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", one, text)


@dataclass(frozen=True)
class Key:
    """One ``ORDER BY`` key: an expression of one variable, ascending or descending."""

    kind: str  # var | str | concat | eq
    var: str
    literal: str = ""
    descending: bool = False


def _value(term: Any) -> tuple[int, Any, Any]:
    """(rank, kind, value) of a term under SPARQL ordering: unbound < IRI < literal."""
    if term is None:
        return (0, None, 0)
    cls = type(term).__name__
    if cls == "NamedNode":
        return (1, None, term.value)
    if cls != "Literal":
        raise Unsupported(cls)
    if term.language is not None:  # comparable with strings of its own language only
        return (2, "@" + term.language.lower(), term.value)
    dt = term.datatype.value
    if dt == _STRING:
        return (2, "string", term.value)
    if dt == _BOOLEAN:
        return (2, "boolean", term.value in ("true", "1"))
    number = _NUMBERS.get(dt)
    if number is None:
        raise Unsupported(dt)
    try:
        v = number(term.value)
    except (ValueError, InvalidOperation):
        raise Unsupported(term.value) from None
    if v != v:  # NaN
        raise Unsupported(term.value)
    return (2, "number", v)


def _evaluator(key: Key) -> Callable[[Any], tuple[int, Any, Any]]:
    """The key's expression on one term, as :func:`_value` ranks it (an error is unbound, as in SPARQL)."""
    if key.kind == "var":
        return _value
    if key.kind == "str":
        def str_(term: Any) -> tuple[int, Any, Any]:
            if term is None:
                return (0, None, 0)
            cls = type(term).__name__
            if cls in ("NamedNode", "Literal"):
                return (2, "string", term.value)
            return (0, None, 0)  # STR of a blank node is an error: unbound
        return str_
    lit = key.literal
    if key.kind == "concat":
        def concat(term: Any) -> tuple[int, Any, Any]:
            if type(term).__name__ != "Literal" or (term.language is None and term.datatype.value != _STRING):
                return (0, None, 0)  # CONCAT of anything but a string is an error: unbound
            return (2, "string", term.value + lit)  # with a plain string: a plain string, whatever the tag
        return concat

    def eq(term: Any) -> tuple[int, Any, Any]:
        if term is None:
            return (0, None, 0)
        cls = type(term).__name__
        if cls == "NamedNode":
            return (2, "boolean", False)
        if cls == "Literal" and term.language is None and term.datatype.value == _STRING:
            return (2, "boolean", term.value == lit)
        raise Unsupported(f"{cls} = string")
    return eq


@dataclass(frozen=True)
class Order:
    """A query without its trailing ``ORDER BY`` (:attr:`text`) and the keys to sort its solutions by."""

    text: str
    keys: tuple[Key, ...]

    def sort(self, columns: Sequence[str], rows: list[Sequence[Any]]) -> list[Sequence[Any]] | None:
        """``rows`` (engine terms, in ``columns`` order) sorted as the ``ORDER BY`` would; ``None``
        when a key names a variable not in ``columns`` or meets a value it cannot order exactly."""
        index = {c: i for i, c in enumerate(columns)}
        if any(k.var not in index for k in self.keys):
            return None
        ranks = []
        try:
            for k in self.keys:
                # each distinct term evaluated once, the distinct keys sorted once, and every
                # row given its key's rank: the rows are then sorted on tuples of ints
                i, ev, seen = index[k.var], _evaluator(k), {}
                terms = [r[i] for r in rows]
                for term in terms:
                    if term not in seen:
                        seen[term] = ev(term)
                if len({v[1] for v in seen.values() if v[0] == 2}) > 1:
                    return None  # two kinds of literal under one key: the engine's cross-type order is its own
                rank = {v: n for n, v in enumerate(sorted({(v[0], v[2]) for v in seen.values()}))}
                sign = -1 if k.descending else 1
                of_term = {t: sign * rank[(v[0], v[2])] for t, v in seen.items()}
                ranks.append([of_term[t] for t in terms])
        except Unsupported:
            return None
        keys = list(zip(*ranks))
        return [rows[j] for j in sorted(range(len(rows)), key=keys.__getitem__)]

    def permutation(self, columns: Sequence[str], cells: Sequence[Sequence[Any]],
                    terms: Sequence[dict[Any, Any]]) -> list[int] | None:
        """The row numbers in the order of the ``ORDER BY``, for an answer given by column
        (:class:`kg.solutions.Columns`: each column's cells, and the term of each distinct
        cell); ``None`` as for :meth:`sort`. The keys are ranked once per distinct term, so
        the rows are sorted on tuples of ints."""
        index = {c: i for i, c in enumerate(columns)}
        if any(k.var not in index for k in self.keys):
            return None
        n = len(cells[0]) if cells else 0
        ranks: list[list[int]] = []
        try:
            for k in self.keys:
                i, ev = index[k.var], _evaluator(k)
                seen = {cell: ev(term) for cell, term in terms[i].items()}
                if len({v[1] for v in seen.values() if v[0] == 2}) > 1:
                    return None  # two kinds of literal under one key: the engine's cross-type order is its own
                distinct = sorted({(v[0], v[2]) for v in seen.values()})
                size = len(distinct)
                rank = {v: (size - 1 - r if k.descending else r) for r, v in enumerate(distinct)}
                of_cell = {cell: rank[(v[0], v[2])] for cell, v in seen.items()}
                ranks.append(list(map(of_cell.__getitem__, cells[i])))
        except Unsupported:
            return None
        if not ranks:
            return list(range(n))
        # each row's ranks as one tuple, compared in C (folding them into one int with a
        # Python function per row and key cost more than the sort)
        keys = ranks[0] if len(ranks) == 1 else list(zip(*ranks))
        return sorted(range(n), key=keys.__getitem__)


def _parse_key(text: str, pos: int) -> tuple[Key, int] | None:
    m = re.compile(r"\s*(ASC|DESC)\s*\(\s*", re.IGNORECASE).match(text, pos)
    direction = None
    if m:
        direction, pos = m.group(1).upper(), m.end()
    else:
        pos = re.compile(r"\s*").match(text, pos).end()  # type: ignore[union-attr]
    for kind, rx in _EXPRS:
        e = rx.match(text, pos)
        if e:
            key = Key(kind, e.group(1), _unescape(e.group(2)) if kind in ("eq", "concat") else "",
                      direction == "DESC")
            pos = e.end()
            if direction is not None:
                close = re.compile(r"\s*\)").match(text, pos)
                if not close:
                    return None
                pos = close.end()
            return key, pos
    return None


def plan(text: str, stripped: str) -> Order | None:
    """The :class:`Order` of a query whose last clause is an ``ORDER BY`` of supported keys,
    else ``None``. ``stripped`` is ``text`` with its comments blanked (same length)."""
    found = list(_ORDER_BY.finditer(stripped))
    if not found:
        return None
    start = found[-1]
    pos, keys = start.end(), []
    while stripped[pos:].strip():
        parsed = _parse_key(stripped, pos)
        if parsed is None:
            return None  # another expression, a LIMIT/OFFSET, or an ORDER BY inside a group
        key, pos = parsed
        keys.append(key)
    if not keys:
        return None
    return Order(text[: start.start()], tuple(keys))
