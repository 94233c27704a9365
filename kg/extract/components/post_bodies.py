"""The body a post is held in (people), read from the candidate spans that end where the post
starts: the longest span ending there (苏州市 + 委常委), a zone and a district run as one body
(黄石经开区·铁山区), a body before a scope or a unit (X集团 + 全球 + 执行董事会成员), a firm between
two posts (万科集团创始人、深潜体育创始人), a region before its organ (内蒙古 + 自治区党委)."""

from __future__ import annotations

import re

from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon
from kg.extract.names import CHINA_REGIONS
from kg.model import ORGANIZATION_TYPES

#: a scope written between a body and a post (X集团 + 全球 + 执行董事会成员)
_SCOPES = ("全球", "中国区", "亚太区", "大中华区", "海外", "国际")


def _body_before_unit(doc: Doc, pos: int) -> Span | None:
    """The body written before a scope (全球, 亚太区) or a unit of 2-4 characters ending in 处, 科
    or 室 (经济处) that stands right before a post at ``pos``: the post is held in that body."""
    text = doc.text
    starts = [pos - len(w) for w in _SCOPES if text.endswith(w, 0, pos)]
    if text[pos - 1 : pos] in ("处", "科", "室"):
        starts += range(pos - 2, max(0, pos - 5) - 1, -1)
    for k in starts:
        x = _prefix(doc, k)
        if x is not None and x.type in ORGANIZATION_TYPES:
            return x
    return None


#: a zone written before its organ after a post or a comma (、长春汽开区 + 党工委书记)
_ZONE_BEFORE = re.compile(f"(?:^|(?<=[、,]))([{HAN}]{{2,10}}区)$")
#: Endings of organisation names that may be long (江苏省中小企业服务中心主任).
_LONG_ORG_ENDS = ("中心", "研究院", "研究所", "实验室", "有限公司", "集团", "大学", "学院", "协会", "学会", "商会", "联合会", "委员会", "基金会", "银行", "医院")
_MINISTRY_DEPARTMENT = re.compile("部[^部,。;]{2,10}司$")


def _org_ending(name: str) -> bool:
    """Whether a name ends like an organisation: such names may be longer than ten characters
    (a ministry's department too: 工业和信息化部信息技术发展司)."""
    return name.endswith(_LONG_ORG_ENDS) or bool(_MINISTRY_DEPARTMENT.search(name))


#: 与公司, 和集团: a bare word for the article's firm after a conjunction, no name of its own
_AND_BARE_FIRM = re.compile("[与和及同跟](?:公司|集团|企业)$")
#: a firm's regional unit written before a post (华东区总经理): no organisation of its own
_REGION_UNIT = re.compile(f"(?:{CHINA_REGIONS}|中国|大中华|亚太|全球|海外|国际)(?:区|地区|区域)?")


def _org_after_post(text: str, k: int, by_end: dict) -> int:
    """Start of an organisation name that runs from a post ending in 、 to ``k``
    (X集团董事长、Y公司总经理: Y公司 starts after 、), or ``k`` when there is none."""
    j = text.rfind("、", max(0, k - 20), k)
    if j > 0 and j in by_end and k - j - 1 >= 2 and re.fullmatch(f"[{NAME_CHARS}]+", text[j + 1 : k]):
        run = text[j + 1 : k]
        if run.endswith("兼") and lexicon().title_re.fullmatch(run[:-1]):
            return k  # 创始人、董事长兼首席执行官: a post joined by 兼, no organisation
        return j + 1
    return k


def _region_before(text: str, pos: int) -> str | None:
    """The autonomous region written right before its organ's title (内蒙古 + 自治区党委常委)."""
    lex = lexicon()
    for k in range(max(0, pos - 6), pos - 1):
        p = lex.place(text[k : pos + 3])
        if p is not None and text.startswith("自治区", pos):
            return text[k:pos]  # as written: 宁夏回族
    return None


def _spans_ending(doc: Doc, pos: int) -> list[Span]:
    """The candidate spans that end at ``pos``, in the order of ``doc.spans`` (what a scan of
    ``doc.spans`` finds: spans are only appended, so the index by end is extended, not rebuilt)."""
    spans = doc.spans
    idx = doc.notes.get("_spans_by_end")
    if idx is None or idx[0] is not spans or idx[1] > len(spans):
        idx = doc.notes["_spans_by_end"] = [spans, 0, {}]
    if idx[1] < len(spans):
        by_end = idx[2]
        for s in spans[idx[1] :]:
            by_end.setdefault(s.end, []).append(s)
        idx[1] = len(spans)
    return idx[2].get(pos, [])


def _zone_and_district(doc: Doc, pre: Span | None) -> Span | None:
    """黄石经开区·铁山区 (+ 党工委): a zone and a district run as one body, named as written; else ``pre``."""
    if pre is None or pre.type != "Place" or doc.text[pre.start - 1 : pre.start] != "·":
        return pre
    zone = min((s for s in _spans_ending(doc, pre.start - 1) if s.type == "Park"), key=lambda s: s.start, default=None)
    if zone is None:
        return pre
    return Span(zone.start, pre.end, "Park", doc.text[zone.start : pre.end], pre.source, pre.priority)


def _prefix(doc: Doc, pos: int) -> Span | None:
    """The longest candidate span ending exactly at ``pos``."""
    best = None
    for s in _spans_ending(doc, pos):
        if s.start < pos and (best is None or s.length > best.length):
            best = s
    if best is None and doc.text[pos : pos + 1] in ("市", "区", "县", "省", "镇"):
        # 苏州市委常委: the place span 苏州市 overlaps the post 市委常委 by one character
        for s in _spans_ending(doc, pos + 1):
            if s.type == "Place" and s.start < pos:
                return Span(s.start, pos, s.type, s.label, s.source, s.priority, s.aliases)
    return best
