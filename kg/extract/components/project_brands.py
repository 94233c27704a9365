"""The firm a project is named after (X有限公司20GW单晶硅棒项目, 博森智能传动系统项目 after 德国博森传动
技术有限公司, 利澳纸业扩建): the investor the projects step gives a project no sentence names one for."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.clauses import _is_org
from kg.extract.components.short_names import _strip_places
from kg.extract.doc import Doc
from kg.extract.lexicon import HAN, lexicon, place_prefix, words
from kg.extract.names import CHINA_REGIONS, PLACED_BRAND
from kg.extract.segment import pos_tags, tokens


#: regions a guessed brand may be instead (华南 + 总部…项目)
_REGIONS = (*CHINA_REGIONS.split("|"), "长三角", "大湾区")
#: the last words of a description (not a brand's)
_DESCRIBED_ENDS = ("精密", "智能", "电子", "材料", "级", "康复", "侧", "端", "用", "下游", "上游", "中游", "式", "型")  # (用户侧, 电源侧, 云端: where it sits; 漂浮式, 分布式: a kind)
#: the chemical elements' characters and the words that make a material of them (含氟, 铜基, 高纯)
_MATERIAL_CHARS = frozenset("氢氦锂铍硼碳氮氧氟氖钠镁铝硅磷硫氯钾钙钛钒铬锰铁钴镍铜锌镓锗砷硒溴锶锆铌钼银镉铟锡锑碲碘铯钡"
                            "镧铈镨钕钐铕钆铽镝钨铂汞铅铋铀稀土基含高纯系")
#: jieba's tags of a word that describes (adjectives, distinguishing words, adverbs)
_DESCRIBING_TAGS = frozenset({"a", "ad", "an", "b", "d"})


def _descriptive_head(brand: str) -> bool:
    """Whether a guessed brand opens with a describing word (高效, 新型, 大型) and is not itself
    a word jieba knows as a name."""
    if brand in _REGIONS or brand.endswith(_DESCRIBED_ENDS) or brand.startswith(("高端", "高效", "高性能", "高纯", "智能", "智慧", "数字", "绿色")) \
            or all(ch in _MATERIAL_CHARS for ch in brand):  # 锌镍 + 储能电池…, 含氟 + 新材料…, 铜基: a material
        return True  # 华南 + 总部…项目, 车规级 + 芯片…, 一体化压铸材料, 高端(阀门) + 医疗器械…: a region or a description
    tags = pos_tags()
    if tags.get(brand) in ("nz", "nr", "nt", "nrt", "j"):
        return False
    toks = tokens(brand)
    return len(toks) > 1 and len(toks[0]) >= 2 and tags.get(toks[0]) in _DESCRIBING_TAGS


def _legal_name_before(doc: Doc) -> dict[str, tuple[str, int]]:
    """X有限公司20GW单晶硅棒项目: the firm whose full legal name stands right before a project's name
    invests in it (the project's name starts after the firm's, mentions.name_mentions)."""
    out: dict[str, tuple[str, int]] = {}
    ends = {m.end: m for m in doc.mentions if m.type == "Company" and m.label.endswith(("有限公司", "有限责任公司"))}
    firms = [e.label for e in doc.entities.values() if e.type == "Company" and "(" in e.label]
    for m in doc.mentions:
        firm = ends.get(m.start)
        if m.type == "Project" and firm is not None and m.label not in out:
            out[m.label] = (firm.label, doc.sentence_at(m.start))
        elif m.type == "Project" and m.label not in out and (placed := _PLACED_BRAND_BEFORE.search(doc.text, max(0, m.start - 14), m.start)):
            # 金鼎铜箔(鹰潭) + 年产…项目: the one firm whose name opens with that brand and place
            owners = [f for f in firms if f.startswith(placed.group())]
            if len(owners) == 1:
                out[m.label] = (owners[0], doc.sentence_at(m.start))
    return out


_PLACED_BRAND_BEFORE = re.compile(PLACED_BRAND + "$")


@lru_cache(maxsize=1)
def _company_suffixes() -> tuple[str, ...]:
    """The name suffixes of companies (selected once; _investor tries them per prefix of a name)."""
    return tuple(suf for suf, (t, _) in lexicon().suffixes.items() if t == "Company")


def _org_names(doc: Doc) -> dict[str, str]:
    """Each name (label or alias, two characters or more) of the article's organisations -> the
    first organisation in entity order that bears it."""
    out: dict[str, str] = {}
    for other in doc.entities.values():
        if _is_org(other.type):
            for n in (other.label, *other.aliases):
                if len(n) >= 2 and n not in out:
                    out[n] = other.label
    return out


#: a capacity opening a project's name (after its places): 年产5GWh, 年处理30万吨, 2GWh
_CAPACITY = re.compile(r"年产|年处理|年加工|年回收|年吞吐|日产|日处理|\d")


def _investor(doc: Doc, label: str, org_names: dict[str, str] | None = None) -> str | None:
    lex = lexicon()
    name = label[:-2] if label.endswith("项目") else label
    # a firm of the article the project is named after
    # (the longest proper prefix of two or more characters that names a firm; the first such firm in
    # entity order: a lookup per prefix, not a scan of every entity's names per project)
    if org_names is None:
        org_names = _org_names(doc)
    for k in range(len(name) - 1, 1, -1):
        found = org_names.get(name[:k])
        if found is not None:
            return found
    brand = _brand_of_firm(doc, name)
    if brand is not None:
        return brand  # 德国博森传动技术有限公司 … 博森智能传动系统项目: the firm whose brand opens the name
    # strip leading places (美国多普罗斯生物科技)
    rest = name
    while True:
        p = place_prefix(rest)
        if not p:
            break
        em = lex.ending_find_re.match(rest, len(p))
        if em and lex.places[p].level == "county" and len(p) == 2 and doc.text.count(rest[: em.end()]) > doc.text.count(name):
            return rest[: em.end()]  # 长安 + 汽车, named on its own too: a firm named with a district's name and its trade
        rest = rest[len(p):]
    if _CAPACITY.match(rest):
        return None  # 年产5GWh储能电池项目, 2GWh储能系统集成项目: named by what it makes, after no firm
    u = _UPGRADE.match(rest)
    if u and (len(u.group(1)) >= 3 or pos_tags().get(u.group(1)) is None) and not _PUBLIC.search(u.group(1)) and _brand_ok(u.group(1)) and u.group(1) not in lex.industries \
            and not _ordinary_words(u.group(1)):
        return u.group(1)  # 利澳纸业 + 扩建, 三六一度 + 智能化生产: a firm's own works
    if _NOT_FIRM.search(rest):
        return None  # public works and directions (东部医疗中心, 343省道…工程) are named after no firm
    d = _BRAND_DESCRIPTOR.match(rest) or _BRAND_SEAT.match(rest)
    if d and _brand_ok(d.group(1), strict=False):
        return d.group(1)  # 中铁 + 华东总部, 万达 + 广场, 正新 + 研发二期
    em = lex.ending_re.search(rest)
    if em and em.start() >= 2 and _brand_ok(rest[: em.start()], strict=False) and len(rest) <= 10 and not _ordinary_words(rest[: em.start()]):
        if not any(i.start() < em.start() for i in lex.industry_re.finditer(rest)):
            return rest
    m = _BRAND_BEFORE_LATIN.match(rest)
    if m:
        return None if _PUBLIC.search(m.group(1)) else _brand_ok(m.group(1), strict=False)  # not 科技园(X园)
    if rest.startswith(words("product_words")):
        return None  # 积层陶瓷电容一期项目: named by a product (积层 + 陶瓷 is no brand and a sector)
    for k in range(2, min(len(rest) - 1, 9)):
        head, tail = rest[:k], rest[k:]
        if any(head.endswith(suf) and len(head) > len(suf) + 1 for suf in _company_suffixes()):
            return head
        em = lex.ending_re.search(head)
        if em and em.start() >= 2 and _brand_ok(head[: em.start()], strict=False) and not lex.industry_re.match(head) \
                and not _ordinary_words(head[: em.start()]):  # (速冻调理 + 食品扩建项目: a product, no brand)
            q = _QUALIFIER.search(head, 0, em.start())
            if q and q.start() >= 2:
                return head[: q.start()]  # 永太手心 + 高端医药
            return head
        ending = lex.ending_find_re.match(tail)
        if ending and (ending.end() == len(tail) or lex.industry_re.match(tail, ending.end()) or lex.place_re.match(tail, ending.end())):
            continue  # the firm's name goes on: 华昌 + 化工 + 新材料
        if lex.place_re.match(tail) or lex.industry_re.match(tail):
            b = _brand_ok(head)
            if b:
                return b
    return None


def _brand_of_firm(doc: Doc, name: str) -> str | None:
    """The one company of the article whose name, after its places, opens with the same brand
    (two or more characters, no place or sector) as the project's name."""
    lex = lexicon()
    if lex.industry_re.match(name) or lex.place_re.match(name):
        return None
    found: dict[str, int] = {}
    for other in doc.entities.values():
        if other.type != "Company":
            continue
        for n in (other.label, *other.aliases):  # (the longest match is kept: the order of one entity's names does not matter)
            if name[:2] not in n:
                continue  # (bare, an end of n, opens with name's first two characters, else no brand below)
            bare = _strip_places(n)
            k = 0
            while k < min(len(bare), len(name)) and bare[k] == name[k]:
                k += 1
            if 2 <= k < len(name) and _brand_ok(name[:k], strict=False):
                found[other.label] = max(found.get(other.label, 0), k)
    if len(found) != 1:
        return None
    return next(iter(found))


#: what a project named after no firm opens or ends with
_NOT_FIRM = re.compile(r"^(?:东部|西部|南部|北部|中部|城东|城西|城南|城北|\d)|(?:医疗中心|卫生中心|医院|学校|公园|省道|国道|道路|快速路|水厂|污水处理|改扩建|改造)"
                       r"|(?:产业园|物流园|工业园|科技园|产业园区)$")  # (a park's works: named after no firm the text names)
#: a descriptor after a firm's short name in a project's name
_DESCRIPTOR = rf"(?:{CHINA_REGIONS}|区域|中国|亚太|全球|长三角)?(?:总部|广场|研发(?:[一二三四]期)|[一二三四]期)"
#: a firm's seat after its (possibly longer) name: 海容新能源 + 华中总部
_SEAT = rf"(?:{CHINA_REGIONS}|区域|中国|亚太|全球|长三角)?(?:研发|运营|结算|营运|销售|区域|功能性|第二)?总部$"
_BRAND_DESCRIPTOR = re.compile(f"([{HAN}]{{2,4}}?){_DESCRIPTOR}")
_BRAND_SEAT = re.compile(f"([{HAN}]{{2,6}}?){_SEAT}")
#: a brand before a bracket or Latin letters (科技园(X园), X ABC)
_BRAND_BEFORE_LATIN = re.compile(f"([{HAN}]{{2,6}}?)(?:\\(|[A-Za-z])")
#: a firm's works on its own plant: 扩建, 技术改造, 智能化生产
_UPGRADE = re.compile(f"([{HAN}]{{2,6}}?)(?:智能化|数字化|绿色化|自动化)?(?:技术改造|技改|改扩建|扩建|扩产|增资扩产|搬迁|生产|改造升级)$")
#: what names public works rather than a firm (老旧小区改造, 河道扩建)
_PUBLIC = re.compile("小区|道路|河道|管网|片区|街区|厂房|设施|校区|学校|医院|公园|处理|工程|[路街桥村镇厂站所园区]$|中心$|城市|农村|乡村|市政|生产线|基地|发电|焚烧|供水|供热|供电|污水|垃圾|燃气")
#: a qualifier of the product between a brand and the ending of a name (永太手心 + 高端 + 医药)
_QUALIFIER = re.compile("(?:高端|新型|先进|绿色)$")


_CAPACITY = re.compile(r"(?:年产|年加工|年处理|年)?\d")


#: jieba's tags of names, numerals and abbreviations: a word so tagged may be part of a brand
_NAME_TAGS = frozenset({"nz", "nr", "ns", "nt", "nrt", "nrfg", "x", "eng", "j", "m", "mq"})


def _ordinary_words(b: str) -> bool:
    """精密模具, 医用导管, 膜材料: a product or quality put together from ordinary words (one of two
    characters or more), none a name, numeral or unknown word — not a firm's brand (清陶, 力神, 三六一度 are)."""
    toks = tokens(b)
    tags = pos_tags()
    return len(toks) > 1 and any(len(t) > 1 for t in toks) and all(tags.get(t, "nz") not in _NAME_TAGS for t in toks)


def _brand_ok(b: str, strict: bool = True) -> str | None:
    """A firm's brand: not a place, industry or ordinary word (智能 is not a brand)."""
    lex = lexicon()
    if len(b) < 2 or b in lex.places or b in lex.industries or b in words("generic") or _CAPACITY.match(b) or b[-1] == "及" \
            or b[-1] == "期" and b[-2:-1] in "一二三四五六七八九" or b[-1] == "区" \
            or len(b) > 4 and lex.industry_re.search(b, 2):
        return None  # (年产3000吨, 5万套: a capacity, not a brand; 绿氢加注及: the first of two works joined; 电子特气二期: a phase;
        # 采煤塌陷区(光伏) + 储能…: an area, the site, or a long head that runs into a sector)
    if not strict:
        return b
    tag = pos_tags().get(b)
    if tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "x", "eng", "j"):
        return None
    return b
