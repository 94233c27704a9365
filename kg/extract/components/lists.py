"""Names standing in lists of firms and projects: items of ``A、B、C等企业/项目`` lists, and of counted
lists of programmes (实施A工程、B工程等六大工程). ``list_mentions`` also runs the rules for short
company names by their brand (X科技, X光电: ``firm_brands``), for short forms declared after full
names (``declared_short_forms``) and for planned sites (``name_edges``). Projects listed after a
count or an introducing word: ``project_lists``."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.declared_short_forms import _short_forms
from kg.extract.components.event_edges import _sentence_floor
from kg.extract.components.firm_brands import _bracketed_brands, _brands, _partner_brands, _subject_brands
from kg.extract.components.list_items import _LEGAL_FORM, _NOT_NAME_CHAR, _UNVEILED_AFTER, _first_item_start, _time_word
from kg.extract.components.name_edges import planned_sites
from kg.extract.components.refs import clause_start
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, lexicon, suffix_ending, words
from kg.extract.names import BUILD_BEFORE_DENG, is_stop_token
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


_SECTOR_WORD = re.compile("产业|领域|行业|企业")
#: an item that names a product (the firms of a list are named by what they make)
_PRODUCT_ITEM = re.compile("(?:材料|液|膜|剂|设备|装备|器件|零部件|部件|组件|原料|原料药|主机|整机|机组|叶片|塔筒|槽|芯片|模组|电池)$")
#: jieba's tags of ordinary words (a product's stem: 负极 + 材料), not of names
_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "b", "f"})


@lru_cache(maxsize=1)
def _materials() -> frozenset[str]:
    """Elements an item of materials opens with (铜箔, 镁合金; not 金 or 银, which open brands: 金鼎)."""
    return frozenset(words("element_chars")) - {"金", "银"}


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
        if kind == "项目" and not with_amount and len(items) >= 2 and all(
                lex.industry_re.search(text, a, b) or (text[a] in _materials() and b - a <= 6) for a, b in items):
            continue  # 重点引进铜箔、铜合金线材、铜基复合材料等项目: materials of the projects wanted, not projects
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
