"""Sectors named inside names (industries): 临江市数字经济产业投资基金, 2025X产业发展论坛, 金昌镍钴新材料
产业联盟 (the sector as the name writes it), 宝鸡钛产业发展基金 (a sector no lexicon has, written
before 产业); not the sectors in the name of what an event is named after (X产业园开工仪式)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.clauses import _is_org
from kg.extract.components.lexical import _JOINED_HEADS
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon, words
from kg.extract.segment import pos_tags, tokens


def sectors_in_names(doc: Doc) -> None:
    """The sectors named inside events, parks, initiatives, institutes, associations and funds."""
    lex = lexicon()
    ind_labels = {e.label for e in doc.entities.values() if e.type == "Industry"}
    named_after = None  # the parks, projects and firms an event may be named after (the loop adds only sectors)
    for e in list(doc.entities.values()):
        if e.type not in ("Event", "Park", "Initiative", "ResearchInstitute", "Association", "Fund"):
            continue
        found = list(lex.industry_re.finditer(e.label))  # (the lexicon's sectors: none added below)
        if "产业" in e.label and e.type not in ("ResearchInstitute", "Park") and not found \
                and (x := _unknown_sector(e.label)) is not None:
            # 宝鸡钛产业发展基金, 钒钛产业高质量发展三年行动: a sector no lexicon has, written before 产业
            if x not in ind_labels:
                doc.ensure_entity("Industry", x)
                ind_labels.add(x)
            doc.relate("inIndustry", e.label, x, e.mentions[0].sentence if e.mentions else 0)
        if not found:
            continue
        # an event named after a park, project or firm (X产业园开工仪式) is not about the sectors in X's name
        if e.type == "Event" and named_after is None:
            # (not an alliance: its founding, X产业联盟成立大会, is in its sector, as it is)
            named_after = [o for o in doc.entities.values() if len(o.label) >= 4 and (o.type in ("Park", "Project", "Initiative")
                                                                                      or _is_org(o.type) and o.type != "Association")]
        inner = [(i, i + len(o.label)) for o in named_after if o is not e and (i := e.label.find(o.label)) >= 0] if e.type == "Event" else []
        for k, m in enumerate(found):
            lab = lex.industries[m.group()]
            if any(a <= m.start() and m.end() <= b for a, b in inner) or e.label.startswith("时代", m.end()):
                continue  # …数字经济时代… names an age, not the sector
            if k + 1 < len(found) and found[k + 1].start() == m.end() and found[k + 1].group().removesuffix("产业") in _JOINED_HEADS:
                continue  # (新能源 + 电池材料: the two as one, below)
            written = _written_sector(e.label, m)
            head = m.group().removesuffix("产业")
            if e.type == "Fund" and _a_firms_brand_before(doc, e.label, m.start()):
                continue  # 长兴 + 瀚海 + 新能源产业投资基金: the firm's own fund, named with its brand, not the sector's
            if k and found[k - 1].end() == m.start() and head in _JOINED_HEADS and e.label.startswith("产业", m.start() + len(head)):
                written = e.label[found[k - 1].start() : m.start() + len(head)]  # 支持 + 新能源电池材料 + 产业…措施: one sector as written
            if written is not None:
                lab = written  # 金昌 + 镍钴新材料 + 产业联盟: the sector as the name writes it
            joined = e.label[m.start() - 1 : m.start()] in ("和", "及", "与", "、") or e.label[m.end() : m.end() + 1] in ("和", "及", "与", "、")
            if e.type == "Fund" and joined:
                continue  # 半导体和集成电路产业投资基金: a fund of a field, not of each sector named
            if lab not in ind_labels and (_named_after(e, m) or written is not None and e.type in ("Association", "Event", "Initiative")):
                # (锡铟新材料产业联盟: a sector the name writes out with its kind is one the text names)
                doc.ensure_entity("Industry", lab)  # 临江市数字经济产业投资基金, 2025X产业发展论坛: one sector's
                ind_labels.add(lab)
            if lab in ind_labels:
                doc.relate("inIndustry", e.label, lab, e.mentions[0].sentence if e.mentions else 0)


def _a_firms_brand_before(doc: Doc, label: str, at: int) -> bool:
    """Whether ``label`` writes a firm's short name (two characters or more, no place) right before
    ``at`` (长兴 + 瀚海 + 新能源…基金, 瀚海 a name of 瀚海控股)."""
    lex = lexicon()
    return any(e.type == "Company" and any(len(n) >= 2 and n not in lex.places and label.endswith(n, 0, at) for n in (e.label, *e.aliases))
               for e in doc.entities.values())


#: What follows a sector in the name of a gathering about it: X产业招商推介会, X产业高质量发展论坛,
#: X产业项目签约仪式, X专题推介会 (not X产业园开工仪式: a park's).
_SECTOR_GATHERING = re.compile(
    r"(?:产业|专题)(?:招商|高质量|发展|创新|合作|项目|集群|建设|推进|国际|高峰|专题|交流|对接|融合)*"
    r"(?:推介会|论坛|大会|峰会|博览会|交流会|对接会|洽谈会|推进会|签约仪式)$"
)


@lru_cache(maxsize=1)
def _element_chars() -> frozenset[str]:
    """The chemical elements a material sector is named by (read once, not per name)."""
    return frozenset(words("element_chars"))


def _written_sector(label: str, m: re.Match[str]) -> str | None:
    """The sector as a name writes it, when a short qualifier in nouns stands between the name's
    place (or year) and the known sector, and 产业 follows (金昌 + 镍钴新材料 + 产业联盟, 舟山 +
    绿色石化 + 产业子基金); None when the name writes the known sector alone."""
    end = m.end() - 2 if m.group().endswith("产业") else m.end()
    if not label.startswith("产业", end):
        return None
    lex = lexicon()
    opens = 0  # where the words after the name's place, year or mark begin
    for pm in lex.place_re.finditer(label, 0, m.start()):
        opens = pm.end()
    if opens and label[opens : opens + 1] in ("州", "市", "县", "区", "盟", "旗"):
        opens += 1  # 大理 + 州 + 清洁能源产业基金: the place's level word is no qualifier
    for k in range(m.start() - 1, opens - 1, -1):
        if not "\u4e00" <= label[k] <= "\u9fff" or label[k] == "年":
            opens = k + 1
            break
    q = label[opens : m.start()]
    if not 1 <= len(q) <= 4:
        return None
    tags = pos_tags()
    elements = _element_chars()
    if q.removesuffix("基") and all(c in elements for c in q.removesuffix("基")):
        return label[opens:end]  # 锡铟 + 新材料 + 产业联盟, 锌基 + …: elements (锡 alone reads as 无锡's short name)
    if any(w in q for w in _SCOPE_WORDS) or not all(tags.get(t) in _QUALIFIER_TAGS for t in tokens(q)):
        return None  # 加快, 首批国际, 北疆: a verb, a count or a region, not a kind of the sector
    return label[opens:end]


#: a sector written before 产业 in a name, and the kinds of names it opens (发展基金, 联盟, 三年行动; a park's
#: name is left out: 医药产业园, 航空产业园 are as often named for no sector of the text's)
_SECTOR_BEFORE_CHANYE = re.compile("((?:(?!产业)[\u4e00-\u9fff]){2,6}?)产业(?:高质量发展|发展|链|联盟|投资|子基金|母基金|基金|园|大会|论坛|峰会|博览会|推介会|合作|协会|研究院|创新)")
#: what qualifies the sectors of a place rather than naming one (主导产业, 新兴产业)
_NOT_A_SECTOR = ("重点", "主导", "新兴", "优势", "特色", "传统", "相关", "战略性", "未来", "现代", "支柱", "首位", "特色优势", "生态", "县域",
                 "高新技术")


#: a year or session opening a name, or a host city in brackets after its country: 2026, 第三届, (仁怀)
_OPENING_TIME = re.compile(r"(?:19|20)\d{2}年?|第[一二三四五六七八九十\d]+届|\([\u4e00-\u9fff]{2,6}\)")


def _unknown_sector(label: str) -> str | None:
    """The sector a name writes before 产业 right after its place or year (宝鸡 + 钛 + 产业发展基金 has one
    character: none; 攀枝花 + 钒钛 + 产业…), when it is words no lexicon knows and no scope or kind of sector."""
    lex = lexicon()
    opens, before = 0, -1
    while opens > before:  # (places, a year, a bracketed host city, in any order: 2026中国(仁怀) + 酱香白酒产业…)
        before = opens
        while (pm := lex.place_re.match(label, opens)) is not None and pm.end() > opens:
            opens = pm.end()
            if opens and label[opens : opens + 1] in ("州", "市", "县", "区", "盟", "旗") and label[opens + 1 : opens + 2] != "产":
                opens += 1  # 大理 + 州 + 清洁能源产业基金: the place's level word too
        y = _OPENING_TIME.match(label, opens)
        opens = y.end() if y else opens
    m = _SECTOR_BEFORE_CHANYE.match(label, opens)
    if m is None:
        return None
    x = m.group(1)
    if x in _NOT_A_SECTOR or any(w in x for w in _SCOPE_WORDS) or x in lex.places or lex.place_re.match(x):
        return None
    tags = pos_tags()
    if not all(tags.get(t) in _QUALIFIER_TAGS for t in tokens(x)):
        return None
    return x


#: words of a name's scope, not of its sector (中德国际智能制造产业园)
_SCOPE_WORDS = ("国际", "全球", "中国", "国家", "世界", "全国")
#: jieba's tags of the words that qualify a sector (镍钴, 绿色, 高端, 新型): nouns and distinguishing words
_QUALIFIER_TAGS = frozenset({"n", "ng", "nz", "b", "a", "nrt"})


def _named_after(e, m: re.Match[str]) -> bool:
    """Whether a fund or an event is named after the sector ``m`` found in its name (the sector is
    then in the graph even when the text names it nowhere else)."""
    if e.type == "Fund":
        return _FUND_NAMED.match(e.label, m.end()) is not None
    if e.type == "Event" and e.mentions:
        return _SECTOR_GATHERING.match(e.label, m.end() - 2 if m.group().endswith("产业") else m.end()) is not None
    return False


#: the rest of a fund's name after its one sector: 产业投资基金, 子基金
_FUND_NAMED = re.compile("(?:产业)?(?:投资|发展|引导|创业投资|股权投资)?(?:子)?基金$")
