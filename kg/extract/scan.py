"""Faster scanning for the rules' regular expressions, with the same matches.

Python's regex engine skips quickly over a text only when a pattern opens with a
literal or a character class; a rule pattern that opens with an optional word
(``(?:则|也|还)?(?:将|拟)?在…``) or a lookbehind is tried at every position of the
text, which made a few of them cost as much as a component. :func:`quick` puts a
lookahead for the characters a match can start with in front of such a pattern
(``(?=[则也还将拟在])(?:…)``): at a position where no match can start it fails at
once. The set is read from the pattern's parse tree, so a pattern that is edited
gets a new one; a pattern that can match the empty string, or whose first
character is not a finite set (``.``, ``[^…]``, a back reference), is left as it is.
"""

from __future__ import annotations

import re
import sys
from typing import Any

try:  # the parser and compiler are private modules; without them nothing changes
    from re import _compiler as _sre_compiler
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover
    _sre_parser = None  # type: ignore[assignment]

#: character classes a first character may be in, with how many characters they stand for
#: (only small ones: a lookahead for \\w or for all ideographs filters little and costs a test
#: at every position)
_CATEGORIES = {"CATEGORY_DIGIT": (r"\d", 10), "CATEGORY_SPACE": (r"\s", 6)}
#: the most characters a first-character class may cover to be worth its lookahead
MAX_FIRST = 200

#: a first-character set: class items (``a``, ``0-9``, ``\\d``) with the characters each covers
_Items = dict[str, int]


def _class_items(items: list[tuple[Any, Any]]) -> _Items | None:
    out: _Items = {}
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out[re.escape(chr(av))] = 1
        elif name == "RANGE":
            out[f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"] = av[1] - av[0] + 1
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            text, size = _CATEGORIES[str(av)]
            out[text] = size
        else:  # NEGATE, \\w and the rest: no small finite set
            return None
    return out


def _first(seq) -> tuple[_Items, bool] | None:
    """(the first consumed character's class items, whether ``seq`` can match the empty string)."""
    items: _Items = {}
    for op, av in seq:
        got = _first_op(str(op), av)
        if got is None:
            return None
        f, nullable = got
        items.update(f)
        if not nullable:
            return items, False
    return items, True


def _first_op(name: str, av) -> tuple[_Items, bool] | None:
    if name == "LITERAL":
        return {re.escape(chr(av)): 1}, False
    if name == "IN":
        f = _class_items(av)
        return (f, False) if f is not None else None
    if name == "BRANCH":
        items: _Items = {}
        nullable = False
        for alt in av[1]:
            got = _first(alt)
            if got is None:
                return None
            items.update(got[0])
            nullable = nullable or got[1]
        return items, nullable
    if name == "SUBPATTERN":
        _, add, delete, sub = av
        if (add | delete) & re.IGNORECASE:
            return None
        return _first(sub)
    if name == "ATOMIC_GROUP":
        return _first(av)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, hi, sub = av
        if hi == 0:
            return {}, True
        got = _first(sub)
        if got is None:
            return None
        return got[0], got[1] or lo == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {}, True  # zero width: the first consumed character comes after it
    return None  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, …


def _parse(pattern: re.Pattern[str]):
    """The parse tree of ``pattern``, or None (no parser, bytes, or a case-blind pattern)."""
    if _sre_parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        return _sre_parser.parse(pattern.pattern, pattern.flags)
    except (re.error, ValueError, TypeError):  # pragma: no cover  (it compiled, so it parses)
        return None


def first_chars(pattern: re.Pattern[str], parsed=None) -> str | None:
    """A small character class (``[…]``) holding the first character of every match of
    ``pattern``; None when the pattern can match '' or its first characters are many or no set."""
    parsed = parsed if parsed is not None else _parse(pattern)
    if parsed is None:
        return None
    got = _first(parsed.data)
    if got is None or got[1] or not got[0] or sum(got[0].values()) > MAX_FIRST:
        return None
    return "[" + "".join(got[0]) + "]"


def _engine_skips(pattern: re.Pattern[str], parsed) -> bool:
    """Whether the engine already skips fast over ``pattern`` (a literal or class prefix)."""
    try:
        prefix, _, _ = _sre_compiler._get_literal_prefix(parsed, pattern.flags)
        return bool(prefix) or bool(_sre_compiler._get_charset_prefix(parsed, pattern.flags))
    except (AttributeError, TypeError, ValueError):  # pragma: no cover  (private API changed: assume it does)
        return True


_QUICK: dict[re.Pattern[str], re.Pattern[str]] = {}


def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead for its first characters (the same matches, found faster),
    or ``pattern`` itself when that would not help or cannot be built."""
    got = _QUICK.get(pattern)
    if got is None:
        got = pattern
        parsed = _parse(pattern)
        first = first_chars(pattern, parsed) if parsed is not None else None
        if first is not None and _engine_skips(pattern, parsed):
            first = None
        if first is not None:
            try:
                got = re.compile(f"(?={first})(?:{pattern.pattern})", pattern.flags)
            except re.error:  # e.g. inline global flags, which must open the pattern
                got = pattern
            if got.groups != pattern.groups or got.groupindex != pattern.groupindex:  # pragma: no cover
                got = pattern
        _QUICK[pattern] = got
        _QUICK[got] = got  # a quick form is its own quick form (quicken twice: no second lookahead)
    return got


def quicken(prefix: str = "kg.extract") -> int:
    """Replace the module-level compiled patterns of the loaded modules under ``prefix`` by
    their :func:`quick` forms (called once the components are imported); the number replaced."""
    n = 0
    for name, module in list(sys.modules.items()):
        if module is None or not (name == prefix or name.startswith(prefix + ".")) or name == __name__:
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                q = quick(value)
                if q is not value:
                    setattr(module, attr, q)
                    n += 1
    return n
