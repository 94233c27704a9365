"""Projects and funds: amounts, investors, signing. The project a stated total is about is found in
topics.py, the investors the text states in stated_investors.py, who spends in spenders.py, where
a project is built and by whom in build_sites.py."""

from __future__ import annotations

import re

from kg.extract.components.build_sites import _built_at, _set_up_to_build
from kg.extract.components.clauses import _type
from kg.extract.components.deals import (
    deal_investors,
    firm_builds,
    short_partners,
    unnamed_partners,
)
from kg.extract.components.project_brands import (
    _descriptive_head,
    _investor,
    _legal_name_before,
    _org_names,
)
from kg.extract.components.project_investors import (
    co_builders,
    speakers_firm_projects,
    subjects_building,
    vehicle_investors,
    visit_paragraph_projects,
    visited_firms,
)
from kg.extract.components.refs import (
    bare_firm_before,
    clause_start,
    fund_before,
)
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.short_names import _strip_places
from kg.extract.components.spenders import _ITEM_LEAD, _joint_spenders, _spender, partner_after_spend
from kg.extract.components.stated_investors import _explicit_investors
from kg.extract.components.topics import _topic_project
from kg.extract.doc import Doc, Span
from kg.extract.names import BUILD
from kg.extract.quantities import AMOUNT_RE, amount_of
from kg.extract.registry import component
from kg.model import Amount

#: between a project and its amount: 总投资, 拟投资, 计划投资, 投资总额为, 预计总投资约
_STATED_COST = re.compile(r"”?,?(?:预计|计划|拟|将|共|概算)?(?:总)?投资(?:总额|额)?(?:为|达|约|超过|超|近|逾)?|获(?:得)?(?:基金)?(?:投资|融资)")


#: the verb of spending right before an amount (投资1.5亿欧元的X项目)
_SPENT = re.compile("(?:投资|出资|增资|投入)(?:约|达|近|超过|超)?$")
_BARE_FUND_SUBJECT = re.compile("(?:该|此次|本次)?母?基金")
_NAMED_FUND_SIZE = re.compile(",?(?:总)?规模(?:为|达|约|超过|超)?")  # (合作设立X子基金,规模10亿元)
_FUND_SIZE = re.compile("(?<!首期)(?<!一期)(?:总|目标)?规模(?:为|达|约|超过|超)?$")  # (a first close's size is no fund's size)


#: between an amount spent and the project: (,)(在开发区)建设 (a bare place there is no mention)
_SPENT_GAP = re.compile(",?(?:在[^,。;在]{1,10}?)?(?:用于|建设|打造|兴建|新建|扩建|实施)的?")


@component("projects")
def projects(doc: Doc) -> None:
    text = doc.text
    phase_amounts: list[tuple[str, Amount]] = []
    for am in AMOUNT_RE.finditer(text):
        amt = amount_of(am)
        if amt is None:
            continue
        s = doc.sentences[doc.sentence_at(am.start())]
        if text.startswith((",在", "在"), am.end()) and _set_up_to_build(doc, s, am, amt):
            continue
        if _SPENT.search(text, max(s.start, am.start() - 6), am.start()) and (pa := partner_after_spend(doc, s, am.end())) is not None:
            # A投资N,与B合资建设Y项目: Y costs N, A and B invest in it together, as partners
            proj = next((m for m in _sent_mentions(doc, s) if pa[1] <= m.start <= pa[1] + 1 and _type(doc, m) == "Project"), None)
            spender = _spender(doc, s, _SPENT.search(text, max(s.start, am.start() - 6), am.start()).start())
            if proj is not None and spender is not None:
                doc.relate("investment", proj.label, amt, s.index)
                for org in (spender, pa[0]):
                    doc.relate("investor", proj.label, org, s.index)
                doc.relate("partnerOf", spender, pa[0], s.index)
                continue
        after = [m for m in _sent_mentions(doc, s) if m.start >= am.end()][:4]
        k, end = 0, after[0].end if after else 0  # (在广元市苍溪县建设: a run of places, the last the most precise)
        while k + 1 < len(after) and _type(doc, after[k]) in ("Place", "Park") and _type(doc, after[k + 1]) in ("Place", "Park"):
            if end == after[k + 1].start:
                end = after[k + 1].end
            elif text[end : after[k + 1].start] == "(" and text[after[k + 1].end : after[k + 1].end + 1] == ")":
                end = after[k + 1].end + 1  # 在营口经济技术开发区(营口经开区)建设: the place and its short form
            else:
                break
            k += 1
        sited = len(after) > k + 1 and _type(doc, after[0]) in ("Place", "Park") and _type(doc, after[k + 1]) == "Project" \
            and text[am.end() : after[0].start] in (",在", "在") and bool(_BUILD_GAP.fullmatch(text, end, after[k + 1].start))
        after = after[k + 1 : k + 2] if sited else after[:1]  # (投资3.5亿美元,在P建设X项目: the project after the place)
        if after:
            m = after[0]
            gap = text[am.end() : m.start]
            # 投资1.5亿欧元的X项目 ; 追加投资50亿元,建设X项目
            base = max(s.start, am.start() - 6)
            spent = _SPENT.search(text[base : am.start()])
            if _type(doc, m) in ("Project", "Fund") and (re.fullmatch("(?:的)?", gap) or spent and (
                    _SPENT_GAP.fullmatch(gap) or sited)):
                doc.relate("investment", m.label, amt, s.index)
                if spent and _FIRST_PHASE.search(text, base, am.start()):
                    phase_amounts.append((m.label, amt))  # 首期投资12亿元建设X项目: the first phase's, unless no total is stated
                if spent and _type(doc, m) == "Project":
                    joint = _joint_spenders(doc, s, base + spent.start())
                    for a in joint:  # A与B共同投资N,在P建设Y: both invest, as partners
                        doc.relate("investor", m.label, a, s.index)
                        for b in joint:
                            if a < b:
                                doc.relate("partnerOf", a, b, s.index)
                    inv = None if joint else _spender(doc, s, base + spent.start())
                    if inv:
                        doc.relate("investor", m.label, inv, s.index)
                continue
        # the name that ends nearest the amount (a firm nested at the head of a project ends earlier)
        before = _nearest_before(_sent_mentions(doc, s), am.start())
        if before and _type(doc, before[0]) == "Project" and (into := _PUT_INTO.search(text, max(s.start, before[0].start - 8), before[0].start)):
            # 基金…将向该公司Y项目投资5亿元: what a fund puts into the firm's project, not the project's cost
            m = before[0]
            if _STATED_COST.fullmatch(text[m.end : am.start()]):
                funds = [x.label for x in _sent_mentions(doc, s) if x.end <= into.start() and _type(doc, x) == "Fund"]
                lead = s.start + len(_ITEM_LEAD.match(text, s.start).group())
                if not funds and text.startswith("基金", lead):
                    funds = [f] if (f := fund_before(doc, lead)) else []  # 仪式上,基金与X签署投资协议: the fund the text is about
                if funds:
                    doc.relate("investor", m.label, funds[0], s.index)
                firm = bare_firm_before(doc, into.start(1), into.end(1)) if into.group(1) else None
                if firm is not None:
                    doc.relate("investor", m.label, firm, s.index)
                continue
        if before:
            m = before[0]
            gap = text[m.end : am.start()]
            if _type(doc, m) == "Fund" and text.endswith(_GOT, max(s.start, m.start - 3), m.start) and _STATED_COST.fullmatch(gap):
                # X项目,获Y基金投资1.5亿元: the fund's stake in the project (an investor), not the fund's size
                got = next((x for x in _nearest_before(_sent_mentions(doc, s), m.start - 1)
                            if _type(doc, x) == "Project" and _GOT_GAP.fullmatch(text, x.end, m.start)), None)
                if got is not None:
                    doc.relate("investor", got.label, m.label, s.index)
                continue
            if _STATED_COST.fullmatch(gap) and _type(doc, m) in ("Project", "Fund") \
                    or _type(doc, m) == "Fund" and _NAMED_FUND_SIZE.fullmatch(gap):  # X子基金规模15亿元 (not 首期规模)
                doc.relate("investment", m.label, amt, s.index)
                continue
        # 该基金总规模50亿元,首期规模20亿元: the fund the sentence's bare subject stands for
        c0 = clause_start(text, s.start, am.start())
        if _FUND_SIZE.search(text, max(s.start, am.start() - 12), am.start()) \
                and (_BARE_FUND_SUBJECT.match(text, s.start) or _BARE_FUND_SUBJECT.match(text, c0)):
            fund = fund_before(doc, c0)  # (…设立X基金,基金规模2亿元)
            if fund is not None:
                doc.relate("investment", fund, amt, s.index)
                continue
        # X项目选址…,投资主体为…,计划总投资150亿元: the one project the sentence is about
        proj = _topic_project(doc, s, am.start())
        if proj is not None:
            doc.relate("investment", proj, amt, s.index)
    for label, amt in phase_amounts:  # (…,项目全部建成后总投资将达30亿元: the project's total, the phase's dropped)
        if any(r.predicate == "investment" and r.subject == label and r.object != amt for r in doc.relations):
            doc.relations[:] = [r for r in doc.relations if not (r.predicate == "investment" and r.subject == label and r.object == amt)]
    _products(doc)
    explicit, explicit_sent = _explicit_investors(doc)
    for k, (v, i) in doc.notes.get("joint_venture_investors", {}).items():
        if k in explicit and explicit[k] != v:
            doc.relate("investor", k, v, i)  # (A签订X项目投资协议 …合资公司将投资建设X项目: the joint venture too)
        explicit.setdefault(k, v)  # 合资公司将投资建设X项目: the joint venture founded in the text
        explicit_sent.setdefault(k, i)
    for k, (v, i) in _legal_name_before(doc).items():
        explicit.setdefault(k, v)
        explicit_sent.setdefault(k, i)
    # X在P建设Y; X是…企业,正在建设的Y项目; 来到X公司,察看Y项目建设现场 (the first source that names one wins)
    for found in (_built_at(doc), subjects_building(doc), visited_firms(doc), visit_paragraph_projects(doc), speakers_firm_projects(doc)):
        for k, (v, i) in found.items():
            if k not in explicit:
                explicit[k], explicit_sent[k] = v, i
    for k, (orgs, i) in vehicle_investors(doc).items():
        for org in orgs:  # X将设立子公司Y,负责上述项目的投资建设: both invest
            doc.relate("investor", k, org, i)
            explicit.setdefault(k, org)
            explicit_sent.setdefault(k, i)
    for k, (pair, i) in co_builders(doc).items():
        if k not in explicit:
            for org in pair:  # A与B合作建设的Y项目: both invest
                doc.relate("investor", k, org, i)
    built = firm_builds(doc)
    short_partners(doc)
    unnamed_partners(doc)
    dealt = deal_investors(doc)
    # investors: the firm a project is named after
    # (for _investor, built at its first call; the loop below adds entities only by ensure_entity,
    # kept up to date there)
    org_names: dict[str, str] | None = None
    # doc.type_of without its scan of every entity's aliases per name: the first entity bearing each
    # alias, indexed at the first call (the loop adds only new labels without aliases, which ents.get finds)
    ents, by_alias = doc.entities, None

    def type_of(label: str) -> str | None:
        nonlocal by_alias
        if by_alias is None:
            by_alias = {}
            for x in ents.values():
                for a in x.aliases:
                    by_alias.setdefault(a, x)
        x = (ents.get(label) or by_alias.get(label)) if label else None
        return x.type if x is not None else None
    place_labels: list[str] | None = None  # (the places, listed at the first firm to test: the loop adds only firms)
    for e in list(doc.entities.values()):
        if e.type != "Project":
            continue
        signers = {org for org, _ in dealt.get(e.label, ())}  # (who signed its agreement need not be all who invest)
        if e.label in dealt and e.label not in explicit:
            for org, i in dealt[e.label]:
                doc.relate("investor", e.label, org, i)
            # the firms that signed its agreement, and the firm it is named after
        # a project named after a park (X产业园项目) is not named after a firm
        bare = e.label.removesuffix("项目")
        bare = bare[:-2] if _PHASE_END.search(bare) else bare  # X产业园一期项目: a phase of the park X产业园
        named_park = type_of(bare) == "Park" or any(type_of(a) == "Park" for a in e.aliases)
        if not (named_park or e.label in built) and org_names is None:
            org_names = _org_names(doc)
        inv = None if named_park or e.label in built else _investor(doc, e.label, org_names)  # built: X将在P建设Y has X
        said = explicit.get(e.label)
        if said is not None:
            # the stated investor, unless its mention carries words before the name the project is named after
            if inv is None or not (inv in said and not _strip_places(said).startswith(inv)):
                doc.relate("investor", e.label, said, explicit_sent[e.label])
                continue
        if inv and place_labels is None:
            place_labels = [e2.label for e2 in doc.entities.values() if e2.type == "Place"]
        if inv and any(p != inv and p.startswith(inv) for p in place_labels):
            inv = None  # a town's short name (周市 of 周市镇), not a firm
        if inv and any(r.predicate == "investor" and r.subject == e.label and inv[:2] in r.object for r in doc.relations):
            inv = None  # 美国艾德维医疗器械公司投资…建设艾德维…项目: the firm already stated
        inv_ent = doc.entity(inv) if inv else None  # (looked up once: nothing below adds an entity before it is used)
        if inv and inv_ent is None and any(r.predicate == "investor" and r.subject == e.label and r.object not in signers
                                           for r in doc.relations):
            inv = None  # X投资建设高效N型光伏电池片项目: the text says who invests; 高效 is no firm it names
        if inv and (inv_ent is None or not inv_ent.mentions) and _descriptive_head(inv):
            inv = None  # 高效光伏 + 电池片项目, 新型显示 + …: a description opens the name, not a firm's brand
        if inv:
            if inv_ent is None:
                doc.ensure_entity("Company", inv)
                if org_names is not None and len(inv) >= 2 and inv not in org_names:
                    org_names[inv] = inv
            doc.relate("investor", e.label, inv, e.mentions[0].sentence if e.mentions else 0)


_PHASE_END = re.compile("[一二三四五六七八九首]期$")
#: the first phase's spending (首期投资, 一期将投资) before an amount
_FIRST_PHASE = re.compile("(?:首期|一期)(?:将|拟|计划)?(?:投资|投入)")
#: a project that got money from a fund (X项目,获Y基金投资N): the words before the fund, and between the two
_GOT = ("获", "获得")
_GOT_GAP = re.compile("[,，]?(?:获得|获)")


#: between the place and the project in 投资N,在P建设X项目
_BUILD_GAP = re.compile(f"(?:投资)?(?:{BUILD}|实施)(?:的)?")


#: 向(该公司) + Y项目 + 投资N: money put into a project by another than its builder
_PUT_INTO = re.compile("向(该公司|该企业)?(?:的)?$")


#: what a project will make: 以…新材料为主要产品 (not 形成年产…的能力: the capacity names a product,
#: finer than the sector the text would give the project)
_OUTPUT = re.compile(r"以[^,。;]{0,30}?为主(?:要|导)?产品")


def _products(doc: Doc) -> None:
    """A project works in the sectors of what it will make (the one project its sentence names)."""
    if "产品" not in doc.text:
        return  # (_OUTPUT ends in 产品: most texts hold none)
    for s in doc.sentences:
        for om in _OUTPUT.finditer(s.text):
            a, b = s.start + om.start(), s.start + om.end()
            sm = _sent_mentions(doc, s)
            inds = [m for m in sm if a <= m.start and m.end <= b and _type(doc, m) == "Industry"]
            projects = [m for m in sm if m.end <= a and _type(doc, m) == "Project"]
            if not inds or len({m.label for m in projects}) != 1:
                continue
            for ind in inds:
                doc.relate("inIndustry", projects[-1].label, ind.label, s.index)


def _nearest_before(sm: list[Span], pos: int) -> list[Span]:
    """The mention ending nearest before ``pos``, the longest at equal end, the last in ``sm`` at
    equal both (as ``sorted(…, key=(end, length))[-1:]``, without the sort), as a list of at most one."""
    best = None
    for m in sm:
        if m.end <= pos and (best is None or (m.end, m.end - m.start) >= (best.end, best.end - best.start)):
            best = m
    return [best] if best is not None else []
