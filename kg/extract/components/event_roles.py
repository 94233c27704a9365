"""Who and what an event involves beyond its verbs: what its name says it opens (X揭牌仪式, read in
named_ceremonies.py), the organisations that convened it (主办方为X) or signed there (X与Y签署协议),
and the projects on its signing list (均在本次签约清单之列)."""

from __future__ import annotations

import re
from datetime import date

from kg.extract.components.clauses import (
    _event_of_sentence,
    _is_org,
    _type,
    of_type,
)
from kg.extract.components.founders import founders_took_part
from kg.extract.components.named_ceremonies import (
    _named_for,
    _parties_in_name,
    _started_in_name,
)
from kg.extract.components.refs import clause_start, sentences_mentions
from kg.extract.doc import Doc, Span
from kg.extract.names import BUILD
from kg.extract.registry import component
from kg.model import DateValue, Sentence

#: Convening roles: 主办方为X和Y, 承办单位是X、Y.
_ROLE = re.compile(r"(?:主办方|承办方|主办单位|承办单位|协办单位|协办方|指导单位)(?:则|分别)?(?:为|是|:)")
_HELD = re.compile("(?:举办|主办|承办|召开|举行)了?")
#: a verb of building before a project's name
_BUILDS = re.compile(f"{BUILD}|实施")
#: what a person right before it did at the event: attended, spoke, presided
_ATTENDS = re.compile("(?:等)?(?:出席|参加|致辞|主持|讲话|见证|发言)")
_HELD_GAP = re.compile(r"(?:在[^,。;]{1,10}?)?(?:已经|已|先行|正式|隆重|共同|联合|成功|还|也)*")
#: Signing: X与Y签署战略合作协议, X、Y分别与Z签订协议, 与Y完成签约.
_SIGN = re.compile("签署|签订|签约|签下|完成签约")
#: Words that put a sentence in the past: not the event's.
_PAST = re.compile("去年|前年|此前|上一届|上届|曾经|曾")
#: a signing the clause says is already done: 已与Y签署, 已经签订
_SIGNED_BEFORE = re.compile("已(?:经)?(?:(?:与|同|和)[^,。;]{1,30})?$")
#: The signing list: 恒力、清陶这两个项目均在本次签约清单之列; 佰才邦、朗科智能均为本次签约企业.
_LIST = re.compile("(?:均|都|也)?(?:在|为|是|属于)(?:本次|此次|这次|今天|当天)?(?:签约|开工)(?:清单|名单|项目|企业)")


# compiled once (the rule below runs per candidate)
_EVENT_WORD = re.compile("仪式|活动|大会|现场|会")
_AT_EVENT = re.compile("上|期间|现场")
_CLAUSE_MARKS = re.compile("[,;:。]")


@component("event_roles")
def event_roles(doc: Doc) -> None:
    _named_for(doc)
    _started_in_name(doc)
    sent_event = _event_of_sentence(doc)
    main = doc.notes.get("main_event")
    elsewhere: set[str] = set()  # people placed at a second event
    for s, ms in zip(doc.sentences, sentences_mentions(doc)):
        evs = of_type(doc, ms, "Event")
        ev = evs[0].label if evs else sent_event.get(s.index)
        if ev is None and main and not _PAST.search(s.text):
            ev = main
        if ev is None:
            continue
        # X在湖州已先行举办了EVENT: the firm that held it
        for hm in _HELD.finditer(s.text):
            held = next((m for m in evs if m.start == s.start + hm.end()), None)
            if held is None:
                continue
            c0 = s.start + clause_start(s.text, 0, hm.start(), ",;:。")
            subj = next((m for m in ms if m.start == c0), None)
            if subj is not None and _is_org(_type(doc, subj)) and _HELD_GAP.fullmatch(doc.text[subj.end : s.start + hm.start()]):
                doc.relate("participatedIn", subj.label, held.label, s.index)
        # X总书记在EVENT上…; 在…EVENT上,副市长X…
        for em in evs:
            if not _AT_EVENT.match(doc.text, em.end, em.end + 2):
                continue
            at = doc.text.rfind("在", max(s.start, em.start - 24), em.start)
            if at < 0 or re.search("[,。;]", doc.text[at : em.start]):
                continue
            people = [m for m in ms if _type(doc, m) == "Person"]
            before = [m for m in people if m.end <= at and at - m.end <= 8 and not re.search("[,。;、]", doc.text[m.end : at])]
            after = [m for m in people if m.start > em.end and m.start - em.end <= 10 and re.fullmatch("(?:上|期间|现场)[,]?[^,。;、]{0,8}", doc.text[em.end : m.start])]
            for m in before[-1:] + after[:1]:
                doc.relate("participatedIn", m.label, em.label, s.index)
                if em.label != main:
                    elsewhere.add(m.label)
        # X举行EVENT2,副市长Y出席并致辞: people attending a second event the sentence names
        if evs and main and doc.entity(evs[0].label) is not doc.entity(main):
            for m in ms:
                if m.start > evs[0].end and _type(doc, m) == "Person" and _ATTENDS.match(doc.text, m.end):
                    doc.relate("participatedIn", m.label, evs[0].label, s.index)
                    elsewhere.add(m.label)
        # 主办方为X和Y
        for rm in _ROLE.finditer(s.text):
            for org in _chain_after(doc, ms, s.start + rm.end()):
                doc.relate("participatedIn", org.label, ev, s.index)
        # signers
        if not _PAST.search(s.text) and _SIGN.search(s.text) and (evs or not _on_trip(doc, s)):  # (no signing verb: nothing to do)
            for vm in _SIGN.finditer(s.text):
                v = s.start + vm.start()
                if any(m.start <= v < m.end for m in ms) or _EVENT_WORD.match(s.text[vm.end() :]):
                    continue  # inside a name (签约仪式)
                marks = [m.end() for m in _CLAUSE_MARKS.finditer(s.text, 0, vm.start())]
                c0 = s.start + (marks[-1] if marks else 0)
                if doc.text.startswith(("与", "同", "和"), c0) and len(marks) >= 1 and s.text[marks[-1] - 1] == ",":
                    # X联合Y,与Z签订协议: the subject is in the clause before
                    c0 = s.start + (marks[-2] if len(marks) >= 2 else 0)
                if "签" not in ev and _SIGNED_BEFORE.search(doc.text, c0, v):
                    continue  # (at a press conference) X已与Y签署合作协议: signed before, not at it
                for m in ms:
                    if c0 <= m.start and m.end <= v and _is_org(_type(doc, m)) and _signer(doc, m, v):
                        doc.relate("participatedIn", m.label, ev, s.index)
                # 管委会与X签约,X将投资N,在P建设Y项目: the project the signing clause goes on to build
                v_end = s.start + vm.end()
                if vm.group() == "签约" and doc.text.startswith(",", v_end) and any(
                        c0 <= m.start < v and _is_org(_type(doc, m)) for m in ms):
                    nxt = re.search("[。;]", doc.text[v_end:s.end])
                    stop = v_end + nxt.start() if nxt else s.end
                    for m in ms:
                        if v_end < m.start < stop and _type(doc, m) == "Project" and _BUILDS.search(doc.text, v_end, m.start):
                            doc.relate("signedAt", m.label, ev, s.index)
                _listed_after(doc, s, ms, ev, c0, v)
                # 签订X项目合作协议: the project whose agreement is signed is signed there
                for m in ms:
                    if v_end <= m.start <= v_end + 2 and _type(doc, m) == "Project" and re.match(r"了?", doc.text[v_end : m.start]) \
                            and re.match(r"(?:的)?[^,。;]{0,6}?(?:协议|合同|协议书)", doc.text[m.end : m.end + 12]):
                        doc.relate("signedAt", m.label, ev, s.index)
        # the signing list
        lm = _LIST.search(s.text)
        if lm:
            c0 = s.start + clause_start(s.text, 0, lm.start(), ",;:。")
            for m in ms:
                if not (c0 <= m.start and m.end <= s.start + lm.start()):
                    continue
                t = _type(doc, m)
                if t == "Project":
                    doc.relate("signedAt", m.label, ev, s.index)
                elif _is_org(t):
                    proj = _project_of(doc, m)
                    if proj is not None:
                        doc.relate("signedAt", proj, ev, s.index)
                    elif "企业" in lm.group():
                        doc.relate("participatedIn", m.label, ev, s.index)
        _acting_for(doc, s, ms, ev)
    _only_elsewhere(doc, elsewhere, main, sent_event)
    _long_before(doc, main)
    _parties_in_name(doc)
    founders_took_part(doc)


#: What a person does at an event on behalf of the body they serve: 发布, 揭牌, 签署.
_ACTS = re.compile("发布|推出|揭牌|签署|签订")
#: 代表党工委、管委会,对出席活动的嘉宾表示欢迎: the bodies a speaker stands for as hosts.
_ON_BEHALF = re.compile("代表")


#: signing right after the bodies a person stands for (代表A和B签署)
_SIGNS_FOR = re.compile("(?:共同|现场|正式)?(?:签署|签订|签约)")


def _acting_for(doc: Doc, s, ms: list[Span], ev: str) -> None:
    """Organisations that act at the event through their people: X集团总经理Y发布了…
    (Y's post is at X), 代表党工委、管委会致辞 (the bodies a speaker stands for)."""
    text = doc.text
    posts = None  # built when first needed (most sentences have no act)
    for vm in _ACTS.finditer(s.text):
        v = s.start + vm.start()
        if any(m.start <= v < m.end for m in ms):
            continue
        c0 = s.start + clause_start(s.text, 0, vm.start(), ",;:。")
        people = [m for m in ms if c0 <= m.start and m.end <= v and _type(doc, m) == "Person"]
        if not people or not re.fullmatch(r"(?:对外|正式|共同|现场|还|也|则|分别)*(?:了)?", text[people[-1].end : v]):
            continue
        if posts is None:
            posts = {(r.subject, r.object) for r in doc.relations if r.predicate == "holdsPosition" and r.object}
        for org in ms:
            if c0 <= org.start and org.end <= people[-1].start and _is_org(_type(doc, org)) and (people[-1].label, doc.entity(org.label).label) in posts:
                doc.relate("participatedIn", org.label, ev, s.index)
    for bm in _ON_BEHALF.finditer(s.text):
        at = s.start + bm.end()
        if text.startswith("双方", at) and _SIGNS_FOR.match(text, at + 2):
            _both_sides(doc, s, ms, s.start + bm.start(), ev)
            continue
        chain = _chain_after(doc, ms, at)
        # welcoming those who came makes the bodies hosts; congratulating on the signings does not
        if chain and re.match(r",?(?:对|向)(?:出席|参加|到场|莅临|前来|与会)", text[chain[-1].end : chain[-1].end + 6]):
            for org in chain:
                if _type(doc, org) == "GovernmentBody":
                    doc.relate("participatedIn", org.label, ev, s.index)
        elif chain and _SIGNS_FOR.match(text, chain[-1].end):
            for org in chain:  # A与B代表管委会和X集团签署协议: the bodies sign there through their people
                if _is_org(_type(doc, org)):
                    doc.relate("participatedIn", org.label, ev, s.index)


def _both_sides(doc: Doc, s, ms: list[Span], at: int, ev: str) -> None:
    """A集团总经理X与B公司董事长Y代表双方签署协议: A and B sign there, as partners (each side by
    the post its person holds nearest the name)."""
    people = [m for m in ms if m.end <= at and _type(doc, m) == "Person"]
    sides: list[str] = []
    for p in dict.fromkeys(doc.entity(m.label).label for m in people):
        held = [r.object for r in doc.relations if r.predicate == "holdsPosition" and r.subject == p and r.sentence == s.index and r.object]
        if held and held[-1] not in sides:
            sides.append(held[-1])
    if len(sides) != 2:
        return
    for org in sides:
        doc.relate("participatedIn", org, ev, s.index)
    doc.relate("partnerOf", sides[0], sides[1], s.index)


def _only_elsewhere(doc: Doc, people: set[str], main: str | None, sent_event: dict[int, str]) -> None:
    """A person placed at a second event and never in a sentence about the main one
    did not take part in the main one."""
    if not main or not people:
        return
    main_label = doc.entity(main).label if doc.entity(main) else main
    drop = set()
    for label in people:
        e = doc.entity(label)
        if e is not None and not any(doc.entity(sent_event.get(m.sentence)) is doc.entity(main) for m in e.mentions):
            drop.add(e.label)
    doc.relations = [r for r in doc.relations if not (r.predicate == "participatedIn" and r.subject in drop and r.object == main_label)]


def _long_before(doc: Doc, main: str | None) -> None:
    """An event more than a week before the article's date (已于上月28日在X上签署) is not what the
    article reports: only the people named in a sentence about it took part, not everyone it names."""
    e = doc.entity(main) if main else None
    dateline = doc.article.dateline
    if e is None or not dateline or len(dateline) != 10:
        return
    day = next((r.object.value for r in doc.relations if r.predicate == "date" and r.subject == e.label
                and isinstance(r.object, DateValue) and len(r.object.value) == 10), None)
    try:
        if day is None or (date.fromisoformat(dateline) - date.fromisoformat(day)).days <= 7:
            return
    except ValueError:  # (a dateline or day no calendar has: nothing to compare)
        return
    about = {m.sentence for m in e.mentions}
    drop = {p.label for p in doc.entities.values() if p.type == "Person" and not any(m.sentence in about for m in p.mentions)}
    doc.relations = [r for r in doc.relations if not (r.predicate == "participatedIn" and r.subject in drop and r.object == e.label)]


#: A paragraph about the rest of a trip (在粤期间, 此行): its signings are not the event's.
_TRIP = re.compile(r"^(?:[^,。]{0,12}?)在[^,。;]{1,8}?期间|此行|考察期间|拜访|走访")


_PARTY = re.compile("此行|一行")
#: _TRIP in two parts (its search is true when either is): the anchored head, and the words,
#: whose literal first characters let the scan skip in C (the whole pattern has no such start)
_TRIP_HEAD = re.compile(r"(?:[^,。]{0,12}?)在[^,。;]{1,8}?期间")
_TRIP_WORDS = re.compile("此行|考察期间|拜访|走访")


def _on_trip(doc: Doc, s) -> bool:
    para_start = doc.text.rfind("\n", 0, s.start) + 1
    first = doc.sentences[doc.sentence_at(para_start)] if para_start < s.end else s
    t = first.text  # (_TRIP.search(t), faster)
    return bool("期间" in t and _TRIP_HEAD.match(t) or _TRIP_WORDS.search(t)) or bool(_PARTY.search(s.text))


def _signer(doc: Doc, m: Span, v: int) -> bool:
    """Whether a firm before a signing verb signs: the subject (X与Y签署, X、Y分别与Z签订) or the
    partner, not a firm named in what is signed (X旗下的…, 代表市委对项目签约, X打造的项目签约)."""
    gap = doc.text[m.end : v]
    if "的" in gap or re.match(r"[^与和]*等[^,。;与和]{0,10}项目", gap):
        return False  # X旗下的…, X打造的项目, A、B等4个项目 (what is signed)
    if re.search("对|向|为|代表|项目", gap) and not re.match("(?:、|和|与|及)", gap):
        return False
    return not doc.text[max(0, m.start - 2) : m.start].endswith(("代表", "对"))


def _chain_after(doc: Doc, ms: list[Span], pos: int) -> list[Span]:
    out = []
    for m in ms:
        if m.start < pos:
            continue
        if not re.fullmatch(r"(?:、|和|与|及|以及|)", doc.text[pos : m.start]) or not _is_org(_type(doc, m)):
            break
        out.append(m)
        pos = m.end
    return out


def _project_of(doc: Doc, m: Span) -> str | None:
    """The one project of the article whose name starts with a firm's name (恒力 -> 恒力新材料产业园项目)."""
    names = {doc.text[m.start : m.end]}
    e = doc.entity(m.label)
    if e is not None:
        names |= {e.label, *e.aliases}
    found = sorted({p.label for p in doc.entities.values() if p.type == "Project" and any(len(n) >= 2 and p.label.startswith(n) for n in names)})
    return found[0] if len(found) == 1 else None


#: what follows the firm that signs with others (X分别与A、B签订…)
_WITH = re.compile("(?:分别)?(?:与|同|和)")
#: the signing of projects' agreements (签订项目投资协议, 签署3个项目合作协议)
_PROJECT_DEAL = re.compile("项目[^,。;]{0,6}?(?:协议|合同)")


def _listed_after(doc: Doc, s: Sentence, ms: list[Span], ev: str, c0: int, v: int) -> None:
    """X分别与A、B签订项目投资协议。其中,P1…;P2…: the projects the next sentence lists are those signed
    (at the event), and the firm that signed them with the others (X分别与…) invests in them."""
    if s.index + 1 >= len(doc.sentences) or not _PROJECT_DEAL.search(doc.text, v, s.end):
        return
    nxt = doc.sentences[s.index + 1]
    if not doc.text.startswith("其中", nxt.start):
        return
    firm = next((m for m in ms if c0 <= m.start < v and _type(doc, m) == "Company" and _WITH.match(doc.text, m.end)), None)
    firm = firm.label if firm is not None else None
    for m in sentences_mentions(doc)[nxt.index]:
        if _type(doc, m) == "Project":
            doc.relate("signedAt", m.label, ev, nxt.index)
            if firm is not None and not doc.has_relation("investor", m.label):
                doc.relate("investor", m.label, firm, nxt.index)
