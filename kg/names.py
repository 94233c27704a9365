"""The comparison key of an entity name, shared by resolution, scoring and lookup.

SCHEMA.md §2 fixes how names compare: Simplified script, full-width forms
folded to ASCII, spaces and quotation marks dropped. One function serves every
stage so that what resolves together also scores and looks up together.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

_QUOTES = frozenset("“”‘’\"'《》「」『』")
_EXTRA_FOLD = {"〔": "(", "〕": ")", "【": "[", "】": "]", "〈": "<", "〉": ">"}


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=131072)
def normalise(name: str) -> str:
    """The comparison key of ``name``.

    >>> normalise("清陶（崑山）能源 “链长制”")
    '清陶(昆山)能源链长制'
    """
    out = []
    for ch in _t2s().convert(name):
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        else:
            ch = _EXTRA_FOLD.get(ch, ch)
        if ch in _QUOTES or ch.isspace() or unicodedata.category(ch) == "Zs":
            continue
        out.append(ch)
    return "".join(out)
