"""A fund's stake in a firm's project: 基金与X签署投资协议,将向其投资3亿元,用于建设Y项目 and 基金拟出资3亿元投资X
在P建设的Y项目 (the fund and the firm both invest in Y); 基金出资3.5亿元投资X,支持其建设Y项目 (the fund buys into
the firm, which invests in Y)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.refs import clause_start, fund_before
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.spenders import _ITEM_LEAD
from kg.extract.doc import Doc
from kg.extract.registry import component

#: the fund's stake: (将|拟)(向其)出资/投资 + an amount
_STAKE = re.compile(r"(?:将|拟|计划)?(?:向其|向该公司|向该企业)?(?:出资|投资)(?:约|近|超过)?[\d.]+(?:万|亿)?(?:元|美元|欧元|港元)")
#: the fund's own projects, listed after: (首批N个)拟投项目…分别为/包括
_ITS_PROJECTS = re.compile(r"(?:首批)?(?:\d+|[一二两三四五六七八九十]+)?个?(?:拟投|拟投资|投资)项目[^。]*?(?:分别为|分别是|包括)[:,]?")
#: a bare fund opening the sentence's item: 基金, 该基金, 母基金
_BARE_FUND = re.compile("(?:该|此次|本次)?(?:母|子)?基金(?!会)")
#: from the stake to the project it pays for: 用于建设, 支持其(在P)建设, 投资X在P建设的
_TO_BUILD = re.compile("[^。;]{0,40}?(?:建设|新建|扩建)(?:总投资[\\d.]+(?:万|亿)?元)?的?")


@component("fund_stakes")
def fund_stakes(doc: Doc) -> None:
    text = doc.text
    if "基金" not in text:
        return
    for s in doc.sentences:
        if "基金" not in s.text or "建设" not in s.text and "项目" not in s.text:
            continue
        sm = _sent_mentions(doc, s)
        _backers(doc, s, sm)
        lead = s.start + len(_ITEM_LEAD.match(text, s.start, s.end).group())
        opener = next((m for m in sm if m.start == lead), None)
        if opener is not None and _type(doc, opener) == "Fund":
            fund, after, named = opener.label, opener.end, True
        elif (bare := _BARE_FUND.match(text, lead)) is not None and (fund := fund_before(doc, lead)) is not None:
            after, named = bare.end(), False
        else:
            continue
        # (a bare 基金 among several funds, a fund's limited partners too, may be any of them: the firm it
        # pays is still named, the fund is not)
        sure = named or sum(e.type == "Fund" for e in doc.entities.values()) == 1
        listed = _ITS_PROJECTS.search(text, after, s.end)
        if listed is not None and sure:
            # 基金首批3个拟投项目同步签约,…分别为:A公司的X项目、B公司的Y项目: the fund invests in each
            for m in sm:
                if m.start >= listed.end() and _type(doc, m) == "Project":
                    doc.relate("investor", m.label, fund, s.index)
            continue
        stake = _STAKE.search(text, after, s.end) if "建设" in s.text else None
        if stake is None or "。" in text[after : stake.start()]:
            continue
        # the firm: 与X签署…协议,…向其; or 投资X(,支持其 / 在P建设)
        firm = None
        if text.startswith("与", after):
            firm = next((m for m in sm if m.start == after + 1 and _type(doc, m) == "Company"), None)
        in_firm = False  # 出资N投资X,支持其建设Y: the fund buys into the firm, which builds Y
        if firm is None and text.startswith("投资", stake.end()):
            firm = next((m for m in sm if m.start == stake.end() + 2 and _type(doc, m) == "Company"), None)
            in_firm = firm is not None and text.startswith(",", firm.end)
        for m in sm:
            if m.start < stake.end() or _type(doc, m) != "Project":
                continue
            gap = _TO_BUILD.fullmatch(text, stake.end(), m.start)
            if gap is None:
                break
            if not in_firm and sure:
                doc.relate("investor", m.label, fund, s.index)
            if firm is not None:
                doc.relate("investor", m.label, firm.label, s.index)
            break


#: a fund joining a project its clause names: X基金参与投资, 由X基金领投
_BACKS = re.compile("(?:参与投资|领投|跟投|参投)")
_BACKER_GAP = re.compile("(?:共同|也|还|将|已)?")


def _backers(doc: Doc, s, sm: list) -> None:
    """A投资N建设Y项目,X基金参与投资 / 由X基金领投: the fund that joins or leads the project of its
    ;-segment invests in it."""
    text = doc.text
    for vm in _BACKS.finditer(s.text):
        v = s.start + vm.start()
        fund = next((m for m in reversed(sm) if m.end <= v and _type(doc, m) == "Fund"), None)
        if fund is None or not _BACKER_GAP.fullmatch(text, fund.end, v):
            continue
        seg = clause_start(text, s.start, v, ";。")
        project = next((m for m in reversed(sm) if seg <= m.start and m.end <= fund.start and _type(doc, m) == "Project"), None)
        if project is not None:
            doc.relate("investor", project.label, fund.label, s.index)
