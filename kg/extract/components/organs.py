"""The government organ of a post (苏州 + 市委书记 -> 苏州市委): the place written before the
title or the place the article is about, lifted to the organ's level (省委常委 in a Suzhou
article -> 江苏省委), a park's organs (管委会, 党工委) from the park, and a government
(市政府) only when the text names it (SCHEMA.md 3.1: 市长X alone has no organisation)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from kg.extract.doc import Doc, Span, occurrences
from kg.extract.lexicon import lexicon, place_prefix, words

_LEVEL_OF = {"省": ("province",), "市": ("city", "county"), "区": ("county",), "县": ("county",), "镇": ("town",), "旗": ("county",),
             "州": ("city",), "地": ("city",), "盟": ("city",)}  # (州委, 地委 and 地区行署, 盟委: the prefecture's)
_PARK_ORGANS = ("管委会", "党工委")


def organ_type(organ: str) -> str:
    """GovernmentBody, or Association for people's organisations (科协, 侨联, 工商联)."""
    return "Association" if organ.endswith(tuple(words("association_organs"))) else "GovernmentBody"


def lift(base: str, organ: str) -> str:
    """The place whose organ this is: 苏州 for 省委 -> 江苏; 姑苏 (a district) for 市委 -> 苏州."""
    lex = lexicon()
    want = _LEVEL_OF.get(organ[:1])
    p = lex.place(base)
    if want is None or p is None:
        return base
    if organ[0] == "市" and not (p.level == "county" and p.name.endswith(("区", "县", "旗"))):
        return base  # a city or a county-level city (昆山市委)
    if organ[0] == "市":
        want = ("city",)  # 市委 with a county (鲁甸县) or district: the city above it (昭通市委)
    cur, label = p, base
    for _ in range(3):
        if cur.level in want or not cur.parent:
            break
        nxt = lex.place(cur.parent)
        if nxt is None:
            break
        cur, label = nxt, nxt.label
    return label if cur.level in want else base


def organ_label(base: str, organ: str) -> str:
    """苏州 + 市委 -> 苏州市委; 昆山市 + 市委 -> 昆山市委."""
    if (len(base) == 2 or base.endswith(("自治县", "自治州"))) and organ in ("县委", "市委", "区委", "州委") and base.endswith(organ[0]):
        return base + organ  # 道县 + 县委, X自治县 + 县委: the county keeps its 县 (道县县委; but 道县人民政府)
    if base.endswith(("自治县", "自治州", "自治旗")) and base.endswith(organ[0]):
        return base + organ[1:]  # X蒙古自治州 + 州党委: X蒙古自治州党委
    return (base[:-1] if organ[0] in "市区县省镇" and base.endswith(organ[0]) else base) + organ


#: Bare words for a park written before its organ (开发区党工委书记).
BARE_PARKS = ("园区", "示范区", "高新区", "开发区", "新区", "保税区", "片区", "自贸区", "经开区", "高新园区", "工业园区", "综保区")


def park_base(doc: Doc, pos: int, organ: str, posts: list, city: str | None = None) -> str | None:
    """For a bare 管委会/党工委: the park named by a bare word before it (开发区 -> the article's
    昆山开发区), else the park of the last such organ named in a post before, else the nearest
    park named before ``pos``; None when the article names no park."""
    word = bare_park_word(doc.text, pos)
    if word:
        parks = [s for s in doc.spans if s.type == "Park" and s.label.endswith(word) and s.label != word]
        if parks:
            return min(parks, key=lambda s: (abs(s.start - pos), s.start)).label
        return (city + word) if city else None  # 开发区 in a Kunshan article: 昆山开发区
    for p in reversed(posts):
        if p.org and p.org.endswith(_PARK_ORGANS) and len(p.org) > 3:
            return p.org[: -len(organ)] if p.org.endswith(organ) else p.org[:-3]
    best = None
    for s in doc.spans:
        if s.type == "Park" and s.end <= pos and (best is None or s.end > best.end):
            best = s
    return best.label if best is not None else None


def named_government(doc: Doc, org: str, organ: str, title: str) -> str | None:
    """A government post whose title does not name the government (市长, 副市长): the government
    when the text names it (徐州市人民政府 as written, else 苏州市政府), else None."""
    if organ.endswith("行政公署") and organ not in title:
        # 盟长: the league's office when the text names it (锡林郭勒盟行政公署, 盟行政公署, 行署), else none
        bodies = _bodies(doc)
        return org if any(_named_alone(doc, n, bodies, (org,)) for n in (org, organ, "行署")) else None
    if not organ.endswith("政府") or organ in title:
        return org
    full = org[: -len("政府")] + "人民政府"
    bodies = _bodies(doc)
    if _named_alone(doc, full, bodies, (org, full)):
        return full
    place = lexicon().place(org[: -len(organ)])
    if place is not None and place.name.endswith(("自治州", "自治县", "盟")) and place.name.endswith(organ[:1]):
        official = place.name + "人民政府"  # 大理 + 州长: 大理白族自治州人民政府, as the text names it
        if _named_alone(doc, official, bodies, (org, official)):
            return official
    if _named_alone(doc, organ, bodies, (org, full)) or _named_alone(doc, organ[:1] + "人民政府", bodies, (org, full)):
        return org
    return None


#: the longest government body's name a bare one can be part of (bodies starting farther before are not looked at)
_LONGEST_BODY = 64


def _bodies(doc: Doc) -> list[tuple[int, int]]:
    """The spans of government bodies, sorted; kept, and added to as spans are appended (each post of a
    long text asks again: the people component, its only caller, only appends spans)."""
    kept = doc.notes.get("_gov_bodies")
    if kept is None:
        kept = doc.notes["_gov_bodies"] = [0, []]
    spans, bodies = doc.spans, kept[1]
    for sp in spans[kept[0] :]:
        if sp.type == "GovernmentBody":
            insort(bodies, (sp.start, sp.end))
    kept[0] = len(spans)
    return bodies


def _named_alone(doc: Doc, name: str, bodies: list[tuple[int, int]], own: tuple[str, ...] = ()) -> bool:
    """Whether the text names the body ``name`` other than as part of a longer
    body's name among ``bodies`` (the sorted spans of government bodies): 铜陵市人民政府 +
    国有资产监督管理委员会 names the commission, not the government; 大石桥市人民政府 names
    that county-level city's government, not a bare 市人民政府 (unless it ends with one of
    ``own``, the names of the government looked for: 杭州市钱塘区人民政府 for 钱塘区人民政府)."""
    text = doc.text
    n = len(name)
    for i in occurrences(text, name):
        near = bodies[bisect_left(bodies, (i - _LONGEST_BODY, -1)) : bisect_right(bodies, (i, len(text) + 1))]
        if not any(a <= i and b > i + n or a < i and b == i + n and not text[a:b].endswith(own) for a, b in near):
            return True
    return False


def record(doc: Doc, pos: int, org: str, typ: str, sent: int) -> None:
    doc.add_span(Span(pos, pos, typ, org, "post_org", 0))
    doc.notes.setdefault("post_orgs", []).append((typ, org, sent))


_DEPT = re.compile("(?:[省市区县]|[\u4e00-\u9fff]{2,6}[省市区县])[\u4e00-\u9fff]{1,8}(?:局|厅|委员会|办公室|办)")


def is_department(name: str) -> bool:
    """省商务厅, 市商务局, 苏州市发改委办公室: a government department named with its level."""
    return bool(_DEPT.fullmatch(name)) and not name.endswith(("有限公司", "集团"))


def department_label(name: str, city: str | None) -> str:
    """A bare department (市商务局) resolved against the article's city (苏州市商务局)."""
    if name[0] in "省市区县" and city:
        return organ_label(lift(city, name), name)
    return name


def bare_park_word(text: str, pos: int) -> str | None:
    """The bare park word (开发区) that ends at ``pos``, if any."""
    return next((w for w in sorted(BARE_PARKS, key=len, reverse=True) if text.endswith(w, 0, pos)), None)


#: a party committee's department or a leading group's office: 省委组织部, 市委宣传部, 人才工作领导小组办公室
_PARTY_ORGAN = re.compile("[省市区县州]委[\u4e00-\u9fff]{1,6}(?:部|办公室)$|领导小组(?:办公室)?$")


def official_body(org: str | None, title: str) -> bool:
    """An organisation whose post is an official's (副司长, 副总领事) is a state body, not a firm;
    so is a province's or city's centre headed by a 主任 (江苏省生产力促进中心), unless it does research."""
    if not org or any(w in org for w in ("公司", "集团")):
        return False
    if title in words("official_titles") or _PARTY_ORGAN.search(org):
        return True
    if title.endswith("主任") and org.endswith("中心") and not any(w in org for w in ("研究", "研发", "实验", "技术", "工程", "创新")):
        p = lexicon().place(place_prefix(org) or "")
        return p is not None and p.level in ("country", "province", "city")
    return False


def level_base(doc: Doc, base: str | None, organ: str) -> str | None:
    """A base of the organ's own level: 区委 with the article's city (苏州) is the organ of the
    district the article names most (姑苏), and of no place when it names none."""
    lex = lexicon()
    if organ[:1] == "省" and base is None:
        levels = ("province",)  # 省委书记 in a province's own news
    elif base is None or organ[:1] not in ("区", "县", "镇"):
        return base
    else:
        p = lex.place(base)
        if p is not None and p.name.endswith(organ[0]):
            return base
        levels = ("county", "town")
    counts: dict[str, int] = {}
    names = doc.notes.get("name_starts", set())
    for s in doc.spans:
        if s.type == "Place" and not (s.start in names or s.start - 1 in names or s.start - 2 in names):  # (no name starts 0-2 before)
            q = lex.place(s.label)
            label = s.label
            if q is not None and not q.name.endswith(organ[0]) and (full := lex.place(s.label + organ[0])) is not None:
                q, label = full, s.label + organ[0]  # 清河 (also a 区 elsewhere) + 县委: 清河县
            if q is not None and q.name.endswith(organ[0]) and q.level in levels:
                counts[label] = counts.get(label, 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None
