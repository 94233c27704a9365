"""The organisations that convened or took part in an event (events): 苏州市委市政府召开“新年第一会”,
大会由A、B共同主办, 鼎晟科技昨日在安徽池州举行E, 进军CES的友达光电."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _rx, _type
from kg.extract.components.refs import sentences_mentions
from kg.extract.doc import Doc, Span


def conveners(doc: Doc, event_sents: set[int]) -> None:
    """The bodies before a verb of convening (召开, 举办, 主办) and the organisation after the event
    (…的X) took part in it; ``event_sents``: the sentences that may name an event."""
    text = doc.text
    convene = _rx("convene")
    for s, ms in zip(doc.sentences, sentences_mentions(doc)):
        for vm in convene.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            _hosted_by(doc, s, ms, v_start)
            ev = next((m for m in ms if 0 <= m.start - v_end <= 2 and _type(doc, m) == "Event"), None) if s.index in event_sents else None
            if ev is None:
                continue
            hosts = [m for m in ms if m.end <= v_start and not (text[m.start - 1 : m.start] == "在" and _type(doc, m) in ("Place", "Park"))]
            run = _bodies_before(doc, hosts, v_start, _CONVENERS_LEAD, ("", "、", "和", "与"))  # (where they hold it: no body)
            if not run:
                # 鼎晟科技(鼎晟)昨(18)日在安徽池州举行E: the body that holds it, its day and place between
                run = [m for m in ms if m.end <= v_start and _is_org(_type(doc, m)) and _HOLDER_GAP.fullmatch(text, m.end, v_start)][-1:]
            for m in run:
                doc.relate("participatedIn", m.label, ev.label, s.index)
            after = next((m for m in ms if m.start == ev.end + 1 and text[ev.end] == "的" and _is_org(_type(doc, m))), None)
            if after is not None:
                doc.relate("participatedIn", after.label, ev.label, s.index)

#: 大会由A、B共同主办: the event (named, or by its head) the clause is about, then 由
_HOSTED = re.compile("(?:大会|会议|论坛|峰会|活动|推介会|博览会|本届|此次|该活动|该会)?由$|主办[,、]$|由[^,。;]{2,40}(?:指导|支持)[,、]$")
# (由X主办, + A、B承办: the next bodies too; 由X指导, A、B主办: the hosts after the guiding body, which takes no part)


def _hosted_by(doc: Doc, s, ms: list[Span], v_start: int) -> None:
    """大会由A、B(共同)主办: A and B convened the sentence's event (the article's main event when
    the sentence names none)."""
    run = _bodies_before(doc, ms, v_start, _JOINTLY, ("、", "和", "与", "及"))
    edge = run[-1].start if run else v_start
    if not run or not _HOSTED.search(doc.text, max(s.start, edge - 48), edge):
        return
    evs = [m for m in ms if _type(doc, m) == "Event" and m.end <= edge]
    ev = evs[-1].label if evs else doc.notes.get("main_event")
    if ev:
        for m in run:
            doc.relate("participatedIn", m.label, ev, s.index)


#: between the last of the bodies and the verb: 苏州市委市政府召开, A、B共同主办
_CONVENERS_LEAD = re.compile("|、|和|与|(?:共同|联合)?在[^,。;、与和]{2,10}?(?:共同|联合|隆重|正式)?")  # (A与B在西昌举行E: where, between)
#: between a body and the verb of holding: its short form, the day, the place (X(简称)昨日在P隆重举行)
_HOLDER_GAP = re.compile(r"(?:\([^()]{1,8}\))?(?:今天|昨天|前天|今日|昨日|[今昨前]\(\d{1,2}\)日|(?:\d{1,2}月)?\d{1,2}日)"
                         r"(?:上午|下午|晚上)?在[^,。;、与和]{2,12}?(?:隆重|正式)?")
_JOINTLY = re.compile("(?:共同|联合)?")


def _bodies_before(doc: Doc, ms: list[Span], pos: int, lead: re.Pattern[str], joiners: tuple[str, ...]) -> list[Span]:
    """The run of organisations right before ``pos``, nearest first: the last of them separated
    from ``pos`` by ``lead``, each from the next by one of ``joiners``."""
    text = doc.text
    run: list[Span] = []
    edge = pos
    for m in reversed([m for m in ms if m.end <= pos]):
        gap = text[m.end : edge]
        if not (gap in joiners if run else lead.fullmatch(gap)) or not _is_org(_type(doc, m)):
            break
        run.append(m)
        edge = m.start
    return run
