"""Names standing in lists: items of ``A、B、C等企业/项目`` lists, projects listed after a
count or an introducing word (分别是, 如), and short forms after full names. Short company names
by their brand (X科技, X光电) are found by ``firm_brands``, which ``list_mentions`` runs."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.event_edges import _sentence_floor
from kg.extract.components.firm_brands import _bracketed_brands, _brands, _left_stop, _partner_brands, _subject_brands
from kg.extract.components.name_edges import planned_sites
from kg.extract.components.people import _spans_ending
from kg.extract.components.refs import clause_start
from kg.extract.components.short_names import _subsequence
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon, suffix_ending, words
from kg.extract.names import BUILD_BEFORE_DENG, CHINA_REGIONS, is_generic, is_stop_token, left_edge
from kg.extract.quantities import AMOUNT_RE
from kg.extract.registry import component
from kg.extract.segment import pos_tags, tokens

# ---------------------------------------------------------------------------- lists of firms and projects

_ITEM_SEP = re.compile("[、]|和|及|以及")
_LIST_END = re.compile(
    r"等(?:首批|一批|多家|知名|重点|优质|龙头|头部|上下游|外资|[\d一二三四五六七八九十百千]+(?:余|多)?家)*"
    r"(?:(?!领域|方面|环节|行业|产业链)[^,。;]){0,12}?(?P<kind>企业(?!家)|公司|项目|院所|机构|研究机构|高校|平台)"
)
#: ``X等外资总部项目``: the qualifier says the items are the firms behind the projects.
_FIRM_ITEMS = re.compile("外资|央企|民企|国企|企业|总部|龙头")
_LEGAL_FORM = re.compile("(?:公司|集团|有限|股份)$")
_AMOUNT_HEAD = re.compile(r"^(?:投资总额|总投资|投资)?(?:达|约|超)?[\d.]+(?:万|亿)?(?:美元|欧元|日元|港元|元)(?:人民币)?(?:的)?")


_OWN_TYPES = ("University", "ResearchInstitute", "Association")


def _own_type(name: str) -> str:
    """A listed firm's type, unless its name ends like a university, institute or association
    (A、B、浙江工业大学等36家企业和高校)."""
    for n, by_suffix in _own_suffixes():
        if len(name) > n + 1 and (typ := by_suffix.get(name[-n:])) is not None:
            return typ
    return "Company"


@lru_cache(maxsize=1)
def _own_suffixes() -> tuple[tuple[int, dict[str, str]], ...]:
    """The suffixes of _OWN_TYPES by length, longest first, each with its type (one lookup per
    length: only one suffix of a length can end a name)."""
    by_len: dict[int, dict[str, str]] = {}
    for sfx, (typ, _) in lexicon().suffixes.items():
        if typ in _OWN_TYPES:
            by_len.setdefault(len(sfx), {})[sfx] = typ
    return tuple(sorted(by_len.items(), reverse=True))


def _company_like(name: str) -> bool:
    lex = lexicon()
    return bool(lex.ending_re.search(name)) or suffix_ending(name, "Company") is not None


# compiled once (the rule below runs per candidate)
_NOT_NAME_CHAR = re.compile(r"[^" + NAME_CHARS + "]")
_SECTOR_WORD = re.compile("产业|领域|行业|企业")
#: an item that names a product (the firms of a list are named by what they make)
_PRODUCT_ITEM = re.compile("(?:材料|液|膜|剂|设备|装备|器件|零部件|部件|组件|原料|原料药|主机|整机|机组|叶片|塔筒|槽|芯片|模组|电池)$")
#: jieba's tags of ordinary words (a product's stem: 负极 + 材料), not of names
_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "b", "f"})


def _product_item(name: str) -> bool:
    """Whether a listed item names a product (隔膜, 电解液, 负极材料): it ends like one, and what
    stands before that ending is nothing, or ordinary words (no brand, no legal form)."""
    m = _PRODUCT_ITEM.search(name)
    if m is None or _LEGAL_FORM.search(name):
        return False
    stem = name[: m.start()]
    tags = pos_tags()
    return not stem or name in tags and tags[name] in _COMMON_TAGS or all(tags.get(t) in _COMMON_TAGS for t in tokens(stem))


#: the last word of a firm's short name made of ordinary words (格力电器, 汇川技术), not of a sector
_FIRM_LAST_WORDS = frozenset({"技术", "科技", "电器", "电子", "电气", "股份", "集团", "控股", "实业", "精密", "光电", "智能", "动力", "能源", "药业", "生物"})


def _sector_item(name: str) -> bool:
    """Whether a listed item names a line of business in ordinary words (软件信息, 数字内容): two
    or more words of two characters or more, each tagged a noun, the last no firm's word."""
    toks = tokens(name)
    if len(toks) < 2 or toks[-1] in _FIRM_LAST_WORDS or any(len(t) < 2 for t in toks):
        return False
    tags = pos_tags()
    return all(tags.get(t) in ("n", "vn") for t in toks)


@component("list_mentions")
def list_mentions(doc: Doc) -> None:
    """Items of ``A、B、C等…企业/项目`` lists, short company names (X科技, X光电)."""
    text = doc.text
    lex = lexicon()
    for m in _LIST_END.finditer(text):
        kind = m.group("kind")
        end = m.start()
        if m.group().startswith(("等地", "等处", "等区域", "等园区", "等乡镇", "等镇")):
            continue  # 观摩了A开发区、B街道、C镇等地的10个重点项目: the items are places
        floor = _sentence_floor(doc, end)
        # walk back over the list: items separated by 、
        seg_start = clause_start(text, floor, end, ",;:。")
        chunk = text[seg_start:end]
        parts = chunk.split("、")
        if len(parts) < 2 and kind != "项目":
            continue
        pos = seg_start
        items: list[tuple[int, int]] = []
        for i, part in enumerate(parts):
            s, e = pos, pos + len(part)
            pos = e + 1
            if i == 0:
                # the first item may follow a verb (引进A、B) or an amount (18亿美元的A)
                s = _first_item_start(text, s, e)
            items.append((s, e))
        with_amount = kind == "项目" and AMOUNT_RE.search(chunk) is not None
        if kind == "项目" and not with_amount and sum(1 for a, b in items if lex.industry_re.search(text, a, b)) >= 2 \
                and sum(1 for a, b in items if clean_label(text[a:b]) in lex.industries) >= 1:
            continue  # 重点发展风电、光伏、新型储能和抽水蓄能等清洁能源项目: sectors of projects, not projects
        if kind == "项目" and _UNVEILED_AFTER.match(text[m.end() : m.end() + 10]):
            continue  # A、B等4个项目举行揭牌仪式: platforms and centres with names of their own
        # 引进软件信息、数字内容等企业: every item a line of business (not 天合光能、理想汽车等企业)
        sectors = kind in ("企业", "公司") and all(
            (n := clean_label(text[s:e])) in lex.industries or _sector_item(n) for s, e in items)
        for i, (s, e) in enumerate(items):
            raw = text[s:e]
            am = _AMOUNT_HEAD.match(raw)
            if am:
                s += am.end()
                raw = text[s:e]
            name = clean_label(raw)
            if not (2 <= len(name) <= 20) or _NOT_NAME_CHAR.search(raw):
                continue
            if name in lex.places or name in lex.industries or _SECTOR_WORD.search(name):
                continue
            if name.endswith(BUILD_BEFORE_DENG):
                continue  # 在P建设 + 等静压…项目: 等 after a verb opens a name, it closes no list
            if kind in ("企业", "公司") and _product_item(name):
                continue  # 引进正负极材料、隔膜、电解液等电池材料企业: products of the firms, not their names
            if kind in ("企业", "公司") and pos_tags().get(name) in ("v", "vn"):
                continue  # 开采、冶炼、新材料加工等上下游企业: a stage of the chain, not a firm
            if sectors:
                doc.add_span(Span(s, e, "Industry", name, "list", 6, set()))
                continue  # 引进软件信息、数字内容等企业: the firms' lines of business
            toks = list(tokens(name))
            inner = 0 < i < len(items) - 1 or kind == "企业"
            if any(is_stop_token(t) and not _time_word(t) and not (inner and len(t) == 1 and len(name) <= 6) for t in toks):
                continue  # a single function character inside an item between 、 is part of a name (聚和新材)
            if am is None and not with_amount and lex.industry_re.search(name) and not _company_like(name):
                # a project item may be a brand with its sector (远航新材); a firm item may not
                if kind not in ("项目", "院所", "研究机构") or len(lex.industry_re.sub("", name)) < 2:
                    continue
            if kind == "项目":
                if name.endswith("项目"):
                    typ, label, aliases = "Project", name, {name[:-2]}
                elif with_amount:
                    typ, label, aliases = "Project", name + "项目", {name}
                elif re.search("(?:基地|中心|工厂|总部|产业园|园区)$", name):
                    typ, label, aliases = "Project", name, set()
                elif _FIRM_ITEMS.search(m.group()) or _LEGAL_FORM.search(name):
                    typ, label, aliases = "Company", name, set()
                else:
                    # A、B等项目: the items are the projects, named by their bare form
                    typ, label, aliases = "Project", name + "项目", {name}
            elif kind in ("院所", "研究机构"):
                typ, label, aliases = "ResearchInstitute", name, set()
            elif kind in ("机构", "高校"):
                continue
            else:
                typ, label, aliases = _own_type(name), name, set()
            doc.add_span(Span(s, e, typ, label, "list", 6, aliases))
    _brands(doc)
    _bracketed_brands(doc)
    _subject_brands(doc)
    _partner_brands(doc)
    _short_forms(doc)
    _listed_programmes(doc)
    planned_sites(doc)


#: programmes put into practice as a counted list: 实施A工程、B工程、C工程等六大工程
_PROGRAMME_LIST = re.compile(f"(?:实施|推进|开展|启动|推动)((?:[{HAN}]{{2,16}}?工程、)+[{HAN}]{{2,16}}?工程)(?:等|)[{HAN}]{{0,3}}[大项](?:重点)?工程")


def _listed_programmes(doc: Doc) -> None:
    """The items of a counted list of programmes (实施A工程、B工程等六大工程) are initiatives."""
    text = doc.text
    if "工程" not in text:
        return
    for m in _PROGRAMME_LIST.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            doc.add_span(Span(pos, pos + len(item), "Initiative", item, "list", 5))
            pos += len(item) + 1


#: ``X有限公司(以下简称“Y”)``: the short form the text will use for the name before it.
_SHORT_FORM = re.compile("[(（](?:以下)?(?:简称|下称)[:：]?[“\"]?([^()（）“”\"，,。]{2,12})[”\"]?[)）]")
_ORG_TYPES = ("Company", "GovernmentBody", "ResearchInstitute", "University", "Association", "Fund", "Park", "Project", "Initiative", "Event")


#: ``X股份有限公司(X电路)``: a short form in bare brackets right after a body's full name
_BARE_SHORT_FORM = re.compile(f"\\(([{HAN}A-Za-z0-9]{{2,8}})\\)")
#: a park's organs, named with the park's short form as written (汕头华侨试验区管委会)
_PARK_ORGANS = ("管委会", "党工委", "管理委员会", "工委")
#: the kinds of names a bare bracketed short form may abbreviate (not events: their own rule)
_BARE_SHORT_TYPES = ("Company", "GovernmentBody", "ResearchInstitute", "University", "Association", "Fund", "Park")


def _bare_short_form(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full``: its characters in order, the first among the
    name's first four (after the place it opens with), and no place, sector, generic word or name ending of its own."""
    lex = lexicon()
    place = lex.place_re.match(full)
    head = full[: (place.end() if place is not None else 0) + 4]  # (after the place it opens with: 北京 + 中科宏远…(宏远集团))
    if len(short) >= len(full) or short[0] not in head or not _subsequence(short, full):
        return False
    return not (short in lex.places or short in lex.industries or short in lex.suffixes or short in words("generic"))


def _short_forms(doc: Doc) -> None:
    """Every use of a declared short form names the entity it abbreviates: (以下简称“Y”) or a bare
    (Y) whose characters are the full name's in order (常德德财金融控股集团有限公司(德财金控))."""
    text = doc.text
    declared = [(m, _ORG_TYPES) for m in _SHORT_FORM.finditer(text)] + [(m, _BARE_SHORT_TYPES) for m in _BARE_SHORT_FORM.finditer(text)]
    for m, kinds in sorted(declared, key=lambda d: d[0].start()):
        full = max((s for s in _spans_ending(doc, m.start()) if s.type in kinds), key=lambda s: (s.length, s.priority), default=None)
        if full is None:
            continue
        short = m.group(1)
        if kinds is _BARE_SHORT_TYPES and not _bare_short_form(short, full.label):
            continue
        # the declaration itself, brackets included, and every later use
        doc.add_span(Span(m.start() + 1, m.end() - 1, full.type, full.label, "short_form", 7, {short}))
        for k in re.compile(re.escape(short)).finditer(text, m.end()):
            if full.type == "Park" and text.startswith(_PARK_ORGANS, k.end()):
                continue  # X试验区管委会: the organ as written (its own name), not the park's
            doc.add_span(Span(k.start(), k.end(), full.type, full.label, "short_form", 7, {short}))


# ---------------------------------------------------------------------------- projects listed by count or intro

#: ``A、B和C3个项目`` / ``A和B两个总部类项目``: items before a count of projects.
_COUNT_END = re.compile(r"(?:[\d]+|[一二两三四五六七八九十]+)个(?:[^,。;、\d]{0,4}?类)?(?:产业|重大|重点)?项目")
#: ``…5个项目开工,分别是A、B和C`` / ``一批项目如A、B、C``: items after an introducing word.
#: the fields a count of projects is in: 农产品精深加工、冷链物流等领域 + 18个项目
_FIELDS_BEFORE = re.compile("等?(?:领域|行业|产业|方向|板块|类别)(?:的)?$")
#: a verb right before a count of projects: the count is its object (与X签约15个项目)
_VERB_BEFORE_COUNT = re.compile("(?:签约|签订|签下|引进|落地|开工|新签|共计|集中签约|落户)(?:了)?$")
_INTRO = re.compile("(?:分别是|分别为|项目如(?![期下何果今同])|项目有|项目包括)")
_CONJ_RE = re.compile("以及|和|及|与")
#: ``A、B和C同步开工建设``: the items before a verb of starting are projects.
_START_END = re.compile("(?:同步|同时|一并|也一并|相继|集中|正式)?(?:开工建设|开工|奠基|启动建设)|(?:也|还)?(?:同步|同时|一并)启动")
_NOT_PROJECT_ITEM = re.compile("(?:开发区|高新区|园区|新区|镇|街道|市|区|县|等|企业|公司|领域|行业|产业)$")



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
#: what follows a count of projects that are platforms and centres unveiled (A、B等4个项目举行揭牌仪式)
_UNVEILED_AFTER = re.compile("[^,。;]{0,6}(?:揭牌|授牌)")
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
