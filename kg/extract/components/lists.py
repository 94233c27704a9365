"""Names standing in lists: items of ``A、B、C等企业/项目`` lists, projects listed after a
count or an introducing word (分别是, 如), and short company names (X科技, X光电)."""

from __future__ import annotations

import re

from kg.extract.components.mentions import _sentence_floor
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon
from kg.extract.names import is_generic, is_stop_token, left_edge
from kg.extract.quantities import AMOUNT_RE
from kg.extract.registry import component
from kg.extract.segment import pos_tags, tokens

# ---------------------------------------------------------------------------- lists of firms and projects

_ITEM_SEP = re.compile("[、]|和|及|以及")
_LIST_END = re.compile(
    r"等(?:首批|一批|多家|知名|重点|优质|龙头|头部|上下游|外资|[\d一二三四五六七八九十百千]+(?:余|多)?家)*"
    r"(?:(?!领域)[^,。;]){0,12}?(?P<kind>企业|公司|项目|院所|机构|研究机构|高校|平台)"
)
_AMOUNT_HEAD = re.compile(r"^(?:投资总额|总投资|投资)?(?:达|约|超)?[\d.]+(?:万|亿)?(?:美元|欧元|日元|港元|元)(?:人民币)?(?:的)?")


def _company_like(name: str) -> bool:
    lex = lexicon()
    return bool(lex.ending_re.search(name)) or any(name.endswith(s) for s, (t, _) in lex.suffixes.items() if t == "Company")


@component("list_mentions")
def list_mentions(doc: Doc) -> None:
    """Items of ``A、B、C等…企业/项目`` lists, short company names (X科技, X光电)."""
    text = doc.text
    lex = lexicon()
    for m in _LIST_END.finditer(text):
        kind = m.group("kind")
        end = m.start()
        floor = _sentence_floor(doc, end)
        # walk back over the list: items separated by 、
        seg_start = floor
        for pm in re.finditer(r"[,;:。]", text[floor:end]):
            seg_start = floor + pm.end()
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
                s2, _ = left_edge(text, e, s)
                # the first item may follow a verb (引进A、B) or an amount (18亿美元的A)
                s = s2
            items.append((s, e))
        with_amount = kind == "项目" and AMOUNT_RE.search(chunk) is not None
        for s, e in items:
            raw = text[s:e]
            am = _AMOUNT_HEAD.match(raw)
            if am:
                s += am.end()
                raw = text[s:e]
            name = clean_label(raw)
            if not (2 <= len(name) <= 20) or re.search(r"[^" + NAME_CHARS + "]", raw):
                continue
            if name in lex.places or name in lex.industries or re.search("产业|领域|行业|企业", name):
                continue
            if any(is_stop_token(t) for t in tokens(name)):
                continue
            if am is None and not with_amount and lex.industry_re.search(name) and not _company_like(name):
                continue
            if kind == "项目":
                if name.endswith("项目"):
                    typ, label, aliases = "Project", name, {name[:-2]}
                elif with_amount:
                    typ, label, aliases = "Project", name + "项目", {name}
                elif re.search("(?:基地|中心|工厂|总部|产业园|园区)$", name):
                    typ, label, aliases = "Project", name, set()
                else:
                    typ, label, aliases = "Company", name, set()
            elif kind in ("院所", "研究机构"):
                typ, label, aliases = "ResearchInstitute", name, set()
            elif kind in ("机构", "高校"):
                continue
            else:
                typ, label, aliases = "Company", name, set()
            doc.add_span(Span(s, e, typ, label, "list", 6, aliases))
    _brands(doc)


def _brands(doc: Doc) -> None:
    """Short company names by ending (华天科技, 亨通光电), kept when the text backs them:
    named twice, next to another firm, in a list, or before a post (董事长)."""
    text, lex = doc.text, lexicon()
    found: list[tuple[int, int, str]] = []
    prev_end = -1
    for m in lex.ending_find_re.finditer(text):
        floor = _sentence_floor(doc, m.start())
        if 0 <= m.start() - prev_end <= 6:
            floor = max(floor, prev_end)
        start, stem = left_edge(text, m.start(), floor)
        brand = text[start : m.start()]
        if not (2 <= len(brand) <= 5) or not re.fullmatch(f"[{HAN}A-Za-z]+", brand):
            continue
        if is_generic(stem) or any(t in lex.industries or t in lex.places or is_stop_token(t) for t in stem):
            continue
        name = text[start : m.end()]
        if name in lex.industries or name in lex.places or name[-4:] in lex.industries or brand in lex.industries:
            continue
        # an industry that ends the name (重点培育光通信, 精密机械) is a sector, not a firm
        if any(text.startswith(w, m.end() - len(w)) for w in (name[k:] for k in range(len(name) - 1)) if w in lex.industries):
            continue
        tag = pos_tags().get(brand)
        if tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "j", "x") and text.count(name) < 2:
            continue
        found.append((start, m.end(), name))
        prev_end = m.end()
    titles = lex.title_re
    for i, (s, e, name) in enumerate(found):
        touching = (i > 0 and s - found[i - 1][1] <= 1) or (i + 1 < len(found) and found[i + 1][0] - e <= 1)
        unknown = pos_tags().get(text[s:e][: len(name) - len(lex.ending_re.search(name).group())]) is None
        backed = (
            touching
            or unknown
            or text.count(name) >= 2
            or bool(titles.match(text, e))
            or text[e : e + 1] in ("、",) and i + 1 < len(found) and found[i + 1][0] == e + 1
        )
        if backed:
            doc.add_span(Span(s, e, "Company", name, "brand", 1))


