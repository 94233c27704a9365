"""Items of a list in the text (A、B和C): where the first one starts, where each ends, and what
no name in a list holds; shared by the lists of firms (``lists``) and of projects (``project_lists``)."""

from __future__ import annotations

import re

from kg.extract.components.firm_brands import _left_stop
from kg.extract.lexicon import NAME_CHARS
from kg.extract.names import left_edge
from kg.extract.segment import pos_tags, tokens

_LEGAL_FORM = re.compile("(?:公司|集团|有限|股份)$")
# compiled once (the rules run it per candidate)
_NOT_NAME_CHAR = re.compile(r"[^" + NAME_CHARS + "]")
_CONJ_RE = re.compile("以及|和|及|与")
#: what follows a count of projects that are platforms and centres unveiled (A、B等4个项目举行揭牌仪式)
_UNVEILED_AFTER = re.compile("[^,。;]{0,6}(?:揭牌|授牌)")


def _time_word(tok: str) -> bool:
    """A time noun that is no function word (春秋 in 春秋电子, not 今年)."""
    return (pos_tags().get(tok) or "").startswith("t") and tok not in _left_stop()


def _first_item_start(text: str, s: int, e: int) -> int:
    """Where the first item of a list starts: after a verb or function word before it
    (引进A、B), but a time word that is part of a name (春秋电子) stays."""
    s2, _ = left_edge(text, e, s)
    if s2 > s and all(_time_word(t) for t in tokens(text[s:s2])):
        return s
    if s2 > s and (e - s2 < 3 or text[s2:e] in ("工程", "项目", "中心")):
        if any(len(t) > 1 and t in _left_stop() or (pos_tags().get(t) or "").startswith("u") for t in tokens(text[s:s2])):
            return s2  # 引进了芯恩: a short brand after a verb of bringing in
        return s  # 水厂迁建工程: the verb is part of the name of the works
    return s2


def _items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Items of the list ``text[s:e]``: split on 、 and on a joining 和/及 token."""
    out: list[tuple[int, int]] = []
    pos = s
    for part in text[s:e].split("、"):
        ps, pe = pos, pos + len(part)
        pos = pe + 1
        for cm in _CONJ_RE.finditer(text, ps, pe):
            if cm.start() - ps >= 2 and pe - cm.end() >= 2:
                out.append((ps, cm.start()))
                ps = cm.end()
        out.append((ps, pe))
    return [(a, b) for a, b in out if b > a]

