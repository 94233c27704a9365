"""Organisations: partnerOf and subsidiaryOf."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.clauses import (
    ORG,
    _is_org,
    _list_after,
    _rx,
    _subjects_before,
    _type,
    orgs_of,
)
from kg.extract.components.refs import (
    bare_firm_before,
    clause_start,
    sentences_mentions,
)
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.topics import _BARE_FIRM, topic_org
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.registry import component

# Patterns used per sentence (compiled once).
_WITH = re.compile("与|和|同")
_HAND_IN_HAND = re.compile("携手")
_JOINTLY = re.compile("共同实施|共同打造|共同建设|联合实施|联合打造")
_ENGAGE = re.compile("聘任|聘请|聘用")
#: A与B + 签约, (no agreement named): a deal between the two
_BARE_SIGN = re.compile("(?:正式|现场|成功|集中)?签约(?=[,。;])")
#: the parties of a deal taken together: 三方, 三地, 各方
_ALL_PARTIES = re.compile("[三四五六七八九]方|[三四五六七八九]地|多方|各方")
_SUBSIDIARY = re.compile("(?:旗下(?:的|拥有|有)?|下设(?:的)?|通过其?|透过其?)(?:[\u4e00-\u9fff]{1,4}?子公司)?|(?:的|新?(?:设立|成立|组建)的)?(?:全资|控股)子公司")
#: (X旗下香港子公司Y, X通过其在华子公司Y: the descriptor says where the subsidiary is, Y is named after it)

#: a deal signed between two bodies: 签订战略合作协议, 签署协议, 达成合作, 签署“5G+工业互联网”战略合作协议
_SIGN_DEAL = re.compile(r"(?:在[^,。;与和]{1,10}?)?(?:正式|共同|现场)?(?:签订|签署|签下|达成)(?:了)?(?:《[^》]{2,40}(?:协议|备忘录|合同)》|[^,。;《“]{2,24}?(?<!投资|入园|落户|项目)(?:协议|备忘录|合同)(?!书?[^,。;]{0,3}项目)|(?:“[^”]{1,24}”)?(?:[^,。;]{2,16}?项目|[\u4e00-\u9fff]{2,4}(?=(?:战略)?合作(?:框架)?协议))?(?:投资(?=合作))?(?:全面|深度|校企|政企|产学研|校地)?(?:战略)?(?:合作|共建|框架|合作框架|合作备忘录|备忘录|联合研发|技术合作|研发合作)*(?:协议|合作))")


@component("organisations")
def organisations(doc: Doc) -> None:
    text = doc.text
    partner = _rx("partner")
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        prev_left = None  # the party of the sentence's last deal (for a clause that leaves it out)
        # A与B共建 / 由A、B共同实施 / 公司与B共建
        for vm in _WITH.finditer(s.text):
            at = s.start + vm.start()
            right = next((m for m in sm if m.start == at + 1 and _is_org(_type(doc, m))), None)
            if right is None:
                continue
            # A与B、C分别签署合作协议: every body of the list is a party
            rights = [right]
            for m in sm:
                if m.start > rights[-1].end and text[rights[-1].end : m.start] in ("、", "和", "及") and _is_org(_type(doc, m)):
                    rights.append(m)
                elif m.start > rights[-1].end:
                    break
            end = rights[-1].end + (2 if text.startswith("分别", rights[-1].end) else 0)
            signed = _SIGN_DEAL.match(text, end, min(s.end, end + 40)) or _BARE_SIGN.match(text, end)
            if signed and (len(rights) > 1 or _AND_THEN.search(text, max(s.start, at - 3), at)):
                left = next((m for m in reversed(sm) if m.end <= at and _ADVERBS.fullmatch(text, m.end, at) and _is_org(_type(doc, m))), None)
                if left is None and _AND_THEN.search(text, max(s.start, at - 3), at) and sm and _is_org(_type(doc, sm[0])) \
                        and sm[0].end < at and _LEAD_IN.fullmatch(text, s.start, sm[0].start):
                    left = sm[0]  # 仪式上,X发起设立Y基金,并与A、B分别签署合作协议: X, the sentence's subject
                    rights.insert(0, rights[0])  # (every party of the list: the first is not paired below)
                for r in rights[1:] if left is not None else []:
                    doc.relate("partnerOf", left.label, r.label, s.index)
                if left is not None and len(rights) > 1 and _ALL_PARTIES.search(s.text):
                    for i, a in enumerate(rights):  # A与B、C签署…协议,三地将…: every party with every other
                        for b in rights[i + 1 :]:
                            if a.label != b.label:
                                doc.relate("partnerOf", a.label, b.label, s.index)
            # A与B对接,携手… : the cooperation word after a first contact
            liaise = re.match("(?:对接|洽谈|会商|沟通),?", text[right.end : right.end + 3])
            after = right.end + (liaise.end() if liaise else 0)
            after += len(re.match("(?:还|也|又|将|已|正式|现场|签约)*", text[after : after + 6]).group())  # A与B还联合发布, 签约共建
            if not partner.match(text, after, after + 8) and not partner.match(text[after : after + 8]) and not signed:
                continue
            left = next((m for m in reversed(sm) if m.end <= at and _ADVERBS.fullmatch(text, m.end, at) and _is_org(_type(doc, m))), None)
            if left is not None and left.end < at and text[left.end] == ",":
                # A联合B,与C签订…协议: A and B on one side
                ally = next((m for m in reversed(sm) if m.end <= left.start and re.fullmatch("(?:联合|携手|会同)", text[m.end : left.start])
                             and _is_org(_type(doc, m))), None)
                if ally is None and not re.search("(?:联合|携手|会同)$", text[max(s.start, left.start - 2) : left.start]):
                    left = None
                elif ally is not None:
                    doc.relate("partnerOf", ally.label, left.label, s.index)
                    if signed or partner.match(text, right.end, right.end + 8):
                        doc.relate("partnerOf", ally.label, right.label, s.index)
            left_label = left.label if left else None
            if left is None and text[at - 2 : at] == "公司":
                firms = [m for m in doc.mentions if m.end <= at and _type(doc, m) == "Company" and m.label != right.label]
                left_label = firms[-1].label if firms else None
            if left_label is None:
                # 该公司…,与B共建了…: the firm 该公司 stands for, or the one the sentence opens with
                clause = clause_start(text, s.start, at)
                bare = _BARE_FIRM.match(text, s.start)
                if bare is not None and clause > s.start:
                    left_label = bare_firm_before(doc, s.start, bare.end())
                elif (topic := topic_org(doc, sm, s, clause, at)) is not None:
                    left_label = topic.label
                left_label = None if left_label == right.label else left_label
            if left_label is None and prev_left is not None and prev_left != right.label \
                    and _ELIDED_SUBJECT.search(text, max(s.start, at - 3), at):
                left_label = prev_left  # A与B签订…协议;与C签订协议: A, the subject the clause leaves out
            lefts = [left_label] if left_label else []
            if vm.group() == "与" and (left is None or text[left.start - 1 : left.start] == "、"):
                # A、B等4家企业与C签订战略合作协议; A、B与C签署协议,三方将共建…
                subs = _subjects_before(doc, sm, at)
                if len(subs) == 1 and re.match("(?:企业|公司|单位|机构)", text[subs[0].end : subs[0].end + 2]):
                    # 等4家本地工程机械企业: a descriptor, not a name of the list
                    subs = _subjects_before(doc, sm, subs[0].start)
                lefts = [m.label for m in subs if _is_org(_type(doc, m)) and m.label != right.label] or lefts
                if len(lefts) >= 2 and re.search("三方|四方|多方|各方", s.text):
                    for a in lefts:
                        for b in lefts:
                            if a < b:
                                doc.relate("partnerOf", a, b, s.index)
            for lab in lefts:
                doc.relate("partnerOf", lab, right.label, s.index)
            prev_left = lefts[0] if lefts else prev_left
        # A携手B / A将携手B
        for vm in _HAND_IN_HAND.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            right = next((m for m in sm if m.start == v_end and _is_org(_type(doc, m))), None)
            left = next((m for m in reversed(sm) if m.end <= v_start and re.fullmatch("(?:将|正式|再次|已|还|也|共同|积极)*", text[m.end : v_start])), None)
            if right is not None and left is not None and _is_org(_type(doc, left)):
                doc.relate("partnerOf", left.label, right.label, s.index)
        for vm in _JOINTLY.finditer(s.text):
            v_start = s.start + vm.start()
            subs = _subjects_before(doc, sm, v_start)
            orgs = [m for m in subs if _is_org(_type(doc, m))]
            if len(orgs) >= 2 and text[orgs[0].end : v_start] == "":
                for a in orgs:
                    for b in orgs:
                        if a.label < b.label:
                            doc.relate("partnerOf", a.label, b.label, s.index)
        # X 聘任/聘请 A、B、C
        for vm in _ENGAGE.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            subj = [m for m in sm if m.end <= v_start and _is_org(_type(doc, m))]
            if not subj:
                continue
            for x in _list_after(doc, sm, v_end):
                if _is_org(_type(doc, x)):
                    doc.relate("partnerOf", subj[-1].label, x.label, s.index)
    # subsidiaries: 友达光电(昆山)有限公司 -> 友达光电 ; 清华大学苏州环境创新研究院 -> 清华大学
    for e in list(doc.entities.values()):
        if not _is_org(e.type):
            continue
        if "(" in e.label:
            brand = e.label[: e.label.index("(")]
            parent = doc.entities.get(brand)
            if parent is not None and parent is not e and _is_org(parent.type):
                doc.relate("subsidiaryOf", e.label, parent.label, e.mentions[0].sentence if e.mentions else 0)
                continue
        g = _GOV_UNIT.match(e.label) if e.type == "GovernmentBody" else None
        if g and not doc.has_relation("subsidiaryOf", e.label):
            # 国台办经济局 -> 国台办, 工信部电子信息司 -> 工信部: a department of the organ it is named after
            parent = doc.entity(g.group(1))
            if parent is None or parent.type == "GovernmentBody":
                doc.ensure_entity("GovernmentBody", g.group(1))
                doc.relate("subsidiaryOf", e.label, g.group(1), e.mentions[0].sentence if e.mentions else 0)
                continue
        label, seen = e.label, 0
        while seen < 3:
            parent = _parent_org(doc, label)
            if not parent:
                break
            typ, plabel = parent
            doc.ensure_entity(typ, plabel)
            doc.relate("subsidiaryOf", label, plabel, e.mentions[0].sentence if e.mentions else 0)
            label, seen = plabel, seen + 1
    _state_platforms(doc)
    for e in list(doc.entities.values()):
        if e.type == "GovernmentBody" and e.label.endswith("政府办公室") and e.mentions:
            # 沈阳市人民政府办公室: the office of the government it names
            gov = doc.ensure_entity("GovernmentBody", e.label[: -len("办公室")])
            doc.relate("subsidiaryOf", e.label, gov.label, e.mentions[0].sentence)
    _held_by(doc)
    _sets_up_subsidiary(doc)
    _stated_parents(doc)
    _founded_in(doc)
    _listed_subsidiaries(doc)
    _builders_together(doc)
    _led_with(doc)
    _firm_centres(doc)
    # a ministry's unit named right after it: 科技部中国科学技术交流中心
    ms = doc.mentions
    for a, b in zip(ms, ms[1:]):
        if a.end == b.start and _type(doc, a) == "GovernmentBody" and a.label.endswith(("部", "总局")) \
                and _is_org(_type(doc, b)) and re.search("(?:中心|司|局|院|所)$", b.label) and not b.label.startswith(a.label):
            doc.relate("subsidiaryOf", b.label, a.label, doc.sentence_at(a.start))


#: what may stand between a body and the 与/同 of its deal: 管委会又同X签下…, A迅速与B对接; or A联合B,与C
#: a second act of the sentence's subject: …,并与 / ,同时与
_AND_THEN = re.compile(",(?:并|并且|同时|还|也|随后)$")
#: what may stand before a sentence's subject: 仪式上, 会上, 当天
_LEAD_IN = re.compile("(?:[\u4e00-\u9fff]{1,4}上,|会上,|同时,|此外,|当天,)?")
#: a clause that opens on 与 with no subject of its own, after a clause mark (;与C签订协议)
_ELIDED_SUBJECT = re.compile("[;,](?:并|还|另|同时)?$")
_ADVERBS = re.compile("\\)?(?:,)?(?:又|也|还|再|已|已经|均|将|迅速|积极|正式|率先|分别|首先|随后|当天|现场|近日|日前|今天|昨天|上午|下午|\\d{1,2}日)*")


#: an organ's department named after it: 国台办经济局, 工信部电子信息司, 市委办公室 of 苏州市委
_GOV_UNIT = re.compile("^([^,。、]{2,10}?(?:[办部厅]|委(?!会|员)|委会|委员会))([^,。、会]{2,6}[局司处]|办公室)$")


#: what only completes a firm's legal name (集团 + 有限公司 is one firm, not a subsidiary)
_LEGAL_FORM = re.compile(r"(?:\(集团\))?(?:股份)?(?:有限)?(?:责任)?公司")
#: the units of a body that are not bodies of their own kind: 商务部外资司, 南京大学苏州校区
_UNIT = re.compile(r"(?:[^,。;、]{1,6}(?:司|校区|分校|分院|分公司))$")


@lru_cache(maxsize=1)
def _org_suffixes() -> tuple[str, ...]:
    """The lexicon's suffixes of organisations (for one ``str.endswith`` of them all)."""
    return tuple(suf for suf, (t, _) in lexicon().suffixes.items() if t in ORG)


def _parent_org(doc: Doc, label: str) -> tuple[str, str] | None:
    """The body a name opens with, the nearest one (中国科学院物理研究所清洁能源实验室 ->
    中国科学院物理研究所, which in turn -> 中国科学院)."""
    lex = lexicon()
    best = None
    m = lex.known_org_re.match(label)
    if m and len(label) - m.end() >= 3:
        typ, known = lex.known_orgs[m.group()]
        best = (typ, m.group() if doc.entity(m.group()) or m.group() != known else known)
    for sm in lex.suffix_re.finditer(label):
        typ, min_stem = lex.suffixes[sm.group()]
        if typ not in ("ResearchInstitute", "University", "Company") or sm.end() >= len(label) - 1:
            continue
        if label[sm.end() : sm.end() + 1] in ("—", "-") or "-" in label[: sm.start()] or "—" in label[: sm.start()]:
            continue  # 新疆大学—远景储能联合研发中心, 聚宏-北部湾大学高分子材料联合研发中心: a joint body of two, not a part of either
        if sm.start() < max(2, min_stem) or label[sm.end() : sm.end() + 1] in (")", "）") or label.count("(", 0, sm.end()) > label.count(")", 0, sm.end()):
            continue
        rest = label[sm.end():]
        if _LEGAL_FORM.fullmatch(rest):
            continue
        if not rest.endswith(_org_suffixes()) and not _UNIT.fullmatch(rest):
            continue
        if len(rest) < 3 and not _UNIT.fullmatch(rest):
            continue
        if best is None or sm.end() > len(best[1]):
            best = (typ, label[: sm.end()])
    return best


#: what may open a sentence before the firm it is about
_ABOUT_LEAD = re.compile("(?:据介绍|据了解|资料显示|另悉)?,?")


def _held_by(doc: Doc) -> None:
    """X旗下的Y(、Z) / X的全资子公司Y -> Y subsidiaryOf X."""
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for vm in _SUBSIDIARY.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            # the owner right before, or its short form in brackets right before (X有限公司(X集团)全资子公司Y)
            at = v_start - 1 if doc.text[v_start - 1 : v_start] == ")" else v_start
            owner = next((m for m in reversed(sm) if m.end == at and _is_org(_type(doc, m))), None)
            if owner is None and vm.group().startswith("旗下") and doc.text[v_start - 1 : v_start] == "," and sm \
                    and sm[0].start == _ABOUT_LEAD.match(doc.text, s.start).end() and _is_org(_type(doc, sm[0])):
                owner = sm[0]  # (据介绍,)X成立于1998年,旗下拥有A、B等子公司: the firm the sentence is about
            if owner is None:
                continue
            items = _list_after(doc, sm, v_end)
            for x in items:
                # the run of bodies of one kind (旗下的A公司、B公司、张浦镇人民政府与… -> A, B)
                if _type(doc, x) != _type(doc, items[0]) or not _is_org(_type(doc, x)):
                    break
                if _type(doc, x) == "GovernmentBody" and _type(doc, owner) != "GovernmentBody":
                    break
                if x.label != owner.label:
                    doc.relate("subsidiaryOf", x.label, owner.label, s.index)


#: X将在P设立全资子公司Y: the parent, where, and the subsidiary after it
_SET_UP_SUBSIDIARY = re.compile(r"(?:将|拟|已|计划)?在[^,。;在]{2,20}?(?:注册)?(?:设立|成立|组建|新设)(?:了)?(?:的)?(?:全资|控股|独资)?子公司")


def _sets_up_subsidiary(doc: Doc) -> None:
    """X将在P设立全资子公司Y -> Y subsidiaryOf X (X: the body right before, or the sentence's topic)."""
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for vm in _SET_UP_SUBSIDIARY.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            child = next((m for m in sm if m.start == v_end and _type(doc, m) == "Company"), None)
            if child is None:
                continue
            parent = next((m for m in reversed(sm) if m.end <= v_start and _ADVERBS.fullmatch(text, m.end, v_start)), None)
            if parent is None:
                clause = clause_start(text, s.start, v_start, _CLAUSE_MARKS)
                parent = topic_org(doc, sm, s, clause, v_start)
            if parent is not None and _is_company(_type(doc, parent)) and parent.label != child.label:
                doc.relate("subsidiaryOf", child.label, parent.label, s.index)


#: clause marks (cleaned text has them folded to ASCII; hand-made text may not)
_CLAUSE_MARKS = ",;:，；："


#: what a run of bodies does together: (三方)共建, 共同建设, 联合共建
_TOGETHER = re.compile("(?:[两三四五六七八九十]方|各方|多方)?(?:共同|联合)?(?:共建|建设|组建|打造)")
_RUN_JOIN = ("、", "和", "与", "及", "以及")


def _builders_together(doc: Doc) -> None:
    """A、B和C(三方)共建X: the bodies of the run are partners, each with each."""
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if len(sm) < 3:
            continue  # (a run of three bodies at least, below)
        sm = orgs_of(doc, sm)
        k = 0
        while k < len(sm):
            run = [sm[k]]
            while k + len(run) < len(sm) and text[run[-1].end : sm[k + len(run)].start] in _RUN_JOIN:
                run.append(sm[k + len(run)])
            k += len(run)
            tail = _TOGETHER.match(text, run[-1].end)
            if len(run) < 3 or tail is None or not (tail.group().startswith(("共", "联")) or tail.group()[:2].endswith("方")):
                continue  # (two bodies with 与 are the first rule's; a list needs 共同/联合/N方 before the verb)
            labels = list(dict.fromkeys(doc.entity(m.label).label for m in run))
            for i, a in enumerate(labels):
                for b in labels[i + 1 :]:
                    doc.relate("partnerOf", a, b, s.index)


def _is_company(t: str | None) -> bool:
    return t == "Company"


#: Sentences that state a parent: a word before Y, words after it, and the kinds X and Y may be.
#: X是Y(在华)的全资子公司, X是Y在华中地区设立的全资子公司 (any organisation); X由Y投资设立 (firms).
_PARENT_FRAMES = (
    (re.compile("(?:是|为|系)$"), re.compile("(?:在[^,。;的]{1,6}?(?:设立|成立|投资设立|注册成立)?)?的?(?:全资|控股|独资)?子公司"), _is_org),
    (re.compile("由$"), re.compile("(?:全资|独资|控股)?(?:投资|出资)?(?:设立|成立|组建|创办|注册成立|控股)"), _is_company),
    (re.compile("(?:是|为|系)$"), re.compile("(?:全资|独资|控股)?(?:投资|出资)(?:设立|成立|组建)的"), _is_org),
    (re.compile("作为$"), re.compile("的?(?:全资|控股|独资)子公司"), _is_org),  # (X,)作为Y全资子公司
    (re.compile("隶属于?$"), re.compile(""), _is_company),  # 该公司隶属X集团
)
#: the last characters of the frames' verbs (and the newline a ``$`` may stand before)
_PARENT_VERB_ENDS = frozenset("是为系由属于\n")

#: X作为市级国有出资平台, X是Y政府出资设立的产业投资平台: the government's own vehicle.
_STATE_PLATFORM = re.compile("(?:是|为|系|作为)[^,。;]{0,20}?(?:国有|国资|政府出资|政府全资|市属|省属|区属|县属)[^,。;]{0,12}?平台"
                             "|等?(?:市属|省属|区属|县属|区级|市级)(?:国企|国有企业|国有平台)")  # X等区属国企


def _state_platforms(doc: Doc) -> None:
    """A firm the text presents as a government's own vehicle is a GovernmentBody (SCHEMA.md 3.1)."""
    for m in doc.mentions:
        if m.type == "Company" and _STATE_PLATFORM.match(doc.text, m.end):
            e = doc.entity(m.label)
            if e is not None and e.type == "Company":
                e.type = "GovernmentBody"


#: X旗下拥有A、B等(多家)子公司, 新集团下设A、B等子公司, X设立A、B两家子公司: the firms listed are X's.
_OWNS = re.compile("旗下(?:拥有|有|包括|设有)?|下设|下辖|(?:设立|组建|新设)(?:了)?")
_SUBSIDIARIES_END = re.compile("(?:等(?:[^,。;]{0,4})?|[两二三四五六七八九十\\d]+家)(?:子公司|下属企业|控股子公司|全资子公司)")


def _listed_subsidiaries(doc: Doc) -> None:
    """X…,旗下拥有A、B等多家子公司: each firm of the list is a subsidiary of the sentence's firm (the one
    named last before 旗下, or the sentence's topic)."""
    text = doc.text
    for s in doc.sentences:
        for om in _OWNS.finditer(s.text):
            at, after = s.start + om.start(), s.start + om.end()
            end = _SUBSIDIARIES_END.search(text, after, s.end)
            if end is None or re.search("[,。;]", text[after : end.start()]):
                continue
            sm = _sent_mentions(doc, s)
            owner = next((m.label for m in reversed(sm) if m.end <= at and _is_org(_type(doc, m))), None)
            if owner is None:
                owner = bare_firm_before(doc, clause_start(text, s.start, at), at)  # 新集团下设A、B等子公司
            if owner is None:
                continue
            for m in sm:
                if after <= m.start and m.end <= end.start() and _is_company(_type(doc, m)) and m.label != owner:
                    doc.relate("subsidiaryOf", m.label, owner, s.index)


#: both or all of the subjects before 是/为: A和B均为Y的子公司
_BOTH = re.compile("(?:均|都|皆|同)$")


def _stated_parents(doc: Doc) -> None:
    """X是Y的全资子公司 / X由Y投资设立 -> X subsidiaryOf Y.

    X is the body named right before 是/由, or, for a bare subject (该公司是…), the firm it
    stands for (:func:`~kg.extract.components.refs.bare_firm_before`)."""
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for y in sm:
            if text[y.start - 1 : y.start] not in _PARENT_VERB_ENDS:
                continue  # (no frame's verb ends right before Y: the searches below would find none)
            y_type = _type(doc, y)  # (relate below changes no entity)
            for before, after, fits in _PARENT_FRAMES:
                b = before.search(text, max(s.start, y.start - 3), y.start) if fits(y_type) else None
                if b is None or not after.match(text, y.end, s.end):
                    continue
                at = b.start()  # where 是, 由 or 作为 stands
                x = next((m.label for m in sm if m.end == at and fits(_type(doc, m))), None)
                if x is None and (both := _BOTH.search(text, max(s.start, at - 2), at)) is not None:
                    # A和B均为Y的全资子公司: each firm of the list before 均
                    for m in _subjects_before(doc, sm, both.start()):
                        if fits(_type(doc, m)) and m.label != y.label:
                            doc.relate("subsidiaryOf", m.label, y.label, s.index)
                    continue
                if x is None and b.group() == "作为" and text[at - 1 : at] == ",":
                    # A更名为B,作为Y全资子公司: the body the clause before ends with
                    x = next((m.label for m in reversed(sm) if m.end == at - 1 and fits(_type(doc, m))), None)
                if x is None:
                    clause = clause_start(text, s.start, at, _CLAUSE_MARKS)
                    x = bare_firm_before(doc, clause, at)
                    if x is None:
                        # 其中,X去年落户Y,由Z投资设立: the firm the sentence opens with
                        topic = topic_org(doc, sm, s, clause, at, others=("Person",))
                        x = topic.label if topic is not None else None
                if x is not None and x != y.label:
                    doc.relate("subsidiaryOf", x, y.label, s.index)


#: X(投资N,)在P设立 + Y有限公司: the firm X founds somewhere is its subsidiary
_FOUNDS_IN = re.compile(r"(?:将|拟|已|还|又)?(?:(?:投资|出资)[^,。;]{1,12}?,?)?在[^,。;在]{1,14}?(?:投资)?(?:设立|成立|注册成立|注册设立|组建|新设)(?:了)?(?:全资子公司)?")


def _founded_in(doc: Doc) -> None:
    """X投资3000万美元,在P设立Y有限公司 -> Y subsidiaryOf X (a firm founded by one firm alone)."""
    text = doc.text
    for s in doc.sentences:
        if "在" not in s.text:
            continue  # (_FOUNDS_IN holds 在, inside the sentence)
        sm = _sent_mentions(doc, s)
        for i, x in enumerate(sm):
            if _type(doc, x) != "Company":
                continue
            f = _FOUNDS_IN.match(text, x.end, s.end)
            if f is None or text[x.start - 1 : x.start] in ("与", "和", "同", "、"):
                continue  # (A与B在P设立C: a joint venture, the joint_ventures step's)
            y = next((m for m in sm[i + 1 :] if m.start == f.end()), None)
            if y is not None and _type(doc, y) == "Company" and y.label.endswith("有限公司") \
                    and doc.entity(y.label) is not doc.entity(x.label):
                doc.relate("subsidiaryOf", y.label, x.label, s.index)


_CENTRE = re.compile("^(.{2,4}?)(?:长三角|华东|华南|华北|中国|全球|亚太|国际)?(?:研发中心|研究院|技术中心|创新中心|工程中心)$")


def _firm_centres(doc: Doc) -> None:
    """A firm's own centre named with its brand and a region (卫蓝长三角研发中心 -> the firm
    whose name, after its places, opens with 卫蓝)."""
    lex = lexicon()
    centres = []
    for e in doc.entities.values():
        if e.type not in ("ResearchInstitute", "Park") or not e.mentions:
            continue
        m = _CENTRE.match(e.label)
        if not m or m.group(1) in lex.places or m.group(1) in lex.industries:
            continue
        centres.append((e, m.group(1)))
    if not centres:
        return  # (the firms' names below serve only a centre's brand)
    firms = []
    for e in doc.entities.values():
        if e.type != "Company":
            continue
        for n in {e.label, *e.aliases}:
            k = 0
            while k < len(n) - 2:
                p = next((n[k : k + j] for j in (3, 2) if n[k : k + j] in lex.places), None)
                if not p:
                    break
                k += len(p)
            firms.append((n[k:], e.label))
    for e, brand in centres:
        owners = sorted({lab for n, lab in firms if n.startswith(brand) and lab != e.label})
        if len(owners) == 1:
            doc.relate("subsidiaryOf", e.label, owners[0], e.mentions[0].sentence)


#: A牵头,联合B、C共同组建: the leader and the bodies it joins with
_LEADS_WITH = re.compile("牵头,?(?:联合|携手|会同)")


def _led_with(doc: Doc) -> None:
    """该中心由A牵头,联合B、C、D共同组建: A is a partner of each body it joins with."""
    text = doc.text
    for s in doc.sentences:
        for vm in _LEADS_WITH.finditer(s.text):
            at, after = s.start + vm.start(), s.start + vm.end()
            sm = _sent_mentions(doc, s)
            lead = next((m for m in sm if m.end == at and _is_org(_type(doc, m))), None)
            if lead is None:
                continue
            listed = _list_after(doc, sm, after)
            if not listed or text.startswith("等", listed[-1].end):
                continue  # 联合B、C等32家单位组建: the members of an alliance, not partners each
            for x in listed:
                if _is_org(_type(doc, x)) and x.label != lead.label:
                    doc.relate("partnerOf", lead.label, x.label, s.index)
