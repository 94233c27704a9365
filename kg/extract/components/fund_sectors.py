"""A fund's sectors (industries): the list after 投向/支持 in a sentence about the fund
(该基金…,重点投向A、B; X基金专项支持A、B等领域)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.refs import clause_start, fund_before
from kg.extract.components.sector_lists import _industry_list
from kg.extract.doc import Doc, Span
from kg.model import Sentence

#: what a fund invests in: 重点投向A、B, 专项支持A、B等领域, 重点投资A、B
_FUND_VERB = re.compile("(?:重点|主要|专项|专门)?(?:投向|投资于|支持|聚焦|围绕)|(?:重点|主要)投资")
_BARE_FUND = re.compile("(?:该|此次|本次)?(?:子)?基金")
_THIS_FUND = re.compile("(?:该|此次|本次)基金")
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
        funds = [m for m in sm if m.end <= v_start and _type(doc, m) == "Fund"]
        # (X基金规模20亿元,…,Y引导基金参与出资,…,重点投向A: Y pays into X, X is the fund the sentence is about)
        payers = [m for m in funds if _FOUNDERS.match(text, m.end)]
        fund = next((m.label for m in reversed(funds) if not ((opened or len(payers) < len(funds)) and m in payers)), None)
        if fund is None and (_BARE_FUND.match(text, s.start) or _BARE_FUND.match(text, clause)):  # 该基金…, X介绍,基金将…
            fund = fund_before(doc, s.start)  # (also one named only in its ceremony's name: X基金揭牌仪式)
        if fund is None:
            continue
        for ind in inds:
            doc.relate("inIndustry", fund, ind.label, s.index)
