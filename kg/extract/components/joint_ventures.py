"""Joint ventures: A与B签署合资协议,双方将共同组建C有限公司 (or 共同发起设立 a fund, an institute).

The founders are partners, and the new firm is a subsidiary of each of them, unless the text
says which one controls it (合资公司由A控股: of A alone); the signing that agreed it launched it. What the bare 合资公司 then builds
(合资公司将投资建设X项目) is the new firm's project: the projects step reads the investors
found here (``doc.notes["joint_venture_investors"]``).
"""

from __future__ import annotations

import re

from kg.extract.components.clauses import _event_of_sentence, _is_org, _type
from kg.extract.components.refs import sent_mentions, sentences_mentions
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import lexicon
from kg.extract.registry import component

#: the verb of founding together, which every match of _FOUND holds (the gate below reads it alone)
_FOUND_VERB = "(?:共同|联合|合资)(?:发起)?(?:出资|投资)?(?:组建|成立|设立|新设|注册成立)"
#: founding the new firm: (双方)(将)共同出资组建 + C
_FOUND = re.compile(r"(?:双方|两家企业|两家公司|三方)?(?:将|拟|计划|决定)?" + _FOUND_VERB + r"(?:了|的)?(?:合资公司)?,?")
#: what partners found together besides a firm (A与B共同发起设立规模10亿元的C基金)
_JOINT_BODIES = ("Fund", "ResearchInstitute", "Association")
#: the same without 共同, in a sentence about a joint venture (签署合资协议,组建C)
_FOUND_PLAIN = re.compile(r"(?:将|拟|计划|决定)?(?:出资|投资)?(?:组建|成立|设立|注册成立)(?:了)?(?:合资公司)?,?")
_JOINT = re.compile("合资")
#: the parties named as a pair: A与B, A和B
_PAIR = frozenset(("与", "和", "同", "、"))
#: A还将与B, A(简称)与X县国有平台B, A透过与B: the pair with a bracketed short form, adverbs before the
#: conjunction or a descriptor of the second party after it
_ADVERB_PAIR = re.compile(
    r"(?:\([^()]{1,12}\))?,?(?:还|也|又|将|拟|已|并|再|计划|通过|透过|于(?:同日|当日|当天|今日|昨日|近日|日前|\d{1,2}月\d{1,2}日|\d{1,2}日))*(?:与|和|同)"  # (A透过子公司B,与C合资成立的D: B and C)
    "(?:[\u4e00-\u9fff]{0,8}?(?:国有|国资|市属|省属|区属|县属)(?:资本)?(?:投资|运营)?平台(?:公司)?)?")
#: a role taken right after the founding's comma: (…共同发起设立,) C + 担任基金管理人
_ROLE_AFTER = ("担任", "作为", "出任", "任基金")
#: the one founder that controls it: 由A控股, A控股(,|。)
_CONTROL = re.compile("控股(?!集团|有限|股份|公司)")
#: the bare new firm building a project: 合资公司(成立后)将投资建设X项目, 合资公司将落户P,首期投资N建设X项目
_BUILDS = re.compile(r"合资公司[^。;]{0,40}?(?:建设|兴建|打造|实施)")
#: what every match of _FOUND holds, and of _FOUND_PLAIN (read only in a sentence with 合资): a
#: text with neither founds no firm here (the gate below; most articles). Built from _FOUND's own
#: verb, so that the gate cannot fall behind the pattern; it starts with a literal, which lets the
#: regex engine skip ahead (_FOUND's optional lead does not).
_FOUND_CORE = re.compile(_FOUND_VERB)
#: a sentence about the firm just named, founded by the parties it names: 该公司由A与B…合资组建,
#: X,这家由A与B合资组建的企业…
_IT_WAS_FOUNDED_BY = re.compile("(?<![^,。])(?:该公司|该企业|这家(?:企业|公司)?)(?:由|为|系)")  # (at the text's start or after , 。)
_FOUND_PLAIN_CORE = re.compile("组建|成立|设立")
#: after the firm founded, before its founders: X + 由 (A与B合资设立), X + 系由
_FOUNDED_BY = re.compile("(?:系|是)?由")
#: a build verb between the founding and a project, in one clause (…合资组建的企业,正在建设投资N的Y项目)
_BUILDS_BEFORE = re.compile("的?(?:企业|公司)?,?(?:正在|目前|现已|已)?(?:投资)?(?:建设|兴建)[^,。;]*")


@component("joint_ventures")
def joint_ventures(doc: Doc) -> None:
    if not (_FOUND_CORE.search(doc.text) or "合资" in doc.text and _FOUND_PLAIN_CORE.search(doc.text)):
        return  # (no founding verb a rule below could read: nothing founded)
    founded: dict[str, tuple[list[str], int]] = {}
    builds: dict[str, tuple[str, int]] = {}  # project -> (the new firm that builds it, sentence)
    pairs: list[tuple[str, str, int]] = []  # founders of a joint fund, institute or association
    prev_parties: list[str] = []
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        parties = _parties(doc, sm)
        joint = _JOINT.search(s.text) is not None
        for pat in (_FOUND, _FOUND_PLAIN) if joint else (_FOUND,):
            for vm in pat.finditer(s.text):
                v_end = s.start + vm.end()
                item = doc.text.rfind(";", s.start, s.start + vm.start())
                if item >= 0:  # (A与B签约…;C与D签署合资协议,共同出资设立E: the parties of E's item)
                    parties = _parties(doc, [m for m in sm if m.start > item]) or parties
                new = next((m for m in sm if m.start == v_end and _type(doc, m) == "Company"), None)
                if new is not None and doc.text.startswith(_ROLE_AFTER, new.end):
                    new = None  # 由A、B和C共同发起设立,C担任基金管理人: a founder's role, not a firm founded
                it = _IT_WAS_FOUNDED_BY.search(doc.text, s.start, s.start + vm.start()) if new is None and len(parties) >= 2 else None
                if it is not None:
                    # X投资建设,该公司由A与B按51%、49%的比例合资组建: X, the firm named last before
                    new = next((m for m in reversed(doc.mentions) if m.end <= it.start() and _type(doc, m) == "Company"), None)
                elif new is None and len(parties) >= 2:
                    # X有限公司由A与B合资设立: X, the firm the parties' clause opens with
                    new = next((m for m in sm if m.start < v_end and _type(doc, m) == "Company" and _FOUNDED_BY.match(doc.text, m.end)
                                and doc.entity(m.label).label not in parties), None)
                if new is None and pat is _FOUND and len(parties) >= 2:
                    body = next((m for m in sm if m.start >= v_end and _type(doc, m) in _JOINT_BODIES), None)
                    right_after = _party_right_before(doc, sm, parties, s.start + vm.start())  # 由A和B共同组建园区管理机构
                    if right_after or body is not None and doc.entity(body.label).label not in parties:
                        pairs.extend((a, b, s.index) for a in parties for b in parties if a < b)
                    continue
                if new is None or not new.label.endswith(("有限公司", "有限责任公司")):
                    continue
                owners = [p for p in (parties or (prev_parties if vm.group().startswith(("双方", "两家")) else [])) if p != new.label]
                if len(owners) >= 2 and new.label not in founded:
                    founded[new.label] = (owners, s.index)
                    # …共同出资设立C,总投资N建设Y项目: C builds Y
                    then = _THEN_BUILDS.match(doc.text, new.end)
                    proj = next((m for m in sm if then and m.start == then.end() and _type(doc, m) == "Project"), None)
                    if it is not None and proj is None:
                        # X,这家由A与B合资组建的企业,正在建设投资N的Y项目: X builds Y
                        proj = next((m for m in sm if m.start > v_end and _type(doc, m) == "Project"), None)
                        if proj is not None and not _BUILDS_BEFORE.fullmatch(doc.text, v_end, proj.start):
                            proj = None
                    if proj is not None:
                        builds.setdefault(doc.entity(proj.label).label, (doc.entity(new.label).label, s.index))
        if parties:
            prev_parties = parties
    for a, b, i in pairs:
        doc.relate("partnerOf", a, b, i)
    for firm, (owners, i) in founded.items():
        control = _controller(doc, firm, owners)
        for a in owners:
            for b in owners:
                if a < b:
                    doc.relate("partnerOf", a, b, i)
        for o in [control] if control else owners:
            doc.relate("subsidiaryOf", firm, o, i)
        # the signing of the joint venture's own agreement founded it (SCHEMA: launched); a joint venture
        # only named among the deals of a wider signing (X区域总部落户暨项目签约仪式) was not launched there
        event = _event_of_sentence(doc).get(i) or doc.notes.get("main_event")
        if event and doc.type_of(event) == "Event" and "合资" in event:
            doc.relate("launched", event, firm, i)
    if len(founded) == 1:
        firm = next(iter(founded))
        builds = {**_built_by_bare(doc, firm), **builds}
        _settled_bare(doc, firm)
        _posts_of_bare(doc, firm)
        _carried_by_bare(doc, firm)
    if builds:
        doc.notes["joint_venture_investors"] = builds


def _parties(doc: Doc, sm: list[Span]) -> list[str]:
    """The first run of organisations joined by 与/和 in a sentence (A与B, A、B与C)."""
    text = doc.text
    orgs = [m for m in sm if _is_org(_type(doc, m))]
    for k, a in enumerate(orgs):
        run, end = [a], a.end
        for b in orgs[k + 1 :]:
            if text[end : b.start] == "(" and text[b.end : b.end + 1] == ")" and doc.entity(b.label) is doc.entity(run[-1].label):
                end = b.end + 1  # A(A's short form): the short form is no second party
            elif text[end : b.start] in _PAIR or _described_pair(text[end : b.start]) or _ADVERB_PAIR.fullmatch(text, end, b.start):
                run.append(b)
                end = b.end
            else:
                break
        if len(run) >= 2:
            return list(dict.fromkeys(doc.entity(m.label).label for m in run))
    return []


def _party_right_before(doc: Doc, sm: list[Span], parties: list[str], at: int) -> bool:
    """Whether the last of the parties ends right before the founding verb (A和B + 共同组建)."""
    last = next((m for m in reversed(sm) if m.end <= at), None)
    return last is not None and last.end == at and doc.entity(last.label).label in parties


def _described_pair(gap: str) -> bool:
    """与民营企业 between two names: 与 and a descriptor of the second party."""
    return re.fullmatch("(?:与|和|同)(?:民营企业|(?:省属|市属|区属|县属)?(?:国有企业|国企)|央企|外资企业|上市公司|企业)", gap) is not None


def _controller(doc: Doc, firm: str, owners: list[str]) -> str | None:
    """The founder the text says controls the new firm (合资公司由A控股), if any."""
    text = doc.text
    for m in doc.mentions:  # (the text's tests first: the label's lookup scans the entities' aliases)
        if text[m.start - 1 : m.start] == "由" and _CONTROL.match(text, m.end):
            e = doc.entity(m.label)
            label = e.label if e else m.label
            if label in owners:
                return label
    return None


#: what the new firm goes on to build, right after its name: ,总投资N建设 + Y项目, ,正在P建设 + Y项目
_THEN_BUILDS = re.compile(r",(?:由其|并|将|拟|计划|正|已)?(?:(?:总)?投资[^,。;]{1,14}?|在[^,。;]{2,12}?)(?:建设|兴建|打造|投建)")
#: the bare new firm settling: 合资公司将落户P, 合资公司选址P
_SETTLES = re.compile(r"合资公司(?:将|拟|已)?(?:落户|入驻|选址|注册落户)(?:在|于)?")


def _settled_bare(doc: Doc, firm: str) -> None:
    """合资公司将落户P: the new firm settles in the park P."""
    for s in doc.sentences:
        for sm_ in _SETTLES.finditer(s.text):
            at = s.start + sm_.end()
            park = next((m for m in sent_mentions(doc, s) if m.start == at and _type(doc, m) == "Park"), None)
            if park is not None:
                doc.relate("settledIn", firm, park.label, s.index)


def _built_by_bare(doc: Doc, firm: str) -> dict[str, tuple[str, int]]:
    """The projects the bare 合资公司 builds: project -> (the new firm, sentence)."""
    out: dict[str, tuple[str, int]] = {}
    for s in doc.sentences:
        for bm in _BUILDS.finditer(s.text):
            at = s.start + bm.end()
            proj = next((m for m in sent_mentions(doc, s) if m.start == at and _type(doc, m) == "Project"), None)
            if proj is not None:
                out.setdefault(doc.entity(proj.label).label, (firm, s.index))
    return out


def _carried_by_bare(doc: Doc, firm: str) -> None:
    """合资公司将作为项目实施主体: the new firm invests in the article's one project, else the one named
    last before (beside the investors the text states)."""
    for s in doc.sentences:
        if (cm := _CARRIES_BARE.search(s.text)) is not None:
            projects = [e.label for e in doc.entities.values() if e.type == "Project"]
            if len(projects) != 1:
                projects = [doc.entity(m.label).label for m in doc.mentions if m.end <= s.start + cm.start() and _type(doc, m) == "Project"][-1:]
            for p in projects:
                doc.relate("investor", p, firm, s.index)


#: the bare new firm named the project's implementing body: 合资公司将作为项目实施主体
_CARRIES_BARE = re.compile("合资公司(?:将|拟)?作为(?:该|本)?项目的?实施主体")
#: a post of the bare new firm given to someone: (合资公司…,)总经理由X集团原副总裁Y担任
_POST_GIVEN = re.compile("^合资公司[^。;]*?,([\u4e00-\u9fff]{2,6}?)由[^,。;]{0,30}?(?:担任|出任|兼任)")


def _posts_of_bare(doc: Doc, firm: str) -> None:
    """合资公司将作为项目实施主体,总经理由Y担任: Y holds that post in the new firm."""
    lex = lexicon()
    for s in doc.sentences:
        pm = _POST_GIVEN.search(s.text)
        if pm is None or pm.group(1) not in lex.titles or lex.titles[pm.group(1)].kind != "org":
            continue
        verb = s.start + pm.end() - 2
        person = next((m for m in sent_mentions(doc, s) if m.end == verb and _type(doc, m) == "Person"), None)
        if person is not None:
            doc.relate("holdsPosition", doc.entity(person.label).label, firm, s.index, pm.group(1))
