"""Short names of bodies and projects written after their full names (steps 10-13 of
:func:`~kg.extract.components.aliases.aliases`): a short firm name after its place, a body
named short after its level word, a firm written as brand and sector, a project named by the
tail of its full name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.components.entities import _merge
from kg.extract.components.place_tree import _is_parent
from kg.extract.doc import Doc, Span, occurrences
from kg.extract.lexicon import lexicon, place_prefix, words
from kg.extract.names import BUILD
from kg.model import top_type


def short_names(doc: Doc) -> None:
    """Steps 10-13, in order."""
    _short_firm_names(doc)
    _name_prefixes_alone(doc)
    _bracketed_short_forms(doc)
    _without_province(doc)
    _region_bare_bodies(doc)
    _abbreviated_bodies(doc)
    _abbreviated_firms(doc)
    _official_short_forms(doc)
    _sector_short_forms(doc)
    _project_tails(doc)
    _phase_then_named(doc)


def _short_firm_names(doc: Doc) -> None:
    """10. a short firm name that begins the full name of one firm of the article, after its
    place (川奇光电 -> 台湾川奇光电科技(扬州)有限公司), is that firm, not another one."""
    ents = doc.entities
    fulls: dict[str, list[str]] = {}
    for label, e in ents.items():
        if e.type == "Company" and (_LEGAL.search(label) or "(" in label or label.endswith("集团") and len(label) >= 8) \
                or e.type == "GovernmentBody" and _LEGAL.search(label):  # (德国施泰纳精密机械集团: a group's full name)
            fulls.setdefault(_strip_places(label), []).append(label)  # (a state platform is a firm by its name)
    if not fulls:
        return  # (no full name for a short one to name: the loop below would merge none)
    for label in sorted(ents, key=len):
        e = ents.get(label)
        if e is not None and e.type == "Company" and label.endswith(")") and "(" in label[1:-2]:
            # 大晟(淮南) after 大晟(淮南)电子材料有限公司: the short form of the one firm whose name it opens
            owners = sorted({f for fs in fulls.values() for f in fs if f.startswith(label) and len(f) > len(label) + 1})
            if len(owners) == 1 and owners[0] in ents:
                _merge(doc, owners[0], label)
            continue
        if e is None or e.type != "Company" or len(label) < 2 or _LEGAL.search(label) or "(" in label:
            continue
        core, form = label, ""
        for f in ("集团", "公司"):
            if label.endswith(f) and len(label) - len(f) >= 2:
                core, form = label[: -len(f)], f
        owners = sorted({f for bare, fs in fulls.items() if bare.startswith(core) and len(bare) > len(label) and form in bare for f in fs})
        owners = [f for f in owners if not any(o != f and _strip_places(o).startswith(_strip_places(f)) for o in owners)]  # (X集团 of (北京)X集团股份有限公司: one firm)
        group = [f for f in owners if _strip_places(f).startswith(label + "集团")]
        if any(bare.startswith(label + "(") for bare in fulls) and len(group) != 1:
            continue  # 友达光电 and 友达光电(昆山)有限公司: the brand is the parent (step 6)
        if len(group) == 1:
            owners = group  # 联芯微电子 with 上海联芯微电子集团股份有限公司 and its (中山) subsidiary: the group
        elif len(owners) > 1 and len(unplaced := [f for f in owners if "(" not in f]) == 1:
            owners = unplaced  # 宏鑫精密 with 宏鑫精密工业股份有限公司 and 宏鑫精密科技(汕尾)有限公司: the parent
        if len(owners) == 1 and owners[0] in ents:
            _merge(doc, owners[0], label)


_LEGAL = re.compile("(?:有限公司|有限责任公司|股份公司|集团公司|株式会社)$")


def _without_province(doc: Doc) -> None:
    """广东省肇庆高新技术产业开发区管委会 = 肇庆高新技术产业开发区管委会: a body named with its province
    before its city is also named without it."""
    lex, heads = lexicon(), _province_heads()
    for e in doc.entities.values():
        if e.type in ("Place", "Industry", "Person", "Event") or len(e.label) < 8 or e.label[:2] not in heads:
            continue  # (the first two characters of no province: one set test, not three lookups)
        prov = next((e.label[:k] for k in (3, 4, 2) if e.label[:k] in lex.places and lex.places[e.label[:k]].level == "province"), None)
        if prov is None:
            continue
        rest = e.label[len(prov):]
        city = next((rest[:k] for k in (4, 3, 2) if rest[:k] in lex.places and lex.places[rest[:k]].level == "city"), None)
        if city is not None and len(rest) - len(city) >= 3:
            e.aliases.add(rest)


@lru_cache(maxsize=1)
def _province_heads() -> frozenset[str]:
    """The first two characters of every form of a province's name (江苏省, 江苏: 江苏)."""
    return frozenset(form[:2] for form, p in lexicon().places.items() if p.level == "province")


def _name_prefixes_alone(doc: Doc) -> None:
    """广东海擎风电装备有限公司 … 投资海擎风电在…: the opening words of a firm's legal name (its place
    left out), written alone where no mention is, name that firm when no other firm's name opens so."""
    text, lex = doc.text, lexicon()
    firms = {label: _strip_places(label) for label, e in doc.entities.items() if e.type == "Company" and _LEGAL.search(label)}
    if not firms:
        return  # (most articles name no firm by its legal name: no mentions to mark)
    taken = bytearray(len(text) + 1)  # (a sector or place inside the short name does not count: 海擎 + 风电)
    for m in doc.mentions:
        if m.type not in ("Industry", "Place"):
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    bares = sorted(firms.values())  # (the firms whose bare names open with a short form: one range of them)
    for label, bare in sorted(firms.items()):
        for k in range(len(bare) - 4, 3, -1):  # (the longest first)
            short = bare[:k]
            if short in lex.places or short in lex.industries or short in doc.entities or not _HAN_RUN.fullmatch(short):
                continue
            first = bisect_left(bares, short)  # (bare itself is in the range: another firm's name opens so if two are)
            if first + 1 < len(bares) and bares[first + 1].startswith(short):
                continue
            alone = [i for i in _find_all(text, short) if taken.find(1, i, i + k) < 0]
            if alone:
                doc.entities[label].aliases.add(short)
                ms = doc.mentions
                inside = {(ms[i].start, ms[i].end) for i in _inside(ms, [m.start for m in ms], alone, k)}
                if inside:  # the sector or place in the short name is part of the name there
                    doc.mentions = [m for m in doc.mentions if (m.start, m.end) not in inside]
                    for e in doc.entities.values():
                        if e.type in ("Industry", "Place"):
                            e.mentions = [x for x in e.mentions if (x.start, x.end) not in inside]
                break


_HAN_RUN = re.compile("[\u4e00-\u9fff]+")


def _inside(ms: list[Span], starts: list[int], occurrences: Iterable[int], n: int) -> list[int]:
    """The places in ``ms`` (mentions by start; ``starts``: theirs) of the mentions inside one of the
    ``occurrences`` (positions) of a form of ``n`` characters, in order: by bisection, not a pass over
    every mention per occurrence (a long text has thousands of both)."""
    found: set[int] = set()
    for p in occurrences:
        for i in range(bisect_left(starts, p), bisect_left(starts, p + n)):
            if ms[i].end <= p + n:
                found.add(i)
    return sorted(found)


def _find_all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _region_bare_bodies(doc: Doc) -> None:
    """自治区工业和信息化厅 after 广西壮族自治区工业和信息化厅: a body named by its bare level word
    (自治区, 省) is the one body the article names in full with that ending."""
    ents = doc.entities
    for label in sorted(lab for lab in ents if lab.startswith(("自治区", "省")) and len(lab) >= 5):
        e = ents.get(label)
        if e is None or e.type != "GovernmentBody":
            continue
        full = [f for f, x in ents.items() if x.type == "GovernmentBody" and f.endswith(label) and len(f) > len(label) + 1]
        if len(full) == 1:
            _merge(doc, full[0], label)


def _bracketed_short_forms(doc: Doc) -> None:
    """宏硕(枣庄)新能源材料有限公司 … 宏硕(枣庄)与枣庄学院共建: the brand and its bracketed place, written
    alone, is the one firm whose name it opens (an alias, so that its mentions are found)."""
    text, ents = doc.text, doc.entities
    owners: dict[str, list[str]] = {}
    for label, e in ents.items():
        close = label.find(")")
        if e.type == "Company" and close > 2 and "(" in label[1:close] and len(label) > close + 3:
            owners.setdefault(label[: close + 1], []).append(label)
    for short, labels in owners.items():
        alone = [i for i in occurrences(text, short) if not text.startswith(labels[0], i)]
        if len(labels) != 1 or short in ents or not alone:
            continue
        ents[labels[0]].aliases.add(short)
        # the place in its brackets is part of the firm's name there, no mention of the place
        inside = {(m.start, m.end) for m in doc.mentions for a in alone if a <= m.start and m.end <= a + len(short) and m.type == "Place"}
        if inside:
            doc.mentions = [m for m in doc.mentions if (m.start, m.end) not in inside or m.type != "Place"]
            for e in ents.values():
                if e.type == "Place":
                    e.mentions = [x for x in e.mentions if (x.start, x.end) not in inside]


def _strip_places(label: str) -> str:
    """A firm's name without the places it starts with (台湾, 香港, 昆山)."""
    prev = None
    while True:
        head = place_prefix(label)
        if not head or len(label) - len(head) < 4 or prev is not None and not _is_parent(lexicon().place_label(prev), head):
            return label  # 柳州 + 龙城汽车: 龙城 (a district elsewhere) is no place of 柳州's
        label, prev = label[len(head) :], head


#: what a firm's short name drops from its full name after the brand and the sector (龙辰机器人 of 龙辰机器人科技有限公司)
_FIRM_TAIL = re.compile("(?:科技|技术|实业|发展|股份|集团|控股)*(?:有限公司|有限责任公司|股份有限公司|股份公司|集团公司|集团|株式会社)$")


#: a kind of product after a firm's sector in its name (半导体 + 材料), dropped in its short name
_PRODUCT_TAIL = re.compile("(?:材料|设备|装备|制造|器件|部件)$")


def _sector_short_forms(doc: Doc) -> None:
    """12. a firm written short as its brand and sector (龙辰机器人 after 龙辰机器人科技有限公司): an
    alias, and its occurrences are the firm's, not mentions of the sector inside it."""
    ents, text = doc.entities, doc.text
    at: list[int] | None = None  # the starts of doc.mentions (by start: they are kept so), made again when they change
    # (the firms by their legal names picked first: the loop below adds aliases, it drops no entity)
    for label in sorted(label for label, e in ents.items() if e.type == "Company" and "(" not in label and _LEGAL.search(label)):
        e = ents[label]
        short = _FIRM_TAIL.sub("", _strip_places(label))
        if text.count(short) <= text.count(label) and (product := _PRODUCT_TAIL.search(short)) is not None \
                and short[: product.start()].endswith(lexicon().company_endings):
            short = short[: product.start()]  # 砺晶半导体 of 上海砺晶半导体材料有限公司: brand and sector, the product dropped
        if len(short) < 4 or short == label or short in ents or text.count(short) <= text.count(label):
            continue
        e.aliases.add(short)
        n, ms = len(short), doc.mentions
        if at is None:
            at = [m.start for m in ms]
        inside = [ms[i] for i in _inside(ms, at, occurrences(text, short), n)
                  if ms[i].type in ("Industry", "Place") and ms[i].source != "nested"]
        if not inside:
            continue
        gone = {id(m) for m in inside}
        doc.mentions, at = [m for m in ms if id(m) not in gone], None  # (one pass: a long text has thousands)
        dropped: dict[str, set[tuple[int, int]]] = {}
        for m in inside:
            dropped.setdefault(m.label, set()).add((m.start, m.end))
        for other_label, where in dropped.items():
            other = ents.get(other_label)
            if other is not None:
                other.mentions = [x for x in other.mentions if (x.start, x.end) not in where]


def _project_tails(doc: Doc) -> None:
    """13. a project or fund named by the tail of one full name of its kind (风光制氢一体化项目 in a
    headline, 蒙绿和林格尔风光制氢一体化项目 in the text; 集成电路产业投资基金 of 厦门市半导体和集成电路产业投资基金):
    that one."""
    ents = doc.entities
    for kind in ("Project", "Fund"):
        named = sorted(label for label, e in ents.items() if e.type == kind)
        for label in named:
            if label not in ents or len(label) < 7:
                continue
            longer = [o for o in named if o != label and o in ents and o.endswith(label)]
            if len(longer) == 1:
                _merge(doc, longer[0], label)


#: a bare phase written as a project (二期项目, 三期) and a verb of building between it and the project named next
_BARE_PHASE = re.compile("[一二三四五六七八九]期(?:项目)?")
_BUILT_NEXT = re.compile(BUILD)


def _phase_then_named(doc: Doc) -> None:
    """13b. 签署二期项目投资协议,将再投资N建设Y项目: the bare phase is the project the clause then builds
    by name (its alias), not a project of its own."""
    from kg.extract.components.refs import sentences_mentions

    ents, text = doc.entities, doc.text
    if not any(_BARE_PHASE.fullmatch(label) for label in ents if "期" in label):
        return  # (most articles name no bare phase: no sentence to walk)
    for sm in sentences_mentions(doc):
        for i, m in enumerate(sm):
            if m.type != "Project" or not _BARE_PHASE.fullmatch(m.label) or m.label not in ents:
                continue
            nxt = next((n for n in sm[i + 1 :] if n.type == "Project"), None)
            if nxt is not None and nxt.label in ents and not _BARE_PHASE.fullmatch(nxt.label) \
                    and _BUILT_NEXT.search(text, m.end, nxt.start) and "。" not in text[m.end : nxt.start]:
                _merge(doc, nxt.label, m.label)
            break


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _abbreviated_bodies(doc: Doc) -> None:
    """11. a body named short after its level word (市台商协会) is the one body of the article
    whose full name, after its place, holds its characters in order and ends alike
    (宁波市台商投资企业协会)."""
    ents = doc.entities
    for label in sorted(ents, key=len):
        e = ents.get(label)
        if len(label) < 4 or label[0] not in "省市区县" or e is None or top_type(e.type) != "Organization":
            continue
        longer = []
        for o, oe in ents.items():
            if o == label or top_type(oe.type) != "Organization" or len(o) <= len(label) or o[-2:] != label[-2:]:
                continue
            head = place_prefix(o)
            if not head:
                continue
            rest = o[len(head) :]
            if not head.endswith(label[0]):
                if rest[:1] != label[0]:
                    continue
                rest = rest[1:]
            if _subsequence(label[1:], rest):
                longer.append(o)
        if len(longer) == 1:
            _merge(doc, longer[0], label)


def _abbreviated_firms(doc: Doc) -> None:
    """11c. a firm named by an abbreviation of its full name (深蓝海工 of 深圳深蓝海洋工程科技有限公司:
    its first two characters, the rest in order among the first eight after the place) is the one
    firm of the article whose name is abbreviated so."""
    ents = doc.entities
    fulls = {}
    for o, oe in ents.items():
        if oe.type == "Company" and _LEGAL.search(o):
            head = place_prefix(o) or ""
            fulls[o] = o[len(head) :]
    if not fulls:
        return
    for label in sorted(ents, key=len):
        e = ents.get(label)
        if e is None or e.type != "Company" or not 4 <= len(label) <= 6 or _LEGAL.search(label) or "(" in label:
            continue
        longer = [o for o, rest in fulls.items() if rest[:2] == label[:2] and not rest.startswith(label)
                  and _subsequence(label[2:], rest[2:8])]
        if len(longer) == 1 and longer[0] in ents:
            _merge(doc, longer[0], label)


def _official_short_forms(doc: Doc) -> None:
    """11b. a government body named by the official short form of its full name (河北省发展改革委 of
    河北省发展和改革委员会, pipeline.toml body_short_forms) is that body."""
    ents = doc.entities
    forms, longs = _body_short_forms(), _body_long_forms()
    for label in sorted(ents):
        e = ents.get(label)
        if e is None or e.type != "GovernmentBody":
            continue
        if label.endswith(longs):  # (most bodies end in no long form: one test, not one per form)
            for long, short in forms:
                if label.endswith(long):
                    other = label[: -len(long)] + short
                    if other in ents and ents[other].type == "GovernmentBody":
                        _merge(doc, label, other)
        if "人民政府" in label and (other := label.replace("人民政府", "政府", 1)) in ents and ents[other].type == "GovernmentBody":
            _merge(doc, label, other)  # 巴彦淖尔市政府新闻办公室 of 巴彦淖尔市人民政府新闻办公室


@lru_cache(maxsize=1)
def _body_short_forms() -> tuple[tuple[str, str], ...]:
    return tuple(tuple(w.split("=", 1)) for w in words("body_short_forms"))  # type: ignore[misc]


@lru_cache(maxsize=1)
def _body_long_forms() -> tuple[str, ...]:
    return tuple(long for long, _ in _body_short_forms())
