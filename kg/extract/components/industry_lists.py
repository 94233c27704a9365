"""Sectors written in ordinary words: unknown items of a list of sectors, given away by the known ones beside them."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.name_checks import _name_verbs
from kg.extract.components.name_edges import _left_stop_set
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN, compile_words, lexicon, words
from kg.extract.names import left_edge
from kg.extract.quantities import chinese_number
from kg.extract.registry import component
from kg.extract.segment import pos_tags, tokens

_CLAUSE_END = re.compile("[,。;:!?\n]")
#: stop words that open a sector's name all the same (数字经济, 智能装备, 绿色建材)
_QUALIFYING_STOPS = ("数字", "智能", "绿色")
_LIST_END = re.compile("等|[\\d一二三四五六七八九十]+(?:条|大|个)|(?<=[、])?(?:领域|产业|行业|方向)?(?:发展|加快|开展|推动|构建|打造)")

_SECTOR_ITEM = re.compile(f"[{HAN}A-Za-z0-9]{{2,8}}")


@lru_cache(maxsize=1)
def _sector_stop() -> frozenset[str]:
    return frozenset(words("left_stop")) | frozenset(words("generic")) | frozenset(words("not_industry_x"))


@lru_cache(maxsize=1)
def _industry_verbs() -> re.Pattern[str]:
    """The verbs that open a list of sectors (built once: a trie regex costs as much as a short article)."""
    return compile_words((*words("industry_verbs"), "是"))


@component("industry_lists")
def industry_lists(doc: Doc) -> None:
    """Unknown items of a list of sectors: in ``聚焦A、B、C`` where at least two items are
    known industries, the other short items are sectors too (新显示, 新智造)."""
    text, lex = doc.text, lexicon()
    sectors: set[str] = set()
    for vm in _industry_verbs().finditer(text):
        end = _CLAUSE_END.search(text, vm.end())
        stop = end.start() if end else len(text)
        run = text[vm.end() : stop]
        cut = _LIST_END.search(run)
        run = run[: cut.start()] if cut else run
        parts = run.split("、")
        if len(parts) < 3:
            continue
        last = re.split("和|及|与", parts[-1])
        if len(last) == 2 and all(len(x) >= 2 for x in last):
            parts = parts[:-1] + last  # 风电、光伏、储能和氢能: the last two joined by 和
        known = [p for p in parts if p in lex.industries]
        holding = sum(1 for p in parts if lex.industry_re.search(p))
        if len(known) < 2 and not (known and holding >= max(2, len(parts) - 1)):
            continue  # a list of sectors: two known, or one known and the others holding one (冶金新材料)
        pos = vm.end()
        stop = _sector_stop()
        for part in parts:
            at = text.find(part, pos)  # (a 和 between the last two, or 、)
            if at < 0:
                break
            pos = at
            if part not in lex.industries and _SECTOR_ITEM.fullmatch(part) and part not in lex.places:
                toks = list(tokens(part))
                sector = lex.industry_re.search(part)
                # a known sector with a short qualifier (特色半导体, 冶金新材料) is named as written
                qualified = sector is not None and len(part) - len(sector.group()) <= 3 and not lex.place_re.match(part)
                if part not in stop and (qualified or not any(t in stop and len(t) > 1 and t not in _QUALIFYING_STOPS for t in toks)):
                    doc.add_span(Span(pos, pos + len(part), "Industry", part, "industry_list", 1))
                    sectors.add(part)
            pos += len(part) + 1
    if sectors:  # 精细磷化工 as an item of a sector list: not a firm by its ending (化工), here or elsewhere
        doc.spans = [sp for sp in doc.spans if not (sp.source == "brand" and sp.label in sectors)]
    _sector_runs(doc)
    _counted_by_sector(doc)
    _focus_pairs(doc)
    _lead_sector_subjects(doc)


def _new_sector_word(x: str, stop: frozenset[str]) -> bool:
    """Whether ``x`` may name a sector no lexicon knows: no known sector, place, stop word or body's name."""
    lex = lexicon()
    return not (x in lex.industries or x in lex.places or x in stop or lex.suffix_re.search(x)) and _SECTOR_ITEM.fullmatch(x) is not None


#: one item of a breakdown of projects by sector: (,)X(类)项目N个(、总投资M亿元)
_PER_SECTOR = re.compile(r"(?<=[,、;:])([\u4e00-\u9fff]{2,8}?)类?项目(?:\d+|[一二三四五六七八九十两]+)个(?:、?(?:总投资|投资)[\d.]+(?:万|亿)元)?(?=[,、;。])")


def _counted_by_sector(doc: Doc) -> None:
    """高端铝材项目9个、新能源项目7个、现代纺织项目5个: a breakdown of the projects by sector, with a known
    sector among three or more items: the other items name sectors too."""
    text = doc.text
    if "项目" not in text:
        return
    stop, lstop = _sector_stop(), _left_stop_set()
    runs: list[list[re.Match[str]]] = []
    for m in _PER_SECTOR.finditer(text):
        if runs and runs[-1][-1].end() + 1 == m.start():
            runs[-1].append(m)  # (the next item, right after the separator)
        else:
            runs.append([m])
    lex = lexicon()
    for run in runs:
        items = [m.group(1) for m in run]
        if len(items) < 3 or not any(x in lex.industries for x in items):
            continue
        for m, x in zip(run, items):
            toks = list(tokens(x))
            if not _new_sector_word(x, stop) or toks[0] in lstop or any(t in stop and t not in _QUALIFYING_STOPS for t in toks) \
                    or any((pos_tags().get(t) or "n")[0] in "vlir" and t not in _name_verbs() for t in toks):
                continue  # (其他项目3个: the rest, no sector)
            doc.add_span(Span(m.start(1), m.end(1), "Industry", x, "industry_list", 2))


#: X是承德重点打造的主导产业: the subject of a clause that calls it a place's lead sector
_IS_LEAD_SECTOR = re.compile("(?:^|(?<=[,。;:]))([\u4e00-\u9fff]{2,8}?)(?:产业)?是[^,。;]{0,12}?(?:主导|支柱|首位|特色|优势|战略性新兴)产业", re.MULTILINE)
_LEAD_SECTOR_WORDS = ("主导产业", "支柱产业", "首位产业", "特色产业", "优势产业", "战略性新兴产业")


def _lead_sector_subjects(doc: Doc) -> None:
    """钒钛新材料是承德重点打造的主导产业: X is a sector (when it is no place, body or stop word)."""
    text, lex = doc.text, lexicon()
    if not any(w in text for w in _LEAD_SECTOR_WORDS):
        return  # (every match ends in one: a scan of the text for each costs less than the pattern's, which has no literal start)
    stop = _sector_stop()
    for m in _IS_LEAD_SECTOR.finditer(text):
        x = m.group(1)
        if not _new_sector_word(x, stop) or lex.place_re.match(x) or any(pos_tags().get(t, "n")[:1] in ("v", "r", "d", "p", "c") for t in tokens(x)):
            continue
        doc.add_span(Span(m.start(1), m.end(1), "Industry", x, "industry_list", 2))


#: 重点发展A和B, (the clause ends there): the two sectors of a place's focus
_FOCUS_PAIR = re.compile("(?:重点发展|大力发展|主攻|重点培育)([\u4e00-\u9fff]{3,8}?)(?:和|及|与)([\u4e00-\u9fff]{3,8})(?=[,。;])")
#: how a sector named in ordinary words ends: a material, a product, a trade
_SECTOR_HEADS = ("材料", "铜箔", "装备", "加工", "制造", "器件", "芯片", "设备", "部件", "零部件", "电池", "服务", "医药", "食品")


def _focus_pairs(doc: Doc) -> None:
    """灵宝经开区重点发展锂电铜箔和电子电路铜箔: both items of a place's focus are sectors, when each
    is a known one or ends like one (铜基复合材料)."""
    text, lex = doc.text, lexicon()
    if "重点" not in text and "主攻" not in text and "大力发展" not in text:
        return
    stop = _sector_stop()
    for m in _FOCUS_PAIR.finditer(text):
        items = [(m.start(i), m.group(i)) for i in (1, 2)]
        if not all(x in lex.industries or x.endswith(_SECTOR_HEADS) for _, x in items):
            continue
        for at, x in items:
            if not _new_sector_word(x, stop):
                continue
            doc.add_span(Span(at, at + len(x), "Industry", x, "industry_list", 2))


#: ``A、B和C等领域``: a list that ends in a word for sectors (or runs on: A、B、C……).
_SECTOR_END = re.compile("等(?:[\u4e00-\u9fff]{0,4}?)(?:领域|产业|行业|方向|赛道|服务业|制造业|业态)|(?<=[\u4e00-\u9fff])……"
                         "|(?P<n>[两二三四五六七八九十])大(?:主导|支柱|优势|特色|新兴|未来|传统|重点|首位|核心|战略性新兴)?产业"
                         "|(?P<k>[2-9两二三四五六七八九十])条(?:[\u4e00-\u9fff]{0,6}?)产业链")
_CLAUSE = re.compile("[,。;:!?\n(){}“”《》]")
#: the projects signed or started cover a list (签约项目20个,…,涵盖A、B、C等领域): a list of their sectors
_SIGNED_COVER = re.compile("项目[^。;]{0,30}(?:覆盖|涵盖|涉及|分布在|分布于)")
#: the verb of a place's or a fund's focus, opening a list of sectors
_FOCUS_VERB = re.compile("重点发展|大力发展|主攻|聚焦|投向|重点投资|重点支持|布局|发展|涉及")


@lru_cache(maxsize=1)
def _longest_industry() -> int:
    return max(map(len, lexicon().industries), default=0)


def _sector_runs(doc: Doc) -> None:
    """Unknown items of a list that ends in 等领域/等产业/等方向 (覆盖A、B和C等领域): with at
    least one known industry among three or more items, the other short nominal items
    are sectors too (汽车制造, 现代金融)."""
    text, lex = doc.text, lexicon()
    stop = _sector_stop()
    lstop = _left_stop_set()
    for m in _SECTOR_END.finditer(text):
        cl = None
        for cl in _CLAUSE.finditer(text, max(0, m.start() - 80), m.start()):
            pass
        seg = cl.end() if cl else max(0, m.start() - 80)
        end = m.start() - 1 if m.start() > seg and text[m.start() - 1] == "等" else m.start()  # (A、B等5条产业链)
        raw = text[seg:end]
        parts = raw.split("、")
        if len(parts) < 2:
            continue
        last = re.split("和|及|与", parts[-1])
        if len(last) == 2 and all(len(x) >= 2 for x in last):
            parts = parts[:-1] + last
        # the first item follows the clause's verb (覆盖A, 延伸到A, 瞄准A)
        first = parts[0]
        # (a tail longer than the longest sector is none: the search starts where one may fit)
        k = next((i for i in range(max(0, len(first) - _longest_industry()), len(first) - 1) if first[i:] in lex.industries), None)
        if k is None:
            s0, stem0 = left_edge(text, seg + len(first), seg)
            k = s0 - seg
            if len(stem0) > 1 and ((pos_tags().get(stem0[0]) or "")[:1] == "v" or stem0[0] in _name_verbs()):
                k += len(stem0[0])  # 集聚 + 食品机械: the clause's verb
        fv = None
        for fv in _FOCUS_VERB.finditer(first):
            pass
        focused = fv is not None and len(first) - fv.end() >= 2
        if focused and (k <= fv.start() or k >= len(first)):
            k = fv.end()  # 重点发展 + 大豆精深加工: the verb of a focus opens the list
        parts[0] = first[k:]
        known = sum(1 for p in parts if p in lex.industries)
        holding = sum(1 for p in parts if lex.industry_re.search(p))
        strong = re.search("产业|行业|服务业|赛道|业态", m.group()) is not None
        n = m.group("n") or m.group("k")
        counted = n is not None and (int(n) if n.isdigit() else chinese_number(n)) == len(parts)
        if counted:
            pass  # A、B两大产业: as many items as the list says
        elif n is not None or len(parts) < 3:
            continue
        elif known < (1 if strong or _SIGNED_COVER.search(text, max(0, seg - 40), seg + k) else 2) \
                and not (focused and (strong or holding >= 2 or len(parts) >= 3)):
            continue  # 等领域 may close a list of products: two known sectors needed, or the verb of a focus
            # (重点发展A、B和C等产业, 聚焦风电装备、储能装备等领域)
        pos = seg + k
        for part in parts:
            at = text.find(part, pos, end)
            if at < 0:
                break
            pos = at + len(part)
            if part in lex.industries or part in lex.places or not _SECTOR_ITEM.fullmatch(part) or len(part) > 8 \
                    or len(part) > 6 and not (part.endswith(("制造", "服务", "加工")) or lex.industry_re.search(part)):
                continue  # (a longer item names a known sector or a trade: 航空零部件制造)
            toks = list(tokens(part))
            if part in stop or toks[0] in lstop or all(t in stop for t in toks) or lex.suffix_re.search(part):
                continue
            if any(len(t) > 1 and (pos_tags().get(t) or "n")[0] in "vli" and t not in _name_verbs() for t in toks):
                continue  # 人才培养, 招商引资: activities, not sectors
            doc.add_span(Span(at, at + len(part), "Industry", part, "industry_list", 2))
