"""Where a project's name starts when a verb of building stands before it (name_mentions).

Project names are descriptions: 高端介入医疗器械研发生产基地项目, 通用飞机总装及维修基地项目,
年产2万吨芳纶纸及蜂窝材料项目. Walking left from 项目 over word tokens stops at the first verb
or conjunction inside them (介入, 试飞, 及). When the clause says what is built (建设X项目, 投资
35亿元建设的X项目, …有限公司年产2万吨X项目), all of X is the name: from the verb, or from the
capacity after the firm that builds it, to the suffix. So with a park and a verb of building inside
the stem (…产业园建设 + X项目), a brand read as a verb or written before the sector (签约 + 申能 +
X项目, 建设 + 晋驰 + 氢燃料电池…项目), and a verb before two products joined by 及. Where a name
opening after 及 starts (start_before_and): two sectors or two sites joined are one name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.name_edges import _left_stop_set
from kg.extract.lexicon import HAN, lexicon
from kg.extract.names import BUILD, is_generic, left_edge
from kg.extract.segment import _HAN_BLOCK, pos_tags, tokens

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
_NOT_NAME_START = re.compile(r"(?:成为|成|为|首个|首批|一批|多个|一个|一期|总投资|投资|项目|重点|重大|[\d一二两三四五六七八九十]+(?:个|项|家|批))")
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


#: verbs of building a firm's headquarters (X建设 + 集团总部)
_BUILD_VERBS = frozenset({"建设", "设立", "打造", "布局", "建立", "新建", "建"})
_LEAD_VERBS = frozenset({"建设", "推进", "实施", "加快", "推动", "深化", "新建", "扩建", "改建", "续建", "投建", "兴建"})

#: a yearly capacity's verb and its amount with a unit (年产 + 10万吨)
_PER_YEAR = "年(?:产|处理|加工)"
_CAPACITY_AMOUNT = r"[\d.]+(?:万|千|亿)?(?:吨|台|套|辆|片|件|GWh|GW|MW|立方米)"
#: a capacity opening the part before 及 (年产5万吨锂电池电解液 + 及添加剂项目): one project of two products
_CAPACITY_OPENS = re.compile(f"(?:{_PER_YEAR})?{_CAPACITY_AMOUNT}")
#: a capacity right before a sector (年产10万吨 + 绿氢及…项目, 100万千瓦 + 风电及配套储能项目)
_CAPACITY_BEFORE = re.compile(f"(?:{_PER_YEAR}{_CAPACITY_AMOUNT}|[\\d.]+万?(?:千瓦|兆瓦|MW|GW))$")
#: a firm's legal name's end (X有限公司 + 精密线束及连接器项目: the project named after it)
_LEGAL_NAME_END = re.compile("有限公司|有限责任公司|集团")
#: a firm's name (…集团, …公司) right before a project's capacity (年产10万吨): the project starts there
_CAPACITY_AFTER_FIRM = re.compile(f"(?:集团|公司)(?={_PER_YEAR}[\\d.])")
#: a park's name (…园区, …开发区) right before a project's capacity (年产20万吨): the project starts there
_CAPACITY_AFTER_PARK = re.compile(f"(?:园区|产业园|工业园|开发区|高新区|经开区|新区)(?={_PER_YEAR}[\\d.])")

#: 盐湖提锂及电池级碳酸锂: a process and its product, one project.
_PROCESS_AND = re.compile("(?:提锂|提纯|冶炼|精炼|加工|制造|生产|回收|利用|开发|制氢|制备|储运|种植|养殖|繁育|育苗|育种|开采|采选)及$")
#: 耐火材料及镁合金: two products of one project (the part before 及 ends in a kind of product).
_PRODUCT_AND = re.compile("(?:材料|设备|装备|组件|部件|器件|产品|芯片|模组|电池|化学品|制品|原料药|叶片)及$")
#: 研发及产业化, 研发和生产: the two stages of one project.
_RD_AND = re.compile("(?:研发|研制)[及和与](?:产业化|生产|制造)")
_SITE_END = re.compile("(?:基地|中心|产业园|总部|工厂)$")
#: a zone's name ending inside a project's stem (天门经济开发区 + 湖北…项目)
_ZONE_THEN_PLACE = re.compile("(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|经开区|工业园区|产业园区)")


@lru_cache(maxsize=1)
def _park_then_build() -> re.Pattern[str]:
    """A park's name ending, then a verb of building (…产业园建设, …高新区打造)."""
    ends = sorted((suf for suf, (t, _) in lexicon().suffixes.items() if t == "Park"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, ends)) + f")(?:{BUILD})")


def _built_in_park(text: str, start: int, end: int) -> int | None:
    """Where a name starts after a park and a verb of building inside its stem, if any."""
    if text.find("建", start, end) < 0 and text.find("打造", start, end) < 0:
        return None  # (every verb of BUILD holds 建 but 打造: most stems hold neither)
    last = None
    for m in _park_then_build().finditer(text, start, end):
        last = m
    return last.end() if last is not None and end - last.end() >= 2 else None


def _firm_brand_before(text: str, start: int, floor: int) -> int:
    """Start of a brand read as a verb right before a project's name (签约 + 申能 + 220千伏海缆项目),
    when the article names a firm with it (上海申能海缆有限公司)."""
    lo = max(floor, start - 6)
    if start - 2 < lo or not _HAN_BLOCK.fullmatch(text, start - 2, start):
        return start  # (the window's last token is then a single character, or none: the test below)
    tags = pos_tags()
    if not (tags.get(text[start - 2 : start]) or "").startswith("v") and (start - 3 < lo or not (tags.get(text[start - 3 : start]) or "").startswith("v")):
        return start  # (the last token, a verb of 2 or 3 characters in the test below, ends the window: neither is one)
    toks = tokens(text[lo : start])
    if not toks or not 2 <= len(toks[-1]) <= 3 or not (pos_tags().get(toks[-1]) or "").startswith("v") or toks[-1] in _BUILD_VERBS:
        return start
    brand = toks[-1]
    if len(toks) < 2 or toks[-2] not in _left_stop_set():
        return start  # (签约, 建设, 投资 before the brand: the verb that governs the project)
    return start - len(brand) if _firm_named(text, brand) else start


#: what follows a brand in a firm's name (申能 + 海缆有限公司)
_FIRM_AFTER_BRAND = re.compile("[^,。;]{0,8}?(?:有限公司|股份|集团)")


def _firm_named(text: str, brand: str) -> bool:
    """Whether the text names a firm with ``brand`` (at any of its occurrences, as a search of
    brand + :data:`_FIRM_AFTER_BRAND` finds: no pattern built per brand)."""
    i = text.find(brand)
    while i >= 0:
        if _FIRM_AFTER_BRAND.match(text, i + len(brand)):
            return True
        i = text.find(brand, i + 1)
    return False


def _brand_before_sector(text: str, start: int, floor: int) -> int:
    """Start of a brand (two to four characters, no verb, place or sector) right before the sector a
    project's name opens with, after the verb that builds it: 建设 + 晋驰 + 氢燃料电池…项目."""
    s2, toks = left_edge(text, start, floor)
    while toks and toks[0] in _BUILD_VERBS | _LEAD_VERBS:
        s2 += len(toks.pop(0))
    brand = text[s2:start]
    lex = lexicon()
    if not 2 <= len(brand) <= 4 or lex.place_re.match(brand) or lex.industry_re.search(brand) or is_generic(toks):
        return start
    return s2


def _built_pair(text: str, start: int, end: int) -> int | None:
    """Where the name starts when ``text[start:end]``, the part before 及 of a project's name, is a
    build verb and a product (建设 + 中药饮片): after the verb comes one project, whatever 及 joins
    in its name. The verb may follow the place it builds in (蚌埠高新区建设 + 高纯石英坩埚): the name
    then starts after it. None when no verb stands there."""
    toks = tokens(text[start:end])
    verbs = _BUILD_VERBS | _LEAD_VERBS
    k = 0 if toks and toks[0] in verbs else max((i for i, t in enumerate(toks) if t in _BUILD_VERBS), default=-1)
    if len(toks) < 2 or k < 0 or k == len(toks) - 1:
        return None
    at = start + sum(map(len, toks[: k + 1]))
    rest = text[at:end]
    lex = lexicon()
    if len(rest) < 2 or lex.suffix_re.search(rest) or lex.place_re.match(rest):
        return None
    return start if k == 0 else at


def start_before_and(text: str, typ: str, start: int, s_start: int, floor: int, stem_toks: list[str]) -> tuple[int, list[str]]:
    """Where a park's, project's or fund's name starts when its stem (from ``start``, its tokens
    ``stem_toks``) opens right after 及: the name holds both sides (半导体及光电产业园, X产业基地及
    研发中心项目); the start and the stem's tokens, as they were when nothing before 及 joins in."""
    lex = lexicon()
    prev = [i for i in lex.industry_re.finditer(text, max(floor, start - 8), start - 1) if i.end() == start - 1]
    if prev:  # 半导体及光电产业园: two sectors joined
        start = prev[-1].start()
        if typ == "Project":
            start = _brand_before_sector(text, start, floor)  # 建设 + 晋驰 + 氢燃料电池及电解槽…项目
            cap = _CAPACITY_BEFORE.search(text, max(floor, start - 14), start)
            if cap is not None:
                start = cap.start()  # 年产10万吨 + 绿氢及绿色甲醇项目: the capacity opens the name
                s3 = left_edge(text, start, floor)[0]
                placed = next((p for p in lex.place_re.finditer(text, max(s3, start - 8), start) if p.end() == start), None) \
                    if s3 < start else None
                if placed is not None and placed.end() == start:
                    start = s3  # 恒储 + 武威 + 年产10GWh储能电池及系统集成项目: a brand and a place before it
        placed = lex.place_re.search(text, max(floor, start - 4), start) if typ == "Fund" else None
        if placed is not None and placed.end() == start:
            start = placed.start()  # 厦门市 + 半导体和集成电路产业投资基金: the fund of a city
        stem_toks = list(tokens(text[start : s_start]))
    elif typ == "Project":
        s2, _ = left_edge(text, start - 1, floor)
        legal = None
        for legal in _LEGAL_NAME_END.finditer(text, s2, start - 1):
            pass
        if legal is not None and start - 1 - legal.end() >= 2:
            start = legal.end()  # X有限公司 + 精密线束及连接器项目: the firm's project, both products in its name
            stem_toks = list(tokens(text[start : s_start]))
        elif start - 1 - s2 >= 4 and (_SITE_END.search(text[s2 : start - 1]) or _RD_AND.match(text, start - 3) or _PROCESS_AND.search(text, s2, start)
                                    or _PRODUCT_AND.search(text, s2, start) or _CAPACITY_OPENS.match(text, s2)):
            start = s2  # X产业基地及研发中心项目: one project of two sites
            zone = None
            for zone in _ZONE_THEN_PLACE.finditer(text, s2, s_start):
                pass
            if zone is not None and lex.place_re.match(text, zone.end()) is not None:
                start = zone.end()  # 天门经济开发区 + 湖北X药业原料药及制剂…项目: the zone it is in, then the firm's project
            stem_toks = list(tokens(text[start : s_start]))
        elif (s3 := _built_pair(text, s2, start - 1)) is not None:
            start = s3  # 投资6亿元建设 + 中药饮片及配方颗粒生产项目: what is built, two products
            stem_toks = list(tokens(text[start : s_start]))
    return start, stem_toks
