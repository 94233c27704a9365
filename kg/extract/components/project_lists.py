"""Projects named in lists: before a count (A、B和C3个项目), after an introducing word (分别是,
如), before a verb of starting (A、B同步开工); and parks after a count of parks (这8个园区分别是…)."""

from __future__ import annotations

import re

from kg.extract.components.event_edges import _sentence_floor
from kg.extract.components.firm_brands import _left_stop
from kg.extract.components.list_items import _LEGAL_FORM, _NOT_NAME_CHAR, _UNVEILED_AFTER, _first_item_start, _items
from kg.extract.components.refs import clause_start
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, lexicon, suffix_ending
from kg.extract.names import CHINA_REGIONS, is_generic, is_stop_token
from kg.extract.registry import component
from kg.extract.segment import tokens

#: ``A、B和C3个项目`` / ``A和B两个总部类项目``: items before a count of projects.
_COUNT_END = re.compile(r"(?:[\d]+|[一二两三四五六七八九十]+)个(?:[^,。;、\d]{0,4}?类)?(?:产业|重大|重点)?项目")
#: the fields a count of projects is in: 农产品精深加工、冷链物流等领域 + 18个项目
_FIELDS_BEFORE = re.compile("等?(?:领域|行业|产业|方向|板块|类别)(?:的)?$")
#: a verb right before a count of projects: the count is its object (与X签约15个项目)
_VERB_BEFORE_COUNT = re.compile("(?:签约|签订|签下|引进|落地|开工|新签|共计|集中签约|落户)(?:了)?$")
#: ``…5个项目开工,分别是A、B和C`` / ``一批项目如A、B、C``: items after an introducing word.
_INTRO = re.compile("(?:分别是|分别为|项目如(?![期下何果今同])|项目有|项目包括)")
#: ``A、B和C同步开工建设``: the items before a verb of starting are projects.
_START_END = re.compile("(?:同步|同时|一并|也一并|相继|集中|正式)?(?:开工建设|开工|奠基|启动建设)|(?:也|还)?(?:同步|同时|一并)启动")
_NOT_PROJECT_ITEM = re.compile("(?:开发区|高新区|园区|新区|镇|街道|市|区|县|等|企业|公司|领域|行业|产业|政府|管委会|集团|协议)$")


#: Before a verb of starting, only sites named as such are projects (城东医疗中心、X工程),
#: not parts of a site (厂房、办公楼同步开工).
_SITE_END = re.compile("(?:中心|工程|项目|基地|园|园区|医院|学校|学院|广场|总部|工厂|大厦|馆|改造|扩建|新建|迁建|整治|提升|改建)$")


#: ``这8个园区分别是`` / ``三大园区包括``: a count of parks introducing their names.
_PARK_INTRO = re.compile("(?:[\\d]+|[一二两三四五六七八九十]+)(?:个|大)(?:[^,。;、\\d]{0,6}?)?(?:园区|产业园|基地)(?:分别)?(?:是|为|包括)")
_PARK_ITEM = re.compile("(?:产业园|园区|工业园|科技园|产业基地|基地|示范区|集聚区)$")
#: what every match of _PARK_INTRO holds (a scan that skips in C: the full pattern has no literal start)
_PARK_INTRO_CORE = re.compile("(?:园区|产业园|基地)(?:分别)?(?:是|为|包括)")


#: a park's name opening an item right before a project's capacity (X工业园区 + 年产20万吨…)
_PARK_BEFORE_CAPACITY = re.compile("([\u4e00-\u9fff]{2,12}?(?:园区|产业园|工业园|开发区|高新区|经开区|新区))(?=年(?:产|处理|加工)[\\d.])")
# compiled once (the rules below run them per item)
_NUMBER = re.compile(r"[\d.]+")
_COUNTED_OR_MORE = re.compile("[\\d一二两三四五六七八九十]个|等")
_WORKS_END = re.compile("(?:改造|扩建|新建|迁建|整治|提升|改建)$")
_PLACE_ITEM = re.compile("(?:镇|乡|街道|开发区|新区)?的$|(?:镇|乡|街道)$")
#: the end of the items after an introducing word
_ITEMS_STOP = re.compile("[,;:。!?]|等")


def _project_item(doc: Doc, s: int, e: int, works_only: bool = False, sites_only: bool = False) -> None:
    text, lex = doc.text, lexicon()
    if (park := _PARK_BEFORE_CAPACITY.match(text, s, e)) is not None and suffix_ending(park.group(1), "Park"):
        s = park.end(1)  # 岚源工业园区 + 年产15万吨多晶硅扩能项目: the park the item's project is built in (a span of its own)
    raw = text[s:e]
    name = clean_label(raw)
    if not (2 <= len(name) <= 20) or _NOT_NAME_CHAR.search(raw) or _NUMBER.fullmatch(name):
        return
    if name in lex.places or name in lex.industries or _NOT_PROJECT_ITEM.search(name) or _LEGAL_FORM.search(name):
        return
    if _COUNTED_OR_MORE.search(name) or _PLACE_ITEM.search(name):
        return  # (A、B、陵阳街道的12个项目: the places the projects are in, not projects)
    if sites_only and (len(name) < 4 or not _SITE_END.search(name)):
        return
    if works_only and not name.endswith("工程"):
        if not _WORKS_END.search(name):
            return
        name += "工程"  # A、B以及森林公园升级改造等工程: the works named by their kind
    toks = list(tokens(name))
    if is_generic(toks) or toks[0] in _left_stop():
        return
    if any(t in lex.titles for t in toks):
        return  # 市委常委、党工委书记X宣布项目开工: a chain of posts, not a list of projects
    _firm_in_item(doc, s, name)
    if name.endswith(("项目", "工程")):
        doc.add_span(Span(s, e, "Project", name, "project_list", 6, {name[:-2]} if name.endswith("项目") else set()))
    else:
        doc.add_span(Span(s, e, "Project", name + "项目", "project_list", 6, {name}))


#: A project named by its firm and the kind of site (中铁华东总部, 万达广场): the firm is an entity.
_FIRM_SITE = re.compile(f"([{HAN}]{{2,4}}?)(?:{CHINA_REGIONS}|亚太|全球|中国|区域)?总部|([{HAN}]{{2,3}}?)广场")


def _firm_in_item(doc: Doc, s: int, name: str) -> None:
    """Organisations named at the start of a listed project: a known body (哈工大机器人产业基地)
    or the firm of a headquarters or plaza."""
    lex = lexicon()
    known = lex.known_org_re.match(name)
    if known and len(known.group()) < len(name):
        typ, label = lex.known_orgs[known.group()]
        doc.add_span(Span(s, s + known.end(), typ, label, "nested", 1, {known.group()}))
        return
    fm = _FIRM_SITE.fullmatch(name)
    if fm:
        firm = fm.group(1) or fm.group(2)
        if firm not in lex.places and not is_generic(list(tokens(firm))) and not any(is_stop_token(t) for t in tokens(firm)):
            doc.add_span(Span(s, s + len(firm), "Company", firm, "nested", 1))


@component("project_lists")
def project_lists(doc: Doc) -> None:
    """Projects named in a list before a count (A、B和C3个项目) or after an introducing
    word in a sentence about projects (5个项目开工,分别是A、B和C)."""
    text = doc.text
    for m in _COUNT_END.finditer(text):
        if _UNVEILED_AFTER.match(text[m.end() : m.end() + 10]):
            continue  # A、B等4个项目举行揭牌仪式: platforms and centres with names of their own
        if _FIELDS_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # A、B、C等领域18个项目: the fields of the projects, not their names
        floor = _sentence_floor(doc, m.start())
        seg = clause_start(text, floor, m.start(), ",;:。")
        items = _items(text, seg, m.start())
        if len(items) < 2 or _VERB_BEFORE_COUNT.search(text, items[-1][0], m.start()):
            continue  # 江门市与香港多家企业签约 + 15个项目: parties and a verb, not a list of names
        s0, e0 = items[0]
        items[0] = (_first_item_start(text, s0, e0), e0)
        for s, e in items:
            _project_item(doc, s, e)
    for m in _INTRO.finditer(text):
        floor = _sentence_floor(doc, m.start())
        if "项目" not in text[max(floor, m.start() - 40) : m.end()]:
            continue
        stop = _ITEMS_STOP.search(text, m.end())
        end = stop.start() if stop else len(text)
        items = _items(text, m.end(), end)
        if len(items) < 2:
            continue
        for s, e in items:
            _project_item(doc, s, e)
    for m in _PARK_INTRO.finditer(text) if _PARK_INTRO_CORE.search(text) else ():
        # 这8个园区分别是A、B和C: the items are parks, named by their kind
        stop = _ITEMS_STOP.search(text, m.end())
        for s, e in _items(text, m.end(), stop.start() if stop else len(text)):
            name = clean_label(text[s:e])
            if 4 <= len(name) <= 20 and _PARK_ITEM.search(name) and not _NOT_NAME_CHAR.search(text[s:e]):
                toks = list(tokens(name))
                if not is_generic(toks) and toks[0] not in _left_stop():
                    doc.add_span(Span(s, e, "Park", name, "park_list", 6))
    for m in _START_END.finditer(text):
        floor = _sentence_floor(doc, m.start())
        seg = clause_start(text, floor, m.start(), ",;:。")
        stop = m.start()
        works = text.endswith("等工程", seg, stop)  # A工程、B以及C等工程: the works named in full
        if works:
            stop -= 3
        items = _items(text, seg, stop)
        if len(items) < 2:
            continue
        s0, e0 = items[0]
        items[0] = (_first_item_start(text, s0, e0), e0)
        for s, e in items:
            _project_item(doc, s, e, works, sites_only=True)
