"""Industries: inIndustry. The sectors named inside names are read in name_sectors.py, a fund's in
fund_sectors.py, who a clause about sectors is said of in sector_subjects.py."""

from __future__ import annotations

import re

from kg.extract.components.clauses import (
    ORG,
    _event_of_sentence,
    _is_org,
    _subjects_before,
    _type,
    has_type,
    of_type,
)
from kg.extract.components.event_sectors import lists_signed_projects
from kg.extract.components.fund_sectors import _FOUNDERS, _FUND_VERB, _THIS_FUND, _fund_sectors
from kg.extract.components.name_sectors import sectors_in_names
from kg.extract.components.park_sectors import (
    _park_sectors,
    _park_subject,
    _park_topic,
    _spelled_out,
)
from kg.extract.components.sector_lists import (
    _AT,
    _ETC,
    _IS,
    _counted_park_sectors,
    _industry_list,
    _post_org,
    _projects_of_section,
    _sector_frame,
)
from kg.extract.components.sector_subjects import _clause_end, _listed_with, _subject_org, _subject_project
from kg.extract.components.refs import clause_start
from kg.extract.components.refs import sentences_mentions
from kg.extract.doc import Doc
from kg.extract.registry import component

_LIST_VERB = re.compile("涵盖|涉及|聚焦|围绕|包括|主攻|瞄准|覆盖|重点发展|重点培育|培育壮大|加快布局|前瞻布局|重点集聚|集聚|提升[^,。;:]{0,8}:|产业:"
                        "|兼顾|以(?=[^,。;]{2,40}?为(?:主|核心|重点|主导|主要))"
                        "|(?<=主导,)(?=[^,。;]{2,40}?为(?:特色|支撑|补充|辅助))"  # 以A、B为主导,C、D为特色: the second list too
                        "|向(?=[^,。;]{2,40}?(?:(?:方向|领域)(?:拓展|延伸|发展|迈进|转型|升级)|(?<!等)(?:延伸|拓展)))"
                        "|(?:推动|促进|带动|引领)(?=[^,。;]{2,40}?等[^,。;]{0,6}产业(?:的)?(?:发展|集聚|壮大))")
_PRACTISED = re.compile("(?:落实|实施|推行|贯彻|执行|深化|推进|坚持|健全|完善|用好)把?“?$")
#: what a plan builds on (its object, not its subject): 《行动计划》立足“4+4+6”产业体系,瞄准A、B…
_BASIS = re.compile("(?:立足|依托|基于|紧扣|对接|围绕|落实|按照|根据|对标|服务)(?:于)?(?:[^,。;]{0,6})$")


@component("industries")
def industries(doc: Doc) -> None:
    text = doc.text
    sent_event = _event_of_sentence(doc)
    sectors_in_names(doc)  # industries named inside events, parks and initiatives
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if not has_type(doc, sm, "Industry"):
            # every rule of this loop relates a sector the sentence names, but _sector_frame (the one
            # named in the sentence before): a sentence without one has only that rule to run
            _sector_frame(doc, s, sm)
            continue
        for vm in _LIST_VERB.finditer(s.text):
            v_end = s.start + vm.end()
            inds = _industry_list(doc, sm, v_end)
            if len(inds) < 2:
                continue
            if _THIS_FUND.match(text, s.start) and _FUND_VERB.match(text, s.start + vm.start()) \
                    and not any(_type(doc, m) == "Fund" and not _FOUNDERS.match(text, m.end) for m in sm if m.end <= s.start + vm.start()):
                continue  # 该基金…,重点投向A、B: the fund 该 stands for (_fund_sectors), not a body named on the way
            before = [m for m in sm if m.end <= s.start + vm.start()]
            subjects: list[str] = []
            head = text[s.start : s.start + vm.start()]
            counted = re.search(r"(\d+)(?:个[^,。;]{0,16}(?:项目|园区)|家[^,。;]{0,6}企业)|项目(?:共|有)?(\d+)个", head)
            if text.startswith("成员", s.start + clause_start(head, 0, len(head))):
                continue  # (联盟由…38家企业…发起成立,) 成员覆盖A、B: what its members do, not its or the event's sectors
            if counted and sent_event.get(s.index):
                subjects.append(sent_event[s.index])
            elif counted:
                # 98个项目涵盖…: the event whose count of projects this is
                n = int(counted.group(1) or counted.group(2))
                subjects += [r.subject for r in doc.relations if r.predicate == "projectCount" and r.object == n][:1]
            elif _BARE_PROJECTS.fullmatch(head) and (main := doc.notes.get("main_event")) and doc.type_of(main) == "Event" \
                    and doc.has_relation("projectCount", main):
                subjects.append(doc.entity(main).label)  # (此次)(签约)项目涵盖A、B等领域: the projects of the article's event
            # (落实“链长制”,聚焦A、B: a system put into practice, then the work's sectors, not the system's)
            inits = [m for m in before if _type(doc, m) == "Initiative"
                     and not (_PRACTISED.search(text, max(s.start, m.start - 4), m.start) and "," in text[m.end : s.start + vm.start()])]
            if inits and sent_event.get(s.index) and lists_signed_projects(head):
                inits = []  # 本次签约项目紧扣X产业体系,覆盖A、B: the event's sectors (event_sectors), not X's
            if len(inits) >= 2 and _BASIS.search(text, max(s.start, inits[-1].start - 10), inits[-1].start):
                inits = [m for m in inits if not _BASIS.search(text, max(s.start, m.start - 10), m.start)] or inits
            clause = clause_start(text, s.start, s.start + vm.start())
            direct = [m for m in _subjects_before(doc, sm, s.start + vm.start())
                      if m.start >= clause and (_type(doc, m) == "Park" or _is_org(_type(doc, m)))]
            later_parks = [m for m in before if inits and m.start > inits[-1].end and _type(doc, m) == "Park"]
            if inits and later_parks and not direct and not counted:
                # 签署《协议》,双方将共建“X产业园”,重点发展A、B: the park agreed on, not the agreement
                inits = []
                subjects.append(later_parks[-1].label)
            elif inits and direct and inits[-1].end <= clause and not counted:
                # “一核两翼”格局,A、B重点发展X和Y: the parks that open the clause, not the plan before
                inits = []
                subjects += [m.label for m in direct]
            if inits:
                subjects.append(inits[-1].label)
            topic = _park_topic(doc, s, sm)
            if not subjects and topic and not any(m.start >= clause for m in before):
                # 园区…,重点集聚A、B等: the park the sentence opens with, the clause having no subject
                subjects.append(topic)
            if not subjects and not counted and (park := _park_subject(doc, sm, s, s.start + vm.start())) is not None:
                subjects.append(park)  # 科学城将聚焦A、B: the park a bare word before the verb stands for
            if not subjects and not counted and not re.search(r"等[^,。;]{0,8}(?:企业|公司|项目)", head):
                # (研究院由A与B共建,将围绕A、B: the sentence's topic, not its builders)
                # (A将与B共建X,围绕A、B: what was just founded)
                orgs = [m for m in before if _is_org(_type(doc, m)) or _type(doc, m) == "Park"]
                founded = orgs[-1] if orgs and _FOUNDED.search(text, max(s.start, orgs[-1].start - 4), orgs[-1].start) else None
                topic_org = None if founded else _subject_org(doc, sm, s, s.start + vm.start())
                orgs = [m for m in orgs if not _BY_AGENT.search(text, max(s.start, m.start - 30), m.start)]
                if founded is not None:
                    subjects.append(founded.label)
                elif topic_org is not None:
                    subjects.append(topic_org)
                elif orgs:
                    subjects.append(orgs[-1].label)
            if inits and before and _type(doc, before[0]) in {"Park"} | ORG and not _post_org(doc, before):
                subjects.append(before[0].label)
            for subj in subjects:
                for ind in inds:
                    doc.relate("inIndustry", subj, ind.label, s.index)
        _counted_park_sectors(doc, s, sm)
        _sector_frame(doc, s, sm)
        _projects_of_section(doc, s, sm)
        _fund_sectors(doc, s, sm)
        _park_sectors(doc, s, sm)
        _spelled_out(doc, s, sm)
        # a firm working on an industry: 清陶能源围绕固态锂电池持续攻关, 公司主要从事…新材料的研发
        work = list(_WORK_VERB.finditer(s.text))
        for vm in work:
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            org = _subject_org(doc, sm, s, v_start) or _park_subject(doc, sm, s, v_start)
            if org is None and vm.group() in _MAKES:
                org = _subject_project(doc, sm, s, v_start)  # 该项目建成后主要生产X: the project's sector
            if org is None:
                continue
            clause_end = _clause_end(doc, s, v_end)
            for ind in (m for m in sm if v_end <= m.start and m.end <= clause_end and _type(doc, m) == "Industry"):
                doc.relate("inIndustry", org, ind.label, s.index)
        # 该公司以精密铸造为主业: the sectors a firm's main line names
        for mm in _MAIN_LINE.finditer(s.text) if "为主" in s.text else ():
            org = _subject_org(doc, sm, s, s.start + mm.start())
            if org is not None:
                for ind in (m for m in sm if s.start + mm.start(1) <= m.start and m.end <= s.start + mm.end(1) and _type(doc, m) == "Industry"):
                    doc.relate("inIndustry", org, ind.label, s.index)
        # 深耕商贸物流的X有限公司: the sector a firm is described by before its name
        for vm in work:
            v_end = s.start + vm.end()
            run = [x for x in sm if x.start >= v_end and x.start - v_end <= 16]
            inds = []
            for x in run:
                if _type(doc, x) == "Industry" and x.start == (inds[-1].end + 1 if inds else v_end) \
                        and (not inds or text[inds[-1].end] in "、和与及"):
                    inds.append(x)
                elif inds and _is_org(_type(doc, x)) and _DESCRIBED_BY.fullmatch(text, inds[-1].end, x.start):
                    for ind in inds:
                        doc.relate("inIndustry", x.label, ind.label, s.index)
                    break
                elif inds:
                    break
        # X在INDUSTRY领域…: 协鑫集团在绿色能源领域推进…
        for m in _AT.finditer(s.text):
            at = s.start + m.start()
            ind = next((x for x in sm if x.start == at + 1 and _type(doc, x) == "Industry"), None)
            if ind is None or not re.match("(?:产业)?(?:领域|行业|赛道)", text[ind.end : ind.end + 4]):
                continue
            org = _subject_org(doc, sm, s, at)
            if org is not None:
                doc.relate("inIndustry", org, ind.label, s.index)
        # A、B等N家 INDUSTRY 企业 ; X是…INDUSTRY产业标杆企业
        for m in _ETC.finditer(s.text):
            at = s.start + m.end()
            ind = next((x for x in sm if x.start == at and _type(doc, x) == "Industry"), None)
            if ind is None or not re.match("(?:相关|头部|龙头|重点|领军|知名)?企业", text[ind.end : ind.end + 4]):
                continue
            home = doc.notes.get("home_city") if m.group(1) else None
            for x in _subjects_before(doc, sm, s.start + m.start()):
                if _is_org(_type(doc, x)):
                    doc.relate("inIndustry", x.label, ind.label, s.index)
                    if home and doc.type_of(home) == "Place":
                        # 等4家本地工程机械企业: firms of the article's own city
                        doc.relate("locatedIn", x.label, home, s.index)
        # INDUSTRY龙头X / 国内INDUSTRY领军企业X: the firm the descriptor introduces
        for x in of_type(doc, sm, "Industry"):  # (the loop changes no entity)
            lead = _LEADER_BEFORE.match(text, x.end)
            if lead is None:
                continue
            firm = next((m for m in sm if m.start == lead.end() and _is_org(_type(doc, m))), None)
            if firm is not None:
                doc.relate("inIndustry", firm.label, x.label, s.index)
        # X是/已成为…INDUSTRY(与INDUSTRY)领域的龙头企业
        for m in _IS.finditer(s.text):
            at = s.start + m.start()
            org = _subject_org(doc, sm, s, at)
            if org is None:
                continue
            clause_end = _clause_end(doc, s, s.start + m.end())
            inds = [x for x in sm if at < x.start and x.end <= clause_end and _type(doc, x) == "Industry"]
            for i, x in enumerate(inds):
                # the run of sectors that ends at the leader phrase
                j = i
                while j + 1 < len(inds) and re.fullmatch("(?:产业)?(?:、|和|与|及)", text[inds[j].end : inds[j + 1].start]):
                    j += 1
                if _LEADER.match(text, inds[j].end):
                    for o in _listed_with(doc, sm, org, at):  # A、B为X产业链“链主”: each of them
                        doc.relate("inIndustry", o, x.label, s.index)


#: a verb of founding right before a name (共建X, 成立X): the name is what was founded
_FOUNDED = re.compile("(?:共建|成立|组建|设立|筹建|建立)(?:了)?$")
#: an agent named after 由 in its clause (由A与B共建): who did it, not the subject of what follows
_BY_AGENT = re.compile("由[^,。;]{0,30}$")
_LEADER_BEFORE = re.compile(r"(?:产业|行业|领域)?(?:的)?(?:龙头|领军|头部|骨干|知名|领先)(?:企业|厂商|品牌)?")
#: between the sectors and the firm they describe: 深耕商贸物流 + 的 + X
_DESCRIBED_BY = re.compile("(?:产业|领域|行业|业务)?的")
_WORK_VERB = re.compile("围绕|聚焦|深耕|专注于|专注|从事|主攻|致力于|布局|主要生产|主要研发|研发生产")
_LEADER = re.compile(r"(?:产业|领域|行业)?(?:的)?(?:标杆|龙头|领军|头部|领先|骨干|代表性)(?:企业|厂商|品牌)?|(?:产业)?链?“?链主")


#: what a project makes once built (its sector): 主要生产, 聚焦
#: a firm's main line: 以精密铸造为主业, 以汽车零部件为主营业务
_MAIN_LINE = re.compile("以([^,。;以]{2,16}?)为(?:主业|主营业务|核心业务|主导业务)")
_MAKES = frozenset(("主要生产", "主要研发", "研发生产", "聚焦", "围绕", "专注"))


#: a sentence's subject that is only the projects of the article's event: (此次)(签约)项目, 这些项目
_BARE_PROJECTS = re.compile("(?:此次|本次|这些|上述|所有)?(?:集中)?(?:签约|开工|签约和开工|开工和签约)?(?:的)?项目(?:主要|均|全部|共)?")
