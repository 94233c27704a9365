"""The sectors of an event: the sector list of the projects signed or started there
(本次签约项目…覆盖A、B、C等领域; 所涉项目分布在A、B和C等领域)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _event_of_sentence, _type, of_type
from kg.extract.components.industry_lists import _new_sector_word, _sector_stop
from kg.extract.components.refs import sentences_mentions
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import lexicon
from kg.extract.registry import component

#: Verbs that open the sector list of a set of projects.
_SECTOR_VERB = re.compile("覆盖|涵盖|涉及|分布在|分布于|集中在|集中于|聚焦|囊括|横跨|延伸到|延伸至|主要为|主要是|包括")
#: The set of projects signed or started (in the clause before the verb): 本次签约项目, 所涉项目, 制造业项目35个.
_PROJECTS = re.compile(
    r"(?:签约|开工|签下|签订|入园|入驻|落户|落地|所涉|涉及的|参与)[^,。;]{0,12}?项目"
    r"|项目[^。;]{0,16}?(?:签约|开工)|项目(?:共|有)?\d+个|\d+个[^,。;]{0,10}?项目"
)
#: Words that make the projects the ones signed or started (in the sentence or the one before).
_SIGNING = re.compile("签约|开工|签下|签订|签署|入园|入驻|落户|落地|集中|本次|此次|这次|这批|本届")
#: What the list must end with to be a sector list (A、B等领域).
_LIST_END = re.compile("(?:产业)?(?:等|)(?:[^,。;]{0,6}?)(?:领域|产业|行业|服务业|制造业|板块|赛道)")
#: an agreement signed in the sentence, and the fields its two parties will work together in
_AGREED = re.compile("(?:签署|签订)[^,。;]{0,12}?(?:合作)?(?:协议|备忘录)|^(?:根据|按照)(?:协议|约定)")
_FIELDS = re.compile("双方(?:将|还将|今后将)?(?:在|围绕)([^,。;]{2,60}?)(?:等)?(?:领域|方面)(?:开展|深化|加强|展开|进行)?[^,。;]{0,6}合作")
#: Figures of the past or a period: not the event's.
_PAST = re.compile("去年|前年|此前|以来|累计|上一届|上届|历年|近年")


def lists_signed_projects(head: str) -> bool:
    """Whether the words before a sector list speak of the projects signed or started (本次签约项目…)."""
    return _PROJECTS.search(head) is not None


@component("event_sectors")
def event_sectors(doc: Doc) -> None:
    text = doc.text
    sent_event = _event_of_sentence(doc)
    main = doc.notes.get("main_event")
    if main:
        _promoted_in_headline(doc, main)
    para_ev: tuple[int, str] | None = None  # the event named last in the current paragraph
    para, at = 0, 0
    for s, ms in zip(doc.sentences, sentences_mentions(doc)):
        evs = of_type(doc, ms, "Event")
        prev_para = para  # (the paragraph of the sentence before)
        # text.count("\n", 0, s.start), counted on from the previous sentence's start
        para = para + text.count("\n", at, s.start) if s.start >= at else text.count("\n", 0, s.start)
        at = s.start
        ev = evs[0].label if evs else sent_event.get(s.index)
        if ev is None and para_ev is not None and para_ev[0] == para:
            ev = para_ev[1]
        if ev is None and main and s.index <= 6:
            ev = main
        if evs:
            para_ev = (para, evs[-1].label)
        if ev is not None and _AGREED.search(s.text) and (fields := _FIELDS.search(s.text)) is not None:
            # 仪式上,A与B签署战略合作协议,双方将在X、Y和Z等领域深化合作: the fields of the agreement signed there
            for ind in _sector_list(doc, ms, s.start + fields.start(1), s.start + fields.end(1)):
                doc.relate("inIndustry", ev, ind.label, s.index)
        if ev is None or _PAST.search(s.text):
            continue
        host = doc.notes.get("host_event")
        if host and main and doc.entity(ev) is doc.entity(host):
            ev = main  # the fair that hosts the signing ceremony: its signed projects are the ceremony's
        prev = doc.sentences[s.index - 1].text if s.index > 0 and prev_para == para else ""
        signing = _SIGNING.search(s.text) or _SIGNING.search(prev)
        for vm in _SECTOR_VERB.finditer(s.text):
            head = s.text[: vm.start()]
            if not _PROJECTS.search(head) or not signing:
                continue  # 园区现有项目80个,涉及A、B: not what was signed
            inds = _sector_list(doc, ms, s.start + vm.end(), s.end)
            if not inds:
                continue
            for ind in inds:
                doc.relate("inIndustry", ev, ind.label, s.index)


def _sector_list(doc: Doc, ms: list[Span], pos: int, end: int) -> list[Span]:
    """The industries of the list that opens at ``pos`` and runs to the clause end: names the
    lexicon does not know may stand between them (A、B、C等领域)."""
    text = doc.text
    stop = re.compile("[,。;:]").search(text, pos, end)
    clause_end = stop.start() if stop else end
    inds = [m for m in ms if pos <= m.start and m.end <= clause_end and _type(doc, m) == "Industry"]
    if not inds or inds[0].start - pos > 8:
        return []
    if len(inds) < 2 and not _LIST_END.match(text, inds[-1].end):
        return []
    if len(inds) >= 2 and "、" not in text[inds[0].end : inds[-1].start] and not re.search("和|及|与", text[inds[0].end : inds[-1].start]):
        return []
    return inds


#: a headline's promotion of sectors: (X赴港)推介A与B产业
_PROMOTES = re.compile("推介([\u4e00-\u9fff]{2,4}?)(?:(?:与|和|及|、)([\u4e00-\u9fff]{2,4}?))?产业")


def _promoted_in_headline(doc: Doc, main: str) -> None:
    """恩施赴港推介富硒产业: the sectors the headline says the article's promotion event is about
    (written as the headline has them when no lexicon knows them)."""
    text, lex = doc.text, lexicon()
    head = text[: text.find("\n")] if "\n" in text else text
    m = _PROMOTES.search(head)
    if m is None or not main.endswith(("推介会", "推介大会", "招商会", "洽谈会", "恳谈会")):
        return
    for x in filter(None, m.groups()):
        label = lex.industries.get(x) or lex.industries.get(x + "产业")
        if label is None and _new_sector_word(x, _sector_stop()) and not lex.place_re.match(x):
            label = x
            doc.ensure_entity("Industry", x)
        if label is not None:
            doc.relate("inIndustry", main, label, 0)
