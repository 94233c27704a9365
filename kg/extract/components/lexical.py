"""Mentions from the lexicons: places (a county's short form only with its region),
industries (known, "X产业", two joined by 及; unknown items of sector lists: industry_lists.py),
national bodies, and towns by their ending."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.event_edges import _sentence_floor
from kg.extract.components.mentions import _ZONES
from kg.extract.components.name_checks import _name_verbs
from kg.extract.components.project_edges import _LEAD_VERBS
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import (
    CAMPUS,
    HAN,
    industry_scanner,
    lexicon,
    place_ending_at,
    place_scanner,
    words,
)
from kg.extract.names import NICKNAMED, is_generic, is_stop_token, left_edge, stem_is_place
from kg.extract.registry import component
from kg.extract.segment import pos_tags, tokens

# Patterns compiled once (the rules run them per candidate).
_HAN_RUN = re.compile(f"[{HAN}]+")
_TWO_HAN = re.compile(f"[{HAN}]{{2}}")


def _two_han_before(text: str, end: int, floor: int) -> bool:
    """Whether two ideographs at or after ``floor`` end at ``end``: needed by any stem of two or
    more ideographs that ``left_edge(text, end, floor)`` can return (it never goes below floor)."""
    return end - 2 >= floor and _TWO_HAN.fullmatch(text, end - 2, end) is not None
_TOWN_END = re.compile("(?:镇|街道)")
_SECTOR_STEM = re.compile(f"[{HAN}]{{2,4}}?(?=产业)")

# ---------------------------------------------------------------------------- lexicons

#: words of where, not which sector, that may open a sector's name (世界平板显示产业, 全国智能家电产业)
_SCOPE_WORDS = frozenset({"世界", "全球", "国际", "全国", "全省", "全市", "全区", "全县", "国内", "国内外", "省内", "市内",
                          "当地", "本地", "我国", "我省", "我市", "我区", "业内", "区域"})
#: a product class after a known sector, then the end of a list item: 储能装备、, 光伏设备和, 风电装备等
_PRODUCT_HEAD = re.compile("(装备|设备)(?=[、和及与等]|企业|产业|领域)")
#: the sectors that take another before them as their kind (新能源 + 装备制造 is one sector)
_JOINED_HEADS = frozenset({"装备制造", "电池材料", "材料", "装备", "汽车零部件"})
#: the sectors of a material before 新材料 (有色金属新材料: one sector; 新能源新材料 is two)
_MATERIAL_SECTORS = ("金属", "化工", "钢铁", "稀土")
#: what may follow a sector written as an item: a list mark, 等, 产业/企业/领域, the clause's end
_ITEM_END = re.compile("[、和及与等,。;]|产业|企业|领域|行业")
#: the words that qualify new materials by degree, not by kind (高端新材料 is 新材料)
_DEGREE_WORDS = frozenset({"高端", "先进", "新型", "前沿", "关键", "重点", "战略", "化工", "绿色", "特色", "优势", "高性能", "能源"})


def _material_before(text: str, start: int) -> str | None:
    """The two-character word of a kind of material right before ``start`` (石墨, 钒钛, 铜基), if any."""
    q = text[max(0, start - 2) : start]
    if len(q) < 2 or q in _DEGREE_WORDS or not re.fullmatch("[\u4e00-\u9fff]{2}", q) or lexicon().place(q) is not None \
            or q[0] in "一二两三四五六七八九十百千几多" or q.endswith("大"):  # (三大新材料: a count)
        return None
    toks = tokens(text[max(0, start - 4) : start])
    if not toks or toks[-1] != q and not (len(toks) >= 2 and "".join(toks[-2:]) == q and all(len(t) == 1 for t in toks[-2:])):
        return None  # (the word must end at the sector: 钒钛, 铜基; not the tail of a longer word)
    return q if (pos_tags().get(q) or "n")[:1] == "n" or all(len(t) == 1 for t in tokens(q)) else None
#: sectors too broad to name one kind of equipment (新能源装备 is known; 制造装备 is no sector)
_BROAD_SECTORS = frozenset({"制造", "制造业", "装备制造", "服务业"})
#: a count and a measure opening a town's name (五里甸子镇, 三道沟镇, 八家子镇)
_NUMBERED_HEAD = re.compile("(?:(?<![\u4e00-\u9fff])|(?<=来到|走进|深入|位于|地处)|(?<=[在的]))[一二三四五六七八九十两]{1,2}(?:里|道|家|台|间)")
_NOT_TOWNS = frozenset({"城镇", "乡镇", "重镇", "小镇", "古镇", "村镇", "集镇", "名镇", "强镇", "大镇", "新镇", "坐镇"})
_NOT_AFTER_INDUSTRY = ("厂房", "园", "链", "基", "化", "用", "规", "结", "布", "体", "政", "生态", "联", "项", "创", "协", "投", "资", "工", "集聚", "载体", "空间", "人才", "转型", "升级", "高地", "能级", "层次", "形态", "优势", "发展基金")


@lru_cache(maxsize=1)
def _bare_parks() -> tuple[str, ...]:
    """The bare words for a zone (高新区, 开发区): no sector's name ends with one."""
    return tuple(words("bare_park_words"))


@lru_cache(maxsize=1)
def _not_industry_x() -> frozenset[str]:
    """The words that are no sector before 产业 or 领域 (a set made once, not per article)."""
    return frozenset(words("not_industry_x"))


def _place_ending_at(text: str, pos: int) -> int | None:
    """The start of a province, city or county name written right before ``pos``, if any."""
    return place_ending_at(text, pos, 5, ("province", "city", "county"))


#: characters that end one name and start another (a body's name does not run over them)
_NOT_IN_NAME = frozenset("的与和及、,。;:")


#: what, written right after a sector's word, makes it a product or an installation (新能源整车, 风电叶片, 光伏装机)
_PRODUCTS_OF_SECTOR = ("整车", "商用车", "专用车", "乘用车", "主机", "叶片", "塔筒", "变流器", "装机", "光伏装机", "风电装机", "电容", "基板", "粉体")


@component("lexicon_mentions")
def lexicon_mentions(doc: Doc) -> None:
    """Places, industries and national bodies from the lexicons; towns by suffix."""
    lex, text = lexicon(), doc.text
    attribute = words("place_attribute")
    kin: dict[object, bool] = {}  # county -> _kin_named (the same for every mention in this text)
    city_start, city_end = -1, -1  # the last city written with 市 (南充市 + 嘉陵区)
    for start, end in place_scanner().find(text):  # the matches of lex.place_re
        word = text[start:end]
        p = lex.places[word]
        if (word[-1] in "州县" and word not in (p.name, p.short) and text[end : end + 1] in ("委", "长")
                or word[-1] == "区" and text[end : end + 1] in ("位", "域")):
            # 甘孜 + 州委常委: the level opens the post (甘孜州 alone is the place); 荆州 + 区位
            end, word = end - 1, word[:-1]
            if word not in lex.places:
                continue
            p = lex.places[word]
        if len(word) == 2 and p.level == "county" and word != p.name:
            named = kin.get(p)
            if named is None:
                named = kin[p] = _kin_named(text, p)
            if not named:
                continue
        if len(word) == 2 and p.level in ("county", "city") and not _is_token(text, start, end):
            continue  # (after the test above: both skip the word, this one segments)
        if len(word) >= 3 and p.level == "county" and _split_by_words(text, start, end) and not _region_named(text, p):
            continue  # 对应 + 城市, not 应城市: a county the words around it unmake, its region unnamed
        if text.startswith(attribute, end) or (word == "中国" and text[start - 1 : start] in ("新", "其")) \
                or text[start - 1 : start] == "“" and text.endswith(NICKNAMED, max(0, start - 5), start - 1):
            continue  # 中国特色, 新中国成立, 其中 + 国家: no mention of the country as a place
        forms = {word, p.name}
        if start == city_end and word[-1] in "区县" and word != p.label:
            forms.add(text[city_start:end])  # 南充市嘉陵区: the district as written with its city
        if word[-1] == "市" and p.level == "city":
            city_start, city_end = start, end
        doc.add_span(Span(start, end, "Place", p.label, "place", 2, forms))
    prev = None  # (the start, end and word of the sector before)
    for start, end in industry_scanner().find(text):  # the matches of lex.industry_re
        word = text[start:end]
        label = lex.industries[word]
        if text.startswith(_PRODUCTS_OF_SECTOR, end):
            prev = None
            continue  # 新能源 + 整车, 风电 + 叶片, 风电光伏 + 装机: a product or an installation, not the sector
        doc.add_span(Span(start, end, "Industry", label, "industry", 2, {word}))
        if prev is not None and prev[1] == start and _ITEM_END.match(text, end) and (
                word in _JOINED_HEADS or word == "新材料" and prev[2].endswith(_MATERIAL_SECTORS)):
            # 新能源 + 装备制造, 新能源 + 电池材料: two sectors written as one, the kind of the first (as written)
            name = text[prev[0] : end]
            doc.add_span(Span(prev[0], end, "Industry", name, "industry", 2, {name}))
        if text.startswith("制造", end) and _ITEM_END.match(text, end + 2) and label.endswith("装备"):
            name = text[start : end + 2]  # 新能源装备 + 制造: the making of that equipment, as written
            doc.add_span(Span(start, end + 2, "Industry", name, "industry", 2, {name}))
        prev = (start, end, word)
        if label == "新材料" and (q := _material_before(text, start)) is not None and _ITEM_END.match(text, end):
            # 石墨 + 新材料, 钒钛 + 新材料: the new materials of one kind, a sector as the text writes it
            doc.add_span(Span(start - len(q), end, "Industry", q + word, "industry", 2, {q + word}))
        head = _PRODUCT_HEAD.match(text, end)
        if head is not None and label not in _BROAD_SECTORS:
            # 储能 + 装备、动力电池 + 装备和…: the sector's equipment, named as written in a list
            name = text[start : head.end(1)]
            doc.add_span(Span(start, head.end(1), "Industry", name, "industry", 2, {name}))
    known = list(lex.known_org_re.finditer(text))
    doc.notes["_known_orgs"] = (text, known)  # (people.barriers goes through them too: one scan of the text)
    for m in known:
        typ, label = lex.known_orgs[m.group()]
        if m.group() != label and text.startswith(("学", "院"), m.end()):
            continue  # 东北大学 holds 北大: an abbreviation inside a longer school's name is none
        place = _place_ending_at(text, m.start()) if m.group() != label else None
        if place is None and m.group() != label and m.start() >= 1 and text[m.start() - 1] not in _NOT_IN_NAME:
            place = _place_ending_at(text, m.start() - 1)  # 福建省 + 台 + 港澳办: the province's own office
        if place is not None:  # 青海省 + 国资委: the province's body, not the national one
            doc.add_span(Span(place, m.end(), typ, text[place : m.end()], "known_org", 4))
            continue
        if m.group() != label and m.start() >= 1 and text[m.start() - 1] in "省市区县" and typ == "GovernmentBody":
            # 市国资委: the city's own body, written bare (resolved against the article's city with the posts)
            doc.add_span(Span(m.start() - 1, m.end(), typ, text[m.start() - 1 : m.end()], "known_org", 4))
            continue
        campus = CAMPUS.match(text, m.end()) if typ == "University" else None
        if campus is not None and campus.group(1) in lex.places:
            # 哈尔滨工业大学(威海): a campus in another city is named with it
            doc.add_span(Span(m.start(), campus.end(), typ, label + campus.group(), "known_org", 5, {text[m.start() : campus.end()]}))
            continue
        doc.add_span(Span(m.start(), m.end(), typ, label, "known_org", 4, {m.group()}))
    # towns: a name ending in 镇/街道 (not 城镇, 重镇), after any county or city name
    for m in _TOWN_END.finditer(text):
        end = m.end()
        floor = _sentence_floor(doc, m.start())
        if not _two_han_before(text, m.start(), floor):
            continue  # no name of 2-4 ideographs can end here (tested below; cheap first)
        start, stem = left_edge(text, m.start(), floor)
        while stem and (stem[0] in lex.places or stem[0] in _LEAD_VERBS) and len(stem) > 1:
            start += len(stem.pop(0))  # (建设 + 回郭镇: the verb before a town the lexicon lacks)
        last_place = max((i for i, t in enumerate(stem[:-1]) if t in lex.places and len(t) >= 3), default=-1)
        if last_place >= 0:  # 新基地选址南安市 + 仑苍镇: the town right after its county
            start += sum(len(t) for t in stem[: last_place + 1])
            stem = stem[last_place + 1 :]
        num = _NUMBERED_HEAD.search(text, max(floor, start - 3), start) if stem else None
        if num is not None and num.end() == start:
            start, stem = num.start(), [num.group(), *stem]  # 五里 + 甸子镇, 三道 + 沟镇: a count opens many towns' names
        else:
            num = None
        zone = max((i for i, t in enumerate(stem[:-1]) if t.endswith(tuple(_ZONES))), default=-1)
        if zone >= 0:  # 南太湖新区康山街道: the town after its zone
            start += sum(len(t) for t in stem[: zone + 1])
            stem = stem[zone + 1 :]
        if not stem or not (2 <= m.start() - start <= (6 if num else 4)) or not _HAN_RUN.fullmatch(text[start : m.start()]):
            continue
        word = tokens(text[max(start, m.start() - 1) : end])[-1]
        if word in _NOT_TOWNS or text[m.start() - 1 : end] in _NOT_TOWNS:
            head = text[start : m.start() - 1]
            # X城镇, X集镇 with a one-character name X (巴城镇, 胡集镇), not 小城镇, 各城镇, 新型城镇
            if not (word in ("城镇", "集镇") and len(head) == 1 and (pos_tags().get(head) or "n")[0] in "njx" and not is_stop_token(head)):
                continue
        own = stem[1:] if num is not None else stem  # (the count of a numbered name is no stop)
        if is_generic(own) or any(t in lex.industries or is_stop_token(t) for t in own):
            continue
        doc.add_span(Span(start, end, "Place", text[start:end], "town", 3))
    # two sectors joined by 及 before 产业 are one sector (半导体及光电产业)
    for m in re.finditer("及", text):
        a = [i for i in lex.industry_re.finditer(text, max(0, m.start() - 8), m.start()) if i.end() == m.start()]
        b = lex.industry_re.match(text, m.end()) or _SECTOR_STEM.match(text, m.end())
        if a and b and text.startswith("产业", b.end()) and not any(is_stop_token(t) for t in tokens(b.group())):
            name = text[a[-1].start() : b.end()]
            doc.add_span(Span(a[-1].start(), b.end(), "Industry", name, "industry", 2, {name + "产业"}))
    # industries written "X产业" that the taxonomy does not know (绿色大交通产业)
    not_x = _not_industry_x()
    for m in re.finditer("产业", text):
        after = text[m.end() : m.end() + 4]
        if after.startswith(_NOT_AFTER_INDUSTRY):
            continue
        floor = _sentence_floor(doc, m.start())
        if not _two_han_before(text, m.start(), floor):
            continue  # no sector of 2-6 ideographs can end here (tested below; cheap first)
        start, stem = left_edge(text, m.start(), floor)
        scoped = False
        while len(stem) > 1 and (stem[0] in _SCOPE_WORDS or stem[0] in lex.places or stem[0][-1:] in "州市县区" and stem[0][:-1] in lex.places):
            start += len(stem.pop(0))  # 世界 + 平板显示产业, 宜春 + 锂电新能源产业, 楚雄州 + 钛产业: where, not which sector
            scoped = True
        if len(stem) >= 2 and stem[-1] in lex.industries and stem[-2] in lex.industries \
                and (len(stem) == 2 and text[start - 1 : start] not in ("、", "和", "及", "与") or len(stem) > 2 and stem[-3] not in lex.industries
                     and stem[-3] not in ("、", "和", "及", "与")):
            # (大力发展) + 文旅 + 康养 + 产业: two sectors written as one before 产业, one sector as written (over its parts)
            two = len(stem[-2]) + len(stem[-1])
            doc.add_span(Span(m.start() - two, m.end(), "Industry", text[m.start() - two : m.start()], "industry_x", 3,
                              {text[m.start() - two : m.end()]}))
            continue
        x = text[start : m.start()]
        if not (2 <= len(x) <= 6) or not _HAN_RUN.fullmatch(x) or scoped and not lex.industry_re.search(x):
            continue  # (after a place, a known sector must be in it: 常州 + 重振产业 is a verb's)
        if x in not_x or any(t in not_x for t in stem) or is_generic(stem) or stem_is_place(x):
            continue
        if x in lex.industries or any(p in x for p in ("企业", "项目", "园区", "集群", "链")):
            continue  # (a known sector with a qualifier or a second sector is named as written: 锂电新能源产业)
        if x.endswith(_bare_parks()):
            continue  # 介绍高新区产业发展: the zone's industries, no sector named 高新区

        if any(t in _name_verbs() or (pos_tags().get(t) or "n")[0] not in "nabjx" for t in stem if t not in lex.industries):
            continue
        if any(t in lex.places for t in stem):
            continue
        doc.add_span(Span(start, m.end(), "Industry", x, "industry_x", 1, {x + "产业"}))
    _leader_sectors(doc)
    _field_sectors(doc)


#: what makes the words before 领域 a sector: a firm that leads it or works in it
_FIELD_LEAD = re.compile("(?:的)?(?:骨干|头部|龙头|领军|领先|重点)企业")
_FIELD_WORK = re.compile("(?:专注|深耕|专攻|扎根)(?:于)?$|^在")
_FIELD_OPEN = frozenset({"国内", "国际", "全球", "全国", "行业", "业内", "该", "这一", "相关"})
#: kinds of field, not a field: 细分领域龙头企业, 多个领域
_FIELD_KINDS = frozenset({"细分", "各个", "多个", "诸多", "其他", "不同", "专业", "关键", "核心", "新兴", "前沿", "优势", "传统", "重要"})


def _field_sectors(doc: Doc) -> None:
    """A sector named by 领域 that a firm leads or works in (X是国内锂电池正极材料领域的头部企业,
    专注电池回收领域十余年, 在高端装备领域,): the words before 领域 when they are nominal."""
    text, lex = doc.text, lexicon()
    not_x = _not_industry_x()
    for m in re.finditer("领域", text):
        floor = _sentence_floor(doc, m.start())
        if not _two_han_before(text, m.start(), floor):
            continue
        start, stem = left_edge(text, m.start(), floor)
        worked = False
        while len(stem) > 1 and (stem[0] in _FIELD_OPEN or stem[0] in lex.places or _FIELD_WORK.search(stem[0])):
            worked = worked or _FIELD_WORK.search(stem[0]) is not None
            start += len(stem.pop(0))
        before = text[max(floor, start - 3) : start]
        worked = worked or _FIELD_WORK.search(before) is not None or before.endswith("在") and text[m.end() : m.end() + 1] in ",，"
        if not (worked or _FIELD_LEAD.match(text, m.end())):
            continue
        x = text[start : m.start()]
        if not (2 <= len(x) <= 8) or not _HAN_RUN.fullmatch(x) or x in lex.industries or x in not_x or stem[0] in _FIELD_KINDS:
            continue
        if is_generic(stem) or any(t in not_x or is_stop_token(t) or t in lex.places for t in stem) or lex.suffix_re.search(x):
            continue
        if any(t not in lex.industries and (t in _name_verbs() or (pos_tags().get(t) or "n")[0] not in "nabjx") for t in stem):
            continue  # 城市规划建设领域: an activity, not a sector
        doc.add_span(Span(start, m.start(), "Industry", x, "industry_x", 1, {x + "领域"}))


#: What names a firm a leader of its sector (compiled with the rules: see kg.charsets).
_LEADER_WORD = re.compile("(?:领域|行业)?(?:领军企业|龙头企业|领军者)")
_FIRM_AFTER = re.compile(f"[{HAN}A-Za-z]{{2,8}}?(?:集团|公司|股份|控股|科技|[,,](?:将|则|已|在))")


def _leader_sectors(doc: Doc) -> None:
    """The sector a firm leads: 国内运动鞋服领军企业X, 光学龙头企业X (the words before 领军企业)."""
    text, lex = doc.text, lexicon()
    not_x = _not_industry_x()
    for m in _LEADER_WORD.finditer(text):
        if not _FIRM_AFTER.match(text, m.end()) or text[m.start() - 2 : m.start()] in ("一批", "细分"):
            continue  # the sector of a named firm only (…领军企业安踏集团), not 培育一批细分领域龙头企业
        floor = _sentence_floor(doc, m.start())
        if not _two_han_before(text, m.start(), floor):
            continue  # no sector of 2-6 ideographs can end here (tested below; cheap first)
        start, stem = left_edge(text, m.start(), floor)
        while stem and (stem[0] in lex.places or is_generic(stem[:1]) or stem[0] in ("全球", "国内外", "业内", "省内", "市内")):
            start += len(stem.pop(0))  # 国内, 全球, 苏州: where, not which sector
        x = text[start : m.start()]
        if not (2 <= len(x) <= 6) or not _HAN_RUN.fullmatch(x) or x in lex.industries or x in not_x:
            continue
        if is_generic(stem) or any(t in not_x or is_stop_token(t) for t in stem) or lex.suffix_re.search(x) or lex.industry_re.search(x):
            continue
        doc.add_span(Span(start, m.start(), "Industry", x, "industry_x", 1))


_KIN_ENDS = ("市", "县", "区", "经开", "高新", "开发", "经济开发")


def _kin_named(text: str, p) -> bool:
    """Whether the text names a county's city or province, or the county with an
    administrative ending or as a zone's prefix (昆山市, 昆山开发区): a bare county
    short form (友谊, 古城, 城东) is most often a common word unless its region is in the story."""
    at = text.find(p.short)  # (what follows each use of the short form: one scan, not one per ending)
    while at >= 0:
        if text.startswith(_KIN_ENDS, at + len(p.short)):
            return True
        at = text.find(p.short, at + 1)
    return _region_named(text, p)


def _region_named(text: str, p) -> bool:
    """Whether the text names the county's city or province (two levels up)."""
    lex = lexicon()
    parent = lex.places.get(p.parent)
    hops = 0
    while parent is not None and hops < 2:
        if parent.name in text or (parent.short and parent.short in text):
            return True
        parent = lex.places.get(parent.parent) if parent.parent else None
        hops += 1
    return False


def _split_by_words(text: str, start: int, end: int) -> bool:
    """Whether the character before a place and the place's first character make a word of jieba's
    own dictionary, and the rest of the place is one too (对应 + 城市 over 应城市, 响应 + 城市)."""
    tags = pos_tags()
    return start >= 1 and text[start - 1 : start + 1] in tags and text[start + 1 : end] in tags


_ADMIN_END = frozenset("市区县省州镇乡委")


def _is_token(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word of its context (大新 is not one in 做大新兴产业)."""
    lo = max(0, start - 3)
    pos = lo
    for tok in tokens(text[lo : end + 3]):
        if pos == start:
            # the token is the word itself or the word plus an administrative ending
            # (苏州市), not a longer word that merely starts with it (高密度)
            return pos + len(tok) == end or (pos + len(tok) > end and tok[end - start] in _ADMIN_END)
        if pos > start:
            return False
        pos += len(tok)
    return False
