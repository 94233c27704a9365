"""Event frames: launches, signings, participation (what a launch verb acts on: launch_objects.py; the
counts and totals of the projects signed or started: event_totals.py; who convened: event_hosts.py)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import (
    _event_of_sentence,
    _is_org,
    _rx,
    _sent_mentions,
    _type,
    of_type,
)
from kg.extract.components.event_hosts import conveners
from kg.extract.components.event_totals import _INTENT, _PAST, project_totals
from kg.extract.components.launch_objects import (
    _LISTED_LAUNCHES,
    _host_zone,
    _objects_near,
    _said_object,
)
from kg.extract.components.refs import clause_start
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import words
from kg.extract.registry import component
from kg.model import Sentence

_SEMI_OR_STOP = re.compile("[;。]")
_FULL_STOP = re.compile("。")

#: 共建的 before a name: those named before it built it together.
_CO_BUILT = re.compile("(?:共建|共同打造|联合打造|合作共建|联合共建|携手打造)的“?")
#: a paragraph about the ceremony's signings: 签约仪式上, 签约现场
_SIGNING_PARAGRAPH = re.compile("(?:[^,。;]{0,30}?(?:签约仪式|签约活动)上,|签约仪式上|签约现场|签约环节|现场签约环节|集中签约环节|(?:本次|此次)?签约项目中,)|[^,。;]{2,30}?与[^,。;]{2,40}?签约,"
                                # 主会场开工项目12个。…; 在A县分会场,开工项目10个…。B投资N建设C项目: a venue's batch
                                "|(?:在)?[^,。;]{0,8}?(?:主会场|分会场),?(?:集中)?(?:签约|开工|动工)(?:重大|重点)?项目(?:\\d+|[一二三四五六七八九十两]+)个")
#: X投资N(,)在P建设Y: a firm's project with its cost
_SPENDS_TO_BUILD = re.compile(r"投资[\d.]+(?:万|亿)(?:元|美元|欧元|港元|港币|日元|英镑|韩元|澳元|新台币|新加坡元)[^。;]{0,20}?(?:建设|兴建|打造|投建)")


#: a year named (a launch in the lead dated so is not the event's)
_A_YEAR = re.compile(r"(?:19|20)\d{2}年")
#: the end of a sentence (to test a paragraph's first one)
_SENTENCE_END = re.compile("[。!?\n]")


def _signing_paragraph(doc: Doc, s) -> tuple[int, int] | None:
    """The paragraph on the ceremony's signings sentence ``s`` is in (签约仪式上,A与B签约…。C投资N建设D项目;…),
    its own or one right before it when each paragraph between opens on a firm's spending to build (the
    list of signings runs on): its projects were signed there. (start, end) of that paragraph's opening
    clause, None if there is none."""
    text = doc.text
    if _PAST.search(s.text):
        return None
    para = text.rfind("\n", 0, s.start) + 1
    for back in range(4):  # (0: the sentence's own paragraph; 1-3: those before it)
        if (m := _SIGNING_PARAGRAPH.match(text, para)) is not None:
            return (para, m.end()) if para < s.start or back > 0 else None
        first = _SENTENCE_END.search(text, para)
        if not _SPENDS_TO_BUILD.search(text, para, first.end() if first else len(text)) or para == 0:
            return None
        para = text.rfind("\n", 0, para - 1) + 1  # the paragraph before
    return None


#: between the founders and the verb: 等单位共同发起(成立)
_FOUNDERS_GAP = re.compile(r"(?:等(?:\d+|[一二两三四五六七八九十]+)?(?:家|个|所)?(?:单位|企业|机构|高校|院所|成员单位)?)?(?:共同|联合)(?:发起)?|(?:等(?:\d+家)?(?:单位|企业|机构))?发起")
#: A sentence that goes on about the projects just counted (其中, X项目…).
_OF_THEM = ("其中,", "其中:", "其中包括")
#: A count of projects signed or started: 签约项目23个, 集中开工32个项目, 共签约项目.
_SIGNED_COUNT = re.compile(r"(?:签约|开工|动工)的?(?:[^,。;、\d]{0,10}?项目)?(?:\d+|[一二三四五六七八九十两]+)个|(?:签约|开工|动工)(?:了)?(?:\d+|[一二三四五六七八九十两]+)个(?:重大|重点)?项目|(?:签约|开工)项目总投资"
                           r"|(?:\d+|[一二三四五六七八九十两]+)家[^,。;]{0,6}?(?:企业|公司)(?:集中)?签约|集中签约,(?:协议)?总投资"
                           r"|(?:\d+|[一二三四五六七八九十两]+)个[^,。;]{0,6}?项目(?:(?:与|同)[^,。;]{1,12}?)?(?:集中|现场)?(?:签约|开工)"
                           r"|项目(?:\d+|[一二三四五六七八九十两]+)个[^。;]{0,20}?(?:集中|同步|现场)(?:签约|开工|动工)")  # 与12家配套企业集中签约, 园区与5个氢能项目签约, 3个项目与基金现场签约


def _signed_count_before(doc: Doc, index: int) -> bool:
    """Whether one of the three sentences before ``index`` counts projects signed or started (at
    the event: not over a period, 今年以来…新签约项目41个)."""
    return any(_SIGNED_COUNT.search(t := doc.sentences[i].text) and not _PAST.search(t) for i in range(max(0, index - 3), index))


#: a venue of the event opening a sentence (在合江县分会场, 主会场上) and what was started or signed there (开工的)
_VENUE = "(?:在)?[^,。;]{0,8}?(?:主会场|分会场)(?:上|现场)?"
_STARTED_THERE = "(?:集中|同步)?(?:签约|开工|动工)的"
#: the projects signed or started, as a set a sentence opens on (此次开工的项目中), and the signing part of an event
_PROJECTS_AMONG = "[^,。;]{0,6}?(?:集中)?(?:签约|开工|动工)(?:入驻|落地|落户)?的?(?:\\d+个|[两三四五六七八九十]+个)?(?:重大|重点|产业)?项目中"
_SIGNING_PART = "在?(?:现场|集中)?签约(?:环节|方面)"
#: A sentence about the set of projects signed or started: 签约项目中, 此次开工的项目中.
_AMONG_SIGNED = re.compile(f"(?:(?:据介绍|据了解|记者了解到|记者获悉|另悉|其中),)?{_PROJECTS_AMONG}"
                           f"|{_VENUE},?[^,。;]{{0,8}}?{_STARTED_THERE}"  # 主会场开工的X项目…; 在分会场,A县开工的
                           "|(?:根据|按照|依据)(?:协议|签约内容|合作协议|投资协议),"  # 根据协议,X将投资…建设Y项目: what was signed
                           f"|(?:签约|开工|投产|竣工)?(?:仪式|典礼)上,|(?:签约|仪式|典礼)现场,|{_SIGNING_PART}(?:中|上)?,")  # 仪式上,A与B签约,…;C投资N建设Y项目: the ceremony's projects
#: a sentence opening on a sector's section of a list: 泛半导体领域, 新能源板块中
_SECTOR_SECTION = re.compile("[^,。;]{2,12}?(?:板块|领域|类项目)(?:中|里|上|方面)?,")
#: a sentence opening on the event's day (同日,X在P开工建设; 同日开工的还有X): what it tells happened there
_SAME_DAY_LEAD = re.compile("同日|同一天|当天|当日")
#: a sentence whose subject started or was unveiled alongside (X产业园同步开工建设): at the article's event
_ALONGSIDE = re.compile("同步(?:开工|启动|揭牌|奠基)")
#: a subject started that day or at a venue of the event, wherever the sentence says so (X项目同日在P开工,
#: A、B等也在各分会场同步开工): at the article's event
_STARTED_AT_EVENT = re.compile("(?:同日|同一天|当天|当日)(?:在[^,。;]{1,15}?)?(?:同步|集中|正式)?(?:开工|签约|动工|奠基|揭牌)"
                               "|在(?:各|其他)?(?:主|分)会场(?:同步|同时|集中)?(?:开工|签约|动工|奠基)")
#: a count of projects right after a verb of starting (开工项目18个, 开工32个重大项目): a place's batch, no park started
_PROJECTS_COUNTED = re.compile(r"(?:重大|重点)?项目(?:\d+|[一二两三四五六七八九十]+)个|(?:\d+|[一二两三四五六七八九十]+)个")
#: a sentence about the projects signed or started at the event, wherever it stands (开工项目中,…; 在签约环节,…)
_AMONG_AT_EVENT = re.compile(f"(?:(?:据介绍|据了解|其中),)?{_PROJECTS_AMONG}|{_SIGNING_PART}")
#: a sentence whose subject is an event by the head of its name: (本届)大会发布了…
_BARE_HEAD = re.compile("(?:本届|此次|本次)?(大会|论坛|峰会|博览会|推介会|洽谈会|年会|交易会|对接会|发布会)(?:还|同时|现场|期间)?(?:发布|启动|揭牌|成立|签约)")
#: between a launch verb and the name it launches: 了, a size (设立规模30亿元的X基金)
_VERB_TO_NAME = re.compile(r"了?(?:(?:总)?规模(?:为|达)?[\d.]+(?:万|亿)?元的)?")
#: founding together, before a verb of launching (合资成立的C: a description of C)
_TOGETHER = ("合资", "共同", "联合", "出资")
#: A sentence opening at a venue of the event: 古蔺县分会场开工的, 在合江县分会场,
_AT_VENUE = re.compile(f"{_VENUE}(?:,|{_STARTED_THERE})")
#: Words that open a list of the projects just counted or started.
_LISTED = re.compile("其中包括|其中有|包括|分别是|分别为|名列其中|如|的还有")


@component("events")
def events(doc: Doc) -> None:
    text = doc.text
    sent_event = _event_of_sentence(doc)
    main = doc.notes.get("main_event")
    event_ms = of_type(doc, doc.mentions, "Event")
    # the sentences that may hold an event's mention (most hold none: their mentions need no scan below)
    event_sents = {doc.sentence_at(m.start) for m in event_ms}
    project_totals(doc, sent_event, main, event_ms, event_sents)  # counts and totals of projects signed or started at an event
    # launches and signings in sentences about an event
    launch, sign = _rx("launch"), _rx("sign")
    ceremony = next((e.label for e in doc.entities.values() if e.type == "Event" and "开幕式" in e.label and "签约" in e.label),
                    None) if main and "签约" not in main else None
    among = False  # the sentence before lists the projects signed (…的项目中,)
    for s in doc.sentences:
        ev = sent_event.get(s.index)
        if not ev and main and s.index <= 12 and not _PAST.search(s.text) and not _A_YEAR.search(s.text):
            ev = main  # a launch in the lead of an article about one event is made there
        if not ev and main and (_AT_VENUE.match(s.text) or _AMONG_AT_EVENT.match(s.text) or _SAME_DAY_LEAD.match(s.text)
                                or _ALONGSIDE.search(s.text, 0, 30) or _STARTED_AT_EVENT.search(s.text)):
            ev = main  # 古蔺县分会场开工的X项目, 合江县分会场,A…建设Y项目, 开工项目中,…: at the article's event
        if not ev and main and (head := _BARE_HEAD.match(s.text)) is not None and main.endswith(head.group(1)):
            ev = main  # 大会发布了《X》: the article's event by the head of its name
        spends = _SPENDS_TO_BUILD.search(s.text) is not None
        signing = _signing_paragraph(doc, s) if spends else None  # (looked up once: three rules below ask)
        # 泛半导体领域,A投资N建设Y项目: a sector's section of the signing's list (此次签约项目…涵盖泛半导体…等领域)
        section = spends and main is not None and "签约" in main and _SECTOR_SECTION.match(s.text) is not None \
            and not _PAST.search(s.text)
        if not ev and main and (signing is not None or section):
            ev = main  # (签约仪式上,…。)…D板块中,A投资N建设Y项目: a signing of a list that runs on past the lead
        if not ev:
            among = False
            continue
        ms = _sent_mentions(doc, s)
        for vm in launch.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            clause = clause_start(text, s.start, v_start)
            if _PLANNED.search(text, clause, v_start):
                continue  # X将在Y设立Z: a plan of the agreement, not a launch at the event
            if text.startswith("的", v_end) and text.endswith(_TOGETHER, 0, v_start):
                continue  # A与B合资成立的C: the firm described by its founding, not founded at the event
            if text.endswith("合资", 0, v_start) and "合资" not in ev:
                continue  # A与B合资成立C,投资N建设Y: a joint venture among the deals, not the event's own founding
            objects = _objects_near(doc, ms, v_start, v_end)
            if text.startswith(":", v_end):
                # 两只子基金同时揭牌:A规模15亿元…;B规模10亿元…: what opens each item of the list after the colon
                objects = [m for m in ms if m.start > v_end and (m.start == v_end + 1 or text[m.start - 1] in ";、")
                           and _type(doc, m) in _LISTED_LAUNCHES] or objects
            # 两江新区 inside 两江新区X产业园: the zone that hosts the park, not launched with it
            objects = [o for o in objects if not _host_zone(doc, o, objects)]
            said = _said_object(doc, ms, v_end)
            if said is not None and objects and all((_is_org(_type(doc, o)) and _type(doc, o) != "Fund") or _type(doc, o) in ("Park", "Place")
                                                    for o in objects):
                # X局发布了《Y》, 高新区还发布了《Y》: the body or zone before the verb released Y there
                # (its subject, not what it released)
                for o in objects:
                    if _is_org(_type(doc, o)):
                        doc.relate("participatedIn", o.label, ev, s.index)
                        # A与B联合发布: both release it
                        ally = next((m for m in ms if m.end == o.start - 1 and text[m.end] in "与和" and _is_org(_type(doc, m))), None)
                        if ally is not None:
                            doc.relate("participatedIn", ally.label, ev, s.index)
                objects = [said]
            elif objects and all(_is_org(_type(doc, o)) and _type(doc, o) != "Fund" and o.end <= v_start for o in objects):
                # X局还启动了Y: the body before the verb acts when a name follows the verb
                nxt = next((m for m in ms if m.start >= v_end), None)
                if nxt is not None and _VERB_TO_NAME.fullmatch(text, v_end, nxt.start) \
                        and _type(doc, nxt) not in ("Person", "Place", "Industry", "Event"):
                    for o in objects:
                        doc.relate("participatedIn", o.label, ev, s.index)
                    objects = [nxt]
            if objects and all(_is_org(_type(doc, o)) and o.end <= v_start for o in objects) \
                    and _FOUNDERS_GAP.fullmatch(text, max(o.end for o in objects), v_start):
                objects = []  # 由A、B、C等单位共同发起成立: the founders, not what was founded
            for obj in objects:
                t = _type(doc, obj)
                if t == "Project" and vm.group() in words("sign"):
                    doc.relate("signedAt", obj.label, ev, s.index)
                elif t in ("Initiative", "Fund", "Park", "Project") or _is_org(t):
                    # a project released or unveiled (发布, 揭牌) is launched, not signed
                    doc.relate("launched", ev, obj.label, s.index)
                    # A与B共建的X揭牌: A and B unveiled it there
                    co = _CO_BUILT.search(text, s.start, obj.start)
                    if co is not None and co.end() == obj.start:
                        c0 = clause_start(text, s.start, co.start())
                        for m in ms:
                            if c0 <= m.start and m.end <= co.start() and _is_org(_type(doc, m)):
                                doc.relate("participatedIn", m.label, ev, s.index)
        among_now = _AMONG_SIGNED.match(s.text) or (s.text.startswith(_OF_THEM) and _signed_count_before(doc, s.index)) \
            or (spends and (signing is not None or section or _AT_VENUE.match(s.text)))
        # …的项目中,X项目总投资…。Y项目总投资…: a list of the signed projects that runs on into the next
        # sentences, each opening with a project
        go_on = among and ms and ms[0].start == s.start and _type(doc, ms[0]) == "Project"
        among = bool(among_now or go_on)
        if among:
            # 签约项目中,投资额最大的是…X项目: the projects named are among those signed (at the series' own
            # signing ceremony when the article's event is a series that opened with one: X周开幕式暨签约仪式)
            at = ceremony if ceremony is not None and ev == main else ev
            opening = (signing if spends else _signing_paragraph(doc, s)) if ev == main else None
            named = next((m for m in event_ms if opening is not None and opening[0] <= m.start and m.end <= opening[1]), None)
            if named is not None:
                at = doc.entity(named.label).label  # 开幕式后举行的X签约仪式上,…。A投资N建设Y项目: at that ceremony
            for obj in ms:
                if _type(doc, obj) == "Project":
                    doc.relate("signedAt", obj.label, at, s.index)
        for vm in sign.finditer(s.text):
            v_start = s.start + vm.start()
            if any(m.start <= v_start < m.end for m in ms):
                continue  # inside a name (集中开工仪式)
            v_ev = _event_at(doc, ms, s, v_start, ev) if s.index in event_sents else ev  # (no event named in it: ev)
            if s.text[: vm.start()].endswith(("揭牌", "发布", "亮相", "授牌")):
                continue  # 揭牌落地: unveiled there, not signed
            clause = clause_start(text, s.start, v_start)
            if _INTENT.search(text, clause, v_start):
                continue  # 推动…项目落地: a wish, not a signing
            for obj in ms:
                if not (clause <= obj.start and obj.end <= v_start):
                    continue
                t = _type(doc, obj)
                if t == "Project" and re.search("基金(?:项目)?$", obj.label):
                    doc.relate("launched", v_ev, obj.label, s.index)  # a fund signed is launched
                elif t == "Project":
                    doc.relate("signedAt", obj.label, v_ev, s.index)
                elif t == "Park" and vm.group() in ("开工", "奠基", "开工建设"):
                    if _host_zone(doc, obj, ms) or text[obj.start - 1 : obj.start] == "在" or "是" in text[obj.end : v_start] \
                            or text.endswith(("位于", "坐落于", "地处"), 0, obj.start) \
                            or _PROJECTS_COUNTED.match(text, s.start + vm.end()) or "分会场" in text[obj.end : v_start]:
                        continue  # 两江新区 inside 两江新区X产业园, X产业园在Y开发区开工: the zone hosts the park that starts;
                        # X开发区是本次集中开工的主战场, X分会场开工项目18个, X集中开工项目32个: where the projects start; 位于X的Y产业园开工: X hosts Y
                    doc.relate("launched", v_ev, obj.label, s.index)  # a park whose construction starts
            if vm.group() in ("签约", "签订", "签署") and ev:
                # A与园区签约X项目: the project right after the verb was signed there
                after = next((m for m in ms if m.start in (s.start + vm.end(), s.start + vm.end() + 1)), None)
                if after is not None and _type(doc, after) == "Project" and text[s.start + vm.end() : after.start] in ("", "了", "建设", "投资建设"):
                    doc.relate("signedAt", after.label, v_ev, s.index)
            # the projects listed after a count or a start: …同步开工,其中包括X项目和Y项目; 分别是A、B
            seg_end = _SEMI_OR_STOP.search(s.text, vm.end())
            lm = _LISTED.search(s.text, vm.end(), seg_end.start() if seg_end else len(s.text))
            if lm:
                # (包括:A…;B…;以及C、D等: a list after a colon runs on over its semicolons)
                stop = (_FULL_STOP if s.text.startswith(":", lm.end()) else _SEMI_OR_STOP).search(s.text, lm.end())
                for obj in ms:
                    if s.start + lm.end() <= obj.start and (stop is None or obj.end <= s.start + stop.start()) and _type(doc, obj) == "Project":
                        doc.relate("signedAt", obj.label, v_ev, s.index)
                    elif s.start + lm.end() == obj.start and _type(doc, obj) == "Park" and vm.group() in ("开工", "奠基", "开工建设") \
                            and lm.group() == "的还有" and not _host_zone(doc, obj, ms):
                        doc.relate("launched", v_ev, obj.label, s.index)  # 同日开工的还有X产业园: a park whose works start
    # an event named after a project's start: …项目启动仪式
    # (…项目签约仪式: by any of the project's names, 以下简称“醴陵基地项目” among them)
    projects = [(p.label, tuple(n + act for n in {p.label, *p.aliases} if len(n) >= 4 for act in ("启动", "开工", "签约")))
                for p in doc.entities.values() if p.type == "Project"]  # (relate adds no entity)
    for e in list(doc.entities.values()):
        if e.type != "Event":
            continue
        for name in {e.label, *e.aliases}:
            if "启动" not in name and "开工" not in name and "签约" not in name:
                continue  # (each name looked for below ends in one of them)
            for p, acts in projects:
                if any(a in name for a in acts):
                    doc.relate("signedAt", p, e.label, 0)
    conveners(doc, event_sents)  # organisations that convened or took part: 苏州市委市政府召开“新年第一会”


def _event_at(doc: Doc, ms: list[Span], s: Sentence, pos: int, default: str) -> str:
    """The event named last before ``pos`` in its ;-segment of the sentence, else ``default``."""
    seg_start = s.start + clause_start(s.text, 0, pos - s.start, ";")
    named = [m.label for m in ms if seg_start <= m.start and m.end <= pos and _type(doc, m) == "Event"]
    return named[-1] if named else default


#: A launch still to come: 将在Y设立, 计划于明年成立.
_PLANNED = re.compile(r"(?:将|拟|计划|准备)(?:于[^,。;]{1,10}?)?(?:(?:在|联合|与|推动|由)[^,。;]{1,24}?)?(?:共同|合资|联合)?(?:出资|发起)?$")
