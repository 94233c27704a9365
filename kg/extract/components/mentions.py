"""Mention detection: names by suffix (organisations, parks, events, initiatives, projects).
Plans are in plans.py, quoted names in quoted.py, lexicon mentions in lexical.py, names in lists in
lists.py and project_lists.py; where a name's stem starts and whether it makes a name, in name_edges.py, project_edges.py
and name_checks.py; the names inside a name's stem in nested_names.py."""

from __future__ import annotations

import bisect
import re

from kg.extract.components.event_edges import event_start, unveiled_in_name
from kg.extract.components.known_orgs import _known_org_last_chars, _known_org_may_end
from kg.extract.components.name_checks import (
    _BATCH_BEFORE,
    _CAPACITY_RUN,
    _DIGIT,
    _NOT_IN_CAPACITY_NAME,
    _accept,
    _firm_base_type,
    _listed_where,
    _name_verbs,
    _names_a_kind,
    _national_centre,
    _placed_branch,
    _role_before_name,
    _suffix_not_a_name,
    name_start,
    purpose_start,
)
from kg.extract.components.name_edges import (
    _LEGAL_FORMS,
    _STEM_BREAK,
    STATE_OWNED,
    _after_last_dash,
    _brand_sector_firm,
    _opens_item,
    _school_word,
    _unrelated_place_start,
    _verb_brand,
    bracketed_brand_start,
    legal_name_start,
    repeated_brand_start,
)
from kg.extract.components.nested_names import _ZONES, nested_names  # noqa: F401 - _ZONES re-exported (lexical imports it)
from kg.extract.components.project_edges import (
    _BUILD_VERBS,
    _CAPACITY_AFTER_FIRM,
    _CAPACITY_AFTER_PARK,
    _LEAD_VERBS,
    _built_in_park,
    _firm_brand_before,
    start_after_opener,
    start_before_and,
)
from kg.extract.components.quoted import _slogan
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import CAMPUS, HAN, lexicon, suffix_ending, words
from kg.extract.names import PHASE, PLACED_BRAND_OPENS, is_generic, left_edge
from kg.extract.registry import component
from kg.extract.segment import pos_tags, tokens
from kg.name_scope import is_generic_event

# ---------------------------------------------------------------------------- shared helpers


def _name_floors(doc: Doc) -> list[int]:
    """The floors of names by suffix, merged: the starts of the sentences and the barriers of
    people.barriers (a name never reaches across either), from the first sentence's start on.
    The floor at ``pos`` is the last at or before it (the first when none is): the greater of
    the sentence's start and the last barrier, found with one bisect."""
    from kg.extract.components.people import barriers

    first = doc.sentences[0].start if doc.sentences else 0  # (_sentence_floor's floor before any sentence)
    return sorted({first, *(s.start for s in doc.sentences), *(b for b in barriers(doc) if b > first)})


# ---------------------------------------------------------------------------- names by suffix


# Patterns tested per suffix match (compiled once).
_ORDINAL_BEFORE = re.compile(r"第[\d一二三四五六七八九十]+届$")
_YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}年度?$")
_AREA = re.compile(f"[{HAN}]{{2,4}}片区")
_TOWN_PREFIX = re.compile(f"[{HAN}]{{2,4}}?(?:镇|街道)")


#: A year that opens a clause before a name: 2025年稀土高新区….
_LEAD_YEAR = re.compile(r"(?:19|20)\d{2}年(?:以来|来|内|底|初)?")
#: what makes a bare 区政府 the governments of a level (各区县政府, 市县政府)
_LEVEL_BEFORE = re.compile("(?:各|[市区县乡镇])$")
#: a count of subsidiaries before 公司: 三家子 + 公司
_COUNTED_SUBSIDIARIES = re.compile("[\\d一二两三四五六七八九十多几]+家(?:全资|控股)?子$")
#: bodies of the natives of one place living in another (深圳市河北商会, 新加坡广西商会)
_HOMETOWN_BODIES = ("商会", "同乡会", "联谊会")
#: where a firm is, as a kind of firm before its name (大陆公司 + 冠宇(南安)卫浴科技有限公司)
_FIRM_REGIONS = frozenset({"大陆", "内地", "境内", "境外", "海外", "国内", "国外", "当地", "本地"})
#: The end of a firm's full legal name inside a longer name (the last one).
_LEGAL_END = re.compile(r"(?:有限公司|有限责任公司)(?!.*(?:有限公司|有限责任公司))")


#: jieba's tags of ordinary words (nouns, verbs, adjectives, idioms): no project is named by one alone
_ORDINARY_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "b", "d", "l", "i", "f", "s"})
#: what makes 项目 the head of a post or an office: 项目经理, 项目部
_PROJECT_ROLE = re.compile("经理|负责人|总监|总工|部(?!署)|组长|制度|机制")
#: a firm's full legal name: X有限公司 + 项目 is that firm's works, not a project's name
_FIRM_LEGAL_ENDS = _LEGAL_FORMS + ("股份公司",)


#: the kinds whose empty stem a rule of name_mentions may still reach left from (_verb_brand, _firm_brand_before,
#: legal_name_start, repeated_brand_start, bracketed_brand_start, event_start); any other kind keeps the stem
#: left_edge gave it or a shorter one
_STEM_REACHERS = frozenset({"Company", "Project", "Event"})
#: a state platform's descriptor ending right before a firm's name (所属国有平台, 市属国资平台公司)
_STATE_DESCRIPTOR_BEFORE = re.compile("(?:国有|国资|市属|省属|区属|县属)[^,。;、]{0,4}?平台(?:公司)?$")
#: a city's, district's or county's own enterprise (not a province's: 省属国有企业 are industrial groups), or one a
#: zone's committee holds (管委会下属的): with 投资 in its name, the government's investment vehicle
_LOCAL_SOE_BEFORE = re.compile("(?:(?:市属|区属|县属)(?:国有企业|国企)|(?:管委会|政府)(?:下属|所属)(?:的|国有平台|平台公司|国有企业|国企)"
                               "|(?<![省国])(?:市|区|县|州|旗)?(?:人民)?政府(?:全额|全资)?出资(?:设立|组建|成立)的)$")  # (由市政府出资设立的)


#: what makes an investment firm the government's vehicle after its name: X + 代表市政府出资, 代表区政府履行出资人职责
_FOR_GOVERNMENT_AFTER = re.compile("代表(?:[市区县州旗]|[\u4e00-\u9fff]{2,8}?[市区县州旗])?(?:人民)?政府(?:出资|履行|持有|持股)")


#: what a project fuses two things into (A与B融合项目, A与B深度融合发展项目): 与 is part of its name
_FUSED = re.compile("融合(?:发展)?$|一体化$")


#: organs named alone (市委, 市政府): a bare organ, not a name with too short a stem
#: an ordinal count of times (第四次): with a generic name after it, a count of such events
_NTH_TIME = re.compile("第[一二三四五六七八九十百\\d]+次")
_BARE_ORGANS = ("市委", "市政府", "区委", "区政府", "县委", "县政府", "省委", "省政府")


#: a rank before a body's name (省级X联合体)
_LEVEL_WORD = re.compile("国家级|省级|市级|县级|区级")


def _quoted_whole(text: str, start: int, s_start: int, s_end: int) -> int:
    """Where the quote opens when the project's whole name is in quotes (该“Mini LED背光模组扩产项目”): it
    opens in its stem after a word that points at one project, closes right after its suffix, and holds
    no other quote; -1 when not."""
    q = text.find("“", start, s_start)
    whole = q >= 0 and text[s_end : s_end + 1] == "”" and s_start - q > 4 and "”" not in text[q:s_start] \
        and text.endswith(("该", "此", "这一", "这个", "名为", "称为", "命名为", "即", "投资的", "建设的", "实施的", "引进的", "签约的"), 0, q)
    # (设立“新质生产力项目”专项: a kind; X公司投资的“Y项目”: the firm's one project)
    return q if whole else -1


@component("name_mentions")
def name_mentions(doc: Doc) -> None:
    """Organisations, parks, events, initiatives and projects named by their suffix."""
    lex, text = lexicon(), doc.text
    floors: list[int] | None = None  # (made at the first suffix: the barriers cost a scan of the posts)
    known_last = _known_org_last_chars()
    last_end = -1  # (the end of the suffix matched before this one: the scan of the stem at the end needs one inside it)
    for m in lex.suffix_re.finditer(text):
        suffix = m.group()
        s_start, s_end = m.span()  # the suffix's (asked for at every step below)
        prev_end, last_end = last_end, s_end
        typ, min_stem = lex.suffixes[suffix]
        if _suffix_not_a_name(text, suffix, typ, s_start, s_end):
            continue
        end = s_end
        if typ == "Park" and suffix in ("自由贸易试验区", "自贸试验区", "自贸区"):
            area = _AREA.match(text[end : end + 6])
            end += area.end() if area else 0  # 自由贸易试验区合肥片区
        if floors is None:
            floors = _name_floors(doc)
        below = bisect.bisect_right(floors, s_start) - 1
        floor = floors[below] if below > 0 else floors[0]  # (the sentence's start or the last barrier before the name)
        known = next((k for k in lex.known_org_re.finditer(text, max(0, s_end - 12), s_end) if k.end() == s_end), None) \
            if suffix[-1] in known_last and _known_org_may_end(text, s_end) else None  # (its first test, on the suffix's last character)
        if known is not None:
            kt, kl = lex.known_orgs[known.group()]
            doc.add_span(Span(known.start(), known.end(), kt, kl, "known_org", 5, {known.group()}))
            continue
        start, stem_toks = left_edge(text, s_start, floor)
        if min_stem == 0 and stem_toks and stem_toks[-1] in ("中", "内", "里"):
            start, stem_toks = s_start, []  # 子基金中 + 母基金: a suffix that names alone, after "among"
        state_platform = False
        park_end = -1  # (where a park written before a project's capacity ends: the name starts no earlier)
        if start - 1 >= floor and _opens_item(text, start, floor):
            # A、顺丰华中区…项目, 的正新研发二期项目: a single function character opens the name
            start, stem_toks = start - 1, list(tokens(text[start - 1 : s_start]))
        opened = text.rfind("(", start, s_start) if text[s_end : s_end + 1] == ")" else -1  # (the test below, first: most names are not bracketed)
        if opened >= 0 and ")" not in text[opened : s_start] and text[s_end : s_end + 1] == ")":
            # 示范区(市钱江新城管委会): the name is the bracketed one
            start, stem_toks = opened + 1, list(tokens(text[opened + 1 : s_start]))
        if start == s_start and typ == "University" and (word := _school_word(text, max(floor, s_start - 6), s_end, suffix)):
            start, stem_toks = s_end - len(word), [word[: -len(suffix)]]  # 嘉应学院: one word of the dictionary, 嘉 + 应 no stem
        if start == s_start and min_stem > 0 and typ not in _STEM_REACHERS and not (typ == "GovernmentBody" and suffix in _BARE_ORGANS):
            continue  # no stem, and none of the rules below gives one to this kind: the min_stem test drops it
        if typ not in ("Project", "Initiative", "Event") and len(stem_toks) > 1:
            # 清陶项目选址昆山开发区, 500强企业恒力集团: the name starts after the last 项目/企业 (a park's, after 公司:
            # 国有平台公司 + 抚顺经开区发展集团)
            cut = max((i for i, t in enumerate(stem_toks[:-1])
                       if t in _STEM_BREAK and not (typ == "Fund" and t.endswith("企业"))  # 民营企业纾困发展基金: whom the fund serves
                       or t == "公司" and (typ == "Park" or i and stem_toks[i - 1].endswith(("子", "附属")))),
                      default=-1) \
                if not _STEM_BREAK.isdisjoint(stem_toks) or "公司" in stem_toks else -1  # 一家子 + 公司 (most stems hold neither)
            if typ == "Company" and suffix.endswith("电厂"):
                # X有限公司 + 锦界热电厂: the firm's works, named after the firm
                cut = max(cut, max((i for i, t in enumerate(stem_toks[:-1]) if t.endswith("公司")), default=-1))
            if typ == "Company" and ("商" in text[start:s_start] or "厂" in text[start:s_start]):
                cut = max(cut, _role_before_name(stem_toks))
            if cut >= 0:
                start += sum(len(t) for t in stem_toks[: cut + 1])
                stem_toks = stem_toks[cut + 1 :]
            # 市属国有资本运营平台 + 沈阳产业投资发展集团有限公司, 州政府投资平台 + X: a state platform, named after its descriptor
            plat = max((i for i, t in enumerate(stem_toks[:-1]) if t == "平台"), default=-1) if "平台" in stem_toks else -1
            if plat > 0 and typ == "Company" and any(t.startswith(STATE_OWNED) or t.endswith("政府") for t in stem_toks[:plat]):
                plat += stem_toks[plat + 1] == "公司" and plat + 2 < len(stem_toks)  # 国有平台公司 + X集团
                start += sum(len(t) for t in stem_toks[: plat + 1])
                stem_toks = stem_toks[plat + 1 :]
                state_platform = True
        if typ == "Project" and (cap := _CAPACITY_AFTER_PARK.search(text, start, s_start)) is not None and cap.end() - start >= 4 \
                and s_start - cap.end() >= 4 and suffix_ending(text[start : cap.end()], "Park") is not None:
            # 岚源工业园区 + 年产15万吨多晶硅扩能项目: the park the project is built in, then its name
            doc.add_span(Span(start, cap.end(), "Park", clean_label(text[start : cap.end()]), "suffix", 5))
            start = park_end = cap.end()
            stem_toks = list(tokens(text[start : s_start]))
        if typ == "Project" and (cap := _CAPACITY_AFTER_FIRM.search(text, start, s_start)) is not None and s_start - cap.end() >= 2:
            start = cap.end()  # 锂澄集团 + 年产10万吨磷酸铁项目: the firm's short name, then the project it builds
            stem_toks = list(tokens(text[start : s_start]))
        if typ in ("Park", "Project", "ResearchInstitute") and (built := _built_in_park(text, start, s_start)) is not None:
            start = built  # 在中新嘉善现代产业园建设 + 智能装备产业园项目: the park it is built in, then its name
            stem_toks = list(tokens(text[start : s_start]))
        if typ == "Company" and len(stem_toks) > 3 and stem_toks[1] == "公司" and (stem_toks[0] in words("generic") or stem_toks[0] in _FIRM_REGIONS):
            start += len(stem_toks[0]) + 2  # 合资公司 + 荆州光穹智能装备有限公司, 大陆公司 + X: a kind of firm, then its name
            stem_toks = stem_toks[2:]
        if typ == "Project" and len(stem_toks) > 2:
            cut = max((i for i, t in enumerate(stem_toks[:-1]) if t == "项目"), default=-1)
            if cut >= 0 and sum(len(t) for t in stem_toks[cut + 1 :]) >= 4:
                start += sum(len(t) for t in stem_toks[: cut + 1])  # 二期项目 + 晶鑫光伏石英坩埚项目
                stem_toks = stem_toks[cut + 1 :]
        if typ == "Project" and (phase := PHASE.match(text, start)) and s_start - phase.end() >= 4:
            start = phase.end()  # 二期 + 远洋海工浮式风电平台项目: the phase, not the name
            stem_toks = list(tokens(text[start : s_start]))
        if not suffix.endswith(_HOMETOWN_BODIES):  # 深圳市河北商会: natives of one place in another
            start = _unrelated_place_start(text, start, s_start)
        if typ in ("Park", "Fund") and (year := _LEAD_YEAR.match(text, start)) and year.end() == s_start:
            continue  # 到2028年 + 经开区…, 到2028年 + 基金集群: a time before a bare zone or fund, not a name
        if typ in ("Park", "Company", "GovernmentBody") and (year := _LEAD_YEAR.match(text, start)) and s_start - year.end() >= 2:
            start = year.end()  # 2025年 + 稀土高新区实现…: a time, not part of the name
            stem_toks = list(tokens(text[start : s_start]))
        if typ == "Park":
            town = _TOWN_PREFIX.match(text[start : s_start])
            if town and town.group() in lex.places and lex.places[town.group()].level != "town":
                town = None  # 景德镇 + 高新技术产业开发区: a city whose name ends in 镇 opens the zone's name
            if town and s_end - start - town.end() >= 6 and text[start + town.end()] not in "的和与及":
                start += town.end()  # 洪梅镇 + 水乡河西数字产业园区: the park after the town it lies in
                stem_toks = list(tokens(text[start : s_start]))
        if suffix == "集团" and len(stem_toks) >= 2 and len(stem_toks[-1]) == 1 and pos_tags().get(stem_toks[-1]) == "v" \
                and len(stem_toks[-2]) >= 2 and pos_tags().get(stem_toks[-2]) in ("n", "v", "vn") and text[s_end : s_end + 1] not in "(":
            continue  # 营收有机会占 + 集团三成: a verb before the group (the whole group), no firm's name
        if typ == "Company" and (town := _TOWN_PREFIX.match(text, start, s_start)) is not None and s_start - town.end() >= 4 \
                and lex.place_re.match(text, town.end()) is not None:
            start = town.end()  # (五里)甸子镇 + 桓仁澄峰酒庄有限公司: the firm named with its county, after the town it is in
            stem_toks = list(tokens(text[start : s_start]))
        if typ == "Company" and start == s_start:
            start = _verb_brand(text, start, floor)  # 领军企业 + 安踏 + 集团: a brand read as a verb
            stem_toks = list(tokens(text[start : s_start])) if start < s_start else stem_toks
        if typ == "Project" and (s2 := _firm_brand_before(text, start, floor)) < start:
            start, stem_toks = s2, list(tokens(text[s2 : s_start]))  # 签约 + 申能 + 220千伏海缆项目
        if typ in ("Company", "Project") and (s2 := legal_name_start(text, start, s_end, floor)) < start:
            start, stem_toks = s2, list(tokens(text[s2 : s_start]))
        elif typ == "Company" and (s2 := repeated_brand_start(text, start, s_end, floor)) < start:
            start, stem_toks = s2, list(tokens(text[s2 : s_start]))  # 大厂 + 鼎新 + 电路股份有限公司
        elif typ == "Company" and (s2 := bracketed_brand_start(text, start, s_end, floor)) < start:
            start, stem_toks = s2, list(tokens(text[s2 : s_start]))  # 杭州 + 瓯江启明 + 私募…有限公司(瓯江启明)
        if (typ == "Project" or typ == "Park" and suffix == "基地") and (legal := _LEGAL_END.search(text, start, s_start)) \
                and s_start - legal.end() >= 2 \
                and not PHASE.fullmatch(text, legal.end(), s_start):  # (X有限公司二期项目: the firm's phase, named with it)
            # X有限公司 + 20GW单晶硅棒项目 (+ 研发制造基地项目): the firm's full legal name is the investor, not the project's name
            start = legal.end()
            stem_toks = list(tokens(text[start : s_start]))
        elif typ == "Project" and (placed := PLACED_BRAND_OPENS.match(text, start, s_start)) is not None:
            # 金鼎铜箔(鹰潭) + 年产3万吨高端电解铜箔项目: the firm's brand and place, then the project
            start = placed.end()
            stem_toks = list(tokens(text[start : s_start]))
        if typ == "Project" and start - floor >= 4 and (cap := _CAPACITY_RUN.search(text, max(floor, start - 24), start)) is not None \
                and cap.start() >= park_end and not _NOT_IN_CAPACITY_NAME.search(text, cap.end(), start):
            # 的 + 年产10万吨大豆 + 分离 + 蛋白项目: a yearly capacity opens the name, over a word jieba tags a verb
            start, stem_toks = cap.start(), list(tokens(text[cap.start() : s_start]))
        if typ == "Project" and start - 1 > floor and text[start - 1] == "与" and _FUSED.search(text, start, s_start) \
                and (left := left_edge(text, start - 1, floor)[0]) < start - 2:
            start = left  # 精品咖啡庄园 + 与 + 咖啡文旅融合项目: the two things the project fuses, both in its name
            stem_toks = list(tokens(text[start : s_start]))
        if typ == "Association" and (lvl := _LEVEL_WORD.match(text, start, s_start)) is not None and s_start - lvl.end() >= 4:
            start, stem_toks = lvl.end(), list(tokens(text[lvl.end() : s_start]))  # 组建省级 + 磷系…创新联合体: its rank, not its name
        stem = text[start : s_start]
        if suffix == "控股" and (text.startswith(("股东", "权", "子"), s_end) or stem.endswith(("全资", "绝对", "相对", "实际", "间接", "直接"))):
            continue  # 控股股东, 国资委全资控股的平台: a holding, not a firm named X控股
        if typ == "Project" and text.endswith(("属", "属于"), 0, start) and not text.endswith(("所属", "隶属"), 0, start):
            continue  # 属电子元器件产业补链项目: the kind of project it is, no name
        if typ == "Project" and (_PROJECT_ROLE.match(text, s_end) or stem.endswith(_FIRM_LEGAL_ENDS)):
            continue  # 项目经理, 项目部: a post or an office; X有限公司项目建设现场: the firm's works, unnamed
        if typ == "Event" and text[s_end : s_end + 1] in ("展", "堂"):
            continue  # 大会展中心, 大会堂: venues
        if typ == "Event" and text.endswith(("股东大会", "股东会", "职工代表大会", "债权人会议"), 0, s_end):
            continue  # 提交公司股东大会审议: a firm's organ that decides, no event of the genre
        if typ == "Event":
            start = event_start(doc, s_start, s_end, start, floor)
            stem_toks, stem = list(tokens(text[start : s_start])), text[start : s_start]
            if (nth := _NTH_TIME.match(stem)) is not None and is_generic_event(text[start + nth.end() : s_end]):
                continue  # (今年举办的)第四次重大项目集中开工活动: the how-manieth of a kind, no event's name
        if typ == "GovernmentBody" and stem.endswith(("市委", "区委", "县委", "省委", "党工委")):
            doc.add_span(Span(s_start, s_end, typ, suffix, "bare_organ", 3))
            continue
        if typ == "Project" and "“" in stem and (q := _quoted_whole(text, start, s_start, s_end)) >= 0:
            start, stem_toks, stem = q + 1, list(tokens(text[q + 1 : s_start])), text[q + 1 : s_start]  # 该“Mini LED背光模组扩产项目”
        elif typ == "Project" and "“" in stem:
            q = text.index("“", start, s_start)
            if "”" not in text[q : s_start]:
                continue  # the suffix is inside the quotation (“项目攻坚年”)
            inner = text[q + 1 : text.index("”", q)]
            if _slogan(inner):
                continue  # “六稳”重大项目: the slogan is the initiative, the projects are unnamed
            if text[s_start - 1] == "”" and text.index("”", q) == s_start - 1:
                # “双招双引”项目: the projects of a programme, named by its quoted name alone
                doc.add_span(Span(q, s_start, "Initiative", clean_label(text[q:s_start]), "suffix", 5))
                continue
            doc.add_span(Span(q, s_end, "Initiative", clean_label(text[q : s_end]), "suffix", 5))
            continue
        if typ == "Initiative" and "“" in stem:
            q = text.index("“", start, s_start)
            year = _YEAR_BEFORE.search(text, max(floor, q - 8), q)
            place = None if year or _DIGIT.search(text, q, s_start) else \
                next((p for p in lex.place_re.finditer(text, max(floor, q - 6), q) if p.end() == q), None)
            # 2026年度“X”评选活动; 张家口“算力券”计划: the place's own programme (a code keeps no place: 武汉“965”产业体系)
            start, stem = (year.start() if year else place.start() if place else q), text[q : s_start]
            stem_toks = list(tokens(stem))
            if suffix.endswith(("机制", "制度")) and re.fullmatch("“[^”]+制”(?:工作)?", stem):
                continue  # “链长制”工作机制: the quoted system is the name (quoted_mentions)
        if typ == "GovernmentBody" and not stem and suffix in _BARE_ORGANS:
            if _LEVEL_BEFORE.search(text[max(0, s_start - 1) : s_start]):
                continue  # 各区县政府, 市县政府: the governments of a level, not one organ
            doc.add_span(Span(s_start, s_end, typ, suffix, "bare_organ", 3))
            continue
        if typ == "Company" and (stem.endswith("平台") or suffix == "公司" and (stem.endswith("一家子") or _placed_branch(stem) or stem in _FIRM_REGIONS
                                                                             or stem.endswith("上市") and _listed_where(stem[:-2]))):
            continue  # 国有平台公司, 另一家子公司, 香港子公司, 大陆公司, 香港上市公司: a kind of firm, not a name
        if min_stem and len(clean_label(stem)) < min_stem:  # (no label is shorter than 0: most suffixes need no stem)
            continue
        if min_stem == 0 and not stem:
            doc.add_span(Span(s_start, s_end, typ, suffix, "suffix", 4))
            continue
        if typ == "Park" and suffix == "基地" and stem.endswith(words("firm_base")):
            typ = _firm_base_type(stem)
            if typ is None or is_generic(stem_toks):
                continue
        elif typ == "Project" and suffix == "项目" and len(stem) == 2 and text[start - 1 : start] not in ("及", "和", "与", "、") and not PHASE.match(stem) \
                and (stem in lex.industries or pos_tags().get(stem) in _ORDINARY_TAGS) \
                and start_after_opener(text, start, s_start, floor) == start:
            continue  # 人才项目, 协作项目, 能源项目: a kind of project, not one project's name (建设数据标注 + 基地项目 is one)
        elif not _accept(typ, suffix, stem, stem_toks, text, start):
            continue
        if typ == "Event" and suffix in _CONTESTS and _STARTED.match(text, s_end):
            # a contest started at an event is a programme (第七届X大赛同步启动)
            typ = "Initiative"
            ordinal = _ORDINAL_BEFORE.search(text[max(floor, start - 6) : start])
            if ordinal:
                start -= len(ordinal.group())
        if typ in ("ResearchInstitute", "Park") and text[start - 1 : start] in ("—", "-") and re.search("联合|共建", text[start:end]):
            # 新疆大学—远景储能联合研发中心: a joint centre named by both its founders
            s2, _ = left_edge(text, start - 1, floor)
            first = text[s2 : start - 1]
            if first.startswith("“") and len(first) >= 3 and text.startswith("”", end):
                start, stem_toks = s2 + 1, list(tokens(text[s2 + 1 : s_start]))  # “联岳—龙岩学院…中心”: both in the quotes
            elif 2 <= len(first) <= 6 and text.find(first, floor, s2) >= 0:
                start, stem_toks = s2, list(tokens(text[s2 : s_start]))  # 联岳与龙岩学院合作成立的联岳—龙岩学院…: a founder named before
            elif len(first) >= 4 and any(suffix_ending(first, t) for t in ("University", "Company", "ResearchInstitute")):
                start, stem_toks = s2, list(tokens(text[s2 : s_start]))
        if typ == "University" and (after := _after_last_dash(text, start, s_start)) > start + 1:
            start, stem_toks = after, list(tokens(text[after:s_start]))  # 聚宏-北部湾大学 (…联合研发中心): the university after its partner
        if typ == "ResearchInstitute" and len(stem_toks) > 1 and stem_toks[0] in _name_verbs():
            start += len(stem_toks[0])  # 推进 + 产业技术研发中心
        if typ == "Company" and suffix == "集团" and text.startswith("总部", s_end) and stem_toks and stem_toks[-1] in _BUILD_VERBS:
            continue  # 在曲靖经开区建设 + 集团总部: building the group's headquarters, no firm named 建设集团
        if typ == "Company" and _COUNTED_SUBSIDIARIES.search(text, max(0, s_start - 4), s_start):
            continue  # A、B、C三家子公司: a count of subsidiaries, not a name
        if typ in ("Park", "Project", "Company") and _BATCH_BEFORE.search(text[max(0, start - 5) : start]):
            continue  # 一批直播基地: a kind, not a name
        if typ in ("Park", "Project", "Fund") and start > 0 and text[start - 1] == "及":
            start, stem_toks = start_before_and(text, typ, start, s_start, floor, stem_toks)
        if typ == "Project" and (s2 := start_after_opener(text, start, s_start, floor)) < start and s2 >= park_end:
            start, stem_toks = s2, list(tokens(text[s2 : s_start]))  # 建设 + 高端介入医疗器械…项目
        if typ == "Project" and text[start - 1 : start] == "用" and (s3 := purpose_start(text, start, floor)) < start:
            start, stem_toks = s3, list(tokens(text[s3 : s_start]))  # 光伏组件 + 用 + 高性能胶膜项目: what it is for
        if typ in ("Project", "Fund", "Park") and _names_a_kind(text, typ, start, s_start, end, floor):
            continue
        if typ in ("Project", "Initiative", "Park") and len(stem_toks) > (1 if typ in ("Project", "Park") else 2):
            # (建设 + 储能项目, 加快建设 + 跨境产业园: for a project or a park, a verb before one word is cut too)
            lead = max((i for i, t in enumerate(stem_toks[: -2 if typ == "Initiative" else -1]) if t in _LEAD_VERBS), default=-1) \
                if not _LEAD_VERBS.isdisjoint(stem_toks) else -1  # (most stems hold no such verb)
            if lead >= 0:  # 建设 + 恒通特种光纤产业化项目, 扎实推进 + 开放创新综合试验
                start += sum(len(t) for t in stem_toks[: lead + 1])
                stem_toks = stem_toks[lead + 1 :]
        if typ == "Park" and suffix in ("创新中心", "产业创新中心") and _national_centre(text[start : s_start]):
            typ = "ResearchInstitute"
        if typ == "Company" and not state_platform and (_STATE_DESCRIPTOR_BEFORE.search(text, max(floor, start - 12), start)
                                                         or "投资" in text[start:s_start] and (_LOCAL_SOE_BEFORE.search(text, max(floor, start - 12), start)
                                                                                              or _FOR_GOVERNMENT_AFTER.match(text, end))):
            state_platform = True  # 经开区所属国有平台 + 滨州经开…集团, 县属国有企业 + X县城市投资发展集团: the government's vehicle
        start = name_start(text, typ, start, end)
        if start < 0:
            continue  # 上柜农业生技公司: a kind of listed firm, no name
        label = clean_label(text[start:end])
        aliases: set[str] = set()
        if typ == "Project" and label.endswith("基金项目") and len(label) > 6:
            # X基金项目 signed: the fund itself
            doc.add_span(Span(start, end, "Fund", label[:-2], "suffix", 5, {label}))
            continue
        if typ == "Project" and label.endswith("项目"):
            aliases.add(label[: -len("项目")])
        if typ == "Initiative" and text.startswith("“", start) and 2 < (q := text.find("”", start, end)) - start < end - start - 1:
            aliases.add(clean_label(text[start + 1 : q]))  # “一核两园多点”产业布局: the quoted part names it too
        if typ == "Company" and "国有资产" in label:
            state_platform = True  # X市国有资产投资控股集团: named as the state's assets, the government's vehicle
        if state_platform:  # the government's own vehicle (SCHEMA.md 3.1), over any mention of it as a firm
            doc.add_span(Span(start, end, "GovernmentBody", label, "suffix", 6, aliases))
            continue
        if typ == "University" and (campus := CAMPUS.match(text, end)) is not None and campus.group(1) in lex.places:
            end, label = campus.end(), label + campus.group()  # 山东大学(威海): a campus in another city is named with it
        doc.add_span(Span(start, end, typ, label, "suffix", 5, aliases))
        if typ == "Project":
            _brand_sector_firm(doc, start, s_start)
        if typ == "Event":
            unveiled_in_name(doc, start, end)
        if typ in ("Initiative", "Project", "Park", "ResearchInstitute") and prev_end > start:
            nested_names(doc, typ, start, s_start)  # (…联盟 + 计划: the alliance is its own entity)

_CONTESTS = frozenset({"大赛", "竞赛", "挑战赛", "评选"})
_STARTED = re.compile("(?:也|还)?(?:同步|同时|正式|随即)?(?:启动|开赛|启幕|拉开帷幕)")
