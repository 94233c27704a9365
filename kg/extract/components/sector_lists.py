"""Sector lists and frames: the industries listed after a verb (A、B和C), the sector a sentence
frames (在新能源赛道上, 围绕A产业链), and a park's counted sectors (形成A、B两大主导产业)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import (
    _type,
    orgs_of,
)
from kg.extract.components.refs import bare_park_at, clause_start
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc, Span
from kg.extract.quantities import chinese_number
from kg.model import Sentence

_LIST_BREAK = re.compile("[,。;]")
_LIST_JOIN = re.compile("(?:[^,。;:、]{0,4}?)(?:、|和|及|与|以及|)")
#: an item no lexicon knows between two known ones (火箭制造、卫星研制、卫星应用): the list goes on over it
_UNKNOWN_ITEM = re.compile("、[\u4e00-\u9fff]{2,8}、")


def _industry_list(doc: Doc, sm: list[Span], pos: int) -> list[Span]:
    """The industries listed right after ``pos`` (A、B和C / A B C with no separators)."""
    text = doc.text
    out: list[Span] = []
    edge = pos
    for m in sm:
        if m.start < edge:
            continue
        gap = text[edge : m.start]
        if _LIST_BREAK.search(gap) or (out and not _LIST_JOIN.fullmatch(gap) and not _UNKNOWN_ITEM.fullmatch(gap)) \
                or (not out and len(gap) > 16):
            break
        if _type(doc, m) != "Industry":
            if out:
                break
            continue
        out.append(m)
        edge = m.end
    return out


#: A sector named as the frame of a sentence that lists firms: 围绕新能源汽车产业链…, 常州的新能源赛道上,…
_FRAME_AFTER = re.compile("(?:产业|行业)?(?:链|赛道|领域|板块|集群)(?:上|中|里)?")
_FRAME_BEFORE = re.compile("(?:围绕|聚焦|瞄准|深耕)$")
_LEAD_SECTOR = re.compile("(?:主导|支柱|重点|优势|首位|特色)产业")
# Patterns used per sentence (compiled once).
_AT = re.compile("在")
_ETC = re.compile(r"等(?:首批|一批)?(?:\d+家)?(本地|本土|当地|本市)?")
_IS = re.compile("是|成为|(?<=[\u4e00-\u9fff])为(?=[^,。;]{2,16}链主)")
_CLAUSE_END = re.compile("[,。;:!?]")


#: a sentence that opens on a section of a list by sector: 半导体材料板块中, 新能源领域, 新能源方面
_SECTION = re.compile("(?:板块|领域|方面|类项目|产业方面)(?:中|里|上)?,")


def _projects_of_section(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """新能源板块中,A投资N建设X项目;B…建设Y项目: the projects of a sentence that opens on a sector's
    section of a list are in that sector."""
    if not sm or _type(doc, sm[0]) != "Industry" or sm[0].start != s.start or not _SECTION.match(doc.text, sm[0].end):
        return
    for m in sm[1:]:
        if _type(doc, m) == "Project":
            doc.relate("inIndustry", m.label, doc.entity(sm[0].label).label, s.index)


def _sector_frame(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """Firms listed after a sector frame work in that sector (and sit in the place that frames it:
    常州的新能源赛道上,既有A、B…); a sentence listing firms right after one that names a lead
    sector (X产业是新区的主导产业之一。A、B等企业已落户新区) takes that sector."""
    text = doc.text
    if "、" not in s.text:
        return  # (the firms listed below are joined by 、)
    orgs = orgs_of(doc, sm)
    listed = [m for a, m in zip(orgs, orgs[1:]) if text[a.end : m.start] == "、"]
    if not listed:
        return
    first = orgs[orgs.index(listed[0]) - 1]
    head = [m for m in sm if m.end <= first.start]
    inds = [m for m in head if _type(doc, m) == "Industry"]
    place = None
    if inds:
        if len({m.label for m in inds}) != 1:
            return
        ind = inds[-1]
        if not (_FRAME_AFTER.match(text, ind.end) or _FRAME_BEFORE.search(text, max(s.start, ind.start - 2), ind.start)):
            return
        if not re.search("[,:]", text[ind.end : first.start]):
            return
        prev = [m for m in head if m.end <= ind.start]
        if prev and _type(doc, prev[-1]) == "Place" and text[prev[-1].end : ind.start] == "的":
            place = prev[-1].label
        label = ind.label
    else:
        if any(_type(doc, m) not in ("Park", "Place") for m in head) or s.index == 0:
            return
        p = doc.sentences[s.index - 1]
        pm = _sent_mentions(doc, p)
        if not pm or _type(doc, pm[0]) != "Industry" or pm[0].start - p.start > 2:
            return
        sector = re.search("(?:产业|行业)$", text[pm[0].start : pm[0].end]) or re.match("(?:产业|行业)", text[pm[0].end : pm[0].end + 2])
        if not sector or not _LEAD_SECTOR.search(p.text):
            return
        label = pm[0].label
    for m in orgs:
        if m.start >= first.start:
            doc.relate("inIndustry", m.label, label, s.index)
            if place:
                doc.relate("locatedIn", m.label, place, s.index)


def _post_org(doc: Doc, before: list[Span]) -> bool:
    """Whether the first mention is the body of a person's post (X发展改革委副主任Y介绍): the
    speaker's body, not the subject of the sectors."""
    return len(before) > 1 and _type(doc, before[1]) == "Person" and before[1].start - before[0].end <= 8


#: A list of sectors closed by its count: A、B、C三大产业(产值…).
#: a bare word for the park a clause is about
_BARE_ZONE = re.compile("(?:该|全)?(?:园区|高新区|开发区|经开区|新区|全区)")
#: what a park has grown: 已形成, 拥有, 构建了
_HAS = re.compile("(?:已|已经|初步|逐步)?(?:形成|拥有|构建|打造|培育|集聚)(?:了)?")
_N_SECTORS = re.compile("([两二三四五六七八九十])大(?:主导|支柱|优势|特色|重点|首位|传统|新兴|未来|核心|战略性新兴)?产业")


def _counted_park_sectors(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """稀土高新区实现产值…;稀土新材料、光伏、风电装备三大产业产值占…: the sectors a count closes,
    in a sentence about one park, are the park's."""
    text = doc.text
    for m in _N_SECTORS.finditer(s.text):
        at = s.start + m.start()
        clause = clause_start(text, s.start, at, ",;:")
        has = None
        for has in _HAS.finditer(text, clause, at):
            pass
        inds = _industry_list(doc, sm, has.end() if has else clause)
        if not inds or len(inds) != chinese_number(m.group(1)) or inds[-1].end != at:
            continue
        if has is not None:
            # 园区已形成A、B、C三大主导产业: the park the clause opens with (named or bare)
            own = [x.label for x in sm if clause <= x.start and x.end <= has.start() and _type(doc, x) == "Park"]
            bare = bare_park_at(doc, clause)
            if bare is None and _BARE_ZONE.match(text, clause, has.start()):
                # 园区 for a 高新区: the park named last before
                last = [x.label for x in doc.mentions if x.end <= clause and _type(doc, x) == "Park"]
                bare = (last[-1], has.start()) if last else None
            parks = own[-1:] or ([bare[0]] if bare and bare[1] <= has.start() else [])
        if has is None or not parks:
            parks = sorted({x.label for x in sm if x.end <= clause and _type(doc, x) == "Park"})
        if len(parks) == 1:
            for ind in inds:
                doc.relate("inIndustry", parks[0], ind.label, s.index)
