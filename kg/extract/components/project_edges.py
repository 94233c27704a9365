"""Where a project's name starts when a verb of building stands before it (name_mentions).

Project names are descriptions: 高端介入医疗器械研发生产基地项目, 通用飞机总装及维修基地项目,
年产2万吨芳纶纸及蜂窝材料项目. Walking left from 项目 over word tokens stops at the first verb
or conjunction inside them (介入, 试飞, 及). When the clause says what is built (建设X项目, 投资
35亿元建设的X项目, …有限公司年产2万吨X项目), all of X is the name: from the verb, or from the
capacity after the firm that builds it, to the suffix.
"""

from __future__ import annotations

import re

from kg.extract.lexicon import HAN, lexicon
from kg.extract.names import BUILD
from kg.extract.segment import tokens

#: a verb of building, optionally with 的 (or 在建的: being built), or a firm's name ending right before
#: a yearly capacity
_OPENER = re.compile(f"(?:(?:{BUILD})(?:的)?|在建的|(?<=公司|集团))(?=[{HAN}A-Za-z0-9])")
#: what may stand between the opener and the name's suffix: no punctuation, no second clause
_GAP = re.compile(f"[{HAN}A-Za-z0-9.()]+")
#: a yearly capacity: 年产2万吨, 年处理10万吨
_CAPACITY = re.compile(r"年(?:产|处理|加工)[\d.]+(?:万|千|亿)?(?:吨|台|套|辆|片|件|只|颗|平方米|立方米|GWh|GW|MW)")
#: tokens that make the span more than one name: a second object, a relative clause
_SPLITTERS = frozenset("的和与、等")
#: a count, after a numeral (3家, 两个; 高档 + 家 + 纺面料 is no count)
_COUNTERS = frozenset("个家项批座")
_NUMERAL = re.compile("[\\d一二两三四五六七八九十百几多数]$")
#: words that open a description of the project, not its name: 首个, 一批, 总投资
_NOT_NAME_START = re.compile(r"(?:首个|首批|一批|多个|一个|一期|总投资|投资|项目|重点|重大|[\d一二两三四五六七八九十]+(?:个|项|家|批))")
#: the longest description taken as one name
_MAX_NAME = 24


def _acts(word: str) -> bool:
    """Whether jieba tags ``word`` a verb or a verbal noun (封存, 制造)."""
    from kg.extract.segment import pos_tags

    return (pos_tags().get(word) or "").startswith("v")


def start_after_opener(text: str, start: int, suffix_start: int, floor: int) -> int:
    """The start of the project name whose suffix begins at ``suffix_start``: the end of the verb of
    building (or of the firm before a capacity) when the name walked left from the suffix stopped
    short of it inside the same clause, else ``start`` unchanged."""
    lo = max(floor, suffix_start - _MAX_NAME - 3)
    opener = None
    for m in _OPENER.finditer(text, lo, suffix_start):
        if m.end() > start:
            break
        opener = m
    if opener is None:
        return start
    at = opener.end()
    if at >= start or suffix_start - at > _MAX_NAME or not _GAP.fullmatch(text, at, suffix_start):
        return start
    if opener.group() == "" and not _CAPACITY.match(text, at):
        return start  # after a firm's name only a capacity opens the project's name
    gap = text[at:start]
    if _NOT_NAME_START.match(gap):
        return start
    prev = ""
    toks = tokens(gap)
    for i, t in enumerate(toks):
        if t == "与" and 0 < i < len(toks) - 1 and len(prev) >= 2 and _acts(toks[i + 1]):
            prev = t
            continue  # 捕集利用 + 与 + 封存, 研发 + 与 + 制造: a word, then an act: one works, not two projects
        if t in _SPLITTERS or t in _COUNTERS and _NUMERAL.search(prev):
            return start
        prev = t
    lex = lexicon()
    if lex.suffix_re.search(text, at, start) or lex.place_re.match(text, at):
        return start  # 建设园区X项目, 建设苏州X项目: a body or a place opens what is built
    return at
