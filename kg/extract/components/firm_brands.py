"""Short company names by their brand: X科技, X光电 by the ending of a firm's name, the bare brand
that is the subject of a plan to invest (X将在厦门建设…), and the partner a firm joins (A集团联合X,…)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.event_edges import _sentence_floor
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN, lexicon, words
from kg.extract.names import is_generic, is_stop_token, left_edge
from kg.extract.segment import pos_tags, tokens


@lru_cache(maxsize=1)
def _left_stop() -> frozenset[str]:
    return frozenset(words("left_stop"))


#: ``X将在厦门建设…`` / ``企业X则将在厦投资…``: a firm by its bare brand, the subject of a plan to invest.
_PLAN_SUBJECT = re.compile(
    f"(?:(?<=[,。;!?\\n])|(?<=^)|(?<=企业)|(?<=龙头)|(?<=公司))([{HAN}A-Za-z]{{2,5}}?)(?:则|也|还|随后)?(?:将|拟|计划|准备)在([{HAN}]{{1,6}}?)(?:投资|建设|布局|设立|新建|打造)",
    re.MULTILINE,
)
#: what every match of _PLAN_SUBJECT holds
_PLAN_VERB = re.compile("(?:将|拟|计划|准备)在")
_BRAND_TAGS = ("nr", "nz", "nt", "nrt", "x", "j", "eng")


def _subject_brands(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    if not _PLAN_VERB.search(text):
        return  # (no plan, no match: the pattern tries its look-behinds at every character)
    for m in _PLAN_SUBJECT.finditer(text):
        name, where = m.group(1), m.group(2)
        if name in lex.places or name in lex.industries or lex.suffix_re.search(name) or lex.title_re.search(name):
            continue
        if not (where in lex.places or len(where) == 1 or lex.place_re.match(where)):
            continue
        toks = list(tokens(name))
        tags = pos_tags()
        if len(toks) == 1 and (tags.get(name) or "x") not in _BRAND_TAGS:
            continue  # 双方, 公司, 项目: no brand
        if is_generic(toks) or any(t in _left_stop() or (len(t) > 1 and (is_stop_token(t) or is_generic([t]))) for t in toks):
            continue
        if any(t in lex.places for t in toks) or (tags.get(toks[0]) or "")[:1] in ("r", "d", "t", "p", "c", "m", "q"):
            continue
        doc.add_span(Span(m.start(1), m.end(1), "Company", name, "brand", 1))


#: ``A集团联合X,与…`` / ``A将携手X,依托…``: the partner a firm or body joins, named up to the clause end.
_PARTNER = re.compile(f"(?:将|还|也|正式)?(?:联合|携手|牵手)([{HAN}A-Za-z0-9]{{2,8}}?)(?=[,，;。]|共同|一起|一道)")


def _partner_brands(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    org_ends = {s.end for s in doc.spans if s.type in ("Company", "GovernmentBody", "ResearchInstitute", "University", "Association")}
    for m in _PARTNER.finditer(text):
        if m.start() not in org_ends and not text.endswith(("城投", "国投"), 0, m.start()):
            continue
        name = m.group(1)
        if name[0] in "共同一各全等" or name.startswith(("更多", "其他", "多家", "多方", "相关", "有关", "头部")):
            continue  # 携手共进, 联合各方, 联合更多头部机构: no partner named
        toks = list(tokens(name))
        if name in lex.places or name in lex.industries or is_generic(toks) or lex.suffix_re.search(name):
            continue  # a named body (X集团) has a span of its own
        if any(is_stop_token(t) and len(t) > 1 and t not in lex.places for t in toks) or toks[0] in _left_stop():
            continue
        if (pos_tags().get(name) or "nz")[:1] in ("v", "d", "a", "r", "t", "b"):
            continue
        doc.add_span(Span(m.start(1), m.end(1), "Company", name, "brand", 1))


_TWO_BRAND = re.compile(f"[{HAN}A-Za-z]{{2}}")
#: the works that follow a product named in a project's name: 扩建项目, 技改项目, 生产线, 二期
_WORKS_AFTER = re.compile("(?:扩建|技改|扩能|改造|升级)?(?:项目|生产线|[一二三四五六七八九]期)")


# compiled once (the rule below runs per candidate)
#: What closes a list of sectors: 三大方向, 等领域.
_SECTORS_CLOSE = re.compile("(?:[两二三四五六七八九十]大|等)(?:方向|领域|产业|行业|板块|赛道)")
_BRAND_CHARS = re.compile(f"[{HAN}A-Za-z]+")


#: jieba's tags of ordinary words (nouns, adjectives, verbs as nouns): no brand is made of them alone
_ORDINARY = frozenset({"n", "a", "b", "vn", "an", "ng", "l", "v", "d"})


#: a scope that opens a phrase about a sector, or the regions a market is named by (日韩电池大厂), never a brand
_SCOPES = frozenset({"全市", "全省", "全区", "全县", "全国", "全球", "全州", "全盟", "日韩", "欧美", "港澳", "东南亚", "中东", "海外", "国际"})


#: words of quality that open a description of a trade, never a brand (高端石材装备)
_QUALITIES = frozenset({"高端", "先进", "新型", "智能", "绿色", "现代", "大型", "精密", "新一代", "高性能", "中高端"})


def _brands(doc: Doc) -> None:
    """Short company names by ending (华天科技, 亨通光电), kept when the text backs them:
    named twice, next to another firm, in a list, or before a post (董事长)."""
    text, lex = doc.text, lexicon()
    found: list[tuple[int, int, str]] = []
    prev_end = -1
    counts: dict[str, int] = {}  # (each name counted once: a long text holds one name thousands of times)

    def count(name: str) -> int:
        c = counts.get(name)
        if c is None:
            c = counts[name] = text.count(name)
        return c

    for m in lex.ending_find_re.finditer(text):
        floor = _sentence_floor(doc, m.start())
        if 0 <= m.start() - prev_end <= 6:
            floor = max(floor, prev_end)
        if text.startswith(("产业", "领域", "行业", "化", "产品", "车", "园", "枢纽", "通道", "节点", "配套", "体系", "设施", "网络"), m.end()) or not (m.start() - 2 >= floor and _TWO_BRAND.fullmatch(text, m.start() - 2, m.start())):
            continue  # a sector (电力电器产业园, X领域, X行业, X产品, 冷链物流车, X物流园), a process (智能化); no brand of 2-5 characters
        start, stem = left_edge(text, m.start(), floor)
        brand = text[start : m.start()]
        if not (2 <= len(brand) <= 5) or not _BRAND_CHARS.fullmatch(brand) or "年产" in brand:
            continue  # (建成后可年产电池…: a capacity, not a brand)
        if stem[0] in _QUALITIES:
            continue  # 面向东南亚的 + 高端石材 + 装备生产基地: a description of the trade, no brand
        if stem[0] in _SCOPES or brand in _SCOPES or is_generic(stem) or any(t in lex.industries or t in lex.places or is_stop_token(t) for t in stem):
            continue  # (全市 + 专用汽车: the whole city's sector, no brand; the set tests first)
        if len(stem) > 1 and len(stem[0]) > 1 and (pos_tags().get(stem[0]) or "")[:1] in ("v", "b", "d", "c", "p", "r"):
            continue  # 集聚 + 食品机械, 主要生产 + 智能: a verb or adverb before a sector, no brand
        name = text[start : m.end()]
        if name in lex.industries or name in lex.places or name[-4:] in lex.industries or brand in lex.industries:
            continue
        if len(brand) > 2 and count(name[1:]) > count(name) and text[start - 1 : start + 1] in pos_tags():
            continue  # 其中 + 华瓷电子 (read 其/中华/瓷): the firm already named, with a character of the word before
        # an industry that ends the name (重点培育光通信, 精密机械) is a sector, not a firm
        if any(name[k:] in lex.industries for k in range(len(name) - 1)):
            continue
        if text[start - 1 : start] == "等" and text[start - 2 : start - 1] not in ("", "\n", ",", "。"):
            continue  # 液压支架、刮板输送机等 + 煤矿综采装备: the kind a list of products belongs to
        if text[start - 1 : start] == "、" and _SECTORS_CLOSE.match(text, m.end()):
            continue  # …、船用氢燃料动力三大方向: the last item of a list of sectors
        if any(im.start() < m.end() < im.end() for im in lex.industry_re.finditer(text, max(start, m.start() - 4), m.end() + 8)):
            continue  # 建成后主要生产动力 + 电池: a sector runs on past the ending (动力电池)
        if _beside_a_sector(text, start, m.end()):
            continue  # 从事煤机装备、新能源装备的研发: an item of a list of sectors
        if text.startswith("材料", m.end() - 2) and all((pos_tags().get(t) or "x") in _ORDINARY for t in tokens(brand)):
            continue  # 石英 + 材料, 高性能膜 + 材料: a material in ordinary words, not a firm's short name
        if _WORKS_AFTER.match(text, m.end()) and len(tokens(brand)) > 1 and all((pos_tags().get(t) or "x") in _ORDINARY for t in tokens(brand)):
            continue  # 速冻调理 + 食品 + 扩建项目: a product in ordinary words before the works, not a firm
        tag = pos_tags().get(brand)
        if tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "j", "x") and count(name) < 2:
            continue
        if _modifies_a_noun(text, m.end()):
            continue  # 车用电子 + 需求, 冷链物流 + 成本, 退役电池 + 自动化拆解: a trade qualifying a noun, no firm
        found.append((start, m.end(), name))
        prev_end = m.end()
    titles = lex.title_re
    for i, (s, e, name) in enumerate(found):
        touching = (i > 0 and s - found[i - 1][1] <= 1) or (i + 1 < len(found) and found[i + 1][0] - e <= 1)
        unknown = pos_tags().get(text[s:e][: len(name) - len(lex.ending_re.search(name).group())]) is None
        backed = (
            touching
            or unknown
            or count(name) >= 2
            or bool(titles.match(text, e))
            or text[e : e + 1] in ("、",) and i + 1 < len(found) and found[i + 1][0] == e + 1
        )
        if backed:
            doc.add_span(Span(s, e, "Company", name, "brand", 1))


#: a short form in brackets after a name: 鼎晟科技(鼎晟)
_BRACKET_SHORT = re.compile(f"\\(([{HAN}]{{2,4}})\\)")


def _bracketed_brands(doc: Doc) -> None:
    """封测厂鼎晟科技(鼎晟): a brand whose short form follows it in brackets starts where the short
    form does (the words before it, 封测厂, describe the firm), when it ends like a firm (科技)."""
    text, lex = doc.text, lexicon()
    if "(" not in text:
        return
    for m in _BRACKET_SHORT.finditer(text):
        short, open_ = m.group(1), m.start()
        start = text.rfind(short, max(0, open_ - len(short) - 6), open_)
        if start < 0 or start + len(short) >= open_:
            continue
        name = text[start:open_]
        if lex.ending_re.search(name) is None or len(name) - len(short) != len(lex.ending_re.search(name).group()) \
                or short in lex.places or short in lex.industries or name in lex.industries:
            continue  # (X + an ending right after the short form: 鼎晟 + 科技)
        doc.add_span(Span(start, open_, "Company", name, "brand", 1))


def _modifies_a_noun(text: str, end: int) -> bool:
    """Whether a noun of jieba's dictionary follows right after a would-be short name (no title of a
    post: 华天科技董事长 is the firm's)."""
    after = text[end : end + 4]
    if not after or lexicon().title_re.match(text, end):
        return False
    first = tokens(after)[0]
    return len(first) >= 2 and pos_tags().get(first) in ("n", "vn")


_JOIN = "、和及与"
_ITEM_END = re.compile("[、和及与等的,。;]")


def _beside_a_sector(text: str, s: int, e: int) -> bool:
    """Whether the text at s:e is listed (、, 和) next to a sector of the lexicon."""
    industry_re = lexicon().industry_re
    if text[e : e + 1] and text[e] in _JOIN:
        nxt = industry_re.match(text, e + 1)
        if nxt is not None and _ITEM_END.match(text, nxt.end()):
            return True
    if s > 0 and text[s - 1] in _JOIN:
        return any(m.end() == s - 1 and (m.start() == 0 or not re.match(f"[{HAN}]", text[m.start() - 1]) or text[m.start() - 1] in _JOIN)
                   for m in industry_re.finditer(text, max(0, s - 12), s - 1))
    return False
