"""Figures stated respectively: A和B同步揭牌,规模分别为20亿元和15亿元 gives the first amount to
the first body named and the second to the second (investment)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.refs import sentences_mentions
from kg.extract.doc import Doc
from kg.extract.quantities import AMOUNT_RE, amount_of
from kg.extract.registry import component

_RESPECTIVELY = re.compile("分别(?:为|是|达到?)?")
#: what joins the amounts of the list after 分别为 (20亿元和15亿元, 20亿元、15亿元)
_AMOUNT_JOIN = re.compile("和|及|、|与")
#: what joins the bodies the amounts are of (A和B, A、B及C)
_ITEM_JOIN = ("和", "及", "、", "与")
#: the kinds of what an amount is spent on or raised for
_SIZED = ("Fund", "Project")


@component("respective_amounts")
def respective_amounts(doc: Doc) -> None:
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if "分别" not in s.text:
            continue
        for vm in _RESPECTIVELY.finditer(s.text):
            v_start, pos = s.start + vm.start(), s.start + vm.end()
            amounts = []
            while (am := AMOUNT_RE.match(text, pos)) is not None:
                amounts.append(amount_of(am))
                join = _AMOUNT_JOIN.match(text, am.end())
                if join is None:
                    break
                pos = join.end()
            if len(amounts) < 2:
                continue
            # the run of funds or projects nearest before the verb, joined by 和/、
            before = [m for m in sm if m.end <= v_start and _type(doc, m) in _SIZED]
            if not before:
                continue
            run = [before[-1]]
            for m in reversed(before[:-1]):
                if text[m.end : run[0].start] in _ITEM_JOIN and _type(doc, m) == _type(doc, run[0]):
                    run.insert(0, m)
                else:
                    break
            if len(run) != len(amounts):
                continue
            for m, amt in zip(run, amounts):
                if amt is not None:
                    doc.relate("investment", doc.entity(m.label).label, amt, s.index)
