"""What the page's search box needs to match names as :mod:`kg.analyse.lookup` does.

``lookup`` compares names after NFKC width folding, dropping quotes and
spaces, OpenCC Traditional→Simplified conversion and lower-casing. The page
does the same in JavaScript: ``String.normalize("NFKC")``, the same dropped
characters, and a character table for Traditional→Simplified. The table is
OpenCC's own conversion of every CJK character taken one by one, cut down to
the characters that can matter for this graph (those whose Simplified form
occurs in one of its names, and Traditional characters of the names), so the
page carries a few hundred entries rather than four thousand.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from kg.names import _TYPED_DROP, _t2s as _converter

#: CJK blocks converted: Extension A, Unified Ideographs, Compatibility Ideographs.
_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def dropped() -> str:
    """The characters ``lookup`` drops before comparing (quotes, book-title marks, spaces)."""
    return "".join(sorted(chr(c) for c in _TYPED_DROP))


@cache
def _t2s() -> dict[str, str]:
    """Every CJK character OpenCC (t2s) turns into another single character."""
    chars = [chr(c) for lo, hi in _BLOCKS for c in range(lo, hi)]
    out = _converter().convert("\n".join(chars)).split("\n")  # one per line: no phrase spans two
    return {t: s for t, s in zip(chars, out) if t != s and len(s) == 1}


def t2s_table(names: Iterable[str]) -> dict[str, str]:
    """The Traditional→Simplified entries a page needs to match the given names (sorted, deterministic)."""
    seen = set("".join(names))
    return {t: s for t, s in sorted(_t2s().items()) if s in seen or t in seen}
