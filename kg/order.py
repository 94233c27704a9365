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


def _value(p: Any) -> tuple[int, Any, Any]:
    """(rank, kind, value) of a term, given as its parts (:data:`kg.solutions.Parts`), under
    SPARQL ordering: unbound < IRI < literal."""
    if p is None:
        return (0, None, 0)
    kind, value, language, dt = p
    if kind == "iri":
        return (1, None, value)
    if kind != "literal":
        raise Unsupported(kind)
    if language is not None:  # comparable with strings of its own language only
        return (2, "@" + language.lower(), value)
    if dt == _STRING:
        return (2, "string", value)
    if dt == _BOOLEAN:
        return (2, "boolean", value in ("true", "1"))
    number = _NUMBERS.get(dt)
    if number is None:
        raise Unsupported(dt)
    try:
        v = number(value)
    except (ValueError, InvalidOperation):
        raise Unsupported(value) from None
    if v != v:  # NaN
        raise Unsupported(value)
    return (2, "number", v)


def _evaluator(key: Key) -> Callable[[Any], tuple[int, Any, Any]]:
    """The key's expression on one term's parts, as :func:`_value` ranks it (an error is unbound, as in SPARQL)."""
    if key.kind == "var":
        return _value
    if key.kind == "str":
        def str_(p: Any) -> tuple[int, Any, Any]:
            if p is None or p[0] == "blank":
                return (0, None, 0)  # STR of a blank node is an error: unbound
            return (2, "string", p[1])
        return str_
    lit = key.literal
    if key.kind == "concat":
        def concat(p: Any) -> tuple[int, Any, Any]:
            if p is None or p[0] != "literal" or (p[2] is None and p[3] != _STRING):
                return (0, None, 0)  # CONCAT of anything but a string is an error: unbound
            return (2, "string", p[1] + lit)  # with a plain string: a plain string, whatever the tag
        return concat

    def eq(p: Any) -> tuple[int, Any, Any]:
        if p is None:
            return (0, None, 0)
        if p[0] == "iri":
            return (2, "boolean", False)
        if p[0] == "literal" and p[2] is None and p[3] == _STRING:
            return (2, "boolean", p[1] == lit)
        raise Unsupported(f"{p[0]} = string")
    return eq


_UNBOUND = (0, None, 0)


def _evaluated(key: Key, parts: dict[Any, Any]) -> dict[Any, tuple[int, Any, Any]]:
    """:func:`_evaluator` of ``key`` on each distinct cell of a column (cell -> its parts); the
    usual string keys (``STR``, ``CONCAT``) written out here, so no function is called per cell."""
    items = parts.items()
    if key.kind == "concat":  # CONCAT of anything but a string is an error: unbound
        lit = key.literal
        return {cell: (2, "string", p[1] + lit) if p is not None and p[0] == "literal" and (p[2] is not None or p[3] == _STRING)
                else _UNBOUND for cell, p in items}
    if key.kind == "str":  # STR of a blank node is an error: unbound
        return {cell: (2, "string", p[1]) if p is not None and p[0] != "blank" else _UNBOUND for cell, p in items}
    ev = _evaluator(key)
    return {cell: ev(p) for cell, p in items}


@dataclass(frozen=True)
class Order:
    """A query without its trailing ``ORDER BY`` (:attr:`text`) and the keys to sort its solutions by."""

    text: str
    keys: tuple[Key, ...]

    def sort(self, columns: Sequence[str], rows: list[Sequence[Any]]) -> list[Sequence[Any]] | None:
        """``rows`` (engine terms, in ``columns`` order) sorted as the ``ORDER BY`` would; ``None``
        when a key names a variable not in ``columns`` or meets a value it cannot order exactly."""
        from kg.solutions import parts_of

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
                        seen[term] = ev(parts_of(term))
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
                    parts: Sequence[dict[Any, Any]]) -> list[int] | None:
        """The row numbers in the order of the ``ORDER BY``, for an answer given by column
        (:class:`kg.solutions.Columns`: each column's cells, and the parts of each distinct
        cell); ``None`` as for :meth:`sort`. The keys are ranked once per distinct cell, so
        the rows are sorted on ints, one stable sort per key."""
        index = {c: i for i, c in enumerate(columns)}
        if any(k.var not in index for k in self.keys):
            return None
        n = len(cells[0]) if cells else 0
        ranks: list[list[int]] = []
        try:
            for k in self.keys:
                seen = _evaluated(k, parts[index[k.var]])
                values = seen.values()
                if len({v[1] for v in values if v[0] == 2}) > 1:
                    return None  # two kinds of literal under one key: the engine's cross-type order is its own
                # the distinct values of each class (unbound < IRI < literal) sorted apart: one
                # type each (str, or numbers, or bools), so the sort compares them at C speed
                rank_of: list[dict[Any, int]] = [{}, {}, {}]
                size = 0
                for rank in sorted({v[0] for v in values}):
                    distinct = sorted({v[2] for v in values if v[0] == rank})
                    rank_of[rank] = dict(zip(distinct, range(size, size + len(distinct))))
                    size += len(distinct)
                if k.descending:
                    of_cell = {cell: size - 1 - rank_of[v[0]][v[2]] for cell, v in seen.items()}
                else:
                    of_cell = {cell: rank_of[v[0]][v[2]] for cell, v in seen.items()}
                ranks.append(list(map(of_cell.__getitem__, cells[index[k.var]])))
        except Unsupported:
            return None
        # one stable sort per key, the last key first: the rows end in the keys' lexicographic
        # order, each sort comparing ints (cheaper than comparing a tuple of ranks per row)
        out = list(range(n))
        for rank in reversed(ranks):
            out.sort(key=rank.__getitem__)
        return out


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
