"""Industries: inIndustry."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.clauses import (
    ORG,
    _event_of_sentence,
    _is_org,
    _subjects_before,
    _type,
    has_type,
    joined_before,
    of_type,
)
from kg.extract.components.event_sectors import lists_signed_projects
from kg.extract.components.park_sectors import (
    _ADVERBS,
    _park_sectors,
    _park_subject,
    _park_topic,
    _spelled_out,
)
from kg.extract.components.sector_lists import (
    _AT,
    _CLAUSE_END,
    _ETC,
    _IS,
    _counted_park_sectors,
    _industry_list,
    _post_org,
    _sector_frame,
)
from kg.extract.components.refs import bare_firm_before, clause_start, fund_before
from kg.extract.components.refs import sentences_mentions
from kg.extract.components.lexical import _JOINED_HEADS
from kg.extract.components.topics import _BARE_FIRM
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import lexicon, words
from kg.extract.segment import pos_tags, tokens
from kg.extract.registry import component
from kg.model import Sentence

_LIST_VERB = re.compile("涵盖|涉及|聚焦|围绕|包括|主攻|瞄准|覆盖|重点发展|重点培育|培育壮大|加快布局|前瞻布局|重点集聚|集聚|提升[^,。;:]{0,8}:|产业:"
                        "|兼顾|以(?=[^,。;]{2,40}?为(?:主|核心|重点|主导|主要))"
                        "|(?<=主导,)(?=[^,。;]{2,40}?为(?:特色|支撑|补充|辅助))"  # 以A、B为主导,C、D为特色: the second list too
                        "|向(?=[^,。;]{2,40}?(?:(?:方向|领域)(?:拓展|延伸|发展|迈进|转型|升级)|(?<!等)(?:延伸|拓展)))"
                        "|(?:推动|促进|带动|引领)(?=[^,。;]{2,40}?等[^,。;]{0,6}产业(?:的)?(?:发展|集聚|壮大))")
_PRACTISED = re.compile("(?:落实|实施|推行|贯彻|执行|深化|推进|坚持|健全|完善|用好)“?$")
#: what a plan builds on (its object, not its subject): 《行动计划》立足“4+4+6”产业体系,瞄准A、B…
_BASIS = re.compile("(?:立足|依托|基于|紧扣|对接|围绕|落实|按照|根据|对标|服务)(?:于)?(?:[^,。;]{0,6})$")


@component("industries")
def industries(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    sent_event = _event_of_sentence(doc)
    # industries named inside events, parks and initiatives
    ind_labels = {e.label for e in doc.entities.values() if e.type == "Industry"}
    named_after = None  # the parks, projects and firms an event may be named after (the loop adds only sectors)
    for e in list(doc.entities.values()):
        if e.type not in ("Event", "Park", "Initiative", "ResearchInstitute", "Association", "Fund"):
            continue
        found = list(lex.industry_re.finditer(e.label))  # (the lexicon's sectors: none added below)
        if "产业" in e.label and e.type not in ("ResearchInstitute", "Park") and not found \
                and (x := _unknown_sector(e.label)) is not None:
            # 宝鸡钛产业发展基金, 钒钛产业高质量发展三年行动: a sector no lexicon has, written before 产业
            if x not in ind_labels:
                doc.ensure_entity("Industry", x)
                ind_labels.add(x)
            doc.relate("inIndustry", e.label, x, e.mentions[0].sentence if e.mentions else 0)
        if not found:
            continue
        # an event named after a park, project or firm (X产业园开工仪式) is not about the sectors in X's name
        if e.type == "Event" and named_after is None:
            # (not an alliance: its founding, X产业联盟成立大会, is in its sector, as it is)
            named_after = [o for o in doc.entities.values() if len(o.label) >= 4 and (o.type in ("Park", "Project", "Initiative")
                                                                                      or _is_org(o.type) and o.type != "Association")]
        inner = [(i, i + len(o.label)) for o in named_after if o is not e and (i := e.label.find(o.label)) >= 0] if e.type == "Event" else []
        for k, m in enumerate(found):
            lab = lex.industries[m.group()]
            if any(a <= m.start() and m.end() <= b for a, b in inner) or e.label.startswith("时代", m.end()):
                continue  # …数字经济时代… names an age, not the sector
            if k + 1 < len(found) and found[k + 1].start() == m.end() and found[k + 1].group().removesuffix("产业") in _JOINED_HEADS:
                continue  # (新能源 + 电池材料: the two as one, below)
            written = _written_sector(e.label, m)
            head = m.group().removesuffix("产业")
            if k and found[k - 1].end() == m.start() and head in _JOINED_HEADS and e.label.startswith("产业", m.start() + len(head)):
                written = e.label[found[k - 1].start() : m.start() + len(head)]  # 支持 + 新能源电池材料 + 产业…措施: one sector as written
            if written is not None:
                lab = written  # 金昌 + 镍钴新材料 + 产业联盟: the sector as the name writes it
            joined = e.label[m.start() - 1 : m.start()] in ("和", "及", "与", "、") or e.label[m.end() : m.end() + 1] in ("和", "及", "与", "、")
            if e.type == "Fund" and joined:
                continue  # 半导体和集成电路产业投资基金: a fund of a field, not of each sector named
            if lab not in ind_labels and (_named_after(e, m) or written is not None and e.type in ("Association", "Event", "Initiative")):
                # (锡铟新材料产业联盟: a sector the name writes out with its kind is one the text names)
                doc.ensure_entity("Industry", lab)  # 临江市数字经济产业投资基金, 2025X产业发展论坛: one sector's
                ind_labels.add(lab)
            if lab in ind_labels:
                doc.relate("inIndustry", e.label, lab, e.mentions[0].sentence if e.mentions else 0)
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
                orgs = [m for m in before if _is_org(_type(doc, m)) or _type(doc, m) == "Park"]
                if orgs:
                    subjects.append(orgs[-1].label)
            if inits and before and _type(doc, before[0]) in {"Park"} | ORG and not _post_org(doc, before):
                subjects.append(before[0].label)
            for subj in subjects:
                for ind in inds:
                    doc.relate("inIndustry", subj, ind.label, s.index)
        _counted_park_sectors(doc, s, sm)
        _sector_frame(doc, s, sm)
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


_LEADER_BEFORE = re.compile(r"(?:产业|行业|领域)?(?:的)?(?:龙头|领军|头部|骨干|知名|领先)(?:企业|厂商|品牌)?")
#: between the sectors and the firm they describe: 深耕商贸物流 + 的 + X
_DESCRIBED_BY = re.compile("(?:产业|领域|行业|业务)?的")
_WORK_VERB = re.compile("围绕|聚焦|深耕|专注于|专注|从事|主攻|致力于|布局|主要生产|主要研发|研发生产")
_LEADER = re.compile(r"(?:产业|领域|行业)?(?:的)?(?:标杆|龙头|领军|头部|领先|骨干|代表性)(?:企业|厂商|品牌)?|(?:产业)?链?“?链主")
#: A bare firm standing for the one named before (该公司主要从事…).
_ANAPHORA = re.compile(r"(?:该公司|公司|该企业|企业|其)")
#: X是一家专注于…的企业: the description of a firm.
_A_FIRM = re.compile(r"(?:是|为|系)(?:一家|国内|全国|全球|行业|国际)*(?:领先的|知名的|主要)?")


#: what a project makes once built (its sector): 主要生产, 聚焦
_MAKES = frozenset(("主要生产", "主要研发", "研发生产", "聚焦", "围绕", "专注"))
_BARE_PROJECT = re.compile("(?:该|此|这个)项目")
_PROJECT_GAP = re.compile("(?:建成|投产|达产)(?:后|投产后)?,?(?:将)?|(?:将|拟)?|,")


def _subject_project(doc: Doc, sm: list[Span], s: Sentence, v_start: int) -> str | None:
    """The project a clause about what is made is said of: a project opening the sentence, or a
    bare 该项目 opening it (the project named last before), with only 建成后/将 before the verb."""
    text = doc.text
    clause = clause_start(text, s.start, v_start)
    head = next((m for m in sm if m.start == s.start and _type(doc, m) == "Project"), None)
    if head is not None and (clause > s.start or _PROJECT_GAP.fullmatch(text, head.end, v_start)):
        if not any(head.end <= m.start and m.end <= v_start and _is_org(_type(doc, m)) for m in sm):
            return head.label
    bare = _BARE_PROJECT.match(text, s.start)
    if bare is not None and _PROJECT_GAP.fullmatch(text, bare.end(), v_start):
        named = [m for m in doc.mentions if m.end <= s.start and _type(doc, m) == "Project" and s.start - m.end < 200]
        return named[-1].label if named else None
    return None


def _clause_end(doc: Doc, s: Sentence, pos: int) -> int:
    m = _CLAUSE_END.search(doc.text, pos, s.end)
    return m.start() if m else s.end


def _listed_with(doc: Doc, sm: list[Span], org: str, before: int) -> list[str]:
    """``org`` and the organisations joined to it by 、/和 right before it (A、B为…)."""
    run = joined_before(doc, sm, before, ("、", "和", "与", "及"), _is_org)
    if not run or doc.entity(run[0].label) is not doc.entity(org):
        return [org]
    return [org] + [m.label for m in run[1:]]


def _subject_org(doc: Doc, sm: list[Span], s: Sentence, v_start: int) -> str | None:
    """The organisation a clause's verb is said of: the name right before it (adverbs
    between), a bare 公司/该企业 (the firm named last), or, in a clause without a subject
    of its own, the organisation that opens the sentence (its topic)."""
    text = doc.text
    clause = clause_start(text, s.start, v_start)
    head = text[clause:v_start]
    org = next((m for m in reversed(sm) if clause <= m.start and m.end <= v_start), None)
    if org is not None:
        if _is_org(_type(doc, org)) and (_ADVERBS.fullmatch(text[org.end : v_start]) or _A_FIRM.fullmatch(text, org.end, v_start)):
            return org.label
        return None
    am = _ANAPHORA.match(head)
    if am and _ADVERBS.fullmatch(head[am.end() :]):
        firms = [m for m in doc.mentions if m.end <= clause and _type(doc, m) == "Company" and m.start >= s.start - 200]
        return firms[-1].label if firms else None
    if _ADVERBS.fullmatch(head) and clause > s.start:
        bare = _BARE_FIRM.match(text, s.start)
        if bare is not None:  # 该公司是…,主要生产X: the firm 该公司 stands for
            return bare_firm_before(doc, s.start, bare.end())
        topic = next((m for m in sm if m.start < clause), None)
        if topic is not None and _is_org(_type(doc, topic)) and re.fullmatch(r"(?:据介绍|据了解|其中|同时|根据协议|按照协议|根据规划)?,?", text[s.start : topic.start]):
            return topic.label
    return None


#: What follows a sector in the name of a gathering about it: X产业招商推介会, X产业高质量发展论坛,
#: X产业项目签约仪式, X专题推介会 (not X产业园开工仪式: a park's).
_SECTOR_GATHERING = re.compile(
    r"(?:产业|专题)(?:招商|高质量|发展|创新|合作|项目|集群|建设|推进|国际|高峰|专题|交流|对接|融合)*"
    r"(?:推介会|论坛|大会|峰会|博览会|交流会|对接会|洽谈会|推进会|签约仪式)$"
)


@lru_cache(maxsize=1)
def _element_chars() -> frozenset[str]:
    """The chemical elements a material sector is named by (read once, not per name)."""
    return frozenset(words("element_chars"))


def _written_sector(label: str, m: re.Match[str]) -> str | None:
    """The sector as a name writes it, when a short qualifier in nouns stands between the name's
    place (or year) and the known sector, and 产业 follows (金昌 + 镍钴新材料 + 产业联盟, 舟山 +
    绿色石化 + 产业子基金); None when the name writes the known sector alone."""
    end = m.end() - 2 if m.group().endswith("产业") else m.end()
    if not label.startswith("产业", end):
        return None
    lex = lexicon()
    opens = 0  # where the words after the name's place, year or mark begin
    for pm in lex.place_re.finditer(label, 0, m.start()):
        opens = pm.end()
    if opens and label[opens : opens + 1] in ("州", "市", "县", "区", "盟", "旗"):
        opens += 1  # 大理 + 州 + 清洁能源产业基金: the place's level word is no qualifier
    for k in range(m.start() - 1, opens - 1, -1):
        if not "\u4e00" <= label[k] <= "\u9fff" or label[k] == "年":
            opens = k + 1
            break
    q = label[opens : m.start()]
    if not 1 <= len(q) <= 4:
        return None
    tags = pos_tags()
    elements = _element_chars()
    if q.removesuffix("基") and all(c in elements for c in q.removesuffix("基")):
        return label[opens:end]  # 锡铟 + 新材料 + 产业联盟, 锌基 + …: elements (锡 alone reads as 无锡's short name)
    if any(w in q for w in _SCOPE_WORDS) or not all(tags.get(t) in _QUALIFIER_TAGS for t in tokens(q)):
        return None  # 加快, 首批国际, 北疆: a verb, a count or a region, not a kind of the sector
    return label[opens:end]


#: a sector written before 产业 in a name, and the kinds of names it opens (发展基金, 联盟, 三年行动; a park's
#: name is left out: 医药产业园, 航空产业园 are as often named for no sector of the text's)
_SECTOR_BEFORE_CHANYE = re.compile("((?:(?!产业)[\u4e00-\u9fff]){2,6}?)产业(?:高质量发展|发展|链|联盟|投资|子基金|母基金|基金|园|大会|论坛|峰会|博览会|推介会|合作|协会|研究院|创新)")
#: what qualifies the sectors of a place rather than naming one (主导产业, 新兴产业)
_NOT_A_SECTOR = ("重点", "主导", "新兴", "优势", "特色", "传统", "相关", "战略性", "未来", "现代", "支柱", "首位", "特色优势", "生态", "县域",
                 "高新技术")


def _unknown_sector(label: str) -> str | None:
    """The sector a name writes before 产业 right after its place or year (宝鸡 + 钛 + 产业发展基金 has one
    character: none; 攀枝花 + 钒钛 + 产业…), when it is words no lexicon knows and no scope or kind of sector."""
    lex = lexicon()
    opens = 0
    while (pm := lex.place_re.match(label, opens)) is not None and pm.end() > opens:
        opens = pm.end()
        if opens and label[opens : opens + 1] in ("州", "市", "县", "区", "盟", "旗") and label[opens + 1 : opens + 2] != "产":
            opens += 1  # 大理 + 州 + 清洁能源产业基金: the place's level word too
    y = re.match(r"(?:19|20)\d{2}年?|第[一二三四五六七八九十\d]+届", label[opens:])
    opens += y.end() if y else 0
    m = _SECTOR_BEFORE_CHANYE.match(label, opens)
    if m is None:
        return None
    x = m.group(1)
    if x in _NOT_A_SECTOR or any(w in x for w in _SCOPE_WORDS) or x in lex.places or lex.place_re.match(x):
        return None
    tags = pos_tags()
    if not all(tags.get(t) in _QUALIFIER_TAGS for t in tokens(x)):
        return None
    return x


#: words of a name's scope, not of its sector (中德国际智能制造产业园)
_SCOPE_WORDS = ("国际", "全球", "中国", "国家", "世界", "全国")
#: jieba's tags of the words that qualify a sector (镍钴, 绿色, 高端, 新型): nouns and distinguishing words
_QUALIFIER_TAGS = frozenset({"n", "ng", "nz", "b", "a", "nrt"})


def _named_after(e, m: re.Match[str]) -> bool:
    """Whether a fund or an event is named after the sector ``m`` found in its name (the sector is
    then in the graph even when the text names it nowhere else)."""
    if e.type == "Fund":
        return _FUND_NAMED.match(e.label, m.end()) is not None
    if e.type == "Event" and e.mentions:
        return _SECTOR_GATHERING.match(e.label, m.end() - 2 if m.group().endswith("产业") else m.end()) is not None
    return False


#: the rest of a fund's name after its one sector: 产业投资基金, 子基金
_FUND_NAMED = re.compile("(?:产业)?(?:投资|发展|引导|创业投资|股权投资)?(?:子)?基金$")
#: what a fund invests in: 重点投向A、B, 专项支持A、B等领域, 重点投资A、B
_FUND_VERB = re.compile("(?:重点|主要|专项|专门)?(?:投向|投资于|支持|聚焦|围绕)|(?:重点|主要)投资")
_BARE_FUND = re.compile("(?:该|此次|本次)?(?:子)?基金")
_THIS_FUND = re.compile("(?:该|此次|本次)基金")
#: a sentence's subject that is only the projects of the article's event: (此次)(签约)项目, 这些项目
_BARE_PROJECTS = re.compile("(?:此次|本次|这些|上述|所有)?(?:集中)?(?:签约|开工|签约和开工|开工和签约)?(?:的)?项目(?:主要|均|全部|共)?")
#: what follows a fund that founds another (A、B引导基金和C共同发起设立): a founder, not the fund the sentence is about
_FOUNDERS = re.compile("[^,。;]{0,30}?(?:共同|联合)?(?:发起|出资)")


def _fund_sectors(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """A fund's sectors: the list after 投向/支持 in a sentence about the fund (named before the
    verb in the sentence, or 该基金 opening it: the fund named last before)."""
    text = doc.text
    for vm in _FUND_VERB.finditer(s.text):
        v_start = s.start + vm.start()
        inds = _industry_list(doc, sm, s.start + vm.end())
        if not inds:
            continue
        clause = clause_start(text, s.start, v_start)
        # 该基金…,由A、B引导基金发起,重点投向X: the fund 该 stands for, not B (unless the clause names its own: 其中设立X子基金,专项支持Y)
        opened = _THIS_FUND.match(text, s.start)
        fund = next((m.label for m in reversed(sm) if m.end <= v_start and _type(doc, m) == "Fund"
                     and not (opened and _FOUNDERS.match(text, m.end))), None)
        if fund is None and (_BARE_FUND.match(text, s.start) or _BARE_FUND.match(text, clause)):  # 该基金…, X介绍,基金将…
            fund = fund_before(doc, s.start)  # (also one named only in its ceremony's name: X基金揭牌仪式)
        if fund is None:
            continue
        for ind in inds:
            doc.relate("inIndustry", fund, ind.label, s.index)
