"""Places read from names (places): two names written side by side (深圳龙岗, 湖北省 + 黄冈市委,
岚源工业园区 + X项目), a name opening with places (深圳龙岗天安云谷…), a project or park named with
the park or town it is in (道县经济开发区标准化厂房三期项目, 梅岭镇星河数字产业园区), a park inside a
park (苏州高新区狮山商务创新区); a project building a park the text names (X产业园项目). (A park named after
a city, 南昌高新区, is not placed in it by its name alone: SCHEMA 3, relations need the text.)"""

from __future__ import annotations

import re

from kg.extract.components.ceremony_sites import _PHASE_END
from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.host_parks import _short_forms as park_short_forms
from kg.extract.components.place_tree import _is_parent
from kg.extract.components.sites import _TOWN, is_town
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon, place_scanner
from kg.extract.segment import tokens
from kg.model import Entity

#: a phase ending a project's name (X产业园一期)
_PHASE_TAIL = re.compile("[一二三四五六七八九]期$")


#: the offices a place keeps in another one (X驻Y办事处)
_STATIONED_OFFICES = ("办事处", "联络处", "代表处", "办公室", "工作站")


def places_in_names(doc: Doc) -> None:
    """The places that names say: names written one right after the other, names that open with
    places, projects and parks named with the park or town they are in, parks inside parks."""
    lex = lexicon()
    # adjacent places: 美国拉斯维加斯, 深圳龙岗, 苏州昆山市
    ms = doc.mentions
    for a, b in zip(ms, ms[1:]):
        if a.end != b.start:
            continue  # (every rule of the loop reads two names written one right after the other)
        ta, tb = _type(doc, a), _type(doc, b)  # (the loop changes no entity)
        if ta == "Place" and tb == "Place":
            # (the child as written: 广西壮族自治区 + 东兴市 is the county-level city, not 内江's 东兴区 its short name may be)
            if _is_parent(a.label, b.label) or _is_parent(a.label, doc.text[b.start : b.end]) or (_TOWN.search(b.label) and lex.place(b.label) is None and not _TOWN.search(a.label)):
                # (钟祥市 + 胡集镇: a town the table does not know lies in the place written before it)
                doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
        elif ta == "Place" and tb == "GovernmentBody":
            # 湖北省 + 黄冈市委: the city of the organ lies in the province written before it
            k = place_scanner().match_end(b.label, 0, min(6, len(b.label) - 1))
            city = lex.place_label(b.label[:k]) if k >= 2 else None
            if city and city != a.label and _is_parent(a.label, city) and doc.entity(city) is not None:
                doc.relate("locatedIn", city, a.label, doc.sentence_at(a.start))
        elif ta == "Company" and tb == "Company" and b.label.endswith("电厂"):
            # 陕西X电力集团有限公司 + 锦界热电厂: the firm's own works
            doc.relate("subsidiaryOf", b.label, a.label, doc.sentence_at(a.start))
        elif ta == "Park" and tb == "Project":
            # 岚源工业园区 + 年产15万吨多晶硅扩能项目: the project written right after the park it is in
            doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
        elif ta == "Park" and tb == "Place" and is_town(b.label):
            # a town or street inside a zone: 南太湖新区康山街道
            doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
        elif ta == "Place" and tb == "Park" and is_town(a.label):
            # a park written after the town it lies in: 梅岭镇 + 星河数字产业园区
            doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
    # an office stationed in a place: 东兴驻澳门招商联络处, 岚州市驻上海办事处 -> in the place after 驻
    for e in list(doc.entities.values()):
        at = e.label.find("驻") if e.type == "GovernmentBody" and e.label.endswith(_STATIONED_OFFICES) else -1
        if at > 0 and (k := place_scanner().match_end(e.label, at + 1, min(len(e.label), at + 8))) > at + 2 \
                and not doc.has_relation("locatedIn", e.label):
            where = lex.place_label(e.label[at + 1 : k])
            if where and doc.entity(where) is not None:
                doc.relate("locatedIn", e.label, where, e.mentions[0].sentence if e.mentions else 0)
    # names that open with places: 深圳龙岗天安云谷… -> in 龙岗, 龙岗 in 深圳
    scanner = place_scanner()
    for e in list(doc.entities.values()):
        if e.type not in ("Park",) and not _is_org(e.type) or e.type == "GovernmentBody":
            continue  # (北京市大兴区人民政府 is the district's government, not a body in it; nor is 人民政府 its short name)
        if len(e.label) < 8:
            continue  # (two places of two characters or more, then four left: nothing shorter is read below)
        heads, rest = [], e.label
        while True:
            # the longest place of two to six characters opening the rest, leaving two (a set lookup per length)
            k = scanner.match_end(rest, 0, min(6, len(rest) - 2))
            p = rest[:k] if k >= 2 else None
            if not p or (heads and not _is_parent(lex.place_label(heads[-1]), lex.place_label(p))):
                break  # 天津滨海…: 滨海 is not a county of 天津 (滨海县 lies in 盐城), so it names no place here
            if heads and len(tokens(rest[: k + 3])[0]) > k:
                break  # 白山市 + 长白山…: the county 长白 is the start of a longer word (the mountain)
            heads.append(p)
            rest = rest[len(p):]
        if len(heads) >= 2 and len(rest) >= 4:
            labels = [lex.place_label(h) for h in heads]
            for h, lab in zip(heads, labels):
                doc.ensure_entity("Place", lab)
            sent = e.mentions[0].sentence if e.mentions else 0
            doc.relate("locatedIn", e.label, labels[-1], sent)
            for x, y in zip(labels, labels[1:]):
                if _is_parent(x, y):
                    doc.relate("locatedIn", y, x, sent)
            e.aliases.add(rest)
    # the parks, projects and places, listed once for the four rules below (which add no entity and change no type)
    parks, projects, places_ = _by_type(doc)
    # a project named with the park it is in: 道县经济开发区标准化厂房三期项目 -> in 道县经济开发区
    park_names = sorted(((n, e.label) for e in parks for n in (e.label, *e.aliases) if len(n) >= 4), key=lambda x: -len(x[0]))
    for e in projects if park_names else ():
        if not doc.has_relation("locatedIn", e.label):
            park = next((lab for n, lab in park_names if e.label.startswith(n) and len(e.label) - len(n) >= 6), None)
            if park is not None and not _PHASE_TAIL.sub("", e.label.removesuffix("项目")).endswith(("园", "园区", "基地", "中心", "城", "港", "谷")):
                # (X新区冰雪装备产业园项目: a park of its own)
                doc.relate("locatedIn", e.label, park, e.mentions[0].sentence if e.mentions else 0)
    # a park named with the town it is in: 梅岭镇星河数字产业园区 -> in 梅岭镇, alias 星河数字产业园区
    towns = sorted((e.label for e in places_ if is_town(e.label)), key=len, reverse=True)
    for e in parks if towns else ():
        if doc.has_relation("locatedIn", e.label):
            continue
        t = next((t for t in towns if e.label.startswith(t) and len(e.label) - len(t) >= 4), None)
        if t is not None:
            doc.relate("locatedIn", e.label, t, e.mentions[0].sentence if e.mentions else 0)
            e.aliases.add(e.label[len(t):])
    # a park inside a park: 苏州高新区狮山商务创新区
    for inner in parks if len(parks) > 1 else ():
        for outer in parks:
            if inner is outer:
                continue
            # by the outer park's name or a short form of it (成都高新区西部园区 in 成都高新技术产业开发区): the longest
            # (the first of the longest, as max's; in a loop, without max's call per pair)
            name = None
            for n in (outer.label, *outer.aliases, *_short_forms(outer.label)):
                if (name is None or len(n) > len(name)) and inner.label.startswith(n):
                    name = n
            if name and len(inner.label) - len(name) >= 3 \
                    and inner.label[len(name)] not in "-—–·":  # A-B: a joint body of two, not a part of A
                doc.relate("locatedIn", inner.label, outer.label, inner.mentions[0].sentence if inner.mentions else 0)
                inner.aliases.add(inner.label[len(name):])
                break


def _short_forms(park: str) -> list[str]:
    """A zone's short names the news uses (娄底经济技术开发区 -> 娄底经开区), as a name inside another
    park's may write it (娄底经开区总部经济大厦)."""
    return [park[: -len(long)] + short for long, short in park_short_forms() if park.endswith(long) and len(park) > len(long)]


def projects_building_parks(doc: Doc) -> None:
    """A project that builds a park the text names (X产业园项目 of X产业园区), placed nowhere else, is in that park."""
    parks_by_name = {n: e.label for e in doc.entities.values() if e.type == "Park" for n in sorted({e.label, *e.aliases})}
    for e in list(doc.entities.values()):
        if e.type != "Project" or not e.label.endswith("项目") or doc.has_relation("locatedIn", e.label):
            continue
        stem = _PHASE_END.sub("", e.label[:-2])  # X产业园二期项目: a phase of the park X产业园
        park = parks_by_name.get(stem) or parks_by_name.get(stem + "区")
        if park and len(stem) >= 4:
            doc.relate("locatedIn", e.label, park, e.mentions[0].sentence if e.mentions else 0)


def _by_type(doc: Doc) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """The parks, the projects and the places, in the entities' order (one pass over them)."""
    parks: list[Entity] = []
    projects: list[Entity] = []
    places_: list[Entity] = []
    for e in doc.entities.values():
        t = e.type
        if t == "Park":
            parks.append(e)
        elif t == "Project":
            projects.append(e)
        elif t == "Place":
            places_.append(e)
    return parks, projects, places_
