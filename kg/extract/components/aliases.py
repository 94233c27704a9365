"""Within-article alias resolution: one entity per thing named in the article, under its
fullest name (SCHEMA 3): bracket variants, leading places, company forms, events named with
暨 or a year, bare organs (市委 -> 苏州市委), brands of firms, plans named by their tail or
abbreviation, bodies named without their place (steps 9-10 in body_aliases.py), short firm names after the full
name (steps 10-13 in short_names.py)."""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.components.entities import (
    _COMPANY_FORMS,
    _PAREN,
    _merge,
    _propagate,
)
from kg.extract.components.body_aliases import body_aliases
from kg.extract.components.organs import level_base, lift
from kg.extract.components.short_names import _subsequence, short_names
from kg.extract.doc import Doc, clean_label
from kg.extract.lexicon import lexicon, place_prefix, place_scanner, suffix_ending
from kg.extract.names import PHASE
from kg.extract.registry import component
from kg.extract.segment import pos_tags
from kg.model import Entity, top_type

#: a plan's span of years at the end of its name: (2024—2029年)
_YEAR_SPAN = re.compile(r"\(\d{4}[-—–至]\d{4}年?\)$")
#: what makes a longer project's name another project than its head's: a phase, works on it (二期, 扩建)
_PHASE_OR_WORKS = re.compile("[一二三四五六七八九首\\d]期|扩建|扩能|技改|改造|配套|续建")
#: the capacity a project's name may open with: 年产5万吨, 年产20GWh
_CAPACITY_OPENING = re.compile(r"^年(?:产|处理|加工)[\d.]+[万亿千百]?[^\d\u4e00-\u9fff]*[吨套台件个只片辆]?")


# compiled once (the rule below runs per candidate)
_JOINED_EVENT = re.compile(r"暨([^,。;:\n]{2,30}?(?:仪式|大会|会))")
#: the main venue set at a project's site: 主会场设在X项目现场
_MAIN_VENUE_AT = re.compile("主会场(?:设在|位于|设于)[^,。;]{2,60}?现场")
_LATIN_SHORT = re.compile(r"\(([A-Za-z][A-Za-z0-9]{1,9})\)")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


@component("aliases")
def aliases(doc: Doc) -> None:
    """Within-article alias resolution: short names to the fullest name."""
    lex = lexicon()
    text = doc.text
    ents = doc.entities
    # 1. the same name without brackets: 腾讯苏州数字产业基地 = 腾讯(苏州)数字产业基地
    by_plain: dict[tuple[str, str], str] = {}
    for label in sorted(sorted(ents), key=len, reverse=True):  # (longest first, then by label: the sort is stable)
        if label not in ents:
            continue
        t = ents[label].type
        plain = label if "(" not in label and ")" not in label else _PAREN.sub("", label).replace("(", "").replace(")", "")
        key = (t if t in ("Place", "Industry", "Person") else "", plain)
        if key in by_plain:
            keep = by_plain[key]
            if "(" in label and "(" in keep:
                continue  # 时尚消费品(食品)产业园 and 时尚消费品(纺织服装)产业园: two parks
            if "(" in label and "(" not in keep:
                keep, label = label, keep
                by_plain[key] = keep
            if ents.get(label) and ents[label].type != ents[keep].type and _rank(ents[label]) > _rank(ents[keep]):
                ents[keep].type = ents[label].type
            _merge(doc, keep, label)
        else:
            by_plain[key] = label
    # 2. a leading place name: 昆山市新兴产业生态联盟计划 = 新兴产业生态联盟计划
    for label in list(ents):
        if label not in ents or ents[label].type in ("Place", "Industry", "Person"):
            continue
        head = place_prefix(label)
        if head:
            rest = label[len(head):]
            other = ents.get(rest)
            if other is not None and top_type(other.type) == top_type(ents[label].type) and len(rest) >= 3:
                _merge(doc, label, rest)
    # 3. company forms: 腾讯集团 = 腾讯公司 = 腾讯 ; 比亚迪集团 = 比亚迪
    groups: dict[str, list[str]] = {}
    for label, e in ents.items():
        if e.type != "Company" or "(" in label:
            continue
        stem = label
        for f in _COMPANY_FORMS:
            if label.endswith(f) and len(label) - len(f) >= 2:
                stem = label[: -len(f)]
                break
        groups.setdefault(stem, []).append(label)
    for stem, labels in groups.items():
        if len(labels) < 2 and stem == labels[0]:
            continue
        suffixed = [l for l in labels if l != stem]
        if not suffixed:
            continue
        keep = max(suffixed, key=lambda l: (len(l), -_first(doc, l)))
        keep = min([l for l in suffixed if len(l) == len(keep)], key=lambda l: _first(doc, l))
        for l in labels:
            _merge(doc, keep, l)
        ents[keep].aliases.add(stem) if _standalone(text, stem) else None
    # 4. events: X暨Y keeps its full name (aliases X, Y); a leading year: 2021X = X; (ABBR) after an event
    # (the events picked first: this step merges events into events, it makes no entity of another kind)
    for label in [label for label, e in ents.items() if e.type == "Event"]:
        e = ents.get(label)
        if e is None:
            continue
        if "暨" in label:
            first, _, second = label.partition("暨")
            if suffix_ending(first, "Event") is not None:  # (it ends with an event suffix)
                # the joined name is the fullest form (SCHEMA: label = fullest name); its parts are aliases
                e.aliases |= {first, second}
                for part in (first, second):
                    if part in ents and part != label:
                        _merge(doc, label, part)
                continue
        m = _YEAR_THEN_NAME.match(label)
        if m:
            e.aliases.add(m.group(2))
            if m.group(2) in ents:
                _merge(doc, label, m.group(2))
    # the same event named with and without its place or year (a headline's 太仓X, the body's 2023X)
    cores: dict[str, list[str]] = {}
    for label, e in ents.items():
        if e.type == "Event":
            cores.setdefault(_event_core(label), []).append(label)
    for core, labels in cores.items():
        if len(labels) > 1 and len(core) >= 4:
            keep = max(labels, key=lambda l: (bool(re.match(r"(?:19|20)\d{2}", l)), len(l)))
            for l in labels:
                _merge(doc, keep, l)
    for mention in [m for m in doc.mentions if m.type == "Event"]:
        if mention.label not in ents:
            continue
        jm = _JOINED_EVENT.match(text[mention.end : mention.end + 32])
        if jm:
            ents[mention.label].aliases.add(clean_label(text[mention.start : mention.end] + jm.group(0)))
        am = _LATIN_SHORT.match(text[mention.end : mention.end + 12])
        if am:
            e = ents[mention.label]
            e.aliases.add(am.group(1))
            y = re.match(r"^((?:19|20)\d{2}年?)", e.label)
            if y:
                e.aliases.add(y.group(1) + am.group(1))
    for m in re.finditer(r"以“([^”]{2,12}会)”(?:的)?形式,?(?:召开|举行|举办)", text):
        nxt = next((x for x in doc.mentions if x.start >= m.end() and x.start - m.end() <= 1 and x.type == "Event"), None)
        if nxt is not None and m.group(1) in ents and nxt.label in ents:
            _merge(doc, nxt.label, m.group(1))
    # 5. bare organs: 市委 -> <city>市委 (the labels that open with a level word picked first: most articles have few)
    bare = [label for label in ents if label[:1] in ("市", "区", "县", "省")]
    home = _city_guess(doc) if bare else None
    for label in bare:
        e = ents.get(label)
        if e is None or e.type != "GovernmentBody" or label[0] not in "市区县省":
            continue
        if label[1:] not in _BARE_ORGANS and not (label[0] == "市" and len(label) >= 5 and not label.startswith(("市场", "市民"))):
            continue  # 市钱江新城管委会 -> 杭州市钱江新城管委会; 市场监管局 is no bare organ
        written = [x for x, o in ents.items() if x != label and o.type == "GovernmentBody" and len(x) > len(label) + 1
                   and (x.endswith(label) or x.endswith(label[0] + "人民" + label[1:]))]
        if len(written) == 1 and label[1:] not in _BARE_ORGANS:
            _merge(doc, written[0], label)  # 忻州市人民政府新闻办公室 … 市政府新闻办公室: the body written in full
            continue
        ctx = _context_city(doc, e) or home
        if ctx and label[0] == "省":
            ctx = _province_of(ctx)
        elif ctx and label[0] in "区县":
            ctx = level_base(doc, ctx, label)  # 衡水市委常委、枣强县委书记…,县政协主席: 枣强, the county named, not 衡水
        elif ctx and label[0] == "市":
            ctx = lift(ctx, label)  # 杭锦后旗 (a county) named most, 市工业和信息化局: 巴彦淖尔's
        if not ctx:
            continue
        full = ctx + (label[1:] if ctx.endswith(label[0]) else label)  # (清河县 + 县委: 清河县委)
        if full in ents:
            _merge(doc, full, label)
        else:
            ents.pop(label)
            e.label = full
            e.aliases.add(label)
            ents[full] = e
    # 6. the brand of a firm named with its city: 斯坦德机器人(昆山)有限公司 -> 斯坦德
    for label in [label for label in ents if "(" in label]:
        e = ents.get(label)
        if e is None or top_type(e.type) != "Organization" or "(" not in label:
            continue
        brand = label[: label.index("(")]
        if len(brand) < 2:
            continue
        # (中能绿源控股集团有限公司 named in full: the bare brand is the group's, not its regional firm's)
        # (a group that declares the brand as its short form, X集团有限公司(X), is left to that step)
        group = next((x for x, y in ents.items() if x != brand and x.startswith(brand) and "(" not in x
                      and y.type == "Company" and f"{x}({brand})" not in text), None)
        if brand in ents:
            if ents[brand].type == "Company" and not lex.ending_re.search(brand) and not any(brand.endswith(f) for f in _COMPANY_FORMS):
                _merge(doc, group or label, brand)
            continue
        if group is not None:
            continue
        short = _short_brand(brand)
        for b in {brand, short} - {None}:
            if b not in ents and _standalone(text, b):
                e.aliases.add(b)
    # 7. the brand of a short firm name: 清陶能源 -> 清陶 (the firms picked first: this step adds aliases only)
    for label, e in [(label, e) for label, e in ents.items() if e.type == "Company" and "(" not in label]:
        short = _short_brand(label)
        if short and short not in ents and _standalone(text, short):
            e.aliases.add(short)
    # 8. a plan named by its tail (三年行动方案, 《方案》) is the one plan of the article that ends so (a fund too: 母基金)
    # (listed by kind at once: a merge below folds one entity into another of its kind, so the
    # lists of the other kinds stay as they were)
    by_type: dict[str, list[str]] = {"Initiative": [], "Project": [], "Fund": []}
    for label, e in ents.items():
        if e.type in by_type:
            by_type[e.type].append(label)
    inits = sorted(by_type["Initiative"])
    for typ in ("Initiative", "Project", "Fund"):
        # (a project named by its phase, 二期项目, is the one project of the article named so in full)
        same = sorted(by_type[typ])
        for label in same:
            if label not in ents or len(label) > 8:
                continue
            longer = [o for o in same if o != label and o in ents and _YEAR_SPAN.sub("", o).endswith(label)
                      and len(o) - len(label) >= 2]
            if len(longer) > 1 and typ == "Project" and PHASE.match(label) and ents[label].mentions:
                # (two projects' second phases, 集团将以二期项目为契机: the one named last before it)
                at = min(m.start for m in ents[label].mentions)
                before = [(max((m.start for m in ents[o].mentions if m.start < at), default=-1), o) for o in longer]
                longer = [max(before)[1]] if max(before)[0] >= 0 else longer
            if len(longer) == 1:
                _merge(doc, longer[0], label)
    # ... or its investor's name (联泰项目 after 联泰潜江电子化学品项目): the one project of the article named after the firm
    firms = {a for e in ents.values() if e.type == "Company" for a in (e.label, *e.aliases)}
    for label in sorted(by_type["Project"]):
        firm = label[:-2] if label.endswith(("项目", "专案")) else None
        if label not in ents or firm not in firms:
            continue
        longer = [o for o in by_type["Project"] if o != label and o in ents and o.startswith(firm) and len(o) - len(label) >= 2]
        if len(longer) == 1:
            _merge(doc, longer[0], label)
    # ... or its head (氢基竖炉项目 of 氢基竖炉直接还原铁项目): the one project whose name goes on past it, not with a phase
    for label in sorted(by_type["Project"]):
        stem = label.removesuffix("项目")
        if label not in ents or stem == label or len(stem) < 4:
            continue
        longer = [o for o in by_type["Project"] if o != label and o in ents and o.startswith(stem) and len(o) - len(label) >= 2
                  and not _PHASE_OR_WORKS.match(o, len(stem))]
        if len(longer) == 1:
            _merge(doc, longer[0], label)
    # ... or its abbreviation: the same head and kind with words left out (祖冲之攻关计划; 高端铜箔项目 of
    # 年产5万吨高端电解铜箔项目, the capacity it opens with aside)
    projects = sorted(by_type["Project"])
    for group, strip in ((inits, None), (projects, _CAPACITY_OPENING)):
        for label in group:
            if label not in ents or len(label) < 5:
                continue
            longer = [o for o in group if o != label and o in ents and len(o) > len(label) + 1
                      and (c := strip.sub("", o) if strip else o)[:2] == label[:2] and c[-4:] == label[-4:] and _subsequence(label, c)]
            if len(longer) == 1:
                _merge(doc, longer[0], label)
    body_aliases(doc)  # 9, 10: bodies named without their place, after two forms of it, by their tail
    # 主会场项目: the project whose site the main venue is (主会场设在X项目现场)
    venue = _MAIN_VENUE_AT.search(text) if "主会场项目" in text else None
    site = next((m for m in doc.mentions if venue is not None and venue.start() < m.start and m.end == venue.end() - 2
                 and ents.get(m.label) is not None and ents[m.label].type == "Project"), None)
    if site is not None:
        ents[site.label].aliases.add("主会场项目")
    # 11. a firm renamed (A更名为B): one firm under its new name, the old one an alias
    for m in _RENAMED.finditer(doc.text):
        old, new = _org_ending_at(doc, m.start()), _org_starting_at(doc, m.end())
        if old and new and old != new and ents[old].type == ents[new].type == "Company":
            _merge(doc, new, old)
    # 12. a bare plan by its years (发布…三年行动方案 in a headline) is the one plan of that kind the text names
    for label in [k for k, e in ents.items() if e.type == "Initiative" and _BARE_YEAR_PLAN.fullmatch(k)]:
        named = [k for k, e in ents.items() if e.type == "Initiative" and k != label and k.rstrip(")）0123456789—-年(（").endswith(label[-4:])]
        if len(named) == 1:
            _merge(doc, named[0], label)
    # 13. a fund named by its sector alone (设30亿新能源基金) is the one fund of that sector the text names in full
    lex = lexicon()

    def bare_fund(k: str) -> re.Match[str] | None:
        sector = lex.industry_re.match(k)
        return sector if sector is not None and _BARE_FUND_TAIL.fullmatch(k, sector.end()) is not None else None

    for label in [k for k, e in ents.items() if e.type == "Fund" and bare_fund(k)]:
        sector = bare_fund(label)
        named = [k for k, e in ents.items() if e.type == "Fund" and sector.group() in k and not bare_fund(k)]
        if len(named) == 1:
            _merge(doc, named[0], label)
    short_names(doc)
    _propagate(doc)


#: what follows the sector in the name of a fund named by its sector alone: 产业投资基金, 基金
_BARE_FUND_TAIL = re.compile("(?:产业)?(?:投资|发展|引导)?基金")
#: a plan named by its years alone: 三年行动方案, 五年行动计划
_BARE_YEAR_PLAN = re.compile("[一二两三四五六七八九十]年行动(?:计划|方案)")
#: A (正式)更名为 B
_RENAMED = re.compile("(?:正式|已|将)?更名为")


def _org_ending_at(doc: Doc, pos: int) -> str | None:
    return next((x.label for x in doc.mentions if x.end == pos and x.label in doc.entities), None)


def _org_starting_at(doc: Doc, pos: int) -> str | None:
    return next((x.label for x in doc.mentions if x.start == pos and x.label in doc.entities), None)


_YEAR_LEAD = re.compile(r"(?:19|20)\d{2}年?(?:度)?")
_YEAR_THEN_NAME = re.compile(r"^((?:19|20)\d{2})年?(.+)$")


def _event_core(label: str) -> str:
    """An event name without its leading year and place names (2023太仓X, 太仓市X -> X)."""
    places = place_scanner()
    while True:
        y = _YEAR_LEAD.match(label)
        if y:
            label = label[y.end() :]
            continue
        k = places.match_end(label, 0, min(6, len(label) - 2))  # the longest place of 2-6 characters, leaving two
        if k < 2:
            return label
        label = label[k:]


#: Organs named bare (市政协) and resolved to the article's city (常州市政协), or province (省委).
_BARE_ORGANS = frozenset({"委", "政府", "政协", "人大常委会", "人大", "纪委", "监委"})


def _province_of(place: str) -> str | None:
    lex = lexicon()
    p = lex.place(place)
    for _ in range(3):
        if p is None:
            return None
        if p.level == "province":
            return p.short or p.name
        p = lex.place(p.parent) if p.parent else None
    return None


def _rank(e: Entity) -> int:
    return {"Project": 3, "Company": 2}.get(e.type, 1)


def _first(doc: Doc, label: str) -> int:
    i = doc.text.find(label)
    return i if i >= 0 else len(doc.text)


def _short_brand(name: str) -> str | None:
    """清陶能源 -> 清陶: a name minus its company ending, when what is left looks like a brand."""
    lex = lexicon()
    m = lex.ending_re.search(name)
    if not m:
        return None
    b = name[: m.start()]
    if not (2 <= len(b) <= 4) or not _HAN_ONLY.fullmatch(b):
        return None
    tag = pos_tags().get(b)
    if tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "x", "eng", "j"):
        return None
    if b in lex.places or b in lex.industries:
        return None
    return b


def _standalone(text: str, word: str) -> bool:
    return word in text


def _context_city(doc: Doc, e: Entity) -> str | None:
    """The city of the nearest explicit <city>市委/市政府 before the bare organ."""
    lex = lexicon()
    if not e.mentions:
        return None
    pos = e.mentions[0].start
    best = None
    for label, other in doc.entities.items():
        if other.type != "GovernmentBody" or other is e:
            continue
        for organ in ("市委", "市政府", "市人大常委会", "市政协"):
            if label.endswith(organ) and label[: -len(organ)] in lex.places:
                for m in other.mentions or [None]:
                    at = m.start if m else -1
                    if at < pos and (best is None or at > best[0]):
                        best = (at, label[: -len(organ)])
    return best[1] if best else None


def _city_guess(doc: Doc) -> str | None:
    places = lexicon().places
    counts = Counter([m.label for m in doc.mentions if m.type == "Place" and (p := places.get(m.label)) and p.level in ("city", "county")])
    return counts.most_common(1)[0][0] if counts else None
