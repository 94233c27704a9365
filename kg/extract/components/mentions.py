"""Mention detection: names by suffix (organisations, parks, events, initiatives, projects),
plans, and quoted names (slogans, systems, 《policies》). Lexicon mentions are in lexical.py,
names in lists in lists.py."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon, words
from kg.extract.names import is_generic, left_edge, stem_is_place
from kg.extract.registry import component
from kg.extract.segment import tokens

# ---------------------------------------------------------------------------- shared helpers


def _barrier_floor(doc: Doc, pos: int, floor: int) -> int:
    from kg.extract.components.people import barriers

    bs = barriers(doc)
    i = bisect.bisect_right(bs, pos) - 1
    return max(floor, bs[i]) if i >= 0 else floor


def _name_verbs() -> frozenset[str]:
    return frozenset(words("name_verbs"))


@lru_cache(maxsize=1)
def _left_stop_set() -> frozenset[str]:
    return frozenset(words("left_stop"))


def _sentence_floor(doc: Doc, pos: int) -> int:
    return doc.sentences[doc.sentence_at(pos)].start if doc.sentences else 0


_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")


#: characters that never begin a firm's brand after its place (苏州的…, 无锡和…)
_FUNCTION_CHARS = frozenset("的和与及在由为是将把被对向从到等了着过并或同跟以于")


def legal_name_start(text: str, start: int, end: int, floor: int) -> int:
    """Start of a firm's legal name (``text[start:end]`` ends in 有限公司) or of a listed
    project whose left edge stopped at a verb-like word of its brand: a place written before
    that word opens the name (苏州 + 远航 + 智能科技有限公司, 、泉港 + 联合 + 石化…项目)."""
    listed = text.endswith("项目", start, end)
    if not (text.endswith(_LEGAL_FORMS, start, end) or listed) or start <= floor:
        return start
    from kg.extract.segment import pos_tags

    lex = lexicon()
    toks = list(tokens(text[max(floor, start - 8) : start]))
    if len(toks) < 2 or not 1 <= len(toks[-1]) <= 2:
        return start
    single = len(toks[-1]) == 1 and not listed and toks[-1] not in _FUNCTION_CHARS and re.match(f"[{HAN}]", toks[-1])
    if not single and not (pos_tags().get(toks[-1]) or "").startswith("v"):
        return start  # 宁波 + 均 + 胜电子股份有限公司: a single character of the brand read as a word
    place = toks[-2]
    if place not in lex.places and place.rstrip("市省") not in lex.places:
        return start
    at = start - len(toks[-1]) - len(place)
    if listed:
        # a project item of a list (、泉港联合石化技术改造项目): the place opens the item
        if len(toks[-1]) < 2 or not (text[at - 1 : at] in ("、", ",", ":") or text.endswith("包括", 0, at)):
            return start
    elif toks[-1] in _left_stop_set() and not single:
        return start
    return at


def _opens_item(text: str, start: int, floor: int) -> bool:
    """Whether the single character before ``start``, where a name's left edge stopped, opens
    the name: it follows 、 or 的 and is no word that introduces names, or it starts a place
    after a break (、上海城市…中心)."""
    prev = text[start - 1]
    if not re.match(f"[{HAN}]", prev) or start < 1:
        return False
    before = text[start - 2] if start - 2 >= floor else "\n"
    if before not in "、的,;:。!?\n“":
        return False
    lex = lexicon()
    if any(text[start - 1 : start - 1 + k] in lex.places for k in (2, 3)):
        return True
    if before not in "、的":
        return False  # 经市政府…, 以科技创新…: a clause opens with a preposition
    from kg.extract.names import is_stop_token

    # 正, 同, 本 also open firms' names (正泰, 同程); 在, 与, 将 … never do
    opener = prev not in _left_stop_set() or prev in ("正", "同", "本")
    return opener and is_stop_token(prev) and text[start : start + 1] not in ("的", "、")


def _verb_brand(text: str, end: int, floor: int) -> int:
    """Start of a brand read as a verb before a firm's suffix (安踏 + 集团), when a word
    for a firm (企业, 龙头) or a list separator stands before it."""
    from kg.extract.segment import pos_tags

    toks = list(tokens(text[max(floor, end - 8) : end]))
    if not toks or not 2 <= len(toks[-1]) <= 3 or not (pos_tags().get(toks[-1]) or "").startswith("v"):
        return end
    if toks[-1] in _left_stop_set() or toks[-1] in _name_verbs():
        return end
    before = toks[-2] if len(toks) > 1 else ""
    if before in _STEM_BREAK or before in ("、", ","):
        return end - len(toks[-1])
    return end


# ---------------------------------------------------------------------------- names by suffix

_PROGRAMME_VERBS = ("攻关", "提升", "培育", "扶持", "引才", "倍增", "领航", "强链", "补链", "赋能", "振兴")
_INITIATIVE_STRONG = ("行动计划", "行动方案", "实施方案", "工作推进机制", "工作机制", "支撑体系", "产业布局", "战略目标", "具体举措", "培育体系",
                      "综合试验区", "综合试验", "示范平台")


#: stems that say who backs a project or what kind it is, not which project it is
_PROJECT_KIND = re.compile("(?:外商|外资|港资|台资|侨资|内资|民营|民企|央企|国企|省属|市属|实体|产业化|民间)(?:投资|企业|资本)?")


def _accept(typ: str, suffix: str, stem: str, stem_tokens: list[str], text: str, start: int) -> bool:
    lex = lexicon()
    if typ == "Initiative":
        if "“" in stem or "《" in stem or "+" in stem or re.search(r"\d", stem):
            return True
        if suffix == "产业布局" and any(t in _name_verbs() or t in ("引领", "优化", "调整", "完善") for t in stem_tokens):
            return False  # 以科技创新引领特色产业布局: a phrase about the layout, not a named one
        if suffix in _INITIATIVE_STRONG and stem and not is_generic(stem_tokens):
            return True
        if suffix in ("计划", "工程") and len(stem) >= 4 and stem.endswith(_PROGRAMME_VERBS) and not is_generic(stem_tokens):
            return True  # X技术攻关计划, X人才引进工程: a named programme
        if suffix == "一体化":
            return stem in ("长三角", "区域", "京津冀", "粤港澳大湾区", "长江三角洲", "成渝")
        if stem.endswith(("联盟", "协会")):
            return True
        return bool(stem_tokens) and stem_tokens[0] in lex.places and len(stem_tokens) > 1 and not is_generic(stem_tokens[1:])
    if typ == "Project":
        if re.search("(?:业|类|个|等|以上|领域|重大|重点|经济|工艺|产业|型|设施|招商|签约|好|大)$", stem) or "领域" in stem:
            return False
        if stem.startswith(("更多", "国内外", "海内外")) or re.search("(?:一批|一大批|这批|该批|各类)$", text[max(0, start - 3) : start]):
            return False  # 更多好项目, 一批直播基地项目: a kind of project, not a name
        if stem_tokens and all(t in _name_verbs() for t in stem_tokens):
            return False  # 攻关项目, 招商项目: an activity, not a name
        if _PROJECT_KIND.fullmatch(stem):
            return False  # 外商投资项目, 台资项目, 实体项目: a kind of project by its backer
        return not is_generic(stem_tokens)
    if typ == "Company" and stem_is_place(stem):
        return False
    if typ in ("Park", "Event", "ResearchInstitute", "University", "Association", "Fund") and is_generic(stem_tokens):
        return False
    if typ == "Company" and is_generic(stem_tokens):
        return False
    return True


def _firm_base_type(stem: str) -> str | None:
    """A firm's own base (腾讯(苏州)数字产业基地, X集团苏州产业基地) is a Project when the stem
    names its owner (a firm marker or a bracketed place after a brand); otherwise
    (生产基地, 光通信产业基地) it is no name at all: only zones where firms settle are parks."""
    lex = lexicon()
    bracket = re.search(r"\(([^()]+)\)", stem)
    owner = (
        any(w in stem for w in words("firm_base_owner"))
        or (bracket is not None and bracket.start() >= 2 and bracket.group(1) in lex.places)
        or any(stem.startswith(k) for k in lex.known_orgs)
    )
    return "Project" if owner else None


@component("name_mentions")
def name_mentions(doc: Doc) -> None:
    """Organisations, parks, events, initiatives and projects named by their suffix."""
    lex, text = lexicon(), doc.text
    for m in lex.suffix_re.finditer(text):
        suffix = m.group()
        typ, min_stem = lex.suffixes[suffix]
        nxt = text[m.end() : m.end() + 1]
        if typ in ("University",) and nxt in ("生",):
            continue
        if typ == "Park" and suffix.endswith("区") and nxt in ("块", "域", "间", "别"):
            continue  # 高新区块, 示范区域: not the zone's name
        end = m.end()
        if typ == "Park" and suffix in ("自由贸易试验区", "自贸试验区", "自贸区"):
            area = re.match(f"[{HAN}]{{2,4}}片区", text[end : end + 6])
            end += area.end() if area else 0  # 自由贸易试验区合肥片区
        floor = _barrier_floor(doc, m.start(), _sentence_floor(doc, m.start()))
        known = next((k for k in lex.known_org_re.finditer(text, max(0, m.end() - 12), m.end()) if k.end() == m.end()), None)
        if known is not None:
            kt, kl = lex.known_orgs[known.group()]
            doc.add_span(Span(known.start(), known.end(), kt, kl, "known_org", 5, {known.group()}))
            continue
        start, stem_toks = left_edge(text, m.start(), floor)
        if start - 1 >= floor and _opens_item(text, start, floor):
            # A、顺丰华中区…项目, 的正新研发二期项目: a single function character opens the name
            start, stem_toks = start - 1, list(tokens(text[start - 1 : m.start()]))
        opened = text.rfind("(", start, m.start())
        if opened >= 0 and ")" not in text[opened : m.start()] and text[m.end() : m.end() + 1] == ")":
            # 示范区(市钱江新城管委会): the name is the bracketed one
            start, stem_toks = opened + 1, list(tokens(text[opened + 1 : m.start()]))
        if typ not in ("Project", "Initiative", "Event") and len(stem_toks) > 1:
            # 清陶项目选址昆山开发区, 500强企业恒力集团: the name starts after the last 项目/企业
            cut = max((i for i, t in enumerate(stem_toks[:-1]) if t in _STEM_BREAK), default=-1)
            if cut >= 0:
                start += sum(len(t) for t in stem_toks[: cut + 1])
                stem_toks = stem_toks[cut + 1 :]
        start = _unrelated_place_start(text, start, m.start())
        if typ == "Company" and start == m.start():
            start = _verb_brand(text, start, floor)  # 领军企业 + 安踏 + 集团: a brand read as a verb
            stem_toks = list(tokens(text[start : m.start()])) if start < m.start() else stem_toks
        if typ in ("Company", "Project") and (s2 := legal_name_start(text, start, m.end(), floor)) < start:
            start, stem_toks = s2, list(tokens(text[s2 : m.start()]))
        stem = text[start : m.start()]
        if typ == "Event" and text[m.end() : m.end() + 1] in ("展", "堂"):
            continue  # 大会展中心, 大会堂: venues
        if typ == "Event":
            ev_start = _event_edge(doc, m.start(), m.end(), floor)
            if ev_start is not None and ev_start < start:
                start, stem_toks = ev_start, list(tokens(text[ev_start : m.start()]))
                stem = text[start : m.start()]
        if typ == "GovernmentBody" and any(stem.endswith(o) for o in ("市委", "区委", "县委", "省委", "党工委")):
            doc.add_span(Span(m.start(), m.end(), typ, suffix, "bare_organ", 3))
            continue
        if typ == "Project" and "“" in stem:
            q = text.index("“", start, m.start())
            if "”" not in text[q : m.start()]:
                continue  # the suffix is inside the quotation (“项目攻坚年”)
            inner = text[q + 1 : text.index("”", q)]
            if _slogan(inner):
                continue  # “六稳”重大项目: the slogan is the initiative, the projects are unnamed
            doc.add_span(Span(q, m.end(), "Initiative", clean_label(text[q : m.end()]), "suffix", 5))
            continue
        if typ == "Initiative" and "“" in stem:
            q = text.index("“", start, m.start())
            start, stem = q, text[q : m.start()]
            stem_toks = list(tokens(stem))
        if typ == "GovernmentBody" and not stem and suffix in ("市委", "市政府", "区委", "区政府", "县委", "县政府", "省委", "省政府"):
            doc.add_span(Span(m.start(), m.end(), typ, suffix, "bare_organ", 3))
            continue
        if len(clean_label(stem)) < min_stem:
            continue
        if min_stem == 0 and not stem:
            doc.add_span(Span(m.start(), m.end(), typ, suffix, "suffix", 4))
            continue
        if typ == "Park" and suffix == "基地" and stem.endswith(words("firm_base")):
            typ = _firm_base_type(stem)
            if typ is None or is_generic(stem_toks):
                continue
        elif not _accept(typ, suffix, stem, stem_toks, text, start):
            continue
        if typ == "Event" and suffix in _CONTESTS and _STARTED.match(text, m.end()):
            # a contest started at an event is a programme (第七届X大赛同步启动)
            typ = "Initiative"
            ordinal = re.search(r"第[\d一二三四五六七八九十]+届$", text[max(floor, start - 6) : start])
            if ordinal:
                start -= len(ordinal.group())
        if typ == "ResearchInstitute" and len(stem_toks) > 1 and stem_toks[0] in _name_verbs():
            start += len(stem_toks[0])  # 推进 + 产业技术研发中心
        if re.search("(?:一批|一大批|这批|该批|各类)$", text[max(0, start - 3) : start]) and typ in ("Park", "Project", "Company"):
            continue  # 一批直播基地: a kind, not a name
        joined = re.search("及$", text[max(0, start - 1) : start])
        if joined and typ in ("Park", "Project"):
            prev = [i for i in lex.industry_re.finditer(text, max(floor, start - 8), start - 1) if i.end() == start - 1]
            if prev:  # 半导体及光电产业园: two sectors joined
                start = prev[-1].start()
                stem_toks = list(tokens(text[start : m.start()]))
            elif typ == "Project":
                s2, _ = left_edge(text, start - 1, floor)
                if start - 1 - s2 >= 4 and re.search("(?:基地|中心|产业园|总部|工厂)$", text[s2 : start - 1]):
                    start = s2  # X产业基地及研发中心项目: one project of two sites
                    stem_toks = list(tokens(text[start : m.start()]))
        if typ == "Project" and text[start : m.start()] in lex.suffixes:
            continue  # 示范区项目: no name of its own
        if typ in ("Project", "Initiative", "Park") and len(stem_toks) > 2:
            lead = max((i for i, t in enumerate(stem_toks[:-2]) if t in _LEAD_VERBS), default=-1)
            if lead >= 0:  # 建设 + 恒通特种光纤产业化项目, 扎实推进 + 开放创新综合试验
                start += sum(len(t) for t in stem_toks[: lead + 1])
                stem_toks = stem_toks[lead + 1 :]
        if typ == "Park" and suffix in ("创新中心", "产业创新中心") and _national_centre(text[start : m.start()]):
            typ = "ResearchInstitute"
        label = clean_label(text[start:end])
        aliases: set[str] = set()
        if typ == "Project" and label.endswith("基金项目") and len(label) > 6:
            # X基金项目 signed: the fund itself
            doc.add_span(Span(start, end, "Fund", label[:-2], "suffix", 5, {label}))
            continue
        if typ == "Project" and label.endswith("项目"):
            aliases.add(label[: -len("项目")])
        doc.add_span(Span(start, end, typ, label, "suffix", 5, aliases))
        if typ == "Project":
            _brand_sector_firm(doc, start, m.start())
        # an organisation named inside the stem (…联盟 + 计划) is its own entity
        if typ in ("Initiative", "Project", "Park", "ResearchInstitute"):
            for sm in lex.suffix_re.finditer(text, start, m.start()):
                styp, smin = lex.suffixes[sm.group()]
                if typ == "ResearchInstitute" and (styp not in ("ResearchInstitute", "University") or m.start() - sm.end() < 2):
                    continue  # 中国科学院物理研究所 + 清洁能源实验室: the institute is its own entity
                zone = typ == "Park" and styp == "Park" and sm.group() in _ZONES and m.start() - sm.end() >= 2
                if zone or styp in ("Association", "Company", "ResearchInstitute", "University") and (sm.end() == m.start() or styp == "Company" or typ == "ResearchInstitute"):
                    inner = clean_label(text[start : sm.end()])
                    if len(inner) - len(sm.group()) >= max(smin, 2):
                        doc.add_span(Span(start, sm.end(), styp, inner, "nested", 1))
                        doc.notes.setdefault("nested", []).append((start, sm.end(), styp, inner))


#: a site a firm builds for itself, after the firm's name in a project's name
_OWN_SITE = re.compile("(?:华东|华南|华北|华中|西南|西北|东北|区域|中国|全球|亚太)?(?:总部|研发中心|生产基地|制造基地|智造基地)")


def _brand_sector_firm(doc: Doc, start: int, end: int) -> None:
    """A firm named brand + sector at the head of its project (远东 + 新能源 + 总部项目):
    the firm is the brand, its name with the sector an alias."""
    text, lex = doc.text, lexicon()
    pos = start
    p = lex.place_re.match(text, pos, end)
    if p:
        pos = p.end()
    for k in (2, 3):
        brand = text[pos : pos + k]
        ind = lex.industry_re.match(text, pos + k, end)
        if ind is None or not re.fullmatch(f"[{HAN}]+", brand) or not _OWN_SITE.match(text, ind.end(), end):
            continue
        toks = list(tokens(brand))
        if brand in lex.places or brand in lex.industries or is_generic(toks) or any(t in _left_stop_set() for t in toks):
            return
        if lex.industry_re.search(brand):
            return
        doc.notes.setdefault("brand_firms", []).append((brand, text[pos : ind.end()]))
        return


# Event names hold verbs and words that end other names (集中签约仪式, 入驻企业授牌仪式,
# 2023年一季度…): the name runs from the clause start, after a time phrase, or after the
# last word that introduces it (在, 举行, 出席 …).
_EVENT_CUT = re.compile(
    r"^.*(?:[,;:。!?、\s]|(?<![\d年])\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚间|早上)?|(?<![\d年])\d{1,2}日(?:上午|下午|晚上)?"
    r"|在|于|的|了|举行|召开|举办|出席|参加|主持|亮相|启幕|开幕|今天|今年|近日|日前|当天|昨天|上午|下午|晚上|其中|期间|会上|以及|和|与|及)"
)
_EVENT_HOLD = re.compile(
    r"^(?:\)|”)?(?:于[^,。;]{1,14}?|在[^,。;]{1,20}?)?(?:同日|同时|同步|当天|今天|昨天|正式|隆重|已)*"
    r"(?:举行|召开|举办|开幕|启幕|落幕|拉开帷幕|开幕式|上|期间|现场|暨)"
)
#: A holding verb right before the name: 召开X大会, 举行首批…签约仪式, 举办了X.
_EVENT_VERB = re.compile(r"(?:召开|举行|举办|出席|参加)[了的]?$")
_QUOTED_SPAN = re.compile(r"“[^“”]*”")


def _event_edge(doc: Doc, s_start: int, s_end: int, floor: int) -> int | None:
    """Start of an event name ending in an event suffix, read with the permissive rule above;
    only for a name that is the subject of a holding verb (…仪式在X举行, …大会召开) or its
    object (召开X大会)."""
    text = doc.text
    if text[s_end : s_end + 1] in ("展", "堂"):
        return None  # 大会展中心, 大会堂: venues
    lo = max(_sentence_floor(doc, s_start), s_start - 60)
    # quoted parts of a name (“薪火传承三十年 携手共创新辉煌”) do not cut it
    window = _QUOTED_SPAN.sub(lambda q: "“" + "名" * (len(q.group()) - 2) + "”", text[lo:s_start])
    subject = bool(_EVENT_HOLD.match(text[s_end : s_end + 24]))
    lex = lexicon()
    end = len(window)
    while True:
        cut = _EVENT_CUT.match(window[:end])
        start = lo + (cut.end() if cut else 0)
        stem = window[start - lo :]
        obj = cut is not None and _EVENT_VERB.search(window[: cut.end()]) is not None
        if len(stem) >= 4 and re.fullmatch(f"[{NAME_CHARS}/]+", stem):
            # the name must begin like a name: a place, a park, a year or a quoted part,
            # unless a holding verb introduces it
            if obj and not is_generic(list(tokens(stem))):
                return start
            if subject and (lex.place_re.match(text, start) or re.match(r"(?:19|20)\d{2}|“|第|示范区|园区|开发区|高新区|经开区|新区", stem)):
                return start
        # 产业创新与前沿技术…论坛: a name may hold 与/和/及
        if cut is not None and window[cut.end() - 1] in "与和及" and subject:
            end = cut.end() - 1
            continue
        return None


def _unrelated_place_start(text: str, start: int, end: int) -> int:
    """昆山市苏州工业园区 (two bodies side by side): a name that starts with a place followed by
    another place that does not lie in it starts at the second; 昆山市花桥经济开发区 stays."""
    lex = lexicon()
    first = lex.place_re.match(text, start, end)
    if first is None or not first.group().endswith(("市", "省", "县", "区")):
        return start
    second = lex.place_re.match(text, first.end(), end)
    if second is None:
        return start
    p1, p = lex.places[first.group()], lex.places.get(second.group())
    for _ in range(3):
        if p is None:
            return second.start()
        if p.name == p1.name:
            return start
        p = lex.places.get(p.parent) if p.parent else None
    return second.start()


def _national_centre(stem: str) -> bool:
    """A national innovation centre (国家X创新中心, 集成电路苏州产业创新中心: sector then city)
    is a research body; a place's sector centre (昆山元宇宙产业创新中心) is a park."""
    if stem.startswith("国家"):
        return True
    lex = lexicon()
    m = lex.industry_re.match(stem)
    return m is not None and lex.place_re.fullmatch(stem, m.end()) is not None


_LEAD_VERBS = frozenset({"建设", "推进", "实施", "加快", "推动", "深化"})
_STEM_BREAK = frozenset({"项目", "企业", "选址", "强企业", "高校", "院校", "机构", "投资机构", "龙头", "龙头企业", "领军企业", "巨头", "独角兽"})
_CONTESTS = frozenset({"大赛", "竞赛", "挑战赛", "评选"})
_STARTED = re.compile("(?:也|还)?(?:同步|同时|正式|随即)?(?:启动|开赛|启幕|拉开帷幕)")

#: Zone suffixes that name a park another park sits in (X高新区Y产业园).
_ZONES = frozenset({"开发区", "高新区", "工业园区", "产业园区", "新区", "保税区", "自贸区", "示范区"})

_YEAR_PLAN = re.compile("(?<![" + HAN + "])?[一二两三四五六七八九十]年行动(?:计划|方案)")


@component("plans")
def plans(doc: Doc) -> None:
    """Plans named by their span of years: 三年行动计划."""
    for m in re.finditer("[一二两三四五六七八九十]年行动(?:计划|方案)", doc.text):
        doc.add_span(Span(m.start(), m.end(), "Initiative", m.group(), "plan", 4))


# ---------------------------------------------------------------------------- quoted names


def _event_like(inner: str) -> bool:
    """A quoted name is an event when it ends like one (“新春第一会”, “云上推介会”), not a verb
    phrase that happens to end in 会 (“线上相会”)."""
    lex = lexicon()
    return bool(re.search("[一二三四五六七八九十]会$", inner)) or any(
        inner.endswith(s) for s, (t, _) in lex.suffixes.items() if t == "Event"
    )


_QUOTED = re.compile(r"“([^“”\n]{1,30})”|‘([^‘’“”\n]{1,30})’")
#: The kind of programme that follows a quoted name: “4+4”产业链, “五争五最五突破”三年行动.
_INIT_TAIL = re.compile(f"(?:(?!的)[{HAN}]){{0,8}}?(产业集群|产业体系|产业链|三年行动|行动计划|计划|平台|模式|工程|体系|机制)")
_NUMERALS = "一二两三四五六七八九十百千万"
_SECTOR_SLOGAN = re.compile(f"(?:“[{HAN}]{{4}}”)*等(?:主导|重点|优势|特色|新兴)?产业")
_SLOGAN = re.compile(
    rf"[二两三四五六七八九十][^,、;。!?\s]{{1,7}}"  # 六稳, 三个名城, 五争五最五突破
    rf"|[一百千万][{HAN}]{{0,2}}[{_NUMERALS}多][{HAN}]{{1,4}}"  # 千项万亿, 一企一策, 一区多园 (not 百花齐放)
    r"|[\dA-Z]+(?:[+][\dA-Z]+)+"  # 4+4, 3+1+N
    rf"|[{HAN}]{{3,8}}(?<![周十百千\d])年"  # 重大项目突破年 (a year of a campaign)
    rf"|[{HAN}]{{2,6}}强(?:市|省|区|县)"  # 直播电商强市 (a goal)
)


def _slogan(inner: str) -> bool:
    """A quoted slogan that names a programme: numbered (三个名城, 4+4), a campaign year, a goal."""
    return _SLOGAN.fullmatch(inner) is not None
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
_POLICY_END = re.compile(r"(?:城市设计|计划|方案|意见|办法|规划|纲要|政策|措施|条例|通知|决定|行动|规定|细则|指引|指南|标准|意见稿|战略|工程)(?:\(\d{4}-\d{4}年?\))?$")
_YEARS = re.compile(r"\(\d{4}[-—–至]\d{4}年?\)$")
_INIT_VERBS = ("贯彻", "践行", "实施", "推行", "实行", "落实", "深化", "推进", "开展", "启动", "坚持")
#: 以“X”为抓手: a campaign or slogan that frames the work.
_FRAME_AFTER = re.compile("为(?:抓手|引领|主线|牵引|契机|突破口|总抓手)")


@component("quoted_mentions")
def quoted_mentions(doc: Doc) -> None:
    """Quoted events (“新年第一会”), systems (“链长制”), slogans put into practice (践行“四敢”), 《policies》."""
    text = doc.text
    for m in _QUOTED.finditer(text):
        inner = m.group(1) or m.group(2)
        label = clean_label(inner)
        before = text[max(0, m.start() - 2) : m.start()]
        after = text[m.end() : m.end() + 1]
        tail = _INIT_TAIL.match(text, m.end())
        if tail and (_slogan(inner) or tail.group(1) in ("平台", "模式")) and len(inner) <= 30:
            # “四新四强”产业集群, “昆盟通”货物贸易平台: the quoted name and its kind
            alias = label if not re.search("[,、;]", inner) else tail.group()
            doc.add_span(Span(m.start(), tail.end(), "Initiative", label + tail.group(), "quoted", 5, {alias}))
            continue
        if re.fullmatch(f"[{HAN}]{{4}}", inner) and _SECTOR_SLOGAN.match(text, m.end()):
            # “芯屏器合”“集终生智”等主导产业: slogans that name a city's industry programme
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 3))
            continue
        numbered = re.match(f"[{_NUMERALS}]", inner) is not None
        if _slogan(inner) and not (numbered and after == "的") and (len(inner) > 2 or before in _INIT_VERBS):
            # a slogan used as a name, not as an attribute (“四链融合”的园区); two characters
            # (六稳, 六新) only after a verb of putting into practice (贯彻“六稳”)
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 4))
            continue
        if re.search(f"[{HAN}]会$", inner) and len(inner) >= 4 and not re.search("[,。;]", inner) and _event_like(inner):
            doc.add_span(Span(m.start(), m.end(), "Event", label, "quoted", 4))
        elif inner.endswith("制") and 3 <= len(inner) <= 8:
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 4))
        elif before in _INIT_VERBS and not re.match(f"[{NAME_CHARS}]", after) and 2 <= len(inner) <= 8:
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 3))
        elif before.endswith("以") and _FRAME_AFTER.match(text, m.end()) and 2 <= len(inner) <= 10:
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 3))
    for m in _BOOK.finditer(text):
        inner = m.group(1)
        if not _POLICY_END.search(inner):
            continue
        label = clean_label(inner)
        aliases = {_YEARS.sub("", label)} - {label}
        doc.add_span(Span(m.start(), m.end(), "Initiative", label, "book", 6, aliases))
