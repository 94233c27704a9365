"""Where names start when the word segmenter misreads their first characters: legal names
and listed projects whose brand holds a verb or function character (苏州远航…有限公司,
宁波均胜…股份有限公司), names opened by a single character after 、 or 的, brands read as
verbs before 集团, and the firm a project is named after (brand + sector + 总部); a school's name the
segmenter keeps as one word (嘉应学院), a name after a dash (聚宏-北部湾大学) or after a place it does not
lie in (昆山市 + 苏州工业园区)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN, lexicon, place_scanner, words
from kg.extract.names import CHINA_REGIONS, is_generic
from kg.extract.segment import pos_tags, tokens

# Runs of Han characters (compiled once; the rules test them per candidate).
_ONE_HAN = re.compile(f"[{HAN}]")
_HAN_RUN = re.compile(f"[{HAN}]+")

_STEM_BREAK = frozenset({"项目", "企业", "选址", "强企业", "高校", "院校", "机构", "投资机构", "龙头", "龙头企业", "领军企业", "巨头", "独角兽",
                         "子公司", "旗下", "国有企业", "民营企业", "国企", "民企", "央企", "外资企业", "上市公司", "独角兽企业"})
#: Words of a descriptor that presents a firm as a government's own vehicle (市属国有资本运营平台X).
STATE_OWNED = ("国有", "国资", "市属", "省属", "区属", "县属", "市级国有", "省级国有")


@lru_cache(maxsize=1)
def _left_stop_set() -> frozenset[str]:
    return frozenset(words("left_stop"))


@lru_cache(maxsize=1)
def _name_verbs() -> frozenset[str]:
    return frozenset(words("name_verbs"))


_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "株式会社")


#: characters that never begin a firm's brand after its place (苏州的…, 无锡和…)
_FUNCTION_CHARS = frozenset("的和与及在由为是将把被对向从到等了着过并或同跟以于")
#: what stands before the first item of a list of names
_LIST_MARKS = frozenset(("、", ",", "和", "与", "及", "以及", ":"))


#: the last characters of what opens a listed project item (、, ",", ":", 包括)
_ITEM_OPEN_CHARS = frozenset("、,:括")


#: what may stand right before a legal name that opens with its place (合资设立的 + 宁夏…, 走进 + 宁夏…)
_BEFORE_PLACED_NAME = frozenset("的,、:;。\n")


def _place_opened_brand(text: str, start: int, floor: int) -> int | None:
    """The start of a place written 1-4 characters before ``start`` when those characters are a
    brand the segmenter cut into pieces (宁夏 + 丸/川/正/合 + 特种石墨有限公司, 宁夏 + 六盘/源 + 肉牛…):
    no function character, no verb or other stop word among them, and the place opens a clause or
    follows 的 or a verb (走进, 来到)."""
    lex, tags = lexicon(), pos_tags()
    for k in range(start - 3, max(floor, start - 8) - 1, -1):
        p = lex.place_re.match(text, k, start - 1)
        if p is None or not 1 <= start - p.end() <= 4:
            continue
        gap = text[p.end() : start]
        toks = tokens(gap)
        if not _HAN_RUN.fullmatch(gap) or any(c in _FUNCTION_CHARS for c in gap) \
                or any(len(t) > 1 and ((tags.get(t) or "x")[:1] in "vpcdru" or t in _STEM_BREAK or t in _left_stop_set()) for t in toks):
            return None
        before = text[k - 1 : k]
        if k == floor or before in _BEFORE_PLACED_NAME or (tags.get(text[k - 2 : k]) or "").startswith("v"):
            return k
        return None
    return None


def legal_name_start(text: str, start: int, end: int, floor: int) -> int:
    """Start of a firm's legal name (``text[start:end]`` ends in 有限公司) or of a listed
    project whose left edge stopped at a verb-like word of its brand: a place written before
    that word opens the name (苏州 + 远航 + 智能科技有限公司, 、泉港 + 联合 + 石化…项目)."""
    listed = text.endswith("项目", start, end)
    if not (text.endswith(_LEGAL_FORMS, start, end) or listed) or start <= floor:
        return start
    lo = max(floor, start - 8)
    if listed and _ITEM_OPEN_CHARS.isdisjoint(text[max(lo - 1, 0) : start]):
        return start  # (a listed project opens after 、 , : or 包括 in the window below: the test at its end)
    # (the window's last token is its last character or its last two, and the tests below go on only for 同,
    # a single character of a brand or a verb: without one of them no segmentation is needed)
    c, tags = text[start - 1], pos_tags()
    if not (c == "同" and not listed) and not (not listed and c not in _FUNCTION_CHARS and _ONE_HAN.match(c)) \
            and not (tags.get(c) or "").startswith("v") and not (start - 2 >= lo and (tags.get(text[start - 2 : start]) or "").startswith("v")):
        return start
    lex = lexicon()
    if not listed and (p := lex.place_re.match(text, start, end)) is not None and p.end() - start >= 2:
        return start  # 周光明来到 + 湖北钟瑞磷化工有限公司: a legal name already opening with its place
    if not listed and (opened := _place_opened_brand(text, start, floor)) is not None:
        return opened
    toks = list(tokens(text[lo:start]))
    if len(toks) < 2 or not 1 <= len(toks[-1]) <= 2:
        return start
    if toks[-1] == "同" and not listed:
        # 和 + 湖南 + 中核 + 同 + 辐科技有限公司: a brand with 同 in it (同 as "with" has a party before it)
        at = start - 1
        head = max((text.rfind(c, max(floor, at - 7), at) for c in "、,和与及:"), default=-1)
        if head < 0 and at - floor <= 7:
            head = floor - 1  # (the name opens the sentence)
        if head >= floor - 1:
            place = lex.place_re.match(text, head + 1, at)
            if place is not None and 1 <= at - place.end() <= 3 and _HAN_RUN.fullmatch(text, place.end(), at) \
                    and not any(c in _FUNCTION_CHARS for c in text[place.end() : at]):
                return head + 1
    single = len(toks[-1]) == 1 and not listed and toks[-1] not in _FUNCTION_CHARS and _ONE_HAN.match(toks[-1])
    if not single and not (pos_tags().get(toks[-1]) or "").startswith("v"):
        return start  # 宁波 + 均 + 胜电子股份有限公司: a single character of the brand read as a word
    place = toks[-2]
    extra = ""
    if (place not in lex.places and len(toks) > 2 and len(place) == 1 and not listed and place not in _FUNCTION_CHARS
            and _ONE_HAN.match(place)):
        extra, place = place, toks[-3]  # 深圳市 + 优 + 必选 + 科技股份有限公司
    elif (place not in lex.places and len(toks) > 2 and len(place) == 2 and not listed and toks[-3] in lex.places
          and (pos_tags().get(place) or "x")[0] in "fns"):
        extra, place = place, toks[-3]  # 深圳 + 前海 + 启明 + 资本管理有限公司: a district's name after the city
    if place not in lex.places and place.rstrip("市省") not in lex.places:
        return start
    at = start - len(toks[-1]) - len(extra) - len(place)
    if listed:
        # a project item of a list (、泉港联合石化技术改造项目): the place opens the item
        if len(toks[-1]) < 2 or not (text[at - 1 : at] in ("、", ",", ":") or text.endswith("包括", 0, at)):
            return start
        if text[at - 1 : at] != "、" and toks[-1] in _left_stop_set():
            return start  # ,邹平 + 坚持 + 项目为王: a clause's subject and its verb, no item of a list
    elif toks[-1] in _left_stop_set() and not single:
        return start
    return at


def repeated_brand_start(text: str, start: int, end: int, floor: int) -> int:
    """Start of a firm's legal name (``text[start:end]`` ends in 有限公司) whose left edge stopped
    at a two-character brand the segmenter read as an adverb or a conjunction (大厂 + 鼎新 +
    电路股份有限公司, 旗下 + 德和 + (江门)新能源…): the brand opens two or more firms' names in
    the article, as brands do and function words do not."""
    if not text.endswith(_LEGAL_FORMS, start, end) or start - 2 < floor:
        return start
    brand = text[start - 2 : start]
    if not _HAN_RUN.fullmatch(brand) or brand in _left_stop_set() or brand[0] in _FUNCTION_CHARS:
        return start
    lex = lexicon()
    if lex.place_re.match(text, start) or text.startswith(_LEGAL_FORMS, start):
        return start  # a place opens the name; a legal form alone has no stem to extend
    toks = tokens(text[max(floor, start - 8) : start])
    if toks[-1:] == (brand,):
        if pos_tags().get(brand) not in _MISREAD_TAGS:
            return start  # (动力 + 总成 + 有限公司: a noun or verb of the trade, not a brand misread)
    elif toks[-2:] != (brand[0], brand[1]) or brand[1] not in _FUNCTION_CHARS:
        return start  # the brand must be the word the left edge stopped at, or a character and 和
    if brand in lex.places or brand in lex.industries or brand in lex.suffixes or brand in words("generic"):
        return start
    if text.count(brand) < 2 or len(re.findall(re.escape(brand) + _FIRM_AFTER, text)) < 2:
        return start
    return start - 2


def bracketed_brand_start(text: str, start: int, end: int, floor: int) -> int:
    """Start of a firm's name (``text[start:end]``, followed by its short form in brackets) whose left
    edge stopped inside or after its brand: the short form is written shortly before ``start`` (杭州 +
    瓯江启明 + 私募基金管理有限公司(瓯江启明)); the name then opens at the brand, or at a place right
    before it."""
    close = text.find(")", end + 1, end + 10)
    if text[end : end + 1] != "(" or close < 0:
        return start
    brand = text[end + 1 : close]
    if not 2 <= len(brand) <= 6 or not _HAN_RUN.fullmatch(brand):
        return start
    at = text.rfind(brand, max(floor, start - len(brand) - 8), start)
    if at < 0 or at + len(brand) < start and not _HAN_RUN.fullmatch(text, at + len(brand), start):
        return start  # (天目启明 + 投资 + 管理有限公司: the brand, then words of the trade the edge stopped at)
    place = next((m for m in lexicon().place_re.finditer(text, max(floor, at - 4), at) if m.end() == at), None)
    return place.start() if place is not None else at


#: jieba's tags of the function words a brand is misread as (adverbs, conjunctions, prepositions)
_MISREAD_TAGS = frozenset({"d", "c", "p", "ad"})
#: what follows a brand in a firm's name: its other words, then a legal form or 集团/控股
_FIRM_AFTER = f"[{HAN}A-Za-z0-9()]{{0,14}}?(?:有限公司|有限责任公司|股份公司|集团|控股)"


def _opens_item(text: str, start: int, floor: int) -> bool:
    """Whether the single character before ``start``, where a name's left edge stopped, opens
    the name: it follows 、 or 的 and is no word that introduces names, or it starts a place
    after a break (、上海城市…中心)."""
    before = text[start - 2] if start - 2 >= floor else "\n"
    if before not in "、的,;:。!?\n“":
        return False  # (tested first: most names follow neither a break nor 、 or 的)
    prev = text[start - 1]
    if not _ONE_HAN.match(prev) or start < 1:
        return False
    lex = lexicon()
    if any(text[start - 1 : start - 1 + k] in lex.places for k in (2, 3)):
        return True
    if before not in "、的":
        # 经市政府…, 以科技创新…: a clause opens with a preposition; but 顺科… opens a name the
        # text also writes after a place (广东顺科电器集团); 与, 在, 将 never open one (汉中市与西部…)
        if prev in _left_stop_set() and prev not in ("正", "同", "本"):
            return False
        return _brand_after_place(text, text[start - 1 : start + 1])
    from kg.extract.names import is_stop_token

    # 正, 同, 本 also open firms' names (正泰, 同程); 在, 与, 将 … never do
    opener = prev not in _left_stop_set() or prev in ("正", "同", "本")
    return opener and is_stop_token(prev) and text[start : start + 1] not in ("的", "、")


def _brand_after_place(text: str, head: str) -> bool:
    """Whether ``head`` (a name's first two characters) stands elsewhere in the text right after a
    place name, as the head of a firm's full name (广东 + 顺科电器集团)."""
    lex = lexicon()
    at = text.find(head)
    while at >= 0:
        if any(text[max(0, at - k) : at] in lex.places for k in (2, 3)):
            return True
        at = text.find(head, at + 1)
    return False


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
    if before in _STEM_BREAK or before in ("、", ",") and not (
            before == "," and text.startswith(("公司", "集团"), end) and not re.search(f"{toks[-1]}[^,。;]{{0,12}}(?:有限|股份)", text)):
        return end - len(toks[-1])  # (,负责公司在…: a verb and "the firm", unless a firm's legal name holds it: 启航公司)
    return end


#: a site a firm builds for itself, after the firm's name in a project's name
_OWN_SITE = re.compile(f"(?:{CHINA_REGIONS}|区域|中国|全球|亚太)?(?:总部|研发中心|生产基地|制造基地|智造基地)")


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
        if ind is None or not _HAN_RUN.fullmatch(brand) or not _OWN_SITE.match(text, ind.end(), end):
            continue
        toks = list(tokens(brand))
        if brand in lex.places or brand in lex.industries or is_generic(toks) or any(t in _left_stop_set() for t in toks):
            return
        if lex.industry_re.search(brand):
            return
        doc.notes.setdefault("brand_firms", []).append((brand, text[pos : ind.end()]))
        return


def placed_brand(text: str, end: int, floor: int) -> int | None:
    """Start of a short firm name that opens its clause with a place and runs to a post
    (、北京佰才邦CEO): the characters of an unknown brand read as function words."""
    lex = lexicon()
    cs = max(floor, max((text.rfind(c, 0, end) + 1 for c in ",，。;；:：、\n"), default=0))
    run = text[cs:end]
    if not (3 <= len(run) <= 8) or not _HAN_RUN.fullmatch(run):
        return None
    place = next((run[:k] for k in (3, 2) if run[:k] in lex.places), None)
    if place is None or len(run) - len(place) < 2:
        return None
    if any(len(tok) > 1 and (tok in _left_stop_set() or tok in lex.places) for tok in tokens(run[len(place) :])):
        return None
    return cs


#: ``X将在厦门建设Y生产线,`` : a firm's planned site, named as a project (Y生产线项目).
_PLANNED_SITE = re.compile(
    f"(?:将在|拟在|计划在|将于)[{HAN}]{{1,6}}?(?:建设|投资|新建|投建|布局)"
    f"([{HAN}A-Za-z0-9]{{4,25}}?(?:生产线|生产基地|制造基地|研发生产基地|研发中心|总部基地))(?=[,。;])"
)


#: ``把X生产基地放在厦门`` / ``拟投入40亿元建设X体育公园,``: the same, put somewhere or paid for.
_PUT_SITE = re.compile(
    f"把([{HAN}A-Za-z0-9及]{{4,25}}?(?:生产基地|制造基地|研发中心|总部|基地|生产线))(?:放在|落户|布局在|落在|落地)"
    f"|(?:投入|投资)[\\d.]+(?:亿|万)元(?:人民币)?(?:建设|新建|打造)"
    f"([{HAN}A-Za-z0-9]{{4,20}}?(?:体育公园|产业园|生产基地|制造基地|研发中心|总部基地|生产线))(?=[,。;])"
)


def planned_sites(doc: Doc) -> None:
    for m in (*_PLANNED_SITE.finditer(doc.text), *_PUT_SITE.finditer(doc.text)):
        g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
        name = m.group(g)
        toks = list(tokens(name))
        if is_generic(toks) or toks[0] in _left_stop_set() or "的" in name or "最" in name:
            continue  # (把北方最大的生产基地放在…: a description, not a name)
        doc.add_span(Span(m.start(g), m.end(g), "Project", name + "项目", "planned_site", 5, {name}))


def _school_word(text: str, lo: int, end: int, suffix: str) -> str | None:
    """The dictionary's one word for a school ending at ``end`` with ``suffix`` (嘉应学院), when its
    head (two or more characters) splits into characters that stop a stem (嘉 + 应)."""
    last = tokens(text[lo:end])[-1]
    if len(last) - len(suffix) >= 2 and last.endswith(suffix) and pos_tags().get(last) in ("n", "nt", "nz"):
        return last
    return None


def _after_last_dash(text: str, start: int, end: int) -> int:
    """Where a name opens after the last dash of ``text[start:end]`` (聚宏-北部湾大学: the
    university after its partner), or ``start`` when none."""
    return max(start, text.rfind("-", start, end) + 1, text.rfind("—", start, end) + 1)


def _unrelated_place_start(text: str, start: int, end: int) -> int:
    """昆山市苏州工业园区 (two bodies side by side): a name that starts with a place followed by
    another place that does not lie in it starts at the second; 昆山市花桥经济开发区 stays."""
    if end - start < 3:
        return start  # (a place ending in 市, 省, 县 or 区 has two characters at least, and another place follows it)
    lex, places = lexicon(), place_scanner()  # (the matches of lex.place_re.match, found faster)
    first_end = places.match_end(text, start, end)
    if first_end < 0 or not text.endswith(("市", "省", "县", "区"), start, first_end):
        return start
    second_end = places.match_end(text, first_end, end)
    if second_end < 0:
        return start
    second_start = first_end
    p1, p = lex.places[text[start:first_end]], lex.places.get(text[second_start:second_end])
    for _ in range(3):
        if p is None:
            return second_start
        if p.name == p1.name:
            return start
        p = lex.places.get(p.parent) if p.parent else None
    return second_start
