"""Investors a project's sentence names without a verb of investing (projects).

Inspection reports walk from firm to firm: 来到X公司,察看Y项目建设现场; 在开发区内的X公司,
观摩团察看了Y项目建设情况. The project seen at a firm is that firm's. Two firms that build a
project together (A与B合作建设的Y项目) both invest in it. A sentence about a firm goes on to
what it is building (X是…龙头企业,正在建设的Y项目总投资…): the firm's. So is a project the
paragraph of a visit tells of by a bare reference to the firm (来到X公司。…公司年产Y项目已投产).
"""

from __future__ import annotations

import re

from kg.extract.components.refs import sent_mentions, sentences_mentions
from kg.extract.doc import Doc

#: the verbs of going to a firm on a visit
_VISIT_VERBS = "来到|走进|走访|深入|前往|进入"
#: before the firm visited: a verb of going there (or 在…的 of where it stands)
_VISIT_BEFORE = re.compile(f"(?:{_VISIT_VERBS}|到)$|在[^,。;]{{0,10}}的$|在$")
#: between the firm visited and its project: who looks (观摩团), a verb of looking, its particle
_LOOK_BETWEEN = re.compile(",?(?:[^,。;]{0,6}?)(?:察看|查看|了解|观摩|考察|参观|视察|调研|实地察看|详细了解|听取)了?[^,。;]{0,3}?")
#: the verbs of looking of _LOOK_BETWEEN (a sentence without one has no visited firm)
_LOOKS = re.compile("察看|查看|了解|观摩|考察|参观|视察|调研|听取")
#: a clause on what the sentence's subject is building: ,正在建设的 + the project
_BUILDING_CLAUSE = re.compile("(?<=,)(?:其|该公司)?(?:目前)?(?:正在|即将|已经|计划)?(?:投资(?:[\\d.]+(?:万|亿)[^,。;]{0,3}?)?)?(?:建设|兴建|投建)的$")
#: a clause saying what the firm opening the sentence is (X + 是Y的全资子公司,), and what it will build then
_DESCRIBED_FIRM = re.compile("是[^,。;]{0,30}?(?:子公司|企业|公司|厂商|供应商),")
_WILL_BUILD = re.compile("(?:将|拟|计划)(?:投资)?(?:建设|兴建|投建)")
#: A与B + 合作/共同/联合 + 建设(的)/投资建设(的) + the project
_BUILT_TOGETHER = re.compile("(?:合作|共同|联合|合资)(?:投资)?(?:建设|兴建|打造|投建)的?")


def visited_firms(doc: Doc) -> dict[str, tuple[str, int]]:
    """Projects seen at the firm a visit came to (project -> (firm, sentence))."""
    text, out = doc.text, {}
    for s in doc.sentences:
        if _LOOKS.search(s.text) is None:
            continue  # (_LOOK_BETWEEN needs a verb of looking, inside the sentence)
        sm = sent_mentions(doc, s)
        for i, firm in enumerate(sm):
            if doc.type_of(firm.label) != "Company" or not _VISIT_BEFORE.search(text, max(s.start, firm.start - 14), firm.start):
                continue
            nxt = next((m for m in sm[i + 1 :] if m.start >= firm.end), None)
            if nxt is None or doc.type_of(nxt.label) != "Project" or not _LOOK_BETWEEN.fullmatch(text, firm.end, nxt.start):
                continue
            out.setdefault(doc.entity(nxt.label).label, (doc.entity(firm.label).label, s.index))
    return out


def co_builders(doc: Doc) -> dict[str, tuple[list[str], int]]:
    """Projects two firms build together (project -> ([A, B], sentence))."""
    text, out = doc.text, {}
    for s in doc.sentences:
        if "合作" not in s.text and "共同" not in s.text and "联合" not in s.text and "合资" not in s.text:
            continue  # (_BUILT_TOGETHER opens with one of them, inside the sentence)
        sm = sent_mentions(doc, s)
        for a, b, p in zip(sm, sm[1:], sm[2:]):
            if text[a.end : b.start] not in ("与", "和", "同") or doc.type_of(p.label) != "Project":
                continue
            if not all(doc.type_of(x.label) in ("Company", "GovernmentBody") for x in (a, b)):
                continue
            if _BUILT_TOGETHER.fullmatch(text, b.end, p.start):
                out.setdefault(doc.entity(p.label).label, ([doc.entity(a.label).label, doc.entity(b.label).label], s.index))
    return out


def subjects_building(doc: Doc) -> dict[str, tuple[str, int]]:
    """Projects a clause says the sentence's opening firm is building (project -> (firm, sentence))."""
    text, out = doc.text, {}
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if not sm or sm[0].start != s.start or doc.type_of(sm[0].label) != "Company":
            continue
        described = _DESCRIBED_FIRM.match(text, sm[0].end)  # X是Y的全资子公司, + 将建设Z项目: the firm described builds
        for p in sm[1:]:
            if doc.type_of(p.label) == "Project" and (_BUILDING_CLAUSE.search(text, max(s.start, p.start - 12), p.start)
                                                      or described and _WILL_BUILD.fullmatch(text, described.end(), p.start)):
                out.setdefault(doc.entity(p.label).label, (doc.entity(sm[0].label).label, s.index))
    return out


#: what a firm's speaker does before the quoted words: 表示, 介绍, 说 (then a comma or colon)
_SAYS = re.compile("(?:表示|介绍|说|称|坦言)[,:]")
#: the speaker's bare reference to the firm right after the verb: 公司, 我们, 企业
_OWN_FIRM = re.compile("(?:目前,?)?(?:公司|我们|我公司|企业)")


def speakers_firm_projects(doc: Doc) -> dict[str, tuple[str, int]]:
    """X公司董事长Y表示,公司…的Z项目…: the projects the firm's own speaker tells of as the firm's
    (project -> (firm, sentence))."""
    text, out = doc.text, {}
    if not _SAYS.search(text):
        return out  # (no speaker: most articles quote someone, but the scan below is per sentence)
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if len(sm) < 3 or not _SAYS.search(s.text) or doc.type_of(sm[0].label) != "Company" or doc.type_of(sm[1].label) != "Person":
            continue
        said = _SAYS.search(text, sm[1].end, min(s.end, sm[1].end + 4))
        if said is None or not _OWN_FIRM.match(text, said.end()):
            continue
        for p in sm[2:]:
            if doc.type_of(p.label) == "Project" and p.start > said.end():
                out.setdefault(doc.entity(p.label).label, (doc.entity(sm[0].label).label, s.index))
    return out


#: right before the firm a visit comes to
_VISIT_VERB = re.compile(f"(?:{_VISIT_VERBS})$")
_ANY_VISIT = re.compile(_VISIT_VERBS)
#: a clause opening on a bare reference to a firm: (目前,)(该)公司, 企业
_FIRM_REF = re.compile("(?:^|(?<=[,;]))(?:目前,?|如今,?)?(?:该|这家)?(?:公司|企业)(?!家)")


def visit_paragraph_projects(doc: Doc) -> dict[str, tuple[str, int]]:
    """Projects the paragraph of a visit tells of by a bare reference to the firm visited
    (project -> (firm, sentence)): 走进X公司。…企业正在实施的Y项目总投资12亿元."""
    text, out = doc.text, {}
    if _ANY_VISIT.search(text) is None:
        return out  # (no verb of a visit: no firm visited)
    focus, para_end = None, -1
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if s.start > para_end:
            focus, para_end = None, text.find("\n", s.start) % (len(text) + 1)
        for m in sm:
            if _VISIT_VERB.search(text, max(s.start, m.start - 4), m.start) and doc.type_of(m.label) == "Company":
                focus = doc.entity(m.label).label
            elif focus is not None and doc.type_of(m.label) == "Project" and _FIRM_REF.search(text[s.start : m.start]):
                out.setdefault(doc.entity(m.label).label, (focus, s.index))
    return out


#: the vehicle a deal sets up for its projects: …成立Y,负责上述项目的投资建设和运营
_RUNS_THE_PROJECTS = re.compile("负责(?:上述|以上|这些|前述|两个|该|各)?(?:合作)?项目的?(?:投资|开发)?(?:建设|开发)")


#: a firm named the implementing body of a project right after its name: Y(暂定名),作为X项目的实施主体
_CARRIES = re.compile(r"(?:\([^()]{1,8}\))?,(?:将|拟)?作为(?:该|本)?([^,。;]{0,30}?)项目的?实施主体")


def _carriers(doc: Doc, out: dict[str, tuple[list[str], int]]) -> None:
    """…设立全资子公司Y(暂定名),作为X项目的实施主体: Y invests in X (the project named there, else
    the one named last before)."""
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for m in _CARRIES.finditer(s.text):
            at, end = s.start + m.start(), s.start + m.end()
            firm = next((x for x in reversed(sm) if x.end == at and doc.type_of(x.label) == "Company"), None)
            if firm is None:
                continue
            named = [x for x in sm if at < x.start and x.end <= end - len("实施主体") and doc.type_of(x.label) == "Project"]
            if not named:
                named = [x for x in doc.mentions if x.end <= at and doc.type_of(x.label) == "Project"][-1:]
            vehicle = doc.entity(firm.label).label
            first = next((doc.entity(x.label).label for x in sm if x.end <= at and doc.type_of(x.label) == "Company"), vehicle)
            for p in named:  # (云岭拟…设立全资子公司Y,作为…: the firm that sets it up invests too)
                out.setdefault(doc.entity(p.label).label, ([o for o in dict.fromkeys((first, vehicle))], s.index))


def vehicle_investors(doc: Doc) -> dict[str, tuple[list[str], int]]:
    """Projects listed just before a sentence that sets up a firm to build them (project -> ([the
    parent, the vehicle], sentence)): 首批合作项目包括:…A项目;…B项目。X集团将设立全资子公司Y,
    负责上述项目的投资建设和运营: X and Y invest in A and B."""
    text, out = doc.text, {}
    if "实施主体" in text:
        _carriers(doc, out)
    if "负责" not in text:
        return out  # (every match of _RUNS_THE_PROJECTS opens with it)
    all_sm = sentences_mentions(doc)
    for s, sm in zip(doc.sentences, all_sm):
        m = _RUNS_THE_PROJECTS.search(s.text)
        if m is None:
            continue
        at = s.start + m.start()
        firms = [x for x in sm if x.end <= at and doc.type_of(x.label) == "Company"]
        if not firms or not text.endswith(",", 0, at) or firms[-1].end < at - 2:
            continue  # (the vehicle is named right before ,负责)
        vehicle = doc.entity(firms[-1].label).label
        parent = doc.entity(firms[0].label).label if doc.entity(firms[0].label).label != vehicle else None
        projects = [x for x in sm if x.end <= at and doc.type_of(x.label) == "Project"]
        if not projects and s.index > 0 and "\n" not in text[doc.sentences[s.index - 1].end : s.start]:
            projects = [x for x in all_sm[s.index - 1] if doc.type_of(x.label) == "Project"]
        for p in projects:
            out.setdefault(doc.entity(p.label).label, ([o for o in (parent, vehicle) if o], s.index))
    return out
