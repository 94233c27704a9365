"""Who spends on a project (projects): the organisation right before 投资 (X投资…, X将在吴江追加
投资…, X有限公司,在P投资N…), a bare 集团/公司 standing for the firm named last, 后者, the
sentence's topic, the firm that signed in its item of a list; A与B共同投资: the two together."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.refs import clause_start, short_form_open
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.stated_investors import _SUBSIDIARY_OF
from kg.extract.components.topics import topic_org
from kg.extract.doc import Doc

#: what is left of a clause before 投资 when it has no subject: adverbs
_SUBJECTLESS_SPEND = re.compile(r"(?:[首一二三四]期)?(?:将|拟|计划|预计|再|又|还|并|共|总|追加|新增)*")  # (二期将再投资: the phase's)
#: Y + 签约, / 签订投资协议, : the rest of a signing clause after the second party
_SIGNED_CLAUSE = re.compile(r"(?:正式|现场)?(?:签约|签订[^,。;]{0,12}?(?:协议|合同)|签署[^,。;]{0,12}?(?:协议|合同)),")
#: 与 + the other party (named or bare: 开发区, 我市) + the rest of a signing clause
_SIGNED_WITH = re.compile(r"(?:\([^(),。;]{2,12}\))?(?:与|同|和)[^,。;与]{1,24}?" + _SIGNED_CLAUSE.pattern)  # (和 too: 发展和改革局)
#: what may open a sentence before the firm that signed: 其中, 会上, 现场, 签约仪式上
_ITEM_LEAD = re.compile("(?:其中|此外|同时|当天|此次|本次|[^,。;]{0,8}?(?:会上|仪式上|典礼上|活动上|活动中|现场))?,?")
_SPEND_ADVERBS = re.compile(r",?(?:将|拟|计划|预计|再|又|还|也|另|同时|共|总|追加|新增|累计|今年|明年|年内|近期|(?:在[^,。;]{1,8}))*$")  # (X有限公司,投资N…)


#: A与B + 共同投资, A与B + 合作,投资: the two that spend together
_TOGETHER_BEFORE = re.compile("(?:(?:将|拟|计划)?(?:共同|联合)|合作,(?:将|拟|计划)?(?:共同)?)$")


#: A投资N, + 与(本地企业)B合资建设Y: the partner after the amount and the verb of building together
_PARTNER_AFTER = re.compile(r",?(?:与|同|和)([^,。;与和]{2,40}?)(?:合资|合作|共同|联合)(?:投资)?(?:建设|兴建|新建|投建|打造|实施)")


def partner_after_spend(doc: Doc, s, end: int) -> tuple[str, int] | None:
    """A投资5200万美元,与济源本地企业B合资建设Y项目: (B, where the project's name may start) for the
    amount ending at ``end``; None when no partner builds with the spender there."""
    m = _PARTNER_AFTER.match(doc.text, end)
    if m is None:
        return None
    orgs = [x for x in _sent_mentions(doc, s) if m.start(1) <= x.start and x.end == m.end(1) and _is_org(_type(doc, x))]
    return (orgs[0].label, m.end()) if orgs else None


def _joint_spenders(doc: Doc, s, pos: int) -> list[str]:
    """A与B共同投资…: the organisations joined by 与/和 right before 共同/联合 and the verb at ``pos``."""
    text = doc.text
    t = _TOGETHER_BEFORE.search(text, s.start, pos)
    if t is None:
        return []
    sm = [m for m in _sent_mentions(doc, s) if m.end <= t.start()]
    if len(sm) < 2 or sm[-1].end != t.start() or not _is_org(_type(doc, sm[-1])):
        return []
    run = [sm[-1]]
    for m in reversed(sm[:-1]):
        if m.end < run[0].start and text[m.end : run[0].start] in ("与", "和", "同", "、") and _is_org(_type(doc, m)):
            run.insert(0, m)
        else:
            break
    return [doc.entity(m.label).label for m in run] if len(run) > 1 else []


def _spender(doc: Doc, s, pos: int) -> str | None:
    """Who spends (X投资…, X将在吴江追加投资…, 集团将…投资…): the organisation right before the verb,
    or a bare 集团/公司 standing for the firm named last."""
    text = doc.text
    head = text[s.start : pos]
    adv = _SPEND_ADVERBS.search(head)
    cut = s.start + (adv.start() if adv else len(head))
    sm = _sent_mentions(doc, s)
    org = next((m for m in reversed(sm) if m.end == cut), None)
    if org is None and (opened := short_form_open(text, cut, s.start)) > s.start:
        org = next((m for m in reversed(sm) if m.end == opened), None)  # X有限公司(X城投)投资N: X
    if org is not None and text[org.start - 1 : org.start] == "在" and _type(doc, org) in ("Place", "Park"):
        # X有限公司,在P投资N兴建Y: the firm before where it spends
        at = org.start - 1 - (text[org.start - 2 : org.start - 1] == ",")
        firm = next((m for m in reversed(sm) if m.end == at), None)
        if firm is not None and _is_org(_type(doc, firm)):
            return firm.label
    if text[cut : cut + 1] == ",":
        # X有限公司,投资N…: the firm that opens the clause before the comma, not the party it signed with
        if org is None or _type(doc, org) != "Company" or text[org.start - 1 : org.start] in ("与", "和", "同"):
            org, cut = None, cut + 1  # (else the clause after the comma has no subject of its own)
    if org is not None:
        return org.label if _is_org(_type(doc, org)) else None
    if text.endswith("后者", s.start, cut):
        # A与B签约,后者将投资N…: the latter, the organisation named last before
        latter = next((m for m in reversed(sm) if m.end <= cut - 2 and _is_org(_type(doc, m))), None)
        return latter.label if latter is not None else None
    bare = re.search("(?:该|这家)?(集团|公司|企业)$", text[s.start : cut])
    if bare:
        firms = [m for m in doc.mentions if m.end <= cut - len(bare.group()) and m.start >= s.start - 200 and _type(doc, m) == "Company"]
        if firms and (bare.group(1) != "集团" or "集团" in firms[-1].label):
            return firms[-1].label
    # X将在P设立Y,…,并投资N建设Z: a clause with no subject of its own is the sentence's topic's
    clause = clause_start(text, s.start, cut)
    topic = topic_org(doc, sm, s, clause, cut)
    if topic is None and _SUBJECTLESS_SPEND.fullmatch(text, clause, cut):
        # (其中,…;)X与Y县政府签约,投资N在P建设Z: the firm that signed, in its item of the list
        item = max(s.start, text.rfind(";", s.start, clause) + 1)
        item += len(_ITEM_LEAD.match(text, item, clause).group())
        firm = next((m for m in sm if m.start == item and _type(doc, m) == "Company"), None)
        if firm is not None and (sub := _SUBSIDIARY_OF.match(text, firm.end)) is not None:
            # 新加坡X控股全资子公司Y(阜阳)有限公司与管委会签约,投资N…: the subsidiary signs and spends
            firm = next((m for m in sm if m.start == sub.end() and _type(doc, m) == "Company"), firm)
        if firm is not None and _SIGNED_WITH.fullmatch(text, firm.end, clause):
            return firm.label  # (the other party named or bare: 与开发区签订投资协议,拟投资N建设Z)
    return topic.label if topic is not None else None
