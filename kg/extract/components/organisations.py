"""Organisations: partnerOf and subsidiaryOf."""

from __future__ import annotations

import re

from kg.extract.components.clauses import (
    ORG,
    _is_org,
    _list_after,
    _rx,
    _subjects_before,
    _type,
)
from kg.extract.components.refs import (
    bare_firm_before,
    clause_start,
    past_short_form,
    sentences_mentions,
    short_form_open,
)
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.subsidiaries import (
    _ADVERBS,
    _builders_together,
    _founded_in,
    _held_by,
    _holds_whole,
    _listed_subsidiaries,
    _parent_org,
    _sets_up_subsidiary,
    _state_platforms,
    _stated_parents,
    _sub_funds,
)
from kg.extract.components.entities import _merge
from kg.extract.components.topics import _BARE_FIRM, topic_org
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.registry import component

# Patterns used per sentence (compiled once).
_WITH = re.compile("与|和|同|联合")
#: what the second party is, between 与 and its name: 与 + 大陆设备商, 当地龙头企业
_PARTY_DESCRIPTOR = re.compile("[\u4e00-\u9fff]{1,6}?(?:商|厂商|龙头企业|龙头|巨头)")
#: a place the parties act in, between the second party and the act (A与B在P共建X)
_WHERE_BEFORE_ACT = re.compile("(?:在[^,。;与和]{1,8}?(?=共建|合作|共同|联合|携手))?")
_HAND_IN_HAND = re.compile("携手")
#: A联合B + 共同出资设立 (founding together, after the second party and its short form)
_JOINED_BY = re.compile("联合")
_FOUNDED_TOGETHER = re.compile(",?(?:共同)?(?:出资|投资)?(?:发起)?(?:设立|成立|组建|发起)")  # (由A联合B,设立…基金: also after a comma)
_JOINTLY = re.compile("共同实施|共同打造|共同建设|联合实施|联合打造")
_ENGAGE = re.compile("聘任|聘请|聘用")
#: A与B + 签约, (no agreement named): a deal between the two
_BARE_SIGN = re.compile("(?:正式|现场|成功|集中)?签约(?=[,。;])")
#: the count of a list of parties: A、B两家企业(分别)
_COUNTED_PARTIES = re.compile(r"(?:[两二三四五六七八九十]|\d+)家(?:企业|公司|单位|机构|高校)?(?:分别)?")
#: the parties of a deal taken together: 三方, 三地, 各方
_ALL_PARTIES = re.compile("[三四五六七八九]方|[三四五六七八九]地|多方|各方")

#: a deal signed between two bodies: 签订战略合作协议, 签署协议, 达成合作, 签署“5G+工业互联网”战略合作协议, 还签署了…协议
_SIGN_DEAL = re.compile(r"(?:还|也|又|同时)?(?:在[^,。;与和]{1,10}?)?(?:正式|共同|现场)?(?:签订|签署|签下|达成)(?:了)?(?:《[^》]{2,40}(?:协议|备忘录|合同)》|[^,。;《“]{2,24}?(?<!入园|落户|项目)(?:协议|备忘录|合同)(?!书?[^,。;]{0,3}项目)|(?:“[^”]{1,24}”)?(?:[^,。;]{2,16}?项目|[\u4e00-\u9fff]{2,4}(?=(?:战略)?合作(?:框架)?协议))?(?:投资(?=合作))?(?:全面|深度|校企|政企|产学研|校地)?(?:战略)?(?:合作|共建|框架|合作框架|合作备忘录|备忘录|联合研发|技术合作|研发合作)*(?:协议|合作))")


@component("organisations")
def organisations(doc: Doc) -> None:
    text = doc.text
    partner = _rx("partner")
    # (the loops below after the first run per sentence only when the text holds the words their
    # patterns cannot match without: most texts hold none of 携手, 联合, 聘)
    hand_in_hand, joined, engage = "携手" in text, "联合" in text, "聘" in text
    jointly = joined or "共同" in text
    starts = {m.start for m in doc.mentions}  # (most 与 and 和 start no mention after them: one set test)
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        prev_left = None  # the party of the sentence's last deal (for a clause that leaves it out)
        # A与B共建 / 由A、B共同实施 / 公司与B共建
        for vm in _WITH.finditer(s.text):
            at, after = s.start + vm.start(), s.start + vm.end()
            if after not in starts:
                said = _PARTY_DESCRIPTOR.match(text, after, s.end)  # 与 + 大陆设备商 + X有限公司: what the party is, then its name
                if said is None or said.end() not in starts:
                    continue
                after = said.end()
            right = next((m for m in sm if m.start == after and _is_org(_type(doc, m))), None)
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
            if len(rights) > 1 and (counted := _COUNTED_PARTIES.match(text, end)) is not None:
                end = counted.end()  # 与A、B两家企业(分别)签订投资协议: the parties counted
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
            after += len(_WHERE_BEFORE_ACT.match(text, after, after + 12).group())  # A联合B + 在玉溪 + 共建X
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
        for vm in _HAND_IN_HAND.finditer(s.text) if hand_in_hand else ():
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            right = next((m for m in sm if m.start == v_end and _is_org(_type(doc, m))), None)
            left = next((m for m in reversed(sm) if m.end <= v_start and re.fullmatch("(?:将|正式|再次|已|还|也|共同|积极)*", text[m.end : v_start])), None)
            if right is not None and left is not None and _is_org(_type(doc, left)):
                doc.relate("partnerOf", left.label, right.label, s.index)
        for vm in _JOINED_BY.finditer(s.text) if joined else ():
            # 由A(简称)联合B(简称)共同出资设立: the two that found it together
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            right = next((m for m in sm if m.start == v_end and _is_org(_type(doc, m))), None)
            at = short_form_open(text, v_start, s.start) if text[v_start - 1 : v_start] == ")" else v_start
            left = next((m for m in reversed(sm) if m.end == at and _is_org(_type(doc, m))), None)
            if right is None or left is None:
                continue
            if _FOUNDED_TOGETHER.match(text, past_short_form(text, right.end)):
                doc.relate("partnerOf", left.label, right.label, s.index)
        for vm in _JOINTLY.finditer(s.text) if jointly else ():
            v_start = s.start + vm.start()
            subs = _subjects_before(doc, sm, v_start)
            orgs = [m for m in subs if _is_org(_type(doc, m))]
            if len(orgs) >= 2 and text[orgs[0].end : v_start] == "":
                for a in orgs:
                    for b in orgs:
                        if a.label < b.label:
                            doc.relate("partnerOf", a.label, b.label, s.index)
        # X 聘任/聘请 A、B、C
        for vm in _ENGAGE.finditer(s.text) if engage else ():
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            subj = [m for m in sm if m.end <= v_start and _is_org(_type(doc, m))]
            if not subj:
                continue
            for x in _list_after(doc, sm, v_end):
                if _is_org(_type(doc, x)):
                    doc.relate("partnerOf", subj[-1].label, x.label, s.index)
    # subsidiaries: 友达光电(昆山)有限公司 -> 友达光电 ; 清华大学苏州环境创新研究院 -> 清华大学
    for e in list(doc.entities.values()):
        if e.type not in ORG:  # (_is_org without its call per entity)
            continue
        if "(" in e.label:
            brand = e.label[: e.label.index("(")]
            parent = doc.entities.get(brand)
            if parent is not None and parent is not e and _is_org(parent.type):
                seat = e.label[len(brand) : e.label.find(")") + 1]
                if parent.mentions and all(text.startswith(seat, m.end) for m in parent.mentions):
                    _merge(doc, e.label, brand)  # 岚泰电子(滁州)与…签约: the firm's short form, never its brand alone
                    held = [r for r in doc.relations if brand in (r.subject, r.object)]
                    doc.relations[:] = [r for r in doc.relations if brand not in (r.subject, r.object)]
                    for r in held:  # (its facts so far, told again of the firm)
                        doc.relate(r.predicate, r.subject, r.object, r.sentence, r.title)
                    continue
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
    _holds_whole(doc)
    _sets_up_subsidiary(doc)
    _stated_parents(doc)
    _founded_in(doc)
    _listed_subsidiaries(doc)
    _sub_funds(doc)
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


#: an organ's department named after it: 国台办经济局, 工信部电子信息司, 市委办公室 of 苏州市委
_GOV_UNIT = re.compile("^([^,。、]{2,10}?(?:[办部厅]|委(?!会|员)|委会|委员会))([^,。、会]{2,6}[局司处]|办公室)$")


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
