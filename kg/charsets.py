"""Regular expressions that skip, in C, the positions where they cannot start.

``re`` writes an *info block* before a pattern's code: its literal prefix, or else the set
of characters a match can start with, which ``search``/``finditer``/``sub`` use to skip
to the next candidate position in C. It finds that set only when the pattern starts with
a literal or a class (or an alternation of single literals); the rules' patterns mostly
start with an optional group (``(?:累计)?引进``), an alternation of words
(``(?:领域|行业)?(?:领军企业|…)``) or a lookbehind, and get none: every position of every
sentence then enters the matcher. :func:`code` computes the set for those patterns too
(the first characters of the first thing the pattern must consume) and writes it in the
same info block, so the matches, groups and ``.pattern`` are exactly those of
``re.compile``; only positions that cannot start a match are passed over sooner
(~4% of extraction's cpu on the bench corpus, ~7% of reading and cleaning).

:func:`first_characters` is in force while the rules' modules are imported (see
:func:`kg.extract.cache.compiled_patterns`) and the cleaner's (:mod:`kg.clean`); anything it does not understand (scoped flags,
back-references, ``.``, a pattern that can match the empty string, case-insensitive
patterns) keeps ``re``'s own code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

try:  # CPython's regex compiler (private, as kg.extract.cache uses it)
    import _sre
    from re import _compiler, _constants  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre = _compiler = _constants = None


class _Unknown(Exception):
    """A pattern element whose first characters are not computed here."""


def _first(seq: Any, out: list[tuple[Any, Any]]) -> bool:
    """Add the class items of the characters ``seq`` (parsed) can start with to ``out``;
    return whether ``seq`` can match without consuming a character."""
    c = _constants
    for op, av in seq:
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            continue  # zero-width: the first character is the next element's
        if op is c.LITERAL:
            out.append((op, av))
            return False
        if op is c.IN:
            for o, a in av:
                if o is c.LITERAL or o is c.RANGE or o is c.CATEGORY:
                    out.append((o, a))
                else:  # NEGATE, ...
                    raise _Unknown
            return False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, p = av
            if add_flags or del_flags:
                raise _Unknown  # (?i:…), (?a:…): classes would read differently inside
            if not _first(p, out):
                return False
            continue
        if op is c.BRANCH:
            empty = False
            for alt in av[1]:
                empty |= _first(alt, out)
            if not empty:
                return False
            continue
        if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is getattr(c, "POSSESSIVE_REPEAT", None):
            lo, _hi, p = av
            if not _first(p, out) and lo > 0:
                return False
            continue
        raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, ATOMIC_GROUP, ...
    return True


def code(p: Any, flags: int) -> list[int]:
    """``re._compiler._code(p, flags)``, with the set of first characters in its info block
    when ``re`` found neither a literal prefix nor a set."""
    out = _ORIGINAL(p, flags)
    c = _constants
    flags = p.state.flags | flags
    # out[0:5]: INFO, skip, mask, min width, max width (min 0: it may match the empty string)
    if out[0] != c.INFO or out[2] != 0 or out[3] == 0 or flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
        return out
    items: list[tuple[Any, Any]] = []
    try:
        if _first(p.data, items):
            return out
    except _Unknown:
        return out
    charset, hascased = _compiler._optimize_charset(items)
    if hascased:  # pragma: no cover  (only with IGNORECASE, excluded above)
        return out
    info = [c.INFO, 0, c.SRE_INFO_CHARSET, out[3], out[4]]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    got = info + out[1 + out[1] :]
    try:  # the engine checks the code it is given: a layout it does not take keeps re's own
        indexgroup = [None] * p.state.groups
        for name, i in p.state.groupdict.items():
            indexgroup[i] = name
        _sre.compile(None, flags, got, p.state.groups - 1, p.state.groupdict, tuple(indexgroup))
    except Exception:  # noqa: BLE001  (RuntimeError "invalid SRE code", or a changed signature)
        return out
    return got


_ORIGINAL = getattr(_compiler, "_code", None)


def usable() -> bool:
    """Whether this Python's ``re`` has the parts :func:`code` relies on."""
    c = _constants
    return (_ORIGINAL is not None and c is not None and all(hasattr(_compiler, n) for n in ("_optimize_charset", "_compile_charset"))
            and all(hasattr(c, n) for n in ("INFO", "SRE_INFO_CHARSET", "SRE_FLAG_IGNORECASE", "SRE_FLAG_LOCALE")))


@contextmanager
def first_characters() -> Iterator[None]:
    """Within the block, ``re.compile`` (of a pattern not in ``re``'s cache) writes the first
    characters of the pattern in its info block (:func:`code`). Patterns compiled elsewhere,
    before or after, are ``re``'s own."""
    if not usable() or _compiler._code is not _ORIGINAL:  # (not available, or in force already)
        yield
        return
    _compiler._code = code
    try:
        yield
    finally:
        _compiler._code = _ORIGINAL


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` with :func:`code` (a new object: ``re``'s cache is not used)."""
    if not usable():
        return re.compile(pattern, flags)
    with first_characters():
        return _compiler.compile(pattern, flags)
