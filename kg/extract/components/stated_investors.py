"""Investors the text states for projects: 投资主体为X, 由X投资建设的Y, X投资建设的Y, 其建设的Y, A人民政府与B公司签署Y项目."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.refs import _PARENT_AFTER, bare_firm_before, past_short_form, sentences_mentions
from kg.extract.components.topics import _bare_project
from kg.extract.doc import Doc

#: between the investor and the project in 由X投资建设的Y项目
_BUILT_BY = re.compile("(?:共同)?(?:投资)?(?:建设|兴建|打造|投建)(?:、[^,。;、]{4,30}?(?:负责)?运营)?的")
#: a signing of a project itself: A与B + 签署 + Y项目
_SIGNED_PROJECT = re.compile("(?:现场|正式|当场|集中)?(?:签署|签订|签约)(?:建设|投资建设|落地)?了?")
#: between a named investor and its project, with no 由: X + 投资建设的 + Y项目, X + 投资的 + Y项目
_BUILT_BY_NAMED = re.compile("(?:投资建设|投资兴建|投资打造|投资新建|投资实施|投资|建设|兴建|投建|实施)的")
#: 由A + 出资设立的 + B投资建设的Y: A describes B, the builder
_FOUNDED_BY = re.compile("(?:全资|全额)?(?:出资|投资)?(?:设立|成立|组建)的")
#: A与B + 合资建设的 + Y项目: two that build a project together
_JOINTLY_BUILT = re.compile("(?:共同|联合|合资|合作)(?:出资|投资)?(?:建设|兴建|打造|投建)的")
#: 由X投资建设、Y负责运营的Z: the second body, which runs it
_RUN_BY = re.compile("(?:共同)?(?:投资)?(?:建设|兴建|打造|投建)、")
#: the investor of a project stated as such: 投资主体为X, 投资方是X, 由X投资建设
_INVESTOR = re.compile(r"(?:投资主体|投资方|投资主体单位|建设主体|建设单位|投资企业|实施主体)(?:为|是)|由(?=[^,。;]{2,50}(?:投资(?:建设|兴建|打造|(?!设立|成立|组建))|(?<!承)(?:建设|兴建|投建)"
                       r"|(?:负责|具体)?(?:实施|承担|建设运营)(?![^,。;]{0,4}(?:工作|任务|职责))))")


#: between the two founders of 由A与B合资组建的C: the conjunction, after A's bracketed short form if any
_PARTNER_JOIN = re.compile("(?:\\([^()]{1,12}\\))?[与和同]")


def _explicit_investors(doc: Doc) -> tuple[dict[str, str], dict[str, int]]:
    """The investors the text names for projects (project -> organisation, and the sentence)."""
    text = doc.text
    done: dict[str, str] = {}
    sent: dict[str, int] = {}
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for vm in _INVESTOR.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            org = next((m for m in sm if m.start >= v_end and _is_org(_type(doc, m))), None)
            if org is None or re.search("[,。;]", text[v_end : org.start]) or org.start - v_end > 12:
                continue
            if (founded := _FOUNDED_BY.match(text, org.end)) is not None:
                # 由市政府出资设立的X集团投资建设的Y: X, which the government set up, builds Y
                org = next((m for m in sm if m.start == founded.end() and _is_org(_type(doc, m))), None)
                if org is None:
                    continue
            projects = [m for m in sm if m.end <= v_start and _type(doc, m) == "Project"]
            after = past_short_form(text, org.end)  # 由X有限公司(X城投)投资建设的Y项目: past the investor's short form
            built = _BUILT_BY.match(text, after)
            if built is not None:
                # 由X投资建设的Y项目: the project after the investor (a park there, 由X投资建设的Y产业园: none before it)
                after_built = next((m for m in sm if m.start == built.end()), None)
                if after_built is not None and _type(doc, after_built) == "Park":
                    continue
                projects = [m for m in sm if m.start == built.end() and _type(doc, m) == "Project"] or projects
            if not projects and (bare := _bare_project(doc, s)) is not None:
                projects = [bare]  # 项目总投资N,由X投资建设: the project named just before
            if not projects:
                continue
            sub = _SUBSIDIARY_OF.match(text, org.end)
            child = next((m for m in sm if sub and m.start == sub.end() and _is_org(_type(doc, m))), None)
            org = child or org  # 由X集团全资子公司Y有限公司投资建设: Y invests
            if child is None and (partner := next((m for m in sm if m.start > org.end and _is_org(_type(doc, m))
                                                   and doc.entity(m.label) is not doc.entity(org.label)), None)) is not None \
                    and _PARTNER_JOIN.fullmatch(text, org.end, partner.start) and (jv := _JOINT_FOUNDED.match(text, partner.end)):
                org = next((m for m in sm if m.start == jv.end() and _type(doc, m) == "Company"), org)  # 由A(简称)与B合资组建的C建设: C
                own = next((m for m in sm if m.start > org.end and _type(doc, m) == "Project"), None)
                if built is None and own is not None and not re.search("[。;]", text[org.end : own.start]):
                    projects = [own]  # ;由A与B合资成立的C,投资N建设D项目: C builds its own D, not the project before
            p = doc.entity(projects[-1].label).label
            if built is not None and (run := _RUN_BY.match(text, org.end)) is not None:
                runner = next((m for m in sm if m.start == run.end() and _is_org(_type(doc, m))), None)
                if runner is not None:  # 由X投资建设、Y负责运营的Z: Y runs it (SCHEMA: invests in or runs)
                    doc.relate("investor", p, runner.label, s.index)
            if p not in done:
                done[p], sent[p] = org.label, s.index
                # 由A与B共同投资建设, 由A、B、C和D共同投资建设: all invest, as partners
                run, last = [org], org
                for m in sm:
                    if m.start > last.end and _is_org(_type(doc, m)):
                        if _RUN_JOIN.fullmatch(text, last.end, m.start):
                            run.append(m)
                            last = m
                        else:
                            break
                if len(run) > 1 and _JOINTLY.match(text, past_short_form(text, run[-1].end)):
                    for m in run[1:]:
                        doc.relate("investor", p, m.label, s.index)
                    for i, a in enumerate(run):
                        for b in run[i + 1 :]:
                            doc.relate("partnerOf", a.label, b.label, s.index)
        # X…,其建设的Y项目: the organisation the sentence opens with (其 is its subject), else the one named last
        for om in _ITS_PROJECT.finditer(s.text):
            at = s.start + om.end()
            proj = next((m for m in sm if m.start == at and _type(doc, m) == "Project"), None)
            lead = _LEAD_IN.match(text, s.start).end()
            org = next((m for m in sm if m.start == lead and _is_org(_type(doc, m))), None) \
                or next((m for m in reversed(sm) if m.end <= s.start + om.start() and _is_org(_type(doc, m))), None)
            if proj is not None and org is not None:
                p = doc.entity(proj.label).label
                if p not in done:
                    done[p], sent[p] = org.label, s.index
        # X有限公司投资建设的Y项目, X投资的Y项目 (no 由): the organisation right before builds it
        # (a project is found only right after a match of _BUILT_BY_NAMED or _JOINTLY_BUILT, both of them
        # inside the sentence: a sentence that holds neither, most, is skipped)
        for m in sm if _BUILT_BY_NAMED.search(text, s.start, s.end) or _JOINTLY_BUILT.search(text, s.start, s.end) else ():
            if not _is_org(_type(doc, m)) or m.end >= s.end:
                continue
            built = _BUILT_BY_NAMED.match(text, past_short_form(text, m.end))
            # (X投资的“Y项目”: the project's name in quotes)
            proj = next((x for x in sm if built and x.start in (built.end(), built.end() + (text[built.end() : built.end() + 1] == "“"))
                         and _type(doc, x) == "Project"), None)
            if proj is not None and (p := doc.entity(proj.label).label) not in done:
                done[p], sent[p] = doc.entity(m.label).label, s.index
            # A与(日本企业)B合资建设的Y项目 (no 由): both build it, as partners
            partner = next((x for x in sm if x.start > m.end and _is_org(_type(doc, x))), None) if proj is None else None
            joint = _JOINTLY_BUILT.match(text, past_short_form(text, partner.end)) \
                if partner is not None and _RUN_JOIN.fullmatch(text, m.end, partner.start) else None
            proj = next((x for x in sm if joint and x.start == joint.end() and _type(doc, x) == "Project"), None)
            if proj is not None and (p := doc.entity(proj.label).label) not in done:
                a, b = doc.entity(m.label).label, doc.entity(partner.label).label
                done[p], sent[p] = a, s.index
                doc.relate("investor", p, b, s.index)
                doc.relate("partnerOf", a, b, s.index)
        # A人民政府与B公司签署Y项目: the firm, not the government, invests (and the two are partners)
        for vm in _SIGNED_PROJECT.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            proj = next((x for x in sm if x.start == v_end and _type(doc, x) == "Project"), None)
            firm = next((x for x in reversed(sm) if x.end == v_start and _type(doc, x) == "Company"), None)
            gov = next((x for x in reversed(sm) if firm is not None and x.end + 1 == firm.start and text[x.end] in "与和同"
                        and _type(doc, x) == "GovernmentBody"), None)
            if proj is not None and gov is not None and (p := doc.entity(proj.label).label) not in done:
                done[p], sent[p] = doc.entity(firm.label).label, s.index
                doc.relate("partnerOf", doc.entity(gov.label).label, doc.entity(firm.label).label, s.index)
            elif proj is not None and (firm := firm or next((x for x in reversed(sm) if x.end + 1 == v_start and text[x.end] == ","
                                                               and _type(doc, x) == "Company"), None)) is not None \
                    and text[firm.start - 1 : firm.start] not in "与和同、" and (p := doc.entity(proj.label).label) not in done:
                # X公司签约Y项目, X公司,签约建设Y项目: the firm alone signs its project
                done[p], sent[p] = doc.entity(firm.label).label, s.index
        # 公司新建的Y项目 opening a clause: the firm 公司 stands for
        for om in _FIRM_PROJECT.finditer(s.text):
            at = s.start + om.end()
            proj = next((m for m in sm if m.start == at and _type(doc, m) == "Project"), None)
            firm = bare_firm_before(doc, s.start + om.start(), s.start + om.end(1)) if proj is not None else None
            if firm is not None:
                p = doc.entity(proj.label).label
                if p not in done:
                    done[p], sent[p] = firm, s.index
        # 该项目…,由A透过子公司…与B合资成立的C投资建设: C, the joint venture a long clause after 由 describes
        if s.text.startswith(("该项目", "项目")) and "由" in s.text:
            for m in sm:
                if _type(doc, m) == "Company" and text.startswith(_BUILDS_IT, m.end) and "由" in text[s.start : m.start] \
                        and _JOINT_FOUNDED.search(text, max(s.start, m.start - 8), m.start) is not None \
                        and (bare := _bare_project(doc, s)) is not None and (p := doc.entity(bare.label).label) not in done:
                    done[p], sent[p] = doc.entity(m.label).label, s.index
                    break
        # X有限公司(,)正在建设Y项目, X有限公司的Y项目: the firm right before the verb of building or 的, no amount said
        for a, b in zip(sm, sm[1:]):
            if _type(doc, a) == "Company" and _type(doc, b) == "Project" and (built := _FIRM_BUILDS.fullmatch(text, a.end, b.start)) \
                    and (built.group() == "的" or text[a.start - 1 : a.start] not in ("与", "和", "同", "及", "、")) \
                    and (p := doc.entity(b.label).label) not in done:
                done[p], sent[p] = doc.entity(a.label).label, s.index
    return done, sent


#: between a firm and the project it builds: ,正在建设 / 将投资建设 / 新建 (no amount, no other party)
_FIRM_BUILDS = re.compile(",?(?:目前|现|正在|将|拟|计划|已|已经|还将|并|还)*(?:投资)?(?:建设|兴建|投建|新建|扩建)|的")


#: a firm named last in a 由… clause, then the verb it builds by: …C + 投资建设
_BUILDS_IT = ("投资建设", "投资兴建", "建设运营", "建设")
_SUBSIDIARY_OF = re.compile(_PARENT_AFTER.pattern + "|旗下(?:的)?")  # (refs: X的全资子公司Y; and X旗下Y)
_JOINTLY = re.compile("(?:共同|联合|合作|合资)(?:出资|投资|建设|投建)")
#: A与B + 合资组建的 + C: the joint venture two firms founded
_JOINT_FOUNDED = re.compile("(?:共同|联合|合资)(?:出资|投资)?(?:组建|成立|设立)的")
#: what joins the co-investors of a list (A、B和C; a descriptor may stand before one: 和湛江经开区国有平台C)
_RUN_JOIN = re.compile("(?:\\([^()]{1,12}\\))?(?:[、和与及]|联合)|[和与及][^,。;、]{0,16}?(?:国有平台(?:公司)?|平台公司|国企|企业)")
_FIRM_PROJECT = re.compile("(?:(?<=[,:])|^)((?:该)?(?:公司|企业|集团))(?:投资)?(?:建设|投建|兴建|新建|在建)的")


_LEAD_IN = re.compile(r"(?:据介绍|据了解|据悉|其中|同时|此外|目前)?,?")
_ITS_PROJECT = re.compile("(?<=,)其(?:投资)?(?:建设|投建|兴建|新建)的|(?<=,)(?:扩建|建设|新建|投资建设)其(?:在[^,。;的]{1,12})?的")
